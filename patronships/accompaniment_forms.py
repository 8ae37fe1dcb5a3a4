"""Forms for accompanying a patronship: check-ins, notes, contributions, milestones, reviews.

Numbers are localized fields, so that "12,50" (the way people in Germany write it) works.
"""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Direction, WouldAgain

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": _("Bitte geben Sie ein gültiges Datum ein.")}


def _not_in_future(day):
    if day and day > timezone.localdate():
        raise forms.ValidationError(_("Das Datum darf nicht in der Zukunft liegen."))
    return day


class CheckInForm(forms.Form):
    summary = forms.CharField(
        label=_("Was wurde besprochen?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Wie läuft die Patenschaft, was wurde gegeben, was braucht es noch?"),
        error_messages={"required": _("Bitte halten Sie kurz fest, was besprochen wurde.")},
    )
    held_on = forms.DateField(
        label=_("Geführt am"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("Leer lassen für heute. Das nächste Zwischengespräch wird ab hier geplant."),
        error_messages=DATE_ERRORS,
    )

    def clean_summary(self):
        summary = self.cleaned_data["summary"].strip()
        if not summary:
            raise forms.ValidationError(_("Bitte halten Sie kurz fest, was besprochen wurde."))
        return summary

    def clean_held_on(self):
        return _not_in_future(self.cleaned_data.get("held_on"))


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notiz"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={
            "required": _("Die Notiz ist leer."),
            "max_length": _("Die Notiz ist zu lang (höchstens %(limit_value)d Zeichen)."),
        },
    )
    is_internal = forms.BooleanField(
        label=_("Nur für Koordination und Förderkreis (intern)"),
        required=False,
        initial=True,
        help_text=_("Ohne Haken sehen auch die Mitglieder beider Partner diese Notiz."),
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Die Notiz ist leer."))
        return text


NUMBER_ERRORS = {
    "invalid": _("Bitte geben Sie eine Zahl ein, zum Beispiel 12,50."),
    "min_value": _("Bitte geben Sie keine negativen Zahlen an."),
    "max_digits": _("Diese Zahl ist zu groß."),
    "max_whole_digits": _("Diese Zahl ist zu groß."),
}


class GermanDecimalField(forms.DecimalField):
    """A localized number that also takes "1.250,50" and "120 €" as people write them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("localize", True)
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", Decimal(0))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace("\u00a0", "").replace(" ", "")
            if "," in value:  # a comma is the decimal mark, so dots group thousands
                value = value.replace(".", "")
        return super().to_python(value)


class ContributionForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Wer hat wem etwas gegeben?"),
        choices=Direction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie, wer wem etwas gegeben hat.")},
    )
    given_on = forms.DateField(
        label=_("Datum"),
        widget=DATE_INPUT,
        error_messages={"required": _("Bitte geben Sie das Datum an."), **DATE_ERRORS},
    )
    hours = GermanDecimalField(
        label=_("Stunden"),
        max_digits=6,
        decimal_places=1,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
        help_text=_("Zum Beispiel 2,5"),
        error_messages={
            **NUMBER_ERRORS,
            "max_decimal_places": _("Stunden bitte mit höchstens einer Nachkommastelle."),
        },
    )
    value_eur = GermanDecimalField(
        label=_("Sachwert in Euro"),
        max_digits=10,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 10}),
        help_text=_("Zum Beispiel 120,00 für Material oder eine Leistung"),
        error_messages={
            **NUMBER_ERRORS,
            "max_decimal_places": _("Euro bitte mit höchstens zwei Nachkommastellen."),
        },
    )
    description = forms.CharField(
        label=_("Was wurde gegeben?"),
        max_length=500,
        required=False,
        error_messages={"max_length": _("Bitte fassen Sie sich kürzer (höchstens 500 Zeichen).")},
    )

    def __init__(self, *args, patronship, my_party_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Name the partners instead of "sponsor" and "recipient".
        self.fields["direction"].choices = [
            (
                Direction.TO_RECIPIENT,
                _("%(a)s an %(b)s")
                % {"a": patronship.sponsor.name, "b": patronship.recipient.name},
            ),
            (
                Direction.TO_SPONSOR,
                _("%(a)s an %(b)s")
                % {"a": patronship.recipient.name, "b": patronship.sponsor.name},
            ),
        ]
        if not self.is_bound:
            self.initial.setdefault("given_on", timezone.localdate())
            # A partner usually logs what their own side gave.
            if patronship.recipient_id in my_party_ids and (
                patronship.sponsor_id not in my_party_ids
            ):
                self.initial.setdefault("direction", Direction.TO_SPONSOR)
            else:
                self.initial.setdefault("direction", Direction.TO_RECIPIENT)

    def clean_given_on(self):
        return _not_in_future(self.cleaned_data.get("given_on"))

    def clean_description(self):
        return self.cleaned_data["description"].strip()

    def clean(self):
        cleaned = super().clean()
        hours, value = cleaned.get("hours"), cleaned.get("value_eur")
        if self.has_error("hours") or self.has_error("value_eur"):
            return cleaned
        if not hours and not value and not cleaned.get("description"):
            raise forms.ValidationError(
                _("Bitte geben Sie Stunden, einen Sachwert oder eine Beschreibung an."),
                code="empty",
            )
        return cleaned


class MilestoneForm(forms.Form):
    title = forms.CharField(
        label=_("Meilenstein"),
        max_length=200,
        help_text=_("Zum Beispiel: Dach des Vereinsheims ist dicht"),
        error_messages={
            "required": _("Bitte benennen Sie den Meilenstein."),
            "max_length": _("Bitte fassen Sie sich kürzer (höchstens 200 Zeichen)."),
        },
    )
    planned_on = forms.DateField(
        label=_("Geplant für (freiwillig)"),
        widget=DATE_INPUT,
        required=False,
        error_messages=DATE_ERRORS,
    )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Bitte benennen Sie den Meilenstein."))
        return title


class MilestoneReachForm(forms.Form):
    reached_on = forms.DateField(
        label=_("Erreicht am"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("Leer lassen für heute."),
        error_messages=DATE_ERRORS,
    )

    def clean_reached_on(self):
        return _not_in_future(self.cleaned_data.get("reached_on"))


class ReviewForm(forms.Form):
    party = forms.TypedChoiceField(
        label=_("Rückblick für"),
        coerce=int,
        error_messages={"required": _("Bitte wählen Sie, für wen Sie schreiben.")},
    )
    what_worked = forms.CharField(
        label=_("Was hat gut funktioniert?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        error_messages={"required": _("Bitte schreiben Sie, was gut funktioniert hat.")},
    )
    what_to_improve = forms.CharField(
        label=_("Was würden Sie beim nächsten Mal anders machen? (freiwillig)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        required=False,
    )
    would_again = forms.ChoiceField(
        label=_("Würden Sie es wieder tun?"),
        choices=WouldAgain.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte sagen Sie uns, ob Sie es wieder tun würden.")},
    )

    def __init__(self, *args, parties, **kwargs):
        """`parties`: the partner parties the user may write for (one, rarely both)."""
        super().__init__(*args, **kwargs)
        self.parties = {party.pk: party for party in parties}
        if len(parties) == 1:
            del self.fields["party"]
        else:
            self.fields["party"].choices = [(party.pk, party.name) for party in parties]

    def chosen_party(self):
        """The party the review is written for (after validation)."""
        if "party" in self.fields:
            return self.parties[self.cleaned_data["party"]]
        return next(iter(self.parties.values()))

    def clean_what_worked(self):
        text = self.cleaned_data["what_worked"].strip()
        if not text:
            raise forms.ValidationError(_("Bitte schreiben Sie, was gut funktioniert hat."))
        return text
