"""notify(): who is told, what they get in the portal and by email, and when."""

import pytest
from django.core import mail
from django.test import override_settings

from communication.models import OutgoingEmail
from notifications.models import EmailMode, Notification, NotificationKind
from notifications.services import notify, unread_count
from tests.factories import MembershipFactory, UserFactory

from .conftest import NotificationFactory, setting

pytestmark = pytest.mark.django_db


def _recipients(notifications):
    return sorted(n.user.email for n in notifications)


def test_members_of_each_party_are_told(company, company_member, organisation, organisation_member):
    second = MembershipFactory(party=company, user=UserFactory(email="kim@krueger.example")).user
    created = notify(
        kind=NotificationKind.PATRONSHIP, title="Es geht los", parties=[company, organisation]
    )
    assert _recipients(created) == sorted(
        [company_member.email, second.email, organisation_member.email]
    )
    assert Notification.objects.count() == 3


def test_parties_may_be_given_by_id(company, company_member):
    created = notify(kind=NotificationKind.PATRONSHIP, title="x", parties=[company.pk])
    assert _recipients(created) == [company_member.email]


def test_coordinators_only_when_asked_and_only_active_ones(coordinator, company, company_member):
    UserFactory(email="ehemals@sozialpaten.example", is_coordinator=True, is_active=False)
    without = notify(kind=NotificationKind.QUEUE, title="a", parties=[company])
    assert _recipients(without) == [company_member.email]
    with_coord = notify(
        kind=NotificationKind.QUEUE, title="b", parties=[company], coordinators=True
    )
    assert _recipients(with_coord) == sorted([coordinator.email, company_member.email])


def test_someone_in_several_roles_is_told_once(coordinator, company, organisation):
    # The coordinator is also a member of both parties and is named explicitly.
    MembershipFactory(user=coordinator, party=company)
    MembershipFactory(user=coordinator, party=organisation)
    created = notify(
        kind=NotificationKind.PATRONSHIP,
        title="x",
        parties=[company, organisation],
        users=[coordinator, coordinator.pk],
        coordinators=True,
    )
    assert _recipients(created) == [coordinator.email]


def test_the_person_who_caused_it_is_left_out(coordinator, company, company_member):
    created = notify(
        kind=NotificationKind.CONTRIBUTION,
        title="Neuer Eintrag",
        parties=[company],
        coordinators=True,
        exclude_user=company_member,
    )
    assert _recipients(created) == [coordinator.email]
    # An id works as well, and so does an anonymous "user" (nobody is excluded then).
    from django.contrib.auth.models import AnonymousUser

    assert (
        _recipients(
            notify(kind="checkin", title="x", parties=[company], exclude_user=company_member.pk)
        )
        == []
    )
    assert _recipients(
        notify(kind="checkin", title="x", parties=[company], exclude_user=AnonymousUser())
    ) == [company_member.email]


def test_nobody_to_tell_creates_nothing_and_sends_nothing(sent):
    assert sent(notify, kind=NotificationKind.SEAL, title="x") == []
    assert sent.mails == []


def test_an_unknown_kind_is_a_programming_error(company_member):
    with pytest.raises(ValueError):
        notify(kind="gossip", title="x", users=[company_member])


