from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from parties.access import pipeline_required

from .models import AuditEntry

# The objects whose history the coordinator and the Förderkreis may read, and the page
# each links back to.
AUDITED = {
    "parties.party": "parties:detail",
    "exchange.need": "exchange:need_detail",
    "patronships.patronship": "patronships:detail",
    "patronships.introduction": "patronships:introduction",
    "advisors.network": "advisors:network_detail",
    "advisors.recommendation": "advisors:recommendation_detail",
}


@pipeline_required
def object_log(request, label: str, pk: int):
    if label not in AUDITED:
        raise Http404
    model = apps.get_model(label)
    obj = get_object_or_404(model, pk=pk)
    entries = (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=obj.pk
        )
        .select_related("actor")
        .order_by("-at", "-pk")
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/object_log.html",
        {"object": obj, "page": page, "back_url_name": AUDITED[label], "label": label},
    )
