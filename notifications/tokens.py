"""Signed, login-free unsubscribe links.

A token names a person and a scope: one notification kind, "digest" (every kind the person
receives in the weekly digest) or "all". Tokens do not expire: an unsubscribe link in an
old email must keep working (RFC 8058 expects that as well).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import NotificationKind

SALT = "notifications.unsubscribe"
SCOPE_DIGEST = "digest"
SCOPE_ALL = "all"
SCOPES = frozenset({*NotificationKind.values, SCOPE_DIGEST, SCOPE_ALL})


class BadToken(Exception):
    """The token is malformed, tampered with, or names an unknown scope."""


def unsubscribe_token_make(*, user_id: int, scope: str) -> str:
    if scope not in SCOPES:
        raise ValueError(f"Unknown unsubscribe scope: {scope!r}")
    return signing.dumps({"u": user_id, "s": scope}, salt=SALT, compress=True)


def unsubscribe_token_read(token: str) -> tuple[int, str]:
    """Return (user_id, scope) or raise BadToken."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature as exc:
        raise BadToken(str(exc)) from exc
    if not isinstance(data, dict):
        raise BadToken("payload is not a mapping")
    user_id, scope = data.get("u"), data.get("s")
    if not isinstance(user_id, int) or scope not in SCOPES:
        raise BadToken("payload has no valid user or scope")
    return user_id, scope


def unsubscribe_urls(*, user_id: int, scope: str) -> tuple[str, str]:
    """Absolute URLs of the confirmation page and of the RFC 8058 one-click endpoint."""
    token = unsubscribe_token_make(user_id=user_id, scope=scope)
    page = settings.SITE_URL + reverse("notifications:unsubscribe", args=[token])
    one_click = settings.SITE_URL + reverse("notifications:unsubscribe_one_click", args=[token])
    return page, one_click
