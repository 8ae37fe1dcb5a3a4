"""A per-address limit for the public verification pages, counted in the cache.

Codes are 192 random bits, so guessing is hopeless anyway; the limit keeps scripted
enumeration attempts from costing the portal anything, while a person checking a few seals
never meets it. Behind a trusted TLS proxy (SECURE_PROXY_SSL_HEADER set) the address is the
last one that proxy appended to X-Forwarded-For. With a process-local cache (no Redis)
each gunicorn worker counts for itself, so the limit is per worker there.
"""

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = 60  # requests
DEFAULT_WINDOW = 60  # seconds


def client_address(request) -> str:
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def limits() -> tuple[int, int]:
    return (
        getattr(settings, "SEAL_VERIFY_RATE_LIMIT", DEFAULT_LIMIT),
        getattr(settings, "SEAL_VERIFY_RATE_WINDOW", DEFAULT_WINDOW),
    )


def verification_allowed(request) -> tuple[bool, int]:
    """Count this request; (allowed, seconds until the window resets)."""
    limit, window = limits()
    now = int(time.time())
    slot = now // window
    key = f"seals:rate:{client_address(request)}:{slot}"
    # One atomic increment in the usual case; the window's first request starts it.
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1 if cache.add(key, 1, window + 1) else cache.incr(key)
    return count <= limit, (slot + 1) * window - now
