import pytest
from django.core import mail
from django.urls import reverse

from parties.models import Invitation, Membership, MembershipRole
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def editor(company):
    user = UserFactory(email="eva@krueger.example", name="Eva Editor")
    MembershipFactory(user=user, party=company, role=MembershipRole.EDITOR)
    return user


def test_admin_invites_a_colleague(
    client, company, company_member, django_capture_on_commit_callbacks
):
    client.force_login(company_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("parties:member_invite", args=[company.pk]),
            {"email": "Neu@Krueger.example", "role": "editor"},
        )
    assert response["Location"] == reverse("parties:members", args=[company.pk])
    invitation = Invitation.objects.get()
    assert invitation.email == "neu@krueger.example" and invitation.role == "editor"
    assert mail.outbox[0].to == ["neu@krueger.example"]


def test_invite_with_bad_address_keeps_the_input(client, company, company_member):
    client.force_login(company_member)
    response = client.post(
        reverse("parties:member_invite", args=[company.pk]),
        {"email": "neu-at-krueger", "role": "editor"},
    )
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.content.decode()
    assert 'value="neu-at-krueger"' in response.content.decode()
    assert not Invitation.objects.exists()


def test_editor_may_not_invite_or_remove(client, company, company_member, editor):
    client.force_login(editor)
    assert client.get(reverse("parties:members", args=[company.pk])).status_code == 200
    assert (
        client.post(
            reverse("parties:member_invite", args=[company.pk]),
            {"email": "x@y.example", "role": "admin"},
        ).status_code
        == 403
    )
    admin_membership = Membership.objects.get(user=company_member)
    url = reverse("parties:member_remove", args=[company.pk, admin_membership.pk])
    assert client.post(url).status_code == 403
    assert Membership.objects.filter(pk=admin_membership.pk).exists()


def test_members_page_is_hidden_from_other_parties(client, company, organisation_member):
    client.force_login(organisation_member)
    assert client.get(reverse("parties:members", args=[company.pk])).status_code == 404


def test_the_last_admin_cannot_leave(client, company, company_member):
    client.force_login(company_member)
    url = reverse("parties:leave", args=[company.pk])
    assert "austreten?" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "Die letzte Person mit Verwaltungsrecht kann nicht austreten." in (
        response.content.decode()
    )
    assert Membership.objects.filter(user=company_member, party=company).exists()


def test_the_last_admin_cannot_give_up_the_role(client, company, company_member):
    membership = Membership.objects.get(user=company_member)
    client.force_login(company_member)
    client.post(
        reverse("parties:member_role", args=[company.pk, membership.pk]), {"role": "editor"}
    )
    membership.refresh_from_db()
    assert membership.is_admin


def test_editor_leaves_after_confirming(client, company, editor):
    client.force_login(editor)
    response = client.post(reverse("parties:leave", args=[company.pk]))
    assert response["Location"] == reverse("accounts:home")
    assert not Membership.objects.filter(user=editor).exists()


def test_admin_promotes_then_steps_down(client, company, company_member, editor):
    client.force_login(company_member)
    editor_membership = Membership.objects.get(user=editor)
    own = Membership.objects.get(user=company_member)
    client.post(
        reverse("parties:member_role", args=[company.pk, editor_membership.pk]), {"role": "admin"}
    )
    client.post(reverse("parties:member_role", args=[company.pk, own.pk]), {"role": "editor"})
    editor_membership.refresh_from_db()
    own.refresh_from_db()
    assert editor_membership.is_admin and not own.is_admin


def test_admin_removes_a_member_after_confirming(client, company, company_member, editor):
    client.force_login(company_member)
    membership = Membership.objects.get(user=editor)
    url = reverse("parties:member_remove", args=[company.pk, membership.pk])
    assert "entfernen?" in client.get(url).content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.post(url)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_members_list_query_budget(client, company, company_member, django_assert_num_queries):
    for _n in range(10):
        MembershipFactory(party=company, role="editor")
    client.force_login(company_member)
    # session, user, party, membership check (viewer), admin check, memberships with
    # users, open invitations
    with django_assert_num_queries(8):
        response = client.get(reverse("parties:members", args=[company.pk]))
    assert response.content.decode().count("<tr>") == 12
