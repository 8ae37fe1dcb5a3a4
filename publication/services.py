"""Consent, stories and photos: every write of the publication app.

Each service runs in one transaction, checks that the step is allowed now (raising
`PublicationError` with a German message when not), records it in the audit log, tells the
people concerned and raises the public version, so that cached public pages follow at once.
"""

import io
import re

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image

from audit.services import audit_record
from notifications.models import NotificationKind
from notifications.services import notify
from parties.images import ProcessedImage
from parties.models import Party, PartyStatus
from patronships.models import Patronship

from .caching import public_version_bump
from .models import (
    CONSENT_ITEMS,
    SIDES,
    Consent,
    ConsentItem,
    Story,
    StoryPhoto,
    StoryStatus,
)
from .selectors import PUBLIC_PATRONSHIP_STATUSES

STORY_FIELDS = [
    "title",
    "teaser",
    "text",
    "sponsor_gave",
    "recipient_gave",
    "sponsor_quote",
    "sponsor_quote_by",
    "recipient_quote",
    "recipient_quote_by",
]


class PublicationError(Exception):
    """A step that is not allowed now; the message says why, in German."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


def _manage_url(patronship_id: int) -> str:
    return reverse("publication:manage", args=[patronship_id])


def side_of(patronship: Patronship, party) -> str:
    side = patronship.side_of(getattr(party, "pk", party))
    if side is None:
        raise PublicationError(_("Nur die beiden Partner der Patenschaft können zustimmen."))
    return side


def _items_text(items) -> str:
    labels = {item.value: str(item.label) for item in ConsentItem}
    return ", ".join(labels[item] for item in items)


def story_slug(title: str) -> str:
    german = title.translate(
        str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
    )
    return slugify(german)[:170].strip("-") or "geschichte"


# --- consent -------------------------------------------------------------------------------


def consent_of(*, patronship: Patronship, party) -> Consent:
    """The party's consent row for the patronship; an unsaved empty one if there is none."""
    party_id = getattr(party, "pk", party)
    consent = Consent.objects.filter(patronship=patronship, party_id=party_id).first()
    return consent or Consent(patronship=patronship, party_id=party_id)


@transaction.atomic
def consent_set(
    *, patronship: Patronship, party: Party, values: dict, by, note: str = ""
) -> Consent:
    """Record which items `party` consents to for `patronship`; items missing from `values`
    keep their state. Withdrawing takes the item off every public page at once. When a
    partner withdraws their name while the published story names them in its own words, the
    story goes offline until the coordinator rewrites it."""
    patronship = Patronship.objects.select_for_update().get(pk=patronship.pk)
    side_of(patronship, party)
    consent, _created = Consent.objects.select_for_update().get_or_create(
        patronship=patronship, party=party
    )
    before = {item: getattr(consent, item) for item in CONSENT_ITEMS}
    after = {item: bool(values.get(item, before[item])) for item in CONSENT_ITEMS}
    granted = [item for item in CONSENT_ITEMS if after[item] and not before[item]]
    withdrawn = [item for item in CONSENT_ITEMS if before[item] and not after[item]]
    if not granted and not withdrawn:
        return consent
    for item, value in after.items():
        setattr(consent, item, value)
    consent.changed_by = _user(by)
    consent.note = note.strip()
    consent.save()

    parts = []
    if granted:
        parts.append(_("Zustimmung erteilt für: %(items)s.") % {"items": _items_text(granted)})
    if withdrawn:
        parts.append(
            _("Zustimmung zurückgezogen für: %(items)s.") % {"items": _items_text(withdrawn)}
        )
    if consent.note:
        parts.append(_("Nachweis: %(note)s") % {"note": consent.note})
    audit_record(
        patronship,
        action="publication.consent",
        by=by,
        message=_("%(party)s: %(parts)s") % {"party": party.name, "parts": " ".join(parts)},
        changes={
            f"{party.name}: {ConsentItem(item).label}": [before[item], after[item]]
            for item in granted + withdrawn
        },
    )

    story = Story.objects.select_for_update().filter(patronship=patronship).first()
    if story is not None and story.is_published and withdrawn:
        body = _(
            "%(party)s hat die Zustimmung zurückgezogen für: %(items)s. Diese Inhalte sind "
            "ab sofort nicht mehr öffentlich."
        ) % {"party": party.name, "items": _items_text(withdrawn)}
        if ConsentItem.NAME in withdrawn and story_mentions(story, party):
            _take_offline(
                story,
                by=by,
                reason=_(
                    "%(party)s möchte nicht mehr genannt werden, der Text nennt den Namen aber."
                )
                % {"party": party.name},
            )
            body += " " + _(
                "Weil der Text den Namen nennt, ist die Geschichte offline, bis Sie ihn "
                "angepasst haben."
            )
        notify(
            kind=NotificationKind.PATRONSHIP,
            title=_("Zustimmung zurückgezogen: %(title)s") % {"title": story.title},
            body=body,
            url=_manage_url(patronship.pk),
            coordinators=True,
            exclude_user=by,
        )
    public_version_bump()
    return consent


