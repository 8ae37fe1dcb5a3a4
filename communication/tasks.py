import smtplib

from celery import shared_task

from .services import email_send_now


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    max_retries=8,
)
def email_send(email_id: int) -> bool:
    return email_send_now(email_id=email_id)
