"""Computing and storing suggestions: the thin layer between the database and the engine."""

import logging
import threading

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from exchange.models import Need, NeedStatus

from .engine.ranker import Index
from .loading import load_candidates, load_history, load_needs, load_taxonomy
from .models import MatchingWeights, PairDecision, Suggestion

logger = logging.getLogger(__name__)
LIMIT = 10


def build_index() -> Index:
    return Index(load_taxonomy(), load_candidates(), MatchingWeights.current())


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
        Suggestion(
            need_id=s.need_id,
            candidate_id=s.candidate_id,
            rank=rank,
            score=s.score,
            band=s.band,
            reasons=s.reasons,
            concerns=s.concerns,
            signals={k: round(v, 4) for k, v in s.signals.items() if v == v},
            shortlisted=(s.need_id, s.candidate_id) in shortlisted,
            computed_at=now,
        )
        for suggestions in results.values()
        for rank, s in enumerate(suggestions, start=1)
    ]
    with transaction.atomic():
        stored.delete()
        Suggestion.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def suggestions_rebuild() -> int:
    """Recompute every open need's suggestions; drop those of needs no longer open."""
    index = build_index()
    needs = load_needs()
    results = index.rank_many(needs, load_history(), limit=LIMIT, processes=2)
    return _store(results, need_ids=None)


def suggestions_refresh_needs(*, need_ids) -> int:
    """Recompute the given needs (those no longer open just lose their suggestions)."""
    need_ids = list(need_ids)
    needs = load_needs(
        Need.objects.filter(pk__in=need_ids, status=NeedStatus.OPEN, party__status="approved")
    )
    results = build_index().rank_many(needs, load_history(), limit=LIMIT) if needs else {}
    return _store(results, need_ids=need_ids)


def suggestions_refresh_party(*, party_id: int) -> int:
    """A party changed: recompute its own needs and every need it is or could be suggested
    for. Needs of the other kind are all affected, as the party may now fit or not."""
    from parties.models import Party

    party = Party.objects.filter(pk=party_id).first()
    affected = set(
        Suggestion.objects.filter(candidate_id=party_id).values_list("need_id", flat=True)
    )
    open_needs = Need.objects.filter(status=NeedStatus.OPEN)
    affected |= set(open_needs.filter(party_id=party_id).values_list("pk", flat=True))
    if party is not None and party.is_approved:
        affected |= set(open_needs.exclude(party__kind=party.kind).values_list("pk", flat=True))
    return suggestions_refresh_needs(need_ids=affected)


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


def schedule_refresh(*, need_ids=(), party_ids=()) -> None:
    state = getattr(_pending, "state", None)
    if state is None:
        state = _pending.state = {"needs": set(), "parties": set()}
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
    if len(state["needs"]) + len(state["parties"]) > REBUILD_THRESHOLD:
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

    transaction.on_commit(rebuild_suggestions.delay)
    return row


def rank_need(*, need: Need, limit: int = LIMIT) -> dict:
    """A fresh ranking for one need (open or not), as plain data for commands and APIs."""
    from parties.models import Party

    data = load_needs(Need.objects.filter(pk=need.pk))
    suggestions = build_index().rank_many(data, load_history(), limit=limit)[need.pk]
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
