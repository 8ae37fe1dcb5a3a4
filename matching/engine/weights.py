"""Every weight of the matching engine, in one place, each with what it does.

The coordinator can override any of them in the portal (stored in the database); these
are the defaults. Scores run from 0 to 100.
"""

DEFAULT_WEIGHTS: dict[str, float] = {
    # How a candidate's competencies count, by self-rating and source.
    "rating_expert": 1.0,  # "Kerngeschäft"
    "rating_good": 0.85,
    "rating_basic": 0.6,
    "offer_competency": 0.9,  # a competency named on one of the candidate's offers
    "wanted_competency": 1.0,  # a competency the need asks for explicitly
    "detected_competency": 0.9,  # a competency recognised in the need's own words
    "detected_in_description": 0.6,  # factor for what only the description names
    "detected_beside_wanted": 0.5,  # factor for recognised ones when the need names some
    "detected_other_resource": 0.4,  # factor for a recognised room/transport entry in a
    # need of another kind ("Vereinsheim" in a roof need is a place, not a wish)
    "same_group_credit": 0.3,  # partial credit: a competency of the same group
    "text_scale": 4.0,  # raw text similarity is small; this brings it to 0–1
    "text_share": 0.85,  # how much text similarity adds on top of competency fit
    # Kind of help: a room or transport need wants a room or vehicle offer.
    "kind_missing_resource": 0.35,  # factor when a room/transport offer is missing
    "kind_missing_offer": 0.9,  # factor when no offer of the wanted kind exists otherwise
    "kind_offer_relevance": 0.35,  # relevance a room/vehicle offer alone gives such a need
    # Context: topics and distance raise a relevant candidate, never make one relevant.
    "context_base": 0.6,  # share of the score that relevance earns regardless of context
    "topic_need": 1.0,  # a shared topic of the need itself
    "topic_owner": 0.7,  # a shared topic of the need's owner only
    "outside_radius": 0.55,  # factor when the need lies beyond the candidate's radius
    "unknown_place": 0.6,  # distance score when a place is missing
    # Capacity and history.
    "capacity_full": 0.5,  # factor when all the candidate's patronship slots are taken
    "declined_before": 0.6,  # factor for a pair that was declined before
    "recommended_bonus": 0.15,  # added to the context score by a Förderkreis recommendation
    "network_bonus": 0.05,  # added when the candidate is reachable through a network
    # Bands.
    "band_strong": 55,  # at least this score (and strong relevance) is a strong match
    "band_strong_relevance": 0.55,
    "band_possible": 30,
    "band_weak": 12,  # below this a candidate is not shown at all
}

WEIGHT_HELP: dict[str, str] = {
    "rating_expert": "Gewicht einer Kernkompetenz mit Selbsteinschätzung „Kerngeschäft“",
    "rating_good": "Gewicht einer Kernkompetenz mit Selbsteinschätzung „gut“",
    "rating_basic": "Gewicht einer Kernkompetenz mit Selbsteinschätzung „Grundkenntnisse“",
    "offer_competency": "Gewicht einer Kompetenz, die in einem Angebot genannt ist",
    "wanted_competency": "Gewicht einer im Bedarf ausdrücklich gesuchten Kompetenz",
    "detected_competency": "Gewicht einer Kompetenz, die im Text des Bedarfs erkannt wurde",
    "same_group_credit": "Teilpunkte für eine Kompetenz aus derselben Gruppe",
    "detected_in_description": "Faktor für Kompetenzen, die nur in der Beschreibung stehen",
    "detected_beside_wanted": "Faktor für erkannte Kompetenzen neben ausdrücklich gesuchten",
    "detected_other_resource": "Faktor für erkannte Raum-/Transportkompetenzen in anderen Bedarfen",
    "kind_offer_relevance": "Fachpassung allein durch ein passendes Raum- oder Fahrzeugangebot",
    "text_scale": "Skalierung der Textähnlichkeit",
    "text_share": "Anteil der Textähnlichkeit zusätzlich zur Kompetenzpassung",
    "kind_missing_resource": "Faktor, wenn für Raum oder Transport kein passendes Angebot da ist",
    "kind_missing_offer": "Faktor, wenn sonst kein Angebot der gesuchten Art da ist",
    "context_base": "Anteil der Punkte, die allein die fachliche Passung bringt",
    "topic_need": "Wert eines gemeinsamen Themas des Bedarfs",
    "topic_owner": "Wert eines gemeinsamen Themas nur der Anfragenden",
    "outside_radius": "Faktor, wenn der Bedarf außerhalb des Umkreises liegt",
    "unknown_place": "Entfernungswert, wenn ein Ort fehlt",
    "capacity_full": "Faktor, wenn alle Patenschaftsplätze belegt sind",
    "declined_before": "Faktor für ein Paar, das schon einmal abgelehnt wurde",
    "recommended_bonus": "Zuschlag für eine Empfehlung aus dem Förderkreis",
    "network_bonus": "Zuschlag, wenn jemand über ein Netzwerk erreichbar ist",
    "band_strong": "Mindestpunkte für „passt gut“",
    "band_strong_relevance": "Mindest-Fachpassung (0–1) für „passt gut“",
    "band_possible": "Mindestpunkte für „passt vielleicht“",
    "band_weak": "Mindestpunkte, um überhaupt gezeigt zu werden",
}


def resolve(overrides: dict | None = None) -> dict[str, float]:
    """The defaults with any known overrides applied (unknown keys are ignored)."""
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in (overrides or {}).items():
        if key in weights:
            weights[key] = float(value)
    return weights
