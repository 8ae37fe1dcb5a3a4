"""Public pages are cached under the public version; any change raises it at once."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from exchange.models import Need
from publication import caching
from publication.models import PublicVersion, Story
from tests.factories import NeedFactory, SealFactory, TopicFactory

from .conftest import add_photo, public_story

pytestmark = pytest.mark.django_db


def queries(client, url, data=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data or {})
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("name", ["gallery", "needs", "feed", "sitemap"])
def test_a_cached_page_costs_one_query(client, story, django_assert_max_num_queries, name):
    url = reverse(f"publication:{name}")
    client.get(url)
    # The public version: from the database with a local-memory cache, none with Redis.
    with django_assert_max_num_queries(1):
        client.get(url)


def test_a_cached_story_page_and_picture_cost_one_query(
    client, story, django_assert_max_num_queries
):
    photo = add_photo(story)
    urls = [
        reverse("publication:story", args=[story.pk, story.slug]),
        reverse("publication:social_image", args=[story.pk, story.slug]),
        reverse("publication:photo", args=[story.pk, photo.pk]),
        reverse("publication:party", args=[story.patronship.sponsor.slug]),
    ]
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(1):
            client.get(url)


def test_unknown_parameters_share_the_cached_page(client, story, django_assert_max_num_queries):
    url = reverse("publication:gallery")
    client.get(url)
    with django_assert_max_num_queries(1):
        client.get(url, {"utm_source": "zeitung", "fbclid": "x" * 50})


def test_a_change_past_the_services_shows_only_after_the_version_is_raised(
    client, story, django_capture_on_commit_callbacks
):
    url = reverse("publication:gallery")
    client.get(url)
    Story.objects.filter(pk=story.pk).update(title="Neuer Titel ohne Signal")
    assert "Neuer Titel ohne Signal" not in client.get(url).content.decode()  # cached
    with django_capture_on_commit_callbacks(execute=True):
        caching.public_version_bump()
    assert "Neuer Titel ohne Signal" in client.get(url).content.decode()


def test_changes_in_other_apps_raise_the_version(client, story, django_capture_on_commit_callbacks):
    """Party names, seals, patronship topics and needs are shown publicly: their changes
    must show at once too."""
    story_url = reverse("publication:story", args=[story.pk, story.slug])
    client.get(story_url)
    sponsor = story.patronship.sponsor
    with django_capture_on_commit_callbacks(execute=True):
        sponsor.name = "Krüger Bedachungen GmbH"
        sponsor.save()
    assert "Krüger Bedachungen GmbH" in client.get(story_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        seal = SealFactory(patronship=story.patronship)
    assert reverse("seals:verify", args=[seal.code]) in client.get(story_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        seal.revoked_at = timezone.now()
        seal.save()
    assert reverse("seals:verify", args=[seal.code]) not in client.get(story_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        story.patronship.topics.add(TopicFactory(name="Umwelt", slug="umwelt"))
    assert "Umwelt" in client.get(story_url).content.decode()

    board = reverse("publication:needs")
    client.get(board)
    with django_capture_on_commit_callbacks(execute=True):
        need = NeedFactory(title="Hilfe beim Vereinsfest", publish_publicly=True)
    assert need.title in client.get(board).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Need.objects.get(pk=need.pk).delete()
    assert need.title not in client.get(board).content.decode()


def test_one_transaction_raises_the_version_once(django_capture_on_commit_callbacks):
    before = caching.public_version()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for _ in range(5):
            caching.public_version_bump()
    assert caching.public_version() == before + 1


def test_the_version_row_is_made_when_missing(django_capture_on_commit_callbacks):
    PublicVersion.objects.all().delete()
    assert caching._database_version() == 0
    with django_capture_on_commit_callbacks(execute=True):
        caching.public_version_bump()
    assert caching._database_version() == 1


@pytest.fixture
def shared_cache(settings, tmp_path):
    """A cache all server processes share (files here; Redis in production)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    assert caching._shared_cache()
    yield


