"""Issuing, revoking (alone and with an early end) and the expiry reminders."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from audit.models import AuditEntry
from notifications.models import Notification
from patronships.models import PatronshipStatus
from patronships.services import patronship_end_early
from seals import services
from seals.models import Seal, SealState
from seals.records import seal_record
from seals.tasks import seals_daily
from tests.factories import PatronshipFactory, SealFactory

DAY = datetime.timedelta(days=1)


def _told(kind="seal"):
    return sorted(Notification.objects.filter(kind=kind).values_list("user__email", flat=True))


def test_issue_gives_each_partner_a_seal_for_the_agreed_term(
    patronship, coordinator, company_member, organisation_member
):
    seals = services.seal_issue(patronship=patronship, by=coordinator)

    assert [s.holder for s in seals] == [patronship.sponsor, patronship.recipient]
    for seal in seals:
        assert (seal.valid_from, seal.valid_until) == (patronship.start_date, patronship.end_date)
        assert seal.issued_by == coordinator
        assert seal.state == SealState.VALID
    assert seals[0].code != seals[1].code
    # Each holder's members hear about their own seal; the coordinator did it and is not told.
    assert _told() == sorted([company_member.email, organisation_member.email])
    note = Notification.objects.get(user=company_member)
    assert note.url == f"/siegel/partei/{patronship.sponsor_id}/"
    entries = AuditEntry.objects.for_object(patronship).filter(action="seal.issued")
    assert entries.count() == 2
    assert all(e.actor == coordinator for e in entries)
    assert "Dachdeckerei Krüger GmbH" in " ".join(e.message for e in entries)


@pytest.mark.parametrize(
    "status",
    [
        PatronshipStatus.PROPOSED,
        PatronshipStatus.AGREED,
        PatronshipStatus.COMPLETED,
        PatronshipStatus.ENDED_EARLY,
        PatronshipStatus.RENEWED,
    ],
)
def test_issue_only_for_an_active_patronship(patronship, coordinator, status):
    patronship.status = status
    patronship.save()
    with pytest.raises(services.SealError, match="nur für laufende Patenschaften"):
        services.seal_issue(patronship=patronship, by=coordinator)
    assert not Seal.objects.exists()


@pytest.mark.parametrize("missing", ["start_date", "end_date"])
def test_issue_needs_an_agreed_term(patronship, coordinator, missing):
    setattr(patronship, missing, None)
    patronship.save()
    with pytest.raises(services.SealError, match="keine Laufzeit vereinbart"):
        services.seal_issue(patronship=patronship, by=coordinator)
    assert not Seal.objects.exists()


def test_issue_refuses_a_term_that_is_over(patronship, coordinator, today):
    patronship.start_date, patronship.end_date = today - 400 * DAY, today - DAY
    patronship.save()
    with pytest.raises(services.SealError, match="zu Ende gegangen"):
        services.seal_issue(patronship=patronship, by=coordinator)


def test_issue_refuses_a_second_standing_seal_and_issues_nothing(seal, coordinator):
    with pytest.raises(services.SealError, match="bereits ein gültiges Siegel: Dachdeckerei"):
        services.seal_issue(patronship=seal.patronship, by=coordinator)
    # The recipient did not get one either: all or nothing.
    assert list(Seal.objects.all()) == [seal]


def test_issue_for_one_partner_after_a_revocation(seal, coordinator):
    services.seal_revoke(seal=seal, reason="Name falsch geschrieben", by=coordinator)
    patronship = seal.patronship
    [again] = services.seal_issue(patronship=patronship, by=coordinator, holders=[seal.holder])
    assert again.holder == seal.holder and again.state == SealState.VALID
    assert Seal.objects.not_revoked().count() == 1


def test_issue_only_to_the_partners(patronship, coordinator):
    stranger = PatronshipFactory().sponsor
    with pytest.raises(services.SealError, match="nur die beiden Partner"):
        services.seal_issue(patronship=patronship, by=coordinator, holders=[stranger])


def test_revoke_records_reason_tells_the_holder_and_shows_at_once(
    seal, coordinator, company_member
):
    assert seal_record(seal.code).state_on(timezone.localdate()) == SealState.VALID  # cached

    services.seal_revoke(seal=seal, reason="  Zusage nicht eingehalten ", by=coordinator)

    seal.refresh_from_db()
    assert seal.state == SealState.REVOKED
    assert seal.revoked_reason == "Zusage nicht eingehalten"
    assert seal.revoked_by == coordinator
    # The cached public record was forgotten: the next request sees the revocation.
    assert seal_record(seal.code).state_on(timezone.localdate()) == SealState.REVOKED
    assert _told() == [company_member.email]
    assert "Zusage nicht eingehalten" in Notification.objects.get().body
    entry = AuditEntry.objects.for_object(seal.patronship).get(action="seal.revoked")
    assert entry.actor == coordinator and "Zusage nicht eingehalten" in entry.message


def test_revoke_needs_a_reason_and_happens_once(seal, coordinator):
    with pytest.raises(services.SealError, match="Grund"):
        services.seal_revoke(seal=seal, reason="   ", by=coordinator)
    seal.refresh_from_db()
    assert seal.revoked_at is None
    services.seal_revoke(seal=seal, reason="Fehler", by=coordinator)
    with pytest.raises(services.SealError, match="bereits seit dem"):
        services.seal_revoke(seal=seal, reason="noch mal", by=coordinator)


def test_revoke_for_patronship_revokes_every_standing_seal(
    patronship, coordinator, company_member, organisation_member
):
    services.seal_issue(patronship=patronship, by=coordinator)
    old = Seal.objects.filter(holder=patronship.sponsor).get()
    Seal.objects.filter(pk=old.pk).update(revoked_at=timezone.now() - 10 * DAY)
    services.seal_issue(patronship=patronship, by=coordinator, holders=[patronship.sponsor])
    Notification.objects.all().delete()

    count = services.seals_revoke_for_patronship(
        patronship=patronship, reason="Verein aufgelöst", by=coordinator
    )

    assert count == 2
    assert not Seal.objects.not_revoked().exists()
    assert Seal.objects.get(pk=old.pk).revoked_reason == ""  # the earlier revocation stays
    assert _told() == sorted([company_member.email, organisation_member.email])
    assert services.seals_revoke_for_patronship(patronship=patronship, reason="x", by=None) == 0


def test_ending_a_patronship_early_revokes_its_seals(patronship, coordinator):
    seals = services.seal_issue(patronship=patronship, by=coordinator)
    for seal in seals:
        seal_record(seal.code)  # both records cached, as after a visit

    patronship_end_early(patronship=patronship, by=coordinator, reason="Betrieb verkauft")

    for seal in seals:
        seal.refresh_from_db()
        assert seal.state == SealState.REVOKED
        assert "Betrieb verkauft" in seal.revoked_reason
        assert seal_record(seal.code).revoked_at == seal.revoked_at


def test_a_failing_early_end_leaves_the_seals_alone(patronship, coordinator):
    services.seal_issue(patronship=patronship, by=coordinator)
    with pytest.raises(Exception):  # noqa: B017 - any refusal will do
        patronship_end_early(
            patronship=patronship,
            by=coordinator,
            reason="zu früh",
            ended_on=timezone.localdate() + DAY,
        )
    assert Seal.objects.not_revoked().count() == 2


def test_expiry_reminder_once_per_seal(make_seal, coordinator, company_member, company, today):
    soon = make_seal(-300, 20, holder=company)
    make_seal(-300, 40, holder=company)  # beyond the 30 days
    make_seal(-300, 5, holder=company, revoked_at=timezone.now())  # revoked: no reminder
    make_seal(-400, -1, holder=company)  # already expired

    assert services.seals_remind_expiry(today=today) == 1
    assert services.seals_remind_expiry(today=today) == 0
    assert seals_daily() == {"expiry_reminders": 0}

    soon.refresh_from_db()
    assert soon.expiry_reminded_at is not None
    assert _told() == sorted([coordinator.email, company_member.email])
    note = Notification.objects.get(user=company_member)
    assert (today + 20 * DAY).strftime("%d.%m.%Y") in note.title
    entry = AuditEntry.objects.for_object(soon.patronship).get(action="seal.expiry_reminded")
    assert entry.actor is None


def test_no_expiry_reminder_when_the_next_seal_is_there(make_seal, coordinator, company, today):
    current = make_seal(-300, 10, holder=company)
    renewal = PatronshipFactory(
        sponsor=current.patronship.sponsor,
        recipient=current.patronship.recipient,
        start_date=today + 11 * DAY,
        end_date=today + 376 * DAY,
    )
    SealFactory(patronship=renewal, holder=company)

    assert services.seals_remind_expiry(today=today) == 0
    assert not Notification.objects.exists()


def test_the_daily_task_runs_the_reminders(make_seal, company, coordinator):
    make_seal(-300, 3, holder=company)
    assert seals_daily.delay().get() == {"expiry_reminders": 1}


def test_cache_never_outlives_a_revocation_inside_a_transaction(
    seal, coordinator, django_capture_on_commit_callbacks
):
    """The record is dropped at once and again on commit, so a request that cached the old
    state between the two cannot keep it."""
    with django_capture_on_commit_callbacks(execute=True):
        services.seal_revoke(seal=seal, reason="Fehler", by=coordinator)
        cache.set(f"seals:record:v1:{seal.code}", "stale")  # a read inside the window
    assert cache.get(f"seals:record:v1:{seal.code}") is None
