"""Journey: the coordinator checks a list in the browser, fixes a row, imports it, exports."""

import re

import pytest
from playwright.sync_api import expect

from parties.models import Party
from tests.browser.test_registration_journey import _login
from tests.conftest import PASSWORD
from tests.directory.conftest import company, csv_file, need, organisation
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.browser


def test_coordinator_checks_fixes_and_imports_a_list(visitor, coordinator, tmp_path):
    MunicipalityFactory()
    rows = [company("U-1", gemeinde="Weißwasser/O.L."), organisation("O-1"), need("B-1")]
    broken = tmp_path / "liste.csv"
    broken.write_bytes(csv_file([*rows, company("U-2", groesse="riesig")]))
    fixed = tmp_path / "liste-korrigiert.csv"
    fixed.write_bytes(csv_file(rows))
    clara = visitor("directory")
    page = clara.page
    _login(page, coordinator.email, PASSWORD)
    page.goto("/verzeichnis/")
    clara.check("upload")

    page.get_by_label("Datei").set_input_files(str(broken))
    page.get_by_role("button", name="Hochladen").click()
    page.wait_for_url(re.compile(r"/verzeichnis/import/"))
    expect(page.get_by_text("groesse: „riesig“ ist nicht erlaubt.", exact=False)).to_be_visible()
    clara.check("report-with-errors")

    page.get_by_role("link", name="Eine andere Datei hochladen").click()
    page.get_by_label("Datei").set_input_files(str(fixed))
    page.get_by_role("button", name="Hochladen").click()
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.get_by_text("Importiert: 3 neu")).to_be_visible()
    clara.screenshot("report-imported")
    assert Party.objects.count() == 2

    page.goto("/verzeichnis/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel-Datei (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
