"""Reading and writing the directory's rows as CSV, XLSX or JSON.

Parsing is left to csv, openpyxl and json; this module only maps their output to rows of
text keyed by canonical column names, enforces the size limits and keeps spreadsheet
formulas out of exported files.
"""

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .columns import COLUMNS, column_key

FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX file is a zip archive: bound what it unpacks to, not only its own size.
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
# A cell starting with one of these is a formula (or DDE payload) to spreadsheet programs.
# The apostrophe is included so that escaping stays reversible.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
YES, NO = "ja", "nein"
_WIDTHS = {"name": 36, "titel": 36, "beschreibung": 60, "kompetenzen": 40, "themen": 30}


class FileRejected(Exception):
    """The file as a whole cannot be read; the message is for the person who uploaded it."""


@dataclass
class SourceRow:
    """One record as read from a file: the line people see, and its cells as text."""

    line: int
    values: dict[str, str]
    problems: list[str] = field(default_factory=list)


def _de_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def format_from_filename(filename: str) -> str:
    fmt = PurePath(filename or "").suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise FileRejected(
            _(
                "Dieses Dateiformat wird nicht unterstützt. Bitte laden Sie eine CSV-, "
                "XLSX- (Excel) oder JSON-Datei hoch."
            )
        )
    return fmt


