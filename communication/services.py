import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)


def email_queue(
    *,
    to: str,
    subject: str,
    body: str,
    html: str = "",
    headers: dict | None = None,
    from_email: str | None = None,
) -> OutgoingEmail:
    """Store an email and send it by a Celery task once the current transaction commits."""
    from .tasks import email_send

    email = OutgoingEmail.objects.create(
        to=to,
        subject=subject[:250],
        body=body,
        html=html,
        headers=headers or {},
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
    )
    transaction.on_commit(lambda: email_send.delay(email.pk))
    return email


def email_queue_from_templates(
    *, to: str, template_prefix: str, context: dict, headers: dict | None = None
) -> OutgoingEmail:
    """Render `<prefix>_subject.txt`, `<prefix>_message.txt` and, if present, `_message.html`."""
    context = {"programme": settings.PROGRAMME, "site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_message.txt", context)
    return email_queue(to=to, subject=subject, body=body, headers=headers)


def email_send_now(*, email_id: int) -> bool:
    """Send one stored email unless it went out already. Returns True when it was sent now.

    The row is locked while sending, so two workers handling a redelivered task cannot
    both send it.
    """
    error = None
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status == EmailStatus.SENT:
            return False
        email.attempts += 1
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body,
            from_email=email.from_email,
            to=[email.to],
            headers=email.headers,
        )
        if email.html:
            message.attach_alternative(email.html, "text/html")
        try:
            message.send()
        except Exception as exc:
            error = exc
            email.status = EmailStatus.FAILED
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        else:
            email.status = EmailStatus.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    if error is not None:
        # Raised after the commit so that the failure stays recorded; the task retries.
        logger.warning("Sending email %s failed: %s", email_id, error)
        raise error
    return True
