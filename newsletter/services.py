"""Newsletter writes: subscribing with double opt-in, composing issues, sending them.

Sending is at most once per address, also when a worker dies or a task is retried:

1. `issue_send_start` freezes the issue and creates one `Delivery` row per recipient in the
   same transaction (unique per issue and subscriber, and per issue and address), then
   hands the issue to Celery.
2. A worker claims one row at a time (`delivery_claim`: queued → sending in one conditional
   UPDATE, the row picked with SELECT … FOR UPDATE SKIP LOCKED so that parallel workers never
   pick the same one), sends it, and marks it (`delivery_mark_sent`: sending → sent).
   Both steps change a row only from the expected status, so repeating either is harmless.
3. A row still "sending" after NEWSLETTER_STALE_SECONDS belongs to a worker that died between
   claim and mark: whether its email left is unknown, so it is never sent again and ends as
   "unknown". Rows a dead worker had not claimed are still queued and go out on the retry.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, Exists, F, Max, OuterRef, Q, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_record
from communication.services import email_queue

from . import rendering
from .models import (
    Block,
    BlockKind,
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    Segment,
    Subscriber,
    SubscriberStatus,
    new_confirm_key,
)
from .tokens import confirm_url, unsubscribe_urls

logger = logging.getLogger(__name__)

CONSENT_TEXT = gettext_lazy(
    "Ja, ich möchte den Newsletter der Lausitzer Sozialpaten per E-Mail erhalten. Meine "
    "E-Mail-Adresse, mein Name und meine Auswahl werden nur für den Versand des Newsletters "
    "gespeichert. Ich kann mich jederzeit mit einem Klick in jeder Ausgabe wieder abmelden."
)
# A second confirmation email for the same address goes out at most this often.
RESEND_AFTER = datetime.timedelta(minutes=10)
# A failed attempt puts the row back in the queue, until this many attempts.
MAX_ATTEMPTS = 5


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def batch_size() -> int:
    return _setting("NEWSLETTER_BATCH_SIZE", 100)


def send_chains() -> int:
    """How many tasks send one issue side by side (each with its own SMTP connection)."""
    return max(1, _setting("NEWSLETTER_SEND_CHAINS", 2))


def stale_after() -> datetime.timedelta:
    """Longer than a task may run (CELERY_TASK_TIME_LIMIT): a claim older than this belongs
    to a worker that is gone."""
    return datetime.timedelta(seconds=_setting("NEWSLETTER_STALE_SECONDS", 600))


class NewsletterError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- subscribing ---------------------------------------------------------------------------


def _email_context(**context) -> dict:
    return {"programme": settings.PROGRAMME, "site_url": settings.SITE_URL, **context}


def _subject(template: str, context: dict) -> str:
    return " ".join(render_to_string(template, context).split())


def _confirmation_queue(subscriber: Subscriber) -> None:
    context = _email_context(subscriber=subscriber, confirm_url=confirm_url(subscriber))
    email_queue(
        to=subscriber.email,
        subject=_subject("newsletter/email/confirm_subject.txt", context),
        body=render_to_string("newsletter/email/confirm_message.txt", context),
        html=render_to_string("newsletter/email/confirm_message.html", context),
    )


def _already_subscribed_queue(subscriber: Subscriber) -> None:
    page_url, _one_click = unsubscribe_urls(subscriber.pk)
    context = _email_context(subscriber=subscriber, unsubscribe_url=page_url)
    email_queue(
        to=subscriber.email,
        subject=_subject("newsletter/email/already_subject.txt", context),
        body=render_to_string("newsletter/email/already_message.txt", context),
    )


def _may_email(subscriber: Subscriber, now) -> bool:
    return subscriber.confirm_sent_at is None or now - subscriber.confirm_sent_at >= RESEND_AFTER


@transaction.atomic
def subscription_request(
    *, email: str, name: str, segment: str, topics, consent_text: str
) -> Subscriber:
    """Someone asks for the newsletter. A new (or returning) address gets a confirmation
    email and receives nothing until the link in it is confirmed; an address that is
    subscribed already is told so. Each address gets at most one such email per
    RESEND_AFTER, so the form cannot be used to flood someone's inbox. The answer on the
    page is the same in every case: it never tells who is subscribed."""
    if segment not in Segment.values:
        raise ValueError(f"Unknown segment: {segment!r}")
    email = email.strip().lower()
    now = timezone.now()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, status=SubscriberStatus.PENDING)
        except IntegrityError:  # the same address sent twice at the same moment
            subscriber = Subscriber.objects.select_for_update().get(email=email)
    if not _may_email(subscriber, now):
        return subscriber
    if subscriber.is_confirmed:
        subscriber.confirm_sent_at = now
        subscriber.save(update_fields=["confirm_sent_at"])
        _already_subscribed_queue(subscriber)
        return subscriber
    subscriber.name = name.strip()
    subscriber.segment = segment
    subscriber.status = SubscriberStatus.PENDING
    subscriber.consent_text = str(consent_text)
    subscriber.requested_at = now
    # A new key: links from earlier requests stop working.
    subscriber.confirm_key = new_confirm_key()
    subscriber.confirm_sent_at = now
    subscriber.save()
    subscriber.topics.set(topics)
    _confirmation_queue(subscriber)
    return subscriber


@transaction.atomic
def subscription_confirm(*, subscriber_id: int, key: str) -> Subscriber:
    """The second opt-in: the link from the confirmation email was followed and confirmed."""
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
    if subscriber is None:
        raise NewsletterError(_("Zu diesem Link gibt es keine Anmeldung mehr."))
    if subscriber.is_confirmed:
        return subscriber
    if subscriber.status != SubscriberStatus.PENDING or key != subscriber.confirm_key:
        raise NewsletterError(
            _(
                "Dieser Bestätigungslink ist nicht mehr gültig, weil Sie sich inzwischen neu "
                "angemeldet oder abgemeldet haben. Bitte nehmen Sie den Link aus der neuesten "
                "E-Mail oder melden Sie sich noch einmal an."
            )
        )
    subscriber.status = SubscriberStatus.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, subscriber: Subscriber) -> bool:
    """Stop all issues to this address at once (also one being sent right now). Returns
    False when it was not subscribed (any more)."""
    changed = Subscriber.objects.filter(
        pk=subscriber.pk, status__in=[SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED]
    ).update(status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    subscriber.refresh_from_db(fields=["status", "unsubscribed_at"])
    return bool(changed)


# --- composing -----------------------------------------------------------------------------


def _draft_only(issue: Issue) -> None:
    if not issue.is_draft:
        raise NewsletterError(
            _(
                "Diese Ausgabe wird versendet oder ist versendet und kann nicht mehr "
                "geändert werden."
            )
        )


@transaction.atomic
def issue_create(*, subject: str, intro: str, segments: list[str], topics, by) -> Issue:
    """A new draft with the usual blocks (newest stories, open needs) to start from."""
    issue = Issue.objects.create(
        subject=subject.strip(), intro=intro.strip(), segments=list(segments), created_by=by
    )
    issue.topics.set(topics)
    Block.objects.bulk_create(
        [
            Block(issue=issue, kind=BlockKind.STORIES, position=1, count=3),
            Block(issue=issue, kind=BlockKind.NEEDS, position=2, count=3),
        ]
    )
    audit_record(
        issue, action="newsletter.created", by=by, message=_("Newsletter-Ausgabe angelegt.")
    )
    return issue


@transaction.atomic
def issue_update(*, issue: Issue, subject: str, intro: str, segments: list[str], topics) -> Issue:
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _draft_only(issue)
    issue.subject = subject.strip()
    issue.intro = intro.strip()
    issue.segments = list(segments)
    issue.save()
    issue.topics.set(topics)
    return issue


def _locked_draft_of(block: Block) -> Issue:
    issue = Issue.objects.select_for_update().get(pk=block.issue_id)
    _draft_only(issue)
    return issue


@transaction.atomic
def block_add(*, issue: Issue, kind: str, **fields) -> Block:
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _draft_only(issue)
    if kind not in BlockKind.values:
        raise ValueError(f"Unknown block kind: {kind!r}")
    last = issue.blocks.aggregate(last=Max("position"))["last"] or 0
    return Block.objects.create(issue=issue, kind=kind, position=last + 1, **fields)


@transaction.atomic
def block_update(*, block: Block, **fields) -> Block:
    _locked_draft_of(block)
    for name, value in fields.items():
        setattr(block, name, value)
    block.save()
    return block


@transaction.atomic
def block_delete(*, block: Block) -> None:
    _locked_draft_of(block)
    block.delete()


@transaction.atomic
def block_move(*, block: Block, step: int) -> None:
    """Move a block up (step -1) or down (+1); positions are renumbered 1, 2, 3, …"""
    issue = _locked_draft_of(block)
    blocks = list(issue.blocks.order_by("position", "pk"))
    index = next(i for i, b in enumerate(blocks) if b.pk == block.pk)
    target = index + step
    if 0 <= target < len(blocks):
        blocks[index], blocks[target] = blocks[target], blocks[index]
    for position, item in enumerate(blocks, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


# --- who gets an issue ---------------------------------------------------------------------


def issue_audience(issue: Issue):
    """Confirmed subscribers in the issue's segments; when the issue is limited to topics,
    those who share one of them or chose no topics (they want everything)."""
    subscribers = Subscriber.objects.confirmed().filter(segment__in=issue.segments)
    topic_ids = list(issue.topics.values_list("pk", flat=True))
    if topic_ids:
        chosen = Subscriber.topics.through.objects.filter(subscriber=OuterRef("pk"))
        subscribers = subscribers.filter(
            ~Exists(chosen) | Exists(chosen.filter(topic_id__in=topic_ids))
        )
    return subscribers.order_by("pk")


def issue_send_blockers(issue: Issue, resolved=None) -> list[str]:
    """Why the issue cannot be sent yet (empty when it can)."""
    problems = []
    if not issue.is_draft:
        problems.append(_("Diese Ausgabe wird bereits versendet oder ist versendet."))
        return problems
    if not issue.subject.strip():
        problems.append(_("Die Ausgabe hat keinen Betreff."))
    if not issue.segments:
        problems.append(_("Bitte wählen Sie mindestens eine Empfängergruppe."))
    resolved = resolved if resolved is not None else rendering.blocks_resolve(issue, frozen=False)
    if not issue.intro.strip() and all(item.is_empty for item in resolved):
        problems.append(
            _("Die Ausgabe hat noch keinen Inhalt: Einleitung und alle Bausteine sind leer.")
        )
    if issue.segments and not issue_audience(issue).exists():
        problems.append(_("In den gewählten Gruppen ist noch niemand angemeldet."))
    return problems


# --- previews ------------------------------------------------------------------------------


def issue_preview(issue: Issue) -> tuple[str, str]:
    """(HTML, text) as a recipient would get it: the draft's current items, or as sent."""
    if issue.is_draft:
        html, text = rendering.issue_email_render(
            issue, rendering.blocks_resolve(issue, frozen=False)
        )
    else:
        html, text = issue.html_body, issue.text_body
    # Previews link "unsubscribe" to the subscription page: they belong to no reader.
    sample = settings.SITE_URL + reverse("newsletter:subscribe")
    return (
        rendering.personalise(html, unsubscribe_url=sample),
        rendering.personalise(text, unsubscribe_url=sample),
    )


