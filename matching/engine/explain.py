"""Plain-German explanations of a suggestion, built from the signals that produced it.

A full recompute explains every need's top ten, hundreds of thousands of suggestions: what
a need or a candidate contributes is put into words once (`need_facts`, `_candidate_facts`)
and only combined per pair.
"""

RESOURCE_WORD = {"room": "Raum", "transport": "Fahrzeug"}
RESOURCE_OFFER = {"room": "room", "transport": "vehicle"}
_KM_AWAY: dict[int, str] = {}  # "3 km entfernt", worded once per distance


def _km_away(km: float) -> str:
    rounded = max(1, round(km))
    text = _KM_AWAY.get(rounded)
    if text is None:
        text = _KM_AWAY[rounded] = f"{rounded} km entfernt"
    return text


def need_facts(index, need, analysis) -> dict:
    """What a need contributes to its explanations, worded once (kept with its analysis)."""
    facts = analysis.get("_explain")
    if facts is None:
        concepts = []
        for cid, (_strength, word) in analysis["concepts"].items():
            name = index.competency_by_id[cid].name
            concepts.append(
                (cid, f"{word} ↔ {name}" if word.casefold() != name.casefold() else name)
            )
        facts = analysis["_explain"] = {
            "concepts": concepts,
            "groups": {index.competency_by_id[c].group_id for c in analysis["concepts"]},
            "topics": [
                (t, index.topic_by_id[t].name) for t in analysis["topics"] if t in index.topic_by_id
            ],
            "owner_topics": [
                (t, index.topic_by_id[t].name) for t in need.owner_topics if t in index.topic_by_id
            ],
            "words": analysis["words"],
            "reach": None,  # what the words reach, read on first use: few suggestions need it
        }
    return facts


def _candidate_facts(index, pos, candidate) -> tuple:
    """What a candidate contributes to its explanations (kept by the index until the
    candidate changes)."""
    facts = index._explained.get(pos)
    if facts is None:
        free = candidate.max_patronships - candidate.running
        if free > 0:
            capacity = (f"{free} von {candidate.max_patronships} Patenschaften frei", None)
        else:
            plural = "en" if candidate.running != 1 else ""
            capacity = (None, f"hat bereits {candidate.running} Patenschaft{plural}")
        offers = {}
        for offer in candidate.offers:
            offers.setdefault(offer.kind, offer.title)
        facts = index._explained[pos] = (
            index.candidate_competencies[pos],
            index.candidate_terms[pos],
            capacity,
            offers,
            candidate.topics,
        )
    return facts


def _shared_words(index, facts, own_terms) -> list[str]:
    """Words of the need that also stand in the candidate's profile (compound-aware)."""
    words = facts["reach"]
    if words is None:
        inverse = index.vocabulary.terms
        words = facts["reach"] = [
            (word, frozenset(inverse[i] for i, _s in index.vocabulary.expand(term)))
            for word, term in facts["words"]
        ]
    found = []
    for word, reaches in words:
        if word not in found and not reaches.isdisjoint(own_terms):
            found.append(word)
    return found[:3]


def explain(index, need, facts, pos, candidate, values, flags, history):
    """Reasons and concerns for suggesting the candidate at index position `pos` for `need`
    (`facts` from `need_facts`; `values` and `flags` as `scoring.SIGNAL_FLOATS`/`_FLAGS`)."""
    reasons: list[str] = []
    concerns: list[str] = []
    _score, _relevance, competency, group, text, _topic, _distance, km = values
    outside, remote, kind_ok, resource, _full = flags
    candidate_facts = index._explained.get(pos) or _candidate_facts(index, pos, candidate)
    competencies, own_terms, (free, full), offers, topics = candidate_facts

    covered = [label for cid, label in facts["concepts"] if cid in competencies]
    if covered:
        reasons.append("deckt ab: " + ", ".join(covered[:3]))
    elif group > 0 and competency > 0:
        related = [
            index.competency_by_id[c].name
            for c in competencies
            if c in index.competency_by_id and index.competency_by_id[c].group_id in facts["groups"]
        ]
        if related:
            reasons.append("verwandte Kompetenz: " + ", ".join(sorted(related)[:2]))
    if not covered and text >= 0.2:
        words = _shared_words(index, facts, own_terms)
        if words:
            reasons.append("im Profil: " + ", ".join(words))

    if resource:
        title = offers.get(RESOURCE_OFFER[need.kind])
        if title is not None:
            reasons.append("Angebot: " + title)
        elif not kind_ok:
            concerns.append(f"kein {RESOURCE_WORD[need.kind]} im Angebot")

    topic_names = [name for t, name in facts["topics"] if t in topics]
    if topic_names:
        reasons.append("Thema " + ", ".join(topic_names[:2]))
    else:
        owner_shared = [name for t, name in facts["owner_topics"] if t in topics]
        if owner_shared:
            reasons.append("gemeinsames Anliegen: " + ", ".join(owner_shared[:2]))

    if remote:
        reasons.append("auch aus der Ferne möglich")
    elif outside:
        concerns.append(
            f"außerhalb des Umkreises ({km:.0f} km, Umkreis {candidate.radius_km:.0f} km)"
        )
    elif km == km:  # not NaN
        reasons.append(_KM_AWAY.get(round(km)) or _km_away(km))

    if free is not None:
        reasons.append(free)
    else:
        concerns.append(full)

    if history.declined or history.declined_owner_pairs:
        declined = history.declined.get((need.id, candidate.id))
        if declined is not None or (need.owner_id, candidate.id) in history.declined_owner_pairs:
            concerns.append("wurde schon einmal abgelehnt" + (f": {declined}" if declined else ""))
    if history.recommended:
        for advisor in history.recommended.get((need.id, candidate.id), ()):
            reasons.append(f"empfohlen von {advisor}")
    if history.reachable_via:
        networks = history.reachable_via.get(candidate.id)
        if networks:
            reasons.append("erreichbar über " + ", ".join(networks[:2]))
    return reasons, concerns
