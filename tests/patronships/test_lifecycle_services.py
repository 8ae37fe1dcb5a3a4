"""The patronship lifecycle: each step allowed only from the right states, each recorded."""

import datetime

import pytest
from django.core import mail, signing
from django.utils import timezone

from audit.models import AuditEntry
from matching.models import PairDecision
from notifications.models import Notification
from patronships import services
from patronships.models import (
    ALLOWED_TRANSITIONS,
    SIDE_RECIPIENT,
    SIDE_SPONSOR,
    Answer,
    CheckIn,
    IntroductionStatus,
    Patronship,
    PatronshipStatus,
)
from seals.models import Seal
from tests.factories import (
    ContactPersonFactory,
    NeedFactory,
    PatronshipFactory,
    SealFactory,
)

S = PatronshipStatus
TODAY = datetime.date(2026, 11, 27)


@pytest.fixture
def introduced(
    company,
    organisation,
    company_member,
    organisation_member,
    coordinator,
    django_capture_on_commit_callbacks,
):
    need = NeedFactory(party=organisation, title="Unser Dach ist undicht")
    with django_capture_on_commit_callbacks(execute=True):
        return services.introduction_propose(
            sponsor=company,
            recipient=organisation,
            need=need,
            by=coordinator,
            message="Passt gut.",
        )


def _accept_both(introduction):
    services.introduction_answer(introduction=introduction, side=SIDE_SPONSOR, answer="accepted")
    return services.introduction_answer(
        introduction=introduction, side=SIDE_RECIPIENT, answer="accepted"
    )


def _agree(patronship, coordinator, start=None, end=None):
    start = start or timezone.localdate()
    return services.patronship_record_agreement(
        patronship=patronship,
        by=coordinator,
        title="Dachreparatur",
        sponsor_gives="Reparatur des Vereinsheimdachs",
        recipient_gives="Trikotwerbung und Auftritt beim Firmenfest",
        start_date=start,
        end_date=end or start + datetime.timedelta(days=364),
        checkin_interval_days=90,
    )


def test_proposing_creates_a_proposed_patronship_and_asks_both_sides(introduced, coordinator):
    patronship = introduced.patronship
    assert patronship.status == S.PROPOSED
    assert patronship.transitions.get().to_status == S.PROPOSED
    assert list(patronship.topics.all()) == list(patronship.need.topics.all())
    recipients = set(Notification.objects.values_list("user__email", flat=True))
    assert recipients == {"carl@krueger.example", "olga@sv-weisswasser.example"}
    # One email each, with the signed answer links.
    bodies = [m.body for m in mail.outbox if "Vorstellung" in m.subject]
    assert len(bodies) == 2
    assert all("/patenschaften/vorstellungen/antwort/" in body for body in bodies)
    assert AuditEntry.objects.for_object(introduced).get().action == "introduction.proposed"


def test_the_same_pair_cannot_be_introduced_twice_for_one_need(introduced, coordinator):
    patronship = introduced.patronship
    with pytest.raises(services.PatronshipError, match="läuft bereits"):
        services.introduction_propose(
            sponsor=patronship.sponsor,
            recipient=patronship.recipient,
            need=patronship.need,
            by=coordinator,
        )


def test_a_pending_party_cannot_be_introduced(company, organisation, coordinator):
    organisation.status = "pending"
    organisation.save()
    with pytest.raises(services.PatronshipError, match="noch nicht freigegeben"):
        services.introduction_propose(sponsor=company, recipient=organisation, by=coordinator)


def test_both_yes_reveals_contacts_and_one_no_declines(introduced, coordinator):
    introduction = services.introduction_answer(
        introduction=introduced, side=SIDE_SPONSOR, answer=Answer.ACCEPTED
    )
    assert introduction.status == IntroductionStatus.WAITING
    assert not introduction.contacts_revealed
    introduction = services.introduction_answer(
        introduction=introduced, side=SIDE_RECIPIENT, answer=Answer.ACCEPTED
    )
    assert introduction.status == IntroductionStatus.ACCEPTED
    assert introduction.contacts_revealed
    assert introduction.patronship.status == S.PROPOSED  # agreed only with the agreement


def test_a_decline_closes_the_introduction_and_is_remembered_by_matching(introduced):
    services.introduction_answer(
        introduction=introduced, side=SIDE_RECIPIENT, answer="declined", reason="Zu weit weg"
    )
    introduced.refresh_from_db()
    assert introduced.status == IntroductionStatus.DECLINED
    assert introduced.patronship.status == S.DECLINED
    decision = PairDecision.objects.get()
    assert decision.kind == PairDecision.Kind.DECLINED
    assert decision.candidate_id == introduced.patronship.sponsor_id
    assert decision.reason == "Zu weit weg"
    with pytest.raises(services.PatronshipError, match="bereits abgeschlossen"):
        services.introduction_answer(
            introduction=introduced, side=SIDE_SPONSOR, answer=Answer.ACCEPTED
        )


