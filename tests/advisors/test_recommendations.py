import pytest
from django.urls import reverse

from advisors import services
from advisors.models import Recommendation
from audit.models import AuditEntry
from matching import services as matching
from notifications.models import Notification
from tests.advisors.conftest import make_recommendation
from tests.factories import CompanyFactory, NeedFactory, UserFactory


def _recommend_url(need, **params):
    url = reverse("advisors:recommend", args=[need.pk])
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return url


def test_advisor_recommends_with_a_warm_introduction(
    client, roof_need, roofer, advisor, coordinator
):
    client.force_login(advisor)
    page = client.get(_recommend_url(roof_need, candidate=roofer.pk, back="suggestions"))
    assert page.status_code == 200
    assert f'<option value="{roofer.pk}" selected>' in page.content.decode()

    response = client.post(
        _recommend_url(roof_need, candidate=roofer.pk, back="suggestions"),
        {
            "candidate": roofer.pk,
            "note": "kennt den Inhaber, Jugendfußball liegt ihm am Herzen",
            "offers_warm_introduction": "on",
        },
    )
    assert response["Location"] == reverse("matching:need", args=[roof_need.pk])
    recommendation = Recommendation.objects.get()
    assert recommendation.advisor == advisor and recommendation.candidate == roofer
    assert recommendation.offers_warm_introduction and recommendation.is_active

    entry = AuditEntry.objects.for_object(recommendation).get()
    assert entry.action == "recommendation.created" and entry.actor == advisor
    assert entry.message == (
        "Anton Förderkreis empfiehlt „Dachdeckerei Krüger GmbH“ für den Bedarf „Unser Dach ist "
        "undicht“. Bietet eine warme Vorstellung an. Warum: kennt den Inhaber, Jugendfußball "
        "liegt ihm am Herzen"
    )

    note = Notification.objects.get(kind="recommendation")
    assert note.user == coordinator  # the coordination hears of it, the advisor does not
    assert "warme Vorstellung" in note.title and "Dachdeckerei Krüger" in note.title
    assert note.url == recommendation.get_absolute_url()


def test_coordinator_may_recommend_too_and_is_not_told_of_it(
    client, roof_need, roofer, coordinator
):
    client.force_login(coordinator)
    response = client.post(_recommend_url(roof_need), {"candidate": roofer.pk, "note": "Kunde"})
    recommendation = Recommendation.objects.get()
    assert response["Location"] == recommendation.get_absolute_url()
    assert not Notification.objects.exists()


