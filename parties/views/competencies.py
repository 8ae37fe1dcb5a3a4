from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parties import services
from parties.access import get_party_for_editor
from parties.forms import CompetencyAddForm, CompetencySearchForm, LabelsForm
from parties.models import MAX_CORE_COMPETENCIES
from taxonomy.models import Competency


def _search(query: str):
    """Competencies whose name or synonyms contain the query (case-insensitive)."""
    if len(query) < 2:
        return []
    return list(
        Competency.objects.select_related("group")
        .filter(Q(name__icontains=query) | Q(synonyms__icontains=query))
        .order_by("name")[:12]
    )


@login_required
def manage(request, pk: int):
    party = get_party_for_editor(request, pk)
    search = CompetencySearchForm(request.GET or None)
    results = _search(search.cleaned_data["q"].strip()) if search.is_valid() else []
    context = {
        "party": party,
        "items": party.party_competencies.select_related("competency__group"),
        "limit": MAX_CORE_COMPETENCIES,
        "search": search,
        "results": results,
        "add_form": CompetencyAddForm(),
        "labels_form": LabelsForm(),
    }
    if request.htmx:
        return render(request, "parties/_competency_results.html", context)
    return render(request, "parties/competencies.html", context)


@login_required
@require_POST
def add(request, pk: int):
    party = get_party_for_editor(request, pk)
    form = CompetencyAddForm(request.POST)
    if form.is_valid():
        try:
            services.party_competency_add(party=party, **form.cleaned_data)
        except services.PartyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("„%(name)s“ gehört jetzt zu Ihren Kernkompetenzen.")
                % {"name": form.cleaned_data["competency"].name},
            )
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("parties:competencies", pk=party.pk)


@login_required
@require_POST
def remove(request, pk: int, item_pk: int):
    party = get_party_for_editor(request, pk)
    services.party_competency_remove(party=party, item_pk=item_pk)
    messages.success(request, _("Die Kompetenz wurde entfernt."))
    return redirect("parties:competencies", pk=party.pk)


@login_required
@require_POST
def add_labels(request, pk: int):
    party = get_party_for_editor(request, pk)
    form = LabelsForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["labels"]))
        return redirect("parties:competencies", pk=party.pk)
    result = services.party_labels_add(
        party=party, labels=form.cleaned_data["labels"], by=request.user
    )
    if result.added:
        messages.success(request, _("Zugeordnet: %(names)s.") % {"names": ", ".join(result.added)})
    if result.already:
        messages.info(
            request, _("Schon vorhanden: %(names)s.") % {"names": ", ".join(result.already)}
        )
    if result.over_limit:
        messages.error(
            request,
            _("Nicht hinzugefügt, weil schon %(n)s Kernkompetenzen eingetragen sind: %(names)s.")
            % {"n": MAX_CORE_COMPETENCIES, "names": ", ".join(result.over_limit)},
        )
    if result.suggested:
        messages.info(
            request,
            _("Nicht in unserer Liste – die Koordination prüft: %(names)s.")
            % {"names": ", ".join(result.suggested)},
        )
    return redirect("parties:competencies", pk=party.pk)
