"""What happened during the demo patronships, keyed by patronship title.

Check-ins are not listed one by one: the seed schedules them like the portal does (the first
`checkin_interval_days` after the start, each next one that many days after the previous was
held) and writes these `checkins` summaries into the ones already held, in order (then
`CHECKIN_SUMMARIES`). `checkin_overdue` leaves the last due check-in open.

Days are counted from the patronship's start (`day`); dates after today or after the end are
moved back to the last possible day. `to` says who received: "recipient" (what the sponsor
gave) or "sponsor" (what came back). A contribution is added by the giving side unless `by`
says otherwise ("sponsor", "recipient", "coordinator") and confirmed by the coordinator unless
`confirmed` is False. Notes are internal (coordination and Förderkreis) unless `shared`; notes
of patronships that have not started count their `day` from the proposal. `reviews` are the
closing reviews of each side: (what worked, what to improve, would again: yes/maybe/no).
"""

CHECKIN_SUMMARIES = [
    "Beide Seiten sind zufrieden; die nächsten Termine stehen fest.",
    "Läuft wie vereinbart. Kleine Terminfragen direkt zwischen den Ansprechpersonen geklärt.",
    "Gutes Gespräch. Beide wollen nach der Laufzeit einen Rückblick für den Newsletter.",
    "Alles im Plan; die Gegenleistung ist für das nächste Quartal verabredet.",
]

