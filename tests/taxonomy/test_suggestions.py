import pytest
from django.urls import reverse

from parties.models import PartyCompetency
from taxonomy.models import Competency, SuggestionStatus, TaxonomySuggestion
from tests.factories import CompetencyFactory, CompetencyGroupFactory


@pytest.fixture
def suggestion(company, company_member):
    return TaxonomySuggestion.objects.create(
        label="Drohnenfotos", party=company, suggested_by=company_member
    )


def test_map_adds_a_synonym_and_the_competency(client, coordinator, suggestion, company):
    photo = CompetencyFactory(name="Fotografie", synonyms=["Fotos"])
    client.force_login(coordinator)
    response = client.post(
        reverse("taxonomy:suggestion_map", args=[suggestion.pk]), {"competency": photo.pk}
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.synonyms == ["Fotos", "Drohnenfotos"]
    assert PartyCompetency.objects.filter(party=company, competency=photo).exists()
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.MAPPED and suggestion.resolved_by == coordinator


def test_create_a_new_competency(client, coordinator, suggestion, company):
    group = CompetencyGroupFactory(name="IT und Medien")
    client.force_login(coordinator)
    client.post(
        reverse("taxonomy:suggestion_create", args=[suggestion.pk]),
        {"group": group.pk, "name": "Drohnenaufnahmen"},
    )
    competency = Competency.objects.get(name="Drohnenaufnahmen")
    assert competency.group == group and competency.synonyms == ["Drohnenfotos"]
    assert competency.slug == "drohnenaufnahmen"
    assert company.party_competencies.filter(competency=competency).exists()


def test_create_with_bad_input_explains_and_keeps(client, coordinator, suggestion):
    CompetencyFactory(name="Fotografie")
    client.force_login(coordinator)
    response = client.post(
        reverse("taxonomy:suggestion_create", args=[suggestion.pk]),
        {"group": "", "name": "fotografie"},
    )
    page = response.content.decode()
    assert "Bitte wählen Sie eine Gruppe." in page
    assert "Diese Kompetenz gibt es schon" in page
    assert 'value="fotografie"' in page
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN


def test_reject_and_no_second_decision(client, coordinator, suggestion):
    client.force_login(coordinator)
    client.post(reverse("taxonomy:suggestion_reject", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.REJECTED
    response = client.post(reverse("taxonomy:suggestion_reject", args=[suggestion.pk]))
    assert response.status_code == 404


def test_suggestion_permissions(client, advisor, company_member, suggestion):
    client.force_login(company_member)
    assert client.get(reverse("taxonomy:suggestions")).status_code == 404
    assert (
        client.post(reverse("taxonomy:suggestion_reject", args=[suggestion.pk])).status_code == 404
    )
    client.force_login(advisor)
    page = client.get(reverse("taxonomy:suggestions")).content.decode()
    assert "Drohnenfotos" in page and "Zuordnen" not in page
    assert (
        client.post(reverse("taxonomy:suggestion_reject", args=[suggestion.pk])).status_code == 403
    )
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.OPEN


def test_suggestion_list_query_budget(client, coordinator, company, django_assert_num_queries):
    CompetencyGroupFactory()
    for n in range(10):
        TaxonomySuggestion.objects.create(label=f"Wort {n}", party=company)
    client.force_login(coordinator)
    # session, user, count, page with party and author, and per page (not per row) the
    # competency and group choices of the forms
    with django_assert_num_queries(7):
        client.get(reverse("taxonomy:suggestions"))
