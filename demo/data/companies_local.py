"""Demo companies, part 3: mobility, food, health, housing and glass. All names invented."""

COMPANIES_LOCAL = [
    {
        "slug": "autohaus-an-der-heide",
        "name": "Autohaus an der Heide",
        "sector": "Kfz-Handel und Werkstatt",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Mario Zieschang", "Werkstattleiter"),
        "description": (
            "Wir verkaufen und reparieren Autos und Transporter aller Marken. Unseren "
            "Vorführ-Kleinbus verleihen wir gern an Vereine, wenn er nicht gebraucht wird."
        ),
        "competencies": [
            ("Kfz-Werkstatt", 3),
            ("Transporter und Kleinbus", 2),
            ("Ausbildung und Ausbildungsplätze", 2),
        ],
        "topics": ["Sport", "Freiwillige Feuerwehr und Katastrophenschutz"],
        "radius_km": 30,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "vehicle",
                "title": "Neunsitzer fürs Wochenende",
                "description": "Ein 9-Sitzer-Kleinbus, vollgetankt abgeholt, vollgetankt zurück.",
                "capacity": "nur am Wochenende, zwei Wochenenden im Monat",
                "competencies": ["Transporter und Kleinbus"],
            },
            {
                "kind": "service",
                "title": "Fahrzeugcheck für Vereinsfahrzeuge",
                "description": "Inspektion und kleinere Reparaturen zum Materialpreis.",
                "capacity": "zweimal im Jahr",
                "competencies": ["Kfz-Werkstatt"],
            },
        ],
    },
    {
        "slug": "spedition-mross",
        "name": "Spedition Mroß Transporte GmbH",
        "sector": "Spedition und Logistik",
        "size": "50-249",
        "municipality": "Boxberg/O.L.",
        "contact": ("Kerstin Mroß", "Geschäftsführerin"),
        "description": (
            "Wir fahren mit 40 Lkw für Industrie und Handel in ganz Europa. Auf unserem Hof gibt "
            "es eine große Halle mit Staplern, und wir suchen dringend junge Berufskraftfahrer."
        ),
        "competencies": [
            ("Lkw und Güterverkehr", 3),
            ("Lagerfläche", 2),
            ("Logistik und Lagerorganisation", 2),
            ("Hebetechnik und Stapler", 2),
        ],
        "topics": ["Arbeit und Beschäftigung", "Armut und soziale Teilhabe"],
        "radius_km": 70,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "room",
                "title": "Lagerplatz in unserer Halle",
                "description": "Stellplätze für Paletten, trocken und abschließbar.",
                "capacity": "bis zu 10 Palettenplätze",
                "competencies": ["Lagerfläche"],
            },
            {
                "kind": "vehicle",
                "title": "Lkw-Fahrt für große Transporte",
                "description": "Wenn eine Spende oder ein Umzug einen Lkw braucht, fahren wir mit.",
                "capacity": "zwei Fahrten im Jahr",
                "competencies": ["Lkw und Güterverkehr"],
            },
        ],
    },
    {
        "slug": "neissetal-reisen",
        "name": "Neißetal-Reisen Krautz",
        "sector": "Busunternehmen",
        "size": "10-49",
        "municipality": "Rietschen",
        "contact": ("Bernd Krautz", "Inhaber"),
        "description": (
            "Wir fahren Schulbusse, Ausflugsfahrten und Reisen. Ein Bus mit Rollstuhllift gehört "
            "zu unserer Flotte. Vereinsfahrten machen wir zum Selbstkostenpreis oder umsonst, wenn "
            "es passt."
        ),
        "competencies": [
            ("Personenbeförderung", 3),
            ("Transporter und Kleinbus", 2),
            ("Barrierefreier Fahrdienst", 2),
            ("Tourismus und Führungen", 1),
        ],
        "topics": ["Senioren", "Inklusion", "Sport"],
        "radius_km": 80,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "vehicle",
                "title": "Bus mit Fahrer für Vereinsausflüge",
                "description": "Reisebus mit 49 Plätzen oder Kleinbus mit Rollstuhllift.",
                "capacity": "vier Fahrten im Jahr, werktags und am Wochenende",
                "competencies": ["Personenbeförderung", "Barrierefreier Fahrdienst"],
            },
        ],
    },
    {
        "slug": "fahrschule-schiemenz",
        "name": "Fahrschule Schiemenz",
        "sector": "Fahrschule",
        "size": "1-9",
        "municipality": "Hoyerswerda",
        "contact": ("Olaf Schiemenz", "Fahrlehrer"),
        "description": (
            "Wir bilden vom Moped bis zum Bus aus. Verkehrserziehung an Schulen und "
            "Fahrsicherheitstraining für Senioren machen wir seit Jahren nebenher."
        ),
        "competencies": [("Fahrschule", 3), ("Transporter und Kleinbus", 1)],
        "topics": ["Kinder und Jugend", "Senioren"],
        "radius_km": 40,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "service",
                "title": "Verkehrserziehung und Fahrsicherheit",
                "description": "Radfahrtraining für Kinder, Auffrischung für ältere Fahrer.",
                "capacity": "drei Termine im Jahr",
                "competencies": ["Fahrschule"],
            },
        ],
    },
    {
        "slug": "heidebaeckerei-zschornack",
        "name": "Heidebäckerei Zschornack",
        "sector": "Bäckerei und Konditorei",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Sabine Zschornack", "Konditormeisterin"),
        "description": (
            "Wir backen seit 1952 in Weißwasser, heute mit vier Filialen. Was abends übrig bleibt, "
            "soll nicht im Müll landen, und für Feste backen wir gern einen Kuchen mehr."
        ),
        "competencies": [
            ("Bäckerei und Konditorei", 3),
            ("Catering", 2),
            ("Koch- und Backkurse", 1),
        ],
        "topics": ["Senioren", "Armut und soziale Teilhabe"],
        "radius_km": 15,
        "max_patronships": 2,
        "on_behalf": True,
        "offers": [
            {
                "kind": "material",
                "title": "Brot und Brötchen vom Vortag",
                "description": "Abholung montags bis freitags ab 18 Uhr in der Filiale am Markt.",
                "capacity": "täglich, Menge schwankt",
                "competencies": ["Lebensmittel"],
            },
            {
                "kind": "material",
                "title": "Kuchenbuffet für Vereinsfeste",
                "description": "Zwei Bleche Kuchen für Ihr Fest, abgeholt am Festtag.",
                "capacity": "einmal im Monat",
                "competencies": ["Bäckerei und Konditorei"],
            },
        ],
    },
    {
        "slug": "landhotel-kiefernruh",
        "name": "Landhotel Kiefernruh",
        "sector": "Hotel und Gastronomie",
        "size": "10-49",
        "municipality": "Gablenz",
        "contact": ("Ines Kubitz", "Inhaberin"),
        "description": (
            "Unser Landhotel liegt mitten im Wald, mit Gaststube, Saal für 120 Gäste und einer "
            "großen Küche. Wir bilden Köche und Hotelfachleute aus und möchten, dass unsere Azubis "
            "auch über den Tellerrand schauen."
        ),
        "competencies": [
            ("Hotel und Übernachtung", 3),
            ("Restaurant und Gaststätte", 3),
            ("Saal und Veranstaltungsraum", 2),
            ("Küchennutzung", 2),
            ("Catering", 2),
        ],
        "topics": ["Armut und soziale Teilhabe", "Dorfleben und ländlicher Raum", "Familie"],
        "radius_km": 35,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "room",
                "title": "Saal für Benefizveranstaltungen",
                "description": "Unser Saal mit Bühne, montags und dienstags ohne Saalmiete.",
                "capacity": "montags und dienstags",
                "competencies": ["Saal und Veranstaltungsraum"],
            },
            {
                "kind": "room",
                "title": "Küche am Ruhetag mitnutzen",
                "description": (
                    "Unsere Profiküche mit Einweisung, zum Beispiel für einen Mittagstisch."
                ),
                "capacity": "montags von 8 bis 14 Uhr",
                "competencies": ["Küchennutzung"],
            },
        ],
    },
    {
        "slug": "fleischerei-hanusch",
        "name": "Fleischerei Hanusch",
        "sector": "Fleischerei und Partyservice",
        "size": "1-9",
        "municipality": "Schleife",
        "contact": ("Daniel Hanusch", "Fleischermeister"),
        "description": (
            "Hausgemachte Wurst nach sorbischen Rezepten und ein Grillservice für Feste aller Art. "
            "Wir haben uns gerade angemeldet und freuen uns auf die ersten Kontakte."
        ),
        "competencies": [("Fleischerei und Grillservice", 3), ("Catering", 2)],
        "topics": ["Sorbische Kultur", "Dorfleben und ländlicher Raum"],
        "radius_km": 30,
        "max_patronships": 1,
        "status": "pending",
        "offers": [
            {
                "kind": "service",
                "title": "Grillstand beim Vereinsfest",
                "description": "Wir bringen Grill und Bratwurst, der Erlös geht an den Verein.",
                "capacity": "zwei Feste im Sommer",
                "competencies": ["Fleischerei und Grillservice"],
            },
        ],
    },
    {
        "slug": "pflegedienst-lebensnah",
        "name": "Ambulanter Pflegedienst Lebensnah",
        "sector": "Ambulante Pflege",
        "size": "50-249",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Yvonne Schmidt", "Pflegedienstleitung"),
        "description": (
            "Wir versorgen über 200 Menschen zu Hause, von Bad Muskau bis Boxberg. Unsere "
            "Pflegekräfte wissen viel über Demenz, Hilfsmittel und den Alltag mit Pflege, und "
            "dieses Wissen geben wir gern weiter."
        ),
        "competencies": [
            ("Pflege und Betreuung", 3),
            ("Barrierefreier Fahrdienst", 2),
            ("Fachvorträge und Workshops", 1),
        ],
        "topics": ["Senioren", "Pflege und Hospizarbeit"],
        "radius_km": 35,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "service",
                "title": "Vortrag: Pflege zu Hause organisieren",
                "description": "Pflegegrad, Hilfsmittel, Entlastung: ein Abend für Angehörige.",
                "capacity": "zweimal im Jahr",
                "competencies": ["Pflege und Betreuung", "Fachvorträge und Workshops"],
            },
        ],
    },
    {
        "slug": "kiefern-apotheke",
        "name": "Kiefern-Apotheke Weißwasser",
        "sector": "Apotheke",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Dr. Susanne Hempel", "Apothekerin"),
        "description": (
            "Wir sind die Apotheke im Süden der Stadt. Viele unserer Kundinnen und Kunden nehmen "
            "fünf oder mehr Medikamente und verlieren den Überblick. Erklären ist uns wichtiger "
            "als Verkaufen."
        ),
        "competencies": [
            ("Apotheke", 3),
            ("Fachvorträge und Workshops", 2),
            ("Ernährungsberatung", 1),
        ],
        "topics": ["Senioren", "Gesundheit"],
        "radius_km": 15,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "service",
                "title": "Medikamenten-Sprechstunde vor Ort",
                "description": "Wir gehen Medikamentenpläne durch und beantworten Fragen.",
                "capacity": "einmal im Monat, nachmittags",
                "competencies": ["Apotheke"],
            },
            {
                "kind": "material",
                "title": "Verbandskästen für Vereine",
                "description": "Aufgefüllte Verbandskästen für Sportplatz und Vereinsbus.",
                "capacity": "fünf im Jahr",
                "competencies": ["Apotheke"],
            },
        ],
    },
    {
        "slug": "physio-bewegungsraum",
        "name": "Physiotherapie Bewegungsraum",
        "sector": "Physiotherapie",
        "size": "1-9",
        "municipality": "Cottbus",
        "contact": ("Nadine Kaiser", "Physiotherapeutin"),
        "description": (
            "Wir behandeln Sportverletzungen und Rückenschmerzen und bieten Rehasport an. "
            "Rollstuhlsport und inklusive Gruppen liegen uns besonders am Herzen."
        ),
        "competencies": [
            ("Physiotherapie", 3),
            ("Betriebliches Gesundheitsmanagement", 2),
            ("Sportkurse und Trainer", 2),
        ],
        "topics": ["Sport", "Inklusion", "Gesundheit"],
        "radius_km": 50,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "service",
                "title": "Physio-Sprechstunde für Sportvereine",
                "description": "Verletzungen vorbeugen, Aufwärmen richtig machen, Tapen lernen.",
                "capacity": "einmal im Quartal",
                "competencies": ["Physiotherapie"],
            },
        ],
    },
    {
        "slug": "wg-heidesiedlung",
        "name": "Wohnungsgenossenschaft Heidesiedlung eG",
        "sector": "Wohnungswirtschaft",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Peter Wagenknecht", "Vorstand"),
        "description": (
            "Uns gehören rund 1.400 Wohnungen in Weißwasser. Wir haben Gemeinschaftsräume und "
            "leere Ladenlokale, die wir lieber Vereinen und Nachbarschaftsinitiativen geben, als "
            "sie leer stehen zu lassen."
        ),
        "competencies": [
            ("Immobilien und Vermietung", 3),
            ("Besprechungsraum", 2),
            ("Hausmeisterdienste", 2),
            ("Saal und Veranstaltungsraum", 1),
        ],
        "topics": ["Senioren", "Familie", "Integration und Migration"],
        "radius_km": 10,
        "max_patronships": 3,
        "offers": [
            {
                "kind": "room",
                "title": "Gemeinschaftsraum in der Heidesiedlung",
                "description": "Raum für 20 Personen mit Teeküche, barrierefrei erreichbar.",
                "capacity": "abends und am Wochenende",
                "competencies": ["Besprechungsraum", "Saal und Veranstaltungsraum"],
            },
            {
                "kind": "room",
                "title": "Leeres Ladenlokal für Initiativen",
                "description": "Ein Ladenlokal in der Innenstadt, mietfrei für ein Jahr.",
                "capacity": "ein Ladenlokal, ab sofort",
                "competencies": ["Immobilien und Vermietung"],
            },
        ],
    },
    {
        "slug": "glasmanufaktur-heideglas",
        "name": "Glasmanufaktur Heideglas",
        "sector": "Glasherstellung",
        "size": "50-249",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Lutz Boden", "Personalleiter"),
        "description": (
            "Wir führen die Glasmachertradition von Weißwasser fort und fertigen Trinkgläser und "
            "Leuchten in Handarbeit. Uns fehlen Fachkräfte, und wir sind offen für Menschen, die "
            "neu in die Region kommen."
        ),
        "competencies": [
            ("Berufsorientierung", 2),
            ("Sachspenden und Restposten", 2),
            ("Tourismus und Führungen", 1),
            ("Ausbildung und Ausbildungsplätze", 2),
        ],
        "topics": [
            "Heimat- und Regionalgeschichte",
            "Integration und Migration",
            "Strukturwandel in der Lausitz",
        ],
        "radius_km": 30,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "service",
                "title": "Führung durch die Glashütte",
                "description": (
                    "Glasmachern über die Schulter schauen, für Gruppen bis 25 Personen."
                ),
                "capacity": "einmal im Monat",
                "competencies": ["Tourismus und Führungen", "Berufsorientierung"],
            },
            {
                "kind": "material",
                "title": "Gläser zweiter Wahl für Tombola und Feste",
                "description": (
                    "Gläser mit kleinen Fehlern, ideal als Preise oder für den Ausschank."
                ),
                "capacity": "nach Lagerbestand",
                "competencies": ["Sachspenden und Restposten"],
            },
        ],
    },
]
