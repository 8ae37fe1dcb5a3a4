"""Ranking candidates for needs, vectorised over all candidates at once.

An `Index` is built once from the taxonomy and the candidates (sparse matrices over
competencies, competency groups, topics and text terms). Needs are then scored in chunks:
relevance (competency fit through the taxonomy, text similarity, kind of help) decides
whether a candidate is shown at all; context (topics, distance) and circumstances
(capacity, history) order the relevant ones. Only the top candidates of each need are
explained in words.
"""

import multiprocessing
from collections import Counter
from math import log

import numpy as np
from scipy import sparse

from .concepts import LabelMatcher, words_with_stems
from .data import CandidateData, History, NeedData, Suggestion, Taxonomy
from .explain import explain
from .text import Vocabulary, terms
from .weights import resolve

OPPOSITE = {"company": "organisation", "organisation": "company"}
OWNER_KINDS = ["company", "organisation"]
OFFER_KINDS = ["service", "room", "vehicle", "equipment", "staff_time", "material", "contacts"]
OFFERS_FOR_NEED = {
    "know_how": {"service", "staff_time"},
    "in_kind": {"service", "material", "equipment"},
    "room": {"room"},
    "transport": {"vehicle"},
    "time": {"staff_time"},
    "contacts": {"contacts"},
    "material": {"material", "equipment"},
}
RESOURCE_NEEDS = {"room", "transport"}
# Per-candidate arrays (one entry per candidate) that scoring reads.
CANDIDATE_ARRAYS = (
    "kind",
    "eligible",
    "offer_mask",
    "has_place",
    "lat",
    "lon",
    "radius",
    "free",
    "ids",
)
CANDIDATE_MATRICES = ("CV", "CK", "CG", "CT")
PARALLEL_MIN = 4000  # fewer needs are ranked faster than worker processes start
_SHARED: dict = {}


def _can_fork() -> bool:
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


def _rank_part(needs):
    index, history, limit, chunk = _SHARED["job"]
    return index.rank_many(needs, history, limit, chunk)


COMMON_SHARE, COMMON_MIN_DOCS = 0.05, 20
EARTH_RADIUS_KM = 6371.0088


def _mask(kinds) -> int:
    return sum(1 << OFFER_KINDS.index(k) for k in kinds if k in OFFER_KINDS)


