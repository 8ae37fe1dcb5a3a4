"""The public pages: gallery, story, party profile, press and social texts, needs board."""

import datetime
import io
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from exchange.models import NeedStatus
from parties.models import PartyCompetency, PartyStatus
from patronships.models import PatronshipStatus
from tests.factories import (
    CompetencyFactory,
    NeedFactory,
    PatronshipFactory,
    SealFactory,
    TopicFactory,
)

from .conftest import add_photo, public_story

pytestmark = pytest.mark.django_db


def story_url(story):
    return reverse("publication:story", args=[story.pk, story.slug])


# --- gallery -------------------------------------------------------------------------------


def test_gallery_lists_public_stories_as_cards(client, story):
    response = client.get(reverse("publication:gallery"))
    assert response.status_code == 200
    html = response.content.decode()
    assert story.title in html
    assert story_url(story) in html
    assert "Dachdeckerei Krüger GmbH" in html and "SV Jugendfußball Weißwasser e.V." in html
    assert "Sport" in html and "Weißwasser/O.L." in html
    assert f"seit {story.patronship.start_date.year}" in html
    assert story.teaser in html
    assert response["Cache-Control"] == "no-cache"


def test_gallery_shows_a_valid_seal_on_the_card(client, story):
    SealFactory(patronship=story.patronship)
    html = client.get(reverse("publication:gallery")).content.decode()
    assert "Siegel gültig" in html


def test_gallery_filters_by_topic_municipality_year_and_state(client, story, other_place):
    culture = TopicFactory(name="Kultur", slug="kultur")
    other = public_story(
        patronship=PatronshipFactory(
            recipient__municipality=other_place,
            sponsor__municipality=other_place,
            status=PatronshipStatus.COMPLETED,
            start_date=datetime.date(2021, 3, 1),
            end_date=datetime.date(2022, 2, 28),
        ),
        title="Porträts für die Ausstellung",
    )
    other.patronship.topics.add(culture)
    gallery = reverse("publication:gallery")

    html = client.get(gallery, {"topic": "kultur"}).content.decode()
    assert other.title in html and story.title not in html
    html = client.get(gallery, {"municipality": "rietschen"}).content.decode()
    assert other.title in html and story.title not in html
    html = client.get(gallery, {"year": "2021"}).content.decode()
    assert other.title in html and story.title not in html
    html = client.get(gallery, {"state": "laufend"}).content.decode()
    assert story.title in html and other.title not in html
    html = client.get(gallery, {"state": "abgeschlossen"}).content.decode()
    assert other.title in html and story.title not in html


def test_gallery_filters_by_competency_of_sponsor_or_need(client, story):
    roofing = CompetencyFactory(name="Dachdeckerei", slug="dachdeckerei")
    web = CompetencyFactory(name="Webdesign", slug="webdesign")
    PartyCompetency.objects.create(party=story.patronship.sponsor, competency=roofing)
    other = public_story(title="Eine Webseite für den Heimatverein")
    need = NeedFactory(party=other.patronship.recipient)
    need.competencies.add(web)
    other.patronship.need = need
    other.patronship.save()

    html = client.get(reverse("publication:gallery"), {"competency": "dachdeckerei"}).content
    assert story.title in html.decode() and other.title not in html.decode()
    html = client.get(reverse("publication:gallery"), {"competency": "webdesign"}).content
    assert other.title in html.decode() and story.title not in html.decode()


def test_gallery_filter_choices_list_only_what_the_gallery_shows(client, story, other_place):
    TopicFactory(name="Seniorenarbeit", slug="senioren")  # no public story
    html = client.get(reverse("publication:gallery")).content.decode()
    assert '<option value="sport"' in html
    assert "Seniorenarbeit" not in html
    assert "Rietschen" not in html


def test_search_finds_words_from_title_text_and_consented_names(client, story):
    gallery = reverse("publication:gallery")
    other = public_story(
        title="Kuchen für den Sonnenhof",
        text="Jeden Freitag Kuchen.",
        sponsor_gave="Kuchen",
        recipient_gave="Lieder",
    )
    for query in ("Vereinsheim", "Dach", "Krüger"):
        html = client.get(gallery, {"q": query}).content.decode()
        assert story.title in html, query
        assert other.title not in html, query
    html = client.get(gallery, {"q": "Kuchen"}).content.decode()
    assert other.title in html and story.title not in html


