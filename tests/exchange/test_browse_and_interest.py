import pytest
from django.core import mail
from django.urls import reverse

from exchange.models import Interest, InterestStatus, NeedStatus
from parties.models import PartyStatus
from tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NeedFactory,
    OrganisationFactory,
    TopicFactory,
)


@pytest.fixture
def places(db):
    return {
        "weisswasser": MunicipalityFactory(),
        "bad_muskau": MunicipalityFactory(
            name="Bad Muskau", postcodes="02953", latitude=51.5497, longitude=14.7186
        ),
        "cottbus": MunicipalityFactory(
            name="Cottbus", postcodes="03046", latitude=51.7563, longitude=14.3329
        ),
    }


def test_browse_filters_by_topic_kind_text_and_distance(client, company_member, places):
    youth = TopicFactory(name="Kinder und Jugend")
    near = NeedFactory(title="Dach undicht", municipality=places["bad_muskau"], kind="in_kind")
    near.topics.add(youth)
    far = NeedFactory(title="Fahrdienst Cottbus", municipality=places["cottbus"], kind="transport")
    remote = NeedFactory(title="Webseite", municipality=places["cottbus"], remote_ok=True)
    NeedFactory(title="Noch Entwurf", status=NeedStatus.DRAFT)
    NeedFactory(title="Verein wartet", party=OrganisationFactory(status=PartyStatus.PENDING))
    client.force_login(company_member)
    url = reverse("exchange:browse")

    def titles(**params):
        page = client.get(url, params).context["page"]
        return {n.title for n in page.object_list}

    assert titles() == {near.title, far.title, remote.title}
    assert titles(topic=youth.pk) == {near.title}
    assert titles(kind="transport") == {far.title}
    assert titles(q="dach") == {near.title}
    # Weißwasser → Bad Muskau is about 7 km, Cottbus about 40 km; remote needs always count.
    assert titles(distance=10) == {near.title, remote.title}
    assert titles(distance=50) == {near.title, far.title, remote.title}


def test_browse_keeps_filters_and_paginates(client, company_member, places):
    for n in range(25):
        NeedFactory(title=f"Bedarf {n:02}", kind="room")
    client.force_login(company_member)
    page = client.get(reverse("exchange:browse"), {"kind": "room"}).content.decode()
    assert "25 Bedarfe gefunden" in page
    assert "?kind=room&amp;page=2" in page


def test_browse_query_budget(client, company_member, places, django_assert_num_queries):
    for _n in range(20):
        NeedFactory().topics.add(TopicFactory())
    client.force_login(company_member)
    # session, user, own approved parties, count, page of needs with party and place,
    # their topics, and the two select lists of the filter form (topics, municipalities)
    with django_assert_num_queries(9):
        client.get(reverse("exchange:browse"))


def test_browse_explains_itself_before_approval(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("exchange:browse"))
    assert "sobald die Koordination" in response.content.decode()
    assert "page" not in response.context


@pytest.fixture
def need(organisation):
    return NeedFactory(party=organisation, title="Kleinbus für die Ferienfahrt")


def test_company_says_we_could_help(
    client,
    company,
    company_member,
    need,
    coordinator,
    organisation_member,
    django_capture_on_commit_callbacks,
):
    client.force_login(company_member)
    url = reverse("exchange:interest_create", args=[need.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"party": company.pk, "message": "Unser Bus ist frei."})
    assert response["Location"] == reverse("exchange:need_detail", args=[need.pk])
    interest = Interest.objects.get()
    assert interest.party == company and interest.status == InterestStatus.NEW
    assert mail.outbox[0].to == [coordinator.email]
    assert "Unser Bus ist frei." in mail.outbox[0].body

    # The owner sees that someone is interested, not who.
    client.force_login(organisation_member)
    page = client.get(reverse("exchange:need_detail", args=[need.pk])).content.decode()
    assert "1 Unternehmen oder Organisation möchte helfen." in page
    assert company.name not in page
    assert "Unser Bus ist frei." not in page


def test_interest_twice_or_on_own_need_is_refused(
    client, company, company_member, need, organisation, organisation_member
):
    client.force_login(company_member)
    url = reverse("exchange:interest_create", args=[need.pk])
    client.post(url, {"party": company.pk, "message": "Ja"})
    response = client.post(url, {"party": company.pk, "message": "Nochmal"}, follow=True)
    assert "schon Interesse bekundet" in response.content.decode()
    client.force_login(organisation_member)
    response = client.post(url, {"party": organisation.pk, "message": "Selbst"}, follow=True)
    assert Interest.objects.count() == 1


def test_interest_without_message_keeps_the_form(client, company, company_member, need):
    client.force_login(company_member)
    response = client.post(
        reverse("exchange:interest_create", args=[need.pk]), {"party": company.pk, "message": ""}
    )
    assert "Bitte schreiben Sie kurz, wie Sie helfen könnten." in response.content.decode()
    assert not Interest.objects.exists()


def test_interest_for_another_users_party_is_refused(client, company_member, need):
    foreign = OrganisationFactory(name="Fremder Verein")
    client.force_login(company_member)
    response = client.post(
        reverse("exchange:interest_create", args=[need.pk]),
        {"party": foreign.pk, "message": "Hallo"},
    )
    assert response.status_code == 200
    assert not Interest.objects.exists()


def test_interest_queue_permissions_and_decline(
    client, company, need, coordinator, advisor, company_member
):
    interest = Interest.objects.create(need=need, party=company, message="Gern")
    client.force_login(company_member)
    assert client.get(reverse("exchange:interests")).status_code == 404
    client.force_login(advisor)
    assert "Gern" in client.get(reverse("exchange:interests")).content.decode()
    decline = reverse("exchange:interest_decline", args=[interest.pk])
    assert client.post(decline).status_code == 403
    client.force_login(coordinator)
    assert client.get(decline).status_code == 405
    client.post(decline)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.DECLINED


def test_interest_queue_query_budget(client, coordinator, need, django_assert_num_queries):
    for n in range(10):
        party = OrganisationFactory(name=f"Helfer {n}")
        MembershipFactory(party=party)
        Interest.objects.create(need=need, party=party, message="Gern")
    client.force_login(coordinator)
    # session, user, count, the page with need, owner, helper and author joined
    with django_assert_num_queries(5):
        response = client.get(reverse("exchange:interests"))
    assert response.content.decode().count("Gern") == 10
