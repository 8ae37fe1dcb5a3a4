"""The demo data for the gallery: stories, consents, a withdrawn item, public needs."""

import pytest
from django.urls import reverse

from publication import selectors
from publication.demo import STORIES, seed_publication
from publication.models import Consent, Story
from tests.factories import CompanyFactory, NeedFactory, OrganisationFactory, PatronshipFactory

pytestmark = pytest.mark.django_db


def _pair(sponsor, recipient, **kwargs):
    return PatronshipFactory(
        sponsor=CompanyFactory(slug=sponsor, name=sponsor.title()),
        recipient=OrganisationFactory(slug=recipient, name=recipient.title()),
        **kwargs,
    )


def test_seed_publication_publishes_stories_idempotently(client, coordinator):
    hotel = _pair("landhotel-kiefernruh", "lebensmittelhilfe-heidebrot")
    pharmacy = _pair("kiefern-apotheke", "seniorentreff-sonnenhof")
    need = NeedFactory(
        party=OrganisationFactory(slug="jsv-heidelaeufer"), title="Kleinbus für die Ferienfahrt"
    )

    first = seed_publication(coordinator=coordinator)
    second = seed_publication(coordinator=coordinator)

    assert first.stories == 2 and second.stories == 0 and second.consents == 0
    assert len(first.missing) == len(STORIES) - 2  # the others are not in this database
    public = {s.title: s for s in selectors.public_story_list(selectors.public_stories())}
    assert set(public) == {
        Story.objects.get(patronship=hotel).title,
        Story.objects.get(patronship=pharmacy).title,
    }
    # The food bank withdrew its quote: one quote on the page.
    hotel_story = selectors.public_story(Story.objects.get(patronship=hotel).pk)
    assert [q.by for q in hotel_story.quotes] == ["Ines Kubitz, Inhaberin"]
    assert not Consent.objects.get(patronship=hotel, party=hotel.recipient).show_quote
    # The seniors' meeting place is not named.
    pharmacy_story = selectors.public_story(Story.objects.get(patronship=pharmacy).pk)
    assert not pharmacy_story.recipient.named
    assert pharmacy.recipient.name not in client.get(pharmacy_story.url).content.decode()
    need.refresh_from_db()
    assert need.publish_publicly
    assert need.title in client.get(reverse("publication:needs")).content.decode()
