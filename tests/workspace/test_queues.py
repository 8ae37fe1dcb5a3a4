"""The full lists behind two dashboard queues: new needs and check-ins due."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from patronships.models import PatronshipStatus
from tests.factories import NeedFactory, PatronshipFactory
from tests.workspace.conftest import CheckInFactory, backdate, days_ago

NEW_NEEDS = reverse("workspace:new_needs")
CHECKINS = reverse("workspace:checkins")


@pytest.mark.parametrize("url", [NEW_NEEDS, CHECKINS])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [NEW_NEEDS, CHECKINS])
@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("advisor", 403), ("company_member", 404), ("outsider", 404)],
)
def test_the_queues_are_the_coordinators(client, request, url, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url).status_code == status


def test_new_needs_are_listed_oldest_first_within_a_query_budget(
    client, coordinator, django_assert_num_queries
):
    for n in range(30):
        backdate(NeedFactory(title=f"Neu {n:02}"), created_at=days_ago(6) + datetime.timedelta(n))
    backdate(NeedFactory(title="Zu alt"), created_at=days_ago(9))
    client.force_login(coordinator)
    # session, user, the paginator's count, the page with party and municipality joined,
    # the header's count of unread notifications.
    with django_assert_num_queries(5):
        response = client.get(NEW_NEEDS)
    page = response.content.decode()
    assert "30 Bedarfe" in page
    assert page.index("Neu 00") < page.index("Neu 01")
    assert "Neu 24" in page and "Neu 25" not in page and "Zu alt" not in page
    assert "?page=2" in page
    need = response.context["page"].object_list[0]
    assert reverse("matching:need", args=[need.pk]) in page
    assert reverse("exchange:need_detail", args=[need.pk]) in page


def test_checkins_due_are_listed_most_urgent_first(
    client, coordinator, settings, django_assert_num_queries
):
    settings.CHECKIN_NOTICE_DAYS = 14
    today = timezone.localdate()
    for n in range(30):
        CheckInFactory(
            patronship__title=f"Gespräch {n:02}", due_on=today + datetime.timedelta(n - 10)
        )
    CheckInFactory(patronship__title="Noch lange hin", due_on=today + datetime.timedelta(15))
    ended = PatronshipFactory(title="Beendet", status=PatronshipStatus.ENDED_EARLY)
    CheckInFactory(patronship=ended, due_on=today)
    client.force_login(coordinator)
    # session, user, the paginator's count, the page with the patronship and partners,
    # the header's count of unread notifications.
    with django_assert_num_queries(5):
        response = client.get(CHECKINS)
    page = response.content.decode()
    assert "25 Zwischengespräche sind fällig oder überfällig." in page
    assert page.index("Gespräch 00") < page.index("Gespräch 24")
    assert "Noch lange hin" not in page and "Beendet" not in page
    assert "überfällig seit 10 Tagen" in page
    assert page.count("überfällig seit") == 10
