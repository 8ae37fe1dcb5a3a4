"""Settings for the Celery worker of the newsletter's services test: the test settings,
with real SMTP to the test's sink and real task chaining through the broker."""

import os

from sozialpaten.settings_test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("NEWSLETTER_TEST_SMTP_PORT", "2525"))
EMAIL_USE_TLS = False
EMAIL_USE_SSL = False
EMAIL_TIMEOUT = 10
CELERY_TASK_ALWAYS_EAGER = False
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_TEST_BATCH_SIZE", "5"))
NEWSLETTER_STALE_SECONDS = int(os.environ.get("NEWSLETTER_TEST_STALE_SECONDS", "2"))
