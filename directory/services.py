"""Import and export of the directory: companies, organisations, needs and offers."""

import datetime
import functools
import io
from collections.abc import Iterable

from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from exchange.models import Effort, Need, NeedKind, NeedStatus, Offer, OfferKind
from exchange.services import need_update
from parties.models import (
    CompanySize,
    ContactPerson,
    LegalForm,
    Party,
    PartyCompetency,
    PartyKind,
    PartyStatus,
)

from .columns import COMPANY, NEED, OFFER, ORGANISATION, PARTY_TYPES, columns_for
from .formats import FileRejected, format_from_filename, rows_read, rows_write, upload_read
from .lookups import CONTACT_FIELDS, NEED_FIELDS, OFFER_FIELDS, PARTY_FIELDS, Lookups
from .models import ImportUpload
from .planning import PARTY_KINDS, PlannedRow, import_plan
from .reports import CREATE, UPDATE, ImportReport

UPLOAD_MAX_AGE = datetime.timedelta(hours=1)
_CHUNK = 500


@transaction.atomic
def directory_import(*, file, filename: str, by, dry_run: bool) -> ImportReport:
    """Check every row of a directory file, then write all of it or nothing.

    Nothing is written when the file cannot be read, when any row is invalid, or with
    `dry_run`; the report says per row what would happen (or what went wrong, and why).
    """
    if not getattr(by, "is_coordinator", False):
        raise PermissionError("Only the coordination imports the directory.")
    report = ImportReport(filename=filename, dry_run=dry_run)
    try:
        report.format = format_from_filename(filename)
        rows = rows_read(upload_read(file), report.format)
    except FileRejected as exc:
        report.errors.append(str(exc))
        return report
    planned = import_plan(rows, Lookups())
    report.rows = [p.result for p in planned]
    if dry_run or not report.ok:
        return report
    try:
        with transaction.atomic():
            _write(planned, by=by)
    except IntegrityError:
        # Someone changed the directory at the same moment (a ref taken since the check).
        report.errors.append(
            _("Beim Speichern gab es einen Konflikt; es wurde nichts gespeichert. Bitte erneut.")
        )
        return report
    report.written = True
    # Bulk writes send no signals: recompute all suggestions once the import is committed,
    # and let public pages (names, places of published partners) be rendered anew.
    from matching.tasks import rebuild_suggestions
    from publication.caching import public_version_bump

    transaction.on_commit(rebuild_suggestions.delay)
    public_version_bump()
    return report


def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(planned: list[PlannedRow], *, by) -> None:
    parties = [p for p in planned if p.type in PARTY_TYPES]
    _parties_write(parties, by=by)
    _needs_write([p for p in planned if p.type == NEED], by=by)
    _offers_write([p for p in planned if p.type == OFFER])


def _slug_unique(name: str, taken: set[str]) -> str:
    base = slugify(name.replace("ß", "ss"))[:200] or "partei"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _bulk_create(model, objects: list) -> None:
    if connection.features.can_return_rows_from_bulk_insert:
        model.objects.bulk_create(objects, batch_size=_CHUNK)
    else:  # pragma: no cover - SQLite before 3.35 does not return the new pks
        for obj in objects:
            obj.save()


def _scalars(values: dict, fields: list[str]) -> dict:
    return {key: value for key, value in values.items() if key in fields}


def _relations_replace(through, owner_field: str, rows: list[PlannedRow], key: str, make) -> None:
    """Replace a many-to-many relation for the rows that set `key`."""
    changed = [p for p in rows if key in p.values]
    ids = [p.record_pk for p in changed if p.action == UPDATE]
    for chunk in _chunks(ids):
        through.objects.filter(**{f"{owner_field}__in": chunk}).delete()
    through.objects.bulk_create(
        [make(p.record_pk, item) for p in changed for item in p.values[key]], batch_size=_CHUNK
    )


def _parties_write(rows: list[PlannedRow], *, by) -> None:
    now = timezone.now()
    taken = set(Party.objects.values_list("slug", flat=True))
    new = [p for p in rows if p.action == CREATE]
    objects = [
        Party(
            kind=PARTY_KINDS[p.type],
            ref=p.ref,
            slug=_slug_unique(p.values["name"], taken),
            status=PartyStatus.APPROVED,
            created_on_behalf=True,
            created_by=by,
            reviewed_by=by,
            reviewed_at=now,
            **_scalars(p.values, PARTY_FIELDS),
        )
        for p in new
    ]
    _bulk_create(Party, objects)
    for p, party in zip(new, objects, strict=True):
        p.pk = party.pk
    for p in rows:
        if p.action == UPDATE and (fields := _scalars(p.values, PARTY_FIELDS)):
            Party.objects.filter(pk=p.record_pk).update(**fields, updated_at=now)
    _relations_replace(
        PartyCompetency,
        "party_id",
        rows,
        "competencies",
        lambda pk, item: PartyCompetency(party_id=pk, competency_id=item[0], rating=item[1]),
    )
    topics, groups = Party.topics.through, Party.target_groups.through
    _relations_replace(
        topics, "party_id", rows, "topics", lambda pk, i: topics(party_id=pk, topic_id=i)
    )
    _relations_replace(
        groups,
        "party_id",
        rows,
        "target_groups",
        lambda pk, i: groups(party_id=pk, targetgroup_id=i),
    )
    _contacts_write(rows)


