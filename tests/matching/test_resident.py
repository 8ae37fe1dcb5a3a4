"""The index a process keeps between refreshes: reused while current, renewed when not."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from exchange.models import Need
from matching import resident, services
from matching.models import Suggestion
from parties.models import Party, PartyCompetency
from taxonomy.models import Competency
from tests.factories import (
    CompanyFactory,
    CompetencyFactory,
    NeedFactory,
    OrganisationFactory,
)


@pytest.fixture
def builds(monkeypatch):
    """Counts how often an index is built from the database."""
    calls = []
    real = resident.build

    def counting():
        calls.append(1)
        return real()

    monkeypatch.setattr(resident, "build", counting)
    return calls


@pytest.fixture
def world(db):
    roof = CompetencyFactory(name="Dachdeckerei", synonyms=["Dach", "Dachrinne"])
    web = CompetencyFactory(name="Webseiten-Erstellung", synonyms=["Webseite", "Homepage"])
    roofer = CompanyFactory(name="Dachdeckerei Krüger", description="Dach und Dachrinne")
    PartyCompetency.objects.create(party=roofer, competency=roof, rating=3)
    agency = CompanyFactory(name="Pixelwerk", description="Webseite und Homepage")
    PartyCompetency.objects.create(party=agency, competency=web, rating=3)
    club = OrganisationFactory(name="SV Weißwasser")
    roof_need = NeedFactory(party=club, title="Unser Dach ist undicht", kind="in_kind")
    web_need = NeedFactory(party=club, title="Eine neue Webseite für den Verein")
    services._pending.state = None  # what setting up scheduled is not under test
    return {
        "roof": roof,
        "web": web,
        "roofer": roofer,
        "agency": agency,
        "club": club,
        "roof_need": roof_need,
        "web_need": web_need,
    }


def _long_ago():
    """Date every need and party back, as if the last change were an hour ago."""
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Need.objects.update(updated_at=hour_ago)
    Party.objects.update(updated_at=hour_ago)


def ranking(need):
    return list(
        Suggestion.objects.filter(need=need).order_by("rank").values_list("candidate_id", "band")
    )


def test_a_changed_need_is_ranked_with_the_kept_index(
    world, builds, django_capture_on_commit_callbacks
):
    services.suggestions_rebuild()
    assert len(builds) == 1
    with django_capture_on_commit_callbacks(execute=True):
        world["web_need"].title = "Unser Dach braucht eine neue Dachrinne"
        world["web_need"].save()
    assert len(builds) == 1  # no second build
    assert ranking(world["web_need"])[0][0] == world["roofer"].pk


def test_a_changed_party_is_written_into_the_kept_index(
    world, builds, django_capture_on_commit_callbacks
):
    services.suggestions_rebuild()
    assert (world["agency"].pk, "strong") not in ranking(world["roof_need"])
    with django_capture_on_commit_callbacks(execute=True):
        PartyCompetency.objects.create(party=world["agency"], competency=world["roof"], rating=3)
    assert len(builds) == 1
    kept = ranking(world["roof_need"])
    assert world["agency"].pk in [candidate for candidate, _band in kept]
    # The same candidates in the same order as a full rebuild finds.
    services.suggestions_rebuild()
    assert [c for c, _ in ranking(world["roof_need"])] == [c for c, _ in kept]


def test_a_new_word_or_a_new_candidate_builds_the_index_anew(
    world, builds, django_capture_on_commit_callbacks
):
    services.suggestions_rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        world["agency"].description = "Webseite, Homepage und Zimmermannsarbeiten"
        world["agency"].save()
    assert len(builds) == 2
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = CompanyFactory(name="Dachprofis Schleife", description="Dach")
        PartyCompetency.objects.create(party=newcomer, competency=world["roof"], rating=2)
    assert len(builds) == 3
    assert newcomer.pk in [c for c, _ in ranking(world["roof_need"])]


def test_a_paused_party_leaves_every_list_without_a_new_build(
    world, builds, django_capture_on_commit_callbacks
):
    services.suggestions_rebuild()
    assert Suggestion.objects.filter(candidate=world["roofer"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        world["roofer"].is_paused = True
        world["roofer"].save()
    assert len(builds) == 1
    assert not Suggestion.objects.filter(candidate=world["roofer"]).exists()


def test_a_change_made_by_another_process_is_seen(world, builds):
    services.suggestions_rebuild()
    # Another worker pauses the roofer (its own signals ran there) and moves the counter.
    Party.objects.filter(pk=world["roofer"].pk).update(is_paused=True)
    cache.incr(resident.KEY)
    services.suggestions_refresh_needs(need_ids=[world["roof_need"].pk])
    assert len(builds) == 2
    assert world["roofer"].pk not in [c for c, _ in ranking(world["roof_need"])]
    services.suggestions_refresh_needs(need_ids=[world["roof_need"].pk])
    assert len(builds) == 2


def test_an_emptied_cache_renews_the_index(world, builds):
    services.suggestions_rebuild()
    cache.clear()
    services.suggestions_refresh_needs(need_ids=[world["roof_need"].pk])
    assert len(builds) == 2


def test_a_party_change_recomputes_only_the_needs_it_touches(world, monkeypatch):
    other = OrganisationFactory(name="Tafel Weißwasser")
    unrelated = NeedFactory(party=other, title="Wir suchen einen Kühltransporter")
    _long_ago()  # nothing changed since the reading of all needs below
    services.suggestions_rebuild()
    seen = []
    real = services.suggestions_refresh_needs

    def recording(*, need_ids, **kwargs):
        seen.append(set(need_ids))
        return real(need_ids=need_ids, **kwargs)

    monkeypatch.setattr(services, "suggestions_refresh_needs", recording)
    PartyCompetency.objects.filter(party=world["agency"]).update(rating=2)
    services.suggestions_refresh_party(party_id=world["agency"].pk)
    assert world["web_need"].pk in seen[-1]
    assert unrelated.pk not in seen[-1]


def test_a_need_changed_after_the_reading_is_recomputed(world, monkeypatch):
    services.suggestions_rebuild()
    services.suggestions_refresh_party(party_id=world["roofer"].pk)  # reads all needs
    later = NeedFactory(party=world["club"], title="Kinderfest")
    seen = []
    real = services.suggestions_refresh_needs
    monkeypatch.setattr(
        services,
        "suggestions_refresh_needs",
        lambda *, need_ids, **kwargs: (
            seen.append(set(need_ids)) or real(need_ids=need_ids, **kwargs)
        ),
    )
    services.suggestions_refresh_party(party_id=world["roofer"].pk)
    assert later.pk in seen[-1]


def test_changed_need_tags_mark_the_need_as_changed(world):
    before = world["web_need"].updated_at
    world["web_need"].competencies.add(world["web"])
    world["web_need"].refresh_from_db()
    assert world["web_need"].updated_at > before


def test_a_taxonomy_change_recomputes_everything(world, builds, django_capture_on_commit_callbacks):
    services.suggestions_rebuild()
    roof = Competency.objects.get(pk=world["roof"].pk)
    with django_capture_on_commit_callbacks(execute=True):
        roof.synonyms = [*roof.synonyms, "Undichtigkeit"]
        roof.save()
    assert len(builds) == 2
    top = Suggestion.objects.filter(need=world["roof_need"]).order_by("rank").first()
    assert top.candidate_id == world["roofer"].pk


def test_without_a_kept_index_every_refresh_builds_one(world, builds, settings):
    settings.MATCHING_KEEP_INDEX = False
    services.suggestions_rebuild()
    services.suggestions_refresh_needs(need_ids=[world["roof_need"].pk])
    services.suggestions_refresh_party(party_id=world["agency"].pk)
    assert len(builds) == 3


def test_a_party_enters_a_full_list_it_now_beats(world, monkeypatch):
    monkeypatch.setattr(services, "LIMIT", 2)
    for name in ("Dachbau Nord", "Dachbau Süd"):
        rival = CompanyFactory(name=name, description="Dach")
        PartyCompetency.objects.create(party=rival, competency=world["roof"], rating=1)
    services.suggestions_rebuild()
    assert len(ranking(world["roof_need"])) == 2
    assert world["agency"].pk not in [c for c, _ in ranking(world["roof_need"])]
    PartyCompetency.objects.create(party=world["agency"], competency=world["roof"], rating=3)
    services.suggestions_refresh_party(party_id=world["agency"].pk)
    kept = [c for c, _ in ranking(world["roof_need"])]
    services.suggestions_rebuild()
    assert world["agency"].pk in kept
    assert kept == [c for c, _ in ranking(world["roof_need"])]


def test_after_many_changed_needs_all_are_read_again(world, monkeypatch):
    monkeypatch.setattr(services, "READ_AGAIN_AFTER", 1)
    services.suggestions_rebuild()
    services.suggestions_refresh_party(party_id=world["agency"].pk)  # reads all needs
    first_reading = resident._kept.reading.at
    later = [NeedFactory(party=world["club"], title=t) for t in ("Kinderfest", "Chorprobe")]
    seen = []
    real = services.suggestions_refresh_needs
    monkeypatch.setattr(
        services,
        "suggestions_refresh_needs",
        lambda *, need_ids, **kwargs: (
            seen.append(set(need_ids)) or real(need_ids=need_ids, **kwargs)
        ),
    )
    services.suggestions_refresh_party(party_id=world["agency"].pk)
    assert resident._kept.reading.at > first_reading
    assert not {n.pk for n in later} & seen[-1]  # read anew instead of recomputed


# --- what must never be missed -----------------------------------------------------------


def test_a_deleted_party_leaves_the_kept_index(world, django_capture_on_commit_callbacks):
    # Only words, no competency rows whose deletion would announce the party's.
    words_only = CompanyFactory(name="Dachprofis Schleife", description="Dach und Dachrinne")
    services._pending.state = None
    services.suggestions_rebuild()
    assert words_only.pk in [c for c, _ in ranking(world["roof_need"])]
    gone = words_only.pk
    with django_capture_on_commit_callbacks(execute=True):
        words_only.delete()
    assert gone not in resident.current().position
    services.suggestions_refresh_needs(need_ids=[world["roof_need"].pk])  # no stale row
    assert gone not in [c for c, _ in ranking(world["roof_need"])]


def test_a_rebuild_does_not_claim_changes_made_while_it_ran(world, builds, monkeypatch):
    real_build = resident.build

    def build_while_another_worker_changes_something():
        index = real_build()
        cache.incr(resident.KEY)  # another worker's change, meanwhile
        return index

    monkeypatch.setattr(resident, "build", build_while_another_worker_changes_something)
    services.suggestions_rebuild()
    monkeypatch.setattr(resident, "build", real_build)
    assert resident._kept.index is None  # not kept: it may lack that change
    before = len(builds)
    resident.current()
    assert resident._kept.index is not None and len(builds) == before + 1  # built anew


def test_a_party_change_racing_another_builds_anew(world, builds, monkeypatch):
    services.suggestions_rebuild()
    kept = resident._kept.index
    real_bump = resident._bump

    def bump_after_another_worker():
        cache.incr(resident.KEY)  # another worker's change, between read and bump
        return real_bump()

    monkeypatch.setattr(resident, "_bump", bump_after_another_worker)
    index = resident.party_changed(world["agency"].pk)
    assert index is not kept and len(builds) == 2


def test_the_shared_counter_does_not_expire(world, monkeypatch):
    calls = []
    real_add = cache.add
    monkeypatch.setattr(
        cache, "add", lambda key, value, **kw: calls.append(kw) or real_add(key, value, **kw)
    )
    resident.version()
    assert calls == [{"timeout": None}]


def test_a_changed_owner_topic_marks_its_needs_as_changed(world):
    from tests.factories import TopicFactory

    _long_ago()
    services.suggestions_rebuild()
    resident.reading(resident.current())  # the reading, made now
    world["club"].topics.add(TopicFactory(name="Jugend"))
    open_needs = Need.objects.filter(status="open")
    _prepared, changed = services._needs_read(resident.current(), open_needs)
    assert {world["roof_need"].pk, world["web_need"].pk} <= changed


def test_web_processes_do_not_keep_an_index_when_workers_run_the_tasks(world, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    services.suggestions_refresh_needs(need_ids=[world["roof_need"].pk])
    assert resident._kept.index is None
    resident.mark_worker()
    try:
        services.suggestions_refresh_needs(need_ids=[world["roof_need"].pk])
        assert resident._kept.index is not None
    finally:
        resident._in_worker = False


def test_needs_saved_just_before_the_reading_do_not_count_as_changed(world, monkeypatch):
    """An import just wrote every need: the reading made after it stays good (its stamps
    match), rather than being renewed or recomputed with every party change."""
    monkeypatch.setattr(services, "READ_AGAIN_AFTER", 1)
    services.suggestions_rebuild()
    services.suggestions_refresh_party(party_id=world["agency"].pk)
    first = resident._kept.reading
    prepared, changed = services._needs_read(resident.current(), Need.objects.all())
    assert resident._kept.reading is first and prepared is first.prepared
    assert changed == set()
    Need.objects.filter(pk=world["web_need"].pk).update(updated_at=timezone.now())
    _prepared, changed = services._needs_read(resident.current(), Need.objects.all())
    assert changed == {world["web_need"].pk}
