"""The pure matching core: no database, plain data in, ranked suggestions out."""

import pytest

from matching.engine.concepts import LabelMatcher
from matching.engine.data import (
    CandidateData,
    CompetencyInfo,
    History,
    NeedData,
    OfferData,
    Place,
    Taxonomy,
    TopicInfo,
)
from matching.engine.ranker import Index
from matching.engine.text import Vocabulary, stem, terms

WEISSWASSER = Place(1, "Weißwasser/O.L.", 51.5003, 14.6377)
BAD_MUSKAU = Place(2, "Bad Muskau", 51.5497, 14.7186)
COTTBUS = Place(3, "Cottbus", 51.7563, 14.3329)
GOERLITZ = Place(4, "Görlitz", 51.1528, 14.9872)

ROOF, CARPENTRY, WEB, TAX, VAN, HALL, TRAINING = 1, 2, 3, 4, 5, 6, 7
TAXONOMY = Taxonomy(
    competencies=(
        CompetencyInfo(ROOF, 10, "Dachdeckerei", ("Dachdecker", "Dach", "Dachrinne")),
        CompetencyInfo(CARPENTRY, 10, "Zimmerei", ("Zimmermann", "Holzbau")),
        CompetencyInfo(WEB, 20, "Webseiten-Erstellung", ("Webseite", "Homepage", "Webdesign")),
        CompetencyInfo(TAX, 30, "Steuerberatung", ("Steuererklärung", "Steuerberater")),
        CompetencyInfo(VAN, 40, "Transporter und Kleinbus", ("Transporter", "Kleinbus", "Bus")),
        CompetencyInfo(HALL, 50, "Saal und Veranstaltungsraum", ("Saal", "Festsaal")),
        CompetencyInfo(TRAINING, 60, "Interkulturelles Training", ("interkulturell",)),
    ),
    topics=(
        TopicInfo(1, "Kinder und Jugend", ("Jugend", "Jugendarbeit")),
        TopicInfo(2, "Sport", ("Fußball", "Verein")),
    ),
    group_kinds={40: "transport", 50: "room"},
)


def company(cid, name, competencies, place=WEISSWASSER, **kwargs):
    return CandidateData(
        id=cid, name=name, kind="company", competencies=competencies, place=place, **kwargs
    )


def need(nid=100, title="", description="", kind="know_how", owner=900, **kwargs):
    return NeedData(
        id=nid,
        owner_id=owner,
        owner_kind="organisation",
        title=title,
        description=description,
        kind=kind,
        place=WEISSWASSER,
        **kwargs,
    )


CLUB = CandidateData(id=900, name="SV Jugend", kind="organisation", topics=frozenset({1}))


def test_normalisation_folds_umlauts_and_stems_inflections():
    assert terms("Dächer der Vereinswebseite, undichtes DACH") == [
        "dach",
        "vereinswebseit",
        "undicht",
        "dach",
    ]
    assert stem("steuererklarungen") == "steuererklar"


def test_compounds_reach_their_parts_and_back():
    vocabulary = Vocabulary(["dach", "webseit", "dachdeckerei"])
    reached = {
        t
        for i, _w in vocabulary.expand("vereinswebseit")
        for t, j in vocabulary.index.items()
        if j == i
    }
    assert reached == {"webseit"}
    reached = {
        t for i, _w in vocabulary.expand("dach") for t, j in vocabulary.index.items() if j == i
    }
    assert reached == {"dach", "dachdeckerei"}


def test_labels_are_found_in_everyday_words():
    matcher = LabelMatcher((c.id, [c.name, *c.synonyms]) for c in TAXONOMY.competencies)
    assert set(matcher.find("Unser Dach ist undicht")) == {ROOF}
    assert set(matcher.find("Die Dachrinne ist verstopft")) == {ROOF}
    assert set(matcher.find("Wir wünschen uns eine Vereinswebseite")) == {WEB}
    assert set(matcher.find("Hilfe bei der Steuererklärung des Vereins")) == {TAX}
    assert set(matcher.find("Busfahrt zum Chortreffen")) == {VAN}


