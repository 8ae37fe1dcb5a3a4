from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from exchange import services
from exchange.access import get_offer_for_editor
from exchange.forms import OfferForm
from parties.access import can_edit_party, get_party_for_editor, get_party_for_viewer


@login_required
def offer_list(request, party_pk: int):
    party = get_party_for_viewer(request, party_pk)
    offers = party.offers.prefetch_related("competencies").order_by("-is_active", "title")
    can_edit = can_edit_party(request.user, party.pk)
    return render(
        request, "exchange/offers.html", {"party": party, "offers": offers, "can_edit": can_edit}
    )


@login_required
def offer_create(request, party_pk: int):
    party = get_party_for_editor(request, party_pk)
    form = OfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.offer_create(party=party, **form.cleaned_data)
        messages.success(request, _("Das Angebot ist gespeichert."))
        return redirect("exchange:offers", party_pk=party.pk)
    return render(request, "exchange/offer_form.html", {"party": party, "form": form})


@login_required
def offer_edit(request, pk: int):
    offer = get_offer_for_editor(request, pk)
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        offer.refresh_from_db()  # is_valid() wrote into the instance; the service saves
        services.offer_update(offer=offer, **form.cleaned_data)
        messages.success(request, _("Das Angebot ist gespeichert."))
        return redirect("exchange:offers", party_pk=offer.party_id)
    return render(
        request, "exchange/offer_form.html", {"party": offer.party, "form": form, "offer": offer}
    )


@login_required
def offer_delete(request, pk: int):
    offer = get_offer_for_editor(request, pk)
    if request.method == "POST":
        services.offer_delete(offer=offer, by=request.user)
        messages.success(
            request, _("Das Angebot „%(title)s“ wurde gelöscht.") % {"title": offer.title}
        )
        return redirect("exchange:offers", party_pk=offer.party_id)
    return render(request, "exchange/offer_delete.html", {"offer": offer})
