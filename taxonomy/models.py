from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Side(models.TextChoices):
    BUSINESS = "business", _("typisch für Unternehmen")
    SOCIAL = "social", _("typisch für soziale Organisationen")


class CompetencyGroup(models.Model):
    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    name_en = models.CharField(_("Name (englisch)"), max_length=120, blank=True)
    side = models.CharField(_("Seite"), max_length=10, choices=Side.choices, default=Side.BUSINESS)
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Kompetenzgruppe")
        verbose_name_plural = _("Kompetenzgruppen")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class LabelledQuerySet(models.QuerySet):
    def matching_label(self, label: str):
        """Entries whose name, or one of whose synonyms, is `label` (case-insensitive)."""
        label = label.strip()
        by_name = self.filter(name__iexact=label)
        if by_name.exists():
            return by_name
        wanted = label.casefold()
        ids = [
            pk
            for pk, synonyms in self.values_list("pk", "synonyms")
            if any(s.casefold() == wanted for s in synonyms or [])
        ]
        return self.filter(pk__in=ids)


class Competency(models.Model):
    """An entry of the competency taxonomy (Kernkompetenz), with the words people use for it."""

    group = models.ForeignKey(
        CompetencyGroup,
        on_delete=models.PROTECT,
        related_name="competencies",
        verbose_name=_("Gruppe"),
    )
    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    name_en = models.CharField(_("Name (englisch)"), max_length=120, blank=True)
    synonyms = models.JSONField(
        _("Synonyme"),
        default=list,
        blank=True,
        help_text=_("Andere Wörter für dasselbe, wie Menschen sie in Bedarfen schreiben."),
    )

    objects = LabelledQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kompetenz")
        verbose_name_plural = _("Kompetenzen")
        ordering = ["group__position", "name"]

    def __str__(self):
        return self.name


class Topic(models.Model):
    """A cause someone cares about (Themenaffinität)."""

    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    name_en = models.CharField(_("Name (englisch)"), max_length=120, blank=True)
    synonyms = models.JSONField(_("Synonyme"), default=list, blank=True)

    objects = LabelledQuerySet.as_manager()

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TargetGroup(models.Model):
    """People a social organisation works for (Zielgruppe)."""

    slug = models.SlugField(_("Kurzname"), max_length=80, unique=True)
    name = models.CharField(_("Name"), max_length=120)
    name_en = models.CharField(_("Name (englisch)"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SuggestionStatus(models.TextChoices):
    OPEN = "open", _("offen")
    MAPPED = "mapped", _("zugeordnet")
    CREATED = "created", _("als neue Kompetenz angelegt")
    REJECTED = "rejected", _("abgelehnt")


class TaxonomySuggestion(models.Model):
    """A label a party used that matched no competency: the coordinator decides what it is."""

    label = models.CharField(_("Stichwort"), max_length=120)
    party = models.ForeignKey(
        "parties.Party",
        on_delete=models.CASCADE,
        related_name="taxonomy_suggestions",
        verbose_name=_("von"),
    )
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.OPEN
    )
    competency = models.ForeignKey(
        Competency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("Kompetenz"),
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Vorschlag für die Kompetenzliste")
        verbose_name_plural = _("Vorschläge für die Kompetenzliste")
        ordering = ["created_at"]

    def __str__(self):
        return self.label
