"""Who may see or act on a patronship or introduction.

The two partners' members and the pipeline (coordinator, Förderkreis) may see it; outsiders
get 404. The partners' members and the coordinator may add to its log; advisors read only (403).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from parties.models import Membership

from .models import Introduction, Patronship


def member_party_ids(user, patronship) -> set[int]:
    """The partner parties of `patronship` that `user` is a member of."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(
            user=user, party_id__in=[patronship.sponsor_id, patronship.recipient_id]
        ).values_list("party_id", flat=True)
    )


def get_patronship_for_viewer(request, pk: int, queryset=None) -> tuple[Patronship, set[int]]:
    """The patronship and the partner parties the user belongs to (empty for the pipeline)."""
    queryset = queryset if queryset is not None else Patronship.objects.all()
    patronship = get_object_or_404(queryset.select_related("sponsor", "recipient", "need"), pk=pk)
    parties = member_party_ids(request.user, patronship)
    if not parties and not request.user.can_see_pipeline:
        raise Http404
    return patronship, parties


def get_patronship_for_partner(request, pk: int) -> tuple[Patronship, set[int]]:
    """For adding to the log: partners' members and the coordinator; advisors 403."""
    patronship, parties = get_patronship_for_viewer(request, pk)
    if not parties and not request.user.is_coordinator:
        raise PermissionDenied
    return patronship, parties


def get_introduction_for_viewer(request, pk: int) -> tuple[Introduction, set[int]]:
    introduction = get_object_or_404(
        Introduction.objects.select_related(
            "patronship__sponsor",
            "patronship__recipient",
            "patronship__need",
            "patronship__sponsor__municipality",
            "patronship__recipient__municipality",
        ),
        pk=pk,
    )
    parties = member_party_ids(request.user, introduction.patronship)
    if not parties and not request.user.can_see_pipeline:
        raise Http404
    return introduction, parties