def _bits(matrix: sparse.csr_matrix) -> np.ndarray:
    """Each row's non-zero columns as a bit set (columns beyond 63 share the top bit)."""
    coo = matrix.tocoo()
    bits = np.zeros(matrix.shape[0], dtype=np.uint64)
    np.bitwise_or.at(
        bits, coo.row, np.left_shift(np.uint64(1), np.minimum(coo.col, 63).astype(np.uint64))
    )
    return bits


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
        self._fresh_rows: dict[int, dict] = {}
        self._build_candidate_matrices()

    # --- candidates ---------------------------------------------------------------------

    def _candidate_terms(self, c: CandidateData) -> list[str]:
        words = terms(c.description) + terms(c.name)
        for competency_id, rating in c.competencies.items():
            info = self.competency_by_id.get(competency_id)
            if info is not None:
                # Labels count more for a core business than for basic knowledge.
                for label in (info.name, *info.synonyms):
                    words += terms(label) * rating
        for offer in c.offers:
            words += terms(offer.title) * 2 + terms(offer.description)
            for competency_id in offer.competencies:
                info = self.competency_by_id.get(competency_id)
                if info is not None:
                    words += terms(info.name)
        return words

    def _build_candidate_matrices(self, vocabulary=None, idf=None):
        w = self.w
        n = len(self.candidates)
        docs = [Counter(self._candidate_terms(c)) for c in self.candidates]
        self.candidate_terms = [frozenset(doc) for doc in docs]
        if vocabulary is None:
            self.vocabulary = Vocabulary(t for doc in docs for t in doc)
            df = Counter(t for doc in docs for t in doc)
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
        rows, cols, vals = [], [], []
        for r, doc in enumerate(docs):
            for term, count in doc.items():
                i = self.vocabulary.index.get(term)
                if i is None:
                    continue
                rows.append(r)
                cols.append(i)
                vals.append((1 + log(count)) * self.idf[i])
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
        self.topic_bits = _bits(self.CT)
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
            [_mask(o.kind for o in c.offers) for c in self.candidates], dtype=np.int64
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
                for i, strength in self.vocabulary.expand(term):
                    if not self.common[i]:
                        weights[i] = weights.get(i, 0.0) + strength * float(self.idf[i])
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

        With `processes` > 1 and many needs, forked worker processes each read and rank a
        share of the needs (the index is inherited, not copied); inside a daemonic process,
        such as a Celery prefork worker, the work stays in this process.
        """
        history = history or History()
        self._flush_fresh_rows()
        if processes > 1 and len(needs) >= PARALLEL_MIN and prepared is None and _can_fork():
            step = -(-len(needs) // processes)
            _SHARED["job"] = (self, history, limit, chunk)
            try:
                with multiprocessing.get_context("fork").Pool(processes) as pool:
                    parts = pool.map(
                        _rank_part, [needs[i : i + step] for i in range(0, len(needs), step)]
                    )
            finally:
                _SHARED.clear()
            return {need_id: ranked for part in parts for need_id, ranked in part.items()}
        prepared = prepared or self.prepare(needs)
        results: dict[int, list[Suggestion]] = {}
        for start in range(0, len(prepared.needs), chunk):
            rows = slice(start, start + chunk)
            scored = self._score_chunk(prepared, rows, history, limit)
            for offset, pairs in enumerate(scored):
                need = prepared.needs[start + offset]
                analysis = prepared.analyses[start + offset]
                results[need.id] = [
                    self._suggestion(need, analysis, pos, signals, history)
                    for pos, signals in pairs
                ]
        return results

    def rank_candidate(
        self,
        candidate_id: int,
        prepared: "Prepared",
        history: History | None = None,
        floors: dict[int, float] | None = None,
    ) -> dict[int, Suggestion]:
        """One candidate against every prepared need: its suggestion where it is shown."""
        history = history or History()
        subset = np.array([self.position[candidate_id]])
        # With `floors` (each need's lowest score still on its list), only the needs whose
        # list the candidate enters or stays on are explained: the rest cannot change.
        min_scores = None
        if floors is not None:
            min_scores = np.array([floors.get(n.id, 0.0) for n in prepared.needs])
        scored = self._score_chunk(
            prepared, slice(0, len(prepared.needs)), history, 1, subset, min_scores
        )
        return {
            prepared.needs[r].id: self._suggestion(
                prepared.needs[r], prepared.analyses[r], pos, signals, history
            )
            for r, pairs in enumerate(scored)
            for pos, signals in pairs
        }

    def update_candidate(self, candidate: CandidateData) -> None:
        """Replace one candidate's rows in place (new words wait for the next full build)."""
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
        # The big matrices are rebuilt only when all candidates are scored again; until
        # then this candidate is scored from its own fresh rows.
        self._fresh_rows[pos] = {name: getattr(single, name) for name in CANDIDATE_MATRICES}

    def _flush_fresh_rows(self) -> None:
        if not self._fresh_rows:
            return
        for name in CANDIDATE_MATRICES:
            matrix, pieces, start = getattr(self, name), [], 0
            for pos in sorted(self._fresh_rows):
                pieces += [matrix[start:pos], self._fresh_rows[pos][name]]
                start = pos + 1
            pieces.append(matrix[start:])
            setattr(self, name, sparse.vstack(pieces, format="csr"))
        self._fresh_rows = {}

    def _score_chunk(self, prepared, rows_slice, history, limit, subset=None, min_scores=None):
        w = self.w
        if isinstance(rows_slice, slice):
            rows_slice = np.arange(len(prepared.needs))[rows_slice]
        needs = [prepared.needs[i] for i in rows_slice]
        NK, NG, NT, NO, NV = (m[rows_slice] for m in prepared.matrices)
        c = self if subset is None else _Subset(self, subset)

        # Competency fit and word overlap for the whole chunk at once (a chunk of needs ×
        # all candidates is small enough to hold densely). Only pairs that can reach the
        # weak band are scored in full: relevance never exceeds competency fit plus the
        # share of word overlap. A room or vehicle on offer always counts for a room or
        # transport need; partial credit within a competency group adds to pairs found.
        comp = (NK @ c.CK.T).toarray()
        text = (NV @ c.CV.T).toarray()
        upper = text * np.float32(w["text_share"] * w["text_scale"])
        upper += comp
        kinds = prepared.kinds[rows_slice]
        for need_kind in RESOURCE_NEEDS:
            need_rows = np.flatnonzero(kinds == need_kind)
            offering = np.flatnonzero((c.offer_mask & _mask(OFFERS_FOR_NEED[need_kind])) != 0)
            if need_rows.size and offering.size:
                block = np.ix_(need_rows, offering)
                upper[block] = np.maximum(upper[block], w["kind_offer_relevance"])
        rows, cols = np.nonzero(upper >= w["band_weak"] / 100.0)
        del upper
        # Only the other kind, eligible, and never the need's own owner.
        allowed = np.stack([(c.kind == OPPOSITE[k]) & c.eligible for k in OWNER_KINDS])
        owners = prepared.owner_ids[rows_slice]
        ok = allowed[prepared.owner_kinds[rows_slice][rows], cols] & (c.ids[cols] != owners[rows])
        rows, cols = rows[ok], cols[ok]
        if rows.size == 0:
            return [[] for _ in needs]

        comp_p = np.minimum(comp[rows, cols], 1.0)
        text_p = np.minimum(text[rows, cols] * w["text_scale"], 1.0)
        del comp, text
        group_p = np.minimum((NG @ c.CG.T).toarray()[rows, cols], 1.0)
        best = np.maximum(comp_p, group_p * w["same_group_credit"])
        rel = 1.0 - (1.0 - best) * (1.0 - w["text_share"] * text_p)

        # Kind of help: room and transport needs want the matching resource.
        need_kind = prepared.kinds[rows_slice][rows]
        required = prepared.required[rows_slice][rows]
        has_offer = (c.offer_mask[cols] & required) != 0
        resource = np.isin(need_kind, list(RESOURCE_NEEDS))
        has_resource = has_offer | (comp_p >= 0.6)
        kind_factor = np.where(
            resource,
            np.where(has_resource, 1.0, w["kind_missing_resource"]),
            np.where(has_offer, 1.0, w["kind_missing_offer"]),
        )
        # A room or vehicle on offer is relevant in itself to a room or transport need.
        rel = np.where(resource & has_offer, np.maximum(rel, w["kind_offer_relevance"]), rel)

        # Topics.
        # (Topic matrices are narrow: a dense product beats sampling a sparse one.)
        # Topics as bit sets: a shared topic is a non-zero AND, one operation per pair.
        shared_need = (prepared.topic_bits[rows_slice][rows] & c.topic_bits[cols]) != 0
        shared_owner = (prepared.owner_topic_bits[rows_slice][rows] & c.topic_bits[cols]) != 0
        topic = np.where(
            shared_need, w["topic_need"], np.where(shared_owner, w["topic_owner"], 0.0)
        )

        # Distance against the candidate's radius; remote-friendly needs are not penalised.
        need_has_place = prepared.has_place[rows_slice][rows]
        need_lat = prepared.lat[rows_slice][rows]
        need_lon = prepared.lon[rows_slice][rows]
        remote = prepared.remote[rows_slice][rows]
        a = (
            np.sin((c.lat[cols] - need_lat) / 2) ** 2
            + np.cos(need_lat) * np.cos(c.lat[cols]) * np.sin((c.lon[cols] - need_lon) / 2) ** 2
        )
        km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
        known = need_has_place & c.has_place[cols]
        radius = c.radius[cols]
        inside = km <= radius
        distance = np.where(
            known, np.where(inside, 1.0 - 0.5 * km / radius, 0.0), w["unknown_place"]
        )
        distance = np.where(remote, 1.0, distance)
        outside = known & ~inside & ~remote
        km = np.where(known, km, np.nan)

        context = 0.5 * topic + 0.5 * distance
        need_ids = prepared.ids[rows_slice][rows]
        cand_ids = c.ids[cols]
        factor = np.ones_like(rel)
        factor[outside] *= w["outside_radius"]
        full = c.free[cols] <= 0
        factor[full] *= w["capacity_full"]
        if (
            history.declined
            or history.excluded
            or history.recommended
            or history.reachable_via
            or history.declined_owner_pairs
        ):
            owners = prepared.owner_ids[rows_slice][rows]
            keep = np.ones_like(rel, dtype=bool)
            for i, (nid, cid, oid) in enumerate(
                zip(need_ids.tolist(), cand_ids.tolist(), owners.tolist(), strict=False)
            ):
                if (nid, cid) in history.excluded:
                    keep[i] = False
                if (nid, cid) in history.declined or (oid, cid) in history.declined_owner_pairs:
                    factor[i] *= w["declined_before"]
                if (nid, cid) in history.recommended:
                    context[i] += w["recommended_bonus"]
                if cid in history.reachable_via:
                    context[i] += w["network_bonus"]
            factor[~keep] = 0.0
        np.minimum(context, 1.0, out=context)
        effective = rel * kind_factor
        score = 100.0 * effective * (w["context_base"] + (1 - w["context_base"]) * context) * factor
        shown = score >= w["band_weak"]
        if min_scores is not None:
            shown &= score >= min_scores[rows_slice][rows]

        # The best `limit` shown candidates of each need, without a loop over all pairs.
        keep = np.nonzero(shown)[0]
        # One sort by need, best score first (scores are below 1,000).
        keep = keep[np.argsort(rows[keep] * 1000.0 - score[keep], kind="stable")]
        kept_rows = rows[keep]
        first = np.searchsorted(kept_rows, kept_rows, side="left")
        keep = keep[(np.arange(keep.size) - first) < limit]
        out = [[] for _ in needs]
        for i in keep.tolist():
            out[rows[i]].append(
                (
                    int(cols[i]) if subset is None else int(subset[cols[i]]),
                    {
                        "score": float(score[i]),
                        "relevance": float(effective[i]),
                        "competency": float(comp_p[i]),
                        "group": float(group_p[i]),
                        "text": float(text_p[i]),
                        "topic": float(topic[i]),
                        "distance": float(distance[i]),
                        "km": float(km[i]),
                        "outside": bool(outside[i]),
                        "remote": bool(remote[i]),
                        "kind_ok": bool(kind_factor[i] >= 1.0),
                        "resource": bool(resource[i]),
                        "full": bool(full[i]),
                    },
                )
            )
        return out

    def _suggestion(self, need, analysis, pos, signals, history) -> Suggestion:
        candidate = self.candidates[pos]
        w = self.w
        score = int(round(min(100.0, signals["score"])))
        if score >= w["band_strong"] and signals["relevance"] >= w["band_strong_relevance"]:
            band = "strong"
        elif score >= w["band_possible"]:
            band = "possible"
        else:
            band = "weak"
        reasons, concerns = explain(self, need, analysis, candidate, signals, history)
        return Suggestion(
            need_id=need.id,
            candidate_id=candidate.id,
            score=score,
            band=band,
            reasons=reasons,
            concerns=concerns,
            signals={k: v for k, v in signals.items() if isinstance(v, float)},
        )


