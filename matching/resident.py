"""The index a process keeps between refreshes.

Building the index reads every approved party and takes seconds at large sizes; ranking one
changed need against a built index takes milliseconds. So each process (a Celery worker, or
the web process when tasks run in-process) keeps one index, and a counter in the shared
cache (Redis in production) says whether it is still current: everything that changes what
the index holds (a party, the taxonomy, the weights, a full rebuild) moves the counter, and
a process that finds it moved by someone else builds its index anew before using it.

A changed party is written into the kept index in place when that is exact: the party was
and still is a candidate, and its words and competencies are all known to the index.
Otherwise (a new or removed candidate, a new word) the index is built anew. The nightly full
rebuild (see `CELERY_BEAT_SCHEDULE`) also refreshes the word weights, which in-place updates
leave as they were.
"""

import datetime
import random
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from exchange.models import Need, NeedStatus

from .engine.ranker import Index, Prepared
from .loading import load_candidates, load_needs, load_taxonomy
from .models import MatchingWeights

KEY = "matching:index-version"
READING_MARGIN = datetime.timedelta(seconds=30)


class _Kept:
    def __init__(self):
        self.lock = threading.RLock()
        self.clear()

    def clear(self):
        self.index: Index | None = None
        self.version: int | None = None
        self.reading: Reading | None = None


@dataclass(frozen=True)
class Reading:
    """Every open need as an index read it, when, and each need's and its owner's
    `updated_at` as they were then: a need whose stamps differ now has changed since."""

    prepared: Prepared
    at: datetime.datetime
    stamps: dict[int, tuple]


_kept = _Kept()
# Held while an index is read or changed: threads of one process (a threaded web server
# running tasks in-process) must not rank with an index another thread is changing.
exclusive = _kept.lock


_in_worker = False


def mark_worker(**kwargs) -> None:
    """This process is a Celery worker (connected to its start signals in apps.py)."""
    global _in_worker
    _in_worker = True


def _enabled() -> bool:
    """Keep an index where refresh tasks run: in Celery workers, or in every process when
    tasks run in-process. A web process that only ranks now and then (the coordinator's
    "recompute") builds one for the occasion rather than holding it in memory."""
    if not getattr(settings, "MATCHING_KEEP_INDEX", True):
        return False
    return _in_worker or settings.CELERY_TASK_ALWAYS_EAGER


def _shared_version() -> int | None:
    version = cache.get(KEY)
    if version is None:
        # A random start: a process's old version never matches a counter started anew
        # after the cache was emptied.
        cache.add(KEY, random.getrandbits(48), timeout=None)
        version = cache.get(KEY)
    return version


def _bump() -> int | None:
    """Move the shared counter; the new value, or None if the cache lost it meanwhile."""
    _shared_version()
    try:
        return cache.incr(KEY)
    except ValueError:
        return None


def build() -> Index:
    return Index(load_taxonomy(), load_candidates(), MatchingWeights.current())


def current() -> Index:
    """An index that holds every change made so far: the kept one, or a new one."""
    if not _enabled():
        return build()
    with _kept.lock:
        version = _shared_version()
        if _kept.index is None or version is None or _kept.version != version:
            _kept.clear()
            _kept.index = build()
            _kept.version = version
        return _kept.index


def version() -> int | None:
    """The shared counter now: read it before building an index for `replace`."""
    return _shared_version()


def replace(index: Index, *, built_at: int | None) -> None:
    """A full rebuild made `index` from what the database held when the counter stood at
    `built_at`: all other processes build anew; this one keeps `index` unless someone
    changed something while it was built (then it builds anew too)."""
    with _kept.lock:
        after = _bump()
        _kept.clear()
        if _enabled() and built_at is not None and after == built_at + 1:
            _kept.index, _kept.version = index, after


def invalidate() -> None:
    """What every index holds changed (taxonomy, weights): all processes build anew."""
    with _kept.lock:
        _bump()
        _kept.clear()


def _fits_in_place(index: Index, candidate) -> bool:
    if candidate.id not in index.position:
        return False
    known = index.competency_pos
    competencies = set(candidate.competencies).union(*(o.competencies for o in candidate.offers))
    if not competencies <= known.keys():
        return False
    words = index.vocabulary.index
    return all(term in words for term in index._candidate_terms(candidate))


def party_changed(party_id: int) -> Index:
    """Write one party's change into the kept index and tell the other processes."""
    if not _enabled():
        _bump()  # processes that do keep an index must still hear of it
        return build()
    with _kept.lock:
        before = _shared_version()
        up_to_date = _kept.index is not None and _kept.version == before
        (candidate,) = load_candidates(parties=[party_id]) or (None,)
        index = _kept.index
        in_index = up_to_date and party_id in index.position
        if up_to_date and candidate is None and not in_index:
            return index  # not a candidate before or now: nothing the index holds changed
        after = _bump()
        # In place only if nobody else moved the counter meanwhile: another process's
        # change would be missing from this index.
        nobody_else = after is not None and after == before + 1
        if (
            nobody_else
            and up_to_date
            and candidate is not None
            and _fits_in_place(index, candidate)
        ):
            index.update_candidate(candidate)
            _kept.version = after
            return index
        _kept.clear()
    return current()


def reading(index: Index) -> Reading:
    """Every open need, read by `index` once (kept with the kept index).

    Needs changed since are read anew by whoever uses it (see
    `services.suggestions_refresh_party`)."""
    with _kept.lock:
        if _kept.index is index and _kept.reading is not None:
            return _kept.reading
        at = timezone.now()
        # The stamps first: a need changed between the two reads counts as changed.
        stamps = {
            pk: (updated, owner_updated)
            for pk, updated, owner_updated in Need.objects.filter(
                status=NeedStatus.OPEN, party__status="approved"
            ).values_list("pk", "updated_at", "party__updated_at")
        }
        read = Reading(index.prepare(load_needs()), at, stamps)
        if _kept.index is index:
            _kept.reading = read
        return read


def forget_reading() -> None:
    """Read all needs again at the next use (too many changed since the last reading)."""
    with _kept.lock:
        _kept.reading = None
