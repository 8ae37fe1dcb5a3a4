"""The demo data set: complete, consistent with the programme's rules, and idempotent."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from advisors.models import Network, NetworkMembership, NetworkTie, Recommendation
from audit.models import AuditEntry
from demo.services import (
    ADVISOR_EMAIL,
    COMPANY_MEMBER_EMAIL,
    COORDINATOR_EMAIL,
    DEMO_PASSWORD,
    ORGANISATION_MEMBER_EMAIL,
    demo_seed,
)
from exchange.models import Interest, Need, Offer
from matching.models import PairDecision
from notifications.models import Notification
from parties.models import ContactPerson, Membership, MembershipRole, Party, PartyCompetency
from patronships.models import (
    ALLOWED_TRANSITIONS,
    CheckIn,
    ClosingReview,
    Contribution,
    Introduction,
    Milestone,
    Note,
    Patronship,
    PatronshipStatus,
    PatronshipTransition,
)
from seals.models import Seal

MODELS = [
    User,
    EmailAddress,
    Party,
    PartyCompetency,
    Membership,
    ContactPerson,
    Offer,
    Need,
    Need.competencies.through,
    Need.topics.through,
    Patronship,
    PatronshipTransition,
    Patronship.topics.through,
    Seal,
    Interest,
    Introduction,
    PairDecision,
    CheckIn,
    Contribution,
    Note,
    Milestone,
    ClosingReview,
    Network,
    NetworkMembership,
    NetworkTie,
    Recommendation,
    AuditEntry,
    Notification,
]


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_seed_creates_a_whole_programme(seeded):
    assert Party.objects.companies().count() >= 30
    assert Party.objects.organisations().count() >= 25
    assert Party.objects.filter(legal_form="individual").count() >= 2
    assert Need.objects.count() >= 60
    assert Need.objects.filter(party__kind="company").exists()
    assert Offer.objects.filter(party__kind="company").count() >= 30
    assert Offer.objects.filter(party__kind="organisation").exists()
    statuses = set(Patronship.objects.values_list("status", flat=True))
    assert statuses == set(PatronshipStatus.values)
    assert Patronship.objects.count() >= 18


@pytest.mark.django_db
def test_about_half_of_the_needs_name_no_competency(seeded):
    without = Need.objects.filter(competencies__isnull=True).count()
    assert 0.35 <= without / Need.objects.count() <= 0.65
    open_needs = Need.objects.open()
    assert open_needs.count() > Need.objects.exclude(status="open").count()
    assert 0.35 <= open_needs.filter(publish_publicly=True).count() / open_needs.count() <= 0.65


@pytest.mark.django_db
def test_seeding_twice_changes_nothing(seeded):
    before = _counts()
    result = demo_seed()
    assert not result.created
    assert _counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "flags"),
    [
        (COORDINATOR_EMAIL, {"is_coordinator": True, "is_staff": True, "is_superuser": True}),
        (ADVISOR_EMAIL, {"is_advisor": True, "is_coordinator": False, "is_staff": False}),
        (COMPANY_MEMBER_EMAIL, {"is_coordinator": False, "is_advisor": False}),
        (ORGANISATION_MEMBER_EMAIL, {"is_coordinator": False, "is_advisor": False}),
    ],
)
def test_demo_logins_exist_with_verified_email_and_their_roles(seeded, email, flags):
    user = User.objects.get(email=email)
    assert user.check_password(DEMO_PASSWORD)
    assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()
    for flag, value in flags.items():
        assert getattr(user, flag) is value


@pytest.mark.django_db
def test_company_and_organisation_members_administer_their_parties(seeded):
    company = Membership.objects.get(user__email=COMPANY_MEMBER_EMAIL)
    assert company.role == MembershipRole.ADMIN
    assert company.party.is_company and company.party.is_approved
    assert company.party.sector.startswith("Handwerk – Dach")
    club = Membership.objects.get(user__email=ORGANISATION_MEMBER_EMAIL)
    assert club.role == MembershipRole.ADMIN
    assert club.party.is_organisation and club.party.is_approved
    assert club.party.needs.open().count() >= 3


@pytest.mark.django_db
def test_every_party_has_a_verified_member(seeded):
    for party in Party.objects.all():
        members = party.memberships.all()
        assert members.exists(), party
        assert EmailAddress.objects.filter(
            user__in=members.values("user"), verified=True
        ).exists(), party


@pytest.mark.django_db
def test_every_active_patronship_has_two_valid_seals(seeded):
    today = timezone.localdate()
    for patronship in Patronship.objects.filter(status=PatronshipStatus.ACTIVE):
        seals = list(patronship.seals.all())
        assert len(seals) == 2, patronship
        assert {seal.holder_id for seal in seals} == {
            patronship.sponsor_id,
            patronship.recipient_id,
        }
        for seal in seals:
            assert seal.is_valid_on(today), patronship
            assert (seal.valid_from, seal.valid_until) == (
                patronship.start_date,
                patronship.end_date,
            )


@pytest.mark.django_db
def test_patronships_ended_early_have_revoked_seals(seeded):
    for patronship in Patronship.objects.filter(status=PatronshipStatus.ENDED_EARLY):
        seals = list(patronship.seals.all())
        assert seals, patronship
        assert all(seal.revoked_at and seal.revoked_reason for seal in seals)


@pytest.mark.django_db
def test_transitions_follow_the_lifecycle(seeded):
    now = timezone.now()
    for patronship in Patronship.objects.all():
        steps = list(patronship.transitions.order_by("at", "pk"))
        assert steps[0].from_status == ""
        assert steps[-1].to_status == patronship.status
        for before, after in zip(steps, steps[1:], strict=False):
            assert after.from_status == before.to_status
            assert after.to_status in ALLOWED_TRANSITIONS[PatronshipStatus(before.to_status)]
        assert all(step.by.is_coordinator and step.reason and step.at <= now for step in steps)


@pytest.mark.django_db
def test_a_renewed_patronship_goes_on_in_a_follow_up(seeded):
    renewed = Patronship.objects.filter(status=PatronshipStatus.RENEWED)
    assert renewed.exists()
    for patronship in renewed:
        follow_up = patronship.renewal
        assert (follow_up.sponsor, follow_up.recipient) == (
            patronship.sponsor,
            patronship.recipient,
        )
        assert follow_up.start_date > patronship.start_date


@pytest.mark.django_db
def test_pending_registrations_wait_for_the_coordinator(seeded):
    pending = Party.objects.pending()
    assert pending.count() >= 3
    assert not pending.filter(reviewed_by__isnull=False).exists()
    assert not Patronship.objects.filter(sponsor__in=pending).exists()
    assert not Patronship.objects.filter(recipient__in=pending).exists()


@pytest.mark.django_db
def test_some_parties_were_entered_on_behalf_paused_or_opted_out(seeded):
    assert Party.objects.filter(created_on_behalf=True, created_by__is_coordinator=True).exists()
    assert Party.objects.filter(is_paused=True).exists()
    assert Party.objects.filter(accepts_suggestions=False).count() == 1


@pytest.mark.django_db
def test_no_sponsor_runs_more_patronships_than_it_may(seeded):
    for party in Party.objects.all():
        running = Patronship.objects.running().filter(sponsor=party).count()
        assert running <= party.max_patronships, party


@pytest.mark.django_db
def test_proposals_go_only_to_sponsors_with_room(seeded):
    proposed = Patronship.objects.filter(status=PatronshipStatus.PROPOSED)
    for patronship in proposed.select_related("sponsor"):
        sponsor = patronship.sponsor
        running = Patronship.objects.running().filter(sponsor=sponsor).count()
        pending = proposed.filter(sponsor=sponsor).count()
        assert not sponsor.is_paused, sponsor
        assert running + pending <= sponsor.max_patronships, sponsor


@pytest.mark.django_db
def test_the_command_prints_the_demo_logins_and_counts(seeded):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    for email in (
        COORDINATOR_EMAIL,
        COMPANY_MEMBER_EMAIL,
        ORGANISATION_MEMBER_EMAIL,
        ADVISOR_EMAIL,
    ):
        assert f"{email}" in text
    assert DEMO_PASSWORD in text
    assert "nothing, everything was already there" in text
    assert "companies" in text and "patronships active" in text
    for line in ("introductions waiting", "check-ins open", "contributions", "recommendations"):
        assert line in text
