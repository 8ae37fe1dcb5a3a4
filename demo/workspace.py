"""Seeding the coordinator's workspace of the demo: expressions of interest, introductions
(`demo.introductions`), and the accompaniment of each patronship (check-ins, contributions,
notes, milestones, closing reviews), with the audit entries and notifications they left.

Everything is dated from the patronship's stored dates and transitions, so a second run finds
what the first created: introductions by patronship, contributions, notes and milestones by
their text, reviews by party. Check-ins are scheduled only for a patronship that has none.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.urls import reverse

from exchange.models import Interest, Need
from notifications.models import NotificationKind
from parties.models import ContactPerson
from patronships.models import (
    SIDE_SPONSOR,
    CheckIn,
    ClosingReview,
    Contribution,
    Direction,
    Introduction,
    Milestone,
    Note,
    Patronship,
    PatronshipStatus,
    PatronshipTransition,
)

from . import data
from .introductions import IntroductionSeeder
from .rows import DemoDataError, get_or_create, link

S = PatronshipStatus
DAY = datetime.timedelta(days=1)
STARTED = {S.ACTIVE, S.COMPLETED, S.RENEWED, S.ENDED_EARLY}


def _date(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


class WorkspaceSeeder:
    """Runs after the patronships exist; `seeder` is the main demo seeder."""

    def __init__(self, seeder, history):
        self.seeder = seeder
        self.history = history
        self.coordinator = seeder.coordinator
        self.today, self.now = seeder.today, seeder.now
        self.member_of = {party.pk: seeder.members[slug] for slug, party in seeder.parties.items()}
        # Each party's main contact, named in the agreement (the first one, as on its page).
        self.contacts = {}
        for contact in ContactPerson.objects.filter(is_primary=True).order_by("name", "pk"):
            self.contacts.setdefault(contact.party_id, contact)

    # --- helpers ------------------------------------------------------------------------------

    def members(self, *parties) -> list:
        return [self.member_of[party.pk] for party in parties]

    def _partners(self, patronship: Patronship) -> list:
        return self.members(patronship.sponsor, patronship.recipient)

    def _notify_partners(self, patronship, *, coordinator: bool = False, **kwargs) -> None:
        users = self._partners(patronship) + ([self.coordinator] if coordinator else [])
        url = reverse("patronships:detail", args=[patronship.pk])
        self.history.notify(users, url=url, **kwargs)

    def _clamp(self, moment: datetime.datetime) -> datetime.datetime:
        return min(moment, self.now)

    # --- steps --------------------------------------------------------------------------------

    def _load_existing(self, patronships: list[Patronship]) -> None:
        """What the seed made before, in a few queries: a second run only reads."""
        ids = [patronship.pk for patronship in patronships]
        mine = {"patronship_id__in": ids}
        self.transitions = defaultdict(list)
        for transition in PatronshipTransition.objects.filter(**mine).select_related("by"):
            self.transitions[transition.patronship_id].append(transition)
        through = Patronship.topics.through.objects.filter(**mine)
        self.existing = {
            "topics": set(through.values_list("patronship_id", flat=True)),
            "introductions": set(Introduction.objects.filter(**mine).values_list("patronship_id")),
            "check-ins": set(CheckIn.objects.filter(**mine).values_list("patronship_id")),
            "contributions": set(
                Contribution.objects.filter(**mine).values_list("patronship_id", "description")
            ),
            "notes": set(Note.objects.filter(**mine).values_list("patronship_id", "text")),
            "milestones": set(
                Milestone.objects.filter(**mine).values_list("patronship_id", "title")
            ),
            "closing reviews": set(
                ClosingReview.objects.filter(**mine).values_list("patronship_id", "party_id")
            ),
        }

    def create_once(self, name: str, model, key: tuple, **fields):
        """Create a row unless the key (patronship id, …) was seeded before; count it."""
        if key in self.existing[name]:
            return None
        self.existing[name].add(key)
        self.seeder.count(name, True)
        return model.objects.create(**fields)

    def run(self, patronships: list[Patronship]) -> None:
        for party_slug, (owner, title), message, status, days in data.INTERESTS:
            self._interest(party_slug, owner, title, message, status, days)
        self._load_existing(patronships)
        introductions = IntroductionSeeder(self)
        for patronship in patronships:
            transitions = self.transitions[patronship.pk]
            self._fill(patronship, transitions)
            introductions.run(patronship, transitions)
            self._transitions(patronship, transitions)
            spec = data.ACCOMPANIMENT.get(patronship.title, {})
            close = self._closed_on(patronship, transitions)
            if patronship.status in STARTED and patronship.start_date:
                self._checkins(patronship, spec, close)
            self._contributions(patronship, spec, close)
            self._notes(patronship, spec, transitions)
            self._milestones(patronship, spec)
            self._reviews(patronship, spec, close)

    def _interest(self, party_slug, owner, title, message, status, days) -> None:
        party = self.seeder.parties[party_slug]
        need = Need.objects.get(party=self.seeder.parties[owner], title=title)
        interest, created = get_or_create(
            Interest,
            need=need,
            party=party,
            defaults={
                "message": message,
                "status": status,
                "created_by": self.member_of[party.pk],
            },
        )
        self.seeder.count("interests", created)
        if created:
            at = self.seeder.at(self.today - datetime.timedelta(days=days))
            Interest.objects.filter(pk=interest.pk).update(created_at=at)

    def _fill(self, patronship: Patronship, transitions: list) -> None:
        """Fields the lifecycle services set that the base seed leaves empty."""
        reached = {t.to_status: t.at for t in transitions}
        changes = {}
        if patronship.agreed_at is None and S.AGREED in reached:
            changes["agreed_at"] = reached[S.AGREED]
        if patronship.ended_on is None and S.ENDED_EARLY in reached:
            ended = reached[S.ENDED_EARLY].date()
            changes["ended_on"] = max(ended, patronship.start_date or ended)
        elif patronship.ended_on is None and S.COMPLETED in reached:
            changes["ended_on"] = patronship.end_date
        if S.AGREED in reached:
            for side in ("sponsor", "recipient"):
                contact = self.contacts.get(getattr(patronship, f"{side}_id"))
                if getattr(patronship, f"{side}_contact_id") is None and contact is not None:
                    changes[f"{side}_contact"] = contact
        if changes:
            Patronship.objects.filter(pk=patronship.pk).update(**changes)
            for name, value in changes.items():
                setattr(patronship, name, value)
        if patronship.need_id and patronship.pk not in self.existing["topics"]:
            link(patronship, "topics", list(patronship.need.topics.all()))

    def _closed_on(self, patronship: Patronship, transitions: list) -> datetime.date | None:
        """The day a started patronship stopped running (completed, renewed, ended early)."""
        for transition in transitions:
            if transition.from_status == S.ACTIVE:
                return transition.at.date()
        return None

    # --- lifecycle ----------------------------------------------------------------------------

    def _transitions(self, patronship: Patronship, transitions: list) -> None:
        """An audit entry per status change and the notifications the partners got."""
        for transition in transitions:
            target = S(transition.to_status)
            at, by = transition.at, transition.by
            if not transition.from_status:
                message = f"Angelegt als „{target.label}“. {transition.reason}"
            else:
                message = (
                    f"Status: {S(transition.from_status).label} → {target.label}. "
                    f"{transition.reason}"
                )
            self.history.audit(
                patronship, action=f"patronship.{target.value}", by=by, at=at, message=message
            )
            title = patronship.title
            if target == S.AGREED and patronship.start_date:
                start, end = _date(patronship.start_date), _date(patronship.end_date)
                self.history.audit(
                    patronship,
                    action="patronship.agreement",
                    by=by,
                    at=at,
                    message=f"Vereinbarung: {start} bis {end}, Zwischengespräch alle "
                    f"{patronship.checkin_interval_days} Tage.",
                )
                self._notify_partners(
                    patronship,
                    kind=NotificationKind.PATRONSHIP,
                    title=f"Vereinbarung festgehalten: {title}",
                    body=f"Die Patenschaft läuft vom {start} bis zum {end}.",
                    at=at,
                )
            elif target == S.ACTIVE:
                self._notify_partners(
                    patronship,
                    kind=NotificationKind.PATRONSHIP,
                    title=f"Die Patenschaft hat begonnen: {title}",
                    at=at,
                )
            elif target == S.COMPLETED:
                self._notify_partners(
                    patronship,
                    kind=NotificationKind.PATRONSHIP,
                    title=f"Patenschaft abgeschlossen: {title}",
                    body="Vielen Dank! Erzählen Sie uns im Portal in einem kurzen Rückblick, was "
                    "gut funktioniert hat und ob Sie es wieder tun würden.",
                    at=at,
                )
            elif target == S.ENDED_EARLY:
                self._notify_partners(
                    patronship,
                    coordinator=True,
                    kind=NotificationKind.PATRONSHIP,
                    title=f"Patenschaft vorzeitig beendet: {title}",
                    body=transition.reason,
                    at=at,
                )
            elif target == S.DECLINED and transition.from_status:
                self._notify_partners(
                    patronship,
                    kind=NotificationKind.PATRONSHIP,
                    title=f"Patenschaft kommt nicht zustande: {title}",
                    body=transition.reason,
                    at=at,
                )
            elif target == S.RENEWED:
                follow_up = Patronship.objects.filter(previous=patronship).first()
                if follow_up is not None and follow_up.end_date:
                    self._notify_partners(
                        follow_up,
                        kind=NotificationKind.RENEWAL,
                        title=f"Patenschaft verlängert bis {_date(follow_up.end_date)}",
                        at=at,
                    )

    # --- accompaniment ------------------------------------------------------------------------

    def _checkins(self, patronship: Patronship, spec: dict, close) -> None:
        """Check-ins as the portal schedules them: the first one interval after the start, each
        next one interval after the previous was held. Held ones have a summary; an active
        patronship has one open check-in (unless the next would fall after its end)."""
        if (patronship.pk,) in self.existing["check-ins"]:
            return
        interval = datetime.timedelta(days=patronship.checkin_interval_days)
        notice = datetime.timedelta(days=settings.CHECKIN_NOTICE_DAYS)
        limit = close or self.today
        # Held on the day or a little later; the same for every run on this patronship.
        delay = datetime.timedelta(days=patronship.pk % 3)
        summaries = [*spec.get("checkins", []), *data.CHECKIN_SUMMARIES * 10]
        active = patronship.status == S.ACTIVE
        rows, due = [], patronship.start_date + interval
        while due <= patronship.end_date:
            reminded = self.seeder.at(due - notice) if due - notice <= self.today else None
            if due >= limit:
                if active:
                    rows.append(CheckIn(patronship=patronship, due_on=due, reminded_at=reminded))
                break
            held = min(due + delay, limit - DAY)
            if active and spec.get("checkin_overdue") and held + interval > self.today:
                # The last one that was due is still open: overdue.
                rows.append(CheckIn(patronship=patronship, due_on=due, reminded_at=reminded))
                break
            rows.append(
                CheckIn(
                    patronship=patronship,
                    due_on=due,
                    reminded_at=reminded,
                    done_at=self.seeder.at(held),
                    done_by=self.coordinator,
                    summary=summaries[len(rows)],
                )
            )
            due = held + interval
        if rows:
            CheckIn.objects.bulk_create(rows)
            self.seeder.result.created["check-ins"] += len(rows)
        for checkin in rows:
            day = _date(checkin.due_on)
            if checkin.reminded_at is not None:
                self.history.audit(
                    patronship,
                    action="checkin.reminded",
                    at=checkin.reminded_at,
                    message=f"Erinnerung an das Zwischengespräch am {day} gesendet.",
                )
                self._notify_partners(
                    patronship,
                    coordinator=True,
                    kind=NotificationKind.CHECKIN,
                    title=f"Zwischengespräch am {day}: {patronship.title}",
                    body="Die Koordination meldet sich für ein kurzes Gespräch: Wie läuft die "
                    "Patenschaft, was wurde gegeben, was braucht es noch?",
                    at=checkin.reminded_at,
                    pending=checkin.done_at is None,
                )
            if checkin.done_at is not None:
                self.history.audit(
                    patronship,
                    action="checkin.done",
                    by=self.coordinator,
                    at=checkin.done_at,
                    message=f"Zwischengespräch festgehalten: {checkin.summary[:200]}",
                )

    def _last_day(self, patronship: Patronship, close) -> datetime.date:
        return min(self.today, close or patronship.end_date or self.today)

    def _contributions(self, patronship: Patronship, spec: dict, close) -> None:
        start = patronship.start_date
        if not spec.get("contributions") or start is None or start > self.today:
            return
        last = self._last_day(patronship, close)
        seen = set()
        for entry in spec["contributions"]:
            if entry["text"] in seen:
                raise DemoDataError(f"{patronship.title!r}: {entry['text']!r} is listed twice.")
            seen.add(entry["text"])
            giver = patronship.sponsor if entry["to"] == "recipient" else patronship.recipient
            by = entry.get("by", "sponsor" if giver == patronship.sponsor else "recipient")
            if by == "coordinator":
                author = self.coordinator
            else:
                author = self.member_of[getattr(patronship, by).pk]
            given = max(min(start + datetime.timedelta(days=entry["day"]), last), start)
            added = self._clamp(self.seeder.at(given) + datetime.timedelta(hours=6))
            confirmed = entry.get("confirmed", True)
            confirmed_at = None
            if confirmed:
                confirmed_at = (
                    added
                    if author == self.coordinator
                    else self._clamp(added + datetime.timedelta(days=3))
                )
            contribution = self.create_once(
                "contributions",
                Contribution,
                (patronship.pk, entry["text"]),
                patronship=patronship,
                description=entry["text"],
                direction=Direction.TO_RECIPIENT
                if entry["to"] == "recipient"
                else Direction.TO_SPONSOR,
                given_on=given,
                hours=Decimal(str(entry["hours"])) if "hours" in entry else None,
                value_eur=Decimal(str(entry["eur"])) if "eur" in entry else None,
                added_by=author,
                confirmed_at=confirmed_at,
                confirmed_by=self.coordinator if confirmed else None,
            )
            if contribution is None:
                continue
            Contribution.objects.filter(pk=contribution.pk).update(added_at=added)
            self.history.audit(
                patronship,
                action="contribution.added",
                by=author,
                at=added,
                message=f"Beitrag eingetragen: {entry['text']}",
            )
            if author != self.coordinator:
                self.history.notify(
                    [self.coordinator],
                    kind=NotificationKind.CONTRIBUTION,
                    title=f"Neuer Beitrag zu „{patronship.title}“",
                    body=entry["text"],
                    url=reverse("patronships:detail", args=[patronship.pk]),
                    at=added,
                    pending=not confirmed,
                )
                if confirmed:
                    self.history.audit(
                        patronship,
                        action="contribution.confirmed",
                        by=self.coordinator,
                        at=confirmed_at,
                        message=f"Beitrag bestätigt: {entry['text']}",
                    )

    def _notes(self, patronship: Patronship, spec: dict, transitions: list) -> None:
        if not spec.get("notes"):
            return
        start = patronship.start_date
        base = start if start and start <= self.today else transitions[0].at.date()
        for entry in spec["notes"]:
            note = self.create_once(
                "notes",
                Note,
                (patronship.pk, entry["text"]),
                patronship=patronship,
                text=entry["text"],
                is_internal=not entry.get("shared", False),
                author=self.coordinator,
            )
            if note is not None:
                day = min(base + datetime.timedelta(days=entry["day"]), self.today)
                Note.objects.filter(pk=note.pk).update(created_at=self.seeder.at(day))

    def _milestones(self, patronship: Patronship, spec: dict) -> None:
        start = patronship.start_date
        if not spec.get("milestones") or start is None:
            return
        for title, day, reached in spec["milestones"]:
            planned = start + datetime.timedelta(days=day)
            reached_on = min(planned, self.today) if reached and start <= self.today else None
            milestone = self.create_once(
                "milestones",
                Milestone,
                (patronship.pk, title),
                patronship=patronship,
                title=title,
                planned_on=planned,
                reached_on=reached_on,
                created_by=self.coordinator,
            )
            if milestone is None:
                continue
            added = patronship.agreed_at or self.seeder.at(min(start, self.today))
            self.history.audit(
                patronship,
                action="milestone.added",
                by=self.coordinator,
                at=added,
                message=f"Meilenstein: {title}",
            )
            if reached_on is not None:
                self.history.audit(
                    patronship,
                    action="milestone.reached",
                    by=self.coordinator,
                    at=self.seeder.at(reached_on),
                    message=f"Meilenstein erreicht: {title}",
                )

    def _reviews(self, patronship: Patronship, spec: dict, close) -> None:
        if not spec.get("reviews") or close is None:
            return
        for side, (worked, improve, again) in spec["reviews"].items():
            party = getattr(patronship, side)
            author = self.member_of[party.pk]
            review = self.create_once(
                "closing reviews",
                ClosingReview,
                (patronship.pk, party.pk),
                patronship=patronship,
                party=party,
                what_worked=worked,
                what_to_improve=improve,
                would_again=again,
                written_by=author,
            )
            if review is None:
                continue
            offset = 5 if side == SIDE_SPONSOR else 8
            written = self.seeder.at(min(close + datetime.timedelta(days=offset), self.today))
            ClosingReview.objects.filter(pk=review.pk).update(written_at=written)
            self.history.audit(
                patronship,
                action="review.written",
                by=author,
                at=written,
                message=f"Rückblick von {party.name}",
            )
