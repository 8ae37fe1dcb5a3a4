from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parties import services
from parties.access import coordinator_required
from parties.forms import MergeForm


@coordinator_required
def merge(request):
    """Pick a party and its duplicate; a valid choice shows what would move (nothing yet)."""
    form = MergeForm(request.POST or None, initial=request.GET or None)
    if request.method == "POST" and form.is_valid():
        return render(
            request,
            "parties/merge_confirm.html",
            {"form": form, "preview": form.preview, **form.cleaned_data},
        )
    return render(request, "parties/merge.html", {"form": form})


@coordinator_required
@require_POST
def merge_confirm(request):
    form = MergeForm(request.POST)
    if not form.is_valid():
        return render(request, "parties/merge.html", {"form": form})
    keep = form.cleaned_data["keep"]
    record = services.party_merge(by=request.user, **form.cleaned_data)
    messages.success(
        request,
        _("„%(old)s“ wurde in „%(name)s“ übernommen.")
        % {"old": record.merged_name, "name": keep.name},
    )
    return redirect(keep)
