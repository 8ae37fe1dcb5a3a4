"""The demo's coordinator workspace: introductions, accompaniment, Förderkreis, history."""

import datetime
import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from advisors.models import Network, NetworkMembership, NetworkTie, Recommendation
from audit.models import AuditEntry
from demo.services import (
    COMPANY_MEMBER_EMAIL,
    COORDINATOR_EMAIL,
    ORGANISATION_MEMBER_EMAIL,
    demo_totals,
)
from exchange.models import Interest
from matching.models import Suggestion
from matching.services import suggestions_rebuild
from notifications.models import Notification, NotificationKind
from parties.models import Party
from patronships.models import (
    Answer,
    CheckIn,
    ClosingReview,
    Contribution,
    Direction,
    Introduction,
    IntroductionSource,
    IntroductionStatus,
    Milestone,
    Note,
    Patronship,
    PatronshipStatus,
)

S = PatronshipStatus


def _waited_days(introduction) -> int:
    return (timezone.localdate() - timezone.localdate(introduction.proposed_at)).days


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "name"),
    [
        (Interest, "interests"),
        (Introduction, "introductions"),
        (CheckIn, "check-ins"),
        (Contribution, "contributions"),
        (Note, "notes"),
        (Milestone, "milestones"),
        (ClosingReview, "closing reviews"),
        (Network, "networks"),
        (NetworkMembership, "network memberships"),
        (NetworkTie, "network ties"),
        (Recommendation, "recommendations"),
        (AuditEntry, "audit entries"),
        (Notification, "notifications"),
    ],
)
def test_every_workspace_model_has_demo_rows(seeded, model, name):
    if model is AuditEntry:
        # Publication consents and stories are audited too, counted with them.
        assert 0 < seeded.created[name] <= model.objects.count()
    else:
        assert seeded.created[name] == model.objects.count() > 0


@pytest.mark.django_db
def test_the_totals_count_the_workspace(seeded):
    totals = demo_totals()
    for name in (
        "introductions",
        "introductions waiting",
        "check-ins",
        "check-ins open",
        "contributions",
        "contributions unconfirmed",
        "notes",
        "milestones",
        "closing reviews",
        "networks",
        "network ties",
        "recommendations",
        "audit entries",
        "notifications unread",
    ):
        assert totals[name] > 0, name
    assert totals == seeded.totals


# --- introductions -------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_first_period_has_an_introduction_that_fits_its_status(seeded):
    for patronship in Patronship.objects.filter(previous=None):
        introduction = patronship.introduction
        first = patronship.transitions.order_by("at", "pk").first()
        assert introduction.proposed_at == first.at, patronship
        assert introduction.proposed_by.is_coordinator
        if introduction.status == IntroductionStatus.WAITING:
            assert patronship.status == S.PROPOSED, patronship
        elif introduction.status == IntroductionStatus.DECLINED:
            assert patronship.status == S.DECLINED, patronship
            assert Answer.DECLINED in (introduction.sponsor_answer, introduction.recipient_answer)
        else:
            assert introduction.sponsor_answer == introduction.recipient_answer == Answer.ACCEPTED
        if patronship.status not in (S.PROPOSED, S.DECLINED):
            assert introduction.status == IntroductionStatus.ACCEPTED, patronship
            agreed = patronship.transitions.get(to_status=S.AGREED)
            assert introduction.closed_at < agreed.at, patronship


@pytest.mark.django_db
def test_answers_come_from_members_of_the_answering_side_and_in_order(seeded):
    now = timezone.now()
    for introduction in Introduction.objects.select_related("patronship"):
        patronship = introduction.patronship
        for side in ("sponsor", "recipient"):
            answer = getattr(introduction, f"{side}_answer")
            answered_at = getattr(introduction, f"{side}_answered_at")
            answered_by = getattr(introduction, f"{side}_answered_by")
            if not answer:
                assert answered_at is None and answered_by is None
                continue
            assert introduction.proposed_at < answered_at <= now
            party = getattr(patronship, side)
            assert party.memberships.filter(user=answered_by).exists(), introduction


@pytest.mark.django_db
def test_a_decline_gives_a_reason_and_lowers_the_pair(seeded):
    declined = Introduction.objects.filter(status=IntroductionStatus.DECLINED)
    assert declined.exists()
    for introduction in declined:
        for side in ("sponsor", "recipient"):
            if getattr(introduction, f"{side}_answer") == Answer.DECLINED:
                assert getattr(introduction, f"{side}_reason").strip(), introduction
        assert introduction.patronship.need.pair_decisions.filter(kind="declined").exists()


