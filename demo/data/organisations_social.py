"""Demo organisations, part 2: social services, initiatives and engaged individuals. Invented."""

ORGANISATIONS_SOCIAL = [
    {
        "slug": "lausitzer-jugendwerkstatt",
        "name": "Lausitzer Jugendwerkstatt gGmbH",
        "legal_form": "ggmbh",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Maik Jentsch", "Sozialpädagoge"),
        "description": (
            "Bei uns bekommen junge Leute ohne Abschluss oder Ausbildung eine zweite Chance: Holz- "
            "und Metallwerkstatt, Bewerbungshilfe, ein geregelter Tag. Viele wollen ins Handwerk "
            "und brauchen nur jemanden, der ihnen die Tür aufmacht."
        ),
        "topics": ["Arbeit und Beschäftigung", "Kinder und Jugend", "Bildung"],
        "target_groups": ["Jugendliche", "Junge Erwachsene", "Arbeitsuchende"],
        "competencies": [
            ("Kontakt zu Jugendlichen und Nachwuchsgewinnung", 3),
            ("Perspektivwechsel-Hospitation", 2),
        ],
        "offers": [
            {
                "kind": "contacts",
                "title": "Kontakt zu jungen Leuten, die eine Ausbildung suchen",
                "description": (
                    "Wir stellen Ihnen Jugendliche vor, die zu Ihrem Betrieb passen könnten, und "
                    "begleiten das Praktikum."
                ),
                "capacity": "laufend",
                "competencies": ["Kontakt zu Jugendlichen und Nachwuchsgewinnung"],
            },
        ],
    },
    {
        "slug": "werkstaetten-neisseland",
        "name": "Werkstätten Neißeland gGmbH",
        "legal_form": "ggmbh",
        "municipality": "Niesky",
        "contact": ("Thomas Lindner", "Leiter Arbeitsbereich"),
        "description": (
            "In unserer Werkstatt für Menschen mit Behinderung arbeiten 160 Beschäftigte in "
            "Montage, Verpackung, Wäscherei und Garten. Immer mehr von ihnen wollen auf einem "
            "Außenarbeitsplatz direkt in einem Betrieb arbeiten."
        ),
        "topics": ["Inklusion", "Arbeit und Beschäftigung"],
        "target_groups": ["Menschen mit Behinderung", "Menschen mit psychischer Erkrankung"],
        "competencies": [
            ("Aufträge an Werkstätten für Menschen mit Behinderung", 3),
            ("Inklusion und Barrierefreiheit beraten", 2),
            ("Perspektivwechsel-Hospitation", 1),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Verpackungs- und Montagearbeiten",
                "description": (
                    "Konfektionieren, Etikettieren, Kleinteile montieren, zuverlässig und "
                    "pünktlich."
                ),
                "capacity": "laufend, auch größere Stückzahlen",
                "competencies": ["Aufträge an Werkstätten für Menschen mit Behinderung"],
            },
        ],
    },
    {
        "slug": "lebensmittelhilfe-heidebrot",
        "name": "Lebensmittelhilfe Heidebrot e.V.",
        "legal_form": "verein",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Renate Urban", "Koordinatorin"),
        "description": (
            "Wir retten Lebensmittel aus Supermärkten und Bäckereien und geben sie zweimal die "
            "Woche an 300 Haushalte aus. Seit einem Jahr kochen wir außerdem einen Mittagstisch "
            "für Kinder und Alleinstehende."
        ),
        "topics": ["Armut und soziale Teilhabe", "Familie", "Senioren"],
        "target_groups": ["Menschen in Armut", "Alleinerziehende", "Seniorinnen und Senioren"],
        "competencies": [("Perspektivwechsel-Hospitation", 3), ("Teamtag mit sozialer Wirkung", 2)],
        "offers": [
            {
                "kind": "service",
                "title": "Perspektivwechsel: ein Tag bei der Lebensmittelhilfe",
                "description": (
                    "Azubis oder Führungskräfte helfen einen Tag bei Abholung und Ausgabe mit."
                ),
                "capacity": "dienstags und freitags, für bis zu 4 Personen",
                "competencies": ["Perspektivwechsel-Hospitation"],
            },
        ],
    },
    {
        "slug": "seniorentreff-sonnenhof",
        "name": "Seniorenbegegnungsstätte Sonnenhof",
        "legal_form": "initiative",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Erika Jahn", "Leiterin"),
        "description": (
            "Jeden Tag außer sonntags kommen bei uns ältere Menschen zu Kaffee, Gymnastik, Karten "
            "und Gesprächen zusammen. Für viele ist das der einzige Termin am Tag."
        ),
        "topics": ["Senioren", "Digitale Teilhabe", "Gesundheit"],
        "target_groups": ["Seniorinnen und Senioren"],
        "competencies": [("Generationendialog", 3), ("Heimat- und Kulturführungen", 1)],
        "offers": [
            {
                "kind": "service",
                "title": "Zeitzeugen erzählen",
                "description": "Frühere Glasmacher und Kraftwerker erzählen Ihrem Team von früher.",
                "capacity": "einmal im Quartal",
                "competencies": ["Generationendialog"],
            },
        ],
    },
    {
        "slug": "willkommen-in-weisswasser",
        "name": "Integrationsnetzwerk Willkommen in Weißwasser",
        "legal_form": "initiative",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Samira Haddad", "Koordinatorin"),
        "description": (
            "Wir sind Einheimische und Zugewanderte, die Neuankömmlingen beim Ankommen helfen: "
            "Deutsch-Treff, Behördengänge, Fahrräder, Jobsuche. Unsere Sprachmittler sprechen "
            "Arabisch, Ukrainisch, Farsi und Englisch."
        ),
        "topics": ["Integration und Migration", "Demokratie und Zusammenhalt"],
        "target_groups": ["Geflüchtete und Zugewanderte", "Familien"],
        "competencies": [
            ("Interkulturelles Training", 3),
            ("Sprachmittlung", 3),
            ("Zugang zu zugewanderten Arbeitskräften", 2),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Interkulturelles Training für Teams",
                "description": (
                    "Ein halber Tag über Missverständnisse, Feiertage und Arbeitskultur, mit "
                    "Trainerinnen, die selbst zugewandert sind."
                ),
                "capacity": "einmal im Monat",
                "competencies": ["Interkulturelles Training"],
            },
            {
                "kind": "contacts",
                "title": "Kontakt zu Zugewanderten, die Arbeit suchen",
                "description": "Wir vermitteln und begleiten die ersten Wochen im Betrieb.",
                "capacity": "laufend",
                "competencies": ["Zugang zu zugewanderten Arbeitskräften", "Sprachmittlung"],
            },
        ],
    },
    {
        "slug": "familienzentrum-regenbogenhaus",
        "name": "Familienzentrum Regenbogenhaus e.V.",
        "legal_form": "verein",
        "municipality": "Hoyerswerda",
        "contact": ("Claudia Frenzel", "Leiterin"),
        "description": (
            "Wir sind Anlaufstelle für Familien in der Neustadt: Krabbelgruppe, Elterncafé, "
            "Beratung für Alleinerziehende und Ferienprogramm. Bei uns muss niemand etwas "
            "bezahlen."
        ),
        "topics": ["Familie", "Frauen und Gleichstellung", "Armut und soziale Teilhabe"],
        "target_groups": ["Familien", "Alleinerziehende", "Kleinkinder und Kita-Kinder"],
        "competencies": [
            ("Vereinbarkeit von Pflege und Beruf", 1),
            ("Kinderbetreuung bei Veranstaltungen", 2),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Vortrag: Familie und Schichtdienst vereinbaren",
                "description": "Was Betriebe für Eltern tun können, mit Beispielen aus der Region.",
                "capacity": "zweimal im Jahr",
                "competencies": ["Vereinbarkeit von Pflege und Beruf"],
            },
        ],
    },
    {
        "slug": "suchtberatung-neuanfang",
        "name": "Suchtberatung Neuanfang Lausitz gGmbH",
        "legal_form": "ggmbh",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Dirk Hampel", "Suchtberater"),
        "description": (
            "Wir beraten Menschen mit Alkohol-, Medikamenten- oder Spielproblemen und ihre "
            "Angehörigen, vertraulich und kostenlos. Betrieben zeigen wir, wie man Sucht am "
            "Arbeitsplatz früh erkennt und anspricht."
        ),
        "topics": ["Sucht- und Straffälligenhilfe", "Gesundheit"],
        "target_groups": ["Menschen mit Suchterkrankung", "Familien"],
        "competencies": [("Suchtprävention", 3), ("Sozialberatung für Beschäftigte", 2)],
        "offers": [
            {
                "kind": "service",
                "title": "Workshop: Sucht am Arbeitsplatz erkennen",
                "description": "Drei Stunden für Führungskräfte: Anzeichen, Gespräch, Hilfen.",
                "capacity": "einmal im Quartal",
                "competencies": ["Suchtprävention"],
            },
        ],
    },
    {
        "slug": "hospizverein-heidelicht",
        "name": "Ambulanter Hospizverein Heidelicht e.V.",
        "legal_form": "verein",
        "municipality": "Niesky",
        "contact": ("Ulrike Bergmann", "Koordinatorin"),
        "description": (
            "Unsere 30 Ehrenamtlichen begleiten Schwerkranke, Sterbende und ihre Familien zu Hause "
            "und im Pflegeheim. Einmal im Monat laden wir zum Trauercafé ein."
        ),
        "topics": ["Pflege und Hospizarbeit", "Ehrenamt und Bürgerengagement"],
        "target_groups": [
            "Schwerkranke, Sterbende und Trauernde",
            "Pflegebedürftige und Angehörige",
        ],
        "competencies": [
            ("Vereinbarkeit von Pflege und Beruf", 3),
            ("Ehrenamtsmanagement", 2),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Vortrag: Wenn Beschäftigte Angehörige pflegen",
                "description": (
                    "Wie Betriebe pflegende Angehörige entlasten können, mit Raum für Fragen."
                ),
                "capacity": "zweimal im Jahr",
                "competencies": ["Vereinbarkeit von Pflege und Beruf"],
            },
        ],
    },
    {
        "slug": "umweltgruppe-faltenbogen",
        "name": "Umweltgruppe Faltenbogen e.V.",
        "legal_form": "verein",
        "municipality": "Bad Muskau",
        "contact": ("Lars Wenzel", "Vorsitzender"),
        "description": (
            "Wir pflegen Streuobstwiesen, Teiche und Heideflächen im Muskauer Faltenbogen und "
            "gehen mit Schulklassen raus in die Natur."
        ),
        "topics": ["Umwelt und Naturschutz", "Bildung"],
        "target_groups": ["Schülerinnen und Schüler", "Ehrenamtliche"],
        "competencies": [("Teamtag mit sozialer Wirkung", 3)],
        "offers": [
            {
                "kind": "service",
                "title": "Teamtag auf der Streuobstwiese",
                "description": (
                    "Obstbäume pflanzen, Wiese mähen, Nistkästen aufhängen, danach Grillen."
                ),
                "capacity": "von März bis Oktober",
                "competencies": ["Teamtag mit sozialer Wirkung"],
            },
        ],
    },
    {
        "slug": "jugendclub-boxberg",
        "name": "Offener Jugendtreff Boxberg",
        "legal_form": "initiative",
        "municipality": "Boxberg/O.L.",
        "contact": ("Tina Mrosk", "Jugendarbeiterin"),
        "description": (
            "Der einzige Treffpunkt für Jugendliche in der Gemeinde: Billard, Musik, Hausaufgaben "
            "und jemand zum Reden. Die Jugendlichen gestalten den Club selbst."
        ),
        "topics": ["Kinder und Jugend", "Dorfleben und ländlicher Raum"],
        "target_groups": ["Jugendliche", "Junge Erwachsene"],
        "competencies": [("Kontakt zu Jugendlichen und Nachwuchsgewinnung", 3)],
        "offers": [
            {
                "kind": "contacts",
                "title": "Azubi-Abend im Jugendtreff",
                "description": "Stellen Sie Ihren Betrieb bei Pizza und Limo den Jugendlichen vor.",
                "capacity": "einmal im Quartal",
                "competencies": ["Kontakt zu Jugendlichen und Nachwuchsgewinnung"],
            },
        ],
    },
    {
        "slug": "buntes-weisswasser",
        "name": "Netzwerk Buntes Weißwasser",
        "legal_form": "initiative",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Jonas Richter", "Sprecher"),
        "description": (
            "Wir sind Vereine, Kirchen und Einzelne, die sich für ein offenes Weißwasser "
            "einsetzen: Stadtfest-Stand, Aktionswoche, Trainings gegen Stammtischparolen."
        ),
        "topics": ["Demokratie und Zusammenhalt", "Integration und Migration"],
        "target_groups": ["Bürgerinnen und Bürger allgemein", "Auszubildende"],
        "competencies": [("Demokratiebildung und Zivilcourage", 3)],
        "offers": [
            {
                "kind": "service",
                "title": "Argumentationstraining für Azubis",
                "description": (
                    "Was sage ich, wenn in der Pause gehetzt wird? Ein Workshop für Azubis."
                ),
                "capacity": "viermal im Jahr",
                "competencies": ["Demokratiebildung und Zivilcourage"],
            },
        ],
    },
    {
        "slug": "marlene-kubasch",
        "name": "Marlene Kubasch",
        "legal_form": "individual",
        "municipality": "Rietschen",
        "contact": ("Marlene Kubasch", ""),
        "description": (
            "Ich war 38 Jahre Lehrerin und koche jetzt einmal die Woche für ältere Nachbarn, die "
            "allein leben. Das Essen ist eigentlich nur der Anlass zum Zusammensitzen."
        ),
        "topics": ["Senioren", "Dorfleben und ländlicher Raum"],
        "target_groups": ["Seniorinnen und Senioren"],
        "competencies": [("Generationendialog", 2)],
        "on_behalf": True,
        "offers": [],
    },
    {
        "slug": "tobias-wenzel",
        "name": "Tobias Wenzel",
        "legal_form": "individual",
        "municipality": "Niesky",
        "contact": ("Tobias Wenzel", ""),
        "description": (
            "Ich bin Elektroniker und organisiere mit Freunden ein Repair-Café im Bürgerhaus. "
            "Einmal im Monat reparieren wir Toaster, Fahrräder und Radios, statt sie wegzuwerfen."
        ),
        "topics": ["Umwelt und Naturschutz", "Ehrenamt und Bürgerengagement"],
        "target_groups": ["Bürgerinnen und Bürger allgemein"],
        "competencies": [("Kreativ- und Bastelaktionen", 1)],
        "offers": [],
    },
    {
        "slug": "ingrid-schulze",
        "name": "Ingrid Schulze",
        "legal_form": "individual",
        "municipality": "Bad Muskau",
        "contact": ("Ingrid Schulze", ""),
        "description": (
            "Ich möchte im Kurpark einen Spielenachmittag für Ältere und Kinder anbieten, mit "
            "Brettspielen, Boule und Kuchen."
        ),
        "topics": ["Senioren", "Familie"],
        "target_groups": ["Seniorinnen und Senioren", "Kinder"],
        "competencies": [("Generationendialog", 1)],
        "status": "pending",
        "offers": [],
    },
]
