"""Read queries for the coordinator's dashboard.

Every function here runs a fixed number of queries, however much data there is: figures come
from one conditional aggregate per model, and each work queue is a single query that also
carries its total (a window count, which the database computes before LIMIT applies).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When, Window
from django.utils import timezone

from exchange.models import Interest, Need
from matching.models import Band, Suggestion
from parties.models import Party
from patronships.models import (
    RUNNING_STATUSES,
    CheckIn,
    Introduction,
    Patronship,
    PatronshipStatus,
)
from seals.models import Seal

QUEUE_SIZE = 10
# A need counts as "new" for this many days, as long as nobody was introduced for it.
NEW_NEED_DAYS = 7
# An open need that has waited this long without an introduction needs attention.
STALE_NEED_DAYS = 30
SEAL_NOTICE_DAYS = 60
# A need is being worked on while one of its patronships is proposed (the introduction is
# under way), agreed or active.
IN_HAND_STATUSES = (PatronshipStatus.PROPOSED, *RUNNING_STATUSES)


@dataclass
class Queue:
    """The first rows of a work queue and how many there are in all."""

    rows: list
    total: int

    @property
    def has_more(self) -> bool:
        return self.total > len(self.rows)


def capped(queryset, limit: int = QUEUE_SIZE) -> Queue:
    """The first `limit` rows of `queryset` and its total count, in one query."""
    rows = list(queryset.annotate(queue_total=Window(Count("pk")))[:limit])
    return Queue(rows=rows, total=rows[0].queue_total if rows else 0)


def _need_has_patronship(**filters):
    return Exists(Patronship.objects.filter(need=OuterRef("pk"), **filters))


def new_needs(*, now: datetime.datetime | None = None):
    """Open needs of the last NEW_NEED_DAYS days for which nobody was introduced yet: the
    coordinator reads them, refines them if needed and looks at the suggestions. Oldest first."""
    now = now or timezone.now()
    return (
        Need.objects.visible_to_parties()
        .filter(created_at__gte=now - datetime.timedelta(days=NEW_NEED_DAYS))
        .filter(~_need_has_patronship())
        .select_related("party", "municipality")
        .order_by("created_at", "pk")
    )


def need_figures(*, now: datetime.datetime) -> dict:
    """Open needs (of approved parties), those without a strong suggestion, those waiting for
    more than STALE_NEED_DAYS days with no introduction or patronship in hand."""
    strong = Exists(Suggestion.objects.filter(need=OuterRef("pk"), band=Band.STRONG))
    in_hand = _need_has_patronship(status__in=IN_HAND_STATUSES)
    stale_before = now - datetime.timedelta(days=STALE_NEED_DAYS)
    return Need.objects.visible_to_parties().aggregate(
        open=Count("pk"),
        without_strong=Count("pk", filter=~strong),
        stale=Count("pk", filter=Q(created_at__lt=stale_before) & ~in_hand),
    )


def patronship_figures() -> list[dict]:
    """How many patronships are in each status, in the order of the lifecycle."""
    counts = Patronship.objects.aggregate(
        **{status.value: Count("pk", filter=Q(status=status)) for status in PatronshipStatus}
    )
    return [
        {"status": status.value, "label": status.label, "count": counts[status.value]}
        for status in PatronshipStatus
    ]


def checkins_due(*, today: datetime.date | None = None):
    """Open check-ins of running patronships that are due within CHECKIN_NOTICE_DAYS or
    overdue, the most urgent first."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.CHECKIN_NOTICE_DAYS)
    return (
        CheckIn.objects.filter(
            done_at=None, due_on__lte=horizon, patronship__status__in=RUNNING_STATUSES
        )
        .select_related("patronship__sponsor", "patronship__recipient")
        .order_by("due_on", "pk")
    )


def checkin_figures(*, today: datetime.date) -> dict:
    return checkins_due(today=today).aggregate(
        due=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today))
    )


def seals_expiring_count(*, today: datetime.date) -> int:
    """Seals not revoked whose validity ends within SEAL_NOTICE_DAYS days."""
    return Seal.objects.filter(
        revoked_at=None,
        valid_until__gte=today,
        valid_until__lte=today + datetime.timedelta(days=SEAL_NOTICE_DAYS),
    ).count()


def introductions_waiting():
    """Introductions still waiting for an answer: escalated ones first, then the oldest."""
    return (
        Introduction.objects.waiting()
        .select_related("patronship__sponsor", "patronship__recipient")
        .order_by(
            Case(
                When(escalated_at__isnull=False, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            "proposed_at",
            "pk",
        )
    )


def mark_waiting_days(introductions, *, today: datetime.date):
    """Set `waited_days` (whole days since the proposal) on each introduction."""
    for introduction in introductions:
        introduction.waited_days = (today - timezone.localdate(introduction.proposed_at)).days
    return introductions


def mark_overdue(checkins, *, today: datetime.date):
    """Set `overdue_days` (0 when not overdue) on each check-in."""
    for checkin in checkins:
        checkin.overdue_days = max((today - checkin.due_on).days, 0)
    return checkins


def dashboard(*, now: datetime.datetime | None = None) -> dict:
    """Everything the dashboard shows, in nine queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    introductions = capped(introductions_waiting())
    mark_waiting_days(introductions.rows, today=today)
    checkins = capped(checkins_due(today=today))
    mark_overdue(checkins.rows, today=today)
    return {
        "needs": need_figures(now=now),
        "patronships": patronship_figures(),
        "checkin_figures": checkin_figures(today=today),
        "seals_expiring": seals_expiring_count(today=today),
        "registrations": capped(
            Party.objects.pending().select_related("municipality").order_by("created_at", "pk")
        ),
        "new_needs": capped(new_needs(now=now)),
        "interests": capped(
            Interest.objects.open()
            .select_related("need__party", "party")
            .order_by("created_at", "pk")
        ),
        "introductions": introductions,
        "checkins": checkins,
        "checkin_notice_days": settings.CHECKIN_NOTICE_DAYS,
        "new_need_days": NEW_NEED_DAYS,
        "stale_need_days": STALE_NEED_DAYS,
        "seal_notice_days": SEAL_NOTICE_DAYS,
    }
