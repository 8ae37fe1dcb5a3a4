"""Journey: a running patronship is accompanied. The company logs what it gave (in German
numbers, after a typo), the coordinator confirms it, holds a check-in and leaves a note for
both; once the patronship is over, the football club looks back."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from patronships.models import CheckIn, ClosingReview, Contribution, PatronshipStatus
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import PatronshipFactory

pytestmark = pytest.mark.browser


def test_accompanying_a_patronship(
    visitor, coordinator, company, organisation, company_member, organisation_member
):
    patronship = PatronshipFactory(
        sponsor=company,
        recipient=organisation,
        coordinator=coordinator,
        title="Ein dichtes Dach für den Fußballverein",
    )
    checkin = CheckIn.objects.create(
        patronship=patronship, due_on=timezone.localdate() + datetime.timedelta(days=2)
    )
    detail = f"/patenschaften/{patronship.pk}/"

    # The company logs what it gave; a minus sign slips in first.
    carl = visitor("accompaniment-company")
    page = carl.page
    _login(page, company_member.email, PASSWORD)
    page.goto(detail)
    page.get_by_text("Beitrag eintragen", exact=True).first.click()  # opens <details>
    carl.check("detail-contribution-form")
    page.get_by_label("Stunden").fill("-6")
    page.get_by_label("Sachwert in Euro").fill("249,90")
    page.get_by_label("Was wurde gegeben?").fill("Dachrinne erneuert, Material gestellt")
    page.get_by_role("button", name="Beitrag eintragen").click()
    expect(page.get_by_text("Bitte geben Sie keine negativen Zahlen an.")).to_be_visible()
    assert page.get_by_label("Sachwert in Euro").input_value() == "249,90"
    carl.check("contribution-error")
    page.get_by_label("Stunden").fill("6")
    page.get_by_role("button", name="Beitrag eintragen").click()
    page.wait_for_url(re.compile(rf"{detail}$"))
    expect(page.get_by_text("die Koordination bestätigt ihn")).to_be_visible()
    expect(page.get_by_role("cell", name="unbestätigt")).to_be_visible()
    contribution = Contribution.objects.get()
    assert str(contribution.value_eur) == "249.90" and contribution.confirmed_at is None

    # The coordinator confirms it, writes down the check-in and a note for both partners.
    clara = visitor("accompaniment-coordinator")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.goto(detail)
    clara.check("detail-coordinator")
    page.get_by_role("button", name=re.compile("^Beitrag vom .* bestätigen")).click()
    expect(page.get_by_text("ist bestätigt")).to_be_visible()
    page.get_by_label("Was wurde besprochen?").fill("Dach ist dicht, Training läuft wieder.")
    page.get_by_role("button", name="Zwischengespräch festhalten").click()
    expect(page.get_by_text("Das Zwischengespräch ist festgehalten.")).to_be_visible()
    page.get_by_role("textbox", name="Notiz").fill(
        "Sommerfest am 12. Juli: Kindertanzgruppe tritt auf."
    )
    page.get_by_label("Nur für Koordination und Förderkreis (intern)").uncheck()
    page.get_by_role("button", name="Notiz speichern").click()
    expect(page.get_by_text("beide Partner sehen sie")).to_be_visible()
    clara.check("detail-after-checkin")
    checkin.refresh_from_db()
    assert checkin.done_at is not None
    assert CheckIn.objects.filter(patronship=patronship, done_at=None).count() == 1

    # The club sees the confirmed entry, the totals and the shared note.
    olga = visitor("accompaniment-organisation")
    page = olga.page
    _login(page, organisation_member.email, PASSWORD)
    page.goto(detail)
    expect(page.get_by_text("Sommerfest am 12. Juli")).to_be_visible()
    expect(page.get_by_role("cell", name="249,90 €").first).to_be_visible()
    assert not page.get_by_text("Training läuft wieder").count()  # check-in notes: pipeline
    olga.check("detail-organisation")

    # The patronship ends; the club looks back.
    patronship.status = PatronshipStatus.COMPLETED
    patronship.save()
    page.goto(detail)
    page.get_by_role("link", name=re.compile("Rückblick für .* schreiben")).click()
    page.get_by_label("Was hat gut funktioniert?").fill("Schnelle Hilfe, das Dach ist dicht.")
    page.get_by_role("button", name="Rückblick speichern").click()
    expect(page.get_by_text("Bitte sagen Sie uns, ob Sie es wieder tun würden.")).to_be_visible()
    olga.check("review-error")
    page.get_by_label("ja").check()
    page.get_by_role("button", name="Rückblick speichern").click()
    page.wait_for_url(re.compile(rf"{detail}$"))
    expect(page.get_by_text("Vielen Dank!")).to_be_visible()
    review = ClosingReview.objects.get()
    assert review.party == organisation and review.would_again == "yes"