@transaction.atomic
def consent_request(*, patronship: Patronship, by) -> Story:
    """Ask both partners what may be published about their patronship."""
    story = story_start(patronship=patronship, by=by)
    story.consent_requested_at = timezone.now()
    story.save(update_fields=["consent_requested_at", "updated_at"])
    audit_record(
        patronship,
        action="publication.consent_requested",
        by=by,
        message=_("Beide Partner um Zustimmung zur Veröffentlichung gebeten."),
    )
    notify(
        kind=NotificationKind.PATRONSHIP,
        title=_("Dürfen wir Ihre Patenschaft vorstellen?"),
        body=_(
            "Die Koordination möchte „%(title)s“ in der Galerie der Lausitzer Sozialpaten, im "
            "Feed für die regionale Presse und in sozialen Medien vorstellen. Bitte sagen Sie "
            "uns, was wir zeigen dürfen: Geschichte, Name, Logo, Fotos, Zitat – jedes für "
            "sich, jederzeit widerrufbar."
        )
        % {"title": patronship.title},
        url=_manage_url(patronship.pk),
        parties=[patronship.sponsor_id, patronship.recipient_id],
        exclude_user=by,
    )
    return story


# --- stories -------------------------------------------------------------------------------


def story_start(*, patronship: Patronship, by) -> Story:
    """The patronship's story, started from the agreement's words if there is none yet."""
    story, created = Story.objects.get_or_create(
        patronship=patronship,
        defaults={
            "title": patronship.title[:160],
            "slug": story_slug(patronship.title),
            "sponsor_gave": patronship.sponsor_gives,
            "recipient_gave": patronship.recipient_gives,
            "created_by": _user(by),
        },
    )
    if created:
        audit_record(
            patronship, action="publication.story_started", by=by, message=_("Geschichte begonnen.")
        )
    return story


def _locked_story(story: Story) -> Story:
    return Story.objects.select_for_update().select_related("patronship").get(pk=story.pk)


def _reset_approvals(story: Story) -> None:
    for side in SIDES:
        setattr(story, f"{side}_approved_at", None)
        setattr(story, f"{side}_approved_by", None)


def _tell_partners(story: Story, *, title: str, body: str, by, url: str = "") -> None:
    notify(
        kind=NotificationKind.PATRONSHIP,
        title=title,
        body=body,
        url=url or _manage_url(story.patronship_id),
        parties=[story.patronship.sponsor_id, story.patronship.recipient_id],
        exclude_user=by,
    )


@transaction.atomic
def story_save(*, patronship: Patronship, by, **fields) -> Story:
    """Write the story's words, starting the story if there is none yet."""
    return story_update(story=story_start(patronship=patronship, by=by), by=by, **fields)


