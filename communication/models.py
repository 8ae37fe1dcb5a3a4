from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("in der Warteschlange")
    SENT = "sent", _("versendet")
    FAILED = "failed", _("fehlgeschlagen")


class OutgoingEmail(models.Model):
    """An email the portal sends: stored first, then sent by a Celery task.

    Storing before sending means no email is lost when the broker is briefly away, a
    retried task never sends twice, and the coordinator can see what went out.
    """

    to = models.EmailField(_("an"))
    subject = models.CharField(_("Betreff"), max_length=250)
    body = models.TextField(_("Text"))
    html = models.TextField(_("HTML"), blank=True)
    from_email = models.CharField(_("von"), max_length=250)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("letzter Fehler"), blank=True)
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("versendet"), null=True, blank=True)

    class Meta:
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {self.to}"
