import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportUpload(models.Model):
    """An uploaded directory file and its report, kept briefly between check and import.

    Kept in the database rather than under MEDIA_ROOT (which the proxy serves publicly) or
    the cache (local memory is not shared between worker processes). The file's content is
    only kept while it waits for "Jetzt importieren", and every record expires after
    UPLOAD_MAX_AGE (see services).
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    filename = models.CharField(_("Dateiname"), max_length=255)
    content = models.BinaryField(_("Inhalt"), blank=True, default=b"")
    report = models.JSONField(_("Bericht"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Hochgeladene Verzeichnisdatei")
        verbose_name_plural = _("Hochgeladene Verzeichnisdateien")
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename

    @property
    def can_run(self) -> bool:
        """Checked without errors, not yet imported: "Jetzt importieren" may run it."""
        return bool(self.content)
