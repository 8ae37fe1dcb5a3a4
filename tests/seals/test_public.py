"""The public side: verification page, JSON, embedded images, rate limit, unknown codes."""

import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from seals import services
from seals.images import seal_face, seal_image
from seals.records import seal_record
from seals.rendering import VARIANTS, render

DAY = datetime.timedelta(days=1)


def verify_url(seal):
    return reverse("seals:verify", args=[seal.code])


def json_url(seal):
    return reverse("seals:verify_json", args=[seal.code])


def image_url(seal, filename="siegel-240.png"):
    return reverse("seals:image", args=[seal.code, filename])


def test_verify_page_shows_a_valid_seal(client, seal, today):
    response = client.get(verify_url(seal))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dieses Siegel ist gültig" in page
    assert "Dachdeckerei Krüger GmbH" in page
    assert "SV Jugendfußball Weißwasser e.V." in page  # the partner
    assert "Neues Dach für das Vereinsheim" in page  # what it is about
    assert "Jugend, Sport" in page or "Sport, Jugend" in page
    assert seal.valid_from.strftime("%d.%m.%Y") in page
    assert seal.valid_until.strftime("%d.%m.%Y") in page
    assert image_url(seal) in page


def test_verify_shows_nothing_private(client, seal, coordinator, company):
    company.email, company.phone = "chef@krueger.example", "0171 5550123"
    company.save()
    services.seal_revoke(seal=seal, reason="Geheime Gründe: Insolvenz", by=coordinator)
    for url in (verify_url(seal), json_url(seal)):
        body = client.get(url).content.decode()
        for private in (
            "Insolvenz",
            "Geheime",
            "chef@krueger",
            "0171 5550123",
            "Dachreparatur",
            "Fußballtag",
            "clara@",
            "Clara",
        ):
            assert private not in body, (url, private)


def test_revocation_shows_at_once_on_page_json_and_image(client, seal, coordinator, today):
    image_before = client.get(image_url(seal))
    assert client.get(json_url(seal)).json()["status"] == "valid"

    services.seal_revoke(seal=seal, reason="Zusage nicht eingehalten", by=coordinator)

    page = client.get(verify_url(seal)).content.decode()
    assert "Dieses Siegel ist widerrufen" in page
    assert f"seit dem {today:%d.%m.%Y}" in page
    data = client.get(json_url(seal)).json()
    assert data["status"] == "revoked" and data["valid"] is False
    assert data["revoked_on"] == today.isoformat()
    image_after = client.get(image_url(seal), HTTP_IF_NONE_MATCH=image_before["ETag"])
    assert image_after.status_code == 200  # the old ETag no longer matches
    assert image_after["X-Seal-State"] == "revoked"
    assert image_after["ETag"] != image_before["ETag"]
    record = seal_record(seal.code)
    assert image_after.content == render(seal_face(record, today), VARIANTS["siegel-240.png"])
    footer = Image.open(io.BytesIO(image_after.content)).getpixel((30, 280))[:3]
    assert footer == (0xA4, 0x26, 0x2C)  # the red "WIDERRUFEN" band


def test_expiry_shows_at_once_without_any_job(client, seal, monkeypatch):
    """The state is computed per request from the dates: the day after the last day the
    page, the JSON and the image say "abgelaufen", even with everything cached."""
    first = client.get(image_url(seal))
    client.get(verify_url(seal))
    last_day = seal.valid_until
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: last_day)
    assert client.get(json_url(seal)).json()["status"] == "valid"  # the last day counts
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: last_day + DAY)

    assert "Dieses Siegel ist abgelaufen" in client.get(verify_url(seal)).content.decode()
    assert client.get(json_url(seal)).json()["status"] == "expired"
    image = client.get(image_url(seal), HTTP_IF_NONE_MATCH=first["ETag"])
    assert image.status_code == 200 and image["X-Seal-State"] == "expired"
    footer = Image.open(io.BytesIO(image.content)).getpixel((30, 280))[:3]
    assert footer == (0x37, 0x47, 0x4F)


def test_not_yet_valid_seal(client, make_seal):
    seal = make_seal(3, 300)
    assert "Dieses Siegel ist noch nicht gültig" in client.get(verify_url(seal)).content.decode()
    assert client.get(json_url(seal)).json()["status"] == "not_yet_valid"