def test_with_a_shared_cache_the_version_lives_there(
    shared_cache, client, story, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = reverse("publication:gallery")
    client.get(url)
    with django_assert_num_queries(0):  # the version from the cache, the page from memory
        assert story.title in client.get(url).content.decode()
    before = caching.public_version()
    with django_capture_on_commit_callbacks(execute=True):
        Story.objects.filter(pk=story.pk).update(title="Neu über den geteilten Cache")
        caching.public_version_bump()
    assert caching.public_version() == before + 1
    assert "Neu über den geteilten Cache" in client.get(url).content.decode()


def test_a_lost_shared_version_never_brings_old_pages_back(shared_cache, client, story):
    from django.core.cache import cache

    url = reverse("publication:gallery")
    client.get(url)
    old = caching.public_version()
    cache.delete(caching.VERSION_KEY)  # evicted, or the cache was restarted
    assert caching.public_version() > old


def test_cache_keys_change_with_version_language_and_day(monkeypatch):
    key = caching.cache_key("gallery", [("q", "Dach")], version=3)
    assert caching.cache_key("gallery", [("q", "Dach")], version=4) != key
    assert caching.cache_key("gallery", [("q", "Dachs")], version=3) != key
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(caching.timezone, "localdate", lambda: tomorrow)
    assert caching.cache_key("gallery", [("q", "Dach")], version=3) != key


# --- query budgets (uncached pages) --------------------------------------------------------


def _grow(n: int, topic):
    for i in range(n):
        story = public_story(title=f"Geschichte Nummer {i}")
        story.patronship.topics.add(topic)
        add_photo(story)
        SealFactory(patronship=story.patronship)


@pytest.mark.parametrize("n", [2, 30])
def test_gallery_query_budget(client, topic, django_assert_max_num_queries, n):
    """Version; the public stories' topics, places, competencies and years (one query),
    then the choices' three lists, and the chosen topic looked up; the count and the page;
    the page's topics, seals, photos and the partners' places."""
    _grow(n, topic)
    with django_assert_max_num_queries(12):
        client.get(reverse("publication:gallery"), {"topic": "sport", "q": "Nummer"})


def test_gallery_queries_do_not_grow_with_the_stories(client, topic):
    _grow(3, topic)
    few = queries(client, reverse("publication:gallery"))
    _grow(25, topic)
    caching._bump_now()
    assert queries(client, reverse("publication:gallery")) == few


@pytest.mark.parametrize("n", [2, 30])
def test_needs_board_query_budget(client, organisation, topic, django_assert_max_num_queries, n):
    """Version, topic and place choices, the count, the page, the page's topics."""
    for i in range(n):
        NeedFactory(party=organisation, title=f"Bedarf {i}", publish_publicly=True).topics.add(
            topic
        )
    with django_assert_max_num_queries(6):
        client.get(reverse("publication:needs"))


def test_story_page_query_budget(client, story, django_assert_max_num_queries):
    """Version, the story, its topics, seals, photos, the partners' places and the
    contribution totals."""
    for _ in range(5):
        add_photo(story)
    for holder in (story.patronship.sponsor, story.patronship.recipient):
        SealFactory(patronship=story.patronship, holder=holder)
    with django_assert_max_num_queries(7):
        client.get(reverse("publication:story", args=[story.pk, story.slug]))


def test_party_profile_query_budget(client, story, topic, django_assert_max_num_queries):
    sponsor = story.patronship.sponsor
    for i in range(10):
        other = public_story(patronship__sponsor=sponsor, title=f"Noch eine {i}")
        other.patronship.topics.add(topic)
    # Version, the party, its competencies, its stories, their topics, seals, photos and
    # the partners' places.
    with django_assert_max_num_queries(8):
        client.get(reverse("publication:party", args=[sponsor.slug]))


@pytest.mark.parametrize("n", [2, 30])
def test_overview_query_budget(client, coordinator, django_assert_max_num_queries, n):
    """Session and user, the count, the page, the page's consents, the header's unread
    notifications."""
    for i in range(n):
        public_story(title=f"Geschichte {i}")
    client.force_login(coordinator)
    with django_assert_max_num_queries(6):
        client.get(reverse("publication:overview"))


def test_overview_for_a_member_lists_only_their_patronships(client, company_member, story):
    other = public_story(title="Fremde Patenschaft")
    client.force_login(company_member)
    html = client.get(reverse("publication:overview")).content.decode()
    assert story.patronship.title in html and other.patronship.title not in html


# --- whole pages for visitors without a session --------------------------------------------


def test_every_visitor_without_a_session_gets_the_same_cached_bytes(story):
    from django.test import Client

    url = reverse("publication:gallery")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one, two = first.get(url), second.get(url)
    assert one.content == two.content and b"placeholder" not in one.content
    # No token was handed out, so no cookie: nothing differs between visitors.
    assert not one.cookies and not two.cookies
    # The footer's language switch is a plain link that leads back to this page.
    switch = reverse("pages:language", args=["en"])
    assert f'href="{switch}?next={url}"'.encode() in one.content
    response = second.get(switch, {"next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert b'<html lang="en">' in second.get(url).content  # its own cache entry


def test_signed_in_people_get_their_own_header_not_the_cached_one(client, story, coordinator):
    url = reverse("publication:story", args=[story.pk, story.slug])
    anonymous = client.get(url).content.decode()
    assert "Abmelden" not in anonymous and "Anmelden" in anonymous
    client.force_login(coordinator)
    signed_in = client.get(url).content.decode()
    assert "Abmelden" in signed_in and "Arbeitsplatz" in signed_in
    client.logout()
    assert "Abmelden" not in client.get(url).content.decode()


def test_messages_are_not_lost_to_the_cached_page(client, story, coordinator):
    url = reverse("publication:gallery")
    client.get(url)  # cached for visitors without a session
    client.force_login(coordinator)
    client.post(reverse("account_logout"))
    html = client.get(url).content.decode()
    assert "abgemeldet" in html


def test_a_junk_parameter_is_served_but_not_cached_as_a_page(client, story):
    from django.core.cache import cache

    url = reverse("publication:gallery")
    page_key = caching.cache_key("gallery:page", [], version=caching.public_version())
    html = client.get(url, {"fbclid": "abc"}).content.decode()
    assert story.title in html
    assert cache.get(page_key) is None  # only the content is cached, not a page per junk
    client.get(url)
    assert cache.get(page_key) is not None


def test_process_pages_keep_the_most_recent_and_expire(monkeypatch):
    pages = caching._ProcessPages(size=2)
    pages.put("a", b"A")
    pages.put("b", b"B")
    assert pages.get("a") == b"A"  # now the most recent
    pages.put("c", b"C")
    assert pages.get("b") is None and pages.get("a") == b"A" and pages.get("c") == b"C"
    later = caching.time.monotonic() + caching.CACHE_TIMEOUT + 1
    monkeypatch.setattr(caching.time, "monotonic", lambda: later)
    assert pages.get("a") is None
