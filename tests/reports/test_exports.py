"""The figures behind the report as CSV and XLSX."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from reports.models import AnnualReport
from tests.factories import TopicFactory

YEAR = 2024


@pytest.fixture
def published(world):
    return AnnualReport.objects.create(year=YEAR, published_at=timezone.now())


def test_year_csv(client, published):
    response = client.get(reverse("reports:csv", args=[YEAR]))
    assert response.status_code == 200
    assert 'filename="kennzahlen-2024.csv"' in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())  # a BOM for spreadsheet programs
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Bereich;Kennzahl;2024;Einheit"
    assert "Patenschaften;begonnen;3;Anzahl" in lines
    assert "Beiträge;Stunden vom Paten an den Partner;18,5;Stunden" in lines
    assert "Beiträge;Sachwert vom Paten an den Partner;350,5;Euro" in lines
    assert "Vermittlung;Anteil der Vorstellungen mit Patenschaft;60,0;%" in lines
    assert "Vermittlung;Median: Tage vom Bedarf zur Patenschaft;20,0;Tage" in lines
    assert "Gemeinden;Weißwasser/O.L.;3;Patenschaften" in lines
    assert "Themen;Jugend;2;Patenschaften" in lines


def test_year_xlsx_keeps_numbers(client, published):
    response = client.get(reverse("reports:xlsx", args=[YEAR]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Kennzahlen 2024", "Jahre im Vergleich"]
    rows = list(workbook["Kennzahlen 2024"].iter_rows(values_only=True))
    assert rows[0] == ("Bereich", "Kennzahl", "2024", "Einheit")
    values = {(area, figure): value for area, figure, value, _unit in rows[1:]}
    assert values[("Patenschaften", "aktiv im Zeitraum")] == 4
    assert values[("Beiträge", "Stunden vom Partner an den Paten")] == 6.5
    years = list(workbook["Jahre im Vergleich"].iter_rows(values_only=True))
    assert years[0][:4] == ("Bereich", "Kennzahl", "2023", "2024")
    started = next(row for row in years if row[1] == "begonnen")
    assert started[2:4] == (1, 3)


def test_labels_that_look_like_formulas_are_made_plain_text(client, published, world):
    evil = TopicFactory(name='=HYPERLINK("http://x")', slug="formel")
    world.p1.topics.add(evil)
    text = client.get(reverse("reports:csv", args=[YEAR])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["Themen", '\'=HYPERLINK("http://x")', "1", "Patenschaften"] in rows
