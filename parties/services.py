import json
import logging
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record
from communication.services import email_queue_from_templates
from taxonomy.models import Competency, SuggestionStatus, TaxonomySuggestion

from .models import (
    MAX_CORE_COMPETENCIES,
    Invitation,
    Membership,
    MembershipRole,
    Party,
    PartyCompetency,
    PartyMerge,
    PartyStatus,
)

logger = logging.getLogger(__name__)

INVITATION_SALT = "parties.invitation"
INVITATION_MAX_AGE_DAYS = 14


class PartyError(Exception):
    """A party action that is not allowed in the party's current state."""


def _unique_slug(name: str) -> str:
    base = slugify(name.replace("ß", "ss"))[:200] or "partei"
    slug, n = base, 2
    while Party.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def notify_coordinators(*, template_prefix: str, context: dict) -> None:
    User = get_user_model()
    for email in User.objects.filter(is_coordinator=True, is_active=True).values_list(
        "email", flat=True
    ):
        email_queue_from_templates(to=email, template_prefix=template_prefix, context=context)


def _notify_members(*, party: Party, template_prefix: str, context: dict) -> None:
    for email in party.memberships.values_list("user__email", flat=True):
        email_queue_from_templates(
            to=email, template_prefix=template_prefix, context={"party": party, **context}
        )


@transaction.atomic
def party_register(*, user, kind: str, name: str, legal_form: str = "", municipality=None) -> Party:
    """A person registers a company or organisation: it waits for the coordinator's approval."""
    party = Party.objects.create(
        kind=kind,
        name=name,
        slug=_unique_slug(name),
        legal_form=legal_form,
        municipality=municipality,
        email=user.email,
        status=PartyStatus.PENDING,
        created_by=user,
    )
    Membership.objects.create(user=user, party=party, role=MembershipRole.ADMIN)
    notify_coordinators(
        template_prefix="parties/email/registration_received",
        context={"party": party, "user": user, "review_url": reverse("parties:review")},
    )
    return party


@transaction.atomic
def party_create_on_behalf(
    *, coordinator, kind: str, name: str, contact_email: str = "", **fields
) -> Party:
    """The coordinator enters a party for someone (marked as such) and may invite its contact.

    The coordinator vouches for the party, so it is approved at once.
    """
    party = Party.objects.create(
        kind=kind,
        name=name,
        slug=_unique_slug(name),
        status=PartyStatus.APPROVED,
        created_on_behalf=True,
        created_by=coordinator,
        reviewed_by=coordinator,
        reviewed_at=timezone.now(),
        email=contact_email,
        **fields,
    )
    if contact_email:
        invitation_create(
            party=party, email=contact_email, role=MembershipRole.ADMIN, invited_by=coordinator
        )
    return party


@transaction.atomic
def party_approve(*, party: Party, by) -> Party:
    if party.status == PartyStatus.APPROVED:
        raise PartyError(_("Diese Registrierung ist bereits freigegeben."))
    party.status = PartyStatus.APPROVED
    party.reviewed_by = by
    party.reviewed_at = timezone.now()
    party.review_note = ""
    party.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    audit_record(party, action="party.approved", by=by, message="Registrierung freigegeben.")
    _notify_members(party=party, template_prefix="parties/email/approved", context={})
    return party


@transaction.atomic
def party_reject(*, party: Party, by, reason: str) -> Party:
    if party.status != PartyStatus.PENDING:
        raise PartyError(_("Nur wartende Registrierungen können abgelehnt werden."))
    party.status = PartyStatus.REJECTED
    party.reviewed_by = by
    party.reviewed_at = timezone.now()
    party.review_note = reason
    party.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    audit_record(
        party, action="party.rejected", by=by, message=f"Registrierung abgelehnt: {reason}"
    )
    _notify_members(
        party=party, template_prefix="parties/email/rejected", context={"reason": reason}
    )
    return party


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"id": invitation.pk, "email": invitation.email}, salt=INVITATION_SALT)


def invitation_from_token(token: str) -> Invitation | None:
    """The open invitation a token stands for, or None if forged, expired or used."""
    try:
        data = signing.loads(
            token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE_DAYS * 24 * 3600
        )
    except signing.BadSignature:
        return None
    return (
        Invitation.objects.select_related("party")
        .filter(pk=data.get("id"), email=data.get("email"), accepted_at__isnull=True)
        .first()
    )


