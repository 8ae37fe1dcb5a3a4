"""Introductions and the patronship lifecycle: one service per step.

Every service runs in one transaction, locks the rows it decides on, checks that the step
is allowed from the current state (raising `PatronshipError` with a German message when it
is not), records the step (PatronshipTransition for status changes, an audit entry for every
decision) and tells the people concerned.
"""

import calendar
import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from exchange.models import InterestStatus
from notifications.models import NotificationKind
from notifications.services import notify
from parties.models import PartyKind, PartyStatus

from .models import (
    SIDE_RECIPIENT,
    SIDE_SPONSOR,
    Answer,
    CheckIn,
    ClosingReview,
    Contribution,
    Direction,
    Introduction,
    IntroductionSource,
    IntroductionStatus,
    Milestone,
    Note,
    Patronship,
    PatronshipStatus,
    PatronshipTransition,
    WouldAgain,
)


class PatronshipError(Exception):
    """A step that is not allowed now; the message says why, in German."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- transitions -------------------------------------------------------------------------


def _locked(patronship: Patronship) -> Patronship:
    return Patronship.objects.select_for_update().get(pk=patronship.pk)


def _move(patronship: Patronship, to_status: str, *, by, reason: str) -> Patronship:
    """Check and record one status change of a locked patronship."""
    current = PatronshipStatus(patronship.status)
    target = PatronshipStatus(to_status)
    if not patronship.can_move_to(target):
        raise PatronshipError(
            _("Eine Patenschaft im Status „%(current)s“ kann nicht „%(target)s“ werden.")
            % {"current": current.label, "target": target.label}
        )
    patronship.status = target
    PatronshipTransition.objects.create(
        patronship=patronship,
        from_status=current,
        to_status=target,
        by=by if getattr(by, "is_authenticated", False) else None,
        reason=reason,
    )
    audit_record(
        patronship,
        action=f"patronship.{target}",
        by=by,
        message=_("Status: %(current)s → %(target)s. %(reason)s")
        % {"current": current.label, "target": target.label, "reason": reason},
    )
    return patronship


def _parties(patronship):
    return [patronship.sponsor_id, patronship.recipient_id]


def _tell_partners(patronship, *, kind, title, body="", by=None, coordinators=False):
    notify(
        kind=kind,
        title=title,
        body=body,
        url=reverse("patronships:detail", args=[patronship.pk]),
        parties=_parties(patronship),
        coordinators=coordinators,
        exclude_user=by,
    )


# --- introductions -----------------------------------------------------------------------


def sides_for(*, owner, candidate):
    """Who gives and who receives when `candidate` helps with a need of `owner`: the company
    is the sponsor (Pate); between two organisations the helper is."""
    if candidate.kind == PartyKind.COMPANY or owner.kind != PartyKind.COMPANY:
        return candidate, owner
    return owner, candidate


def introduction_propose(
    *,
    sponsor,
    recipient,
    by,
    need=None,
    message: str = "",
    source: str = IntroductionSource.DIRECT,
    interest=None,
    title: str = "",
) -> Introduction:
    """The coordinator puts two parties in touch. A patronship is proposed at the same time;
    it becomes agreed only once both have accepted and the agreement is recorded."""
    if sponsor.pk == recipient.pk:
        raise PatronshipError(_("Eine Partei kann nicht mit sich selbst bekannt gemacht werden."))
    for party in (sponsor, recipient):
        if party.status != PartyStatus.APPROVED:
            raise PatronshipError(
                _("„%(name)s“ ist noch nicht freigegeben.") % {"name": party.name}
            )
    with transaction.atomic():
        pending = Patronship.objects.select_for_update().filter(
            sponsor=sponsor,
            recipient=recipient,
            status__in=[
                PatronshipStatus.PROPOSED,
                PatronshipStatus.AGREED,
                PatronshipStatus.ACTIVE,
            ],
        )
        if need is not None:
            pending = pending.filter(need=need)
        if pending.exists():
            raise PatronshipError(
                _(
                    "Zwischen „%(sponsor)s“ und „%(recipient)s“ läuft bereits eine Vorstellung "
                    "oder Patenschaft%(for_need)s."
                )
                % {
                    "sponsor": sponsor.name,
                    "recipient": recipient.name,
                    "for_need": _(" zu diesem Bedarf") if need is not None else "",
                }
            )
        patronship = Patronship.objects.create(
            sponsor=sponsor,
            recipient=recipient,
            need=need,
            title=(title or (need.title if need else "") or f"{sponsor.name} & {recipient.name}")[
                :200
            ],
            status=PatronshipStatus.PROPOSED,
            coordinator=by,
        )
        if need is not None:
            patronship.topics.set(need.topics.all())
        PatronshipTransition.objects.create(
            patronship=patronship,
            from_status="",
            to_status=PatronshipStatus.PROPOSED,
            by=by,
            reason=_("Vorstellung vorgeschlagen"),
        )
        introduction = Introduction.objects.create(
            patronship=patronship,
            source=source,
            interest=interest,
            message=message,
            proposed_by=by,
        )
        if interest is not None:
            interest.status = InterestStatus.INTRODUCED
            interest.save(update_fields=["status"])
        audit_record(
            introduction,
            action="introduction.proposed",
            by=by,
            message=_("Vorstellung vorgeschlagen (%(source)s).")
            % {"source": introduction.get_source_display()},
        )
        if need is not None:
            audit_record(
                need,
                action="need.introduction",
                by=by,
                message=_("Vorstellung vorgeschlagen: %(sponsor)s und %(recipient)s.")
                % {"sponsor": sponsor.name, "recipient": recipient.name},
            )
        for side, party, other in (
            (SIDE_SPONSOR, sponsor, recipient),
            (SIDE_RECIPIENT, recipient, sponsor),
        ):
            notify(
                kind=NotificationKind.INTRODUCTION,
                title=_("Vorstellung: %(other)s") % {"other": other.name},
                body=_introduction_body(introduction, other),
                url=reverse("patronships:introduction", args=[introduction.pk]),
                parties=[party],
                actions=[
                    (_("Annehmen"), answer_url(introduction, side, Answer.ACCEPTED)),
                    (_("Ablehnen"), answer_url(introduction, side, Answer.DECLINED)),
                ],
            )
    return introduction


def _introduction_body(introduction, other) -> str:
    need = introduction.patronship.need
    lines = [
        _(
            "die Koordination möchte Sie mit „%(other)s“ bekannt machen. Bitte sagen Sie uns, ob "
            "Sie das Kennenlernen annehmen. Ihre Kontaktdaten werden erst weitergegeben, wenn "
            "beide Seiten zugestimmt haben."
        )
        % {"other": other.name}
    ]
    if need is not None:
        lines.append(_("Es geht um den Bedarf „%(title)s“.") % {"title": need.title})
    if introduction.message:
        lines.append(introduction.message)
    return "\n\n".join(lines)


ANSWER_SALT = "patronships.introduction.answer"


def answer_token(introduction, side: str, answer: str = "") -> str:
    return signing.TimestampSigner(salt=ANSWER_SALT).sign(f"{introduction.pk}:{side}:{answer}")


def answer_url(introduction, side: str, answer: str = "") -> str:
    return reverse(
        "patronships:introduction_answer_link", args=[answer_token(introduction, side, answer)]
    )


def read_answer_token(token: str) -> tuple[int, str, str]:
    """(introduction id, side, preselected answer) from a signed link; raises
    signing.BadSignature (or SignatureExpired) when the link is forged or too old."""
    value = signing.TimestampSigner(salt=ANSWER_SALT).unsign(
        token, max_age=datetime.timedelta(days=settings.INTRODUCTION_LINK_DAYS)
    )
    pk, side, answer = value.split(":")
    if side not in (SIDE_SPONSOR, SIDE_RECIPIENT) or answer not in ("", *Answer.values):
        raise signing.BadSignature("unknown side or answer")
    return int(pk), side, answer


def introduction_answer(
    *, introduction: Introduction, side: str, answer: str, by=None, reason: str = ""
) -> Introduction:
    """One side accepts or declines. Both yes: contacts are shown to both. One no: the
    proposed patronship does not come about, and the engine ranks the pair lower."""
    if side not in (SIDE_SPONSOR, SIDE_RECIPIENT):
        raise ValueError(side)
    if answer not in Answer.values:
        raise ValueError(answer)
    by = by if getattr(by, "is_authenticated", False) else None
    with transaction.atomic():
        introduction = (
            Introduction.objects.select_for_update(of=("self",))
            .select_related("patronship__sponsor", "patronship__recipient", "patronship__need")
            .get(pk=introduction.pk)
        )
        if introduction.status != IntroductionStatus.WAITING:
            raise PatronshipError(
                _("Diese Vorstellung ist bereits abgeschlossen (%(status)s).")
                % {"status": introduction.get_status_display()}
            )
        if introduction.answer_of(side):
            raise PatronshipError(
                _("Für diese Seite liegt bereits eine Antwort vor: %(answer)s.")
                % {"answer": Answer(introduction.answer_of(side)).label}
            )
        now = timezone.now()
        setattr(introduction, f"{side}_answer", answer)
        setattr(introduction, f"{side}_reason", reason)
        setattr(introduction, f"{side}_answered_at", now)
        setattr(introduction, f"{side}_answered_by", by)
        patronship = introduction.patronship
        party = patronship.sponsor if side == SIDE_SPONSOR else patronship.recipient
        other = patronship.recipient if side == SIDE_SPONSOR else patronship.sponsor
        audit_record(
            introduction,
            action=f"introduction.{answer}",
            by=by,
            message=(
                _("%(party)s hat angenommen.")
                if answer == Answer.ACCEPTED
                else _("%(party)s hat abgelehnt.")
            )
            % {"party": party.name}
            + (f" {reason}" if reason else ""),
        )
        url = reverse("patronships:introduction", args=[introduction.pk])
        if answer == Answer.DECLINED:
            introduction.status = IntroductionStatus.DECLINED
            introduction.closed_at = now
            _move(
                _locked(patronship),
                PatronshipStatus.DECLINED,
                by=by,
                reason=_("%(party)s hat die Vorstellung abgelehnt. %(reason)s")
                % {"party": party.name, "reason": reason},
            ).save()
            _remember_decline(patronship, by=by, reason=reason)
            notify(
                kind=NotificationKind.INTRODUCTION_ANSWER,
                title=_("Vorstellung abgelehnt: %(party)s") % {"party": party.name},
                body=_("%(party)s möchte das Kennenlernen mit %(other)s nicht weiterverfolgen.")
                % {"party": party.name, "other": other.name},
                url=url,
                parties=[other],
                coordinators=True,
                exclude_user=by,
            )
        elif introduction.answer_of(SIDE_SPONSOR) == introduction.answer_of(SIDE_RECIPIENT):
            introduction.status = IntroductionStatus.ACCEPTED
            introduction.closed_at = now
            audit_record(
                patronship,
                action="introduction.accepted",
                by=by,
                message=_("Beide Seiten haben die Vorstellung angenommen."),
            )
            notify(
                kind=NotificationKind.INTRODUCTION_ANSWER,
                title=_("Vorstellung angenommen: %(sponsor)s und %(recipient)s")
                % {"sponsor": patronship.sponsor.name, "recipient": patronship.recipient.name},
                body=_(
                    "Beide Seiten haben zugestimmt. Die Kontaktdaten sind jetzt im Portal "
                    "sichtbar; die Koordination meldet sich für das Erstgespräch."
                ),
                url=url,
                parties=_parties(patronship),
                coordinators=True,
                exclude_user=by,
            )
        else:
            notify(
                kind=NotificationKind.INTRODUCTION_ANSWER,
                title=_("Vorstellung angenommen von %(party)s") % {"party": party.name},
                body=_("Die Antwort von %(other)s steht noch aus.") % {"other": other.name},
                url=url,
                coordinators=True,
                exclude_user=by,
            )
        introduction.save()
    return introduction


def _remember_decline(patronship, *, by, reason):
    """A declined pair ranks lower next time, and the suggestion says why."""
    from matching.models import PairDecision

    need = patronship.need
    owner = need.party if need is not None else patronship.recipient
    candidate = patronship.sponsor if owner.pk == patronship.recipient_id else patronship.recipient
    PairDecision.objects.create(
        need=need,
        owner=owner,
        candidate=candidate,
        kind=PairDecision.Kind.DECLINED,
        reason=(reason or _("Vorstellung abgelehnt"))[:300],
        by=by,
    )


def introduction_withdraw(*, introduction: Introduction, by, reason: str) -> Introduction:
    """The coordinator takes an unanswered introduction back."""
    with transaction.atomic():
        introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
        if introduction.status != IntroductionStatus.WAITING:
            raise PatronshipError(
                _("Nur offene Vorstellungen können zurückgezogen werden; diese ist „%(status)s“.")
                % {"status": introduction.get_status_display()}
            )
        introduction.status = IntroductionStatus.WITHDRAWN
        introduction.closed_at = timezone.now()
        introduction.save(update_fields=["status", "closed_at"])
        patronship = _locked(introduction.patronship)
        _move(
            patronship,
            PatronshipStatus.DECLINED,
            by=by,
            reason=_("Vorstellung zurückgezogen: %(reason)s") % {"reason": reason},
        ).save()
        audit_record(
            introduction,
            action="introduction.withdrawn",
            by=by,
            message=_("Zurückgezogen: %(reason)s") % {"reason": reason},
        )
        notify(
            kind=NotificationKind.INTRODUCTION_ANSWER,
            title=_("Vorstellung zurückgezogen"),
            body=reason,
            url=reverse("patronships:introduction", args=[introduction.pk]),
            parties=_parties(patronship),
            exclude_user=by,
        )
    return introduction


def introductions_remind(*, now=None) -> dict:
    """Remind the side that has not answered after INTRODUCTION_REMINDER_DAYS, and put the
    introduction into the coordinator's queue after INTRODUCTION_ESCALATION_DAYS. Each
    happens once per introduction, however often this runs."""
    now = now or timezone.now()
    remind_before = now - datetime.timedelta(days=settings.INTRODUCTION_REMINDER_DAYS)
    escalate_before = now - datetime.timedelta(days=settings.INTRODUCTION_ESCALATION_DAYS)
    counts = {"reminded": 0, "escalated": 0}
    waiting = Introduction.objects.waiting().select_related(
        "patronship__sponsor", "patronship__recipient"
    )
    for introduction in waiting.filter(proposed_at__lte=remind_before, reminders_sent=0):
        with transaction.atomic():
            locked = Introduction.objects.select_for_update().get(pk=introduction.pk)
            if locked.status != IntroductionStatus.WAITING or locked.reminders_sent:
                continue
            patronship = introduction.patronship
            for side, party, other in (
                (SIDE_SPONSOR, patronship.sponsor, patronship.recipient),
                (SIDE_RECIPIENT, patronship.recipient, patronship.sponsor),
            ):
                if locked.answer_of(side):
                    continue
                notify(
                    kind=NotificationKind.INTRODUCTION_REMINDER,
                    title=_("Erinnerung: Vorstellung mit %(other)s") % {"other": other.name},
                    body=_introduction_body(locked, other),
                    url=reverse("patronships:introduction", args=[locked.pk]),
                    parties=[party],
                    actions=[
                        (_("Annehmen"), answer_url(locked, side, Answer.ACCEPTED)),
                        (_("Ablehnen"), answer_url(locked, side, Answer.DECLINED)),
                    ],
                )
            locked.reminders_sent = 1
            locked.last_reminded_at = now
            locked.save(update_fields=["reminders_sent", "last_reminded_at"])
            audit_record(locked, action="introduction.reminded", message=_("Erinnerung gesendet."))
            counts["reminded"] += 1
    for introduction in waiting.filter(proposed_at__lte=escalate_before, escalated_at=None):
        with transaction.atomic():
            locked = Introduction.objects.select_for_update().get(pk=introduction.pk)
            if locked.status != IntroductionStatus.WAITING or locked.escalated_at:
                continue
            locked.escalated_at = now
            locked.save(update_fields=["escalated_at"])
            audit_record(
                locked,
                action="introduction.escalated",
                message=_("Seit %(days)s Tagen unbeantwortet: an die Koordination übergeben.")
                % {"days": settings.INTRODUCTION_ESCALATION_DAYS},
            )
            notify(
                kind=NotificationKind.QUEUE,
                title=_("Unbeantwortete Vorstellung: %(intro)s") % {"intro": introduction},
                body=_("Seit %(days)s Tagen fehlt eine Antwort. Bitte fragen Sie nach.")
                % {"days": settings.INTRODUCTION_ESCALATION_DAYS},
                url=reverse("patronships:introduction", args=[locked.pk]),
                coordinators=True,
            )
            counts["escalated"] += 1
    return counts


# --- agreement and lifecycle -------------------------------------------------------------


def end_date_for(start: datetime.date, months: int) -> datetime.date:
    """The last day of a term of `months` months starting on `start` (12 months from
    1 March end on the last day of February)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day) - datetime.timedelta(days=1)