def issue_test_send(*, issue: Issue, to: str) -> None:
    """Email the preview to the coordinator (marked as a test; no delivery is recorded)."""
    html, text = issue_preview(issue)
    email_queue(
        to=to,
        subject=_("[Test] %(subject)s") % {"subject": issue.subject},
        body=text,
        html=html,
    )


# --- sending -------------------------------------------------------------------------------


@transaction.atomic
def issue_send_start(*, issue: Issue, by) -> int:
    """Freeze the issue, create a delivery row per recipient, and start sending once this
    transaction commits. Returns the number of recipients."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    resolved = rendering.blocks_resolve(issue, frozen=False)
    problems = issue_send_blockers(issue, resolved)
    if problems:
        raise NewsletterError(" ".join(problems))
    rendering.blocks_freeze(resolved)
    issue.html_body, issue.text_body = rendering.issue_email_render(issue, resolved)
    now = timezone.now()
    issue.status = IssueStatus.SENDING
    issue.send_started_at = now
    issue.send_started_by = by
    issue.progress_at = now
    issue.save()
    recipients = list(issue_audience(issue).values_list("pk", "email"))
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber_id=pk, email=email) for pk, email in recipients],
        batch_size=1000,
        ignore_conflicts=True,
    )
    audit_record(
        issue,
        action="newsletter.sending",
        by=by,
        message=_("Versand an %(count)s Empfänger begonnen.") % {"count": len(recipients)},
    )
    transaction.on_commit(lambda: issue_dispatch(issue_id=issue.pk, chains=send_chains()))
    return len(recipients)


def issue_dispatch(*, issue_id: int, chains: int = 1) -> None:
    from .tasks import issue_deliver

    for _index in range(chains):
        issue_deliver.delay(issue_id)


def delivery_claim(*, issue_id: int, sent_id: int | None = None) -> Delivery | None:
    """Take the next queued row of the issue for sending, or None when none is left.

    `sent_id` marks the row sent just before in the same transaction: one commit per email
    instead of two (each commit waits for the disk), and just as safe, since both steps
    only move a row forward from the status they expect.
    """
    while True:
        with transaction.atomic():
            if sent_id is not None:
                delivery_mark_sent(delivery_id=sent_id)
                sent_id = None
            delivery = (
                Delivery.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("subscriber")
                .filter(issue_id=issue_id, status=DeliveryStatus.QUEUED)
                .order_by("pk")
                .first()
            )
            if delivery is None:
                return None
            now = timezone.now()
            claimed = Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.QUEUED).update(
                status=DeliveryStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
        if claimed:
            delivery.status = DeliveryStatus.SENDING
            delivery.claimed_at = now
            delivery.attempts += 1
            return delivery
        # Someone else took it between our read and our update (SQLite has no row locks).


def delivery_mark_sent(*, delivery_id: int) -> bool:
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.SENDING).update(
            status=DeliveryStatus.SENT, sent_at=timezone.now(), last_error=""
        )
    )


def delivery_mark_skipped(*, delivery_id: int) -> bool:
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.SENDING).update(
            status=DeliveryStatus.SKIPPED
        )
    )


def delivery_mark_failed(*, delivery_id: int, error: str, permanent: bool) -> bool:
    """A permanent failure ends the row; a temporary one queues it again (until
    MAX_ATTEMPTS): the email certainly did not leave, so sending it later is safe."""
    status = (
        Value(DeliveryStatus.FAILED)
        if permanent
        else Case(
            When(attempts__gte=MAX_ATTEMPTS, then=Value(DeliveryStatus.FAILED)),
            default=Value(DeliveryStatus.QUEUED),
        )
    )
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.SENDING).update(
            status=status, last_error=error[:2000]
        )
    )


def _is_permanent(exc: Exception) -> bool:
    """The server refused this recipient or message for good (5xx), so retrying is useless.
    Anything else (a dropped connection, 4xx, a refused sender) is retried."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPDataError):
        return exc.smtp_code >= 500
    return False


