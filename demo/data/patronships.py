"""Demo patronships, in every status of the lifecycle.

Dates are relative to the day of seeding: `start` is days from today (negative: in the past),
`months` the agreed duration, `ended` (ended_early only) the day it ended. `need` names a need of
the recipient. `path` overrides the default way through the lifecycle; `previous` names the
earlier period (same sponsor and recipient) of a renewed partnership. `reasons` override the
default reason per target status. Running patronships (agreed, active) respect each sponsor's
max_patronships.
"""

PATRONSHIPS = [
    # --- active -------------------------------------------------------------------------------
    {
        "sponsor": "steuerbuero-wendt",
        "recipient": "heimatverein-krauschwitz",
        "title": "Steuerbüro Wendt führt den Heimatverein durch Kasse und Steuer",
        "need": "Hilfe bei Kasse und Steuer",
        "status": "active",
        "sponsor_gives": (
            "Jährliche Durchsicht der Vereinskasse, die Steuererklärung des Vereins und eine "
            "Einweisung der neuen Kassenwartin in Kassenbuch und Spendenbescheinigungen."
        ),
        "recipient_gives": (
            "Eine Führung durch die Heimatstube für das Büro und ein Beitrag über 30 Jahre "
            "Steuerbüro in der Ortschronik."
        ),
        "start": -150,
        "months": 12,
        "checkin_interval_days": 90,
    },
    {
        "sponsor": "pixelwerk-lausitz",
        "recipient": "tierschutz-muskauer-heide",
        "title": "Pixelwerk baut die Vermittlungsseite des Tierheims",
        "need": "Webseite für die Tiervermittlung",
        "status": "active",
        "sponsor_gives": (
            "Eine Webseite mit Tierkartei, die das Tierheim selbst pflegt, Hosting und Domain für "
            "zwei Jahre und eine Schulung für drei Ehrenamtliche."
        ),
        "recipient_gives": "Zwei Teamtage im Tierheim für das Pixelwerk-Team.",
        "start": -57,
        "months": 12,
        "checkin_interval_days": 60,
    },
    {
        "sponsor": "druckhaus-kalauch",
        "recipient": "jsv-heidelaeufer",
        "title": "Druckhaus Kalauch druckt fürs Sportfest der Heideläufer",
        "need": "Urkunden und Plakate für unser Sportfest",
        "status": "active",
        "sponsor_gives": (
            "Urkunden, Plakate und Spielpläne für Sportfest und Saison, Papier inklusive."
        ),
        "recipient_gives": (
            "Kinderbetreuung mit Torwandschießen beim Tag der offenen Tür der Druckerei."
        ),
        "start": -100,
        "months": 12,
        "checkin_interval_days": 90,
    },
    {
        "sponsor": "landhotel-kiefernruh",
        "recipient": "lebensmittelhilfe-heidebrot",
        "title": "Mittagstisch in der Küche des Landhotels",
        "need": "Kochmöglichkeit für den Mittagstisch",
        "status": "active",
        "sponsor_gives": (
            "Die Hotelküche jeden Montag am Ruhetag, eine Einweisung durch den Küchenchef und "
            "übrig gebliebene Lebensmittel vom Wochenende."
        ),
        "recipient_gives": (
            "Ein Perspektivwechsel-Tag für die Azubis des Hotels bei Abholtour und Ausgabe."
        ),
        "start": -200,
        "months": 18,
        "checkin_interval_days": 90,
    },
    {
        "sponsor": "lausitzer-windstrom",
        "recipient": "umweltgruppe-faltenbogen",
        "title": "Windstrom-Genossenschaft und Umweltgruppe pflanzen eine Streuobstwiese",
        "need": "Streuobstwiese wiederbeleben",
        "status": "active",
        "sponsor_gives": "30 Obstbäume alter Sorten, Pfähle, Wildschutz und Nistkästen.",
        "recipient_gives": (
            "Ein jährlicher Pflanz- und Pflegetag für die Mitglieder der Genossenschaft mit "
            "Führung durch den Faltenbogen."
        ),
        "start": -30,
        "months": 24,
        "checkin_interval_days": 120,
    },
    {
        "sponsor": "pixelwerk-lausitz",
        "recipient": "willkommen-in-weisswasser",
        "title": "Mehrsprachige Terminseite für den Deutsch-Treff",
        "need": None,
        "status": "proposed",
        "sponsor_gives": "Eine einfache Terminseite in vier Sprachen.",
        "recipient_gives": "Übersetzungen der Texte durch die Sprachmittler des Netzwerks.",
        "proposed_days_ago": 4,
    },
    {
        "sponsor": "willkommen-in-weisswasser",
        "recipient": "pixelwerk-lausitz",
        "title": "Interkulturelles Training für das Pixelwerk-Team",
        "need": "Interkulturelles Training für unser Team",
        "status": "active",
        "sponsor_gives": (
            "Zwei halbe Tage interkulturelles Training mit Trainerinnen des Netzwerks und eine "
            "Ansprechperson für Fragen im Alltag."
        ),
        "recipient_gives": "Pixelwerk stellt zwei Praktikumsplätze für Zugewanderte bereit.",
        "start": -45,
        "months": 6,
        "checkin_interval_days": 30,
    },
    {
        "sponsor": "stadtwerk-muskauer-heide",
        "recipient": "foerderverein-grundschule-rietschen",
        "title": "Laptops und Energiesparwoche für die Grundschule Rietschen",
        "need": "Laptops für die Computer-AG",
        "status": "active",
        "sponsor_gives": (
            "15 aufbereitete Laptops für die Computer-AG und eine Energiesparwoche mit den Azubis "
            "des Stadtwerks."
        ),
        "recipient_gives": (
            "Die Kinder gestalten den Jahreskalender des Stadtwerks und besuchen beim Zukunftstag "
            "die Azubiwerkstatt."
        ),
        "start": -85,
        "months": 12,
        "checkin_interval_days": 90,
    },
    {
        "sponsor": "elektrotechnik-kschischo",
        "recipient": "jugendclub-boxberg",
        "title": "Strom und WLAN für den Jugendtreff Boxberg",
        "need": "Strom und WLAN im Jugendtreff",
        "status": "active",
        "sponsor_gives": "Neue Unterverteilung, Steckdosen, LED-Licht und ein Gäste-WLAN.",
        "recipient_gives": (
            "Ein Azubi-Abend im Jugendtreff, bei dem Kschischo den Elektroberuf vorstellt."
        ),
        "start": -20,
        "months": 12,
        "checkin_interval_days": 60,
    },
    {
        "sponsor": "kiefern-apotheke",
        "recipient": "seniorentreff-sonnenhof",
        "title": "Medikamenten-Sprechstunde im Sonnenhof",
        "need": "Medikamente verstehen",
        "status": "active",
        "sponsor_gives": "Einmal im Monat eine Sprechstunde zu Medikamenten und Beipackzetteln.",
        "recipient_gives": (
            "Ein Zeitzeugen-Nachmittag für das Apothekenteam über die Apotheke von früher."
        ),
        "start": -75,
        "months": 12,
        "checkin_interval_days": 90,
    },
    # --- renewed and its follow-up -------------------------------------------------------------
    {
        "sponsor": "heide-baumarkt",
        "recipient": "kita-foerderverein-gablenz",
        "title": "Heide-Baumarkt und Kita Kiefernzapfen",
        "need": "Spielgeräte und Material für den Kita-Garten",
        "status": "renewed",
        "sponsor_gives": "Sandspielzeug, Pflanzkübel und Holz für eine Matschküche.",
        "recipient_gives": "Die Kita-Kinder schmücken jedes Jahr den Weihnachtsbaum im Baumarkt.",
        "start": -400,
        "months": 12,
        "checkin_interval_days": 120,
    },
    {
        "sponsor": "heide-baumarkt",
        "recipient": "kita-foerderverein-gablenz",
        "title": "Heide-Baumarkt und Kita Kiefernzapfen – zweites Jahr",
        "need": "Spielgeräte und Material für den Kita-Garten",
        "previous": "Heide-Baumarkt und Kita Kiefernzapfen",
        "status": "active",
        "sponsor_gives": "Material für ein Gartenhaus-Hochbeet und Ersatz für kaputtes Spielzeug.",
        "recipient_gives": "Weihnachtsbaumschmuck und ein Sommerfest-Auftritt der Kita-Kinder.",
        "start": "after_previous",
        "months": 12,
        "checkin_interval_days": 120,
    },
    {
        "sponsor": "gaertnerei-sonnentau",
        "recipient": "foerderverein-grundschule-rietschen",
        "title": "Schulgarten mit der Gärtnerei Sonnentau",
        "need": "Schulgarten betreuen",
        "status": "renewed",
        "path": ["proposed", "agreed", "active", "completed", "renewed"],
        "renewed": -10,
        "sponsor_gives": "Jungpflanzen, Saatgut und eine Gartenstunde im Monat.",
        "recipient_gives": (
            "Die Kinder verkaufen beim Hoffest der Gärtnerei selbst gezogene Kräuter."
        ),
        "start": -600,
        "months": 12,
        "checkin_interval_days": 90,
    },
    {
        "sponsor": "gaertnerei-sonnentau",
        "recipient": "foerderverein-grundschule-rietschen",
        "title": "Schulgarten mit der Gärtnerei Sonnentau – neues Schuljahr",
        "need": "Schulgarten betreuen",
        "previous": "Schulgarten mit der Gärtnerei Sonnentau",
        "status": "agreed",
        "sponsor_gives": "Jungpflanzen, Saatgut, zwei Hochbeete und eine Gartenstunde im Monat.",
        "recipient_gives": "Kräuterverkauf beim Hoffest und ein Schulgarten-Fest für die Nachbarn.",
        "start": 10,
        "months": 12,
        "checkin_interval_days": 90,
    },
    # --- agreed -------------------------------------------------------------------------------
    {
        "sponsor": "dachdeckerei-noack",
        "recipient": "foerderverein-feuerwehr-gablenz",
        "title": "Neues Dach für den Anbau des Gerätehauses Gablenz",
        "need": "Dach am Anbau des Gerätehauses",
        "status": "agreed",
        "sponsor_gives": "Dachpappe und Lattung erneuern, Arbeit durch Meister und zwei Azubis.",
        "recipient_gives": "Eine Brandschutzhelfer-Ausbildung für die ganze Belegschaft.",
        "start": 14,
        "months": 6,
        "checkin_interval_days": 60,
    },
    {
        "sponsor": "kanzlei-rachel",
        "recipient": "werkstaetten-neisseland",
        "title": "Rechtsrat für Außenarbeitsplätze der Werkstätten Neißeland",
        "need": "Rechtliche Fragen zu Außenarbeitsplätzen",
        "status": "agreed",
        "sponsor_gives": "Mustervertrag für Außenarbeitsplätze und vier Stunden Beratung im Monat.",
        "recipient_gives": "Ein Barriere-Check der Kanzleiräume durch Beschäftigte der Werkstatt.",
        "start": 7,
        "months": 12,
        "checkin_interval_days": 90,
    },
    # --- proposed -----------------------------------------------------------------------------
    {
        "sponsor": "tischlerei-mattke",
        "recipient": "tanzgruppe-heidewirbel",
        "title": "Ballettstange und Spiegelwand für die Heidewirbel",
        "need": "Ballettstange und Spiegel für unseren Übungsraum",
        "status": "proposed",
        "sponsor_gives": "Eine Ballettstange aus Eiche und die Montage von vier Spiegelelementen.",
        "recipient_gives": "Ein Auftritt der Tanzgruppe beim Tag der offenen Werkstatt.",
        "proposed_days_ago": 9,
    },
    {
        "sponsor": "neissetal-reisen",
        "recipient": "rollstuhlsport-lausitz",
        "title": "Mit dem Liftbus zu den Turnieren",
        "need": "Rollstuhlgerechter Bus für Turnierfahrten",
        "status": "proposed",
        "sponsor_gives": "Der Bus mit Rollstuhllift und Fahrer für sechs Turnierwochenenden.",
        "recipient_gives": (
            "Eine Schulung für die Busfahrer zum sicheren Transport von Rollstühlen."
        ),
        "proposed_days_ago": 3,
    },
    {
        "sponsor": "steuerbuero-wendt",
        "recipient": "hospizverein-heidelicht",
        "title": "Buchhaltung für den Hospizverein",
        "need": "Buchhaltung für den Verein",
        "status": "proposed",
        "sponsor_gives": (
            "Die Buchhaltung mit der Kassenwartin neu aufsetzen und ein Jahr begleiten."
        ),
        "recipient_gives": "Ein Vortrag für das Büro: Wenn Beschäftigte Angehörige pflegen.",
        "proposed_days_ago": 12,
    },
    {
        "sponsor": "foerderverein-feuerwehr-gablenz",
        "recipient": "autohaus-an-der-heide",
        "title": "Ersthelfer und Brandschutzhelfer für das Autohaus",
        "need": "Erste Hilfe und Brandschutz für die Werkstatt",
        "status": "proposed",
        "sponsor_gives": "Erste-Hilfe-Kurs und Brandschutzhelfer-Ausbildung für 12 Beschäftigte.",
        "recipient_gives": "Inspektion des Mannschaftstransportwagens der Jugendfeuerwehr.",
        "proposed_days_ago": 6,
    },
    {
        "sponsor": "haustechnik-pohl",
        "recipient": "kirchgemeinde-am-braunsteich",
        "title": "Die Heizung im Gemeindesaal wieder warm bekommen",
        "need": "Heizung im Gemeindesaal wird nicht warm",
        "status": "proposed",
        "sponsor_gives": (
            "Heizung entlüften und spülen, die Pumpe prüfen; ein Angebot, falls sie neu muss."
        ),
        "recipient_gives": "Der Posaunenchor spielt beim Jubiläum des Betriebs.",
        "proposed_days_ago": 19,
    },
    {
        "sponsor": "fotostudio-augenblick",
        "recipient": "heimatverein-krauschwitz",
        "title": "Die Chronik des Heimatvereins wird digital",
        "need": "Alte Fotos und Chroniken digital sichern",
        "status": "proposed",
        "sponsor_gives": (
            "Fotos und Chroniken einscannen, eine Ordnerstruktur anlegen und zwei Mitglieder im "
            "Scannen anlernen."
        ),
        "recipient_gives": "Eine Fotoausstellung „Krauschwitz früher“ im Schaufenster des Studios.",
        "proposed_days_ago": 10,
    },
    {
        "sponsor": "dachdeckerei-noack",
        "recipient": "jsv-heidelaeufer",
        "title": "Ein dichtes Dach für die Umkleide der Heideläufer",
        "need": "Undichtes Dach über dem Umkleideraum",
        "status": "proposed",
        "sponsor_gives": "Dach über dem Umkleideraum abdichten, Material zum Selbstkostenpreis.",
        "recipient_gives": "Ein Fußballturnier für die Belegschaft und ihre Kinder.",
        "proposed_days_ago": 2,
    },
    # --- completed ----------------------------------------------------------------------------
    {
        "sponsor": "fotostudio-augenblick",
        "recipient": "kulturverein-glasmacherstadt",
        "title": "Porträts für die Ausstellung „Glas und Menschen“",
        "need": "Fotos für die Ausstellung „Glas und Menschen“",
        "status": "completed",
        "sponsor_gives": "Porträts von zwölf ehemaligen Glasmachern, gedruckt im Format 50 × 70.",
        "recipient_gives": "Die Fotografin wird bei der Eröffnung und im Katalog vorgestellt.",
        "start": -420,
        "months": 6,
        "checkin_interval_days": 60,
    },
    {
        "sponsor": "heidebaeckerei-zschornack",
        "recipient": "seniorentreff-sonnenhof",
        "title": "Kuchen für den Sonnenhof",
        "need": "Kuchen für die Seniorennachmittage",
        "status": "completed",
        "sponsor_gives": "Zweimal im Monat zwei Bleche Kuchen für die Seniorennachmittage.",
        "recipient_gives": "Die Seniorinnen haben mit den Azubis alte Lausitzer Rezepte gebacken.",
        "start": -500,
        "months": 12,
        "checkin_interval_days": 90,
    },
    {
        "sponsor": "lausitzer-buergerbank",
        "recipient": "brauchtumsverein-heideland",
        "title": "Förderantrag für neue Kindertrachten",
        "need": "Fördermittel für neue Trachten",
        "status": "completed",
        "sponsor_gives": (
            "Hilfe beim Förderantrag und beim Finanzplan, Sitzungen im Besprechungsraum."
        ),
        "recipient_gives": "Trachtentanz beim Empfang zum Genossenschaftstag.",
        "start": -300,
        "months": 4,
        "checkin_interval_days": 30,
    },
    # --- declined -----------------------------------------------------------------------------
    {
        "sponsor": "spedition-mross",
        "recipient": "lebensmittelhilfe-heidebrot",
        "title": "Kühlfahrzeug für die Abholtour",
        "need": "Kühlfahrzeug für die Abholtour",
        "status": "declined",
        "sponsor_gives": "Ein Kühltransporter mit Fahrer an zwei Vormittagen die Woche.",
        "recipient_gives": "Ein Perspektivwechsel-Tag für die Disponenten.",
        "proposed_days_ago": 70,
        "reasons": {
            "declined": (
                "Die Spedition braucht den Kühltransporter im Winter selbst; zwei feste Vormittage "
                "pro Woche sind nicht zu schaffen."
            )
        },
    },
    {
        "sponsor": "fahrschule-schiemenz",
        "recipient": "lausitzer-jugendwerkstatt",
        "title": "Fahrstunden für Jugendliche der Jugendwerkstatt",
        "need": "Hilfe beim Führerschein für Azubis",
        "status": "declined",
        "sponsor_gives": "Vergünstigte Fahrstunden für drei Jugendliche.",
        "recipient_gives": "Werbung für die Fahrschule bei den Jugendlichen.",
        "proposed_days_ago": 45,
        "reasons": {
            "declined": (
                "Nach dem Erstgespräch: Die Vorstellungen zum Umfang lagen zu weit auseinander. "
                "Beide Seiten wollen später noch einmal reden."
            )
        },
    },
    # --- ended early --------------------------------------------------------------------------
    {
        "sponsor": "malerbetrieb-farbklang",
        "recipient": "familienzentrum-regenbogenhaus",
        "title": "Frische Farbe für das Regenbogenhaus",
        "need": "Spielzimmer und Flur brauchen neue Farbe",
        "status": "ended_early",
        "sponsor_gives": "Farbe und Anleitung für Spielzimmer, Flur und Elterncafé.",
        "recipient_gives": "Kinderbetreuung beim Sommerfest des Malerbetriebs.",
        "start": -160,
        "months": 12,
        "ended": -40,
        "checkin_interval_days": 60,
        "reasons": {
            "ended_early": (
                "Der Inhaber ist länger erkrankt, der Betrieb kann die zugesagten Einsätze nicht "
                "leisten. Beide Seiten trennen sich im Guten; der Bedarf ist wieder offen."
            )
        },
    },
    {
        "sponsor": "klangwerk-veranstaltungstechnik",
        "recipient": "kraftwerkerchor-boxberg",
        "title": "Ton für die Konzertreihe in den Dorfkirchen",
        "need": "Tontechnik für unsere Konzertreihe",
        "status": "ended_early",
        "sponsor_gives": "Tonanlage und Techniker für sechs Konzerte in Dorfkirchen.",
        "recipient_gives": "Ein Ständchen zum zehnjährigen Firmenjubiläum von Klangwerk.",
        "start": -250,
        "months": 12,
        "ended": -60,
        "checkin_interval_days": 90,
        "reasons": {
            "ended_early": (
                "Der Chorleiter ist weggezogen und der Chor hat die Konzertreihe eingestellt."
            )
        },
    },
]
