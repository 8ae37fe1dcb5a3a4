"""Journey: an advisor records a network and recommends a company with a warm introduction;
the coordinator sees it among the suggestions and can start the introduction from it."""

import re

import pytest
from playwright.sync_api import expect

from advisors.models import NetworkTie, Recommendation
from matching import services
from matching.models import Suggestion
from parties.models import PartyCompetency
from taxonomy.models import Competency
from taxonomy.services import taxonomy_load_reference
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import CompanyFactory, MunicipalityFactory, NeedFactory

pytestmark = pytest.mark.browser


def test_advisor_recommends_and_coordinator_follows_up(visitor, advisor, coordinator, organisation):
    taxonomy_load_reference()
    roof = Competency.objects.get(name="Dachdeckerei")
    near = CompanyFactory(name="Dachdeckerei Krüger")
    muskau = MunicipalityFactory(
        name="Bad Muskau", postcodes="02953", latitude=51.5497, longitude=14.7158
    )
    far = CompanyFactory(name="Bedachungen Noack", municipality=muskau)
    for party in (near, far):
        PartyCompetency.objects.create(party=party, competency=roof, rating=3)
    need = NeedFactory(
        party=organisation,
        title="Unser Dach ist undicht",
        description="Bei Regen tropft es in die Umkleide der Kinder.",
        kind="in_kind",
    )
    services.suggestions_rebuild()
    assert Suggestion.objects.get(need=need, rank=1).candidate == near

    anton = visitor("advisor")
    page = anton.page
    _login(page, advisor.email, PASSWORD)

    # A network, the advisor in it, and the far roofer tied to it.
    page.goto("/foerderkreis/netzwerke/")
    anton.check("networks-empty")
    page.get_by_role("link", name="Netzwerk anlegen").click()
    page.get_by_label("Name des Netzwerks").fill("Rotary Club Weißwasser")
    page.get_by_label("Art").select_option(label="Serviceclub (Rotary, Lions, Round Table …)")
    page.get_by_label("Beschreibung").fill("Trifft sich dienstags im Hotel Kristall.")
    anton.check("network-form")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_role("button", name="Ich bin hier Mitglied").click()
    page.get_by_role("link", name="Unternehmen oder Organisation zuordnen").click()
    page.get_by_label("Name enthält").fill("noack")
    page.get_by_role("button", name="Liste eingrenzen").click()
    page.get_by_label("Unternehmen oder Organisation:").select_option(label="Bedachungen Noack")
    page.get_by_label("Notiz").fill("Inhaber ist Präsident des Clubs")
    anton.check("tie-form")
    page.get_by_role("button", name="Zuordnen").click()
    expect(
        page.get_by_text("ist jetzt dem Netzwerk „Rotary Club Weißwasser“ zugeordnet")
    ).to_be_visible()
    anton.check("network-detail")
    assert NetworkTie.objects.filter(party=far).exists()

    # From the suggestions: recommend the far roofer, offering a warm introduction.
    page.goto(f"/vorschlaege/bedarf/{need.pk}/")
    page.get_by_role("link", name=re.compile(r"^empfehlen.*Noack")).click()
    page.get_by_label("Warum passt es?").fill(
        "Kennt den Inhaber, Jugendfußball liegt ihm am Herzen."
    )
    page.get_by_label("Ich biete eine warme Vorstellung an").check()
    anton.check("recommend-form")
    page.get_by_role("button", name="Empfehlen").click()
    expect(page.get_by_text("Danke! Ihre Empfehlung")).to_be_visible()
    first = page.locator("article.suggestion").first
    assert "Bedachungen Noack" in first.inner_text()
    assert "empfohlen von Anton Förderkreis" in first.inner_text()
    assert "erreichbar über Rotary Club Weißwasser" in first.inner_text()
    anton.check("suggestions-after")
    page.goto("/foerderkreis/")
    expect(page.get_by_text("Rotary Club Weißwasser").first).to_be_visible()
    anton.check("mine")

    # The coordinator sees the warm offer and can start the introduction from it.
    recommendation = Recommendation.objects.get()
    clara = visitor("coordinator-foerderkreis")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.goto("/foerderkreis/empfehlungen/")
    clara.check("all-recommendations")
    page.goto(f"/vorschlaege/bedarf/{need.pk}/")
    first = page.locator("article.suggestion").first
    assert "warme Vorstellung angeboten" in first.inner_text()
    link = first.get_by_role("link", name=re.compile(r"^Vorstellung mit Anton Förderkreis starten"))
    assert f"recommendation={recommendation.pk}" in link.get_attribute("href")
    clara.check("suggestions-coordinator")
