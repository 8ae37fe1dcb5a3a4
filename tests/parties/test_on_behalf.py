import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from parties.models import Invitation, Membership, Party, PartyStatus
from parties.services import invitation_create, invitation_token
from tests.factories import MunicipalityFactory

FORM = {
    "kind": "organisation",
    "name": "Seniorentreff Krauschwitz",
    "legal_form": "initiative",
    "sector": "",
    "website": "",
    "description": "Kaffee, Kuchen und Gymnastik jeden Dienstag.",
    "contact_email": "treff@krauschwitz.example",
}


def test_coordinator_creates_a_party_on_behalf_and_invites_its_contact(
    client, coordinator, django_capture_on_commit_callbacks
):
    municipality = MunicipalityFactory(name="Krauschwitz i.d. O.L.", postcodes="02957")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("parties:create"), {**FORM, "municipality": municipality.pk})
    party = Party.objects.get(name="Seniorentreff Krauschwitz")
    assert response["Location"] == party.get_absolute_url()
    assert party.created_on_behalf and party.created_by == coordinator
    assert party.status == PartyStatus.APPROVED
    invitation = Invitation.objects.get(party=party)
    assert invitation.email == "treff@krauschwitz.example"
    assert mail.outbox[0].to == ["treff@krauschwitz.example"]
    assert re.search(r"/parteien/einladung/\S+/", mail.outbox[0].body)


def test_create_with_bad_input_keeps_it_and_saves_nothing(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("parties:create"),
        {**FORM, "kind": "company", "legal_form": "verein", "contact_email": "kaputt"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Eine Rechtsform wählen Sie nur für Organisationen." in page
    assert "Bitte gültige E-Mail-Adresse eingeben." in page
    assert 'value="Seniorentreff Krauschwitz"' in page
    assert not Party.objects.exists()


def test_create_permissions(client, advisor, company_member):
    url = reverse("parties:create")
    client.force_login(company_member)
    assert client.get(url).status_code == 404
    client.force_login(advisor)
    assert client.post(url, FORM).status_code == 403
    assert not Party.objects.filter(name=FORM["name"]).exists()


@pytest.fixture
def invitation(coordinator, organisation):
    return invitation_create(
        party=organisation, email="neu@example.org", role="admin", invited_by=coordinator
    )


def test_invited_person_creates_an_account_and_joins(client, invitation):
    url = reverse("parties:invitation", args=[invitation_token(invitation)])
    assert "Konto anlegen" in client.get(url).content.decode()
    response = client.post(
        url,
        {"name": "Nina Neu", "password1": "Spreewald-Gurke-7", "password2": "Spreewald-Gurke-7"},
    )
    assert response["Location"] == reverse("accounts:home")
    user = User.objects.get(email="neu@example.org")
    assert user.emailaddress_set.get().verified
    assert Membership.objects.get(user=user, party=invitation.party).is_admin
    # The link works only once.
    assert client.get(url).status_code == 404


def test_invitation_signup_with_mismatched_passwords_keeps_the_name(client, invitation):
    url = reverse("parties:invitation", args=[invitation_token(invitation)])
    response = client.post(
        url, {"name": "Nina Neu", "password1": "Spreewald-Gurke-7", "password2": "anders"}
    )
    page = response.content.decode()
    assert "Die beiden Passwörter stimmen nicht überein." in page
    assert 'value="Nina Neu"' in page
    assert not User.objects.filter(email="neu@example.org").exists()


def test_logged_in_person_accepts_an_invitation(client, invitation, company_member):
    client.force_login(company_member)
    url = reverse("parties:invitation", args=[invitation_token(invitation)])
    client.post(url)
    assert Membership.objects.filter(user=company_member, party=invitation.party).exists()


def test_forged_or_tampered_invitation_is_refused(client, invitation):
    token = invitation_token(invitation)
    response = client.get(reverse("parties:invitation", args=[token[:-2] + "xx"]))
    assert response.status_code == 404
    assert "Diese Einladung gilt nicht mehr" in response.content.decode()


def test_expired_invitation_is_refused(client, invitation, monkeypatch):
    token = invitation_token(invitation)
    monkeypatch.setattr("parties.services.INVITATION_MAX_AGE_DAYS", -1)
    assert client.get(reverse("parties:invitation", args=[token])).status_code == 404
