from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Competency

from .images import SafeImageField
from .models import ContactPerson, MembershipRole, Party, PartyCompetency, PartyKind


class PartyCreateForm(forms.ModelForm):
    contact_email = forms.EmailField(
        label=_("E-Mail der Ansprechperson"),
        required=False,
        help_text=_("Wir senden eine Einladung, damit sie das Profil selbst pflegen kann."),
    )

    class Meta:
        model = Party
        fields = ["kind", "name", "legal_form", "sector", "municipality", "website", "description"]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = PartyKind.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == PartyKind.COMPANY and cleaned.get("legal_form"):
            self.add_error("legal_form", _("Eine Rechtsform wählen Sie nur für Organisationen."))
        return cleaned


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Die Begründung wird der registrierenden Person per E-Mail mitgeteilt."),
        error_messages={"required": _("Bitte geben Sie eine Begründung an.")},
    )


class InvitationSignupForm(forms.Form):
    """Account creation for an invited person: the signed link already proves the address."""

    name = forms.CharField(label=_("Ihr Name"), max_length=150)
    password1 = forms.CharField(
        label=_("Passwort"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Passwort wiederholen"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_password2(self):
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            raise forms.ValidationError(_("Die beiden Passwörter stimmen nicht überein."))
        if p2:
            user = get_user_model()(email=self.email, name=self.cleaned_data.get("name", ""))
            password_validation.validate_password(p2, user)
        return p2


class ProfileForm(forms.ModelForm):
    """The party's own profile. Company and organisation fields show only for their kind."""

    logo_upload = SafeImageField(
        label=_("Logo"),
        required=False,
        image_name="logo",
        help_text=_("PNG, JPEG, GIF oder WebP, höchstens 5 MB."),
    )

    class Meta:
        model = Party
        fields = [
            "name",
            "description",
            "municipality",
            "website",
            "email",
            "phone",
            "sector",
            "size",
            "legal_form",
            "topics",
            "target_groups",
            "radius_km",
            "max_patronships",
            "is_paused",
            "accepts_suggestions",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "topics": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
        }
        error_messages = {"name": {"required": _("Bitte geben Sie einen Namen an.")}}

    COMPANY_ONLY = ("sector", "size")
    ORGANISATION_ONLY = ("legal_form", "target_groups")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hidden = self.ORGANISATION_ONLY if self.instance.is_company else self.COMPANY_ONLY
        for name in hidden:
            del self.fields[name]
        self.fields["municipality"].empty_label = _("– bitte wählen –")
        self.fields["radius_km"].validators.append(MaxValueValidator(300))
        self.fields["max_patronships"].validators.append(MinValueValidator(1))
        self.fields["max_patronships"].validators.append(MaxValueValidator(20))


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "role", "email", "phone", "is_primary"]


ContactPersonFormSet = forms.inlineformset_factory(
    Party, ContactPerson, form=ContactPersonForm, extra=1, max_num=10, can_delete=True
)


class CompetencyAddForm(forms.Form):
    competency = forms.ModelChoiceField(
        label=_("Kompetenz"),
        queryset=Competency.objects.all(),
        empty_label=_("– bitte wählen –"),
        error_messages={"required": _("Bitte wählen Sie eine Kompetenz.")},
    )
    rating = forms.TypedChoiceField(
        label=_("Wie gut können Sie das?"),
        choices=PartyCompetency.Rating.choices,
        coerce=int,
        initial=PartyCompetency.Rating.GOOD,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from exchange.forms import grouped_competency_choices

        self.fields["competency"].choices = [("", _("– bitte wählen –"))] + list(
            grouped_competency_choices()
        )


class CompetencySearchForm(forms.Form):
    q = forms.CharField(label=_("Kompetenz suchen"), required=False, max_length=80)


class LabelsForm(forms.Form):
    labels = forms.CharField(
        label=_("Ihre Stichworte"),
        max_length=500,
        help_text=_(
            "Was Ihr Betrieb kann, durch Kommas getrennt – z. B. „Homepage, Flyer, Fotos“. "
            "Wir ordnen die Begriffe der Kompetenzliste zu."
        ),
        error_messages={"required": _("Bitte geben Sie mindestens ein Stichwort ein.")},
    )

    def clean_labels(self):
        labels = [part.strip() for part in self.cleaned_data["labels"].split(",")]
        labels = [label for label in labels if label]
        if not labels:
            raise forms.ValidationError(_("Bitte geben Sie mindestens ein Stichwort ein."))
        if any(len(label) > 120 for label in labels):
            raise forms.ValidationError(_("Ein Stichwort darf höchstens 120 Zeichen lang sein."))
        return labels


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    role = forms.ChoiceField(
        label=_("Rolle"), choices=MembershipRole.choices, initial=MembershipRole.EDITOR
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=MembershipRole.choices)


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        label=_("Bleibt bestehen"),
        queryset=Party.objects.order_by("name"),
        empty_label=_("– bitte wählen –"),
        error_messages={"required": _("Bitte wählen Sie den Eintrag, der bleibt.")},
    )
    duplicate = forms.ModelChoiceField(
        label=_("Duplikat (wird übernommen und gelöscht)"),
        queryset=Party.objects.order_by("name"),
        empty_label=_("– bitte wählen –"),
        error_messages={"required": _("Bitte wählen Sie das Duplikat.")},
    )

    def clean(self):
        from .services import PartyError, party_merge_preview

        cleaned = super().clean()
        keep, duplicate = cleaned.get("keep"), cleaned.get("duplicate")
        if keep and duplicate:
            try:
                self.preview = party_merge_preview(keep=keep, duplicate=duplicate)
            except PartyError as exc:
                raise forms.ValidationError(str(exc)) from None
        return cleaned
