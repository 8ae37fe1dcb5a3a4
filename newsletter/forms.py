import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Topic

from .models import DeliveryStatus, Segment, SubscriberStatus
from .services import CONSENT_TEXT

MAX_DATES = 20
DATE_LINE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–:,]?\s*(.*)$")


def _topics():
    return Topic.objects.order_by("name")


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _(
                "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org."
            ),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Name (freiwillig)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    segment = forms.ChoiceField(
        label=_("Sie lesen den Newsletter als …"),
        choices=Segment.choices,
        initial=Segment.PUBLIC,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie, als wer Sie den Newsletter lesen."),
            "invalid_choice": _("Bitte wählen Sie eine der angebotenen Möglichkeiten."),
        },
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Themen, die Sie besonders interessieren"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ohne Auswahl erhalten Sie alles."),
        error_messages={"invalid_choice": _("Bitte wählen Sie nur angebotene Themen.")},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={
            "required": _("Bitte stimmen Sie zu, damit wir Ihnen den Newsletter schicken dürfen.")
        },
    )
    # A field people never see: bots fill in every field they find.
    website = forms.CharField(
        label=_("Bitte leer lassen"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = _topics()

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class ConfirmForm(forms.Form):
    """The button on the confirmation page (GET shows it, so that link scanners opening
    every link in an email cannot confirm for someone)."""


class IssueForm(forms.Form):
    subject = forms.CharField(
        label=_("Betreff"),
        max_length=150,
        error_messages={
            "required": _("Bitte geben Sie einen Betreff ein."),
            "max_length": _("Der Betreff ist zu lang: höchstens %(limit_value)d Zeichen."),
        },
    )
    intro = forms.CharField(
        label=_("Einleitung"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Ein paar Sätze zu Beginn. Leerzeilen trennen Absätze."),
        error_messages={
            "max_length": _("Die Einleitung ist zu lang: höchstens %(limit_value)d Zeichen.")
        },
    )
    segments = forms.MultipleChoiceField(
        label=_("An wen?"),
        choices=Segment.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Bitte wählen Sie mindestens eine Empfängergruppe."),
            "invalid_choice": _("Bitte wählen Sie nur angebotene Gruppen."),
        },
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Nur an Leser dieser Themen (freiwillig)"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Ohne Auswahl geht die Ausgabe an alle in den gewählten Gruppen. Mit Auswahl an "
            "alle, die eines dieser Themen gewählt haben oder gar keines."
        ),
        error_messages={"invalid_choice": _("Bitte wählen Sie nur angebotene Themen.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = _topics()


_TITLE = forms.CharField(
    label=_("Überschrift"),
    max_length=150,
    required=False,
    help_text=_("Leer lassen für die übliche Überschrift."),
    error_messages={
        "max_length": _("Die Überschrift ist zu lang: höchstens %(limit_value)d Zeichen.")
    },
)


class TextBlockForm(forms.Form):
    title = _TITLE
    text = forms.CharField(
        label=_("Text"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Leerzeilen trennen Absätze; Internetadressen werden zu Links."),
        error_messages={
            "required": _("Bitte schreiben Sie einen Text."),
            "max_length": _("Der Text ist zu lang: höchstens %(limit_value)d Zeichen."),
        },
    )


class ListBlockForm(forms.Form):
    """Newest stories or open needs: how many."""

    title = _TITLE
    count = forms.IntegerField(
        label=_("Wie viele?"),
        min_value=1,
        max_value=10,
        initial=3,
        error_messages={
            "required": _("Bitte geben Sie an, wie viele erscheinen sollen."),
            "invalid": _("Bitte geben Sie eine ganze Zahl von 1 bis 10 an."),
            "min_value": _("Bitte geben Sie eine ganze Zahl von 1 bis 10 an."),
            "max_value": _("Bitte geben Sie eine ganze Zahl von 1 bis 10 an."),
        },
    )


class DatesBlockForm(forms.Form):
    title = _TITLE
    dates = forms.CharField(
        label=_("Termine, einer pro Zeile"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Jede Zeile beginnt mit dem Datum, dann folgt der Text, zum Beispiel: "
            "„14.06.2025 Netzwerktreffen im Rathaus Weißwasser, 18 Uhr“."
        ),
        error_messages={"required": _("Bitte tragen Sie mindestens einen Termin ein.")},
    )

    def clean_dates(self) -> list[dict]:
        today = timezone.localdate()
        entries, errors = [], []
        lines = [line for line in self.cleaned_data["dates"].splitlines() if line.strip()]
        if len(lines) > MAX_DATES:
            raise forms.ValidationError(
                _("Bitte höchstens %(count)s Termine auf einmal.") % {"count": MAX_DATES}
            )
        for number, line in enumerate(lines, start=1):
            match = DATE_LINE.match(line)
            day = None
            if match:
                d, m, y, text = match.groups()
                try:
                    day = datetime.date(int(y), int(m), int(d))
                except ValueError:
                    day = None
            if day is None:
                errors.append(
                    _("Zeile %(number)s: Bitte beginnen Sie mit einem Datum wie 14.06.2025.")
                    % {"number": number}
                )
            elif day < today:
                errors.append(
                    _("Zeile %(number)s: Der %(day)s liegt in der Vergangenheit.")
                    % {"number": number, "day": day.strftime("%d.%m.%Y")}
                )
            elif not text.strip():
                errors.append(
                    _("Zeile %(number)s: Bitte schreiben Sie nach dem Datum, was stattfindet.")
                    % {"number": number}
                )
            else:
                entries.append({"date": day.isoformat(), "text": text.strip()[:300]})
        if errors:
            raise forms.ValidationError(errors)
        return entries


def dates_as_text(entries: list[dict]) -> str:
    """The stored dates as the form shows them (one "TT.MM.JJJJ text" per line)."""
    lines = []
    for entry in entries:
        try:
            day = datetime.date.fromisoformat(entry["date"])
        except (KeyError, TypeError, ValueError):
            continue
        lines.append(f"{day:%d.%m.%Y} {entry.get('text', '')}")
    return "\n".join(lines)


class DeliveryFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("alle"))] + list(DeliveryStatus.choices),
        required=False,
    )


class SubscriberFilterForm(forms.Form):
    q = forms.CharField(label=_("E-Mail oder Name enthält"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("alle"))] + list(SubscriberStatus.choices),
        required=False,
    )
    segment = forms.ChoiceField(
        label=_("Gruppe"), choices=[("", _("alle"))] + list(Segment.choices), required=False
    )
