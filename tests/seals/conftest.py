"""Seal fixtures: Carl's roofing company sponsors Olga's football club; both get seals."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import PatronshipFactory, SealFactory, TopicFactory


@pytest.fixture(autouse=True)
def _fresh_local_copies():
    """The per-process copies of records and images must not leak between tests either."""
    from seals import images, records

    records._memo.clear()
    images._local.clear()
    yield


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def patronship(company, organisation, today):
    patronship = PatronshipFactory(
        sponsor=company,
        recipient=organisation,
        title="Neues Dach für das Vereinsheim",
        sponsor_gives="Dachreparatur und Material",
        recipient_gives="Fußballtag für die Azubis",
        start_date=today - datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=335),
    )
    patronship.topics.set([TopicFactory(name="Sport"), TopicFactory(name="Jugend")])
    return patronship


@pytest.fixture
def seal(patronship):
    """The sponsor's standing seal."""
    return SealFactory(patronship=patronship, holder=patronship.sponsor)


@pytest.fixture
def make_seal(db, today):
    """A seal with a validity relative to today: make_seal(-10, 5)."""

    def make(first: int, last: int, **kwargs):
        start = today + datetime.timedelta(days=first)
        end = today + datetime.timedelta(days=last)
        patronship = kwargs.pop("patronship", None) or PatronshipFactory(
            start_date=start, end_date=end
        )
        return SealFactory(patronship=patronship, valid_from=start, valid_until=end, **kwargs)

    return make
