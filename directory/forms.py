from django import forms
from django.utils.translation import gettext_lazy as _

from .formats import FORMATS, MAX_BYTES, FileRejected, format_from_filename


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Datei"),
        help_text=_("CSV, XLSX (Excel) oder JSON; höchstens 5 MB und 20.000 Zeilen."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{f}" for f in FORMATS)}),
        error_messages={
            "required": _("Bitte wählen Sie eine Datei aus."),
            "empty": _("Die Datei ist leer."),
        },
    )
    check_only = forms.BooleanField(
        label=_("nur prüfen"),
        required=False,
        initial=True,
        help_text=_("Zeigt Zeile für Zeile, was sich ändern würde, und speichert noch nichts."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            format_from_filename(upload.name)
        except FileRejected as exc:
            raise forms.ValidationError(str(exc)) from exc
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist größer als %(mb)d MB. Bitte teilen Sie sie auf."),
                params={"mb": MAX_BYTES // (1024 * 1024)},
            )
        return upload


class ReportFilterForm(forms.Form):
    """The report page's filter; invalid values fall back to the whole first page."""

    errors_only = forms.BooleanField(label=_("nur Zeilen mit Fehlern"), required=False)
    page = forms.IntegerField(min_value=1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
