"""Writes of the Förderkreis: networks, ties, memberships and recommendations.

Every service runs in one transaction and records what it did in the audit log. Matching
is kept fresh by the receivers in `advisors.signals`, so admin edits count too.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record, field_changes

from .models import Network, NetworkMembership, NetworkTie, Recommendation


class AdvisorsError(Exception):
    """A step that is not allowed; the message says why, in German."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _name(user) -> str:
    return user.get_full_name() if user is not None else _("jemand")


# --- networks ------------------------------------------------------------------------------


@transaction.atomic
def network_create(*, name: str, kind: str, description: str = "", by) -> Network:
    if Network.objects.filter(name__iexact=name.strip()).exists():
        raise AdvisorsError(_("Ein Netzwerk „%(name)s“ gibt es schon.") % {"name": name})
    network = Network.objects.create(
        name=name.strip(), kind=kind, description=description, created_by=by
    )
    audit_record(
        network,
        action="network.created",
        by=by,
        message=_("%(who)s hat das Netzwerk „%(name)s“ angelegt.")
        % {"who": _name(by), "name": network.name},
    )
    return network


@transaction.atomic
def network_update(*, network: Network, by, **fields) -> Network:
    name = fields.get("name")
    if (
        name is not None
        and Network.objects.filter(name__iexact=name.strip()).exclude(pk=network.pk).exists()
    ):
        raise AdvisorsError(_("Ein Netzwerk „%(name)s“ gibt es schon.") % {"name": name})
    before = {key: getattr(network, key) for key in fields}
    for key, value in fields.items():
        setattr(network, key, value.strip() if key == "name" else value)
    changes = field_changes(before, {key: getattr(network, key) for key in fields})
    if changes:
        network.save()
        audit_record(
            network,
            action="network.changed",
            by=by,
            message=_("%(who)s hat das Netzwerk „%(name)s“ geändert.")
            % {"who": _name(by), "name": network.name},
            changes=changes,
        )
    return network


@transaction.atomic
def network_join(*, network: Network, advisor) -> NetworkMembership:
    """The advisor says they belong to the network (idempotent)."""
    if not advisor.can_see_pipeline:
        raise AdvisorsError(_("Nur Mitglieder des Förderkreises können einem Netzwerk beitreten."))
    membership, created = NetworkMembership.objects.get_or_create(network=network, advisor=advisor)
    if created:
        audit_record(
            network,
            action="network.advisor_joined",
            by=advisor,
            message=_("%(who)s ist im Netzwerk „%(name)s“.")
            % {"who": _name(advisor), "name": network.name},
        )
    return membership


@transaction.atomic
def network_leave(*, network: Network, advisor) -> bool:
    deleted, _rows = NetworkMembership.objects.filter(network=network, advisor=advisor).delete()
    if deleted:
        audit_record(
            network,
            action="network.advisor_left",
            by=advisor,
            message=_("%(who)s ist nicht mehr im Netzwerk „%(name)s“.")
            % {"who": _name(advisor), "name": network.name},
        )
    return bool(deleted)


# --- ties ----------------------------------------------------------------------------------


def tie_add(*, network: Network, party, note: str = "", by) -> NetworkTie:
    """Record that `party` is in `network`; both the party's and the network's history say so."""
    if not party.is_approved:
        raise AdvisorsError(_("„%(name)s“ ist noch nicht freigegeben.") % {"name": party.name})
    try:
        with transaction.atomic():
            tie = NetworkTie.objects.create(network=network, party=party, note=note, recorded_by=by)
            message = _("%(who)s hat eingetragen: „%(party)s“ ist im Netzwerk „%(network)s“.") % {
                "who": _name(by),
                "party": party.name,
                "network": network.name,
            }
            if note:
                message += " " + _("Notiz: %(note)s") % {"note": note}
            for obj in (party, network):
                audit_record(obj, action="network_tie.added", by=by, message=message)
    except IntegrityError:
        raise AdvisorsError(
            _("„%(party)s“ ist dem Netzwerk „%(network)s“ bereits zugeordnet.")
            % {"party": party.name, "network": network.name}
        ) from None
    return tie


@transaction.atomic
def tie_remove(*, tie: NetworkTie, by) -> None:
    message = _("%(who)s hat ausgetragen: „%(party)s“ ist nicht im Netzwerk „%(network)s“.") % {
        "who": _name(by),
        "party": tie.party.name,
        "network": tie.network.name,
    }
    for obj in (tie.party, tie.network):
        audit_record(obj, action="network_tie.removed", by=by, message=message)
    tie.delete()


# --- recommendations -----------------------------------------------------------------------


def _recommendation_sentence(recommendation: Recommendation) -> str:
    sentence = _("%(who)s empfiehlt „%(party)s“ für den Bedarf „%(need)s“.") % {
        "who": _name(recommendation.advisor),
        "party": recommendation.candidate.name,
        "need": recommendation.need.title,
    }
    if recommendation.offers_warm_introduction:
        sentence += " " + _("Bietet eine warme Vorstellung an.")
    return sentence + " " + _("Warum: %(note)s") % {"note": recommendation.note}


