"""Introductions: the coordinator proposes, each side answers in the portal or by a signed
link from its email, and contacts are shown only once both have said yes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exchange.models import Interest, Need
from parties.access import coordinator_required
from parties.models import ContactPerson, Party

from .. import services
from ..access import get_introduction_for_viewer
from ..forms import AnswerForm, IntroductionForm, ReasonForm
from ..models import SIDE_RECIPIENT, SIDE_SPONSOR, Introduction, IntroductionSource


def _int_param(request, name):
    value = request.GET.get(name) or request.POST.get(name)
    try:
        return int(value) if value else None
    except ValueError:
        return None


@coordinator_required
def propose(request):
    """Propose an introduction, from a suggestion (?need=&candidate=), an expression of
    interest (?interest=), a Förderkreis recommendation (&recommendation=) or directly."""
    need = interest = recommendation = None
    initial = {}
    source = IntroductionSource.DIRECT
    if interest_id := _int_param(request, "interest"):
        interest = get_object_or_404(
            Interest.objects.select_related("need__party", "party"), pk=interest_id
        )
        need = interest.need
        sponsor, recipient = services.sides_for(owner=need.party, candidate=interest.party)
        initial = {"sponsor": sponsor, "recipient": recipient, "message": ""}
        source = IntroductionSource.INTEREST
    elif need_id := _int_param(request, "need"):
        need = get_object_or_404(Need.objects.select_related("party"), pk=need_id)
        candidate_id = _int_param(request, "candidate")
        if candidate_id:
            candidate = get_object_or_404(Party, pk=candidate_id)
            sponsor, recipient = services.sides_for(owner=need.party, candidate=candidate)
            initial = {"sponsor": sponsor, "recipient": recipient}
            source = IntroductionSource.SUGGESTION
        else:
            initial = {"recipient": need.party}
    if recommendation_id := _int_param(request, "recommendation"):
        from advisors.models import Recommendation

        recommendation = get_object_or_404(
            Recommendation.objects.select_related("advisor"), pk=recommendation_id
        )
        source = IntroductionSource.RECOMMENDATION
        if not initial.get("message") and recommendation.note:
            initial["message"] = _("Empfohlen von %(advisor)s: %(note)s") % {
                "advisor": recommendation.advisor.name or recommendation.advisor.email,
                "note": recommendation.note,
            }

    form = IntroductionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            introduction = services.introduction_propose(
                sponsor=form.cleaned_data["sponsor"],
                recipient=form.cleaned_data["recipient"],
                need=need,
                message=form.cleaned_data["message"],
                source=source,
                interest=interest,
                by=request.user,
            )
        except services.PatronshipError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Die Vorstellung ist verschickt. Beide Seiten wurden per E-Mail gefragt."),
            )
            return redirect("patronships:introduction", pk=introduction.pk)
    return render(
        request,
        "patronships/introduction_propose.html",
        {
            "form": form,
            "need": need,
            "interest": interest,
            "recommendation": recommendation,
            "query": request.GET.urlencode(),
        },
    )


def _contacts(party):
    return list(ContactPerson.objects.filter(party=party).order_by("-is_primary", "name"))


def _introduction_context(introduction, my_parties, user):
    patronship = introduction.patronship
    my_sides = [
        side
        for side, party_id in (
            (SIDE_SPONSOR, patronship.sponsor_id),
            (SIDE_RECIPIENT, patronship.recipient_id),
        )
        if party_id in my_parties
    ]
    open_sides = [side for side in my_sides if not introduction.answer_of(side)]
    context = {
        "introduction": introduction,
        "patronship": patronship,
        "my_sides": my_sides,
        "open_sides": open_sides,
        "can_answer": bool(open_sides) and introduction.status == "waiting",
    }
    # Contacts: the pipeline always sees them; the partners only once both accepted.
    if user.can_see_pipeline or introduction.contacts_revealed:
        context["sponsor_contacts"] = _contacts(patronship.sponsor)
        context["recipient_contacts"] = _contacts(patronship.recipient)
    return context


@login_required
def detail(request, pk: int):
    introduction, my_parties = get_introduction_for_viewer(request, pk)
    context = _introduction_context(introduction, my_parties, request.user)
    if context["can_answer"]:
        context["answer_form"] = AnswerForm()
    if request.user.is_coordinator and introduction.status == "waiting":
        context["withdraw_form"] = ReasonForm()
    return render(request, "patronships/introduction.html", context)


@login_required
@require_POST
def answer(request, pk: int):
    """A member answers for their party in the portal."""
    introduction, my_parties = get_introduction_for_viewer(request, pk)
    context = _introduction_context(introduction, my_parties, request.user)
    if not context["my_sides"]:
        raise PermissionDenied
    side = request.POST.get("side") if len(context["open_sides"]) > 1 else None
    side = side if side in context["open_sides"] else (context["open_sides"] or [None])[0]
    form = AnswerForm(request.POST)
    if side is None:
        messages.error(request, _("Für Ihre Seite liegt bereits eine Antwort vor."))
        return redirect("patronships:introduction", pk=introduction.pk)
    if form.is_valid():
        try:
            services.introduction_answer(
                introduction=introduction,
                side=side,
                by=request.user,
                **form.cleaned_data,
            )
        except services.PatronshipError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _answered_message(form.cleaned_data["answer"]))
        return redirect("patronships:introduction", pk=introduction.pk)
    context["answer_form"] = form
    return render(request, "patronships/introduction.html", context, status=400)


def _answered_message(answer: str) -> str:
    if answer == "accepted":
        return _(
            "Danke für Ihre Zusage. Sobald die andere Seite auch zugestimmt hat, sehen Sie "
            "hier die Kontaktdaten."
        )
    return _("Danke für Ihre Antwort. Die Koordination ist informiert.")


def answer_by_link(request, token: str):
    """The signed one-click link from the email: no login needed. A GET only shows the
    question (mail scanners open links); the answer is given with one button (POST)."""
    try:
        pk, side, preselected = services.read_answer_token(token)
    except signing.SignatureExpired:
        return render(
            request,
            "patronships/introduction_link_invalid.html",
            {"expired": True},
            status=410,
        )
    except signing.BadSignature:
        return render(request, "patronships/introduction_link_invalid.html", status=404)
    introduction = get_object_or_404(
        Introduction.objects.select_related(
            "patronship__sponsor", "patronship__recipient", "patronship__need"
        ),
        pk=pk,
    )
    patronship = introduction.patronship
    party = patronship.sponsor if side == SIDE_SPONSOR else patronship.recipient
    other = patronship.recipient if side == SIDE_SPONSOR else patronship.sponsor
    answered = introduction.answer_of(side)
    form = AnswerForm(request.POST or None, initial={"answer": preselected or None})
    if request.method == "POST" and not answered and form.is_valid():
        try:
            services.introduction_answer(
                introduction=introduction,
                side=side,
                by=request.user,
                **form.cleaned_data,
            )
        except services.PatronshipError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _answered_message(form.cleaned_data["answer"]))
            return redirect("patronships:introduction_answer_link", token=token)
    return render(
        request,
        "patronships/introduction_answer_link.html",
        {
            "introduction": introduction,
            "party": party,
            "other": other,
            "answered": answered,
            "form": form,
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


@coordinator_required
def withdraw(request, pk: int):
    introduction = get_object_or_404(
        Introduction.objects.select_related("patronship__sponsor", "patronship__recipient"), pk=pk
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.introduction_withdraw(
                introduction=introduction, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.PatronshipError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Die Vorstellung ist zurückgezogen."))
            return redirect("patronships:introduction", pk=introduction.pk)
    return render(
        request,
        "patronships/introduction_withdraw.html",
        {"introduction": introduction, "form": form},
    )
