import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from exchange.models import NeedStatus
from matching import services
from matching.models import MatchingWeights, PairDecision, Suggestion
from parties.models import PartyCompetency
from tests.factories import (
    CompanyFactory,
    CompetencyFactory,
    CompetencyGroupFactory,
    NeedFactory,
    OrganisationFactory,
)


@pytest.fixture
def world(db):
    group = CompetencyGroupFactory(name="Handwerk")
    roof = CompetencyFactory(group=group, name="Dachdeckerei", synonyms=["Dach", "Dachrinne"])
    web = CompetencyFactory(name="Webseiten-Erstellung", synonyms=["Webseite", "Homepage"])
    roofer = CompanyFactory(name="Dachdeckerei Krüger")
    PartyCompetency.objects.create(party=roofer, competency=roof, rating=3)
    agency = CompanyFactory(name="Pixelwerk")
    PartyCompetency.objects.create(party=agency, competency=web, rating=3)
    club = OrganisationFactory(name="SV Weißwasser")
    need = NeedFactory(
        party=club,
        title="Unser Dach ist undicht",
        ref="bedarf-7",
        description="Es tropft in die Umkleide.",
        kind="in_kind",
    )
    return {"roofer": roofer, "agency": agency, "club": club, "need": need, "web": web}


def test_rebuild_stores_ranked_explained_suggestions(world):
    services.suggestions_rebuild()
    (top, *_rest) = Suggestion.objects.filter(need=world["need"]).order_by("rank")
    assert top.candidate == world["roofer"] and top.band == "strong" and top.rank == 1
    assert "deckt ab: Dach ↔ Dachdeckerei" in top.reasons


