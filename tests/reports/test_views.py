"""The annual report pages: who sees what, editing and publishing, downloads."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import AnnualReport
from tests.factories import PatronshipFactory, TopicFactory
from tests.publication.conftest import consent, public_story

YEAR = 2024


@pytest.fixture
def published(world, coordinator):
    return AnnualReport.objects.create(
        year=YEAR,
        foreword="Ein gutes Jahr für die Lausitz.\n\nDanke an alle Paten!",
        published_at=timezone.now(),
        published_by=coordinator,
    )


def test_published_report_is_public(client, published):
    response = client.get(reverse("reports:detail", args=[YEAR]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jahresbericht 2024" in page
    assert "<p>Ein gutes Jahr für die Lausitz.</p>" in page
    # The figures of the hand-checked data set, and a chart with its table beside it.
    assert "Patenschaften begonnen" in page
    assert '<svg role="img" aria-labelledby="chart-topics-title chart-topics-desc"' in page
    assert "<caption>Die Werte zu „Themen der Patenschaften 2024“</caption>" in page
    assert '<th scope="row">Jugend</th><td class="number">2</td>' in page
    assert "nicht öffentlich" not in page
    assert reverse("reports:edit", args=[YEAR]) not in page  # no coordinator actions


def test_unpublished_report_only_for_coordinator_and_advisors(
    client, world, coordinator, advisor, company_member, outsider
):
    url = reverse("reports:detail", args=[YEAR])
    assert client.get(url).status_code == 404
    for user in (company_member, outsider):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.get(reverse("reports:pdf", args=[YEAR])).status_code == 404
        assert client.get(reverse("reports:csv", args=[YEAR])).status_code == 404
    client.force_login(advisor)
    page = client.get(url).content.decode()
    assert "nicht öffentlich" in page and reverse("reports:edit", args=[YEAR]) not in page
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert reverse("reports:edit", args=[YEAR]) in page
    assert reverse("reports:publish", args=[YEAR]) in page


def test_years_outside_the_records_are_404(client, world, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("reports:detail", args=[2019])).status_code == 404
    next_year = timezone.localdate().year + 1
    assert client.get(reverse("reports:detail", args=[next_year])).status_code == 404
    assert client.get(reverse("reports:edit", args=[2019])).status_code == 404


def test_list_shows_published_years_to_the_public_and_all_to_the_coordinator(
    client, published, coordinator
):
    page = client.get(reverse("reports:list")).content.decode()
    assert reverse("reports:detail", args=[YEAR]) in page
    assert reverse("reports:detail", args=[2023]) not in page
    assert reverse("reports:series_csv") not in page
    client.force_login(coordinator)
    page = client.get(reverse("reports:list")).content.decode()
    assert reverse("reports:detail", args=[2023]) in page
    assert reverse("reports:series_csv") in page


@pytest.mark.parametrize("extra", [0, 8])
def test_list_query_budget(client, published, coordinator, extra, django_assert_num_queries):
    for index in range(extra):
        PatronshipFactory(
            start_date=datetime.date(2023, 1 + index, 1),
            end_date=datetime.date(2024, 1 + index, 1),
        ).topics.add(TopicFactory())
    client.force_login(coordinator)
    # session, user, seven for the figures, the reports of the listed years, and the
    # header's unread-notification count
    with django_assert_num_queries(11):
        response = client.get(reverse("reports:list"))
    assert response.status_code == 200


def test_detail_query_budget_does_not_grow_with_the_programme(
    client, published, django_assert_max_num_queries
):
    for index in range(6):
        PatronshipFactory(
            start_date=datetime.date(2024, 1 + index, 1),
            end_date=datetime.date(2024, 12, 1),
        ).topics.add(TopicFactory())
    # published check, seven for the figures, the report, stories and sponsors
    with django_assert_max_num_queries(16):
        response = client.get(reverse("reports:detail", args=[YEAR]))
    assert response.status_code == 200


def test_edit_saves_foreword_and_chosen_stories(client, world, coordinator):
    story = public_story(patronship=world.p1, title="Ein Dach für die Jugend")
    client.force_login(coordinator)
    url = reverse("reports:edit", args=[YEAR])
    page = client.get(url).content.decode()
    assert "Ein Dach für die Jugend" in page
    response = client.post(
        url, {"foreword": "  Liebe Leserinnen und Leser  ", "stories": [story.pk]}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:detail", args=[YEAR])
    report = AnnualReport.objects.get(year=YEAR)
    assert report.foreword == "Liebe Leserinnen und Leser"
    assert report.story_ids == [story.pk]
    assert not report.is_published
    page = client.get(reverse("reports:detail", args=[YEAR])).content.decode()
    assert "Ein Dach für die Jugend" in page


def test_edit_rejects_a_story_that_is_not_public_and_keeps_the_input(client, world, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("reports:edit", args=[YEAR]), {"foreword": "Mein Vorwort", "stories": ["99999"]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Diese Geschichte ist nicht (mehr) veröffentlicht." in page
    assert "Mein Vorwort" in page
    assert not AnnualReport.objects.exists()


def test_edit_rejects_a_foreword_that_is_too_long(client, world, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("reports:edit", args=[YEAR]), {"foreword": "x" * 6001})
    assert response.status_code == 400
    assert "Das Vorwort ist zu lang" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_edit_and_publishing_permissions(client, world, advisor, outsider, company_member):
    edit = reverse("reports:edit", args=[YEAR])
    publish = reverse("reports:publish", args=[YEAR])
    assert client.get(edit)["Location"].startswith(reverse("account_login"))
    client.force_login(advisor)
    assert client.get(edit).status_code == 403
    assert client.post(publish).status_code == 403
    for user in (outsider, company_member):
        client.force_login(user)
        assert client.get(edit).status_code == 404
        assert client.post(publish).status_code == 404
    assert not AnnualReport.objects.exists()


def test_publish_and_unpublish(client, world, coordinator):
    client.force_login(coordinator)
    publish = reverse("reports:publish", args=[YEAR])
    assert client.get(publish).status_code == 405
    assert client.get(reverse("reports:unpublish", args=[YEAR])).status_code == 405
    response = client.post(publish, follow=True)
    assert "Der Jahresbericht 2024 ist veröffentlicht." in response.content.decode()
    assert AnnualReport.objects.get(year=YEAR).is_published
    client.logout()
    assert client.get(reverse("reports:detail", args=[YEAR])).status_code == 200
    client.force_login(coordinator)
    client.post(reverse("reports:unpublish", args=[YEAR]))
    client.logout()
    assert client.get(reverse("reports:detail", args=[YEAR])).status_code == 404


def test_the_current_year_cannot_be_published(client, world, coordinator):
    client.force_login(coordinator)
    this_year = timezone.localdate().year
    response = client.post(reverse("reports:publish", args=[this_year]), follow=True)
    assert "ist noch nicht zu Ende" in response.content.decode()
    assert not AnnualReport.objects.filter(published_at__isnull=False).exists()


def test_stories_and_named_sponsors_follow_consent(client, world, published):
    story = public_story(patronship=world.p1, title="Ein Dach für die Jugend")
    published.story_ids = [story.pk]
    published.save()
    consent(world.p2, world.c2, show_name=True)  # P2 ran in 2024: Steuerbüro is named
    consent(world.p3, world.c1, show_name=True)  # P3 ended early: not a reason to name
    consent(world.p5, world.c2, show_name=False)
    page = client.get(reverse("reports:detail", args=[YEAR])).content.decode()
    assert "Ein Dach für die Jugend" in page
    assert "Steuerbüro Lehmann" in page
    assert "Dachdeckerei Krüger GmbH" in page  # named through P1's consent (public_story)
    assert "Autohaus Schulze" not in page
    # Withdrawing consent removes both at once.
    consent(world.p1, world.c1, show_story=False, show_name=False)
    consent(world.p2, world.c2, show_name=False)
    page = client.get(reverse("reports:detail", args=[YEAR])).content.decode()
    assert "Ein Dach für die Jugend" not in page
    assert "Steuerbüro Lehmann" not in page
    assert "Dachdeckerei Krüger GmbH" not in page


def test_series_exports_for_pipeline_only(client, world, advisor, company_member):
    url = reverse("reports:series_csv")
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(company_member)
    assert client.get(url).status_code == 404
    client.force_login(advisor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Bereich;Kennzahl;2023;2024;")
    assert client.get(reverse("reports:series_xlsx")).status_code == 200
