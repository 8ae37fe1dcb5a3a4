"""The row-by-row report of an import, kept as plain data so it can be stored and shown later."""

from collections import Counter
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy as _

from .columns import TYPE_LABELS

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
ACTION_LABELS = {
    CREATE: _("neu"),
    UPDATE: _("ändern"),
    UNCHANGED: _("unverändert"),
    ERROR: _("Fehler"),
}


@dataclass
class RowResult:
    line: int
    type: str
    label: str
    action: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def type_label(self) -> str:
        return str(TYPE_LABELS.get(self.type, self.type or "–"))

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    @property
    def is_error(self) -> bool:
        return self.action == ERROR


@dataclass
class ImportReport:
    filename: str
    format: str = ""
    dry_run: bool = False
    rows: list[RowResult] = field(default_factory=list)
    # Problems with the file as a whole (format, size, header): then there are no rows.
    errors: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not any(r.is_error for r in self.rows)

    @property
    def error_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.is_error]

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(r.action for r in self.rows)
        return {action: counted[action] for action in ACTION_LABELS}

    def summary(self) -> str:
        counts = self.counts
        return str(
            _("%(create)d neu, %(update)d geändert, %(unchanged)d unverändert, %(error)d Fehler")
            % counts
        )

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ImportReport":
        rows = [RowResult(**row) for row in data.get("rows", [])]
        return cls(**{**data, "rows": rows})
