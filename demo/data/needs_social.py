"""Needs of the social services, initiatives and individuals, in their own words."""

NEEDS_SOCIAL = [
    # Lausitzer Jugendwerkstatt
    {
        "party": "lausitzer-jugendwerkstatt",
        "title": "Praktikumsplätze im Handwerk für unsere Jugendlichen",
        "description": (
            "Bei uns lernen junge Leute, die in der Schule nicht gut klargekommen sind, wieder "
            "einen geregelten Tag. Viele wollen ins Handwerk, finden aber keinen Betrieb, der sie "
            "mal zwei Wochen mitnimmt. Wir begleiten das und sind jederzeit erreichbar."
        ),
        "kind": "contacts",
        "effort": "long_term",
        "time_frame": "laufend",
        "public": True,
    },
    {
        "party": "lausitzer-jugendwerkstatt",
        "title": "Bewerbungsfotos und Bewerbungsmappen",
        "description": (
            "Unsere Jugendlichen schicken Bewerbungen mit Selfies los. Ein Tag mit richtigen Fotos "
            "und jemandem, der mit ihnen Lebenslauf und Anschreiben durchgeht, würde viel ändern."
        ),
        "kind": "know_how",
        "effort": "recurring",
        "time_frame": "zweimal im Jahr",
        "competencies": ["Bewerbungstraining", "Fotografie"],
    },
    {
        "party": "lausitzer-jugendwerkstatt",
        "title": "Hilfe beim Führerschein für Azubis",
        "description": (
            "Ohne Auto kommt man hier nicht zur Ausbildungsstelle. Für einige unserer Jugendlichen "
            "ist der Führerschein unbezahlbar. Vielleicht gibt es günstige Fahrstunden oder "
            "jemanden, der beim Theorielernen hilft."
        ),
        "kind": "know_how",
        "effort": "recurring",
        "time_frame": "",
        "topics": ["Arbeit und Beschäftigung", "Dorfleben und ländlicher Raum"],
    },
    # Werkstätten Neißeland
    {
        "party": "werkstaetten-neisseland",
        "title": "Rechtliche Fragen zu Außenarbeitsplätzen",
        "description": (
            "Wenn unsere Beschäftigten in einem Betrieb arbeiten: Wer haftet, was gehört in den "
            "Vertrag, wie sind sie versichert? Dazu brauchen wir juristischen Rat."
        ),
        "kind": "know_how",
        "effort": "long_term",
        "time_frame": "",
        "status": "in_progress",
        "remote_ok": True,
        "competencies": ["Arbeitsrecht"],
    },
    {
        "party": "werkstaetten-neisseland",
        "title": "Rampe am Seiteneingang",
        "description": (
            "Unser Seiteneingang hat drei Stufen. Wer im Rollstuhl sitzt, muss um das ganze "
            "Gebäude herum zum Haupteingang, auch bei Regen und Schnee. Eine feste Rampe wäre ein "
            "Segen."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "in diesem Jahr",
        "public": True,
    },
    {
        "party": "werkstaetten-neisseland",
        "title": "Neue Aufträge für unsere Montagegruppe",
        "description": (
            "Unsere Montagegruppe hat zu wenig zu tun, seit ein großer Kunde weggefallen ist. Wir "
            "suchen Betriebe, die uns einfache Verpackungs- oder Montagearbeiten geben, und Leute, "
            "die uns in ihren Netzwerken empfehlen."
        ),
        "kind": "contacts",
        "effort": "long_term",
        "time_frame": "",
        "public": True,
        "competencies": ["Kontakte und Netzwerke"],
    },
    # Lebensmittelhilfe Heidebrot
    {
        "party": "lebensmittelhilfe-heidebrot",
        "title": "Kochmöglichkeit für den Mittagstisch",
        "description": (
            "Für unseren Mittagstisch brauchten wir eine richtige Küche, unsere Ausgabestelle hat "
            "nur zwei Herdplatten."
        ),
        "kind": "room",
        "effort": "long_term",
        "time_frame": "",
        "status": "met",
        "competencies": ["Küchennutzung"],
    },
    {
        "party": "lebensmittelhilfe-heidebrot",
        "title": "Kühlfahrzeug für die Abholtour",
        "description": (
            "Joghurt, Wurst und Käse dürfen wir nur gekühlt transportieren. Mit unserem alten "
            "Kombi geht das im Sommer nicht. Zweimal die Woche fahren wir vier Märkte an."
        ),
        "kind": "transport",
        "effort": "recurring",
        "time_frame": "dienstags und freitags vormittags",
    },
    {
        "party": "lebensmittelhilfe-heidebrot",
        "title": "Helfende Hände am Samstag",
        "description": (
            "Samstags sortieren wir die Spenden der Woche. Es fehlen drei, vier kräftige Leute, "
            "die Kisten schleppen und mitanpacken."
        ),
        "kind": "time",
        "effort": "recurring",
        "time_frame": "samstags 9 bis 12 Uhr",
        "public": True,
        "competencies": ["Corporate Volunteering"],
    },
    {
        "party": "lebensmittelhilfe-heidebrot",
        "title": "Großer Kühlschrank für Spenden",
        "description": (
            "Unser Kühlschrank war zu klein. Hat sich erledigt: Ein Nachbar hat einen gebracht."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
        "status": "withdrawn",
    },
    # Seniorenbegegnungsstätte Sonnenhof
    {
        "party": "seniorentreff-sonnenhof",
        "title": "Kuchen für die Seniorennachmittage",
        "description": "Für die Nachmittage mit 30 Gästen fehlte uns regelmäßig Kuchen.",
        "kind": "material",
        "effort": "recurring",
        "time_frame": "",
        "status": "met",
        "competencies": ["Bäckerei und Konditorei"],
    },
    {
        "party": "seniorentreff-sonnenhof",
        "title": "Wer erklärt unseren Senioren das Handy?",
        "description": (
            "Viele unserer Besucher haben von den Enkeln ein Smartphone bekommen und trauen sich "
            "nicht ran. Sie möchten Fotos verschicken, mit der Familie telefonieren und den "
            "Busfahrplan finden. Geduld ist wichtiger als Fachwissen."
        ),
        "kind": "know_how",
        "effort": "recurring",
        "time_frame": "einmal im Monat, vormittags",
        "public": True,
    },
    {
        "party": "seniorentreff-sonnenhof",
        "title": "Medikamente verstehen",
        "description": (
            "Unsere Gäste nehmen viele Tabletten und verstehen die Beipackzettel nicht. Jemand vom "
            "Fach sollte regelmäßig Fragen beantworten."
        ),
        "kind": "know_how",
        "effort": "recurring",
        "time_frame": "",
        "status": "met",
        "competencies": ["Apotheke"],
    },
    # Integrationsnetzwerk Willkommen in Weißwasser
    {
        "party": "willkommen-in-weisswasser",
        "title": "Gespendete Fahrräder wieder fahrbereit machen",
        "description": (
            "Wir bekommen gespendete Fahrräder, aber die Hälfte hat platte Reifen, rostige Ketten "
            "oder kaputte Bremsen. Ohne Fahrrad kommt man hier kaum zum Deutschkurs oder zur "
            "Arbeit."
        ),
        "kind": "in_kind",
        "effort": "recurring",
        "time_frame": "vor dem Frühjahr",
        "public": True,
    },
    {
        "party": "willkommen-in-weisswasser",
        "title": "Ein Raum für den Deutsch-Treff",
        "description": (
            "Jeden Donnerstagabend üben bei uns 15 Leute Deutsch. Die Stadtbibliothek hat abends "
            "nicht mehr auf. Wir brauchen einen Raum mit Tischen und einer Tafel oder einem "
            "Bildschirm."
        ),
        "kind": "room",
        "effort": "recurring",
        "time_frame": "donnerstags 18 bis 20 Uhr",
        "competencies": ["Besprechungsraum"],
    },
    {
        "party": "willkommen-in-weisswasser",
        "title": "Hilfe bei Bewerbungen",
        "description": "Entwurf: Bewerbungen mit ausländischen Zeugnissen, wer kennt sich aus?",
        "kind": "know_how",
        "effort": "recurring",
        "time_frame": "",
        "status": "draft",
    },
    # Familienzentrum Regenbogenhaus
    {
        "party": "familienzentrum-regenbogenhaus",
        "title": "Spielzimmer und Flur brauchen neue Farbe",
        "description": (
            "Die Wände im Spielzimmer und im Flur sind voller Kritzeleien und Flecken, teilweise "
            "bröckelt der Putz. Die Eltern würden mit anpacken, aber wir brauchen Anleitung und "
            "Farbe. Ein erster Anlauf ist leider nicht fertig geworden."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "in den Sommerferien",
        "public": True,
        "competencies": ["Malerarbeiten"],
    },
    {
        "party": "familienzentrum-regenbogenhaus",
        "title": "Sprechstunde für Fragen rund um Unterhalt und Sorgerecht",
        "description": (
            "Alleinerziehende fragen uns ständig nach Unterhalt, Sorgerecht und Ärger mit dem "
            "Vermieter. Wir dürfen und können das nicht beantworten. Eine kostenlose Sprechstunde "
            "einmal im Monat bei uns wäre großartig."
        ),
        "kind": "know_how",
        "effort": "recurring",
        "time_frame": "einmal im Monat",
        "remote_ok": True,
        "competencies": ["Rechtsberatung"],
    },
    {
        "party": "familienzentrum-regenbogenhaus",
        "title": "Waschmaschine und Trockner",
        "description": (
            "Unsere Waschmaschine für die Kleiderkammer hat nach zwölf Jahren aufgegeben. Ein "
            "gebrauchtes, robustes Gerät und vielleicht ein Trockner würden uns sehr helfen."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "bald",
    },
    # Suchtberatung Neuanfang
    {
        "party": "suchtberatung-neuanfang",
        "title": "Abends einen ruhigen Raum für die Selbsthilfegruppe",
        "description": (
            "Unsere Selbsthilfegruppe trifft sich dienstags ab 18 Uhr. Wir brauchen einen ruhigen "
            "Raum für zwölf Personen, in den man nicht von der Straße hineinschauen kann."
        ),
        "kind": "room",
        "effort": "recurring",
        "time_frame": "dienstags ab 18 Uhr",
    },
    {
        "party": "suchtberatung-neuanfang",
        "title": "Flyer in einfacher Sprache gestalten",
        "description": (
            "Unsere Infoblätter sind voller Fachwörter. Wir möchten einen Flyer, den auch jemand "
            "versteht, dem es gerade schlecht geht: klar, freundlich, mit wenig Text."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "bis zum Herbst",
        "public": True,
        "remote_ok": True,
        "competencies": ["Grafikdesign"],
    },
    # Hospizverein Heidelicht
    {
        "party": "hospizverein-heidelicht",
        "title": "Buchhaltung für den Verein",
        "description": (
            "Unsere Spenden und Zuschüsse der Krankenkasse wachsen uns über den Kopf. Wir brauchen "
            "jemanden, der mit unserer Kassenwartin die Buchhaltung neu aufsetzt."
        ),
        "kind": "know_how",
        "effort": "long_term",
        "time_frame": "",
        "status": "in_progress",
        "remote_ok": True,
        "competencies": ["Buchhaltung"],
    },
    {
        "party": "hospizverein-heidelicht",
        "title": "Raum für das Trauercafé",
        "description": (
            "Einmal im Monat laden wir Trauernde zu Kaffee und Gespräch ein. Das Gemeindehaus "
            "steht uns nicht mehr zur Verfügung. Wir suchen einen hellen, ruhigen Raum mit "
            "Kaffeemaschine, gern ebenerdig."
        ),
        "kind": "room",
        "effort": "recurring",
        "time_frame": "erster Sonntag im Monat",
        "public": True,
        "competencies": ["Besprechungsraum"],
    },
    {
        "party": "hospizverein-heidelicht",
        "title": "Unsere Webseite ist nicht mehr auf dem neuesten Stand",
        "description": (
            "Unsere Webseite hat vor Jahren ein Ehrenamtlicher gebaut. Jetzt hat uns jemand darauf "
            "hingewiesen, dass das Kontaktformular und die Datenschutzerklärung nicht mehr "
            "stimmen. Wir verstehen davon nichts."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "",
        "remote_ok": True,
        "public": True,
    },
    # Umweltgruppe Faltenbogen
    {
        "party": "umweltgruppe-faltenbogen",
        "title": "Streuobstwiese wiederbeleben",
        "description": "Für unsere alte Streuobstwiese fehlten Jungbäume, Pfähle und Wildschutz.",
        "kind": "material",
        "effort": "long_term",
        "time_frame": "",
        "status": "met",
        "competencies": ["Landschaftspflege"],
    },
    {
        "party": "umweltgruppe-faltenbogen",
        "title": "Anhänger für Pflegeeinsätze",
        "description": (
            "Bei unseren Pflegeeinsätzen fällt viel Schnittgut an. Wir bräuchten ab und zu einen "
            "Anhänger und jemanden mit Anhängerkupplung, der das Grüngut zur Kompostanlage fährt."
        ),
        "kind": "transport",
        "effort": "recurring",
        "time_frame": "etwa fünf Samstage im Jahr",
    },
    {
        "party": "umweltgruppe-faltenbogen",
        "title": "Holz für Insektenhotels",
        "description": (
            "Mit der Grundschule wollen wir 20 Insektenhotels bauen. Wir suchen unbehandelte "
            "Holzreste, Bretter und Baumscheiben."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "bis Ende März",
    },
    # Offener Jugendtreff Boxberg
    {
        "party": "jugendclub-boxberg",
        "title": "Strom und WLAN im Jugendtreff",
        "description": "Im Jugendtreff flog ständig die Sicherung raus und es gab kein Internet.",
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "",
        "status": "met",
        "competencies": ["Elektroinstallation", "Netzwerk und WLAN"],
    },
    {
        "party": "jugendclub-boxberg",
        "title": "Wände streichen mit den Jugendlichen",
        "description": (
            "Die Jugendlichen wollen ihren Club selbst neu gestalten. Wir suchen jemanden, der "
            "zeigt, wie man richtig abklebt und streicht, und vielleicht Farbe übrig hat."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "Herbstferien",
        "public": True,
    },
    {
        "party": "jugendclub-boxberg",
        "title": "Sofa und Sitzsäcke für die Chillecke",
        "description": (
            "Unser Sofa ist durchgesessen. Gebrauchte Möbel in gutem Zustand nehmen wir gern."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
        "competencies": ["Möbel und Einrichtung"],
    },
    # Netzwerk Buntes Weißwasser
    {
        "party": "buntes-weisswasser",
        "title": "Fotos von unserem Stadtfest-Stand",
        "description": (
            "Am Stadtfest machen wir mit zwölf Vereinen einen Mitmach-Stand. Wir hätten gern "
            "schöne Fotos für die Zeitung und unsere Seite, selbst kommen wir an dem Tag nicht "
            "dazu."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "Stadtfest im September",
        "public": True,
    },
    {
        "party": "buntes-weisswasser",
        "title": "Plakate für die Aktionswoche",
        "description": "Die Aktionswoche fällt dieses Jahr aus, deshalb zurückgezogen.",
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
        "status": "withdrawn",
    },
    # Individuals
    {
        "party": "marlene-kubasch",
        "title": "Küche für einen Nachbarschafts-Mittagstisch",
        "description": (
            "Ich koche seit einem Jahr einmal die Woche für ältere Nachbarn, die allein leben. "
            "Inzwischen kommen zwölf Leute, meine Küche ist zu klein und mein Esstisch auch. Gibt "
            "es irgendwo einen Raum mit Küche, den wir mittwochs nutzen dürfen?"
        ),
        "kind": "room",
        "effort": "recurring",
        "time_frame": "mittwochs 10 bis 14 Uhr",
        "public": True,
    },
    {
        "party": "tobias-wenzel",
        "title": "Werkzeug und Messgeräte für das Repair-Café",
        "description": (
            "Einmal im Monat reparieren wir im Bürgerhaus kaputte Geräte. Es fehlen eine "
            "Lötstation, ein ordentliches Messgerät und gutes Werkzeug, bisher bringt jeder seins "
            "von zu Hause mit."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
    },
    {
        "party": "tobias-wenzel",
        "title": "Was passiert, wenn ein repariertes Gerät später kaputtgeht?",
        "description": (
            "Wir sind kein Verein, nur ein paar Leute. Wenn ein Toaster, den wir repariert haben, "
            "später einen Brand verursacht: Wer haftet dann? Wer kann uns erklären, wie wir uns "
            "absichern?"
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "",
        "remote_ok": True,
    },
    {
        "party": "ingrid-schulze",
        "title": "Spielenachmittag im Kurpark",
        "description": "Entwurf: Brettspiele, Boule-Kugeln und ein Pavillon für den Sommer.",
        "kind": "material",
        "effort": "recurring",
        "time_frame": "Sommer",
        "status": "draft",
    },
]
