"""Personas and shared fixtures.

The personas follow one small programme: Weißwasser's coordinator Clara, an advisor of the
Förderkreis, Carl who runs a roofing company, Olga who chairs a youth football club, and
Otto, an outsider with an account but no party.
"""

import os

import pytest
from allauth.account.models import EmailAddress

from tests.factories import CompanyFactory, MembershipFactory, OrganisationFactory, UserFactory

PASSWORD = "test-passwort-123"


def require(condition: bool, reason: str) -> None:
    """Skip when a service or browser is missing on a laptop; fail in CI (SOZIALPATEN_STRICT)."""
    if condition:
        return
    if os.environ.get("SOZIALPATEN_STRICT"):
        pytest.fail(f"{reason} (SOZIALPATEN_STRICT is set, so this cannot be skipped)")
    pytest.skip(reason)


def _verified(user):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


@pytest.fixture
def coordinator(db):
    return _verified(
        UserFactory(
            email="clara@sozialpaten.example", name="Clara Koordination", is_coordinator=True
        )
    )


@pytest.fixture
def advisor(db):
    return _verified(
        UserFactory(email="anton@foerderkreis.example", name="Anton Förderkreis", is_advisor=True)
    )


@pytest.fixture
def company(db):
    return CompanyFactory(name="Dachdeckerei Krüger GmbH", slug="dachdeckerei-krueger")


@pytest.fixture
def company_member(company):
    user = _verified(UserFactory(email="carl@krueger.example", name="Carl Krüger"))
    MembershipFactory(user=user, party=company)
    return user


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="SV Jugendfußball Weißwasser e.V.", slug="sv-jugendfussball")


@pytest.fixture
def organisation_member(organisation):
    user = _verified(UserFactory(email="olga@sv-weisswasser.example", name="Olga Vorstand"))
    MembershipFactory(user=user, party=organisation)
    return user


@pytest.fixture
def outsider(db):
    return _verified(UserFactory(email="otto@example.org", name="Otto Außenstehend"))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached pages must not leak from one test into the next."""
    from django.core.cache import cache

    from matching import resident, services

    cache.clear()
    # Nor matching refreshes a rolled-back test collected, nor an index kept for its data.
    services._pending.state = None
    resident._kept.clear()
    yield
