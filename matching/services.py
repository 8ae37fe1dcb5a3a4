"""Computing and storing suggestions: the thin layer between the database and the engine."""

import json
import logging
import threading

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from audit.services import audit_record
from exchange.models import Need, NeedStatus

from . import resident
from .engine.ranker import Prepared
from .loading import load_history, load_needs
from .models import MatchingWeights, PairDecision, Suggestion

logger = logging.getLogger(__name__)
LIMIT = 10


COLUMNS = (
    "need_id",
    "candidate_id",
    "rank",
    "score",
    "band",
    "reasons",
    "concerns",
    "signals",
    "shortlisted",
    "computed_at",
)
JSON_COLUMNS = {"reasons", "concerns", "signals"}
COPY_FROM = 1000  # rows; fewer are inserted as usual


def _store(results, *, need_ids) -> int:
    """Replace the stored suggestions of `need_ids` (None: of all needs), keeping the
    coordinator's shortlist."""
    now = timezone.now()
    stored = (
        Suggestion.objects.all()
        if need_ids is None
        else Suggestion.objects.filter(need_id__in=need_ids)
    )
    shortlisted = set(stored.filter(shortlisted=True).values_list("need_id", "candidate_id"))
    rows = [
        (
            s.need_id,
            s.candidate_id,
            rank,
            s.score,
            s.band,
            s.reasons,
            s.concerns,
            {k: round(v, 4) for k, v in s.signals.items() if v == v},
            (s.need_id, s.candidate_id) in shortlisted,
            now,
        )
        for suggestions in results.values()
        for rank, s in enumerate(suggestions, start=1)
    ]
    with transaction.atomic():
        stored.delete()
        _insert(rows)
    return len(rows)


def _insert(rows: list[tuple]) -> None:
    """New suggestion rows (values in COLUMNS order). PostgreSQL takes them by COPY, which
    is many times faster than INSERT when a rebuild writes hundreds of thousands."""
    if connection.vendor != "postgresql" or len(rows) < COPY_FROM:
        Suggestion.objects.bulk_create(
            (Suggestion(**dict(zip(COLUMNS, row, strict=True))) for row in rows), batch_size=1000
        )
        return
    json_at = [i for i, name in enumerate(COLUMNS) if name in JSON_COLUMNS]
    sql = 'COPY "{}" ({}) FROM STDIN'.format(
        Suggestion._meta.db_table, ", ".join(f'"{name}"' for name in COLUMNS)
    )
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            row = list(row)
            for i in json_at:
                row[i] = encode(row[i])
            copy.write_row(row)


def suggestions_rebuild() -> int:
    """Recompute every open need's suggestions; drop those of needs no longer open."""
    built_at = resident.version()
    index = resident.build()
    needs = load_needs()
    results = index.rank_many(needs, load_history(), limit=LIMIT, processes=2)
    stored = _store(results, need_ids=None)
    resident.replace(index, built_at=built_at)
    return stored


def suggestions_refresh_needs(*, need_ids, index=None, history=None) -> int:
    """Recompute the given needs (those no longer open just lose their suggestions)."""
    need_ids = list(need_ids)
    needs = load_needs(
        Need.objects.filter(pk__in=need_ids, status=NeedStatus.OPEN, party__status="approved")
    )
    if not needs:
        return _store({}, need_ids=need_ids)
    history = history or load_history()
    with resident.exclusive:
        results = (index or resident.current()).rank_many(needs, history, limit=LIMIT)
    return _store(results, need_ids=need_ids)


def _lowest_kept_scores(need_ids) -> dict[int, int]:
    """Each need's lowest stored score where its list is full (others take anyone shown)."""
    need_ids, floors = sorted(need_ids), {}
    # SQLite takes 999 parameters a query; PostgreSQL many more.
    step = min(connection.features.max_query_params or 10_000, 10_000) - 1
    for start in range(0, len(need_ids), step):
        floors.update(
            Suggestion.objects.filter(
                need_id__in=need_ids[start : start + step], rank=LIMIT
            ).values_list("need_id", "score")
        )
    return floors


# Past this many needs changed since all were read, reading them again is cheaper than
# recomputing each of them with every party change.
READ_AGAIN_AFTER = 300


def _needs_read(index, open_needs) -> tuple[Prepared, set[int]]:
    """All open needs as the kept reading has them, and the needs changed (or whose owner
    changed) since it was made: the reading is out of date for those, so they are
    recomputed in any case. Past READ_AGAIN_AFTER of them, all are read again."""
    read = resident.reading(index)
    # Stamps older than the reading (less a margin for transactions still open and
    # clocks a little behind) cannot be new; the rest is compared with the reading's.
    recent = read.at - resident.READING_MARGIN
    changed = {
        pk
        for pk, updated, owner_updated in open_needs.filter(
            Q(updated_at__gte=recent) | Q(party__updated_at__gte=recent)
        ).values_list("pk", "updated_at", "party__updated_at")
        if read.stamps.get(pk) != (updated, owner_updated)
    }
    if len(changed) > READ_AGAIN_AFTER:
        resident.forget_reading()
        return resident.reading(index).prepared, set()
    return read.prepared, changed


