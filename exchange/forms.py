from itertools import groupby

from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Competency

from .models import Need, NeedStatus, Offer

# Statuses a party sets itself; "in Vermittlung" is the coordinator's to set.
OWNER_STATUSES = [NeedStatus.DRAFT, NeedStatus.OPEN, NeedStatus.MET, NeedStatus.WITHDRAWN]


def grouped_competency_choices():
    competencies = Competency.objects.select_related("group").order_by(
        "group__position", "group__name", "name"
    )
    return [
        (group.name, [(c.pk, c.name) for c in items])
        for group, items in groupby(competencies, key=lambda c: c.group)
    ]


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = [
            "title",
            "description",
            "kind",
            "effort",
            "time_frame",
            "municipality",
            "remote_ok",
            "competencies",
            "topics",
            "status",
            "publish_publicly",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "competencies": forms.SelectMultiple(attrs={"size": 10}),
            "topics": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "competencies": _(
                "Freiwillig – wir finden Partner auch anhand Ihrer Beschreibung. "
                "Mehrere wählen Sie mit gedrückter Strg- bzw. Cmd-Taste."
            ),
        }
        error_messages = {
            "title": {"required": _("Bitte geben Sie dem Bedarf einen kurzen Titel.")},
            "description": {"required": _("Bitte beschreiben Sie, was Ihnen fehlt.")},
            "kind": {"required": _("Bitte wählen Sie, welche Art von Hilfe Sie suchen.")},
        }

    def __init__(self, *args, can_set_any_status: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].widget.choices = grouped_competency_choices()
        self.fields["municipality"].empty_label = _("– bitte wählen –")
        if not can_set_any_status and self.instance.status != NeedStatus.IN_PROGRESS:
            self.fields["status"].choices = [(s.value, s.label) for s in OWNER_STATUSES]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("municipality") and not cleaned.get("remote_ok"):
            self.add_error(
                "municipality",
                _(
                    "Bitte nennen Sie den Ort – oder kreuzen Sie an, "
                    "dass es auch aus der Ferne geht."
                ),
            )
        return cleaned


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = ["kind", "title", "description", "capacity", "competencies", "is_active"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "competencies": forms.SelectMultiple(attrs={"size": 8}),
        }
        error_messages = {
            "title": {"required": _("Bitte geben Sie dem Angebot einen kurzen Titel.")},
            "kind": {"required": _("Bitte wählen Sie die Art des Angebots.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competencies"].widget.choices = grouped_competency_choices()
        self.fields["competencies"].required = False


class InterestForm(forms.Form):
    party = forms.ModelChoiceField(label=_("Wir helfen als"), queryset=None, empty_label=None)
    message = forms.CharField(
        label=_("Kurze Nachricht an die Koordination"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Wie könnten Sie helfen? Die Koordination meldet sich und stellt Sie vor."),
        error_messages={"required": _("Bitte schreiben Sie kurz, wie Sie helfen könnten.")},
    )

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties
        if len(parties) == 1:
            self.fields["party"].widget = forms.HiddenInput()


class NeedMergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label=_("Duplikat"),
        queryset=Need.objects.none(),
        empty_label=_("– bitte wählen –"),
        error_messages={"required": _("Bitte wählen Sie den doppelten Bedarf.")},
    )

    def __init__(self, *args, keep: Need, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = Need.objects.filter(party=keep.party_id).exclude(
            pk=keep.pk
        )
