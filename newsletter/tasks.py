import smtplib

from celery import shared_task

from . import services

TRANSIENT = (smtplib.SMTPException, OSError)
# Run in-process (no broker: development, tests), a batch is tried again at once this often.
EAGER_TRIES = 5


@shared_task(bind=True, max_retries=10, acks_late=True)
def issue_deliver(self, issue_id: int) -> int:
    """Send one batch of the issue, then hand the next batch to a new task (so a worker is
    never busy with one issue for long, and a retry repeats one batch only). When nothing is
    left, close the issue.

    A temporary SMTP failure (the row went back to the queue) retries the task with a
    growing delay; run in-process, the batch is simply tried again a few times.
    """
    sent, failures = 0, 0
    while True:
        try:
            result = services.issue_deliver_batch(issue_id=issue_id)
        except TRANSIENT as exc:
            if not self.request.is_eager:
                countdown = min(600, 15 * 2**self.request.retries)
                raise self.retry(exc=exc, countdown=countdown) from exc
            failures += 1
            if failures >= EAGER_TRIES:
                raise
            continue
        sent += result.sent
        if not result.more:
            break
        if not self.request.is_eager:
            issue_deliver.delay(issue_id)
            return sent
    services.issue_finish(issue_id=issue_id)
    return sent


@shared_task
def sending_resume() -> int:
    """Scheduled: pick up sending that stopped (see services.sending_resume)."""
    return services.sending_resume()