def _list_id() -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"Newsletter <newsletter.{host}>"


def delivery_message(issue: Issue, delivery: Delivery, connection=None) -> EmailMultiAlternatives:
    page_url, one_click_url = unsubscribe_urls(delivery.subscriber_id)
    message = EmailMultiAlternatives(
        subject=issue.subject,
        body=rendering.personalise(issue.text_body, unsubscribe_url=page_url),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.email],
        headers={
            # RFC 2369 / RFC 8058: mail clients show an "unsubscribe" button that POSTs here.
            "List-Unsubscribe": f"<{one_click_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": _list_id(),
            "Precedence": "bulk",
        },
        connection=connection,
    )
    message.attach_alternative(
        rendering.personalise(issue.html_body, unsubscribe_url=page_url), "text/html"
    )
    return message


@dataclass
class BatchResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    more: bool = False


def issue_deliver_batch(*, issue_id: int, size: int | None = None) -> BatchResult:
    """Send up to `size` queued rows of the issue over one SMTP connection.

    A temporary SMTP error puts the row back in the queue and is raised, so that the task
    retries later; a permanent one for a recipient fails that row and sending goes on.
    """
    size = size or batch_size()
    result = BatchResult()
    issue = Issue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return result
    connection = get_connection(fail_silently=False)
    connection.open()  # before claiming anything: an SMTP server that is down costs no row
    sent_id = None
    try:
        for _index in range(size):
            delivery = delivery_claim(issue_id=issue_id, sent_id=sent_id)
            sent_id = None
            if delivery is None:
                break
            if not delivery.subscriber.is_confirmed:  # unsubscribed since sending began
                delivery_mark_skipped(delivery_id=delivery.pk)
                result.skipped += 1
                continue
            message = delivery_message(issue, delivery, connection)
            try:
                message.send()
            except Exception as exc:
                permanent = _is_permanent(exc)
                delivery_mark_failed(
                    delivery_id=delivery.pk,
                    error=f"{type(exc).__name__}: {exc}",
                    permanent=permanent,
                )
                if not permanent:
                    raise
                result.failed += 1
                continue
            sent_id = delivery.pk  # marked with the next claim, or below
            result.sent += 1
        else:
            result.more = True
    finally:
        if sent_id is not None:
            delivery_mark_sent(delivery_id=sent_id)
        connection.close()
        Issue.objects.filter(pk=issue_id).update(progress_at=timezone.now())
    return result


