"""Scoring needs against candidates, vectorised over the pairs that can be shown at all.

A chunk of needs is scored in four steps, per owner kind:

1. **Pairs.** One sparse product finds every pair that shares a competency, a word, or
   (for a room or transport need) a room or vehicle on offer: the need side carries
   competencies as real, words as imaginary parts, so one complex product yields
   competency fit and word overlap together, and only with candidates of the other kind
   that may be suggested at all. Nothing of the size needs × candidates is ever dense.
2. **The relevance gate**: competency fit plus the share of word overlap must reach the
   weak band, or a room or vehicle on offer counts for itself.
3. **An upper bound** of each pair's score: the score as if the candidate were as near
   as can be and inside its radius (and, until worked out, with the whole partial credit
   of a shared competency group), a hair above for rounding. Per need, the pairs with the
   highest bounds are scored in full first; their `limit`-th best score is a floor that
   no pair with a lower bound can reach, so only the pairs above it are scored in full
   too. Rankings are exactly those of scoring every pair in full.
4. **The top `limit`** of each need: best score first, ties by candidate position.
"""

import numpy as np

from .arrays import TINY, CandidateView, NeedArrays, PairHistory, group_fit

EARTH_RADIUS_KM = 6371.0088
# Per need, this many times `limit` pairs with the highest bounds are scored first.
FIRST = 8
# What scoring tells about each suggested pair (see `explain`).
SIGNAL_FLOATS = ("score", "relevance", "competency", "group", "text", "topic", "distance", "km")
SIGNAL_FLAGS = ("outside", "remote", "kind_ok", "resource", "full")


