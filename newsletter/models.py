"""The newsletter: subscribers (double opt-in), issues composed from blocks, and one
delivery row per issue and subscriber.

The delivery row is what makes sending safe: it is unique per issue and subscriber (and per
issue and address), a worker claims it before sending and marks it after, each in one
conditional UPDATE, so no address gets an issue twice, however often a task runs.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Segment(models.TextChoices):
    """Who a subscriber reads as; an issue goes to one or more segments."""

    COMPANIES = "companies", _("Unternehmen")
    ORGANISATIONS = "organisations", _("soziale Organisationen und Initiativen")
    FOERDERKREIS = "foerderkreis", _("Förderkreis")
    PUBLIC = "public", _("interessierte Öffentlichkeit")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("wartet auf Bestätigung")
    CONFIRMED = "confirmed", _("angemeldet")
    UNSUBSCRIBED = "unsubscribed", _("abgemeldet")


def new_confirm_key() -> str:
    return secrets.token_urlsafe(16)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)


class Subscriber(models.Model):
    """Someone who asked for the newsletter. Receives issues only once confirmed (double
    opt-in); what they consented to and when is kept as proof."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    name = models.CharField(_("Name"), max_length=150, blank=True)
    segment = models.CharField(
        _("Ich lese als"), max_length=20, choices=Segment.choices, default=Segment.PUBLIC
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic",
        blank=True,
        related_name="newsletter_subscribers",
        verbose_name=_("Themen"),
        help_text=_("Ohne Auswahl: alle Themen."),
    )
    status = models.CharField(
        _("Status"),
        max_length=15,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    consent_text = models.TextField(_("zugestimmter Text"), blank=True)
    requested_at = models.DateTimeField(_("angemeldet am"), null=True, blank=True)
    confirm_key = models.CharField(max_length=40, default=new_confirm_key, editable=False)
    confirm_sent_at = models.DateTimeField(_("Bestätigung gesendet am"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("Newsletter-Abonnent")
        verbose_name_plural = _("Newsletter-Abonnenten")
        ordering = ["email"]
        indexes = [models.Index(fields=["status", "segment"])]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.status == SubscriberStatus.CONFIRMED


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SENDING = "sending", _("wird versendet")
    SENT = "sent", _("versendet")


class Issue(models.Model):
    """One newsletter issue. Editable as a draft; frozen once sending starts: the text and
    HTML every recipient gets are stored, and the archive shows the issue as sent."""

    subject = models.CharField(_("Betreff"), max_length=150)
    intro = models.TextField(
        _("Einleitung"),
        max_length=3000,
        blank=True,
        help_text=_("Ein paar Sätze zu Beginn. Leerzeilen trennen Absätze."),
    )
    segments = models.JSONField(_("Empfängergruppen"), default=list)
    topics = models.ManyToManyField(
        "taxonomy.Topic",
        blank=True,
        related_name="newsletter_issues",
        verbose_name=_("nur zu diesen Themen"),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    html_body = models.TextField(_("versendetes HTML"), blank=True, editable=False)
    text_body = models.TextField(_("versendeter Text"), blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    send_started_at = models.DateTimeField(_("Versand begonnen"), null=True, blank=True)
    send_started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    progress_at = models.DateTimeField(_("zuletzt versendet"), null=True, blank=True)
    sent_at = models.DateTimeField(_("Versand abgeschlossen"), null=True, blank=True)

    class Meta:
        verbose_name = _("Newsletter-Ausgabe")
        verbose_name_plural = _("Newsletter-Ausgaben")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:archive_issue", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == IssueStatus.DRAFT

    @property
    def segment_labels(self) -> list[str]:
        return [str(Segment(value).label) for value in self.segments if value in Segment.values]


class BlockKind(models.TextChoices):
    STORIES = "stories", _("neue Geschichten")
    NEEDS = "needs", _("offene Bedarfe")
    DATES = "dates", _("Termine")
    TEXT = "text", _("freier Text")


DEFAULT_BLOCK_TITLES = {
    BlockKind.STORIES: _("Neue Geschichten aus den Patenschaften"),
    BlockKind.NEEDS: _("Wer sucht Unterstützung?"),
    BlockKind.DATES: _("Termine"),
    BlockKind.TEXT: "",
}


class Block(models.Model):
    """A building block of an issue. Stories and needs are picked when the issue is shown
    or sent (the newest public ones); `frozen` keeps what was sent, for the archive."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(_("Art"), max_length=10, choices=BlockKind.choices)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    title = models.CharField(_("Überschrift"), max_length=150, blank=True)
    text = models.TextField(_("Text"), max_length=5000, blank=True)
    count = models.PositiveSmallIntegerField(_("Anzahl"), default=3)
    dates = models.JSONField(_("Termine"), default=list, blank=True)
    frozen = models.JSONField(default=None, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Baustein")
        verbose_name_plural = _("Bausteine")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading or str(self.get_kind_display())

    @property
    def heading(self) -> str:
        return self.title or str(DEFAULT_BLOCK_TITLES.get(self.kind, ""))


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("wartet")
    SENDING = "sending", _("wird gesendet")
    SENT = "sent", _("versendet")
    FAILED = "failed", _("fehlgeschlagen")
    SKIPPED = "skipped", _("übersprungen (abgemeldet)")
    UNKNOWN = "unknown", _("ungewiss (Versand abgebrochen)")


class Delivery(models.Model):
    """One issue to one subscriber. Claimed (queued → sending), sent, then marked (sending →
    sent) in conditional UPDATEs: a row is sent at most once. A row left in "sending" by a
    worker that died is never sent again; it ends as "unknown"."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(_("an"))
    status = models.CharField(
        _("Status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("versendet am"), null=True, blank=True)
    last_error = models.TextField(_("letzter Fehler"), blank=True)

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="one_delivery_per_subscriber"
            ),
            models.UniqueConstraint(fields=["issue", "email"], name="one_delivery_per_address"),
        ]
        # Claiming reads the first queued row of an issue in id order: straight off the index.
        indexes = [models.Index(fields=["issue", "status", "id"])]

    def __str__(self):
        return f"{self.issue} → {self.email}"