def test_empty_note_is_explained_and_input_kept(client, roof_need, roofer, advisor):
    client.force_login(advisor)
    response = client.post(
        _recommend_url(roof_need),
        {"candidate": roofer.pk, "note": "   ", "offers_warm_introduction": "on"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte schreiben Sie kurz, warum Sie empfehlen." in page
    assert f'<option value="{roofer.pk}" selected>' in page
    assert 'id="id_offers_warm_introduction" checked' in page
    assert not Recommendation.objects.exists() and not AuditEntry.objects.exists()


def test_no_candidate_chosen(client, roof_need, advisor):
    client.force_login(advisor)
    response = client.post(_recommend_url(roof_need), {"candidate": "", "note": "Guter Mann"})
    page = response.content.decode()
    assert "Bitte wählen Sie, wen Sie empfehlen." in page and "Guter Mann" in page
    assert not Recommendation.objects.exists()


def test_duplicate_is_refused_in_plain_words(client, roof_need, roofer, advisor):
    make_recommendation(need=roof_need, candidate=roofer, advisor=advisor)
    client.force_login(advisor)
    response = client.post(
        _recommend_url(roof_need),
        {"candidate": roofer.pk, "note": "Noch einmal, sicher ist sicher"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sie haben „Dachdeckerei Krüger GmbH“ für diesen Bedarf bereits empfohlen." in page
    assert "Noch einmal, sicher ist sicher" in page
    assert Recommendation.objects.count() == 1


def test_service_refuses_a_duplicate_too(roof_need, roofer, advisor):
    services.recommendation_create(need=roof_need, candidate=roofer, advisor=advisor, note="a")
    with pytest.raises(services.AdvisorsError, match="bereits empfohlen"):
        services.recommendation_create(need=roof_need, candidate=roofer, advisor=advisor, note="b")
    assert Recommendation.objects.get().note == "a"


def test_another_advisor_may_recommend_the_same_party(client, roof_need, roofer, advisor):
    make_recommendation(need=roof_need, candidate=roofer, advisor=advisor)
    other = UserFactory(email="berta@foerderkreis.example", name="Berta Beirat", is_advisor=True)
    client.force_login(other)
    client.post(_recommend_url(roof_need), {"candidate": roofer.pk, "note": "Nachbar"})
    assert Recommendation.objects.filter(need=roof_need, candidate=roofer).count() == 2


def test_a_withdrawn_recommendation_comes_back_with_the_new_note(
    client, roof_need, roofer, advisor
):
    old = make_recommendation(need=roof_need, candidate=roofer, advisor=advisor, note="alt")
    services.recommendation_withdraw(recommendation=old, by=advisor)
    client.force_login(advisor)
    client.post(_recommend_url(roof_need), {"candidate": roofer.pk, "note": "doch, neu"})
    old.refresh_from_db()
    assert old.is_active and old.note == "doch, neu"
    actions = list(
        AuditEntry.objects.for_object(old).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["recommendation.withdrawn", "recommendation.renewed"]


def test_the_owner_and_pending_parties_are_not_offered(client, roof_need, roofer, advisor):
    pending = CompanyFactory(name="Noch nicht frei GmbH", status="pending")
    client.force_login(advisor)
    page = client.get(_recommend_url(roof_need)).content.decode()
    assert roofer.name in page
    assert "Noch nicht frei GmbH" not in page
    assert f'<option value="{roof_need.party_id}"' not in page
    response = client.post(
        _recommend_url(roof_need), {"candidate": roof_need.party_id, "note": "selbst"}
    )
    assert "Bitte wählen Sie eine freigegebene Partei aus der Liste." in response.content.decode()
    client.post(_recommend_url(roof_need), {"candidate": pending.pk, "note": "bald"})
    assert not Recommendation.objects.exists()


def test_search_by_name_narrows_the_list(client, roof_need, roofer, far_roofer, advisor):
    client.force_login(advisor)
    page = client.get(_recommend_url(roof_need, q="noack")).content.decode()
    assert "Bedachungen Noack" in page and "Dachdeckerei Krüger" not in page
    response = client.post(
        _recommend_url(roof_need, q="noack"), {"candidate": far_roofer.pk, "note": "Schwager"}
    )
    assert response.status_code == 302


def test_a_party_outside_the_suggestions_can_be_recommended(
    client, roof_need, roofer, advisor, coordinator
):
    baker = CompanyFactory(name="Bäckerei Rauch")
    matching.suggestions_rebuild()
    client.force_login(advisor)
    client.post(_recommend_url(roof_need), {"candidate": baker.pk, "note": "hat einen Hubsteiger"})
    client.force_login(coordinator)
    page = client.get(reverse("matching:need", args=[roof_need.pk])).content.decode()
    assert "Weitere Empfehlungen aus dem Förderkreis" in page
    assert "Bäckerei Rauch" in page and "hat einen Hubsteiger" in page


def test_closed_need_takes_no_recommendation(client, roof_need, roofer, advisor):
    roof_need.status = "met"
    roof_need.save()
    client.force_login(advisor)
    response = client.get(_recommend_url(roof_need), follow=True)
    assert "Dieser Bedarf ist nicht offen" in response.content.decode()
    with pytest.raises(services.AdvisorsError, match="nicht offen"):
        services.recommendation_create(need=roof_need, candidate=roofer, advisor=advisor, note="x")


def test_need_page_lists_recommendations_and_the_coordinator_may_introduce(
    client, roof_need, roofer, advisor, coordinator, organisation_member
):
    recommendation = make_recommendation(
        need=roof_need, candidate=roofer, advisor=advisor, note="kennt den Inhaber", warm=True
    )
    introduce = (
        f"{reverse('patronships:introduction_propose')}?need={roof_need.pk}&amp;"
        f"candidate={roofer.pk}&amp;recommendation={recommendation.pk}"
    )
    for url in (
        reverse("advisors:need_recommendations", args=[roof_need.pk]),
        reverse("exchange:need_detail", args=[roof_need.pk]),
        recommendation.get_absolute_url(),
        reverse("advisors:recommendations"),
    ):
        client.force_login(coordinator)
        page = client.get(url).content.decode()
        assert "kennt den Inhaber" in page and "warme Vorstellung angeboten" in page, url
        assert introduce in page, url
        assert "Vorstellung mit Anton Förderkreis starten" in page, url
        client.force_login(advisor)
        page = client.get(url).content.decode()
        assert "kennt den Inhaber" in page and introduce not in page, url
    # The organisation behind the need never learns who the Förderkreis recommended.
    client.force_login(organisation_member)
    page = client.get(reverse("exchange:need_detail", args=[roof_need.pk])).content.decode()
    assert "kennt den Inhaber" not in page and "Förderkreis" not in page


def test_warm_filter_on_all_recommendations(
    client, roof_need, roofer, far_roofer, coordinator, advisor
):
    make_recommendation(need=roof_need, candidate=roofer, advisor=advisor, note="warm", warm=True)
    make_recommendation(need=roof_need, candidate=far_roofer, advisor=advisor, note="kalt")
    client.force_login(coordinator)
    page = client.get(reverse("advisors:recommendations") + "?warm=on").content.decode()
    assert "Dachdeckerei Krüger" in page and "Bedachungen Noack" not in page


def test_author_edits_and_withdraws(client, roof_need, roofer, advisor):
    recommendation = make_recommendation(need=roof_need, candidate=roofer, advisor=advisor)
    client.force_login(advisor)
    url = reverse("advisors:recommendation_edit", args=[recommendation.pk])
    response = client.post(url, {"note": ""})
    assert "Bitte schreiben Sie kurz, warum Sie empfehlen." in response.content.decode()
    client.post(url, {"note": "kennt die Inhaberin", "offers_warm_introduction": "on"})
    recommendation.refresh_from_db()
    assert recommendation.note == "kennt die Inhaberin"
    assert recommendation.offers_warm_introduction
    change = AuditEntry.objects.for_object(recommendation).get(action="recommendation.changed")
    assert change.changes["note"] == ["kennt den Inhaber", "kennt die Inhaberin"]

    withdraw = reverse("advisors:recommendation_withdraw", args=[recommendation.pk])
    assert client.get(withdraw).status_code == 405
    client.post(withdraw)
    recommendation.refresh_from_db()
    assert not recommendation.is_active
    assert (
        AuditEntry.objects.for_object(recommendation)
        .filter(action="recommendation.withdrawn", actor=advisor)
        .exists()
    )
    page = client.get(reverse("advisors:mine")).content.decode()
    assert "zurückgezogen" in page


def test_only_the_author_changes_a_recommendation(client, roof_need, roofer, advisor, coordinator):
    recommendation = make_recommendation(need=roof_need, candidate=roofer, advisor=advisor)
    other = UserFactory(email="berta@foerderkreis.example", is_advisor=True)
    for user in (other, coordinator):
        client.force_login(user)
        assert client.get(recommendation.get_absolute_url()).status_code == 200
        edit = reverse("advisors:recommendation_edit", args=[recommendation.pk])
        assert client.get(edit).status_code == 403
        assert client.post(edit, {"note": "fremd"}).status_code == 403
        withdraw = reverse("advisors:recommendation_withdraw", args=[recommendation.pk])
        assert client.post(withdraw).status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.is_active and recommendation.note == "kennt den Inhaber"


def test_mine_query_budget(client, advisor, organisation, roofer, django_assert_num_queries):
    def grow(n):
        for i in range(n):
            need = NeedFactory(party=organisation, title=f"Bedarf {i}")
            make_recommendation(need=need, candidate=roofer, advisor=advisor)

    client.force_login(advisor)
    grow(2)
    # session, user, unread notifications (header), count, the page (need, owner,
    # candidate, advisor, rank), my networks
    with django_assert_num_queries(6):
        assert client.get(reverse("advisors:mine")).status_code == 200
    grow(20)
    with django_assert_num_queries(6):
        client.get(reverse("advisors:mine"))


def test_all_recommendations_query_budget(
    client, coordinator, advisor, organisation, roofer, django_assert_num_queries
):
    client.force_login(coordinator)
    for i in range(25):
        need = NeedFactory(party=organisation, title=f"Bedarf {i}")
        make_recommendation(need=need, candidate=roofer, advisor=advisor, warm=i % 2 == 0)
    # session, user, unread notifications (header), count, the page with need, owner,
    # candidate, advisor and rank
    with django_assert_num_queries(5):
        assert client.get(reverse("advisors:recommendations")).status_code == 200


def test_need_recommendations_query_budget(
    client, coordinator, roof_need, django_assert_num_queries
):
    client.force_login(coordinator)
    for i in range(12):
        party = CompanyFactory(name=f"Firma {i}")
        make_recommendation(
            need=roof_need, candidate=party, advisor=UserFactory(is_advisor=True), warm=True
        )
    # session, user, unread notifications (header), the need with its owner, its
    # recommendations with candidate, advisor and rank
    with django_assert_num_queries(5):
        assert (
            client.get(reverse("advisors:need_recommendations", args=[roof_need.pk])).status_code
            == 200
        )
