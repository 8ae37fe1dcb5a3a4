from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from exchange.filters import NeedFilter
from exchange.models import Need
from parties.models import Party


@login_required
def browse(request):
    """Open needs of approved parties, for approved parties, the coordinator and advisors."""
    own = Party.objects.approved().of_user(request.user).select_related("municipality")
    own = list(own)
    if not own and not request.user.can_see_pipeline:
        # Nothing to show before the coordinator approved one's party; say so plainly.
        return render(request, "exchange/browse_locked.html")
    origin = next((p.municipality for p in own if p.municipality), None)
    needs = (
        Need.objects.visible_to_parties()
        .select_related("party", "municipality")
        .prefetch_related("topics")
        .order_by("-created_at")
    )
    filterset = NeedFilter(request.GET or None, queryset=needs, origin=origin)
    page = Paginator(filterset.qs, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "exchange/browse.html",
        {
            "filter": filterset,
            "page": page,
            "query": query.urlencode(),
            "own_ids": {p.pk for p in own},
        },
    )
