import io
import json
import re
import zipfile

import pytest
from openpyxl import load_workbook

from directory import formats
from directory.formats import formula_escape, formula_unescape, rows_read
from directory.services import directory_export, directory_import
from parties.models import Party
from tests.directory.conftest import company, csv_file, run_import, xlsx_file
from tests.factories import CompanyFactory


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("liste.txt", b"typ\nunternehmen", "Dieses Dateiformat wird nicht unterstützt."),
        ("liste.xls", b"\xd0\xcf\x11\xe0", "Dieses Dateiformat wird nicht unterstützt."),
        ("liste.xlsx", b"PK\x03\x04 kaputt", "Die XLSX-Datei lässt sich nicht öffnen."),
        ("liste.xlsx", b"typ;name\nunternehmen;X", "Die XLSX-Datei lässt sich nicht öffnen."),
        ("liste.csv", b"PK\x03\x04\x00\x00binary", "Die Datei ist keine Textdatei."),
        ("liste.csv", b"   \n", "Die Datei ist leer."),
        ("liste.json", b'{"typ": "unternehmen"', "Die Datei ist kein gültiges JSON (Zeile 1"),
        ("liste.json", b'{"typ": "unternehmen"}', "Die JSON-Datei muss eine Liste"),
        ("liste.csv", b"name;ort\nX;Y", "Unbekannte Spalte(n): „ort“."),
        ("liste.csv", b"name\nX", "Die Spalte „typ“ fehlt"),
        ("liste.csv", b"typ;name;Name\nunternehmen;X;Y", "Spalten kommen mehrfach vor: name"),
    ],
)
def test_unreadable_files_get_a_clear_german_message(coordinator, filename, data, message):
    report = directory_import(
        file=io.BytesIO(data), filename=filename, by=coordinator, dry_run=False
    )
    assert not report.ok and not report.rows
    assert message in report.errors[0], report.errors


def test_files_over_five_megabytes_are_refused(coordinator):
    data = b"typ;name\n" + b"unternehmen;" + b"x" * (5 * 1024 * 1024)
    report = run_import(coordinator, data)
    assert report.errors == ["Die Datei ist größer als 5 MB. Bitte teilen Sie sie auf."]


def test_files_over_twenty_thousand_rows_are_refused(coordinator):
    data = b"typ;name\n" + b"unternehmen;X\n" * 20_001
    assert run_import(coordinator, data).errors == [
        "Die Datei hat mehr als 20.000 Zeilen. Bitte teilen Sie sie auf."
    ]
    items = json.dumps([{"typ": "unternehmen"}] * 20_001).encode()
    assert "mehr als 20.000 Zeilen" in run_import(coordinator, items, fmt="json").errors[0]


def test_xlsx_that_unpacks_too_big_is_refused(coordinator, monkeypatch):
    monkeypatch.setattr(formats, "MAX_XLSX_UNPACKED_BYTES", 1000)
    report = run_import(coordinator, [company()] * 20, fmt="xlsx")
    assert report.errors == ["Die XLSX-Datei ist entpackt zu groß. Bitte teilen Sie sie auf."]


def test_csv_in_windows_encoding_with_commas_is_read():
    data = 'typ,name,beschreibung\r\nunternehmen,Bäckerei Kante,"Brot, Brötchen"\r\n'
    [row] = rows_read(data.encode("cp1252"), "csv")
    assert row.values == {
        "typ": "unternehmen",
        "name": "Bäckerei Kante",
        "beschreibung": "Brot, Brötchen",
    }


def test_headers_are_matched_loosely_and_blank_lines_skipped():
    data = "Typ;Kennung;Name;Größe;E-Mail;Umkreis (km)\n\n;;;;\nunternehmen;U-1;X;1-9;a@b.de;10\n"
    [row] = rows_read(data.encode(), "csv")
    assert row.line == 4
    assert set(row.values) == {"typ", "ref", "name", "groesse", "email", "umkreis_km"}


def test_formula_cells_in_xlsx_are_refused(coordinator):
    data = xlsx_file([company(name="=1+2")])
    report = run_import(coordinator, data, fmt="xlsx")
    assert "Die Zelle C2 enthält eine Formel" in report.rows[0].errors[0]


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://böse.example")', "+49 3576 1234", "-5", "@SUM(A1)", "'=x", "'ok", "ok"],
)
def test_formula_escaping_is_reversible(text):
    escaped = formula_escape(text)
    assert not escaped.startswith(("=", "+", "-", "@"))
    assert formula_unescape(escaped) == text


def test_exports_keep_formulas_out_of_spreadsheets(coordinator, db):
    CompanyFactory(name='=HYPERLINK("http://böse.example","Klick")', phone="+49 3576 1234")
    csv_text = directory_export(fmt="csv").decode("utf-8-sig")
    assert ";\"'=HYPERLINK(" in csv_text and ";'+49 3576 1234;" in csv_text
    sheet = load_workbook(io.BytesIO(directory_export(fmt="xlsx"))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert '\'=HYPERLINK("http://böse.example","Klick")' in [c.value for c in cells]
    # JSON is not opened by spreadsheets: the text stays as it is.
    assert json.loads(directory_export(fmt="json"))[0]["name"].startswith("=HYPERLINK")
    # Re-importing the escaped export gives back the original text.
    Party.objects.update(ref="U-1")
    for fmt in ("csv", "xlsx"):
        report = run_import(coordinator, directory_export(fmt=fmt), fmt=fmt)
        assert report.rows[0].action == "unchanged", report.rows


def test_exported_xlsx_is_a_plain_workbook(db):
    CompanyFactory()
    with zipfile.ZipFile(io.BytesIO(directory_export(fmt="xlsx"))) as archive:
        assert "xl/worksheets/sheet1.xml" in archive.namelist()
    assert csv_file([company()]).startswith(b"typ;ref;name")


def test_xlsx_with_a_wrong_size_record_is_read_completely():
    source = io.BytesIO(xlsx_file([company("U-1"), company("U-2")]))
    target = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            content = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1"', content)
            new.writestr(item, content)
    rows = rows_read(target.getvalue(), "xlsx")
    assert [(r.line, r.values["name"]) for r in rows] == [(2, "Betrieb U-1"), (3, "Betrieb U-2")]
