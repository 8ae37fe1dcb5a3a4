"""Everything an annual report shows, gathered once for the page, the PDF and the exports."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from . import impact as figures
from . import sources
from .charts import Chart, report_charts
from .models import AnnualReport


@dataclass(frozen=True)
class ReportContent:
    year: int
    report: AnnualReport | None
    impact: figures.Impact
    series: list[figures.Impact]
    charts: list[Chart]
    stories: list
    sponsors: list[sources.NamedSponsor]
    generated_on: datetime.date

    @property
    def is_published(self) -> bool:
        return self.report is not None and self.report.is_published

    @property
    def is_complete(self) -> bool:
        return self.impact.period.is_complete

    @property
    def foreword(self) -> str:
        return self.report.foreword if self.report else ""


def report_years(data: figures.ImpactData | None = None) -> list[int]:
    """The years a report can be shown for, newest first."""
    data = data or figures.impact_data_load()
    return sorted(data.years(), reverse=True)


def annual_report_content(
    year: int, *, data: figures.ImpactData | None = None, with_charts: bool = True
) -> ReportContent | None:
    """The report of `year`, or None for a year before the programme's first records or
    still to come."""
    data = data or figures.impact_data_load()
    if year not in data.years():
        return None
    period = figures.Period.for_year(year, today=data.today)
    impact = figures.impact_for(data, period)
    series = figures.impact_for_years(data, range(data.first_year(), year + 1))
    report = AnnualReport.objects.filter(year=year).first()
    return ReportContent(
        year=year,
        report=report,
        impact=impact,
        series=series,
        charts=report_charts(impact, series) if with_charts else [],
        stories=sources.published_stories(year, chosen_ids=report.story_ids if report else ()),
        sponsors=sources.named_sponsors(patronship_ids=figures.patronships_active(data, period)),
        generated_on=timezone.localdate(),
    )