def upload_read(file) -> bytes:
    """The file's bytes, refusing anything over MAX_BYTES without reading all of it."""
    too_big = FileRejected(
        _("Die Datei ist größer als %(mb)d MB. Bitte teilen Sie sie auf.")
        % {"mb": MAX_BYTES // (1024 * 1024)}
    )
    if (getattr(file, "size", None) or 0) > MAX_BYTES:
        raise too_big
    data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_big
    if not data.strip():
        raise FileRejected(_("Die Datei ist leer."))
    return data


def rows_read(data: bytes, fmt: str) -> list[SourceRow]:
    """The data rows of a file; raises FileRejected when the file cannot be read as a whole."""
    if fmt == "json":
        return _json_read(data)
    table = _csv_table(data) if fmt == "csv" else _xlsx_table(data)
    return _rows_from_table(table)


def _too_many_rows() -> FileRejected:
    return FileRejected(
        _("Die Datei hat mehr als %(n)s Zeilen. Bitte teilen Sie sie auf.")
        % {"n": _de_number(MAX_ROWS)}
    )


def newlines_normalize(text: str) -> str:
    """One kind of line break: XLSX cannot keep "\r\n" (XML reads it as "\n")."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text(value) -> str:
    """A cell or JSON value as text, the way it would be typed into a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return newlines_normalize(str(value)).strip()


def formula_escape(value: str) -> str:
    """Make text that a spreadsheet would run as a formula plain text (OWASP CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def formula_unescape(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_START:
        return value[1:]
    return value


# Reading -------------------------------------------------------------------------------


def _csv_table(data: bytes):
    """Yield (line, cells) for each record; cells are text, formula escapes undone."""
    if b"\x00" in data:
        raise FileRejected(_("Die Datei ist keine Textdatei. Bitte speichern Sie sie als CSV."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FileRejected(_("Die CSV-Datei ist weder in UTF-8 noch in Windows-1252 kodiert."))
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for line, cells in enumerate(reader, start=1):
            yield line, [formula_unescape(_text(c)) for c in cells], []
    except csv.Error as exc:
        raise FileRejected(
            _("Die CSV-Datei lässt sich ab Zeile %(line)d nicht lesen (%(error)s).")
            % {"line": line + 1, "error": exc}
        ) from exc


def _xlsx_table(data: bytes):
    broken = FileRejected(
        _(
            "Die XLSX-Datei lässt sich nicht öffnen. Ist sie beschädigt oder keine echte "
            "Excel-Datei? Speichern Sie sie bitte erneut als .xlsx."
        )
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise broken from exc
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise FileRejected(_("Die XLSX-Datei ist entpackt zu groß. Bitte teilen Sie sie auf."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise broken from exc
    try:
        sheet = workbook.worksheets[0]
        # Some programs write a wrong size into the file; openpyxl would cut rows and
        # columns off at it without a word.
        sheet.reset_dimensions()
        for line, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
            texts, problems = [], []
            for cell in cells:
                if cell.data_type == "f":
                    problems.append(
                        _("Die Zelle %(cell)s enthält eine Formel. Bitte Werte statt Formeln.")
                        % {"cell": cell.coordinate}
                    )
                    texts.append("")
                else:
                    texts.append(formula_unescape(_text(cell.value)))
            yield line, texts, problems
    except FileRejected:
        raise
    except Exception as exc:  # a broken sheet only shows while reading it
        raise broken from exc
    finally:
        workbook.close()


def _rows_from_table(table) -> list[SourceRow]:
    header: list[str] | None = None
    rows: list[SourceRow] = []
    for line, cells, problems in table:
        if not any(cells):
            continue
        if header is None:
            header = _header(cells)
            continue
        values = {key: (cells[i] if i < len(cells) else "") for i, key in enumerate(header) if key}
        if any(cells[len(header) :]):
            problems = [*problems, _("Die Zeile hat mehr Zellen als die Kopfzeile.")]
        rows.append(SourceRow(line=line, values=values, problems=problems))
        if len(rows) > MAX_ROWS:
            raise _too_many_rows()
    if header is None:
        raise FileRejected(_("Die Datei enthält keine Kopfzeile."))
    return rows


def _header(cells: list[str]) -> list[str]:
    keys = [column_key(c) if c else "" for c in cells]
    unknown = [c for c, k in zip(cells, keys, strict=True) if k and k not in COLUMNS]
    if unknown:
        raise FileRejected(
            _("Unbekannte Spalte(n): %(unknown)s. Erlaubt sind: %(allowed)s.")
            % {"unknown": ", ".join(f"„{c}“" for c in unknown), "allowed": ", ".join(COLUMNS)}
        )
    seen = [k for k in keys if k]
    doubled = sorted({k for k in seen if seen.count(k) > 1})
    if doubled:
        raise FileRejected(
            _("Diese Spalten kommen mehrfach vor: %(columns)s.") % {"columns": ", ".join(doubled)}
        )
    if "typ" not in keys:
        raise FileRejected(
            _("Die Spalte „typ“ fehlt (unternehmen, organisation, bedarf oder angebot).")
        )
    return keys


def _json_read(data: bytes) -> list[SourceRow]:
    try:
        items = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FileRejected(_("Die JSON-Datei ist nicht in UTF-8 kodiert.")) from exc
    except json.JSONDecodeError as exc:
        raise FileRejected(
            _("Die Datei ist kein gültiges JSON (Zeile %(line)d, Spalte %(col)d: %(msg)s).")
            % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}
        ) from exc
    if not isinstance(items, list):
        raise FileRejected(_("Die JSON-Datei muss eine Liste von Einträgen sein: [ {…}, {…} ]."))
    if len(items) > MAX_ROWS:
        raise _too_many_rows()
    return [_json_row(index, item) for index, item in enumerate(items, start=1)]


def _json_row(index: int, item) -> SourceRow:
    row = SourceRow(line=index, values={})
    if not isinstance(item, dict):
        row.problems.append(_("Der Eintrag ist kein Objekt mit Feldern."))
        return row
    for raw_key, value in item.items():
        key = column_key(raw_key)
        if key not in COLUMNS:
            row.problems.append(_("Unbekanntes Feld „%(key)s“.") % {"key": raw_key})
        elif isinstance(value, dict) or (
            isinstance(value, list) and any(isinstance(v, dict | list) for v in value)
        ):
            row.problems.append(_("Das Feld „%(key)s“ ist verschachtelt.") % {"key": raw_key})
        elif isinstance(value, list):
            row.values[key] = "; ".join(_text(v) for v in value)
        else:
            row.values[key] = _text(value)
    return row


# Writing -------------------------------------------------------------------------------


def rows_write(records: list[dict], fmt: str) -> bytes:
    """Write records (canonical keys → str, int or bool) in one of FORMATS."""
    if fmt == "json":
        records = [
            {k: newlines_normalize(v) if isinstance(v, str) else v for k, v in r.items()}
            for r in records
        ]
        return json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    if fmt == "csv":
        return _csv_write(records)
    if fmt == "xlsx":
        return _xlsx_write(records)
    raise ValueError(f"unknown format {fmt!r}")


def _cell(record: dict, column: str, *, xlsx: bool):
    value = record.get(column, "")
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int):
        return value if xlsx else str(value)
    if xlsx and value == "":
        return None  # no cell at all: smaller, and quicker to read back
    return formula_escape(ILLEGAL_CHARACTERS_RE.sub("", newlines_normalize(str(value))))


def _csv_write(records: list[dict]) -> bytes:
    out = io.StringIO()
    # Semicolons and a BOM: what German spreadsheet programs open correctly by double-click.
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([_cell(record, c, xlsx=False) for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def _xlsx_write(records: list[dict]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Verzeichnis")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(column, 16)
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for record in records:
        sheet.append([_cell(record, c, xlsx=True) for c in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
