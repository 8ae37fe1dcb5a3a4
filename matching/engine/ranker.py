"""Ranking candidates for needs, vectorised over all candidates at once.

An `Index` is built once from the taxonomy and the candidates (sparse matrices over
competencies, competency groups, topics and text terms). Needs are then scored in chunks
(see `scoring`): relevance (competency fit through the taxonomy, text similarity, kind of
help) decides whether a candidate is shown at all; context (topics, distance) and
circumstances (capacity, history) order the relevant ones. Only the top candidates of
each need are explained in words.
"""

import gc
import multiprocessing
from collections import Counter
from contextlib import contextmanager
from itertools import repeat
from math import log

import numpy as np
from scipy import sparse

from .arrays import (
    CANDIDATE_ARRAYS,
    CandidateView,
    NeedArrays,
    PairHistory,
    offer_mask,
    topic_bits,
)
from .concepts import LabelMatcher, words_with_stems
from .data import CandidateData, History, NeedData, Suggestion, Taxonomy
from .explain import explain, need_facts
from .scoring import SIGNAL_FLOATS, score_chunk
from .text import Vocabulary, terms
from .weights import resolve

CANDIDATE_MATRICES = ("CK", "CV", "CG", "CT")
PARALLEL_MIN = 4000  # fewer needs are ranked faster than worker processes start
PARALLEL_PART = 2500  # needs per task: results flow back while the workers go on
_SHARED: dict = {}


def _can_fork() -> bool:
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def _suggestions(need_id: int, ranked: list[tuple]) -> list[Suggestion]:
    """Suggestions from the plain tuples of `Index._suggestion_fields`."""
    return [
        Suggestion(
            need_id,
            cid,
            score,
            band,
            reasons,
            concerns,
            dict(zip(SIGNAL_FLOATS, values, strict=False)),
        )
        for cid, score, band, reasons, concerns, values in ranked
    ]


