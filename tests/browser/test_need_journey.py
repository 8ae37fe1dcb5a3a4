"""Journey: an organisation member describes a need in the browser, fixes a mistake, sees it."""

import re

import pytest
from playwright.sync_api import expect

from exchange.models import Need
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import CompetencyFactory, MunicipalityFactory, TopicFactory

pytestmark = pytest.mark.browser


def test_organisation_posts_a_need(visitor, organisation, organisation_member):
    MunicipalityFactory()
    CompetencyFactory(name="Webdesign")
    TopicFactory(name="Sport")
    olga = visitor("organisation")
    page = olga.page
    _login(page, organisation_member.email, PASSWORD)
    page.get_by_role("link", name="Bedarf beschreiben").click()
    olga.check("need-form")

    page.get_by_label("Titel").fill("Vereinswebseite mit Terminen")
    page.get_by_label("Art").select_option(label="Know-how / Beratung")
    page.get_by_label("Ort:").select_option(label="– bitte wählen –")
    page.get_by_label("Beschreibung").fill("")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Bitte beschreiben Sie, was Ihnen fehlt.")).to_be_visible()
    assert page.get_by_label("Titel").input_value() == "Vereinswebseite mit Terminen"
    olga.check("need-form-error")

    page.get_by_label("Beschreibung").fill(
        "Wir bräuchten eine einfache Webseite, auf der Eltern die Trainingszeiten finden."
    )
    page.get_by_label("auch aus der Ferne möglich").check()
    page.get_by_label("Sport").check()
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(re.compile(r"/bedarfe/\d+/$"))
    expect(page.get_by_text("ist gespeichert")).to_be_visible()
    olga.check("need-detail")

    need = Need.objects.get()
    assert need.remote_ok and need.municipality is None
    assert [t.name for t in need.topics.all()] == ["Sport"]
