"""A per-address limit on the public subscription form, counted in the cache.

Each address may send the form SUBSCRIBE_RATE_LIMIT times per hour; together with the
per-email limit in services.subscription_request this keeps the form from being used to
send confirmation emails to many strangers.
"""

import time

from django.conf import settings
from django.core.cache import cache

from seals.ratelimit import client_address

WINDOW = 60 * 60


def _now() -> float:
    return time.time()


def subscribe_allowed(request) -> bool:
    """Count this attempt; False once the address used up its attempts for this hour."""
    limit = getattr(settings, "NEWSLETTER_SUBSCRIBE_RATE_LIMIT", 20)
    slot = int(_now()) // WINDOW
    key = f"newsletter:subscribe:{client_address(request)}:{slot}"
    cache.add(key, 0, WINDOW + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW + 1)
        count = 1
    return count <= limit
