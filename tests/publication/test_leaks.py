"""Unpublished, unconsented or unapproved data never reaches public HTML, feed or sitemap."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from parties.models import PartyStatus
from patronships.models import PatronshipStatus
from publication.models import StoryStatus
from tests.factories import PatronshipFactory

from .conftest import StoryFactory, add_photo, consent, consent_both, public_story

pytestmark = pytest.mark.django_db

SECRET = "Geheimtitel-XYZ"


def everything_public(client) -> str:
    """Gallery (with a search for a word of the story's text), feed, sitemap and needs
    board, as one text."""
    gallery = reverse("publication:gallery")
    parts = [
        client.get(gallery).content,
        client.get(gallery, {"q": "Vereinsheim"}).content,
        client.get(reverse("publication:feed")).content,
        client.get(reverse("publication:sitemap")).content,
        client.get(reverse("publication:needs")).content,
    ]
    return "\n".join(p.decode() for p in parts)


def assert_not_public(client, story):
    text = everything_public(client)
    assert SECRET not in text
    assert f"/galerie/{story.pk}/" not in text
    for name in ("story", "press", "press_text", "social", "social_image"):
        response = client.get(reverse(f"publication:{name}", args=[story.pk, story.slug]))
        assert response.status_code == 404, name


@pytest.mark.parametrize("status", [StoryStatus.DRAFT, StoryStatus.REVIEW])
def test_unpublished_stories_never_show(client, status):
    story = StoryFactory(status=status, title=SECRET, published_at=None, first_published_at=None)
    consent_both(story.patronship)
    assert_not_public(client, story)


def test_a_story_without_any_consent_never_shows(client):
    story = StoryFactory(title=SECRET)
    assert_not_public(client, story)


@pytest.mark.parametrize("side", ["sponsor", "recipient"])
def test_a_story_only_one_partner_consented_to_never_shows(client, side):
    story = StoryFactory(title=SECRET)
    consent(story.patronship, getattr(story.patronship, side))
    other = "recipient" if side == "sponsor" else "sponsor"
    consent(story.patronship, getattr(story.patronship, other), show_story=False)
    assert_not_public(client, story)


@pytest.mark.parametrize(
    "status",
    [
        PatronshipStatus.PROPOSED,
        PatronshipStatus.AGREED,
        PatronshipStatus.DECLINED,
        PatronshipStatus.ENDED_EARLY,
    ],
)
def test_stories_of_patronships_not_running_or_completed_never_show(client, status):
    story = public_story(patronship=PatronshipFactory(status=status), title=SECRET)
    assert_not_public(client, story)


@pytest.mark.parametrize("status", [PartyStatus.PENDING, PartyStatus.REJECTED])
def test_stories_with_a_partner_that_is_not_approved_never_show(client, status):
    story = public_story(title=SECRET)
    story.patronship.recipient.status = status
    story.patronship.recipient.save()
    assert_not_public(client, story)
    profile = reverse("publication:party", args=[story.patronship.sponsor.slug])
    assert client.get(profile).status_code == 404


def test_items_without_consent_never_show_even_on_a_public_story(client):
    story = public_story(title="Öffentliche Geschichte", text="Ein Text ohne Namen.")
    consent(
        story.patronship,
        story.patronship.sponsor,
        show_name=False,
        show_logo=False,
        show_quote=False,
        show_photos=False,
    )
    photo = add_photo(story, caption="Bildunterschrift-geheim", alt="Alt-geheim")
    html = client.get(reverse("publication:story", args=[story.pk, story.slug])).content.decode()
    assert story.patronship.sponsor.name not in html
    assert story.sponsor_quote not in html and story.sponsor_quote_by not in html
    assert "Bildunterschrift-geheim" not in html and "Alt-geheim" not in html
    assert client.get(reverse("publication:photo", args=[story.pk, photo.pk])).status_code == 404
    feed = client.get(reverse("publication:feed")).content.decode()
    assert story.patronship.sponsor.name not in feed


def test_contact_details_never_show(client, story):
    sponsor = story.patronship.sponsor
    sponsor.email, sponsor.phone = "intern@krueger.example", "0355 999999"
    sponsor.save()
    pages = [
        reverse("publication:story", args=[story.pk, story.slug]),
        reverse("publication:party", args=[sponsor.slug]),
        reverse("publication:press_text", args=[story.pk, story.slug]),
        reverse("publication:gallery"),
        reverse("publication:feed"),
    ]
    for url in pages:
        text = client.get(url).content.decode()
        assert "intern@krueger.example" not in text and "0355 999999" not in text, url


def test_the_sitemap_lists_only_public_pages(client, story, settings):
    StoryFactory(title=SECRET)  # no consent
    root = ET.fromstring(client.get(reverse("publication:sitemap")).content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = {u.findtext(f"{ns}loc") for u in root.findall(f"{ns}url")}
    site = settings.SITE_URL
    assert urls == {
        f"{site}/",
        f"{site}{reverse('publication:gallery')}",
        f"{site}{reverse('publication:needs')}",
        f"{site}{reverse('publication:story', args=[story.pk, story.slug])}",
        f"{site}{reverse('publication:party', args=[story.patronship.sponsor.slug])}",
        f"{site}{reverse('publication:party', args=[story.patronship.recipient.slug])}",
    }
