"""Publishing a patronship: permissions, bad input, and the way from draft to published."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEntry
from notifications.models import Notification
from publication.models import Consent, Story, StoryPhoto, StoryStatus
from tests.factories import PatronshipFactory

from .conftest import StoryFactory, add_photo, consent, consent_both, png_bytes

pytestmark = pytest.mark.django_db

PERSONAS = ["coordinator", "advisor", "company_member", "organisation_member", "outsider"]


@pytest.fixture
def draft(patronship):
    return StoryFactory(
        patronship=patronship,
        status=StoryStatus.DRAFT,
        title="Ein neues Dach",
        slug="ein-neues-dach",
        published_at=None,
        first_published_at=None,
        sponsor_approved_at=None,
        recipient_approved_at=None,
    )


@pytest.fixture
def in_review(draft):
    draft.status = StoryStatus.REVIEW
    draft.save()
    return draft


def login(client, request, persona):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


# --- who may see and do what ---------------------------------------------------------------


@pytest.mark.parametrize(
    "persona,expected",
    [
        ("coordinator", 200),
        ("advisor", 200),
        ("company_member", 200),
        ("organisation_member", 200),
        ("outsider", 404),
    ],
)
def test_publication_page_is_for_partners_and_the_pipeline(
    client, request, patronship, draft, persona, expected
):
    login(client, request, persona)
    response = client.get(reverse("publication:manage", args=[patronship.pk]))
    assert response.status_code == expected


def test_pages_send_anonymous_visitors_to_the_login(client, patronship, in_review):
    pk, party = patronship.pk, patronship.sponsor_id
    urls = [
        reverse("publication:overview"),
        reverse("publication:manage", args=[pk]),
        reverse("publication:consent", args=[pk, party]),
        reverse("publication:story_edit", args=[pk]),
        reverse("publication:story_approve", args=[pk, party]),
        reverse("publication:story_changes", args=[pk, party]),
        reverse("publication:story_unpublish", args=[pk]),
        reverse("publication:photo_add", args=[pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("account_login")), url


@pytest.mark.parametrize(
    "name,args_of,allowed",
    [
        ("story_edit", lambda p: [p.pk], {"coordinator", "company_member", "organisation_member"}),
        ("photo_add", lambda p: [p.pk], {"coordinator", "company_member", "organisation_member"}),
        ("story_unpublish", lambda p: [p.pk], {"coordinator"}),
        ("consent", lambda p: [p.pk, p.sponsor_id], {"coordinator", "company_member"}),
        ("consent", lambda p: [p.pk, p.recipient_id], {"coordinator", "organisation_member"}),
        ("story_approve", lambda p: [p.pk, p.sponsor_id], {"coordinator", "company_member"}),
        ("story_changes", lambda p: [p.pk, p.recipient_id], {"coordinator", "organisation_member"}),
    ],
)
def test_actions_outsiders_404_advisors_403(
    client, request, patronship, in_review, name, args_of, allowed
):
    url = reverse(f"publication:{name}", args=args_of(patronship))
    for persona in PERSONAS:
        client.logout()
        login(client, request, persona)
        status = client.get(url).status_code
        if persona in allowed:
            assert status == 200, (persona, url)
        elif persona == "advisor":
            assert status == 403, (persona, url)
        elif persona == "outsider" or name == "story_unpublish":
            assert status == 404, (persona, url)
        else:  # a member of the other partner may not act for this one
            assert status == 403, (persona, url)


@pytest.mark.parametrize(
    "name,args_of",
    [
        ("consent_request", lambda p, s: [p.pk]),
        ("story_submit", lambda p, s: [p.pk]),
        ("story_publish", lambda p, s: [p.pk]),
        ("photo_delete", lambda p, s: [p.pk, add_photo(s).pk]),
    ],
)
def test_post_only_actions_refuse_get(client, coordinator, patronship, in_review, name, args_of):
    client.force_login(coordinator)
    url = reverse(f"publication:{name}", args=args_of(patronship, in_review))
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("persona,expected", [("advisor", 403), ("outsider", 404)])
def test_coordinator_actions_are_refused_to_others(
    client, request, patronship, in_review, persona, expected
):
    login(client, request, persona)
    for name in ("consent_request", "story_publish"):
        response = client.post(reverse(f"publication:{name}", args=[patronship.pk]))
        assert response.status_code == expected
    assert not Notification.objects.exists()
    in_review.refresh_from_db()
    assert in_review.status == StoryStatus.REVIEW


def test_a_partner_cannot_publish(client, company_member, patronship, in_review):
    client.force_login(company_member)
    response = client.post(reverse("publication:story_publish", args=[patronship.pk]))
    assert response.status_code == 404
    in_review.refresh_from_db()
    assert in_review.status == StoryStatus.REVIEW


def test_advisor_cannot_change_consent_by_post(client, advisor, patronship):
    client.force_login(advisor)
    url = reverse("publication:consent", args=[patronship.pk, patronship.sponsor_id])
    assert client.post(url, {"show_story": "on", "note": "x"}).status_code == 403
    assert not Consent.objects.exists()


def test_photo_preview_is_for_viewers_only(client, request, patronship, draft):
    photo = add_photo(draft)
    url = reverse("publication:photo_preview", args=[patronship.pk, photo.pk])
    for persona, expected in [("advisor", 200), ("company_member", 200), ("outsider", 404)]:
        client.logout()
        login(client, request, persona)
        assert client.get(url).status_code == expected, persona


def test_overview_lists_stages_and_filters(client, coordinator, patronship, draft):
    other = PatronshipFactory(title="Ohne Geschichte")
    client.force_login(coordinator)
    html = client.get(reverse("publication:overview")).content.decode()
    assert patronship.title in html and other.title in html
    html = client.get(reverse("publication:overview"), {"stage": "freigabe"}).content.decode()
    assert patronship.title not in html and other.title not in html
    html = client.get(reverse("publication:overview"), {"stage": "entwurf"}).content.decode()
    assert patronship.title in html and other.title in html
    response = client.get(reverse("publication:overview"), {"stage": "quatsch"})
    assert "Bitte wählen Sie einen Stand aus der Liste." in response.content.decode()


# --- consent -------------------------------------------------------------------------------


def test_member_gives_consent_for_their_own_party(client, company_member, patronship):
    client.force_login(company_member)
    url = reverse("publication:consent", args=[patronship.pk, patronship.sponsor_id])
    page = client.get(url).content.decode()
    assert "Nachweis" not in page  # members speak for themselves
    response = client.post(url, {"show_story": "on", "show_name": "on"})
    assert response.status_code == 302
    row = Consent.objects.get(patronship=patronship, party=patronship.sponsor)
    assert row.given() == ["show_story", "show_name"]
    assert row.changed_by == company_member
    entry = AuditEntry.objects.get(action="publication.consent")
    assert "Zustimmung erteilt für: Geschichte, Name." in entry.message


def test_coordinator_recording_consent_needs_a_note(client, coordinator, patronship):
    client.force_login(coordinator)
    url = reverse("publication:consent", args=[patronship.pk, patronship.recipient_id])
    response = client.post(url, {"show_story": "on", "show_logo": "on", "note": " "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte geben Sie an, wie sie vorliegt" in html
    assert re.search(r'<input type="checkbox" name="show_story"[^>]* checked>', html)  # kept
    assert not Consent.objects.exists()

    response = client.post(url, {"show_story": "on", "note": "Formular vom 3. Mai, unterschrieben"})
    assert response.status_code == 302
    row = Consent.objects.get(party=patronship.recipient)
    assert row.show_story and row.note == "Formular vom 3. Mai, unterschrieben"
    assert "Nachweis: Formular vom 3. Mai" in AuditEntry.objects.get().message


def test_coordinator_may_record_a_withdrawal_without_note(client, coordinator, patronship):
    consent(patronship, patronship.recipient)
    client.force_login(coordinator)
    url = reverse("publication:consent", args=[patronship.pk, patronship.recipient_id])
    assert client.post(url, {"show_story": "on"}).status_code == 302
    assert Consent.objects.get(party=patronship.recipient).given() == ["show_story"]


def test_asking_both_partners_notifies_their_members(
    client, coordinator, company_member, organisation_member, outsider, patronship
):
    client.force_login(coordinator)
    response = client.post(reverse("publication:consent_request", args=[patronship.pk]))
    assert response.status_code == 302
    told = set(Notification.objects.values_list("user__email", flat=True))
    assert told == {company_member.email, organisation_member.email}
    note = Notification.objects.first()
    assert note.url == reverse("publication:manage", args=[patronship.pk])
    assert Story.objects.get(patronship=patronship).consent_requested_at is not None


def test_publication_page_shows_what_is_consented_and_missing(client, coordinator, patronship):
    consent(patronship, patronship.sponsor, show_photos=False)
    client.force_login(coordinator)
    html = client.get(reverse("publication:manage", args=[patronship.pk])).content.decode()
    assert html.count("✓ zugestimmt") == 4
    assert html.count("– fehlt") == 6
    assert "Beide Partner um Zustimmung bitten" in html


# --- writing and reviewing the story -------------------------------------------------------


def test_story_form_rejects_bad_input_in_german_and_keeps_it(client, company_member, patronship):
    client.force_login(company_member)
    url = reverse("publication:story_edit", args=[patronship.pk])
    response = client.post(
        url,
        {
            "title": "",
            "teaser": "Ein kurzer Text, der bleiben soll.",
            "sponsor_quote": "Ein Zitat ohne Namen.",
            "sponsor_quote_by": "",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte geben Sie der Geschichte eine Überschrift." in html
    assert "Bitte nennen Sie, wer das sagt (Name und Funktion)." in html
    assert "Ein kurzer Text, der bleiben soll." in html
    assert not Story.objects.exists()


def test_story_form_starts_from_the_agreement(client, coordinator, patronship):
    client.force_login(coordinator)
    html = client.get(reverse("publication:story_edit", args=[patronship.pk])).content.decode()
    assert "Ein neues Dach für das Vereinsheim" in html and "Dachdeckerarbeit" in html
    assert not Story.objects.exists()  # nothing saved by looking


def test_editing_a_story_under_review_needs_both_approvals_again(
    client, coordinator, organisation_member, patronship, in_review
):
    in_review.sponsor_approved_at = in_review.created_at
    in_review.save()
    client.force_login(coordinator)
    data = {
        "title": "Ein neues Dach, geändert",
        "teaser": in_review.teaser,
        "text": in_review.text,
        "sponsor_quote_by": in_review.sponsor_quote_by,
        "recipient_quote_by": in_review.recipient_quote_by,
        "sponsor_quote": in_review.sponsor_quote,
        "recipient_quote": in_review.recipient_quote,
    }
    assert (
        client.post(reverse("publication:story_edit", args=[patronship.pk]), data).status_code
        == 302
    )
    in_review.refresh_from_db()
    assert in_review.title == "Ein neues Dach, geändert"
    assert in_review.slug == "ein-neues-dach-geaendert"
    assert in_review.sponsor_approved_at is None
    assert Notification.objects.filter(title__startswith="Geschichte geändert").exists()


def test_a_published_story_cannot_be_edited(client, coordinator, story):
    client.force_login(coordinator)
    response = client.get(reverse("publication:story_edit", args=[story.patronship.pk]))
    assert response.status_code == 302
    response = client.post(
        reverse("publication:story_edit", args=[story.patronship.pk]), {"title": "Anders"}
    )
    story.refresh_from_db()
    assert story.title != "Anders"


def test_submitting_an_empty_draft_is_refused(client, coordinator, patronship, draft):
    draft.text = ""
    draft.save()
    client.force_login(coordinator)
    response = client.post(reverse("publication:story_submit", args=[patronship.pk]), follow=True)
    assert "Bitte schreiben Sie zuerst Überschrift, Kurztext und Text" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == StoryStatus.DRAFT


def test_asking_for_changes_needs_a_comment_and_returns_to_draft(
    client, organisation_member, patronship, in_review
):
    client.force_login(organisation_member)
    url = reverse("publication:story_changes", args=[patronship.pk, patronship.recipient_id])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 400
    assert "Bitte schreiben Sie, was geändert werden soll." in response.content.decode()
    assert client.post(url, {"comment": "Bitte „Jugendfußball“ schreiben."}).status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == StoryStatus.DRAFT


def test_approving_on_behalf_needs_a_note(client, coordinator, patronship, in_review):
    client.force_login(coordinator)
    url = reverse("publication:story_approve", args=[patronship.pk, patronship.sponsor_id])
    response = client.post(url, {"note": ""})
    assert response.status_code == 400
    assert "Bitte geben Sie an, wie sie vorliegt" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.sponsor_approved_at is None


def test_taking_offline_needs_a_reason(client, coordinator, story):
    client.force_login(coordinator)
    url = reverse("publication:story_unpublish", args=[story.patronship.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Bitte nennen Sie einen Grund." in response.content.decode()
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED


def test_from_draft_to_gallery(
    client,
    coordinator,
    company_member,
    organisation_member,
    patronship,
    django_capture_on_commit_callbacks,
):
    manage = reverse("publication:manage", args=[patronship.pk])
    client.force_login(coordinator)
    response = client.post(
        reverse("publication:story_edit", args=[patronship.pk]),
        {
            "title": "Ein dichtes Dach für die Fußballer",
            "teaser": "Ein Dachdecker und ein Sportverein helfen einander.",
            "text": "Im Mai hat der Betrieb das Dach des Vereinsheims neu gedeckt.",
            "sponsor_gave": "Zwei Tage Arbeit",
            "recipient_gave": "Ein Turnier",
        },
    )
    assert response.status_code == 302
    client.post(reverse("publication:story_submit", args=[patronship.pk]))
    story = Story.objects.get()
    assert story.status == StoryStatus.REVIEW

    for member, party in (
        (company_member, patronship.sponsor),
        (organisation_member, patronship.recipient),
    ):
        client.force_login(member)
        page = client.get(manage).content.decode()
        assert f"Für {party.name} freigeben" in page
        client.post(
            reverse("publication:consent", args=[patronship.pk, party.pk]),
            {"show_story": "on", "show_name": "on"},
        )
        response = client.post(
            reverse("publication:story_approve", args=[patronship.pk, party.pk]), follow=True
        )
        assert f"Freigegeben für {party.name}" in response.content.decode()

    story.refresh_from_db()
    assert story.approved_by_both
    client.force_login(coordinator)
    assert (
        "Beide Partner haben freigegeben"
        in Notification.objects.filter(user=coordinator).first().title
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("publication:story_publish", args=[patronship.pk]), follow=True
        )
    assert "Die Geschichte ist veröffentlicht." in response.content.decode()
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED and story.first_published_at
    gallery = client.get(reverse("publication:gallery")).content.decode()
    assert "Ein dichtes Dach für die Fußballer" in gallery
    assert AuditEntry.objects.filter(action="publication.story_published").exists()


def test_publishing_is_refused_while_the_text_names_a_partner_without_name_consent(
    client, coordinator, patronship, in_review
):
    in_review.text = "Die Dachdeckerei Krüger hat geholfen."
    in_review.sponsor_approved_at = in_review.recipient_approved_at = in_review.created_at
    in_review.save()
    consent_both(patronship)
    consent(patronship, patronship.sponsor, show_name=False)
    client.force_login(coordinator)
    page = client.get(reverse("publication:manage", args=[patronship.pk])).content.decode()
    assert "Der Text nennt Dachdeckerei Krüger GmbH" in page
    response = client.post(reverse("publication:story_publish", args=[patronship.pk]), follow=True)
    assert "dem Nennen seines Namens nicht zugestimmt" in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == StoryStatus.REVIEW


def test_publishing_needs_both_approvals_and_story_consents(
    client, coordinator, patronship, in_review
):
    client.force_login(coordinator)
    client.post(reverse("publication:story_publish", args=[patronship.pk]))
    in_review.refresh_from_db()
    assert in_review.status == StoryStatus.REVIEW


def test_taking_a_story_offline(client, coordinator, story, django_capture_on_commit_callbacks):
    gallery = reverse("publication:gallery")
    assert story.title in client.get(gallery).content.decode()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("publication:story_unpublish", args=[story.patronship.pk]),
            {"reason": "Ein Name ist falsch geschrieben."},
        )
    story.refresh_from_db()
    assert story.status == StoryStatus.REVIEW
    assert story.title not in client.get(gallery).content.decode()


# --- photos --------------------------------------------------------------------------------


def upload(content=None, name="dach.png"):
    return SimpleUploadedFile(name, content or png_bytes((800, 600)), content_type="image/png")


def test_adding_a_photo(client, company_member, patronship, draft):
    client.force_login(company_member)
    response = client.post(
        reverse("publication:photo_add", args=[patronship.pk]),
        {
            "image": upload(),
            "caption": "Das neue Dach im Mai",
            "alt_text": "Zwei Dachdecker auf dem Dach des Vereinsheims",
            "credit": "Olga Vorstand",
        },
    )
    assert response.status_code == 302
    photo = StoryPhoto.objects.get()
    assert (photo.width, photo.height) == (800, 600)
    assert photo.image.name.startswith("geschichten/") and photo.thumbnail


@pytest.mark.parametrize(
    "content,message",
    [
        (b"kein Bild, nur Text", "Die Datei ist kein lesbares Bild."),
        (b"\x89PNG" + b"0" * (5 * 1024 * 1024), "Die Datei ist zu groß"),
    ],
)
def test_photo_upload_is_checked_by_content_and_size(
    client, company_member, patronship, draft, content, message
):
    client.force_login(company_member)
    response = client.post(
        reverse("publication:photo_add", args=[patronship.pk]),
        {"image": upload(content), "caption": "Bleibt stehen", "alt_text": "Beschreibung"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'value="Bleibt stehen"' in html
    assert not StoryPhoto.objects.exists()


def test_photo_upload_refuses_too_many_pixels(client, company_member, patronship, draft):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (6000, 5000)).save(buffer, format="PNG")
    client.force_login(company_member)
    response = client.post(
        reverse("publication:photo_add", args=[patronship.pk]),
        {"image": upload(buffer.getvalue()), "caption": "Riesig", "alt_text": "Weiß"},
    )
    assert response.status_code == 400
    assert "zu viele Bildpunkte" in response.content.decode()


def test_photo_needs_caption_and_a_real_alt_text(client, company_member, patronship, draft):
    client.force_login(company_member)
    url = reverse("publication:photo_add", args=[patronship.pk])
    response = client.post(url, {"image": upload(), "caption": "", "alt_text": ""})
    html = response.content.decode()
    assert "Bitte schreiben Sie eine Bildunterschrift." in html
    assert "Bitte beschreiben Sie das Bild für Menschen, die es nicht sehen können." in html
    response = client.post(url, {"image": upload(), "caption": "Das Dach", "alt_text": "das dach"})
    assert "nicht die Bildunterschrift wiederholen" in response.content.decode()
    assert not StoryPhoto.objects.exists()


def test_removing_a_photo_takes_it_off_public_pages(
    client, company_member, story, django_capture_on_commit_callbacks
):
    photo = add_photo(story)
    url = reverse("publication:photo", args=[story.pk, photo.pk])
    assert client.get(url).status_code == 200
    client.force_login(company_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("publication:photo_delete", args=[story.patronship.pk, photo.pk]))
    assert not StoryPhoto.objects.exists()
    assert client.get(url).status_code == 404
