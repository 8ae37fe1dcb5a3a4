"""Needs of the clubs, churches and schools, written the way their members would write them.

Defaults (see `demo.services`): status "open", not public, not remote, no wanted competencies,
the party's first two topics, the party's municipality. About half of the needs name no
competency at all: the matching engine has to understand the text.
"""

NEEDS_CLUBS = [
    # JSV Heideläufer: the organisation member's club, with several open needs.
    {
        "party": "jsv-heidelaeufer",
        "title": "Undichtes Dach über dem Umkleideraum",
        "description": (
            "Unser Vereinsheim hat ein undichtes Dach, bei Regen tropft es in den Umkleideraum der "
            "Kinder. Wir stellen schon Eimer auf, aber im Winter geht das nicht mehr. Material "
            "könnten wir zum Teil aus der Vereinskasse bezahlen, uns fehlt jemand, der sich "
            "auskennt."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "vor dem Winter",
        "status": "in_progress",
        "public": True,
    },
    {
        "party": "jsv-heidelaeufer",
        "title": "Kleinbus für die Ferienfahrt",
        "description": (
            "Für die Ferienfahrt an die Talsperre Quitzdorf suchen wir einen Kleinbus für 9 "
            "Personen, eine Woche im Juli. Fahren würde unser Trainer, er hat den passenden "
            "Führerschein."
        ),
        "kind": "transport",
        "effort": "one_off",
        "time_frame": "Sommerferien",
        "public": True,
        "competencies": ["Transporter und Kleinbus"],
    },
    {
        "party": "jsv-heidelaeufer",
        "title": "Einfache Vereinswebseite mit Terminen",
        "description": (
            "Wir bräuchten eine einfache Vereinswebseite mit Terminen, Trainingszeiten und einem "
            "Kontakt für neue Eltern. Im Moment läuft alles über eine Chatgruppe und Zettel am "
            "Vereinsheim. Pflegen würden wir die Seite selbst, wenn es nicht zu kompliziert ist."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "bis zum Saisonstart im August",
        "remote_ok": True,
        "competencies": ["Webseiten-Erstellung"],
    },
    {
        "party": "jsv-heidelaeufer",
        "title": "Flutlicht am Trainingsplatz fällt immer wieder aus",
        "description": (
            "Zwei der vier Lampen am Trainingsplatz gehen ständig aus. Ab Oktober können die "
            "Kleinen nach 17 Uhr kaum noch trainieren. Wir wissen nicht, ob es an den Lampen oder "
            "an der Leitung liegt."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "bis Oktober",
        "public": True,
    },
    {
        "party": "jsv-heidelaeufer",
        "title": "Urkunden und Plakate für unser Sportfest",
        "description": (
            "Für unser Sportfest brauchen wir jedes Jahr 200 Urkunden, Plakate für die Stadt und "
            "Spielpläne. Bisher druckt das ein Vater im Büro heimlich aus."
        ),
        "kind": "material",
        "effort": "recurring",
        "time_frame": "jedes Jahr im Juni",
        "status": "met",
        "competencies": ["Druck und Kopie"],
    },
    {
        "party": "jsv-heidelaeufer",
        "title": "Wer hilft uns bei der Steuererklärung des Vereins?",
        "description": (
            "Unser Kassenwart hat aufgehört und die Steuererklärung für das letzte Jahr ist noch "
            "offen. Das Finanzamt hat schon erinnert. Wir suchen jemanden, der einmal mit "
            "draufschaut und uns zeigt, wie wir das künftig selbst hinkriegen."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "möglichst bald",
        "remote_ok": True,
    },
    {
        "party": "jsv-heidelaeufer",
        "title": "Neue Trainingsanzüge für die E-Jugend",
        "description": (
            "Die Trainingsanzüge der E-Jugend sind zehn Jahre alt und passen keinem mehr richtig. "
            "Schön wäre ein Satz für 18 Kinder, gern mit dem Logo eines Unterstützers."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "zur neuen Saison",
        "status": "draft",
    },
    # Kulturverein Glasmacherstadt
    {
        "party": "kulturverein-glasmacherstadt",
        "title": "Plakate und Flyer für unsere Lesereihe",
        "description": (
            "Im Herbst lesen sechs Autorinnen und Autoren aus der Lausitz bei uns. Damit das "
            "jemand mitbekommt, brauchen wir Plakate für die Geschäfte und Flyer für die "
            "Bibliothek. Eine Vorlage haben wir, nur drucken können wir nicht."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "bis Mitte September",
        "public": True,
        "topics": ["Kultur"],
        "competencies": ["Druck und Kopie"],
    },
    {
        "party": "kulturverein-glasmacherstadt",
        "title": "Ton für das Sommerkonzert im Park",
        "description": (
            "Beim Sommerkonzert im Park spielen eine Bigband und ein Kinderchor. Letztes Jahr hat "
            "man hinten nichts gehört. Wir brauchen Lautsprecher, Mikrofone und jemanden, der das "
            "bedienen kann."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "letzter Samstag im August",
        "competencies": ["Veranstaltungstechnik"],
        "topics": ["Kultur", "Musik"],
    },
    {
        "party": "kulturverein-glasmacherstadt",
        "title": "Fotos für die Ausstellung „Glas und Menschen“",
        "description": (
            "Für eine Ausstellung über die letzten Glasmacher brauchten wir gute Porträts. Mit dem "
            "Handy wird das nichts."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "bis zur Eröffnung im Frühjahr",
        "status": "met",
        "competencies": ["Fotografie"],
    },
    # Heimatverein Krauschwitz-Sagar
    {
        "party": "heimatverein-krauschwitz",
        "title": "Hilfe bei Kasse und Steuer",
        "description": (
            "Unsere Kassenwartin ist 81 und möchte die Kasse abgeben. Niemand traut sich an die "
            "Steuer und die Spendenquittungen heran."
        ),
        "kind": "know_how",
        "effort": "long_term",
        "time_frame": "ab sofort",
        "status": "met",
        "remote_ok": True,
        "competencies": ["Buchhaltung"],
    },
    {
        "party": "heimatverein-krauschwitz",
        "title": "Dachrinne an der Heimatstube ist durchgerostet",
        "description": (
            "An der Heimatstube ist die Regenrinne auf der Hofseite durchgerostet, das Wasser "
            "läuft an der Wand herunter und die Wand wird feucht. Im Raum dahinter stehen unsere "
            "alten Webstühle."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "so bald wie möglich",
        "public": True,
    },
    {
        "party": "heimatverein-krauschwitz",
        "title": "Alte Fotos und Chroniken digital sichern",
        "description": (
            "Wir haben Kisten voller Fotos, Zeitungsausschnitte und handgeschriebener Chroniken "
            "aus 100 Jahren. Das wollen wir einscannen und ordentlich ablegen, damit es nicht "
            "verloren geht, wenn wir mal nicht mehr sind."
        ),
        "kind": "know_how",
        "effort": "long_term",
        "time_frame": "im Laufe des Jahres",
        "status": "in_progress",
        "public": True,
        "competencies": ["Digitalisierungsberatung"],
    },
    # Tierschutzverein Muskauer Heide
    {
        "party": "tierschutz-muskauer-heide",
        "title": "Webseite für die Tiervermittlung",
        "description": (
            "Unsere Tiere finden nur ein Zuhause, wenn die Leute sie sehen. Wir brauchten eine "
            "Webseite, auf der wir selbst Tiere mit Foto einstellen können."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "",
        "status": "met",
        "remote_ok": True,
        "competencies": ["Webseiten-Erstellung"],
    },
    {
        "party": "tierschutz-muskauer-heide",
        "title": "Zaun am Hundeauslauf ist kaputt",
        "description": (
            "Der Maschendrahtzaun am Auslauf ist an mehreren Stellen durchgebogen und die Pfosten "
            "wackeln. Zwei Hunde sind schon ausgebüxt. Wir bräuchten jemanden, der schweißen kann "
            "oder neue Pfosten setzt."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "dringend",
        "public": True,
    },
    {
        "party": "tierschutz-muskauer-heide",
        "title": "Futterspenden aus Cottbus abholen",
        "description": (
            "Ein Futterhersteller in Cottbus schenkt uns regelmäßig Paletten mit Futter, wir "
            "müssen es aber selbst holen. Mit unseren Privatautos schaffen wir das nicht."
        ),
        "kind": "transport",
        "effort": "recurring",
        "time_frame": "einmal im Monat",
        "competencies": ["Transporter und Kleinbus"],
    },
    # Förderverein Feuerwehr Gablenz
    {
        "party": "foerderverein-feuerwehr-gablenz",
        "title": "Dach am Anbau des Gerätehauses",
        "description": (
            "Am Anbau, in dem die Jugendfeuerwehr ihre Sachen lagert, sind Dachpappe und Latten "
            "hinüber. Die Gemeinde hat dafür dieses Jahr kein Geld."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "im Frühjahr",
        "status": "in_progress",
        "competencies": ["Dachdeckerei"],
    },
    {
        "party": "foerderverein-feuerwehr-gablenz",
        "title": "Festzelt für das Feuerwehrfest",
        "description": (
            "Zum 125-jährigen Bestehen unserer Wehr erwarten wir 400 Gäste. Unser altes Zelt ist "
            "beim letzten Sturm kaputtgegangen. Wir suchen ein großes Zelt mit Bänken und Tischen "
            "für ein Wochenende im Juni."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "zweites Juniwochenende",
        "public": True,
        "competencies": ["Bühne, Zelte und Festausstattung"],
    },
    {
        "party": "foerderverein-feuerwehr-gablenz",
        "title": "Ausflug der Jugendfeuerwehr",
        "description": (
            "Unsere 22 Kinder der Jugendfeuerwehr wollen ins Feuerwehrmuseum nach Zeithain. Wir "
            "brauchen einen Bus mit Fahrer für einen Samstag."
        ),
        "kind": "transport",
        "effort": "one_off",
        "time_frame": "Herbstferien",
        "competencies": ["Personenbeförderung"],
    },
    # Kirchgemeinde Am Braunsteich
    {
        "party": "kirchgemeinde-am-braunsteich",
        "title": "Heizung im Gemeindesaal wird nicht warm",
        "description": (
            "Die Heizung im Gemeindesaal gluckert und wird nur lauwarm. Beim Seniorenkreis sitzen "
            "alle in Jacken. Ob man die alte Anlage noch retten kann, wissen wir nicht."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "vor der Heizperiode",
        "status": "in_progress",
        "public": True,
    },
    {
        "party": "kirchgemeinde-am-braunsteich",
        "title": "Fahrdienst zum Seniorennachmittag",
        "description": (
            "Einige unserer Älteren schaffen den Weg zum Seniorennachmittag nicht mehr zu Fuß, "
            "zwei sitzen im Rollstuhl. Wer könnte sie alle zwei Wochen abholen und zurückbringen?"
        ),
        "kind": "transport",
        "effort": "recurring",
        "time_frame": "jeden zweiten Mittwoch, 14 bis 17 Uhr",
        "topics": ["Senioren"],
        "competencies": ["Barrierefreier Fahrdienst"],
    },
    {
        "party": "kirchgemeinde-am-braunsteich",
        "title": "Neue Lautsprecher für die Kirche",
        "description": (
            "Die Lautsprecher in der Kirche knacken, und wer hinten sitzt, versteht die Predigt "
            "nicht. Vielleicht gibt es gebrauchte Technik, die noch gut ist."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
        "status": "draft",
    },
    # Kirchspiel Heidedörfer
    {
        "party": "kirchspiel-heidedoerfer",
        "title": "Holzschindeln am Glockenturm fehlen",
        "description": (
            "Am Glockenturm in Groß Düben fehlen nach dem Herbststurm etliche Holzschindeln, es "
            "regnet auf das Gebälk. Jemand mit Erfahrung und einem Hubsteiger wäre ein Segen."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "vor dem Winter",
        "topics": ["Kirche und Glaube", "Heimat- und Regionalgeschichte"],
    },
    {
        "party": "kirchspiel-heidedoerfer",
        "title": "Friedhofshecke schneiden",
        "description": (
            "Die Hecke um den Friedhof ist 300 Meter lang, und unsere Ehrenamtlichen sind alle "
            "über 70. Zweimal im Jahr bräuchten wir kräftige Hilfe und eine Heckenschere mit "
            "Motor."
        ),
        "kind": "time",
        "effort": "recurring",
        "time_frame": "Juni und Oktober",
    },
    # Wendischer Brauchtumsverein Heideland
    {
        "party": "brauchtumsverein-heideland",
        "title": "Fördermittel für neue Trachten",
        "description": (
            "Für die Kindertanzgruppe brauchten wir zwölf neue Trachten. Der Förderantrag war uns "
            "zu kompliziert."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "",
        "status": "met",
        "competencies": ["Fördermittel und Finanzierung"],
    },
    {
        "party": "brauchtumsverein-heideland",
        "title": "Alte Trachten ausbessern",
        "description": (
            "Viele unserer Trachten sind über 50 Jahre alt, Stickereien und Nähte gehen auf. Wir "
            "suchen jemanden mit einer guten Nähmaschine und viel Geduld."
        ),
        "kind": "in_kind",
        "effort": "recurring",
        "time_frame": "vor Ostern",
        "public": True,
        "competencies": ["Raumausstattung und Näherei"],
    },
    {
        "party": "brauchtumsverein-heideland",
        "title": "Fahrt zum Folklorefestival nach Crostwitz",
        "description": (
            "Unsere Tanzgruppe ist zum Folklorefestival eingeladen. Wir sind 25 Leute mit Trachten "
            "in Kleidersäcken und brauchen eine Mitfahrgelegenheit für einen Tag."
        ),
        "kind": "transport",
        "effort": "one_off",
        "time_frame": "Anfang Juli",
    },
    # Kindertanzgruppe Heidewirbel
    {
        "party": "tanzgruppe-heidewirbel",
        "title": "Ballettstange und Spiegel für unseren Übungsraum",
        "description": (
            "Wir dürfen endlich einen Raum im alten Kulturhaus nutzen. Jetzt fehlen eine Stange an "
            "der Wand und große Spiegel, damit die Kinder sich beim Tanzen sehen."
        ),
        "kind": "in_kind",
        "effort": "one_off",
        "time_frame": "bis zu den Sommerferien",
        "status": "in_progress",
        "competencies": ["Tischlerei"],
    },
    {
        "party": "tanzgruppe-heidewirbel",
        "title": "Musikanlage für Auftritte",
        "description": (
            "Bei Auftritten draußen kommt unsere kleine Box nicht gegen den Wind an. Eine robuste "
            "Anlage zum Mitnehmen würde reichen."
        ),
        "kind": "material",
        "effort": "one_off",
        "time_frame": "",
        "competencies": ["Veranstaltungstechnik"],
    },
    # Kraftwerkerchor Boxberg
    {
        "party": "kraftwerkerchor-boxberg",
        "title": "Tontechnik für unsere Konzertreihe",
        "description": "Für eine Konzertreihe in Dorfkirchen brauchten wir Mikrofone und Technik.",
        "kind": "in_kind",
        "effort": "recurring",
        "time_frame": "",
        "status": "withdrawn",
        "competencies": ["Veranstaltungstechnik"],
    },
    {
        "party": "kraftwerkerchor-boxberg",
        "title": "Busfahrt zum Chortreffen nach Bautzen",
        "description": (
            "Wir sind zum Chortreffen eingeladen, aber viele von uns fahren nicht mehr selbst "
            "Auto. Wer bringt 35 Sängerinnen und Sänger nach Bautzen und abends zurück?"
        ),
        "kind": "transport",
        "effort": "one_off",
        "time_frame": "ein Samstag im Mai",
        "public": True,
    },
]
