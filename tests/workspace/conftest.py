"""Factories and helpers for the coordinator's workspace."""

import datetime
import itertools

import factory
from django.utils import timezone

from exchange.models import Interest, InterestStatus, Need, NeedKind, NeedStatus
from matching.models import Band, Suggestion
from parties.models import Party, PartyKind, PartyStatus
from patronships.models import (
    CheckIn,
    Introduction,
    IntroductionStatus,
    Patronship,
    PatronshipStatus,
)
from seals.models import Seal
from tests.factories import (
    CompanyFactory,
    NeedFactory,
    OrganisationFactory,
    PatronshipFactory,
)


class ProposedPatronshipFactory(PatronshipFactory):
    status = PatronshipStatus.PROPOSED
    start_date = None
    end_date = None


class IntroductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Introduction

    patronship = factory.SubFactory(ProposedPatronshipFactory)
    status = IntroductionStatus.WAITING


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    patronship = factory.SubFactory(PatronshipFactory)
    due_on = factory.LazyFunction(timezone.localdate)


class SuggestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Suggestion

    need = factory.SubFactory(NeedFactory)
    candidate = factory.SubFactory(CompanyFactory)
    rank = 1
    score = 80
    band = Band.STRONG
    computed_at = factory.LazyFunction(timezone.now)


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    need = factory.SubFactory(NeedFactory)
    party = factory.SubFactory(CompanyFactory)
    message = "Wir könnten helfen."


def backdate(obj, **fields):
    """Set auto_now_add fields (created_at, proposed_at…) to a past value, in the database
    and on the object."""
    type(obj).objects.filter(pk=obj.pk).update(**fields)
    for name, value in fields.items():
        setattr(obj, name, value)
    return obj


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


_serial = itertools.count()


def grow(n: int, *, coordinator=None, topic=None) -> None:
    """Add n of everything the dashboard and the board count or list, with bulk_create:
    patronships in every status (proposed ones with an introduction, waiting or accepted),
    open check-ins, open needs with suggestions, open interests, pending registrations, seals."""
    batch = next(_serial)
    today = timezone.localdate()
    sponsor = CompanyFactory()
    recipient = OrganisationFactory()
    statuses = list(PatronshipStatus)
    patronships = Patronship.objects.bulk_create(
        Patronship(
            sponsor=sponsor,
            recipient=recipient,
            title=f"Menge {batch}-{i}",
            status=statuses[i % len(statuses)],
            start_date=today - datetime.timedelta(days=30),
            end_date=today + datetime.timedelta(days=30 + i % 200),
            coordinator=coordinator,
        )
        for i in range(n)
    )
    if topic is not None:
        Patronship.topics.through.objects.bulk_create(
            Patronship.topics.through(patronship_id=p.pk, topic_id=topic.pk) for p in patronships
        )
    proposed = [p for p in patronships if p.status == PatronshipStatus.PROPOSED]
    # Half of the introductions wait (every other one escalated), half were accepted.
    Introduction.objects.bulk_create(
        Introduction(
            patronship=p,
            status=IntroductionStatus.ACCEPTED if i % 2 else IntroductionStatus.WAITING,
            escalated_at=timezone.now() if i % 4 == 2 else None,
        )
        for i, p in enumerate(proposed)
    )
    running = [p for p in patronships if p.status == PatronshipStatus.ACTIVE]
    CheckIn.objects.bulk_create(
        CheckIn(patronship=p, due_on=today + datetime.timedelta(days=i % 10 - 5))
        for i, p in enumerate(running)
    )
    Seal.objects.bulk_create(
        Seal(
            holder=sponsor,
            patronship=p,
            valid_from=p.start_date,
            valid_until=p.end_date,
        )
        for p in running
    )
    needs = Need.objects.bulk_create(
        Need(
            party=recipient,
            title=f"Bedarf {batch}-{i}",
            description="Hilfe gesucht.",
            kind=NeedKind.KNOW_HOW,
            status=NeedStatus.OPEN,
        )
        for i in range(n)
    )
    Suggestion.objects.bulk_create(
        Suggestion(
            need=need,
            candidate=sponsor,
            rank=1,
            score=50,
            band=Band.STRONG if i % 2 else Band.POSSIBLE,
            computed_at=timezone.now(),
        )
        for i, need in enumerate(needs)
    )
    Interest.objects.bulk_create(
        Interest(need=need, party=sponsor, message="Wir helfen.", status=InterestStatus.NEW)
        for need in needs
    )
    Party.objects.bulk_create(
        Party(
            kind=PartyKind.COMPANY,
            name=f"Wartend {batch}-{i}",
            slug=f"wartend-{batch}-{i}",
            status=PartyStatus.PENDING,
        )
        for i in range(n)
    )
