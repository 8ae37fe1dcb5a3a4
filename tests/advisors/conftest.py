"""A small Förderkreis world: a club's roof need, two roofers, a network."""

import pytest

from advisors.models import Network, NetworkKind, NetworkMembership, NetworkTie, Recommendation
from parties.models import PartyCompetency
from tests.factories import (
    CompanyFactory,
    CompetencyFactory,
    CompetencyGroupFactory,
    MunicipalityFactory,
    NeedFactory,
)


@pytest.fixture
def roof(db):
    group = CompetencyGroupFactory(name="Handwerk", slug="handwerk")
    return CompetencyFactory(
        group=group, name="Dachdeckerei", slug="dachdeckerei", synonyms=["Dach", "Dachrinne"]
    )


@pytest.fixture
def roof_need(organisation, roof):
    return NeedFactory(
        party=organisation,
        title="Unser Dach ist undicht",
        description="Es tropft in die Umkleide.",
        kind="in_kind",
    )


@pytest.fixture
def roofer(company, roof):
    """Dachdeckerei Krüger, in Weißwasser itself: first by distance."""
    PartyCompetency.objects.create(party=company, competency=roof, rating=3)
    return company


@pytest.fixture
def far_roofer(roof):
    """Just as able, a little further away (Bad Muskau): second without help."""
    muskau = MunicipalityFactory(
        name="Bad Muskau", slug="bad-muskau", latitude=51.5497, longitude=14.7158
    )
    party = CompanyFactory(name="Bedachungen Noack", slug="bedachungen-noack", municipality=muskau)
    PartyCompetency.objects.create(party=party, competency=roof, rating=3)
    return party


@pytest.fixture
def rotary(db):
    return Network.objects.create(name="Rotary Club Weißwasser", kind=NetworkKind.SERVICE_CLUB)


def make_recommendation(*, need, candidate, advisor, note="kennt den Inhaber", warm=False):
    return Recommendation.objects.create(
        need=need,
        candidate=candidate,
        advisor=advisor,
        note=note,
        offers_warm_introduction=warm,
    )


def make_tie(*, network, party, by=None, note=""):
    return NetworkTie.objects.create(network=network, party=party, recorded_by=by, note=note)


def make_member(*, network, user):
    return NetworkMembership.objects.create(network=network, advisor=user)
