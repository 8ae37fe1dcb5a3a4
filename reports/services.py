"""Writing and publishing annual reports. The figures are never stored (see impact.py)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record

from .models import AnnualReport


class ReportError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _locked(year: int) -> AnnualReport:
    report, _created = AnnualReport.objects.select_for_update().get_or_create(year=year)
    return report


@transaction.atomic
def annual_report_save(*, year: int, foreword: str, story_ids: list[int], by) -> AnnualReport:
    """Store the coordinator's foreword and choice of stories for `year`."""
    report = _locked(year)
    report.foreword = foreword.strip()
    report.story_ids = [int(pk) for pk in story_ids]
    report.updated_by = by
    report.save()
    audit_record(
        report,
        action="report.saved",
        by=by,
        message=_("Jahresbericht %(year)s bearbeitet.") % {"year": year},
    )
    return report


@transaction.atomic
def annual_report_publish(*, year: int, by) -> AnnualReport:
    """Show the report of a finished year to everyone (page, PDF and figures)."""
    if year >= timezone.localdate().year:
        raise ReportError(
            _(
                "Das Jahr %(year)s ist noch nicht zu Ende. Veröffentlichen Sie den "
                "Jahresbericht bitte nach dem 31. Dezember."
            )
            % {"year": year}
        )
    report = _locked(year)
    if report.is_published:
        return report
    report.published_at = timezone.now()
    report.published_by = by
    report.updated_by = by
    report.save()
    audit_record(
        report,
        action="report.published",
        by=by,
        message=_("Jahresbericht %(year)s veröffentlicht.") % {"year": year},
    )
    return report


@transaction.atomic
def annual_report_unpublish(*, year: int, by) -> AnnualReport:
    """Take a report off the public pages again (it stays visible to the coordination)."""
    report = _locked(year)
    if not report.is_published:
        return report
    report.published_at = None
    report.published_by = None
    report.updated_by = by
    report.save()
    audit_record(
        report,
        action="report.unpublished",
        by=by,
        message=_("Jahresbericht %(year)s zurückgezogen.") % {"year": year},
    )
    return report
