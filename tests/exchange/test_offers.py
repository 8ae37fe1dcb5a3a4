from django.urls import reverse

from exchange.models import Offer
from tests.factories import CompetencyFactory, OfferFactory

OFFER = {
    "kind": "vehicle",
    "title": "Transporter am Wochenende",
    "description": "9 Sitze, Anhängerkupplung",
    "capacity": "nur am Wochenende",
    "is_active": "on",
}


def test_company_adds_an_offer(client, company, company_member):
    competency = CompetencyFactory(name="Personenbeförderung")
    client.force_login(company_member)
    response = client.post(
        reverse("exchange:offer_create", args=[company.pk]),
        {**OFFER, "competencies": [competency.pk]},
    )
    assert response["Location"] == reverse("exchange:offers", args=[company.pk])
    offer = Offer.objects.get()
    assert offer.party == company and offer.capacity == "nur am Wochenende"
    assert list(offer.competencies.all()) == [competency]


def test_offer_with_bad_input_keeps_it(client, company, company_member):
    client.force_login(company_member)
    response = client.post(
        reverse("exchange:offer_create", args=[company.pk]),
        {**OFFER, "title": "", "kind": "rakete"},
    )
    page = response.content.decode()
    assert "Bitte geben Sie dem Angebot einen kurzen Titel." in page
    assert "Bitte eine gültige Auswahl treffen." in page
    assert "9 Sitze, Anhängerkupplung" in page
    assert not Offer.objects.exists()


def test_edit_and_delete_after_confirming(client, company, company_member):
    offer = OfferFactory(party=company, title="Raum")
    client.force_login(company_member)
    client.post(reverse("exchange:offer_edit", args=[offer.pk]), {**OFFER, "title": "Saal"})
    offer.refresh_from_db()
    assert offer.title == "Saal"
    url = reverse("exchange:offer_delete", args=[offer.pk])
    assert "„Saal“ löschen?" in client.get(url).content.decode()
    client.post(url)
    assert not Offer.objects.exists()


def test_offer_permissions(client, company, organisation_member, advisor):
    offer = OfferFactory(party=company)
    client.force_login(organisation_member)
    assert client.get(reverse("exchange:offers", args=[company.pk])).status_code == 404
    assert client.post(reverse("exchange:offer_edit", args=[offer.pk]), OFFER).status_code == 404
    assert client.post(reverse("exchange:offer_delete", args=[offer.pk])).status_code == 404
    client.force_login(advisor)
    assert client.get(reverse("exchange:offers", args=[company.pk])).status_code == 200
    assert client.post(reverse("exchange:offer_delete", args=[offer.pk])).status_code == 403
    assert (
        client.post(reverse("exchange:offer_create", args=[company.pk]), OFFER).status_code == 403
    )
    assert Offer.objects.count() == 1


def test_offer_list_query_budget(client, company, company_member, django_assert_num_queries):
    for _n in range(12):
        OfferFactory(party=company).competencies.add(CompetencyFactory())
    client.force_login(company_member)
    # session, user, party, viewer membership check, editor check, offers, their competencies
    with django_assert_num_queries(8):
        response = client.get(reverse("exchange:offers", args=[company.pk]))
    assert response.content.decode().count('class="card"') == 12
