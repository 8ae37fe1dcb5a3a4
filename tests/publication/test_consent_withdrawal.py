"""Withdrawing consent takes the item off every public surface at once: pages, search, feed,
sitemap, profile pages, press and social texts, pictures, and the caches in front of them.

Each test first loads every surface (so the caches hold the consented version), then the
partner withdraws through the service, as the consent form does, with the transaction
committed (on-commit callbacks run), and then loads every surface again.
"""

import io
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from audit.models import AuditEntry
from notifications.models import Notification
from publication.models import StoryStatus
from publication.services import consent_set
from tests.factories import SealFactory

from .conftest import add_photo, png_bytes, public_story

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def neutral_story(patronship):
    """A story whose own words name neither partner (names come from the structured data)."""
    story = public_story(
        patronship=patronship,
        title="Ein neues Dach für das Vereinsheim",
        slug="ein-neues-dach-fuer-das-vereinsheim",
        text="Im Mai wurde das Dach des Vereinsheims neu gedeckt.",
        sponsor_quote="Handwerk verbindet, also haben wir geholfen.",
        recipient_quote="Jetzt regnet es nicht mehr in die Kabine.",
    )
    sponsor = patronship.sponsor
    sponsor.logo_thumbnail.save("logo.png", ContentFile(png_bytes((200, 100), (0, 0, 255))))
    SealFactory(patronship=patronship)
    return story


def feed_entries(client) -> dict[str, ET.Element]:
    root = ET.fromstring(client.get(reverse("publication:feed")).content)
    return {e.findtext(f"{ATOM}title"): e for e in root.findall(f"{ATOM}entry")}


