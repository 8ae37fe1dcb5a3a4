"""Exporting the directory and importing the file again gives the same directory."""

import pytest

from directory.formats import rows_read
from directory.services import directory_export
from exchange.models import Effort, Need, NeedKind, NeedStatus, Offer, OfferKind
from parties.models import ContactPerson, Party, PartyCompetency, PartyStatus
from tests.directory.conftest import run_import
from tests.factories import (
    CompanyFactory,
    CompetencyFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
    OrganisationFactory,
    TargetGroupFactory,
    TopicFactory,
)


@pytest.fixture
def directory(db):
    """A varied directory: refs and none, ratings, contacts, every kind of field."""
    roofing, web = CompetencyFactory(name="Dachdeckerei"), CompetencyFactory(name="Webdesign")
    conflicts = CompetencyFactory(name="Konfliktmoderation")
    sport, youth = TopicFactory(name="Sport"), TopicFactory(name="Kinder und Jugend")
    kids = TargetGroupFactory(name="Kinder")
    goerlitz = MunicipalityFactory(name="Görlitz", postcodes="02826,02827")
    krueger = CompanyFactory(
        name="Dachdeckerei Krüger GmbH",
        ref="U-1",
        description="Dächer seit 1991.\r\nAuch Dachrinnen.",  # as browsers send it
        size="10-49",
        website="https://krueger.example",
        email="info@krueger.example",
        phone="+49 3576 1234",
        radius_km=45,
        max_patronships=3,
        is_paused=True,
    )
    PartyCompetency.objects.create(party=krueger, competency=roofing, rating=3)
    PartyCompetency.objects.create(party=krueger, competency=web, rating=1)
    krueger.topics.set([sport, youth])
    ContactPerson.objects.create(party=krueger, name="Carl Krüger", role="Chef", is_primary=True)
    club = OrganisationFactory(name="SV Weißwasser e.V.", municipality=None, legal_form="verein")
    PartyCompetency.objects.create(party=club, competency=conflicts)
    club.topics.set([sport])
    club.target_groups.set([kids])
    ContactPerson.objects.create(party=club, name="Olga", email="olga@sv.example", is_primary=True)
    pending = OrganisationFactory(name="Wartet noch", status=PartyStatus.PENDING)
    NeedFactory(party=pending, title="Nicht im Export")
    roof = NeedFactory(
        party=club,
        ref="B-1",
        title="Dach undicht",
        kind=NeedKind.IN_KIND,
        effort=Effort.LONG_TERM,
        time_frame="vor dem Winter",
        municipality=goerlitz,
        status=NeedStatus.IN_PROGRESS,
        publish_publicly=True,
    )
    roof.competencies.set([roofing])
    roof.topics.set([sport, youth])
    NeedFactory(party=krueger, title="=Streit im Team", remote_ok=True, municipality=None)
    OfferFactory(party=krueger, ref="A-1", title="Dach-Check", kind=OfferKind.SERVICE)
    workshop = OfferFactory(party=club, title="Workshop", kind=OfferKind.CONTACTS, is_active=False)
    workshop.competencies.set([conflicts])


def _state():
    def names(items):
        return sorted(item.name for item in items)

    parties = [
        (
            p.kind,
            p.ref,
            p.name,
            p.description.replace("\r\n", "\n"),  # line breaks are stored as "\n"
            p.municipality and p.municipality.name,
            *(p.sector, p.size, p.legal_form, p.website, p.email, p.phone),
            *(p.radius_km, p.max_patronships, p.is_paused),
            sorted((pc.competency.name, pc.rating) for pc in p.party_competencies.all()),
            names(p.topics.all()),
            names(p.target_groups.all()),
            [(c.name, c.role, c.email, c.phone) for c in p.contacts.filter(is_primary=True)],
        )
        for p in Party.objects.approved().order_by("kind", "name")
    ]
    needs = sorted(
        (
            *(n.party.name, n.ref, n.title, n.description, n.kind, n.effort, n.time_frame),
            *(n.municipality and n.municipality.name, n.remote_ok, n.status, n.publish_publicly),
            names(n.competencies.all()),
            names(n.topics.all()),
        )
        for n in Need.objects.filter(party__status=PartyStatus.APPROVED)
    )
    offers = sorted(
        (o.party.name, o.ref, o.title, o.description, o.kind, o.capacity, o.is_active)
        + (names(o.competencies.all()),)
        for o in Offer.objects.all()
        if o.party.is_approved
    )
    return parties, needs, offers


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_then_import_gives_the_same_directory(coordinator, directory, fmt):
    before = _state()
    exported = directory_export(fmt=fmt)
    assert len(rows_read(exported, fmt)) == 6  # the pending party and its need stay out

    report = run_import(coordinator, exported, fmt=fmt)
    assert [r.action for r in report.rows] == ["unchanged"] * 6, report.rows
    assert _state() == before

    Party.objects.all().delete()
    report = run_import(coordinator, exported, fmt=fmt)
    assert report.ok and report.counts["create"] == 6, report.rows
    assert _state() == before
    again = directory_export(fmt=fmt)
    if fmt == "xlsx":  # the archive carries timestamps; compare what it holds
        assert [r.values for r in rows_read(again, fmt)] == [
            r.values for r in rows_read(exported, fmt)
        ]
    else:
        assert again == exported
