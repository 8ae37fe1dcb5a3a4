from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("is_coordinator", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person. Logs in by email; site-wide roles are flags, party roles are memberships."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    name = models.CharField(_("Name"), max_length=150, blank=True)
    is_coordinator = models.BooleanField(
        _("Koordination"),
        default=False,
        help_text=_("Darf Registrierungen freigeben, Vorschläge prüfen und Patenschaften führen."),
    )
    is_advisor = models.BooleanField(
        _("Förderkreis"),
        default=False,
        help_text=_("Sieht Bedarfe und Vorschläge lesend und kann Empfehlungen geben."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["email"]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def can_see_pipeline(self) -> bool:
        """Coordinators and Förderkreis advisors see all parties, needs and suggestions."""
        return self.is_coordinator or self.is_advisor
