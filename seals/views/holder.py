"""A company's or organisation's own seals: preview, snippet to copy, media kit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from parties.access import get_party_for_viewer

from ..forms import SnippetSizeForm
from ..kit import kit_filename, media_kit, seal_snippet
from ..models import Seal
from ..records import record_from_seal
from ..rendering import VARIANTS


@login_required
def party_seals(request, pk: int):
    party = get_party_for_viewer(request, pk)
    size_form = SnippetSizeForm(request.GET or None)
    size = size_form.cleaned_data["groesse"] if size_form.is_valid() else 240
    today = timezone.localdate()
    seals = (
        Seal.objects.filter(holder=party)
        .select_related("holder", "patronship__sponsor", "patronship__recipient")
        .prefetch_related("patronship__topics")
        .order_by("-valid_until", "-pk")
    )
    rows = []
    for seal in seals:
        record = record_from_seal(seal)
        state = seal.state_on(today)
        rows.append(
            {
                "seal": seal,
                "record": record,
                "state": state,
                "snippet": seal_snippet(record, size) if state == "valid" else "",
            }
        )
    return render(
        request,
        "seals/party.html",
        {
            "party": party,
            "rows": rows,
            "size_form": size_form,
            "size": size,
            "variant": VARIANTS[f"siegel-{size}.png"],
        },
    )


@login_required
@require_safe
def kit(request, pk: int):
    seal = get_object_or_404(
        Seal.objects.select_related("holder", "patronship__sponsor", "patronship__recipient"),
        pk=pk,
    )
    get_party_for_viewer(request, seal.holder_id)
    today = timezone.localdate()
    if not seal.is_valid_on(today):
        messages.error(
            request,
            _(
                "Für ein Siegel, das nicht gültig ist, gibt es kein Medienpaket. Bitte nehmen "
                "Sie es von Ihren Seiten."
            ),
        )
        return redirect("seals:party", pk=seal.holder_id)
    record = record_from_seal(seal)
    response = HttpResponse(media_kit(record, day=today), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{kit_filename(record)}"'
    return response
