"""Who may see or change a party. Outsiders get 404, read-only roles 403."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership, Party


def coordinator_required(view):
    """Coordinator-only views: advisors see the pipeline but may not act (403); others 404."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_coordinator:
            return view(request, *args, **kwargs)
        if request.user.is_advisor:
            raise PermissionDenied
        raise Http404

    return wrapper


def pipeline_required(view):
    """Views for the coordinator and Förderkreis advisors (read access to all parties)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.can_see_pipeline:
            return view(request, *args, **kwargs)
        raise Http404

    return wrapper


def _load(request, pk: int) -> tuple[Party, Membership | None]:
    party = get_object_or_404(Party.objects.select_related("municipality"), pk=pk)
    membership = Membership.objects.filter(party=party, user=request.user).first()
    if membership is None and not request.user.can_see_pipeline:
        raise Http404
    return party, membership


def get_party_for_viewer(request, pk: int) -> Party:
    """A party its members, the coordinator and advisors may see."""
    party, _membership = _load(request, pk)
    return party


def get_party_for_editor(request, pk: int) -> Party:
    """A party the user may edit: its members and the coordinator; advisors read only."""
    party, membership = _load(request, pk)
    if membership is None and not request.user.is_coordinator:
        raise PermissionDenied
    return party


def get_party_for_admin(request, pk: int) -> Party:
    """A party whose members the user may manage: its admins and the coordinator."""
    party, membership = _load(request, pk)
    if request.user.is_coordinator or (membership is not None and membership.is_admin):
        return party
    raise PermissionDenied


def can_edit_party(user, party_id: int) -> bool:
    """Whether `user` may change the party's profile, needs and offers: members and the
    coordinator (advisors read only)."""
    return user.is_coordinator or Membership.objects.filter(user=user, party_id=party_id).exists()
