import pytest
from django.core import mail
from django.urls import reverse

from parties.models import Party, PartyStatus
from tests.factories import CompanyFactory, MembershipFactory, OrganisationFactory, UserFactory


@pytest.fixture
def pending(db):
    party = CompanyFactory(name="Elektro Lehmann", status=PartyStatus.PENDING)
    MembershipFactory(party=party, user=UserFactory(email="lehmann@example.org"))
    return party


def test_review_lists_pending_parties_within_a_query_budget(
    client, coordinator, django_assert_num_queries
):
    for n in range(30):
        CompanyFactory(name=f"Wartend {n:02}", status=PartyStatus.PENDING, created_by=UserFactory())
    CompanyFactory(name="Schon frei", status=PartyStatus.APPROVED)
    client.force_login(coordinator)
    # session, user, count for the paginator, the page of parties with municipality and
    # creator joined in one query.
    with django_assert_num_queries(5):
        response = client.get(reverse("parties:review"))
    page = response.content.decode()
    assert "Wartend 00" in page and "Wartend 24" in page
    assert "Wartend 25" not in page  # 25 a page
    assert "Schon frei" not in page


def test_advisor_sees_the_review_list_read_only(client, advisor, pending):
    client.force_login(advisor)
    page = client.get(reverse("parties:review")).content.decode()
    assert "Elektro Lehmann" in page
    assert "Freigeben</button>" not in page


def test_review_is_hidden_from_parties(client, company_member):
    client.force_login(company_member)
    assert client.get(reverse("parties:review")).status_code == 404


def test_coordinator_approves_and_the_members_are_told(
    client, coordinator, pending, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("parties:approve", args=[pending.pk]))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == PartyStatus.APPROVED
    assert pending.reviewed_by == coordinator
    assert [m.to for m in mail.outbox] == [["lehmann@example.org"]]
    assert "freigegeben" in mail.outbox[0].subject


def test_approving_twice_says_so(client, coordinator, pending):
    client.force_login(coordinator)
    client.post(reverse("parties:approve", args=[pending.pk]))
    response = client.post(reverse("parties:approve", args=[pending.pk]), follow=True)
    assert "Diese Registrierung ist bereits freigegeben." in response.content.decode()


def test_approve_permissions(client, advisor, company_member, pending):
    url = reverse("parties:approve", args=[pending.pk])
    assert client.post(url).status_code == 302  # anonymous: to the login page
    client.force_login(company_member)
    assert client.post(url).status_code == 404
    client.force_login(advisor)
    assert client.post(url).status_code == 403
    pending.refresh_from_db()
    assert pending.status == PartyStatus.PENDING


def test_approve_is_post_only(client, coordinator, pending):
    client.force_login(coordinator)
    assert client.get(reverse("parties:approve", args=[pending.pk])).status_code == 405


def test_reject_asks_for_a_reason_first(client, coordinator, pending):
    client.force_login(coordinator)
    url = reverse("parties:reject", args=[pending.pk])
    page = client.get(url).content.decode()
    assert "„Elektro Lehmann“ ablehnen?" in page
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "Bitte geben Sie eine Begründung an." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == PartyStatus.PENDING


def test_reject_records_the_reason_and_tells_the_members(
    client, coordinator, pending, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("parties:reject", args=[pending.pk]), {"reason": "Kein Sitz in der Lausitz."}
        )
    pending.refresh_from_db()
    assert pending.status == PartyStatus.REJECTED
    assert pending.review_note == "Kein Sitz in der Lausitz."
    assert "Kein Sitz in der Lausitz." in mail.outbox[0].body


def test_reject_permissions(client, advisor, organisation_member, pending):
    url = reverse("parties:reject", args=[pending.pk])
    client.force_login(organisation_member)
    assert client.post(url, {"reason": "x"}).status_code == 404
    client.force_login(advisor)
    assert client.post(url, {"reason": "x"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == PartyStatus.PENDING


def test_detail_permissions(
    client, company, company_member, organisation_member, advisor, coordinator
):
    url = reverse("parties:detail", args=[company.pk])
    client.force_login(company_member)
    assert client.get(url).status_code == 200
    client.force_login(organisation_member)
    assert client.get(url).status_code == 404
    for user in (advisor, coordinator):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_unknown_party_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("parties:detail", args=[99999])).status_code == 404


def test_pending_parties_do_not_appear_in_public_figures(client, db):
    OrganisationFactory(status=PartyStatus.PENDING, name="Geheimer Verein")
    page = client.get("/").content.decode()
    assert "Geheimer Verein" not in page
    assert Party.objects.approved().count() == 0