@pytest.mark.django_db
def test_waiting_introductions_have_different_ages_reminders_and_an_escalation(seeded):
    waiting = list(Introduction.objects.waiting().select_related("patronship"))
    assert 3 <= len(waiting) <= 8
    assert len({_waited_days(introduction) for introduction in waiting}) == len(waiting)
    for introduction in waiting:
        days = _waited_days(introduction)
        assert introduction.patronship.status == S.PROPOSED
        reminded = days >= settings.INTRODUCTION_REMINDER_DAYS
        escalated = days >= settings.INTRODUCTION_ESCALATION_DAYS
        assert introduction.reminders_sent == (1 if reminded else 0), introduction
        assert (introduction.last_reminded_at is not None) is reminded, introduction
        assert (introduction.escalated_at is not None) is escalated, introduction
    assert any(i.escalated_at for i in waiting)
    assert any(i.reminders_sent and not i.escalated_at for i in waiting)
    assert any(bool(i.sponsor_answer) != bool(i.recipient_answer) for i in waiting)
    assert any(not i.sponsor_answer and not i.recipient_answer for i in waiting)


@pytest.mark.django_db
def test_introductions_come_from_suggestions_interests_and_the_foerderkreis(seeded):
    sources = set(Introduction.objects.values_list("source", flat=True))
    assert {IntroductionSource.SUGGESTION, IntroductionSource.INTEREST} <= sources
    assert IntroductionSource.RECOMMENDATION in sources
    from_interest = Introduction.objects.get(source=IntroductionSource.INTEREST)
    assert from_interest.interest.status == "introduced"
    assert from_interest.interest.need == from_interest.patronship.need
    assert Interest.objects.open().exists()


@pytest.mark.django_db
def test_the_demo_logins_have_an_introduction_to_answer(seeded):
    introduction = Introduction.objects.waiting().get(
        patronship__sponsor__memberships__user__email=COMPANY_MEMBER_EMAIL,
        patronship__recipient__memberships__user__email=ORGANISATION_MEMBER_EMAIL,
    )
    assert not introduction.sponsor_answer and not introduction.recipient_answer


# --- accompaniment -------------------------------------------------------------------------


@pytest.mark.django_db
def test_checkins_follow_each_patronships_interval(seeded):
    today = timezone.localdate()
    seen = 0
    for patronship in Patronship.objects.filter(checkins__isnull=False).distinct():
        interval = datetime.timedelta(days=patronship.checkin_interval_days)
        checkins = list(patronship.checkins.order_by("due_on"))
        assert checkins[0].due_on == patronship.start_date + interval, patronship
        for before, after in zip(checkins, checkins[1:], strict=False):
            assert before.done_at is not None, patronship
            assert after.due_on == timezone.localdate(before.done_at) + interval, patronship
        for checkin in checkins:
            assert checkin.due_on <= patronship.end_date
            if checkin.done_at is not None:
                held = timezone.localdate(checkin.done_at)
                assert checkin.due_on <= held < today, patronship
                assert checkin.summary.strip() and checkin.done_by.is_coordinator
        open_ones = [checkin for checkin in checkins if checkin.done_at is None]
        assert len(open_ones) <= 1
        if open_ones:
            assert patronship.status == S.ACTIVE, patronship
        seen += 1
    assert seen >= 12


@pytest.mark.django_db
def test_every_active_patronship_has_its_next_checkin_some_soon_one_overdue(seeded):
    today = timezone.localdate()
    notice = today + datetime.timedelta(days=settings.CHECKIN_NOTICE_DAYS)
    open_checkins = CheckIn.objects.filter(done_at=None)
    for patronship in Patronship.objects.filter(status=S.ACTIVE):
        assert open_checkins.filter(patronship=patronship).count() == 1, patronship
    assert open_checkins.filter(due_on__gte=today, due_on__lte=notice).count() >= 2
    assert open_checkins.filter(due_on__lt=today).count() == 1
    # The daily task would have announced them already: it must not do so again.
    assert not open_checkins.filter(due_on__lte=notice, reminded_at=None).exists()
    started = [S.ACTIVE, S.COMPLETED, S.RENEWED, S.ENDED_EARLY]
    assert not CheckIn.objects.exclude(patronship__status__in=started).exists()


@pytest.mark.django_db
def test_contributions_go_both_ways_within_the_patronship(seeded):
    today = timezone.localdate()
    contributions = Contribution.objects.select_related("patronship", "added_by")
    assert contributions.filter(direction=Direction.TO_RECIPIENT).count() >= 10
    assert contributions.filter(direction=Direction.TO_SPONSOR).count() >= 5
    assert contributions.filter(hours__gt=0).exists()
    assert contributions.filter(value_eur__gt=0).exists()
    unconfirmed = contributions.filter(confirmed_at=None)
    assert 2 <= unconfirmed.count() < contributions.count() / 4
    for contribution in contributions:
        patronship = contribution.patronship
        assert patronship.start_date <= contribution.given_on <= today
        assert contribution.given_on <= (patronship.ended_on or patronship.end_date)
        if contribution.confirmed_at is None:
            assert contribution.confirmed_by is None
        else:
            assert contribution.confirmed_by.is_coordinator
            assert contribution.confirmed_at >= contribution.added_at
        assert contribution.added_by.is_coordinator or patronship.side_of(
            contribution.added_by.memberships.get().party_id
        )


