import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sozialpaten.settings")

app = Celery("sozialpaten")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
