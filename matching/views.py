from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exchange.models import Need
from parties.access import coordinator_required, get_party_for_viewer, pipeline_required

from . import services
from .engine.weights import resolve
from .forms import ExcludeForm, WeightsForm
from .models import Band, MatchingWeights, Suggestion

GOOD_BANDS = (Band.STRONG, Band.POSSIBLE)


@pipeline_required
def need_list(request):
    """Open needs with their best suggestion: which ones still lack a good candidate."""
    needs = (
        Need.objects.visible_to_parties()
        .select_related("party", "municipality")
        .annotate(best=Max("suggestions__score"))
        .order_by("best", "-created_at")
    )
    page = Paginator(needs, 30).get_page(request.GET.get("page"))
    return render(request, "matching/need_list.html", {"page": page})


@pipeline_required
def need_suggestions(request, pk: int):
    need = get_object_or_404(Need.objects.select_related("party", "municipality"), pk=pk)
    suggestions = list(need.suggestions.for_display())
    return render(
        request,
        "matching/need_suggestions.html",
        {
            "need": need,
            "suggestions": suggestions,
            "exclude_form": ExcludeForm(),
            "has_good": any(s.band in GOOD_BANDS for s in suggestions),
        },
    )


@coordinator_required
@require_POST
def need_recompute(request, pk: int):
    need = get_object_or_404(Need, pk=pk)
    services.suggestions_refresh_needs(need_ids=[need.pk])
    messages.success(request, _("Die Vorschläge wurden neu berechnet."))
    return redirect("matching:need", pk=need.pk)


@coordinator_required
@require_POST
def shortlist(request, pk: int):
    suggestion = get_object_or_404(Suggestion, pk=pk)
    services.suggestion_toggle_shortlist(suggestion=suggestion)
    return redirect("matching:need", pk=suggestion.need_id)


@coordinator_required
def exclude(request, pk: int):
    suggestion = get_object_or_404(Suggestion.objects.select_related("need", "candidate"), pk=pk)
    form = ExcludeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.pair_exclude(
            need=suggestion.need,
            candidate=suggestion.candidate,
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            request,
            _("„%(name)s“ wird für diesen Bedarf nicht mehr vorgeschlagen.")
            % {"name": suggestion.candidate.name},
        )
        return redirect("matching:need", pk=suggestion.need_id)
    return render(request, "matching/exclude.html", {"suggestion": suggestion, "form": form})


@pipeline_required
def party_opportunities(request, pk: int):
    """What could this party help with? Its suggestions across all open needs."""
    party = get_party_for_viewer(request, pk)
    suggestions = (
        Suggestion.objects.filter(candidate=party)
        .select_related("need", "need__party", "need__municipality")
        .order_by("-score")[:50]
    )
    return render(
        request, "matching/party_opportunities.html", {"party": party, "suggestions": suggestions}
    )


@login_required
def fits_you(request, pk: int):
    """A party's own "passt zu Ihnen": good suggestions for it, without anyone's contacts."""
    party = get_party_for_viewer(request, pk)
    suggestions = (
        Suggestion.objects.filter(candidate=party, band__in=GOOD_BANDS, need__status="open")
        .select_related("need", "need__party", "need__municipality")
        .order_by("-score")[:30]
    )
    return render(request, "matching/fits_you.html", {"party": party, "suggestions": suggestions})


@pipeline_required
def weights(request):
    current = resolve(MatchingWeights.current())
    form = WeightsForm(request.POST or None, current=current)
    if request.method == "POST":
        if not request.user.is_coordinator:
            raise PermissionDenied
        if form.is_valid():
            services.weights_update(overrides=form.overrides(), by=request.user)
            messages.success(
                request, _("Die Gewichtung ist gespeichert; alle Vorschläge werden neu berechnet.")
            )
            return redirect("matching:weights")
    return render(request, "matching/weights.html", {"form": form})
