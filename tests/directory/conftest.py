"""Helpers for the directory tests: reference data and files built from row dicts."""

import csv
import io
import json

import pytest
from openpyxl import Workbook

from directory.services import directory_import
from places.services import municipalities_load_reference
from taxonomy.services import taxonomy_load_reference


@pytest.fixture
def reference(db):
    """The real competencies, topics and municipalities (about half a second)."""
    taxonomy_load_reference()
    municipalities_load_reference()


def csv_file(rows: list[dict], *, delimiter: str = ";") -> bytes:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_file(rows: list[dict]) -> bytes:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c, "") for c in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def json_file(rows: list[dict]) -> bytes:
    return json.dumps(rows, ensure_ascii=False).encode("utf-8")


FILE_MAKERS = {"csv": csv_file, "xlsx": xlsx_file, "json": json_file}


def run_import(user, rows_or_bytes, *, fmt: str = "csv", dry_run: bool = False):
    data = rows_or_bytes
    if not isinstance(data, bytes):
        data = FILE_MAKERS[fmt](rows_or_bytes)
    return directory_import(
        file=io.BytesIO(data), filename=f"verzeichnis.{fmt}", by=user, dry_run=dry_run
    )


def company(ref="U-1", **values) -> dict:
    return {"typ": "unternehmen", "ref": ref, "name": f"Betrieb {ref}", **values}


def organisation(ref="O-1", **values) -> dict:
    return {"typ": "organisation", "ref": ref, "name": f"Verein {ref}", **values}


def need(ref="B-1", partei="O-1", **values) -> dict:
    return {
        "typ": "bedarf",
        "ref": ref,
        "partei": partei,
        "titel": f"Bedarf {ref}",
        "art": "know_how",
        "beschreibung": "Wir brauchen Hilfe.",
        "aus_der_ferne": "ja",
        **values,
    }


def offer(ref="A-1", partei="U-1", **values) -> dict:
    return {
        "typ": "angebot",
        "ref": ref,
        "partei": partei,
        "titel": f"Angebot {ref}",
        "art": "service",
        **values,
    }