def suggestions_refresh_party(*, party_id: int) -> int:
    """A party changed: recompute its own needs, the needs it is suggested for (it may drop
    out) and the needs whose list it now enters (it scores at least the lowest suggestion
    kept there, or the list has room)."""
    history = load_history()
    affected = set(
        Suggestion.objects.filter(candidate_id=party_id).values_list("need_id", flat=True)
    )
    open_needs = Need.objects.filter(status=NeedStatus.OPEN)
    affected |= set(open_needs.filter(party_id=party_id).values_list("pk", flat=True))
    with resident.exclusive:
        index = resident.party_changed(party_id)
        if party_id in index.position:
            prepared, changed = _needs_read(index, open_needs.exclude(party_id=party_id))
            affected |= changed
            scores = index.candidate_scores(party_id, prepared, history)
            floors = _lowest_kept_scores(scores.keys() - affected)
            affected |= {need for need, score in scores.items() if score >= floors.get(need, 0)}
        return suggestions_refresh_needs(need_ids=affected, index=index, history=history)


def pair_exclude(*, need: Need, candidate, by, reason: str = "") -> PairDecision:
    decision = PairDecision.objects.create(
        need=need,
        owner_id=need.party_id,
        candidate=candidate,
        kind=PairDecision.Kind.EXCLUDED,
        reason=reason,
        by=by,
    )
    audit_record(
        need,
        action="matching.excluded",
        by=by,
        message=f"„{candidate}“ wird nicht mehr vorgeschlagen. {reason}".strip(),
    )
    Suggestion.objects.filter(need=need, candidate=candidate).delete()
    schedule_refresh(need_ids=[need.pk])
    return decision


def suggestion_toggle_shortlist(*, suggestion: Suggestion) -> Suggestion:
    suggestion.shortlisted = not suggestion.shortlisted
    suggestion.save(update_fields=["shortlisted"])
    return suggestion


# --- keeping suggestions fresh -------------------------------------------------------------

# Changes made in one transaction are collected and sent as one task after the commit.
# Many changes at once (an import, the demo seed) become a single full rebuild.
REBUILD_THRESHOLD = 25
_pending = threading.local()


def schedule_refresh(*, need_ids=(), party_ids=(), rebuild=False) -> None:
    state = getattr(_pending, "state", None)
    if state is None:
        state = _pending.state = {"needs": set(), "parties": set(), "rebuild": False}
    state["rebuild"] |= rebuild
    state["needs"].update(need_ids)
    state["parties"].update(party_ids)
    # Every call registers a flush; the first one after the commit sends everything
    # collected, the others find nothing left.
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    from .tasks import rebuild_suggestions, refresh_needs, refresh_party

    state = getattr(_pending, "state", None)
    _pending.state = None
    # What a rolled-back transaction collected is sent with the next commit: one more
    # recomputation, never anything stale.
    if not state:
        return
    if state["rebuild"] or len(state["needs"]) + len(state["parties"]) > REBUILD_THRESHOLD:
        resident.invalidate()
        rebuild_suggestions.delay()
        return
    for party_id in sorted(state["parties"]):
        refresh_party.delay(party_id)
    if state["needs"]:
        refresh_needs.delay(sorted(state["needs"]))


@transaction.atomic
def weights_update(*, overrides: dict, by) -> MatchingWeights:
    row = MatchingWeights.objects.order_by("pk").first() or MatchingWeights()
    row.overrides = overrides
    row.updated_by = by
    row.save()
    audit_record(
        row, action="matching.weights", by=by, message="Gewichtung geändert.", changes=overrides
    )
    from .tasks import rebuild_suggestions

    transaction.on_commit(resident.invalidate)
    transaction.on_commit(rebuild_suggestions.delay)
    return row


def rank_need(*, need: Need, limit: int = LIMIT) -> dict:
    """A fresh ranking for one need (open or not), as plain data for commands and APIs."""
    from parties.models import Party

    data = load_needs(Need.objects.filter(pk=need.pk))
    history = load_history()
    with resident.exclusive:
        suggestions = resident.current().rank_many(data, history, limit=limit)[need.pk]
    names = dict(
        Party.objects.filter(pk__in=[s.candidate_id for s in suggestions]).values_list("pk", "name")
    )
    rows = [
        {
            "rank": rank,
            "party_id": s.candidate_id,
            "party": names.get(s.candidate_id, ""),
            "score": s.score,
            "band": s.band,
            "reasons": s.reasons,
            "concerns": s.concerns,
        }
        for rank, s in enumerate(suggestions, start=1)
    ]
    has_good = any(r["band"] in ("strong", "possible") for r in rows)
    return {
        "need_id": need.pk,
        "ref": need.ref,
        "title": need.title,
        "verdict": "" if has_good else "kein passender Vorschlag",
        "has_good": has_good,
        "suggestions": rows,
    }
