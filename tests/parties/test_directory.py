from django.urls import reverse

from patronships.models import PatronshipStatus
from tests.factories import (
    CompanyFactory,
    CompetencyFactory,
    OrganisationFactory,
    PatronshipFactory,
)


def test_directory_shows_capacity_and_filters(client, coordinator):
    busy = CompanyFactory(name="Voll GmbH", max_patronships=1)
    free = CompanyFactory(name="Frei GmbH", max_patronships=2)
    paused = CompanyFactory(name="Pause GmbH", is_paused=True)
    web = CompetencyFactory(name="Webdesign")
    free.competencies.add(web)
    PatronshipFactory(sponsor=busy, status=PatronshipStatus.ACTIVE)
    PatronshipFactory(sponsor=free, status=PatronshipStatus.ACTIVE)
    PatronshipFactory(sponsor=free, status=PatronshipStatus.COMPLETED)  # does not count
    client.force_login(coordinator)
    url = reverse("parties:directory")

    def names(**params):
        return {p.name for p in client.get(url, params).context["page"].object_list}

    rows = {p.name: p for p in client.get(url, {"kind": "company"}).context["page"].object_list}
    assert (rows["Voll GmbH"].running, rows["Voll GmbH"].free) == (1, 0)
    assert (rows["Frei GmbH"].running, rows["Frei GmbH"].free) == (1, 1)
    assert names(kind="company", capacity="free") == {"Frei GmbH"}
    assert names(kind="company", capacity="full") == {"Voll GmbH", "Pause GmbH"}
    assert names(competency=web.pk) == {"Frei GmbH"}
    assert names(q="pause") == {paused.name}


def test_directory_permissions(client, advisor, company_member, outsider):
    url = reverse("parties:directory")
    client.force_login(advisor)
    assert client.get(url).status_code == 200
    for user in (company_member, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_directory_query_budget(client, coordinator, django_assert_num_queries):
    for n in range(40):
        party = (CompanyFactory if n % 2 else OrganisationFactory)()
        PatronshipFactory(sponsor=party) if n % 2 else None
    client.force_login(coordinator)
    # session, user, count, page of parties with capacity subqueries, and the filter
    # form's select lists (municipalities, competencies, topics)
    with django_assert_num_queries(8):
        response = client.get(reverse("parties:directory"))
    assert "30 von" not in response.content.decode()
    assert len(response.context["page"].object_list) == 30
