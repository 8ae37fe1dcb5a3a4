"""Patronship pages: the list, the detail page, the agreement and each lifecycle step."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from parties.access import coordinator_required
from parties.models import ContactPerson, Party

from .. import services
from ..access import get_patronship_for_viewer
from ..forms import AgreementForm, EndEarlyForm, ReasonForm, RenewForm
from ..models import PUBLISHABLE_STATUSES, Introduction, Patronship, PatronshipStatus
from .accompaniment import accompaniment_context


@login_required
def patronship_list(request):
    """A party member's patronships and introductions; the pipeline sees all of them."""
    user = request.user
    patronships = Patronship.objects.select_related(
        "sponsor", "recipient", "sponsor__municipality", "recipient__municipality"
    ).order_by("-created_at")
    if not user.can_see_pipeline:
        party_ids = list(Party.objects.of_user(user).values_list("pk", flat=True))
        patronships = patronships.filter(
            Q(sponsor_id__in=party_ids) | Q(recipient_id__in=party_ids)
        )
    status = request.GET.get("status")
    if status in PatronshipStatus.values:
        patronships = patronships.filter(status=status)
    page = Paginator(patronships, 25).get_page(request.GET.get("page"))
    waiting = Introduction.objects.none()
    if not user.can_see_pipeline:
        waiting = (
            Introduction.objects.waiting()
            .filter(
                Q(patronship__sponsor_id__in=party_ids, sponsor_answer="")
                | Q(patronship__recipient_id__in=party_ids, recipient_answer="")
            )
            .select_related("patronship__sponsor", "patronship__recipient")
        )
    return render(
        request,
        "patronships/list.html",
        {
            "page": page,
            "waiting": list(waiting),
            "statuses": PatronshipStatus.choices,
            "status": status,
        },
    )


# The coordinator's actions on the detail page, each allowed from some states only.
ACTIONS = [
    ("agreement", gettext_lazy("Vereinbarung festhalten"), {PatronshipStatus.PROPOSED}),
    ("activate", gettext_lazy("Patenschaft beginnen"), {PatronshipStatus.AGREED}),
    ("complete", gettext_lazy("Patenschaft abschließen"), {PatronshipStatus.ACTIVE}),
    ("renew", gettext_lazy("Verlängern"), {PatronshipStatus.ACTIVE, PatronshipStatus.COMPLETED}),
    (
        "end_early",
        gettext_lazy("Patenschaft vorzeitig beenden"),
        {PatronshipStatus.AGREED, PatronshipStatus.ACTIVE},
    ),
    ("decline", gettext_lazy("Kommt nicht zustande"), {PatronshipStatus.PROPOSED}),
]


@login_required
def detail(request, pk: int):
    patronship, my_parties = get_patronship_for_viewer(
        request,
        pk,
        Patronship.objects.select_related(
            "sponsor__municipality",
            "recipient__municipality",
            "sponsor_contact",
            "recipient_contact",
            "coordinator",
            "previous",
            "renewal",
        ),
    )
    introduction = Introduction.objects.filter(patronship=patronship).first()
    revealed = (
        request.user.can_see_pipeline or introduction is None or (introduction.contacts_revealed)
    )
    context = {
        "patronship": patronship,
        "introduction": introduction,
        "my_parties": my_parties,
        "contacts_revealed": revealed,
        "transitions": patronship.transitions.select_related("by"),
        "topics": patronship.topics.all(),
        "actions": [
            (name, label)
            for name, label, allowed in ACTIONS
            if request.user.is_coordinator and patronship.status in allowed
        ],
        "publishable": patronship.status in PUBLISHABLE_STATUSES,
        "renewal_due": patronship.status == PatronshipStatus.ACTIVE
        and patronship.end_date is not None
        and patronship.end_date <= timezone.localdate() + datetime.timedelta(days=60),
    }
    if revealed:
        # The contact agreed on for this patronship, or else everyone the party lists.
        for side in ("sponsor", "recipient"):
            agreed = getattr(patronship, f"{side}_contact")
            context[f"{side}_contacts"] = (
                [agreed]
                if agreed
                else ContactPerson.objects.filter(party=getattr(patronship, f"{side}_id")).order_by(
                    "-is_primary", "name"
                )
            )
    context.update(accompaniment_context(patronship, request.user, my_parties))
    return render(request, "patronships/detail.html", context)


def _locked_patronship(pk):
    return get_object_or_404(
        Patronship.objects.select_related("sponsor", "recipient", "need"), pk=pk
    )


