from celery import shared_task

from . import services


@shared_task
def seals_daily():
    """Remind holders and the coordination of seals that run out soon (once per seal).
    Expiry itself needs no job: a seal's state follows from its dates. Safe to rerun."""
    return services.seals_daily()
