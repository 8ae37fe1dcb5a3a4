"""Who may see or change a need. Outsiders get 404, read-only roles 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from parties.models import Party

from .models import Need, Offer


def _is_member(user, party_id: int) -> bool:
    return user.memberships.filter(party_id=party_id).exists()


def get_need_for_viewer(request, pk: int) -> Need:
    """Owners, the coordinator and advisors see any need; approved parties see open ones."""
    need = get_object_or_404(
        Need.objects.select_related("party", "municipality").prefetch_related(
            "competencies", "topics"
        ),
        pk=pk,
    )
    user = request.user
    if user.can_see_pipeline or _is_member(user, need.party_id):
        return need
    if need.is_open and need.party.is_approved and Party.objects.approved().of_user(user).exists():
        return need
    raise Http404


def get_need_for_editor(request, pk: int) -> Need:
    need = get_need_for_viewer(request, pk)
    if request.user.is_coordinator or _is_member(request.user, need.party_id):
        return need
    raise PermissionDenied


def get_offer_for_editor(request, pk: int) -> Offer:
    """An offer its party's members and the coordinator may change; advisors read only."""
    offer = get_object_or_404(Offer.objects.select_related("party"), pk=pk)
    user = request.user
    if user.is_coordinator or _is_member(user, offer.party_id):
        return offer
    if user.is_advisor:
        raise PermissionDenied
    raise Http404
