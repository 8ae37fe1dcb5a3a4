"""The Atom feed and sitemap.xml: well-formed, with the required elements."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from .conftest import public_story

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_feed_is_valid_atom_with_the_stories(client, story, settings):
    settings.SITE_URL = "https://sozialpaten.example"
    older = public_story(title="Kuchen für den Sonnenhof")
    older.first_published_at = timezone.now() - datetime.timedelta(days=3)
    older.save()
    response = client.get(reverse("publication:feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for element in ("title", "id", "updated", "subtitle"):
        assert root.findtext(f"{ATOM}{element}"), element
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == "https://sozialpaten.example/feed/"
    assert links["alternate"] == "https://sozialpaten.example/galerie/"
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Lausitzer Sozialpaten"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [story.title, older.title]
    entry = entries[0]
    url = f"https://sozialpaten.example{reverse('publication:story', args=[story.pk, story.slug])}"
    assert entry.find(f"{ATOM}link").get("href") == url
    assert entry.findtext(f"{ATOM}id") == url
    assert entry.findtext(f"{ATOM}summary") == story.teaser
    assert entry.findtext(f"{ATOM}content") == story.text
    assert entry.find(f"{ATOM}content").get("type") == "text"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["Sport"]
    datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))


def test_feed_is_valid_when_empty(client):
    root = ET.fromstring(client.get(reverse("publication:feed")).content)
    assert root.tag == f"{ATOM}feed" and root.findall(f"{ATOM}entry") == []


def test_feed_is_linked_from_gallery_and_story(client, story):
    feed = 'type="application/atom+xml"'
    assert feed in client.get(reverse("publication:gallery")).content.decode()
    story_html = client.get(reverse("publication:story", args=[story.pk, story.slug]))
    assert feed in story_html.content.decode()


def test_sitemap_is_valid_with_lastmod(client, story):
    response = client.get(reverse("publication:sitemap"))
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    story_path = reverse("publication:story", args=[story.pk, story.slug])
    entries = root.findall(f"{SITEMAP}url")
    entry = next(u for u in entries if u.findtext(f"{SITEMAP}loc").endswith(story_path))
    assert entry.findtext(f"{SITEMAP}lastmod") == timezone.localdate().isoformat()
    assert entry.findtext(f"{SITEMAP}changefreq") == "monthly"
