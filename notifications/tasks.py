from celery import shared_task

from .services import digest_send_all


@shared_task
def digest_weekly() -> int:
    """Monday morning: one summary email per person with digest-mode notifications."""
    return digest_send_all()
