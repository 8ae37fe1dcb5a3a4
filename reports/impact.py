"""The programme's impact figures: the one place that computes them.

The annual report page, its PDF, the CSV/XLSX export, the coordinator's dashboard and the
public pages all read their figures from here, so a figure means the same everywhere.

`impact_data_load()` reads what is needed in a fixed number of queries (seven, whatever the
size of the programme) into plain rows; `impact_for(data, period)` computes the figures of
one period from those rows in pure Python. The region has tens to hundreds of parties, so
one pass over all rows per period is cheap, and the rules below stay readable and testable
without a database.

What each figure means (a "partnership" is a patronship together with its renewals, which
are new rows linked through `previous`):

- started: patronships (first periods, not renewals) whose start falls in the period. The
  start is the agreed start date, else the day of the "agreed" transition, else `agreed_at`,
  else the day the row was created. Proposed and declined ones never started.
- active: partnerships running on at least one day of the period. A period runs from its
  start to its end: `ended_on`, else the day of its closing transition (completed, ended
  early, renewed), else the agreed end date; agreed or active ones are still running.
- running at the end: partnerships still running after the last day of the period (for the
  current year and for "overall": today).
- completed, renewed, ended early: transitions to that status in the period (a row without
  the transition but in that status counts on `ended_on` or its end date).
- partners, by kind and companies by sector: distinct parties of active partnerships.
- municipalities: for each municipality, the active partnerships with a partner there.
- topics: for each topic, the active partnerships with that topic.
- hours and in-kind value, in both directions: confirmed contributions given in the period.
- introductions: proposed in the period; "became patronships": of those, the ones whose
  patronship was agreed (by today).
- median days from need to patronship: for first periods agreed in the period that answer a
  need, the time from the need's creation to the "agreed" transition (else `agreed_at`).
"""

import datetime
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exchange.models import Need
from parties.models import Party, PartyKind
from patronships.models import (
    Contribution,
    Direction,
    Introduction,
    Patronship,
    PatronshipStatus,
    PatronshipTransition,
)

S = PatronshipStatus
# Statuses of a patronship that was agreed at some point.
REACHED_AGREEMENT = frozenset({S.AGREED, S.ACTIVE, S.COMPLETED, S.ENDED_EARLY, S.RENEWED})
CLOSING = (S.COMPLETED, S.ENDED_EARLY, S.RENEWED)
NO_SECTOR = gettext_lazy("ohne Angabe")
NO_MUNICIPALITY = gettext_lazy("ohne Ort")
ZERO = Decimal("0")


# --- plain rows ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PatronshipRow:
    id: int
    root_id: int
    is_renewal: bool
    status: str
    sponsor_id: int
    recipient_id: int
    start: datetime.date | None
    end: datetime.date | None
    agreed_at: datetime.datetime | None
    need_created_at: datetime.datetime | None
    topics: tuple[str, ...] = ()

    @property
    def started(self) -> bool:
        return self.start is not None

    def runs_during(self, start: datetime.date | None, end: datetime.date) -> bool:
        if self.start is None or self.start > end:
            return False
        return self.end is None or start is None or self.end >= start

    def runs_after(self, day: datetime.date) -> bool:
        return self.start is not None and self.start <= day and (self.end is None or self.end > day)


@dataclass(frozen=True)
class PartyRow:
    id: int
    kind: str
    sector: str
    municipality: str


@dataclass(frozen=True)
class ContributionRow:
    direction: str
    given_on: datetime.date
    hours: Decimal
    value_eur: Decimal


@dataclass(frozen=True)
class IntroductionRow:
    proposed_on: datetime.date
    became_patronship: bool


@dataclass(frozen=True)
class ClosingEvent:
    patronship_id: int
    status: str
    on: datetime.date


