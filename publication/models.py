"""Publication: each partner's consent per item, the story of a patronship and its photos.

Nothing here is public by itself. Public pages, the feed and the sitemap read these rows only
through `publication.selectors`, which lets through a story only when it is published and
both partners consent to it, and every other item (name, logo, photos, quote) only when the
partner it belongs to consents to that item for this patronship.
"""

import secrets
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from patronships.models import SIDE_RECIPIENT, SIDE_SPONSOR


class ConsentItem(models.TextChoices):
    """What a partner may agree to show, each on its own. The value is the field name."""

    STORY = "show_story", _("Geschichte")
    NAME = "show_name", _("Name")
    LOGO = "show_logo", _("Logo")
    PHOTOS = "show_photos", _("Fotos")
    QUOTE = "show_quote", _("Zitat")


CONSENT_ITEMS = [item.value for item in ConsentItem]


class Consent(models.Model):
    """One partner's consent to publishing items of one patronship. Either may withdraw an
    item at any time; the public pages drop it at once. History is in the audit log."""

    patronship = models.ForeignKey(
        "patronships.Patronship",
        on_delete=models.CASCADE,
        related_name="publication_consents",
        verbose_name=_("Patenschaft"),
    )
    party = models.ForeignKey(
        "parties.Party",
        on_delete=models.CASCADE,
        related_name="publication_consents",
        verbose_name=_("Partner"),
    )
    show_story = models.BooleanField(
        _("Geschichte"),
        default=False,
        help_text=_(
            "Titel, Kurztext, Text und was gegeben wurde erscheinen in der Galerie, im Feed "
            "für die Presse und in den Texten für Presse und soziale Medien. Ohne diese "
            "Zustimmung beider Partner erscheint nichts."
        ),
    )
    show_name = models.BooleanField(
        _("Name"),
        default=False,
        help_text=_(
            "Ihr Name, Ort, Ihre Beschreibung und Webseite erscheinen bei dieser Patenschaft, "
            "und Ihre öffentliche Profilseite nennt sie. Ohne diese Zustimmung heißt es nur "
            "„ein Unternehmen aus …“ bzw. „eine Organisation aus …“."
        ),
    )
    show_logo = models.BooleanField(
        _("Logo"),
        default=False,
        help_text=_("Ihr Logo erscheint neben Ihrem Namen (nur zusammen mit dem Namen)."),
    )
    show_photos = models.BooleanField(
        _("Fotos"),
        default=False,
        help_text=_("Die Fotos der Geschichte erscheinen, wenn beide Partner zustimmen."),
    )
    show_quote = models.BooleanField(
        _("Zitat"),
        default=False,
        help_text=_(
            "Ihr Zitat erscheint in der Geschichte; wer es sagt, nur zusammen mit Ihrem Namen."
        ),
    )
    note = models.CharField(
        _("Nachweis"),
        max_length=300,
        blank=True,
        help_text=_("Wie die Zustimmung vorliegt, wenn die Koordination sie erfasst hat."),
    )
    changed_at = models.DateTimeField(_("geändert am"), auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geändert von"),
    )

    class Meta:
        verbose_name = _("Zustimmung zur Veröffentlichung")
        verbose_name_plural = _("Zustimmungen zur Veröffentlichung")
        constraints = [
            models.UniqueConstraint(
                fields=["patronship", "party"], name="one_publication_consent_per_partner"
            )
        ]

    def __str__(self):
        return f"{self.patronship} – {self.party}"

    def given(self) -> list[str]:
        return [item for item in CONSENT_ITEMS if getattr(self, item)]


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    REVIEW = "review", _("bei den Partnern zur Freigabe")
    PUBLISHED = "published", _("veröffentlicht")


