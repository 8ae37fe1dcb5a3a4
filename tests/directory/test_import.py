import pytest

from exchange.models import Need, NeedChange, NeedStatus, Offer
from parties.models import ContactPerson, Party, PartyKind, PartyStatus
from places.models import Municipality
from taxonomy.models import Competency, Topic
from tests.directory.conftest import company, need, offer, organisation, run_import
from tests.factories import CompanyFactory, MunicipalityFactory, NeedFactory, OrganisationFactory


def _big_file(n: int) -> list[dict]:
    """n rows: a quarter each of companies, organisations, their needs and their offers."""
    rows = []
    for i in range(n // 4):
        rows.append(company(f"U-{i}", gemeinde="Weißwasser/O.L.", kompetenzen="Dachdecker:3"))
        rows.append(organisation(f"O-{i}", gemeinde="02826", themen="Jugend", rechtsform="Verein"))
        rows.append(need(f"B-{i}", partei=f"O-{i}", kompetenzen="Homepage"))
        rows.append(offer(f"A-{i}", partei=f"U-{i}", kompetenzen="Dachdeckerei"))
    return rows


def test_one_bad_row_among_a_thousand_writes_nothing_and_names_the_row(coordinator, reference):
    rows = _big_file(1000)
    rows[536]["kompetenzen"] = "Dachdecker; Raketenbau"  # data row 537: line 538 in the file
    report = run_import(coordinator, rows)
    assert not report.ok and not report.written
    [bad] = report.error_rows
    assert (bad.line, bad.type, bad.label) == (538, "unternehmen", "U-134")
    assert bad.errors == ["kompetenzen: Unbekannte Kompetenz „Raketenbau“."]
    assert report.counts["create"] == 999
    assert not Party.objects.exists() and not Need.objects.exists() and not Offer.objects.exists()


def test_a_clean_thousand_rows_are_all_written(coordinator, reference):
    report = run_import(coordinator, _big_file(1000))
    assert report.ok and report.written
    assert Party.objects.count() == 500
    assert Need.objects.count() == Offer.objects.count() == 250
    assert Need.objects.filter(competencies__name="Webseiten-Erstellung").count() == 250


def test_imported_parties_are_approved_and_marked_as_entered_by_the_coordination(coordinator):
    run_import(coordinator, [company(), organisation(rechtsform="verein")])
    for party in Party.objects.all():
        assert party.status == PartyStatus.APPROVED
        assert party.created_on_behalf and party.created_by == coordinator
        assert party.reviewed_by == coordinator and party.reviewed_at
    assert Party.objects.get(ref="O-1").kind == PartyKind.ORGANISATION


def test_reimport_with_the_same_refs_updates_instead_of_duplicating(coordinator, db):
    rows = [company(), organisation(), need(), offer()]
    assert run_import(coordinator, rows).counts["create"] == 4
    rows[0]["name"] = "Dachdeckerei Krüger GmbH"
    rows[2]["titel"] = "Neuer Titel"
    report = run_import(coordinator, rows)
    assert [r.action for r in report.rows] == ["update", "unchanged", "update", "unchanged"]
    assert Party.objects.count() == 2 and Need.objects.count() == Offer.objects.count() == 1
    assert Party.objects.get(ref="U-1").name == "Dachdeckerei Krüger GmbH"
    assert Need.objects.get(ref="B-1").title == "Neuer Titel"
    # Needs are changed through the exchange service, so the change is in their history.
    change = NeedChange.objects.get(need__ref="B-1")
    assert change.by == coordinator and change.fields["title"] == ["Bedarf B-1", "Neuer Titel"]


def test_without_refs_records_are_matched_by_name_and_title(coordinator, db):
    rows = [
        {"typ": "organisation", "name": "Seniorentreff Krauschwitz"},
        {**need(ref="", partei="Seniorentreff Krauschwitz"), "titel": "Webseite"},
    ]
    run_import(coordinator, rows)
    report = run_import(coordinator, rows)
    assert [r.action for r in report.rows] == ["unchanged", "unchanged"]
    assert Party.objects.count() == Need.objects.count() == 1


def test_dry_run_reports_the_actions_and_writes_nothing(coordinator, db):
    run_import(coordinator, [company()])
    rows = [company(name="Neuer Name"), organisation(), need()]
    report = run_import(coordinator, rows, dry_run=True)
    assert report.ok and report.dry_run and not report.written
    assert [r.action for r in report.rows] == ["update", "create", "create"]
    assert Party.objects.get().name == "Betrieb U-1"
    assert not Need.objects.exists()


def test_labels_are_mapped_by_name_or_synonym(coordinator, reference):
    rows = [
        company(kompetenzen="Dachdecker:3; homepage; Webseiten-Erstellung:1", themen="Jugend"),
        organisation(themen="Fußball; Senioren", zielgruppen="Jugendliche"),
    ]
    assert run_import(coordinator, rows).ok
    krueger = Party.objects.get(ref="U-1")
    ratings = {pc.competency.slug: pc.rating for pc in krueger.party_competencies.all()}
    # A competency named twice keeps the higher rating.
    assert ratings == {"dachdeckerei": 3, "webseiten-erstellung": 2}
    assert list(krueger.topics.values_list("slug", flat=True)) == ["kinder-und-jugend"]
    club = Party.objects.get(ref="O-1")
    assert set(club.topics.values_list("slug", flat=True)) == {"sport", "senioren"}


def test_municipality_by_name_or_postcode(coordinator, reference):
    rows = [
        company("U-1", gemeinde="02826"),
        company("U-2", gemeinde="2826"),  # a spreadsheet dropped the leading zero
        company("U-3", gemeinde="weißwasser/o.l."),
        company("U-4", gemeinde="02943"),
    ]
    report = run_import(coordinator, rows)
    assert report.error_rows[0].line == 5
    assert "mehreren Gemeinden" in report.error_rows[0].errors[0]
    assert "Weißwasser/O.L." in report.error_rows[0].errors[0]
    report = run_import(coordinator, rows[:3])
    goerlitz = Municipality.objects.get(name="Görlitz")
    assert [p.municipality for p in Party.objects.order_by("ref")] == [
        goerlitz,
        goerlitz,
        Municipality.objects.get(name="Weißwasser/O.L."),
    ]


def test_a_need_may_name_an_owner_defined_further_down_or_already_stored(coordinator, db):
    stored = OrganisationFactory(name="Tafel Niesky e.V.")
    rows = [
        need("B-1", partei="O-9"),
        need("B-2", partei="Tafel Niesky e.V."),
        organisation("O-9"),
    ]
    report = run_import(coordinator, rows)
    assert report.ok, report.rows
    assert Need.objects.get(ref="B-1").party == Party.objects.get(ref="O-9")
    assert Need.objects.get(ref="B-2").party == stored
    assert Need.objects.get(ref="B-1").status == NeedStatus.OPEN


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"typ": "verein", "name": "X"}, "typ: „verein“ ist unbekannt"),
        ({"typ": "", "name": "X"}, "typ: Pflichtangabe fehlt"),
        (company("U-2", name=""), "name: Pflichtangabe fehlt."),
        (company("U-2", webseite="kein Link"), "webseite: Bitte eine gültige Adresse eingeben."),
        (
            company("U-2", groesse="riesig"),
            "groesse: „riesig“ ist nicht erlaubt. Möglich sind: 1-9",
        ),
        (
            company("U-2", rechtsform="verein"),
            "rechtsform: Diese Spalte gilt nicht für Unternehmen.",
        ),
        (company("U-2", gemeinde="Atlantis"), "gemeinde: Unbekannte Gemeinde oder Postleitzahl"),
        (company("U-2", themen="Raumfahrt"), "themen: Unbekanntes Thema „Raumfahrt“."),
        (company("U-2", kompetenzen="Dachdeckerei:7"), "Bewertung 1, 2 oder 3"),
        (company("U-2", pausiert="vielleicht"), "pausiert: Bitte „ja“ oder „nein“ eintragen."),
        (company("U-2", email="kaputt"), "email: Bitte gültige E-Mail-Adresse eingeben."),
        (company("U-2", umkreis_km="weit"), "umkreis_km: Bitte eine ganze Zahl eingeben."),
        (company("U-2", ansprechperson_email="a@b.de"), "Bitte auch den Namen der Ansprechperson"),
        (
            need(partei="O-404"),
            (
                "partei: Kein Unternehmen und keine Organisation hat "
                "die Kennung oder den Namen „O-404“."
            ),
        ),
        (need(partei=""), "partei: Pflichtangabe fehlt"),
        (need(art="Geld"), "art: „Geld“ ist nicht erlaubt."),
        (need(beschreibung=""), "beschreibung: Pflichtangabe fehlt."),
        (need(aus_der_ferne="nein"), "Bitte die Gemeinde angeben"),
        (need(kompetenzen="Dachdeckerei:3"), "Eine Bewertung gibt es nur bei Unternehmen"),
        (offer(umfang="", aktiv="x", zeitraum="bald"), "zeitraum: Diese Spalte gilt nicht für"),
    ],
)
def test_invalid_rows_are_reported_with_a_german_reason(coordinator, db, row, reason):
    rows = [company("U-1"), organisation("O-1"), row]
    report = run_import(coordinator, rows)
    [bad] = report.error_rows
    assert bad.line == 4 and bad.action == "error"
    assert any(reason in message for message in bad.errors), bad.errors
    assert not Party.objects.exists()


