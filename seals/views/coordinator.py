"""The coordinator's seal desk: all seals, issuing for a patronship, revoking one."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from parties.access import coordinator_required
from patronships.models import Patronship, PatronshipStatus

from .. import services
from ..filters import SealFilter
from ..forms import SealIssueForm, SealRevokeForm
from ..models import Seal


@coordinator_required
def seal_list(request):
    seals = Seal.objects.select_related("holder", "patronship").order_by("-created_at", "-pk")
    filterset = SealFilter(request.GET or None, queryset=seals)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "seals/list.html",
        {"filter": filterset, "page": page, "query": query.urlencode()},
    )


@coordinator_required
def issue(request, pk: int):
    patronship = get_object_or_404(Patronship.objects.select_related("sponsor", "recipient"), pk=pk)
    seals = list(patronship.seals.select_related("holder").order_by("-created_at", "pk"))
    standing = {s.holder_id for s in seals if s.revoked_at is None}
    partners = [p for p in (patronship.sponsor, patronship.recipient) if p.pk not in standing]
    form = SealIssueForm(request.POST if request.method == "POST" else None, partners=partners)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.seal_issue(
                patronship=patronship, by=request.user, holders=form.cleaned_data["holders"]
            )
        except services.SealError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Siegel ausgestellt für %(names)s; die Partner werden benachrichtigt.")
                % {"names": ", ".join(seal.holder.name for seal in issued)},
            )
            return redirect("seals:issue", pk=patronship.pk)
    return render(
        request,
        "seals/issue.html",
        {
            "patronship": patronship,
            "seals": seals,
            "form": form,
            "partners": partners,
            "can_issue": patronship.status == PatronshipStatus.ACTIVE and bool(partners),
            "today": timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )


@coordinator_required
def revoke(request, pk: int):
    seal = get_object_or_404(Seal.objects.select_related("holder", "patronship"), pk=pk)
    form = SealRevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.seal_revoke(seal=seal, reason=form.cleaned_data["reason"], by=request.user)
        except services.SealError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Das Siegel von %(holder)s ist widerrufen.") % {"holder": seal.holder.name},
            )
            return redirect("seals:issue", pk=seal.patronship_id)
    return render(
        request,
        "seals/revoke.html",
        {"seal": seal, "form": form, "state": seal.state_on(timezone.localdate())},
        status=400 if form.errors else 200,
    )
