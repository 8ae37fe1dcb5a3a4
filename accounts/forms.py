from django import forms
from django.utils.translation import gettext_lazy as _

from parties.models import LegalForm, PartyKind
from places.models import Municipality


class Represents:
    COMPANY = "company"
    ORGANISATION = "organisation"
    INDIVIDUAL = "individual"

    CHOICES = [
        (COMPANY, _("Ich vertrete ein Unternehmen")),
        (ORGANISATION, _("Ich vertrete eine soziale Organisation oder Initiative")),
        (INDIVIDUAL, _("Ich engagiere mich als Einzelperson")),
    ]


class RegistrationForm(forms.Form):
    """Extra fields on allauth's signup form: who the person is and whom they represent.

    allauth calls `signup()` once the user exists; the party is created *pending* and
    stays invisible to matching and the public until the coordinator approves it.
    """

    name = forms.CharField(label=_("Ihr Name"), max_length=150)
    represents = forms.ChoiceField(
        label=_("Wen vertreten Sie?"), choices=Represents.CHOICES, widget=forms.RadioSelect
    )
    party_name = forms.CharField(
        label=_("Name des Unternehmens oder der Organisation"),
        max_length=200,
        required=False,
        help_text=_("Bei Einzelpersonen können Sie das Feld leer lassen."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Gemeinde"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("– bitte wählen –"),
    )
    privacy = forms.BooleanField(
        label=_("Ich habe die Datenschutzhinweise gelesen und bin einverstanden."),
        error_messages={"required": _("Bitte stimmen Sie den Datenschutzhinweisen zu.")},
    )

    field_order = [
        "name",
        "email",
        "password1",
        "password2",
        "represents",
        "party_name",
        "municipality",
        "privacy",
    ]

    def clean(self):
        cleaned = super().clean()
        represents = cleaned.get("represents")
        if (
            represents in (Represents.COMPANY, Represents.ORGANISATION)
            and not cleaned.get("party_name", "").strip()
        ):
            self.add_error(
                "party_name",
                _("Bitte geben Sie den Namen des Unternehmens oder der Organisation an."),
            )
        return cleaned

    def signup(self, request, user):
        from parties.services import party_register

        user.name = self.cleaned_data["name"].strip()
        user.save(update_fields=["name"])
        represents = self.cleaned_data["represents"]
        if represents == Represents.COMPANY:
            kind, legal_form = PartyKind.COMPANY, ""
        elif represents == Represents.ORGANISATION:
            kind, legal_form = PartyKind.ORGANISATION, ""
        else:
            kind, legal_form = PartyKind.ORGANISATION, LegalForm.INDIVIDUAL
        party_register(
            user=user,
            kind=kind,
            name=self.cleaned_data["party_name"].strip() or user.name,
            legal_form=legal_form,
            municipality=self.cleaned_data.get("municipality"),
        )
