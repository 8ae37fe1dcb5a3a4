"""Journeys in the browser: a visitor subscribes and confirms; the coordinator composes,
previews, tests and sends an issue, which then appears in the archive."""

import re

import pytest
from playwright.sync_api import expect

from communication.models import OutgoingEmail
from newsletter.models import Issue, IssueStatus, Subscriber
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import NeedFactory, TopicFactory
from tests.newsletter.conftest import subscriber

pytestmark = pytest.mark.browser


def test_visitor_subscribes_with_double_opt_in(visitor, transactional_db):
    TopicFactory(name="Sport", slug="sport")
    nora = visitor("newsletter-visitor")
    page = nora.page
    page.goto("/newsletter/")
    nora.check("subscribe")

    page.get_by_role("textbox", name="E-Mail-Adresse").fill("nora@example")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_text("Bitte geben Sie eine gültige E-Mail-Adresse an")).to_be_visible()
    expect(page.get_by_text("Bitte stimmen Sie zu")).to_be_visible()
    nora.check("subscribe-error")

    page.get_by_role("textbox", name="E-Mail-Adresse").fill("nora@example.org")
    page.get_by_label("Unternehmen", exact=True).check()
    page.get_by_label("Sport").check()
    page.get_by_label(re.compile("^Ja, ich möchte den Newsletter")).check()
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/newsletter/fast-geschafft/")
    nora.check("subscribe-sent")

    link = re.search(
        r"http://[^\s]+/newsletter/bestaetigen/[^\s/]+/", OutgoingEmail.objects.get().body
    )
    page.goto(link.group(0).replace("http://127.0.0.1:8000", ""))
    nora.check("confirm")
    assert not Subscriber.objects.get().is_confirmed
    page.get_by_role("button", name="Ja, Newsletter erhalten").click()
    expect(
        page.get_by_text("Danke! nora@example.org erhält ab jetzt unseren Newsletter.")
    ).to_be_visible()
    nora.check("confirmed")
    assert Subscriber.objects.get().is_confirmed


def test_coordinator_composes_previews_and_sends(visitor, transactional_db, coordinator):
    for n in range(3):
        subscriber(f"leser{n}@example.org")
    NeedFactory(title="Transporter für die Tafel gesucht", publish_publicly=True)
    clara = visitor("newsletter-coordinator")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.goto("/newsletter/ausgaben/")
    clara.check("issues")
    page.get_by_role("link", name="Neue Ausgabe").click()
    page.get_by_role("button", name="Anlegen").click()
    expect(page.get_by_text("Bitte geben Sie einen Betreff ein.")).to_be_visible()
    page.get_by_label("Betreff").fill("Sommerbrief 2099")
    page.get_by_label("Einleitung").fill("Liebe Leserinnen und Leser,\n\nes ist Sommer.")
    page.get_by_role("button", name="Anlegen").click()
    page.wait_for_url(re.compile(r"/newsletter/ausgaben/\d+/$"))
    clara.check("issue-edit")

    page.get_by_role("link", name="Termine").click()
    page.get_by_label("Termine, einer pro Zeile").fill("gestern Grillfest")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Zeile 1: Bitte beginnen Sie mit einem Datum")).to_be_visible()
    clara.check("block-error")
    page.get_by_label("Termine, einer pro Zeile").fill("14.06.2099 Netzwerktreffen im Rathaus")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Netzwerktreffen im Rathaus")).to_be_visible()

    page.get_by_role("link", name="Vorschau und Test-E-Mail").click()
    frame = page.frame_locator("iframe.newsletter-preview")
    expect(frame.get_by_role("heading", name="Transporter für die Tafel gesucht")).to_be_visible()
    clara.check("preview")
    page.get_by_role("button", name=re.compile("^Test-E-Mail an")).click()
    expect(page.get_by_text("Eine Test-E-Mail geht an clara@sozialpaten.example")).to_be_visible()

    page.get_by_role("link", name="Versenden …").click()
    clara.check("send")
    page.get_by_role("button", name="Jetzt an 3 Empfänger senden").click()
    page.wait_for_url(re.compile(r"/versand/$"))
    expect(page.get_by_text("3 von 3 E-Mails zugestellt")).to_be_visible()
    clara.check("progress")
    issue = Issue.objects.get()
    assert issue.status == IssueStatus.SENT and issue.deliveries.count() == 3

    page.goto("/newsletter/archiv/")
    page.get_by_role("link", name="Sommerbrief 2099").click()
    expect(page.get_by_text("Netzwerktreffen im Rathaus")).to_be_visible()
    clara.check("archive-issue")
