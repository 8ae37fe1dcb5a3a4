"""Issuing, revoking and reminding: the only places where seals change.

A seal's state (gültig, abgelaufen, widerrufen) is computed from its dates and revocation,
so expiry needs no write. Every change forgets the seal's cached public record, so that
the verification page, its JSON and the embedded image show it at once.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from notifications.models import NotificationKind
from notifications.services import notify
from patronships.models import Patronship, PatronshipStatus

from .models import Seal
from .records import seal_record_forget, seal_title

DEFAULT_EXPIRY_NOTICE_DAYS = 30


class SealError(Exception):
    """A seal step that is not allowed now; the message says why, in German."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _day(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def _holder_url(seal: Seal) -> str:
    return reverse("seals:party", args=[seal.holder_id])


def seal_issue(*, patronship: Patronship, by, holders=None) -> list[Seal]:
    """Issue the seals of an active patronship: one for each partner (or for `holders`, a
    subset of them), valid from its start to its agreed end. Refuses (SealError) when the
    patronship is not active, has no agreed period, has already ended, or when a partner
    already holds a standing seal for it."""
    today = timezone.localdate()
    with transaction.atomic():
        patronship = (
            Patronship.objects.select_for_update()
            .select_related("sponsor", "recipient")
            .get(pk=patronship.pk)
        )
        if patronship.status != PatronshipStatus.ACTIVE:
            raise SealError(
                _(
                    "Siegel werden nur für laufende Patenschaften ausgestellt; diese ist "
                    "„%(status)s“."
                )
                % {"status": patronship.get_status_display()}
            )
        if patronship.start_date is None or patronship.end_date is None:
            raise SealError(
                _(
                    "Für diese Patenschaft ist keine Laufzeit vereinbart. Halten Sie zuerst "
                    "Beginn und Ende in der Vereinbarung fest."
                )
            )
        if patronship.end_date < today:
            raise SealError(
                _("Die vereinbarte Laufzeit ist am %(end)s zu Ende gegangen.")
                % {"end": _day(patronship.end_date)}
            )
        partners = [patronship.sponsor, patronship.recipient]
        if holders is not None:
            wanted = {getattr(h, "pk", h) for h in holders}
            if not wanted or not wanted <= {p.pk for p in partners}:
                raise SealError(_("Siegel erhalten nur die beiden Partner der Patenschaft."))
            partners = [p for p in partners if p.pk in wanted]
        standing = set(
            Seal.objects.not_revoked()
            .filter(patronship=patronship, holder__in=partners)
            .values_list("holder_id", flat=True)
        )
        if standing:
            names = ", ".join(p.name for p in partners if p.pk in standing)
            raise SealError(
                _("Für diese Laufzeit gibt es bereits ein gültiges Siegel: %(names)s.")
                % {"names": names}
            )
        seals = []
        for party in partners:
            try:
                with transaction.atomic():
                    seal = Seal.objects.create(
                        holder=party,
                        patronship=patronship,
                        valid_from=patronship.start_date,
                        valid_until=patronship.end_date,
                        issued_by=by if getattr(by, "is_authenticated", False) else None,
                    )
            except IntegrityError as exc:  # a second coordinator issued at the same moment
                raise SealError(
                    _("Für diese Laufzeit gibt es bereits ein gültiges Siegel: %(names)s.")
                    % {"names": party.name}
                ) from exc
            seals.append(seal)
            audit_record(
                patronship,
                action="seal.issued",
                by=by,
                message=_("Siegel für %(holder)s ausgestellt, gültig vom %(start)s bis %(end)s.")
                % {
                    "holder": party.name,
                    "start": _day(seal.valid_from),
                    "end": _day(seal.valid_until),
                },
            )
            notify(
                kind=NotificationKind.SEAL,
                title=_("Ihr Siegel „%(title)s %(year)s“ ist da")
                % {"title": seal_title(), "year": seal.year},
                body=_(
                    "Gültig bis %(end)s. Im Portal finden Sie das Siegel zum Einbinden in Ihre "
                    "Webseite und ein Medienpaket für Briefbogen und Aushang."
                )
                % {"end": _day(seal.valid_until)},
                url=_holder_url(seal),
                parties=[party],
                exclude_user=by,
            )
    return seals


