from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from exchange import services
from exchange.access import get_need_for_editor, get_need_for_viewer
from exchange.forms import NeedForm
from exchange.selectors import helper_parties
from parties.access import can_edit_party, get_party_for_editor, get_party_for_viewer


@login_required
def party_needs(request, party_pk: int):
    party = get_party_for_viewer(request, party_pk)
    needs = party.needs.select_related("municipality").order_by("-created_at")
    return render(request, "exchange/party_needs.html", {"party": party, "needs": needs})


@login_required
def need_create(request, party_pk: int):
    party = get_party_for_editor(request, party_pk)
    form = NeedForm(
        request.POST or None, initial={"municipality": party.municipality_id, "status": "open"}
    )
    if request.method == "POST" and form.is_valid():
        need = services.need_create(party=party, by=request.user, **form.cleaned_data)
        messages.success(
            request, _("Ihr Bedarf „%(title)s“ ist gespeichert.") % {"title": need.title}
        )
        return redirect("exchange:need_detail", pk=need.pk)
    return render(request, "exchange/need_form.html", {"party": party, "form": form})


@login_required
def need_detail(request, pk: int):
    need = get_need_for_viewer(request, pk)
    user = request.user
    can_edit = can_edit_party(user, need.party_id)
    changes = need.changes.select_related("by")[:20] if can_edit or user.is_advisor else []
    context = {"need": need, "can_edit": can_edit, "changes": changes}
    if can_edit or user.can_see_pipeline:
        # The owner sees that someone is interested, never who: the coordinator introduces.
        context["interest_count"] = need.interests.count()
    if user.can_see_pipeline:
        context["interests"] = need.interests.select_related("party")
    context["can_offer_help"] = need.is_open and helper_parties(user, need).exists()
    return render(request, "exchange/need_detail.html", context)


@login_required
def need_edit(request, pk: int):
    need = get_need_for_editor(request, pk)
    form = NeedForm(
        request.POST or None, instance=need, can_set_any_status=request.user.is_coordinator
    )
    if request.method == "POST" and form.is_valid():
        # The form must not save itself: the service logs the change first.
        need.refresh_from_db()
        services.need_update(need=need, by=request.user, **form.cleaned_data)
        messages.success(request, _("Änderungen gespeichert."))
        return redirect("exchange:need_detail", pk=need.pk)
    return render(
        request, "exchange/need_form.html", {"party": need.party, "form": form, "need": need}
    )
