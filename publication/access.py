"""Who may see and change the publication of a patronship.

The partners' members and the pipeline (coordinator, Förderkreis) see it; outsiders get 404.
The partners' members and the coordinator change it; advisors read only (403). Acting for
one partner (consent, approval) is for that partner's members and the coordinator: the other
partner's members get 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from parties.models import Party
from patronships.access import get_patronship_for_partner, get_patronship_for_viewer
from patronships.models import Patronship

from .models import Story, StoryPhoto


def _queryset():
    return Patronship.objects.select_related("sponsor__municipality", "recipient__municipality")


def get_patronship_for_publication_viewer(request, pk: int) -> tuple[Patronship, set[int]]:
    return get_patronship_for_viewer(request, pk, _queryset())


def get_patronship_for_publication_editor(request, pk: int) -> tuple[Patronship, set[int]]:
    return get_patronship_for_partner(request, pk)


def get_story_for_editor(request, pk: int) -> tuple[Story, set[int]]:
    """The story of patronship `pk`, for its partners' members and the coordinator."""
    patronship, my_parties = get_patronship_for_publication_editor(request, pk)
    story = get_object_or_404(Story.objects.select_related("patronship"), patronship=patronship)
    story.patronship = patronship
    return story, my_parties


def get_partner_for_actor(request, patronship: Patronship, my_parties: set[int], party_pk: int):
    """One of the two partners, when the user may act for it."""
    if party_pk not in (patronship.sponsor_id, patronship.recipient_id):
        raise Http404
    if party_pk not in my_parties and not request.user.is_coordinator:
        raise PermissionDenied
    return patronship.sponsor if party_pk == patronship.sponsor_id else patronship.recipient


def get_photo_for_editor(request, pk: int, photo_pk: int) -> tuple[StoryPhoto, set[int]]:
    story, my_parties = get_story_for_editor(request, pk)
    photo = get_object_or_404(StoryPhoto, pk=photo_pk, story=story)
    photo.story = story
    return photo, my_parties


def acting_parties(request, patronship: Patronship, my_parties: set[int]) -> list[Party]:
    """The partners the user may act for: their own ones; both for the coordinator."""
    partners = [patronship.sponsor, patronship.recipient]
    if request.user.is_coordinator:
        return partners
    return [p for p in partners if p.pk in my_parties]