@pytest.mark.django_db
def test_notes_milestones_and_closing_reviews(seeded):
    assert Note.objects.filter(is_internal=True).exists()
    assert Note.objects.filter(is_internal=False).exists()
    today = timezone.localdate()
    assert Milestone.objects.filter(reached_on__isnull=False).exists()
    assert Milestone.objects.filter(reached_on=None, planned_on__gt=today).exists()
    assert not Milestone.objects.filter(reached_on__gt=today).exists()
    for patronship in Patronship.objects.filter(status=S.COMPLETED):
        parties = set(patronship.closing_reviews.values_list("party_id", flat=True))
        assert parties == {patronship.sponsor_id, patronship.recipient_id}, patronship
    assert not ClosingReview.objects.filter(
        patronship__status__in=[S.PROPOSED, S.AGREED, S.ACTIVE]
    ).exists()


@pytest.mark.django_db
def test_agreed_patronships_carry_their_agreement(seeded):
    for patronship in Patronship.objects.exclude(status__in=[S.PROPOSED, S.DECLINED]):
        assert patronship.agreed_at is not None, patronship
        assert patronship.sponsor_contact.party_id == patronship.sponsor_id
        assert patronship.recipient_contact.party_id == patronship.recipient_id
    for patronship in Patronship.objects.filter(status__in=[S.COMPLETED, S.ENDED_EARLY]):
        assert patronship.ended_on is not None, patronship


# --- Förderkreis ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_foerderkreis_has_networks_members_ties_and_recommendations(seeded):
    assert 5 <= Network.objects.count() <= 7
    advisors = User.objects.filter(is_advisor=True)
    assert advisors.count() >= 3
    assert NetworkMembership.objects.values("advisor").distinct().count() == advisors.count()
    companies = Party.objects.companies().filter(network_ties__isnull=False).distinct()
    assert companies.count() >= 15
    recommendations = Recommendation.objects.all()
    assert 4 <= recommendations.count() <= 6
    assert recommendations.filter(offers_warm_introduction=True).exists()
    assert all(r.note.strip() for r in recommendations)
    assert recommendations.filter(need__status="open").count() >= 4


@pytest.mark.django_db
def test_recommended_candidates_are_suggested_with_their_advisor(seeded):
    suggestions_rebuild()
    for recommendation in Recommendation.objects.filter(need__status="open"):
        suggestion = Suggestion.objects.get(
            need=recommendation.need, candidate=recommendation.candidate
        )
        assert f"empfohlen von {recommendation.advisor.name}" in suggestion.reasons
    reasons = [reason for s in Suggestion.objects.all() for reason in s.reasons]
    assert any(reason.startswith("erreichbar über ") for reason in reasons)


# --- history ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_transition_and_introduction_is_in_the_audit_log(seeded):
    patronship_type = ContentType.objects.get_for_model(Patronship)
    introduction_type = ContentType.objects.get_for_model(Introduction)
    entries = AuditEntry.objects.all()
    for patronship in Patronship.objects.prefetch_related("transitions"):
        logged = entries.filter(content_type=patronship_type, object_id=patronship.pk)
        for transition in patronship.transitions.all():
            assert logged.filter(
                action=f"patronship.{transition.to_status}", at=transition.at
            ).exists(), transition
    for introduction in Introduction.objects.all():
        logged = entries.filter(content_type=introduction_type, object_id=introduction.pk)
        assert logged.filter(action="introduction.proposed", at=introduction.proposed_at).exists()
        answers = [a for a in (introduction.sponsor_answer, introduction.recipient_answer) if a]
        answered = logged.filter(action__in=["introduction.accepted", "introduction.declined"])
        assert answered.count() == len(answers), introduction
    assert not entries.filter(at__gt=timezone.now()).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("email", "kinds"),
    [
        (COORDINATOR_EMAIL, {NotificationKind.QUEUE, NotificationKind.CHECKIN}),
        (COMPANY_MEMBER_EMAIL, {NotificationKind.INTRODUCTION}),
        (ORGANISATION_MEMBER_EMAIL, {NotificationKind.INTRODUCTION, NotificationKind.CHECKIN}),
    ],
)
def test_demo_logins_have_unread_notifications(seeded, email, kinds):
    unread = Notification.objects.filter(user__email=email).unread()
    assert kinds <= set(unread.values_list("kind", flat=True))
    assert unread.count() <= 20
    assert all(notification.safe_url for notification in unread)


@pytest.mark.django_db
def test_seeding_sends_no_email(seeded):
    assert seeded.emails_sent == 0
    assert seeded.emails_queued == 0
    # Each notification counts as emailed when it was created: no digest picks them up later.
    assert not Notification.objects.filter(emailed_at=None).exists()


@pytest.mark.django_db
def test_the_command_prints_the_workspace_counts(seeded):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    waiting = re.search(r"introductions waiting\s+(\d+)", out.getvalue())
    assert waiting and int(waiting.group(1)) == Introduction.objects.waiting().count() > 0
