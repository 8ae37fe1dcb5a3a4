"""Telling people about things: in-portal notifications, immediate emails, weekly digests."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from communication.services import email_queue

from .models import (
    COORDINATOR_KINDS,
    DEFAULT_EMAIL_MODE,
    EmailMode,
    Notification,
    NotificationKind,
    NotificationSetting,
    is_safe_site_path,
)
from .tokens import SCOPE_ALL, SCOPE_DIGEST, unsubscribe_urls

logger = logging.getLogger(__name__)

# A digest lists at most this many notifications; the rest are counted and linked.
DIGEST_MAX_ITEMS = 50


def _pk(obj) -> int | None:
    """Accept a model instance or a primary key."""
    if obj is None:
        return None
    return getattr(obj, "pk", obj)


def absolute_url(url: str) -> str:
    """Make a site-relative path absolute with SITE_URL; leave absolute URLs alone."""
    if url.startswith("/") and not url.startswith("//"):
        return settings.SITE_URL + url
    return url


def recipients_resolve(*, parties=(), users=(), coordinators: bool = False, exclude_user=None):
    """Active users to notify: members of `parties`, `users`, coordinators; deduplicated."""
    User = get_user_model()
    party_ids = {_pk(p) for p in parties if p is not None}
    user_ids = {_pk(u) for u in users if u is not None}
    condition = Q(pk__in=[])
    if party_ids:
        condition |= Q(memberships__party_id__in=party_ids)
    if user_ids:
        condition |= Q(pk__in=user_ids)
    if coordinators:
        condition |= Q(is_coordinator=True)
    queryset = User.objects.filter(condition, is_active=True)
    exclude_id = _pk(exclude_user) if getattr(exclude_user, "is_authenticated", True) else None
    if exclude_id is not None:
        queryset = queryset.exclude(pk=exclude_id)
    # The membership join can repeat a user; the subquery keeps the outer query plain.
    return User.objects.filter(pk__in=queryset.values("pk")).order_by("pk")


def email_modes_for(*, user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Each user's email mode for `kind` (the default where they have not chosen)."""
    user_ids = list(user_ids)
    chosen = dict(
        NotificationSetting.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "email_mode"
        )
    )
    return {user_id: chosen.get(user_id, DEFAULT_EMAIL_MODE) for user_id in user_ids}


def email_settings_for(user) -> dict[str, str]:
    """The user's email mode for every kind, defaults filled in."""
    chosen = dict(NotificationSetting.objects.filter(user=user).values_list("kind", "email_mode"))
    return {kind: chosen.get(kind, DEFAULT_EMAIL_MODE) for kind in NotificationKind.values}


def kinds_for(user) -> list[str]:
    """The kinds a user can receive and therefore may set (coordination tasks only for them)."""
    return [
        kind
        for kind in NotificationKind.values
        if user.is_coordinator or kind not in COORDINATOR_KINDS
    ]


