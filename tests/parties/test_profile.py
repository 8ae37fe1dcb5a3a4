import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from parties.models import ContactPerson, Party
from tests.factories import MunicipalityFactory, TopicFactory


def _png(size=(200, 100), color=(20, 90, 70)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def _jpeg_with_gps() -> bytes:
    img = Image.new("RGB", (300, 200), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Kamera GmbH"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    img.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def _data(party, **overrides):
    data = {
        "name": party.name,
        "description": "Wir decken Dächer seit 1990.",
        "municipality": party.municipality_id,
        "website": "https://krueger.example",
        "email": "info@krueger.example",
        "phone": "03576 1234",
        "sector": "Handwerk",
        "size": "10-49",
        "topics": [],
        "radius_km": "40",
        "max_patronships": "2",
        "accepts_suggestions": "on",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "10",
        "contacts-0-name": "Carl Krüger",
        "contacts-0-role": "Inhaber",
        "contacts-0-email": "carl@krueger.example",
        "contacts-0-phone": "",
        "contacts-0-is_primary": "on",
    }
    data.update(overrides)
    return data


def test_company_edits_its_profile_with_contacts_and_logo(client, company, company_member):
    topic = TopicFactory(name="Sport")
    client.force_login(company_member)
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = client.post(
        reverse("parties:profile_edit", args=[company.pk]),
        _data(company, topics=[topic.pk], logo_upload=logo, is_paused="on"),
    )
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.description == "Wir decken Dächer seit 1990."
    assert company.is_paused and company.radius_km == 40
    assert list(company.topics.all()) == [topic]
    assert ContactPerson.objects.get(party=company).name == "Carl Krüger"
    assert company.logo.name.endswith(".png") and company.logo_thumbnail


def test_profile_form_shows_only_the_fields_of_the_kind(client, organisation, organisation_member):
    client.force_login(organisation_member)
    page = client.get(reverse("parties:profile_edit", args=[organisation.pk])).content.decode()
    assert 'name="legal_form"' in page
    assert 'name="sector"' not in page


def test_uploaded_photo_is_reencoded_without_metadata(client, company, company_member):
    client.force_login(company_member)
    photo = SimpleUploadedFile("foto.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    client.post(
        reverse("parties:profile_edit", args=[company.pk]), _data(company, logo_upload=photo)
    )
    company.refresh_from_db()
    with Image.open(company.logo.path) as stored:
        assert not stored.getexif()
        assert stored.format == "JPEG"


@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("logo.png", b"<?php echo 'kein Bild'; ?>", "Die Datei ist kein lesbares Bild."),
        ("logo.png", b"", "Die Datei ist leer."),
        ("logo.bmp", b"BM" + b"\0" * 60, "kein lesbares Bild"),
    ],
)
def test_bad_uploads_are_refused_and_the_rest_is_kept(
    client, company, company_member, filename, content, message
):
    client.force_login(company_member)
    upload = SimpleUploadedFile(filename, content, content_type="image/png")
    response = client.post(
        reverse("parties:profile_edit", args=[company.pk]),
        _data(company, description="Neuer Text, der bleiben soll", logo_upload=upload),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "Neuer Text, der bleiben soll" in page
    company.refresh_from_db()
    assert company.description == ""
    assert not ContactPerson.objects.exists()


def test_decompression_bomb_is_refused(client, company, company_member, monkeypatch):
    monkeypatch.setattr("parties.images.MAX_PIXELS", 100 * 100)
    client.force_login(company_member)
    upload = SimpleUploadedFile("gross.png", _png(size=(200, 200)), content_type="image/png")
    response = client.post(
        reverse("parties:profile_edit", args=[company.pk]), _data(company, logo_upload=upload)
    )
    assert "zu viele Bildpunkte" in response.content.decode()


def test_oversized_file_is_refused(client, company, company_member, monkeypatch):
    monkeypatch.setattr("parties.images.MAX_UPLOAD_BYTES", 100)
    client.force_login(company_member)
    upload = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = client.post(
        reverse("parties:profile_edit", args=[company.pk]), _data(company, logo_upload=upload)
    )
    assert "Die Datei ist zu groß" in response.content.decode()


def test_bad_values_are_explained(client, company, company_member):
    client.force_login(company_member)
    response = client.post(
        reverse("parties:profile_edit", args=[company.pk]),
        _data(company, name="", radius_km="900", **{"contacts-0-email": "kaputt"}),
    )
    page = response.content.decode()
    assert "Bitte geben Sie einen Namen an." in page
    assert "kleiner oder gleich 300" in page
    assert "Bitte gültige E-Mail-Adresse eingeben." in page
    assert Party.objects.get(pk=company.pk).name == company.name


def test_profile_edit_permissions(client, company, organisation_member, advisor, coordinator):
    url = reverse("parties:profile_edit", args=[company.pk])
    client.force_login(organisation_member)
    assert client.get(url).status_code == 404
    client.force_login(advisor)
    assert client.post(url, _data(company)).status_code == 403
    client.force_login(coordinator)
    assert client.get(url).status_code == 200


def test_municipality_is_optional_but_must_exist(client, company, company_member):
    client.force_login(company_member)
    response = client.post(
        reverse("parties:profile_edit", args=[company.pk]), _data(company, municipality="999999")
    )
    assert response.status_code == 200
    assert MunicipalityFactory._meta.model.objects.count() == 1