def issue_finish(*, issue_id: int) -> bool:
    """Close the issue when no row is left to send. Rows a dead worker left in "sending"
    become "unknown". Returns True when this call finished the issue."""
    now = timezone.now()
    Delivery.objects.filter(
        issue_id=issue_id, status=DeliveryStatus.SENDING, claimed_at__lt=now - stale_after()
    ).update(
        status=DeliveryStatus.UNKNOWN,
        last_error=_("Der Versand wurde unterbrochen; ob die E-Mail ankam, ist unbekannt."),
    )
    busy = Delivery.objects.filter(
        issue_id=issue_id, status__in=[DeliveryStatus.QUEUED, DeliveryStatus.SENDING]
    )
    if busy.exists():
        return False
    with transaction.atomic():
        finished = Issue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).update(
            status=IssueStatus.SENT, sent_at=now
        )
        if finished:
            issue = Issue.objects.get(pk=issue_id)
            counts = delivery_counts(issue)
            audit_record(
                issue,
                action="newsletter.sent",
                message=_("Versand abgeschlossen: %(sent)s versendet, %(failed)s fehlgeschlagen.")
                % {"sent": counts[DeliveryStatus.SENT], "failed": counts[DeliveryStatus.FAILED]},
            )
    return bool(finished)


def sending_resume() -> int:
    """For the scheduler: pick up issues whose sending stopped (a worker died, the retries
    ran out): finish them or send their queued rows again. Returns how many were resumed."""
    stale = timezone.now() - stale_after()
    resumed = 0
    for issue_id in Issue.objects.filter(
        status=IssueStatus.SENDING, progress_at__lt=stale
    ).values_list("pk", flat=True):
        if issue_finish(issue_id=issue_id):
            continue
        if Delivery.objects.filter(issue_id=issue_id, status=DeliveryStatus.QUEUED).exists():
            Issue.objects.filter(pk=issue_id).update(progress_at=timezone.now())
            issue_dispatch(issue_id=issue_id, chains=1)
            resumed += 1
    return resumed


def delivery_counts(issue: Issue) -> dict[str, int]:
    """How many rows of the issue are in each status (one query)."""
    counts = issue.deliveries.aggregate(
        total=Count("pk"),
        **{status: Count("pk", filter=Q(status=status)) for status in DeliveryStatus.values},
    )
    return counts