def test_json_variant(client, seal):
    response = client.get(json_url(seal))
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data == {
        "code": seal.code,
        "status": "valid",
        "status_label": "gültig",
        "valid": True,
        "holder": {"name": "Dachdeckerei Krüger GmbH", "role": "sponsor"},
        "partner": {"name": "SV Jugendfußball Weißwasser e.V."},
        "patronship": {
            "title": "Neues Dach für das Vereinsheim",
            "topics": data["patronship"]["topics"],
        },
        "year": seal.valid_from.year,
        "valid_from": seal.valid_from.isoformat(),
        "valid_until": seal.valid_until.isoformat(),
        "revoked_on": None,
        "checked_on": timezone.localdate().isoformat(),
        "verification_url": "http://127.0.0.1:8000" + verify_url(seal),
    }
    assert sorted(data["patronship"]["topics"]) == ["Jugend", "Sport"]


def test_unknown_code_gets_a_clear_404(client, seal):
    unknown = seal.code[:-1] + ("A" if seal.code[-1] != "A" else "B")
    response = client.get(reverse("seals:verify", args=[unknown]))
    assert response.status_code == 404
    assert "Zu diesem Prüfcode gibt es kein Siegel" in response.content.decode()
    response = client.get(reverse("seals:verify_json", args=[unknown]))
    assert response.status_code == 404 and response.json()["status"] == "unknown"
    assert client.get(reverse("seals:image", args=[unknown, "siegel-240.png"])).status_code == 404


