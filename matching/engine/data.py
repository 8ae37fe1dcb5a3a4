"""Plain data the engine works on. The service layer fills these from the database."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CompetencyInfo:
    id: int
    group_id: int
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicInfo:
    id: int
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Taxonomy:
    competencies: tuple[CompetencyInfo, ...]
    topics: tuple[TopicInfo, ...] = ()
    # Groups that stand for a resource ("room", "transport"): their competencies only count
    # fully, when recognised in a text, for needs of that kind.
    group_kinds: dict = field(default_factory=dict)


@dataclass
class OfferData:
    kind: str
    title: str
    description: str = ""
    competencies: frozenset[int] = frozenset()


@dataclass
class CandidateData:
    """A party that might help: its competencies, offers, topics, place and capacity."""

    id: int
    name: str
    kind: str
    competencies: dict[int, int] = field(default_factory=dict)  # competency id → rating 1–3
    offers: list[OfferData] = field(default_factory=list)
    description: str = ""
    topics: frozenset[int] = frozenset()
    place: Place | None = None
    radius_km: float = 30.0
    max_patronships: int = 2
    running: int = 0
    paused: bool = False
    accepts_suggestions: bool = True
    approved: bool = True


@dataclass
class NeedData:
    id: int
    owner_id: int
    owner_kind: str
    title: str
    description: str
    kind: str
    competencies: frozenset[int] = frozenset()  # wanted, optional
    topics: frozenset[int] = frozenset()
    owner_topics: frozenset[int] = frozenset()
    place: Place | None = None
    remote_ok: bool = False


@dataclass
class History:
    """What people decided before: declined and excluded pairs, Förderkreis recommendations.

    Keys are (need id, candidate id); a decline with need id None applies to every need
    of the same owner (the parties declined each other).
    """

    declined: dict[tuple[int | None, int], str] = field(default_factory=dict)
    excluded: frozenset[tuple[int, int]] = frozenset()
    recommended: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    reachable_via: dict[int, tuple[str, ...]] = field(default_factory=dict)  # candidate → networks
    declined_owner_pairs: frozenset[tuple[int, int]] = frozenset()  # (owner id, candidate id)


@dataclass
class Suggestion:
    need_id: int
    candidate_id: int
    score: int
    band: str
    reasons: list[str]
    concerns: list[str]
    signals: dict[str, float]
