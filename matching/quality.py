"""Measuring ranking quality on the labelled set in matching/evaluation/cases.json.

The set is read straight into the engine's plain data (no database): labels are mapped
through the shipped taxonomy files by name or synonym. Cases are split into "dev" (for
tuning) and "test" (only for reporting, never tuned on).
"""

import json
from dataclasses import dataclass
from math import log2
from pathlib import Path

from .engine.data import (
    CandidateData,
    CompetencyInfo,
    NeedData,
    OfferData,
    Place,
    Taxonomy,
    TopicInfo,
)
from .engine.ranker import Index

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "evaluation" / "cases.json"
RESOURCE_GROUPS = {"raeume-und-ausstattung": "room", "logistik-und-transport": "transport"}


@dataclass
class Figures:
    needs: int
    ndcg5: float
    precision3: float
    unservable: int
    unservable_without_strong: float


def _taxonomy():
    groups = json.loads((ROOT / "taxonomy/data/competencies.json").read_text("utf-8"))
    competencies, labels, group_kinds = [], {}, {}
    next_id = 1
    for group_id, group in enumerate(groups, start=1):
        if group["slug"] in RESOURCE_GROUPS:
            group_kinds[group_id] = RESOURCE_GROUPS[group["slug"]]
        for c in group["competencies"]:
            competencies.append(
                CompetencyInfo(next_id, group_id, c["name"], tuple(c.get("synonyms", [])))
            )
            for label in [c["name"], *c.get("synonyms", [])]:
                labels.setdefault(label.casefold(), next_id)
            next_id += 1
    topics, topic_labels = [], {}
    topic_rows = json.loads((ROOT / "taxonomy/data/topics.json").read_text("utf-8"))
    for topic_id, t in enumerate(topic_rows, start=1):
        topics.append(TopicInfo(topic_id, t["name"], tuple(t.get("synonyms", []))))
        for label in [t["name"], *t.get("synonyms", [])]:
            topic_labels.setdefault(label.casefold(), topic_id)
    places = {}
    rows = json.loads((ROOT / "places/data/municipalities.json").read_text("utf-8"))
    for place_id, m in enumerate(rows, start=1):
        places[m["name"]] = Place(place_id, m["name"], m["lat"], m["lon"])
    taxonomy = Taxonomy(tuple(competencies), tuple(topics), group_kinds=group_kinds)
    return taxonomy, labels, topic_labels, places


def load_cases(path: Path = CASES):
    taxonomy, labels, topic_labels, places = _taxonomy()
    data = json.loads(path.read_text("utf-8"))
    key_to_id = {p["key"]: i for i, p in enumerate(data["parties"], start=1)}

    def comp(label):
        return labels[label.casefold()]

    def topic_ids(names):
        return frozenset(topic_labels[n.casefold()] for n in names)

    candidates = []
    for p in data["parties"]:
        competencies = {}
        for label, rating in p.get("competencies", []):
            competencies[comp(label)] = int(rating)
        candidates.append(
            CandidateData(
                id=key_to_id[p["key"]],
                name=p["name"],
                kind=p["kind"],
                competencies=competencies,
                offers=[
                    OfferData(
                        o["kind"],
                        o["title"],
                        o.get("description", ""),
                        frozenset(comp(c) for c in o.get("competencies", [])),
                    )
                    for o in p.get("offers", [])
                ],
                description=p.get("description", ""),
                topics=topic_ids(p.get("topics", [])),
                place=places.get(p.get("municipality", "")),
                radius_km=float(p.get("radius_km", 30)),
                max_patronships=int(p.get("max_patronships", 2)),
                running=int(p.get("running_patronships", 0)),
                paused=bool(p.get("paused", False)),
            )
        )
    by_key = {p["key"]: p for p in data["parties"]}
    needs, judgments = [], {}
    for i, n in enumerate(data["needs"], start=1):
        owner = by_key[n["owner"]]
        needs.append(
            (
                n,
                NeedData(
                    id=i,
                    owner_id=key_to_id[n["owner"]],
                    owner_kind=owner["kind"],
                    title=n["title"],
                    description=n["description"],
                    kind=n["kind"],
                    competencies=frozenset(comp(c) for c in n.get("competencies", [])),
                    topics=topic_ids(n.get("topics", [])),
                    owner_topics=topic_ids(owner.get("topics", [])),
                    place=places.get(n.get("municipality", "")),
                    remote_ok=bool(n.get("remote_ok")),
                ),
            )
        )
        judgments[i] = {key_to_id[k]: g for k, g in n.get("judgments", {}).items()}
    return taxonomy, candidates, needs, judgments


def _dcg(grades):
    return sum((2**g - 1) / log2(i + 2) for i, g in enumerate(grades))


def evaluate(split: str | None = None, weights: dict | None = None, path: Path = CASES):
    """Figures for one split ("dev", "test") or all cases (None), and per-need details."""
    taxonomy, candidates, needs, judgments = load_cases(path)
    index = Index(taxonomy, candidates, weights)
    chosen = [(raw, need) for raw, need in needs if split is None or raw.get("split") == split]
    results = index.rank_many([need for _raw, need in chosen], limit=10)
    ndcgs, precisions, unservable, unservable_ok, details = [], [], 0, 0, []
    for raw, need in chosen:
        ranking = results[need.id]
        grades = judgments[need.id]
        if raw.get("unservable"):
            unservable += 1
            unservable_ok += not any(s.band == "strong" for s in ranking)
        ideal = sorted(grades.values(), reverse=True)[:5]
        if ideal and ideal[0] > 0:
            got = [grades.get(s.candidate_id, 0) for s in ranking[:5]]
            ndcgs.append(_dcg(got) / _dcg(ideal))
            top3 = [grades.get(s.candidate_id, 0) for s in ranking[:3]]
            relevant = sum(1 for g in grades.values() if g >= 2)
            if relevant:
                precisions.append(sum(1 for g in top3 if g >= 2) / min(3, relevant))
        details.append((raw, need, ranking, grades))
    figures = Figures(
        needs=len(chosen),
        ndcg5=sum(ndcgs) / len(ndcgs) if ndcgs else 0.0,
        precision3=sum(precisions) / len(precisions) if precisions else 0.0,
        unservable=unservable,
        unservable_without_strong=unservable_ok / unservable if unservable else 1.0,
    )
    return figures, details