def recommendation_create(
    *, need, candidate, advisor, note: str, offers_warm_introduction: bool = False
) -> Recommendation:
    """An advisor recommends `candidate` for `need`. A recommendation the same advisor withdrew
    before comes back with the new note; an active one is refused as a duplicate."""
    if not advisor.can_see_pipeline:
        raise AdvisorsError(_("Nur der Förderkreis und die Koordination können empfehlen."))
    if not need.is_open:
        raise AdvisorsError(
            _("Der Bedarf „%(need)s“ ist nicht offen; dafür lässt sich niemand mehr empfehlen.")
            % {"need": need.title}
        )
    if candidate.pk == need.party_id:
        raise AdvisorsError(_("Niemand kann für den eigenen Bedarf empfohlen werden."))
    if not candidate.is_approved:
        raise AdvisorsError(_("„%(name)s“ ist noch nicht freigegeben.") % {"name": candidate.name})
    if not note.strip():
        raise AdvisorsError(_("Bitte schreiben Sie kurz, warum Sie empfehlen."))
    duplicate = AdvisorsError(
        _("Sie haben „%(party)s“ für diesen Bedarf bereits empfohlen.") % {"party": candidate.name}
    )
    try:
        with transaction.atomic():
            recommendation = (
                Recommendation.objects.select_for_update()
                .filter(need=need, candidate=candidate, advisor=advisor)
                .first()
            )
            if recommendation is not None and recommendation.is_active:
                raise duplicate
            if recommendation is None:
                recommendation = Recommendation.objects.create(
                    need=need,
                    candidate=candidate,
                    advisor=advisor,
                    note=note,
                    offers_warm_introduction=offers_warm_introduction,
                )
                action = "recommendation.created"
            else:
                recommendation.note = note
                recommendation.offers_warm_introduction = offers_warm_introduction
                recommendation.withdrawn_at = None
                recommendation.save()
                action = "recommendation.renewed"
            audit_record(
                recommendation,
                action=action,
                by=advisor,
                message=_recommendation_sentence(recommendation),
            )
            _tell_coordination(recommendation)
    except IntegrityError:  # the same advisor, twice at once
        raise duplicate from None
    return recommendation


def _tell_coordination(recommendation: Recommendation) -> None:
    from notifications.services import notify

    if recommendation.offers_warm_introduction:
        title = _("%(who)s empfiehlt „%(party)s“ und bietet eine warme Vorstellung an") % {
            "who": _name(recommendation.advisor),
            "party": recommendation.candidate.name,
        }
    else:
        title = _("%(who)s empfiehlt „%(party)s“") % {
            "who": _name(recommendation.advisor),
            "party": recommendation.candidate.name,
        }
    notify(
        kind="recommendation",
        title=title,
        body=_("Für den Bedarf „%(need)s“: %(note)s")
        % {"need": recommendation.need.title, "note": recommendation.note},
        url=reverse("advisors:recommendation_detail", args=[recommendation.pk]),
        coordinators=True,
        exclude_user=recommendation.advisor,
    )


@transaction.atomic
def recommendation_update(
    *, recommendation: Recommendation, by, note: str, offers_warm_introduction: bool
) -> Recommendation:
    if by.pk != recommendation.advisor_id:
        raise AdvisorsError(_("Nur wer empfohlen hat, kann die Empfehlung ändern."))
    if not recommendation.is_active:
        raise AdvisorsError(_("Diese Empfehlung ist zurückgezogen."))
    if not note.strip():
        raise AdvisorsError(_("Bitte schreiben Sie kurz, warum Sie empfehlen."))
    before = {
        "note": recommendation.note,
        "offers_warm_introduction": recommendation.offers_warm_introduction,
    }
    after = {"note": note, "offers_warm_introduction": offers_warm_introduction}
    changes = field_changes(before, after)
    if changes:
        recommendation.note = note
        recommendation.offers_warm_introduction = offers_warm_introduction
        recommendation.save()
        audit_record(
            recommendation,
            action="recommendation.changed",
            by=by,
            message=_("%(who)s hat die Empfehlung geändert.") % {"who": _name(by)},
            changes=changes,
        )
    return recommendation


@transaction.atomic
def recommendation_withdraw(*, recommendation: Recommendation, by) -> Recommendation:
    """The author takes a recommendation back; it stays on record, marked withdrawn."""
    if by.pk != recommendation.advisor_id:
        raise AdvisorsError(_("Nur wer empfohlen hat, kann die Empfehlung zurückziehen."))
    if not recommendation.is_active:
        raise AdvisorsError(_("Diese Empfehlung ist bereits zurückgezogen."))
    recommendation.withdrawn_at = timezone.now()
    recommendation.save(update_fields=["withdrawn_at", "updated_at"])
    audit_record(
        recommendation,
        action="recommendation.withdrawn",
        by=by,
        message=_("%(who)s hat die Empfehlung von „%(party)s“ zurückgezogen.")
        % {"who": _name(by), "party": recommendation.candidate.name},
    )
    return recommendation
