from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AnnualReport

MAX_STORIES = 12


class AnnualReportForm(forms.Form):
    foreword = forms.CharField(
        label=_("Vorwort"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=AnnualReport._meta.get_field("foreword").help_text,
        error_messages={
            "max_length": _(
                "Das Vorwort ist zu lang: höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
            )
        },
    )
    stories = forms.TypedMultipleChoiceField(
        label=_("Geschichten im Bericht"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Nur veröffentlichte Geschichten, denen beide Partner zugestimmt haben. Ohne "
            "Auswahl erscheinen die neuesten Geschichten des Jahres."
        ),
        error_messages={
            "invalid_choice": _(
                "Diese Geschichte ist nicht (mehr) veröffentlicht. Bitte wählen Sie neu."
            )
        },
    )

    def __init__(self, *args, story_choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stories"].choices = story_choices

    def clean_stories(self):
        stories = self.cleaned_data["stories"]
        if len(stories) > MAX_STORIES:
            raise forms.ValidationError(
                _("Bitte wählen Sie höchstens %(count)s Geschichten.") % {"count": MAX_STORIES}
            )
        return stories