@dataclass(frozen=True)
class ImpactData:
    """Everything the figures are computed from, as plain rows."""

    today: datetime.date
    patronships: tuple[PatronshipRow, ...] = ()
    closings: tuple[ClosingEvent, ...] = ()
    parties: dict[int, PartyRow] = field(default_factory=dict)
    contributions: tuple[ContributionRow, ...] = ()
    introductions: tuple[IntroductionRow, ...] = ()
    needs_created: tuple[datetime.date, ...] = ()

    def first_year(self) -> int:
        """The first year with anything to report (this year when there is nothing)."""
        days = [row.start for row in self.patronships if row.start]
        days += [c.given_on for c in self.contributions]
        days += [i.proposed_on for i in self.introductions]
        days += list(self.needs_created)
        return min(days).year if days else self.today.year

    def years(self) -> list[int]:
        """Every year from the first with data to this one, oldest first."""
        return list(range(self.first_year(), self.today.year + 1))


# --- periods -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included; `start` None means "since the beginning"."""

    start: datetime.date | None
    end: datetime.date
    year: int | None = None
    is_complete: bool = True

    @classmethod
    def for_year(cls, year: int, *, today: datetime.date) -> "Period":
        """A calendar year; the current one runs to today and is marked incomplete."""
        if year > today.year:
            raise ValueError(f"The year {year} has not begun.")
        last = datetime.date(year, 12, 31)
        return cls(
            start=datetime.date(year, 1, 1),
            end=min(last, today),
            year=year,
            is_complete=last < today,
        )

    @classmethod
    def overall(cls, *, today: datetime.date) -> "Period":
        return cls(start=None, end=today, is_complete=False)

    @property
    def label(self) -> str:
        if self.year is not None:
            return str(self.year)
        return _("gesamt")

    def __contains__(self, day: datetime.date) -> bool:
        return (self.start is None or day >= self.start) and day <= self.end


# --- the figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """A category and how many it has (a topic and its partnerships, a sector and its
    companies)."""

    label: str
    count: int


@dataclass(frozen=True)
class Impact:
    period: Period
    started: int
    active: int
    running_at_end: int
    completed: int
    renewed: int
    ended_early: int
    partners: int
    companies: int
    organisations: int
    sectors: tuple[Share, ...]
    municipalities: tuple[Share, ...]
    topics: tuple[Share, ...]
    hours_to_recipient: Decimal
    hours_to_sponsor: Decimal
    value_to_recipient: Decimal
    value_to_sponsor: Decimal
    contributions: int
    introductions: int
    introductions_to_patronships: int
    median_days_need_to_patronship: float | None
    needs_created: int

    @property
    def municipalities_reached(self) -> int:
        return sum(1 for share in self.municipalities if share.label != str(NO_MUNICIPALITY))

    @property
    def hours_total(self) -> Decimal:
        return self.hours_to_recipient + self.hours_to_sponsor

    @property
    def value_total(self) -> Decimal:
        return self.value_to_recipient + self.value_to_sponsor

    @property
    def introduction_rate(self) -> float | None:
        """Share of the period's introductions that became patronships (0–1), or None."""
        if not self.introductions:
            return None
        return self.introductions_to_patronships / self.introductions

    @property
    def introduction_percent(self) -> float | None:
        rate = self.introduction_rate
        return None if rate is None else rate * 100

    @property
    def partners_by_kind(self) -> tuple[Share, ...]:
        return (
            Share(str(PartyKind.COMPANY.label), self.companies),
            Share(str(PartyKind.ORGANISATION.label), self.organisations),
        )


def _shares(counter: Counter) -> tuple[Share, ...]:
    """Largest first, then by name, so that lists and charts read the same every time."""
    return tuple(
        Share(str(label), count)
        for label, count in sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))
    )


def _days(delta: datetime.timedelta) -> float:
    return delta.total_seconds() / 86400