class Story(models.Model):
    """The published account of one patronship: written by the coordinator or a partner,
    approved by both partners, published by the coordinator."""

    patronship = models.OneToOneField(
        "patronships.Patronship",
        on_delete=models.CASCADE,
        related_name="story",
        verbose_name=_("Patenschaft"),
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=StoryStatus.choices, default=StoryStatus.DRAFT
    )
    title = models.CharField(_("Überschrift"), max_length=160, blank=True)
    slug = models.SlugField(_("Kurzname"), max_length=170, blank=True)
    teaser = models.TextField(
        _("Kurztext"),
        max_length=400,
        blank=True,
        help_text=_("Zwei, drei Sätze für die Galerie, den Feed und soziale Medien."),
    )
    text = models.TextField(_("Text"), max_length=12000, blank=True)
    sponsor_gave = models.TextField(_("Das hat der Pate gegeben"), max_length=2000, blank=True)
    recipient_gave = models.TextField(
        _("Das hat der Partner zurückgegeben"), max_length=2000, blank=True
    )
    sponsor_quote = models.TextField(_("Zitat des Paten"), max_length=600, blank=True)
    sponsor_quote_by = models.CharField(
        _("Wer spricht (Pate)"),
        max_length=150,
        blank=True,
        help_text=_("Name und Funktion, z. B. „Carl Krüger, Geschäftsführer“."),
    )
    recipient_quote = models.TextField(_("Zitat des Partners"), max_length=600, blank=True)
    recipient_quote_by = models.CharField(
        _("Wer spricht (Partner)"),
        max_length=150,
        blank=True,
        help_text=_("Name und Funktion, z. B. „Olga Vorstand, Vorsitzende“."),
    )
    sponsor_approved_at = models.DateTimeField(_("vom Paten freigegeben am"), null=True, blank=True)
    sponsor_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient_approved_at = models.DateTimeField(
        _("vom Partner freigegeben am"), null=True, blank=True
    )
    recipient_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent_requested_at = models.DateTimeField(_("Zustimmung erbeten am"), null=True, blank=True)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    first_published_at = models.DateTimeField(
        _("erstmals veröffentlicht am"), null=True, blank=True, db_index=True
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    # The story's own words for German full-text search (PostgreSQL only; see search.py).
    search_document = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("Geschichte")
        verbose_name_plural = _("Geschichten")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self):
        return self.title or str(self.patronship)

    def approved_at(self, side: str):
        return getattr(self, f"{side}_approved_at")

    @property
    def approved_by_both(self) -> bool:
        return bool(self.sponsor_approved_at and self.recipient_approved_at)

    @property
    def is_published(self) -> bool:
        return self.status == StoryStatus.PUBLISHED

    @property
    def is_editable(self) -> bool:
        """A published story is frozen: the partners approved exactly this text."""
        return self.status != StoryStatus.PUBLISHED

    @property
    def has_text(self) -> bool:
        return bool(self.title.strip() and self.teaser.strip() and self.text.strip())


SIDES = (SIDE_SPONSOR, SIDE_RECIPIENT)


def story_photo_path(instance, filename: str) -> str:
    # Random names: the public never sees media URLs (photos are served through a view that
    # checks consent), and an old link must not be guessable either.
    return f"geschichten/{secrets.token_hex(16)}{PurePath(filename).suffix.lower()}"


class StoryPhoto(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("Foto"), upload_to=story_photo_path)
    thumbnail = models.ImageField(upload_to=story_photo_path, editable=False)
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    caption = models.CharField(
        _("Bildunterschrift"), max_length=300, help_text=_("Was ist zu sehen? Wer, wo, wann?")
    )
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=300,
        help_text=_(
            "Beschreibt das Bild für Menschen, die es nicht sehen können, z. B. „Zwei Männer "
            "decken das Dach des Vereinsheims mit roten Ziegeln“."
        ),
    )
    credit = models.CharField(_("Foto von"), max_length=150, blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Foto einer Geschichte")
        verbose_name_plural = _("Fotos von Geschichten")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.caption


class PublicVersion(models.Model):
    """One row: a number raised whenever anything shown on public pages changes. Every
    cached public page is keyed by it, so a change shows on every page at once, whichever
    server process or cache holds the old copy."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("Stand der öffentlichen Seiten")
        verbose_name_plural = _("Stand der öffentlichen Seiten")

    def __str__(self):
        return str(self.number)
