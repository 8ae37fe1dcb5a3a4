import datetime
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from directory.models import ImportUpload
from exchange.models import Need
from parties.models import Party
from tests.directory.conftest import company, csv_file, need, organisation, run_import
from tests.factories import CompanyFactory, UserFactory

ROWS = [company("U-1"), organisation("O-1"), need("B-1", partei="O-1")]


def _upload(client, data: bytes, *, name="liste.csv", check_only=True):
    payload = {"file": SimpleUploadedFile(name, data)}
    if check_only:
        payload["check_only"] = "on"
    return client.post(reverse("directory:upload"), payload)


def test_upload_page_offers_the_form_and_the_exports(client, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("directory:upload")).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert '<label for="id_file">' in page and '<label for="id_check_only">' in page
    assert 'name="check_only" checked' in page or "checked" in page
    for fmt in ("csv", "xlsx", "json"):
        assert reverse("directory:export", args=[fmt]) in page


def test_check_then_import(client, coordinator):
    client.force_login(coordinator)
    response = _upload(client, csv_file(ROWS))
    stored = ImportUpload.objects.get()
    assert response["Location"] == reverse("directory:report", args=[stored.token])
    assert not Party.objects.exists()

    page = client.get(response["Location"]).content.decode()
    assert "Alle Zeilen sind in Ordnung. Noch ist nichts gespeichert." in page
    assert "Jetzt importieren" in page
    assert '<th scope="row">4</th>' in page and "B-1" in page

    response = client.post(reverse("directory:run", args=[stored.token]))
    assert response["Location"] == reverse("directory:report", args=[stored.token])
    assert Party.objects.count() == 2 and Need.objects.count() == 1
    stored.refresh_from_db()
    assert not stored.content and not stored.can_run  # the file is not kept after the import
    page = client.get(response["Location"]).content.decode()
    assert "Importiert: 3 neu, 0 geändert, 0 unverändert, 0 Fehler." in page
    assert "Jetzt importieren" not in page

    # A second "Jetzt importieren" (back button, double click) does nothing.
    response = client.post(reverse("directory:run", args=[stored.token]), follow=True)
    assert "Diese Datei ist schon importiert" in response.content.decode()
    assert Party.objects.count() == 2


def test_import_without_check(client, coordinator):
    client.force_login(coordinator)
    response = _upload(client, csv_file(ROWS), check_only=False)
    assert response.status_code == 302
    assert Party.objects.count() == 2
    assert not ImportUpload.objects.get().content


def test_invalid_rows_are_shown_and_nothing_is_saved(client, coordinator):
    client.force_login(coordinator)
    rows = [*ROWS, company("U-2", groesse="riesig")]
    response = _upload(client, csv_file(rows), check_only=False)
    assert not Party.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Es wurde nichts gespeichert." in page and "Jetzt importieren" not in page
    assert "groesse: „riesig“ ist nicht erlaubt." in page
    page = client.get(response["Location"], {"errors_only": "on"}).content.decode()
    assert '<th scope="row">5</th>' in page and '<th scope="row">2</th>' not in page


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("liste.pdf", b"%PDF-1.4", "Dieses Dateiformat wird nicht unterstützt."),
        ("liste.xlsx", b"kein zip", "Die XLSX-Datei lässt sich nicht öffnen."),
        ("liste.json", b"[{", "Die Datei ist kein gültiges JSON"),
    ],
)
def test_wrong_or_broken_files_get_a_german_error_and_nothing_is_saved(
    client, coordinator, name, data, message
):
    client.force_login(coordinator)
    response = _upload(client, data, name=name)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'aria-invalid="true"' in page and 'id="id_file_error"' in page
    assert not ImportUpload.objects.exists() and not Party.objects.exists()


def test_upload_without_file_is_asked_for(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("directory:upload"), {"check_only": "on"})
    assert "Bitte wählen Sie eine Datei aus." in response.content.decode()


def test_export_downloads(client, coordinator):
    CompanyFactory(name="Bäckerei Kante")
    client.force_login(coordinator)
    for fmt, content_type in [
        ("csv", "text/csv; charset=utf-8"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("json", "application/json"),
    ]:
        response = client.get(reverse("directory:export", args=[fmt]))
        assert response.status_code == 200
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"].startswith('attachment; filename="verzeichnis-')
    assert "Bäckerei Kante" in response.content.decode()
    assert client.get("/verzeichnis/export/pdf/").status_code == 404


@pytest.fixture
def stored(coordinator):
    report = run_import(coordinator, ROWS, dry_run=True)
    return ImportUpload.objects.create(
        filename="liste.csv",
        content=csv_file(ROWS),
        report=report.as_dict(),
        created_by=coordinator,
    )


def _urls(stored):
    return {
        "upload": reverse("directory:upload"),
        "report": reverse("directory:report", args=[stored.token]),
        "run": reverse("directory:run", args=[stored.token]),
        "export": reverse("directory:export", args=["csv"]),
    }


def test_advisors_may_not_import_or_export(client, advisor, stored):
    client.force_login(advisor)
    for name, url in _urls(stored).items():
        assert client.get(url).status_code == 403, name
        assert client.post(url).status_code == 403, name
    assert not Party.objects.exists()


@pytest.mark.parametrize("persona", ["company_member", "organisation_member", "outsider"])
def test_other_people_get_not_found(client, request, stored, persona):
    client.force_login(request.getfixturevalue(persona))
    for name, url in _urls(stored).items():
        assert client.get(url).status_code == 404, name
        assert client.post(url).status_code == 404, name
    assert not Party.objects.filter(ref="U-1").exists()


def test_anonymous_visitors_are_sent_to_log_in(client, stored):
    for url in _urls(stored).values():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_run_only_answers_post(client, coordinator, stored):
    client.force_login(coordinator)
    assert client.get(reverse("directory:run", args=[stored.token])).status_code == 405
    assert not Party.objects.exists()


def test_another_coordinators_or_an_expired_upload_is_not_found(client, coordinator, stored):
    colleague = UserFactory(is_coordinator=True)
    client.force_login(colleague)
    assert client.get(reverse("directory:report", args=[stored.token])).status_code == 404
    assert client.post(reverse("directory:run", args=[stored.token])).status_code == 404
    client.force_login(coordinator)
    ImportUpload.objects.update(created_at=timezone.now() - datetime.timedelta(hours=2))
    assert client.post(reverse("directory:run", args=[stored.token])).status_code == 404
    assert client.get(reverse("directory:report", args=[uuid.uuid4()])).status_code == 404
    assert not Party.objects.exists()


def test_report_page_query_budget(client, coordinator, django_assert_num_queries):
    rows = [company(f"U-{i}") for i in range(250)]
    stored = ImportUpload.objects.create(
        filename="liste.csv",
        report=run_import(coordinator, rows, dry_run=True).as_dict(),
        created_by=coordinator,
    )
    client.force_login(coordinator)
    url = reverse("directory:report", args=[stored.token])
    # 1 session, 2 user, 3 the upload with its report; however many rows the report has.
    with django_assert_num_queries(4):
        response = client.get(url, {"page": "3"})
    assert "Seite 3 von 3" in response.content.decode()
