"""Demo companies, part 2: advice, IT, media, events, finance and energy. All names invented."""

COMPANIES_SERVICES = [
    {
        "slug": "steuerbuero-wendt",
        "name": "Steuerbüro Wendt & Partner",
        "sector": "Steuerberatung",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Birgit Wendt", "Steuerberaterin"),
        "description": (
            "Wir betreuen Handwerksbetriebe, Selbstständige und etliche Vereine aus der Region. "
            "Viele Kassenwarte machen ihre Arbeit nach Feierabend und haben Angst vor dem "
            "Finanzamt. Das muss nicht sein, und dabei helfen wir gern."
        ),
        "competencies": [
            ("Steuerberatung", 3),
            ("Gemeinnützigkeitsrecht", 3),
            ("Buchhaltung", 3),
            ("Lohnabrechnung", 2),
        ],
        "topics": ["Ehrenamt und Bürgerengagement", "Heimat- und Regionalgeschichte"],
        "radius_km": 50,
        "max_patronships": 3,
        "offers": [
            {
                "kind": "service",
                "title": "Steuererklärung und Gemeinnützigkeit für Vereine",
                "description": (
                    "Wir erstellen die Steuererklärung des Vereins, prüfen die "
                    "Spendenbescheinigungen und sagen, worauf beim Freistellungsbescheid zu achten "
                    "ist."
                ),
                "capacity": "drei Vereine im Jahr",
                "competencies": ["Steuerberatung", "Gemeinnützigkeitsrecht"],
            },
            {
                "kind": "service",
                "title": "Sprechstunde für Kassenwarte",
                "description": (
                    "Kassenbuch, Belege, Übungsleiterpauschale: Fragen per Video oder vor Ort."
                ),
                "capacity": "2 Stunden im Monat",
                "competencies": ["Buchhaltung", "Lohnabrechnung"],
            },
        ],
    },
    {
        "slug": "kanzlei-rachel",
        "name": "Kanzlei Dr. Anja Rachel, Rechtsanwältin",
        "sector": "Rechtsberatung",
        "size": "1-9",
        "municipality": "Niesky",
        "contact": ("Dr. Anja Rachel", "Rechtsanwältin"),
        "description": (
            "Ich berate zu Arbeitsrecht und Vereinsrecht, von der Satzung bis zum Honorarvertrag "
            "für Übungsleiter. Im Moment habe ich eine laufende Patenschaft und nehme erst danach "
            "eine neue an."
        ),
        "competencies": [
            ("Rechtsberatung", 3),
            ("Vereinsrecht", 3),
            ("Arbeitsrecht", 3),
        ],
        "topics": ["Inklusion", "Frauen und Gleichstellung"],
        "radius_km": 60,
        "max_patronships": 1,
        "is_paused": True,
        "offers": [
            {
                "kind": "service",
                "title": "Satzung und Verträge durchsehen",
                "description": "Satzungsänderung, Ehrenamtsvereinbarung, Honorarverträge.",
                "capacity": "etwa 4 Stunden im Monat, auch per Video",
                "competencies": ["Vereinsrecht", "Arbeitsrecht"],
            },
        ],
    },
    {
        "slug": "pixelwerk-lausitz",
        "name": "Pixelwerk Lausitz – Web & IT",
        "sector": "IT-Dienstleistungen / Webagentur",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Felix Rothe", "Geschäftsführer"),
        "description": (
            "Wir bauen Webseiten und Online-Shops für Betriebe aus der Lausitz und kümmern uns um "
            "Hosting und Datenschutz. Unser Team ist international, und wir wollen zeigen, dass "
            "man in Weißwasser spannende Digitaljobs machen kann."
        ),
        "competencies": [
            ("Webseiten-Erstellung", 3),
            ("Webhosting und Domains", 3),
            ("Datenschutz und IT-Sicherheit", 2),
            ("Social Media", 2),
            ("Digitale Werkzeuge und Cloud", 2),
        ],
        "topics": ["Tierschutz", "Digitale Teilhabe", "Strukturwandel in der Lausitz"],
        "radius_km": 80,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "service",
                "title": "Vereinswebseite mit Terminkalender",
                "description": (
                    "Eine schlanke Webseite, die der Verein selbst pflegen kann, inklusive "
                    "Hosting, Domain und Datenschutzerklärung für zwei Jahre."
                ),
                "capacity": "ein Verein pro Halbjahr",
                "competencies": ["Webseiten-Erstellung", "Webhosting und Domains"],
            },
            {
                "kind": "service",
                "title": "Datenschutz-Check für Webseite und Mitgliederliste",
                "description": "Wir prüfen Formulare, Cookies und die Ablage von Mitgliederdaten.",
                "capacity": "4 Stunden im Monat, aus der Ferne",
                "competencies": ["Datenschutz und IT-Sicherheit"],
            },
        ],
    },
    {
        "slug": "neissebyte-it",
        "name": "Neißebyte IT-Service",
        "sector": "IT-Systemhaus",
        "size": "1-9",
        "municipality": "Görlitz",
        "contact": ("Paweł Nowicki", "Inhaber"),
        "description": (
            "Wir betreuen Computer, Netzwerke und Telefonanlagen für Praxen und Büros zwischen "
            "Görlitz und Zittau. Ausgemusterte Geräte machen wir sicher leer und geben sie weiter."
        ),
        "competencies": [
            ("IT-Support", 3),
            ("Netzwerk und WLAN", 3),
            ("Gebrauchte Technik", 2),
            ("Übersetzung und Dolmetschen", 1),
        ],
        "topics": ["Digitale Teilhabe", "Bildung", "Senioren"],
        "radius_km": 50,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "material",
                "title": "Aufbereitete Laptops",
                "description": "Gebrauchte Geräte, sicher gelöscht und mit frischem System.",
                "capacity": "etwa 10 Geräte im Jahr",
                "competencies": ["Gebrauchte Technik"],
            },
            {
                "kind": "service",
                "title": "Computerhilfe per Fernwartung",
                "description": "Drucker, Updates, Virenschutz: wir helfen schnell aus der Ferne.",
                "capacity": "2 Stunden im Monat",
                "competencies": ["IT-Support"],
            },
        ],
    },
    {
        "slug": "druckhaus-kalauch",
        "name": "Druckhaus Kalauch",
        "sector": "Druckerei und Werbetechnik",
        "size": "10-49",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Steffi Kalauch", "Inhaberin"),
        "description": (
            "Flyer, Plakate, Vereinszeitungen, Banner und Fahrzeugbeschriftung: bei uns wird in "
            "Weißwasser gedruckt und nicht im Internet bestellt. Wir helfen auch bei der "
            "Gestaltung, wenn noch keine Vorlage da ist."
        ),
        "competencies": [
            ("Druck und Kopie", 3),
            ("Grafikdesign", 2),
            ("Werbetechnik und Beschriftung", 2),
        ],
        "topics": ["Sport", "Kultur", "Kinder und Jugend"],
        "radius_km": 30,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "material",
                "title": "Druck von Plakaten, Flyern und Urkunden",
                "description": "Kostenloser Druck für Vereinsveranstaltungen, Papier inklusive.",
                "capacity": "bis zu 500 Drucksachen im Quartal",
                "competencies": ["Druck und Kopie"],
            },
            {
                "kind": "service",
                "title": "Vereinsbanner gestalten und drucken",
                "description": "Ein wetterfestes Banner mit Ösen, Gestaltung inklusive.",
                "capacity": "einmal im Jahr",
                "competencies": ["Werbetechnik und Beschriftung", "Grafikdesign"],
            },
        ],
    },
    {
        "slug": "fotostudio-augenblick",
        "name": "Fotostudio Augenblick Mende",
        "sector": "Fotografie",
        "size": "1-9",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Julia Mende", "Fotografin"),
        "description": (
            "Ich fotografiere Hochzeiten, Betriebe und Menschen aus der Lausitz. Mir liegt daran, "
            "dass auch kleine Vereine gute Bilder von ihrer Arbeit haben."
        ),
        "competencies": [
            ("Fotografie", 3),
            ("Videoproduktion", 2),
            ("Grafikdesign", 1),
        ],
        "topics": ["Kultur", "Heimat- und Regionalgeschichte"],
        "radius_km": 40,
        "max_patronships": 1,
        "offers": [
            {
                "kind": "service",
                "title": "Fotos von Ihrer Veranstaltung",
                "description": (
                    "Reportagefotos von Fest, Auftritt oder Arbeitseinsatz, fertig bearbeitet."
                ),
                "capacity": "vier Termine im Jahr, auch am Wochenende",
                "competencies": ["Fotografie"],
            },
            {
                "kind": "service",
                "title": "Bewerbungsfotos für junge Leute",
                "description": "Ein Fototag für Jugendliche auf Ausbildungssuche.",
                "capacity": "einmal im Halbjahr",
                "competencies": ["Fotografie", "Bewerbungstraining"],
            },
        ],
    },
    {
        "slug": "klangwerk-veranstaltungstechnik",
        "name": "Klangwerk Veranstaltungstechnik",
        "sector": "Veranstaltungstechnik",
        "size": "1-9",
        "municipality": "Boxberg/O.L.",
        "contact": ("Marco Schuster", "Inhaber"),
        "description": (
            "Wir liefern Ton, Licht und Bühne für Stadtfeste, Konzerte und Firmenfeiern. Zwischen "
            "den großen Aufträgen steht unsere Technik oft im Lager, und da ist sie bei "
            "Vereinsfesten besser aufgehoben."
        ),
        "competencies": [
            ("Veranstaltungstechnik", 3),
            ("Bühne, Zelte und Festausstattung", 2),
            ("Moderation und Unterhaltung", 1),
        ],
        "topics": ["Musik", "Kultur", "Dorfleben und ländlicher Raum"],
        "radius_km": 60,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "equipment",
                "title": "Tonanlage mit Techniker",
                "description": "Beschallung für bis zu 300 Gäste, mit Auf- und Abbau.",
                "capacity": "drei Wochenenden im Jahr",
                "competencies": ["Veranstaltungstechnik"],
            },
            {
                "kind": "equipment",
                "title": "Bühnenpodest und Pavillons",
                "description": "Ein 6-mal-4-Meter-Podest und vier Faltpavillons.",
                "capacity": "nur am Wochenende",
                "competencies": ["Bühne, Zelte und Festausstattung"],
            },
        ],
    },
    {
        "slug": "beratung-pawlik",
        "name": "Pawlik Organisationsberatung",
        "sector": "Unternehmensberatung",
        "size": "1-9",
        "municipality": "Bautzen",
        "contact": ("Claudia Pawlik", "Beraterin"),
        "description": (
            "Ich begleite Betriebe und Verwaltungen bei Veränderungen: Strategie, Teamentwicklung, "
            "Klausurtagungen. Vereinsvorstände, die sich neu aufstellen wollen, unterstütze ich "
            "ehrenamtlich."
        ),
        "competencies": [
            ("Organisationsberatung", 3),
            ("Workshop-Moderation", 3),
            ("Fördermittel und Finanzierung", 2),
            ("Coaching", 2),
        ],
        "topics": ["Ehrenamt und Bürgerengagement", "Strukturwandel in der Lausitz"],
        "radius_km": 80,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "service",
                "title": "Vorstandsklausur moderieren",
                "description": (
                    "Ein Tag, an dem der Vorstand klärt, wer was macht und wohin es geht."
                ),
                "capacity": "zwei Vereine im Jahr",
                "competencies": ["Workshop-Moderation", "Organisationsberatung"],
            },
        ],
    },
    {
        "slug": "versicherungsbuero-tzschoppe",
        "name": "Versicherungsbüro Tzschoppe",
        "sector": "Versicherungsagentur",
        "size": "1-9",
        "municipality": "Niesky",
        "contact": ("Gerd Tzschoppe", "Versicherungsfachmann"),
        "description": (
            "Wir beraten Familien, Betriebe und Vereine rund um Haftpflicht, Unfall und "
            "Veranstaltungen. Nach einem Umzug unseres Büros nehmen wir uns gerade eine Pause."
        ),
        "competencies": [("Versicherungsberatung", 3)],
        "topics": ["Ehrenamt und Bürgerengagement", "Freiwillige Feuerwehr und Katastrophenschutz"],
        "radius_km": 40,
        "max_patronships": 1,
        "is_paused": True,
        "offers": [
            {
                "kind": "service",
                "title": "Versicherungscheck für Vereine und Initiativen",
                "description": "Welche Versicherung braucht ein Verein, ein Fest, ein Repair-Café?",
                "capacity": "ein Termin im Monat",
                "competencies": ["Versicherungsberatung"],
            },
        ],
    },
    {
        "slug": "lausitzer-buergerbank",
        "name": "Lausitzer Bürgerbank eG, Filiale Weißwasser",
        "sector": "Bank",
        "size": "50-249",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Ralf Domaschke", "Filialleiter"),
        "description": (
            "Als Genossenschaftsbank gehören wir unseren Mitgliedern aus der Region. Neben Konten "
            "und Krediten helfen wir Vereinen bei Förderanträgen und stellen unseren "
            "Besprechungsraum zur Verfügung."
        ),
        "competencies": [
            ("Bank- und Finanzdienstleistungen", 3),
            ("Fördermittel und Finanzierung", 2),
            ("Besprechungsraum", 2),
            ("Kontakte und Netzwerke", 2),
        ],
        "topics": ["Sorbische Kultur", "Heimat- und Regionalgeschichte", "Senioren"],
        "radius_km": 40,
        "max_patronships": 2,
        "offers": [
            {
                "kind": "room",
                "title": "Besprechungsraum für Vorstandssitzungen",
                "description": "Raum für 12 Personen mit Bildschirm, abends bis 21 Uhr.",
                "capacity": "zweimal im Monat",
                "competencies": ["Besprechungsraum"],
            },
            {
                "kind": "service",
                "title": "Hilfe beim Förderantrag",
                "description": "Wir lesen Förderanträge gegen und helfen beim Finanzplan.",
                "capacity": "nach Absprache",
                "competencies": ["Fördermittel und Finanzierung"],
            },
        ],
    },
    {
        "slug": "stadtwerk-muskauer-heide",
        "name": "Stadtwerk Muskauer Heide GmbH",
        "sector": "Stadtwerke – Strom, Wärme, Wasser",
        "size": "50-249",
        "municipality": "Weißwasser/O.L.",
        "contact": ("Dirk Lehnigk", "Leiter Kommunikation"),
        "description": (
            "Wir versorgen Weißwasser und die Nachbargemeinden mit Strom, Fernwärme und Wasser. "
            "Unsere Azubis sollen sehen, wofür sie arbeiten: für die Menschen hier."
        ),
        "competencies": [
            ("Energie und Versorgung", 3),
            ("Energieberatung", 2),
            ("Gebrauchte Technik", 1),
            ("Ausbildung und Ausbildungsplätze", 2),
        ],
        "topics": ["Bildung", "Kinder und Jugend", "Strukturwandel in der Lausitz"],
        "radius_km": 25,
        "max_patronships": 3,
        "offers": [
            {
                "kind": "service",
                "title": "Energiespar-Check für Vereinsgebäude",
                "description": "Unsere Energieberater zeigen, wo Strom und Wärme verloren gehen.",
                "capacity": "vier Gebäude im Jahr",
                "competencies": ["Energieberatung"],
            },
            {
                "kind": "material",
                "title": "Ausgemusterte Büro-Laptops",
                "description": "Geräte aus unserer Verwaltung, gelöscht und neu aufgesetzt.",
                "capacity": "einmal im Jahr, etwa 15 Geräte",
                "competencies": ["Gebrauchte Technik"],
            },
        ],
    },
    {
        "slug": "lausitzer-windstrom",
        "name": "Lausitzer Windstrom eG",
        "sector": "Energieversorger",
        "size": "10-49",
        "municipality": "Spremberg",
        "contact": ("Anke Jurisch", "Vorständin"),
        "description": (
            "Wir sind eine Energiegenossenschaft mit Windrädern und Solarparks auf alten "
            "Tagebauflächen. Wir suchen uns unsere Projekte lieber selbst aus und möchten keine "
            "Vorschläge bekommen, sind aber ansprechbar."
        ),
        "competencies": [
            ("Energie und Versorgung", 3),
            ("Photovoltaik und Solartechnik", 3),
            ("Nachhaltigkeitsberatung", 2),
        ],
        "topics": ["Umwelt und Naturschutz", "Strukturwandel in der Lausitz"],
        "radius_km": 80,
        "max_patronships": 2,
        "accepts_suggestions": False,
        "offers": [
            {
                "kind": "material",
                "title": "Material für Naturschutzprojekte",
                "description": "Obstbäume, Zaunmaterial und Nistkästen für Pflegeeinsätze.",
                "capacity": "ein Projekt pro Jahr",
                "competencies": ["Sachspenden und Restposten"],
            },
        ],
    },
]