def impact_for(data: ImpactData, period: Period) -> Impact:
    """The figures of one period (pure: no database, no clock)."""
    active_rows = [row for row in data.patronships if row.runs_during(period.start, period.end)]
    active_roots = {row.root_id for row in active_rows}

    party_ids = {pid for row in active_rows for pid in (row.sponsor_id, row.recipient_id)}
    parties = [data.parties[pid] for pid in party_ids if pid in data.parties]
    companies = [p for p in parties if p.kind == PartyKind.COMPANY]
    sectors = Counter(p.sector.strip() or str(NO_SECTOR) for p in companies)

    places: dict[str, set[int]] = defaultdict(set)
    topics: dict[str, set[int]] = defaultdict(set)
    for row in active_rows:
        for pid in (row.sponsor_id, row.recipient_id):
            party = data.parties.get(pid)
            if party is not None:
                places[party.municipality or str(NO_MUNICIPALITY)].add(row.root_id)
        for topic in row.topics:
            topics[topic].add(row.root_id)

    closings = Counter(event.status for event in data.closings if event.on in period)
    contributions = [c for c in data.contributions if c.given_on in period]

    def total(direction: str, attribute: str) -> Decimal:
        return sum((getattr(c, attribute) for c in contributions if c.direction == direction), ZERO)

    introductions = [i for i in data.introductions if i.proposed_on in period]
    waits = [
        _days(row.agreed_at - row.need_created_at)
        for row in data.patronships
        if not row.is_renewal
        and row.agreed_at is not None
        and row.need_created_at is not None
        and timezone.localtime(row.agreed_at).date() in period
    ]
    return Impact(
        period=period,
        started=sum(
            1
            for row in data.patronships
            if row.start and not row.is_renewal and row.start in period
        ),
        active=len(active_roots),
        running_at_end=len({row.root_id for row in data.patronships if row.runs_after(period.end)}),
        completed=closings[S.COMPLETED],
        renewed=closings[S.RENEWED],
        ended_early=closings[S.ENDED_EARLY],
        partners=len(parties),
        companies=len(companies),
        organisations=sum(1 for p in parties if p.kind == PartyKind.ORGANISATION),
        sectors=_shares(sectors),
        municipalities=_shares(Counter({name: len(ids) for name, ids in places.items()})),
        topics=_shares(Counter({name: len(ids) for name, ids in topics.items()})),
        hours_to_recipient=total(Direction.TO_RECIPIENT, "hours"),
        hours_to_sponsor=total(Direction.TO_SPONSOR, "hours"),
        value_to_recipient=total(Direction.TO_RECIPIENT, "value_eur"),
        value_to_sponsor=total(Direction.TO_SPONSOR, "value_eur"),
        contributions=len(contributions),
        introductions=len(introductions),
        introductions_to_patronships=sum(1 for i in introductions if i.became_patronship),
        median_days_need_to_patronship=statistics.median(waits) if waits else None,
        needs_created=sum(1 for day in data.needs_created if day in period),
    )


def patronships_active(data: ImpactData, period: Period) -> set[int]:
    """Ids of the patronship rows running on at least one day of the period."""
    return {row.id for row in data.patronships if row.runs_during(period.start, period.end)}


def impact_for_years(data: ImpactData, years: Iterable[int]) -> list[Impact]:
    return [impact_for(data, Period.for_year(year, today=data.today)) for year in years]


# --- loading -------------------------------------------------------------------------------


def _local_day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localtime(moment).date() if moment else None


def _roots(previous: dict[int, int | None]) -> dict[int, int]:
    """Each patronship's first period, following `previous` (guarding against cycles)."""
    roots = {}
    for pk in previous:
        seen = {pk}
        current = pk
        while previous.get(current) is not None and previous[current] not in seen:
            current = previous[current]
            seen.add(current)
        roots[pk] = current
    return roots