def patronship_record_agreement(
    *,
    patronship: Patronship,
    by,
    title: str,
    sponsor_gives: str,
    recipient_gives: str,
    start_date: datetime.date,
    end_date: datetime.date,
    checkin_interval_days: int,
    sponsor_contact=None,
    recipient_contact=None,
    topics=None,
    reason: str = "",
) -> Patronship:
    """After the first meeting: who gives what to whom, from when, for how long."""
    if end_date < start_date:
        raise PatronshipError(_("Das Ende muss nach dem Beginn liegen."))
    with transaction.atomic():
        patronship = _locked(patronship)
        introduction = Introduction.objects.filter(patronship=patronship).first()
        if introduction is not None and introduction.status == IntroductionStatus.WAITING:
            raise PatronshipError(
                _(
                    "Die Vereinbarung kann erst festgehalten werden, wenn beide Seiten die "
                    "Vorstellung angenommen haben."
                )
            )
        for contact, party_id in (
            (sponsor_contact, patronship.sponsor_id),
            (recipient_contact, patronship.recipient_id),
        ):
            if contact is not None and contact.party_id != party_id:
                raise PatronshipError(_("Die Ansprechperson gehört nicht zu dieser Partei."))
        _move(
            patronship,
            PatronshipStatus.AGREED,
            by=by,
            reason=reason or _("Vereinbarung festgehalten"),
        )
        patronship.title = title
        patronship.sponsor_gives = sponsor_gives
        patronship.recipient_gives = recipient_gives
        patronship.start_date = start_date
        patronship.end_date = end_date
        patronship.checkin_interval_days = checkin_interval_days
        patronship.sponsor_contact = sponsor_contact
        patronship.recipient_contact = recipient_contact
        patronship.agreed_at = timezone.now()
        if patronship.coordinator_id is None and getattr(by, "is_coordinator", False):
            patronship.coordinator = by
        patronship.save()
        if topics is not None:
            patronship.topics.set(topics)
        audit_record(
            patronship,
            action="patronship.agreement",
            by=by,
            message=_("Vereinbarung: %(start)s bis %(end)s, Zwischengespräch alle %(days)s Tage.")
            % {
                "start": start_date.strftime("%d.%m.%Y"),
                "end": end_date.strftime("%d.%m.%Y"),
                "days": checkin_interval_days,
            },
            changes={
                "sponsor_gives": sponsor_gives,
                "recipient_gives": recipient_gives,
            },
        )
        _tell_partners(
            patronship,
            kind=NotificationKind.PATRONSHIP,
            title=_("Vereinbarung festgehalten: %(title)s") % {"title": patronship.title},
            body=_("Die Patenschaft läuft vom %(start)s bis zum %(end)s.")
            % {"start": start_date.strftime("%d.%m.%Y"), "end": end_date.strftime("%d.%m.%Y")},
            by=by,
        )
    return patronship


