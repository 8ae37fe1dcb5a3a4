import pytest
from django.urls import reverse

from exchange.models import Need, NeedChange, NeedStatus
from tests.factories import (
    CompetencyFactory,
    MembershipFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
    TopicFactory,
)

NEW_NEED = {
    "title": "Dach vom Vereinsheim undicht",
    "description": "Bei Regen tropft es in die Umkleide. Wer kann sich das anschauen?",
    "kind": "in_kind",
    "effort": "one_off",
    "time_frame": "vor dem Winter",
    "remote_ok": "",
    "status": "open",
}


@pytest.fixture
def need(organisation):
    return NeedFactory(party=organisation, title="Vereinswebseite")


def test_organisation_posts_a_need_in_its_own_words(client, organisation, organisation_member):
    place = MunicipalityFactory()
    roof = CompetencyFactory(name="Dachdeckerei")
    youth = TopicFactory(name="Kinder und Jugend")
    client.force_login(organisation_member)
    response = client.post(
        reverse("exchange:need_create", args=[organisation.pk]),
        {**NEW_NEED, "municipality": place.pk, "competencies": [roof.pk], "topics": [youth.pk]},
    )
    need = Need.objects.get(title="Dach vom Vereinsheim undicht")
    assert response["Location"] == reverse("exchange:need_detail", args=[need.pk])
    assert need.party == organisation and need.created_by == organisation_member
    assert need.status == NeedStatus.OPEN
    assert list(need.competencies.all()) == [roof]
    assert list(need.topics.all()) == [youth]


def test_wanted_competencies_are_optional(client, organisation, organisation_member):
    client.force_login(organisation_member)
    client.post(
        reverse("exchange:need_create", args=[organisation.pk]),
        {**NEW_NEED, "municipality": MunicipalityFactory().pk},
    )
    assert Need.objects.get().competencies.count() == 0


def test_bad_input_is_explained_and_kept(client, organisation, organisation_member):
    client.force_login(organisation_member)
    response = client.post(
        reverse("exchange:need_create", args=[organisation.pk]),
        {**NEW_NEED, "title": "", "municipality": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie dem Bedarf einen kurzen Titel." in page
    assert "Bitte nennen Sie den Ort" in page
    assert "Bei Regen tropft es in die Umkleide." in page
    assert not Need.objects.exists()


def test_owner_cannot_set_in_progress(client, organisation, organisation_member):
    client.force_login(organisation_member)
    response = client.post(
        reverse("exchange:need_create", args=[organisation.pk]),
        {**NEW_NEED, "municipality": MunicipalityFactory().pk, "status": "in_progress"},
    )
    assert response.status_code == 200
    assert not Need.objects.exists()


def test_create_permissions(client, organisation, company_member, advisor):
    url = reverse("exchange:need_create", args=[organisation.pk])
    client.force_login(company_member)
    assert client.post(url, NEW_NEED).status_code == 404
    client.force_login(advisor)
    assert client.post(url, NEW_NEED).status_code == 403
    assert not Need.objects.exists()


def test_coordinator_refines_a_need_and_the_edit_is_logged(client, need, coordinator):
    client.force_login(coordinator)
    data = {
        **NEW_NEED,
        "title": "Einfache Vereinswebseite mit Terminkalender",
        "municipality": need.municipality_id,
        "status": "in_progress",
    }
    response = client.post(reverse("exchange:need_edit", args=[need.pk]), data)
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.title == "Einfache Vereinswebseite mit Terminkalender"
    assert need.status == NeedStatus.IN_PROGRESS
    change = NeedChange.objects.get(need=need)
    assert change.by == coordinator
    assert change.fields["title"] == [
        "Vereinswebseite",
        "Einfache Vereinswebseite mit Terminkalender",
    ]
    page = client.get(reverse("exchange:need_detail", args=[need.pk])).content.decode()
    assert "Clara Koordination" in page


def test_edit_permissions(client, need, company_member, advisor, outsider):
    url = reverse("exchange:need_edit", args=[need.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(advisor)
    assert client.get(url).status_code == 403
    client.force_login(company_member)  # an approved party may read open needs, not edit
    assert client.get(url).status_code == 403
    assert client.get(reverse("exchange:need_detail", args=[need.pk])).status_code == 200


def test_drafts_and_needs_of_pending_parties_are_hidden_from_other_parties(client, company_member):
    draft = NeedFactory(status=NeedStatus.DRAFT)
    pending = NeedFactory(party=OrganisationFactory(status="pending"))
    client.force_login(company_member)
    for need in (draft, pending):
        assert client.get(reverse("exchange:need_detail", args=[need.pk])).status_code == 404


def test_outsider_without_party_sees_no_need(client, need, outsider):
    client.force_login(outsider)
    assert client.get(reverse("exchange:need_detail", args=[need.pk])).status_code == 404


def test_party_needs_list_query_budget(
    client, organisation, organisation_member, django_assert_num_queries
):
    for n in range(15):
        NeedFactory(party=organisation, title=f"Bedarf {n}")
    client.force_login(organisation_member)
    # session, user, the party, membership check, needs with their municipality
    with django_assert_num_queries(6):
        response = client.get(reverse("exchange:party_needs", args=[organisation.pk]))
    assert response.content.decode().count('class="card"') == 15


def test_party_needs_list_is_hidden_from_other_parties(client, organisation, company_member):
    client.force_login(company_member)
    url = reverse("exchange:party_needs", args=[organisation.pk])
    assert client.get(url).status_code == 404


def test_member_of_two_parties_posts_for_the_right_one(client, organisation, organisation_member):
    other = OrganisationFactory(name="Heimatverein")
    MembershipFactory(user=organisation_member, party=other)
    client.force_login(organisation_member)
    client.post(
        reverse("exchange:need_create", args=[other.pk]),
        {**NEW_NEED, "municipality": MunicipalityFactory().pk},
    )
    assert Need.objects.get().party == other
