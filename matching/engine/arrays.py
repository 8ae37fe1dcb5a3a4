"""What scoring reads, as NumPy arrays and sparse matrices: of candidates (all of an
index's, or a few), of a prepared set of needs, and of earlier decisions about pairs."""

import numpy as np
from scipy import sparse

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
RESOURCE_NEEDS = ("room", "transport")
# A resource need's marker column adds this to the imaginary (word) part of every pair
# with a matching offer, so that such pairs appear in the product. It is far below any
# real word overlap (which it leaves unchanged in float32) and is removed again.
MARK = np.float32(2.0**-100)
TINY = np.float32(2.0**-70)
# Per-candidate arrays (one entry per candidate) of an index that scoring reads.
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


def offer_mask(kinds) -> int:
    return sum(1 << OFFER_KINDS.index(k) for k in kinds if k in OFFER_KINDS)


def topic_bits(matrix: sparse.csr_matrix) -> np.ndarray:
    """Each row's non-zero columns as a bit set, as narrow as the columns allow (columns
    beyond 63 share the top bit)."""
    width = matrix.shape[1]
    dtype = next(
        (t for t in (np.uint8, np.uint16, np.uint32) if width <= t(0).nbytes * 8), np.uint64
    )
    top = dtype(0).nbytes * 8 - 1
    coo = matrix.tocoo()
    bits = np.zeros(matrix.shape[0], dtype=dtype)
    shifts = np.minimum(coo.col, top).astype(dtype)
    np.bitwise_or.at(bits, coo.row, np.left_shift(dtype(1), shifts))
    return bits


def _imaginary(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    data = np.zeros(matrix.nnz, dtype=np.complex64)
    data.imag = matrix.data
    return sparse.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)


class CandidateView:
    """What scoring reads of candidates: all of an index's, or some (`positions`)."""

    def __init__(self, index, positions: np.ndarray | None = None):
        self.positions = positions
        if positions is None:
            arrays = {name: getattr(index, name) for name in CANDIDATE_ARRAYS}
            CK, CV, CG = index.CK, index.CV, index.CG
            self.topic_bits = index.topic_bits
        else:
            arrays = {name: getattr(index, name)[positions] for name in CANDIDATE_ARRAYS}
            self.topic_bits = index.topic_bits[positions]
            fresh = [index._fresh_rows.get(int(p)) for p in positions]
            CK, CV, CG = (
                sparse.vstack(
                    [
                        f[name] if f else getattr(index, name)[int(p)]
                        for p, f in zip(positions, fresh, strict=True)
                    ],
                    format="csr",
                )
                if any(fresh)
                else getattr(index, name)[positions]
                for name in ("CK", "CV", "CG")
            )
        self.ids = arrays["ids"]
        self.offer_mask = arrays["offer_mask"].astype(np.uint8)
        self.full = arrays["free"] <= 0
        self.has_place = arrays["has_place"]
        self.lat, self.lon, self.radius = arrays["lat"], arrays["lon"], arrays["radius"]
        self.cos_lat = np.cos(self.lat)
        self.n_groups = CG.shape[1]
        self.groups = CG.toarray().astype(np.float32).ravel()  # candidate × group, flat
        self.group_bits = topic_bits(CG)
        # The features scoring multiplies with: competencies, words, and one marker per
        # resource need kind (the candidate offers what such a need wants).
        markers = np.stack(
            [(self.offer_mask & offer_mask(OFFERS_FOR_NEED[k])) != 0 for k in RESOURCE_NEEDS],
            axis=1,
        ).astype(np.float32)
        features = sparse.hstack([CK, CV, sparse.csr_matrix(markers)], format="csr")
        self.by_owner_kind = []
        self.suggestible = []  # per owner kind: may this candidate be suggested at all
        for owner_kind in OWNER_KINDS:
            suggestible = (arrays["kind"] == OPPOSITE[owner_kind]) & arrays["eligible"]
            columns = np.flatnonzero(suggestible).astype(np.int32)
            self.by_owner_kind.append((columns, features[columns].T.tocsr().astype(np.complex64)))
            self.suggestible.append(suggestible)
        self._local = None if positions is None else {int(i): n for n, i in enumerate(self.ids)}
        self._index_position = index.position
        self._id_order = np.argsort(self.ids, kind="stable")
        self._sorted_ids = self.ids[self._id_order]

    def __len__(self):
        return len(self.ids)

    def local(self, candidate_id: int):
        if self._local is None:
            return self._index_position.get(candidate_id)
        return self._local.get(candidate_id)

    def locals_of(self, candidate_ids: np.ndarray) -> np.ndarray:
        """`local` for many ids at once (-1 where an id is not among these candidates)."""
        if len(self.ids) == 0:
            return np.full(len(candidate_ids), -1)
        at = np.minimum(np.searchsorted(self._sorted_ids, candidate_ids), len(self.ids) - 1)
        return np.where(self._sorted_ids[at] == candidate_ids, self._id_order[at], -1)

    def index_position(self, local: int) -> int:
        return local if self.positions is None else int(self.positions[local])