def patronship_activate(
    *, patronship: Patronship, by=None, reason: str = "", today=None
) -> Patronship:
    """The agreed patronship begins: from its start date on (the daily task does this by
    itself), and the first check-in is scheduled."""
    today = today or timezone.localdate()
    with transaction.atomic():
        patronship = _locked(patronship)
        if patronship.status == PatronshipStatus.AGREED and (
            patronship.start_date is None or patronship.start_date > today
        ):
            raise PatronshipError(
                _("Die Patenschaft beginnt erst am %(start)s.")
                % {"start": patronship.start_date.strftime("%d.%m.%Y")}
                if patronship.start_date
                else _("Für die Patenschaft ist noch kein Beginn vereinbart.")
            )
        _move(patronship, PatronshipStatus.ACTIVE, by=by, reason=reason or _("Beginn"))
        patronship.save()
        _schedule_checkin(patronship, after=max(patronship.start_date, today))
        _tell_partners(
            patronship,
            kind=NotificationKind.PATRONSHIP,
            title=_("Die Patenschaft hat begonnen: %(title)s") % {"title": patronship.title},
            by=by,
        )
    return patronship


def patronship_complete(*, patronship: Patronship, by, reason: str = "") -> Patronship:
    """The agreed term is over and the patronship ended as planned."""
    with transaction.atomic():
        patronship = _locked(patronship)
        _move(patronship, PatronshipStatus.COMPLETED, by=by, reason=reason or _("Abgeschlossen"))
        today = timezone.localdate()
        patronship.ended_on = min(patronship.end_date or today, today)
        patronship.save()
        patronship.checkins.filter(done_at=None).delete()
        _tell_partners(
            patronship,
            kind=NotificationKind.PATRONSHIP,
            title=_("Patenschaft abgeschlossen: %(title)s") % {"title": patronship.title},
            body=_(
                "Vielen Dank! Erzählen Sie uns im Portal in einem kurzen Rückblick, was gut "
                "funktioniert hat und ob Sie es wieder tun würden."
            ),
            by=by,
        )
    return patronship


