"""Recommendations: an advisor names a party for a need; the coordination follows up."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEntry
from exchange.models import Need
from matching.models import Suggestion
from parties.access import pipeline_required

from .. import services
from ..forms import (
    PartySearchForm,
    RecommendationEditForm,
    RecommendationFilterForm,
    RecommendationForm,
    RecommendPreselectForm,
)
from ..models import Recommendation
from ..selectors import with_suggestion_rank

PAGE_SIZE = 30


def _listing(queryset):
    return with_suggestion_rank(
        queryset.select_related("need", "need__party", "candidate", "advisor")
    ).order_by("-created_at", "-pk")


@pipeline_required
def mine(request):
    """Meine Empfehlungen, and the networks the advisor is in."""
    recommendations = _listing(Recommendation.objects.filter(advisor=request.user))
    page = Paginator(recommendations, PAGE_SIZE).get_page(request.GET.get("page"))
    networks = request.user.networks.order_by("name")
    return render(request, "advisors/mine.html", {"page": page, "networks": networks})


@pipeline_required
def recommendation_list(request):
    """Every active recommendation, the newest first: the coordination's inbox."""
    filters = RecommendationFilterForm(request.GET or None)
    recommendations = filters.apply(_listing(Recommendation.objects.active()))
    page = Paginator(recommendations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "advisors/recommendation_list.html", {"page": page, "filters": filters})


@pipeline_required
def need_recommendations(request, pk: int):
    """All recommendations for one need, the withdrawn ones last."""
    need = get_object_or_404(Need.objects.select_related("party"), pk=pk)
    recommendations = list(
        with_suggestion_rank(need.recommendations.select_related("candidate", "advisor")).order_by(
            "withdrawn_at", "created_at", "pk"
        )
    )
    return render(
        request,
        "advisors/need_recommendations.html",
        {
            "need": need,
            "active": [r for r in recommendations if r.is_active],
            "withdrawn": [r for r in recommendations if not r.is_active],
        },
    )


@pipeline_required
def recommend(request, pk: int):
    """Recommend a party for a need, from its suggestions or from anywhere in the portal."""
    need = get_object_or_404(Need.objects.select_related("party"), pk=pk)
    if not need.is_open:
        messages.error(
            request, _("Dieser Bedarf ist nicht offen; dafür lässt sich niemand mehr empfehlen.")
        )
        return redirect("exchange:need_detail", pk=need.pk)
    preselect = RecommendPreselectForm(request.GET)
    candidate = preselect.value("candidate")
    search = PartySearchForm(request.GET)
    form = RecommendationForm(
        request.POST or None,
        need=need,
        advisor=request.user,
        search=search,
        selected=candidate,
        initial={"candidate": candidate},
    )
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = services.recommendation_create(
                need=need, advisor=request.user, **form.cleaned_data
            )
        except services.AdvisorsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Danke! Ihre Empfehlung von „%(party)s“ ist bei der Koordination.")
                % {"party": recommendation.candidate},
            )
            back = preselect.value("back")
            if back == "suggestions":
                return redirect("matching:need", pk=need.pk)
            if back == "need":
                return redirect("exchange:need_detail", pk=need.pk)
            return redirect(recommendation)
    return render(
        request,
        "advisors/recommend.html",
        {"need": need, "form": form, "search": search, "candidate": candidate},
    )


@pipeline_required
def recommendation_detail(request, pk: int):
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("need", "need__party", "candidate", "advisor"),
        pk=pk,
    )
    suggestion = Suggestion.objects.filter(
        need_id=recommendation.need_id, candidate_id=recommendation.candidate_id
    ).first()
    history = AuditEntry.objects.for_object(recommendation).select_related("actor")[:20]
    return render(
        request,
        "advisors/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "suggestion": suggestion,
            "history": history,
            "is_author": recommendation.advisor_id == request.user.pk,
        },
    )


def _own(request, pk: int) -> Recommendation:
    """A recommendation its author may change: everyone else in the pipeline reads only."""
    recommendation = get_object_or_404(
        Recommendation.objects.select_related("need", "candidate", "advisor"), pk=pk
    )
    if recommendation.advisor_id != request.user.pk:
        raise PermissionDenied
    return recommendation


@pipeline_required
def recommendation_edit(request, pk: int):
    recommendation = _own(request, pk)
    if not recommendation.is_active:
        messages.error(request, _("Diese Empfehlung ist zurückgezogen."))
        return redirect(recommendation)
    form = RecommendationEditForm(request.POST or None, instance=recommendation)
    if request.method == "POST" and form.is_valid():
        recommendation.refresh_from_db()
        services.recommendation_update(
            recommendation=recommendation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Änderungen gespeichert."))
        return redirect(recommendation)
    return render(
        request,
        "advisors/recommendation_edit.html",
        {"form": form, "recommendation": recommendation},
    )


@pipeline_required
@require_POST
def recommendation_withdraw(request, pk: int):
    recommendation = _own(request, pk)
    try:
        services.recommendation_withdraw(recommendation=recommendation, by=request.user)
    except services.AdvisorsError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Ihre Empfehlung ist zurückgezogen."))
    return redirect(recommendation)
