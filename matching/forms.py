from django import forms
from django.utils.translation import gettext_lazy as _

from .engine.weights import DEFAULT_WEIGHTS, WEIGHT_HELP


class ExcludeForm(forms.Form):
    reason = forms.CharField(
        label=_("Warum passt das nicht?"),
        max_length=300,
        error_messages={"required": _("Bitte nennen Sie kurz den Grund.")},
    )


class WeightsForm(forms.Form):
    """One number field per weight, initialised with the value in force."""

    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for key, default in DEFAULT_WEIGHTS.items():
            self.fields[key] = forms.FloatField(
                label=WEIGHT_HELP.get(key, key),
                min_value=0,
                max_value=100,
                initial=current.get(key, default),
                help_text=_("Standard: %(value)s") % {"value": default},
            )

    def overrides(self) -> dict:
        """Only the values that differ from the defaults."""
        return {k: v for k, v in self.cleaned_data.items() if v != DEFAULT_WEIGHTS[k]}
