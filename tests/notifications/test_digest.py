"""The weekly digest: one email per person, never the same notification twice."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from notifications import tasks
from notifications.models import EmailMode, Notification, NotificationKind
from notifications.services import DIGEST_MAX_ITEMS, notify
from tests.factories import UserFactory

from .conftest import NotificationFactory, setting

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekly(company_member):
    for kind in (NotificationKind.CHECKIN, NotificationKind.CONTRIBUTION):
        setting(company_member, kind, EmailMode.DIGEST)
    return company_member


def _digest(sent):
    return sent(tasks.digest_weekly.delay).get()


@override_settings(SITE_URL="https://sozialpaten.example")
def test_digest_lists_what_came_and_is_sent_once(weekly, company, coordinator, sent):
    sent(
        notify,
        kind=NotificationKind.CHECKIN,
        title="Termin mit Krüger",
        url="/p/1/",
        parties=[company],
    )
    sent(notify, kind=NotificationKind.CONTRIBUTION, title="Neuer Beitrag", parties=[company])
    assert sent.mails == []  # nothing immediate for digest kinds

    assert _digest(sent) == 1
    (message,) = sent.mails
    assert message.to == [weekly.email]
    assert "2 Neuigkeiten" in message.subject
    assert "Termin mit Krüger" in message.body and "Neuer Beitrag" in message.body
    assert "https://sozialpaten.example/p/1/" in message.body
    assert "https://sozialpaten.example/benachrichtigungen/abbestellen/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].endswith("/ein-klick/>")
    assert not Notification.objects.digest_pending().exists()

    # Run again: nothing new, nothing sent.
    assert _digest(sent) == 0
    assert sent.mails == []

    # Something new arrives: the next digest lists only that.
    sent(notify, kind=NotificationKind.CHECKIN, title="Noch ein Gespräch", parties=[company])
    assert _digest(sent) == 1
    (message,) = sent.mails
    assert "Noch ein Gespräch" in message.body
    assert "Termin mit Krüger" not in message.body
    assert "1 Neuigkeit " in message.subject


def test_one_email_per_person_and_only_for_digest_people(
    weekly, company, organisation, organisation_member, sent
):
    setting(organisation_member, NotificationKind.CHECKIN, EmailMode.DIGEST)
    other = UserFactory(email="immediate@example.org")
    sent(
        notify,
        kind=NotificationKind.CHECKIN,
        title="A",
        parties=[company, organisation],
        users=[other],
    )
    assert [m.to for m in sent.mails] == [[other.email]]  # the immediate one
    sent(
        notify,
        kind=NotificationKind.CHECKIN,
        title="B",
        parties=[company, organisation],
        users=[other],
    )
    assert [m.to for m in sent.mails] == [[other.email]]
    _digest(sent)
    assert sorted(m.to[0] for m in sent.mails) == sorted([weekly.email, organisation_member.email])


def test_switching_a_kind_off_keeps_it_out_of_the_pending_digest(weekly, company, sent):
    sent(notify, kind=NotificationKind.CHECKIN, title="Gespräch", parties=[company])
    sent(notify, kind=NotificationKind.CONTRIBUTION, title="Beitrag", parties=[company])
    setting_row = weekly.notification_settings.get(kind=NotificationKind.CHECKIN)
    setting_row.email_mode = EmailMode.OFF
    setting_row.save()
    _digest(sent)
    (message,) = sent.mails
    assert "Beitrag" in message.body and "Gespräch" not in message.body
    assert not Notification.objects.digest_pending().exists()


def test_nothing_left_after_everything_was_switched_off(weekly, company, sent):
    sent(notify, kind=NotificationKind.CHECKIN, title="Gespräch", parties=[company])
    weekly.notification_settings.update(email_mode=EmailMode.OFF)
    assert _digest(sent) == 0
    assert sent.mails == []
    assert not Notification.objects.digest_pending().exists()


def test_inactive_people_get_no_digest(weekly, company, sent):
    sent(notify, kind=NotificationKind.CHECKIN, title="Gespräch", parties=[company])
    weekly.is_active = False
    weekly.save()
    assert _digest(sent) == 0
    assert sent.mails == []


def test_a_long_digest_is_cut_and_counts_the_rest(weekly, sent):
    start = timezone.now() - datetime.timedelta(days=6)
    for i in range(DIGEST_MAX_ITEMS + 3):
        NotificationFactory(
            user=weekly,
            kind=NotificationKind.CHECKIN,
            title=f"Eintrag {i:03d}",
            email_mode=EmailMode.DIGEST,
            created_at=start + datetime.timedelta(minutes=i),
        )
    _digest(sent)
    (message,) = sent.mails
    assert "Eintrag 000" in message.body
    assert f"Eintrag {DIGEST_MAX_ITEMS - 1:03d}" in message.body
    assert f"Eintrag {DIGEST_MAX_ITEMS:03d}" not in message.body
    assert "… und 3 weitere Benachrichtigungen." in message.body


def test_send_digest_command(weekly, company, sent):
    sent(notify, kind=NotificationKind.CHECKIN, title="Gespräch", parties=[company])
    out = StringIO()
    sent(call_command, "send_digest", stdout=out)
    assert "1 digest email(s) queued." in out.getvalue()
    assert [m.to for m in sent.mails] == [[weekly.email]]
    out = StringIO()
    sent(call_command, "send_digest", stdout=out)
    assert "0 digest email(s) queued." in out.getvalue()
    assert sent.mails == []


def test_send_digest_command_for_one_user(weekly, organisation_member, company, organisation, sent):
    setting(organisation_member, NotificationKind.CHECKIN, EmailMode.DIGEST)
    sent(notify, kind=NotificationKind.CHECKIN, title="Gespräch", parties=[company, organisation])
    sent(call_command, "send_digest", "--user", str(organisation_member.pk), stdout=StringIO())
    assert [m.to for m in sent.mails] == [[organisation_member.email]]
    assert Notification.objects.digest_pending().get().user == weekly


def test_digest_is_scheduled_weekly():
    from django.conf import settings

    schedules = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "notifications.tasks.digest_weekly" in schedules