def patronship_end_early(
    *, patronship: Patronship, by, reason: str, ended_on: datetime.date | None = None
) -> Patronship:
    """The patronship stops before its agreed end. Its seals are revoked at once."""
    from seals.services import seals_revoke_for_patronship

    if not reason.strip():
        raise PatronshipError(_("Bitte geben Sie einen Grund an."))
    today = timezone.localdate()
    ended_on = ended_on or today
    if ended_on > today:
        raise PatronshipError(_("Das Ende darf nicht in der Zukunft liegen."))
    with transaction.atomic():
        patronship = _locked(patronship)
        if patronship.start_date and ended_on < patronship.start_date:
            ended_on = patronship.start_date
        _move(patronship, PatronshipStatus.ENDED_EARLY, by=by, reason=reason)
        patronship.ended_on = ended_on
        patronship.save()
        patronship.checkins.filter(done_at=None).delete()
        seals_revoke_for_patronship(
            patronship=patronship,
            reason=_("Patenschaft vorzeitig beendet: %(reason)s") % {"reason": reason},
            by=by,
        )
        _tell_partners(
            patronship,
            kind=NotificationKind.PATRONSHIP,
            title=_("Patenschaft vorzeitig beendet: %(title)s") % {"title": patronship.title},
            body=reason,
            by=by,
            coordinators=True,
        )
    return patronship


