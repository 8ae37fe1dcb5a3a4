"""The vectorised scoring: pruning by upper bounds must never change a ranking."""

import random

from matching.engine import scoring
from matching.engine.data import CandidateData, History, NeedData, OfferData
from matching.engine.ranker import Index
from tests.matching.test_engine import (
    BAD_MUSKAU,
    COTTBUS,
    GOERLITZ,
    TAXONOMY,
    WEISSWASSER,
    company,
    need,
)

FILLER = ["bitte", "Verein", "Kinder", "schnell", "Wochenende", "Familien", "Ort"]
OFFER_KINDS = ["service", "service", "room", "vehicle", "equipment", "staff_time"]
NEED_KINDS = ["know_how", "know_how", "in_kind", "room", "transport", "time"]


def region(seed=3, n_companies=120, n_clubs=20, n_needs=50):
    """A small region whose needs each have far more fitting candidates than a list holds."""
    rng = random.Random(seed)
    competencies = list(TAXONOMY.competencies)
    places = [WEISSWASSER, BAD_MUSKAU, COTTBUS, GOERLITZ, None]

    def words(competency, n):
        return " ".join(rng.choice([competency.name, *competency.synonyms]) for _ in range(n))

    candidates = []
    for i in range(n_companies + n_clubs):
        chosen = rng.sample(competencies, rng.randint(1, 3))
        candidates.append(
            CandidateData(
                id=i + 1,
                name=f"Partei {i}",
                kind="company" if i < n_companies else "organisation",
                competencies={c.id: rng.randint(1, 3) for c in chosen},
                offers=[
                    OfferData(rng.choice(OFFER_KINDS), words(c, 1), words(c, 2), frozenset({c.id}))
                    for c in chosen[: rng.randint(0, 2)]
                ],
                description=" ".join([words(chosen[0], 2), *rng.sample(FILLER, 3)]),
                topics=frozenset(rng.sample([1, 2], rng.randint(0, 2))),
                place=rng.choice(places),
                radius_km=rng.choice([10, 30, 60]),
                max_patronships=rng.randint(1, 3),
                running=rng.randint(0, 2),
                paused=rng.random() < 0.05,
            )
        )
    needs = []
    for j in range(n_needs):
        owner = candidates[n_companies + j % n_clubs] if j % 5 else candidates[j]
        wanted = rng.choice(competencies)
        needs.append(
            NeedData(
                id=1000 + j,
                owner_id=owner.id,
                owner_kind=owner.kind,
                title=words(wanted, 1) + " " + rng.choice(FILLER),
                description=" ".join([words(wanted, 2), *rng.sample(FILLER, 4)]),
                kind=rng.choice(NEED_KINDS),
                competencies=frozenset({wanted.id}) if rng.random() < 0.5 else frozenset(),
                topics=frozenset(rng.sample([1, 2], rng.randint(0, 1))),
                owner_topics=owner.topics,
                place=rng.choice(places),
                remote_ok=rng.random() < 0.2,
            )
        )
    return candidates, needs


def history_for(index, needs):
    """Earlier decisions about pairs that are really suggested (and a few that are not)."""
    shown = [
        (n, s.candidate_id) for n, ranked in index.rank_many(needs, limit=6).items() for s in ranked
    ]
    owner = {n.id: n.owner_id for n in needs}
    return History(
        declined=dict.fromkeys(shown[0::9], "passt nicht") | {(needs[0].id, 3): ""},
        excluded=frozenset(shown[1::9]),
        recommended=dict.fromkeys(shown[2::9], ("Frau Berger",)),
        reachable_via=dict.fromkeys(range(1, 120, 7), ("Unternehmerstammtisch",)),
        declined_owner_pairs=frozenset((owner[n], c) for n, c in shown[3::9]),
    )


def as_compared(results):
    # repr keeps NaN (unknown distance) comparable
    return {
        need_id: [
            (s.candidate_id, s.score, s.band, s.reasons, s.concerns, repr(s.signals))
            for s in ranked
        ]
        for need_id, ranked in results.items()
    }


