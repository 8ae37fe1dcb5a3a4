import smtplib

import pytest
from django.core import mail

from communication.models import EmailStatus, OutgoingEmail
from communication.services import email_queue, email_send_now


@pytest.mark.django_db
def test_queued_email_is_sent_once_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = email_queue(to="a@example.org", subject="Hallo", body="Text", html="<p>Text</p>")
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    # A redelivered task must not send the same email again.
    assert email_send_now(email_id=email.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_nothing_is_sent_when_the_transaction_rolls_back():
    email_queue(to="a@example.org", subject="Hallo", body="Text")
    # No on-commit callback runs inside the test transaction.
    assert len(mail.outbox) == 0


@pytest.mark.django_db
def test_a_failed_send_is_recorded_and_raised_for_the_retry(monkeypatch):
    email = OutgoingEmail.objects.create(
        to="a@example.org", subject="s", body="b", from_email="x@y.z"
    )

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Verbindung verloren")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        email_send_now(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED
    assert "Verbindung verloren" in email.last_error
    assert email.attempts == 1