def patronship_decline(*, patronship: Patronship, by, reason: str) -> Patronship:
    """A proposed patronship does not come about (e.g. after the first meeting)."""
    if not reason.strip():
        raise PatronshipError(_("Bitte geben Sie einen Grund an."))
    with transaction.atomic():
        patronship = _locked(patronship)
        _move(patronship, PatronshipStatus.DECLINED, by=by, reason=reason)
        patronship.save()
        introduction = Introduction.objects.filter(
            patronship=patronship, status=IntroductionStatus.WAITING
        ).first()
        if introduction is not None:
            introduction.status = IntroductionStatus.WITHDRAWN
            introduction.closed_at = timezone.now()
            introduction.save(update_fields=["status", "closed_at"])
        _tell_partners(
            patronship,
            kind=NotificationKind.PATRONSHIP,
            title=_("Patenschaft kommt nicht zustande: %(title)s") % {"title": patronship.title},
            body=reason,
            by=by,
        )
    return patronship


def patronship_renew(
    *,
    patronship: Patronship,
    by,
    end_date: datetime.date,
    sponsor_gives: str | None = None,
    recipient_gives: str | None = None,
    reason: str = "",
) -> Patronship:
    """Close this period as renewed and open the next one (agreed, from the day after the
    old end), carrying over what each side gives, contacts, topics and check-in interval."""
    with transaction.atomic():
        old = _locked(patronship)
        start = (old.end_date or timezone.localdate()) + datetime.timedelta(days=1)
        if old.status == PatronshipStatus.COMPLETED:
            start = max(start, timezone.localdate())
        if end_date < start:
            raise PatronshipError(
                _("Die neue Laufzeit beginnt am %(start)s; das Ende muss danach liegen.")
                % {"start": start.strftime("%d.%m.%Y")}
            )
        _move(old, PatronshipStatus.RENEWED, by=by, reason=reason or _("Verlängert"))
        old.save()
        new = Patronship.objects.create(
            sponsor_id=old.sponsor_id,
            recipient_id=old.recipient_id,
            need_id=old.need_id,
            previous=old,
            title=old.title,
            status=PatronshipStatus.AGREED,
            sponsor_gives=old.sponsor_gives if sponsor_gives is None else sponsor_gives,
            recipient_gives=old.recipient_gives if recipient_gives is None else recipient_gives,
            start_date=start,
            end_date=end_date,
            checkin_interval_days=old.checkin_interval_days,
            coordinator=old.coordinator,
            sponsor_contact=old.sponsor_contact,
            recipient_contact=old.recipient_contact,
            agreed_at=timezone.now(),
        )
        new.topics.set(old.topics.all())
        PatronshipTransition.objects.create(
            patronship=new,
            from_status="",
            to_status=PatronshipStatus.AGREED,
            by=by,
            reason=_("Verlängerung von „%(title)s“") % {"title": old.title},
        )
        audit_record(
            new,
            action="patronship.renewal",
            by=by,
            message=_("Neue Laufzeit %(start)s bis %(end)s.")
            % {"start": start.strftime("%d.%m.%Y"), "end": end_date.strftime("%d.%m.%Y")},
        )
        if old.status == PatronshipStatus.RENEWED and old.checkins.filter(done_at=None).exists():
            old.checkins.filter(done_at=None).delete()
        _tell_partners(
            new,
            kind=NotificationKind.RENEWAL,
            title=_("Patenschaft verlängert bis %(end)s") % {"end": end_date.strftime("%d.%m.%Y")},
            by=by,
        )
    return new


