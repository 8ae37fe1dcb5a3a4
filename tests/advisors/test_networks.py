from django.urls import reverse

from advisors import services
from advisors.models import Network, NetworkMembership, NetworkTie
from audit.models import AuditEntry
from tests.advisors.conftest import make_member, make_tie
from tests.factories import CompanyFactory, OrganisationFactory, UserFactory


def test_advisor_creates_a_network(client, advisor):
    client.force_login(advisor)
    response = client.post(
        reverse("advisors:network_create"),
        {"name": " Kreishandwerkerschaft Görlitz ", "kind": "crafts_chamber", "description": ""},
    )
    network = Network.objects.get()
    assert response["Location"] == network.get_absolute_url()
    assert network.name == "Kreishandwerkerschaft Görlitz" and network.created_by == advisor
    entry = AuditEntry.objects.for_object(network).get()
    assert entry.action == "network.created"
    assert entry.message == (
        "Anton Förderkreis hat das Netzwerk „Kreishandwerkerschaft Görlitz“ angelegt."
    )


def test_network_bad_input_is_explained_and_kept(client, coordinator, rotary):
    client.force_login(coordinator)
    response = client.post(
        reverse("advisors:network_create"),
        {"name": "rotary club weißwasser", "kind": "", "description": "trifft sich dienstags"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ein Netzwerk „rotary club weißwasser“ gibt es schon." in page
    assert "Bitte wählen Sie, was für ein Netzwerk es ist." in page
    assert "trifft sich dienstags" in page
    assert Network.objects.count() == 1
    response = client.post(reverse("advisors:network_create"), {"name": "", "kind": "ihk"})
    assert "Bitte geben Sie den Namen des Netzwerks an." in response.content.decode()


def test_network_edit_records_the_change(client, coordinator, rotary):
    client.force_login(coordinator)
    url = reverse("advisors:network_edit", args=[rotary.pk])
    assert client.get(url).status_code == 200
    client.post(
        url, {"name": "Rotary Club Weißwasser", "kind": "service_club", "description": "Di 19 Uhr"}
    )
    rotary.refresh_from_db()
    assert rotary.description == "Di 19 Uhr"
    entry = AuditEntry.objects.for_object(rotary).get(action="network.changed")
    assert entry.changes == {"description": ["", "Di 19 Uhr"]}


def test_join_and_leave(client, advisor, rotary):
    client.force_login(advisor)
    join = reverse("advisors:network_join", args=[rotary.pk])
    leave = reverse("advisors:network_leave", args=[rotary.pk])
    assert client.get(join).status_code == 405
    assert client.get(leave).status_code == 405
    client.post(join)
    client.post(join)  # twice is still once
    assert list(rotary.advisors.all()) == [advisor]
    page = client.get(rotary.get_absolute_url()).content.decode()
    assert "Anton Förderkreis" in page and "Ich bin nicht (mehr) dabei" in page
    client.post(leave)
    assert not NetworkMembership.objects.exists()
    actions = list(
        AuditEntry.objects.for_object(rotary).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["network.advisor_joined", "network.advisor_left"]


def test_tie_from_a_network_page(client, advisor, rotary, company):
    client.force_login(advisor)
    url = reverse("advisors:tie_add") + f"?network={rotary.pk}"
    page = client.get(url).content.decode()
    assert f'<option value="{rotary.pk}" selected>' in page
    response = client.post(
        url,
        {
            "network": rotary.pk,
            "party": company.pk,
            "note": "Inhaber ist Präsident",
            "back": "network",
        },
    )
    assert response["Location"] == rotary.get_absolute_url()
    tie = NetworkTie.objects.get()
    assert (tie.party, tie.recorded_by, tie.note) == (company, advisor, "Inhaber ist Präsident")
    message = (
        "Anton Förderkreis hat eingetragen: „Dachdeckerei Krüger GmbH“ ist im Netzwerk "
        "„Rotary Club Weißwasser“. Notiz: Inhaber ist Präsident"
    )
    for obj in (company, rotary):
        entry = AuditEntry.objects.for_object(obj).get(action="network_tie.added")
        assert entry.message == message and entry.actor == advisor
    page = client.get(rotary.get_absolute_url()).content.decode()
    assert "Dachdeckerei Krüger GmbH" in page and "Inhaber ist Präsident" in page


def test_tie_from_a_party_page_goes_back_there(client, coordinator, rotary, company):
    client.force_login(coordinator)
    url = reverse("advisors:tie_add") + f"?party={company.pk}"
    page = client.get(url).content.decode()
    assert f'<option value="{company.pk}" selected>' in page
    assert 'name="back" value="party"' in page
    response = client.post(url, {"network": rotary.pk, "party": company.pk, "back": "party"})
    assert response["Location"] == company.get_absolute_url()


def test_tie_bad_input(client, advisor, rotary, company):
    make_tie(network=rotary, party=company)
    pending = OrganisationFactory(name="Wartender Verein e.V.", status="pending")
    client.force_login(advisor)
    url = reverse("advisors:tie_add")
    response = client.post(url, {"network": rotary.pk, "party": company.pk, "note": "doppelt"})
    page = response.content.decode()
    assert (
        "„Dachdeckerei Krüger GmbH“ ist dem Netzwerk „Rotary Club Weißwasser“ bereits zugeordnet."
        in page
    )
    assert 'value="doppelt"' in page
    assert "Wartender Verein" not in page
    response = client.post(url, {"network": rotary.pk, "party": pending.pk})
    assert "Bitte wählen Sie eine freigegebene Partei aus der Liste." in response.content.decode()
    response = client.post(url, {"network": "", "party": ""})
    page = response.content.decode()
    assert "Bitte wählen Sie das Netzwerk." in page
    assert "Bitte wählen Sie das Unternehmen oder die Organisation." in page
    assert NetworkTie.objects.count() == 1


def test_tie_search_narrows_the_party_list(client, advisor, rotary, company):
    CompanyFactory(name="Autohaus Schulze")
    client.force_login(advisor)
    page = client.get(reverse("advisors:tie_add") + "?q=auto").content.decode()
    assert "Autohaus Schulze" in page and "Dachdeckerei Krüger" not in page


def test_tie_remove(client, advisor, rotary, company):
    tie = make_tie(network=rotary, party=company)
    client.force_login(advisor)
    url = reverse("advisors:tie_remove", args=[tie.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response["Location"] == rotary.get_absolute_url()
    assert not NetworkTie.objects.exists()
    for obj in (company, rotary):
        assert (
            AuditEntry.objects.for_object(obj)
            .filter(action="network_tie.removed", actor=advisor)
            .exists()
        )


def test_service_refuses_a_duplicate_tie(advisor, rotary, company):
    services.tie_add(network=rotary, party=company, by=advisor)
    try:
        services.tie_add(network=rotary, party=company, by=advisor)
    except services.AdvisorsError as error:
        assert "bereits zugeordnet" in error.message
    else:  # pragma: no cover
        raise AssertionError("a second tie was accepted")
    assert NetworkTie.objects.count() == 1


def test_network_list_query_budget(client, advisor, django_assert_num_queries):
    def grow(n, start):
        for i in range(start, start + n):
            network = Network.objects.create(name=f"Netzwerk {i}", kind="other")
            make_tie(network=network, party=CompanyFactory())
            make_member(network=network, user=UserFactory(is_advisor=True))

    client.force_login(advisor)
    grow(2, 0)
    # session, user, unread notifications (header), the networks with their counts and
    # "Sie sind dabei"
    with django_assert_num_queries(4):
        assert client.get(reverse("advisors:networks")).status_code == 200
    grow(15, 2)
    with django_assert_num_queries(4):
        page = client.get(reverse("advisors:networks")).content.decode()
    assert "Netzwerk 16" in page


def test_network_list_filter(client, advisor, rotary):
    Network.objects.create(name="IHK Cottbus", kind="ihk")
    client.force_login(advisor)
    page = client.get(reverse("advisors:networks") + "?kind=ihk").content.decode()
    assert "IHK Cottbus" in page and "Rotary Club" not in page


def test_network_detail_query_budget(client, advisor, rotary, django_assert_num_queries):
    def grow(n):
        for i in range(n):
            make_tie(network=rotary, party=CompanyFactory(), by=advisor)
            make_member(network=rotary, user=UserFactory(is_advisor=True))
            services.network_update(network=rotary, by=advisor, description=f"Stand {i}")

    client.force_login(advisor)
    grow(2)
    # session, user, unread notifications (header), network, ties with party, place and
    # who recorded, members, history
    with django_assert_num_queries(7):
        assert client.get(rotary.get_absolute_url()).status_code == 200
    grow(15)
    with django_assert_num_queries(7):
        client.get(rotary.get_absolute_url())
