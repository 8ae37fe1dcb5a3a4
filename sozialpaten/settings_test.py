"""Fast, isolated settings for the test suite.

The database and Redis still come from the environment, so that `.ci/run` can run the
same suite against PostgreSQL and Redis; everything else is made fast and local.
"""

import os
import tempfile

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

from .settings import *  # noqa: E402,F403
from .settings import REDIS_URL  # noqa: E402

ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="sozialpaten-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Tests run tasks in-process (so they can assert on their effects directly); the
# services tests send tasks through the real broker with send_task instead.
CELERY_TASK_ALWAYS_EAGER = True
if REDIS_URL:
    # Keep test keys apart from anything a developer runs against the same Redis.
    CACHES["default"]["KEY_PREFIX"] = "sozialpaten-test"  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "WARNING"},
}