def renewals_offer(*, today=None) -> int:
    """Offer renewal to active patronships ending within RENEWAL_OFFER_DAYS (once each)."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.RENEWAL_OFFER_DAYS)
    count = 0
    due = Patronship.objects.filter(
        status=PatronshipStatus.ACTIVE,
        end_date__lte=horizon,
        renewal_offered_at=None,
    )
    for patronship in due:
        with transaction.atomic():
            locked = _locked(patronship)
            if locked.renewal_offered_at is not None:
                continue
            locked.renewal_offered_at = timezone.now()
            locked.save(update_fields=["renewal_offered_at", "updated_at"])
            audit_record(
                locked, action="patronship.renewal_offered", message=_("Verlängerung angeboten.")
            )
            _tell_partners(
                locked,
                kind=NotificationKind.RENEWAL,
                title=_("Ihre Patenschaft endet am %(end)s – verlängern?")
                % {"end": locked.end_date.strftime("%d.%m.%Y")},
                body=_(
                    "Möchten Sie weitermachen? Sagen Sie es der Koordination; sie hält die "
                    "neue Laufzeit fest."
                ),
                coordinators=True,
            )
            count += 1
    return count


def patronships_start_due(*, today=None) -> int:
    """Agreed patronships whose start date has come become active."""
    today = today or timezone.localdate()
    count = 0
    for patronship in Patronship.objects.filter(
        status=PatronshipStatus.AGREED, start_date__lte=today
    ):
        try:
            patronship_activate(patronship=patronship, reason=_("Beginn erreicht"), today=today)
        except PatronshipError:
            continue
        count += 1
    return count


# --- accompaniment -----------------------------------------------------------------------


def _schedule_checkin(patronship, *, after: datetime.date) -> CheckIn | None:
    """The next check-in, `checkin_interval_days` after `after`, unless that lies past the
    end (then the closing conversation takes its place)."""
    due = after + datetime.timedelta(days=patronship.checkin_interval_days)
    if patronship.end_date and due > patronship.end_date:
        return None
    if patronship.checkins.filter(done_at=None).exists():
        return None
    return CheckIn.objects.create(patronship=patronship, due_on=due)


def checkin_record(*, checkin: CheckIn, by, summary: str, held_on=None) -> CheckIn:
    """The coordinator writes down the check-in's result; the next one is scheduled."""
    if not summary.strip():
        raise PatronshipError(_("Bitte halten Sie kurz fest, was besprochen wurde."))
    with transaction.atomic():
        checkin = (
            CheckIn.objects.select_for_update().select_related("patronship").get(pk=checkin.pk)
        )
        if checkin.done_at is not None:
            raise PatronshipError(_("Dieses Zwischengespräch ist bereits festgehalten."))
        checkin.done_at = timezone.now()
        checkin.done_by = by
        checkin.summary = summary
        checkin.save()
        patronship = checkin.patronship
        audit_record(
            patronship,
            action="checkin.done",
            by=by,
            message=_("Zwischengespräch festgehalten: %(summary)s") % {"summary": summary[:200]},
        )
        if patronship.status == PatronshipStatus.ACTIVE:
            _schedule_checkin(patronship, after=held_on or timezone.localdate())
    return checkin


