"""The header link "Benachrichtigungen (3)" the lead includes in the site header."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from .conftest import NotificationFactory

pytestmark = pytest.mark.django_db


def _render(user):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string("notifications/_header_link.html", {"user": user}, request=request)


def test_shows_the_unread_count(company_member, django_assert_num_queries):
    NotificationFactory.create_batch(3, user=company_member)
    NotificationFactory(user=company_member, read_at=timezone.now())
    with django_assert_num_queries(1):
        html = _render(company_member)
    assert 'href="/benachrichtigungen/"' in html
    assert "Benachrichtigungen (3" in html
    assert '<span class="visually-hidden"> ungelesen</span>)' in html


def test_no_count_when_all_read(company_member):
    html = _render(company_member)
    assert "Benachrichtigungen</a>" in html
    assert "(" not in html


def test_nothing_for_anonymous_visitors(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert _render(AnonymousUser()).strip() == ""


def test_counted_once_per_request(company_member, django_assert_num_queries):
    from django.template import Context, Template

    request = RequestFactory().get("/")
    request.user = company_member
    template = Template(
        "{% load notification_tags %}{% unread_notifications as a %}"
        "{% unread_notifications as b %}{{ a }}/{{ b }}"
    )
    NotificationFactory(user=company_member)
    with django_assert_num_queries(1):
        assert template.render(Context({"request": request, "user": company_member})) == "1/1"


def test_on_the_list_page_the_header_reuses_the_count(client, company_member):
    NotificationFactory.create_batch(2, user=company_member)
    client.force_login(company_member)
    response = client.get("/benachrichtigungen/")
    assert response.wsgi_request.notifications_unread_count == 2
