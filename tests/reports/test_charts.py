"""Charts are accessible SVG without scripts, and say what they show in words."""

import datetime
import re
from decimal import Decimal

from reports.charts import chart_by_year, chart_shares
from reports.impact import ImpactData, Period, Share, impact_for


def test_a_share_chart_is_a_labelled_image_with_its_data():
    chart = chart_shares(
        slug="chart-topics",
        title="Themen 2024",
        shares=(Share("Jugend", 2), Share("Senioren & Familie", 1)),
        category="Thema",
        unit="Patenschaften",
    )
    svg = str(chart.svg)
    assert svg.startswith('<svg role="img" aria-labelledby="chart-topics-title chart-topics-desc"')
    assert '<title id="chart-topics-title">Themen 2024</title>' in svg
    assert "Am meisten: Jugend (2), Senioren &amp; Familie (1)." in svg
    assert "<script" not in svg and "http://" not in re.sub(r'xmlns[^ ]*"', "", svg)
    assert chart.rows == (("Jugend", "2"), ("Senioren & Familie", "1"))
    assert chart.columns == ("Thema", "Patenschaften")
    assert not chart.stacked


def test_an_empty_chart_says_so():
    chart = chart_shares(slug="c", title="Leer", shares=(), category="Thema", unit="Anzahl")
    assert not chart.has_data
    assert chart.description == "Für diesen Zeitraum gibt es keine Angaben."


def test_a_chart_by_year_uses_german_numbers():
    today = datetime.date(2025, 6, 1)
    series = [impact_for(ImpactData(today=today), Period.for_year(2024, today=today))]
    series = [
        s.__class__(**{**s.__dict__, "hours_to_recipient": Decimal("1234.5")}) for s in series
    ]
    chart = chart_by_year(
        slug="chart-hours",
        title="Stunden",
        series=series,
        lines=[("vom Paten", "hours_to_recipient"), ("vom Partner", "hours_to_sponsor")],
        counts=False,
    )
    assert chart.rows == (("2024", "1.234,5", "0"),)
    assert chart.stacked
    assert "Im Jahr 2024: vom Paten 1.234,5, vom Partner 0." in chart.description