def checkins_remind(*, today=None) -> int:
    """Announce check-ins due within CHECKIN_NOTICE_DAYS (once each) to the coordinator and
    both partners."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.CHECKIN_NOTICE_DAYS)
    count = 0
    due = CheckIn.objects.filter(
        done_at=None,
        reminded_at=None,
        due_on__lte=horizon,
        patronship__status=PatronshipStatus.ACTIVE,
    ).select_related("patronship")
    for checkin in due:
        with transaction.atomic():
            locked = CheckIn.objects.select_for_update().get(pk=checkin.pk)
            if locked.reminded_at is not None:
                continue
            locked.reminded_at = timezone.now()
            locked.save(update_fields=["reminded_at"])
            patronship = checkin.patronship
            _tell_partners(
                patronship,
                kind=NotificationKind.CHECKIN,
                title=_("Zwischengespräch am %(day)s: %(title)s")
                % {"day": checkin.due_on.strftime("%d.%m.%Y"), "title": patronship.title},
                body=_(
                    "Die Koordination meldet sich für ein kurzes Gespräch: Wie läuft die "
                    "Patenschaft, was wurde gegeben, was braucht es noch?"
                ),
                coordinators=True,
            )
            audit_record(
                patronship,
                action="checkin.reminded",
                message=_("Erinnerung an das Zwischengespräch am %(day)s gesendet.")
                % {"day": checkin.due_on.strftime("%d.%m.%Y")},
            )
            count += 1
    return count


def note_add(*, patronship: Patronship, by, text: str, is_internal: bool = True) -> Note:
    if not text.strip():
        raise PatronshipError(_("Die Notiz ist leer."))
    with transaction.atomic():
        note = Note.objects.create(
            patronship=patronship, author=by, text=text, is_internal=is_internal
        )
        audit_record(
            patronship,
            action="note.added",
            by=by,
            message=_("Interne Notiz hinzugefügt.") if is_internal else _("Notiz hinzugefügt."),
        )
    return note


def contribution_add(
    *,
    patronship: Patronship,
    by,
    direction: str,
    given_on: datetime.date,
    description: str,
    hours=None,
    value_eur=None,
) -> Contribution:
    """A partner (or the coordinator) logs what was given. Entries by the coordinator count
    as confirmed at once; the partners' entries wait for the coordinator."""
    if patronship.status in (PatronshipStatus.PROPOSED, PatronshipStatus.DECLINED):
        raise PatronshipError(
            _("Beiträge können erst eingetragen werden, wenn die Patenschaft vereinbart ist.")
        )
    if given_on > timezone.localdate():
        raise PatronshipError(_("Das Datum darf nicht in der Zukunft liegen."))
    if direction not in Direction.values:
        raise ValueError(direction)
    if any(number is not None and number < 0 for number in (hours, value_eur)):
        raise PatronshipError(_("Bitte geben Sie keine negativen Zahlen an."))
    if not (hours or value_eur or description.strip()):
        raise PatronshipError(
            _("Bitte geben Sie Stunden, einen Sachwert oder eine Beschreibung an.")
        )
    with transaction.atomic():
        contribution = Contribution.objects.create(
            patronship=patronship,
            direction=direction,
            given_on=given_on,
            hours=hours,
            value_eur=value_eur,
            description=description,
            added_by=by,
        )
        if getattr(by, "is_coordinator", False):
            contribution.confirmed_at = timezone.now()
            contribution.confirmed_by = by
            contribution.save(update_fields=["confirmed_at", "confirmed_by"])
        else:
            notify(
                kind=NotificationKind.CONTRIBUTION,
                title=_("Neuer Beitrag zu „%(title)s“") % {"title": patronship.title},
                body=description,
                url=reverse("patronships:detail", args=[patronship.pk]),
                coordinators=True,
                exclude_user=by,
            )
        audit_record(
            patronship,
            action="contribution.added",
            by=by,
            message=_("Beitrag eingetragen: %(description)s") % {"description": description},
        )
    return contribution