@coordinator_required
def agreement(request, pk: int):
    patronship = _locked_patronship(pk)
    form = AgreementForm(request.POST or None, instance=patronship)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.patronship_record_agreement(
                patronship=patronship,
                by=request.user,
                title=data["title"],
                sponsor_gives=data["sponsor_gives"],
                recipient_gives=data["recipient_gives"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                checkin_interval_days=data["checkin_interval_days"],
                sponsor_contact=data["sponsor_contact"],
                recipient_contact=data["recipient_contact"],
                topics=data["topics"],
            )
        except services.PatronshipError as exc:
            form.add_error(None, exc.message)
        else:
            if data["start_date"] <= timezone.localdate():
                services.patronship_activate(
                    patronship=patronship,
                    by=request.user,
                    reason=_("Beginn mit der Vereinbarung"),
                )
                messages.success(
                    request, _("Die Vereinbarung ist festgehalten; die Patenschaft ist aktiv.")
                )
            else:
                messages.success(
                    request,
                    _("Die Vereinbarung ist festgehalten; die Patenschaft beginnt am %(d)s.")
                    % {"d": data["start_date"].strftime("%d.%m.%Y")},
                )
            return redirect("patronships:detail", pk=patronship.pk)
    return render(
        request, "patronships/agreement_form.html", {"patronship": patronship, "form": form}
    )


def _transition_view(
    request, pk, *, service, form_class, title, button, done, danger=False, **form_kwargs
):
    """A confirmation page with a reason field, then one lifecycle service."""
    patronship = _locked_patronship(pk)
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            service(patronship=patronship, by=request.user, **form.cleaned_data)
        except services.PatronshipError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, done)
            return redirect("patronships:detail", pk=patronship.pk)
    return render(
        request,
        "patronships/transition_form.html",
        {
            "patronship": patronship,
            "form": form,
            "title": title,
            "button": button,
            "danger": danger,
        },
        status=400 if form.errors else 200,
    )


@coordinator_required
def activate(request, pk: int):
    return _transition_view(
        request,
        pk,
        service=services.patronship_activate,
        form_class=ReasonForm,
        required=False,
        title=_("Patenschaft beginnen"),
        button=_("Patenschaft beginnen"),
        done=_("Die Patenschaft ist aktiv."),
    )


@coordinator_required
def complete(request, pk: int):
    return _transition_view(
        request,
        pk,
        service=services.patronship_complete,
        form_class=ReasonForm,
        required=False,
        title=_("Patenschaft abschließen"),
        button=_("Patenschaft abschließen"),
        done=_(
            "Die Patenschaft ist abgeschlossen. Beide Partner werden um einen Rückblick gebeten."
        ),
    )


@coordinator_required
def end_early(request, pk: int):
    return _transition_view(
        request,
        pk,
        service=services.patronship_end_early,
        form_class=EndEarlyForm,
        title=_("Patenschaft vorzeitig beenden"),
        button=_("Patenschaft vorzeitig beenden"),
        done=_("Die Patenschaft ist vorzeitig beendet; ihre Siegel sind widerrufen."),
        danger=True,
    )


@coordinator_required
def decline(request, pk: int):
    return _transition_view(
        request,
        pk,
        service=services.patronship_decline,
        form_class=ReasonForm,
        title=_("Patenschaft kommt nicht zustande"),
        button=_("Als nicht zustande gekommen festhalten"),
        done=_("Festgehalten: Die Patenschaft kommt nicht zustande."),
        danger=True,
    )


@coordinator_required
def renew(request, pk: int):
    patronship = _locked_patronship(pk)
    new_start = (patronship.end_date or timezone.localdate()) + datetime.timedelta(days=1)
    if patronship.status == PatronshipStatus.COMPLETED:
        new_start = max(new_start, timezone.localdate())
    form = RenewForm(
        request.POST or None,
        new_start=new_start,
        initial={
            "sponsor_gives": patronship.sponsor_gives,
            "recipient_gives": patronship.recipient_gives,
            "duration_months": 12,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = services.patronship_renew(
                patronship=patronship,
                by=request.user,
                end_date=data["end_date"],
                sponsor_gives=data["sponsor_gives"],
                recipient_gives=data["recipient_gives"],
                reason=data["reason"],
            )
        except services.PatronshipError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Verlängert: Die neue Laufzeit geht vom %(start)s bis zum %(end)s.")
                % {
                    "start": new.start_date.strftime("%d.%m.%Y"),
                    "end": new.end_date.strftime("%d.%m.%Y"),
                },
            )
            return redirect("patronships:detail", pk=new.pk)
    return render(
        request,
        "patronships/renew_form.html",
        {"patronship": patronship, "form": form, "new_start": new_start},
        status=400 if form.errors else 200,
    )