@override_settings(SITE_URL="https://sozialpaten.example")
def test_immediate_email_with_link_actions_and_unsubscribe_headers(company, company_member, sent):
    created = sent(
        notify,
        kind=NotificationKind.INTRODUCTION,
        title="Vorstellung: SV Jugendfußball",
        body="Die Koordination möchte Sie vorstellen.",
        url="/patenschaften/vorstellungen/7/",
        parties=[company],
        actions=[
            ("Annehmen", "/patenschaften/antwort/abc/"),
            ("Ablehnen", "https://sozialpaten.example/patenschaften/antwort/def/"),
        ],
    )
    (message,) = sent.mails
    assert message.to == [company_member.email]
    assert message.subject == "Vorstellung: SV Jugendfußball"
    assert "Die Koordination möchte Sie vorstellen." in message.body
    assert "https://sozialpaten.example/patenschaften/vorstellungen/7/" in message.body
    assert "Annehmen:\nhttps://sozialpaten.example/patenschaften/antwort/abc/" in message.body
    assert "Ablehnen:\nhttps://sozialpaten.example/patenschaften/antwort/def/" in message.body
    assert "https://sozialpaten.example/benachrichtigungen/abbestellen/" in message.body
    assert "https://sozialpaten.example/benachrichtigungen/einstellungen/" in message.body
    assert "&amp;" not in message.body and "&quot;" not in message.body  # plain text
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = message.extra_headers["List-Unsubscribe"]
    assert one_click.startswith("<https://sozialpaten.example/benachrichtigungen/abbestellen/")
    assert one_click.endswith("/ein-klick/>")
    assert created[0].emailed_at is not None and created[0].email_mode == EmailMode.IMMEDIATE


def test_emails_wait_for_the_commit(company, company_member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(kind=NotificationKind.PATRONSHIP, title="x", parties=[company])
    assert mail.outbox == []
    assert OutgoingEmail.objects.get().status == "queued"
    assert len(callbacks) == 1


def test_settings_decide_immediate_digest_or_nothing(company, sent):
    now = MembershipFactory(party=company, user=UserFactory(email="now@example.org")).user
    weekly = MembershipFactory(party=company, user=UserFactory(email="weekly@example.org")).user
    never = MembershipFactory(party=company, user=UserFactory(email="never@example.org")).user
    setting(weekly, NotificationKind.CHECKIN, EmailMode.DIGEST)
    setting(never, NotificationKind.CHECKIN, EmailMode.OFF)
    # A setting for another kind changes nothing for this one.
    setting(now, NotificationKind.SEAL, EmailMode.OFF)

    created = sent(
        notify, kind=NotificationKind.CHECKIN, title="Zwischengespräch", parties=[company]
    )

    assert [m.to for m in sent.mails] == [[now.email]]
    by_user = {n.user.email: n for n in created}
    assert by_user[now.email].email_mode == EmailMode.IMMEDIATE
    assert by_user[weekly.email].email_mode == EmailMode.DIGEST
    assert by_user[weekly.email].emailed_at is None
    assert by_user[never.email].email_mode == EmailMode.OFF
    # Everyone sees it in the portal regardless of email.
    assert all(unread_count(user) == 1 for user in (now, weekly, never))


def test_a_link_that_leaves_the_site_is_not_stored(company_member):
    (created,) = notify(
        kind=NotificationKind.SEAL, title="x", url="https://evil.example/", users=[company_member]
    )
    assert created.url == ""


def test_unread_count_counts_only_own_unread(company_member, organisation_member):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    NotificationFactory.create_batch(3, user=company_member)
    NotificationFactory(user=company_member, read_at=timezone.now())
    NotificationFactory(user=organisation_member)
    assert unread_count(company_member) == 3
    assert unread_count(AnonymousUser()) == 0


def test_a_rolled_back_caller_leaves_no_notification_and_no_email(
    company, company_member, django_capture_on_commit_callbacks
):
    from django.db import transaction

    class Boom(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Boom),
        transaction.atomic(),
    ):
        notify(kind=NotificationKind.PATRONSHIP, title="x", parties=[company])
        raise Boom
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_inactive_accounts_are_not_told(company, company_member):
    company_member.is_active = False
    company_member.save()
    assert notify(kind=NotificationKind.PATRONSHIP, title="x", parties=[company]) == []


def test_admin_lists_notifications_and_settings(admin_client, company_member):
    from django.urls import reverse

    NotificationFactory(user=company_member, title="Im Admin sichtbar")
    setting(company_member, NotificationKind.SEAL, EmailMode.OFF)
    response = admin_client.get(reverse("admin:notifications_notification_changelist"))
    assert "Im Admin sichtbar" in response.content.decode()
    response = admin_client.get(reverse("admin:notifications_notificationsetting_changelist"))
    assert "Carl Krüger" in response.content.decode()
