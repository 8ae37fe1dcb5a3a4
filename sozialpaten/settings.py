"""Settings for the Sozialpaten-Portal, read from the environment.

Without any environment the portal runs as a newcomer expects: SQLite in the project
folder, tasks executed in-process and a local-memory cache. Production sets
DATABASE_URL (PostgreSQL) and REDIS_URL (broker and cache, with a Celery worker).
Every variable is listed in .env.example and in the README.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_email, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Environment variable SECRET_KEY is required when DEBUG is off "
            "(for local development set DEBUG=1, as the Makefile does)."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_url("SITE_URL", "http://127.0.0.1:8000", schemes=("http", "https")).rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "django_filters",
    "django_htmx",
    "accounts",
    "places",
    "taxonomy",
    "parties",
    "companies",
    "organisations",
    "exchange",
    "patronships",
    "matching",
    "seals",
    "communication",
    "notifications",
    "audit",
    "advisors",
    "workspace",
    "directory",
    "publication",
    "newsletter",
    "reports",
    "pages",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "sozialpaten.urls"
WSGI_APPLICATION = "sozialpaten.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "pages.context_processors.programme",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
_database_url = env_url(
    "DATABASE_URL",
    f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
    schemes=("sqlite", "postgres", "postgresql", "pgsql"),
)
DATABASES = {
    "default": dj_database_url.parse(
        _database_url,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: broker and cache when configured; otherwise in-process tasks and a local cache.
REDIS_URL = env_url("REDIS_URL", schemes=("redis", "rediss"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "sozialpaten"),
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Berlin"
# Daily and weekly jobs, run by `celery beat` (see the Procfile). Times are local.
CELERY_BEAT_SCHEDULE: dict = {
    "patronship-lifecycle": {
        "task": "patronships.tasks.patronships_daily",
        "schedule": crontab(hour=6, minute=15),
    },
    "seal-expiry": {
        "task": "seals.tasks.seals_daily",
        "schedule": crontab(hour=6, minute=30),
    },
    "notification-digest": {
        "task": "notifications.tasks.digest_weekly",
        "schedule": crontab(hour=7, minute=0, day_of_week="monday"),
    },
    # Suggestions are kept fresh change by change; once a night everything is recomputed,
    # which also renews the word weights that in-place updates leave as they were.
    "matching-rebuild": {
        "task": "matching.tasks.rebuild_suggestions",
        "schedule": crontab(hour=3, minute=30),
    },
    # Newsletter sending whose worker died or whose retries ran out goes on (or is closed).
    "newsletter-resume": {
        "task": "newsletter.tasks.sending_resume",
        "schedule": crontab(minute="*/5"),
    },
}

# Each worker keeps its matching index between refreshes (see matching/resident.py); off,
# every refresh builds one from the database.
MATCHING_KEEP_INDEX = env_bool("MATCHING_KEEP_INDEX", True)

# The coordinator's workflow: when an unanswered introduction is reminded and escalated,
# and how early renewal is offered and check-ins are announced.
INTRODUCTION_REMINDER_DAYS = env_int("INTRODUCTION_REMINDER_DAYS", 7, minimum=1)
INTRODUCTION_ESCALATION_DAYS = env_int("INTRODUCTION_ESCALATION_DAYS", 14, minimum=1)
INTRODUCTION_LINK_DAYS = env_int("INTRODUCTION_LINK_DAYS", 30, minimum=1)
RENEWAL_OFFER_DAYS = env_int("RENEWAL_OFFER_DAYS", 60, minimum=1)
CHECKIN_NOTICE_DAYS = env_int("CHECKIN_NOTICE_DAYS", 7, minimum=0)

# Seals: the title printed on them, when holders are reminded before expiry, and how many
# public verifications one address may make per window (seconds).
SEAL_TITLE = env_str("SEAL_TITLE", "Lausitzer Sozialpate")
SEAL_EXPIRY_NOTICE_DAYS = env_int("SEAL_EXPIRY_NOTICE_DAYS", 30, minimum=1)
SEAL_VERIFY_RATE_LIMIT = env_int("SEAL_VERIFY_RATE_LIMIT", 60, minimum=1)
SEAL_VERIFY_RATE_WINDOW = env_int("SEAL_VERIFY_RATE_WINDOW", 60, minimum=1)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"

# django-allauth: login by email, mandatory verification, rate limits left at their defaults.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.RegistrationForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_PRESERVE_USERNAME_CASING = False

# Email: SMTP when EMAIL_HOST is set, the console otherwise.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
    if EMAIL_USE_TLS and EMAIL_USE_SSL:
        raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on.")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_email(
    "DEFAULT_FROM_EMAIL", "Lausitzer Sozialpaten <koordination@sozialpaten.example>"
)
SERVER_EMAIL = env_email("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = [("Admin", a) for a in env_list("ADMINS")]

# The programme behind the portal: shown in the footer, Impressum and Datenschutz.
PROGRAMME = {
    "name": env_str("PROGRAMME_NAME", "Lausitzer Sozialpaten"),
    "operator": env_str("PROGRAMME_OPERATOR", "Soziales Netzwerk Lausitz gGmbH"),
    "representative": env_str("PROGRAMME_REPRESENTATIVE", "Manuela Thomas (Geschäftsführerin)"),
    "address": env_str("PROGRAMME_ADDRESS", "Beispielstraße 1, 02943 Weißwasser/O.L."),
    "email": env_email("PROGRAMME_EMAIL", "koordination@sozialpaten.example"),
    "phone": env_str("PROGRAMME_PHONE", "03576 000000"),
    "register": env_str("PROGRAMME_REGISTER", ""),
    "region": env_str("PROGRAMME_REGION", "Lausitz"),
}

# Internationalisation: German first, English second.
LANGUAGE_CODE = "de"
# Each language in its own name, so that a visitor finds theirs whatever is shown now.
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
