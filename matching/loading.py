"""Reading the database into the engine's plain data (one query per kind of row)."""

from collections import defaultdict

from django.db.models import Count, Q

from advisors.models import NetworkMembership, NetworkTie, Recommendation
from exchange.models import Need, NeedStatus, Offer
from parties.models import Party, PartyCompetency
from patronships.models import RUNNING_STATUSES, Patronship
from taxonomy.models import Competency, CompetencyGroup, Topic

from .engine.data import (
    CandidateData,
    CompetencyInfo,
    History,
    NeedData,
    OfferData,
    Place,
    Taxonomy,
    TopicInfo,
)
from .models import PairDecision

# Competency groups that stand for a resource a need of that kind asks for.
RESOURCE_GROUPS = {"raeume-und-ausstattung": "room", "logistik-und-transport": "transport"}


def load_taxonomy() -> Taxonomy:
    return Taxonomy(
        competencies=tuple(
            CompetencyInfo(c.pk, c.group_id, c.name, tuple(c.synonyms or ()))
            for c in Competency.objects.all()
        ),
        topics=tuple(TopicInfo(t.pk, t.name, tuple(t.synonyms or ())) for t in Topic.objects.all()),
        group_kinds={
            pk: RESOURCE_GROUPS[slug]
            for pk, slug in CompetencyGroup.objects.filter(slug__in=RESOURCE_GROUPS).values_list(
                "pk", "slug"
            )
        },
    )


def _place(municipality) -> Place | None:
    if municipality is None:
        return None
    return Place(municipality.pk, municipality.name, municipality.latitude, municipality.longitude)


def load_candidates(parties=None) -> list[CandidateData]:
    """Every approved party (or those of `parties`, ids, that are approved) with its
    competencies, offers, topics, place and load."""
    approved = Party.objects.approved().select_related("municipality")
    if parties is not None:
        approved = approved.filter(pk__in=parties)
    parties = list(approved)
    # Related rows are read by subquery: a list of thousands of ids is no query parameter.
    chosen = approved.values("pk")
    competencies = defaultdict(dict)
    for party_id, competency_id, rating in PartyCompetency.objects.filter(
        party__in=chosen
    ).values_list("party_id", "competency_id", "rating"):
        competencies[party_id][competency_id] = rating
    offer_competencies = defaultdict(set)
    through = Offer.competencies.through
    for offer_id, competency_id in through.objects.filter(offer__party__in=chosen).values_list(
        "offer_id", "competency_id"
    ):
        offer_competencies[offer_id].add(competency_id)
    offers = defaultdict(list)
    for offer in Offer.objects.active().filter(party__in=chosen):
        offers[offer.party_id].append(
            OfferData(
                offer.kind,
                offer.title,
                offer.description,
                frozenset(offer_competencies.get(offer.pk, ())),
            )
        )
    topics = defaultdict(set)
    for party_id, topic_id in Party.topics.through.objects.filter(party__in=chosen).values_list(
        "party_id", "topic_id"
    ):
        topics[party_id].add(topic_id)
    running = defaultdict(int)
    for field in ("sponsor", "recipient"):
        for party_id, n in (
            Patronship.objects.filter(status__in=RUNNING_STATUSES, **{f"{field}__in": chosen})
            .values_list(field)
            .annotate(n=Count("pk"))
        ):
            running[party_id] += n
    return [
        CandidateData(
            id=p.pk,
            name=p.name,
            kind=p.kind,
            competencies=competencies.get(p.pk, {}),
            offers=offers.get(p.pk, []),
            description=p.description,
            topics=frozenset(topics.get(p.pk, ())),
            place=_place(p.municipality),
            radius_km=float(p.radius_km),
            max_patronships=p.max_patronships,
            running=running.get(p.pk, 0),
            paused=p.is_paused,
            accepts_suggestions=p.accepts_suggestions,
            approved=p.is_approved,
        )
        for p in parties
    ]


