"""Public newsletter pages: subscribe (double opt-in), confirm, unsubscribe, the archive."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from .. import rendering, services
from ..forms import ConfirmForm, SubscribeForm
from ..models import Issue, IssueStatus, Subscriber
from ..ratelimit import subscribe_allowed
from ..tokens import BadToken, confirm_token_read, unsubscribe_token_read

ARCHIVE_PAGE_SIZE = 20


def subscribe(request):
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not subscribe_allowed(request):
            form.add_error(
                None,
                _(
                    "Von Ihrem Anschluss kamen gerade sehr viele Anmeldungen. Bitte versuchen "
                    "Sie es in einer Stunde noch einmal."
                ),
            )
            return render(request, "newsletter/subscribe.html", {"form": form}, status=429)
        if form.is_valid():
            if not form.is_bot:
                services.subscription_request(
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    segment=form.cleaned_data["segment"],
                    topics=form.cleaned_data["topics"],
                    consent_text=str(form.fields["consent"].label),
                )
            return redirect("newsletter:subscribe_sent")
    return render(
        request,
        "newsletter/subscribe.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_safe
def subscribe_sent(request):
    return render(request, "newsletter/subscribe_sent.html")


def _invalid(request, message: str, status: int = 400):
    return render(request, "newsletter/link_invalid.html", {"message": message}, status=status)


def confirm(request, token: str):
    """GET shows a button, POST confirms: link scanners cannot subscribe anyone."""
    try:
        subscriber_id, key = confirm_token_read(token)
    except BadToken:
        return _invalid(
            request,
            _(
                "Der Bestätigungslink ist unvollständig oder älter als sieben Tage. Bitte "
                "melden Sie sich noch einmal an; Sie erhalten dann einen neuen Link."
            ),
        )
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return _invalid(request, _("Zu diesem Link gibt es keine Anmeldung mehr."), status=404)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            subscriber = services.subscription_confirm(subscriber_id=subscriber.pk, key=key)
        except services.NewsletterError as exc:
            return _invalid(request, exc.message)
        return render(request, "newsletter/confirm.html", {"done": True, "subscriber": subscriber})
    return render(
        request,
        "newsletter/confirm.html",
        {"form": form, "subscriber": subscriber, "already": subscriber.is_confirmed},
    )


def _subscriber_from(token: str) -> Subscriber | None:
    try:
        subscriber_id = unsubscribe_token_read(token)
    except BadToken:
        return None
    return Subscriber.objects.filter(pk=subscriber_id).first()


def unsubscribe(request, token: str):
    """From the link in every issue: GET shows a button, POST unsubscribes."""
    subscriber = _subscriber_from(token)
    if subscriber is None:
        return _invalid(
            request,
            _(
                "Der Abmeldelink ist unvollständig oder gehört zu keiner Anmeldung mehr. Bitte "
                "kopieren Sie ihn vollständig aus der E-Mail."
            ),
        )
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.subscriber_unsubscribe(subscriber=subscriber)
        return render(
            request, "newsletter/unsubscribe.html", {"done": True, "subscriber": subscriber}
        )
    return render(request, "newsletter/unsubscribe.html", {"form": form, "subscriber": subscriber})


@csrf_exempt  # mail clients POST here without a session or CSRF token (RFC 8058)
@require_POST
def unsubscribe_one_click(request, token: str):
    subscriber = _subscriber_from(token)
    if subscriber is None:
        return HttpResponse(
            _("Dieser Abmeldelink ist ungültig."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    services.subscriber_unsubscribe(subscriber=subscriber)
    return HttpResponse(
        _("%(email)s erhält den Newsletter nicht mehr.") % {"email": subscriber.email},
        content_type="text/plain; charset=utf-8",
    )


def _archived():
    return Issue.objects.filter(status=IssueStatus.SENT).order_by("-sent_at", "-pk")


@require_safe
def archive(request):
    page = Paginator(
        _archived().only("pk", "subject", "intro", "sent_at"), ARCHIVE_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(request, "newsletter/archive.html", {"page": page})


@require_safe
def archive_issue(request, pk: int):
    issue = get_object_or_404(_archived().prefetch_related("blocks"), pk=pk)
    context = rendering.archive_context(issue)
    return render(request, "newsletter/archive_issue.html", context)
