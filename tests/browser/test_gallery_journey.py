"""Journey: a visitor filters the gallery, searches, opens a story, checks its seal and
finds the open needs board with its "Wir könnten helfen" way in."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from patronships.models import PatronshipStatus
from tests.factories import (
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
    PatronshipFactory,
    SealFactory,
    TopicFactory,
)
from tests.publication.conftest import public_story

pytestmark = pytest.mark.browser


def _photo_bytes() -> bytes:
    """A simple picture: a red roof on a house under a blue sky."""
    image = Image.new("RGB", (1200, 800), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle([300, 420, 900, 760], fill=(235, 225, 200))
    draw.polygon([(250, 440), (600, 180), (950, 440)], fill=(170, 40, 30))
    draw.rectangle([0, 760, 1200, 800], fill=(80, 140, 60))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _stories():
    from publication.models import StoryPhoto

    sport = TopicFactory(name="Sport", slug="sport")
    culture = TopicFactory(name="Kultur", slug="kultur")
    rietschen = MunicipalityFactory(name="Rietschen", slug="rietschen", postcodes="02956")
    roof = public_story(
        patronship=PatronshipFactory(
            sponsor__name="Dachdeckerei Krüger GmbH",
            sponsor__slug="dachdeckerei-krueger",
            recipient__name="SV Jugendfußball Weißwasser e.V.",
            recipient__slug="sv-jugendfussball",
        ),
        title="Ein dichtes Dach für die Fußballer",
        slug="ein-dichtes-dach-fuer-die-fussballer",
        teaser="Die Dachdeckerei Krüger hat das Vereinsheim neu gedeckt.",
        text=(
            "Jahrelang tropfte es in die Kabine. Im Mai hat die Dachdeckerei Krüger das Dach "
            "des Vereinsheims in zwei Tagen neu gedeckt.\n\nDer Verein hat sich mit einem "
            "Fußballturnier für die Belegschaft bedankt."
        ),
        sponsor_quote="Zwei Tage Arbeit, und die Kinder haben wieder eine trockene Kabine.",
        sponsor_quote_by="Carl Krüger, Geschäftsführer",
        recipient_quote="Ohne diese Hilfe hätten wir den Winter nicht überstanden.",
        recipient_quote_by="Olga Vorstand, Vorsitzende",
    )
    roof.patronship.topics.add(sport)
    photo = StoryPhoto(
        story=roof,
        caption="Das neue Dach des Vereinsheims im Mai",
        alt_text="Ein Haus mit neuem rotem Ziegeldach unter blauem Himmel",
        credit="Olga Vorstand",
        width=1200,
        height=800,
    )
    photo.image.save("dach.jpg", ContentFile(_photo_bytes()), save=False)
    photo.thumbnail.save("dach-klein.jpg", ContentFile(_photo_bytes()), save=False)
    photo.save()
    SealFactory(patronship=roof.patronship)

    portraits = public_story(
        patronship=PatronshipFactory(
            sponsor__name="Fotostudio Augenblick",
            sponsor__municipality=rietschen,
            recipient=OrganisationFactory(name="Kulturverein Glasmacherstadt e.V."),
            status=PatronshipStatus.COMPLETED,
            start_date=datetime.date(2024, 3, 1),
            end_date=datetime.date(2024, 9, 30),
        ),
        title="Glas und Menschen: Porträts von zwölf Glasmachern",
        teaser="Zwölf ehemalige Glasmacher, zwölf Porträts für eine Ausstellung.",
        text="Die Fotografin hat zwölf ehemalige Glasmacher porträtiert.",
        sponsor_gave="Porträts im Format 50 × 70",
        recipient_gave="Vorstellung bei der Eröffnung",
    )
    portraits.patronship.topics.add(culture)
    for i in range(3):
        public_story(title=f"Weitere Patenschaft {i + 1}").patronship.topics.add(sport)
    NeedFactory(
        title="Kleinbus für die Ferienfahrt",
        description="Wir suchen für eine Woche im Juli einen Kleinbus mit neun Sitzen.",
        publish_publicly=True,
    ).topics.add(sport)
    return roof, portraits


def test_visitor_filters_the_gallery_and_opens_a_story(visitor):
    roof, portraits = _stories()
    guest = visitor("besucherin")
    page = guest.page

    page.goto("/galerie/")
    expect(page.get_by_role("heading", name="Galerie der Patenschaften")).to_be_visible()
    expect(page.get_by_text("5 Patenschaften")).to_be_visible()
    guest.check("gallery")

    # Filter by topic, then narrow down by state.
    page.get_by_label("Thema").select_option(label="Kultur")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**/galerie/?topic=kultur")
    expect(page.get_by_text("1 Patenschaft", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=portraits.title)).to_be_visible()
    assert page.get_by_role("link", name=roof.title).count() == 0
    page.get_by_label("Stand").select_option(label="läuft")
    page.get_by_role("button", name="Anzeigen").click()
    expect(
        page.get_by_text("Keine veröffentlichte Patenschaft passt zu dieser Suche")
    ).to_be_visible()
    guest.check("gallery-filtered-empty")

    # Reset, then search.
    page.get_by_role("link", name="Alle Filter zurücksetzen").click()
    page.get_by_role("searchbox", name="Suche").fill("Kabine")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**/galerie/?q=Kabine")  # the short, stable address
    expect(page.get_by_text("1 Patenschaft", exact=True)).to_be_visible()
    guest.check("gallery-search")

    # Open the story.
    page.get_by_role("link", name=roof.title).click()
    page.wait_for_url(f"**/galerie/{roof.pk}/{roof.slug}/")
    expect(page.get_by_role("heading", level=1, name=roof.title)).to_be_visible()
    expect(page.get_by_text("Zwei Tage Arbeit, und die Kinder")).to_be_visible()
    expect(page.get_by_role("img", name="Ein Haus mit neuem rotem Ziegeldach")).to_be_visible()
    og_image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert og_image.endswith(f"/galerie/{roof.pk}/{roof.slug}/bild-1200x630")
    guest.check("story")

    # The seal's verification page, hosted by the portal.
    page.get_by_role("link", name="Siegel von Dachdeckerei Krüger GmbH prüfen").click()
    page.wait_for_url("**/siegel/pruefen/**")
    expect(page.get_by_text("Dachdeckerei Krüger GmbH").first).to_be_visible()
    page.go_back()

    # Channels: the press text and the picture for social media.
    page.get_by_role("link", name="Text und Bild für soziale Medien").click()
    assert page.get_by_label("Text für Ihren Beitrag").input_value().startswith(roof.title)
    page.wait_for_function(
        "() => { const i = document.querySelector('.social-preview img');"
        " return i.complete && i.naturalWidth > 0; }"
    )
    size = page.evaluate(
        "() => { const i = document.querySelector('.social-preview img');"
        " return [i.naturalWidth, i.naturalHeight]; }"
    )
    assert size == [1200, 630]
    guest.check("story-social")
    page.go_back()
    page.get_by_role("link", name="Pressetext (druckbare Seite)").click()
    expect(page.get_by_text("Pressemitteilung – Lausitzer Sozialpaten")).to_be_visible()
    guest.check("story-press")

    # The partner's public profile.
    page.go_back()
    page.get_by_role("link", name="Dachdeckerei Krüger GmbH").first.click()
    expect(page.get_by_role("heading", level=1, name="Dachdeckerei Krüger GmbH")).to_be_visible()
    guest.check("party-profile")

    # The visitor reads the page in English and back, by the footer's language links.
    profile_url = page.url
    page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English").click()
    page.wait_for_url(profile_url)
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("link", name="Legal notice")).to_be_visible()
    guest.check("party-profile-english")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Deutsch").click()
    page.wait_for_url(profile_url)
    assert page.locator("html").get_attribute("lang") == "de"

    # The open needs board and its way in.
    page.goto("/offene-bedarfe/")
    expect(page.get_by_role("heading", name="Kleinbus für die Ferienfahrt")).to_be_visible()
    guest.check("needs-board")
    page.get_by_role("link", name=re.compile("Wir könnten helfen")).first.click()
    expect(page.get_by_role("link", name="Unternehmen registrieren")).to_be_visible()
    guest.check("need-help")
