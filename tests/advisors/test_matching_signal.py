"""Recommendations and network ties feed matching: a higher score, a reason in plain German."""

from django.urls import reverse

from advisors import services
from matching import services as matching
from matching.loading import load_history
from matching.models import Suggestion
from tests.advisors.conftest import make_member, make_recommendation, make_tie
from tests.factories import UserFactory


def _ranked(need):
    return list(Suggestion.objects.filter(need=need).order_by("rank"))


def test_a_recommendation_lifts_the_candidate_and_says_who_recommended(
    client, roof_need, roofer, far_roofer, advisor, django_capture_on_commit_callbacks
):
    matching.suggestions_rebuild()
    before = {s.candidate_id: s for s in _ranked(roof_need)}
    assert [s.candidate_id for s in _ranked(roof_need)] == [roofer.pk, far_roofer.pk]

    client.force_login(advisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("advisors:recommend", args=[roof_need.pk]),
            {"candidate": far_roofer.pk, "note": "Der Inhaber spielt selbst im Verein."},
        )
    assert response.status_code == 302

    after = {s.candidate_id: s for s in _ranked(roof_need)}
    assert after[far_roofer.pk].score > before[far_roofer.pk].score
    assert after[far_roofer.pk].rank == 1 and after[roofer.pk].rank == 2
    assert "empfohlen von Anton Förderkreis" in after[far_roofer.pk].reasons
    assert not any("empfohlen" in r for r in after[roofer.pk].reasons)


def test_withdrawing_takes_the_lift_back(
    roof_need, roofer, far_roofer, advisor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recommendation = services.recommendation_create(
            need=roof_need, candidate=far_roofer, advisor=advisor, note="kennt den Inhaber"
        )
    lifted = Suggestion.objects.get(need=roof_need, candidate=far_roofer)
    with django_capture_on_commit_callbacks(execute=True):
        services.recommendation_withdraw(recommendation=recommendation, by=advisor)
    plain = Suggestion.objects.get(need=roof_need, candidate=far_roofer)
    assert plain.score < lifted.score and plain.rank == 2
    assert not any("empfohlen" in r for r in plain.reasons)


def test_a_network_with_an_advisor_makes_the_candidate_reachable(
    roof_need, roofer, far_roofer, advisor, rotary, django_capture_on_commit_callbacks
):
    matching.suggestions_rebuild()
    before = Suggestion.objects.get(need=roof_need, candidate=far_roofer).score
    with django_capture_on_commit_callbacks(execute=True):
        services.tie_add(network=rotary, party=far_roofer, by=advisor)
    # Nobody of the Förderkreis is in the Rotary Club yet: the tie alone reaches no one.
    untouched = Suggestion.objects.get(need=roof_need, candidate=far_roofer)
    assert untouched.score == before
    assert not any("erreichbar" in r for r in untouched.reasons)

    with django_capture_on_commit_callbacks(execute=True):
        services.network_join(network=rotary, advisor=advisor)
    reached = Suggestion.objects.get(need=roof_need, candidate=far_roofer)
    assert reached.score > before
    assert "erreichbar über Rotary Club Weißwasser" in reached.reasons

    with django_capture_on_commit_callbacks(execute=True):
        services.network_leave(network=rotary, advisor=advisor)
    left = Suggestion.objects.get(need=roof_need, candidate=far_roofer)
    assert left.score == before and not any("erreichbar" in r for r in left.reasons)


def test_load_history_reads_active_recommendations_and_reaching_networks(
    roof_need, roofer, far_roofer, advisor, coordinator, rotary
):
    make_recommendation(need=roof_need, candidate=roofer, advisor=advisor)
    make_recommendation(need=roof_need, candidate=roofer, advisor=coordinator)
    withdrawn = make_recommendation(need=roof_need, candidate=far_roofer, advisor=advisor)
    services.recommendation_withdraw(recommendation=withdrawn, by=advisor)
    unnamed = UserFactory(email="ohne-name@example.org", name="", is_advisor=True)
    make_recommendation(need=roof_need, candidate=roofer, advisor=unnamed)

    make_tie(network=rotary, party=roofer)
    make_tie(network=rotary, party=far_roofer)
    make_member(network=rotary, user=advisor)
    from advisors.models import Network

    quiet = Network.objects.create(name="Gewerbeverein Weißwasser", kind="town")
    make_tie(network=quiet, party=roofer)
    former = UserFactory(email="ehemalig@example.org", name="Ehemalig", is_advisor=False)
    make_member(network=quiet, user=former)  # no longer in the Förderkreis: reaches no one

    history = load_history()
    assert history.recommended == {
        (roof_need.pk, roofer.pk): (
            "Anton Förderkreis",
            "Clara Koordination",
            "einem Mitglied des Förderkreises",  # never an email address
        )
    }
    assert history.reachable_via == {
        roofer.pk: ("Rotary Club Weißwasser",),
        far_roofer.pk: ("Rotary Club Weißwasser",),
    }


def test_recommendations_for_closed_needs_do_not_count(roof_need, roofer, advisor):
    make_recommendation(need=roof_need, candidate=roofer, advisor=advisor)
    roof_need.status = "met"
    roof_need.save()
    assert load_history().recommended == {}
