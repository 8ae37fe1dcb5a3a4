"""Demo companies, part 1: crafts, construction, garden and building supplies.

Every name is invented. Competencies, topics and municipalities are given by label, exactly as
in `taxonomy/data/*.json` and `places/data/municipalities.json`.
"""

COMPANIES_CRAFT = [
    {
        "slug": "dachdeckerei-noack",
        "name": "Dachdeckerei Noack & Söhne GmbH",
        "sector": "Handwerk – Dachdeckerei",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Thomas Noack", "Geschäftsführer"),
        "description": (
            "Wir decken seit drei Generationen Dächer in der Muskauer Heide, vom Steildach bis zum "
            "Flachdach der Turnhalle. Unsere Azubis sollen früh merken, dass Handwerk etwas für "
            "die Menschen im Ort bewegt. Deshalb packen wir gern bei Vereinen mit an."
        ),
        "competencies": [
            ("Dachdeckerei", 3),
            ("Zimmerei", 2),
            ("Photovoltaik und Solartechnik", 1),
            ("Ausbildung und Ausbildungsplätze", 2),
        ],
        "topics": ["Sport", "Kinder und Jugend", "Dorfleben und ländlicher Raum"],
        "radius_km": 35,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "service",
                "title": "Dachcheck und kleine Reparaturen an Vereinsgebäuden",
                "description": (
                    "Ein Meister schaut sich das Dach an, sagt ehrlich, was nötig ist, und "
                    "repariert kleinere Schäden mit unseren Azubis."
                ),
                "capacity": "zwei Einsätze im Jahr, bevorzugt im Frühjahr",
                "competencies": ["Dachdeckerei"],
            },
            {
                "kind": "equipment",
                "title": "Leitern und Gerüstteile leihen",
                "description": "Anlegeleitern und ein kleines Fassadengerüst, mit Einweisung.",
                "capacity": "nach Absprache, nicht in der Hauptsaison",
                "competencies": ["Geräte- und Werkzeugverleih"],
            },
        ],
    },
    {
        "slug": "elektrotechnik-kschischo",
        "name": "Elektrotechnik Kschischo",
        "sector": "Handwerk – Elektroinstallation",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Martina Kschischo", "Elektromeisterin"),
        "description": (
            "Wir sind ein Familienbetrieb mit zwölf Leuten und machen alles rund um Strom: "
            "Hausinstallation, Beleuchtung, Netzwerke und Photovoltaik. Jugendarbeit liegt uns am "
            "Herzen, weil wir selbst händeringend Nachwuchs suchen."
        ),
        "competencies": [
            ("Elektroinstallation", 3),
            ("Netzwerk und WLAN", 2),
            ("Photovoltaik und Solartechnik", 2),
            ("Sicherheits- und Brandschutztechnik", 1),
        ],
        "topics": ["Kinder und Jugend", "Strukturwandel in der Lausitz"],
        "radius_km": 30,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "staff_time",
                "title": "Elektrik prüfen und in Ordnung bringen",
                "description": (
                    "Wir prüfen die Elektrik in Vereinsräumen (E-Check) und beheben Mängel. "
                    "Material rechnen wir zum Einkaufspreis ab."
                ),
                "capacity": "etwa 8 Stunden im Monat",
                "competencies": ["Elektroinstallation"],
            },
            {
                "kind": "service",
                "title": "WLAN für Vereinsheim oder Jugendtreff",
                "description": "Router, Zugangspunkte und ein getrenntes Gäste-WLAN einrichten.",
                "capacity": "einmalig pro Verein",
                "competencies": ["Netzwerk und WLAN"],
            },
        ],
    },
    {
        "slug": "haustechnik-pohl",
        "name": "Haustechnik Pohl – Sanitär und Heizung",
        "sector": "Handwerk – Sanitär, Heizung, Klima",
        "size": "1-9",
        "municipality": "Bad Muskau",
        "contact": ("Enrico Pohl", "Inhaber"),
        "description": (
            "Ich bin Installateurmeister und mit fünf Kollegen in Bad Muskau und Umgebung "
            "unterwegs. Wir bauen Bäder barrierefrei um und kümmern uns um alte Heizungen. Für "
            "Kirchen und Vereine, die jeden Euro umdrehen, finden wir oft eine günstige Lösung."
        ),
        "competencies": [
            ("Sanitär und Heizung", 3),
            ("Barrierefreier Umbau", 2),
            ("Energieberatung", 1),
        ],
        "topics": ["Senioren", "Kirche und Glaube", "Inklusion"],
        "radius_km": 25,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "service",
                "title": "Heizungscheck für Gemeinderäume",
                "description": (
                    "Wir schauen nach alten Heizungen, entlüften, stellen ein und sagen, ob sich "
                    "eine Reparatur noch lohnt."
                ),
                "capacity": "vor der Heizperiode, September bis November",
                "competencies": ["Sanitär und Heizung", "Energieberatung"],
            },
        ],
    },
    {
        "slug": "tischlerei-mattke",
        "name": "Tischlerei Mattke",
        "sector": "Handwerk – Tischlerei",
        "size": "1-9",
        "municipality": "Schleife",
        "contact": ("Jens Mattke", "Tischlermeister"),
        "description": (
            "Wir bauen Möbel, Treppen und Innentüren aus Holz aus der Region. In unserer Werkstatt "
            "lernen jedes Jahr Schülerinnen und Schüler im Praktikum, wie man mit Holz umgeht."
        ),
        "competencies": [
            ("Tischlerei", 3),
            ("Möbel und Einrichtung", 2),
            ("Zimmerei", 1),
            ("Praktikumsplätze", 2),
        ],
        "topics": ["Kultur", "Sorbische Kultur", "Kinder und Jugend"],
        "radius_km": 40,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "service",
                "title": "Einbauten aus Holz für Vereinsräume",
                "description": "Regale, Schränke, Bühnenpodeste oder eine Theke nach Maß.",
                "capacity": "ein Projekt im Jahr, Material nach Absprache",
                "competencies": ["Tischlerei", "Möbel und Einrichtung"],
            },
            {
                "kind": "material",
                "title": "Holzreste und Verschnitt",
                "description": (
                    "Unbehandelte Reststücke aus Eiche, Kiefer und Birke für Bastelprojekte."
                ),
                "capacity": "laufend, bitte selbst abholen",
                "competencies": ["Sachspenden und Restposten"],
            },
        ],
    },
    {
        "slug": "malerbetrieb-farbklang",
        "name": "Malerbetrieb Farbklang Hentschel",
        "sector": "Handwerk – Maler und Lackierer",
        "size": "10-49",
        "municipality": "Krauschwitz i.d. O.L.",
        "contact": ("Ronny Hentschel", "Malermeister"),
        "description": (
            "Wir streichen, tapezieren und gestalten Räume und Fassaden. Gerade in Kitas und "
            "Jugendclubs sieht man, wie viel ein frischer Anstrich ausmacht."
        ),
        "competencies": [
            ("Malerarbeiten", 3),
            ("Sanierung und Renovierung", 2),
            ("Bodenbeläge", 1),
        ],
        "topics": ["Familie", "Kinder und Jugend"],
        "radius_km": 30,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "staff_time",
                "title": "Streichaktion mit Anleitung",
                "description": (
                    "Ein Geselle zeigt Ehrenamtlichen, wie man richtig abklebt und streicht, und "
                    "übernimmt die kniffligen Stellen."
                ),
                "capacity": "nur am Wochenende",
                "competencies": ["Malerarbeiten"],
            },
        ],
    },
    {
        "slug": "metallbau-gerlach",
        "name": "Metallbau Gerlach",
        "sector": "Handwerk – Metallbau und Schlosserei",
        "size": "1-9",
        "municipality": "Rietschen",
        "contact": ("Uwe Gerlach", "Schlossermeister"),
        "description": (
            "Zäune, Tore, Geländer und Reparaturen aller Art aus Stahl. Wir sind ein kleiner "
            "Betrieb und haben gerade alle Hände voll zu tun, melden uns aber gern wieder."
        ),
        "competencies": [("Metallbau und Schlosserei", 3), ("Barrierefreier Umbau", 1)],
        "topics": ["Tierschutz", "Dorfleben und ländlicher Raum"],
        "radius_km": 25,
        "max_patronships": 1,
        "is_paused": True,
        "on_behalf": True,
        "offers": [
            {
                "kind": "service",
                "title": "Zaun- und Torreparaturen",
                "description": "Schweißarbeiten an Zäunen, Toren und Geländern direkt vor Ort.",
                "capacity": "ab dem Frühjahr wieder",
                "competencies": ["Metallbau und Schlosserei"],
            },
        ],
    },
    {
        "slug": "gruenwerk-galabau",
        "name": "Grünwerk Garten- und Landschaftsbau GmbH",
        "sector": "Garten- und Landschaftsbau",
        "size": "10-49",
        "municipality": "Krauschwitz i.d. O.L.",
        "contact": ("Katja Wuschke", "Geschäftsführerin"),
        "description": (
            "Wir legen Gärten, Spielplätze und Wege an und pflegen Grünflächen für Gemeinden und "
            "Wohnungsgenossenschaften. Wir wollen, dass die Heide grün bleibt und die Leute gern "
            "hier wohnen."
        ),
        "competencies": [
            ("Garten- und Landschaftsbau", 3),
            ("Baumpflege und Baumfällung", 2),
            ("Pflaster- und Wegebau", 2),
            ("Landschaftspflege", 1),
        ],
        "topics": ["Umwelt und Naturschutz", "Familie", "Dorfleben und ländlicher Raum"],
        "radius_km": 40,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "staff_time",
                "title": "Pflegeeinsatz mit Kolonne und Maschinen",
                "description": (
                    "Hecke schneiden, Wiese mähen, Totholz entfernen, Schnittgut abfahren."
                ),
                "capacity": "zwei Tage im Jahr",
                "competencies": ["Garten- und Landschaftsbau", "Landschaftspflege"],
            },
            {
                "kind": "equipment",
                "title": "Anhänger mit Plane",
                "description": "Ein 2-Tonnen-Anhänger für Schnittgut oder Material.",
                "capacity": "werktags nach Absprache",
                "competencies": ["Anhängerverleih"],
            },
        ],
    },
    {
        "slug": "bau-kretschmer",
        "name": "Bauunternehmen Kretschmer Hochbau GmbH",
        "sector": "Bauhauptgewerbe",
        "size": "50-249",
        "municipality": "Spremberg",
        "contact": ("Sven Kretschmer", "Bauleiter"),
        "description": (
            "Wir bauen Wohnhäuser, Hallen und öffentliche Gebäude zwischen Spremberg und "
            "Hoyerswerda. Für Vereine übernehmen wir gern Fundamente, Anbauten und Rampen, die man "
            "mit Ehrenamt allein nicht schafft."
        ),
        "competencies": [
            ("Maurer- und Betonarbeiten", 3),
            ("Tiefbau und Erdarbeiten", 2),
            ("Barrierefreier Umbau", 2),
            ("Abriss und Entrümpelung", 1),
        ],
        "topics": ["Inklusion", "Strukturwandel in der Lausitz"],
        "radius_km": 60,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "service",
                "title": "Rampe oder Fundament für gemeinnützige Bauten",
                "description": "Planung mit unserem Bauleiter, Ausführung durch unsere Kolonne.",
                "capacity": "ein Vorhaben pro Jahr",
                "competencies": ["Maurer- und Betonarbeiten", "Rampe"],
            },
            {
                "kind": "vehicle",
                "title": "Minibagger mit Fahrer",
                "description": "Für Erdarbeiten auf Vereinsgelände, inklusive An- und Abtransport.",
                "capacity": "zwei Tage im Jahr",
                "competencies": ["Tiefbau und Erdarbeiten"],
            },
        ],
    },
    {
        "slug": "gaertnerei-sonnentau",
        "name": "Gärtnerei Sonnentau",
        "sector": "Gärtnerei und Blumenhandel",
        "size": "1-9",
        "municipality": "Trebendorf",
        "contact": ("Heike Sonntag", "Gärtnermeisterin"),
        "description": (
            "Wir ziehen Gemüsepflanzen, Stauden und Sommerblumen selbst und verkaufen sie ab Hof. "
            "Am liebsten zeigen wir Kindern, wie aus einem Samenkorn eine Tomate wird."
        ),
        "competencies": [
            ("Gärtnerei und Pflanzen", 3),
            ("Garten- und Landschaftsbau", 1),
            ("Umwelt- und Naturbildung", 2),
        ],
        "topics": ["Umwelt und Naturschutz", "Bildung", "Kinder und Jugend"],
        "radius_km": 20,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "material",
                "title": "Jungpflanzen und Saatgut für Schul- und Gemeinschaftsgärten",
                "description": "Tomaten, Kräuter und Blühmischungen aus eigener Anzucht.",
                "capacity": "im Frühjahr, bis zu 200 Pflanzen",
                "competencies": ["Gärtnerei und Pflanzen"],
            },
            {
                "kind": "service",
                "title": "Gartenstunde für Kinder",
                "description": "Wir kommen in die Schule oder Kita und gärtnern mit den Kindern.",
                "capacity": "einmal im Monat von April bis September",
                "competencies": ["Umwelt- und Naturbildung"],
            },
        ],
    },
    {
        "slug": "heide-baumarkt",
        "name": "Heide-Baumarkt Weißwasser",
        "sector": "Einzelhandel – Baumarkt",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Andreas Hanschke", "Marktleiter"),
        "description": (
            "Bei uns bekommt man von der Schraube bis zum Gartenhaus alles, was man zum Bauen und "
            "Werkeln braucht. Ausstellungsstücke, B-Ware und Restposten geben wir lieber an "
            "Vereine als in den Container."
        ),
        "competencies": [
            ("Baumaterial", 3),
            ("Sachspenden und Restposten", 3),
            ("Geräte- und Werkzeugverleih", 2),
            ("Gutscheine und Tombolapreise", 1),
        ],
        "topics": ["Familie", "Kinder und Jugend", "Ehrenamt und Bürgerengagement"],
        "radius_km": 30,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "material",
                "title": "Restposten und B-Ware für Vereine",
                "description": "Farbe, Holz, Gartenmöbel und Werkzeug mit kleinen Macken.",
                "capacity": "laufend, Liste auf Anfrage",
                "competencies": ["Sachspenden und Restposten", "Baumaterial"],
            },
            {
                "kind": "material",
                "title": "Gutscheine für Tombola und Vereinsfest",
                "description": "Einkaufsgutscheine als Preise für Tombola oder Ehrenamtsdank.",
                "capacity": "bis zu 10 Gutscheine im Jahr",
                "competencies": ["Gutscheine und Tombolapreise"],
            },
            {
                "kind": "equipment",
                "title": "Werkzeug für Arbeitseinsätze leihen",
                "description": "Schubkarren, Spaten, Hochdruckreiniger und Stromaggregat.",
                "capacity": "tageweise",
                "competencies": ["Geräte- und Werkzeugverleih"],
            },
        ],
    },
    {
        "slug": "glanzpunkt-gebaeudeservice",
        "name": "Glanzpunkt Gebäudeservice",
        "sector": "Gebäudereinigung",
        "size": "50-249",
        "municipality": "Hoyerswerda",
        "contact": ("Diana Petrick", "Objektleiterin"),
        "description": (
            "Wir reinigen Büros, Praxen und Schulen in Hoyerswerda und Umgebung. Unsere "
            "Mitarbeitenden kommen aus acht Ländern, und wir wissen, wie wichtig ein guter Start "
            "in der Region ist."
        ),
        "competencies": [("Gebäudereinigung", 3), ("Hausmeisterdienste", 2)],
        "topics": ["Integration und Migration", "Arbeit und Beschäftigung"],
        "radius_km": 50,
        "max_patronships": 1,
        "status": "pending",
        "offers": [
            {
                "kind": "service",
                "title": "Grundreinigung nach Renovierung oder Fest",
                "description": "Eine Grundreinigung von Vereinsräumen mit Profigeräten.",
                "capacity": "zweimal im Jahr",
                "competencies": ["Gebäudereinigung"],
            },
        ],
    },
]
