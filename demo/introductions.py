"""Seeding the demo introductions: how each patronship began, with the answers, reminders,
escalations, audit entries and notifications that followed.

Without an entry in `demo.data.INTRODUCTIONS` both sides accepted within a few days. A waiting
introduction is reminded and escalated by the programme's settings, as the daily task would
have done, so that running the task after seeding repeats nothing.
"""

import datetime

from django.conf import settings
from django.urls import reverse

from exchange.models import Interest
from matching.models import PairDecision
from notifications.models import NotificationKind
from patronships.models import (
    SIDE_RECIPIENT,
    SIDE_SPONSOR,
    Answer,
    Introduction,
    IntroductionSource,
    IntroductionStatus,
    Patronship,
    PatronshipStatus,
)

from . import data
from .rows import DemoDataError, get_or_create

S = PatronshipStatus


class IntroductionSeeder:
    """Part of the workspace seed; `workspace` holds what both share."""

    def __init__(self, workspace):
        self.workspace = workspace

    def run(self, patronship: Patronship, transitions: list) -> None:
        """The introduction of a first period (a renewal's partners know each other)."""
        if patronship.previous_id is None:
            self._introduction(patronship, transitions)

    def _introduction(self, patronship: Patronship, transitions: list) -> None:
        spec = data.INTRODUCTIONS.get(patronship.title, {})
        proposed = transitions[0].at
        # Answers come before the next step (the agreement, or the decline), never in the future.
        limit = transitions[1].at if len(transitions) > 1 else self.workspace.now
        limit -= datetime.timedelta(hours=1)
        answers = {}
        for side, default_days in ((SIDE_SPONSOR, 2), (SIDE_RECIPIENT, 3)):
            answer = spec.get(side, (Answer.ACCEPTED, default_days, ""))
            if answer is not None:
                kind, days, reason = answer
                at = min(proposed + datetime.timedelta(days=days), limit)
                answers[side] = (Answer(kind), reason, max(at, proposed))
        declined = [side for side, (kind, _, _) in answers.items() if kind == Answer.DECLINED]
        if declined:
            status = IntroductionStatus.DECLINED
            closed = answers[declined[0]][2]
        elif len(answers) == 2:
            status = IntroductionStatus.ACCEPTED
            closed = max(at for _, _, at in answers.values())
        else:
            status, closed = IntroductionStatus.WAITING, None
        fits = {
            IntroductionStatus.WAITING: patronship.status == S.PROPOSED,
            IntroductionStatus.DECLINED: patronship.status == S.DECLINED,
            # Accepted: the agreement followed, is still to come, or the first meeting failed.
            IntroductionStatus.ACCEPTED: True,
        }
        if not fits[status]:
            raise DemoDataError(
                f"{patronship.title!r}: a {status} introduction does not fit a "
                f"{patronship.status} patronship."
            )

        source = spec.get(
            "source",
            IntroductionSource.SUGGESTION if patronship.need_id else IntroductionSource.DIRECT,
        )
        interest = None
        if source == IntroductionSource.INTEREST:
            interest = Interest.objects.get(need=patronship.need, party=patronship.sponsor)
        reminder = escalation = None
        if status == IntroductionStatus.WAITING:
            reminder = proposed + datetime.timedelta(days=settings.INTRODUCTION_REMINDER_DAYS)
            escalation = proposed + datetime.timedelta(days=settings.INTRODUCTION_ESCALATION_DAYS)
            reminder = reminder if reminder <= self.workspace.now else None
            escalation = escalation if escalation <= self.workspace.now else None
        fields = {
            "source": source,
            "interest": interest,
            "message": spec.get("message", data.DEFAULT_MESSAGE),
            "status": status,
            "proposed_by": self.workspace.coordinator,
            "reminders_sent": 1 if reminder else 0,
            "last_reminded_at": reminder,
            "escalated_at": escalation,
            "closed_at": closed,
        }
        for side, (kind, reason, at) in answers.items():
            party = patronship.sponsor if side == SIDE_SPONSOR else patronship.recipient
            fields.update(
                {
                    f"{side}_answer": kind,
                    f"{side}_reason": reason,
                    f"{side}_answered_at": at,
                    f"{side}_answered_by": self.workspace.member_of[party.pk],
                }
            )
        introduction = self.workspace.create_once(
            "introductions", Introduction, (patronship.pk,), patronship=patronship, **fields
        )
        if introduction is None:
            return
        Introduction.objects.filter(pk=introduction.pk).update(proposed_at=proposed)
        introduction.proposed_at = proposed
        self._introduction_history(introduction, answers, reminder, escalation)

    def _introduction_history(self, introduction, answers, reminder, escalation) -> None:
        patronship = introduction.patronship
        sponsor, recipient = patronship.sponsor, patronship.recipient
        proposed = introduction.proposed_at
        url = reverse("patronships:introduction", args=[introduction.pk])
        history = self.workspace.history
        history.audit(
            introduction,
            action="introduction.proposed",
            by=self.workspace.coordinator,
            at=proposed,
            message=f"Vorstellung vorgeschlagen ({introduction.get_source_display()}).",
        )
        if patronship.need_id:
            history.audit(
                patronship.need,
                action="need.introduction",
                by=self.workspace.coordinator,
                at=proposed,
                message=f"Vorstellung vorgeschlagen: {sponsor.name} und {recipient.name}.",
            )
        waiting = introduction.status == IntroductionStatus.WAITING
        for side, party, other in (
            (SIDE_SPONSOR, sponsor, recipient),
            (SIDE_RECIPIENT, recipient, sponsor),
        ):
            body = (
                f"die Koordination möchte Sie mit „{other.name}“ bekannt machen. Bitte sagen Sie "
                "uns, ob Sie das Kennenlernen annehmen. Ihre Kontaktdaten werden erst "
                "weitergegeben, wenn beide Seiten zugestimmt haben."
            )
            if patronship.need_id:
                body += f"\n\nEs geht um den Bedarf „{patronship.need.title}“."
            body += f"\n\n{introduction.message}"
            history.notify(
                self.workspace.members(party),
                kind=NotificationKind.INTRODUCTION,
                title=f"Vorstellung: {other.name}",
                body=body,
                url=url,
                at=proposed,
                pending=waiting and side not in answers,
            )

        answered = set()
        for side, (kind, reason, at) in sorted(answers.items(), key=lambda item: item[1][2]):
            party, other = (sponsor, recipient) if side == SIDE_SPONSOR else (recipient, sponsor)
            member = self.workspace.member_of[party.pk]
            verb = "hat angenommen" if kind == Answer.ACCEPTED else "hat abgelehnt"
            history.audit(
                introduction,
                action=f"introduction.{kind}",
                by=member,
                at=at,
                message=f"{party.name} {verb}." + (f" {reason}" if reason else ""),
            )
            answered.add(side)
            if kind == Answer.DECLINED:
                history.notify(
                    [*self.workspace.members(other), self.workspace.coordinator],
                    kind=NotificationKind.INTRODUCTION_ANSWER,
                    title=f"Vorstellung abgelehnt: {party.name}",
                    body=f"{party.name} möchte das Kennenlernen mit {other.name} nicht "
                    "weiterverfolgen.",
                    url=url,
                    at=at,
                )
                self._remember_decline(patronship, party=party, by=member, reason=reason, at=at)
                break
            if len(answered) == 2:
                history.audit(
                    patronship,
                    action="introduction.accepted",
                    by=member,
                    at=at,
                    message="Beide Seiten haben die Vorstellung angenommen.",
                )
                history.notify(
                    [*self.workspace.members(other), self.workspace.coordinator],
                    kind=NotificationKind.INTRODUCTION_ANSWER,
                    title=f"Vorstellung angenommen: {sponsor.name} und {recipient.name}",
                    body="Beide Seiten haben zugestimmt. Die Kontaktdaten sind jetzt im Portal "
                    "sichtbar; die Koordination meldet sich für das Erstgespräch.",
                    url=url,
                    at=at,
                    # The coordinator still has to arrange the first meeting.
                    pending=patronship.status == S.PROPOSED,
                )
            else:
                history.notify(
                    [self.workspace.coordinator],
                    kind=NotificationKind.INTRODUCTION_ANSWER,
                    title=f"Vorstellung angenommen von {party.name}",
                    body=f"Die Antwort von {other.name} steht noch aus.",
                    url=url,
                    at=at,
                )

        if reminder is not None:
            history.audit(
                introduction,
                action="introduction.reminded",
                at=reminder,
                message="Erinnerung gesendet.",
            )
            for side, party, other in (
                (SIDE_SPONSOR, sponsor, recipient),
                (SIDE_RECIPIENT, recipient, sponsor),
            ):
                if side not in answers:
                    history.notify(
                        self.workspace.members(party),
                        kind=NotificationKind.INTRODUCTION_REMINDER,
                        title=f"Erinnerung: Vorstellung mit {other.name}",
                        url=url,
                        at=reminder,
                        pending=True,
                    )
        if escalation is not None:
            days = settings.INTRODUCTION_ESCALATION_DAYS
            history.audit(
                introduction,
                action="introduction.escalated",
                at=escalation,
                message=f"Seit {days} Tagen unbeantwortet: an die Koordination übergeben.",
            )
            history.notify(
                [self.workspace.coordinator],
                kind=NotificationKind.QUEUE,
                title=f"Unbeantwortete Vorstellung: {introduction}",
                body=f"Seit {days} Tagen fehlt eine Antwort. Bitte fragen Sie nach.",
                url=url,
                at=escalation,
                pending=True,
            )

    def _remember_decline(self, patronship, *, party, by, reason, at) -> None:
        """A declined pair ranks lower next time, as after a real decline."""
        need = patronship.need
        owner = need.party if need is not None else patronship.recipient
        candidate = (
            patronship.sponsor if owner.pk == patronship.recipient_id else patronship.recipient
        )
        decision, created = get_or_create(
            PairDecision,
            need=need,
            owner=owner,
            candidate=candidate,
            kind=PairDecision.Kind.DECLINED,
            defaults={"reason": (reason or "Vorstellung abgelehnt")[:300], "by": by},
        )
        self.workspace.seeder.count("pair decisions", created)
        if created:
            PairDecision.objects.filter(pk=decision.pk).update(at=at)
