from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parties.access import coordinator_required, pipeline_required

from . import services
from .forms import CreateForm, MapForm
from .models import SuggestionStatus, TaxonomySuggestion


@pipeline_required
def suggestions(request):
    open_suggestions = TaxonomySuggestion.objects.filter(
        status=SuggestionStatus.OPEN
    ).select_related("party", "suggested_by")
    page = Paginator(open_suggestions, 25).get_page(request.GET.get("page"))
    return render(request, "taxonomy/suggestions.html", {"page": page, **_choices()})


def _choices() -> dict:
    """Empty forms and their choices, evaluated once for all suggestions on a page."""
    map_form, create_form = MapForm(), CreateForm()
    return {
        "map_form": map_form,
        "create_form": create_form,
        "competency_choices": list(iter(map_form.fields["competency"].choices)),
        "group_choices": list(iter(create_form.fields["group"].choices)),
    }


def _open_suggestion(pk: int) -> TaxonomySuggestion:
    return get_object_or_404(TaxonomySuggestion, pk=pk, status=SuggestionStatus.OPEN)


@coordinator_required
@require_POST
def suggestion_map(request, pk: int):
    suggestion = _open_suggestion(pk)
    form = MapForm(request.POST)
    if not form.is_valid():
        return _redisplay(request, suggestion, map_form=form)
    services.suggestion_map(suggestion=suggestion, by=request.user, **form.cleaned_data)
    messages.success(
        request,
        _("„%(label)s“ ist jetzt ein Synonym von „%(name)s“.")
        % {"label": suggestion.label, "name": form.cleaned_data["competency"].name},
    )
    return redirect("taxonomy:suggestions")


@coordinator_required
@require_POST
def suggestion_create(request, pk: int):
    suggestion = _open_suggestion(pk)
    form = CreateForm(request.POST)
    if not form.is_valid():
        return _redisplay(request, suggestion, create_form=form)
    services.suggestion_create_competency(
        suggestion=suggestion, by=request.user, **form.cleaned_data
    )
    messages.success(
        request, _("Die Kompetenz „%(name)s“ ist angelegt.") % {"name": form.cleaned_data["name"]}
    )
    return redirect("taxonomy:suggestions")


@coordinator_required
@require_POST
def suggestion_reject(request, pk: int):
    suggestion = _open_suggestion(pk)
    services.suggestion_reject(suggestion=suggestion, by=request.user)
    messages.success(
        request, _("Der Vorschlag „%(label)s“ wurde abgelehnt.") % {"label": suggestion.label}
    )
    return redirect("taxonomy:suggestions")


def _redisplay(request, suggestion, **forms):
    """Show the one suggestion again with the invalid form and its German errors."""
    context = {"suggestion": suggestion, **_choices(), **forms}
    return render(request, "taxonomy/suggestion_detail.html", context, status=200)
