from django.urls import reverse

from exchange.models import Interest
from parties.models import Membership, Party, PartyCompetency, PartyMerge
from tests.factories import (
    CompanyFactory,
    CompetencyFactory,
    MembershipFactory,
    NeedFactory,
    OfferFactory,
    OrganisationFactory,
    PatronshipFactory,
    SealFactory,
    UserFactory,
)


def test_merge_moves_everything_and_keeps_a_record(client, coordinator, company, company_member):
    duplicate = CompanyFactory(
        name="Dachdeckerei Krueger", website="https://krueger.example", ref="alt-17"
    )
    MembershipFactory(party=duplicate, user=company_member, role="editor")  # same person
    other = UserFactory(email="geselle@krueger.example")
    MembershipFactory(party=duplicate, user=other, role="editor")
    roof = CompetencyFactory(name="Dachdeckerei")
    PartyCompetency.objects.create(party=company, competency=roof, rating=2)
    PartyCompetency.objects.create(party=duplicate, competency=roof, rating=3)
    offer = OfferFactory(party=duplicate)
    need = NeedFactory()
    Interest.objects.create(need=need, party=company, message="a")
    Interest.objects.create(need=need, party=duplicate, message="b")
    patronship = PatronshipFactory(sponsor=duplicate)
    seal = SealFactory(patronship=patronship, holder=duplicate)

    client.force_login(coordinator)
    preview = client.post(reverse("parties:merge"), {"keep": company.pk, "duplicate": duplicate.pk})
    assert "„Dachdeckerei Krueger“ in „Dachdeckerei Krüger GmbH“ übernehmen?" in (
        preview.content.decode()
    )
    assert Party.objects.filter(pk=duplicate.pk).exists()  # nothing written yet

    response = client.post(
        reverse("parties:merge_confirm"), {"keep": company.pk, "duplicate": duplicate.pk}
    )
    assert response["Location"] == company.get_absolute_url()
    assert not Party.objects.filter(pk=duplicate.pk).exists()
    company.refresh_from_db()
    assert company.website == "https://krueger.example" and company.ref == "alt-17"
    assert set(Membership.objects.filter(party=company).values_list("user__email", flat=True)) == {
        company_member.email,
        other.email,
    }
    assert company.party_competencies.get().rating == 3
    offer.refresh_from_db()
    patronship.refresh_from_db()
    seal.refresh_from_db()
    assert offer.party == company and patronship.sponsor == company and seal.holder == company
    assert Interest.objects.filter(need=need).count() == 1
    record = PartyMerge.objects.get()
    assert record.merged_name == "Dachdeckerei Krueger" and record.by == coordinator
    assert record.snapshot["website"] == "https://krueger.example"


def test_merge_refuses_different_kinds_and_the_same_party(
    client, coordinator, company, organisation
):
    client.force_login(coordinator)
    response = client.post(
        reverse("parties:merge"), {"keep": company.pk, "duplicate": organisation.pk}
    )
    assert "lassen sich nicht zusammenführen" in response.content.decode()
    response = client.post(
        reverse("parties:merge_confirm"), {"keep": company.pk, "duplicate": company.pk}
    )
    assert "zwei verschiedene Einträge" in response.content.decode()
    assert Party.objects.count() == 2


def test_merge_refuses_partners_of_one_patronship(client, coordinator):
    a, b = OrganisationFactory(), OrganisationFactory()
    PatronshipFactory(sponsor=a, recipient=b)
    client.force_login(coordinator)
    response = client.post(reverse("parties:merge_confirm"), {"keep": a.pk, "duplicate": b.pk})
    assert "Patenschaft miteinander" in response.content.decode()
    assert Party.objects.count() == 2


def test_merge_permissions(client, advisor, company_member, company):
    duplicate = CompanyFactory()
    data = {"keep": company.pk, "duplicate": duplicate.pk}
    client.force_login(company_member)
    assert client.post(reverse("parties:merge_confirm"), data).status_code == 404
    client.force_login(advisor)
    assert client.post(reverse("parties:merge_confirm"), data).status_code == 403
    assert client.get(reverse("parties:merge_confirm")).status_code == 403
    assert Party.objects.filter(pk=duplicate.pk).exists()


def test_merge_confirm_is_post_only(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("parties:merge_confirm")).status_code == 405
