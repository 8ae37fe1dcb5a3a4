from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")

    def ready(self):
        from celery.signals import worker_init, worker_process_init

        from . import resident, signals  # noqa: F401

        # Workers keep their matching index between tasks (see resident.py); the prefork
        # pool's children announce themselves, a solo or threads pool its one process.
        worker_process_init.connect(resident.mark_worker, weak=False)
        worker_init.connect(resident.mark_worker, weak=False)
