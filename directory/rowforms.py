"""One Django form per record type: each row of an import is validated through one of these.

A column that is missing from a row leaves the stored value alone; a column that is present
but empty resets the value (to its default, or to nothing). The forms therefore only keep
the fields of the columns a row has.
"""

import copy
from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exchange.models import Effort, Need, NeedKind, NeedStatus, Offer, OfferKind
from parties.models import (
    MAX_CORE_COMPETENCIES,
    CompanySize,
    ContactPerson,
    LegalForm,
    Party,
    PartyCompetency,
)

REQUIRED = gettext_lazy("Pflichtangabe fehlt.")
YES = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
NO = {"nein", "n", "no", "false", "falsch", "0"}
RATINGS = {r.value for r in PartyCompetency.Rating}


@lru_cache(maxsize=64)
def _choice_map(choices_class, language: str | None) -> dict[str, str]:
    """Codes and labels (German and the current language), casefolded, → code."""
    result = {}
    for language_code in ("de", language or "de"):
        with translation.override(language_code):
            result.update({str(c.label).casefold(): c.value for c in choices_class})
    result.update({c.value.casefold(): c.value for c in choices_class})
    return result


class LabelChoiceField(forms.Field):
    """A choice given by its code ("know_how") or its label ("Know-how / Beratung")."""

    def __init__(self, choices_class, **kwargs):
        super().__init__(**kwargs)
        self.choices_class = choices_class

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return ""
        code = _choice_map(self.choices_class, translation.get_language()).get(value.casefold())
        if code is None:
            raise ValidationError(
                _("„%(value)s“ ist nicht erlaubt. Möglich sind: %(allowed)s.")
                % {"value": value, "allowed": ", ".join(c.value for c in self.choices_class)}
            )
        return code


class YesNoField(forms.Field):
    def to_python(self, value):
        value = (value or "").strip().casefold()
        if not value:
            return None
        if value in YES:
            return True
        if value in NO:
            return False
        raise ValidationError(_("Bitte „ja“ oder „nein“ eintragen."))


class ResolvedField(forms.CharField):
    """Text resolved to a pk by a lookup that raises ValidationError."""

    def __init__(self, **kwargs):
        super().__init__(max_length=200, **kwargs)
        self.resolve = None

    def clean(self, value):
        value = super().clean(value)
        return self.resolve(value) if value else None


