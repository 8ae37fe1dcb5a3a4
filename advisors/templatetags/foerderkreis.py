"""Fragments other pages include: recommendations and network ties where people look.

The tags read through `advisors.selectors.need_circle`, which keeps what it read on the
request: a page of ten candidate rows costs the same few queries as a page of one.
"""

from django import template

from ..models import NetworkTie
from ..selectors import need_circle, ties_with_reach

register = template.Library()


@register.simple_tag(takes_context=True)
def foerderkreis_need_recommendations(context, need):
    """The active recommendations for `need`, the oldest first."""
    return need_circle(context.get("request"), need.pk).recommendations


@register.simple_tag(takes_context=True)
def foerderkreis_for_candidate(context, suggestion):
    """Recommendations, the viewer's own one, and network ties for one suggested pair."""
    circle = need_circle(context.get("request"), suggestion.need_id)
    return circle.for_candidate(suggestion.candidate_id, context["user"])


@register.simple_tag(takes_context=True)
def foerderkreis_outside_ranking(context, need, suggestions):
    """Recommendations of parties the engine does not list for `need`."""
    return need_circle(context.get("request"), need.pk).outside(suggestions or ())


@register.simple_tag
def party_network_ties(party):
    return list(ties_with_reach(NetworkTie.objects.filter(party=party)).order_by("network__name"))


@register.filter
def reaching_members(tie):
    """The Förderkreis members of a tie's network (advisors and the coordinator)."""
    return [m.advisor for m in tie.network.memberships.all() if m.advisor.can_see_pipeline]


# How the matching explains the Förderkreis signals (matching/engine/explain.py).
FOERDERKREIS_REASONS = ("empfohlen von ", "erreichbar über ")


@register.filter
def without_foerderkreis(reasons):
    """A suggestion's reasons without who recommended it or which network reaches it: for
    pages the parties themselves see."""
    return [r for r in reasons or () if not str(r).startswith(FOERDERKREIS_REASONS)]