def test_a_new_record_needs_its_required_columns(coordinator, db):
    report = run_import(coordinator, [{"typ": "unternehmen", "ref": "U-1"}], fmt="json")
    assert report.rows[0].errors == ["Die Spalte „name“ fehlt; neue Einträge brauchen sie."]


def test_duplicate_refs_within_the_file_are_errors(coordinator, db):
    rows = [organisation("O-1"), organisation("O-1"), need("B-1"), need("B-1")]
    lines = {r.line: r.errors for r in run_import(coordinator, rows).error_rows}
    assert lines == {
        3: ["ref: Diese Kennung steht schon in Zeile 2."],
        5: ["ref: Diese Kennung steht schon in Zeile 4."],
    }


def test_a_ref_cannot_change_the_kind_of_party_or_move_a_need(coordinator, db):
    run_import(coordinator, [company("U-1"), organisation("O-1"), organisation("O-2"), need()])
    report = run_import(coordinator, [organisation("U-1"), need("B-1", partei="O-2")])
    assert "gehört zu einem Eintrag anderer Art" in report.rows[0].errors[0]
    assert ("gehört zu einem anderen Unternehmen bzw. einer anderen Organisation") in report.rows[
        1
    ].errors[0]


def test_absent_columns_are_left_alone(coordinator, db):
    municipality = MunicipalityFactory()
    run_import(
        coordinator,
        [company(gemeinde=municipality.name, branche="Handwerk", ansprechperson="Carl")],
    )
    report = run_import(coordinator, [{"typ": "unternehmen", "ref": "U-1", "pausiert": "ja"}])
    assert report.rows[0].action == "update"
    party = Party.objects.get(ref="U-1")
    assert party.is_paused and party.sector == "Handwerk" and party.municipality == municipality
    assert ContactPerson.objects.get(party=party, is_primary=True).name == "Carl"