@pytest.mark.parametrize(
    "title, description, expected",
    [
        ("Unser Dach ist undicht", "Bei Regen tropft es in die Umkleide.", "Dachdecker Krüger"),
        ("Vereinswebseite", "Wir möchten Termine und Trainingszeiten zeigen.", "Pixelwerk"),
        ("Steuererklärung", "Wer hilft uns mit dem Finanzamt?", "Steuerbüro Wendt"),
    ],
)
def test_needs_in_own_words_find_the_trade(title, description, expected):
    index = Index(
        TAXONOMY,
        [
            company(1, "Dachdecker Krüger", {ROOF: 3}),
            company(2, "Pixelwerk", {WEB: 3}),
            company(3, "Steuerbüro Wendt", {TAX: 3}),
            CLUB,
        ],
    )
    ranking = index.rank(need(title=title, description=description))
    assert (
        ranking[0].candidate_id
        == {"Dachdecker Krüger": 1, "Pixelwerk": 2, "Steuerbüro Wendt": 3}[expected]
    )
    assert ranking[0].band == "strong"
    assert all(s.band != "strong" for s in ranking[1:])


def test_explanation_names_cover_topic_distance_and_capacity():
    index = Index(
        TAXONOMY,
        [
            company(
                1,
                "Dachdecker Krüger",
                {ROOF: 3},
                place=BAD_MUSKAU,
                topics=frozenset({1}),
                max_patronships=2,
                running=1,
            ),
            CLUB,
        ],
    )
    (top,) = index.rank(need(title="Dach undicht", topics=frozenset({1})))
    assert "deckt ab: Dach ↔ Dachdeckerei" in top.reasons
    assert "Thema Kinder und Jugend" in top.reasons
    assert "8 km entfernt" in top.reasons
    assert "1 von 2 Patenschaften frei" in top.reasons
    assert top.concerns == []
    assert 0 <= top.score <= 100


def test_locality_and_affinity_break_ties():
    near = company(1, "Dachdecker nah", {ROOF: 3}, place=BAD_MUSKAU, radius_km=30)
    far = company(2, "Dachdecker fern", {ROOF: 3}, place=GOERLITZ, radius_km=30)
    fan = company(
        3, "Dachdecker Jugendfan", {ROOF: 3}, place=BAD_MUSKAU, radius_km=30, topics=frozenset({1})
    )
    index = Index(TAXONOMY, [near, far, fan, CLUB])
    ranking = index.rank(need(title="Dach undicht", topics=frozenset({1})))
    assert [s.candidate_id for s in ranking] == [3, 1, 2]
    assert any("außerhalb des Umkreises" in c for c in ranking[2].concerns)


def test_remote_needs_are_not_penalised_for_distance():
    index = Index(
        TAXONOMY,
        [
            company(1, "Web Görlitz", {WEB: 3}, place=GOERLITZ, radius_km=10),
            company(2, "Web hier", {WEB: 3}),
            CLUB,
        ],
    )
    ranking = index.rank(need(title="Homepage", remote_ok=True))
    assert {s.score for s in ranking} == {ranking[0].score}
    assert "auch aus der Ferne möglich" in ranking[0].reasons


def test_room_and_transport_needs_want_a_matching_offer():
    with_van = company(1, "Autohaus", {}, offers=[OfferData("vehicle", "Neunsitzer am Wochenende")])
    without = company(2, "Elektro", {ROOF: 1})
    index = Index(TAXONOMY, [with_van, without, CLUB])
    ranking = index.rank(
        need(
            title="Fahrt ins Ferienlager",
            description="Wir brauchen jemanden, der uns fährt.",
            kind="transport",
        )
    )
    assert ranking[0].candidate_id == 1
    assert "Angebot: Neunsitzer am Wochenende" in ranking[0].reasons


def test_capacity_pause_opt_out_and_pending_are_respected():
    full = company(1, "Voll", {ROOF: 3}, max_patronships=2, running=2)
    paused = company(2, "Pause", {ROOF: 3}, paused=True)
    opted_out = company(3, "Nein danke", {ROOF: 3}, accepts_suggestions=False)
    pending = company(4, "Wartet", {ROOF: 3}, approved=False)
    index = Index(TAXONOMY, [full, paused, opted_out, pending, CLUB])
    ranking = index.rank(need(title="Dach undicht"))
    assert [s.candidate_id for s in ranking] == [1]
    assert "hat bereits 2 Patenschaften" in ranking[0].concerns
    assert ranking[0].band != "strong"