@pytest.mark.parametrize("code", ["abc", "x" * 65, "Ab3x%20Ab3x", "<script>alert(1)</script>"])
def test_malformed_code_gets_a_404_without_asking_the_database(
    client, db, code, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(f"/siegel/pruefen/{code}/")
    assert response.status_code == 404
    assert "Zu diesem Prüfcode gibt es kein Siegel" in response.content.decode()
    assert "<script>alert" not in response.content.decode()


def test_codes_cannot_be_enumerated(client, seal, settings):
    """Neighbouring codes are unknown, and guessing runs into the limit (pages, JSON and
    image misses count alike)."""
    settings.SEAL_VERIFY_RATE_LIMIT = 5
    prefix = seal.code[:-2]
    guesses = [
        prefix + suffix for suffix in ("AA", "AB", "AC", "AD", "AE") if prefix + suffix != seal.code
    ]
    statuses = [client.get(reverse("seals:verify", args=[g])).status_code for g in guesses[:2]]
    statuses += [
        client.get(reverse("seals:verify_json", args=[g])).status_code for g in guesses[2:3]
    ]
    statuses += [
        client.get(reverse("seals:image", args=[g, "siegel.svg"])).status_code for g in guesses[3:]
    ]
    assert set(statuses) == {404}
    assert client.get(reverse("seals:verify", args=[prefix + "ZZ"])).status_code == 429


def test_rate_limit_answers_friendly_429(client, seal, settings):
    settings.SEAL_VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(verify_url(seal)).status_code == 200
    response = client.get(verify_url(seal))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 61
    assert "Bitte einen Moment warten" in response.content.decode()
    response = client.get(json_url(seal))
    assert response.status_code == 429 and "Zu viele Prüfungen" in response.json()["error"]
    # Another address is not affected; nor are the embedded images of a known seal.
    assert client.get(verify_url(seal), REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get(image_url(seal)).status_code == 200


def test_rate_limit_behind_a_trusted_proxy_counts_the_forwarded_address(client, seal, settings):
    settings.SEAL_VERIFY_RATE_LIMIT = 1
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get(verify_url(seal), HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 200
    assert client.get(verify_url(seal), HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 200
    assert client.get(verify_url(seal), HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 429
    # A visitor cannot dodge the limit by sending a header of their own in front.
    spoofed = "9.9.9.9, 1.1.1.1"
    assert client.get(verify_url(seal), HTTP_X_FORWARDED_FOR=spoofed).status_code == 429


@pytest.mark.parametrize("filename", sorted(VARIANTS))
def test_images_have_stable_urls_and_caching_headers(client, seal, filename):
    response = client.get(image_url(seal, filename))
    variant = VARIANTS[filename]
    assert response.status_code == 200
    assert response["Content-Type"] == variant.content_type
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"].startswith('"') and len(response["ETag"]) == 34
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["X-Seal-State"] == "valid"
    if variant.is_svg:
        assert "default-src 'none'" in response["Content-Security-Policy"]
    again = client.get(image_url(seal, filename))
    assert again.content == response.content and again["ETag"] == response["ETag"]


def test_a_known_image_is_answered_from_the_cache(client, seal, django_assert_num_queries):
    first = client.get(image_url(seal))
    with django_assert_num_queries(0):
        not_modified = client.get(image_url(seal), HTTP_IF_NONE_MATCH=first["ETag"])
        again = client.get(image_url(seal))
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]
    assert again.status_code == 200 and again.content == first.content


def test_images_are_rendered_once(client, seal, monkeypatch):
    client.get(image_url(seal))
    calls = []
    monkeypatch.setattr("seals.images.render", lambda *a, **k: calls.append(a) or b"")
    for _ in range(3):
        client.get(image_url(seal))
    assert calls == []


def test_unknown_image_name_is_404(client, seal):
    assert client.get(f"/siegel/{seal.code}/siegel-999.png").status_code == 404
    assert client.get(f"/siegel/{seal.code}/siegel.gif").status_code == 404


def test_post_is_not_allowed_on_public_views(client, seal):
    for url in (verify_url(seal), json_url(seal), image_url(seal), reverse("seals:lookup")):
        assert client.post(url).status_code == 405


def test_lookup_accepts_a_code_or_the_whole_address(client, seal):
    lookup = reverse("seals:lookup")
    assert client.get(lookup).status_code == 200
    for entered in (seal.code, f"  https://sozialpaten.example.org/siegel/pruefen/{seal.code}/ "):
        response = client.get(lookup, {"code": entered})
        assert response.status_code == 302 and response["Location"] == verify_url(seal)


def test_lookup_explains_a_bad_code_and_keeps_it(client, db):
    response = client.get(reverse("seals:lookup"), {"code": "abc123"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Das ist kein gültiger Prüfcode" in page
    assert 'value="abc123"' in page


def test_seal_image_bytes_do_not_depend_on_the_language(client, seal, today):
    record = seal_record(seal.code)
    german = seal_image(seal_face(record, today), VARIANTS["siegel.svg"]).content
    english = client.get(image_url(seal, "siegel.svg"), HTTP_ACCEPT_LANGUAGE="en").content
    assert german == english
    assert json.loads(client.get(json_url(seal)).content)["status_label"] == "gültig"


def test_without_a_shared_cache_records_live_only_seconds(settings):
    """Other gunicorn workers cannot be told about a revocation through a process-local
    cache; there the record expires within seconds instead of minutes."""
    from seals import records

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert records._record_timeout() == records.LOCAL_RECORD_TIMEOUT <= 5
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",  # never contacted here
        }
    }
    assert records._record_timeout() == records.RECORD_TIMEOUT


def test_local_image_copies_are_bounded(make_seal, monkeypatch, today):
    from seals import images

    monkeypatch.setattr(images, "LOCAL_IMAGES", 2)
    images._local.clear()
    variant = VARIANTS["siegel-120.png"]
    faces = [seal_face(seal_record(make_seal(-1, 10 + i).code), today) for i in range(3)]
    first = [seal_image(f, variant) for f in faces]
    assert len(images._local) == 2
    # Evicted locally, still in the shared cache: the same bytes, no new rendering.
    monkeypatch.setattr(images, "render", lambda *a, **k: pytest.fail("rendered again"))
    assert seal_image(faces[0], variant).content == first[0].content


def test_other_processes_follow_a_revocation_within_seconds(seal, coordinator, monkeypatch):
    """This process forgets its copy at once; another one (simulated by putting the old
    record back into the local memo) shows the revocation once its copy is MEMO_SECONDS old."""
    from seals import records

    old = seal_record(seal.code)
    services.seal_revoke(seal=seal, reason="Fehler", by=coordinator)
    assert seal_record(seal.code).revoked_at is not None
    now = records.time.monotonic()
    records._remember(seal.code, old, now)  # another worker still holds the old copy
    assert seal_record(seal.code).revoked_at is None
    monkeypatch.setattr(records.time, "monotonic", lambda: now + records.MEMO_SECONDS + 0.01)
    assert seal_record(seal.code).revoked_at is not None