NEED_FIELDS = (
    "pk",
    "party_id",
    "party__kind",
    "title",
    "description",
    "kind",
    "remote_ok",
    # The need's own place, else its owner's.
    "municipality_id",
    "municipality__name",
    "municipality__latitude",
    "municipality__longitude",
    "party__municipality_id",
    "party__municipality__name",
    "party__municipality__latitude",
    "party__municipality__longitude",
)


def load_needs(queryset=None) -> list[NeedData]:
    """Open needs of approved parties (or the given queryset) as engine input."""
    if queryset is None:
        queryset = Need.objects.filter(status=NeedStatus.OPEN, party__status="approved")
    # Plain values, not model instances: a rebuild reads tens of thousands of needs.
    rows = list(queryset.order_by("pk").values_list(*NEED_FIELDS))
    wanted = defaultdict(set)
    for need_id, cid in Need.competencies.through.objects.filter(
        need_id__in=queryset.values("pk")
    ).values_list("need_id", "competency_id"):
        wanted[need_id].add(cid)
    need_topics = defaultdict(set)
    for need_id, tid in Need.topics.through.objects.filter(
        need_id__in=queryset.values("pk")
    ).values_list("need_id", "topic_id"):
        need_topics[need_id].add(tid)
    owner_topics = defaultdict(set)
    for party_id, tid in Party.topics.through.objects.filter(
        party_id__in=queryset.values("party_id")
    ).values_list("party_id", "topic_id"):
        owner_topics[party_id].add(tid)
    places: dict[int, Place] = {}

    def place(pk, name, lat, lon) -> Place | None:
        if pk is None:
            return None
        if pk not in places:
            places[pk] = Place(pk, name, lat, lon)
        return places[pk]

    needs = []
    for pk, party_id, owner_kind, title, description, kind, remote_ok, *where in rows:
        needs.append(
            NeedData(
                id=pk,
                owner_id=party_id,
                owner_kind=owner_kind,
                title=title,
                description=description,
                kind=kind,
                competencies=frozenset(wanted[pk]),
                topics=frozenset(need_topics[pk]),
                owner_topics=frozenset(owner_topics[party_id]),
                place=place(*where[:4]) or place(*where[4:]),
                remote_ok=remote_ok,
            )
        )
    return needs


def load_history() -> History:
    """Declined and excluded pairs, and what the Förderkreis knows: who recommended whom for
    which need, and through which networks the Förderkreis reaches a candidate."""
    declined, excluded, owner_pairs = {}, set(), set()
    for d in PairDecision.objects.all():
        if d.kind == PairDecision.Kind.EXCLUDED:
            excluded.add((d.need_id, d.candidate_id))
        elif d.need_id:
            declined[(d.need_id, d.candidate_id)] = d.reason
        else:
            owner_pairs.add((d.owner_id, d.candidate_id))
    recommended = defaultdict(list)
    for need_id, candidate_id, name in (
        Recommendation.objects.active()
        .filter(need__status=NeedStatus.OPEN)
        .order_by("created_at", "pk")
        .values_list("need_id", "candidate_id", "advisor__name")
    ):
        # Explanations are read by more people than the Förderkreis: a name, never an address.
        name = name or "einem Mitglied des Förderkreises"
        if name not in recommended[(need_id, candidate_id)]:
            recommended[(need_id, candidate_id)].append(name)
    # A network reaches its parties only while someone of the Förderkreis is in it.
    reaching = NetworkMembership.objects.filter(
        Q(advisor__is_advisor=True) | Q(advisor__is_coordinator=True), advisor__is_active=True
    ).values("network_id")
    reachable = defaultdict(list)
    for party_id, network in (
        NetworkTie.objects.filter(network_id__in=reaching)
        .order_by("network__name")
        .values_list("party_id", "network__name")
    ):
        reachable[party_id].append(network)
    return History(
        declined=declined,
        excluded=frozenset(excluded),
        declined_owner_pairs=frozenset(owner_pairs),
        recommended={pair: tuple(names) for pair, names in recommended.items()},
        reachable_via={party_id: tuple(names) for party_id, names in reachable.items()},
    )
