"""Demo data for the gallery: consents and published stories for demo patronships, and open
demo needs on the public board. Called from the demo seed after the patronships exist;
safe to run again (rows are found by patronship, nothing is duplicated).

    from publication.demo import seed_publication
    seed_publication(coordinator=coordinator)
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from exchange.models import Need, NeedStatus
from patronships.models import Patronship

from .caching import public_version_bump
from .models import CONSENT_ITEMS, Consent, ConsentItem, Story, StoryStatus
from .services import story_slug

ALL = dict.fromkeys(CONSENT_ITEMS, True)

STORIES = [
    {
        "sponsor": "steuerbuero-wendt",
        "recipient": "heimatverein-krauschwitz",
        "title": "Ordnung in der Vereinskasse: Steuerbüro Wendt hilft dem Heimatverein",
        "teaser": (
            "Die neue Kassenwartin des Heimatvereins Krauschwitz-Sagar stand vor einem Schuhkarton "
            "voller Belege. Das Steuerbüro Wendt & Partner hat ihr gezeigt, wie es einfacher geht."
        ),
        "text": (
            "Als Gisela Nitschke den Vorsitz des Heimatvereins Krauschwitz-Sagar übernahm, war die "
            "Kasse das größte Sorgenkind: Spendenbescheinigungen von Hand, ein Kassenbuch in drei "
            "Handschriften und eine Steuererklärung, vor der sich alle drückten.\n\n"
            "Seit dem Frühjahr sieht Birgit Wendt vom Steuerbüro Wendt & Partner einmal im Jahr "
            "die Vereinskasse durch und macht die Steuererklärung des Vereins. Vor allem aber hat "
            "sie die neue Kassenwartin an zwei Abenden eingewiesen: Wie führt man ein Kassenbuch, "
            "das jeder versteht? Was gehört auf eine Spendenbescheinigung?\n\n"
            "Der Heimatverein gibt auf seine Art zurück: Das Team des Steuerbüros bekam eine "
            "Führung durch die Heimatstube, und in der Ortschronik erscheint ein Beitrag über "
            "30 Jahre Steuerbüro in der Region."
        ),
        "sponsor_quote": (
            "Für uns sind das ein paar Stunden im Jahr. Für den Verein ist es die Sicherheit, "
            "dass nichts schiefgeht."
        ),
        "sponsor_quote_by": "Birgit Wendt, Steuerberaterin",
        "recipient_quote": (
            "Ich hatte ehrlich Angst vor der Kasse. Jetzt weiß ich, was ich tue – und wen ich "
            "fragen kann."
        ),
        "recipient_quote_by": "Gisela Nitschke, Vorsitzende",
        "days_after_start": 60,
    },
    {
        "sponsor": "pixelwerk-lausitz",
        "recipient": "tierschutz-muskauer-heide",
        "title": "Pixelwerk baut dem Tierheim eine Vermittlungsseite",
        "teaser": (
            "Hunde und Katzen aus Bad Muskau finden jetzt schneller ein Zuhause: Pixelwerk Lausitz "
            "hat für den Tierschutzverein eine Webseite gebaut, die die Ehrenamtlichen selbst "
            "pflegen."
        ),
        "text": (
            "Bisher hingen die Steckbriefe der Tiere an einer Pinnwand im Tierheim und in einer "
            "Facebook-Gruppe, die kaum jemand fand. Der Tierschutzverein Muskauer Heide wünschte "
            "sich eine Seite, auf der Interessierte sehen, wer gerade ein Zuhause sucht.\n\n"
            "Das Team von Pixelwerk Lausitz hat eine schlichte Webseite mit Tierkartei gebaut: "
            "Foto hochladen, ein paar Sätze schreiben, fertig. Hosting und Domain übernimmt "
            "Pixelwerk für zwei Jahre, und drei Ehrenamtliche wurden geschult.\n\n"
            "Im Gegenzug war das Pixelwerk-Team zwei Tage im Tierheim: Zwinger streichen, Gassi "
            "gehen, Futter sortieren. „Der beste Teamtag seit Jahren“, sagen die Entwickler."
        ),
        "sponsor_quote": "Wir konnten etwas bauen, das sofort gebraucht wird. Das motiviert.",
        "sponsor_quote_by": "Felix Rothe, Geschäftsführer",
        "recipient_quote": (
            "Seit die Seite online ist, melden sich doppelt so viele Menschen bei uns."
        ),
        "recipient_quote_by": "Jana Schulz, Vorsitzende",
        "days_after_start": 40,
    },
    {
        "sponsor": "druckhaus-kalauch",
        "recipient": "jsv-heidelaeufer",
        "title": "Urkunden fürs Sportfest: Druckhaus Kalauch und die Heideläufer",
        "teaser": (
            "200 Kinder, 200 Urkunden: Das Druckhaus Kalauch druckt für den JSV Heideläufer "
            "Weißwasser Urkunden, Plakate und Spielpläne – und die Kinder kommen zum Tag der "
            "offenen Tür."
        ),
        "text": (
            "Beim Sportfest des JSV Heideläufer Weißwasser bekommt jedes Kind eine Urkunde. Bisher "
            "bedeutete das: Abende am Vereinsdrucker und ein großes Loch in der Vereinskasse.\n\n"
            "Steffi Kalauch hat nicht lange überlegt. Ihr Druckhaus liefert Urkunden, Plakate und "
            "Spielpläne für Sportfest und Saison, Papier inklusive. Die Gestaltung haben die "
            "Jugendlichen des Vereins selbst entworfen, die Druckerei hat sie druckfertig "
            "gemacht.\n\n"
            "Beim Tag der offenen Tür im Druckhaus kümmern sich die Heideläufer um die Kinder der "
            "Gäste – mit Torwandschießen auf dem Hof."
        ),
        "sponsor_quote": (
            "Wenn ich die stolzen Gesichter mit den Urkunden sehe, hat es sich gelohnt."
        ),
        "sponsor_quote_by": "Steffi Kalauch, Inhaberin",
        "recipient_quote": "Das Geld, das wir sparen, steckt jetzt in neuen Bällen.",
        "recipient_quote_by": "Sandra Lehmann, Vorsitzende und Jugendwartin",
        "days_after_start": 45,
    },
    {
        "sponsor": "landhotel-kiefernruh",
        "recipient": "lebensmittelhilfe-heidebrot",
        "title": "Montags kocht die Lebensmittelhilfe in der Hotelküche",
        "teaser": (
            "Am Ruhetag steht die Küche des Landhotels Kiefernruh nicht still: Die "
            "Lebensmittelhilfe Heidebrot kocht dort jeden Montag einen warmen Mittagstisch."
        ),
        "text": (
            "Die Lebensmittelhilfe Heidebrot verteilt seit Jahren Lebensmittel in Weißwasser. Was "
            "fehlte, war eine Küche, um daraus eine warme Mahlzeit zu machen.\n\n"
            "Ines Kubitz, Inhaberin des Landhotels Kiefernruh in Gablenz, stellt ihre Hotelküche "
            "jeden Montag zur Verfügung, am Ruhetag des Hauses. Der Küchenchef hat die "
            "Ehrenamtlichen eingewiesen, und übrig gebliebene Lebensmittel vom Wochenende landen "
            "nicht mehr im Müll, sondern im Topf.\n\n"
            "Die Azubis des Hotels haben dafür einen Perspektivwechsel-Tag bei der "
            "Lebensmittelhilfe erlebt: morgens mit auf der Abholtour, mittags an der Ausgabe."
        ),
        "sponsor_quote": "Eine Küche, die montags leer steht, ist eine verschenkte Küche.",
        "sponsor_quote_by": "Ines Kubitz, Inhaberin",
        "recipient_quote": "Für viele unserer Gäste ist es die einzige warme Mahlzeit der Woche.",
        "recipient_quote_by": "Renate Urban, Koordinatorin",
        "days_after_start": 90,
        # The Lebensmittelhilfe later withdrew consent to its quote: the page shows one quote.
        "withdrawn": {"recipient": [ConsentItem.QUOTE]},
    },
    {
        "sponsor": "lausitzer-windstrom",
        "recipient": "umweltgruppe-faltenbogen",
        "title": "30 alte Obstsorten für den Faltenbogen",
        "teaser": (
            "Die Lausitzer Windstrom eG und die Umweltgruppe Faltenbogen pflanzen eine "
            "Streuobstwiese – mit Gravensteiner, Kaiser Wilhelm und der Lausitzer Nelkenbirne."
        ),
        "text": (
            "Am Rand des Muskauer Faltenbogens lag eine alte Streuobstwiese brach. Die "
            "Umweltgruppe Faltenbogen wollte sie wiederbeleben, doch Bäume alter Sorten, Pfähle "
            "und Wildschutz kosten mehr, als ein kleiner Verein aufbringen kann.\n\n"
            "Die Lausitzer Windstrom eG aus Spremberg hat 30 Obstbäume alter Sorten, Pfähle, "
            "Wildschutz und Nistkästen gestellt. Gepflanzt wurde gemeinsam: Mitglieder der "
            "Genossenschaft und der Umweltgruppe an einem Samstag im Herbst.\n\n"
            "Einmal im Jahr lädt die Umweltgruppe die Genossenschaft zu einem Pflanz- und "
            "Pflegetag mit Führung durch den Geopark ein."
        ),
        "sponsor_quote": (
            "Unsere Mitglieder wollen sehen, dass Energie aus der Region der Region nützt."
        ),
        "sponsor_quote_by": "Anke Jurisch, Vorständin",
        "recipient_quote": "In zehn Jahren ernten hier Schulklassen Äpfel. Das ist der Plan.",
        "recipient_quote_by": "Lars Wenzel, Vorsitzender",
        "days_after_start": 20,
    },
    {
        "sponsor": "stadtwerk-muskauer-heide",
        "recipient": "foerderverein-grundschule-rietschen",
        "title": "Laptops und eine Energiesparwoche für die Grundschule Rietschen",
        "teaser": (
            "15 aufbereitete Laptops für die Computer-AG und eine Woche, in der Azubis des "
            "Stadtwerks mit Kindern Strom sparen lernen."
        ),
        "text": (
            "Die Computer-AG der Grundschule Am Waldrand in Rietschen teilte sich bisher vier "
            "alte Rechner. Das Stadtwerk Muskauer Heide hat 15 ausgemusterte Laptops aufbereitet, "
            "gelöscht und mit kindgerechter Software eingerichtet.\n\n"
            "Dazu kamen die Azubis des Stadtwerks für eine Energiesparwoche in die Schule: Wie "
            "viel Strom braucht ein Ladegerät, das nur in der Steckdose steckt? Die Kinder haben "
            "gemessen, gerechnet und staunend festgestellt, dass die Schule dabei sparen kann.\n\n"
            "Zurück gibt es Farbe: Die Kinder gestalten den Jahreskalender des Stadtwerks und "
            "besuchen beim Zukunftstag die Azubiwerkstatt."
        ),
        "sponsor_quote": "Unsere Azubis haben dabei mindestens so viel gelernt wie die Kinder.",
        "sponsor_quote_by": "Dirk Lehnigk, Leiter Kommunikation",
        "recipient_quote": "Endlich muss niemand in der AG mehr warten, bis er dran ist.",
        "recipient_quote_by": "Anja Großmann, Vorsitzende des Fördervereins",
        "days_after_start": 50,
    },
    {
        "sponsor": "elektrotechnik-kschischo",
        "recipient": "jugendclub-boxberg",
        "title": "Licht an im Jugendtreff Boxberg",
        "teaser": (
            "Flackernde Röhren, eine Mehrfachsteckdose für alles und kein WLAN: Elektromeisterin "
            "Martina Kschischo hat den Offenen Jugendtreff Boxberg neu verkabelt."
        ),
        "text": (
            "Im Offenen Jugendtreff Boxberg sprang regelmäßig die Sicherung heraus, sobald jemand "
            "den Wasserkocher anmachte. Elektrotechnik Kschischo aus Weißwasser hat eine neue "
            "Unterverteilung gesetzt, Steckdosen verlegt, auf LED-Licht umgestellt und ein "
            "Gäste-WLAN eingerichtet.\n\n"
            "Zwei Jugendliche aus dem Treff durften dabei mit anpacken – und einer von ihnen hat "
            "sich inzwischen um ein Praktikum im Betrieb beworben.\n\n"
            "Im Gegenzug stellt Martina Kschischo den Elektroberuf an einem Azubi-Abend im "
            "Jugendtreff vor."
        ),
        "sponsor_quote": "Handwerk lernt man am besten, wenn man sieht, wofür es gut ist.",
        "sponsor_quote_by": "Martina Kschischo, Elektromeisterin",
        "recipient_quote": "Die Jugendlichen reden seitdem anders über Ausbildung.",
        "recipient_quote_by": "Tina Mrosk, Jugendarbeiterin",
        "days_after_start": 15,
    },
    {
        "sponsor": "kiefern-apotheke",
        "recipient": "seniorentreff-sonnenhof",
        "title": "Beipackzettel verstehen: Sprechstunde der Kiefern-Apotheke im Seniorentreff",
        "teaser": (
            "Einmal im Monat beantwortet eine Apothekerin Fragen zu Medikamenten – mitten im "
            "Seniorentreff, ohne Termin und ohne Wartezimmer."
        ),
        "text": (
            "Viele ältere Menschen nehmen fünf, sechs Medikamente am Tag und verstehen die "
            "Beipackzettel nicht. In der Apotheke fehlt oft die Zeit für lange Gespräche.\n\n"
            "Deshalb kommt Dr. Susanne Hempel von der Kiefern-Apotheke Weißwasser einmal im Monat "
            "in einen Seniorentreff der Stadt. Wer möchte, bringt seine Medikamente mit; gemeinsam "
            "wird geschaut, was wann genommen wird und was sich nicht verträgt.\n\n"
            "Zurück gab es einen Zeitzeugen-Nachmittag: Die Seniorinnen und Senioren erzählten dem "
            "Apothekenteam, wie es in der Apotheke von früher zuging."
        ),
        "sponsor_quote": "Hier haben die Menschen Zeit für ihre Fragen. Und ich auch.",
        "sponsor_quote_by": "Dr. Susanne Hempel, Apothekerin",
        "recipient_quote": "",
        "recipient_quote_by": "",
        "days_after_start": 45,
        # The seniors' meeting place agreed to the story, but not to being named here.
        "consent": {"recipient": {"show_name": False, "show_logo": False}},
    },
    {
        "sponsor": "fotostudio-augenblick",
        "recipient": "kulturverein-glasmacherstadt",
        "title": "Glas und Menschen: Porträts von zwölf Glasmachern",
        "teaser": (
            "Für die Ausstellung „Glas und Menschen“ hat Fotografin Julia Mende zwölf ehemalige "
            "Glasmacher aus Weißwasser porträtiert."
        ),
        "text": (
            "Weißwasser war einmal die Stadt des Glases. Der Kulturverein Glasmacherstadt wollte "
            "in einer Ausstellung die Menschen zeigen, die diese Geschichte geprägt haben – und "
            "brauchte dafür Porträts, die diesen Menschen gerecht werden.\n\n"
            "Julia Mende vom Fotostudio Augenblick Mende hat zwölf ehemalige Glasmacherinnen und "
            "Glasmacher besucht, mit ihnen gesprochen und sie in ihren Wohnungen fotografiert. "
            "Die Abzüge im Format 50 × 70 hat das Studio gedruckt und gerahmt.\n\n"
            "Bei der Eröffnung und im Katalog wurde die Fotografin vorgestellt; seitdem haben sich "
            "mehrere Familien für eigene Porträts bei ihr gemeldet."
        ),
        "sponsor_quote": "Jedes Gesicht erzählt ein Stück Stadtgeschichte.",
        "sponsor_quote_by": "Julia Mende, Fotografin",
        "recipient_quote": "Die Ausstellung hatte mehr Besucher als jede andere zuvor.",
        "recipient_quote_by": "Dr. Frank Lorenz, Vorsitzender",
        "days_after_start": 150,
    },
    {
        "sponsor": "heidebaeckerei-zschornack",
        "recipient": "seniorentreff-sonnenhof",
        "title": "Kuchen für den Sonnenhof – und alte Lausitzer Rezepte zurück",
        "teaser": (
            "Ein Jahr lang brachte die Heidebäckerei Zschornack zweimal im Monat Kuchen zu den "
            "Seniorennachmittagen. Zurück kamen Rezepte, die fast vergessen waren."
        ),
        "text": (
            "Zweimal im Monat trifft man sich in der Seniorenbegegnungsstätte Sonnenhof zum "
            "Kaffeetrinken. Den Kuchen dafür hat ein Jahr lang die Heidebäckerei Zschornack "
            "gebacken: zwei Bleche, jedes Mal eine andere Sorte.\n\n"
            "Das Schönste kam zurück: Die Seniorinnen haben mit den Azubis der Bäckerei alte "
            "Lausitzer Rezepte gebacken – Plinse, Mohnkuchen nach Großmutters Art und einen "
            "Quarkkuchen, den es in der Bäckerei heute wieder zu kaufen gibt."
        ),
        "sponsor_quote": "Unsere Azubis haben von den Damen mehr gelernt als aus jedem Lehrbuch.",
        "sponsor_quote_by": "Sabine Zschornack, Konditormeisterin",
        "recipient_quote": "Der Kuchen war gut. Aber das gemeinsame Backen war besser.",
        "recipient_quote_by": "Erika Jahn, Leiterin",
        "days_after_start": 200,
    },
    {
        "sponsor": "lausitzer-buergerbank",
        "recipient": "brauchtumsverein-heideland",
        "title": "Neue Trachten für die Kindertanzgruppe in Schleife",
        "teaser": (
            "Ein Förderantrag ist für einen kleinen Verein eine große Hürde. Die Lausitzer "
            "Bürgerbank hat dem Wendischen Brauchtumsverein Heideland darüber geholfen."
        ),
        "text": (
            "Die Kindertanzgruppe des Wendischen Brauchtumsvereins Heideland in Schleife ist "
            "gewachsen, die Trachten nicht. Für neue Kindertrachten gibt es Fördermittel – wenn "
            "man einen Antrag mit Finanzplan stellt, den die Förderstelle akzeptiert.\n\n"
            "Ralf Domaschke, Filialleiter der Lausitzer Bürgerbank in Weißwasser, hat sich mit "
            "dem Vorstand mehrmals im Besprechungsraum der Filiale zusammengesetzt: Kostenplan, "
            "Eigenanteil, Zeitplan. Der Antrag wurde bewilligt.\n\n"
            "Beim Empfang zum Genossenschaftstag tanzte die Kindergruppe in ihren neuen Trachten."
        ),
        "sponsor_quote": "Anträge schreiben ist unser Alltag. Für den Verein war es Neuland.",
        "sponsor_quote_by": "Ralf Domaschke, Filialleiter",
        "recipient_quote": "Ohne diese Hilfe hätten wir den Antrag gar nicht erst gestellt.",
        "recipient_quote_by": "Monika Kaulfürst, Vorsitzende",
        "days_after_start": 100,
    },
]

# A story still with the partners (so the coordinator's overview shows every stage).
IN_REVIEW = {
    "sponsor": "heide-baumarkt",
    "recipient": "kita-foerderverein-gablenz",
    "status": "active",
    "title": "Ein Hochbeet für die Kita Kiefernzapfen",
    "teaser": (
        "Im zweiten Jahr ihrer Patenschaft bauen der Heide-Baumarkt Weißwasser und der "
        "Förderverein der Kita Kiefernzapfen ein Hochbeet im Kita-Garten."
    ),
    "text": (
        "Nach Matschküche und Sandspielzeug im ersten Jahr geht es jetzt um Gemüse: Der "
        "Heide-Baumarkt stellt das Material für ein Hochbeet am Gartenhaus, die Eltern bauen es "
        "mit den Kindern auf."
    ),
}

# Open demo needs whose owners agreed to show them on the public board.
PUBLIC_NEEDS = [
    ("jsv-heidelaeufer", "Kleinbus für die Ferienfahrt"),
    ("jsv-heidelaeufer", "Flutlicht am Trainingsplatz fällt immer wieder aus"),
    ("heimatverein-krauschwitz", "Dachrinne an der Heimatstube ist durchgerostet"),
    ("tierschutz-muskauer-heide", "Zaun am Hundeauslauf ist kaputt"),
    ("foerderverein-feuerwehr-gablenz", "Festzelt für das Feuerwehrfest"),
    ("kirchspiel-heidedoerfer", "Holzschindeln am Glockenturm fehlen"),
    ("foerderverein-grundschule-rietschen", "Lesepaten gesucht"),
    ("kita-foerderverein-gablenz", "Gartenhaus-Dach ist undicht"),
    ("lausitzer-jugendwerkstatt", "Praktikumsplätze im Handwerk für unsere Jugendlichen"),
    ("seniorentreff-sonnenhof", "Wer erklärt unseren Senioren das Handy?"),
    ("umweltgruppe-faltenbogen", "Holz für Insektenhotels"),
    ("familienzentrum-regenbogenhaus", "Spielzimmer und Flur brauchen neue Farbe"),
]


@dataclass
class PublicationSeedResult:
    stories: int = 0
    consents: int = 0
    needs_published: int = 0
    missing: list[str] = field(default_factory=list)


def _patronship(sponsor: str, recipient: str, statuses) -> Patronship | None:
    return (
        Patronship.objects.filter(
            sponsor__slug=sponsor, recipient__slug=recipient, status__in=statuses
        )
        .select_related("sponsor", "recipient")
        .order_by("-start_date", "-pk")
        .first()
    )


def _moment(patronship: Patronship, days: int, now: datetime.datetime) -> datetime.datetime:
    start = patronship.start_date or timezone.localdate(now)
    day = start + datetime.timedelta(days=days)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    return min(moment, now - datetime.timedelta(hours=1))


def _consent(patronship, party, values, *, coordinator, result) -> None:
    row, created = Consent.objects.get_or_create(
        patronship=patronship,
        party=party,
        defaults={**values, "changed_by": coordinator, "note": "Einverständniserklärung (Demo)"},
    )
    if created:
        result.consents += 1
        given = [ConsentItem(item).label for item in CONSENT_ITEMS if values[item]]
        audit_record(
            patronship,
            action="publication.consent",
            by=coordinator,
            message=f"{party.name}: Zustimmung erteilt für: {', '.join(map(str, given))}. "
            "Nachweis: Einverständniserklärung (Demo)",
        )


def _withdraw(patronship, party, items, *, coordinator) -> None:
    row = Consent.objects.get(patronship=patronship, party=party)
    still = [item for item in items if getattr(row, item)]
    if not still:
        return
    for item in still:
        setattr(row, item, False)
    row.save()
    audit_record(
        patronship,
        action="publication.consent",
        by=coordinator,
        message=f"{party.name}: Zustimmung zurückgezogen für: "
        f"{', '.join(str(ConsentItem(item).label) for item in still)}.",
    )


@transaction.atomic
def seed_publication(*, coordinator) -> PublicationSeedResult:
    """Consents and published stories for demo patronships, and public demo needs."""
    result = PublicationSeedResult()
    now = timezone.now()
    for spec in STORIES:
        patronship = _patronship(spec["sponsor"], spec["recipient"], ["active", "completed"])
        if patronship is None:
            result.missing.append(f"{spec['sponsor']} → {spec['recipient']}")
            continue
        for side, party in (("sponsor", patronship.sponsor), ("recipient", patronship.recipient)):
            values = {**ALL, **spec.get("consent", {}).get(side, {})}
            _consent(patronship, party, values, coordinator=coordinator, result=result)
        published = _moment(patronship, spec["days_after_start"], now)
        story, created = Story.objects.get_or_create(
            patronship=patronship,
            defaults={
                "status": StoryStatus.PUBLISHED,
                "title": spec["title"],
                "slug": story_slug(spec["title"]),
                "teaser": spec["teaser"],
                "text": spec["text"],
                "sponsor_gave": patronship.sponsor_gives,
                "recipient_gave": patronship.recipient_gives,
                "sponsor_quote": spec["sponsor_quote"],
                "sponsor_quote_by": spec["sponsor_quote_by"],
                "recipient_quote": spec["recipient_quote"],
                "recipient_quote_by": spec["recipient_quote_by"],
                "sponsor_approved_at": published - datetime.timedelta(days=3),
                "recipient_approved_at": published - datetime.timedelta(days=2),
                "consent_requested_at": published - datetime.timedelta(days=14),
                "published_at": published,
                "first_published_at": published,
                "published_by": coordinator,
                "created_by": coordinator,
            },
        )
        if created:
            result.stories += 1
            audit_record(
                patronship,
                action="publication.story_published",
                by=coordinator,
                message=f"Geschichte veröffentlicht: {story.title}",
            )
        for side, items in spec.get("withdrawn", {}).items():
            _withdraw(patronship, getattr(patronship, side), items, coordinator=coordinator)

    patronship = _patronship(IN_REVIEW["sponsor"], IN_REVIEW["recipient"], [IN_REVIEW["status"]])
    if patronship is not None:
        _consent(patronship, patronship.sponsor, ALL, coordinator=coordinator, result=result)
        Story.objects.get_or_create(
            patronship=patronship,
            defaults={
                "status": StoryStatus.REVIEW,
                "title": IN_REVIEW["title"],
                "slug": story_slug(IN_REVIEW["title"]),
                "teaser": IN_REVIEW["teaser"],
                "text": IN_REVIEW["text"],
                "sponsor_gave": patronship.sponsor_gives,
                "recipient_gave": patronship.recipient_gives,
                "sponsor_approved_at": now - datetime.timedelta(days=1),
                "consent_requested_at": now - datetime.timedelta(days=5),
                "created_by": coordinator,
            },
        )

    for party_slug, title in PUBLIC_NEEDS:
        result.needs_published += Need.objects.filter(
            party__slug=party_slug, title=title, status=NeedStatus.OPEN, publish_publicly=False
        ).update(publish_publicly=True)
    public_version_bump()
    return result
