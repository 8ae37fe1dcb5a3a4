"""The figures behind a report as CSV and XLSX, for partners, funders and spreadsheets.

A year's export is a long table (area, figure, value, unit) with every figure of
`reports.impact`, including each topic, municipality and sector; the overview export has one
column per year. CSV uses semicolons, decimal commas and a BOM, which German spreadsheet
programs open correctly by double-click; XLSX keeps numbers as numbers.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from directory.formats import formula_escape

from .impact import Impact

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class FigureRow:
    area: str
    figure: str
    value: int | Decimal | float | None
    unit: str = ""
    key: bool = True  # a key figure (not one topic's, place's or sector's count)


def _rate(impact: Impact) -> float | None:
    rate = impact.introduction_rate
    return None if rate is None else round(rate * 100, 1)


def _median(impact: Impact) -> float | None:
    days = impact.median_days_need_to_patronship
    return None if days is None else round(days, 1)


def figure_rows(impact: Impact) -> list[FigureRow]:
    """Every figure of `impact` as a row, in the order the report shows them."""
    p, partners, given, brokered = (
        _("Patenschaften"),
        _("Partner"),
        _("Beiträge"),
        _("Vermittlung"),
    )
    number, hours, euro, percent, days = _("Anzahl"), _("Stunden"), _("Euro"), "%", _("Tage")
    rows = [
        FigureRow(p, _("begonnen"), impact.started, number),
        FigureRow(p, _("aktiv im Zeitraum"), impact.active, number),
        FigureRow(p, _("laufend am Ende des Zeitraums"), impact.running_at_end, number),
        FigureRow(p, _("abgeschlossen"), impact.completed, number),
        FigureRow(p, _("verlängert"), impact.renewed, number),
        FigureRow(p, _("vorzeitig beendet"), impact.ended_early, number),
        FigureRow(partners, _("beteiligte Partner"), impact.partners, number),
        FigureRow(partners, _("davon Unternehmen"), impact.companies, number),
        FigureRow(partners, _("davon Organisationen"), impact.organisations, number),
        FigureRow(partners, _("erreichte Gemeinden"), impact.municipalities_reached, number),
        FigureRow(given, _("Stunden vom Paten an den Partner"), impact.hours_to_recipient, hours),
        FigureRow(given, _("Stunden vom Partner an den Paten"), impact.hours_to_sponsor, hours),
        FigureRow(given, _("Sachwert vom Paten an den Partner"), impact.value_to_recipient, euro),
        FigureRow(given, _("Sachwert vom Partner an den Paten"), impact.value_to_sponsor, euro),
        FigureRow(given, _("bestätigte Beiträge"), impact.contributions, number),
        FigureRow(brokered, _("neue Bedarfe"), impact.needs_created, number),
        FigureRow(brokered, _("Vorstellungen"), impact.introductions, number),
        FigureRow(
            brokered,
            _("davon zu Patenschaften geworden"),
            impact.introductions_to_patronships,
            number,
        ),
        FigureRow(brokered, _("Anteil der Vorstellungen mit Patenschaft"), _rate(impact), percent),
        FigureRow(brokered, _("Median: Tage vom Bedarf zur Patenschaft"), _median(impact), days),
    ]
    for area, shares, unit in (
        (_("Themen"), impact.topics, _("Patenschaften")),
        (_("Gemeinden"), impact.municipalities, _("Patenschaften")),
        (_("Branchen"), impact.sectors, _("Unternehmen")),
    ):
        rows += [FigureRow(area, share.label, share.count, unit, key=False) for share in shares]
    return rows


def _text(value: str) -> str:
    return formula_escape(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def _csv_number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, Decimal):
        return number_format(value, decimal_pos=1, use_l10n=True)
    decimals = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=decimals, use_l10n=True)


def _csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_text(v) if isinstance(v, str) else _csv_number(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _xlsx_value(value):
    if isinstance(value, str):
        return _text(value) or None
    if isinstance(value, Decimal):
        return float(value)
    return value


def _sheet(workbook: Workbook, title: str, rows: list[list], widths: list[int]) -> None:
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    header, *body = rows
    cells = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
        cell.font = Font(bold=True)
        cells.append(cell)
    sheet.append(cells)
    for row in body:
        sheet.append([_xlsx_value(v) for v in row])


def _year_table(impact: Impact) -> list[list]:
    header = [_("Bereich"), _("Kennzahl"), impact.period.label, _("Einheit")]
    return [header] + [[r.area, r.figure, r.value, r.unit] for r in figure_rows(impact)]


def _series_table(series: list[Impact]) -> list[list]:
    """Key figures (not the per-topic rows) with one column per period."""
    header = [_("Bereich"), _("Kennzahl"), *(i.period.label for i in series), _("Einheit")]
    columns = [[r for r in figure_rows(i) if r.key] for i in series]
    rows = []
    for index, first in enumerate(columns[0] if columns else []):
        rows.append([first.area, first.figure, *(c[index].value for c in columns), first.unit])
    return [header, *rows]


def year_csv(impact: Impact) -> bytes:
    return _csv(_year_table(impact))


def year_xlsx(impact: Impact, series: list[Impact]) -> bytes:
    workbook = Workbook(write_only=True)
    _sheet(
        workbook,
        _("Kennzahlen %(period)s") % {"period": impact.period.label},
        _year_table(impact),
        [16, 44, 14, 14],
    )
    _sheet(
        workbook,
        _("Jahre im Vergleich"),
        _series_table(series),
        [16, 44, *([10] * len(series)), 14],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def series_csv(series: list[Impact]) -> bytes:
    return _csv(_series_table(series))


def series_xlsx(series: list[Impact]) -> bytes:
    workbook = Workbook(write_only=True)
    _sheet(
        workbook,
        _("Jahre im Vergleich"),
        _series_table(series),
        [16, 44, *([10] * len(series)), 14],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