ACCOMPANIMENT = {
    # --- active -------------------------------------------------------------------------------
    "Steuerbüro Wendt führt den Heimatverein durch Kasse und Steuer": {
        "checkins": [
            "Kassenbuch läuft, die neue Kassenwartin fühlt sich sicher. Die Steuererklärung ist "
            "eingereicht; den Beitrag für die Ortschronik schreibt der Verein im Herbst.",
        ],
        "contributions": [
            {
                "day": 14,
                "to": "recipient",
                "hours": 4,
                "eur": 360,
                "text": "Einweisung der Kassenwartin in Kassenbuch und Spendenbescheinigungen",
            },
            {
                "day": 40,
                "to": "sponsor",
                "hours": 3,
                "text": "Führung durch die Heimatstube für das Büroteam, mit Kaffee und Kuchen",
            },
            {
                "day": 62,
                "to": "recipient",
                "hours": 6,
                "eur": 540,
                "text": "Steuererklärung des Vereins für 2025 erstellt und eingereicht",
            },
            {
                "day": 140,
                "to": "recipient",
                "hours": 2,
                "text": "Kassenprüfung für die Jahreshauptversammlung vorbereitet",
                "by": "recipient",
                "confirmed": False,
            },
        ],
        "notes": [
            {
                "day": 20,
                "text": (
                    "Die Kassenwartin ist neu im Amt und noch unsicher. Frau Wendt hat angeboten, "
                    "bei der Jahreshauptversammlung kurz dabei zu sein."
                ),
            },
            {
                "day": 135,
                "shared": True,
                "text": (
                    "Kassenprüfung im Büro Wendt: Bitte die Belege bis Ende des Monats dort "
                    "abgeben, dann bleibt Zeit für Rückfragen."
                ),
            },
        ],
        "milestones": [
            ("Kassenwartin eingearbeitet", 14, True),
            ("Steuererklärung des Vereins eingereicht", 62, True),
            ("Beitrag „30 Jahre Steuerbüro“ in der Ortschronik", 300, False),
        ],
    },
    "Pixelwerk baut die Vermittlungsseite des Tierheims": {
        "contributions": [
            {
                "day": 6,
                "to": "recipient",
                "hours": 5,
                "text": "Workshop im Tierheim: was die Vermittlungsseite können muss",
            },
            {
                "day": 30,
                "to": "recipient",
                "hours": 28,
                "eur": 480,
                "text": "Webseite mit Tierkartei gebaut; Domain und Hosting für zwei Jahre",
            },
            {
                "day": 38,
                "to": "sponsor",
                "hours": 24,
                "text": "Teamtag im Tierheim: Hundeauslauf gestrichen, Hunde ausgeführt",
            },
            {
                "day": 52,
                "to": "recipient",
                "hours": 3,
                "text": "Schulung für drei Ehrenamtliche: Tiere selbst in die Kartei eintragen",
                "confirmed": False,
            },
        ],
        "notes": [
            {
                "day": 45,
                "shared": True,
                "text": (
                    "Seit die Seite online ist, kamen elf Anfragen über das Formular. Bitte die "
                    "Anfragen mindestens zweimal pro Woche abrufen."
                ),
            },
            {
                "day": 50,
                "text": (
                    "Das Tierheim wünscht sich zusätzlich eine Spendenseite. Im Zwischengespräch "
                    "klären, ob das noch zur Vereinbarung passt."
                ),
            },
        ],
        "milestones": [
            ("Entwurf der Seite abgestimmt", 14, True),
            ("Vermittlungsseite online", 32, True),
            ("Zweiter Teamtag im Tierheim", 200, False),
        ],
    },
    "Druckhaus Kalauch druckt fürs Sportfest der Heideläufer": {
        "checkin_overdue": True,
        "contributions": [
            {
                "day": 18,
                "to": "recipient",
                "eur": 420,
                "text": "250 Urkunden und 40 Plakate A2 für das Sportfest gedruckt",
            },
            {
                "day": 33,
                "to": "sponsor",
                "hours": 12,
                "text": "Torwandschießen und Kinderbetreuung beim Tag der offenen Tür",
            },
            {
                "day": 85,
                "to": "recipient",
                "eur": 150,
                "text": "300 Spielpläne für die Hallensaison",
                "by": "recipient",
                "confirmed": False,
            },
        ],
        "notes": [
            {
                "day": 95,
                "text": (
                    "Zwischengespräch überfällig: Frau Lehmann war im Urlaub. Neuen Termin "
                    "telefonisch ausmachen, am besten nach dem Training."
                ),
            },
        ],
        "milestones": [
            ("Sportfest mit gedruckten Urkunden", 25, True),
            ("Spielpläne für die Hallensaison", 85, True),
        ],
    },
    "Mittagstisch in der Küche des Landhotels": {
        "checkins": [
            "Der Mittagstisch läuft jeden Montag, im Schnitt 35 Essen. Der Küchenchef hat zwei "
            "Ehrenamtliche eingewiesen.",
            "Die Azubis waren begeistert vom Perspektivwechsel-Tag. Kühlkette bei den Resten vom "
            "Wochenende besprochen: klappt jetzt mit Thermoboxen.",
        ],
        "contributions": [
            {
                "day": 7,
                "to": "recipient",
                "hours": 16,
                "text": "Hotelküche an vier Montagen, Einweisung durch den Küchenchef",
            },
            {
                "day": 60,
                "to": "recipient",
                "eur": 350,
                "text": "Übrig gebliebene Lebensmittel vom Wochenende, etwa 180 kg",
            },
            {
                "day": 95,
                "to": "sponsor",
                "hours": 6,
                "text": "Perspektivwechsel-Tag: vier Azubis bei Abholtour und Ausgabe",
            },
            {
                "day": 150,
                "to": "recipient",
                "hours": 32,
                "eur": 400,
                "text": "Hotelküche an acht Montagen und Lebensmittel vom Wochenende",
            },
        ],
        "milestones": [
            ("Erster Mittagstisch in der Hotelküche", 7, True),
            ("1.000 Essen ausgegeben", 180, True),
        ],
    },
    "Windstrom-Genossenschaft und Umweltgruppe pflanzen eine Streuobstwiese": {
        "contributions": [
            {
                "day": 8,
                "to": "recipient",
                "eur": 1650,
                "text": "30 Obstbäume alter Sorten, Pfähle, Wildschutz und zehn Nistkästen",
            },
            {
                "day": 12,
                "to": "sponsor",
                "hours": 18,
                "text": "Pflanztag mit 14 Mitgliedern der Genossenschaft und Führung",
            },
        ],
        "notes": [
            {
                "day": 13,
                "shared": True,
                "text": (
                    "Tolle Bilder vom Pflanztag! Für die Veröffentlichung brauchen wir noch das "
                    "Einverständnis der abgebildeten Kinder."
                ),
            },
        ],
        "milestones": [
            ("Pflanztag: 30 Bäume gesetzt", 12, True),
            ("Erster Pflegeschnitt", 150, False),
        ],
    },
    "Interkulturelles Training für das Pixelwerk-Team": {
        "checkins": [
            "Zwei Trainingstage gehalten, das Team war angetan. Die beiden Praktikantinnen sind "
            "gut angekommen; eine möchte im Sommer eine Ausbildung beginnen.",
        ],
        "contributions": [
            {
                "day": 8,
                "to": "recipient",
                "hours": 8,
                "text": "Erster halber Tag interkulturelles Training für zwölf Mitarbeitende",
            },
            {
                "day": 22,
                "to": "recipient",
                "hours": 8,
                "text": "Zweiter halber Tag Training: Missverständnisse im Arbeitsalltag",
            },
            {
                "day": 30,
                "to": "sponsor",
                "hours": 80,
                "text": "Zwei Praktikumsplätze für Zugewanderte, je zwei Wochen",
            },
        ],
        "milestones": [("Eine Praktikantin beginnt ihre Ausbildung", 150, False)],
    },
    "Laptops und Energiesparwoche für die Grundschule Rietschen": {
        "contributions": [
            {
                "day": 12,
                "to": "recipient",
                "eur": 2250,
                "text": "15 aufbereitete Laptops mit Lernsoftware für die Computer-AG",
            },
            {
                "day": 40,
                "to": "recipient",
                "hours": 24,
                "text": "Energiesparwoche mit drei Azubis in den Klassen 3 und 4",
            },
            {
                "day": 60,
                "to": "sponsor",
                "hours": 10,
                "text": "Zwölf Kinderbilder für den Jahreskalender des Stadtwerks",
            },
        ],
        "notes": [
            {
                "day": 45,
                "text": (
                    "Schulleiterin fragt, ob das Stadtwerk auch einen Beamer abgeben kann. "
                    "Nicht Teil der Vereinbarung; beim Zwischengespräch ansprechen."
                ),
            },
        ],
        "milestones": [
            ("Laptops übergeben", 12, True),
            ("Zukunftstag in der Azubiwerkstatt", 150, False),
        ],
    },
    "Strom und WLAN für den Jugendtreff Boxberg": {
        "contributions": [
            {
                "day": 5,
                "to": "recipient",
                "hours": 18,
                "eur": 850,
                "text": "Neue Unterverteilung, zwölf Steckdosen und LED-Licht",
            },
            {
                "day": 15,
                "to": "recipient",
                "hours": 3,
                "eur": 120,
                "text": "Gäste-WLAN mit Jugendschutzfilter eingerichtet",
                "confirmed": False,
            },
        ],
        "milestones": [
            ("Elektrik abgenommen", 6, True),
            ("Azubi-Abend im Jugendtreff", 60, False),
        ],
    },
    "Medikamenten-Sprechstunde im Sonnenhof": {
        "contributions": [
            {
                "day": 5,
                "to": "recipient",
                "hours": 2,
                "text": "Erste Medikamenten-Sprechstunde, neun Teilnehmende",
            },
            {
                "day": 35,
                "to": "recipient",
                "hours": 2,
                "text": "Sprechstunde: Beipackzettel lesen, Wechselwirkungen",
            },
            {
                "day": 50,
                "to": "sponsor",
                "hours": 3,
                "text": "Zeitzeugen-Nachmittag: die Apotheke von früher",
            },
            {
                "day": 65,
                "to": "recipient",
                "hours": 2,
                "text": "Sprechstunde: Medikamente richtig lagern",
            },
        ],
    },
    "Heide-Baumarkt und Kita Kiefernzapfen – zweites Jahr": {
        "contributions": [
            {
                "day": 10,
                "to": "recipient",
                "eur": 380,
                "text": "Holz, Erde und Folie für ein Hochbeet am Gartenhaus",
            },
        ],
    },
    # --- renewed ------------------------------------------------------------------------------
    "Heide-Baumarkt und Kita Kiefernzapfen": {
        "contributions": [
            {
                "day": 20,
                "to": "recipient",
                "eur": 450,
                "text": "Sandspielzeug, Pflanzkübel und Holz für die Matschküche",
            },
            {
                "day": 260,
                "to": "sponsor",
                "hours": 4,
                "text": "Die Kita-Kinder haben Baumschmuck für den Baumarkt gebastelt",
            },
        ],
        "milestones": [("Matschküche eingeweiht", 45, True)],
    },
    "Schulgarten mit der Gärtnerei Sonnentau": {
        "contributions": [
            {
                "day": 30,
                "to": "recipient",
                "eur": 180,
                "text": "Jungpflanzen und Saatgut für den Schulgarten",
            },
            {
                "day": 300,
                "to": "recipient",
                "hours": 10,
                "text": "Zehn Gartenstunden im Schuljahr",
            },
            {
                "day": 310,
                "to": "sponsor",
                "hours": 4,
                "text": "Kräuterverkauf der Kinder beim Hoffest der Gärtnerei",
            },
        ],
    },
    # --- agreed -------------------------------------------------------------------------------
    "Neues Dach für den Anbau des Gerätehauses Gablenz": {
        "notes": [
            {
                "day": 24,
                "shared": True,
                "text": (
                    "Material ist bestellt. Die Arbeiten beginnen in der zweiten Woche; bitte "
                    "die Zufahrt zum Anbau freihalten."
                ),
            },
        ],
        "milestones": [
            ("Dach am Anbau dicht", 30, False),
            ("Brandschutzhelfer-Ausbildung der Belegschaft", 90, False),
        ],
    },
    "Rechtsrat für Außenarbeitsplätze der Werkstätten Neißeland": {
        "notes": [
            {
                "day": 30,
                "text": (
                    "Die Kanzlei hat pausiert und nimmt keine weiteren Anfragen an; diese "
                    "Vereinbarung läuft trotzdem wie besprochen."
                ),
            },
        ],
    },
    # --- proposed -----------------------------------------------------------------------------
    "Buchhaltung für den Hospizverein": {
        "notes": [
            {
                "day": 8,
                "text": (
                    "Frau Wendt hat die Vorstellung vermutlich übersehen. Beim "
                    "Unternehmerstammtisch am Donnerstag ansprechen."
                ),
            },
        ],
    },
    "Die Heizung im Gemeindesaal wieder warm bekommen": {
        "notes": [
            {
                "day": 16,
                "text": (
                    "Herr Pohl ist kaum zu erreichen. Zweimal angerufen, nur Anrufbeantworter. "
                    "Nächste Woche persönlich in Bad Muskau vorbeischauen."
                ),
            },
        ],
    },
    # --- completed ----------------------------------------------------------------------------
    "Porträts für die Ausstellung „Glas und Menschen“": {
        "checkins": [
            "Die ersten fünf Glasmacher sind fotografiert; die Termine für die übrigen stehen.",
            "Alle zwölf Porträts fertig, der Verein hat die Auswahl getroffen.",
            "Druck ist beauftragt, die Eröffnung ist geplant. Frau Mende spricht ein Grußwort.",
        ],
        "contributions": [
            {
                "day": 40,
                "to": "recipient",
                "hours": 30,
                "text": "Porträts von zwölf ehemaligen Glasmachern",
            },
            {
                "day": 150,
                "to": "recipient",
                "eur": 640,
                "text": "Zwölf Drucke 50 × 70 auf Fine-Art-Papier",
            },
            {
                "day": 175,
                "to": "sponsor",
                "hours": 4,
                "text": "Vorstellung der Fotografin bei der Eröffnung und im Katalog",
            },
        ],
        "milestones": [("Ausstellungseröffnung „Glas und Menschen“", 175, True)],
        "reviews": {
            "sponsor": (
                "Die Begegnungen mit den alten Glasmachern waren ein Geschenk. Der Verein hat die "
                "Termine toll organisiert.",
                "Früher über den Druck reden: Die Rahmen waren am Ende knapp.",
                "yes",
            ),
            "recipient": (
                "Professionelle Bilder, die wir uns nie hätten leisten können, und eine "
                "Fotografin, die sich Zeit für die Menschen genommen hat.",
                "",
                "yes",
            ),
        },
    },
    "Kuchen für den Sonnenhof": {
        "checkins": [
            "Der Kuchen kommt pünktlich, die Seniorinnen sind begeistert.",
            "Backnachmittag mit den Azubis verabredet; die Seniorinnen sammeln Rezepte.",
            "Backnachmittag war ein Erfolg, drei alte Rezepte kommen ins Sortiment.",
            "Alles läuft; die Bäckerei möchte nach dem Jahr eine Pause machen.",
        ],
        "contributions": [
            {
                "day": 90,
                "to": "recipient",
                "eur": 240,
                "text": "Kuchen für die ersten sechs Seniorennachmittage, zwölf Bleche",
            },
            {
                "day": 180,
                "to": "recipient",
                "eur": 240,
                "text": "Kuchen für sechs Seniorennachmittage, zwölf Bleche",
            },
            {
                "day": 200,
                "to": "sponsor",
                "hours": 6,
                "text": "Backnachmittag mit alten Lausitzer Rezepten für vier Azubis",
            },
            {
                "day": 270,
                "to": "recipient",
                "eur": 240,
                "text": "Kuchen für sechs weitere Seniorennachmittage",
            },
            {
                "day": 360,
                "to": "recipient",
                "eur": 240,
                "text": "Kuchen für die letzten sechs Seniorennachmittage",
            },
        ],
        "reviews": {
            "sponsor": (
                "Der Backnachmittag mit den Seniorinnen: Drei ihrer Rezepte backen wir jetzt "
                "selbst. Die Azubis reden heute noch davon.",
                "Zweimal im Monat war für uns viel. Einmal im Monat und dafür ein Fest wäre "
                "besser gewesen.",
                "maybe",
            ),
            "recipient": (
                "Verlässlich, herzlich und lecker. Die Nachmittage sind voller geworden.",
                "",
                "yes",
            ),
        },
    },
    "Förderantrag für neue Kindertrachten": {
        "contributions": [
            {
                "day": 15,
                "to": "recipient",
                "hours": 10,
                "text": "Förderantrag und Finanzplan mit dem Vorstand erarbeitet",
            },
            {
                "day": 40,
                "to": "recipient",
                "eur": 200,
                "text": "Besprechungsraum der Filiale für vier Sitzungen",
            },
            {
                "day": 100,
                "to": "sponsor",
                "hours": 8,
                "text": "Trachtentanz von 16 Kindern beim Empfang zum Genossenschaftstag",
            },
        ],
        "milestones": [
            ("Förderantrag eingereicht", 40, True),
            ("Bewilligt: 8.400 Euro für zwölf Kindertrachten", 95, True),
        ],
        "reviews": {
            "sponsor": (
                "Ein klar umrissenes Vorhaben mit einem sichtbaren Ergebnis. Der Tanz beim "
                "Genossenschaftstag hat unsere Mitglieder berührt.",
                "",
                "yes",
            ),
            "recipient": (
                "Ohne die Hilfe beim Finanzplan hätten wir den Antrag nicht gestellt.",
                "Wir hätten gern noch jemanden gehabt, der beim Verwendungsnachweis hilft.",
                "yes",
            ),
        },
    },
    # --- ended early --------------------------------------------------------------------------
    "Frische Farbe für das Regenbogenhaus": {
        "checkins": [
            "Spielzimmer ist fertig, Flur und Elterncafé folgen nach den Sommerferien.",
        ],
        "contributions": [
            {
                "day": 20,
                "to": "recipient",
                "hours": 24,
                "eur": 380,
                "text": "Spielzimmer gestrichen, Farbe und Abdeckmaterial gestellt",
            },
            {
                "day": 45,
                "to": "sponsor",
                "hours": 5,
                "text": "Kinderbetreuung beim Sommerfest des Malerbetriebs",
            },
        ],
        "notes": [
            {
                "day": 110,
                "text": (
                    "Herr Hentschel ist länger erkrankt. Ende im Guten vereinbart; der Bedarf "
                    "ist wieder offen, Flur und Elterncafé fehlen noch."
                ),
            },
        ],
        "reviews": {
            "recipient": (
                "Das Spielzimmer ist wunderschön geworden, die Kinder lieben die Farben.",
                "Bei Krankheit früher Bescheid geben, dann hätten wir umplanen können.",
                "yes",
            ),
        },
    },
    "Ton für die Konzertreihe in den Dorfkirchen": {
        "contributions": [
            {
                "day": 30,
                "to": "recipient",
                "hours": 16,
                "eur": 600,
                "text": "Tonanlage und Techniker für zwei Konzerte in Tschelln und Sagar",
            },
            {
                "day": 100,
                "to": "recipient",
                "hours": 8,
                "eur": 300,
                "text": "Ton für das Konzert in der Dorfkirche Boxberg",
            },
        ],
    },
}
