from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parties.access import coordinator_required

from . import services
from .access import get_upload_for_uploader
from .formats import CONTENT_TYPES, FORMATS
from .forms import ReportFilterForm, UploadForm
from .reports import ImportReport

ROWS_PER_PAGE = 100


@coordinator_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        stored, report = services.import_upload_create(
            file=file, filename=file.name, by=request.user, dry_run=form.cleaned_data["check_only"]
        )
        if stored is not None:
            return redirect("directory:report", token=stored.token)
        for message in report.errors:
            form.add_error("file", message)
    return render(request, "directory/upload.html", {"form": form, "formats": FORMATS})


@coordinator_required
def report(request, token):
    stored = get_upload_for_uploader(request, token)
    import_report = ImportReport.from_dict(stored.report)
    filters = ReportFilterForm(request.GET)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    errors_only = bool(chosen.get("errors_only"))
    rows = import_report.error_rows if errors_only else import_report.rows
    page = Paginator(rows, ROWS_PER_PAGE).get_page(chosen.get("page"))
    context = {
        "upload": stored,
        "report": import_report,
        "filters": filters,
        "page": page,
        "query": "errors_only=on" if errors_only else "",
    }
    return render(request, "directory/report.html", context)


@coordinator_required
@require_POST
def run(request, token):
    stored = get_upload_for_uploader(request, token)
    # The report page shows the outcome, written or not, with the reasons.
    if services.import_upload_run(upload=stored, by=request.user) is None:
        messages.error(request, _("Diese Datei ist schon importiert oder hatte Fehler."))
    return redirect("directory:report", token=stored.token)


@coordinator_required
def export(request, fmt: str):
    data = services.directory_export(fmt=fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    filename = f"verzeichnis-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
