from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Competency, CompetencyGroup


class MapForm(forms.Form):
    competency = forms.ModelChoiceField(
        label=_("Gehört zu"),
        queryset=Competency.objects.order_by("name"),
        empty_label=_("– Kompetenz wählen –"),
        error_messages={"required": _("Bitte wählen Sie die passende Kompetenz.")},
    )


class CreateForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Gruppe"),
        queryset=CompetencyGroup.objects.all(),
        empty_label=_("– Gruppe wählen –"),
        error_messages={"required": _("Bitte wählen Sie eine Gruppe.")},
    )
    name = forms.CharField(label=_("Name der neuen Kompetenz"), max_length=120)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Competency.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("Diese Kompetenz gibt es schon – ordnen Sie zu."))
        return name