def test_changes_refresh_suggestions_on_commit(world, django_capture_on_commit_callbacks):
    services.suggestions_rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        PartyCompetency.objects.create(
            party=world["agency"],
            competency=world["need"].competencies.model.objects.get(name="Dachdeckerei"),
            rating=2,
        )
    assert Suggestion.objects.filter(need=world["need"], candidate=world["agency"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        world["need"].status = NeedStatus.MET
        world["need"].save()
    assert not Suggestion.objects.filter(need=world["need"]).exists()


def test_paused_party_disappears_after_one_task_run(world, django_capture_on_commit_callbacks):
    services.suggestions_rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        world["roofer"].is_paused = True
        world["roofer"].save()
    assert not Suggestion.objects.filter(candidate=world["roofer"]).exists()


def test_exclusion_is_kept_across_rebuilds(world, coordinator):
    services.suggestions_rebuild()
    services.pair_exclude(
        need=world["need"], candidate=world["roofer"], by=coordinator, reason="Inhaber will nicht"
    )
    services.suggestions_rebuild()
    assert not Suggestion.objects.filter(need=world["need"], candidate=world["roofer"]).exists()
    assert PairDecision.objects.get().reason == "Inhaber will nicht"


def test_suggest_command_by_ref_with_json(world):
    out = StringIO()
    call_command("suggest", "bedarf-7", "--limit", "3", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["suggestions"][0]["party"] == "Dachdeckerei Krüger"
    assert data["suggestions"][0]["band"] == "strong"
    assert data["verdict"] == ""


def test_suggest_command_says_when_nothing_fits(world):
    need = NeedFactory(
        party=world["club"],
        title="Harfenistin für die Gedenkfeier",
        description="Wer spielt Harfe?",
    )
    out = StringIO()
    call_command("suggest", str(need.pk), stdout=out)
    assert "kein passender Vorschlag" in out.getvalue()


def test_suggest_command_unknown_ref(world):
    with pytest.raises(Exception, match="No need with id or ref"):
        call_command("suggest", "gibt-es-nicht")


def test_need_page_shows_ranking_and_permissions(
    client, world, coordinator, advisor, company_member
):
    services.suggestions_rebuild()
    url = reverse("matching:need", args=[world["need"].pk])
    client.force_login(advisor)
    page = client.get(url).content.decode()
    assert "Dachdeckerei Krüger" in page and "deckt ab: Dach ↔ Dachdeckerei" in page
    assert "vormerken" not in page
    client.force_login(company_member)
    assert client.get(url).status_code == 404


def test_need_without_good_candidate_says_so(client, world, coordinator):
    need = NeedFactory(party=world["club"], title="Harfe", description="Harfenspiel gesucht")
    services.suggestions_rebuild()
    client.force_login(coordinator)
    page = client.get(reverse("matching:need", args=[need.pk])).content.decode()
    assert "Kein passender Vorschlag." in page


def test_shortlist_and_exclude_actions(client, world, coordinator, advisor):
    services.suggestions_rebuild()
    suggestion = Suggestion.objects.get(need=world["need"], candidate=world["roofer"])
    client.force_login(advisor)
    assert client.post(reverse("matching:shortlist", args=[suggestion.pk])).status_code == 403
    client.force_login(coordinator)
    assert client.get(reverse("matching:shortlist", args=[suggestion.pk])).status_code == 405
    client.post(reverse("matching:shortlist", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.shortlisted
    services.suggestions_rebuild()  # the shortlist survives a recomputation
    assert Suggestion.objects.get(
        pk__isnull=False, need=world["need"], candidate=world["roofer"]
    ).shortlisted
    suggestion = Suggestion.objects.get(need=world["need"], candidate=world["roofer"])
    url = reverse("matching:exclude", args=[suggestion.pk])
    response = client.post(url, {"reason": ""})
    assert "Bitte nennen Sie kurz den Grund." in response.content.decode()
    client.post(url, {"reason": "kein Interesse"})
    assert not Suggestion.objects.filter(need=world["need"], candidate=world["roofer"]).exists()


def test_fits_you_shows_good_needs_to_members_only(
    client, world, company_member, organisation_member
):
    services.suggestions_rebuild()
    from parties.models import Membership

    Membership.objects.create(user=company_member, party=world["roofer"], role="admin")
    client.force_login(company_member)
    page = client.get(reverse("matching:fits_you", args=[world["roofer"].pk])).content.decode()
    assert "Unser Dach ist undicht" in page
    client.force_login(organisation_member)
    assert client.get(reverse("matching:fits_you", args=[world["roofer"].pk])).status_code == 404


def test_weights_page(client, world, coordinator, advisor, django_capture_on_commit_callbacks):
    client.force_login(advisor)
    assert client.get(reverse("matching:weights")).status_code == 200
    assert client.post(reverse("matching:weights"), {}).status_code == 403
    client.force_login(coordinator)
    form = client.get(reverse("matching:weights")).context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    data["capacity_full"] = 0.3
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("matching:weights"), data)
    assert MatchingWeights.current() == {"capacity_full": 0.3}
    data["capacity_full"] = -1
    response = client.post(reverse("matching:weights"), data)
    assert "größer oder gleich 0" in response.content.decode()


def test_need_list_query_budget(client, world, coordinator, django_assert_num_queries):
    for n in range(20):
        NeedFactory(party=world["club"], title=f"Bedarf {n}")
    services.suggestions_rebuild()
    client.force_login(coordinator)
    # session, user, count, the page of needs with owner, place and best score
    with django_assert_num_queries(5):
        client.get(reverse("matching:needs"))


def test_need_page_query_budget(client, world, coordinator, django_assert_num_queries):
    for n in range(8):
        CompanyFactory(name=f"Dach {n}").party_competencies.create(
            competency=world["need"].competencies.model.objects.get(name="Dachdeckerei")
        )
    services.suggestions_rebuild()
    client.force_login(coordinator)
    # session, user, the need with owner and place, its suggestions with candidates
    with django_assert_num_queries(7):
        client.get(reverse("matching:need", args=[world["need"].pk]))


def test_rows_written_in_bulk_read_back_as_written(world, monkeypatch):
    """A large rebuild writes by COPY on PostgreSQL, a small one by INSERT: same rows."""

    def stored():
        return list(
            Suggestion.objects.order_by("need_id", "rank").values_list(
                "need_id",
                "candidate_id",
                "rank",
                "score",
                "band",
                "reasons",
                "concerns",
                "signals",
                "shortlisted",
            )
        )

    services.suggestions_rebuild()
    Suggestion.objects.filter(candidate=world["roofer"]).update(shortlisted=True)
    monkeypatch.setattr(services, "COPY_FROM", 10**9)
    services.suggestions_rebuild()
    inserted = stored()
    monkeypatch.setattr(services, "COPY_FROM", 0)
    services.suggestions_rebuild()
    assert stored() == inserted
    assert any("Dach ↔ Dachdeckerei" in reason for row in inserted for reason in row[5])
    assert any(row[8] for row in inserted)  # the shortlist survives
