from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exchange import services
from exchange.access import get_need_for_viewer
from exchange.forms import InterestForm
from exchange.models import Interest, InterestStatus
from exchange.selectors import helper_parties
from parties.access import coordinator_required, pipeline_required


@login_required
def interest_create(request, pk: int):
    need = get_need_for_viewer(request, pk)
    parties = helper_parties(request.user, need)
    if not parties.exists():
        messages.error(
            request,
            _(
                "Interesse bekunden kann nur ein freigegebenes Unternehmen "
                "oder eine freigegebene Organisation."
            ),
        )
        return redirect("exchange:need_detail", pk=need.pk)
    form = InterestForm(request.POST or None, parties=parties)
    if request.method == "POST" and form.is_valid():
        try:
            services.interest_create(need=need, by=request.user, **form.cleaned_data)
        except services.InterestError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Danke! Die Koordination meldet sich bei Ihnen."))
        return redirect("exchange:need_detail", pk=need.pk)
    return render(request, "exchange/interest_form.html", {"need": need, "form": form})


@pipeline_required
def interest_list(request):
    interests = (
        Interest.objects.open()
        .select_related("need__party", "party", "created_by")
        .order_by("created_at")
    )
    page = Paginator(interests, 25).get_page(request.GET.get("page"))
    return render(request, "exchange/interests.html", {"page": page})


@coordinator_required
@require_POST
def interest_decline(request, pk: int):
    interest = get_object_or_404(Interest, pk=pk)
    services.interest_set_status(interest=interest, status=InterestStatus.DECLINED, by=request.user)
    messages.success(request, _("Die Interessenbekundung wird nicht weiterverfolgt."))
    return redirect("exchange:interests")
