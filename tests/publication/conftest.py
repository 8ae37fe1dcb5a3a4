"""Publication fixtures: a patronship between the personas' company and club, and helpers to
give consent and publish a story without going through every step."""

import io

import factory
import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from publication.models import CONSENT_ITEMS, Consent, Story, StoryPhoto, StoryStatus
from tests.factories import (
    CompanyFactory,
    CompetencyFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PatronshipFactory,
    TopicFactory,
)


def png_bytes(size=(400, 300), colour=(200, 60, 40), fmt="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=fmt)
    return buffer.getvalue()


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    patronship = factory.SubFactory(PatronshipFactory)
    status = StoryStatus.PUBLISHED
    title = factory.Sequence(lambda n: f"Geschichte {n}: gemeinsam mehr erreichen")
    slug = factory.Sequence(lambda n: f"geschichte-{n}-gemeinsam-mehr-erreichen")
    teaser = "Ein Betrieb und ein Verein helfen einander."
    text = "Seit dem Frühjahr arbeiten beide zusammen.\n\nDas Vereinsheim hat ein neues Dach."
    sponsor_gave = "Zwei Tage Dachdeckerarbeit"
    recipient_gave = "Ein Fußballturnier für die Belegschaft"
    sponsor_quote = "Das hat uns allen Freude gemacht."
    sponsor_quote_by = "Carl Krüger, Geschäftsführer"
    recipient_quote = "Ohne diese Hilfe hätten wir es nicht geschafft."
    recipient_quote_by = "Olga Vorstand, Vorsitzende"
    published_at = factory.LazyFunction(timezone.now)
    first_published_at = factory.SelfAttribute("published_at")
    sponsor_approved_at = factory.SelfAttribute("published_at")
    recipient_approved_at = factory.SelfAttribute("published_at")


def consent(patronship, party, **values) -> Consent:
    """Consent to every item unless told otherwise (show_name=False, …)."""
    fields = {item: values.get(item, True) for item in CONSENT_ITEMS}
    row, _ = Consent.objects.update_or_create(patronship=patronship, party=party, defaults=fields)
    return row


def consent_both(patronship, **values):
    consent(patronship, patronship.sponsor, **values)
    consent(patronship, patronship.recipient, **values)


def add_photo(story, *, caption="Das neue Dach", alt="Zwei Dachdecker auf dem Vereinsheim"):
    photo = StoryPhoto(story=story, caption=caption, alt_text=alt, width=400, height=300)
    photo.image.save("foto.png", ContentFile(png_bytes()), save=False)
    photo.thumbnail.save("foto-klein.png", ContentFile(png_bytes((160, 120))), save=False)
    photo.save()
    return photo


def public_story(**kwargs) -> Story:
    """A published story both partners fully consent to."""
    story = StoryFactory(**kwargs)
    consent_both(story.patronship)
    return story


@pytest.fixture(autouse=True)
def _fresh_process_pages():
    """Whole pages kept in this process's memory must not leak from one test into the next
    (the shared cache is cleared by the project's own fixture)."""
    from publication.caching import process_pages

    process_pages.clear()
    yield
    process_pages.clear()


@pytest.fixture
def topic(db):
    return TopicFactory(name="Sport", slug="sport")


@pytest.fixture
def patronship(company, organisation, topic):
    patronship = PatronshipFactory(
        sponsor=company,
        recipient=organisation,
        title="Ein neues Dach für das Vereinsheim",
        sponsor_gives="Dachdeckerarbeit",
        recipient_gives="Ein Turnier",
    )
    patronship.topics.add(topic)
    return patronship


@pytest.fixture
def story(patronship):
    """The personas' patronship, published, everything consented."""
    return public_story(
        patronship=patronship,
        title="Dachdeckerei Krüger deckt das Vereinsheim",
        slug="dachdeckerei-krueger-deckt-das-vereinsheim",
        text="Die Dachdeckerei Krüger hat im Mai das Dach des Vereinsheims neu gedeckt.",
    )


@pytest.fixture
def other_place(db):
    return MunicipalityFactory(name="Rietschen", slug="rietschen", postcodes="02956")


__all__ = [
    "CompanyFactory",
    "CompetencyFactory",
    "OrganisationFactory",
    "StoryFactory",
    "add_photo",
    "consent",
    "consent_both",
    "png_bytes",
    "public_story",
]
