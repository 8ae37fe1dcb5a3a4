"""A small programme whose figures are worked out by hand (see test_impact.py).

Places: Weißwasser (W), Rietschen (R), Bad Muskau (B). Parties: Dachdeckerei (C1, Handwerk,
W), Steuerbüro (C2, Beratung, R), Autohaus (C3, Handel, B); Jugendfußball (O1, W),
Seniorentreff (O2, R), Tafel (O3, B).

  P1  C1→O1  need N1 (created 01.01.2024), agreed 11.01.2024 (10 days), starts 01.02.2024,
             active; topics Sport, Jugend
  P2  C2→O2  need N2 (01.02.2024), agreed 21.02.2024 (20 days), 01.03.–30.09.2024,
             completed 30.09.2024; topic Senioren
  P3  C1→O3  need N3 (01.03.2024), agreed 10.04.2024 (40 days), starts 01.05.2024, ended
             early 15.11.2024; topic Senioren
  P4  C2→O1  no need, agreed 15.02.2023, starts 01.03.2023, renewed 20.12.2023; topic Jugend
  P5  C2→O1  renewal of P4 (agreed 20.12.2023), starts 21.12.2023, active; topic Jugend
  P6  C3→O2  declined after an introduction on 05.05.2024
  P7  C2→O3  proposed, introduction on 01.12.2024 still waiting

Introductions: P1 05.01.2024, P2 10.02.2024, P3 01.04.2024, P6 05.05.2024, P7 01.12.2024,
P4 01.02.2023. Confirmed contributions: P1 → 10,5 h + 200 € (10.03.2024); P1 ← 4 h
(01.06.2024); P2 → 8 h + 150,50 € (01.04.2024); P5 ← 2,5 h + 50 € (01.07.2024); P4 → 6 h +
80 € (01.06.2023). Unconfirmed (never counted): P2 → 100 h (01.05.2024).
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from patronships.models import (
    Contribution,
    Direction,
    Introduction,
    IntroductionStatus,
    PatronshipStatus,
    PatronshipTransition,
)
from tests.factories import (
    CompanyFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
    PatronshipFactory,
    TopicFactory,
)

S = PatronshipStatus
TODAY = datetime.date(2025, 3, 1)


def at(day: str, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour))
    )


def d(day: str) -> datetime.date:
    return datetime.date.fromisoformat(day)


def transition(patronship, status, day):
    row = PatronshipTransition.objects.create(patronship=patronship, to_status=status)
    PatronshipTransition.objects.filter(pk=row.pk).update(at=at(day))


def introduce(patronship, day, status=IntroductionStatus.ACCEPTED):
    intro = Introduction.objects.create(patronship=patronship, status=status)
    Introduction.objects.filter(pk=intro.pk).update(proposed_at=at(day))
    return intro


def contribute(patronship, direction, day, hours=None, value=None, confirmed=True):
    return Contribution.objects.create(
        patronship=patronship,
        direction=direction,
        given_on=d(day),
        hours=Decimal(hours) if hours is not None else None,
        value_eur=Decimal(value) if value is not None else None,
        description="Hilfe",
        confirmed_at=timezone.now() if confirmed else None,
    )


def need(party, day):
    row = NeedFactory(party=party, municipality=party.municipality)
    type(row).objects.filter(pk=row.pk).update(created_at=at(day))
    row.refresh_from_db()
    return row


@pytest.fixture
def world(db):
    return build_world()


def build_world() -> SimpleNamespace:
    """The programme above (a plain function, for tests outside this folder too)."""
    w = MunicipalityFactory(name="Weißwasser/O.L.", slug="weisswasser")
    r = MunicipalityFactory(name="Rietschen", slug="rietschen", postcodes="02956")
    b = MunicipalityFactory(name="Bad Muskau", slug="bad-muskau", postcodes="02953")
    c1 = CompanyFactory(name="Dachdeckerei Krüger GmbH", sector="Handwerk", municipality=w)
    c2 = CompanyFactory(name="Steuerbüro Lehmann", sector="Beratung", municipality=r)
    c3 = CompanyFactory(name="Autohaus Schulze", sector="Handel", municipality=b)
    o1 = OrganisationFactory(name="SV Jugendfußball Weißwasser e.V.", municipality=w)
    o2 = OrganisationFactory(name="Seniorentreff Rietschen", municipality=r)
    o3 = OrganisationFactory(name="Tafel Bad Muskau", municipality=b)
    sport = TopicFactory(name="Sport", slug="sport")
    youth = TopicFactory(name="Jugend", slug="jugend")
    seniors = TopicFactory(name="Senioren", slug="senioren")
    n1, n2, n3 = need(o1, "2024-01-01"), need(o2, "2024-02-01"), need(o3, "2024-03-01")

    def patronship(sponsor, recipient, status, start, end, topics, **extra):
        row = PatronshipFactory(
            sponsor=sponsor,
            recipient=recipient,
            status=status,
            start_date=d(start) if start else None,
            end_date=d(end) if end else None,
            **extra,
        )
        row.topics.set(topics)
        return row

    p1 = patronship(c1, o1, S.ACTIVE, "2024-02-01", "2025-01-31", [sport, youth], need=n1)
    transition(p1, S.AGREED, "2024-01-11")
    transition(p1, S.ACTIVE, "2024-02-01")
    p2 = patronship(c2, o2, S.COMPLETED, "2024-03-01", "2024-09-30", [seniors], need=n2)
    transition(p2, S.AGREED, "2024-02-21")
    transition(p2, S.ACTIVE, "2024-03-01")
    transition(p2, S.COMPLETED, "2024-09-30")
    p3 = patronship(
        c1,
        o3,
        S.ENDED_EARLY,
        "2024-05-01",
        "2025-04-30",
        [seniors],
        need=n3,
        ended_on=d("2024-11-15"),
    )
    transition(p3, S.AGREED, "2024-04-10")
    transition(p3, S.ACTIVE, "2024-05-01")
    transition(p3, S.ENDED_EARLY, "2024-11-15")
    p4 = patronship(c2, o1, S.RENEWED, "2023-03-01", "2023-12-20", [youth])
    transition(p4, S.AGREED, "2023-02-15")
    transition(p4, S.RENEWED, "2023-12-20")
    p5 = patronship(c2, o1, S.ACTIVE, "2023-12-21", "2024-12-20", [youth], previous=p4)
    transition(p5, S.AGREED, "2023-12-20")
    p6 = patronship(c3, o2, S.DECLINED, None, None, [])
    p7 = patronship(c2, o3, S.PROPOSED, None, None, [])

    introduce(p1, "2024-01-05")
    introduce(p2, "2024-02-10")
    introduce(p3, "2024-04-01")
    introduce(p6, "2024-05-05", IntroductionStatus.DECLINED)
    introduce(p7, "2024-12-01", IntroductionStatus.WAITING)
    introduce(p4, "2023-02-01")

    contribute(p1, Direction.TO_RECIPIENT, "2024-03-10", "10.5", "200.00")
    contribute(p1, Direction.TO_SPONSOR, "2024-06-01", "4")
    contribute(p2, Direction.TO_RECIPIENT, "2024-04-01", "8", "150.50")
    contribute(p2, Direction.TO_RECIPIENT, "2024-05-01", "100", confirmed=False)
    contribute(p5, Direction.TO_SPONSOR, "2024-07-01", "2.5", "50")
    contribute(p4, Direction.TO_RECIPIENT, "2023-06-01", "6", "80")

    return SimpleNamespace(
        w=w, r=r, b=b, c1=c1, c2=c2, c3=c3, o1=o1, o2=o2, o3=o3,
        sport=sport, youth=youth, seniors=seniors, n1=n1, n2=n2, n3=n3,
        p1=p1, p2=p2, p3=p3, p4=p4, p5=p5, p6=p6, p7=p7,
    )  # fmt: skip
