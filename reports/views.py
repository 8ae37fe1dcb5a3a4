"""The annual report: a page per year, its PDF, its figures as CSV/XLSX, and the
coordinator's editing and publishing.

A published report is public. Before that, the coordinator and the Förderkreis see every
year (the current one as a preliminary report); everyone else gets a 404.
"""

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from parties.access import coordinator_required, pipeline_required

from . import exports, services, sources
from .content import annual_report_content, report_years
from .forms import AnnualReportForm
from .impact import Period, impact_data_load, impact_for, impact_for_years
from .models import AnnualReport
from .pdf import report_pdf

# Published PDFs are cached: rendering takes a second or two. The key holds the report's
# own change time and the publication app's public version, which rises whenever a consent,
# story, party, patronship or contribution changes (publication/signals.py); a change made
# elsewhere (an introduction, a transition alone) shows within the hour.
PDF_CACHE_SECONDS = 60 * 60


def _sees_drafts(user) -> bool:
    return user.is_authenticated and user.can_see_pipeline


def _content_for_viewer(request, year: int, *, with_charts: bool = True):
    if (
        not _sees_drafts(request.user)
        and not AnnualReport.objects.published().filter(year=year).exists()
    ):
        raise Http404
    content = annual_report_content(year, with_charts=with_charts)
    if content is None:
        raise Http404
    return content


@require_safe
def report_list(request):
    data = impact_data_load()
    years = report_years(data)
    reports = {r.year: r for r in AnnualReport.objects.filter(year__in=years)}
    if not _sees_drafts(request.user):
        years = [year for year in years if year in reports and reports[year].is_published]
    rows = [(year, reports.get(year)) for year in years]
    overall = impact_for(data, Period.overall(today=data.today))
    return render(
        request,
        "reports/list.html",
        {"rows": rows, "overall": overall, "first_year": data.first_year()},
    )


@require_safe
def report_detail(request, year: int):
    content = _content_for_viewer(request, year)
    return render(request, "reports/detail.html", {"content": content, "impact": content.impact})


def _pdf_cache_key(content) -> str:
    from publication.caching import public_version

    report = content.report
    return (
        f"reports:pdf:{content.year}:{report.updated_at.timestamp():.0f}:"
        f"{public_version()}:{content.generated_on:%Y%m%d}"
    )


@require_safe
def report_pdf_view(request, year: int):
    content = _content_for_viewer(request, year)
    if content.is_published and not _sees_drafts(request.user) and sources.publication_installed():
        key = _pdf_cache_key(content)
        data = cache.get(key)
        if data is None:
            data = report_pdf(content)
            cache.set(key, data, PDF_CACHE_SECONDS)
    else:
        data = report_pdf(content)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="jahresbericht-{year}.pdf"'
    return response


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def report_csv(request, year: int):
    content = _content_for_viewer(request, year, with_charts=False)
    return _download(
        exports.year_csv(content.impact), exports.CSV_CONTENT_TYPE, f"kennzahlen-{year}.csv"
    )


@require_safe
def report_xlsx(request, year: int):
    content = _content_for_viewer(request, year, with_charts=False)
    return _download(
        exports.year_xlsx(content.impact, content.series),
        exports.XLSX_CONTENT_TYPE,
        f"kennzahlen-{year}.xlsx",
    )


def _all_years():
    data = impact_data_load()
    series = impact_for_years(data, data.years())
    return [*series, impact_for(data, Period.overall(today=data.today))]


@pipeline_required
@require_safe
def series_csv(request):
    return _download(
        exports.series_csv(_all_years()), exports.CSV_CONTENT_TYPE, "kennzahlen-alle-jahre.csv"
    )


@pipeline_required
@require_safe
def series_xlsx(request):
    return _download(
        exports.series_xlsx(_all_years()), exports.XLSX_CONTENT_TYPE, "kennzahlen-alle-jahre.xlsx"
    )


def _year_or_404(year: int) -> None:
    if year not in impact_data_load().years():
        raise Http404


@coordinator_required
def report_edit(request, year: int):
    _year_or_404(year)
    report = AnnualReport.objects.filter(year=year).first()
    initial = {"foreword": report.foreword, "stories": report.story_ids} if report else {}
    form = AnnualReportForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        story_choices=sources.story_choices(),
    )
    if request.method == "POST" and form.is_valid():
        services.annual_report_save(
            year=year,
            foreword=form.cleaned_data["foreword"],
            story_ids=form.cleaned_data["stories"],
            by=request.user,
        )
        messages.success(request, _("Der Jahresbericht %(year)s ist gespeichert.") % {"year": year})
        return redirect("reports:detail", year=year)
    return render(
        request,
        "reports/edit.html",
        {"form": form, "year": year, "report": report},
        status=400 if form.errors else 200,
    )


@coordinator_required
@require_POST
def report_publish(request, year: int):
    _year_or_404(year)
    try:
        services.annual_report_publish(year=year, by=request.user)
    except services.ReportError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Der Jahresbericht %(year)s ist veröffentlicht.") % {"year": year}
        )
    return redirect("reports:detail", year=year)


@coordinator_required
@require_POST
def report_unpublish(request, year: int):
    _year_or_404(year)
    services.annual_report_unpublish(year=year, by=request.user)
    messages.success(
        request,
        _("Der Jahresbericht %(year)s ist nicht mehr öffentlich.") % {"year": year},
    )
    return redirect("reports:detail", year=year)
