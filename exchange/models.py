"""Needs and offers: what parties are looking for and what they can give.

Either side may own either: organisations mostly post needs and companies mostly offer,
but a company can need a conflict-resolution workshop and a club can offer a dance group.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferKind(models.TextChoices):
    SERVICE = "service", _("Dienstleistung / Know-how")
    ROOM = "room", _("Raum")
    VEHICLE = "vehicle", _("Fahrzeug")
    EQUIPMENT = "equipment", _("Ausstattung / Geräte")
    STAFF_TIME = "staff_time", _("Arbeitszeit von Mitarbeitenden")
    MATERIAL = "material", _("Material / Sachspende")
    CONTACTS = "contacts", _("Kontakte")


class NeedKind(models.TextChoices):
    KNOW_HOW = "know_how", _("Know-how / Beratung")
    IN_KIND = "in_kind", _("Sachleistung")
    ROOM = "room", _("Raum")
    TRANSPORT = "transport", _("Transport")
    TIME = "time", _("Zeit / helfende Hände")
    CONTACTS = "contacts", _("Kontakte")
    MATERIAL = "material", _("Material")


# Which offer kinds can serve a need of a given kind (used by matching and by forms' help).
OFFER_KINDS_FOR_NEED = {
    NeedKind.KNOW_HOW: {OfferKind.SERVICE, OfferKind.STAFF_TIME},
    NeedKind.IN_KIND: {OfferKind.SERVICE, OfferKind.MATERIAL, OfferKind.EQUIPMENT},
    NeedKind.ROOM: {OfferKind.ROOM},
    NeedKind.TRANSPORT: {OfferKind.VEHICLE},
    NeedKind.TIME: {OfferKind.STAFF_TIME},
    NeedKind.CONTACTS: {OfferKind.CONTACTS},
    NeedKind.MATERIAL: {OfferKind.MATERIAL, OfferKind.EQUIPMENT},
}


class Effort(models.TextChoices):
    ONE_OFF = "one_off", _("einmalig")
    RECURRING = "recurring", _("wiederkehrend")
    LONG_TERM = "long_term", _("langfristig")


class NeedStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    OPEN = "open", _("offen")
    IN_PROGRESS = "in_progress", _("in Vermittlung")
    MET = "met", _("erfüllt")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class OfferQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Offer(models.Model):
    party = models.ForeignKey(
        "parties.Party", on_delete=models.CASCADE, related_name="offers", verbose_name=_("von")
    )
    kind = models.CharField(_("Art"), max_length=20, choices=OfferKind.choices)
    title = models.CharField(_("Titel"), max_length=200)
    ref = models.CharField(_("externe Kennung"), max_length=100, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    capacity = models.CharField(
        _("Umfang"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel „8 Stunden im Monat“ oder „nur am Wochenende“."),
    )
    competencies = models.ManyToManyField(
        "taxonomy.Competency", related_name="offers", blank=True, verbose_name=_("Kompetenzen")
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        ordering = ["party__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["ref"], condition=~models.Q(ref=""), name="unique_offer_ref"
            )
        ]

    def __str__(self):
        return self.title


class NeedQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=NeedStatus.OPEN)

    def visible_to_parties(self):
        """Open needs of approved parties: what logged-in parties may browse."""
        return self.open().filter(party__status="approved")

    def published(self):
        """Open needs whose owner agreed to show them on the public board."""
        return self.visible_to_parties().filter(publish_publicly=True)


class Need(models.Model):
    party = models.ForeignKey(
        "parties.Party", on_delete=models.CASCADE, related_name="needs", verbose_name=_("von")
    )
    title = models.CharField(_("Titel"), max_length=200)
    ref = models.CharField(_("externe Kennung"), max_length=100, blank=True)
    description = models.TextField(
        _("Beschreibung"), help_text=_("Beschreiben Sie in Ihren eigenen Worten, was fehlt.")
    )
    kind = models.CharField(_("Art"), max_length=20, choices=NeedKind.choices)
    competencies = models.ManyToManyField(
        "taxonomy.Competency",
        related_name="needs",
        blank=True,
        verbose_name=_("gesuchte Kompetenzen"),
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic", related_name="needs", blank=True, verbose_name=_("Themen")
    )
    effort = models.CharField(
        _("Aufwand"), max_length=20, choices=Effort.choices, default=Effort.ONE_OFF
    )
    time_frame = models.CharField(
        _("Zeitraum"), max_length=200, blank=True, help_text=_("Zum Beispiel „bis Ostern“.")
    )
    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("Ort"),
    )
    remote_ok = models.BooleanField(_("auch aus der Ferne möglich"), default=False)
    status = models.CharField(
        _("Status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.DRAFT
    )
    publish_publicly = models.BooleanField(
        _("öffentlich zeigen"),
        default=False,
        help_text=_("Der Bedarf erscheint auf der öffentlichen Seite der offenen Bedarfe."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = NeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["ref"], condition=~models.Q(ref=""), name="unique_need_ref"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == NeedStatus.OPEN


class NeedChange(models.Model):
    """One edit of a need: who changed which fields, when (the coordinator refines needs)."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="changes")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    fields = models.JSONField(
        default=dict, help_text=_("Geänderte Felder mit altem und neuem Wert.")
    )

    class Meta:
        verbose_name = _("Änderung eines Bedarfs")
        verbose_name_plural = _("Änderungen von Bedarfen")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.need} ({self.at:%Y-%m-%d %H:%M})"


class InterestStatus(models.TextChoices):
    NEW = "new", _("neu")
    SEEN = "seen", _("gesehen")
    INTRODUCED = "introduced", _("vorgestellt")
    DECLINED = "declined", _("nicht weiterverfolgt")


class InterestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=[InterestStatus.NEW, InterestStatus.SEEN])


class Interest(models.Model):
    """ "Wir könnten helfen": a party offers to help with a need. The coordinator follows up."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="interests")
    party = models.ForeignKey(
        "parties.Party", on_delete=models.CASCADE, related_name="interests", verbose_name=_("von")
    )
    message = models.TextField(_("Nachricht"), max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=InterestStatus.choices, default=InterestStatus.NEW
    )
    created_at = models.DateTimeField(_("am"), auto_now_add=True)

    objects = InterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("Interessenbekundung")
        verbose_name_plural = _("Interessenbekundungen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["need", "party"], name="one_interest_per_party")
        ]

    def __str__(self):
        return f"{self.party} → {self.need}"
