"""Journey: a company member reads notifications, tunes email settings, unsubscribes by link."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from notifications.models import EmailMode, NotificationKind
from notifications.services import email_settings_for, notify
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_read_settle_and_unsubscribe(visitor, company, company_member, coordinator):
    mail.outbox = []
    notify(
        kind=NotificationKind.CHECKIN,
        title="Zwischengespräch mit dem SV Jugendfußball fällig",
        body="Bitte vereinbaren Sie einen Termin mit der Koordination.",
        url="/patenschaften/",
        parties=[company],
    )
    notify(
        kind=NotificationKind.RENEWAL,
        title="Ihre Patenschaft endet in vier Wochen",
        body="Möchten Sie verlängern?",
        url="/patenschaften/",
        parties=[company],
    )
    carl = visitor("notifications")
    page = carl.page
    _login(page, company_member.email, PASSWORD)

    page.goto("/benachrichtigungen/")
    expect(page.get_by_text("Sie haben 2 ungelesene Benachrichtigungen.")).to_be_visible()
    carl.check("list-unread")

    page.get_by_role("link", name="Ihre Patenschaft endet in vier Wochen").click()
    page.wait_for_url(re.compile(r"/patenschaften/$"))
    page.goto("/benachrichtigungen/")
    expect(page.get_by_text("Sie haben eine ungelesene Benachrichtigung.")).to_be_visible()
    page.get_by_role("button", name="Alle als gelesen markieren").click()
    expect(page.get_by_text("Alle Benachrichtigungen sind als gelesen markiert.")).to_be_visible()
    expect(page.get_by_text("Sie haben alles gelesen.")).to_be_visible()
    carl.check("list-read")

    page.get_by_role("link", name="Benachrichtigungen einstellen").click()
    page.get_by_role("group", name="Zwischengespräch fällig").get_by_label(
        "in der wöchentlichen Zusammenfassung"
    ).check()
    page.get_by_role("button", name="Einstellungen speichern").click()
    expect(page.get_by_text("Ihre Einstellungen sind gespeichert.")).to_be_visible()
    carl.check("settings")
    assert email_settings_for(company_member)["checkin"] == EmailMode.DIGEST

    # The renewal email's unsubscribe link, opened without being logged in.
    (renewal,) = [m for m in mail.outbox if "vier Wochen" in m.subject]
    link = re.search(r"(http\S+/abbestellen/\S+/)\n", renewal.body).group(1)
    stranger = visitor("notifications-unsubscribe")
    stranger.page.goto(urlsplit(link).path)  # SITE_URL is not the live server's address
    stranger.check("unsubscribe-choice")
    assert email_settings_for(company_member)["renewal"] == EmailMode.IMMEDIATE
    stranger.page.get_by_role("button", name="Abbestellen").click()
    expect(stranger.page.get_by_text("nicht mehr").first).to_be_visible()
    stranger.check("unsubscribe-done")
    assert email_settings_for(company_member)["renewal"] == EmailMode.OFF
