"""Networks: who of the Förderkreis is where, and which parties are there too."""

from django.contrib import messages
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEntry
from parties.access import pipeline_required

from .. import services
from ..forms import NetworkFilterForm, NetworkForm, PartySearchForm, TieForm, TiePreselectForm
from ..models import Network, NetworkMembership, NetworkTie


@pipeline_required
def network_list(request):
    filters = NetworkFilterForm(request.GET or None)
    networks = filters.apply(
        Network.objects.annotate(
            tie_count=Count("ties", distinct=True),
            member_count=Count("memberships", distinct=True),
            is_member=Exists(
                NetworkMembership.objects.filter(network=OuterRef("pk"), advisor=request.user)
            ),
        ).order_by("name")
    )
    return render(request, "advisors/network_list.html", {"networks": networks, "filters": filters})


@pipeline_required
def network_create(request):
    form = NetworkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(by=request.user, **form.cleaned_data)
        except services.AdvisorsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Das Netzwerk „%(name)s“ ist angelegt.") % {"name": network}
            )
            return redirect(network)
    return render(request, "advisors/network_form.html", {"form": form})


@pipeline_required
def network_edit(request, pk: int):
    network = get_object_or_404(Network, pk=pk)
    form = NetworkForm(request.POST or None, instance=network)
    if request.method == "POST" and form.is_valid():
        network.refresh_from_db()  # the form wrote its values onto the instance
        try:
            services.network_update(network=network, by=request.user, **form.cleaned_data)
        except services.AdvisorsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Änderungen gespeichert."))
            return redirect(network)
    return render(request, "advisors/network_form.html", {"form": form, "network": network})


@pipeline_required
def network_detail(request, pk: int):
    network = get_object_or_404(Network, pk=pk)
    ties = network.ties.select_related("party", "party__municipality", "recorded_by").order_by(
        "party__name"
    )
    members = [m.advisor for m in network.memberships.select_related("advisor")]
    history = AuditEntry.objects.for_object(network).select_related("actor")[:20]
    return render(
        request,
        "advisors/network_detail.html",
        {
            "network": network,
            "ties": ties,
            "members": members,
            "is_member": request.user in members,
            "history": history,
        },
    )


@pipeline_required
@require_POST
def network_join(request, pk: int):
    network = get_object_or_404(Network, pk=pk)
    services.network_join(network=network, advisor=request.user)
    messages.success(
        request, _("Sie sind jetzt als Mitglied von „%(name)s“ eingetragen.") % {"name": network}
    )
    return redirect(network)


@pipeline_required
@require_POST
def network_leave(request, pk: int):
    network = get_object_or_404(Network, pk=pk)
    if services.network_leave(network=network, advisor=request.user):
        messages.success(
            request, _("Sie sind nicht mehr bei „%(name)s“ eingetragen.") % {"name": network}
        )
    return redirect(network)


@pipeline_required
def tie_add(request):
    """Record that a party is in a network; reached from a network or from a party."""
    preselect = TiePreselectForm(request.GET)
    search = PartySearchForm(request.GET)
    initial = preselect.initial_values()
    form = TieForm(
        request.POST or None,
        initial=initial,
        search=search,
        selected_party=initial.get("party"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            tie = services.tie_add(
                network=data["network"], party=data["party"], note=data["note"], by=request.user
            )
        except services.AdvisorsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("„%(party)s“ ist jetzt dem Netzwerk „%(network)s“ zugeordnet.")
                % {"party": tie.party, "network": tie.network},
            )
            return redirect(tie.party if data["back"] == "party" else tie.network)
    return render(
        request,
        "advisors/tie_form.html",
        {"form": form, "search": search, "preselect": initial},
    )


@pipeline_required
@require_POST
def tie_remove(request, pk: int):
    tie = get_object_or_404(NetworkTie.objects.select_related("party", "network"), pk=pk)
    services.tie_remove(tie=tie, by=request.user)
    messages.success(
        request,
        _("„%(party)s“ ist nicht mehr dem Netzwerk „%(network)s“ zugeordnet.")
        % {"party": tie.party, "network": tie.network},
    )
    return redirect(tie.network)