def impact_data_load(*, today: datetime.date | None = None) -> ImpactData:
    """Read the rows the figures need: seven queries, whatever the size of the programme."""
    today = today or timezone.localdate()
    patronships = list(
        Patronship.objects.values(
            "id",
            "previous_id",
            "status",
            "sponsor_id",
            "recipient_id",
            "start_date",
            "end_date",
            "ended_on",
            "agreed_at",
            "created_at",
            "need__created_at",
        ).order_by("pk")
    )
    first_agreed: dict[int, datetime.datetime] = {}
    closed_by: dict[int, dict[str, datetime.date]] = defaultdict(dict)
    transitions = (
        PatronshipTransition.objects.filter(to_status__in=(S.AGREED, *CLOSING))
        .values_list("patronship_id", "to_status", "at")
        .order_by("at", "pk")
    )
    for patronship_id, status, at in transitions:
        if status == S.AGREED:
            first_agreed.setdefault(patronship_id, at)
        else:
            closed_by[patronship_id].setdefault(status, _local_day(at))
    topics: dict[int, list[str]] = defaultdict(list)
    for patronship_id, name in Patronship.topics.through.objects.values_list(
        "patronship_id", "topic__name"
    ).order_by("topic__name"):
        topics[patronship_id].append(name)

    roots = _roots({p["id"]: p["previous_id"] for p in patronships})
    rows, closings = [], []
    for p in patronships:
        pk, status = p["id"], p["status"]
        agreed = first_agreed.get(pk) or p["agreed_at"]
        start = None
        if status in REACHED_AGREEMENT:
            start = p["start_date"] or _local_day(agreed) or _local_day(p["created_at"])
        end = None
        closed = closed_by.get(pk, {})
        if status in CLOSING:
            end = p["ended_on"] or min(closed.values(), default=None) or p["end_date"] or start
        for closing_status, day in closed.items():
            closings.append(ClosingEvent(pk, closing_status, day))
        if status in CLOSING and status not in closed and end is not None:
            closings.append(ClosingEvent(pk, status, end))
        rows.append(
            PatronshipRow(
                id=pk,
                root_id=roots[pk],
                is_renewal=p["previous_id"] is not None,
                status=status,
                sponsor_id=p["sponsor_id"],
                recipient_id=p["recipient_id"],
                start=start,
                end=end,
                agreed_at=agreed if status in REACHED_AGREEMENT else None,
                need_created_at=p["need__created_at"],
                topics=tuple(topics.get(pk, ())),
            )
        )

    party_ids = {pid for row in rows for pid in (row.sponsor_id, row.recipient_id)}
    parties = {
        row["id"]: PartyRow(
            id=row["id"],
            kind=row["kind"],
            sector=row["sector"],
            municipality=row["municipality__name"] or "",
        )
        for row in Party.objects.filter(pk__in=party_ids).values(
            "id", "kind", "sector", "municipality__name"
        )
    }
    contributions = tuple(
        ContributionRow(
            direction=direction,
            given_on=given_on,
            hours=hours or ZERO,
            value_eur=value or ZERO,
        )
        for direction, given_on, hours, value in Contribution.objects.filter(
            confirmed_at__isnull=False
        ).values_list("direction", "given_on", "hours", "value_eur")
    )
    introductions = tuple(
        IntroductionRow(
            proposed_on=_local_day(proposed_at), became_patronship=status in REACHED_AGREEMENT
        )
        for proposed_at, status in Introduction.objects.values_list(
            "proposed_at", "patronship__status"
        )
    )
    needs_created = tuple(
        _local_day(created) for created in Need.objects.values_list("created_at", flat=True)
    )
    return ImpactData(
        today=today,
        patronships=tuple(rows),
        closings=tuple(closings),
        parties=parties,
        contributions=contributions,
        introductions=introductions,
        needs_created=needs_created,
    )


def impact_of_year(year: int, *, today: datetime.date | None = None) -> Impact:
    """Convenience for one figure set: the year's figures, loaded fresh."""
    data = impact_data_load(today=today)
    return impact_for(data, Period.for_year(year, today=data.today))


def impact_overall(*, today: datetime.date | None = None) -> Impact:
    """Convenience for the dashboard and public pages: all figures since the beginning."""
    data = impact_data_load(today=today)
    return impact_for(data, Period.overall(today=data.today))
