"""Needs posted by companies: the exchange goes both ways, organisations serve these."""

NEEDS_COMPANIES = [
    {
        "party": "pixelwerk-lausitz",
        "title": "Interkulturelles Training für unser Team",
        "description": (
            "Seit diesem Jahr arbeiten bei uns zwei Entwickler aus Syrien und Indien. Im Alltag "
            "gibt es manchmal Missverständnisse, über die keiner offen spricht. Wir möchten als "
            "Team besser zusammenarbeiten."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "",
        "status": "met",
        "topics": ["Integration und Migration"],
        "competencies": ["Interkulturelles Training"],
    },
    {
        "party": "spedition-mross",
        "title": "Junge Leute für den Beruf Berufskraftfahrer begeistern",
        "description": (
            "Unsere Fahrer gehen in den nächsten Jahren in Rente, und auf unsere Lehrstellen "
            "bewirbt sich kaum jemand. Wir würden gern Jugendlichen zeigen, dass Lkw fahren ein "
            "guter Beruf ist, wissen aber nicht, wie wir sie erreichen."
        ),
        "kind": "contacts",
        "effort": "long_term",
        "time_frame": "vor dem nächsten Ausbildungsjahr",
        "public": True,
        "topics": ["Arbeit und Beschäftigung", "Kinder und Jugend"],
    },
    {
        "party": "pflegedienst-lebensnah",
        "title": "Hilfe bei Konflikten in unserem Pflegeteam",
        "description": (
            "In unserem Team knirscht es seit dem Wechsel der Pflegedienstleitung: Dienstpläne, "
            "Übergaben, der Ton untereinander. Wir suchen jemanden von außen, der mit uns einen "
            "Nachmittag lang moderiert, damit wir wieder miteinander reden."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "in den nächsten zwei Monaten",
        "topics": ["Gesundheit"],
    },
    {
        "party": "autohaus-an-der-heide",
        "title": "Erste Hilfe und Brandschutz für die Werkstatt",
        "description": (
            "In unserer Werkstatt müssen mehr Leute als Ersthelfer und Brandschutzhelfer "
            "ausgebildet sein. Die Kurse in Dresden sind teuer und weit weg."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "bis zur nächsten Begehung",
        "status": "in_progress",
        "topics": ["Freiwillige Feuerwehr und Katastrophenschutz"],
        "competencies": ["Erste-Hilfe-Kurs", "Brandschutzhelfer-Ausbildung"],
    },
    {
        "party": "landhotel-kiefernruh",
        "title": "Programm für Kinder beim Hoffest",
        "description": (
            "Im August feiern wir 30 Jahre Landhotel mit einem Hoffest für Gäste und Nachbarn. Wir "
            "hätten gern eine Tanzgruppe oder einen Chor auf der Bühne und jemanden, der sich um "
            "die Kinder kümmert, während die Eltern essen."
        ),
        "kind": "time",
        "effort": "one_off",
        "time_frame": "Mitte August",
        "public": True,
        "topics": ["Familie", "Kultur"],
    },
    {
        "party": "stadtwerk-muskauer-heide",
        "title": "Sozialer Aktionstag für unsere Azubis",
        "description": (
            "Unsere zwölf Azubis sollen einen Tag lang etwas für die Region tun, draußen und mit "
            "Händen, statt im Seminarraum. Wir übernehmen Material, Verpflegung und Transport."
        ),
        "kind": "time",
        "effort": "one_off",
        "time_frame": "im Frühjahr",
        "competencies": ["Teamtag mit sozialer Wirkung"],
        "topics": ["Umwelt und Naturschutz", "Kinder und Jugend"],
    },
    {
        "party": "lausitzer-buergerbank",
        "title": "Vortrag über Sucht am Arbeitsplatz",
        "description": (
            "Entwurf: Unsere Führungskräfte wünschen sich einen Vortrag zum Thema Sucht."
        ),
        "kind": "know_how",
        "effort": "one_off",
        "time_frame": "",
        "status": "draft",
        "topics": ["Gesundheit"],
    },
    {
        "party": "glasmanufaktur-heideglas",
        "title": "Zugewanderte, die bei uns eine Ausbildung machen möchten",
        "description": (
            "Wir haben drei freie Ausbildungsplätze als Glasmacher und finden niemanden. Wir sind "
            "offen für junge Zugewanderte und würden beim Deutschlernen und bei Behörden "
            "unterstützen, brauchen aber jemanden, der den Kontakt herstellt."
        ),
        "kind": "contacts",
        "effort": "long_term",
        "time_frame": "zum 1. August",
        "public": True,
        "competencies": ["Zugang zu zugewanderten Arbeitskräften"],
        "topics": ["Integration und Migration", "Arbeit und Beschäftigung"],
    },
    {
        "party": "steuerbuero-wendt",
        "title": "Unsere Azubis sollen sehen, wie es anderen geht",
        "description": (
            "Unsere Auszubildenden sitzen den ganzen Tag vor Zahlen. Wir möchten, dass sie ein "
            "paar Tage dort mitarbeiten, wo Menschen Hilfe brauchen, und erleben, wofür Vereine "
            "ihre Steuererklärung eigentlich machen."
        ),
        "kind": "contacts",
        "effort": "one_off",
        "time_frame": "im Herbst",
        "topics": ["Armut und soziale Teilhabe", "Arbeit und Beschäftigung"],
    },
    {
        "party": "wg-heidesiedlung",
        "title": "Streit unter Nachbarn in der Heidesiedlung",
        "description": (
            "In zwei unserer Häuser gibt es seit Monaten Ärger zwischen alten und neuen Mietern: "
            "Lärm, Müll, Missverständnisse. Unsere Hausmeister sind damit überfordert. Wir suchen "
            "jemanden, der zwischen den Leuten vermitteln kann, wenn es geht in mehreren Sprachen."
        ),
        "kind": "know_how",
        "effort": "recurring",
        "time_frame": "ab sofort",
        "public": True,
        "topics": ["Integration und Migration", "Demokratie und Zusammenhalt"],
    },
]