@transaction.atomic
def invitation_create(*, party: Party, email: str, role: str, invited_by) -> Invitation:
    invitation = Invitation.objects.create(
        party=party, email=email.strip().lower(), role=role, invited_by=invited_by
    )
    url = settings.SITE_URL + reverse("parties:invitation", args=[invitation_token(invitation)])
    email_queue_from_templates(
        to=invitation.email,
        template_prefix="parties/email/invitation",
        context={
            "invitation": invitation,
            "party": party,
            "url": url,
            "days": INVITATION_MAX_AGE_DAYS,
            "invited_by": invited_by,
        },
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The invited person joins the party; an existing membership keeps the higher role."""
    membership, created = Membership.objects.get_or_create(
        user=user, party=invitation.party, defaults={"role": invitation.role}
    )
    if not created and invitation.role == MembershipRole.ADMIN and not membership.is_admin:
        membership.role = MembershipRole.ADMIN
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def party_profile_update(*, party: Party, form, contacts_formset, logo=None) -> Party:
    """Save the profile form, its contact persons and, if given, a processed logo."""
    party = form.save()
    contacts_formset.instance = party
    contacts_formset.save()
    if logo is not None:
        party.logo.save(logo.image.name, logo.image, save=False)
        party.logo_thumbnail.save(logo.thumbnail.name, logo.thumbnail, save=False)
        party.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
    return party


def party_competency_add(*, party: Party, competency, rating: int) -> PartyCompetency:
    """Add a core competency (or change its rating); at most MAX_CORE_COMPETENCIES."""
    existing = party.party_competencies.filter(competency=competency).first()
    if existing:
        existing.rating = rating
        existing.save(update_fields=["rating"])
        return existing
    if party.party_competencies.count() >= MAX_CORE_COMPETENCIES:
        raise PartyError(
            _("Höchstens %(n)d Kernkompetenzen – bitte entfernen Sie zuerst eine.")
            % {"n": MAX_CORE_COMPETENCIES}
        )
    return PartyCompetency.objects.create(party=party, competency=competency, rating=rating)


def party_competency_remove(*, party: Party, item_pk: int) -> None:
    party.party_competencies.filter(pk=item_pk).delete()


@dataclass
class LabelMapping:
    added: list = field(default_factory=list)
    already: list = field(default_factory=list)
    suggested: list = field(default_factory=list)
    over_limit: list = field(default_factory=list)


@transaction.atomic
def party_labels_add(*, party: Party, labels: list[str], by) -> LabelMapping:
    """Map free-text labels to competencies by name or synonym.

    Mapped labels become core competencies (as far as the limit allows); the rest go to
    the coordinator as taxonomy suggestions.
    """
    result = LabelMapping()
    for label in labels:
        competency = Competency.objects.matching_label(label).first()
        if competency is None:
            TaxonomySuggestion.objects.get_or_create(
                party=party,
                label=label,
                status=SuggestionStatus.OPEN,
                defaults={"suggested_by": by},
            )
            result.suggested.append(label)
        elif party.party_competencies.filter(competency=competency).exists():
            result.already.append(competency.name)
        elif party.party_competencies.count() >= MAX_CORE_COMPETENCIES:
            result.over_limit.append(competency.name)
        else:
            PartyCompetency.objects.create(party=party, competency=competency)
            result.added.append(competency.name)
    return result


def _admin_count(party: Party) -> int:
    return party.memberships.filter(role=MembershipRole.ADMIN).count()


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> Membership:
    if membership.is_admin and role != MembershipRole.ADMIN and _admin_count(membership.party) <= 1:
        raise PartyError(_("Die letzte Person mit Verwaltungsrecht kann ihre Rolle nicht abgeben."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    """Remove a person from a party (also used to leave); the last admin must stay."""
    # Lock the party's memberships so two admins leaving at once cannot both succeed.
    list(Membership.objects.select_for_update().filter(party=membership.party))
    if membership.is_admin and _admin_count(membership.party) <= 1:
        raise PartyError(
            _(
                "Die letzte Person mit Verwaltungsrecht kann nicht austreten. "
                "Geben Sie das Verwaltungsrecht zuerst an eine andere Person."
            )
        )
    membership.delete()


@transaction.atomic
def invitation_accept_as_new_user(*, invitation: Invitation, name: str, password: str):
    """Create the invited person's account; the signed link already proved the address."""
    User = get_user_model()
    user = User.objects.create_user(email=invitation.email, password=password, name=name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    invitation_accept(invitation=invitation, user=user)
    return user


_FILLABLE = [
    "description",
    "municipality",
    "website",
    "email",
    "phone",
    "sector",
    "size",
    "legal_form",
    "logo",
    "logo_thumbnail",
    "ref",
]


def _party_snapshot(party: Party) -> dict:
    data = {
        f.attname: getattr(party, f.attname)
        for f in Party._meta.concrete_fields
        if f.attname not in ("logo", "logo_thumbnail")
    }
    data["logo"] = party.logo.name
    data["competencies"] = [pc.competency.name for pc in party.party_competencies.all()]
    data["topics"] = [t.name for t in party.topics.all()]
    data["members"] = [m.user.email for m in party.memberships.select_related("user")]
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def party_merge_preview(*, keep: Party, duplicate: Party) -> dict:
    """What a merge would move, for the coordinator to confirm. Raises PartyError if refused."""
    from patronships.models import Patronship

    if keep.pk == duplicate.pk:
        raise PartyError(_("Bitte wählen Sie zwei verschiedene Einträge."))
    if keep.kind != duplicate.kind:
        raise PartyError(
            _("Ein Unternehmen und eine Organisation lassen sich nicht zusammenführen.")
        )
    between = Patronship.objects.filter(
        Q(sponsor=keep, recipient=duplicate) | Q(sponsor=duplicate, recipient=keep)
    )
    if between.exists():
        raise PartyError(_("Die beiden Einträge haben eine Patenschaft miteinander."))
    return {
        "memberships": duplicate.memberships.count(),
        "needs": duplicate.needs.count(),
        "offers": duplicate.offers.count(),
        "patronships": duplicate.sponsored_patronships.count()
        + duplicate.received_patronships.count(),
        "seals": duplicate.seals.count(),
        "contacts": duplicate.contacts.count(),
    }


@transaction.atomic
def party_merge(*, keep: Party, duplicate: Party, by) -> PartyMerge:
    """Move everything of `duplicate` to `keep`, fill keep's empty fields, record, delete."""
    from exchange.models import Interest
    from patronships.models import Patronship
    from seals.models import Seal

    party_merge_preview(keep=keep, duplicate=duplicate)
    record = PartyMerge.objects.create(
        kept=keep,
        merged_pk=duplicate.pk,
        merged_name=duplicate.name,
        snapshot=_party_snapshot(duplicate),
        by=by,
    )
    for membership in duplicate.memberships.all():
        existing = keep.memberships.filter(user=membership.user_id).first()
        if existing is None:
            membership.party = keep
            membership.save(update_fields=["party"])
            continue
        if membership.is_admin and not existing.is_admin:
            existing.role = MembershipRole.ADMIN
            existing.save(update_fields=["role"])
        membership.delete()
    for item in duplicate.party_competencies.all():
        existing = keep.party_competencies.filter(competency=item.competency_id).first()
        if existing is not None:
            existing.rating = max(existing.rating, item.rating)
            existing.save(update_fields=["rating"])
        elif keep.party_competencies.count() < MAX_CORE_COMPETENCIES:
            PartyCompetency.objects.create(
                party=keep, competency_id=item.competency_id, rating=item.rating
            )
    keep.topics.add(*duplicate.topics.all())
    keep.target_groups.add(*duplicate.target_groups.all())
    for interest in Interest.objects.filter(party=duplicate):
        if Interest.objects.filter(party=keep, need=interest.need_id).exists():
            interest.delete()
        else:
            interest.party = keep
            interest.save(update_fields=["party"])
    duplicate.contacts.update(party=keep)
    duplicate.offers.update(party=keep)
    duplicate.needs.update(party=keep)
    duplicate.invitations.update(party=keep)
    duplicate.taxonomy_suggestions.update(party=keep)
    Patronship.objects.filter(sponsor=duplicate).update(sponsor=keep)
    Patronship.objects.filter(recipient=duplicate).update(recipient=keep)
    Seal.objects.filter(holder=duplicate).update(holder=keep)
    for name in _FILLABLE:
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
    AuditEntry.objects.for_object(duplicate).update(object_id=keep.pk)
    duplicate.delete()
    keep.save()
    audit_record(
        keep,
        action="party.merged",
        by=by,
        message=f"„{record.merged_name}“ (#{record.merged_pk}) wurde hierher zusammengeführt.",
    )
    logger.info(
        "Party %s merged into %s by user %s", record.merged_pk, keep.pk, getattr(by, "pk", None)
    )
    return record
