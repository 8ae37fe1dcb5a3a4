import logging

from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditEntry
from audit.services import audit_record

from .models import Interest, Need, NeedChange, Offer

logger = logging.getLogger(__name__)

_TRACKED = [
    "title",
    "description",
    "kind",
    "effort",
    "time_frame",
    "municipality",
    "remote_ok",
    "status",
    "publish_publicly",
]


def _snapshot(need: Need) -> dict:
    values = {field: str(getattr(need, field) or "") for field in _TRACKED}
    values["competencies"] = ", ".join(sorted(c.name for c in need.competencies.all()))
    values["topics"] = ", ".join(sorted(t.name for t in need.topics.all()))
    return values


@transaction.atomic
def need_create(*, party, by, competencies=(), topics=(), **fields) -> Need:
    """A party posts a need in its own words; wanted competencies are optional."""
    need = Need.objects.create(party=party, created_by=by, **fields)
    need.competencies.set(competencies)
    need.topics.set(topics)
    audit_record(need, action="need.created", by=by, message=_("Bedarf angelegt."))
    return need


@transaction.atomic
def need_update(*, need: Need, by, competencies=None, topics=None, **fields) -> Need:
    """Change a need and log who changed which fields from what to what."""
    before = _snapshot(need)
    for field, value in fields.items():
        setattr(need, field, value)
    need.save()
    if competencies is not None:
        need.competencies.set(competencies)
    if topics is not None:
        need.topics.set(topics)
    after = _snapshot(need)
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changed:
        NeedChange.objects.create(need=need, by=by, fields=changed)
        audit_record(
            need,
            action="need.changed",
            by=by,
            message=_("Bedarf geändert: %(fields)s") % {"fields": ", ".join(changed)},
            changes=changed,
        )
    return need


@transaction.atomic
def offer_create(*, party, competencies=(), **fields) -> Offer:
    offer = Offer.objects.create(party=party, **fields)
    offer.competencies.set(competencies)
    return offer


@transaction.atomic
def offer_update(*, offer: Offer, competencies=None, **fields) -> Offer:
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.save()
    if competencies is not None:
        offer.competencies.set(competencies)
    return offer


def offer_delete(*, offer: Offer, by) -> None:
    logger.info(
        "Offer %s (%s) of party %s deleted by user %s",
        offer.pk,
        offer.title,
        offer.party_id,
        getattr(by, "pk", None),
    )
    offer.delete()


class InterestError(Exception):
    pass


@transaction.atomic
def interest_create(*, need: Need, party, message: str, by) -> Interest:
    """A party says "we could help"; the coordinator is told, the owner sees only a count."""
    if party.pk == need.party_id:
        raise InterestError(_("Für den eigenen Bedarf können Sie kein Interesse bekunden."))
    if not need.is_open:
        raise InterestError(_("Dieser Bedarf ist nicht mehr offen."))
    if Interest.objects.filter(need=need, party=party).exists():
        raise InterestError(_("Sie haben für diesen Bedarf schon Interesse bekundet."))
    interest = Interest.objects.create(need=need, party=party, message=message, created_by=by)
    from parties.services import notify_coordinators

    notify_coordinators(
        template_prefix="exchange/email/interest_received",
        context={"interest": interest, "need": need, "party": party},
    )
    return interest


def interest_set_status(*, interest: Interest, status: str, by=None) -> Interest:
    interest.status = status
    interest.save(update_fields=["status"])
    audit_record(
        interest.need,
        action=f"interest.{status}",
        by=by,
        message=_("Interessenbekundung von %(party)s: %(status)s")
        % {"party": interest.party, "status": interest.get_status_display()},
    )
    return interest


class NeedMergeError(Exception):
    pass


@transaction.atomic
def need_merge(*, keep: Need, duplicate: Need, by) -> Need:
    """Fold a duplicate need into `keep`: interests, patronships and history move over."""
    from patronships.models import Patronship

    if keep.pk == duplicate.pk or keep.party_id != duplicate.party_id:
        raise NeedMergeError(
            _(
                "Zusammenführen lassen sich nur zwei Bedarfe desselben Unternehmens "
                "oder derselben Organisation."
            )
        )
    snapshot = _snapshot(duplicate)
    for interest in duplicate.interests.all():
        if keep.interests.filter(party=interest.party_id).exists():
            interest.delete()
        else:
            interest.need = keep
            interest.save(update_fields=["need"])
    Patronship.objects.filter(need=duplicate).update(need=keep)
    duplicate.changes.update(need=keep)
    keep.competencies.add(*duplicate.competencies.all())
    keep.topics.add(*duplicate.topics.all())
    if not keep.ref and duplicate.ref:
        keep.ref, duplicate.ref = duplicate.ref, ""
        duplicate.save(update_fields=["ref"])
        keep.save(update_fields=["ref"])
    NeedChange.objects.create(
        need=keep,
        by=by,
        fields={
            "zusammengeführt": [f"#{duplicate.pk} {duplicate.title}", ""],
            "duplikat": snapshot,
        },
    )
    AuditEntry.objects.for_object(duplicate).update(object_id=keep.pk)
    audit_record(
        keep,
        action="need.merged",
        by=by,
        message=_("Bedarf #%(pk)s „%(title)s“ wurde hierher zusammengeführt.")
        % {"pk": duplicate.pk, "title": duplicate.title},
    )
    duplicate.delete()
    return keep
