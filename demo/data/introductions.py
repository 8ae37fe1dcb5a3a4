"""How the demo patronships were introduced, keyed by patronship title.

Every patronship that started as a proposal (not the follow-up periods of a renewal: those
partners knew each other already) gets an introduction. Without an entry here both sides
accepted within a few days. An entry may set the `source` ("suggestion", "interest",
"recommendation", "direct"), the coordinator's `message` to both, and each side's answer as
`(answer, days after the proposal, reason)`; `None` means no answer yet. An introduction whose
patronship is still proposed and lacks an answer is waiting: the seed reminds and escalates it
by the programme's settings, as the daily task would have done.
"""

DEFAULT_MESSAGE = (
    "Ich glaube, Sie passen gut zusammen. Wenn beide Seiten zustimmen, melde ich mich für ein "
    "erstes Gespräch; gern moderiere ich es bei Ihnen vor Ort."
)

INTRODUCTIONS = {
    # --- waiting for answers -------------------------------------------------------------------
    "Mehrsprachige Terminseite für den Deutsch-Treff": {
        "source": "direct",
        "message": (
            "Beim Interkulturellen Training kam die Idee auf, dass Pixelwerk dem Netzwerk auch "
            "eine Terminseite baut. Ich bringe Sie dazu gern noch einmal eigens zusammen."
        ),
        "sponsor": None,
        "recipient": None,
    },
    "Mit dem Liftbus zu den Turnieren": {
        "source": "recommendation",
        "message": (
            "Herr Domke aus dem Förderkreis hat Neißetal-Reisen empfohlen: Der Liftbus steht an "
            "den Turnierwochenenden meist im Hof."
        ),
        "sponsor": ("accepted", 1, "Gern. Wir schauen, welche Wochenenden der Liftbus frei ist."),
        "recipient": None,
    },
    "Buchhaltung für den Hospizverein": {
        "message": (
            "Der Hospizverein sucht Hilfe beim Neuaufsetzen der Buchhaltung; das Steuerbüro "
            "Wendt hat mit dem Heimatverein Krauschwitz schon gute Erfahrungen gemacht."
        ),
        "sponsor": None,
        "recipient": ("accepted", 1, "Sehr gern, unsere Kassenwartin freut sich."),
    },
    "Die Heizung im Gemeindesaal wieder warm bekommen": {
        "message": (
            "Die Heizung im Gemeindesaal wird nur lauwarm, der Seniorenkreis sitzt in Jacken. "
            "Herr Pohl, könnten Sie sich die Anlage einmal ansehen?"
        ),
        "sponsor": None,
        "recipient": ("accepted", 2, "Gern, und möglichst bald: Der Winter kommt."),
    },
    "Die Chronik des Heimatvereins wird digital": {
        "message": (
            "Frau Mende, nach den Porträts für den Kulturverein fiel mir gleich Ihr Studio ein: "
            "Der Heimatverein hat Kisten voller Fotos und Chroniken aus 100 Jahren."
        ),
        "sponsor": None,
        "recipient": None,
    },
    "Ein dichtes Dach für die Umkleide der Heideläufer": {
        "message": (
            "Bei den Heideläufern tropft es in die Umkleide der Kinder. Herr Noack, Sie sind "
            "gleich um die Ecke: Schauen Sie sich das Dach vor dem Winter einmal an?"
        ),
        "sponsor": None,
        "recipient": None,
    },
    # --- accepted by both, the first meeting is being arranged ---------------------------------
    "Ballettstange und Spiegelwand für die Heidewirbel": {
        "source": "interest",
        "sponsor": ("accepted", 1, ""),
        "recipient": ("accepted", 3, "Wir freuen uns! Dienstags und donnerstags ab 16 Uhr."),
    },
    "Ersthelfer und Brandschutzhelfer für das Autohaus": {
        "sponsor": ("accepted", 1, "Machen wir gern, der nächste Lehrgang ist im Januar."),
        "recipient": ("accepted", 2, ""),
    },
    # --- did not come about --------------------------------------------------------------------
    "Kühlfahrzeug für die Abholtour": {
        "sponsor": (
            "declined",
            10,
            "Wir brauchen den Kühltransporter im Winter selbst; zwei feste Vormittage pro Woche "
            "schaffen wir nicht.",
        ),
        "recipient": ("accepted", 1, ""),
    },
    # Both said yes; the first meeting showed that they wanted different things.
    "Fahrstunden für Jugendliche der Jugendwerkstatt": {
        "sponsor": ("accepted", 2, ""),
        "recipient": ("accepted", 1, ""),
    },
}
