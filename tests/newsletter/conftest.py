"""Newsletter fixtures: subscribers in each state, a draft issue, and helpers."""

import pytest
from django.utils import timezone

from newsletter.models import Block, BlockKind, Issue, Segment, Subscriber, SubscriberStatus
from newsletter.services import CONSENT_TEXT
from tests.factories import TopicFactory


def subscriber(email, *, segment=Segment.PUBLIC, status=SubscriberStatus.CONFIRMED, topics=()):
    now = timezone.now()
    row = Subscriber.objects.create(
        email=email,
        segment=segment,
        status=status,
        consent_text=str(CONSENT_TEXT),
        requested_at=now,
        confirmed_at=now if status == SubscriberStatus.CONFIRMED else None,
        unsubscribed_at=now if status == SubscriberStatus.UNSUBSCRIBED else None,
    )
    row.topics.set(topics)
    return row


def draft(*, subject="Neues aus den Patenschaften", segments=None, text="Hallo aus Weißwasser!"):
    issue = Issue.objects.create(
        subject=subject,
        intro="Liebe Leserinnen und Leser,\n\nhier ist unser Frühjahrsbrief.",
        segments=list(segments or Segment.values),
    )
    if text:
        Block.objects.create(
            issue=issue, kind=BlockKind.TEXT, position=1, title="Grußwort", text=text
        )
    return issue


@pytest.fixture
def readers(db):
    """Three confirmed readers, one pending, one who left."""
    return [
        subscriber("anna@example.org"),
        subscriber("bernd@betrieb.example", segment=Segment.COMPANIES),
        subscriber("clara@verein.example", segment=Segment.ORGANISATIONS),
        subscriber("dora@example.org", status=SubscriberStatus.PENDING),
        subscriber("emil@example.org", status=SubscriberStatus.UNSUBSCRIBED),
    ]


@pytest.fixture
def issue(db):
    return draft()


@pytest.fixture
def sport(db):
    return TopicFactory(name="Sport", slug="sport")
