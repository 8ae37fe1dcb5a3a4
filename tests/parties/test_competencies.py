import pytest
from django.urls import reverse

from parties.models import MAX_CORE_COMPETENCIES, PartyCompetency
from taxonomy.models import SuggestionStatus, TaxonomySuggestion
from tests.factories import CompetencyFactory


@pytest.fixture
def webdesign(db):
    return CompetencyFactory(name="Webdesign", synonyms=["Homepage", "Webseite"])


def test_add_a_competency_with_a_rating(client, company, company_member, webdesign):
    client.force_login(company_member)
    response = client.post(
        reverse("parties:competency_add", args=[company.pk]),
        {"competency": webdesign.pk, "rating": 3},
    )
    assert response["Location"] == reverse("parties:competencies", args=[company.pk])
    item = PartyCompetency.objects.get(party=company)
    assert item.competency == webdesign and item.rating == 3


def test_at_most_eight_core_competencies(client, company, company_member):
    for _n in range(MAX_CORE_COMPETENCIES):
        PartyCompetency.objects.create(party=company, competency=CompetencyFactory())
    extra = CompetencyFactory(name="Eine zu viel")
    client.force_login(company_member)
    response = client.post(
        reverse("parties:competency_add", args=[company.pk]),
        {"competency": extra.pk, "rating": 2},
        follow=True,
    )
    assert "Höchstens 8 Kernkompetenzen" in response.content.decode()
    assert company.party_competencies.count() == MAX_CORE_COMPETENCIES


def test_add_without_choice_says_what_is_missing(client, company, company_member):
    client.force_login(company_member)
    response = client.post(
        reverse("parties:competency_add", args=[company.pk]),
        {"competency": "", "rating": 2},
        follow=True,
    )
    assert "Bitte wählen Sie eine Kompetenz." in response.content.decode()


def test_search_finds_by_synonym_with_and_without_htmx(client, company, company_member, webdesign):
    client.force_login(company_member)
    url = reverse("parties:competencies", args=[company.pk])
    page = client.get(url, {"q": "homepage"}).content.decode()
    assert "+ Webdesign" in page and "<html" in page
    fragment = client.get(url, {"q": "homepage"}, headers={"HX-Request": "true"}).content.decode()
    assert "+ Webdesign" in fragment and "<html" not in fragment


def test_free_text_labels_are_mapped_or_suggested(client, company, company_member, webdesign):
    client.force_login(company_member)
    response = client.post(
        reverse("parties:competency_labels", args=[company.pk]),
        {"labels": "Homepage, Drohnenfotos , "},
        follow=True,
    )
    page = response.content.decode()
    assert "Zugeordnet: Webdesign." in page
    assert "die Koordination prüft: Drohnenfotos." in page
    assert company.party_competencies.get().competency == webdesign
    suggestion = TaxonomySuggestion.objects.get()
    assert suggestion.label == "Drohnenfotos" and suggestion.status == SuggestionStatus.OPEN
    assert suggestion.suggested_by == company_member


def test_remove_a_competency(client, company, company_member, webdesign):
    item = PartyCompetency.objects.create(party=company, competency=webdesign)
    client.force_login(company_member)
    client.post(reverse("parties:competency_remove", args=[company.pk, item.pk]))
    assert not PartyCompetency.objects.exists()


def test_competency_permissions(client, company, organisation_member, advisor, webdesign):
    client.force_login(organisation_member)
    assert client.get(reverse("parties:competencies", args=[company.pk])).status_code == 404
    url = reverse("parties:competency_add", args=[company.pk])
    assert client.post(url, {"competency": webdesign.pk, "rating": 2}).status_code == 404
    client.force_login(advisor)
    assert client.post(url, {"competency": webdesign.pk, "rating": 2}).status_code == 403
    assert client.get(url).status_code == 405
    assert not PartyCompetency.objects.exists()


def test_competency_page_query_budget(client, company, company_member, django_assert_num_queries):
    for _n in range(6):
        PartyCompetency.objects.create(party=company, competency=CompetencyFactory())
    client.force_login(company_member)
    # session, user, party, membership check, party competencies with competency and group,
    # the grouped list of all competencies for the select
    with django_assert_num_queries(7):
        client.get(reverse("parties:competencies", args=[company.pk]))
