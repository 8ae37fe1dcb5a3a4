"""Validate every row of an import and decide what it does, before anything is written.

Parties are matched first (by `ref`, else by exact name and kind), so that a need or offer
may name an owner that is defined further down in the same file.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from parties.models import PartyKind

from .columns import COLUMNS, COMPANY, NEED, OFFER, PARTY_TYPES, TYPE_LABELS, type_key
from .formats import SourceRow
from .lookups import Existing, Lookups
from .reports import CREATE, ERROR, UNCHANGED, UPDATE, RowResult
from .rowforms import NeedRowForm, OfferRowForm, PartyRowForm

PARTY_KINDS = {COMPANY: PartyKind.COMPANY, "organisation": PartyKind.ORGANISATION}
REF_MAX_LENGTH = 100


@dataclass
class PlannedRow:
    """A row with its verdict: what it changes (`values`, in DirectoryState's terms)."""

    result: RowResult
    type: str | None
    ref: str
    data: dict[str, str]
    values: dict = field(default_factory=dict)
    existing: Existing | None = None
    owner: "PlannedRow | Existing | None" = None
    pk: int | None = None  # of the record once written

    def error(self, message: str) -> None:
        self.result.errors.append(message)

    @property
    def action(self) -> str:
        return self.result.action

    @property
    def record_pk(self) -> int | None:
        return self.existing.pk if self.existing else self.pk

    @property
    def owner_pk(self) -> int | None:
        if self.owner is None:
            return self.existing.party_id if self.existing else None
        if isinstance(self.owner, Existing):
            return self.owner.pk
        return self.owner.record_pk


def import_plan(rows: list[SourceRow], lookups: Lookups) -> list[PlannedRow]:
    """Every row checked and matched; rows with `action == ERROR` carry German reasons."""
    return _Planner(lookups).plan(rows)


def _form_errors(form) -> list[str]:
    return [
        message if name == "__all__" else f"{name}: {message}"
        for name, messages in form.errors.items()
        for message in messages
    ]


def _owner_key(owner) -> tuple:
    if isinstance(owner, Existing):
        return ("db", owner.pk)
    return ("db", owner.existing.pk) if owner.existing else ("file", owner.result.line)


class _Planner:
    def __init__(self, lookups: Lookups):
        self.lookups = lookups
        self.state = lookups.state
        self.file_parties_by_ref: dict[str, PlannedRow] = {}
        self.file_parties_by_name: dict[str, list[PlannedRow]] = defaultdict(list)
        self.claimed: dict[tuple, int] = {}

    def plan(self, rows: list[SourceRow]) -> list[PlannedRow]:
        planned = [self._start(row) for row in rows]
        parties = [p for p in planned if p.type in PARTY_TYPES]
        for p in parties:
            if p.ref:
                self.file_parties_by_ref.setdefault(p.ref, p)
            if p.data.get("name"):
                self.file_parties_by_name[p.data["name"]].append(p)
        for p in parties:
            self._party(p)
        for p in planned:
            if p.type in (NEED, OFFER):
                self._item(p)
        for p in planned:
            if p.result.errors:
                p.result.action = ERROR
        return planned

    def _start(self, row: SourceRow) -> PlannedRow:
        raw_type = row.values.get("typ", "")
        record_type = type_key(raw_type)
        ref = row.values.get("ref", "")
        data = {}
        result = RowResult(line=row.line, type=record_type or raw_type, label="")
        p = PlannedRow(result=result, type=record_type, ref=ref, data=data)
        for problem in row.problems:
            p.error(problem)
        if record_type is None:
            p.error(
                _("typ: „%(value)s“ ist unbekannt – möglich: %(allowed)s.")
                % {"value": raw_type, "allowed": "unternehmen, organisation, bedarf, angebot"}
                if raw_type
                else _("typ: Pflichtangabe fehlt (unternehmen, organisation, bedarf, angebot).")
            )
        else:
            for column, value in row.values.items():
                if column in ("typ", "ref"):
                    continue
                if record_type in COLUMNS[column]:
                    data[column] = value
                elif value:
                    p.error(
                        _("%(column)s: Diese Spalte gilt nicht für %(type)s.")
                        % {"column": column, "type": TYPE_LABELS[record_type]}
                    )
        if len(ref) > REF_MAX_LENGTH:
            p.error(_("ref: Höchstens %(n)d Zeichen.") % {"n": REF_MAX_LENGTH})
        result.label = ref or data.get("name") or data.get("titel") or ""
        return p

    def _claim(self, key: tuple, p: PlannedRow, message: str) -> bool:
        """True (and an error on `p`) when an earlier row already stands for the same record."""
        first = self.claimed.setdefault(key, p.result.line)
        if first != p.result.line:
            p.error(message % {"line": first})
            return True
        return False

    def _party(self, p: PlannedRow) -> None:
        kind = PARTY_KINDS[p.type]
        name = p.data.get("name", "")
        if p.ref:
            if self._claim(
                ("party-ref", p.ref), p, _("ref: Diese Kennung steht schon in Zeile %(line)d.")
            ):
                return
            existing = self.state.parties_by_ref.get(p.ref)
            if existing and existing.kind != kind:
                p.error(
                    _("ref: Die Kennung „%(ref)s“ gehört zu einem Eintrag anderer Art.")
                    % {"ref": p.ref}
                )
                return
        elif not name:
            p.error(
                _(
                    "name: Ohne Kennung (ref) braucht ein Unternehmen "
                    "oder eine Organisation einen Namen."
                )
            )
            return
        else:
            if self._claim(
                ("party-name", kind, name),
                p,
                _("name: Dieser Name steht ohne Kennung schon in Zeile %(line)d."),
            ):
                return
            matches = [e for e in self.state.parties_by_name.get(name, []) if e.kind == kind]
            if len(matches) > 1:
                p.error(
                    _("name: Mehrere Einträge heißen „%(name)s“. Bitte eine Kennung (ref) angeben.")
                    % {"name": name}
                )
                return
            existing = matches[0] if matches else None
        if existing and self._claim(
            ("party", existing.pk), p, _("Dieser Eintrag wird schon in Zeile %(line)d geändert.")
        ):
            return
        self._validate(p, PartyRowForm(p.data, lookups=self.lookups, existing=existing), existing)

    def _item(self, p: PlannedRow) -> None:
        state = self.state
        if p.type == NEED:
            by_ref, by_title, form_class = state.needs_by_ref, state.needs_by_title, NeedRowForm
        else:
            by_ref, by_title, form_class = state.offers_by_ref, state.offers_by_title, OfferRowForm
        owner_text = p.data.pop("partei", "")
        if owner_text:
            try:
                p.owner = self._owner(owner_text)
            except ValidationError as exc:
                p.error(_("partei: %(reason)s") % {"reason": " ".join(exc.messages)})
                return
        title = p.data.get("titel", "")
        existing = None
        if p.ref:
            if self._claim(
                (p.type, "ref", p.ref), p, _("ref: Diese Kennung steht schon in Zeile %(line)d.")
            ):
                return
            existing = by_ref.get(p.ref)
        elif not title:
            p.error(_("titel: Ohne Kennung (ref) braucht ein Eintrag einen Titel."))
            return
        elif p.owner is not None:
            if self._claim(
                (p.type, "title", _owner_key(p.owner), title),
                p,
                _(
                    "titel: Dieser Titel steht für dasselbe Unternehmen bzw. "
                    "dieselbe Organisation schon in Zeile %(line)d."
                ),
            ):
                return
            matches = by_title.get((p.owner_pk, title), []) if p.owner_pk else []
            if len(matches) > 1:
                p.error(
                    _("titel: Dort gibt es mehrere Einträge „%(title)s“. Bitte ref angeben.")
                    % {"title": title}
                )
                return
            existing = matches[0] if matches else None
        if existing is None and p.owner is None:
            p.error(
                _(
                    "partei: Pflichtangabe fehlt (Kennung oder genauer Name "
                    "des Unternehmens bzw. der Organisation)."
                )
            )
            return
        if existing and p.owner is not None and p.owner_pk != existing.party_id:
            p.error(
                _(
                    "partei: Der Eintrag gehört zu einem anderen "
                    "Unternehmen bzw. einer anderen Organisation; "
                    "ein Import verschiebt keine Einträge."
                )
            )
            return
        if existing and self._claim(
            (p.type, existing.pk), p, _("Dieser Eintrag wird schon in Zeile %(line)d geändert.")
        ):
            return
        self._validate(p, form_class(p.data, lookups=self.lookups, existing=existing), existing)

    def _owner(self, value: str) -> "PlannedRow | Existing":
        if value in self.file_parties_by_ref:
            return self.file_parties_by_ref[value]
        if value in self.state.parties_by_ref:
            return self.state.parties_by_ref[value]
        candidates: dict[tuple, PlannedRow | Existing] = {}
        for row in self.file_parties_by_name.get(value, []):
            candidates.setdefault(_owner_key(row), row)
        for existing in self.state.parties_by_name.get(value, []):
            candidates.setdefault(_owner_key(existing), existing)
        if len(candidates) == 1:
            return next(iter(candidates.values()))
        if not candidates:
            raise ValidationError(
                _(
                    "Kein Unternehmen und keine Organisation hat die "
                    "Kennung oder den Namen „%(value)s“."
                )
                % {"value": value}
            )
        raise ValidationError(
            _("Mehrere Einträge heißen „%(value)s“. Bitte die Kennung (ref) angeben.")
            % {"value": value}
        )

    @staticmethod
    def _validate(p: PlannedRow, form, existing: Existing | None) -> None:
        p.existing = existing
        if not form.is_valid():
            for message in _form_errors(form):
                p.error(message)
            return
        if existing is None:
            p.values = form.values(creating=True)
            p.result.action = CREATE
            return
        p.values = {
            key: value for key, value in form.values().items() if existing.values.get(key) != value
        }
        p.result.action = UPDATE if p.values else UNCHANGED
