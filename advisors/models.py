"""The Förderkreis: its advisors' networks and their recommendations.

Advisors know which entrepreneur sits in which chamber, club or association, and who cares
about what. The portal records that knowledge as network ties (a party is in a network),
network memberships (an advisor is in a network, so the Förderkreis reaches the network's
parties) and recommendations (an advisor recommends a party for a need). Matching reads all
three as a signal ("empfohlen von …", "erreichbar über …").
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class NetworkKind(models.TextChoices):
    CRAFTS_CHAMBER = "crafts_chamber", _("Handwerkskammer, Innung oder Kreishandwerkerschaft")
    IHK = "ihk", _("Industrie- und Handelskammer (IHK)")
    EMPLOYERS = "employers", _("Arbeitgeber- oder Unternehmerverband")
    SERVICE_CLUB = "service_club", _("Serviceclub (Rotary, Lions, Round Table …)")
    TOWN = "town", _("Gewerbe- oder Stadtverein")
    ASSOCIATION = "association", _("Sport- oder Kulturverein")
    OTHER = "other", _("anderes Netzwerk")


class Network(models.Model):
    """A circle in which people meet: a chamber, an association, a service club."""

    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=NetworkKind.choices)
    description = models.TextField(_("Beschreibung"), blank=True)
    advisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="NetworkMembership",
        related_name="networks",
        verbose_name=_("Förderkreis-Mitglieder"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("angelegt von"),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_network_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("advisors:network_detail", args=[self.pk])


class NetworkMembership(models.Model):
    """An advisor (or the coordinator) belongs to a network: through them the Förderkreis
    reaches the network's parties."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("Mitglied des Förderkreises"),
    )
    joined_at = models.DateTimeField(_("eingetragen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft im Netzwerk")
        verbose_name_plural = _("Mitgliedschaften in Netzwerken")
        ordering = ["network", "advisor"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "advisor"], name="one_membership_per_network"
            )
        ]

    def __str__(self):
        return f"{self.advisor} – {self.network}"


class NetworkTie(models.Model):
    """A party is known to be in a network (e.g. the roofer is in the Kreishandwerkerschaft)."""

    party = models.ForeignKey(
        "parties.Party",
        on_delete=models.CASCADE,
        related_name="network_ties",
        verbose_name=_("Unternehmen oder Organisation"),
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="ties", verbose_name=_("Netzwerk")
    )
    note = models.CharField(
        _("Notiz"),
        max_length=300,
        blank=True,
        help_text=_("Zum Beispiel: „Inhaber ist Obermeister der Dachdeckerinnung“."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingetragen von"),
    )
    at = models.DateTimeField(_("eingetragen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Verbindung zu einem Netzwerk")
        verbose_name_plural = _("Verbindungen zu Netzwerken")
        ordering = ["network", "party"]
        constraints = [
            models.UniqueConstraint(fields=["party", "network"], name="one_tie_per_party_network")
        ]

    def __str__(self):
        return f"{self.party} – {self.network}"


class RecommendationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class Recommendation(models.Model):
    """An advisor recommends a party for a need, perhaps offering to make the first contact."""

    need = models.ForeignKey(
        "exchange.Need",
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("Bedarf"),
    )
    candidate = models.ForeignKey(
        "parties.Party",
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("empfohlen"),
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("empfohlen von"),
    )
    note = models.TextField(_("Warum"))
    offers_warm_introduction = models.BooleanField(
        _("Ich biete eine warme Vorstellung an"),
        default=False,
        help_text=_("Sie stellen den ersten Kontakt persönlich her."),
    )
    created_at = models.DateTimeField(_("empfohlen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Empfehlung")
        verbose_name_plural = _("Empfehlungen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["need", "candidate", "advisor"], name="one_recommendation_per_advisor"
            )
        ]

    def __str__(self):
        return f"{self.candidate} für „{self.need}“ ({self.advisor})"

    def get_absolute_url(self):
        return reverse("advisors:recommendation_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
