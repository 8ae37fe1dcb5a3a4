"""Charts of the impact figures, rendered on the server as SVG with pygal.

Each chart is accessible on its own: the SVG is an image (`role="img"`) labelled by its
`<title>` and `<desc>` (a sentence that says what the chart shows), and every chart comes
with the table of its data, which the page and the PDF print beside it. No script: pygal's
tooltips need JavaScript from elsewhere, so they are switched off; values are printed on
the bars instead.
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal

import pygal
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

from .impact import Impact, Share

# The portal's green and a dark amber, then muted tones: each at least 3:1 against white.
COLOURS = ("#1d5c4d", "#9a5b00", "#4d5a60", "#2f6fa3", "#7a3b6e")
STYLE = Style(
    font_family="DejaVu Sans, Noto Sans, Arial, sans-serif",
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1c2326",
    foreground_strong="#1c2326",
    foreground_subtle="#8a979d",
    colors=COLOURS,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=12,
    title_font_size=16,
    opacity="1",
    opacity_hover="1",
    guide_stroke_color="#dfe5e7",
    guide_stroke_dasharray="0",
    major_guide_stroke_color="#cfd8dc",
    major_guide_stroke_dasharray="0",
    value_colors=("#1c2326",),
)
MAX_CATEGORIES = 15


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    description: str
    svg: SafeString
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def has_data(self) -> bool:
        return bool(self.rows)

    @property
    def stacked(self) -> bool:
        """A table with more than two columns goes below its chart instead of beside it."""
        return len(self.columns) > 2


def _number(value, decimals: int = 0) -> str:
    if isinstance(value, Decimal | float) and decimals == 0 and value != int(value):
        decimals = 1
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _accessible(svg: str, *, slug: str, title: str, description: str) -> SafeString:
    """Label pygal's SVG: role="img" with a <title> and <desc> as its first children."""
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)  # pygal's generator comments
    # pygal writes its tooltip configuration as a script even without its JavaScript, and a
    # <desc> per value and an overlay group for those tooltips: no use without the script,
    # and they triple the time WeasyPrint needs for a chart.
    svg = re.sub(r"<script\b.*?</script>", "", svg, flags=re.S)
    svg = re.sub(r'<desc class="[^"]*">.*?</desc>', "", svg, flags=re.S)
    svg = re.sub(r'<g [^>]*class="plot tooltip-overlay">.*?</g></g>', "", svg, flags=re.S)
    # pygal names each chart with a random id (its CSS is scoped by it): a stable one instead.
    generated = re.search(r'\sid="(chart-[0-9a-f-]+)"', svg)
    if generated:
        svg = svg.replace(generated.group(1), f"{slug}-svg")
    labelled = (
        f'<svg role="img" aria-labelledby="{slug}-title {slug}-desc" focusable="false"'
        f' width="100%" preserveAspectRatio="xMidYMid meet"'
    )
    svg = svg.replace("<svg", labelled, 1)
    # Legend entries have fixed ids ("activate-serie-0"): keep them unique on the page.
    svg = svg.replace('id="activate-serie-', f'id="{slug}-serie-')
    head_end = svg.index(">") + 1
    svg = (
        svg[:head_end]
        + f'<title id="{slug}-title">{escape(title)}</title>'
        + f'<desc id="{slug}-desc">{escape(description)}</desc>'
        + svg[head_end:]
    )
    return mark_safe(svg)  # noqa: S308 - pygal's markup; our texts are escaped above


def _config(**options) -> dict:
    return {
        "style": STYLE,
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": False,
        "print_values": True,
        "print_values_position": "top",
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 4,
        "truncate_label": -1,
        "truncate_legend": -1,
        "no_data_text": _("Keine Daten"),
        "margin": 12,
        **options,
    }


def _count_axis(top: float) -> dict:
    """Whole numbers on the axis of a chart of counts (pygal would show 0.2, 0.4, …)."""
    top = max(1, int(math.ceil(top)))
    step = max(1, math.ceil(top / 6))
    return {"range": (0, top), "y_labels": list(range(0, top + step, step))}


def _render(chart) -> str:
    return chart.render(is_unicode=True)


def _top(shares: tuple[Share, ...]) -> list[Share]:
    """At most MAX_CATEGORIES bars; the rest summed up as "weitere"."""
    if len(shares) <= MAX_CATEGORIES:
        return list(shares)
    head = list(shares[: MAX_CATEGORIES - 1])
    rest = sum(share.count for share in shares[MAX_CATEGORIES - 1 :])
    return [*head, Share(_("weitere"), rest)]


