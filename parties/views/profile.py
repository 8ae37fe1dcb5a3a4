from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from parties import services
from parties.access import get_party_for_editor
from parties.forms import ContactPersonFormSet, ProfileForm


@login_required
def edit(request, pk: int):
    party = get_party_for_editor(request, pk)
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, request.FILES or None, instance=party)
    contacts = ContactPersonFormSet(data, instance=party, prefix="contacts")
    if request.method == "POST" and form.is_valid() and contacts.is_valid():
        services.party_profile_update(
            party=party,
            form=form,
            contacts_formset=contacts,
            logo=form.cleaned_data.get("logo_upload") or None,
        )
        messages.success(request, _("Das Profil ist gespeichert."))
        return redirect(party)
    return render(
        request, "parties/profile_form.html", {"party": party, "form": form, "contacts": contacts}
    )
