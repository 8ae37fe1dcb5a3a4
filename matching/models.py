from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Band(models.TextChoices):
    STRONG = "strong", _("passt gut")
    POSSIBLE = "possible", _("passt vielleicht")
    WEAK = "weak", _("passt kaum")


class SuggestionQuerySet(models.QuerySet):
    def for_display(self):
        return self.select_related("candidate", "candidate__municipality").order_by("rank")


class Suggestion(models.Model):
    """A ranked candidate for a need, as the engine computed it, with its explanation."""

    need = models.ForeignKey("exchange.Need", on_delete=models.CASCADE, related_name="suggestions")
    candidate = models.ForeignKey(
        "parties.Party", on_delete=models.CASCADE, related_name="suggestions"
    )
    rank = models.PositiveSmallIntegerField(_("Rang"))
    score = models.PositiveSmallIntegerField(_("Punkte"))
    band = models.CharField(_("Einschätzung"), max_length=10, choices=Band.choices)
    reasons = models.JSONField(_("Gründe"), default=list)
    concerns = models.JSONField(_("Bedenken"), default=list)
    signals = models.JSONField(default=dict)
    shortlisted = models.BooleanField(_("vorgemerkt"), default=False)
    computed_at = models.DateTimeField(_("berechnet am"))

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Vorschlag")
        verbose_name_plural = _("Vorschläge")
        ordering = ["need", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["need", "candidate"], name="one_suggestion_per_pair")
        ]
        indexes = [models.Index(fields=["candidate", "band"])]

    def __str__(self):
        return f"{self.need} ← {self.candidate} ({self.score})"


class PairDecision(models.Model):
    """The coordinator's or a party's word on a pair: excluded for good, or declined once."""

    class Kind(models.TextChoices):
        EXCLUDED = "excluded", _("ausgeschlossen")
        DECLINED = "declined", _("abgelehnt")

    need = models.ForeignKey(
        "exchange.Need",
        on_delete=models.CASCADE,
        related_name="pair_decisions",
        null=True,
        blank=True,
    )
    owner = models.ForeignKey("parties.Party", on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey("parties.Party", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.CharField(_("Grund"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Entscheidung zu einem Paar")
        verbose_name_plural = _("Entscheidungen zu Paaren")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.owner} / {self.candidate}"


class MatchingWeights(models.Model):
    """The coordinator's overrides of the engine's default weights (a single row)."""

    overrides = models.JSONField(default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Gewichtung des Matchings")
        verbose_name_plural = _("Gewichtung des Matchings")

    def __str__(self):
        return "Gewichtung"

    @classmethod
    def current(cls) -> dict:
        row = cls.objects.order_by("pk").first()
        return dict(row.overrides) if row else {}
