"""The audit log: coordinator decisions and changes are recorded and readable per object."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from audit.services import audit_record, field_changes
from exchange import services as exchange
from matching import services as matching
from parties import services as parties
from parties.models import PartyStatus
from tests.factories import CompanyFactory, NeedFactory


def test_record_keeps_who_what_and_changes(coordinator, company):
    entry = audit_record(
        company, action="party.x", by=coordinator, message="Etwas", changes={"a": [1, None]}
    )
    assert entry.actor == coordinator and entry.object_repr == company.name
    assert AuditEntry.objects.for_object(company).get().changes == {"a": [1, None]}


def test_field_changes_lists_only_differences():
    assert field_changes({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": [2, 3]}


def test_coordinator_decisions_are_recorded(coordinator, organisation):
    pending = CompanyFactory(status=PartyStatus.PENDING)
    parties.party_approve(party=pending, by=coordinator)
    need = NeedFactory(party=organisation)
    exchange.need_update(need=need, by=coordinator, title="Neuer Titel")
    matching.pair_exclude(need=need, candidate=pending, by=coordinator, reason="zu weit")
    assert AuditEntry.objects.for_object(pending).get().action == "party.approved"
    actions = list(AuditEntry.objects.for_object(need).values_list("action", flat=True))
    assert actions == ["matching.excluded", "need.changed"]
    changed = AuditEntry.objects.for_object(need).get(action="need.changed")
    assert changed.changes["title"][1] == "Neuer Titel"


def test_a_merged_partys_history_moves_to_the_kept_one(coordinator):
    keep, duplicate = CompanyFactory(), CompanyFactory()
    audit_record(duplicate, action="party.approved", by=coordinator, message="frei")
    parties.party_merge(keep=keep, duplicate=duplicate, by=coordinator)
    actions = set(AuditEntry.objects.for_object(keep).values_list("action", flat=True))
    assert actions == {"party.approved", "party.merged"}


@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 200), ("advisor", 200), ("company_member", 404), ("outsider", 404)],
)
def test_object_log_is_for_the_pipeline(client, request, persona, status, organisation):
    need = NeedFactory(party=organisation)
    exchange.need_update(need=need, by=None, title="Geändert")
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("audit:object", args=["exchange.need", need.pk]))
    assert response.status_code == status
    if status == 200:
        assert "Bedarf geändert" in response.content.decode()


def test_object_log_refuses_unknown_objects(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("audit:object", args=["accounts.user", 1])).status_code == 404
    assert client.get(reverse("audit:object", args=["no.such", 1])).status_code == 404
    assert client.get(reverse("audit:object", args=["exchange.need", 999])).status_code == 404


def test_object_log_query_count_is_constant(
    client, coordinator, organisation, django_assert_max_num_queries
):
    need = NeedFactory(party=organisation)
    client.force_login(coordinator)
    url = reverse("audit:object", args=["exchange.need", need.pk])
    for count in (2, 40):
        while AuditEntry.objects.for_object(need).count() < count:
            audit_record(need, action="x", by=coordinator, message="m")
        with django_assert_max_num_queries(7):
            assert client.get(url).status_code == 200