def test_bad_filter_input_gets_a_german_error_and_keeps_the_search(client, story):
    response = client.get(reverse("publication:gallery"), {"q": "Dach", "year": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diese Auswahl gibt es in der Galerie nicht" in html
    assert 'value="Dach"' in html
    assert story.title in html  # the valid part of the filter still applies


def test_overlong_search_is_refused_in_german(client, story):
    response = client.get(reverse("publication:gallery"), {"q": "x" * 101})
    assert "höchstens 100 Zeichen" in response.content.decode()


def test_gallery_paginates_with_stable_urls(client, settings):
    stories = [public_story(title=f"Patenschaft Nummer {i:02}") for i in range(30)]
    gallery = reverse("publication:gallery")
    first = client.get(gallery).content.decode()
    second = client.get(gallery, {"page": 2}).content.decode()
    newest, oldest = stories[-1], stories[0]
    assert newest.title in first and newest.title not in second
    assert oldest.title in second and oldest.title not in first
    assert f'href="{gallery}?page=2" rel="next"' in first
    assert f'href="{gallery}" rel="prev"' in second  # page 1 has one address only
    assert f'<link rel="canonical" href="{settings.SITE_URL}{gallery}?page=2">' in second
    assert f'<link rel="prev" href="{settings.SITE_URL}{gallery}">' in second
    assert client.get(gallery, {"page": 3}).status_code == 404
    assert client.get(gallery, {"page": "abc"}).status_code == 404
    first_again = client.get(gallery, {"page": 1, "topic": "sport"})
    assert first_again.status_code == 302 and first_again["Location"] == f"{gallery}?topic=sport"


def test_a_submitted_filter_form_lands_on_the_short_address(client, story):
    gallery = reverse("publication:gallery")
    response = client.get(f"{gallery}?q=Dach&topic=&municipality=&year=&state=laufend")
    assert response.status_code == 302
    assert response["Location"] == f"{gallery}?q=Dach&state=laufend"
    response = client.get(f"{gallery}?q=&topic=")
    assert response["Location"] == gallery


def test_pagination_keeps_the_filters(client, topic):
    for i in range(26):
        public_story(title=f"Sportgeschichte {i:02}").patronship.topics.add(topic)
    html = client.get(reverse("publication:gallery"), {"topic": "sport"}).content.decode()
    assert "?topic=sport&amp;page=2" in html


# --- story page ----------------------------------------------------------------------------


def test_story_page_shows_story_quotes_and_what_was_given(client, story):
    response = client.get(story_url(story))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="story-title">Dachdeckerei Krüger deckt das Vereinsheim</h1>' in html
    assert "im Mai das Dach des Vereinsheims" in html
    assert story.sponsor_quote in html and "Carl Krüger, Geschäftsführer" in html
    assert story.recipient_quote in html
    assert "Zwei Tage Dachdeckerarbeit" in html
    assert reverse("publication:party", args=[story.patronship.sponsor.slug]) in html


def test_story_page_has_open_graph_and_twitter_meta_with_absolute_urls(client, story, settings):
    settings.SITE_URL = "https://sozialpaten.example"
    html = client.get(story_url(story)).content.decode()
    absolute = f"https://sozialpaten.example{story_url(story)}"
    image_path = reverse("publication:social_image", args=[story.pk, story.slug])
    image = f"https://sozialpaten.example{image_path}"
    expected = {
        'property="og:type" content="article"',
        f'property="og:title" content="{story.title}"',
        f'property="og:description" content="{story.teaser}"',
        f'property="og:url" content="{absolute}"',
        f'property="og:image" content="{image}"',
        'property="og:image:width" content="1200"',
        'property="og:image:height" content="630"',
        'property="og:locale" content="de_DE"',
        'name="twitter:card" content="summary_large_image"',
        f'name="twitter:title" content="{story.title}"',
        f'name="twitter:image" content="{image}"',
        f'<link rel="canonical" href="{absolute}">',
    }
    for fragment in expected:
        assert fragment in html, fragment
    assert '<meta name="description" content="Ein Betrieb und ein Verein helfen einander.">' in html


def test_story_page_links_the_seal_verification(client, story):
    seal = SealFactory(patronship=story.patronship)
    html = client.get(story_url(story)).content.decode()
    assert reverse("seals:verify", args=[seal.code]) in html
    assert "gültig" in html


def test_story_page_shows_confirmed_contribution_totals(client, story, coordinator):
    from patronships.models import Contribution, Direction

    Contribution.objects.create(
        patronship=story.patronship,
        direction=Direction.TO_RECIPIENT,
        given_on=timezone.localdate(),
        hours=12,
        value_eur=1500,
        description="Dach",
        confirmed_at=timezone.now(),
    )
    Contribution.objects.create(
        patronship=story.patronship,
        direction=Direction.TO_RECIPIENT,
        given_on=timezone.localdate(),
        hours=99,
        description="nicht bestätigt",
    )
    html = client.get(story_url(story)).content.decode()
    assert "12 Stunden" in html and "1.500 €" in html
    assert "111 Stunden" not in html  # the unconfirmed 99 hours do not count


def test_story_with_changed_title_redirects_to_its_current_address(client, story):
    response = client.get(reverse("publication:story", args=[story.pk, "alter-titel"]))
    assert response.status_code == 301
    assert response["Location"] == story_url(story)


def test_unknown_story_is_404(client, story):
    assert client.get(reverse("publication:story", args=[9999, "x"])).status_code == 404


def test_story_photos_are_served_through_the_portal(client, story):
    photo = add_photo(story)
    html = client.get(story_url(story)).content.decode()
    url = reverse("publication:photo", args=[story.pk, photo.pk])
    assert url in html and 'alt="Zwei Dachdecker auf dem Vereinsheim"' in html
    assert "/media/" not in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, no-cache"
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_public_pages_make_no_third_party_requests(client, story):
    add_photo(story)
    for url in (reverse("publication:gallery"), story_url(story), reverse("publication:needs")):
        html = client.get(url).content.decode()
        loaded = re.findall(r'\ssrc="([^"]+)"', html)
        loaded += re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html)
        assert loaded and all(source.startswith("/") for source in loaded), (url, loaded)
        assert "<iframe" not in html


# --- press and social media ----------------------------------------------------------------


def test_press_text_downloads_as_text_file(client, story):
    response = client.get(reverse("publication:press_text", args=[story.pk, story.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="pressetext-{story.slug}.txt"'
    )
    text = response.content.decode("utf-8")
    assert text.startswith("Pressemitteilung – Lausitzer Sozialpaten")
    assert story.title in text and story.text in text
    assert "„Das hat uns allen Freude gemacht.“" in text
    assert "Pressekontakt" in text and "koordination@sozialpaten.example" in text
    assert story_url(story) in text


def test_press_page_is_printable(client, story):
    response = client.get(reverse("publication:press", args=[story.pk, story.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="public-page print-page"' in html
    assert story.title in html and "Druckfunktion" in html


def test_social_page_offers_text_and_image(client, story):
    html = client.get(reverse("publication:social", args=[story.pk, story.slug])).content.decode()
    assert "#LausitzerSozialpaten" in html and "#Sport" in html
    assert reverse("publication:social_image", args=[story.pk, story.slug]) in html
    assert "facebook.com/sharer" in html  # a plain link, nothing loaded
    assert "<script" not in html.split("</main>")[0].split("<main")[1]


@pytest.mark.parametrize("with_photo", [False, True])
def test_social_image_is_1200_by_630(client, story, with_photo):
    if with_photo:
        add_photo(story)
    response = client.get(reverse("publication:social_image", args=[story.pk, story.slug]))
    assert response.status_code == 200
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1200, 630)
    assert response["Content-Type"] == ("image/jpeg" if with_photo else "image/png")


def test_social_image_uses_consented_logos(client, story):
    from django.core.files.base import ContentFile

    from .conftest import png_bytes

    sponsor = story.patronship.sponsor
    sponsor.logo_thumbnail.save("logo.png", ContentFile(png_bytes((200, 100), (0, 0, 255))))
    without = client.get(reverse("publication:social_image", args=[story.pk, story.slug]))
    # Pure blue only comes from the logo.
    image = Image.open(io.BytesIO(without.content)).convert("RGB")
    assert (0, 0, 255) in {c for _n, c in image.getcolors(1_000_000)}


# --- party profiles ------------------------------------------------------------------------


def test_party_profile_shows_consented_profile_and_patronships(client, story):
    sponsor = story.patronship.sponsor
    sponsor.description = "Wir decken Dächer in der ganzen Lausitz."
    sponsor.website = "https://krueger.example"
    sponsor.email = "geheim@krueger.example"
    sponsor.phone = "0123 456789"
    sponsor.save()
    html = client.get(reverse("publication:party", args=[sponsor.slug])).content.decode()
    assert "<h1>Dachdeckerei Krüger GmbH</h1>" in html
    assert "Wir decken Dächer" in html and "https://krueger.example" in html
    assert story.title in html
    assert "geheim@krueger.example" not in html and "0123 456789" not in html


def test_party_without_public_story_has_no_profile(client, company, organisation):
    assert client.get(reverse("publication:party", args=[company.slug])).status_code == 404


# --- open needs ----------------------------------------------------------------------------


def test_needs_board_shows_only_published_open_needs(client, organisation):
    shown = NeedFactory(party=organisation, title="Trainer gesucht", publish_publicly=True)
    NeedFactory(party=organisation, title="Nicht öffentlich", publish_publicly=False)
    NeedFactory(
        party=organisation, title="Schon erfüllt", publish_publicly=True, status=NeedStatus.MET
    )
    NeedFactory(
        party=organisation, title="Noch Entwurf", publish_publicly=True, status=NeedStatus.DRAFT
    )
    pending = NeedFactory(title="Von wartender Organisation", publish_publicly=True)
    pending.party.status = PartyStatus.PENDING
    pending.party.save()
    html = client.get(reverse("publication:needs")).content.decode()
    assert shown.title in html
    for hidden in ("Nicht öffentlich", "Schon erfüllt", "Noch Entwurf", pending.title):
        assert hidden not in html
    assert reverse("publication:need_help", args=[shown.pk]) in html
    assert "Wir könnten helfen" in html


def test_needs_board_filters(client, organisation, topic, other_place):
    sport = NeedFactory(party=organisation, title="Trainer gesucht", publish_publicly=True)
    sport.topics.add(topic)
    elsewhere = NeedFactory(
        party=organisation,
        title="Transporter gesucht",
        publish_publicly=True,
        municipality=other_place,
    )
    html = client.get(reverse("publication:needs"), {"topic": "sport"}).content.decode()
    assert sport.title in html and elsewhere.title not in html
    html = client.get(reverse("publication:needs"), {"municipality": "rietschen"}).content.decode()
    assert elsewhere.title in html and sport.title not in html
    response = client.get(reverse("publication:needs"), {"kind": "zauberei"})
    assert "Diese Auswahl gibt es hier nicht" in response.content.decode()


def test_help_call_to_action_leads_a_visitor_to_registration_and_login(client, organisation):
    need = NeedFactory(party=organisation, publish_publicly=True)
    url = reverse("publication:need_help", args=[need.pk])
    html = client.get(url).content.decode()
    assert f"{reverse('account_signup')}?next={url}" in html
    assert f"{reverse('account_login')}?next={url}" in html


def test_help_call_to_action_sends_an_approved_company_to_the_interest_form(
    client, organisation, company_member
):
    need = NeedFactory(party=organisation, publish_publicly=True)
    client.force_login(company_member)
    response = client.get(reverse("publication:need_help", args=[need.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("exchange:interest_create", args=[need.pk])


def test_help_call_to_action_tells_a_pending_company_to_wait(client, organisation, outsider):
    from tests.factories import MembershipFactory

    need = NeedFactory(party=organisation, publish_publicly=True)
    MembershipFactory(user=outsider, party__name="Neue Bäckerei", party__status=PartyStatus.PENDING)
    client.force_login(outsider)
    html = client.get(reverse("publication:need_help", args=[need.pk])).content.decode()
    assert "„Neue Bäckerei“ wartet noch auf die Freigabe" in html


def test_help_for_an_unpublished_need_is_404(client, organisation):
    need = NeedFactory(party=organisation, publish_publicly=False)
    assert client.get(reverse("publication:need_help", args=[need.pk])).status_code == 404


# --- robots --------------------------------------------------------------------------------


def test_robots_txt_points_to_the_sitemap_and_keeps_private_areas_out(client, settings):
    settings.SITE_URL = "https://sozialpaten.example"
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: https://sozialpaten.example/sitemap.xml" in text
    assert "Disallow: /koordination/" in text and "Disallow: /veroeffentlichung/" in text
    assert "Disallow: /galerie/" not in text


def test_public_pages_refuse_post(client, story):
    for url in (reverse("publication:gallery"), story_url(story), "/feed/", "/sitemap.xml"):
        assert client.post(url).status_code == 405


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="German full-text search runs on PostgreSQL (CI run 2)",
)
def test_postgres_search_is_german_full_text_ranked_by_title(client):
    in_text = public_story(
        title="Hilfe für den Heimatverein",
        text="Die Chronik und die Dächer des Vereins wurden gerettet.",
        sponsor_gave="Zeit",
        recipient_gave="Dank",
    )
    in_title = public_story(
        title="Ein neues Dach für die Kita",
        text="Ein Text ohne das Wort.",
        sponsor_gave="Zeit",
        recipient_gave="Dank",
    )
    public_story(title="Kuchen", text="Nur Kuchen.", sponsor_gave="Zeit", recipient_gave="Dank")
    html = client.get(reverse("publication:gallery"), {"q": "dach"}).content.decode()
    # Stemmed ("Dächer" is "Dach"), and title matches rank first.
    assert html.index(in_title.title) < html.index(in_text.title)
    assert "Kuchen" not in html.split('role="status"')[1]
    # Prefixes: "Heimat" finds "Heimatverein".
    html = client.get(reverse("publication:gallery"), {"q": "Heimat"}).content.decode()
    assert in_text.title in html and in_title.title not in html
