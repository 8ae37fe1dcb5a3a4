"""Journey: the coordinator opens the desk, works through the pipeline with the keyboard;
an advisor sees the same board read-only. Screenshots and axe on every page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from parties.models import PartyStatus
from patronships.models import IntroductionStatus, PatronshipStatus
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import (
    CompanyFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
    PatronshipFactory,
    TopicFactory,
)
from tests.workspace.conftest import CheckInFactory, IntroductionFactory, backdate, days_ago

pytestmark = pytest.mark.browser


@pytest.fixture
def desk(coordinator):
    boxberg = MunicipalityFactory(name="Boxberg/O.L.")
    youth = TopicFactory(name="Jugend")
    krueger = CompanyFactory(name="Dachdeckerei Krüger GmbH", municipality=boxberg)
    club = OrganisationFactory(name="SV Jugendfußball Weißwasser e.V.")
    CompanyFactory(name="Elektro Lehmann", status=PartyStatus.PENDING)
    NeedFactory(party=club, title="Flutlicht für den Trainingsplatz")
    late = IntroductionFactory(
        patronship__sponsor=krueger,
        patronship__recipient=OrganisationFactory(name="Tafel Weißwasser e.V."),
        patronship__title="Lieferwagen für die Tafel",
        patronship__coordinator=coordinator,
    )
    backdate(late, proposed_at=days_ago(18), escalated_at=days_ago(4))
    IntroductionFactory(
        patronship__title="Webseite für den Kirchenchor",
        status=IntroductionStatus.ACCEPTED,
        closed_at=timezone.now(),
    )
    roof = PatronshipFactory(
        sponsor=krueger, recipient=club, title="Dach des Vereinsheims", coordinator=coordinator
    )
    roof.topics.add(youth)
    PatronshipFactory(title="Bewerbungstraining", status=PatronshipStatus.COMPLETED)
    CheckInFactory(patronship=roof, due_on=timezone.localdate() - datetime.timedelta(days=3))


def test_coordinator_desk_and_pipeline(visitor, coordinator, advisor, desk):
    clara = visitor("workspace-coordinator")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.get_by_role("link", name="Arbeitsplatz", exact=True).click()
    page.get_by_role("heading", name="Arbeitsplatz der Koordination").wait_for()
    expect(page.get_by_text("eskaliert", exact=True)).to_be_visible()
    expect(page.get_by_text("überfällig seit 3 Tagen")).to_be_visible()
    clara.check("dashboard")

    page.get_by_role("link", name="Zur Pipeline").click()
    page.get_by_role("heading", name="Pipeline: Vorstellungen und Patenschaften").wait_for()
    clara.check("board")

    # Filter with the keyboard only: choose the topic, submit the form.
    page.get_by_label("Thema").focus()
    page.keyboard.press("End")  # the last (only) topic
    page.get_by_role("button", name="Filtern").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**topic=**")
    assert page.get_by_label("Thema").input_value() != ""
    expect(page.get_by_role("link", name="Dach des Vereinsheims")).to_be_visible()
    assert page.get_by_role("link", name="Lieferwagen für die Tafel").count() == 0
    clara.check("board-filtered")

    page.get_by_role("link", name="„aktiv“ als Liste").click()
    page.get_by_role("heading", name="Pipeline: aktiv").wait_for()
    clara.check("list")

    anton = visitor("workspace-advisor")
    _login(anton.page, advisor.email, PASSWORD)
    anton.page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Pipeline"
    ).click()
    anton.page.get_by_text("Sie sehen die Pipeline lesend.").wait_for()
    assert anton.page.get_by_role("link", name="Vereinbarung festhalten").count() == 0
    anton.check("board-read-only")
