from celery import shared_task

from . import services


@shared_task
def patronships_daily():
    """Start agreed patronships, offer renewals, announce check-ins, remind and escalate
    unanswered introductions. Safe to run more than once a day."""
    return services.patronships_daily()
