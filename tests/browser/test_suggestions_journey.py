"""Journey: the coordinator reviews the ranked suggestions for a need and acts on them."""

import re

import pytest
from playwright.sync_api import expect

from exchange.models import Need
from matching import services
from parties.models import PartyCompetency
from taxonomy.models import Competency
from taxonomy.services import taxonomy_load_reference
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import CompanyFactory, MunicipalityFactory, NeedFactory

pytestmark = pytest.mark.browser


def test_coordinator_reviews_suggestions_for_a_need(visitor, coordinator, organisation):
    taxonomy_load_reference()
    roof = Competency.objects.get(name="Dachdeckerei")
    near = CompanyFactory(name="Dachdeckerei Noack")
    far = CompanyFactory(
        name="Dachbau Zittau",
        municipality=MunicipalityFactory(
            name="Zittau", postcodes="02763", latitude=50.8961, longitude=14.8072
        ),
        radius_km=30,
    )
    for party in (near, far):
        PartyCompetency.objects.create(party=party, competency=roof, rating=3)
    need = NeedFactory(
        party=organisation,
        title="Unser Dach ist undicht",
        description="Bei Regen tropft es in die Umkleide der Kinder.",
        kind="in_kind",
    )
    NeedFactory(
        party=organisation,
        title="Harfe für die Gedenkfeier",
        description="Wer spielt bei unserer Gedenkfeier Harfe?",
    )
    services.suggestions_rebuild()

    clara = visitor("coordinator")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.get_by_role("link", name="Vorschläge", exact=True).click()
    clara.check("suggestion-list")
    page.get_by_role("link", name="Harfe für die Gedenkfeier").click()
    expect(page.get_by_text("Kein passender Vorschlag.")).to_be_visible()
    page.go_back()
    page.get_by_role("link", name="Unser Dach ist undicht").click()
    clara.check("need-suggestions")
    first = page.locator("article.suggestion").first
    assert "Dachdeckerei Noack" in first.inner_text()
    assert "deckt ab: Dach ↔ Dachdeckerei" in first.inner_text()
    assert "außerhalb des Umkreises" in page.locator("article.suggestion").nth(1).inner_text()

    page.get_by_role("button", name=re.compile(r"^vormerken.*Noack")).click()
    assert page.locator("article.suggestion.shortlisted").count() == 1
    page.get_by_role("link", name=re.compile(r"^ausschließen.*Zittau")).click()
    clara.check("exclude")
    page.get_by_label("Warum passt das nicht?").fill("zu weit weg")
    page.get_by_role("button", name="Ausschließen").click()
    expect(page.get_by_text("wird für diesen Bedarf nicht mehr vorgeschlagen")).to_be_visible()
    assert page.locator("article.suggestion").count() == 1
    clara.check("need-suggestions-after")
    assert Need.objects.get(pk=need.pk).suggestions.get().shortlisted