class Prepared:
    """Needs read once: their analyses and sparse matrices."""

    def __init__(self, needs, analyses, NK, NG, NT, NO, NV):
        self.needs = list(needs)
        self.analyses = analyses
        self.matrices = (NK, NG, NT, NO, NV)
        self.kinds = np.array([n.kind for n in self.needs])
        self.owner_kinds = np.array(
            [
                OWNER_KINDS.index(n.owner_kind) if n.owner_kind in OWNER_KINDS else 0
                for n in self.needs
            ]
        )
        self.owner_ids = np.array([n.owner_id for n in self.needs], dtype=np.int64)
        self.topic_bits, self.owner_topic_bits = _bits(NT), _bits(NO)
        self.ids = np.array([n.id for n in self.needs], dtype=np.int64)
        self.required = np.array(
            [_mask(OFFERS_FOR_NEED.get(n.kind, ())) for n in self.needs], dtype=np.int64
        )
        self.has_place = np.array([n.place is not None for n in self.needs], dtype=bool)
        self.lat = np.radians([n.place.lat if n.place else 0.0 for n in self.needs]).astype(
            np.float32
        )
        self.lon = np.radians([n.place.lon if n.place else 0.0 for n in self.needs]).astype(
            np.float32
        )
        self.remote = np.array([n.remote_ok for n in self.needs], dtype=bool)


class _Subset:
    """Some of an index's candidates, for scoring one (or a few) against many needs."""

    def __init__(self, index: Index, positions: np.ndarray):
        for name in ("topic_bits", *CANDIDATE_ARRAYS):
            setattr(self, name, getattr(index, name)[positions])
        fresh = [index._fresh_rows.get(int(p)) for p in positions]
        for name in CANDIDATE_MATRICES:
            if any(fresh):
                rows = [
                    f[name] if f else getattr(index, name)[int(p)]
                    for p, f in zip(positions, fresh, strict=True)
                ]
                setattr(self, name, sparse.vstack(rows, format="csr"))
            else:
                setattr(self, name, getattr(index, name)[positions])
