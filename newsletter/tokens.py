"""Signed links in newsletter emails: confirming a subscription, and unsubscribing.

A confirmation link names the subscriber and the key of their latest request and expires
after CONFIRM_DAYS, so an old link cannot re-subscribe someone who has since left. An
unsubscribe link never expires: it must work from an old issue too (RFC 8058).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_DAYS = 7


class BadToken(Exception):
    """Malformed, tampered with or expired."""


def confirm_token_make(subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "k": subscriber.confirm_key}, salt=CONFIRM_SALT)


def confirm_token_read(token: str) -> tuple[int, str]:
    """(subscriber id, request key), or BadToken (also when older than CONFIRM_DAYS)."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    except signing.BadSignature as exc:  # SignatureExpired is a BadSignature
        raise BadToken(str(exc)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise BadToken("payload has no subscriber")
    return data["s"], str(data.get("k", ""))


def unsubscribe_token_make(subscriber_id: int) -> str:
    return signing.dumps({"s": subscriber_id}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_read(token: str) -> int:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as exc:
        raise BadToken(str(exc)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise BadToken("payload has no subscriber")
    return data["s"]


def confirm_url(subscriber) -> str:
    return settings.SITE_URL + reverse("newsletter:confirm", args=[confirm_token_make(subscriber)])


def unsubscribe_urls(subscriber_id: int) -> tuple[str, str]:
    """Absolute URLs of the unsubscribe page and of the RFC 8058 one-click endpoint."""
    token = unsubscribe_token_make(subscriber_id)
    page = settings.SITE_URL + reverse("newsletter:unsubscribe", args=[token])
    one_click = settings.SITE_URL + reverse("newsletter:unsubscribe_one_click", args=[token])
    return page, one_click
