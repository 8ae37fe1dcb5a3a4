"""The annual report (Jahresbericht): the coordinator's words for a year and the stories
chosen for it. The figures are never stored: they are computed from the portal's own
records by `reports.impact` whenever the report is shown, printed or exported."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class AnnualReport(models.Model):
    year = models.PositiveSmallIntegerField(_("Jahr"), unique=True)
    foreword = models.TextField(
        _("Vorwort"),
        max_length=6000,
        blank=True,
        help_text=_("Ein paar Absätze zum Jahr. Leerzeilen trennen Absätze."),
    )
    story_ids = models.JSONField(
        _("ausgewählte Geschichten"),
        default=list,
        blank=True,
        help_text=_("Ohne Auswahl erscheinen die neuesten Geschichten des Jahres."),
    )
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Jahresbericht")
        verbose_name_plural = _("Jahresberichte")
        ordering = ["-year"]

    def __str__(self):
        return _("Jahresbericht %(year)s") % {"year": self.year}

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