@transaction.atomic
def story_update(*, story: Story, by, **fields) -> Story:
    """Change the story's words. A story under review needs both approvals again."""
    story = _locked_story(story)
    if not story.is_editable:
        raise PublicationError(
            _(
                "Eine veröffentlichte Geschichte wird nicht mehr geändert – die Partner haben "
                "genau diesen Text freigegeben. Nehmen Sie sie zuerst offline."
            )
        )
    changed = [
        name for name in STORY_FIELDS if name in fields and getattr(story, name) != fields[name]
    ]
    if not changed:
        return story
    for name in changed:
        setattr(story, name, fields[name])
    story.slug = story_slug(story.title)
    had_approval = bool(story.sponsor_approved_at or story.recipient_approved_at)
    _reset_approvals(story)
    story.save()
    labels = ", ".join(str(Story._meta.get_field(name).verbose_name) for name in changed)
    audit_record(
        story.patronship,
        action="publication.story_edited",
        by=by,
        message=_("Geschichte geändert: %(fields)s.") % {"fields": labels},
    )
    if story.status == StoryStatus.REVIEW and had_approval:
        _tell_partners(
            story,
            title=_("Geschichte geändert – bitte erneut prüfen: %(title)s")
            % {"title": story.title},
            body=_("Nach der Änderung braucht die Geschichte Ihre Freigabe noch einmal."),
            by=by,
        )
    return story


@transaction.atomic
def story_submit(*, story: Story, by) -> Story:
    """Send the draft to both partners for review."""
    story = _locked_story(story)
    if story.status != StoryStatus.DRAFT:
        raise PublicationError(_("Nur ein Entwurf kann zur Freigabe geschickt werden."))
    if not story.has_text:
        raise PublicationError(
            _("Bitte schreiben Sie zuerst Überschrift, Kurztext und Text der Geschichte.")
        )
    story.status = StoryStatus.REVIEW
    _reset_approvals(story)
    story.save()
    audit_record(
        story.patronship,
        action="publication.story_submitted",
        by=by,
        message=_("Geschichte den Partnern zur Freigabe geschickt."),
    )
    _tell_partners(
        story,
        title=_("Bitte prüfen Sie Ihre Geschichte: %(title)s") % {"title": story.title},
        body=_(
            "Lesen Sie, was wir über Ihre Patenschaft schreiben möchten, und geben Sie es frei – "
            "oder sagen Sie uns, was geändert werden soll."
        ),
        by=by,
    )
    return story


@transaction.atomic
def story_approve(*, story: Story, party: Party, by, note: str = "") -> Story:
    """One partner approves the story as it is now."""
    story = _locked_story(story)
    side = side_of(story.patronship, party)
    if story.status != StoryStatus.REVIEW:
        raise PublicationError(_("Die Geschichte liegt gerade nicht zur Freigabe vor."))
    if story.approved_at(side):
        raise PublicationError(_("%(party)s hat bereits freigegeben.") % {"party": party.name})
    setattr(story, f"{side}_approved_at", timezone.now())
    setattr(story, f"{side}_approved_by", _user(by))
    story.save()
    message = _("%(party)s hat die Geschichte freigegeben.") % {"party": party.name}
    if note.strip():
        message += " " + _("Nachweis: %(note)s") % {"note": note.strip()}
    audit_record(story.patronship, action="publication.story_approved", by=by, message=message)
    if story.approved_by_both:
        notify(
            kind=NotificationKind.PATRONSHIP,
            title=_("Beide Partner haben freigegeben: %(title)s") % {"title": story.title},
            body=_("Die Geschichte kann veröffentlicht werden."),
            url=_manage_url(story.patronship_id),
            coordinators=True,
            exclude_user=by,
        )
    return story


