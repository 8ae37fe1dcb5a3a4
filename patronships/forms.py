import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parties.models import ContactPerson, Party
from taxonomy.models import Topic

from .models import Answer, Patronship
from .services import end_date_for

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        place = f" ({obj.municipality})" if obj.municipality_id else ""
        return f"{obj.name}{place}"


class IntroductionForm(forms.Form):
    sponsor = PartyChoiceField(
        label=_("Pate (gibt)"),
        queryset=Party.objects.none(),
        error_messages={"required": _("Bitte wählen Sie den Paten.")},
    )
    recipient = PartyChoiceField(
        label=_("Partner (erhält)"),
        queryset=Party.objects.none(),
        error_messages={"required": _("Bitte wählen Sie den Partner.")},
    )
    message = forms.CharField(
        label=_("Nachricht an beide"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        required=False,
        help_text=_(
            "Warum passen die beiden zusammen? Beide Seiten lesen diesen Text in der E-Mail "
            "und im Portal."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        approved = Party.objects.approved().select_related("municipality").order_by("name")
        self.fields["sponsor"].queryset = approved
        self.fields["recipient"].queryset = approved

    def clean(self):
        cleaned = super().clean()
        sponsor, recipient = cleaned.get("sponsor"), cleaned.get("recipient")
        if sponsor and recipient and sponsor == recipient:
            self.add_error("recipient", _("Bitte wählen Sie zwei verschiedene Parteien."))
        return cleaned


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Ihre Antwort"),
        choices=[
            (Answer.ACCEPTED, _("Ja, wir möchten einander kennenlernen")),
            (Answer.DECLINED, _("Nein, danke")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie Ja oder Nein.")},
    )
    reason = forms.CharField(
        label=_("Begründung oder Hinweis (freiwillig)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Hilft der Koordination, beim nächsten Mal besser vorzuschlagen."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Bitte geben Sie eine Begründung an.")},
    )

    def __init__(self, *args, required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if not required:
            self.fields["reason"].label = _("Anmerkung (freiwillig)")


class EndEarlyForm(ReasonForm):
    ended_on = forms.DateField(
        label=_("Beendet am"),
        widget=DATE_INPUT,
        required=False,
        help_text=_("Leer lassen für heute."),
        error_messages={"invalid": _("Bitte geben Sie ein gültiges Datum ein.")},
    )

    def clean_ended_on(self):
        ended_on = self.cleaned_data.get("ended_on")
        if ended_on and ended_on > timezone.localdate():
            raise forms.ValidationError(_("Das Ende darf nicht in der Zukunft liegen."))
        return ended_on


class TermMixin:
    """An end date, or a duration in months from the start: exactly one of both."""

    def clean_term(self, start: datetime.date | None):
        end, months = self.cleaned_data.get("end_date"), self.cleaned_data.get("duration_months")
        if start is None:
            return None
        if end and months:
            self.add_error(
                "duration_months",
                _("Bitte geben Sie entweder ein Enddatum oder eine Dauer an, nicht beides."),
            )
            return None
        if not end and not months:
            self.add_error("end_date", _("Bitte geben Sie ein Enddatum oder eine Dauer an."))
            return None
        end = end or end_date_for(start, months)
        if end < start:
            self.add_error("end_date", _("Das Ende muss nach dem Beginn liegen."))
            return None
        return end


TERM_FIELDS = {
    "end_date": forms.DateField(
        label=_("Ende"),
        widget=DATE_INPUT,
        required=False,
        error_messages={"invalid": _("Bitte geben Sie ein gültiges Datum ein.")},
    ),
    "duration_months": forms.IntegerField(
        label=_("oder Dauer in Monaten"),
        required=False,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        error_messages={
            "min_value": _("Mindestens ein Monat."),
            "max_value": _("Höchstens 60 Monate; danach wird verlängert."),
            "invalid": _("Bitte geben Sie eine ganze Zahl an."),
        },
    ),
}


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.role})" if obj.role else obj.name


class AgreementForm(TermMixin, forms.ModelForm):
    end_date = TERM_FIELDS["end_date"]
    duration_months = TERM_FIELDS["duration_months"]
    start_date = forms.DateField(
        label=_("Beginn"),
        widget=DATE_INPUT,
        error_messages={
            "required": _("Bitte geben Sie den Beginn an."),
            "invalid": _("Bitte geben Sie ein gültiges Datum ein."),
        },
    )
    checkin_interval_days = forms.IntegerField(
        label=_("Zwischengespräch alle … Tage"),
        initial=90,
        validators=[MinValueValidator(14), MaxValueValidator(365)],
        error_messages={
            "min_value": _("Mindestens alle 14 Tage."),
            "max_value": _("Mindestens einmal im Jahr (365 Tage)."),
            "required": _("Bitte geben Sie an, wie oft ein Zwischengespräch stattfindet."),
        },
    )

    class Meta:
        model = Patronship
        fields = [
            "title",
            "sponsor_gives",
            "recipient_gives",
            "start_date",
            "end_date",
            "duration_months",
            "checkin_interval_days",
            "sponsor_contact",
            "recipient_contact",
            "topics",
        ]
        widgets = {
            "sponsor_gives": forms.Textarea(attrs={"rows": 3}),
            "recipient_gives": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "sponsor_contact": ContactChoiceField,
            "recipient_contact": ContactChoiceField,
        }
        error_messages = {
            "title": {"required": _("Bitte geben Sie der Patenschaft einen Titel.")},
            "sponsor_gives": {"required": _("Bitte beschreiben Sie, was der Pate gibt.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        patronship = self.instance
        self.fields["sponsor_gives"].required = True
        self.fields["sponsor_gives"].label = _("Das gibt %(name)s") % {
            "name": patronship.sponsor.name
        }
        self.fields["recipient_gives"].label = _("Das gibt %(name)s zurück") % {
            "name": patronship.recipient.name
        }
        self.fields["recipient_gives"].help_text = _(
            "Auch kleine Dinge zählen: ein Auftritt der Kindertanzgruppe beim Firmenfest, "
            "Kontakte zu Jugendlichen auf Ausbildungssuche, Öffentlichkeit."
        )
        for field, party in (
            ("sponsor_contact", patronship.sponsor),
            ("recipient_contact", patronship.recipient),
        ):
            self.fields[field].queryset = ContactPerson.objects.filter(party=party).order_by(
                "-is_primary", "name"
            )
            self.fields[field].label = _("Ansprechperson bei %(name)s") % {"name": party.name}
        self.fields["topics"].queryset = Topic.objects.order_by("name")
        self.fields["topics"].required = False
        if not self.is_bound and patronship.start_date is None:
            self.initial["start_date"] = timezone.localdate()
            self.initial["duration_months"] = 12
        if not self.is_bound:
            for field in ("sponsor_contact", "recipient_contact"):
                if not self.initial.get(field):
                    self.initial[field] = (
                        self.fields[field].queryset.filter(is_primary=True).first()
                    )

    def clean(self):
        cleaned = super().clean()
        cleaned["end_date"] = self.clean_term(cleaned.get("start_date"))
        return cleaned


class RenewForm(TermMixin, forms.Form):
    end_date = TERM_FIELDS["end_date"]
    duration_months = TERM_FIELDS["duration_months"]
    sponsor_gives = forms.CharField(
        label=_("Das gibt der Pate in der neuen Laufzeit"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Bitte beschreiben Sie, was der Pate gibt.")},
    )
    recipient_gives = forms.CharField(
        label=_("Das gibt der Partner zurück"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    reason = forms.CharField(
        label=_("Anmerkung (freiwillig)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, new_start: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_start = new_start
        self.fields["end_date"].label = _("Neues Ende")
        self.fields["end_date"].help_text = _("Die neue Laufzeit beginnt am %(start)s.") % {
            "start": new_start.strftime("%d.%m.%Y")
        }

    def clean(self):
        cleaned = super().clean()
        cleaned["end_date"] = self.clean_term(self.new_start)
        return cleaned
