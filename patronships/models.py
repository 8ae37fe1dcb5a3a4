from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PatronshipStatus(models.TextChoices):
    PROPOSED = "proposed", _("vorgeschlagen")
    AGREED = "agreed", _("vereinbart")
    ACTIVE = "active", _("aktiv")
    COMPLETED = "completed", _("abgeschlossen")
    DECLINED = "declined", _("nicht zustande gekommen")
    ENDED_EARLY = "ended_early", _("vorzeitig beendet")
    RENEWED = "renewed", _("verlängert")


# The lifecycle: which status may follow which. `renewed` closes a period whose
# partnership goes on in a new Patronship row (linked through `previous`).
ALLOWED_TRANSITIONS = {
    PatronshipStatus.PROPOSED: {PatronshipStatus.AGREED, PatronshipStatus.DECLINED},
    PatronshipStatus.AGREED: {PatronshipStatus.ACTIVE, PatronshipStatus.ENDED_EARLY},
    PatronshipStatus.ACTIVE: {
        PatronshipStatus.COMPLETED,
        PatronshipStatus.ENDED_EARLY,
        PatronshipStatus.RENEWED,
    },
    PatronshipStatus.COMPLETED: {PatronshipStatus.RENEWED},
    PatronshipStatus.DECLINED: set(),
    PatronshipStatus.ENDED_EARLY: set(),
    PatronshipStatus.RENEWED: set(),
}

RUNNING_STATUSES = (PatronshipStatus.AGREED, PatronshipStatus.ACTIVE)
# Patronships whose story may be told (see the publication app).
PUBLISHABLE_STATUSES = (
    PatronshipStatus.AGREED,
    PatronshipStatus.ACTIVE,
    PatronshipStatus.COMPLETED,
    PatronshipStatus.RENEWED,
)
CLOSED_STATUSES = (
    PatronshipStatus.COMPLETED,
    PatronshipStatus.DECLINED,
    PatronshipStatus.ENDED_EARLY,
    PatronshipStatus.RENEWED,
)

SIDE_SPONSOR = "sponsor"
SIDE_RECIPIENT = "recipient"


class PatronshipQuerySet(models.QuerySet):
    def running(self):
        """Agreed or active: these count against a party's capacity."""
        return self.filter(status__in=RUNNING_STATUSES)

    def involving(self, party):
        return self.filter(models.Q(sponsor=party) | models.Q(recipient=party))