def sitemap_urls(client) -> set[str]:
    root = ET.fromstring(client.get(reverse("publication:sitemap")).content)
    return {u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")}


def surfaces(client, story) -> dict:
    """Everything public about the story, as the outside world sees it now."""
    args = [story.pk, story.slug]
    gallery = reverse("publication:gallery")
    sponsor, recipient = story.patronship.sponsor, story.patronship.recipient
    return {
        "gallery": client.get(gallery).content.decode(),
        "search_text": client.get(gallery, {"q": "Vereinsheims"}).content.decode(),
        "search_name": client.get(gallery, {"q": "Krüger"}).content.decode(),
        "search_quote": client.get(gallery, {"q": "Handwerk"}).content.decode(),
        "story": client.get(reverse("publication:story", args=args)),
        "press": client.get(reverse("publication:press_text", args=args)),
        "press_page": client.get(reverse("publication:press", args=args)),
        "social": client.get(reverse("publication:social", args=args)),
        "image": client.get(reverse("publication:social_image", args=args)),
        "sponsor_profile": client.get(reverse("publication:party", args=[sponsor.slug])),
        "recipient_profile": client.get(reverse("publication:party", args=[recipient.slug])),
        "story_logo": client.get(reverse("publication:story_logo", args=[story.pk, "sponsor"])),
        "party_logo": client.get(reverse("publication:party_logo", args=[sponsor.slug])),
        "feed": feed_entries(client),
        "sitemap": sitemap_urls(client),
    }


def withdraw(party, story, django_capture_on_commit_callbacks, **values):
    with django_capture_on_commit_callbacks(execute=True):
        consent_set(patronship=story.patronship, party=party, values=values, by=None)


def absolute(settings, path):
    return settings.SITE_URL + path


def test_everything_is_public_before_withdrawal(client, neutral_story, settings):
    seen = surfaces(client, neutral_story)
    story_path = reverse("publication:story", args=[neutral_story.pk, neutral_story.slug])
    for name in ("gallery", "search_text", "search_name", "search_quote"):
        assert neutral_story.title in seen[name], name
    for name in ("story", "press", "press_page", "social", "image", "sponsor_profile"):
        assert seen[name].status_code == 200, name
    assert seen["story_logo"].status_code == 200 and seen["party_logo"].status_code == 200
    assert neutral_story.title in seen["feed"]
    assert absolute(settings, story_path) in seen["sitemap"]


def test_withdrawing_the_story_removes_it_from_every_surface(
    client, neutral_story, settings, django_capture_on_commit_callbacks
):
    photo = add_photo(neutral_story)
    photo_url = reverse("publication:photo", args=[neutral_story.pk, photo.pk])
    assert client.get(photo_url).status_code == 200
    surfaces(client, neutral_story)  # fill the caches

    withdraw(
        neutral_story.patronship.recipient,
        neutral_story,
        django_capture_on_commit_callbacks,
        show_story=False,
    )

    seen = surfaces(client, neutral_story)
    story_path = reverse("publication:story", args=[neutral_story.pk, neutral_story.slug])
    for name in ("gallery", "search_text", "search_name", "search_quote"):
        assert neutral_story.title not in seen[name], name
        assert story_path not in seen[name], name
    for name in ("story", "press", "press_page", "social", "image"):
        assert seen[name].status_code == 404, name
    # No other public story names them: the profile pages and logos go too.
    for name in ("sponsor_profile", "recipient_profile", "story_logo", "party_logo"):
        assert seen[name].status_code == 404, name
    assert client.get(photo_url).status_code == 404
    assert neutral_story.title not in seen["feed"]
    assert absolute(settings, story_path) not in seen["sitemap"]
    profile = reverse("publication:party", args=[neutral_story.patronship.sponsor.slug])
    assert absolute(settings, profile) not in seen["sitemap"]


def test_withdrawing_the_name_leaves_a_neutral_label_everywhere(
    client, neutral_story, settings, django_capture_on_commit_callbacks
):
    surfaces(client, neutral_story)
    sponsor = neutral_story.patronship.sponsor

    withdraw(sponsor, neutral_story, django_capture_on_commit_callbacks, show_name=False)

    seen = surfaces(client, neutral_story)
    neutral = "Ein Unternehmen aus Weißwasser/O.L."
    story_html = seen["story"].content.decode()
    assert seen["story"].status_code == 200
    for text in (seen["gallery"], story_html, seen["press"].content.decode()):
        assert sponsor.name not in text
        assert neutral in text
    # The quote stays (consented), but not who said it: a person's name names the company.
    assert neutral_story.sponsor_quote in story_html
    assert "Carl Krüger" not in story_html
    # Search by the name no longer finds it; search by its text still does.
    assert neutral_story.title not in seen["search_name"]
    assert neutral_story.title in seen["search_text"]
    # Profile page, logos and the seal link (its page names the holder) are gone.
    assert seen["sponsor_profile"].status_code == 404
    assert seen["story_logo"].status_code == 404 and seen["party_logo"].status_code == 404
    seal = neutral_story.patronship.seals.get()
    assert reverse("seals:verify", args=[seal.code]) not in story_html
    profile = absolute(settings, reverse("publication:party", args=[sponsor.slug]))
    assert profile not in seen["sitemap"]
    entry = ET.tostring(seen["feed"][neutral_story.title], encoding="unicode")
    assert sponsor.name not in entry
    assert sponsor.name not in seen["social"].content.decode()
    # The other partner is still named.
    assert neutral_story.patronship.recipient.name in story_html


def test_withdrawing_the_name_when_the_text_names_the_partner_takes_the_story_offline(
    client, story, coordinator, django_capture_on_commit_callbacks
):
    surfaces(client, story)
    sponsor = story.patronship.sponsor

    withdraw(sponsor, story, django_capture_on_commit_callbacks, show_name=False)

    story.refresh_from_db()
    assert story.status == StoryStatus.REVIEW and story.published_at is None
    seen = surfaces(client, story)
    assert story.title not in seen["gallery"] and story.title not in seen["feed"]
    assert seen["story"].status_code == 404 and seen["press"].status_code == 404
    assert sponsor.name not in seen["gallery"] and sponsor.name not in seen["search_name"]
    note = Notification.objects.get(user=coordinator)
    assert "Weil der Text den Namen nennt, ist die Geschichte offline" in note.body
    assert AuditEntry.objects.filter(action="publication.story_unpublished").exists()


def test_withdrawing_the_logo_removes_it_and_its_addresses(
    client, neutral_story, django_capture_on_commit_callbacks
):
    before = surfaces(client, neutral_story)
    logo_url = reverse("publication:story_logo", args=[neutral_story.pk, "sponsor"])
    assert logo_url in before["story"].content.decode() and logo_url in before["gallery"]

    withdraw(
        neutral_story.patronship.sponsor,
        neutral_story,
        django_capture_on_commit_callbacks,
        show_logo=False,
    )

    seen = surfaces(client, neutral_story)
    assert logo_url not in seen["story"].content.decode() and logo_url not in seen["gallery"]
    assert seen["story_logo"].status_code == 404 and seen["party_logo"].status_code == 404
    picture = Image.open(io.BytesIO(seen["image"].content)).convert("RGB")
    assert (0, 0, 255) not in {colour for _n, colour in picture.getcolors(1_000_000)}
    # The name stays.
    assert neutral_story.patronship.sponsor.name in seen["gallery"]


def test_withdrawing_photos_by_one_partner_removes_every_photo(
    client, neutral_story, django_capture_on_commit_callbacks
):
    photo = add_photo(neutral_story)
    urls = [
        reverse("publication:photo", args=[neutral_story.pk, photo.pk]),
        reverse("publication:photo_thumbnail", args=[neutral_story.pk, photo.pk]),
    ]
    before = surfaces(client, neutral_story)
    assert urls[0] in before["story"].content.decode() and urls[1] in before["gallery"]
    assert before["image"]["Content-Type"] == "image/jpeg"  # made from the photo
    assert all(client.get(url).status_code == 200 for url in urls)

    withdraw(
        neutral_story.patronship.recipient,
        neutral_story,
        django_capture_on_commit_callbacks,
        show_photos=False,
    )

    seen = surfaces(client, neutral_story)
    for url in urls:
        assert url not in seen["story"].content.decode() and url not in seen["gallery"]
        assert client.get(url).status_code == 404
    assert photo.alt_text not in seen["story"].content.decode()
    assert seen["image"]["Content-Type"] == "image/png"  # now from the logos


def test_withdrawing_the_quote_removes_it_from_page_press_text_and_search(
    client, neutral_story, django_capture_on_commit_callbacks
):
    surfaces(client, neutral_story)

    withdraw(
        neutral_story.patronship.sponsor,
        neutral_story,
        django_capture_on_commit_callbacks,
        show_quote=False,
    )

    seen = surfaces(client, neutral_story)
    quote = neutral_story.sponsor_quote
    assert quote not in seen["story"].content.decode()
    assert quote not in seen["press"].content.decode()
    assert neutral_story.title not in seen["search_quote"]
    assert neutral_story.recipient_quote in seen["story"].content.decode()


def test_giving_consent_again_brings_the_item_back(
    client, neutral_story, django_capture_on_commit_callbacks
):
    recipient = neutral_story.patronship.recipient
    withdraw(recipient, neutral_story, django_capture_on_commit_callbacks, show_story=False)
    assert neutral_story.title not in surfaces(client, neutral_story)["gallery"]
    withdraw(recipient, neutral_story, django_capture_on_commit_callbacks, show_story=True)
    assert neutral_story.title in surfaces(client, neutral_story)["gallery"]


def test_withdrawal_is_audited_and_the_coordinator_is_told(
    client, neutral_story, coordinator, django_capture_on_commit_callbacks
):
    withdraw(
        neutral_story.patronship.recipient,
        neutral_story,
        django_capture_on_commit_callbacks,
        show_photos=False,
        show_quote=False,
    )
    entry = AuditEntry.objects.get(action="publication.consent")
    assert "Zustimmung zurückgezogen für: Fotos, Zitat." in entry.message
    note = Notification.objects.get(user=coordinator)
    assert "nicht mehr öffentlich" in note.body


def test_unticking_every_box_in_the_form_withdraws_everything(
    client, organisation_member, neutral_story, django_capture_on_commit_callbacks
):
    """The consent form with nothing ticked posts no fields at all: still a withdrawal."""
    before = surfaces(client, neutral_story)
    assert neutral_story.title in before["gallery"]
    client.force_login(organisation_member)
    patronship = neutral_story.patronship
    url = reverse("publication:consent", args=[patronship.pk, patronship.recipient_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {})
    assert response.status_code == 302
    client.logout()
    seen = surfaces(client, neutral_story)
    assert neutral_story.title not in seen["gallery"]
    assert seen["story"].status_code == 404
    assert neutral_story.title not in seen["feed"]
