"""The footer's language switch: a plain link that sets the language and goes back."""

import pytest
from django.conf import settings
from django.urls import reverse


def test_switching_sets_the_language_and_returns(client, db):
    for code, word in (("en", "Legal notice"), ("de", "Impressum"), ("en", "Legal notice")):
        url = reverse("pages:language", args=[code])
        response = client.get(url, {"next": "/impressum/?a=1"})
        assert response.status_code == 302 and response["Location"] == "/impressum/?a=1"
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == code
        assert f'<html lang="{code}">' in client.get("/impressum/").content.decode()
        assert word in client.get("/impressum/").content.decode()


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "", "javascript:x"]
)
def test_only_local_addresses_are_followed(client, db, target):
    response = client.get(reverse("pages:language", args=["en"]), {"next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_an_unknown_language_is_not_found(client, db):
    response = client.get(reverse("pages:language", args=["fr"]))
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_only_reading_methods_are_allowed(client, db):
    assert client.post(reverse("pages:language", args=["en"])).status_code == 405


def test_the_footer_links_the_other_language_and_marks_the_current_one(client, db):
    html = client.get("/impressum/").content.decode()
    assert '<span lang="de" aria-current="true">Deutsch</span>' in html
    link = reverse("pages:language", args=["en"]) + "?next=/impressum/"
    assert f'href="{link}" lang="en" hreflang="en" rel="nofollow">English</a>' in html