class Patronship(models.Model):
    """A long-term agreement: the sponsor gives, the recipient receives (and gives back)."""

    sponsor = models.ForeignKey(
        "parties.Party",
        on_delete=models.PROTECT,
        related_name="sponsored_patronships",
        verbose_name=_("Pate"),
    )
    recipient = models.ForeignKey(
        "parties.Party",
        on_delete=models.PROTECT,
        related_name="received_patronships",
        verbose_name=_("Partner"),
    )
    need = models.ForeignKey(
        "exchange.Need",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="patronships",
        verbose_name=_("Bedarf"),
    )
    previous = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewal",
        verbose_name=_("vorherige Laufzeit"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=PatronshipStatus.choices,
        default=PatronshipStatus.PROPOSED,
    )
    sponsor_gives = models.TextField(_("Das gibt der Pate"), blank=True)
    recipient_gives = models.TextField(_("Das gibt der Partner zurück"), blank=True)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    checkin_interval_days = models.PositiveSmallIntegerField(
        _("Zwischengespräch alle … Tage"), default=90
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="patronships", verbose_name=_("Themen")
    )
    sponsor_contact = models.ForeignKey(
        "parties.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Ansprechperson des Paten"),
    )
    recipient_contact = models.ForeignKey(
        "parties.ContactPerson",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Ansprechperson des Partners"),
    )
    agreed_at = models.DateTimeField(_("vereinbart am"), null=True, blank=True)
    ended_on = models.DateField(_("tatsächlich beendet am"), null=True, blank=True)
    renewal_offered_at = models.DateTimeField(_("Verlängerung angeboten am"), null=True, blank=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_patronships",
        verbose_name=_("Koordination"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PatronshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Patenschaft")
        verbose_name_plural = _("Patenschaften")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(sponsor=models.F("recipient")),
                name="patronship_between_two_parties",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="patronship_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title or f"{self.sponsor} → {self.recipient}"

    def can_move_to(self, status: str) -> bool:
        return status in ALLOWED_TRANSITIONS[PatronshipStatus(self.status)]

    def side_of(self, party_id: int) -> str | None:
        if party_id == self.sponsor_id:
            return SIDE_SPONSOR
        if party_id == self.recipient_id:
            return SIDE_RECIPIENT
        return None

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING_STATUSES


class PatronshipTransition(models.Model):
    """One step in a patronship's lifecycle: who moved it, when, and why."""

    patronship = models.ForeignKey(Patronship, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=PatronshipStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PatronshipStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(_("Begründung"), blank=True)

    class Meta:
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statuswechsel")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.patronship}: {self.from_status or '–'} → {self.to_status}"


class IntroductionStatus(models.TextChoices):
    WAITING = "waiting", _("wartet auf Antwort")
    ACCEPTED = "accepted", _("von beiden angenommen")
    DECLINED = "declined", _("abgelehnt")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", _("angenommen")
    DECLINED = "declined", _("abgelehnt")


class IntroductionSource(models.TextChoices):
    SUGGESTION = "suggestion", _("Vorschlag des Matchings")
    INTEREST = "interest", _("Interessenbekundung")
    RECOMMENDATION = "recommendation", _("Empfehlung aus dem Förderkreis")
    DIRECT = "direct", _("direkt von der Koordination")


class IntroductionQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=IntroductionStatus.WAITING)

    def involving(self, party):
        return self.filter(
            models.Q(patronship__sponsor=party) | models.Q(patronship__recipient=party)
        )


class Introduction(models.Model):
    """The coordinator puts two parties in touch. Each side accepts or declines; contact
    details are shown to each side only once both have accepted."""

    patronship = models.OneToOneField(
        Patronship, on_delete=models.CASCADE, related_name="introduction"
    )
    source = models.CharField(
        _("Anlass"),
        max_length=20,
        choices=IntroductionSource.choices,
        default=IntroductionSource.DIRECT,
    )
    interest = models.ForeignKey(
        "exchange.Interest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="introductions",
    )
    message = models.TextField(_("Nachricht an beide"), blank=True)
    status = models.CharField(
        _("Status"),
        max_length=12,
        choices=IntroductionStatus.choices,
        default=IntroductionStatus.WAITING,
    )
    sponsor_answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    sponsor_reason = models.TextField(_("Begründung des Paten"), blank=True)
    sponsor_answered_at = models.DateTimeField(null=True, blank=True)
    sponsor_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient_answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    recipient_reason = models.TextField(_("Begründung des Partners"), blank=True)
    recipient_answered_at = models.DateTimeField(null=True, blank=True)
    recipient_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField(_("vorgeschlagen am"), auto_now_add=True)
    reminders_sent = models.PositiveSmallIntegerField(_("Erinnerungen"), default=0)
    last_reminded_at = models.DateTimeField(_("zuletzt erinnert"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("an die Koordination eskaliert"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = IntroductionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Vorstellung")
        verbose_name_plural = _("Vorstellungen")
        ordering = ["-proposed_at"]
        indexes = [models.Index(fields=["status", "proposed_at"])]

    def __str__(self):
        return _("Vorstellung: %(sponsor)s und %(recipient)s") % {
            "sponsor": self.patronship.sponsor,
            "recipient": self.patronship.recipient,
        }

    def answer_of(self, side: str) -> str:
        return getattr(self, f"{side}_answer")

    @property
    def contacts_revealed(self) -> bool:
        """Contact details are shared only when both sides said yes."""
        return self.status == IntroductionStatus.ACCEPTED


class CheckIn(models.Model):
    """A scheduled follow-up conversation during a patronship (Zwischengespräch)."""

    patronship = models.ForeignKey(Patronship, on_delete=models.CASCADE, related_name="checkins")
    due_on = models.DateField(_("fällig am"), db_index=True)
    reminded_at = models.DateTimeField(_("erinnert am"), null=True, blank=True)
    done_at = models.DateTimeField(_("geführt am"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.TextField(_("Ergebnis"), blank=True)

    class Meta:
        verbose_name = _("Zwischengespräch")
        verbose_name_plural = _("Zwischengespräche")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"{self.patronship}: {self.due_on:%d.%m.%Y}"


class Note(models.Model):
    """A note on a patronship. Internal notes are for the coordinator and Förderkreis only."""

    patronship = models.ForeignKey(Patronship, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("Notiz"), max_length=5000)
    is_internal = models.BooleanField(
        _("nur für Koordination und Förderkreis"),
        default=True,
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Notiz")
        verbose_name_plural = _("Notizen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text[:60]


class Direction(models.TextChoices):
    TO_RECIPIENT = "to_recipient", _("vom Paten an den Partner")
    TO_SPONSOR = "to_sponsor", _("vom Partner an den Paten")


class Contribution(models.Model):
    """What was given, in hours, in-kind value or words. Either partner adds entries; the
    coordinator confirms them before they count in reports."""

    patronship = models.ForeignKey(
        Patronship, on_delete=models.CASCADE, related_name="contributions"
    )
    direction = models.CharField(_("Richtung"), max_length=15, choices=Direction.choices)
    given_on = models.DateField(_("Datum"))
    hours = models.DecimalField(_("Stunden"), max_digits=6, decimal_places=1, null=True, blank=True)
    value_eur = models.DecimalField(
        _("Sachwert in Euro"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    description = models.CharField(_("Was wurde gegeben?"), max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__isnull=True) | models.Q(hours__gte=0),
                name="contribution_hours_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(value_eur__isnull=True) | models.Q(value_eur__gte=0),
                name="contribution_value_not_negative",
            ),
        ]

    def __str__(self):
        return self.description


class Milestone(models.Model):
    patronship = models.ForeignKey(Patronship, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("Meilenstein"), max_length=200)
    planned_on = models.DateField(_("geplant für"), null=True, blank=True)
    reached_on = models.DateField(_("erreicht am"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = [models.F("planned_on").asc(nulls_last=True), "pk"]

    def __str__(self):
        return self.title


class WouldAgain(models.TextChoices):
    YES = "yes", _("ja")
    MAYBE = "maybe", _("vielleicht")
    NO = "no", _("nein")


class ClosingReview(models.Model):
    """Each partner's look back when a patronship ends."""

    patronship = models.ForeignKey(
        Patronship, on_delete=models.CASCADE, related_name="closing_reviews"
    )
    party = models.ForeignKey("parties.Party", on_delete=models.CASCADE, related_name="+")
    what_worked = models.TextField(_("Was hat gut funktioniert?"), max_length=3000)
    what_to_improve = models.TextField(
        _("Was würden Sie beim nächsten Mal anders machen?"), max_length=3000, blank=True
    )
    would_again = models.CharField(
        _("Würden Sie es wieder tun?"), max_length=5, choices=WouldAgain.choices
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Abschlussrückblick")
        verbose_name_plural = _("Abschlussrückblicke")
        constraints = [
            models.UniqueConstraint(fields=["patronship", "party"], name="one_review_per_party")
        ]

    def __str__(self):
        return f"{self.patronship} – {self.party}"
