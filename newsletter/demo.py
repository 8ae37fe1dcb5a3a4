"""Demo data for the newsletter: a few readers in each state, one issue sent a month ago (in
the public archive) and a draft the coordinator can preview and send.

`newsletter_demo_seed()` is idempotent and sends nothing: the past issue and its delivery
rows are written as they would be after sending. Call it after the parties and stories of
the demo exist (the issues pick the newest public stories and needs).
"""

import datetime
from collections import Counter

from django.contrib.auth import get_user_model
from django.utils import timezone

from taxonomy.models import Topic

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
)
from .services import CONSENT_TEXT

READERS = [
    # email, name, segment, status, topic slugs
    ("leserin@demo.sozialpaten.example", "Helga Richter", Segment.PUBLIC, "confirmed", []),
    ("inhaber@demo.sozialpaten.example", "Jens Noack", Segment.COMPANIES, "confirmed", []),
    ("vorstand@demo.sozialpaten.example", "Petra Schulze", Segment.ORGANISATIONS, "confirmed", []),
    ("rotary@demo.sozialpaten.example", "Dr. Klaus Weber", Segment.FOERDERKREIS, "confirmed", []),
    ("sport@demo.sozialpaten.example", "Tom Krause", Segment.PUBLIC, "confirmed", ["sport"]),
    ("neu@demo.sozialpaten.example", "", Segment.PUBLIC, "pending", []),
    ("abgemeldet@demo.sozialpaten.example", "Uwe Lange", Segment.COMPANIES, "unsubscribed", []),
]

PAST_SUBJECT = "Frühjahrsbrief: neue Patenschaften und wer noch Hilfe sucht"
DRAFT_SUBJECT = "Sommerbrief der Lausitzer Sozialpaten"


def _reader(email, name, segment, status, topic_slugs, *, now) -> tuple[Subscriber, bool]:
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None:
        return subscriber, False
    asked = now - datetime.timedelta(days=90)
    subscriber = Subscriber.objects.create(
        email=email,
        name=name,
        segment=segment,
        status=status,
        consent_text=str(CONSENT_TEXT),
        requested_at=asked,
        confirm_sent_at=asked,
        confirmed_at=asked + datetime.timedelta(hours=2) if status != "pending" else None,
        unsubscribed_at=now - datetime.timedelta(days=10) if status == "unsubscribed" else None,
    )
    subscriber.topics.set(Topic.objects.filter(slug__in=topic_slugs))
    return subscriber, True


def _blocks(issue: Issue, text: str, dates: list[dict]) -> None:
    Block.objects.bulk_create(
        [
            Block(issue=issue, kind=BlockKind.TEXT, position=1, title="Grußwort", text=text),
            Block(issue=issue, kind=BlockKind.STORIES, position=2, count=3),
            Block(issue=issue, kind=BlockKind.NEEDS, position=3, count=3),
            Block(issue=issue, kind=BlockKind.DATES, position=4, dates=dates),
        ]
    )


def newsletter_demo_seed(*, now: datetime.datetime | None = None) -> Counter:
    now = now or timezone.now()
    created: Counter = Counter()
    for row in READERS:
        _subscriber, new = _reader(*row, now=now)
        created["newsletter readers"] += new
    coordinator = get_user_model().objects.filter(is_coordinator=True).order_by("pk").first()
    today = timezone.localdate(now)

    if not Issue.objects.filter(subject=PAST_SUBJECT).exists():
        sent_at = now - datetime.timedelta(days=30)
        issue = Issue.objects.create(
            subject=PAST_SUBJECT,
            intro=(
                "Liebe Freundinnen und Freunde der Lausitzer Sozialpaten,\n\n"
                "der Winter war lang, die Hilfe zwischen Betrieben und Vereinen umso wärmer. "
                "Hier lesen Sie, was sich getan hat."
            ),
            segments=list(Segment.values),
            created_by=coordinator,
            send_started_by=coordinator,
        )
        _blocks(
            issue,
            "Zwölf Betriebe haben sich neu gemeldet – danke! Besonders freuen wir uns über "
            "die vielen kleinen Hilfen: ein Transporter am Wochenende, ein Nachmittag "
            "Steuerberatung, ein neuer Anstrich fürs Vereinsheim.",
            [
                {"date": (today - datetime.timedelta(days=10)).isoformat(),
                 "text": "Netzwerktreffen im Rathaus Weißwasser, 18 Uhr"},
            ],
        )  # fmt: skip
        resolved = rendering.blocks_resolve(
            issue, frozen=False, today=today - datetime.timedelta(days=31)
        )
        rendering.blocks_freeze(resolved)
        issue.html_body, issue.text_body = rendering.issue_email_render(issue, resolved)
        issue.status = IssueStatus.SENT
        issue.send_started_at = issue.progress_at = sent_at
        issue.sent_at = sent_at + datetime.timedelta(minutes=2)
        issue.save()
        readers = Subscriber.objects.filter(
            status__in=[SubscriberStatus.CONFIRMED, SubscriberStatus.UNSUBSCRIBED]
        )
        Delivery.objects.bulk_create(
            [
                Delivery(
                    issue=issue,
                    subscriber=reader,
                    email=reader.email,
                    status=DeliveryStatus.SENT,
                    attempts=1,
                    claimed_at=sent_at,
                    sent_at=sent_at,
                )
                for reader in readers
            ]
        )
        created["newsletter issues sent"] += 1

    if not Issue.objects.filter(subject=DRAFT_SUBJECT).exists():
        issue = Issue.objects.create(
            subject=DRAFT_SUBJECT,
            intro="Liebe Leserinnen und Leser,\n\nder Sommer ist da – und mit ihm neue "
            "Patenschaften in der ganzen Lausitz.",
            segments=list(Segment.values),
            created_by=coordinator,
        )
        _blocks(
            issue,
            "Am Tag der offenen Tür zeigen Paten und Vereine, was sie gemeinsam geschafft "
            "haben. Kommen Sie vorbei!",
            [
                {"date": (today + datetime.timedelta(days=21)).isoformat(),
                 "text": "Tag der offenen Tür der Sozialpaten, Weißwasser, 14–18 Uhr"},
                {"date": (today + datetime.timedelta(days=45)).isoformat(),
                 "text": "Förderkreis-Stammtisch in Bad Muskau, 19 Uhr"},
            ],
        )  # fmt: skip
        created["newsletter drafts"] += 1
    return created
