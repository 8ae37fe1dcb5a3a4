import datetime
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_seal_code() -> str:
    # 24 random bytes: 192 bits, far beyond enumeration; URL-safe for the verification link.
    return secrets.token_urlsafe(24)


class SealState(models.TextChoices):
    VALID = "valid", _("gültig")
    NOT_YET_VALID = "not_yet_valid", _("noch nicht gültig")
    EXPIRED = "expired", _("abgelaufen")
    REVOKED = "revoked", _("widerrufen")


class Seal(models.Model):
    """The "Lausitzer Sozialpate" seal of one partner, valid for the patronship's duration."""

    code = models.CharField(max_length=64, unique=True, default=new_seal_code, editable=False)
    holder = models.ForeignKey(
        "parties.Party", on_delete=models.PROTECT, related_name="seals", verbose_name=_("Inhaber")
    )
    patronship = models.ForeignKey(
        "patronships.Patronship",
        on_delete=models.PROTECT,
        related_name="seals",
        verbose_name=_("Patenschaft"),
    )
    valid_from = models.DateField(_("gültig ab"))
    valid_until = models.DateField(_("gültig bis"))
    revoked_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True)
    revoked_reason = models.TextField(_("Grund des Widerrufs"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Siegel")
        verbose_name_plural = _("Siegel")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="seal_valid_until_after_from",
            )
        ]

    def __str__(self):
        return f"{self.holder} {self.valid_from.year}"

    @property
    def year(self) -> int:
        return self.valid_from.year

    def state_on(self, day: datetime.date) -> SealState:
        if self.revoked_at is not None:
            return SealState.REVOKED
        if day < self.valid_from:
            return SealState.NOT_YET_VALID
        if day > self.valid_until:
            return SealState.EXPIRED
        return SealState.VALID

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.state_on(day) == SealState.VALID
