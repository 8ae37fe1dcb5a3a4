"""Services and helpers of the publication app, without the web layer."""

import io

import pytest
from PIL import Image

from publication import selectors
from publication.images import social_picture
from publication.models import StoryStatus
from publication.services import (
    PublicationError,
    consent_set,
    name_forms,
    photo_add,
    story_approve,
    story_mentions,
    story_slug,
    story_update,
)
from publication.texts import hashtag, press_text, social_text
from tests.factories import CompanyFactory

from .conftest import StoryFactory, consent, png_bytes

pytestmark = pytest.mark.django_db


def test_name_forms_drop_the_legal_form():
    assert set(name_forms("Dachdeckerei Krüger GmbH")) == {
        "dachdeckerei krüger gmbh",
        "dachdeckerei krüger",
    }
    assert set(name_forms("SV Jugendfußball Weißwasser e.V.")) == {
        "sv jugendfussball weisswasser e.v.",  # casefolded: ß matches "ss" too
        "sv jugendfussball weisswasser",
    }
    assert name_forms("AG") == ["ag"]  # too short to look for without the legal form


def test_story_mentions_looks_at_every_text_and_caption(story):
    sponsor = story.patronship.sponsor
    story.text = "Ein Text ohne Namen."
    story.title = "Ein Titel"
    story.save()
    assert not story_mentions(story, sponsor)
    story.recipient_quote = "Danke an die DACHDECKEREI  Krüger!"
    assert story_mentions(story, sponsor)


def test_german_slugs():
    assert story_slug("Schöne Grüße aus Weißwasser") == "schoene-gruesse-aus-weisswasser"
    assert story_slug("!!!") == "geschichte"


def test_consent_only_for_the_two_partners(patronship):
    with pytest.raises(PublicationError):
        consent_set(
            patronship=patronship, party=CompanyFactory(), values={"show_story": True}, by=None
        )


def test_consent_without_change_writes_nothing(patronship):
    consent_set(patronship=patronship, party=patronship.sponsor, values={}, by=None)
    row = consent(patronship, patronship.sponsor)
    consent_set(
        patronship=patronship, party=patronship.sponsor, values={"show_story": True}, by=None
    )
    from audit.models import AuditEntry

    assert not AuditEntry.objects.exists()
    assert row.show_story


def test_a_published_story_cannot_change_or_get_photos(story):
    with pytest.raises(PublicationError):
        story_update(story=story, by=None, title="Neu")
    from django.core.files.uploadedfile import SimpleUploadedFile

    from parties.images import image_process

    image = image_process(SimpleUploadedFile("a.png", png_bytes()), name="foto")
    with pytest.raises(PublicationError):
        photo_add(story=story, image=image, caption="x", alt_text="y", by=None)


def test_approving_twice_or_outside_review_is_refused(patronship):
    draft = StoryFactory(patronship=patronship, status=StoryStatus.DRAFT, sponsor_approved_at=None)
    with pytest.raises(PublicationError):
        story_approve(story=draft, party=patronship.sponsor, by=None)
    draft.status = StoryStatus.REVIEW
    draft.save()
    story_approve(story=draft, party=patronship.sponsor, by=None)
    with pytest.raises(PublicationError):
        story_approve(story=draft, party=patronship.sponsor, by=None)


def test_press_text_uses_the_neutral_label_without_name_consent(story):
    story.title = "Ein neues Dach"
    story.text = "Ein Text ohne Namen."
    story.save()
    consent(story.patronship, story.patronship.sponsor, show_name=False)
    public = selectors.public_story(story.pk)
    text = press_text(public, date=public.published_at.date())
    assert "Dachdeckerei Krüger" not in text
    assert "Ein Unternehmen aus Weißwasser/O.L. gibt: Zwei Tage Dachdeckerarbeit" in text
    assert "– Ein Unternehmen aus Weißwasser/O.L." in text  # quote without the person
    assert "Carl Krüger" not in text


def test_social_text_has_hashtags_and_the_link(story):
    public = selectors.public_story(story.pk)
    text = social_text(public)
    assert public.absolute_url in text
    assert "#LausitzerSozialpaten #Lausitz #Engagement #Sport" in text
    assert hashtag("Kinder und Jugend") == "KinderUndJugend"


def test_social_picture_sizes_and_formats():
    photo = io.BytesIO(png_bytes((1600, 400)))
    made = social_picture(title="Ein sehr langer Titel " * 8, programme="Test", photo_file=photo)
    assert made.content_type == "image/jpeg"
    assert Image.open(io.BytesIO(made.content)).size == (1200, 630)
    logos = [io.BytesIO(png_bytes((50, 400))), io.BytesIO(png_bytes((900, 90)))]
    made = social_picture(title="Kurz", programme="Test", logo_files=logos, names=["A", "B"])
    assert made.content_type == "image/png"
    assert Image.open(io.BytesIO(made.content)).size == (1200, 630)
    made = social_picture(title="Ohne alles", programme="Test")
    assert Image.open(io.BytesIO(made.content)).size == (1200, 630)