def chart_shares(
    *, slug: str, title: str, shares: tuple[Share, ...], category: str, unit: str
) -> Chart:
    """A horizontal bar per category (topics, municipalities, sectors), largest on top."""
    bars = _top(shares)
    chart = pygal.HorizontalBar(
        **_config(
            width=640,
            height=max(160, 60 + 34 * len(bars)),
            show_legend=False,
            value_formatter=_number,
            **_count_axis(max((share.count for share in bars), default=1)),
        )
    )
    # pygal draws the first label at the bottom; reverse so the largest is on top.
    chart.x_labels = [share.label for share in reversed(bars)]
    chart.add(unit, [share.count for share in reversed(bars)])
    if bars:
        named = ", ".join(f"{s.label} ({_number(s.count)})" for s in bars[:3])
        description = _(
            "Balkendiagramm mit %(count)s Einträgen, %(unit)s je Eintrag. "
            "Am meisten: %(named)s. Die Tabelle daneben nennt alle Werte."
        ) % {"count": len(shares), "unit": unit, "named": named}
    else:
        description = _("Für diesen Zeitraum gibt es keine Angaben.")
    return Chart(
        slug=slug,
        title=title,
        description=description,
        svg=_accessible(_render(chart), slug=slug, title=title, description=description),
        columns=(category, unit),
        rows=tuple((share.label, _number(share.count)) for share in shares),
    )


def chart_by_year(
    *, slug: str, title: str, series: list[Impact], lines: list[tuple[str, str]], counts=True
) -> Chart:
    """Grouped bars per year: one bar per (label, Impact attribute) in `lines`."""
    years = [str(impact.period.year) for impact in series]
    top = max((float(getattr(i, a)) for i in series for _l, a in lines), default=1)
    chart = pygal.Bar(
        **_config(
            width=640,
            height=340,
            value_formatter=_number,
            legend_at_bottom_columns=2,
            **(_count_axis(top) if counts else {"range": (0, max(top, 1))}),
        )
    )
    chart.x_labels = years
    for label, attribute in lines:
        chart.add(label, [float(getattr(impact, attribute)) for impact in series])
    rows = tuple(
        (str(impact.period.year), *(_number(getattr(impact, a)) for _l, a in lines))
        for impact in series
    )
    has_values = any(getattr(impact, a) for impact in series for _l, a in lines)
    if series and has_values:
        last = series[-1]
        values = ", ".join(
            f"{label} {_number(getattr(last, attribute))}" for label, attribute in lines
        )
        description = _(
            "Säulendiagramm für die Jahre %(first)s bis %(last)s. Im Jahr %(year)s: "
            "%(values)s. Die Tabelle daneben nennt alle Werte."
        ) % {"first": years[0], "last": years[-1], "year": years[-1], "values": values}
    else:
        description = _("Für diesen Zeitraum gibt es keine Angaben.")
        rows = ()
    return Chart(
        slug=slug,
        title=title,
        description=description,
        svg=_accessible(_render(chart), slug=slug, title=title, description=description),
        columns=(_("Jahr"), *(label for label, _a in lines)),
        rows=rows,
    )


def report_charts(impact: Impact, series: list[Impact]) -> list[Chart]:
    """The charts of an annual report: the development over the years up to the report's
    year, then the year's topics, municipalities and sectors."""
    return [
        chart_by_year(
            slug="chart-patronships",
            title=_("Patenschaften je Jahr"),
            series=series,
            lines=[
                (_("begonnen"), "started"),
                (_("aktiv"), "active"),
                (_("abgeschlossen"), "completed"),
                (_("verlängert"), "renewed"),
            ],
        ),
        chart_by_year(
            slug="chart-hours",
            title=_("Geleistete Stunden in beide Richtungen"),
            series=series,
            lines=[
                (_("vom Paten an den Partner"), "hours_to_recipient"),
                (_("vom Partner an den Paten"), "hours_to_sponsor"),
            ],
            counts=False,
        ),
        chart_shares(
            slug="chart-topics",
            title=_("Themen der Patenschaften %(period)s") % {"period": impact.period.label},
            shares=impact.topics,
            category=_("Thema"),
            unit=_("Patenschaften"),
        ),
        chart_shares(
            slug="chart-municipalities",
            title=_("Erreichte Gemeinden %(period)s") % {"period": impact.period.label},
            shares=impact.municipalities,
            category=_("Gemeinde"),
            unit=_("Patenschaften"),
        ),
        chart_shares(
            slug="chart-sectors",
            title=_("Unternehmen nach Branche %(period)s") % {"period": impact.period.label},
            shares=impact.sectors,
            category=_("Branche"),
            unit=_("Unternehmen"),
        ),
    ]
