"""The in-portal list, opening and marking notifications, and the settings page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import EmailMode, Notification, NotificationKind, NotificationSetting

from .conftest import NotificationFactory, setting

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
SETTINGS = reverse("notifications:settings")
READ_ALL = reverse("notifications:read_all")


# The list ------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(client):
    for url in (LIST, SETTINGS, READ_ALL, reverse("notifications:open", args=[1])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_list_shows_own_notifications_newest_first_unread_marked(
    client, company_member, organisation_member
):
    old = NotificationFactory(
        user=company_member,
        title="Ältere Nachricht",
        created_at=timezone.now() - timezone.timedelta(days=2),
        read_at=timezone.now(),
    )
    new = NotificationFactory(user=company_member, title="Neue Nachricht")
    NotificationFactory(user=organisation_member, title="Fremde Nachricht")
    client.force_login(company_member)
    response = client.get(LIST)
    assert response.status_code == 200
    page = list(response.context["page"])
    assert page == [new, old]
    html = response.content.decode()
    assert "Fremde Nachricht" not in html
    assert html.index("Neue Nachricht") < html.index("Ältere Nachricht")
    assert html.count('class="notification notification-unread"') == 1
    assert "Sie haben eine ungelesene Benachrichtigung." in html
    assert reverse("notifications:open", args=[new.pk]) in html


def test_empty_list_explains_itself(client, outsider):
    client.force_login(outsider)
    response = client.get(LIST)
    assert "Noch keine Benachrichtigungen." in response.content.decode()


def test_list_is_paginated(client, company_member):
    NotificationFactory.create_batch(25, user=company_member)
    client.force_login(company_member)
    first = client.get(LIST)
    assert len(first.context["page"]) == 20
    second = client.get(LIST, {"page": 2})
    assert len(second.context["page"]) == 5
    # A page number out of range or not a number shows a valid page, not an error.
    assert client.get(LIST, {"page": "99"}).status_code == 200
    assert client.get(LIST, {"page": "abc"}).status_code == 200


def _queries_for_list(client, user, count, django_assert_num_queries, expected):
    NotificationFactory.create_batch(count, user=user)
    client.force_login(user)
    # session, user, paginator count, the page of notifications, the unread count
    # (the header link reuses that figure).
    with django_assert_num_queries(expected):
        response = client.get(LIST)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_list_query_budget_does_not_grow(client, company_member, django_assert_num_queries, count):
    _queries_for_list(client, company_member, count, django_assert_num_queries, 5)


# Opening a notification ------------------------------------------------------------------


def test_opening_marks_read_and_follows_the_link(client, company_member):
    notification = NotificationFactory(user=company_member, url="/patenschaften/?status=active")
    client.force_login(company_member)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/patenschaften/?status=active"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.parametrize(
    "url", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
def test_opening_never_leaves_the_site(client, company_member, url):
    notification = NotificationFactory(user=company_member, url=url)  # stored by hand
    client.force_login(company_member)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == LIST
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_is_not_found(client, company_member, organisation_member):
    foreign = NotificationFactory(user=organisation_member)
    client.force_login(company_member)
    assert client.get(reverse("notifications:open", args=[foreign.pk])).status_code == 404
    assert client.post(reverse("notifications:read", args=[foreign.pk])).status_code == 404
    foreign.refresh_from_db()
    assert foreign.read_at is None


# Marking read -----------------------------------------------------------------------------


def test_mark_one_read(client, company_member):
    notification = NotificationFactory(user=company_member)
    other = NotificationFactory(user=company_member)
    client.force_login(company_member)
    response = client.post(reverse("notifications:read", args=[notification.pk]), {"page": "2"})
    assert response.status_code == 302
    assert response["Location"] == LIST + "?page=2"
    notification.refresh_from_db()
    other.refresh_from_db()
    assert notification.read_at is not None and other.read_at is None


def test_mark_one_read_ignores_a_bad_page(client, company_member):
    notification = NotificationFactory(user=company_member)
    client.force_login(company_member)
    response = client.post(reverse("notifications:read", args=[notification.pk]), {"page": "x"})
    assert response["Location"] == LIST


def test_marking_read_twice_keeps_the_first_time(client, company_member):
    first = timezone.now() - timezone.timedelta(days=1)
    notification = NotificationFactory(user=company_member, read_at=first)
    client.force_login(company_member)
    client.post(reverse("notifications:read", args=[notification.pk]))
    notification.refresh_from_db()
    assert notification.read_at == first


def test_mark_all_read_touches_only_own(client, company_member, organisation_member):
    NotificationFactory.create_batch(3, user=company_member)
    foreign = NotificationFactory(user=organisation_member)
    client.force_login(company_member)
    response = client.post(READ_ALL, follow=True)
    assert "Alle Benachrichtigungen sind als gelesen markiert." in response.content.decode()
    assert not Notification.objects.filter(user=company_member, read_at__isnull=True).exists()
    foreign.refresh_from_db()
    assert foreign.read_at is None


def test_marking_needs_post(client, company_member):
    notification = NotificationFactory(user=company_member)
    client.force_login(company_member)
    assert client.get(reverse("notifications:read", args=[notification.pk])).status_code == 405
    assert client.get(READ_ALL).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_needs_a_csrf_token(company_member):
    from django.test import Client

    notification = NotificationFactory(user=company_member)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(company_member)
    assert strict.post(reverse("notifications:read", args=[notification.pk])).status_code == 403


# Settings ---------------------------------------------------------------------------------


def _all_modes(user_is_coordinator=False, **overrides):
    kinds = [k for k in NotificationKind.values if user_is_coordinator or k != "queue"]
    return {kind: overrides.get(kind, EmailMode.IMMEDIATE) for kind in kinds}


def test_settings_show_defaults_immediate(client, company_member):
    client.force_login(company_member)
    response = client.get(SETTINGS)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.fields) == set(_all_modes())  # the coordination queue is not offered
    assert all(form[kind].value() == EmailMode.IMMEDIATE for kind in form.fields)
    assert "Benachrichtigungen einstellen" in response.content.decode()


def test_coordinators_also_set_their_queue(client, coordinator):
    client.force_login(coordinator)
    form = client.get(SETTINGS).context["form"]
    assert "queue" in form.fields
    assert form["queue"].value() == EmailMode.IMMEDIATE


def test_settings_are_saved(client, company_member):
    client.force_login(company_member)
    data = _all_modes(checkin=EmailMode.DIGEST, seal=EmailMode.OFF)
    response = client.post(SETTINGS, data, follow=True)
    assert "Ihre Einstellungen sind gespeichert." in response.content.decode()
    saved = dict(
        NotificationSetting.objects.filter(user=company_member).values_list("kind", "email_mode")
    )
    assert saved["checkin"] == EmailMode.DIGEST and saved["seal"] == EmailMode.OFF
    assert saved["introduction"] == EmailMode.IMMEDIATE
    form = response.context["form"]
    assert form["checkin"].value() == EmailMode.DIGEST


def test_bad_settings_input_saves_nothing_and_keeps_the_input(client, company_member):
    setting(company_member, NotificationKind.RENEWAL, EmailMode.OFF)
    client.force_login(company_member)
    data = _all_modes(checkin=EmailMode.DIGEST, seal="fax")
    del data["introduction"]
    response = client.post(SETTINGS, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie Ihre Auswahl" in html
    assert "Bitte wählen Sie für „Siegel“ eine der angebotenen Möglichkeiten." in html
    assert "Bitte wählen Sie für „Neue Vorstellung“ eine der angebotenen Möglichkeiten." in html
    assert response.context["form"]["checkin"].value() == EmailMode.DIGEST  # input kept
    saved = dict(
        NotificationSetting.objects.filter(user=company_member).values_list("kind", "email_mode")
    )
    assert saved == {"renewal": EmailMode.OFF}  # nothing saved half-way


def test_a_non_coordinator_cannot_set_the_queue(client, company_member):
    client.force_login(company_member)
    client.post(SETTINGS, {**_all_modes(), "queue": EmailMode.OFF})
    assert not NotificationSetting.objects.filter(user=company_member, kind="queue").exists()


def test_an_empty_settings_post_is_refused_not_ignored(client, company_member):
    client.force_login(company_member)
    response = client.post(SETTINGS, {})
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Auswahl" in response.content.decode()
    assert not NotificationSetting.objects.exists()
