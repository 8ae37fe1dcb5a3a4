from django import forms
from django.utils.translation import gettext_lazy as _

from parties.images import SafeImageField

from .models import CONSENT_ITEMS, Consent, Story, StoryPhoto
from .services import STORY_FIELDS

NOTE_REQUIRED = _(
    "Sie erfassen die Zustimmung für den Partner: Bitte geben Sie an, wie sie vorliegt "
    "(z. B. „unterschriebenes Formular vom 3. Mai“ oder „telefonisch am 3. Mai, Frau Noack“)."
)


class ConsentForm(forms.Form):
    """One partner's consent per item. When the coordinator records a grant for a partner
    (on paper, by phone), a note says how it was given."""

    note = forms.CharField(
        label=Consent._meta.get_field("note").verbose_name,
        max_length=300,
        required=False,
        help_text=Consent._meta.get_field("note").help_text,
    )

    def __init__(self, *args, consent: Consent, on_behalf: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent = consent
        self.on_behalf = on_behalf
        items = {}
        for item in CONSENT_ITEMS:
            model_field = Consent._meta.get_field(item)
            items[item] = forms.BooleanField(
                label=model_field.verbose_name,
                help_text=model_field.help_text,
                required=False,
                initial=getattr(consent, item),
            )
        # Items first, the note last.
        self.fields = {**items, **({"note": self.fields["note"]} if on_behalf else {})}

    def clean(self):
        cleaned = super().clean()
        granted = [
            item for item in CONSENT_ITEMS if cleaned.get(item) and not getattr(self.consent, item)
        ]
        if self.on_behalf and granted and not cleaned.get("note", "").strip():
            self.add_error("note", NOTE_REQUIRED)
        return cleaned

    @property
    def values(self) -> dict[str, bool]:
        return {item: self.cleaned_data[item] for item in CONSENT_ITEMS}


class StoryForm(forms.ModelForm):
    class Meta:
        model = Story
        fields = STORY_FIELDS
        widgets = {
            "teaser": forms.Textarea(attrs={"rows": 3}),
            "text": forms.Textarea(attrs={"rows": 14}),
            "sponsor_gave": forms.Textarea(attrs={"rows": 3}),
            "recipient_gave": forms.Textarea(attrs={"rows": 3}),
            "sponsor_quote": forms.Textarea(attrs={"rows": 3}),
            "recipient_quote": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": _("Bitte geben Sie der Geschichte eine Überschrift.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True

    def clean(self):
        cleaned = super().clean()
        for side in ("sponsor", "recipient"):
            if (
                cleaned.get(f"{side}_quote", "").strip()
                and not cleaned.get(f"{side}_quote_by", "").strip()
            ):
                self.add_error(
                    f"{side}_quote_by",
                    _("Bitte nennen Sie, wer das sagt (Name und Funktion)."),
                )
        return cleaned


class PhotoForm(forms.Form):
    image = SafeImageField(label=_("Foto"), image_name="foto")
    caption = forms.CharField(
        label=StoryPhoto._meta.get_field("caption").verbose_name,
        help_text=StoryPhoto._meta.get_field("caption").help_text,
        max_length=300,
        error_messages={"required": _("Bitte schreiben Sie eine Bildunterschrift.")},
    )
    alt_text = forms.CharField(
        label=StoryPhoto._meta.get_field("alt_text").verbose_name,
        help_text=StoryPhoto._meta.get_field("alt_text").help_text,
        max_length=300,
        error_messages={
            "required": _("Bitte beschreiben Sie das Bild für Menschen, die es nicht sehen können.")
        },
    )
    credit = forms.CharField(
        label=StoryPhoto._meta.get_field("credit").verbose_name, max_length=150, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].error_messages["required"] = _("Bitte wählen Sie ein Foto aus.")

    def clean(self):
        cleaned = super().clean()
        caption, alt = cleaned.get("caption", ""), cleaned.get("alt_text", "")
        if caption and alt and caption.strip().casefold() == alt.strip().casefold():
            self.add_error(
                "alt_text",
                _(
                    "Der Alternativtext soll beschreiben, was zu sehen ist – nicht die "
                    "Bildunterschrift wiederholen."
                ),
            )
        return cleaned


class ApproveForm(forms.Form):
    note = forms.CharField(
        label=_("Nachweis"),
        max_length=300,
        required=False,
        help_text=_("Nur wenn Sie die Freigabe für den Partner erfassen: wie liegt sie vor?"),
    )

    def __init__(self, *args, on_behalf: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.on_behalf = on_behalf
        if not on_behalf:
            del self.fields["note"]

    def clean(self):
        cleaned = super().clean()
        if self.on_behalf and not cleaned.get("note", "").strip():
            self.add_error("note", NOTE_REQUIRED)
        return cleaned


class ChangesForm(forms.Form):
    comment = forms.CharField(
        label=_("Was soll geändert werden?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Bitte schreiben Sie, was geändert werden soll.")},
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Warum nehmen Sie die Geschichte offline?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Die Partner erhalten diese Begründung."),
        error_messages={"required": _("Bitte nennen Sie einen Grund.")},
    )
