"""The coordinator's newsletter desk: issues, their blocks, previews, the test email,
sending with progress and per-recipient results, and the subscriber list."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from parties.access import coordinator_required

from .. import rendering, services
from ..forms import (
    DatesBlockForm,
    DeliveryFilterForm,
    IssueForm,
    ListBlockForm,
    SubscriberFilterForm,
    TextBlockForm,
    dates_as_text,
)
from ..models import (
    Block,
    BlockKind,
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    Segment,
    Subscriber,
    SubscriberStatus,
)

PAGE_SIZE = 50
BLOCK_FORMS = {
    BlockKind.TEXT: TextBlockForm,
    BlockKind.STORIES: ListBlockForm,
    BlockKind.NEEDS: ListBlockForm,
    BlockKind.DATES: DatesBlockForm,
}


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@coordinator_required
def issue_list(request):
    issues = (
        Issue.objects.annotate(
            recipients=Count("deliveries"),
            delivered=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
        )
        .select_related("created_by")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(issues, PAGE_SIZE).get_page(request.GET.get("page"))
    confirmed = dict(
        Subscriber.objects.confirmed()
        .order_by()
        .values("segment")
        .annotate(n=Count("pk"))
        .values_list("segment", "n")
    )
    segments = [(label, confirmed.get(value, 0)) for value, label in Segment.choices]
    return render(
        request,
        "newsletter/issue_list.html",
        {"page": page, "segments": segments, "confirmed_total": sum(confirmed.values())},
    )


def _issue_form_data(form) -> dict:
    data = form.cleaned_data
    return {
        "subject": data["subject"],
        "intro": data["intro"],
        "segments": data["segments"],
        "topics": data["topics"],
    }


@coordinator_required
def issue_create(request):
    form = IssueForm(
        request.POST if request.method == "POST" else None,
        initial={"segments": list(Segment.values)},
    )
    if request.method == "POST" and form.is_valid():
        issue = services.issue_create(**_issue_form_data(form), by=request.user)
        messages.success(
            request, _("Die Ausgabe ist angelegt. Stellen Sie nun die Bausteine zusammen.")
        )
        return redirect("newsletter:issue_edit", pk=issue.pk)
    return render(
        request,
        "newsletter/issue_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _draft_or_progress(issue: Issue):
    """Sent (or sending) issues are not edited: their page is the progress page."""
    if not issue.is_draft:
        return redirect("newsletter:issue_progress", pk=issue.pk)
    return None


@coordinator_required
def issue_edit(request, pk: int):
    issue = get_object_or_404(Issue, pk=pk)
    if moved := _draft_or_progress(issue):
        return moved
    form = IssueForm(
        request.POST if request.method == "POST" else None,
        initial={
            "subject": issue.subject,
            "intro": issue.intro,
            "segments": issue.segments,
            "topics": list(issue.topics.all()),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_update(issue=issue, **_issue_form_data(form))
        except services.NewsletterError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Die Ausgabe ist gespeichert."))
            return redirect("newsletter:issue_edit", pk=issue.pk)
    resolved = rendering.blocks_resolve(issue, frozen=False)
    return render(
        request,
        "newsletter/issue_edit.html",
        {
            "issue": issue,
            "form": form,
            "blocks": resolved,
            "kinds": BlockKind.choices,
            "audience": services.issue_audience(issue).count() if issue.segments else 0,
        },
        status=400 if form.errors else 200,
    )


def _block_initial(block: Block) -> dict:
    initial = {"title": block.title, "text": block.text, "count": block.count}
    if block.kind == BlockKind.DATES:
        initial["dates"] = dates_as_text(block.dates)
    return initial


def _block_fields(kind: str, cleaned: dict) -> dict:
    fields = {"title": cleaned.get("title", "")}
    if kind == BlockKind.TEXT:
        fields["text"] = cleaned["text"]
    elif kind == BlockKind.DATES:
        fields["dates"] = cleaned["dates"]
    else:
        fields["count"] = cleaned["count"]
    return fields


def _block_page(request, *, issue, kind, form, block=None):
    return render(
        request,
        "newsletter/block_form.html",
        {
            "issue": issue,
            "kind": kind,
            "kind_label": BlockKind(kind).label,
            "form": form,
            "block": block,
        },
        status=400 if form.errors else 200,
    )


@coordinator_required
def block_add(request, pk: int, kind: str):
    issue = get_object_or_404(Issue, pk=pk)
    if kind not in BLOCK_FORMS:
        raise Http404
    if moved := _draft_or_progress(issue):
        return moved
    form = BLOCK_FORMS[kind](request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.block_add(issue=issue, kind=kind, **_block_fields(kind, form.cleaned_data))
        messages.success(request, _("Der Baustein ist hinzugefügt."))
        return redirect("newsletter:issue_edit", pk=issue.pk)
    return _block_page(request, issue=issue, kind=kind, form=form)


@coordinator_required
def block_edit(request, pk: int):
    block = get_object_or_404(Block.objects.select_related("issue"), pk=pk)
    if moved := _draft_or_progress(block.issue):
        return moved
    form = BLOCK_FORMS[block.kind](
        request.POST if request.method == "POST" else None, initial=_block_initial(block)
    )
    if request.method == "POST" and form.is_valid():
        services.block_update(block=block, **_block_fields(block.kind, form.cleaned_data))
        messages.success(request, _("Der Baustein ist gespeichert."))
        return redirect("newsletter:issue_edit", pk=block.issue_id)
    return _block_page(request, issue=block.issue, kind=block.kind, form=form, block=block)


def _block_action(request, pk: int, action) -> HttpResponse:
    block = get_object_or_404(Block.objects.select_related("issue"), pk=pk)
    try:
        action(block)
    except services.NewsletterError as exc:
        messages.error(request, exc.message)
    return redirect("newsletter:issue_edit", pk=block.issue_id)


@coordinator_required
@require_POST
def block_delete(request, pk: int):
    return _block_action(request, pk, lambda block: services.block_delete(block=block))


@coordinator_required
@require_POST
def block_up(request, pk: int):
    return _block_action(request, pk, lambda block: services.block_move(block=block, step=-1))


@coordinator_required
@require_POST
def block_down(request, pk: int):
    return _block_action(request, pk, lambda block: services.block_move(block=block, step=1))


@coordinator_required
def issue_preview(request, pk: int):
    issue = get_object_or_404(Issue, pk=pk)
    _html, text = services.issue_preview(issue)
    return render(request, "newsletter/issue_preview.html", {"issue": issue, "text": text})


@coordinator_required
@xframe_options_sameorigin
def issue_preview_html(request, pk: int):
    """The HTML email itself, shown in a frame on the preview page (or on its own)."""
    issue = get_object_or_404(Issue, pk=pk)
    html, _text = services.issue_preview(issue)
    response = HttpResponse(html)
    # The email's own styles only; nothing from the page may run in it.
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    )
    return response


@coordinator_required
@require_POST
def issue_test(request, pk: int):
    issue = get_object_or_404(Issue, pk=pk)
    services.issue_test_send(issue=issue, to=request.user.email)
    messages.success(
        request,
        _("Eine Test-E-Mail geht an %(email)s. Es wurde nichts an Abonnenten versendet.")
        % {"email": request.user.email},
    )
    return redirect("newsletter:issue_preview", pk=issue.pk)


@coordinator_required
def issue_send(request, pk: int):
    """GET: what will happen and to how many; POST: start sending."""
    issue = get_object_or_404(Issue, pk=pk)
    if moved := _draft_or_progress(issue):
        return moved
    if request.method == "POST":
        try:
            count = services.issue_send_start(issue=issue, by=request.user)
        except services.NewsletterError as exc:
            messages.error(request, exc.message)
            return redirect("newsletter:issue_send", pk=issue.pk)
        messages.success(
            request,
            _("Der Versand an %(count)s Empfänger hat begonnen.") % {"count": count},
        )
        return redirect("newsletter:issue_progress", pk=issue.pk)
    return render(
        request,
        "newsletter/issue_send.html",
        {
            "issue": issue,
            "blockers": services.issue_send_blockers(issue),
            "audience": services.issue_audience(issue).count() if issue.segments else 0,
        },
    )


@coordinator_required
def issue_progress(request, pk: int):
    issue = get_object_or_404(Issue, pk=pk)
    counts = services.delivery_counts(issue)
    done = counts["total"] - counts[DeliveryStatus.QUEUED] - counts[DeliveryStatus.SENDING]
    form = DeliveryFilterForm(request.GET or None)
    deliveries = Delivery.objects.filter(issue=issue).only(
        "pk", "email", "status", "attempts", "sent_at", "last_error"
    )
    if form.is_valid() and form.cleaned_data["status"]:
        deliveries = deliveries.filter(status=form.cleaned_data["status"])
    page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "issue": issue,
        "counts": counts,
        "done": done,
        "statuses": [(value, label, counts[value]) for value, label in DeliveryStatus.choices],
        "form": form,
        "page": page,
        "query": _query(request),
        "sending": issue.status == IssueStatus.SENDING,
    }
    if request.htmx:
        return render(request, "newsletter/_progress.html", context)
    return render(request, "newsletter/issue_progress.html", context)


@coordinator_required
def subscriber_list(request):
    form = SubscriberFilterForm(request.GET or None)
    subscribers = Subscriber.objects.prefetch_related("topics")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            subscribers = subscribers.filter(
                Q(email__icontains=data["q"]) | Q(name__icontains=data["q"])
            )
        if data["status"]:
            subscribers = subscribers.filter(status=data["status"])
        if data["segment"]:
            subscribers = subscribers.filter(segment=data["segment"])
    page = Paginator(subscribers.order_by("email"), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(
        Subscriber.objects.order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return render(
        request,
        "newsletter/subscriber_list.html",
        {
            "form": form,
            "page": page,
            "query": _query(request),
            "counts": [(label, counts.get(value, 0)) for value, label in SubscriberStatus.choices],
        },
    )
