from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from communication.services import email_queue_from_templates

from .models import Invitation, Membership, MembershipRole, Party, PartyStatus

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


def _notify_coordinators(*, template_prefix: str, context: dict) -> None:
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
    _notify_coordinators(
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
        raise PartyError("Diese Registrierung ist bereits freigegeben.")
    party.status = PartyStatus.APPROVED
    party.reviewed_by = by
    party.reviewed_at = timezone.now()
    party.review_note = ""
    party.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    _notify_members(party=party, template_prefix="parties/email/approved", context={})
    return party


@transaction.atomic
def party_reject(*, party: Party, by, reason: str) -> Party:
    if party.status != PartyStatus.PENDING:
        raise PartyError("Nur wartende Registrierungen können abgelehnt werden.")
    party.status = PartyStatus.REJECTED
    party.reviewed_by = by
    party.reviewed_at = timezone.now()
    party.review_note = reason
    party.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
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
