from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parties import services
from parties.access import get_party_for_admin, get_party_for_viewer
from parties.forms import InviteForm, RoleForm
from parties.models import Membership


@login_required
def member_list(request, pk: int):
    party = get_party_for_viewer(request, pk)
    memberships = party.memberships.select_related("user").order_by("user__name", "user__email")
    invitations = party.invitations.filter(accepted_at__isnull=True)
    is_admin = (
        request.user.is_coordinator or memberships.filter(user=request.user, role="admin").exists()
    )
    return render(
        request,
        "parties/members.html",
        {
            "party": party,
            "memberships": memberships,
            "invitations": invitations,
            "is_admin": is_admin,
            "invite_form": InviteForm(),
            "role_choices": RoleForm().fields["role"].choices,
        },
    )


@login_required
def invite(request, pk: int):
    party = get_party_for_admin(request, pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_create(party=party, invited_by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Die Einladung an %(email)s ist unterwegs.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("parties:members", pk=party.pk)
    return render(
        request,
        "parties/invite.html",
        {"party": party, "form": form, "days": services.INVITATION_MAX_AGE_DAYS},
    )


@login_required
@require_POST
def change_role(request, pk: int, membership_pk: int):
    party = get_party_for_admin(request, pk)
    membership = get_object_or_404(Membership, pk=membership_pk, party=party)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(membership=membership, role=form.cleaned_data["role"])
        except services.PartyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Die Rolle wurde geändert."))
    return redirect("parties:members", pk=party.pk)


@login_required
def remove(request, pk: int, membership_pk: int):
    party = get_party_for_admin(request, pk)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_pk, party=party
    )
    return _confirm_removal(request, party, membership, redirect_to=("parties:members", party.pk))


@login_required
def leave(request, pk: int):
    party = get_party_for_viewer(request, pk)
    membership = get_object_or_404(Membership, party=party, user=request.user)
    return _confirm_removal(request, party, membership, redirect_to=("accounts:home",))


def _confirm_removal(request, party, membership, *, redirect_to):
    """Ask first (GET), remove on POST; the last admin stays."""
    if request.method == "POST":
        try:
            services.membership_remove(membership=membership)
        except services.PartyError as exc:
            messages.error(request, str(exc))
            return redirect("parties:members", pk=party.pk)
        messages.success(
            request,
            _("%(person)s gehört nicht mehr zu „%(name)s“.")
            % {"person": membership.user, "name": party.name},
        )
        return redirect(*redirect_to)
    return render(
        request,
        "parties/member_remove.html",
        {
            "party": party,
            "membership": membership,
            "leaving": membership.user_id == request.user.pk,
        },
    )
