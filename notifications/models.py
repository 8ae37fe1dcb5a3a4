"""In-portal notifications and each person's choice of how to hear about them by email."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    INTRODUCTION = "introduction", _("Neue Vorstellung")
    INTRODUCTION_ANSWER = "introduction_answer", _("Antwort auf eine Vorstellung")
    INTRODUCTION_REMINDER = "introduction_reminder", _("Erinnerung an eine Vorstellung")
    PATRONSHIP = "patronship", _("Vereinbarung und Status einer Patenschaft")
    CHECKIN = "checkin", _("Zwischengespräch fällig")
    RENEWAL = "renewal", _("Verlängerung einer Patenschaft")
    CONTRIBUTION = "contribution", _("Beiträge zu einer Patenschaft")
    RECOMMENDATION = "recommendation", _("Empfehlung aus dem Förderkreis")
    SEAL = "seal", _("Siegel")
    QUEUE = "queue", _("Aufgaben der Koordination")


# Kinds only the coordination receives; other people do not see them in their settings.
COORDINATOR_KINDS = frozenset({NotificationKind.QUEUE})


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("sofort per E-Mail")
    DIGEST = "digest", _("in der wöchentlichen Zusammenfassung")
    OFF = "off", _("keine E-Mail, nur im Portal")


DEFAULT_EMAIL_MODE = EmailMode.IMMEDIATE


def is_safe_site_path(url: str) -> bool:
    """True for a path on this site ("/patenschaften/3/"), False for anything that leaves it."""
    return (
        bool(url)
        and url.startswith("/")
        and not url.startswith("//")
        and "\\" not in url
        and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
    )


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def digest_pending(self):
        """Notifications waiting for the weekly digest: digest mode, not yet emailed."""
        return self.filter(email_mode=EmailMode.DIGEST, emailed_at__isnull=True)


class Notification(models.Model):
    """One message to one person, shown in the portal and, by their setting, emailed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("Person"),
    )
    kind = models.CharField(_("Art"), max_length=30, choices=NotificationKind.choices)
    title = models.CharField(_("Titel"), max_length=250)
    body = models.TextField(_("Text"), blank=True)
    url = models.CharField(_("Link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("erstellt"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("gelesen"), null=True, blank=True)
    # How this notification was to be emailed when it was created, and when that happened
    # (immediately, or with the digest). A digest only takes rows with no `emailed_at`,
    # which makes it safe to run twice.
    email_mode = models.CharField(
        _("E-Mail"), max_length=10, choices=EmailMode.choices, default=DEFAULT_EMAIL_MODE
    )
    emailed_at = models.DateTimeField(_("per E-Mail versandt"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_read"),
            models.Index(fields=["email_mode", "emailed_at"], name="notification_digest"),
        ]

    def __str__(self):
        return f"{self.title} → {self.user}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def safe_url(self) -> str:
        """The stored link if it stays on this site, else an empty string."""
        return self.url if is_safe_site_path(self.url) else ""


class NotificationSetting(models.Model):
    """A person's email choice for one kind. No row means the default (immediate email)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_settings",
        verbose_name=_("Person"),
    )
    kind = models.CharField(_("Art"), max_length=30, choices=NotificationKind.choices)
    email_mode = models.CharField(
        _("E-Mail"), max_length=10, choices=EmailMode.choices, default=DEFAULT_EMAIL_MODE
    )
    updated_at = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Benachrichtigungseinstellung")
        verbose_name_plural = _("Benachrichtigungseinstellungen")
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_setting")
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()} – {self.get_email_mode_display()}"