def test_empty_cells_reset_to_defaults(coordinator, db):
    run_import(coordinator, [company(umkreis_km="80", pausiert="ja", branche="Handwerk")])
    run_import(coordinator, [company(umkreis_km="", pausiert="", branche="")])
    party = Party.objects.get(ref="U-1")
    assert (party.radius_km, party.is_paused, party.sector) == (30, False, "")


def test_contact_person_is_updated_not_duplicated(coordinator, db):
    run_import(coordinator, [company(ansprechperson="Carl", ansprechperson_email="c@k.de")])
    run_import(coordinator, [company(ansprechperson="Carla", ansprechperson_email="c@k.de")])
    assert list(ContactPerson.objects.values_list("name", "email", "is_primary")) == [
        ("Carla", "c@k.de", True)
    ]


def test_stored_records_without_ref_are_found_by_name(coordinator, db):
    CompanyFactory(name="Bäckerei Kante")
    NeedFactory(party=OrganisationFactory(name="Tafel"), title="Brötchen")
    report = run_import(
        coordinator,
        [
            {"typ": "unternehmen", "name": "Bäckerei Kante", "branche": "Bäckerei"},
            {"typ": "bedarf", "partei": "Tafel", "titel": "Brötchen", "zeitraum": "ab Mai"},
        ],
    )
    assert [r.action for r in report.rows] == ["update", "update"]
    assert Party.objects.count() == 2 and Need.objects.count() == 1
    assert Need.objects.get().time_frame == "ab Mai"


def test_same_name_twice_without_ref_is_ambiguous(coordinator, db):
    OrganisationFactory(name="Förderverein")
    OrganisationFactory(name="Förderverein")
    report = run_import(coordinator, [need(ref="", partei="Förderverein")])
    assert "Mehrere Einträge heißen „Förderverein“" in report.rows[0].errors[0]


def test_json_lines_are_item_numbers_and_xlsx_lines_spreadsheet_rows(coordinator, db):
    rows = [company("U-1"), company("U-2", groesse="riesig")]
    assert run_import(coordinator, rows, fmt="json").error_rows[0].line == 2
    assert run_import(coordinator, rows, fmt="xlsx").error_rows[0].line == 3
    assert run_import(coordinator, rows, fmt="csv").error_rows[0].line == 3


def test_only_the_coordination_may_import(company_member, db):
    with pytest.raises(PermissionError):
        run_import(company_member, [company()])


def test_labels_need_the_taxonomy(coordinator, db):
    Competency.objects.all().delete()
    Topic.objects.create(slug="sport", name="Sport", synonyms=["Fußball"])
    report = run_import(coordinator, [company(themen="FUSSBALL; fußball", kompetenzen="Web")])
    assert report.rows[0].errors == ["kompetenzen: Unbekannte Kompetenz „Web“."]


def test_an_import_renders_public_pages_anew(coordinator, db, django_capture_on_commit_callbacks):
    """Bulk writes send no signals: the import itself retires the cached public pages."""
    from publication.caching import public_version

    run_import(coordinator, [company()])
    before = public_version()
    rows = [company(name="Dachdeckerei Krüger GmbH")]
    with django_capture_on_commit_callbacks(execute=True):
        run_import(coordinator, rows)
    assert public_version() != before
