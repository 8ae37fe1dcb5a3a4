"""Journey: a company registers, verifies its email, logs in, waits, and is approved."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from parties.models import Party, PartyStatus
from tests.conftest import PASSWORD
from tests.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.browser


def _login(page, email, password):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name=re.compile(r"^Anmeld")).click()


def test_signup_verify_login_and_approval(visitor, transactional_db):
    from allauth.account.models import EmailAddress

    MunicipalityFactory()
    clara = UserFactory(email="clara@sozialpaten.example", name="Clara", is_coordinator=True)
    EmailAddress.objects.create(user=clara, email=clara.email, verified=True, primary=True)

    carla = visitor("carla")
    page = carla.page
    page.goto("/")
    carla.check("home")
    page.get_by_role("link", name="Als Unternehmen mitmachen").click()

    page.get_by_label("Ihr Name").fill("Carla Neumann")
    page.get_by_label("E-Mail").fill("carla@tischlerei-neumann.example")
    page.get_by_label("Passwort:", exact=True).fill("Lausitz-Sonne-2027")
    page.get_by_label("Passwort (Wiederholung)").fill("Lausitz-Sonne-2027")
    page.get_by_label("Ich vertrete ein Unternehmen").check()
    page.get_by_label("Name des Unternehmens oder der Organisation").fill("Tischlerei Neumann")
    page.get_by_label("Gemeinde").select_option(label="Weißwasser/O.L.")
    carla.check("signup-filled")
    # Forgetting the privacy consent keeps everything that was typed.
    page.get_by_role("button", name="Registrieren").click()
    expect(page.get_by_text("Bitte stimmen Sie den Datenschutzhinweisen zu.")).to_be_visible()
    assert page.get_by_label("Name des Unternehmens oder der Organisation").input_value() == (
        "Tischlerei Neumann"
    )
    carla.check("signup-error")
    page.get_by_label("Passwort:", exact=True).fill("Lausitz-Sonne-2027")
    page.get_by_label("Passwort (Wiederholung)").fill("Lausitz-Sonne-2027")
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen").check()
    page.get_by_role("button", name="Registrieren").click()

    page.wait_for_url(re.compile(r"/konto/confirm-email/$"))
    carla.check("verification-sent")
    party = Party.objects.get(name="Tischlerei Neumann")
    assert party.status == PartyStatus.PENDING

    (verification,) = [m for m in mail.outbox if m.to == ["carla@tischlerei-neumann.example"]]
    link = re.search(r"http://\S+/konto/confirm-email/\S+/", verification.body).group(0)
    page.goto(link)
    carla.check("confirm-email")
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url(re.compile(r"/mein-bereich/$"))

    page.get_by_role("button", name="Abmelden").click()
    _login(page, "carla@tischlerei-neumann.example", "Lausitz-Sonne-2027")
    page.wait_for_url(re.compile(r"/mein-bereich/$"))
    expect(page.get_by_text("wartet auf Freigabe").first).to_be_visible()
    carla.check("home-pending")

    katrin = visitor("coordinator")
    _login(katrin.page, clara.email, PASSWORD)
    katrin.page.get_by_role("link", name="Freigaben", exact=True).click()
    katrin.check("review")
    katrin.page.get_by_role("button", name="Tischlerei Neumann freigeben").click()
    expect(katrin.page.get_by_text("„Tischlerei Neumann“ ist freigegeben.")).to_be_visible()
    katrin.check("review-approved")

    party.refresh_from_db()
    assert party.status == PartyStatus.APPROVED
    page.reload()
    expect(page.get_by_text("freigegeben", exact=True)).to_be_visible()
    carla.check("home-approved")
