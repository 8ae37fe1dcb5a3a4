"""Signed, login-free unsubscribe: the confirmation page and RFC 8058 one-click."""

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from notifications.models import EmailMode, NotificationKind
from notifications.services import email_settings_for, notify
from notifications.tokens import (
    SALT,
    BadToken,
    unsubscribe_token_make,
    unsubscribe_token_read,
)

from .conftest import setting

pytestmark = pytest.mark.django_db


def _page(token):
    return reverse("notifications:unsubscribe", args=[token])


def _one_click(token):
    return reverse("notifications:unsubscribe_one_click", args=[token])


def _modes(user):
    return email_settings_for(user)


def test_token_round_trip_and_tampering():
    token = unsubscribe_token_make(user_id=7, scope="checkin")
    assert unsubscribe_token_read(token) == (7, "checkin")
    with pytest.raises(BadToken):
        unsubscribe_token_read(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    with pytest.raises(BadToken):
        unsubscribe_token_read("kaputt")
    # Signed with another salt (e.g. an introduction answer link): refused.
    with pytest.raises(BadToken):
        unsubscribe_token_read(signing.dumps({"u": 7, "s": "checkin"}, salt="other"))
    # Correctly signed but meaningless payloads: refused.
    with pytest.raises(BadToken):
        unsubscribe_token_read(signing.dumps({"u": 7, "s": "everything"}, salt=SALT))
    with pytest.raises(BadToken):
        unsubscribe_token_read(signing.dumps(["u", 7], salt=SALT))
    with pytest.raises(ValueError):
        unsubscribe_token_make(user_id=7, scope="nonsense")


def test_get_only_shows_the_choice_and_changes_nothing(client, company_member):
    token = unsubscribe_token_make(user_id=company_member.pk, scope="checkin")
    response = client.get(_page(token))
    assert response.status_code == 200
    html = response.content.decode()
    assert company_member.email in html
    assert "E-Mails zu „Zwischengespräch fällig“" in html
    assert "alle Benachrichtigungen per E-Mail" in html
    assert _modes(company_member)["checkin"] == EmailMode.IMMEDIATE


def test_confirming_turns_off_that_kind_only(client, company_member):
    token = unsubscribe_token_make(user_id=company_member.pk, scope="checkin")
    response = client.post(_page(token), {"scope": "checkin"})
    assert response.status_code == 200
    assert "erhält E-Mails zu „Zwischengespräch fällig“ nicht mehr" in response.content.decode()
    modes = _modes(company_member)
    assert modes["checkin"] == EmailMode.OFF
    assert modes["introduction"] == EmailMode.IMMEDIATE


def test_confirming_all_turns_everything_off(client, company_member, sent, company):
    token = unsubscribe_token_make(user_id=company_member.pk, scope="checkin")
    client.post(_page(token), {"scope": "all"})
    assert set(_modes(company_member).values()) == {EmailMode.OFF}
    # And indeed: no more email, but still in the portal.
    created = sent(notify, kind=NotificationKind.INTRODUCTION, title="x", parties=[company])
    assert sent.mails == [] and len(created) == 1


def test_digest_scope_turns_off_the_digest_kinds(client, company_member):
    setting(company_member, NotificationKind.CHECKIN, EmailMode.DIGEST)
    setting(company_member, NotificationKind.RENEWAL, EmailMode.DIGEST)
    token = unsubscribe_token_make(user_id=company_member.pk, scope="digest")
    assert "die wöchentliche Zusammenfassung" in client.get(_page(token)).content.decode()
    client.post(_page(token), {"scope": "digest"})
    modes = _modes(company_member)
    assert modes["checkin"] == modes["renewal"] == EmailMode.OFF
    assert modes["introduction"] == EmailMode.IMMEDIATE


def test_a_scope_not_offered_is_refused_with_a_clear_message(client, company_member):
    token = unsubscribe_token_make(user_id=company_member.pk, scope="checkin")
    response = client.post(_page(token), {"scope": "seal"})  # not what the link was for
    assert response.status_code == 200
    assert "Bitte wählen Sie eine der angebotenen Möglichkeiten." in response.content.decode()
    assert set(_modes(company_member).values()) == {EmailMode.IMMEDIATE}
    response = client.post(_page(token), {})
    assert "Bitte wählen Sie aus, welche E-Mails Sie abbestellen möchten." in (
        response.content.decode()
    )


@pytest.mark.parametrize("token", ["kaputt", "eyJ1IjoxfQ:abc:def"])
def test_a_bad_token_gives_a_clear_page(client, token):
    for response in (client.get(_page(token)), client.post(_page(token), {"scope": "all"})):
        assert response.status_code == 400
        assert "Dieser Abmeldelink ist ungültig" in response.content.decode()
        assert "wurde verändert" in response.content.decode()


def test_a_tampered_token_changes_nothing(client, company_member, organisation_member):
    token = unsubscribe_token_make(user_id=company_member.pk, scope="all")
    payload, rest = token.split(":", 1)
    forged = unsubscribe_token_make(user_id=organisation_member.pk, scope="all").split(":")[0]
    response = client.post(_page(f"{forged}:{rest}"), {"scope": "all"})
    assert response.status_code == 400
    assert set(_modes(organisation_member).values()) == {EmailMode.IMMEDIATE}


def test_a_token_for_a_deleted_account_is_not_found(client, outsider):
    token = unsubscribe_token_make(user_id=outsider.pk, scope="all")
    outsider.delete()
    response = client.get(_page(token))
    assert response.status_code == 404
    assert "kein Konto mehr" in response.content.decode()
    assert client.post(_one_click(token)).status_code == 404


def test_the_page_form_needs_no_login_but_a_csrf_token(company_member):
    strict = Client(enforce_csrf_checks=True)
    token = unsubscribe_token_make(user_id=company_member.pk, scope="checkin")
    assert strict.post(_page(token), {"scope": "checkin"}).status_code == 403
    page = strict.get(_page(token))
    csrf = page.cookies["csrftoken"].value
    response = strict.post(_page(token), {"scope": "checkin", "csrfmiddlewaretoken": csrf})
    assert response.status_code == 200
    assert _modes(company_member)["checkin"] == EmailMode.OFF


def test_one_click_post_from_a_mail_client(company_member, company, sent):
    # Take the header from a real email, then POST as a mail client would: no session,
    # no CSRF token, the RFC 8058 body.
    sent(notify, kind=NotificationKind.RENEWAL, title="Verlängern?", parties=[company])
    (message,) = sent.mails
    header = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = header.removeprefix("http://127.0.0.1:8000")
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "nicht mehr" in response.content.decode()
    modes = _modes(company_member)
    assert modes["renewal"] == EmailMode.OFF
    assert modes["introduction"] == EmailMode.IMMEDIATE


def test_one_click_from_the_digest_turns_off_the_digest(client, company_member):
    setting(company_member, NotificationKind.CHECKIN, EmailMode.DIGEST)
    token = unsubscribe_token_make(user_id=company_member.pk, scope="digest")
    assert client.post(_one_click(token)).status_code == 200
    assert _modes(company_member)["checkin"] == EmailMode.OFF


def test_one_click_is_post_only_so_link_scanners_cannot_unsubscribe(client, company_member):
    token = unsubscribe_token_make(user_id=company_member.pk, scope="all")
    assert client.get(_one_click(token)).status_code == 405
    assert set(_modes(company_member).values()) == {EmailMode.IMMEDIATE}


def test_one_click_with_a_bad_token(client):
    response = client.post(_one_click("kaputt"))
    assert response.status_code == 400
    assert "ungültig" in response.content.decode()


def test_unsubscribing_twice_is_harmless(client, company_member):
    token = unsubscribe_token_make(user_id=company_member.pk, scope="checkin")
    client.post(_one_click(token))
    assert client.post(_one_click(token)).status_code == 200
    assert client.post(_page(token), {"scope": "checkin"}).status_code == 200
    assert _modes(company_member)["checkin"] == EmailMode.OFF
