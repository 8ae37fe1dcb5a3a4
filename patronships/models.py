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
