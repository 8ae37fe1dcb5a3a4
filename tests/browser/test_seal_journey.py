"""Journey: the coordinator issues the seals of an active patronship → the company downloads
the media kit and copies the snippet → a partner's web page with that snippet shows the
seal → the verification page says "gültig" → the coordinator ends the patronship early →
the verification page and the embedded image say "widerrufen"."""

import datetime
import io
import re
import zipfile

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from seals.models import Seal
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.factories import PatronshipFactory, TopicFactory

pytestmark = pytest.mark.browser

RED_FOOTER = (0xA4, 0x26, 0x2C)
LIGHT_GREEN_FOOTER = (0xE6, 0xF1, 0xEE)


def _partner_website(snippet: str) -> str:
    """The company's own home page, somewhere else on the web, with the pasted snippet."""
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Dachdeckerei Krüger – Startseite</title></head><body><main>"
        "<h1>Dachdeckerei Krüger GmbH</h1><p>Ihr Dachdecker in Weißwasser.</p>"
        f"<footer>{snippet}</footer></main></body></html>"
    )


def _show_partner_website(visitor, snippet: str):
    """Open the partner's page in a new tab (a new document, as on a new visit) and return
    the response of the seal image it loads."""
    visitor.page.close()
    page = visitor.page = visitor.context.new_page()
    with page.expect_response(re.compile(r"/siegel/[^/]+/siegel-240\.png$")) as image:
        page.set_content(_partner_website(snippet), wait_until="load")
    page.wait_for_function(
        "() => { const i = document.querySelector('footer img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    return image.value


def _footer_colour(response) -> tuple:
    image = Image.open(io.BytesIO(response.body()))
    return image.getpixel((30, 280))[:3]


def test_seal_from_issue_to_revocation(
    visitor,
    live_server,
    settings,
    coordinator,
    company,
    company_member,
    organisation,
    organisation_member,
):
    # The snippet and the QR code point at the portal's public address: here, the test server.
    settings.SITE_URL = live_server.url
    today = timezone.localdate()
    patronship = PatronshipFactory(
        sponsor=company,
        recipient=organisation,
        title="Neues Dach für das Vereinsheim",
        start_date=today - datetime.timedelta(days=20),
        end_date=today + datetime.timedelta(days=345),
        coordinator=coordinator,
    )
    patronship.topics.set([TopicFactory(name="Sport")])

    # The coordinator issues the seals from the patronship's page.
    clara = visitor("seal-coordinator")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.goto(f"/patenschaften/{patronship.pk}/")
    page.get_by_role("link", name="Siegel ausstellen").click()
    page.wait_for_url(f"**/siegel/ausstellen/{patronship.pk}/")
    assert page.get_by_label("Dachdeckerei Krüger GmbH").is_checked()
    assert page.get_by_label("SV Jugendfußball Weißwasser e.V.").is_checked()
    clara.check("issue-form")
    page.get_by_role("button", name="Siegel ausstellen").click()
    expect(page.get_by_text("Siegel ausgestellt für Dachdeckerei Krüger GmbH")).to_be_visible()
    expect(page.get_by_text("Beide Partner haben ein gültiges Siegel")).to_be_visible()
    clara.check("issued")
    seal = Seal.objects.get(holder=company)

    # The company finds its seal, downloads the media kit and copies the snippet.
    carl = visitor("seal-holder")
    carl.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = carl.page
    _login(page, company_member.email, PASSWORD)
    page.goto(f"/siegel/partei/{company.pk}/")
    expect(page.get_by_role("heading", name=re.compile("Neues Dach"))).to_be_visible()
    carl.check("own-seals")
    with page.expect_download() as download:
        page.get_by_role("link", name="Medienpaket herunterladen (ZIP)").click()
    kit = zipfile.ZipFile(download.value.path())
    names = {name.split("/", 1)[1] for name in kit.namelist()}
    assert {"Anleitung.html", "einbinden.txt", "siegel-240.png", "siegel-druck.png"} <= names
    page.get_by_role("button", name="Code kopieren").click()
    # The clipboard answers asynchronously: wait for the confirmation to appear.
    page.get_by_text("Der Code ist kopiert.").wait_for(state="visible")
    snippet = page.evaluate("navigator.clipboard.readText()")
    assert snippet == page.get_by_label(re.compile("HTML-Code")).input_value()
    assert f"{live_server.url}/siegel/{seal.code}/siegel-240.png" in snippet

    # Someone visits the company's own website, where the snippet is pasted in: the seal
    # shows, valid.
    guest = visitor("seal-website-visitor")
    image = _show_partner_website(guest, snippet)
    site = guest.page
    assert image.status == 200 and image.headers["x-seal-state"] == "valid"
    assert _footer_colour(image) == LIGHT_GREEN_FOOTER
    assert site.locator("footer img").get_attribute("alt").startswith("Lausitzer Sozialpate")
    guest.check("partner-website-valid")

    # The visitor clicks the seal: the portal says it is valid.
    with site.expect_navigation():
        site.locator("footer a").click()
    assert site.url == f"{live_server.url}/siegel/pruefen/{seal.code}/"
    expect(site.get_by_text("Dieses Siegel ist gültig")).to_be_visible()
    guest.check("verify-valid")

    # The coordinator ends the patronship early.
    page = clara.page
    page.goto(f"/patenschaften/{patronship.pk}/vorzeitig-beenden/")
    page.get_by_label("Begründung").fill("Der Betrieb wurde verkauft.")
    page.get_by_role("button", name="Patenschaft vorzeitig beenden").click()
    page.wait_for_url(f"**/patenschaften/{patronship.pk}/")
    seal.refresh_from_db()
    assert seal.revoked_at is not None

    # The same website now shows the seal as revoked, and so does the verification page.
    image = _show_partner_website(guest, snippet)
    site = guest.page
    assert image.status == 200 and image.headers["x-seal-state"] == "revoked"
    assert _footer_colour(image) == RED_FOOTER
    guest.check("partner-website-revoked")
    site.goto(f"/siegel/pruefen/{seal.code}/")
    expect(site.get_by_text("Dieses Siegel ist widerrufen")).to_be_visible()
    expect(site.get_by_text(f"seit dem {today:%d.%m.%Y}")).to_be_visible()
    assert "verkauft" not in site.content()  # the reason stays private
    guest.check("verify-revoked")

    # The company's own page says so too, and offers no snippet any more.
    page = carl.page
    page.goto(f"/siegel/partei/{company.pk}/")
    expect(page.get_by_text("Dieses Siegel wurde am")).to_be_visible()
    assert page.get_by_role("button", name="Code kopieren").count() == 0
    carl.check("own-seals-revoked")
