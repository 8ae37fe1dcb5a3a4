"""Parties: the companies and social organisations that take part in the programme.

Both kinds live in one table because almost everything is shared (profile, competencies,
offers, needs, memberships, patronships) and the exchange goes both ways: an organisation
offers workshops to companies just as a company offers a website to a club. `Company` and
`Organisation` in their own apps are proxies over this model.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PartyKind(models.TextChoices):
    COMPANY = "company", pgettext_lazy("one party", "Unternehmen")
    ORGANISATION = "organisation", _("Organisation")


class PartyStatus(models.TextChoices):
    PENDING = "pending", _("wartet auf Freigabe")
    APPROVED = "approved", _("freigegeben")
    REJECTED = "rejected", _("abgelehnt")


class CompanySize(models.TextChoices):
    MICRO = "1-9", _("1–9 Beschäftigte")
    SMALL = "10-49", _("10–49 Beschäftigte")
    MEDIUM = "50-249", _("50–249 Beschäftigte")
    LARGE = "250+", _("250 und mehr Beschäftigte")


class LegalForm(models.TextChoices):
    VEREIN = "verein", _("Verein")
    GGMBH = "ggmbh", _("gGmbH")
    CHURCH = "kirchgemeinde", _("Kirchgemeinde")
    INITIATIVE = "initiative", _("Initiative")
    INDIVIDUAL = "individual", _("Einzelperson")


class PartyQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=PartyStatus.APPROVED)

    def pending(self):
        return self.filter(status=PartyStatus.PENDING)

    def companies(self):
        return self.filter(kind=PartyKind.COMPANY)

    def organisations(self):
        return self.filter(kind=PartyKind.ORGANISATION)

    def matchable(self):
        """Parties the matching engine may suggest: approved, not paused, not opted out."""
        return self.approved().filter(is_paused=False, accepts_suggestions=True)

    def of_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Party(models.Model):
    kind = models.CharField(_("Art"), max_length=20, choices=PartyKind.choices)
    name = models.CharField(_("Name"), max_length=200)
    ref = models.CharField(
        _("externe Kennung"),
        max_length=100,
        blank=True,
        help_text=_("Kennung aus einer importierten Liste; ein erneuter Import aktualisiert."),
    )
    slug = models.SlugField(_("Kurzname"), max_length=220, unique=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=PartyStatus.choices, default=PartyStatus.PENDING
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parties",
        verbose_name=_("Gemeinde"),
    )
    website = models.URLField(_("Webseite"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    logo = models.ImageField(_("Logo"), upload_to="logos/", blank=True)
    logo_thumbnail = models.ImageField(upload_to="logos/", blank=True, editable=False)

    # Company fields.
    sector = models.CharField(_("Branche"), max_length=120, blank=True)
    size = models.CharField(_("Größe"), max_length=10, choices=CompanySize.choices, blank=True)
    # Organisation fields.
    legal_form = models.CharField(
        _("Rechtsform"), max_length=20, choices=LegalForm.choices, blank=True
    )

    competencies = models.ManyToManyField(
        "taxonomy.Competency",
        through="PartyCompetency",
        related_name="parties",
        blank=True,
        verbose_name=_("Kernkompetenzen"),
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic", related_name="parties", blank=True, verbose_name=_("Themen")
    )
    target_groups = models.ManyToManyField(
        "taxonomy.TargetGroup", related_name="parties", blank=True, verbose_name=_("Zielgruppen")
    )

    radius_km = models.PositiveIntegerField(
        _("Umkreis in km"), default=30, help_text=_("Wie weit Sie für eine Patenschaft fahren.")
    )
    max_patronships = models.PositiveSmallIntegerField(
        _("Höchstzahl gleichzeitiger Patenschaften"), default=2
    )
    is_paused = models.BooleanField(
        _("pausiert"), default=False, help_text=_("Pausiert: keine neuen Vorschläge.")
    )
    accepts_suggestions = models.BooleanField(
        _("möchte Vorschläge erhalten"),
        default=True,
        help_text=_("Ausgeschaltet: wird vom Matching nie vorgeschlagen."),
    )

    created_on_behalf = models.BooleanField(_("von der Koordination angelegt"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("angelegt von"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geprüft von"),
    )
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    review_note = models.TextField(_("Begründung der Prüfung"), blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = PartyQuerySet.as_manager()

    class Meta:
        verbose_name = _("Unternehmen oder Organisation")
        verbose_name_plural = _("Unternehmen und Organisationen")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["ref"], condition=~models.Q(ref=""), name="unique_party_ref"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("parties:detail", args=[self.pk])

    @property
    def is_company(self) -> bool:
        return self.kind == PartyKind.COMPANY

    @property
    def is_organisation(self) -> bool:
        return self.kind == PartyKind.ORGANISATION

    @property
    def is_approved(self) -> bool:
        return self.status == PartyStatus.APPROVED

    @property
    def is_pending(self) -> bool:
        return self.status == PartyStatus.PENDING


MAX_CORE_COMPETENCIES = 8


class PartyCompetency(models.Model):
    class Rating(models.IntegerChoices):
        BASIC = 1, _("Grundkenntnisse")
        GOOD = 2, _("gut")
        EXPERT = 3, _("Kerngeschäft")

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="party_competencies")
    competency = models.ForeignKey(
        "taxonomy.Competency", on_delete=models.PROTECT, related_name="party_competencies"
    )
    rating = models.PositiveSmallIntegerField(
        _("Selbsteinschätzung"), choices=Rating.choices, default=Rating.GOOD
    )

    class Meta:
        verbose_name = _("Kernkompetenz")
        verbose_name_plural = _("Kernkompetenzen")
        constraints = [
            models.UniqueConstraint(fields=["party", "competency"], name="unique_party_competency")
        ]

    def __str__(self):
        return f"{self.party}: {self.competency}"


class ContactPerson(models.Model):
    """Someone to talk to at a party. Shown to a partner only once both agreed to meet."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("Name"), max_length=150)
    role = models.CharField(_("Funktion"), max_length=150, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    is_primary = models.BooleanField(_("Hauptansprechperson"), default=False)

    class Meta:
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["-is_primary", "name"]

    def __str__(self):
        return self.name


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Verwaltung")
    EDITOR = "editor", _("Bearbeitung")


class Membership(models.Model):
    """A person acting for a party. Admins manage members; editors edit content."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("Rolle"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.EDITOR
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [models.UniqueConstraint(fields=["user", "party"], name="unique_membership")]

    def __str__(self):
        return f"{self.user} @ {self.party} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == MembershipRole.ADMIN


class Invitation(models.Model):
    """An invitation to act for a party, sent by email as a signed, expiring link."""

    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("E-Mail-Adresse"))
    role = models.CharField(
        _("Rolle"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.ADMIN
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.party}"


class PartyMerge(models.Model):
    """A duplicate merged into another party: what it was, so nothing is lost."""

    kept = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="merges")
    merged_pk = models.PositiveBigIntegerField(_("frühere Kennung"))
    merged_name = models.CharField(_("Name des Duplikats"), max_length=200)
    snapshot = models.JSONField(_("Daten des Duplikats"), default=dict)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Zusammenführung")
        verbose_name_plural = _("Zusammenführungen")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.merged_name} → {self.kept}"