def _top_per_row(rows: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    """Which entries are among the `k` highest values of their row (with any ties, and
    all of a shorter row). A row's entries lie together, as pairs come from a sparse
    product."""
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    sizes = np.diff(np.r_[starts, rows.size])
    kth = np.full(starts.size, -np.inf)
    for i in np.flatnonzero(sizes > k).tolist():
        segment = values[starts[i] : starts[i] + sizes[i]]
        kth[i] = np.partition(segment, segment.size - k)[segment.size - k]
    return values >= np.repeat(kth, sizes)


def _kth_best(rows: np.ndarray, values: np.ndarray, n_rows: int, k: int) -> np.ndarray:
    """Each row's `k`-th highest value (minus infinity where a row has fewer)."""
    order = np.lexsort((-values, rows))
    rows, values = rows[order], values[order]
    counts = np.bincount(rows, minlength=n_rows)
    starts = np.cumsum(counts) - counts
    kth = np.full(n_rows, -np.inf)
    enough = counts >= k
    kth[enough] = values[starts[enough] + k - 1]
    return kth


def score_chunk(
    w, view: CandidateView, needs: NeedArrays, rows, history: PairHistory, limit, min_scores=None
):
    """The best `limit` shown candidates of each need in `rows` (global row numbers), as
    (row in `rows`, local candidate, float signals, flag signals), by row, best first."""
    out = []
    if limit <= 0 or len(view) == 0 or len(rows) == 0:
        return out
    owner_kinds = needs.owner_kinds[rows]
    owners = view.locals_of(needs.owner_ids[rows])
    for kind, (columns, features) in enumerate(view.by_owner_kind):
        local = np.flatnonzero(owner_kinds == kind).astype(np.int32)
        if local.size == 0 or columns.size == 0:
            continue
        # Pairs sharing a competency, a word or a resource on offer: every need's pairs
        # lie together, in the order of its candidates.
        product = needs.features[rows[local]] @ features
        per_row = np.diff(product.indptr)
        pair_rows = np.repeat(local, per_row)
        pair_cols = columns[product.indices]
        data = product.data
        # Never the need's own owner (among the other kind only where data is odd).
        owner_cols = owners[local]
        if view.suggestible[kind][owner_cols[owner_cols >= 0]].any():
            other = pair_cols != np.repeat(owner_cols, per_row)
            pair_rows, pair_cols, data = pair_rows[other], pair_cols[other], data[other]
        del product
        counts = np.bincount(pair_rows, minlength=len(rows))
        block = _Block(
            w, view, needs, rows, counts, pair_rows, pair_cols, data, history, min_scores
        )
        out += block.best(limit)
    if len(view.by_owner_kind) > 1:
        out.sort(key=lambda item: item[0])  # stable: each need's order stays
    return out


class _Block:
    """The pairs of some needs with candidates of one kind, scored with NumPy."""

    def __init__(self, w, view, needs, rows, counts, r, c, data, history, min_scores):
        self.w, self.view, self.needs, self.rows, self.r, self.c = w, view, needs, rows, r, c
        self.n_rows, self.counts = len(rows), counts
        self.min_scores = None if min_scores is None else min_scores[rows]
        comp, text = np.ascontiguousarray(data.real), np.ascontiguousarray(data.imag)
        text[text < TINY] = 0  # a resource marker alone is no word overlap

        # The relevance gate: competency fit plus the share of word overlap, or a room or
        # vehicle on offer for a room or transport need, must reach the weak band.
        upper = text * np.float32(w["text_share"] * w["text_scale"])
        upper += comp
        self.resource = resource = self.spread(needs.resource[rows])
        in_resource_need = np.flatnonzero(resource)
        offered = in_resource_need[
            (view.offer_mask[c[in_resource_need]] & needs.required[rows][r[in_resource_need]]) != 0
        ]
        upper[offered] = np.maximum(upper[offered], w["kind_offer_relevance"])
        self.relevant = upper >= w["band_weak"] / 100.0
        del upper
        self.offered = np.zeros(r.size, dtype=bool)
        self.offered[offered] = True

        # Relevance: competency fit (or partial credit within a group) and word overlap.
        self.comp_p = comp_p = np.minimum(comp, 1.0)
        self.text_p = np.minimum(text * w["text_scale"], 1.0)
        best = comp_p.copy()
        # Group credit can only raise what competency fit leaves below the credit itself,
        # and only where the candidate has a competency of one of the need's groups. Until
        # such a pair is scored in full, it counts with the whole credit (see `_settle`).
        credit = np.float32(w["same_group_credit"])
        low = np.flatnonzero(self.relevant & (comp_p < credit))
        low = low[(needs.group_bits[rows][r[low]] & view.group_bits[c[low]]) != 0]
        self.unsettled = np.zeros(r.size, dtype=bool)
        self.unsettled[low] = True
        best[low] = credit
        self.rel = rel = 1.0 - (1.0 - best) * (1.0 - w["text_share"] * self.text_p)
        del best
        rel[offered] = np.maximum(rel[offered], w["kind_offer_relevance"])
        # Kind of help: room and transport needs want the matching resource.
        has_offer = (view.offer_mask[c] & self.spread(needs.required[rows])) != 0
        self.kind_level = resource * np.uint8(2) + (has_offer | (resource & (comp_p >= 0.6)))
        del has_offer
        self.kind_values = np.array([w["kind_missing_offer"], 1.0, w["kind_missing_resource"], 1.0])
        # Topics as bit sets: a shared topic is a non-zero AND, one operation per pair.
        candidate_topics = view.topic_bits[c]
        self.topic_level = (
            (self.spread(needs.topic_bits[rows]) & candidate_topics) != 0
        ) * np.uint8(2) + ((self.spread(needs.owner_topic_bits[rows]) & candidate_topics) != 0)
        del candidate_topics
        self.topic_values = np.array([0.0, w["topic_owner"], w["topic_need"], w["topic_need"]])
        self.full = view.full[c]
        self.excluded = self.declined = self.recommended = self.reachable = None
        if history.active:
            self.excluded, self.declined, self.recommended, self.reachable = history.masks(
                view, needs.ids[rows], needs.owner_ids[rows], r, c
            )

    def spread(self, row_values):
        """A value per need (of `rows`) as a value per pair: the pairs of a need lie
        together, so this repeats rather than gathers."""
        return np.repeat(row_values, self.counts)

    def _settle(self, ix):
        """Work out the group credit of the pairs `ix` that still count with the whole."""
        todo = ix[self.unsettled[ix]]
        if todo.size == 0:
            return
        self.unsettled[todo] = False
        w = self.w
        group_p = group_fit(self.needs, self.view, self.rows[self.r[todo]], self.c[todo])
        best = np.maximum(self.comp_p[todo], group_p * w["same_group_credit"])
        rel = 1.0 - (1.0 - best) * (1.0 - w["text_share"] * self.text_p[todo])
        offered = self.offered[todo]
        rel[offered] = np.maximum(rel[offered], w["kind_offer_relevance"])
        self.rel[todo] = rel

    def effective(self, ix):
        """Relevance times the kind-of-help factor of the (settled) pairs `ix`."""
        return self.rel[ix] * self.kind_values[self.kind_level[ix]]

    def shown(self, score, ix=None):
        """Which of the pairs `ix` (all if None) with these scores may be shown."""
        visible = score >= self.w["band_weak"]
        if self.min_scores is not None:
            floors = self.spread(self.min_scores) if ix is None else self.min_scores[self.r[ix]]
            visible &= score >= floors
        return visible

    def bound(self):
        """Above each pair's score, or None where the weights do not keep the usual
        directions (factors between 0 and 1, and so on): the score with the best distance
        and no radius penalty, a hair above for rounding, by topic, capacity and bonus."""
        w = self.w
        base = w["context_base"]
        if not (
            0 <= base <= 1
            and 0 <= w["text_share"] <= 1
            and 0 <= w["kind_missing_offer"] <= 1
            and 0 <= w["kind_missing_resource"] <= 1
            and 0 <= w["outside_radius"] <= 1
            and 0 <= w["declined_before"] <= 1
            and w["capacity_full"] >= 0
            and w["band_weak"] > 0
        ):
            return None
        level = (self.kind_level * np.uint8(4) + self.topic_level) * np.uint8(2) + self.full
        bonuses = [0.0]
        if self.recommended is not None or self.reachable is not None:
            level = level * np.uint8(4)
            if self.recommended is not None:
                level += self.recommended * np.uint8(2)
            if self.reachable is not None:
                level += self.reachable
            bonuses = [
                rec * w["recommended_bonus"] + net * w["network_bonus"]
                for rec in (0, 1)
                for net in (0, 1)
            ]
        best_distance = max(1.0, w["unknown_place"])
        table = np.array(
            [
                100.0
                * kind
                * (base + (1 - base) * min(1.0, 0.5 * topic + 0.5 * best_distance + bonus))
                * (w["capacity_full"] if full else 1.0)
                * (1 + 1e-6)  # float32 rounding
                for kind in self.kind_values
                for topic in self.topic_values
                for full in (False, True)
                for bonus in bonuses
            ],
            dtype=np.float32,
        )
        return self.rel * table[level]

    def score(self, ix):
        """Distance, radius, capacity and history: the final score of the pairs `ix`."""
        self._settle(ix)
        w, view, needs, rows = self.w, self.view, self.needs, self.rows
        rr, cc = self.r[ix], self.c[ix]
        need_lat = needs.lat[rows][rr]
        need_lon = needs.lon[rows][rr]
        remote = needs.remote[rows][rr]
        a = (
            np.sin((view.lat[cc] - need_lat) / 2) ** 2
            + needs.cos_lat[rows][rr]
            * view.cos_lat[cc]
            * np.sin((view.lon[cc] - need_lon) / 2) ** 2
        )
        km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
        known = needs.has_place[rows][rr] & view.has_place[cc]
        radius = view.radius[cc]
        inside = km <= radius
        distance = np.where(
            known, np.where(inside, 1.0 - 0.5 * km / radius, 0.0), w["unknown_place"]
        )
        distance = np.where(remote, 1.0, distance)
        outside = known & ~inside & ~remote
        km = np.where(known, km, np.nan)
        context = 0.5 * self.topic_values[self.topic_level[ix]] + 0.5 * distance
        factor = np.ones(ix.size, dtype=np.float32)
        factor[outside] *= w["outside_radius"]
        factor[self.full[ix]] *= w["capacity_full"]
        if self.declined is not None:
            factor[self.declined[ix]] *= w["declined_before"]
        if self.recommended is not None:
            context[self.recommended[ix]] += w["recommended_bonus"]
        if self.reachable is not None:
            context[self.reachable[ix]] += w["network_bonus"]
        if self.excluded is not None:
            factor[self.excluded[ix]] = 0.0
        np.minimum(context, 1.0, out=context)
        base = w["context_base"]
        score = 100.0 * self.effective(ix) * (base + (1 - base) * context) * factor
        return score, distance, km, outside, remote

    def best(self, limit):
        """The best `limit` shown pairs of each need, with their signals."""
        bound = self.bound()
        if bound is None:
            candidates = np.flatnonzero(self.relevant)
        else:
            candidates = np.flatnonzero(self.relevant & self.shown(bound))
        if bound is None or candidates.size <= 2 * FIRST * limit * np.count_nonzero(self.counts):
            computed = candidates
            scored = self.score(computed)
            floors = None
        else:
            # First the pairs with the highest bounds, a few times `limit` per need ...
            cand_rows, cand_bound = self.r[candidates], bound[candidates]
            first_sel = _top_per_row(cand_rows, cand_bound, FIRST * limit)
            first = candidates[first_sel]
            first_scored = self.score(first)
            # ... whose `limit`-th best score no pair with a lower bound can reach, so
            # only the rest above that floor is scored in full.
            visible = self.shown(first_scored[0], first)
            floors = _kth_best(self.r[first[visible]], first_scored[0][visible], self.n_rows, limit)
            second = candidates[(cand_bound >= floors[cand_rows]) & ~first_sel]
            computed = np.concatenate([first, second])
            scored = [
                np.concatenate([a, b])
                for a, b in zip(first_scored, self.score(second), strict=True)
            ]
        score, distance, km, outside, remote = scored

        # The best `limit` of each need: best score first, ties by candidate position.
        visible = self.shown(score, computed)
        if floors is not None:  # no better pair lies below a need's floor
            visible &= score >= floors[self.r[computed]]
        visible = np.flatnonzero(visible)
        order = np.lexsort((self.c[computed[visible]], -score[visible], self.r[computed[visible]]))
        visible = visible[order]
        top_rows = self.r[computed[visible]]
        first_of_row = np.searchsorted(top_rows, top_rows, side="left")
        visible = visible[(np.arange(visible.size) - first_of_row) < limit]
        pairs = computed[visible]
        rows_out, cols_out = self.r[pairs], self.c[pairs]
        group_out = group_fit(self.needs, self.view, self.rows[rows_out], cols_out)
        floats = zip(
            score[visible].tolist(),
            self.effective(pairs).tolist(),
            self.comp_p[pairs].tolist(),
            group_out.tolist(),
            self.text_p[pairs].tolist(),
            self.topic_values[self.topic_level[pairs]].tolist(),
            distance[visible].tolist(),
            km[visible].tolist(),
            strict=True,
        )
        flags = zip(
            outside[visible].tolist(),
            remote[visible].tolist(),
            (self.kind_values[self.kind_level[pairs]] >= 1.0).tolist(),
            self.resource[pairs].tolist(),
            self.full[pairs].tolist(),
            strict=True,
        )
        return list(zip(rows_out.tolist(), cols_out.tolist(), floats, flags, strict=True))
