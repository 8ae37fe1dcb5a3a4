"""The demo Förderkreis: its members, the networks of the region, who is in which network, and
what the members recommend.

The region around Weißwasser belongs to the Landkreis Görlitz: its chambers are the
Handwerkskammer Dresden and the IHK Dresden. Networks are keyed by name, advisors by email
("" is the demo advisor login), parties by slug, needs by (party slug, title). `days` say how
long ago something was recorded.
"""

ADVISORS = [
    {
        "email": "renate.hanschke@foerderkreis.sozialpaten.example",
        "name": "Renate Hanschke",
    },
    {
        "email": "frank.zeidler@foerderkreis.sozialpaten.example",
        "name": "Frank Zeidler",
    },
]

DOMKE = ""
HANSCHKE = "renate.hanschke@foerderkreis.sozialpaten.example"
ZEIDLER = "frank.zeidler@foerderkreis.sozialpaten.example"

HWK = "Handwerkskammer Dresden"
IHK = "IHK Dresden, Geschäftsstelle Görlitz"
UV = "Unternehmerverband Lausitz, Stammtisch Weißwasser"
ROTARY = "Rotary Club Weißwasser"
LIONS = "Lions Club Weißwasser-Muskauer Heide"
GEWERBE = "Gewerbeverein Weißwasser"
SPORT = "Stadtsportbund Weißwasser"

NETWORKS = [
    {
        "name": HWK,
        "kind": "crafts_chamber",
        "description": (
            "Die Kammer des Handwerks für den Landkreis Görlitz. Viele Betriebe sind außerdem in "
            "ihrer Innung und treffen sich bei Meisterfeiern und Innungsversammlungen."
        ),
        "advisors": [DOMKE],
        "days": 300,
    },
    {
        "name": IHK,
        "kind": "ihk",
        "description": (
            "Die IHK für Handel, Industrie und Dienstleistung im Landkreis Görlitz; im "
            "Ausbildungsausschuss sitzen mehrere Betriebe aus Weißwasser."
        ),
        "advisors": [ZEIDLER],
        "days": 290,
    },
    {
        "name": UV,
        "kind": "employers",
        "description": (
            "Monatlicher Stammtisch der Unternehmerinnen und Unternehmer aus Weißwasser und "
            "Umgebung, jeden ersten Donnerstag."
        ),
        "advisors": [ZEIDLER, DOMKE],
        "days": 280,
    },
    {
        "name": ROTARY,
        "kind": "service_club",
        "description": "Trifft sich jeden Dienstag zum Mittagessen; unterstützt Jugendprojekte.",
        "advisors": [ZEIDLER],
        "days": 270,
    },
    {
        "name": LIONS,
        "kind": "service_club",
        "description": "Bekannt für den Adventskalender-Verkauf zugunsten der Kitas der Region.",
        "advisors": [HANSCHKE],
        "days": 260,
    },
    {
        "name": GEWERBE,
        "kind": "town",
        "description": (
            "Händler, Handwerk und Gastronomie der Innenstadt; richtet das Stadtfest und den "
            "Weihnachtsmarkt mit aus."
        ),
        "advisors": [HANSCHKE, DOMKE],
        "days": 250,
    },
    {
        "name": SPORT,
        "kind": "association",
        "description": "Dachverband der Sportvereine in Weißwasser, mit über 30 Vereinen.",
        "advisors": [DOMKE],
        "days": 240,
    },
]

# (party slug, network, note, recorded by, days ago)
TIES = [
    ("dachdeckerei-noack", HWK, "Thomas Noack ist Obermeister der Dachdecker-Innung.", DOMKE, 230),
    ("elektrotechnik-kschischo", HWK, "", DOMKE, 230),
    ("tischlerei-mattke", HWK, "Bildet jedes Jahr zwei Lehrlinge aus.", DOMKE, 229),
    ("malerbetrieb-farbklang", HWK, "", DOMKE, 229),
    ("haustechnik-pohl", HWK, "Im Vorstand der Innung Sanitär, Heizung, Klima.", DOMKE, 228),
    ("heidebaeckerei-zschornack", HWK, "Die Meisterin prüft bei der Gesellenprüfung.", DOMKE, 228),
    ("spedition-mross", IHK, "", ZEIDLER, 220),
    ("glasmanufaktur-heideglas", IHK, "Im Ausbildungsausschuss der IHK.", ZEIDLER, 220),
    ("neissebyte-it", IHK, "", ZEIDLER, 219),
    ("landhotel-kiefernruh", IHK, "", ZEIDLER, 219),
    ("bau-kretschmer", UV, "Herr Kretschmer leitet den Stammtisch.", ZEIDLER, 210),
    ("stadtwerk-muskauer-heide", UV, "", ZEIDLER, 210),
    ("wg-heidesiedlung", UV, "Der Vorstand kommt fast jeden Monat.", ZEIDLER, 209),
    ("steuerbuero-wendt", UV, "", ZEIDLER, 209),
    ("steuerbuero-wendt", ROTARY, "Frau Wendt war 2024/25 Präsidentin.", ZEIDLER, 200),
    ("lausitzer-buergerbank", ROTARY, "", ZEIDLER, 200),
    ("neissebyte-it", ROTARY, "Der Geschäftsführer ist seit zwei Jahren dabei.", ZEIDLER, 199),
    ("kiefern-apotheke", LIONS, "Organisiert den Adventskalender-Verkauf.", HANSCHKE, 190),
    ("fotostudio-augenblick", LIONS, "", HANSCHKE, 190),
    ("gruenwerk-galabau", LIONS, "", HANSCHKE, 189),
    ("pixelwerk-lausitz", GEWERBE, "Betreut die Webseite des Gewerbevereins.", HANSCHKE, 180),
    ("heide-baumarkt", GEWERBE, "", HANSCHKE, 180),
    ("druckhaus-kalauch", GEWERBE, "Druckt die Plakate für das Stadtfest.", HANSCHKE, 179),
    ("autohaus-an-der-heide", GEWERBE, "", HANSCHKE, 179),
    ("jsv-heidelaeufer", SPORT, "Größter Jugendverein im Stadtsportbund.", DOMKE, 170),
    (
        "elektrotechnik-kschischo",
        SPORT,
        "Sponsert seit Jahren die Trikots der E-Jugend der Heideläufer.",
        DOMKE,
        170,
    ),
]