def _unsubscribe_headers(one_click_url: str) -> dict[str, str]:
    # RFC 2369 / RFC 8058: mail clients show an "unsubscribe" button and POST to this URL.
    return {
        "List-Unsubscribe": f"<{one_click_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def _common_context(user) -> dict:
    return {
        "user": user,
        "programme": settings.PROGRAMME,
        "site_url": settings.SITE_URL,
        "settings_url": settings.SITE_URL + reverse("notifications:settings"),
        "list_url": settings.SITE_URL + reverse("notifications:list"),
    }


def _render_subject(template: str, context: dict) -> str:
    return " ".join(render_to_string(template, context).split())


def _notification_email_queue(notification: Notification, actions) -> None:
    user = notification.user
    page_url, one_click_url = unsubscribe_urls(user_id=user.pk, scope=notification.kind)
    context = {
        **_common_context(user),
        "notification": notification,
        "kind_label": notification.get_kind_display(),
        "url": absolute_url(notification.url) if notification.url else "",
        "actions": [(label, absolute_url(url)) for label, url in actions],
        "unsubscribe_url": page_url,
    }
    email_queue(
        to=user.email,
        subject=_render_subject("notifications/email/notification_subject.txt", context),
        body=render_to_string("notifications/email/notification_message.txt", context),
        headers=_unsubscribe_headers(one_click_url),
    )


@transaction.atomic
def notify(
    *,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    parties=(),
    users=(),
    coordinators: bool = False,
    actions=(),
    exclude_user=None,
) -> list[Notification]:
    """Tell people about something.

    Recipients: the members of each party in `parties` (instances or ids), plus `users`
    (instances or ids), plus every active coordinator when `coordinators` is True;
    deduplicated, inactive accounts skipped, `exclude_user` (who caused it) left out.
    Each gets an in-portal Notification and, by their setting for `kind`, an email now,
    a line in the weekly digest, or nothing. `url` is a site-relative path; `actions` are
    (label, url) pairs shown as links in the immediate email only (relative ones are made
    absolute with SITE_URL). Runs inside the caller's transaction; emails go out on commit.
    """
    if kind not in NotificationKind.values:
        raise ValueError(f"Unknown notification kind: {kind!r}")
    recipients = list(
        recipients_resolve(
            parties=parties, users=users, coordinators=coordinators, exclude_user=exclude_user
        )
    )
    if not recipients:
        return []
    if url and not is_safe_site_path(url):
        logger.warning("Notification %r: dropping a link that leaves the site: %r", title, url)
        url = ""
    actions = [(str(label), str(action_url)) for label, action_url in actions]
    modes = email_modes_for(user_ids=[user.pk for user in recipients], kind=kind)
    now = timezone.now()
    notifications = [
        Notification(
            user=user,
            kind=kind,
            title=str(title)[:250],
            body=str(body),
            url=url,
            created_at=now,
            email_mode=modes[user.pk],
            emailed_at=now if modes[user.pk] == EmailMode.IMMEDIATE else None,
        )
        for user in recipients
    ]
    created = Notification.objects.bulk_create(notifications)
    for notification in created:
        if notification.email_mode == EmailMode.IMMEDIATE:
            _notification_email_queue(notification, actions)
    return created


def unread_count(user) -> int:
    """Unread notifications of `user` (0 for anonymous visitors)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user).unread().count()


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of `user` read; returns how many changed."""
    return Notification.objects.filter(user=user).unread().update(read_at=timezone.now())


@transaction.atomic
def notification_settings_save(*, user, modes: dict[str, str]) -> None:
    """Store the user's email mode per kind (only kinds they can receive)."""
    allowed = set(kinds_for(user))
    for kind, mode in modes.items():
        if kind not in allowed:
            raise ValueError(f"Kind {kind!r} cannot be set for this user")
        if mode not in EmailMode.values:
            raise ValueError(f"Unknown email mode: {mode!r}")
        NotificationSetting.objects.update_or_create(
            user=user, kind=kind, defaults={"email_mode": mode}
        )


@transaction.atomic
def email_unsubscribe(*, user, scope: str) -> list[str]:
    """Turn email off for one kind, for every digest kind ("digest"), or for all ("all").

    Returns the kinds that were switched off (already-off kinds are not listed).
    """
    current = email_settings_for(user)
    if scope == SCOPE_ALL:
        kinds = list(NotificationKind.values)
    elif scope == SCOPE_DIGEST:
        kinds = [kind for kind, mode in current.items() if mode == EmailMode.DIGEST]
    elif scope in NotificationKind.values:
        kinds = [scope]
    else:
        raise ValueError(f"Unknown unsubscribe scope: {scope!r}")
    changed = [kind for kind in kinds if current[kind] != EmailMode.OFF]
    for kind in changed:
        NotificationSetting.objects.update_or_create(
            user=user, kind=kind, defaults={"email_mode": EmailMode.OFF}
        )
    return changed


def digest_send(*, user_id: int) -> bool:
    """Email one person the notifications waiting for their digest. True if one was queued.

    The pending rows are locked and stamped `emailed_at` in the same transaction that queues
    the email, so running the digest twice (or two workers at once) never repeats an item.
    Items whose kind the person has since switched off are stamped but not listed.
    """
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(pk=user_id, is_active=True).first()
        pending = list(
            Notification.objects.select_for_update()
            .filter(user_id=user_id)
            .digest_pending()
            .order_by("created_at", "pk")
        )
        if not pending:
            return False
        now = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=now)
        if user is None:
            return False
        current = email_settings_for(user)
        items = [n for n in pending if current[n.kind] != EmailMode.OFF]
        if not items:
            return False
        page_url, one_click_url = unsubscribe_urls(user_id=user.pk, scope=SCOPE_DIGEST)
        context = {
            **_common_context(user),
            "items": [
                {"notification": n, "url": absolute_url(n.url) if n.safe_url else ""}
                for n in items[:DIGEST_MAX_ITEMS]
            ],
            "count": len(items),
            "more": max(0, len(items) - DIGEST_MAX_ITEMS),
            "unsubscribe_url": page_url,
        }
        email_queue(
            to=user.email,
            subject=_render_subject("notifications/email/digest_subject.txt", context),
            body=render_to_string("notifications/email/digest_message.txt", context),
            headers=_unsubscribe_headers(one_click_url),
        )
        return True


def digest_send_all() -> int:
    """Send the weekly digest to everyone with pending digest items; returns emails queued."""
    pending = Notification.objects.digest_pending().order_by("user_id")
    user_ids = list(pending.values_list("user_id", flat=True).distinct())
    sent = 0
    for user_id in user_ids:
        if digest_send(user_id=user_id):
            sent += 1
    return sent
