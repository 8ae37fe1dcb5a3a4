from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from .models import Party, PartyKind


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