def contribution_confirm(*, contribution: Contribution, by) -> Contribution:
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
        if contribution.confirmed_at is not None:
            raise PatronshipError(_("Dieser Beitrag ist bereits bestätigt."))
        contribution.confirmed_at = timezone.now()
        contribution.confirmed_by = by
        contribution.save(update_fields=["confirmed_at", "confirmed_by"])
        audit_record(
            contribution.patronship,
            action="contribution.confirmed",
            by=by,
            message=_("Beitrag bestätigt: %(description)s")
            % {"description": contribution.description},
        )
    return contribution


def milestone_add(*, patronship: Patronship, by, title: str, planned_on=None) -> Milestone:
    if not title.strip():
        raise PatronshipError(_("Bitte benennen Sie den Meilenstein."))
    milestone = Milestone.objects.create(
        patronship=patronship, title=title, planned_on=planned_on, created_by=by
    )
    audit_record(
        patronship, action="milestone.added", by=by, message=_("Meilenstein: %(t)s") % {"t": title}
    )
    return milestone


def milestone_reach(*, milestone: Milestone, by, reached_on=None) -> Milestone:
    with transaction.atomic():
        milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
        if milestone.reached_on is not None:
            raise PatronshipError(_("Dieser Meilenstein ist bereits erreicht."))
        milestone.reached_on = reached_on or timezone.localdate()
        milestone.save(update_fields=["reached_on"])
        audit_record(
            milestone.patronship,
            action="milestone.reached",
            by=by,
            message=_("Meilenstein erreicht: %(t)s") % {"t": milestone.title},
        )
    return milestone


REVIEWABLE = (
    PatronshipStatus.ACTIVE,
    PatronshipStatus.COMPLETED,
    PatronshipStatus.ENDED_EARLY,
    PatronshipStatus.RENEWED,
)


def review_write(
    *,
    patronship: Patronship,
    party,
    by,
    what_worked: str,
    would_again: str,
    what_to_improve: str = "",
) -> ClosingReview:
    """A partner's look back; written once, may be revised."""
    if patronship.status not in REVIEWABLE:
        raise PatronshipError(
            _("Ein Rückblick ist erst möglich, wenn die Patenschaft begonnen hat.")
        )
    if patronship.side_of(party.pk) is None:
        raise PatronshipError(_("Nur die beiden Partner schreiben einen Rückblick."))
    if would_again not in WouldAgain.values:
        raise PatronshipError(_("Bitte sagen Sie, ob Sie es wieder tun würden."))
    if not what_worked.strip():
        raise PatronshipError(_("Bitte schreiben Sie kurz, was gut funktioniert hat."))
    with transaction.atomic():
        return _review_save(
            patronship=patronship,
            party=party,
            by=by,
            what_worked=what_worked,
            what_to_improve=what_to_improve,
            would_again=would_again,
        )


def _review_save(*, patronship, party, by, what_worked, what_to_improve, would_again):
    review, _created = ClosingReview.objects.update_or_create(
        patronship=patronship,
        party=party,
        defaults={
            "what_worked": what_worked,
            "what_to_improve": what_to_improve,
            "would_again": would_again,
            "written_by": by,
        },
    )
    audit_record(
        patronship,
        action="review.written",
        by=by,
        message=_("Rückblick von %(party)s") % {"party": party.name},
    )
    return review


def patronships_daily(*, today=None) -> dict:
    """What the daily beat task does: start, offer renewal, remind."""
    today = today or timezone.localdate()
    return {
        "started": patronships_start_due(today=today),
        "renewals_offered": renewals_offer(today=today),
        "checkins_reminded": checkins_remind(today=today),
        **introductions_remind(),
    }