class LabelListField(forms.CharField):
    """Labels separated by ";", each resolved to a pk; with ratings: "Webseiten:3"."""

    def __init__(self, *, with_rating: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.with_rating = with_rating
        self.resolve = None

    def clean(self, value):
        value = super().clean(value)
        found: dict[int, int] = {}
        errors = []
        for item in (part.strip() for part in value.split(";")):
            if not item:
                continue
            label, sep, rating = item.rpartition(":")
            if not (sep and rating.strip().isdigit()):
                label, rating = item, None
            elif not self.with_rating:
                errors.append(
                    _("„%(item)s“: Eine Bewertung gibt es nur bei Unternehmen und Organisationen.")
                    % {"item": item}
                )
                continue
            elif int(rating) not in RATINGS:
                errors.append(_("„%(item)s“: Bewertung 1, 2 oder 3.") % {"item": item})
                continue
            try:
                pk = self.resolve(label.strip())
            except ValidationError as exc:
                errors.extend(exc.messages)
                continue
            rating = int(rating) if rating else PartyCompetency.Rating.GOOD.value
            found[pk] = max(rating, found.get(pk, 0))
        if errors:
            raise ValidationError(errors)
        if self.with_rating:
            return frozenset(found.items())
        return frozenset(found)


def _field_copy(field: forms.Field) -> forms.Field:
    result = copy.copy(field)
    result.error_messages = dict(field.error_messages)
    return result


def _char(model, field_name: str, **kwargs) -> forms.CharField:
    max_length = model._meta.get_field(field_name).max_length or 50_000
    return forms.CharField(max_length=max_length, required=False, **kwargs)


def _default(model, field_name: str):
    return model._meta.get_field(field_name).default


class RowForm(forms.Form):
    """Validates one row; `values()` gives the record's fields in DirectoryState's terms."""

    # column → key in Existing.values
    targets: dict[str, str] = {}
    required_columns: tuple[str, ...] = ()
    # What an empty cell of these columns means.
    defaults: dict[str, object] = {}

    def __init__(self, data: dict, *, lookups, existing=None):
        # These forms are never rendered, so the fields may share their widgets: a shallow
        # copy of the row's fields instead of BaseForm's deep copy of all of them, which
        # was most of the time spent on a large file.
        self.base_fields = {}
        super().__init__(data=data)
        self.fields = {
            name: _field_copy(field)
            for name, field in type(self).base_fields.items()
            if name in data
        }
        self.lookups = lookups
        self.existing = existing
        for name in self.required_columns:
            if name in self.fields:
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = REQUIRED
        resolvers = {
            "gemeinde": lookups.municipalities.resolve,
            "kompetenzen": lookups.competencies.resolve,
            "themen": lookups.topics.resolve,
            "zielgruppen": lookups.target_groups.resolve,
        }
        for name, resolve in resolvers.items():
            if name in self.fields:
                self.fields[name].resolve = resolve

    def clean(self):
        cleaned = super().clean()
        if self.existing is None:
            for column in self.required_columns:
                if column not in self.data:
                    self.add_error(
                        None,
                        _("Die Spalte „%(column)s“ fehlt; neue Einträge brauchen sie.")
                        % {"column": column},
                    )
        return cleaned

    def values(self, *, creating: bool = False) -> dict:
        """The row's values; when creating, columns the row lacks get their defaults too."""
        result = {}
        for column, target in self.targets.items():
            if column in self.cleaned_data:
                value = self.cleaned_data[column]
            elif creating and column in self.defaults:
                value = None
            else:
                continue
            if value in (None, "") and column in self.defaults:
                value = self.defaults[column]
            result[target] = value
        return result

    def merged(self, key: str):
        """A value as it will be after the import: this row's, else the stored one."""
        new = self.values()
        if key in new:
            return new[key]
        return self.existing.values.get(key) if self.existing else None


class PartyRowForm(RowForm):
    name = _char(Party, "name")
    beschreibung = forms.CharField(max_length=50_000, required=False)
    gemeinde = ResolvedField(required=False)
    kompetenzen = LabelListField(with_rating=True, required=False)
    themen = LabelListField(required=False)
    zielgruppen = LabelListField(required=False)
    branche = _char(Party, "sector")
    groesse = LabelChoiceField(CompanySize, required=False)
    rechtsform = LabelChoiceField(LegalForm, required=False)
    webseite = forms.URLField(max_length=200, required=False, assume_scheme="https")
    email = forms.EmailField(required=False)
    telefon = _char(Party, "phone")
    umkreis_km = forms.IntegerField(min_value=0, max_value=1000, required=False)
    max_patenschaften = forms.IntegerField(min_value=0, max_value=100, required=False)
    pausiert = YesNoField(required=False)
    ansprechperson = _char(ContactPerson, "name")
    ansprechperson_funktion = _char(ContactPerson, "role")
    ansprechperson_email = forms.EmailField(required=False)
    ansprechperson_telefon = _char(ContactPerson, "phone")

    targets = {
        "name": "name",
        "beschreibung": "description",
        "gemeinde": "municipality_id",
        "kompetenzen": "competencies",
        "themen": "topics",
        "zielgruppen": "target_groups",
        "branche": "sector",
        "groesse": "size",
        "rechtsform": "legal_form",
        "webseite": "website",
        "email": "email",
        "telefon": "phone",
        "umkreis_km": "radius_km",
        "max_patenschaften": "max_patronships",
        "pausiert": "is_paused",
    }
    required_columns = ("name",)
    defaults = {
        "umkreis_km": _default(Party, "radius_km"),
        "max_patenschaften": _default(Party, "max_patronships"),
        "pausiert": _default(Party, "is_paused"),
    }
    # In the order of lookups.CONTACT_FIELDS.
    contact_columns = (
        "ansprechperson",
        "ansprechperson_funktion",
        "ansprechperson_email",
        "ansprechperson_telefon",
    )

    def clean(self):
        cleaned = super().clean()
        if len(cleaned.get("kompetenzen") or ()) > MAX_CORE_COMPETENCIES:
            self.add_error(
                "kompetenzen",
                _("Höchstens %(n)d Kernkompetenzen.") % {"n": MAX_CORE_COMPETENCIES},
            )
        if not cleaned.get("ansprechperson") and any(
            cleaned.get(c) for c in self.contact_columns[1:]
        ):
            self.add_error(
                "ansprechperson" if "ansprechperson" in self.fields else None,
                _("Bitte auch den Namen der Ansprechperson angeben."),
            )
        return cleaned

    def values(self, *, creating: bool = False) -> dict:
        result = super().values(creating=creating)
        # An empty contact name leaves the contact persons alone (see docs/import.md).
        if self.cleaned_data.get("ansprechperson"):
            result["contact"] = tuple(
                self.cleaned_data.get(c, "") or "" for c in self.contact_columns
            )
        return result


class ItemRowForm(RowForm):
    """Needs and offers. Their owner (`partei`) is resolved by the planner, not here."""

    titel = _char(Need, "title")
    beschreibung = forms.CharField(max_length=50_000, required=False)
    kompetenzen = LabelListField(required=False)


class NeedRowForm(ItemRowForm):
    art = LabelChoiceField(NeedKind, required=False)
    gemeinde = ResolvedField(required=False)
    themen = LabelListField(required=False)
    aufwand = LabelChoiceField(Effort, required=False)
    zeitraum = _char(Need, "time_frame")
    aus_der_ferne = YesNoField(required=False)
    status = LabelChoiceField(NeedStatus, required=False)
    oeffentlich = YesNoField(required=False)

    targets = {
        "titel": "title",
        "beschreibung": "description",
        "art": "kind",
        "kompetenzen": "competencies",
        "themen": "topics",
        "aufwand": "effort",
        "zeitraum": "time_frame",
        "gemeinde": "municipality_id",
        "aus_der_ferne": "remote_ok",
        "status": "status",
        "oeffentlich": "publish_publicly",
    }
    required_columns = ("titel", "beschreibung", "art")
    defaults = {
        "aufwand": _default(Need, "effort"),
        "aus_der_ferne": _default(Need, "remote_ok"),
        # Needs on the coordinator's lists have been talked through: open, not draft.
        "status": NeedStatus.OPEN.value,
        "oeffentlich": _default(Need, "publish_publicly"),
    }

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.merged("municipality_id") and not self.merged("remote_ok"):
            self.add_error(
                "gemeinde" if "gemeinde" in self.fields else None,
                _("Bitte die Gemeinde angeben – oder „ja“ bei aus_der_ferne."),
            )
        return cleaned


class OfferRowForm(ItemRowForm):
    titel = _char(Offer, "title")
    art = LabelChoiceField(OfferKind, required=False)
    umfang = _char(Offer, "capacity")
    aktiv = YesNoField(required=False)

    targets = {
        "titel": "title",
        "beschreibung": "description",
        "art": "kind",
        "kompetenzen": "competencies",
        "umfang": "capacity",
        "aktiv": "is_active",
    }
    required_columns = ("titel", "art")
    defaults = {"aktiv": _default(Offer, "is_active")}