def test_history_declines_rank_lower_and_exclusions_disappear():
    a, b, c = (company(i, f"Dach {i}", {ROOF: 3}) for i in (1, 2, 3))
    index = Index(TAXONOMY, [a, b, c, CLUB])
    history = History(
        declined={(100, 1): "kein Interesse"},
        excluded=frozenset({(100, 2)}),
        recommended={(100, 3): ("Anton Förderkreis",)},
        reachable_via={3: ("Handwerkskammer",)},
    )
    ranking = index.rank(need(title="Dach undicht"), history)
    assert [s.candidate_id for s in ranking] == [3, 1]
    assert "empfohlen von Anton Förderkreis" in ranking[0].reasons
    assert "erreichbar über Handwerkskammer" in ranking[0].reasons
    assert "wurde schon einmal abgelehnt: kein Interesse" in ranking[1].concerns


def test_a_need_nothing_fits_gets_no_strong_suggestion():
    index = Index(TAXONOMY, [company(1, "Dach", {ROOF: 3}), company(2, "Web", {WEB: 3}), CLUB])
    ranking = index.rank(
        need(
            title="Gebärdendolmetscher gesucht",
            description="Für unseren gehörlosen Chor suchen wir jemanden, "
            "der Gebärdensprache übersetzt.",
        )
    )
    assert all(s.band == "weak" for s in ranking)


def test_one_code_path_for_both_directions():
    org = CandidateData(
        id=1,
        name="Integrationsverein",
        kind="organisation",
        competencies={TRAINING: 3},
        place=WEISSWASSER,
    )
    firm = CandidateData(
        id=2, name="Spedition", kind="company", competencies={TRAINING: 3}, place=WEISSWASSER
    )
    index = Index(TAXONOMY, [org, firm])
    company_need = NeedData(
        id=5,
        owner_id=2,
        owner_kind="company",
        title="Interkulturelles Training für unsere Fahrer",
        description="",
        kind="know_how",
        place=WEISSWASSER,
    )
    ranking = index.rank(company_need)
    assert [s.candidate_id for s in ranking] == [1]  # never the owner, never its own kind


def test_many_needs_rank_like_one_at_a_time():
    candidates = [
        company(i, f"Firma {i}", {ROOF if i % 2 else WEB: 1 + i % 3}) for i in range(1, 30)
    ]
    index = Index(TAXONOMY, [*candidates, CLUB])
    needs = [need(nid=n, title="Dach" if n % 2 else "Homepage") for n in range(1, 8)]
    together = index.rank_many(needs, chunk=3)
    for n in needs:
        assert [s.candidate_id for s in together[n.id]] == [s.candidate_id for s in index.rank(n)]


def test_one_changed_candidate_is_scored_against_all_needs():
    candidates = [company(i, f"Firma {i}", {ROOF: 2}) for i in range(1, 6)]
    index = Index(TAXONOMY, [*candidates, CLUB])
    needs = [need(nid=n, title="Dach undicht" if n % 2 else "Homepage") for n in range(1, 7)]
    prepared = index.prepare(needs)
    before = index.rank_candidate(3, prepared)
    assert set(before) == {1, 3, 5}  # only the roof needs

    index.update_candidate(company(3, "Firma 3", {WEB: 3}))
    after = index.rank_candidate(3, prepared)
    assert set(after) == {2, 4, 6}
    assert after[2].score == index.rank(needs[1])[0].score


def test_worker_processes_rank_like_one_process(monkeypatch):
    monkeypatch.setattr("matching.engine.ranker.PARALLEL_MIN", 1)
    candidates = [
        company(i, f"Firma {i}", {ROOF if i % 2 else WEB: 1 + i % 3}) for i in range(1, 20)
    ]
    index = Index(TAXONOMY, [*candidates, CLUB])
    needs = [need(nid=n, title="Dach" if n % 2 else "Homepage") for n in range(1, 9)]
    serial = index.rank_many(needs)
    parallel = index.rank_many(needs, processes=2)
    assert {k: [(s.candidate_id, s.score) for s in v] for k, v in parallel.items()} == {
        k: [(s.candidate_id, s.score) for s in v] for k, v in serial.items()
    }


def test_floors_limit_a_changed_candidate_to_the_lists_it_enters():
    candidates = [company(i, f"Firma {i}", {ROOF: 1 + i % 3}) for i in range(1, 6)]
    index = Index(TAXONOMY, [*candidates, CLUB])
    needs = [need(nid=n, title="Dach undicht") for n in range(1, 4)]
    prepared = index.prepare(needs)
    everywhere = index.rank_candidate(1, prepared)
    assert set(everywhere) == {1, 2, 3}
    floors = {1: 0, 2: everywhere[2].score + 1, 3: everywhere[3].score}
    assert set(index.rank_candidate(1, prepared, floors=floors)) == {1, 3}
