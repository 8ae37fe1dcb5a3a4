"""Needs of the school and kita support clubs, the wheelchair sports club and a new chess club."""

NEEDS_SCHOOLS = [
    # Förderverein Grundschule Rietschen
    {
        "party": "foerderverein-grundschule-rietschen",
        "title": "Laptops für die Computer-AG",
        "description": "Für die Computer-AG fehlten Geräte, die nicht älter als zehn Jahre sind.",
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
        "status": "met",
        "topics": ["Bildung", "Digitale Teilhabe"],
        "competencies": ["Gebrauchte Technik"],
    },
    {
        "party": "foerderverein-grundschule-rietschen",
        "title": "Schulgarten betreuen",
        "description": (
            "Unser Schulgarten verwildert in jeden Sommerferien. Wir suchen jemanden, der mit den "
            "Kindern pflanzt und uns zeigt, was wann zu tun ist."
        ),
        "kind": "know_how",
        "effort": "long_term",
        "time_frame": "jedes Schuljahr",
        "status": "met",
        "topics": ["Umwelt und Naturschutz", "Bildung"],
        "competencies": ["Gärtnerei und Pflanzen"],
    },
    {
        "party": "foerderverein-grundschule-rietschen",
        "title": "Lesepaten gesucht",
        "description": (
            "Einige Kinder in der 2. und 3. Klasse lesen noch sehr stockend. Wir suchen Menschen, "
            "die einmal die Woche eine halbe Stunde mit einem Kind zusammen lesen."
        ),
        "kind": "time",
        "effort": "recurring",
        "time_frame": "ab dem neuen Schuljahr",
        "public": True,
    },
    # Förderverein Kita Kiefernzapfen Gablenz
    {
        "party": "kita-foerderverein-gablenz",
        "title": "Spielgeräte und Material für den Kita-Garten",
        "description": "Für den Garten fehlten Sandspielzeug, Pflanzkübel und eine Matschküche.",
        "kind": "material",
        "effort": "recurring",
        "time_frame": "",
        "status": "met",
        "competencies": ["Sachspenden und Restposten"],
    },
    {
        "party": "kita-foerderverein-gablenz",
        "title": "Gartenhaus-Dach ist undicht",
        "description": (
            "Im Gartenhaus lagern die Sandspielsachen und die Laufräder. Die Dachpappe ist "
            "aufgerissen, alles wird nass und fängt an zu schimmeln."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "vor dem Herbst",
        "public": True,
    },
    {
        "party": "kita-foerderverein-gablenz",
        "title": "Neuer Sand für den Sandkasten",
        "description": (
            "Der Sand im großen Sandkasten ist alt und verdreckt. Wir bräuchten etwa sechs "
            "Kubikmeter Spielsand und jemanden, der ihn bringt und den alten mitnimmt."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "Frühjahr",
    },
    # Rollstuhlsport Lausitz
    {
        "party": "rollstuhlsport-lausitz",
        "title": "Rollstuhlgerechter Bus für Turnierfahrten",
        "description": (
            "Zu Auswärtsspielen fahren wir mit acht Sportrollstühlen und sechs Spielern, die im "
            "Rollstuhl sitzen. Ohne Bus mit Lift oder Rampe geht das nicht."
        ),
        "kind": "transport",
        "effort": "recurring",
        "time_frame": "etwa sechs Wochenenden pro Saison",
        "status": "in_progress",
        "competencies": ["Barrierefreier Fahrdienst"],
    },
    {
        "party": "rollstuhlsport-lausitz",
        "title": "Hallenzeit am Wochenende",
        "description": (
            "Unter der Woche bekommen wir nur eine Stunde in der Schulturnhalle. Für Turniere und "
            "Schnuppertrainings suchen wir eine Halle mit ebenem Zugang am Wochenende."
        ),
        "kind": "room",
        "effort": "recurring",
        "time_frame": "samstags",
        "competencies": ["Sporthalle und Sportflächen"],
    },
    # Schachfreunde Spremberg (pending registration)
    {
        "party": "schachfreunde-spremberg",
        "title": "Schachbretter und Uhren für die Schul-AG",
        "description": "Für die neue Schach-AG fehlen zehn Bretter und ein paar Schachuhren.",
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
        "status": "draft",
    },
]
