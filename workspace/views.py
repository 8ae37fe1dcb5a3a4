from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from parties.access import coordinator_required, pipeline_required
from patronships.models import Patronship

from . import selectors
from .filters import PipelineFilter
from .pipeline import board, mark_cards, stage_patronships

PAGE_SIZE = 25


@coordinator_required
def dashboard(request):
    """The coordinator's desk: figures at a glance and the work queues."""
    return render(request, "workspace/dashboard.html", selectors.dashboard())


@coordinator_required
def new_needs(request):
    page = Paginator(selectors.new_needs(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "workspace/new_needs.html",
        {"page": page, "new_need_days": selectors.NEW_NEED_DAYS},
    )


@coordinator_required
def checkins(request):
    today = timezone.localdate()
    page = Paginator(selectors.checkins_due(today=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = selectors.mark_overdue(list(page.object_list), today=today)
    return render(request, "workspace/checkins.html", {"page": page})


def _query_without(params, *names) -> str:
    params = params.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


@pipeline_required
def pipeline(request):
    """Patronships and introductions by stage, as a board; with a status chosen, that
    column as a paginated list. Advisors see it read-only."""
    filterset = PipelineFilter(request.GET or None, queryset=Patronship.objects.all())
    context = {
        "filter": filterset,
        "filters_query": _query_without(request.GET, "status", "page"),
        "can_act": request.user.is_coordinator,
    }
    stage = filterset.stage
    if stage is None:
        context["columns"] = board(filterset.qs)
        return render(request, "workspace/pipeline.html", context)
    page = Paginator(stage_patronships(filterset.qs, stage), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = mark_cards(list(page.object_list), stage=stage)
    context.update(stage=stage, page=page, query=_query_without(request.GET, "page"))
    return render(request, "workspace/pipeline_list.html", context)
