"""Journey in the browser: the coordinator publishes last year's report, a visitor reads it
(charts and tables pass an accessibility scan) and opens the PDF."""

import re

import pytest
from playwright.sync_api import expect

from reports.models import AnnualReport
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.reports.conftest import build_world

pytestmark = pytest.mark.browser


def test_coordinator_publishes_and_a_visitor_reads_the_report(
    visitor, transactional_db, coordinator
):
    build_world()  # the small programme whose figures tests/reports checks by hand
    clara = visitor("report-coordinator")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.goto("/jahresbericht/")
    clara.check("list")
    page.get_by_role("link", name="Jahresbericht 2024").first.click()
    page.get_by_role("link", name="Vorwort und Geschichten bearbeiten").click()
    page.get_by_label("Vorwort").fill("Ein Jahr voller Hilfe über Grenzen von Branchen hinweg.")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(re.compile(r"/jahresbericht/2024/$"))
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_text("Der Jahresbericht 2024 ist veröffentlicht.")).to_be_visible()
    assert AnnualReport.objects.get(year=2024).is_published

    guest = visitor("report-visitor")
    page = guest.page
    page.goto("/jahresbericht/")
    page.get_by_role("link", name="Jahresbericht 2024").first.click()
    expect(page.get_by_role("heading", name="Das Jahr 2024 in Zahlen")).to_be_visible()
    expect(page.get_by_role("img", name="Themen der Patenschaften 2024")).to_be_visible()
    expect(page.get_by_text("Ein Jahr voller Hilfe")).to_be_visible()
    guest.check("report")
    with page.expect_response(re.compile(r"/jahresbericht\.pdf$")) as answer:
        page.evaluate("url => fetch(url)", "/jahresbericht/2024/jahresbericht.pdf")
    response = answer.value
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
