"""The directory's tabular format: one record per row, a `typ` column, German column names.

The same column names are the keys of the JSON format. docs/import.md describes them.
"""

import re

from django.utils.translation import gettext_lazy as _

# Record types as written in files (German), with the English codes accepted as well.
COMPANY, ORGANISATION, NEED, OFFER = "unternehmen", "organisation", "bedarf", "angebot"
TYPES = (COMPANY, ORGANISATION, NEED, OFFER)
TYPE_ALIASES = {"company": COMPANY, "organization": ORGANISATION, "need": NEED, "offer": OFFER}
TYPE_LABELS = {
    COMPANY: _("Unternehmen"),
    ORGANISATION: _("Organisation"),
    NEED: _("Bedarf"),
    OFFER: _("Angebot"),
}
PARTY_TYPES = (COMPANY, ORGANISATION)

_PARTY = {COMPANY, ORGANISATION}
_ALL = set(TYPES)
_NEED_OFFER = {NEED, OFFER}

# Column → record types it applies to, in the order of exported files.
COLUMNS: dict[str, set[str]] = {
    "typ": _ALL,
    "ref": _ALL,
    "name": _PARTY,
    "partei": _NEED_OFFER,
    "titel": _NEED_OFFER,
    "art": _NEED_OFFER,
    "beschreibung": _ALL,
    "gemeinde": _PARTY | {NEED},
    "kompetenzen": _ALL,
    "themen": _PARTY | {NEED},
    "zielgruppen": _PARTY,
    "branche": {COMPANY},
    "groesse": {COMPANY},
    "rechtsform": {ORGANISATION},
    "webseite": _PARTY,
    "email": _PARTY,
    "telefon": _PARTY,
    "umkreis_km": _PARTY,
    "max_patenschaften": _PARTY,
    "pausiert": _PARTY,
    "ansprechperson": _PARTY,
    "ansprechperson_funktion": _PARTY,
    "ansprechperson_email": _PARTY,
    "ansprechperson_telefon": _PARTY,
    "aufwand": {NEED},
    "zeitraum": {NEED},
    "aus_der_ferne": {NEED},
    "status": {NEED},
    "oeffentlich": {NEED},
    "umfang": {OFFER},
    "aktiv": {OFFER},
}
INTEGER_COLUMNS = {"umkreis_km", "max_patenschaften"}
BOOLEAN_COLUMNS = {"pausiert", "aus_der_ferne", "oeffentlich", "aktiv"}
LIST_SEPARATOR = ";"

_HEADER_ALIASES = {
    "type": "typ",
    "kennung": "ref",
    "e_mail": "email",
    "ansprechperson_e_mail": "ansprechperson_email",
}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def column_key(header: str) -> str:
    """The canonical key for a header as people write it: "Größe" → "groesse"."""
    key = re.sub(r"[^a-z0-9]+", "_", str(header).strip().casefold().translate(_UMLAUTS))
    key = key.strip("_")
    return _HEADER_ALIASES.get(key, key)


def type_key(value: str) -> str | None:
    """The record type a `typ` cell names, or None."""
    value = value.strip().casefold()
    value = TYPE_ALIASES.get(value, value)
    return value if value in TYPES else None


def columns_for(record_type: str) -> list[str]:
    return [column for column, types in COLUMNS.items() if record_type in types]