@transaction.atomic
def story_request_changes(*, story: Story, party: Party, by, comment: str) -> Story:
    """A partner sends the story back to the draft, saying what should change."""
    story = _locked_story(story)
    side_of(story.patronship, party)
    if story.status != StoryStatus.REVIEW:
        raise PublicationError(_("Die Geschichte liegt gerade nicht zur Freigabe vor."))
    story.status = StoryStatus.DRAFT
    _reset_approvals(story)
    story.save()
    audit_record(
        story.patronship,
        action="publication.story_changes_requested",
        by=by,
        message=_("%(party)s wünscht Änderungen: %(comment)s")
        % {"party": party.name, "comment": comment},
    )
    notify(
        kind=NotificationKind.PATRONSHIP,
        title=_("Änderungswunsch zur Geschichte: %(title)s") % {"title": story.title},
        body=_("%(party)s: %(comment)s") % {"party": party.name, "comment": comment},
        url=_manage_url(story.patronship_id),
        coordinators=True,
        parties=[story.patronship.sponsor_id, story.patronship.recipient_id],
        exclude_user=by,
    )
    return story


# A partner is "named" in the story when its name, with or without the legal form, appears.
LEGAL_FORMS = re.compile(
    r"\b(gmbh\s*&\s*co\.?\s*kg|ggmbh|gmbh|mbh|e\.\s?v\.|ev|ug|kg|ag|ohg|gbr|eg|e\.\s?k\.)(?=\W|$)",
    re.IGNORECASE,
)


def name_forms(name: str) -> list[str]:
    forms = {name.casefold().strip()}
    short = " ".join(LEGAL_FORMS.sub(" ", name).split()).strip(" ,-").casefold()
    if len(short) >= 4:
        forms.add(short)
    return [f for f in forms if f]


def story_mentions(story: Story, party: Party) -> bool:
    """Whether the story's own words (texts, quotes, photo captions) name the party."""
    words = [getattr(story, name) for name in STORY_FIELDS]
    words += [f"{p.caption} {p.alt_text}" for p in story.photos.all()]
    haystack = " ".join(" ".join(words).split()).casefold()
    return any(form in haystack for form in name_forms(party.name))


def publish_blockers(story: Story) -> list[str]:
    """Why the story cannot be published now (empty when it can)."""
    patronship = story.patronship
    problems = []
    if story.status != StoryStatus.REVIEW:
        problems.append(_("Die Geschichte muss erst den Partnern zur Freigabe vorliegen."))
    if patronship.status not in PUBLIC_PATRONSHIP_STATUSES:
        problems.append(
            _("Veröffentlicht werden laufende und abgeschlossene Patenschaften; diese ist „%(s)s“.")
            % {"s": patronship.get_status_display()}
        )
    consents = {c.party_id: c for c in Consent.objects.filter(patronship=patronship)}
    for side in SIDES:
        party = getattr(patronship, side)
        consent = consents.get(party.pk)
        if party.status != PartyStatus.APPROVED:
            problems.append(_("%(party)s ist nicht freigegeben.") % {"party": party.name})
        if not story.approved_at(side) and story.status == StoryStatus.REVIEW:
            problems.append(
                _("%(party)s hat die Geschichte noch nicht freigegeben.") % {"party": party.name}
            )
        if consent is None or not consent.show_story:
            problems.append(
                _("%(party)s hat der Veröffentlichung der Geschichte nicht zugestimmt.")
                % {"party": party.name}
            )
        if (consent is None or not consent.show_name) and story_mentions(story, party):
            problems.append(
                _(
                    "Der Text nennt %(party)s, aber dieser Partner hat dem Nennen seines Namens "
                    "nicht zugestimmt. Passen Sie den Text an oder holen Sie die Zustimmung ein."
                )
                % {"party": party.name}
            )
    return problems


