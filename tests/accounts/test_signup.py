import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from communication.models import EmailStatus, OutgoingEmail
from parties.models import LegalForm, Membership, Party, PartyKind, PartyStatus
from tests.factories import MunicipalityFactory

SIGNUP = {
    "name": "Carla Neumann",
    "email": "carla@tischlerei-neumann.example",
    "password1": "Lausitz-Sonne-2027",
    "password2": "Lausitz-Sonne-2027",
    "represents": "company",
    "party_name": "Tischlerei Neumann",
    "privacy": "on",
}


@pytest.fixture
def municipality(db):
    return MunicipalityFactory()


def _signup(client, django_capture_on_commit_callbacks, **overrides):
    data = {**SIGNUP, **overrides}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("account_signup"), data)


def test_signup_creates_a_pending_company_with_its_admin(
    client, municipality, coordinator, django_capture_on_commit_callbacks
):
    response = _signup(client, django_capture_on_commit_callbacks, municipality=municipality.pk)
    assert response.status_code == 302
    user = User.objects.get(email=SIGNUP["email"])
    assert user.name == "Carla Neumann"
    party = Party.objects.get(name="Tischlerei Neumann")
    assert party.kind == PartyKind.COMPANY
    assert party.status == PartyStatus.PENDING
    assert party.municipality == municipality
    assert Membership.objects.get(user=user, party=party).is_admin
    # The verification email and the coordinator's notice went through the outbox.
    assert set(OutgoingEmail.objects.values_list("to", "status")) == {
        (SIGNUP["email"], EmailStatus.SENT),
        (coordinator.email, EmailStatus.SENT),
    }
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "Tischlerei Neumann" in subjects[coordinator.email]


def test_signup_as_individual_creates_an_organisation_named_after_the_person(
    client, django_capture_on_commit_callbacks, db
):
    _signup(client, django_capture_on_commit_callbacks, represents="individual", party_name="")
    party = Party.objects.get()
    assert party.kind == PartyKind.ORGANISATION
    assert party.legal_form == LegalForm.INDIVIDUAL
    assert party.name == "Carla Neumann"


def test_signup_without_party_name_is_refused_and_keeps_the_input(
    client, django_capture_on_commit_callbacks, db
):
    response = _signup(client, django_capture_on_commit_callbacks, party_name="   ")
    assert response.status_code == 200
    assert "Bitte geben Sie den Namen des Unternehmens oder der Organisation an." in (
        response.content.decode()
    )
    assert 'value="carla@tischlerei-neumann.example"' in response.content.decode()
    assert not User.objects.exists()
    assert not Party.objects.exists()


def test_signup_requires_privacy_consent(client, django_capture_on_commit_callbacks, db):
    data = {k: v for k, v in SIGNUP.items() if k != "privacy"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), data)
    assert "Bitte stimmen Sie den Datenschutzhinweisen zu." in response.content.decode()
    assert not User.objects.exists()


def test_login_is_refused_until_the_email_is_verified(
    client, django_capture_on_commit_callbacks, db
):
    _signup(client, django_capture_on_commit_callbacks)
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")

    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[-1]
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )
    assert response["Location"] == reverse("accounts:home")
    page = client.get(reverse("accounts:home")).content.decode()
    assert "Tischlerei Neumann" in page
    assert "wartet auf Freigabe" in page


def test_signup_page_is_german(client, db):
    page = client.get(reverse("account_signup")).content.decode()
    assert "Wen vertreten Sie?" in page
    assert "Ich vertrete ein Unternehmen" in page
    assert '<html lang="de">' in page


def test_home_requires_login(client, db):
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_home_shows_the_coordinator_the_pending_count(client, coordinator, db):
    from tests.factories import CompanyFactory

    CompanyFactory(status=PartyStatus.PENDING)
    client.force_login(coordinator)
    page = client.get(reverse("accounts:home")).content.decode()
    assert "1 Registrierung wartet auf Freigabe." in page