def _contacts_write(rows: list[PlannedRow]) -> None:
    """Set each row's primary contact person: update the first one, or add one."""
    with_contact = [p for p in rows if "contact" in p.values]
    existing = {}
    for chunk in _chunks([p.record_pk for p in with_contact if p.action == UPDATE]):
        primary = ContactPerson.objects.filter(party_id__in=chunk, is_primary=True)
        # Descending, so that the first contact by name is the one left in the dict.
        existing.update({c.party_id: c for c in primary.order_by("-name", "-pk")})
    new = []
    for p in with_contact:
        values = dict(zip(CONTACT_FIELDS, p.values["contact"], strict=True))
        contact = existing.get(p.record_pk)
        if contact is None:
            new.append(ContactPerson(party_id=p.record_pk, is_primary=True, **values))
        else:
            ContactPerson.objects.filter(pk=contact.pk).update(**values)
    ContactPerson.objects.bulk_create(new, batch_size=_CHUNK)


def _needs_write(rows: list[PlannedRow], *, by) -> None:
    new = [p for p in rows if p.action == CREATE]
    objects = [
        Need(party_id=p.owner_pk, ref=p.ref, created_by=by, **_scalars(p.values, NEED_FIELDS))
        for p in new
    ]
    _bulk_create(Need, objects)
    for p, need in zip(new, objects, strict=True):
        p.pk = need.pk
    competencies, topics = Need.competencies.through, Need.topics.through
    for relation, key, make in [
        (competencies, "competencies", lambda pk, i: competencies(need_id=pk, competency_id=i)),
        (topics, "topics", lambda pk, i: topics(need_id=pk, topic_id=i)),
    ]:
        relation.objects.bulk_create(
            [make(p.pk, item) for p in new for item in p.values.get(key, ())], batch_size=_CHUNK
        )
    updates = [p for p in rows if p.action == UPDATE]
    needs = Need.objects.in_bulk([p.record_pk for p in updates])
    for p in updates:
        # Through the exchange service, so that the change shows in the need's history.
        need_update(
            need=needs[p.record_pk],
            by=by,
            competencies=p.values.get("competencies"),
            topics=p.values.get("topics"),
            **_scalars(p.values, NEED_FIELDS),
        )


def _offers_write(rows: list[PlannedRow]) -> None:
    now = timezone.now()
    new = [p for p in rows if p.action == CREATE]
    objects = [
        Offer(party_id=p.owner_pk, ref=p.ref, **_scalars(p.values, OFFER_FIELDS)) for p in new
    ]
    _bulk_create(Offer, objects)
    for p, offer in zip(new, objects, strict=True):
        p.pk = offer.pk
    for p in rows:
        if p.action == UPDATE and (fields := _scalars(p.values, OFFER_FIELDS)):
            Offer.objects.filter(pk=p.record_pk).update(**fields, updated_at=now)
    through = Offer.competencies.through
    _relations_replace(
        through,
        "offer_id",
        rows,
        "competencies",
        lambda pk, i: through(offer_id=pk, competency_id=i),
    )


# Export --------------------------------------------------------------------------------


def directory_export(*, fmt: str) -> bytes:
    """The directory (approved parties with their needs and offers) in the import format.

    Re-importing the result changes nothing. It carries only what an import can carry.
    """
    # Choices as their German labels: readable, and safe from spreadsheets that turn the
    # size code "1-9" into a date. The import accepts labels and codes alike.
    with translation.override("de"):
        return rows_write(list(directory_records()), fmt)


@functools.cache
def _labels(choices_class, language: str) -> dict[str, str]:
    return {choice.value: str(choice.label) for choice in choices_class}


def _label(choices_class, value: str) -> str:
    """A choice's label in the active language; get_FOO_display is slow for 20,000 rows."""
    return _labels(choices_class, translation.get_language()).get(value, value)


def _names(items) -> str:
    return "; ".join(sorted(item.name for item in items))


def _only(record: dict, record_type: str) -> dict:
    return {column: record[column] for column in columns_for(record_type) if column in record}


