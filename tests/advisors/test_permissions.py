"""Who may use the Förderkreis pages: advisors and the coordinator act; parties' members and
outsiders get 404; anonymous visitors are sent to log in."""

import pytest
from django.urls import reverse

from advisors.models import NetworkTie, Recommendation
from tests.advisors.conftest import make_recommendation, make_tie


@pytest.fixture
def objects(roof_need, roofer, advisor, rotary):
    return {
        "need": roof_need,
        "recommendation": make_recommendation(need=roof_need, candidate=roofer, advisor=advisor),
        "network": rotary,
        "tie": make_tie(network=rotary, party=roofer),
    }


def _pages(o):
    """(method, url) of every view; POST-only ones with the data they need."""
    return [
        ("get", reverse("advisors:mine")),
        ("get", reverse("advisors:recommendations")),
        ("get", reverse("advisors:need_recommendations", args=[o["need"].pk])),
        ("get", reverse("advisors:recommend", args=[o["need"].pk])),
        ("get", reverse("advisors:recommendation_detail", args=[o["recommendation"].pk])),
        ("get", reverse("advisors:recommendation_edit", args=[o["recommendation"].pk])),
        ("post", reverse("advisors:recommendation_withdraw", args=[o["recommendation"].pk])),
        ("get", reverse("advisors:networks")),
        ("get", reverse("advisors:network_create")),
        ("get", reverse("advisors:network_detail", args=[o["network"].pk])),
        ("get", reverse("advisors:network_edit", args=[o["network"].pk])),
        ("post", reverse("advisors:network_join", args=[o["network"].pk])),
        ("post", reverse("advisors:network_leave", args=[o["network"].pk])),
        ("get", reverse("advisors:tie_add")),
        ("post", reverse("advisors:tie_remove", args=[o["tie"].pk])),
    ]


@pytest.mark.parametrize("persona", ["company_member", "organisation_member", "outsider"])
def test_party_members_and_outsiders_get_404(client, request, objects, persona):
    client.force_login(request.getfixturevalue(persona))
    for method, url in _pages(objects):
        assert getattr(client, method)(url).status_code == 404, url
    assert Recommendation.objects.get().is_active
    assert NetworkTie.objects.exists()


def test_anonymous_is_sent_to_log_in(client, objects):
    login = reverse("account_login")
    for method, url in _pages(objects):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith(login), url
    assert Recommendation.objects.get().is_active


@pytest.mark.parametrize("persona", ["advisor", "coordinator"])
def test_advisor_and_coordinator_reach_every_page(client, request, objects, persona):
    client.force_login(request.getfixturevalue(persona))
    for method, url in _pages(objects):
        if method == "get":
            status = client.get(url).status_code
            # Only the author may edit a recommendation: the coordinator reads it.
            if persona == "coordinator" and "bearbeiten" in url and "empfehlung" in url:
                assert status == 403, url
            else:
                assert status == 200, url
        else:
            assert client.get(url).status_code == 405, url