@contextmanager
def _collector_paused():
    """Ranking allocates hundreds of thousands of small objects (suggestions, their lists
    and dicts) and none of them form cycles; the cyclic collector would walk every live
    object over and over for nothing. Objects still unreachable are collected later."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _rank_part(share: tuple[int, int]):
    """A worker's share of the needs (inherited, not sent), sent back as plain tuples:
    they travel much faster than suggestions."""
    index, needs, history, limit, chunk = _SHARED["job"]
    with _collector_paused():
        ranked = index._ranked(needs[share[0] : share[1]], history, limit, chunk)
    return list(ranked.items())


COMMON_SHARE, COMMON_MIN_DOCS = 0.05, 20


def _l2_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sparse.diags((1.0 / norms).astype(np.float32)) @ matrix).astype(np.float32)


class Index:
    def __init__(
        self, taxonomy: Taxonomy, candidates: list[CandidateData], weights: dict | None = None
    ):
        self.w = resolve(weights)
        self.taxonomy = taxonomy
        self.candidates = list(candidates)
        self.position = {c.id: i for i, c in enumerate(self.candidates)}
        self.competency_pos = {c.id: i for i, c in enumerate(taxonomy.competencies)}
        self.competency_by_id = {c.id: c for c in taxonomy.competencies}
        groups = sorted({c.group_id for c in taxonomy.competencies})
        self.group_pos = {g: i for i, g in enumerate(groups)}
        self.topic_pos = {t.id: i for i, t in enumerate(taxonomy.topics)}
        self.topic_by_id = {t.id: t for t in taxonomy.topics}
        self.competency_matcher = LabelMatcher(
            (c.id, [c.name, *c.synonyms]) for c in taxonomy.competencies
        )
        self.topic_matcher = LabelMatcher((t.id, [t.name, *t.synonyms]) for t in taxonomy.topics)
        # Each competency's words, read once: its labels (profiles repeat them by rating)
        # and its name (offers name it).
        self._label_terms = {
            c.id: [t for label in (c.name, *c.synonyms) for t in terms(label)]
            for c in taxonomy.competencies
        }
        self._name_terms = {c.id: terms(c.name) for c in taxonomy.competencies}
        self._term_weights: dict[str, tuple[tuple[int, float], ...]] = {}
        self._fresh_rows: dict[int, dict] = {}
        self._view: CandidateView | None = None
        self._explained: dict[int, tuple] = {}
        with _collector_paused():
            self._build_candidate_matrices()

    # --- candidates ---------------------------------------------------------------------

    def _candidate_terms(self, c: CandidateData) -> list[str]:
        words = terms(c.description) + terms(c.name)
        for competency_id, rating in c.competencies.items():
            label_terms = self._label_terms.get(competency_id)
            if label_terms is not None:
                # Labels count more for a core business than for basic knowledge.
                words += label_terms * rating
        for offer in c.offers:
            words += terms(offer.title) * 2 + terms(offer.description)
            for competency_id in offer.competencies:
                words += self._name_terms.get(competency_id, ())
        return words

    def _build_candidate_matrices(self, vocabulary=None, idf=None):
        w = self.w
        n = len(self.candidates)
        docs = [Counter(self._candidate_terms(c)) for c in self.candidates]
        self.candidate_terms = [frozenset(doc) for doc in docs]
        if vocabulary is None:
            df = Counter()
            for doc in docs:
                df.update(doc.keys())
            self.vocabulary = Vocabulary(df)
            self.idf = np.zeros(len(self.vocabulary), dtype=np.float32)
            # Words in very many profiles link almost every pair and say little: a need's
            # text does not look them up (small regions keep every word).
            self.common = np.zeros(len(self.vocabulary), dtype=bool)
            common_df = max(COMMON_MIN_DOCS, COMMON_SHARE * n)
            for term, i in self.vocabulary.index.items():
                self.idf[i] = log((1 + n) / (1 + df[term])) + 1.0
                self.common[i] = df[term] > common_df
        else:
            self.vocabulary, self.idf = vocabulary, idf
        # Term weights (1 + log count) · idf, in float32 as the scalar arithmetic gave them.
        find = self.vocabulary.index.get
        rows = np.repeat(np.arange(n), [len(doc) for doc in docs])
        cols = np.array([find(t, -1) for doc in docs for t in doc], dtype=np.int64)
        counts = np.array([k for doc in docs for k in doc.values()], dtype=np.int64)
        known = cols >= 0
        rows, cols, counts = rows[known], cols[known], counts[known]
        logs = np.array([0.0] + [1 + log(k) for k in range(1, int(counts.max(initial=1)) + 1)])
        vals = logs.astype(np.float32)[counts] * self.idf[cols]
        self.CV = _l2_rows(
            sparse.csr_matrix(
                (vals, (rows, cols)), shape=(n, len(self.vocabulary)), dtype=np.float32
            )
        )

        rating_weight = {1: w["rating_basic"], 2: w["rating_good"], 3: w["rating_expert"]}
        k_rows, k_cols, k_vals, g_rows, g_cols, t_rows, t_cols = [], [], [], [], [], [], []
        for r, c in enumerate(self.candidates):
            strengths: dict[int, float] = {}
            for competency_id, rating in c.competencies.items():
                strengths[competency_id] = rating_weight.get(rating, w["rating_good"])
            for offer in c.offers:
                for competency_id in offer.competencies:
                    strengths[competency_id] = max(
                        strengths.get(competency_id, 0.0), w["offer_competency"]
                    )
            seen_groups = set()
            for competency_id, strength in strengths.items():
                if competency_id not in self.competency_pos:
                    continue
                k_rows.append(r)
                k_cols.append(self.competency_pos[competency_id])
                k_vals.append(strength)
                group = self.competency_by_id[competency_id].group_id
                if group not in seen_groups:
                    seen_groups.add(group)
                    g_rows.append(r)
                    g_cols.append(self.group_pos[group])
            for topic_id in c.topics:
                if topic_id in self.topic_pos:
                    t_rows.append(r)
                    t_cols.append(self.topic_pos[topic_id])
        shape_k = (n, len(self.competency_pos))
        self.CK = sparse.csr_matrix((k_vals, (k_rows, k_cols)), shape=shape_k, dtype=np.float32)
        self.CG = sparse.csr_matrix(
            (np.ones(len(g_rows), np.float32), (g_rows, g_cols)),
            shape=(n, max(1, len(self.group_pos))),
        )
        self.CT = sparse.csr_matrix(
            (np.ones(len(t_rows), np.float32), (t_rows, t_cols)),
            shape=(n, max(1, len(self.topic_pos))),
        )
        self.topic_bits = topic_bits(self.CT)
        self.candidate_competencies = [
            frozenset(c.competencies).union(*(o.competencies for o in c.offers))
            for c in self.candidates
        ]

        self.kind = np.array([c.kind for c in self.candidates])
        self.eligible = np.array(
            [c.approved and not c.paused and c.accepts_suggestions for c in self.candidates],
            dtype=bool,
        )
        self.offer_mask = np.array(
            [offer_mask(o.kind for o in c.offers) for c in self.candidates], dtype=np.int64
        )
        self.has_place = np.array([c.place is not None for c in self.candidates], dtype=bool)
        # float32 is good to about a metre here and halves the work on distances.
        self.lat = np.radians([c.place.lat if c.place else 0.0 for c in self.candidates]).astype(
            np.float32
        )
        self.lon = np.radians([c.place.lon if c.place else 0.0 for c in self.candidates]).astype(
            np.float32
        )
        self.radius = np.array([max(1.0, c.radius_km) for c in self.candidates], np.float32)
        self.free = np.array([c.max_patronships - c.running for c in self.candidates], np.int32)
        self.ids = np.array([c.id for c in self.candidates], dtype=np.int64)
        self._view = None

    # --- needs --------------------------------------------------------------------------

    def analyse(self, need: NeedData) -> dict:
        """What the engine reads from a need: concepts, topics and text terms."""
        w = self.w
        title_words = words_with_stems(need.title)
        description_words = words_with_stems(need.description)
        # The title says what is wanted; the description also mentions where and why
        # ("... aus der Vereinskasse bezahlen"), so what only it names counts less.
        found = {
            cid: (strength * w["detected_in_description"], word)
            for cid, (strength, word) in self.competency_matcher.find_in(description_words).items()
        }
        found.update(self.competency_matcher.find_in(title_words))
        concepts: dict[int, tuple[float, str]] = {}
        for cid, (strength, word) in found.items():
            strength *= w["detected_competency"]
            if need.competencies:
                strength *= w["detected_beside_wanted"]
            group_kind = self.taxonomy.group_kinds.get(self.competency_by_id[cid].group_id)
            if group_kind and group_kind != need.kind:
                strength *= w["detected_other_resource"]
            concepts[cid] = (strength, word)
        for competency_id in need.competencies:
            info = self.competency_by_id.get(competency_id)
            if info is not None:
                concepts[competency_id] = (self.w["wanted_competency"], info.name)
        words = title_words + description_words
        topics = dict.fromkeys(need.topics, "")
        for topic_id, (_strength, word) in self.topic_matcher.find_in(words).items():
            topics.setdefault(topic_id, word)
        return {"concepts": concepts, "topics": topics, "words": words}

    def _need_matrices(self, needs, analyses):
        k_rows, k_cols, k_vals, g, t_rows, t_cols, o_rows, o_cols = [], [], [], {}, [], [], [], []
        v_rows, v_cols, v_vals = [], [], []
        for r, (need, a) in enumerate(zip(needs, analyses, strict=False)):
            for cid, (strength, _word) in a["concepts"].items():
                # Squared before normalising: the main wish dominates incidental mentions.
                k_rows.append(r)
                k_cols.append(self.competency_pos[cid])
                k_vals.append(strength**2)
                key = (r, self.group_pos[self.competency_by_id[cid].group_id])
                g[key] = max(g.get(key, 0.0), strength)
            for topic_id in a["topics"]:
                if topic_id in self.topic_pos:
                    t_rows.append(r)
                    t_cols.append(self.topic_pos[topic_id])
            for topic_id in need.owner_topics:
                if topic_id in self.topic_pos:
                    o_rows.append(r)
                    o_cols.append(self.topic_pos[topic_id])
            weights: dict[int, float] = {}
            for _word, term in a["words"]:
                reached = self._term_weights.get(term)
                if reached is None:
                    reached = self._term_weights[term] = tuple(
                        (i, strength * float(self.idf[i]))
                        for i, strength in self.vocabulary.expand(term)
                        if not self.common[i]
                    )
                for i, weight in reached:
                    weights[i] = weights.get(i, 0.0) + weight
            for i, value in weights.items():
                v_rows.append(r)
                v_cols.append(i)
                v_vals.append(value)
        b = len(needs)
        NK = _l2_rows(
            sparse.csr_matrix(
                (k_vals, (k_rows, k_cols)), shape=(b, self.CK.shape[1]), dtype=np.float32
            )
        )
        g_keys = list(g)
        NG = _l2_rows(
            sparse.csr_matrix(
                ([g[k] for k in g_keys], ([k[0] for k in g_keys], [k[1] for k in g_keys])),
                shape=(b, self.CG.shape[1]),
                dtype=np.float32,
            )
        )
        NT = sparse.csr_matrix(
            (np.ones(len(t_rows), np.float32), (t_rows, t_cols)), shape=(b, self.CT.shape[1])
        )
        NO = sparse.csr_matrix(
            (np.ones(len(o_rows), np.float32), (o_rows, o_cols)), shape=(b, self.CT.shape[1])
        )
        NV = _l2_rows(
            sparse.csr_matrix(
                (v_vals, (v_rows, v_cols)), shape=(b, self.CV.shape[1]), dtype=np.float32
            )
        )
        return NK, NG, NT, NO, NV

    # --- scoring ------------------------------------------------------------------------

    def rank(self, need: NeedData, history: History | None = None, limit: int = 10):
        return self.rank_many([need], history, limit)[need.id]

    def prepare(self, needs: list[NeedData]) -> "Prepared":
        """Read a set of needs once; the result serves full and incremental scoring."""
        with _collector_paused():
            analyses = [self.analyse(n) for n in needs]
            return Prepared(needs, analyses, *self._need_matrices(needs, analyses))

    def rank_many(
        self,
        needs: list[NeedData],
        history: History | None = None,
        limit: int = 10,
        chunk: int = 256,
        prepared: "Prepared | None" = None,
        processes: int = 1,
    ) -> dict[int, list[Suggestion]]:
        """The top `limit` suggestions of every need.

        With `processes` > 1 and many needs, forked worker processes each read and rank
        shares of the needs (the index is inherited, not copied); inside a daemonic
        process, such as a Celery prefork worker, the work stays in this process.
        """
        with _collector_paused():
            return self._rank_many(needs, history or History(), limit, chunk, prepared, processes)

    def _rank_many(self, needs, history, limit, chunk, prepared, processes):
        self._full_view()  # built before forking: the workers inherit it
        if processes > 1 and len(needs) >= PARALLEL_MIN and prepared is None and _can_fork():
            step = min(PARALLEL_PART, -(-len(needs) // processes))
            shares = [(i, i + step) for i in range(0, len(needs), step)]
            _SHARED["job"] = (self, needs, history, limit, chunk)
            results = {}
            try:
                with multiprocessing.get_context("fork").Pool(processes) as pool:
                    # Shares come back in order, each while the workers go on.
                    for part in pool.imap(_rank_part, shares):
                        for need_id, ranked in part:
                            results[need_id] = _suggestions(need_id, ranked)
            finally:
                _SHARED.clear()
            return results
        ranked = self._ranked(needs, history, limit, chunk, prepared)
        return {need_id: _suggestions(need_id, fields) for need_id, fields in ranked.items()}

    def _ranked(self, needs, history, limit, chunk, prepared=None):
        """Need id → its suggestions as plain tuples (see `_suggestion_fields`)."""
        view = self._full_view()
        prepared = prepared or self.prepare(needs)
        pair_history = PairHistory(history)
        results: dict[int, list[tuple]] = {}
        for start in range(0, len(prepared.needs), chunk):
            rows = np.arange(start, min(start + chunk, len(prepared.needs)))
            lists = []
            for need in prepared.needs[start : start + chunk]:
                lists.append([])
                results[need.id] = lists[-1]
            scored = score_chunk(self.w, view, prepared.arrays, rows, pair_history, limit)
            facts = None
            for offset, pos, values, flags in scored:
                need = prepared.needs[start + offset]
                if facts is None or facts[0] != offset:
                    facts = (offset, need_facts(self, need, prepared.analyses[start + offset]))
                lists[offset].append(
                    self._suggestion_fields(need, facts[1], pos, values, flags, history)
                )
        return results

    def rank_candidate(
        self,
        candidate_id: int,
        prepared: "Prepared",
        history: History | None = None,
        floors: dict[int, float] | None = None,
    ) -> dict[int, Suggestion]:
        """One candidate against every prepared need: its suggestion where it is shown."""
        with _collector_paused():
            return self._rank_candidate(candidate_id, prepared, history or History(), floors)

    def _rank_candidate(self, candidate_id, prepared, history, floors):
        view = CandidateView(self, np.array([self.position[candidate_id]]))
        # With `floors` (each need's lowest score still on its list), only the needs whose
        # list the candidate enters or stays on are explained: the rest cannot change.
        min_scores = None
        if floors is not None:
            ids = prepared.arrays.ids.tolist()
            min_scores = np.fromiter(map(floors.get, ids, repeat(0.0)), float, len(ids))
        rows = np.arange(len(prepared.needs))
        scored = score_chunk(
            self.w, view, prepared.arrays, rows, PairHistory(history), 1, min_scores
        )
        return {
            prepared.needs[r].id: self._suggestion(
                prepared.needs[r],
                need_facts(self, prepared.needs[r], prepared.analyses[r]),
                view.index_position(local),
                values,
                flags,
                history,
            )
            for r, local, values, flags in scored
        }

    def candidate_scores(
        self, candidate_id: int, prepared: "Prepared", history: History | None = None
    ) -> dict[int, int]:
        """One candidate's score (0-100) for each prepared need it would be shown for,
        without explanations: what deciding which lists it may enter needs."""
        view = CandidateView(self, np.array([self.position[candidate_id]]))
        rows = np.arange(len(prepared.needs))
        with _collector_paused():
            scored = score_chunk(self.w, view, prepared.arrays, rows, PairHistory(history), 1)
        return {
            prepared.needs[r].id: int(round(min(100.0, values[0])))
            for r, _local, values, _flags in scored
        }

    def update_candidate(self, candidate: CandidateData) -> None:
        """Replace one candidate's rows in place (new words wait for the next full build)."""
        with _collector_paused():
            self._replace_candidate(candidate)

    def _replace_candidate(self, candidate: CandidateData) -> None:
        pos = self.position[candidate.id]
        self.candidates[pos] = candidate
        single = Index.__new__(Index)
        single.__dict__.update(self.__dict__)
        single.candidates = [candidate]
        single._build_candidate_matrices(vocabulary=self.vocabulary, idf=self.idf)
        self.candidate_terms = [*self.candidate_terms]
        self.candidate_terms[pos] = single.candidate_terms[0]
        self.candidate_competencies = [*self.candidate_competencies]
        self.candidate_competencies[pos] = single.candidate_competencies[0]
        for name in CANDIDATE_ARRAYS:
            getattr(self, name)[pos] = getattr(single, name)[0]
        self.topic_bits[pos] = single.topic_bits[0]
        self._explained.pop(pos, None)
        # The big matrices are rebuilt only when all candidates are scored again; until
        # then this candidate is scored from its own fresh rows.
        self._fresh_rows[pos] = {name: getattr(single, name) for name in CANDIDATE_MATRICES}
        self._view = None

    def _full_view(self) -> CandidateView:
        """What scoring reads of all candidates, built once (again after changes)."""
        if self._fresh_rows:
            for name in CANDIDATE_MATRICES:
                matrix, pieces, start = getattr(self, name), [], 0
                for pos in sorted(self._fresh_rows):
                    pieces += [matrix[start:pos], self._fresh_rows[pos][name]]
                    start = pos + 1
                pieces.append(matrix[start:])
                setattr(self, name, sparse.vstack(pieces, format="csr"))
            self._fresh_rows = {}
            self._view = None
        if self._view is None:
            self._view = CandidateView(self)
        return self._view

    def _suggestion(self, need, facts, pos, values, flags, history) -> Suggestion:
        return _suggestions(
            need.id, [self._suggestion_fields(need, facts, pos, values, flags, history)]
        )[0]

    def _suggestion_fields(self, need, facts, pos, values, flags, history) -> tuple:
        """(candidate id, score, band, reasons, concerns, signal values) of one pair."""
        candidate = self.candidates[pos]
        w = self.w
        score = int(round(min(100.0, values[0])))
        if score >= w["band_strong"] and values[1] >= w["band_strong_relevance"]:
            band = "strong"
        elif score >= w["band_possible"]:
            band = "possible"
        else:
            band = "weak"
        reasons, concerns = explain(self, need, facts, pos, candidate, values, flags, history)
        return candidate.id, score, band, reasons, concerns, values


class Prepared:
    """Needs read once: their analyses, sparse matrices and the arrays scoring reads."""

    def __init__(self, needs, analyses, NK, NG, NT, NO, NV):
        self.needs = list(needs)
        self.analyses = analyses
        self.matrices = (NK, NG, NT, NO, NV)
        self.arrays = NeedArrays(self.needs, NK, NG, NT, NO, NV)