@transaction.atomic
def story_publish(*, story: Story, by) -> Story:
    """Publish a story both partners approved and consent to."""
    story = _locked_story(story)
    problems = publish_blockers(story)
    if problems:
        raise PublicationError(" ".join(problems))
    now = timezone.now()
    story.status = StoryStatus.PUBLISHED
    story.published_at = now
    story.first_published_at = story.first_published_at or now
    story.published_by = _user(by)
    story.save()
    audit_record(
        story.patronship,
        action="publication.story_published",
        by=by,
        message=_("Geschichte veröffentlicht: %(title)s") % {"title": story.title},
    )
    _tell_partners(
        story,
        title=_("Ihre Geschichte ist veröffentlicht: %(title)s") % {"title": story.title},
        body=_(
            "Sie steht jetzt in der Galerie und im Feed für die Presse. Was gezeigt wird, "
            "bestimmen Sie weiter selbst: Ihre Zustimmung können Sie jederzeit zurückziehen."
        ),
        url=reverse("publication:story", args=[story.pk, story.slug or "geschichte"]),
        by=by,
    )
    public_version_bump()
    return story


def _take_offline(story: Story, *, by, reason: str) -> None:
    story.status = StoryStatus.REVIEW
    story.published_at = None
    story.save()
    audit_record(
        story.patronship,
        action="publication.story_unpublished",
        by=by,
        message=_("Geschichte offline genommen: %(reason)s") % {"reason": reason},
    )
    public_version_bump()


@transaction.atomic
def story_unpublish(*, story: Story, by, reason: str) -> Story:
    """Take a published story offline (back to review; the approvals stay until an edit)."""
    story = _locked_story(story)
    if not story.is_published:
        raise PublicationError(_("Die Geschichte ist nicht veröffentlicht."))
    _take_offline(story, by=by, reason=reason)
    _tell_partners(
        story,
        title=_("Geschichte offline genommen: %(title)s") % {"title": story.title},
        body=reason,
        by=by,
    )
    return story


# --- photos --------------------------------------------------------------------------------


@transaction.atomic
def photo_add(
    *, story: Story, image: ProcessedImage, caption: str, alt_text: str, by, credit: str = ""
) -> StoryPhoto:
    """Add a checked, re-encoded photo (from parties.images.SafeImageField) to the story."""
    story = _locked_story(story)
    if not story.is_editable:
        raise PublicationError(
            _(
                "Einer veröffentlichten Geschichte werden keine Fotos hinzugefügt. Nehmen Sie sie "
                "zuerst offline."
            )
        )
    with Image.open(io.BytesIO(image.image.read())) as probe:
        width, height = probe.size
    image.image.seek(0)
    position = (story.photos.aggregate(last=Max("position"))["last"] or 0) + 1
    photo = StoryPhoto(
        story=story,
        caption=caption,
        alt_text=alt_text,
        credit=credit,
        position=position,
        width=width,
        height=height,
        uploaded_by=_user(by),
    )
    photo.image.save(image.image.name, image.image, save=False)
    photo.thumbnail.save(image.thumbnail.name, image.thumbnail, save=False)
    photo.save()
    if story.sponsor_approved_at or story.recipient_approved_at:
        _reset_approvals(story)
        story.save()
    audit_record(
        story.patronship,
        action="publication.photo_added",
        by=by,
        message=_("Foto hinzugefügt: %(caption)s") % {"caption": caption},
    )
    return photo


@transaction.atomic
def photo_delete(*, photo: StoryPhoto, by) -> None:
    """Remove a photo, also from a published story (taking something away needs no review)."""
    story = photo.story
    files = [f.name for f in (photo.image, photo.thumbnail) if f]
    storage = photo.image.storage
    caption = photo.caption
    photo.delete()
    audit_record(
        story.patronship,
        action="publication.photo_deleted",
        by=by,
        message=_("Foto entfernt: %(caption)s") % {"caption": caption},
    )
    public_version_bump()
    transaction.on_commit(lambda: [storage.delete(name) for name in files])
