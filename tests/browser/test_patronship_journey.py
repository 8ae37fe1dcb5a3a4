"""Journey: need → suggestions → introduction → both accept by link → agreement → active →
check-in reminder (time moved forward) → completed."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from matching import services as matching
from parties.models import PartyCompetency
from patronships import services
from patronships.models import CheckIn, Patronship
from taxonomy.models import Competency
from taxonomy.services import taxonomy_load_reference
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import ContactPersonFactory

pytestmark = pytest.mark.browser


def _answer_link(recipient: str, answer: str) -> str:
    """The signed one-click link from the introduction email to `recipient`."""
    message = next(
        m for m in reversed(mail.outbox) if recipient in m.to and "Vorstellung" in m.subject
    )
    label = "Annehmen" if answer == "accepted" else "Ablehnen"
    match = re.search(label + r":\s*(\S+)", message.body)
    assert match, message.body
    # The email carries SITE_URL; the live server listens elsewhere: keep the path.
    return urlsplit(match.group(1)).path


def test_whole_patronship_journey(
    visitor, coordinator, company, company_member, organisation, organisation_member
):
    taxonomy_load_reference()
    PartyCompetency.objects.create(
        party=company, competency=Competency.objects.get(name="Dachdeckerei"), rating=3
    )
    ContactPersonFactory(party=company, name="Carl Krüger", email="carl@krueger.example")
    ContactPersonFactory(party=organisation, name="Olga Vorstand", email="olga@sv.example")

    # The organisation posts a need in its own words.
    olga = visitor("journey-organisation")
    _login(olga.page, organisation_member.email, PASSWORD)
    olga.page.get_by_role("link", name="Bedarf beschreiben").click()
    olga.page.get_by_label("Titel").fill("Unser Dach ist undicht")
    olga.page.get_by_label("Art").select_option(label="Sachleistung")
    olga.page.get_by_label("Beschreibung").fill(
        "Bei Regen tropft es in die Umkleide der Kinder. Wer kann das Dach abdichten?"
    )
    olga.page.get_by_role("button", name="Speichern").click()
    olga.page.wait_for_url(re.compile(r"/bedarfe/\d+/$"))
    matching.suggestions_rebuild()

    # The coordinator reviews the suggestions and proposes an introduction.
    clara = visitor("journey-coordinator")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.get_by_role("link", name="Vorschläge", exact=True).click()
    page.get_by_role("link", name="Unser Dach ist undicht").click()
    clara.check("suggestions")
    page.get_by_role("link", name=re.compile(r"^vorstellen.*Krüger")).click()
    clara.check("propose")
    page.get_by_label("Nachricht an beide").fill(
        "Die Dachdeckerei Krüger ist gleich um die Ecke, und Herr Krüger trainiert selbst "
        "eine Jugendmannschaft."
    )
    page.get_by_role("button", name="Vorstellung verschicken").click()
    page.wait_for_url(re.compile(r"/vorstellungen/\d+/$"))
    expect(page.get_by_text("Die Vorstellung ist verschickt")).to_be_visible()
    clara.check("introduction-waiting")
    assert "carl@krueger.example" in page.content()  # the coordinator sees contacts

    # Both parties accept by the signed link from their email, without logging in.
    carl = visitor("journey-company-link")
    carl.page.goto(_answer_link(company_member.email, "accepted"))
    carl.check("answer-link")
    carl.page.get_by_role("button", name="Antwort senden").click()
    expect(carl.page.get_by_text("Ihre Antwort liegt vor")).to_be_visible()
    # Olga, logged in, still sees no contact details: the company said yes, she has not.
    olga.page.goto(page.url)
    assert "carl@krueger.example" not in olga.page.content()
    olga.page.goto(_answer_link(organisation_member.email, "accepted"))
    olga.page.get_by_role("button", name="Antwort senden").click()
    expect(olga.page.get_by_text("Beide Seiten haben zugestimmt")).to_be_visible()
    olga.page.goto(page.url)
    assert "carl@krueger.example" in olga.page.content()
    olga.check("introduction-accepted")

    # The coordinator records the agreement: the patronship is active.
    page.reload()
    page.get_by_role("link", name="Vereinbarung festhalten").click()
    clara.check("agreement-form")
    page.get_by_label("Das gibt Dachdeckerei Krüger GmbH").fill("Abdichtung des Vereinsheimdachs")
    page.get_by_label("Das gibt SV Jugendfußball Weißwasser e.V. zurück").fill(
        "Logo auf den Trikots, Auftritt beim Firmenfest"
    )
    page.get_by_label("Zwischengespräch alle … Tage").fill("60")
    page.get_by_role("button", name="Vereinbarung speichern").click()
    expect(page.get_by_text("die Patenschaft ist aktiv")).to_be_visible()
    clara.check("patronship-active")
    patronship = Patronship.objects.get()
    assert patronship.status == "active"
    checkin = CheckIn.objects.get()
    assert checkin.due_on == timezone.localdate() + datetime.timedelta(days=60)

    # Time moves forward: the daily task announces the check-in to all three.
    mail.outbox.clear()
    services.patronships_daily(today=checkin.due_on - datetime.timedelta(days=3))
    reminded = {m.to[0] for m in mail.outbox if "Zwischengespräch" in m.subject}
    assert {coordinator.email, company_member.email, organisation_member.email} <= reminded

    # The coordinator records the check-in and later completes the patronship.
    page.reload()
    page.get_by_label("Was wurde besprochen?").fill("Dach ist dicht, beide zufrieden.")
    page.get_by_role("button", name="Zwischengespräch festhalten").click()
    clara.check("checkin-recorded")
    checkin.refresh_from_db()
    assert checkin.done_at is not None
    page.get_by_role("link", name="Patenschaft abschließen").click()
    clara.check("complete-form")
    page.get_by_role("button", name="Patenschaft abschließen").click()
    expect(page.get_by_text("Die Patenschaft ist abgeschlossen")).to_be_visible()
    clara.check("patronship-completed")
    patronship.refresh_from_db()
    assert patronship.status == "completed"
    assert [t.to_status for t in patronship.transitions.all()] == [
        "proposed",
        "agreed",
        "active",
        "completed",
    ]
