"""What an import looks things up in: taxonomy labels, municipalities, and existing records.

Everything is read once per import, a fixed number of queries whatever the file's length,
so that validating 20,000 rows does not cost 20,000 queries.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from exchange.models import Need, Offer
from parties.models import ContactPerson, Party, PartyCompetency
from places.models import Municipality
from taxonomy.models import Competency, TargetGroup, Topic

from .formats import newlines_normalize


class LabelIndex:
    """Resolve a label to one taxonomy entry's pk by name or synonym, case-insensitively.

    The same rule as `LabelledQuerySet.matching_label` (a name wins over synonyms), but
    over one query's worth of entries held in memory: matching_label reads every entry's
    synonyms on each call, which is too slow for thousands of rows.
    """

    def __init__(self, queryset, *, unknown: str):
        self.unknown = unknown
        self.names: dict[str, list[int]] = defaultdict(list)
        self.synonyms: dict[str, list[int]] = defaultdict(list)
        with_synonyms = "synonyms" in {f.name for f in queryset.model._meta.get_fields()}
        columns = ["pk", "name", "synonyms"] if with_synonyms else ["pk", "name"]
        for pk, name, *synonyms in queryset.values_list(*columns):
            self.names[name.strip().casefold()].append(pk)
            for synonym in (synonyms[0] or []) if synonyms else []:
                if pk not in self.synonyms[synonym.strip().casefold()]:
                    self.synonyms[synonym.strip().casefold()].append(pk)

    def resolve(self, label: str) -> int:
        key = label.strip().casefold()
        pks = self.names.get(key) or self.synonyms.get(key) or []
        if len(pks) == 1:
            return pks[0]
        if not pks:
            raise ValidationError(self.unknown % {"label": label.strip()})
        raise ValidationError(
            _("„%(label)s“ passt zu mehreren Einträgen. Bitte den genauen Namen angeben.")
            % {"label": label.strip()}
        )


class MunicipalityIndex:
    """Resolve a municipality by name or postcode, like `by_name_or_postcode`, in memory.

    Unlike by_name_or_postcode (which matches postcodes by substring), a postcode must be
    one of the municipality's postcodes; a postcode shared by several is an error.
    """

    def __init__(self):
        self.names: dict[str, list[Municipality]] = defaultdict(list)
        self.postcodes: dict[str, list[Municipality]] = defaultdict(list)
        for municipality in Municipality.objects.only("pk", "name", "postcodes"):
            self.names[municipality.name.casefold()].append(municipality)
            for postcode in municipality.postcode_list:
                self.postcodes[postcode].append(municipality)

    def resolve(self, value: str) -> int:
        value = value.strip()
        if value.isdigit() and len(value) == 4:
            value = "0" + value  # a spreadsheet dropped the leading zero of 02943
        matches = self.postcodes[value] if value.isdigit() else self.names[value.casefold()]
        if len(matches) == 1:
            return matches[0].pk
        if not matches:
            raise ValidationError(
                _("Unbekannte Gemeinde oder Postleitzahl „%(value)s“.") % {"value": value}
            )
        raise ValidationError(
            _(
                "Die Postleitzahl %(value)s gehört zu mehreren Gemeinden (%(names)s). "
                "Bitte den Namen der Gemeinde angeben."
            )
            % {"value": value, "names": ", ".join(m.name for m in matches)}
        )


@dataclass
class Existing:
    """An existing record: its pk, kind, ref, owner and current values in row terms."""

    pk: int
    kind: str
    ref: str
    party_id: int | None
    values: dict


PARTY_FIELDS = [
    "name",
    "description",
    "municipality_id",
    "sector",
    "size",
    "legal_form",
    "website",
    "email",
    "phone",
    "radius_km",
    "max_patronships",
    "is_paused",
]
NEED_FIELDS = [
    "title",
    "description",
    "kind",
    "effort",
    "time_frame",
    "municipality_id",
    "remote_ok",
    "status",
    "publish_publicly",
]
OFFER_FIELDS = ["title", "description", "kind", "capacity", "is_active"]
CONTACT_FIELDS = ["name", "role", "email", "phone"]


def _newlines(row: dict) -> dict:
    """Stored text as an import reads it, so that "\r\n" from a browser is no change."""
    return {k: newlines_normalize(v) if isinstance(v, str) else v for k, v in row.items()}


def _pairs(through, owner: str, other: str) -> dict[int, set]:
    result = defaultdict(set)
    for owner_id, other_id in through.objects.values_list(owner, other):
        result[owner_id].add(other_id)
    return result


class DirectoryState:
    """The directory as it is in the database, loaded with a fixed number of queries."""

    def __init__(self):
        self.parties_by_ref: dict[str, Existing] = {}
        self.parties_by_name: dict[str, list[Existing]] = defaultdict(list)
        competencies = defaultdict(set)
        for party_id, comp_id, rating in PartyCompetency.objects.values_list(
            "party_id", "competency_id", "rating"
        ):
            competencies[party_id].add((comp_id, rating))
        topics = _pairs(Party.topics.through, "party_id", "topic_id")
        groups = _pairs(Party.target_groups.through, "party_id", "targetgroup_id")
        contacts = {}
        for contact in ContactPerson.objects.filter(is_primary=True).order_by(
            "party_id", "name", "pk"
        ):
            contacts.setdefault(contact.party_id, contact)
        for row in Party.objects.values("pk", "kind", "ref", *PARTY_FIELDS):
            pk = row.pop("pk")
            row = _newlines(row)
            contact = contacts.get(pk)
            values = {
                **row,
                "competencies": frozenset(competencies[pk]),
                "topics": frozenset(topics[pk]),
                "target_groups": frozenset(groups[pk]),
                "contact": tuple(getattr(contact, f) for f in CONTACT_FIELDS) if contact else None,
            }
            existing = Existing(pk, row["kind"], row["ref"], None, values)
            if row["ref"]:
                self.parties_by_ref[row["ref"]] = existing
            self.parties_by_name[row["name"]].append(existing)
        self.needs_by_ref, self.needs_by_title = self._load_items(
            Need,
            NEED_FIELDS,
            competencies=_pairs(Need.competencies.through, "need_id", "competency_id"),
            topics=_pairs(Need.topics.through, "need_id", "topic_id"),
        )
        self.offers_by_ref, self.offers_by_title = self._load_items(
            Offer,
            OFFER_FIELDS,
            competencies=_pairs(Offer.competencies.through, "offer_id", "competency_id"),
        )

    @staticmethod
    def _load_items(model, fields, **relations):
        by_ref: dict[str, Existing] = {}
        by_title: dict[tuple[int, str], list[Existing]] = defaultdict(list)
        for row in model.objects.values("pk", "party_id", "ref", *fields):
            pk, party_id = row.pop("pk"), row.pop("party_id")
            row = _newlines(row)
            values = {**row, **{name: frozenset(rel[pk]) for name, rel in relations.items()}}
            existing = Existing(pk, "", row["ref"], party_id, values)
            if row["ref"]:
                by_ref[row["ref"]] = existing
            by_title[(party_id, row["title"])].append(existing)
        return by_ref, by_title


class Lookups:
    """Everything one import resolves names against."""

    def __init__(self):
        self.competencies = LabelIndex(
            Competency.objects.all(), unknown=_("Unbekannte Kompetenz „%(label)s“.")
        )
        self.topics = LabelIndex(Topic.objects.all(), unknown=_("Unbekanntes Thema „%(label)s“."))
        self.target_groups = LabelIndex(
            TargetGroup.objects.all(), unknown=_("Unbekannte Zielgruppe „%(label)s“.")
        )
        self.municipalities = MunicipalityIndex()
        self.state = DirectoryState()
