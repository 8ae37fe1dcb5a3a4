"""The coordinator's pages (list, issue, revoke) and the holder's (own seals, media kit)."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from patronships.models import PatronshipStatus
from seals import services
from seals.models import Seal, SealState
from tests.factories import CompanyFactory, PatronshipFactory, SealFactory

DAY = datetime.timedelta(days=1)


# --- list ---------------------------------------------------------------------------------


def test_list_for_the_coordinator_with_state_filter(client, coordinator, seal, make_seal):
    expired = make_seal(-400, -1)
    revoked = make_seal(-10, 100, revoked_at=timezone.now())
    client.force_login(coordinator)
    url = reverse("seals:list")

    page = client.get(url).content.decode()
    for s in (seal, expired, revoked):
        assert s.holder.name in page

    page = client.get(url, {"state": "valid"}).content.decode()
    assert seal.holder.name in page and expired.holder.name not in page
    page = client.get(url, {"state": "expired"}).content.decode()
    assert expired.holder.name in page and seal.holder.name not in page
    page = client.get(url, {"state": "revoked"}).content.decode()
    assert revoked.holder.name in page and seal.holder.name not in page
    page = client.get(url, {"q": "Krüger"}).content.decode()
    assert seal.holder.name in page and expired.holder.name not in page


def test_list_shows_seals_running_out_soon(client, coordinator, make_seal):
    soon = make_seal(-300, 20)
    later = make_seal(-30, 300)
    client.force_login(coordinator)
    page = client.get(reverse("seals:list"), {"state": "expiring"}).content.decode()
    assert soon.holder.name in page and later.holder.name not in page


def test_list_ignores_a_bad_filter_value(client, coordinator, seal):
    client.force_login(coordinator)
    response = client.get(reverse("seals:list"), {"state": "kaputt"})
    assert response.status_code == 200
    assert seal.holder.name in response.content.decode()


@pytest.mark.parametrize("count", [3, 12])
def test_list_query_budget(client, coordinator, count, django_assert_num_queries):
    for _ in range(count):
        SealFactory()
    client.force_login(coordinator)
    # session, user, count, one page of seals with holder and patronship joined, and the
    # header's unread-notification count
    with django_assert_num_queries(5):
        response = client.get(reverse("seals:list"))
    assert response.content.decode().count("/widerrufen/") == count


def test_list_permissions(client, advisor, outsider, company_member):
    url = reverse("seals:list")
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(advisor)
    assert client.get(url).status_code == 403
    for user in (outsider, company_member):
        client.force_login(user)
        assert client.get(url).status_code == 404


# --- issue --------------------------------------------------------------------------------


def test_issue_page_and_post(client, coordinator, patronship):
    url = reverse("seals:issue", args=[patronship.pk])
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert "Siegel ausstellen" in page and "Noch keine Siegel ausgestellt" in page
    assert 'name="holders"' in page and "checked" in page

    response = client.post(url, {"holders": [patronship.sponsor_id, patronship.recipient_id]})
    assert response.status_code == 302 and response["Location"] == url
    assert Seal.objects.filter(patronship=patronship).count() == 2

    page = client.get(url).content.decode()
    assert "Beide Partner haben ein gültiges Siegel" in page
    assert "Siegel ausgestellt für Dachdeckerei Krüger GmbH, SV Jugendfußball" in page


def test_issue_without_a_choice_keeps_the_page_and_saves_nothing(client, coordinator, patronship):
    client.force_login(coordinator)
    response = client.post(reverse("seals:issue", args=[patronship.pk]), {})
    assert response.status_code == 400
    assert "Bitte wählen Sie mindestens einen Partner." in response.content.decode()
    assert not Seal.objects.exists()


def test_issue_for_a_patronship_that_is_not_active(client, coordinator, patronship):
    patronship.status = PatronshipStatus.AGREED
    patronship.save()
    client.force_login(coordinator)
    url = reverse("seals:issue", args=[patronship.pk])
    page = client.get(url).content.decode()
    assert "nur für laufende Patenschaften" in page and 'name="holders"' not in page
    response = client.post(url, {"holders": [patronship.sponsor_id]})
    assert response.status_code == 400
    assert "nur für laufende Patenschaften" in response.content.decode()
    assert not Seal.objects.exists()


def test_issue_refusal_from_the_service_is_shown(client, coordinator, patronship):
    patronship.end_date = None
    patronship.save()
    client.force_login(coordinator)
    response = client.post(
        reverse("seals:issue", args=[patronship.pk]), {"holders": [patronship.sponsor_id]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "keine Laufzeit vereinbart" in page
    assert f'value="{patronship.sponsor_id}"' in page and "checked" in page  # input kept
    assert not Seal.objects.exists()


def test_issue_permissions(client, patronship, advisor, outsider, company_member):
    url = reverse("seals:issue", args=[patronship.pk])
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(advisor)
    assert client.get(url).status_code == 403
    assert client.post(url, {"holders": [patronship.sponsor_id]}).status_code == 403
    for user in (outsider, company_member):
        client.force_login(user)
        assert client.post(url, {"holders": [patronship.sponsor_id]}).status_code == 404
    assert not Seal.objects.exists()


def test_issue_unknown_patronship(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("seals:issue", args=[999999])).status_code == 404


# --- revoke -------------------------------------------------------------------------------


def test_revoke_page_and_post(client, coordinator, seal):
    url = reverse("seals:revoke", args=[seal.pk])
    client.force_login(coordinator)
    assert "Grund des Widerrufs" in client.get(url).content.decode()
    response = client.post(url, {"reason": "Zusage nicht eingehalten"})
    assert response.status_code == 302
    assert response["Location"] == reverse("seals:issue", args=[seal.patronship_id])
    seal.refresh_from_db()
    assert seal.state == SealState.REVOKED and seal.revoked_reason == "Zusage nicht eingehalten"
    assert "bereits seit dem" in client.get(url).content.decode()


def test_revoke_needs_a_reason(client, coordinator, seal):
    client.force_login(coordinator)
    response = client.post(reverse("seals:revoke", args=[seal.pk]), {"reason": ""})
    assert response.status_code == 400
    assert "Bitte geben Sie einen Grund für den Widerruf an." in response.content.decode()
    seal.refresh_from_db()
    assert seal.revoked_at is None


def test_revoke_whitespace_reason_is_refused_and_kept(client, coordinator, seal):
    client.force_login(coordinator)
    response = client.post(reverse("seals:revoke", args=[seal.pk]), {"reason": "x" * 2001})
    assert response.status_code == 400
    assert "x" * 2001 in response.content.decode()
    seal.refresh_from_db()
    assert seal.revoked_at is None


def test_revoke_permissions(client, seal, advisor, outsider, company_member):
    url = reverse("seals:revoke", args=[seal.pk])
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(advisor)
    assert client.post(url, {"reason": "x"}).status_code == 403
    for user in (outsider, company_member):
        client.force_login(user)
        assert client.post(url, {"reason": "x"}).status_code == 404
    seal.refresh_from_db()
    assert seal.revoked_at is None


# --- the holder's page ----------------------------------------------------------------------


def test_holder_sees_own_seals_with_snippet(client, company_member, seal, company):
    client.force_login(company_member)
    response = client.get(reverse("seals:party", args=[company.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Neues Dach für das Vereinsheim" in page
    image = f"http://127.0.0.1:8000/siegel/{seal.code}/siegel-240.png"
    verify = f"http://127.0.0.1:8000/siegel/pruefen/{seal.code}/"
    # The snippet, escaped for the textarea: image with alt text, link to the verification.
    assert f"&lt;a href=&quot;{verify}&quot;" in page
    assert f"&lt;img src=&quot;{image}&quot;" in page
    assert "width=&quot;240&quot; height=&quot;300&quot;" in page
    assert "alt=&quot;Lausitzer Sozialpate" in page
    assert reverse("seals:kit", args=[seal.pk]) in page
    assert '<option value="240" selected>' in page


def test_holder_chooses_the_snippet_size(client, company_member, seal, company):
    client.force_login(company_member)
    page = client.get(reverse("seals:party", args=[company.pk]), {"groesse": "480"})
    page = page.content.decode()
    assert "siegel-480.png&quot; width=&quot;480&quot; height=&quot;600&quot;" in page
    bad = client.get(reverse("seals:party", args=[company.pk]), {"groesse": "999"})
    assert bad.status_code == 200 and "siegel-240.png" in bad.content.decode()


def test_holder_sees_revoked_seal_without_snippet(client, company_member, seal, coordinator):
    services.seal_revoke(seal=seal, reason="Zusage nicht eingehalten", by=coordinator)
    client.force_login(company_member)
    page = client.get(reverse("seals:party", args=[seal.holder_id])).content.decode()
    assert "widerrufen" in page and "Zusage nicht eingehalten" in page
    assert "&lt;img" not in page
    assert reverse("seals:kit", args=[seal.pk]) not in page


def test_snippet_escapes_names_and_survives_the_textarea(client, company_member, company):
    company.name = 'Bau & Söhne "</textarea><script>alert(1)</script>'
    company.save()
    seal = SealFactory(patronship=PatronshipFactory(sponsor=company), holder=company)
    client.force_login(company_member)
    page = client.get(reverse("seals:party", args=[company.pk])).content.decode()
    assert "<script>alert(1)" not in page
    # Shown in the field exactly as the HTML to paste: the name escaped once inside it.
    alt = f"alt=&quot;Lausitzer Sozialpate {seal.year}: Bau &amp;amp; Söhne &amp;quot;&amp;lt;/"
    assert alt in page


def test_holder_page_without_seals(client, organisation_member, organisation):
    client.force_login(organisation_member)
    page = client.get(reverse("seals:party", args=[organisation.pk])).content.decode()
    assert "Noch keine Siegel" in page


def test_holder_page_permissions(client, company, seal, outsider, organisation_member, advisor):
    url = reverse("seals:party", args=[company.pk])
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    for user in (outsider, organisation_member):  # the partner's members see their own only
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(advisor)  # the Förderkreis reads along
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 5])
def test_holder_page_query_budget(
    client, company_member, company, count, django_assert_num_queries
):
    for _ in range(count):
        SealFactory(patronship=PatronshipFactory(sponsor=company), holder=company)
    client.force_login(company_member)
    # session, user, party, membership, seals with patronships and partners, their topics,
    # and the header's unread-notification count
    with django_assert_num_queries(7):
        response = client.get(reverse("seals:party", args=[company.pk]))
    assert response.content.decode().count("medienpaket.zip") == count


# --- media kit ----------------------------------------------------------------------------


def test_media_kit(client, company_member, seal):
    client.force_login(company_member)
    response = client.get(reverse("seals:kit", args=[seal.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    name = f"siegel-dachdeckerei-kruger-gmbh-{seal.year}"
    assert response["Content-Disposition"] == f'attachment; filename="{name}.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == sorted(
        f"{name}/{file}"
        for file in (
            "Anleitung.html",
            "einbinden.txt",
            "siegel-120.png",
            "siegel-240.png",
            "siegel-480.png",
            "siegel-druck.png",
            "siegel-druck.svg",
            "siegel.svg",
        )
    )
    guide = archive.read(f"{name}/Anleitung.html").decode()
    assert "Die Regeln in Kürze" in guide and seal.code in guide
    assert "&lt;img src=&quot;http://127.0.0.1:8000/siegel/" in guide  # shown as code
    assert '<img src="http' not in guide  # the guide itself loads nothing from outside
    snippet = archive.read(f"{name}/einbinden.txt").decode()
    assert snippet.count("<img src=") == 3 and f"/siegel/pruefen/{seal.code}/" in snippet
    png = archive.read(f"{name}/siegel-240.png")
    assert png == client.get(reverse("seals:image", args=[seal.code, "siegel-240.png"])).content
    # The same seal on the same day: the same bytes.
    assert client.get(reverse("seals:kit", args=[seal.pk])).content == response.content


def test_no_media_kit_for_a_seal_that_is_not_valid(client, company_member, seal, coordinator):
    services.seal_revoke(seal=seal, reason="Fehler", by=coordinator)
    client.force_login(company_member)
    response = client.get(reverse("seals:kit", args=[seal.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("seals:party", args=[seal.holder_id])
    assert "kein Medienpaket" in response.content.decode()


def test_media_kit_permissions(client, seal, outsider, organisation_member):
    url = reverse("seals:kit", args=[seal.pk])
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    for user in (outsider, organisation_member):
        client.force_login(user)
        assert client.get(url).status_code == 404
    assert client.post(url).status_code == 405


def test_admin_corrections_show_at_once(client, seal, today):
    from tests.factories import UserFactory

    admin = UserFactory(email="admin@sozialpaten.example", is_staff=True, is_superuser=True)
    client.force_login(admin)
    verify = reverse("seals:verify_json", args=[seal.code])
    assert client.get(verify).json()["valid_until"] == seal.valid_until.isoformat()  # cached
    new_end = today + 10 * DAY
    response = client.post(
        reverse("admin:seals_seal_change", args=[seal.pk]),
        {
            "holder": seal.holder_id,
            "patronship": seal.patronship_id,
            "valid_from": seal.valid_from.isoformat(),
            "valid_until": new_end.isoformat(),
        },
    )
    assert response.status_code == 302
    assert client.get(verify).json()["valid_until"] == new_end.isoformat()
    assert client.get(reverse("admin:seals_seal_add")).status_code == 403


def test_another_company_of_the_same_person_is_separate(client, company_member, seal):
    other = CompanyFactory()
    client.force_login(company_member)
    assert client.get(reverse("seals:party", args=[other.pk])).status_code == 404
