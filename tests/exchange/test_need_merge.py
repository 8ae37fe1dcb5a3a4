from django.urls import reverse

from exchange.models import Interest, Need, NeedChange
from tests.factories import CompanyFactory, NeedFactory, PatronshipFactory, TopicFactory


def test_coordinator_merges_a_duplicate_need(client, coordinator, organisation):
    keep = NeedFactory(party=organisation, title="Vereinswebseite")
    duplicate = NeedFactory(party=organisation, title="Homepage für den Verein", ref="x-1")
    duplicate.topics.add(TopicFactory(name="Sport"))
    helper = CompanyFactory()
    Interest.objects.create(need=duplicate, party=helper, message="Wir bauen Webseiten")
    patronship = PatronshipFactory(recipient=organisation, need=duplicate)
    NeedChange.objects.create(need=duplicate, by=coordinator, fields={"title": ["a", "b"]})

    client.force_login(coordinator)
    url = reverse("exchange:need_merge", args=[keep.pk])
    preview = client.post(url, {"duplicate": duplicate.pk})
    assert "übernehmen?" in preview.content.decode()
    assert Need.objects.filter(pk=duplicate.pk).exists()
    client.post(reverse("exchange:need_merge_confirm", args=[keep.pk]), {"duplicate": duplicate.pk})

    assert not Need.objects.filter(pk=duplicate.pk).exists()
    keep.refresh_from_db()
    patronship.refresh_from_db()
    assert keep.ref == "x-1" and patronship.need == keep
    assert keep.interests.get().party == helper
    assert [t.name for t in keep.topics.all()] == ["Sport"]
    assert keep.changes.count() == 2
    merged = keep.changes.filter(fields__has_key="zusammengeführt").get()
    assert merged.fields["duplikat"]["title"] == "Homepage für den Verein"


def test_only_needs_of_the_same_party_can_be_merged(client, coordinator, organisation):
    keep = NeedFactory(party=organisation)
    foreign = NeedFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("exchange:need_merge_confirm", args=[keep.pk]), {"duplicate": foreign.pk}
    )
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert Need.objects.filter(pk=foreign.pk).exists()


def test_need_merge_permissions(client, advisor, organisation, organisation_member):
    keep, duplicate = NeedFactory(party=organisation), NeedFactory(party=organisation)
    url = reverse("exchange:need_merge_confirm", args=[keep.pk])
    client.force_login(organisation_member)
    assert client.post(url, {"duplicate": duplicate.pk}).status_code == 404
    client.force_login(advisor)
    assert client.post(url, {"duplicate": duplicate.pk}).status_code == 403
    assert client.get(url).status_code == 403
    assert Need.objects.count() == 2
