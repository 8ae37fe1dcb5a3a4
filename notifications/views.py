from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services
from .forms import NotificationSettingsForm, ReturnPageForm, UnsubscribeForm
from .models import Notification, NotificationKind
from .tokens import SCOPE_ALL, SCOPE_DIGEST, BadToken, unsubscribe_token_read

PAGE_SIZE = 20


@login_required
def notification_list(request):
    notifications = Notification.objects.filter(user=request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    unread = services.unread_count(request.user)
    # The header link shows the same figure; spare it a second query.
    request.notifications_unread_count = unread
    return render(request, "notifications/list.html", {"page": page, "unread": unread})


def _back_to_list(request):
    form = ReturnPageForm(request.POST)
    url = reverse("notifications:list")
    if form.is_valid() and form.cleaned_data["page"] and form.cleaned_data["page"] > 1:
        url += f"?page={form.cleaned_data['page']}"
    return redirect(url)


@login_required
def notification_open(request, pk: int):
    """Follow a notification: mark it read and go to what it is about (only on this site)."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_mark_read(notification=notification)
    return redirect(notification.safe_url or reverse("notifications:list"))


@login_required
@require_POST
def notification_read(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_mark_read(notification=notification)
    return _back_to_list(request)


@login_required
@require_POST
def notifications_read_all(request):
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
    return _back_to_list(request)


@login_required
def notification_settings(request):
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None,
        kinds=services.kinds_for(request.user),
        initial_modes=services.email_settings_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.notification_settings_save(user=request.user, modes=form.cleaned_data)
        messages.success(request, _("Ihre Einstellungen sind gespeichert."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})


def _token_user(token: str):
    """(user, scope, 200) for a valid token, else (None, None, status to answer with)."""
    try:
        user_id, scope = unsubscribe_token_read(token)
    except BadToken:
        return None, None, 400
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return None, None, 404
    return user, scope, 200


def _invalid(request, status: int):
    return render(
        request, "notifications/unsubscribe_invalid.html", {"status": status}, status=status
    )


def _scope_label(scope: str) -> str:
    if scope == SCOPE_ALL:
        return _("alle Benachrichtigungen per E-Mail")
    if scope == SCOPE_DIGEST:
        return _("die wöchentliche Zusammenfassung")
    return _("E-Mails zu „%(kind)s“") % {"kind": NotificationKind(scope).label}


def unsubscribe(request, token: str):
    """Login-free page from the email. GET only shows the choice, so link scanners that
    open every link in an email cannot unsubscribe anyone; the button POSTs."""
    user, scope, status = _token_user(token)
    if user is None:
        return _invalid(request, status)
    form = UnsubscribeForm(request.POST if request.method == "POST" else None, scope=scope)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["scope"]
        services.email_unsubscribe(user=user, scope=chosen)
        return render(
            request,
            "notifications/unsubscribe.html",
            {"done": True, "scope_label": _scope_label(chosen), "email": user.email},
        )
    return render(
        request,
        "notifications/unsubscribe.html",
        {"form": form, "email": user.email, "scope_label": _scope_label(scope)},
    )


@csrf_exempt  # mail clients POST here without a session or token (RFC 8058)
@require_POST
def unsubscribe_one_click(request, token: str):
    """RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click"."""
    user, scope, status = _token_user(token)
    if user is None:
        return HttpResponse(_("Dieser Abmeldelink ist ungültig."), status=status)
    services.email_unsubscribe(user=user, scope=scope)
    return HttpResponse(
        _("Sie erhalten %(what)s nicht mehr.") % {"what": _scope_label(scope)},
        content_type="text/plain; charset=utf-8",
    )
