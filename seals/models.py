import datetime
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_seal_code() -> str:
    # 24 random bytes: 192 bits, far beyond enumeration; URL-safe for the verification link.
    return secrets.token_urlsafe(24)


# What a code can look like: URL-safe base64 of 16 to 48 random bytes. Anything else is
# refused before the database is asked.
CODE_PATTERN = re.compile(r"[A-Za-z0-9_-]{22,64}")


def is_well_formed_code(code: str) -> bool:
    return bool(CODE_PATTERN.fullmatch(code))


class SealState(models.TextChoices):
    VALID = "valid", _("gültig")
    NOT_YET_VALID = "not_yet_valid", _("noch nicht gültig")
    EXPIRED = "expired", _("abgelaufen")
    REVOKED = "revoked", _("widerrufen")


class SealQuerySet(models.QuerySet):
    def revoked(self):
        return self.filter(revoked_at__isnull=False)

    def not_revoked(self):
        return self.filter(revoked_at__isnull=True)

    def valid_on(self, day: datetime.date):
        return self.not_revoked().filter(valid_from__lte=day, valid_until__gte=day)

    def expired_on(self, day: datetime.date):
        return self.not_revoked().filter(valid_until__lt=day)

    def not_yet_valid_on(self, day: datetime.date):
        return self.not_revoked().filter(valid_from__gt=day)

    def in_state(self, state: str, day: datetime.date):
        """Seals whose `state_on(day)` is `state`, in SQL."""
        return {
            SealState.VALID: self.valid_on,
            SealState.EXPIRED: self.expired_on,
            SealState.NOT_YET_VALID: self.not_yet_valid_on,
            SealState.REVOKED: lambda _day: self.revoked(),
        }[SealState(state)](day)

    def expiring_between(self, first: datetime.date, last: datetime.date):
        return self.not_revoked().filter(valid_until__gte=first, valid_until__lte=last)


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
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("widerrufen von"),
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ausgestellt von"),
    )
    expiry_reminded_at = models.DateTimeField(
        _("an den Ablauf erinnert am"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("ausgestellt am"), auto_now_add=True)

    objects = SealQuerySet.as_manager()

    class Meta:
        verbose_name = _("Siegel")
        verbose_name_plural = _("Siegel")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="seal_valid_until_after_from",
            ),
            # One standing seal per partner and patronship; after a revocation the
            # coordinator may issue a new one.
            models.UniqueConstraint(
                fields=["holder", "patronship"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_standing_seal_per_holder_and_patronship",
            ),
        ]
        indexes = [models.Index(fields=["valid_until"])]

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

    @property
    def state(self) -> SealState:
        """The state today."""
        return self.state_on(timezone.localdate())

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.state_on(day) == SealState.VALID