def _revoke_locked(seal: Seal, *, reason: str, by, notify_coordinators: bool) -> Seal:
    seal.revoked_at = timezone.now()
    seal.revoked_reason = reason
    seal.revoked_by = by if getattr(by, "is_authenticated", False) else None
    seal.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    seal_record_forget(seal.code)
    audit_record(
        seal.patronship,
        action="seal.revoked",
        by=by,
        message=_("Siegel von %(holder)s widerrufen: %(reason)s")
        % {"holder": seal.holder.name, "reason": reason},
    )
    notify(
        kind=NotificationKind.SEAL,
        title=_("Ihr Siegel „%(title)s %(year)s“ ist widerrufen")
        % {"title": seal_title(), "year": seal.year},
        body=_(
            "%(reason)s\nBitte nehmen Sie das Siegel von Ihrer Webseite, Ihrem Briefbogen und "
            "Ihrem Aushang. Das eingebundene Bild zeigt ab sofort „widerrufen“."
        )
        % {"reason": reason},
        url=_holder_url(seal),
        parties=[seal.holder_id],
        coordinators=notify_coordinators,
        exclude_user=by,
    )
    return seal


def seal_revoke(*, seal: Seal, reason: str, by) -> Seal:
    """Revoke one seal with a reason; the holder and the coordination are told."""
    if not reason.strip():
        raise SealError(_("Bitte geben Sie einen Grund für den Widerruf an."))
    with transaction.atomic():
        seal = (
            Seal.objects.select_for_update().select_related("holder", "patronship").get(pk=seal.pk)
        )
        if seal.revoked_at is not None:
            raise SealError(
                _("Dieses Siegel ist bereits seit dem %(day)s widerrufen.")
                % {"day": _day(timezone.localdate(seal.revoked_at))}
            )
        return _revoke_locked(seal, reason=reason.strip(), by=by, notify_coordinators=True)


def seals_revoke_for_patronship(*, patronship: Patronship, reason: str, by) -> int:
    """Revoke every standing seal of `patronship` (it ended early). Runs inside the caller's
    transaction; returns how many seals were revoked. The caller tells the coordination
    about the patronship itself, so only the holders hear about their seals."""
    count = 0
    with transaction.atomic():
        seals = (
            Seal.objects.select_for_update()
            .select_related("holder", "patronship")
            .filter(patronship=patronship, revoked_at__isnull=True)
            .order_by("pk")
        )
        for seal in seals:
            _revoke_locked(seal, reason=reason, by=by, notify_coordinators=False)
            count += 1
    return count


def seals_remind_expiry(*, today: datetime.date | None = None) -> int:
    """Tell holder and coordination, once per seal, that a seal runs out within
    SEAL_EXPIRY_NOTICE_DAYS, unless the holder already has the next seal of the
    partnership (a renewal)."""
    today = today or timezone.localdate()
    days = getattr(settings, "SEAL_EXPIRY_NOTICE_DAYS", DEFAULT_EXPIRY_NOTICE_DAYS)
    horizon = today + datetime.timedelta(days=days)
    due = (
        Seal.objects.expiring_between(today, horizon)
        .filter(expiry_reminded_at=None, valid_from__lte=today)
        .select_related("holder", "patronship")
        .order_by("valid_until", "pk")
    )
    count = 0
    for seal in due:
        with transaction.atomic():
            locked = Seal.objects.select_for_update().get(pk=seal.pk)
            if locked.expiry_reminded_at is not None or locked.revoked_at is not None:
                continue
            locked.expiry_reminded_at = timezone.now()
            locked.save(update_fields=["expiry_reminded_at"])
            successor = (
                Seal.objects.not_revoked()
                .filter(holder_id=seal.holder_id, valid_until__gt=seal.valid_until)
                .filter(patronship__sponsor_id=seal.patronship.sponsor_id)
                .filter(patronship__recipient_id=seal.patronship.recipient_id)
                .exists()
            )
            if successor:
                continue
            values = {
                "title": seal_title(),
                "year": seal.year,
                "holder": seal.holder.name,
                "end": _day(seal.valid_until),
            }
            notify(
                kind=NotificationKind.SEAL,
                title=_("Siegel „%(title)s %(year)s“ von %(holder)s läuft am %(end)s ab") % values,
                body=_(
                    "Danach zeigt das eingebundene Bild „abgelaufen“. Wird die Patenschaft "
                    "„%(patronship)s“ verlängert, stellt die Koordination ein neues Siegel aus."
                )
                % {"patronship": seal.patronship.title},
                url=_holder_url(seal),
                parties=[seal.holder_id],
                coordinators=True,
            )
            audit_record(
                seal.patronship,
                action="seal.expiry_reminded",
                message=_("Erinnerung gesendet: Das Siegel von %(holder)s läuft am %(end)s ab.")
                % values,
            )
            count += 1
    return count


def seals_daily(*, today: datetime.date | None = None) -> dict:
    """What the daily beat task does. Expiry itself needs nothing: it follows from the dates."""
    return {"expiry_reminders": seals_remind_expiry(today=today)}