def test_pruned_ranking_equals_scoring_every_pair(monkeypatch):
    candidates, needs = region()
    index = Index(TAXONOMY, candidates)
    history = history_for(index, needs)
    scored_in_full = []
    score = scoring._Block.score

    def counting(block, ix):
        scored_in_full.append(ix.size)
        return score(block, ix)

    monkeypatch.setattr(scoring._Block, "score", counting)
    for with_history in (History(), history):
        monkeypatch.setattr(scoring, "FIRST", 10**6)  # no pruning: every pair in full
        everything = index.rank_many(needs, with_history, limit=3)
        all_pairs = sum(scored_in_full)
        assert sum(len(ranked) for ranked in everything.values()) > 100
        for first in (1, 2):
            scored_in_full.clear()
            monkeypatch.setattr(scoring, "FIRST", first)
            pruned = index.rank_many(needs, with_history, limit=3)
            assert as_compared(pruned) == as_compared(everything)
            assert sum(scored_in_full) < 0.6 * all_pairs  # the bound did prune
        scored_in_full.clear()


def test_history_shapes_the_pruned_ranking(monkeypatch):
    monkeypatch.setattr(scoring, "FIRST", 1)
    candidates, needs = region()
    index = Index(TAXONOMY, candidates)
    history = history_for(index, needs)
    plain = index.rank_many(needs, History(), limit=50)
    with_history = index.rank_many(needs, history, limit=50)
    for need_id, candidate_id in history.excluded:
        assert candidate_id not in {s.candidate_id for s in with_history[need_id]}
    recommended = [
        s
        for (need_id, candidate_id) in history.recommended
        for s in with_history[need_id]
        if s.candidate_id == candidate_id
    ]
    assert recommended
    for s in recommended:
        assert "empfohlen von Frau Berger" in s.reasons
        before = next(p for p in plain[s.need_id] if p.candidate_id == s.candidate_id)
        if not any(c.startswith("wurde schon einmal abgelehnt") for c in s.concerns):
            assert s.score >= before.score


def test_one_candidate_scores_as_in_the_full_ranking():
    candidates, needs = region()
    index = Index(TAXONOMY, candidates)
    history = history_for(index, needs)
    everything = index.rank_many(needs, history, limit=200)
    prepared = index.prepare(needs)
    for candidate in candidates[::17]:
        alone = index.rank_candidate(candidate.id, prepared, history)
        expected = {
            need_id: s
            for need_id, ranked in everything.items()
            for s in ranked
            if s.candidate_id == candidate.id
        }
        assert as_compared({k: [v] for k, v in alone.items()}) == as_compared(
            {k: [v] for k, v in expected.items()}
        )


def test_an_owner_listed_with_the_other_kind_is_never_its_own_match():
    # Odd data: the need's owner also appears among the candidates of the other kind.
    roofer = company(7, "Dachdecker Krüger", {1: 3})
    index = Index(TAXONOMY, [roofer, company(8, "Dach & Fach", {1: 2})])
    ranking = index.rank(need(title="Dach undicht", owner=7))
    assert [s.candidate_id for s in ranking] == [8]


def test_a_changed_candidate_counts_in_the_next_full_ranking():
    candidates, needs = region()
    index = Index(TAXONOMY, candidates)
    before = index.rank_many(needs, limit=3)
    shown = next(s.candidate_id for ranked in before.values() for s in ranked)
    paused = next(c for c in candidates if c.id == shown)
    index.update_candidate(
        CandidateData(**{**paused.__dict__, "paused": True, "offers": list(paused.offers)})
    )
    after = index.rank_many(needs, limit=3)
    assert shown not in {s.candidate_id for ranked in after.values() for s in ranked}
    assert sum(len(r) for r in after.values()) == sum(len(r) for r in before.values())
