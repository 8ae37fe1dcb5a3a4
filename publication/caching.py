"""Caching of public pages, keyed by the public version.

Every public page is cached under a key that contains the current public version, the
language and the day. Any change to what public pages show raises the version
(`public_version_bump`, called from this app's services and from signals on the models
public pages read), so every cached copy in every process is out of use at once:
invalidation needs no list of keys. The day is part of the key because seal states and
"laufend/abgeschlossen" follow the calendar.

Where the version lives depends on the cache. A shared cache (Redis in production) holds it,
read with one small GET per request. A cache of each process's own (local memory, as in
development and the first test run) cannot tell the other processes, so the version is then
read from the database row `PublicVersion` (one small query). Whole pages for visitors
without a session are also kept in each process's memory (`process_pages`), so that a
request on a cached page costs the version read and nothing else.
"""

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language

from .models import PublicVersion

VERSION_ROW = 1
# Entries of an old version are never read again; they just age out. The timeout also
# bounds how long a change made past the services and signals (a bulk QuerySet.update() in
# another app) can stay visible.
CACHE_TIMEOUT = 10 * 60
MISSING = object()


VERSION_KEY = "publication:version"


def _shared_cache() -> bool:
    """Whether all server processes see the same cache (not local memory, not a dummy)."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def _database_version() -> int:
    # One plain query, without the ORM's per-query overhead: it runs on every request.
    table = connection.ops.quote_name(PublicVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {table} WHERE id = %s", [VERSION_ROW])
        row = cursor.fetchone()
    return row[0] if row else 0


def _seed_version() -> int:
    """The version after the shared cache lost it (restart, eviction). Milliseconds since
    1970: larger than any version before, which started from an earlier time and rose by one
    per change, so no page cached under an old number can come back."""
    cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
    return cache.get(VERSION_KEY)


class _RedisVersion:
    """Reads the version from Redis with one client kept for the process: Django's cache
    backend builds a new client for every operation, which costs more than the read itself.
    The key and its format (a plain integer) are the cache backend's own."""

    def __init__(self):
        self.backend = None
        self.client = None
        self.key = ""

    def read(self, backend) -> int | None:
        if backend is not self.backend:
            import redis

            location = settings.CACHES["default"]["LOCATION"]
            if not isinstance(location, str):
                location = location[0]
            self.client = redis.Redis.from_url(location)
            self.key = backend.make_key(VERSION_KEY)
            self.backend = backend
        raw = self.client.get(self.key)
        return int(raw) if raw is not None else None


_redis_version = _RedisVersion()


def public_version() -> int:
    backend = caches["default"]
    if isinstance(backend, LocMemCache | DummyCache):
        return _database_version()
    if isinstance(backend, RedisCache):
        version = _redis_version.read(backend)
    else:
        version = cache.get(VERSION_KEY)
    return version if version is not None else _seed_version()


class _ProcessPages:
    """The most recently used whole pages, in this process's memory: a page asked for again
    costs no trip to the shared cache and no unpickling. Keys contain the version, so a
    change makes them unused at once; entries also expire like the shared cache's."""

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()

    def get(self, key: str) -> bytes | None:
        entry = self.entries.get(key)
        if entry is None or entry[0] < time.monotonic():
            return None
        self.entries.move_to_end(key)
        return entry[1]

    def put(self, key: str, page: bytes) -> None:
        self.entries[key] = (time.monotonic() + CACHE_TIMEOUT, page)
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)

    def clear(self) -> None:
        self.entries.clear()


process_pages = _ProcessPages(size=200)


def page_lookup(name: str, parts) -> tuple[int, str, bytes | None]:
    """The current version, the key of the whole page `name` for `parts` under it, and the
    page (None when nobody cached it yet)."""
    version = public_version()
    key = cache_key(f"{name}:page", parts, version=version)
    # With a cache of the process's own, a second copy in memory would gain nothing.
    mirror = _shared_cache()
    page = process_pages.get(key) if mirror else None
    if page is None:
        page = cache.get(key)
        if page is not None and mirror:
            process_pages.put(key, page)
    return version, key, page


def page_store(key: str, page: bytes) -> None:
    cache.set(key, page, CACHE_TIMEOUT)
    if _shared_cache():
        process_pages.put(key, page)


def _bump_now() -> None:
    if _shared_cache():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # the cache lost the version: a new one is larger than any before
            _seed_version()
    if PublicVersion.objects.filter(pk=VERSION_ROW).update(number=F("number") + 1):
        return
    try:
        with transaction.atomic():
            PublicVersion.objects.create(pk=VERSION_ROW, number=1)
    except IntegrityError:  # created by a concurrent bump in the meantime
        PublicVersion.objects.filter(pk=VERSION_ROW).update(number=F("number") + 1)


class _BumpToken:
    """Shared by the bumps registered in one transaction: the first to run bumps, the
    others see it done (a transaction that changes 500 rows raises the version once)."""

    def __init__(self):
        self.done = False


def _bump_once(token: _BumpToken) -> None:
    if not token.done:
        token.done = True
        _bump_now()


def public_version_bump() -> None:
    """Raise the public version when the current transaction commits (at once outside one).

    After the commit, not before: a request that read the new version must also see the new
    data. A request that read the old version and cached new data under it does no harm.
    """
    connection = transaction.get_connection()
    token = getattr(connection, "publication_bump_token", None)
    if token is None or token.done:
        token = connection.publication_bump_token = _BumpToken()
    transaction.on_commit(partial(_bump_once, token))


def cache_key(name: str, parts: Iterable[str], *, version: int) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f"publication:v{version}:{get_language()}:{timezone.localdate():%Y%m%d}:{name}:{digest}"


def cached(name: str, parts: Iterable[str], build: Callable[[], object], *, version=None):
    """The value cached for `name` and `parts` under the current public version, built with
    `build()` (and stored) when there is none. None is a value too ("not public")."""
    if version is None:
        version = public_version()
    key = cache_key(name, list(parts), version=version)
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        cache.set(key, value, CACHE_TIMEOUT)
    return value


@dataclass(frozen=True)
class Fragments:
    """The cached, user-independent parts of a public page; base.html (header with the
    visitor's navigation, footer with its CSRF token) is rendered around them per request."""

    title: str
    body: str
    description: str = ""
    head: str = ""
    body_class: str = ""