def directory_records() -> Iterable[dict]:
    parties = (
        Party.objects.approved()
        .select_related("municipality")
        .prefetch_related(
            Prefetch(
                "party_competencies",
                queryset=PartyCompetency.objects.select_related("competency"),
            ),
            "topics",
            "target_groups",
            Prefetch(
                "contacts",
                queryset=ContactPerson.objects.filter(is_primary=True).order_by("name", "pk"),
                to_attr="primary_contacts",
            ),
        )
        .order_by("kind", "name", "ref", "pk")
    )
    for party in parties:
        yield _party_record(party)
    for model, record in ((Need, _need_record), (Offer, _offer_record)):
        items = (
            model.objects.filter(party__status=PartyStatus.APPROVED)
            .select_related("party", *(["municipality"] if model is Need else []))
            .prefetch_related("competencies", *(["topics"] if model is Need else []))
            .order_by("party__name", "party__ref", "title", "ref", "pk")
        )
        for item in items:
            yield record(item)


def _party_record(party: Party) -> dict:
    record_type = COMPANY if party.kind == PartyKind.COMPANY else ORGANISATION
    contact = party.primary_contacts[0] if party.primary_contacts else None
    competencies = sorted(party.party_competencies.all(), key=lambda pc: pc.competency.name)
    record = {
        "typ": record_type,
        "ref": party.ref,
        "name": party.name,
        "beschreibung": party.description,
        "gemeinde": party.municipality.name if party.municipality else "",
        "kompetenzen": "; ".join(f"{pc.competency.name}:{pc.rating}" for pc in competencies),
        "themen": _names(party.topics.all()),
        "zielgruppen": _names(party.target_groups.all()),
        "branche": party.sector,
        "groesse": _label(CompanySize, party.size),
        "rechtsform": _label(LegalForm, party.legal_form),
        "webseite": party.website,
        "email": party.email,
        "telefon": party.phone,
        "umkreis_km": party.radius_km,
        "max_patenschaften": party.max_patronships,
        "pausiert": party.is_paused,
        "ansprechperson": contact.name if contact else "",
        "ansprechperson_funktion": contact.role if contact else "",
        "ansprechperson_email": contact.email if contact else "",
        "ansprechperson_telefon": contact.phone if contact else "",
    }
    return _only(record, record_type)


def _item_record(item, record_type: str) -> dict:
    return {
        "typ": record_type,
        "ref": item.ref,
        "partei": item.party.ref or item.party.name,
        "titel": item.title,
        "art": _label(NeedKind if record_type == NEED else OfferKind, item.kind),
        "beschreibung": item.description,
        "kompetenzen": _names(item.competencies.all()),
    }


def _need_record(need: Need) -> dict:
    record = {
        **_item_record(need, NEED),
        "gemeinde": need.municipality.name if need.municipality else "",
        "themen": _names(need.topics.all()),
        "aufwand": _label(Effort, need.effort),
        "zeitraum": need.time_frame,
        "aus_der_ferne": need.remote_ok,
        "status": _label(NeedStatus, need.status),
        "oeffentlich": need.publish_publicly,
    }
    return _only(record, NEED)


def _offer_record(offer: Offer) -> dict:
    record = {**_item_record(offer, OFFER), "umfang": offer.capacity, "aktiv": offer.is_active}
    return _only(record, OFFER)


# Uploads through the coordinator's pages -----------------------------------------------


@transaction.atomic
def import_upload_create(
    *, file, filename: str, by, dry_run: bool
) -> tuple[ImportUpload | None, ImportReport]:
    """Check (or import) an uploaded file and keep its report for the report page.

    A file that cannot be read at all is not kept (None). After a clean check the content
    is kept so that "Jetzt importieren" can run it without a second upload.
    """
    ImportUpload.objects.filter(created_at__lt=timezone.now() - UPLOAD_MAX_AGE).delete()
    try:
        data = upload_read(file)
    except FileRejected as exc:
        return None, ImportReport(filename=filename, errors=[str(exc)])
    report = directory_import(file=io.BytesIO(data), filename=filename, by=by, dry_run=dry_run)
    if report.errors:
        return None, report
    upload = ImportUpload.objects.create(
        filename=filename,
        content=data if dry_run and report.ok else b"",
        report=report.as_dict(),
        created_by=by,
    )
    return upload, report


@transaction.atomic
def import_upload_run(*, upload: ImportUpload, by) -> ImportReport | None:
    """Import a file that was checked before; everything is checked again first.

    None when the file was imported already (a double click, a second tab).
    """
    # Locked, so that two clicks at the same moment cannot both import the file.
    upload = ImportUpload.objects.select_for_update().get(pk=upload.pk)
    if not upload.can_run:
        return None
    report = directory_import(
        file=io.BytesIO(bytes(upload.content)), filename=upload.filename, by=by, dry_run=False
    )
    upload.content = b""
    upload.report = report.as_dict()
    upload.save(update_fields=["content", "report"])
    return report
