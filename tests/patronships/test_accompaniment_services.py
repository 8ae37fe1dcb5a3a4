"""Accompaniment services: check-in scheduling and reminders, the log of what was given,
milestones and closing reviews."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from notifications.models import Notification, NotificationKind
from patronships import services
from patronships.models import CheckIn, ClosingReview, Direction, PatronshipStatus
from tests.factories import CompanyFactory, PatronshipFactory

TODAY = timezone.localdate
PatronshipError = services.PatronshipError


def days(n):
    return datetime.timedelta(days=n)


@pytest.fixture
def patronship(company, organisation, coordinator, company_member, organisation_member):
    return PatronshipFactory(
        sponsor=company,
        recipient=organisation,
        coordinator=coordinator,
        checkin_interval_days=90,
        start_date=TODAY() - days(30),
        end_date=TODAY() + days(335),
    )


# --- check-ins ---------------------------------------------------------------------------


def test_activation_plans_the_first_checkin(coordinator, company, organisation):
    patronship = PatronshipFactory(
        sponsor=company,
        recipient=organisation,
        status=PatronshipStatus.AGREED,
        start_date=TODAY(),
        end_date=TODAY() + days(364),
        checkin_interval_days=60,
    )
    services.patronship_activate(patronship=patronship, by=coordinator)
    assert list(patronship.checkins.values_list("due_on", flat=True)) == [TODAY() + days(60)]


def test_recording_a_checkin_plans_the_next_one(patronship, coordinator):
    checkin = CheckIn.objects.create(patronship=patronship, due_on=TODAY() - days(2))
    services.checkin_record(
        checkin=checkin, by=coordinator, summary="Läuft gut", held_on=TODAY() - days(1)
    )
    checkin.refresh_from_db()
    assert checkin.done_at is not None
    assert checkin.done_by == coordinator
    following = patronship.checkins.get(done_at=None)
    assert following.due_on == TODAY() - days(1) + days(90)
    assert AuditEntry.objects.filter(action="checkin.done", object_id=patronship.pk).exists()


def test_no_checkin_is_planned_beyond_the_end(patronship, coordinator):
    patronship.end_date = TODAY() + days(60)  # the next one (in 90 days) would be too late
    patronship.save()
    checkin = CheckIn.objects.create(patronship=patronship, due_on=TODAY())
    services.checkin_record(checkin=checkin, by=coordinator, summary="Letztes Gespräch")
    assert not patronship.checkins.filter(done_at=None).exists()
    assert patronship.checkins.count() == 1


def test_a_checkin_on_the_end_date_is_still_planned(patronship, coordinator):
    patronship.end_date = TODAY() + days(90)
    patronship.save()
    checkin = CheckIn.objects.create(patronship=patronship, due_on=TODAY())
    services.checkin_record(checkin=checkin, by=coordinator, summary="Gespräch")
    assert patronship.checkins.get(done_at=None).due_on == patronship.end_date


def test_no_next_checkin_when_the_patronship_is_not_active(patronship, coordinator):
    checkin = CheckIn.objects.create(patronship=patronship, due_on=TODAY())
    patronship.status = PatronshipStatus.COMPLETED
    patronship.save()
    services.checkin_record(checkin=checkin, by=coordinator, summary="Abschlussgespräch")
    assert patronship.checkins.count() == 1


def test_a_checkin_is_recorded_once(patronship, coordinator):
    checkin = CheckIn.objects.create(patronship=patronship, due_on=TODAY())
    services.checkin_record(checkin=checkin, by=coordinator, summary="Erstes Gespräch")
    with pytest.raises(PatronshipError, match="bereits festgehalten"):
        services.checkin_record(checkin=checkin, by=coordinator, summary="Noch einmal")
    checkin.refresh_from_db()
    assert checkin.summary == "Erstes Gespräch"
    assert patronship.checkins.filter(done_at=None).count() == 1


def test_a_checkin_needs_a_summary(patronship, coordinator):
    checkin = CheckIn.objects.create(patronship=patronship, due_on=TODAY())
    with pytest.raises(PatronshipError, match="was besprochen wurde"):
        services.checkin_record(checkin=checkin, by=coordinator, summary="  ")
    checkin.refresh_from_db()
    assert checkin.done_at is None


def test_reminders_are_sent_once(
    patronship, coordinator, company_member, organisation_member, settings
):
    settings.CHECKIN_NOTICE_DAYS = 7
    due = CheckIn.objects.create(patronship=patronship, due_on=TODAY() + days(20))
    # not yet within the notice period
    assert services.checkins_remind(today=TODAY()) == 0
    assert not Notification.objects.exists()
    # time moves on: a week before it is due, everyone concerned hears about it
    later = TODAY() + days(13)
    assert services.checkins_remind(today=later) == 1
    assert services.checkins_remind(today=later) == 0
    assert services.checkins_remind(today=later + days(1)) == 0
    reminders = Notification.objects.filter(kind=NotificationKind.CHECKIN)
    assert sorted(n.user.email for n in reminders) == sorted(
        [coordinator.email, company_member.email, organisation_member.email]
    )
    assert all(due.due_on.strftime("%d.%m.%Y") in n.title for n in reminders)
    due.refresh_from_db()
    assert due.reminded_at is not None


def test_no_reminders_for_done_checkins_or_patronships_that_are_not_active(patronship, coordinator):
    CheckIn.objects.create(
        patronship=patronship, due_on=TODAY(), done_at=timezone.now(), summary="schon geführt"
    )
    paused = PatronshipFactory(status=PatronshipStatus.ENDED_EARLY)
    CheckIn.objects.create(patronship=paused, due_on=TODAY())
    assert services.checkins_remind(today=TODAY()) == 0
    assert not Notification.objects.exists()


# --- contributions -----------------------------------------------------------------------


def _add(patronship, by, **kwargs):
    values = {
        "direction": Direction.TO_RECIPIENT,
        "given_on": TODAY(),
        "description": "Dachrinne repariert",
        "hours": Decimal("3"),
    }
    values.update(kwargs)
    return services.contribution_add(patronship=patronship, by=by, **values)


def test_coordinators_contribution_is_confirmed_at_once(patronship, coordinator):
    contribution = _add(patronship, coordinator)
    assert contribution.confirmed_by == coordinator
    assert contribution.confirmed_at is not None
    assert not Notification.objects.filter(kind=NotificationKind.CONTRIBUTION).exists()


def test_partners_contribution_waits_for_the_coordinator(patronship, coordinator, company_member):
    contribution = _add(patronship, company_member)
    assert contribution.confirmed_at is None
    told = Notification.objects.filter(kind=NotificationKind.CONTRIBUTION)
    assert [n.user for n in told] == [coordinator]
    services.contribution_confirm(contribution=contribution, by=coordinator)
    contribution.refresh_from_db()
    assert contribution.confirmed_by == coordinator
    with pytest.raises(PatronshipError, match="bereits bestätigt"):
        services.contribution_confirm(contribution=contribution, by=coordinator)


def test_contribution_in_the_future_is_refused(patronship, company_member):
    with pytest.raises(PatronshipError, match="nicht in der Zukunft"):
        _add(patronship, company_member, given_on=TODAY() + days(1))
    assert not patronship.contributions.exists()


@pytest.mark.parametrize("status", [PatronshipStatus.PROPOSED, PatronshipStatus.DECLINED])
def test_contribution_before_the_agreement_is_refused(patronship, company_member, status):
    patronship.status = status
    patronship.save()
    with pytest.raises(PatronshipError, match="erst eingetragen werden"):
        _add(patronship, company_member)
    assert not patronship.contributions.exists()


# --- milestones --------------------------------------------------------------------------


def test_milestone_is_reached_once(patronship, company_member):
    milestone = services.milestone_add(
        patronship=patronship, by=company_member, title="Dach ist dicht"
    )
    services.milestone_reach(milestone=milestone, by=company_member, reached_on=TODAY() - days(1))
    milestone.refresh_from_db()
    assert milestone.reached_on == TODAY() - days(1)
    with pytest.raises(PatronshipError, match="bereits erreicht"):
        services.milestone_reach(milestone=milestone, by=company_member)


def test_milestone_needs_a_title(patronship, company_member):
    with pytest.raises(PatronshipError, match="benennen"):
        services.milestone_add(patronship=patronship, by=company_member, title=" ")


# --- closing reviews ---------------------------------------------------------------------


def test_review_is_written_by_the_partners_only(patronship, company_member):
    outsider_party = CompanyFactory()
    with pytest.raises(PatronshipError, match="Nur die beiden Partner"):
        services.review_write(
            patronship=patronship,
            party=outsider_party,
            by=company_member,
            what_worked="Alles",
            would_again="yes",
        )
    assert not ClosingReview.objects.exists()


def test_review_is_revised_not_duplicated(patronship, company_member):
    for would_again in ("yes", "maybe"):
        services.review_write(
            patronship=patronship,
            party=patronship.sponsor,
            by=company_member,
            what_worked="Gute Absprachen",
            would_again=would_again,
        )
    review = ClosingReview.objects.get()
    assert review.would_again == "maybe"


@pytest.mark.parametrize("status", [PatronshipStatus.PROPOSED, PatronshipStatus.AGREED])
def test_review_before_the_start_is_refused(patronship, company_member, status):
    patronship.status = status
    patronship.save()
    with pytest.raises(PatronshipError, match="erst möglich"):
        services.review_write(
            patronship=patronship,
            party=patronship.sponsor,
            by=company_member,
            what_worked="Alles",
            would_again="yes",
        )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"hours": Decimal("-1")}, "keine negativen Zahlen"),
        ({"hours": None, "value_eur": Decimal("-0.01")}, "keine negativen Zahlen"),
        ({"hours": Decimal("0"), "value_eur": None, "description": " "}, "Stunden, einen Sachwert"),
    ],
)
def test_contribution_needs_something_given_and_no_negative_numbers(
    patronship, company_member, values, message
):
    with pytest.raises(PatronshipError, match=message):
        _add(patronship, company_member, **values)
    assert not patronship.contributions.exists()


def test_contribution_direction_must_be_known(patronship, company_member):
    with pytest.raises(ValueError):
        _add(patronship, company_member, direction="sideways")
    assert not patronship.contributions.exists()
