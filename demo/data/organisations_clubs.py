"""Demo organisations, part 1: clubs, culture, fire brigade, churches and schools.

All names are invented. Competencies come from the two "social" groups of the taxonomy.
"""

ORGANISATIONS_CLUBS = [
    {
        "slug": "jsv-heidelaeufer",
        "name": "JSV Heideläufer Weißwasser e.V.",
        "legal_form": "verein",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Sandra Lehmann", "Vorsitzende und Jugendwartin"),
        "description": (
            "Wir sind ein Jugendsportverein mit 180 Kindern und Jugendlichen in Fußball, "
            "Leichtathletik und Kinderturnen. Alles läuft ehrenamtlich, unser Vereinsheim am "
            "Waldstadion haben Eltern in den 90ern selbst gebaut."
        ),
        "topics": ["Sport", "Kinder und Jugend", "Ehrenamt und Bürgerengagement"],
        "target_groups": ["Kinder", "Jugendliche", "Familien"],
        "competencies": [
            ("Kontakt zu Jugendlichen und Nachwuchsgewinnung", 3),
            ("Sport und Bewegung für Belegschaften", 2),
            ("Kinderbetreuung bei Veranstaltungen", 2),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Kinderbetreuung beim Firmenfest",
                "description": (
                    "Torwandschießen, Sackhüpfen und Kinderschminken mit unseren Jugendtrainern."
                ),
                "capacity": "zwei Feste im Jahr, am Wochenende",
                "competencies": ["Kinderbetreuung bei Veranstaltungen"],
            },
            {
                "kind": "service",
                "title": "Lauftraining für Ihren Firmenlauf",
                "description": "Acht Wochen Lauftreff mit unserer Leichtathletik-Trainerin.",
                "capacity": "einmal pro Woche, abends",
                "competencies": ["Sport und Bewegung für Belegschaften"],
            },
        ],
    },
    {
        "slug": "kulturverein-glasmacherstadt",
        "name": "Kulturverein Glasmacherstadt e.V.",
        "legal_form": "verein",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Dr. Frank Lorenz", "Vorsitzender"),
        "description": (
            "Wir organisieren Lesungen, Konzerte im Park und Ausstellungen über die Geschichte der "
            "Glasindustrie. Unser Ziel: Weißwasser soll nicht nur über Abwanderung reden, sondern "
            "über das, was hier entsteht."
        ),
        "topics": ["Kultur", "Heimat- und Regionalgeschichte", "Strukturwandel in der Lausitz"],
        "target_groups": ["Bürgerinnen und Bürger allgemein", "Seniorinnen und Senioren"],
        "competencies": [
            ("Kreativ- und Bastelaktionen", 2),
            ("Heimat- und Kulturführungen", 2),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Kunst im Betrieb",
                "description": (
                    "Wir hängen eine Ausstellung regionaler Künstler in Ihren Räumen auf."
                ),
                "capacity": "zwei Ausstellungen im Jahr",
                "competencies": ["Kreativ- und Bastelaktionen"],
            },
        ],
    },
    {
        "slug": "heimatverein-krauschwitz",
        "name": "Heimatverein Krauschwitz-Sagar e.V.",
        "legal_form": "verein",
        "municipality": "Krauschwitz i.d. O.L.",
        "contact": ("Gisela Nitschke", "Vorsitzende"),
        "description": (
            "Wir betreiben die Heimatstube in der alten Schule und sammeln alles, was die "
            "Geschichte unserer Dörfer erzählt. Wir sind 23 Mitglieder, die meisten im Ruhestand."
        ),
        "topics": ["Heimat- und Regionalgeschichte", "Dorfleben und ländlicher Raum"],
        "target_groups": ["Bürgerinnen und Bürger allgemein", "Schülerinnen und Schüler"],
        "competencies": [("Heimat- und Kulturführungen", 3), ("Generationendialog", 2)],
        "on_behalf": True,
        "offers": [
            {
                "kind": "service",
                "title": "Führung durch die Heimatstube",
                "description": "Eine Stunde Ortsgeschichte zum Anfassen, gern für Ihr Team.",
                "capacity": "nach Absprache, auch samstags",
                "competencies": ["Heimat- und Kulturführungen"],
            },
        ],
    },
    {
        "slug": "tierschutz-muskauer-heide",
        "name": "Tierschutzverein Muskauer Heide e.V.",
        "legal_form": "verein",
        "municipality": "Bad Muskau",
        "contact": ("Jana Schulz", "Vorsitzende"),
        "description": (
            "Wir betreiben ein kleines Tierheim mit Platz für 15 Hunde und 40 Katzen. Die Arbeit "
            "machen zwei Teilzeitkräfte und viele Ehrenamtliche, die Gassi gehen und putzen."
        ),
        "topics": ["Tierschutz", "Ehrenamt und Bürgerengagement"],
        "target_groups": ["Ehrenamtliche", "Bürgerinnen und Bürger allgemein"],
        "competencies": [("Teamtag mit sozialer Wirkung", 3)],
        "offers": [
            {
                "kind": "service",
                "title": "Teamtag im Tierheim",
                "description": (
                    "Gassi gehen, Gehege bauen, Katzenzimmer streichen: ein Tag mit Sinn."
                ),
                "capacity": "einmal im Monat, für bis zu 10 Personen",
                "competencies": ["Teamtag mit sozialer Wirkung"],
            },
        ],
    },
    {
        "slug": "foerderverein-feuerwehr-gablenz",
        "name": "Förderverein der Freiwilligen Feuerwehr Gablenz e.V.",
        "legal_form": "verein",
        "municipality": "Gablenz",
        "contact": ("Steffen Buder", "Vorsitzender"),
        "description": (
            "Wir unterstützen unsere Ortsfeuerwehr und die Jugendfeuerwehr mit 22 Kindern. Wir "
            "richten das Feuerwehrfest aus und bilden auch Betriebe in Brandschutz und Erster "
            "Hilfe aus."
        ),
        "topics": [
            "Freiwillige Feuerwehr und Katastrophenschutz",
            "Kinder und Jugend",
            "Dorfleben und ländlicher Raum",
        ],
        "target_groups": ["Kinder", "Jugendliche", "Ehrenamtliche"],
        "competencies": [
            ("Brandschutzhelfer-Ausbildung", 3),
            ("Erste-Hilfe-Kurs", 3),
            ("Sanitätsdienst bei Veranstaltungen", 1),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Brandschutzhelfer-Ausbildung für Ihre Belegschaft",
                "description": (
                    "Theorie und Löschübung auf unserem Hof, mit Teilnahmebescheinigung."
                ),
                "capacity": "vier Termine im Jahr, bis 15 Personen",
                "competencies": ["Brandschutzhelfer-Ausbildung"],
            },
            {
                "kind": "service",
                "title": "Erste Hilfe auffrischen",
                "description": "Vier Stunden Erste Hilfe mit Defibrillator-Übung.",
                "capacity": "nach Absprache",
                "competencies": ["Erste-Hilfe-Kurs"],
            },
        ],
    },
    {
        "slug": "kirchgemeinde-am-braunsteich",
        "name": "Ev. Kirchgemeinde Am Braunsteich",
        "legal_form": "kirchgemeinde",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Pfarrerin Ruth Albrecht", "Pfarrerin"),
        "description": (
            "Zu unserer Gemeinde gehören die Kirche, ein Gemeindesaal und ein Seniorenkreis mit 40 "
            "Leuten. Wir laden zu Gottesdiensten, Chor, Krabbelgruppe und Seniorennachmittagen "
            "ein, und jeder ist willkommen."
        ),
        "topics": ["Kirche und Glaube", "Senioren", "Familie"],
        "target_groups": ["Seniorinnen und Senioren", "Familien"],
        "competencies": [("Generationendialog", 2), ("Sozialberatung für Beschäftigte", 1)],
        "offers": [
            {
                "kind": "room",
                "title": "Gemeindesaal für Veranstaltungen",
                "description": "Saal für 80 Personen mit Küche, auch für Firmenveranstaltungen.",
                "capacity": "werktags abends, wenn frei",
                "competencies": ["Saal und Veranstaltungsraum"],
            },
        ],
    },
    {
        "slug": "kirchspiel-heidedoerfer",
        "name": "Ev. Kirchspiel Heidedörfer",
        "legal_form": "kirchgemeinde",
        "municipality": "Groß Düben",
        "contact": ("Hartmut Schenk", "Kirchvorsteher"),
        "description": (
            "Drei Dorfkirchen, ein Friedhof und viel Herz: Unser Kirchspiel lebt von den Menschen "
            "in den Dörfern, die sich um Gebäude und Gemeinschaft kümmern."
        ),
        "topics": ["Kirche und Glaube", "Dorfleben und ländlicher Raum", "Sorbische Kultur"],
        "target_groups": ["Seniorinnen und Senioren", "Bürgerinnen und Bürger allgemein"],
        "competencies": [("Heimat- und Kulturführungen", 1)],
        "on_behalf": True,
        "offers": [],
    },
    {
        "slug": "brauchtumsverein-heideland",
        "name": "Wendischer Brauchtumsverein Heideland e.V.",
        "legal_form": "verein",
        "municipality": "Schleife",
        "contact": ("Monika Kaulfürst", "Vorsitzende"),
        "description": (
            "Wir pflegen die Trachten, Tänze und Bräuche der Schleifer Region. Unsere Tanzgruppe "
            "tritt bei Festen auf, und wir zeigen Kindern, wie man Ostereier verziert."
        ),
        "topics": ["Sorbische Kultur", "Kultur", "Heimat- und Regionalgeschichte"],
        "target_groups": ["Kinder", "Bürgerinnen und Bürger allgemein"],
        "competencies": [
            ("Auftritte bei Firmenfeiern", 3),
            ("Heimat- und Kulturführungen", 2),
            ("Kreativ- und Bastelaktionen", 2),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Trachtentanz für Ihr Firmenfest",
                "description": (
                    "Zwölf Tänzerinnen und Tänzer in Schleifer Tracht, 20 Minuten Programm."
                ),
                "capacity": "drei Auftritte im Jahr",
                "competencies": ["Auftritte bei Firmenfeiern"],
            },
            {
                "kind": "service",
                "title": "Ostereier verzieren für Belegschaft und Kinder",
                "description": "Ein Nachmittag mit Wachstechnik und sorbischen Mustern.",
                "capacity": "in der Fastenzeit",
                "competencies": ["Kreativ- und Bastelaktionen"],
            },
        ],
    },
    {
        "slug": "tanzgruppe-heidewirbel",
        "name": "Kindertanzgruppe Heidewirbel",
        "legal_form": "initiative",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Nicole Pannasch", "Trainerin"),
        "description": (
            "Wir sind 25 Mädchen und Jungen zwischen 6 und 14, die Showtanz machen. Organisiert "
            "wird alles von Eltern; wir trainieren bisher im Flur einer Grundschule."
        ),
        "topics": ["Kinder und Jugend", "Kultur", "Familie"],
        "target_groups": ["Kinder", "Mädchen und junge Frauen"],
        "competencies": [("Auftritte bei Firmenfeiern", 3)],
        "offers": [
            {
                "kind": "service",
                "title": "Kindertanzgruppe für Firmenfeste",
                "description": "Ein fröhliches Showprogramm von 15 Minuten, Kostüme inklusive.",
                "capacity": "vier Auftritte im Jahr, am liebsten am Wochenende",
                "competencies": ["Auftritte bei Firmenfeiern"],
            },
        ],
    },
    {
        "slug": "kraftwerkerchor-boxberg",
        "name": "Kraftwerkerchor Boxberg e.V.",
        "legal_form": "verein",
        "municipality": "Boxberg/O.L.",
        "contact": ("Wolfgang Rönsch", "Vorsitzender"),
        "description": (
            "Gegründet von Kraftwerkern, heute offen für alle: 35 Sängerinnen und Sänger, "
            "Volkslieder, Bergmannslieder und Pop. Wir singen auf Dorffesten und in Heimen."
        ),
        "topics": ["Musik", "Strukturwandel in der Lausitz", "Senioren"],
        "target_groups": ["Seniorinnen und Senioren", "Bürgerinnen und Bürger allgemein"],
        "competencies": [("Auftritte bei Firmenfeiern", 2), ("Generationendialog", 1)],
        "on_behalf": True,
        "offers": [
            {
                "kind": "service",
                "title": "Ständchen zum Firmenjubiläum",
                "description": "Drei bis fünf Lieder, auf Wunsch mit dem Steigerlied.",
                "capacity": "nach Absprache",
                "competencies": ["Auftritte bei Firmenfeiern"],
            },
        ],
    },
    {
        "slug": "foerderverein-grundschule-rietschen",
        "name": "Förderverein Grundschule Am Waldrand Rietschen e.V.",
        "legal_form": "verein",
        "municipality": "Rietschen",
        "contact": ("Anja Großmann", "Vorsitzende"),
        "description": (
            "Wir sind Eltern und Lehrkräfte, die unsere Grundschule mit 140 Kindern unterstützen: "
            "Schulgarten, Computer-AG, Lesefest. Was der Schulträger nicht bezahlen kann, "
            "versuchen wir möglich zu machen."
        ),
        "topics": ["Bildung", "Kinder und Jugend", "Umwelt und Naturschutz"],
        "target_groups": ["Schülerinnen und Schüler", "Kinder", "Familien"],
        "competencies": [("Kontakt zu Jugendlichen und Nachwuchsgewinnung", 1)],
        "offers": [],
    },
    {
        "slug": "kita-foerderverein-gablenz",
        "name": "Förderverein Kita Kiefernzapfen Gablenz e.V.",
        "legal_form": "verein",
        "municipality": "Gablenz",
        "contact": ("Christin Noack-Wilde", "Kassenwartin"),
        "description": (
            "Unsere Kita hat 60 Kinder und einen großen Garten am Waldrand. Der Förderverein "
            "kümmert sich um alles, was das Budget nicht hergibt."
        ),
        "topics": ["Kinder und Jugend", "Familie"],
        "target_groups": ["Kleinkinder und Kita-Kinder", "Familien"],
        "competencies": [("Kreativ- und Bastelaktionen", 1)],
        "offers": [],
    },
    {
        "slug": "rollstuhlsport-lausitz",
        "name": "Rollstuhlsport Lausitz e.V.",
        "legal_form": "verein",
        "municipality": "Cottbus",
        "contact": ("Kai Weidner", "Sportwart"),
        "description": (
            "Rollstuhlbasketball, Para-Tischtennis und inklusiver Sport für alle. Wir spielen in "
            "der Regionalliga und fahren zu Turnieren in ganz Ostdeutschland."
        ),
        "topics": ["Inklusion", "Sport"],
        "target_groups": ["Menschen mit Behinderung", "Jugendliche"],
        "competencies": [
            ("Inklusion und Barrierefreiheit beraten", 3),
            ("Sport und Bewegung für Belegschaften", 2),
        ],
        "offers": [
            {
                "kind": "service",
                "title": "Barriere-Check für Ihren Betrieb",
                "description": "Zwei Rollstuhlfahrer testen Eingang, Toiletten und Webseite.",
                "capacity": "einmal im Monat",
                "competencies": ["Inklusion und Barrierefreiheit beraten"],
            },
            {
                "kind": "service",
                "title": "Rollstuhlbasketball als Teamevent",
                "description": (
                    "Ihr Team probiert Rollstuhlbasketball aus, Sportrollstühle bringen wir mit."
                ),
                "capacity": "zwei Termine im Jahr",
                "competencies": ["Sport und Bewegung für Belegschaften"],
            },
        ],
    },
    {
        "slug": "schachfreunde-spremberg",
        "name": "Schachfreunde Spremberg e.V.",
        "legal_form": "verein",
        "municipality": "Spremberg",
        "contact": ("Horst Kalisch", "Vorsitzender"),
        "description": (
            "Wir spielen Schach mit Kindern, Jugendlichen und Rentnern und bieten eine Schach-AG "
            "an zwei Schulen an. Wir haben uns gerade im Portal angemeldet."
        ),
        "topics": ["Bildung", "Kinder und Jugend", "Senioren"],
        "target_groups": ["Schülerinnen und Schüler", "Seniorinnen und Senioren"],
        "competencies": [("Generationendialog", 2)],
        "status": "pending",
        "offers": [],
    },
]
