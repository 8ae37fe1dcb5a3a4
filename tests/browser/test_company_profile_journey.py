"""Journey: a company member maintains core competencies and offers in the browser."""

import re

import pytest
from playwright.sync_api import expect

from exchange.models import Offer
from parties.models import PartyCompetency
from taxonomy.models import TaxonomySuggestion
from taxonomy.services import taxonomy_load_reference
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_company_edits_its_competencies_and_offers(visitor, company, company_member):
    taxonomy_load_reference()
    carl = visitor("company")
    page = carl.page
    _login(page, company_member.email, PASSWORD)
    page.get_by_role("link", name=company.name).click()
    carl.check("party-detail")
    page.get_by_role("link", name="Kernkompetenzen").click()
    carl.check("competencies-empty")

    # Search as you type: htmx replaces the results without a page load.
    page.get_by_label("Suchbegriff").press_sequentially("homepage", delay=30)
    page.get_by_role("button", name="Webseiten-Erstellung hinzufügen").click()
    expect(
        page.get_by_text("„Webseiten-Erstellung“ gehört jetzt zu Ihren Kernkompetenzen.")
    ).to_be_visible()

    # The plain list works as well, with a self-rating.
    page.get_by_label("Kompetenz:", exact=True).select_option(label="Transporter und Kleinbus")
    page.get_by_label("Wie gut können Sie das?").select_option(label="Kerngeschäft")
    page.get_by_role("button", name="Hinzufügen").click()

    page.get_by_label("Ihre Stichworte").fill("Flyer, Drohnenfotos")
    page.get_by_role("button", name="Zuordnen").click()
    expect(page.get_by_text("Zugeordnet: Druck und Kopie.")).to_be_visible()
    expect(page.get_by_text("die Koordination prüft: Drohnenfotos.")).to_be_visible()
    carl.check("competencies-filled")
    page.get_by_role("button", name="Druck und Kopie entfernen").click()

    items = PartyCompetency.objects.filter(party=company).select_related("competency")
    assert {i.competency.name: i.rating for i in items} == {
        "Webseiten-Erstellung": 2,
        "Transporter und Kleinbus": 3,
    }
    assert TaxonomySuggestion.objects.get().label == "Drohnenfotos"

    page.get_by_role("link", name=re.compile("zurück zu")).click()
    page.get_by_role("link", name="Angebote").click()
    page.get_by_role("link", name="Angebot hinzufügen").click()
    page.get_by_label("Art").select_option(label="Fahrzeug")
    page.get_by_label("Titel").fill("Kleinbus am Wochenende")
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_text("Bitte geben Sie dem Angebot").count() == 0
    carl.check("offers")
    page.get_by_role("link", name="Kleinbus am Wochenende bearbeiten").click()
    page.get_by_label("Umfang").fill("nur am Wochenende, 9 Sitze")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("nur am Wochenende, 9 Sitze")).to_be_visible()
    assert Offer.objects.get(party=company).capacity == "nur am Wochenende, 9 Sitze"
