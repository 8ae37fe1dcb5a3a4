from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exchange import services
from exchange.forms import NeedMergeForm
from exchange.models import Need
from parties.access import coordinator_required


@coordinator_required
def need_merge(request, pk: int):
    keep = get_object_or_404(Need.objects.select_related("party"), pk=pk)
    form = NeedMergeForm(request.POST or None, keep=keep)
    if request.method == "POST" and form.is_valid():
        return render(
            request,
            "exchange/need_merge_confirm.html",
            {"keep": keep, "duplicate": form.cleaned_data["duplicate"]},
        )
    return render(request, "exchange/need_merge.html", {"keep": keep, "form": form})


@coordinator_required
@require_POST
def need_merge_confirm(request, pk: int):
    keep = get_object_or_404(Need, pk=pk)
    form = NeedMergeForm(request.POST, keep=keep)
    if not form.is_valid():
        return render(request, "exchange/need_merge.html", {"keep": keep, "form": form})
    duplicate = form.cleaned_data["duplicate"]
    title = duplicate.title
    services.need_merge(keep=keep, duplicate=duplicate, by=request.user)
    messages.success(request, _("„%(old)s“ wurde in diesen Bedarf übernommen.") % {"old": title})
    return redirect("exchange:need_detail", pk=keep.pk)
