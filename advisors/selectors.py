"""Reads shared by the Förderkreis pages and the fragments other apps include."""

from functools import cached_property

from django.db.models import OuterRef, Prefetch, Subquery

from matching.models import Suggestion

from .models import NetworkMembership, NetworkTie, Recommendation


def with_suggestion_rank(queryset):
    """Annotate recommendations with the stored rank and score of their pair (None when the
    engine does not list the candidate for that need)."""
    pair = Suggestion.objects.filter(need=OuterRef("need"), candidate=OuterRef("candidate"))
    return queryset.annotate(
        suggestion_rank=Subquery(pair.values("rank")[:1]),
        suggestion_score=Subquery(pair.values("score")[:1]),
    )


def ties_with_reach(queryset):
    """Ties with their network and the Förderkreis members in it (two queries in all)."""
    return queryset.select_related("network").prefetch_related(
        Prefetch(
            "network__memberships",
            queryset=NetworkMembership.objects.select_related("advisor").order_by(
                "advisor__name", "advisor__email"
            ),
        )
    )


class NeedCircle:
    """What the Förderkreis knows around one need: the active recommendations, and the
    network ties of every party suggested or recommended for it. Each part is read once, on
    first use, however many candidate rows ask."""

    def __init__(self, need_id: int):
        self.need_id = need_id

    @cached_property
    def recommendations(self) -> list[Recommendation]:
        return list(
            Recommendation.objects.active()
            .filter(need_id=self.need_id)
            .select_related("need", "candidate", "advisor")
            .order_by("created_at", "pk")
        )

    @cached_property
    def _ties_by_party(self) -> dict[int, list[NetworkTie]]:
        suggested = Suggestion.objects.filter(need_id=self.need_id).values("candidate_id")
        recommended = {r.candidate_id for r in self.recommendations}
        ties = ties_with_reach(
            NetworkTie.objects.filter(party_id__in=suggested)
            | NetworkTie.objects.filter(party_id__in=recommended)
        ).order_by("network__name")
        by_party: dict[int, list[NetworkTie]] = {}
        for tie in ties:
            by_party.setdefault(tie.party_id, []).append(tie)
        return by_party

    def for_candidate(self, candidate_id: int, user) -> dict:
        recommendations = [r for r in self.recommendations if r.candidate_id == candidate_id]
        return {
            "recommendations": recommendations,
            "mine": next((r for r in recommendations if r.advisor_id == user.pk), None),
            "ties": self._ties_by_party.get(candidate_id, []),
        }

    def outside(self, suggestions) -> list[Recommendation]:
        """Recommendations of parties the engine does not list among `suggestions`."""
        listed = {s.candidate_id for s in suggestions}
        return [r for r in self.recommendations if r.candidate_id not in listed]


def need_circle(request, need_id: int) -> NeedCircle:
    """The NeedCircle of `need_id`, kept on the request so that every fragment shares it."""
    circles = getattr(request, "_foerderkreis_circles", None)
    if circles is None:
        circles = {}
        if request is not None:
            request._foerderkreis_circles = circles
    if need_id not in circles:
        circles[need_id] = NeedCircle(need_id)
    return circles[need_id]
