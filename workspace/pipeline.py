"""The pipeline board: every patronship in the column of its stage.

A patronship starts as "proposed" together with its introduction, so the first two columns
split the proposed ones by the introduction's state (waiting for answers, or accepted and
waiting for the agreement); the others follow the patronship's status.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from patronships.models import IntroductionStatus, PatronshipStatus

from .selectors import Queue, capped

CARDS_PER_COLUMN = 25


class Stage(models.TextChoices):
    WAITING = "waiting", _("Vorstellung wartet auf Antwort")
    ACCEPTED = "accepted", _("Vorstellung angenommen, Vereinbarung offen")
    AGREED = "agreed", _("vereinbart")
    ACTIVE = "active", _("aktiv")
    COMPLETED = "completed", _("abgeschlossen")
    RENEWED = "renewed", _("verlängert")
    ENDED_EARLY = "ended_early", _("vorzeitig beendet")
    DECLINED = "declined", _("nicht zustande gekommen")


_PROPOSED = Q(status=PatronshipStatus.PROPOSED)
_INTRODUCTION_WAITING = Q(introduction__status=IntroductionStatus.WAITING)
_ESCALATED_FIRST = Case(
    When(introduction__escalated_at__isnull=False, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)
_RECENT_FIRST = ("-updated_at", "-pk")

# Which patronships belong in a column, and in which order its cards come: what needs
# attention first (the longest waiting, the soonest to start or end), closed ones newest first.
STAGE_FILTERS = {
    Stage.WAITING: _PROPOSED & _INTRODUCTION_WAITING,
    Stage.ACCEPTED: _PROPOSED & ~_INTRODUCTION_WAITING,
    Stage.AGREED: Q(status=PatronshipStatus.AGREED),
    Stage.ACTIVE: Q(status=PatronshipStatus.ACTIVE),
    Stage.COMPLETED: Q(status=PatronshipStatus.COMPLETED),
    Stage.RENEWED: Q(status=PatronshipStatus.RENEWED),
    Stage.ENDED_EARLY: Q(status=PatronshipStatus.ENDED_EARLY),
    Stage.DECLINED: Q(status=PatronshipStatus.DECLINED),
}
STAGE_ORDER = {
    Stage.WAITING: (_ESCALATED_FIRST, "introduction__proposed_at", "pk"),
    Stage.ACCEPTED: (F("introduction__closed_at").asc(nulls_last=True), "created_at", "pk"),
    Stage.AGREED: (F("start_date").asc(nulls_last=True), "pk"),
    Stage.ACTIVE: (F("end_date").asc(nulls_last=True), "pk"),
    Stage.COMPLETED: _RECENT_FIRST,
    Stage.RENEWED: _RECENT_FIRST,
    Stage.ENDED_EARLY: _RECENT_FIRST,
    Stage.DECLINED: _RECENT_FIRST,
}


@dataclass
class Column:
    stage: Stage
    queue: Queue

    @property
    def key(self) -> str:
        return self.stage.value

    @property
    def label(self) -> str:
        return self.stage.label


def for_cards(queryset):
    """Everything a card shows, joined in: partners with their municipalities, the
    coordinator and the introduction."""
    return queryset.select_related(
        "sponsor__municipality", "recipient__municipality", "coordinator", "introduction"
    )


def stage_patronships(queryset, stage: str):
    stage = Stage(stage)
    return for_cards(queryset.filter(STAGE_FILTERS[stage])).order_by(*STAGE_ORDER[stage])


def mark_cards(patronships, *, stage: str, today: datetime.date | None = None):
    """Set what a card needs beyond the row: its stage, its introduction (or None) and, for
    an introduction waiting for answers, the whole days it has waited."""
    today = today or timezone.localdate()
    for patronship in patronships:
        patronship.stage = stage
        # A missing reverse one-to-one raises an AttributeError subclass.
        patronship.intro = getattr(patronship, "introduction", None)
        patronship.waited_days = None
        if stage == Stage.WAITING and patronship.intro is not None:
            patronship.waited_days = (today - timezone.localdate(patronship.intro.proposed_at)).days
    return patronships


def board(queryset, *, today: datetime.date | None = None) -> list[Column]:
    """One column per stage with its first CARDS_PER_COLUMN cards and its total: one query
    per column, however many patronships there are."""
    today = today or timezone.localdate()
    columns = []
    for stage in Stage:
        queue = capped(stage_patronships(queryset, stage), CARDS_PER_COLUMN)
        mark_cards(queue.rows, stage=stage, today=today)
        columns.append(Column(stage=stage, queue=queue))
    return columns
