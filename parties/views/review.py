from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parties import services
from parties.access import (
    can_edit_party,
    coordinator_required,
    get_party_for_viewer,
    pipeline_required,
)
from parties.filters import PartyFilter
from parties.forms import InvitationSignupForm, PartyCreateForm, RejectForm
from parties.models import Party, PartyStatus
from parties.selectors import parties_with_capacity


@pipeline_required
def review(request):
    pending = (
        Party.objects.pending().select_related("municipality", "created_by").order_by("created_at")
    )
    page = Paginator(pending, 25).get_page(request.GET.get("page"))
    return render(request, "parties/review.html", {"page": page})


@coordinator_required
@require_POST
def approve(request, pk: int):
    party = get_object_or_404(Party, pk=pk)
    try:
        services.party_approve(party=party, by=request.user)
    except services.PartyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("„%(name)s“ ist freigegeben.") % {"name": party.name})
    return redirect("parties:review")


@coordinator_required
def reject(request, pk: int):
    party = get_object_or_404(Party, pk=pk, status=PartyStatus.PENDING)
    form = RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.party_reject(party=party, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("„%(name)s“ wurde abgelehnt.") % {"name": party.name})
        return redirect("parties:review")
    return render(request, "parties/reject.html", {"party": party, "form": form})


@coordinator_required
def create(request):
    form = PartyCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        party = services.party_create_on_behalf(
            coordinator=request.user,
            kind=data.pop("kind"),
            name=data.pop("name"),
            contact_email=data.pop("contact_email"),
            **data,
        )
        messages.success(request, _("„%(name)s“ wurde angelegt.") % {"name": party.name})
        return redirect(party)
    return render(request, "parties/create.html", {"form": form})


@login_required
def detail(request, pk: int):
    party = get_party_for_viewer(request, pk)
    can_edit = can_edit_party(request.user, party.pk)
    memberships = party.memberships.select_related("user") if can_edit else []
    return render(
        request,
        "parties/detail.html",
        {
            "party": party,
            "memberships": memberships,
            "competencies": party.party_competencies.select_related("competency"),
            "topics": party.topics.all(),
            "can_edit": can_edit,
        },
    )


def invitation(request, token: str):
    invitation = services.invitation_from_token(token)
    if invitation is None:
        return render(request, "parties/invitation_invalid.html", status=404)
    user = request.user
    if user.is_authenticated:
        if request.method == "POST":
            services.invitation_accept(invitation=invitation, user=user)
            messages.success(
                request, _("Sie gehören jetzt zu „%(name)s“.") % {"name": invitation.party.name}
            )
            return redirect("accounts:home")
        return render(request, "parties/invitation.html", {"invitation": invitation})
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        # The person has an account: log in first, then come back to accept.
        return render(
            request, "parties/invitation.html", {"invitation": invitation, "needs_login": True}
        )
    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        new_user = services.invitation_accept_as_new_user(
            invitation=invitation,
            name=form.cleaned_data["name"],
            password=form.cleaned_data["password1"],
        )
        login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Willkommen! Sie gehören jetzt zu „%(name)s“.") % {"name": invitation.party.name},
        )
        return redirect("accounts:home")
    return render(request, "parties/invitation.html", {"invitation": invitation, "form": form})


@pipeline_required
def directory(request):
    """All companies and organisations with their capacity: the coordinator's and advisors'."""
    filterset = PartyFilter(request.GET or None, queryset=parties_with_capacity().order_by("name"))
    page = Paginator(filterset.qs.distinct(), 30).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "parties/directory.html",
        {"filter": filterset, "page": page, "query": query.urlencode()},
    )
