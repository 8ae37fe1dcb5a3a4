"""What the Förderkreis adds to other apps' pages: the suggestions, the need, the party."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from advisors.templatetags.foerderkreis import without_foerderkreis
from matching import services as matching
from parties.models import PartyCompetency
from tests.advisors.conftest import make_member, make_recommendation, make_tie
from tests.factories import CompanyFactory, UserFactory


def test_candidate_rows_show_recommendations_ties_and_a_recommend_link(
    client, roof_need, roofer, far_roofer, advisor, coordinator, rotary
):
    recommendation = make_recommendation(
        need=roof_need, candidate=far_roofer, advisor=advisor, note="Schwager", warm=True
    )
    make_tie(network=rotary, party=roofer)
    make_member(network=rotary, user=advisor)
    matching.suggestions_rebuild()
    url = reverse("matching:need", args=[roof_need.pk])

    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert "Empfehlung von Anton Förderkreis:" in page and "„Schwager“" in page
    assert "warme Vorstellung angeboten" in page
    assert (
        f"?need={roof_need.pk}&amp;candidate={far_roofer.pk}&amp;recommendation={recommendation.pk}"
        in page
    )
    assert "Rotary Club Weißwasser</a> (Anton Förderkreis)" in page
    recommend = reverse("advisors:recommend", args=[roof_need.pk])
    assert f"{recommend}?candidate={roofer.pk}&amp;back=suggestions" in page
    assert "Keine Empfehlungen für Kandidaten außerhalb der Rangfolge." in page

    client.force_login(advisor)
    page = client.get(url).content.decode()
    assert "Sie haben diesen Kandidaten empfohlen." in page
    assert f"{recommend}?candidate={far_roofer.pk}" not in page
    assert "recommendation=" not in page  # only the coordination starts introductions


def test_need_suggestions_query_count_stays_flat(
    client, roof, roof_need, coordinator, rotary, django_assert_num_queries
):
    def grow(n):
        for _i in range(n):
            party = CompanyFactory()
            PartyCompetency.objects.create(party=party, competency=roof, rating=3)
            make_recommendation(
                need=roof_need, candidate=party, advisor=UserFactory(is_advisor=True)
            )
            make_tie(network=rotary, party=party)
            make_member(network=rotary, user=UserFactory(is_advisor=True))
        matching.suggestions_rebuild()

    client.force_login(coordinator)
    url = reverse("matching:need", args=[roof_need.pk])
    grow(2)
    # The page's own 5 (session, user, unread notifications, need, suggestions) and the
    # Förderkreis's 3: the need's recommendations, the candidates' ties, the networks' members.
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200
    grow(8)
    with django_assert_num_queries(8):
        page = client.get(url).content.decode()
    assert page.count("<strong>Empfehlung von ") == 10


def test_need_detail_shows_recommendations_to_the_pipeline_only(
    client, roof_need, roofer, advisor, organisation_member, company_member
):
    make_recommendation(need=roof_need, candidate=roofer, advisor=advisor, note="Stammkunde")
    url = reverse("exchange:need_detail", args=[roof_need.pk])
    client.force_login(advisor)
    page = client.get(url).content.decode()
    assert "Empfehlungen aus dem Förderkreis" in page and "Stammkunde" in page
    assert f"{reverse('advisors:recommend', args=[roof_need.pk])}?back=need" in page
    for member in (organisation_member, company_member):
        client.force_login(member)
        page = client.get(url).content.decode()
        assert "Stammkunde" not in page and "Empfehlungen aus dem Förderkreis" not in page


def _party_fragment(user, party):
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "advisors/_party_networks.html", {"party": party, "user": user}, request=request
    )


def test_party_networks_fragment(roofer, advisor, coordinator, company_member, rotary):
    make_tie(network=rotary, party=roofer, note="Inhaber ist Präsident")
    html = _party_fragment(coordinator, roofer)
    assert "Rotary Club Weißwasser" in html and "Inhaber ist Präsident" in html
    assert "niemand aus dem Förderkreis dabei" in html
    assert f"{reverse('advisors:tie_add')}?party={roofer.pk}" in html
    make_member(network=rotary, user=advisor)
    assert "erreichbar über Anton Förderkreis" in _party_fragment(coordinator, roofer)
    # The company's own people do not see what the Förderkreis notes about them.
    assert _party_fragment(company_member, roofer).strip() == ""


def test_party_networks_fragment_query_budget(roofer, advisor, rotary, django_assert_num_queries):
    from advisors.models import Network

    for i in range(6):
        network = Network.objects.create(name=f"Netz {i}", kind="other")
        make_tie(network=network, party=roofer)
        make_member(network=network, user=UserFactory(is_advisor=True))
    # the ties with their networks, the networks' members
    with django_assert_num_queries(2):
        html = _party_fragment(advisor, roofer)
    assert html.count("erreichbar über") == 6


def test_reasons_for_the_parties_leave_out_the_foerderkreis():
    reasons = ["deckt ab: Dach", "empfohlen von Anton", "erreichbar über Rotary", "3 km entfernt"]
    assert without_foerderkreis(reasons) == ["deckt ab: Dach", "3 km entfernt"]