class NeedArrays:
    """The per-need arrays scoring reads (built once per prepared set of needs)."""

    def __init__(self, needs, NK, NG, NT, NO, NV):
        kinds = [n.kind for n in needs]
        self.resource = np.array([k in RESOURCE_NEEDS for k in kinds], dtype=bool)
        self.required = np.array(
            [offer_mask(OFFERS_FOR_NEED.get(k, ())) for k in kinds], dtype=np.uint8
        )
        self.owner_kinds = np.array(
            [OWNER_KINDS.index(n.owner_kind) if n.owner_kind in OWNER_KINDS else 0 for n in needs],
            dtype=np.int8,
        )
        self.owner_ids = np.array([n.owner_id for n in needs], dtype=np.int64)
        self.ids = np.array([n.id for n in needs], dtype=np.int64)
        self.topic_bits, self.owner_topic_bits = topic_bits(NT), topic_bits(NO)
        self.has_place = np.array([n.place is not None for n in needs], dtype=bool)
        self.lat = np.radians([n.place.lat if n.place else 0.0 for n in needs]).astype(np.float32)
        self.lon = np.radians([n.place.lon if n.place else 0.0 for n in needs]).astype(np.float32)
        self.cos_lat = np.cos(self.lat)
        self.remote = np.array([n.remote_ok for n in needs], dtype=bool)
        # Competencies (real) and words (imaginary) side by side, then the resource marker.
        marker = np.zeros((len(needs), len(RESOURCE_NEEDS)), dtype=np.complex64)
        for j, kind in enumerate(RESOURCE_NEEDS):
            marker[[k == kind for k in kinds], j] = 1j * MARK
        self.features = sparse.hstack(
            [NK.astype(np.complex64), _imaginary(NV), sparse.csr_matrix(marker)], format="csr"
        )
        # Competency groups, in the order a sparse product would add them up: the j-th
        # group of every need in row j.
        self.group_count = np.diff(NG.indptr)
        width = int(self.group_count.max()) if NG.nnz else 0
        self.group_index = np.zeros((width, len(needs)), dtype=np.intp)
        self.group_value = np.zeros((width, len(needs)), dtype=np.float32)
        if width:
            rows = np.repeat(np.arange(len(needs)), self.group_count)
            slot = np.arange(NG.nnz) - np.repeat(NG.indptr[:-1], self.group_count)
            self.group_index[slot, rows] = NG.indices
            self.group_value[slot, rows] = NG.data
        self.group_bits = topic_bits(NG)


def group_fit(needs: NeedArrays, view: CandidateView, rows, cols) -> np.ndarray:
    """Partial credit within competency groups for pairs (global need rows, local candidates),
    summed in float32 exactly as the sparse product over groups would."""
    total = np.zeros(len(cols), dtype=np.float32)
    ix = np.flatnonzero(needs.group_count[rows] > 0)
    for j in range(needs.group_value.shape[0]):
        if j:  # pairs whose need has a j-th group
            ix = ix[needs.group_count[rows[ix]] > j]
        need_rows = rows[ix]
        groups = cols[ix] * view.n_groups + needs.group_index[j, need_rows]
        total[ix] += needs.group_value[j, need_rows] * view.groups[groups]
    return np.minimum(total, 1.0)


class PairHistory:
    """The coordinator's and parties' earlier decisions, looked up for whole chunks."""

    def __init__(self, history):
        self.history = history
        self.by_need: dict[int, dict[str, list[int]]] = {}
        for name, pairs in (
            ("excluded", history.excluded),
            ("declined", history.declined),
            ("recommended", history.recommended),
        ):
            for need_id, candidate_id in pairs:
                self.by_need.setdefault(need_id, {}).setdefault(name, []).append(candidate_id)
        self.by_owner: dict[int, list[int]] = {}
        for owner_id, candidate_id in history.declined_owner_pairs:
            self.by_owner.setdefault(owner_id, []).append(candidate_id)
        self.active = bool(self.by_need or self.by_owner or history.reachable_via)

    def masks(self, view, need_ids, owner_ids, r, c):
        """Per pair: excluded, declined (for the need or its owner), recommended, reachable."""
        width = len(view)
        keys = {"excluded": [], "declined": [], "recommended": []}
        for row, (need_id, owner_id) in enumerate(
            zip(need_ids.tolist(), owner_ids.tolist(), strict=True)
        ):
            for name, candidate_ids in self.by_need.get(need_id, {}).items():
                keys[name] += [
                    row * width + p for p in map(view.local, candidate_ids) if p is not None
                ]
            for p in map(view.local, self.by_owner.get(owner_id, ())):
                if p is not None:
                    keys["declined"].append(row * width + p)
        pair_keys = None
        found = {}
        for name, values in keys.items():
            if not values:
                found[name] = None
                continue
            if pair_keys is None:
                pair_keys = r.astype(np.int64) * width + c
            found[name] = np.isin(pair_keys, np.array(values, dtype=np.int64))
        reachable = None
        if self.history.reachable_via:
            local = [view.local(cid) for cid in self.history.reachable_via]
            flags = np.zeros(width, dtype=bool)
            flags[[p for p in local if p is not None]] = True
            reachable = flags[c]
        return found["excluded"], found["declined"], found["recommended"], reachable
