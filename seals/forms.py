from django import forms
from django.utils.translation import gettext_lazy as _

from parties.models import Party

from .models import is_well_formed_code
from .rendering import WEB_SIZES


class SealIssueForm(forms.Form):
    holders = forms.ModelMultipleChoiceField(
        label=_("Siegel ausstellen für"),
        queryset=Party.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Bitte wählen Sie mindestens einen Partner.")},
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holders"].queryset = Party.objects.filter(pk__in=[p.pk for p in partners])
        self.fields["holders"].initial = [p.pk for p in partners]


class SealRevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Grund des Widerrufs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_(
            "Der Inhaber liest diesen Grund. Öffentlich steht nur, dass und wann das Siegel "
            "widerrufen wurde."
        ),
        error_messages={"required": _("Bitte geben Sie einen Grund für den Widerruf an.")},
    )


class SealLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Prüfcode oder Prüfadresse des Siegels"),
        max_length=300,
        help_text=_("Steht unter dem QR-Code auf dem Siegel, z. B. …/siegel/pruefen/Ab3x…/"),
        error_messages={"required": _("Bitte geben Sie den Prüfcode ein.")},
    )

    def clean_code(self):
        value = self.cleaned_data["code"].strip()
        # Accept the whole address as well as the bare code.
        code = value.rstrip("/").rsplit("/", 1)[-1].removesuffix(".json")
        if not is_well_formed_code(code):
            raise forms.ValidationError(
                _(
                    "Das ist kein gültiger Prüfcode. Bitte übernehmen Sie ihn vollständig, "
                    "am besten mit der ganzen Adresse."
                )
            )
        return code


class SnippetSizeForm(forms.Form):
    groesse = forms.TypedChoiceField(
        label=_("Größe auf Ihrer Webseite"),
        choices=[(size, _("%(w)s Pixel breit") % {"w": size}) for size in WEB_SIZES],
        coerce=int,
        required=False,
        empty_value=240,
        initial=240,
    )