def test_a_side_cannot_answer_twice(introduced):
    services.introduction_answer(introduction=introduced, side=SIDE_SPONSOR, answer="accepted")
    with pytest.raises(services.PatronshipError, match="bereits eine Antwort"):
        services.introduction_answer(introduction=introduced, side=SIDE_SPONSOR, answer="declined")


def test_agreement_needs_both_acceptances(introduced, coordinator):
    with pytest.raises(services.PatronshipError, match="beide Seiten"):
        _agree(introduced.patronship, coordinator)
    assert Patronship.objects.get().status == S.PROPOSED


def test_full_lifecycle_is_recorded(introduced, coordinator):
    _accept_both(introduced)
    patronship = _agree(introduced.patronship, coordinator)
    assert patronship.status == S.AGREED and patronship.agreed_at
    patronship = services.patronship_activate(patronship=patronship, by=coordinator)
    assert patronship.status == S.ACTIVE
    checkin = CheckIn.objects.get()
    assert checkin.due_on == timezone.localdate() + datetime.timedelta(days=90)
    patronship = services.patronship_complete(patronship=patronship, by=coordinator)
    assert patronship.status == S.COMPLETED
    assert not CheckIn.objects.filter(done_at=None).exists()
    steps = list(patronship.transitions.values_list("from_status", "to_status", "by"))
    assert steps == [
        ("", S.PROPOSED, coordinator.pk),
        (S.PROPOSED, S.AGREED, coordinator.pk),
        (S.AGREED, S.ACTIVE, coordinator.pk),
        (S.ACTIVE, S.COMPLETED, coordinator.pk),
    ]
    actions = set(AuditEntry.objects.for_object(patronship).values_list("action", flat=True))
    assert {"patronship.agreed", "patronship.active", "patronship.completed"} <= actions


def test_activation_waits_for_the_start_date(introduced, coordinator):
    _accept_both(introduced)
    start = timezone.localdate() + datetime.timedelta(days=10)
    patronship = _agree(introduced.patronship, coordinator, start=start)
    with pytest.raises(services.PatronshipError, match="beginnt erst am"):
        services.patronship_activate(patronship=patronship, by=coordinator)
    assert services.patronships_start_due(today=start - datetime.timedelta(days=1)) == 0
    assert services.patronships_start_due(today=start) == 1
    patronship.refresh_from_db()
    assert patronship.status == S.ACTIVE
    assert patronship.transitions.last().by is None  # the daily task did it


# Every pair (from, to) that the lifecycle does not allow is refused with a clear message.
STEPS = {
    S.AGREED: lambda p, by: _agree(p, by),
    S.ACTIVE: lambda p, by: services.patronship_activate(patronship=p, by=by),
    S.COMPLETED: lambda p, by: services.patronship_complete(patronship=p, by=by),
    S.ENDED_EARLY: lambda p, by: services.patronship_end_early(patronship=p, by=by, reason="x"),
    S.DECLINED: lambda p, by: services.patronship_decline(patronship=p, by=by, reason="x"),
    S.RENEWED: lambda p, by: services.patronship_renew(
        patronship=p, by=by, end_date=timezone.localdate() + datetime.timedelta(days=900)
    ),
}
REFUSED = [
    (current, target)
    for current in S
    for target in STEPS
    if target not in ALLOWED_TRANSITIONS[current]
]


@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_every_step_not_allowed_from_the_current_state_is_refused(current, target, coordinator):
    patronship = PatronshipFactory(status=current)
    with pytest.raises(services.PatronshipError) as excinfo:
        STEPS[target](patronship, coordinator)
    assert excinfo.value.message == (
        f"Eine Patenschaft im Status „{S(current).label}“ kann nicht „{S(target).label}“ werden."
    )
    patronship.refresh_from_db()
    assert patronship.status == current
    assert not patronship.transitions.exists()


def test_there_are_refused_steps_for_every_state():
    assert {current for current, _target in REFUSED} == set(S)


def test_ending_early_revokes_the_seals_and_needs_a_reason(coordinator):
    patronship = PatronshipFactory(status=S.ACTIVE)
    seal = SealFactory(patronship=patronship)
    with pytest.raises(services.PatronshipError, match="Grund"):
        services.patronship_end_early(patronship=patronship, by=coordinator, reason="  ")
    services.patronship_end_early(patronship=patronship, by=coordinator, reason="Firma aufgelöst")
    patronship.refresh_from_db()
    seal = Seal.objects.get(pk=seal.pk)
    assert patronship.status == S.ENDED_EARLY
    assert patronship.ended_on == timezone.localdate()
    assert seal.revoked_at is not None
    assert "Firma aufgelöst" in seal.revoked_reason


