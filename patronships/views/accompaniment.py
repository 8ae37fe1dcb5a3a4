"""Accompanying a patronship: check-ins, notes, the log of what was given, milestones and
the partners' closing reviews. The detail page shows all of it (`accompaniment_context`);
each action has its own small view that redirects back there."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..access import get_patronship_for_partner, get_patronship_for_viewer
from ..accompaniment_forms import (
    CheckInForm,
    ContributionForm,
    MilestoneForm,
    MilestoneReachForm,
    NoteForm,
    ReviewForm,
)
from ..models import CheckIn, ClosingReview, Contribution, Direction, Milestone, PatronshipStatus

# Before the agreement there is nothing to log yet (the contribution service refuses too).
NOT_STARTED = (PatronshipStatus.PROPOSED, PatronshipStatus.DECLINED)
CLOSED_FOR_REVIEW = (
    PatronshipStatus.COMPLETED,
    PatronshipStatus.ENDED_EARLY,
    PatronshipStatus.RENEWED,
)


# --- the detail page's sections --------------------------------------------------------


def direction_labels(patronship) -> dict[str, str]:
    sponsor, recipient = patronship.sponsor.name, patronship.recipient.name
    return {
        Direction.TO_RECIPIENT: _("%(a)s an %(b)s") % {"a": sponsor, "b": recipient},
        Direction.TO_SPONSOR: _("%(a)s an %(b)s") % {"a": recipient, "b": sponsor},
    }


def contribution_totals(contributions, labels) -> list[dict]:
    """Hours and euros per direction, confirmed entries only and all entries."""
    totals = []
    for direction in Direction:
        rows = [c for c in contributions if c.direction == direction]
        confirmed = [c for c in rows if c.confirmed_at is not None]
        totals.append(
            {
                "direction": direction.value,
                "label": labels[direction],
                "hours_confirmed": sum((c.hours or 0 for c in confirmed), Decimal(0)),
                "hours_all": sum((c.hours or 0 for c in rows), Decimal(0)),
                "value_confirmed": sum((c.value_eur or 0 for c in confirmed), Decimal(0)),
                "value_all": sum((c.value_eur or 0 for c in rows), Decimal(0)),
                "count_confirmed": len(confirmed),
                "count_all": len(rows),
            }
        )
    return totals


def accompaniment_context(patronship, user, my_party_ids) -> dict:
    """Everything the detail page shows about accompaniment, in five queries whatever the
    number of rows: check-ins, notes, contributions, milestones, reviews. Expects
    `patronship` with sponsor and recipient loaded."""
    pipeline, coordinator = user.can_see_pipeline, user.is_coordinator
    may_log = bool(my_party_ids) or coordinator
    started = patronship.status not in NOT_STARTED
    today = timezone.localdate()

    checkins = list(patronship.checkins.select_related("done_by"))
    for checkin in checkins:
        checkin.is_overdue = checkin.done_at is None and checkin.due_on < today
    open_checkins = [c for c in checkins if c.done_at is None]

    notes = patronship.notes.select_related("author")
    if not pipeline:
        notes = notes.filter(is_internal=False)

    labels = direction_labels(patronship)
    contributions = list(patronship.contributions.select_related("added_by", "confirmed_by"))
    for contribution in contributions:
        contribution.direction_label = labels[contribution.direction]

    reviews = ClosingReview.objects.none()
    if pipeline:
        reviews = patronship.closing_reviews.select_related("party", "written_by")
    elif my_party_ids:
        reviews = patronship.closing_reviews.filter(party_id__in=my_party_ids).select_related(
            "party", "written_by"
        )
    reviews = list(reviews)
    by_party = {review.party_id: review for review in reviews}
    my_reviews = [
        (party, by_party.get(party.pk))
        for party in (patronship.sponsor, patronship.recipient)
        if party.pk in my_party_ids
    ]

    return {
        "accompaniment": {
            "started": started,
            "checkins": checkins,
            "next_checkin": open_checkins[0] if open_checkins else None,
            "checkin_form": CheckInForm(auto_id="checkin_%s")
            if coordinator and open_checkins
            else None,
            "show_checkin_summaries": pipeline,
            "notes": list(notes),
            "note_form": NoteForm(auto_id="note_%s") if coordinator else None,
            "contributions": contributions,
            "totals": contribution_totals(contributions, labels),
            "contribution_form": ContributionForm(
                patronship=patronship, my_party_ids=my_party_ids, auto_id="contribution_%s"
            )
            if may_log and started
            else None,
            "can_confirm": coordinator,
            "milestones": list(patronship.milestones.all()),
            "milestone_form": MilestoneForm(auto_id="milestone_%s")
            if may_log and started
            else None,
            "can_reach": may_log,
            "reviews": reviews,
            "my_reviews": my_reviews,
            "reviewable": patronship.status in services.REVIEWABLE,
            "review_invited": patronship.status in CLOSED_FOR_REVIEW,
        }
    }


# --- access and form pages -------------------------------------------------------------


def _patronship_for_coordinator(request, pk: int):
    """Check-ins and notes are the coordinator's: partners and advisors may look (403),
    outsiders do not learn the patronship exists (404)."""
    patronship, _parties = get_patronship_for_viewer(request, pk)
    if not request.user.is_coordinator:
        raise PermissionDenied
    return patronship


def _attempt(form, service, **kwargs):
    """Call a service; a step it refuses becomes a form error. The result, or None."""
    try:
        return service(**kwargs)
    except services.PatronshipError as exc:
        form.add_error(None, exc.message)
        return None


def _form_page(request, template: str, context: dict):
    form = context.get("form")
    status = 400 if form is not None and form.errors else 200
    return render(request, f"patronships/accompaniment/{template}", context, status=status)


def _done(request, patronship, message: str):
    messages.success(request, message)
    return redirect("patronships:detail", pk=patronship.pk)


# --- views -----------------------------------------------------------------------------


@login_required
def checkin_record(request, pk: int, checkin_pk: int):
    patronship = _patronship_for_coordinator(request, pk)
    checkin = get_object_or_404(CheckIn, pk=checkin_pk, patronship=patronship)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _attempt(
            form,
            services.checkin_record,
            checkin=checkin,
            by=request.user,
            summary=form.cleaned_data["summary"],
            held_on=form.cleaned_data["held_on"],
        )
        if done:
            return _done(request, patronship, _("Das Zwischengespräch ist festgehalten."))
    return _form_page(
        request,
        "checkin_form.html",
        {"patronship": patronship, "checkin": checkin, "form": form},
    )


@login_required
def note_add(request, pk: int):
    patronship = _patronship_for_coordinator(request, pk)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = _attempt(
            form, services.note_add, patronship=patronship, by=request.user, **form.cleaned_data
        )
        if note:
            return _done(
                request,
                patronship,
                _("Die interne Notiz ist gespeichert.")
                if note.is_internal
                else _("Die Notiz ist gespeichert; beide Partner sehen sie."),
            )
    return _form_page(request, "note_form.html", {"patronship": patronship, "form": form})


@login_required
def contribution_add(request, pk: int):
    patronship, my_parties = get_patronship_for_partner(request, pk)
    form = ContributionForm(request.POST or None, patronship=patronship, my_party_ids=my_parties)
    if request.method == "POST" and form.is_valid():
        contribution = _attempt(
            form,
            services.contribution_add,
            patronship=patronship,
            by=request.user,
            **form.cleaned_data,
        )
        if contribution:
            return _done(
                request,
                patronship,
                _("Der Beitrag ist eingetragen und bestätigt.")
                if contribution.confirmed_at
                else _("Der Beitrag ist eingetragen; die Koordination bestätigt ihn."),
            )
    return _form_page(request, "contribution_form.html", {"patronship": patronship, "form": form})


@login_required
@require_POST
def contribution_confirm(request, pk: int, contribution_pk: int):
    patronship = _patronship_for_coordinator(request, pk)
    contribution = get_object_or_404(Contribution, pk=contribution_pk, patronship=patronship)
    try:
        services.contribution_confirm(contribution=contribution, by=request.user)
    except services.PatronshipError as exc:
        return render(
            request,
            "patronships/accompaniment/contribution_confirm.html",
            {"patronship": patronship, "contribution": contribution, "error": exc.message},
            status=400,
        )
    return _done(
        request,
        patronship,
        _("Der Beitrag „%(description)s“ ist bestätigt.")
        % {"description": contribution.description or contribution.given_on.strftime("%d.%m.%Y")},
    )


@login_required
def milestone_add(request, pk: int):
    patronship, _parties = get_patronship_for_partner(request, pk)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        milestone = _attempt(
            form,
            services.milestone_add,
            patronship=patronship,
            by=request.user,
            **form.cleaned_data,
        )
        if milestone:
            return _done(
                request,
                patronship,
                _("Der Meilenstein „%(title)s“ ist eingetragen.") % {"title": milestone.title},
            )
    return _form_page(request, "milestone_form.html", {"patronship": patronship, "form": form})


@login_required
@require_POST
def milestone_reach(request, pk: int, milestone_pk: int):
    patronship, _parties = get_patronship_for_partner(request, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, patronship=patronship)
    form = MilestoneReachForm(request.POST)
    if form.is_valid():
        milestone.patronship = patronship  # the service writes its audit entry on it
        reached = _attempt(
            form,
            services.milestone_reach,
            milestone=milestone,
            by=request.user,
            reached_on=form.cleaned_data["reached_on"],
        )
        if reached:
            return _done(
                request,
                patronship,
                _("Geschafft: „%(title)s“ ist erreicht.") % {"title": milestone.title},
            )
    return _form_page(
        request,
        "milestone_reach.html",
        {"patronship": patronship, "milestone": milestone, "form": form},
    )


@login_required
def review(request, pk: int):
    """A partner writes or revises their own party's closing review."""
    patronship, my_parties = get_patronship_for_viewer(request, pk)
    if not my_parties:
        raise PermissionDenied  # the coordination reads the reviews on the detail page
    parties = [p for p in (patronship.sponsor, patronship.recipient) if p.pk in my_parties]
    existing = {r.party_id: r for r in patronship.closing_reviews.filter(party_id__in=my_parties)}
    chosen = _chosen_party(request, parties)
    initial = {"party": chosen.pk}
    if chosen.pk in existing:
        previous = existing[chosen.pk]
        initial |= {
            "what_worked": previous.what_worked,
            "what_to_improve": previous.what_to_improve,
            "would_again": previous.would_again,
        }
    form = ReviewForm(request.POST or None, parties=parties, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        party = form.chosen_party()
        written = _attempt(
            form,
            services.review_write,
            patronship=patronship,
            party=party,
            by=request.user,
            what_worked=data["what_worked"],
            what_to_improve=data["what_to_improve"],
            would_again=data["would_again"],
        )
        if written:
            return _done(
                request,
                patronship,
                _("Vielen Dank! Ihr Rückblick für %(party)s ist gespeichert.")
                % {"party": party.name},
            )
    return _form_page(
        request,
        "review_form.html",
        {
            "patronship": patronship,
            "form": form,
            "parties": parties,
            "existing": existing,
            "chosen": chosen,
            "reviewable": patronship.status in services.REVIEWABLE,
        },
    )


def _chosen_party(request, parties):
    """Which of the user's parties the form starts with (?partei=<id>, for members of both)."""
    wanted = request.GET.get("partei", "")
    for party in parties:
        if str(party.pk) == wanted:
            return party
    return parties[0]
