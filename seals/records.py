"""What the public may know about a seal, cached by code.

The verification page, its JSON and the embedded images all read this record, so that the
thousands of requests from partners' websites cost a cache lookup, not a database query.
The record holds dates, not a state: the state is computed on each request, so expiry
needs no job. Every change to a seal goes through seals.services, which forgets the
record at once (and again when its transaction commits) in the shared cache and in this
process; other processes follow within MEMO_SECONDS.
"""

import datetime
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import Seal, SealState, is_well_formed_code

RECORD_TIMEOUT = 10 * 60  # a renamed party shows its new name within ten minutes
# A process-local cache (no Redis) cannot be cleared in the other gunicorn workers, so there
# a record lives only a few seconds: a revocation shows everywhere almost at once.
LOCAL_RECORD_TIMEOUT = 5
# Each process also keeps the records it just served for a moment: a seal embedded on a busy
# page is asked for many times a second, and each answer then needs no round trip to the
# shared cache. Another process shows a revocation at most this many seconds late.
MEMO_SECONDS = 2.0
MEMO_SIZE = 1024
_memo: OrderedDict[str, tuple[float, "SealRecord"]] = OrderedDict()
_memo_lock = threading.Lock()
DEFAULT_TITLE = "Lausitzer Sozialpate"


def seal_title() -> str:
    """The words at the top of every seal (the programme's name for its partners)."""
    return getattr(settings, "SEAL_TITLE", DEFAULT_TITLE)


@dataclass(frozen=True)
class SealRecord:
    pk: int
    code: str
    holder_id: int
    holder_name: str
    holder_is_sponsor: bool
    partner_name: str
    patronship_title: str
    topics: tuple[str, ...]
    valid_from: datetime.date
    valid_until: datetime.date
    revoked_at: datetime.datetime | None

    @property
    def year(self) -> int:
        return self.valid_from.year

    @property
    def revoked_on(self) -> datetime.date | None:
        return timezone.localdate(self.revoked_at) if self.revoked_at else None

    def state_on(self, day: datetime.date) -> SealState:
        # The same rule as Seal.state_on, on the cached copy.
        if self.revoked_at is not None:
            return SealState.REVOKED
        if day < self.valid_from:
            return SealState.NOT_YET_VALID
        if day > self.valid_until:
            return SealState.EXPIRED
        return SealState.VALID

    @property
    def verify_path(self) -> str:
        return reverse("seals:verify", args=[self.code])

    @property
    def verify_url(self) -> str:
        return settings.SITE_URL + self.verify_path


def _key(code: str) -> str:
    return f"seals:record:v1:{code}"


def record_from_seal(seal: Seal) -> SealRecord:
    patronship = seal.patronship
    is_sponsor = seal.holder_id == patronship.sponsor_id
    partner = patronship.recipient if is_sponsor else patronship.sponsor
    return SealRecord(
        pk=seal.pk,
        code=seal.code,
        holder_id=seal.holder_id,
        holder_name=seal.holder.name,
        holder_is_sponsor=is_sponsor,
        partner_name=partner.name,
        patronship_title=patronship.title,
        topics=tuple(topic.name for topic in patronship.topics.all()),
        valid_from=seal.valid_from,
        valid_until=seal.valid_until,
        revoked_at=seal.revoked_at,
    )


def seal_record(code: str) -> SealRecord | None:
    """The public record of the seal with `code`, or None for an unknown or malformed code."""
    if not is_well_formed_code(code):
        return None
    now = time.monotonic()
    with _memo_lock:
        memo = _memo.get(code)
    if memo is not None and memo[0] > now:
        return memo[1]
    record = cache.get(_key(code))
    if record is not None:
        _remember(code, record, now)
        return record
    seal = (
        Seal.objects.select_related("holder", "patronship__sponsor", "patronship__recipient")
        .prefetch_related("patronship__topics")
        .filter(code=code)
        .first()
    )
    if seal is None:
        return None
    record = record_from_seal(seal)
    cache.set(_key(code), record, _record_timeout())
    _remember(code, record, now)
    return record


def _remember(code: str, record: SealRecord, now: float) -> None:
    with _memo_lock:
        _memo[code] = (now + MEMO_SECONDS, record)
        _memo.move_to_end(code)
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)


def _record_timeout() -> int:
    local = isinstance(caches["default"], LocMemCache)
    return LOCAL_RECORD_TIMEOUT if local else RECORD_TIMEOUT


def seal_record_forget(code: str) -> None:
    """Drop the cached record now and once more after the surrounding transaction commits
    (a request between the two could otherwise cache the old state again)."""
    _forget(code)
    transaction.on_commit(lambda: _forget(code))


def _forget(code: str) -> None:
    cache.delete(_key(code))
    with _memo_lock:
        _memo.pop(code, None)