def test_renewal_opens_a_new_period(coordinator):
    old = PatronshipFactory(status=S.ACTIVE, sponsor_gives="Webseite", recipient_gives="Logo")
    end = old.end_date + datetime.timedelta(days=365)
    new = services.patronship_renew(patronship=old, by=coordinator, end_date=end)
    old.refresh_from_db()
    assert old.status == S.RENEWED
    assert new.previous == old and new.status == S.AGREED
    assert new.start_date == old.end_date + datetime.timedelta(days=1)
    assert new.end_date == end and new.sponsor_gives == "Webseite"
    with pytest.raises(services.PatronshipError, match="Ende muss danach liegen"):
        services.patronship_renew(
            patronship=PatronshipFactory(status=S.ACTIVE),
            by=coordinator,
            end_date=timezone.localdate(),
        )


def test_renewal_is_offered_once_before_the_end(coordinator, company_member):
    ending = PatronshipFactory(
        status=S.ACTIVE, end_date=timezone.localdate() + datetime.timedelta(days=30)
    )
    PatronshipFactory(status=S.ACTIVE)  # ends in 335 days: not yet
    assert services.renewals_offer() == 1
    assert services.renewals_offer() == 0
    ending.refresh_from_db()
    assert ending.renewal_offered_at is not None


def test_checkin_reminder_is_sent_once_when_time_moves_forward(
    coordinator, company_member, organisation_member, company, organisation
):
    patronship = PatronshipFactory(status=S.ACTIVE, sponsor=company, recipient=organisation)
    checkin = CheckIn.objects.create(
        patronship=patronship, due_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    assert services.checkins_remind() == 0  # not due yet
    later = timezone.localdate() + datetime.timedelta(days=25)
    assert services.checkins_remind(today=later) == 1
    assert services.checkins_remind(today=later) == 0
    checkin.refresh_from_db()
    assert checkin.reminded_at is not None
    told = set(Notification.objects.filter(kind="checkin").values_list("user__email", flat=True))
    assert told == {
        "clara@sozialpaten.example",
        "carl@krueger.example",
        "olga@sv-weisswasser.example",
    }


def test_unanswered_introductions_are_reminded_then_escalated_once(introduced, coordinator):
    services.introduction_answer(introduction=introduced, side=SIDE_SPONSOR, answer="accepted")
    now = timezone.now()
    assert services.introductions_remind(now=now) == {"reminded": 0, "escalated": 0}
    week = now + datetime.timedelta(days=8)
    assert services.introductions_remind(now=week) == {"reminded": 1, "escalated": 0}
    reminded = set(
        Notification.objects.filter(kind="introduction_reminder").values_list(
            "user__email", flat=True
        )
    )
    assert reminded == {"olga@sv-weisswasser.example"}  # only the side that has not answered
    fortnight = now + datetime.timedelta(days=15)
    assert services.introductions_remind(now=fortnight) == {"reminded": 0, "escalated": 1}
    assert services.introductions_remind(now=fortnight) == {"reminded": 0, "escalated": 0}
    introduced.refresh_from_db()
    assert introduced.escalated_at is not None
    assert Notification.objects.filter(kind="queue", user=coordinator).count() == 1


def test_answer_links_are_signed_per_side(introduced):
    token = services.answer_token(introduced, SIDE_RECIPIENT, "accepted")
    assert services.read_answer_token(token) == (introduced.pk, SIDE_RECIPIENT, "accepted")
    with pytest.raises(signing.BadSignature):
        services.read_answer_token(token.replace(SIDE_RECIPIENT, SIDE_SPONSOR))


def test_agreement_refuses_a_contact_of_another_party(introduced, coordinator):
    _accept_both(introduced)
    stranger = ContactPersonFactory()
    with pytest.raises(services.PatronshipError, match="gehört nicht"):
        services.patronship_record_agreement(
            patronship=introduced.patronship,
            by=coordinator,
            title="x",
            sponsor_gives="x",
            recipient_gives="",
            start_date=TODAY,
            end_date=TODAY + datetime.timedelta(days=10),
            checkin_interval_days=30,
            sponsor_contact=stranger,
        )
    assert Patronship.objects.get().status == S.PROPOSED


def test_end_date_for_counts_whole_months():
    assert services.end_date_for(datetime.date(2026, 1, 1), 12) == datetime.date(2026, 12, 31)
    assert services.end_date_for(datetime.date(2027, 3, 1), 12) == datetime.date(2028, 2, 29)