RECOMMENDATIONS = [
    {
        "need": ("jsv-heidelaeufer", "Flutlicht am Trainingsplatz fällt immer wieder aus"),
        "candidate": "elektrotechnik-kschischo",
        "advisor": DOMKE,
        "note": (
            "Kenne den Inhaber aus dem Stadtsportbund; Jugendfußball liegt ihm am Herzen, er "
            "sponsert schon die Trikots der E-Jugend. Ich rufe ihn gern an."
        ),
        "warm": True,
        "days": 6,
    },
    {
        "need": ("willkommen-in-weisswasser", "Ein Raum für den Deutsch-Treff"),
        "candidate": "wg-heidesiedlung",
        "advisor": ZEIDLER,
        "note": (
            "Der Vorstand sucht eine Nutzung für den leeren Gemeinschaftsraum in der "
            "Heidesiedlung. Das hat er beim letzten Stammtisch selbst erzählt."
        ),
        "days": 12,
    },
    {
        "need": ("seniorentreff-sonnenhof", "Wer erklärt unseren Senioren das Handy?"),
        "candidate": "neissebyte-it",
        "advisor": ZEIDLER,
        "note": (
            "Die Azubis des Systemhauses suchen ein Sozialprojekt für ihr Ausbildungsjahr; "
            "der Geschäftsführer hat im Rotary danach gefragt."
        ),
        "days": 20,
    },
    {
        "need": ("werkstaetten-neisseland", "Rampe am Seiteneingang"),
        "candidate": "bau-kretschmer",
        "advisor": DOMKE,
        "note": (
            "Kretschmer hat die Rampe an der Stadthalle in Spremberg gebaut und weiß, worauf es "
            "bei Rollstühlen ankommt."
        ),
        "days": 30,
    },
    {
        "need": ("spedition-mross", "Junge Leute für den Beruf Berufskraftfahrer begeistern"),
        "candidate": "lausitzer-jugendwerkstatt",
        "advisor": HANSCHKE,
        "note": (
            "In der Jugendwerkstatt sind gerade vier junge Leute, die den Führerschein machen "
            "wollen und nicht wissen, was danach kommt."
        ),
        "days": 9,
    },
    # This one led to an introduction (see introductions.py).
    {
        "need": ("rollstuhlsport-lausitz", "Rollstuhlgerechter Bus für Turnierfahrten"),
        "candidate": "neissetal-reisen",
        "advisor": DOMKE,
        "note": (
            "Herr Krautz fährt selbst zu den Turnieren seines Enkels. Ich habe ihn angesprochen, "
            "er ist offen dafür."
        ),
        "days": 6,
    },
]

# Expressions of interest ("Wir könnten helfen") waiting for the coordinator, and one that led
# to an introduction. (party slug, need, message, status, days ago)
INTERESTS = [
    (
        "tischlerei-mattke",
        ("tanzgruppe-heidewirbel", "Ballettstange und Spiegel für unseren Übungsraum"),
        "Wir haben Eiche aus einem Auftrag übrig und könnten die Stange bauen. Die Spiegel "
        "müssten wir besorgen.",
        "introduced",
        14,
    ),
    (
        "heide-baumarkt",
        ("kita-foerderverein-gablenz", "Neuer Sand für den Sandkasten"),
        "Wir haben Spielsand auf Lager und fahren ihn gern nach Gablenz, wie schon beim "
        "Kita-Garten.",
        "new",
        3,
    ),
    (
        "gruenwerk-galabau",
        ("kirchspiel-heidedoerfer", "Friedhofshecke schneiden"),
        "Unsere Azubis könnten die Hecke in ihrer Übungswoche schneiden, das Schnittgut nehmen "
        "wir mit.",
        "new",
        5,
    ),
    (
        "neissebyte-it",
        ("seniorentreff-sonnenhof", "Wer erklärt unseren Senioren das Handy?"),
        "Unsere drei Azubis würden gern eine Handy-Sprechstunde im Sonnenhof anbieten.",
        "seen",
        8,
    ),
]
