"""Plain-German explanations of a suggestion, built from the signals that produced it."""

RESOURCE_WORD = {"room": "Raum", "transport": "Fahrzeug"}


def _shared_words(index, analysis, candidate) -> list[str]:
    """Words of the need that also stand in the candidate's profile (compound-aware)."""
    own_terms = index.candidate_terms[index.position[candidate.id]]
    inverse = index.vocabulary.terms
    found = []
    for word, term in analysis["words"]:
        reached = any(inverse[i] in own_terms for i, _s in index.vocabulary.expand(term))
        if reached and word not in found:
            found.append(word)
    return found[:3]


def explain(index, need, analysis, candidate, signals, history):
    reasons: list[str] = []
    concerns: list[str] = []
    candidate_competencies = index.candidate_competencies[index.position[candidate.id]]

    covered = []
    for cid, (_strength, word) in analysis["concepts"].items():
        if cid in candidate_competencies:
            name = index.competency_by_id[cid].name
            covered.append(f"{word} ↔ {name}" if word.casefold() != name.casefold() else name)
    if covered:
        reasons.append("deckt ab: " + ", ".join(covered[:3]))
    elif signals["group"] > 0 and signals["competency"] > 0:
        need_groups = {index.competency_by_id[c].group_id for c in analysis["concepts"]}
        related = [
            index.competency_by_id[c].name
            for c in candidate_competencies
            if c in index.competency_by_id and index.competency_by_id[c].group_id in need_groups
        ]
        if related:
            reasons.append("verwandte Kompetenz: " + ", ".join(sorted(related)[:2]))
    if not covered and signals["text"] >= 0.2:
        words = _shared_words(index, analysis, candidate)
        if words:
            reasons.append("im Profil: " + ", ".join(words))

    if signals["resource"]:
        wanted = {"room": "room", "transport": "vehicle"}[need.kind]
        offers = [o.title for o in candidate.offers if o.kind == wanted]
        if offers:
            reasons.append("Angebot: " + offers[0])
        elif not signals["kind_ok"]:
            concerns.append(f"kein {RESOURCE_WORD[need.kind]} im Angebot")

    topic_names = [
        index.topic_by_id[t].name
        for t in analysis["topics"]
        if t in candidate.topics and t in index.topic_by_id
    ]
    if topic_names:
        reasons.append("Thema " + ", ".join(topic_names[:2]))
    else:
        owner_shared = [
            index.topic_by_id[t].name
            for t in need.owner_topics
            if t in candidate.topics and t in index.topic_by_id
        ]
        if owner_shared:
            reasons.append("gemeinsames Anliegen: " + ", ".join(owner_shared[:2]))

    if signals["remote"]:
        reasons.append("auch aus der Ferne möglich")
    elif signals["outside"]:
        concerns.append(
            f"außerhalb des Umkreises ({signals['km']:.0f} km, Umkreis "
            f"{candidate.radius_km:.0f} km)"
        )
    elif signals["km"] == signals["km"]:  # not NaN
        reasons.append(f"{max(1, round(signals['km']))} km entfernt")

    free = candidate.max_patronships - candidate.running
    if free > 0:
        reasons.append(f"{free} von {candidate.max_patronships} Patenschaften frei")
    else:
        concerns.append(
            f"hat bereits {candidate.running} Patenschaft{'en' if candidate.running != 1 else ''}"
        )

    declined = history.declined.get((need.id, candidate.id))
    if declined is not None or (need.owner_id, candidate.id) in history.declined_owner_pairs:
        concerns.append("wurde schon einmal abgelehnt" + (f": {declined}" if declined else ""))
    for advisor in history.recommended.get((need.id, candidate.id), ()):
        reasons.append(f"empfohlen von {advisor}")
    networks = history.reachable_via.get(candidate.id)
    if networks:
        reasons.append("erreichbar über " + ", ".join(networks[:2]))
    return reasons, concerns
