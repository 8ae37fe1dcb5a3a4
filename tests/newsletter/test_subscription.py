"""Double opt-in, bad input, flood protection and one-click unsubscribe."""

import datetime
import re
import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from communication.models import OutgoingEmail
from newsletter import services
from newsletter.models import Segment, Subscriber, SubscriberStatus
from newsletter.tokens import CONFIRM_SALT, confirm_token_make, unsubscribe_urls
from tests.newsletter.conftest import subscriber

pytestmark = pytest.mark.django_db
SUBSCRIBE = "/newsletter/"


def form(**values):
    data = {"email": "neu@example.org", "name": "Nora Neu", "segment": "public", "consent": "on"}
    data.update(values)
    return {k: v for k, v in data.items() if v is not None}


def confirm_link(email: OutgoingEmail) -> str:
    return re.search(r"http://[^\s]+/newsletter/bestaetigen/[^\s/]+/", email.body).group(0)


def test_subscribe_page_is_public_and_offers_segments_and_topics(client, sport):
    page = client.get(SUBSCRIBE).content.decode()
    assert "Newsletter abonnieren" in page
    assert 'value="foerderkreis"' in page and "Förderkreis" in page
    assert "Sport" in page
    assert str(services.CONSENT_TEXT) in page


def test_double_opt_in(client, sport):
    response = client.post(SUBSCRIBE, form(segment="companies", topics=[sport.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:subscribe_sent")
    row = Subscriber.objects.get(email="neu@example.org")
    assert row.status == SubscriberStatus.PENDING
    assert row.segment == Segment.COMPANIES and list(row.topics.all()) == [sport]
    assert row.consent_text == str(services.CONSENT_TEXT)
    assert row.requested_at is not None and row.confirmed_at is None
    # Nothing goes out to an unconfirmed address but the confirmation itself.
    email = OutgoingEmail.objects.get()
    assert email.to == "neu@example.org"
    assert "Bitte bestätigen Sie Ihre Anmeldung" in email.subject
    assert str(services.CONSENT_TEXT) in email.body and 'href="http' in email.html
    link = confirm_link(email)

    page = client.get(link).content.decode()  # a link scanner opening the email
    assert "Ja, Newsletter erhalten" in page
    row.refresh_from_db()
    assert row.status == SubscriberStatus.PENDING

    page = client.post(link).content.decode()
    assert "Sie sind angemeldet" in page
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.confirmed_at is not None
    # Confirming again is harmless.
    assert client.post(link).status_code == 200


def test_bad_input_is_explained_in_german_and_kept(client):
    response = client.post(SUBSCRIBE, form(email="kein-at-zeichen", consent=None))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in page
    assert "Bitte stimmen Sie zu, damit wir Ihnen den Newsletter schicken dürfen." in page
    assert 'value="kein-at-zeichen"' in page and 'value="Nora Neu"' in page
    assert not Subscriber.objects.exists() and not OutgoingEmail.objects.exists()
    response = client.post(SUBSCRIBE, form(email="", segment="geheim"))
    page = response.content.decode()
    assert "Bitte geben Sie Ihre E-Mail-Adresse an." in page
    assert "Bitte wählen Sie eine der angebotenen Möglichkeiten." in page


def test_a_bot_filling_the_hidden_field_gets_nowhere(client):
    response = client.post(SUBSCRIBE, form(website="http://spam.example"))
    assert response.status_code == 302  # it looks like success to the bot
    assert not Subscriber.objects.exists() and not OutgoingEmail.objects.exists()


def test_the_form_cannot_flood_an_inbox(client, settings, monkeypatch):
    settings.NEWSLETTER_SUBSCRIBE_RATE_LIMIT = 3
    # All within one counting window, even if the test runs across the full hour.
    monkeypatch.setattr("newsletter.ratelimit._now", lambda: 1_800_000_000.0)
    for _ in range(3):
        assert client.post(SUBSCRIBE, form()).status_code == 302
    # Three requests, one email: the address gets at most one per ten minutes.
    assert OutgoingEmail.objects.count() == 1
    response = client.post(SUBSCRIBE, form(email="andere@example.org"))
    assert response.status_code == 429
    assert "Bitte versuchen Sie es in einer Stunde noch einmal." in response.content.decode()
    assert 'value="andere@example.org"' in response.content.decode()
    assert not Subscriber.objects.filter(email="andere@example.org").exists()


def test_a_new_request_later_sends_a_new_link_and_the_old_one_stops(client):
    client.post(SUBSCRIBE, form())
    old_link = confirm_link(OutgoingEmail.objects.get())
    Subscriber.objects.update(confirm_sent_at=timezone.now() - datetime.timedelta(minutes=11))
    client.post(SUBSCRIBE, form(email="NEU@example.org"))
    assert Subscriber.objects.count() == 1  # addresses are compared in lower case
    new_link = confirm_link(OutgoingEmail.objects.order_by("-pk").first())
    assert new_link != old_link
    response = client.post(old_link)
    assert response.status_code == 400
    assert "nicht mehr gültig" in response.content.decode()
    assert client.post(new_link).status_code == 200
    assert Subscriber.objects.get().is_confirmed


def test_an_address_already_subscribed_is_told_so_and_nothing_changes(client, readers):
    client.post(SUBSCRIBE, form(email="bernd@betrieb.example", segment="public"))
    email = OutgoingEmail.objects.get()
    assert "bereits" in email.subject and "/newsletter/abmelden/" in email.body
    row = Subscriber.objects.get(email="bernd@betrieb.example")
    assert row.segment == Segment.COMPANIES and row.is_confirmed


def test_expired_or_tampered_confirmation_links(client, readers):
    pending = Subscriber.objects.get(email="dora@example.org")
    token = confirm_token_make(pending)
    assert client.get(f"/newsletter/bestaetigen/{token}x/").status_code == 400
    eight_days_ago = time.time() - 8 * 24 * 3600
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "time", lambda: eight_days_ago)
        expired = signing.dumps({"s": pending.pk, "k": pending.confirm_key}, salt=CONFIRM_SALT)
    response = client.post(f"/newsletter/bestaetigen/{expired}/")
    assert response.status_code == 400
    assert "älter als sieben Tage" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == SubscriberStatus.PENDING


def test_unsubscribe_page_shows_first_and_acts_on_post(client, readers):
    anna = readers[0]
    page_url, _one_click = unsubscribe_urls(anna.pk)
    path = page_url.removeprefix("http://127.0.0.1:8000")
    page = client.get(path).content.decode()
    assert "anna@example.org" in page and "Newsletter abbestellen" in page
    anna.refresh_from_db()
    assert anna.is_confirmed
    page = client.post(path).content.decode()
    assert "Erledigt: anna@example.org erhält den Newsletter nicht mehr." in page
    anna.refresh_from_db()
    assert anna.status == SubscriberStatus.UNSUBSCRIBED and anna.unsubscribed_at


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token(readers):
    client = Client(enforce_csrf_checks=True)
    bernd = readers[1]
    _page, one_click = unsubscribe_urls(bernd.pk)
    path = one_click.removeprefix("http://127.0.0.1:8000")
    assert client.get(path).status_code == 405
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert response.content.decode() == "bernd@betrieb.example erhält den Newsletter nicht mehr."
    bernd.refresh_from_db()
    assert bernd.status == SubscriberStatus.UNSUBSCRIBED
    assert client.post("/newsletter/abmelden/kaputt/ein-klick/").status_code == 400


def test_a_bad_unsubscribe_link_is_explained(client):
    response = client.get("/newsletter/abmelden/kaputt/")
    assert response.status_code == 400
    assert "Der Abmeldelink ist unvollständig" in response.content.decode()


def test_leaving_and_coming_back_needs_a_new_confirmation(client, db):
    row = subscriber("fritz@example.org", status=SubscriberStatus.UNSUBSCRIBED)
    client.post(SUBSCRIBE, form(email="fritz@example.org"))
    row.refresh_from_db()
    assert row.status == SubscriberStatus.PENDING
    assert OutgoingEmail.objects.get().to == "fritz@example.org"
