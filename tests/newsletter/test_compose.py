"""The coordinator's newsletter pages: composing, previews, the test email, sending."""

import pytest
from django.urls import reverse

from communication.models import OutgoingEmail
from newsletter.models import Block, BlockKind, Delivery, Issue, IssueStatus
from tests.factories import NeedFactory
from tests.newsletter.conftest import draft, subscriber
from tests.publication.conftest import public_story


def coordinator_pages(issue, block):
    return [
        reverse("newsletter:issue_list"),
        reverse("newsletter:issue_create"),
        reverse("newsletter:issue_edit", args=[issue.pk]),
        reverse("newsletter:block_add", args=[issue.pk, "text"]),
        reverse("newsletter:block_edit", args=[block.pk]),
        reverse("newsletter:issue_preview", args=[issue.pk]),
        reverse("newsletter:issue_preview_html", args=[issue.pk]),
        reverse("newsletter:issue_send", args=[issue.pk]),
        reverse("newsletter:issue_progress", args=[issue.pk]),
        reverse("newsletter:subscriber_list"),
    ]


POST_ONLY = ["block_delete", "block_up", "block_down"]


def test_only_the_coordinator_composes_and_sends(
    client, issue, readers, advisor, company_member, outsider, organisation_member
):
    block = issue.blocks.get()
    pages = coordinator_pages(issue, block)
    actions = [reverse(f"newsletter:{name}", args=[block.pk]) for name in POST_ONLY]
    actions += [
        reverse("newsletter:issue_test", args=[issue.pk]),
        reverse("newsletter:issue_send", args=[issue.pk]),
    ]
    for url in pages:
        assert client.get(url)["Location"].startswith(reverse("account_login")), url
    client.force_login(advisor)
    for url in pages + actions:
        assert client.post(url).status_code == 403, url
    for user in (company_member, organisation_member, outsider):
        client.force_login(user)
        for url in pages + actions:
            assert client.post(url).status_code == 404, url
    issue.refresh_from_db()
    assert issue.is_draft and issue.blocks.count() == 1
    assert not Delivery.objects.exists() and not OutgoingEmail.objects.exists()


def test_post_only_actions_answer_get_with_405(client, issue, coordinator):
    client.force_login(coordinator)
    block = issue.blocks.get()
    for name in POST_ONLY:
        assert client.get(reverse(f"newsletter:{name}", args=[block.pk])).status_code == 405
    assert client.get(reverse("newsletter:issue_test", args=[issue.pk])).status_code == 405


def test_create_an_issue(client, coordinator, sport):
    client.force_login(coordinator)
    response = client.post(
        reverse("newsletter:issue_create"),
        {
            "subject": "Frühjahr 2025",
            "intro": "Hallo!",
            "segments": ["companies", "foerderkreis"],
            "topics": [sport.pk],
        },
    )
    issue = Issue.objects.get()
    assert response["Location"] == reverse("newsletter:issue_edit", args=[issue.pk])
    assert issue.segments == ["companies", "foerderkreis"] and list(issue.topics.all()) == [sport]
    assert issue.created_by == coordinator
    # It starts with the usual blocks: newest stories and open needs.
    assert [b.kind for b in issue.blocks.all()] == [BlockKind.STORIES, BlockKind.NEEDS]


def test_create_with_bad_input_keeps_it_and_saves_nothing(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("newsletter:issue_create"), {"subject": "", "intro": "Mein Text"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte geben Sie einen Betreff ein." in page
    assert "Bitte wählen Sie mindestens eine Empfängergruppe." in page
    assert "Mein Text" in page
    assert not Issue.objects.exists()


def test_blocks_add_edit_move_and_delete(client, issue, coordinator):
    client.force_login(coordinator)
    edit = reverse("newsletter:issue_edit", args=[issue.pk])
    response = client.post(
        reverse("newsletter:block_add", args=[issue.pk, "dates"]),
        {"title": "", "dates": "14.06.2099 Netzwerktreffen im Rathaus\n01.07.2099: Sommerfest"},
    )
    assert response["Location"] == edit
    dates = issue.blocks.get(kind=BlockKind.DATES)
    assert dates.dates == [
        {"date": "2099-06-14", "text": "Netzwerktreffen im Rathaus"},
        {"date": "2099-07-01", "text": "Sommerfest"},
    ]
    client.post(reverse("newsletter:block_add", args=[issue.pk, "needs"]), {"count": "2"})
    kinds = [b.kind for b in issue.blocks.order_by("position")]
    assert kinds == [BlockKind.TEXT, BlockKind.DATES, BlockKind.NEEDS]

    client.post(reverse("newsletter:block_up", args=[dates.pk]))
    client.post(reverse("newsletter:block_down", args=[issue.blocks.get(kind="text").pk]))
    kinds = [b.kind for b in issue.blocks.order_by("position")]
    assert kinds == [BlockKind.DATES, BlockKind.NEEDS, BlockKind.TEXT]

    page = client.get(reverse("newsletter:block_edit", args=[dates.pk])).content.decode()
    assert "14.06.2099 Netzwerktreffen im Rathaus" in page
    client.post(
        reverse("newsletter:block_edit", args=[dates.pk]),
        {"title": "Was ansteht", "dates": "02.02.2099 Neujahrsempfang"},
    )
    dates.refresh_from_db()
    assert dates.title == "Was ansteht" and len(dates.dates) == 1

    client.post(reverse("newsletter:block_delete", args=[dates.pk]))
    assert not Block.objects.filter(pk=dates.pk).exists()
    page = client.get(edit).content.decode()
    assert "Grußwort" in page and "Baustein hinzufügen" in page


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("Sommerfest am Samstag", "Zeile 1: Bitte beginnen Sie mit einem Datum wie 14.06.2025."),
        ("01.01.2020 Altes Treffen", "Zeile 1: Der 01.01.2020 liegt in der Vergangenheit."),
        ("14.06.2099 Treffen\n31.02.2099 Fest", "Zeile 2: Bitte beginnen Sie mit einem Datum"),
        ("14.06.2099", "Zeile 1: Bitte schreiben Sie nach dem Datum, was stattfindet."),
    ],
)
def test_dates_with_bad_lines_are_explained(client, issue, coordinator, lines, message):
    client.force_login(coordinator)
    response = client.post(
        reverse("newsletter:block_add", args=[issue.pk, "dates"]), {"dates": lines}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert lines.splitlines()[0] in page  # input kept
    assert not issue.blocks.filter(kind=BlockKind.DATES).exists()


def test_unknown_block_kind_is_404(client, issue, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("newsletter:block_add", args=[issue.pk, "video"])).status_code == 404


def test_preview_shows_public_stories_and_needs_only(client, issue, coordinator, company):
    story = public_story(title="Ein Dach für den Jugendfußball")
    hidden = NeedFactory(title="Geheimer Bedarf", publish_publicly=False)
    shown = NeedFactory(title="Transporter gesucht", publish_publicly=True)
    Block.objects.create(issue=issue, kind=BlockKind.STORIES, position=2, count=3)
    Block.objects.create(issue=issue, kind=BlockKind.NEEDS, position=3, count=3)
    client.force_login(coordinator)
    page = client.get(reverse("newsletter:issue_preview", args=[issue.pk])).content.decode()
    assert "Transporter gesucht" in page and "Ein Dach für den Jugendfußball" in page  # text
    assert hidden.title not in page
    response = client.get(reverse("newsletter:issue_preview_html", args=[issue.pk]))
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    html = response.content.decode()
    assert story.title in html and shown.title in html and hidden.title not in html
    assert "<script" not in html


def test_test_email_goes_to_the_coordinator_only(client, issue, coordinator, readers):
    client.force_login(coordinator)
    response = client.post(reverse("newsletter:issue_test", args=[issue.pk]))
    assert response["Location"] == reverse("newsletter:issue_preview", args=[issue.pk])
    email = OutgoingEmail.objects.get()
    assert email.to == coordinator.email
    assert email.subject == "[Test] Neues aus den Patenschaften"
    assert "Hallo aus Weißwasser!" in email.body and "<h2>Grußwort</h2>" in email.html
    issue.refresh_from_db()
    assert issue.is_draft and not Delivery.objects.exists()


def test_send_page_and_sending(
    client, issue, coordinator, readers, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    url = reverse("newsletter:issue_send", args=[issue.pk])
    page = client.get(url).content.decode()
    assert "Jetzt an 3 Empfänger senden" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response["Location"] == reverse("newsletter:issue_progress", args=[issue.pk])
    assert len(mailoutbox) == 3
    page = client.get(response["Location"]).content.decode()
    assert "3 von 3 E-Mails zugestellt" in page
    assert "anna@example.org" in page and "versendet" in page
    # A sent issue is not edited any more, and not sent again.
    assert client.get(reverse("newsletter:issue_edit", args=[issue.pk]))["Location"].endswith(
        "/versand/"
    )
    assert client.post(url)["Location"].endswith("/versand/")
    assert len(mailoutbox) == 3


def test_send_refused_without_readers(client, coordinator, db):
    issue = draft()
    client.force_login(coordinator)
    url = reverse("newsletter:issue_send", args=[issue.pk])
    assert "noch niemand angemeldet" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "noch niemand angemeldet" in response.content.decode()
    issue.refresh_from_db()
    assert issue.is_draft


@pytest.mark.parametrize("count", [2, 12])
def test_issue_list_query_budget(client, coordinator, count, django_assert_num_queries):
    for index in range(count):
        draft(subject=f"Ausgabe {index}")
    client.force_login(coordinator)
    # session, user, count, one page of issues with their delivery counts, readers per
    # segment, and the header's unread-notification count
    with django_assert_num_queries(6):
        response = client.get(reverse("newsletter:issue_list"))
    assert response.content.decode().count("Ausgabe ") >= count


@pytest.mark.parametrize("count", [2, 12])
def test_subscriber_list_query_budget(client, coordinator, count, sport, django_assert_num_queries):
    for index in range(count):
        subscriber(f"leser{index}@example.org", topics=[sport])
    client.force_login(coordinator)
    # session, user, count, the page, their topics, counts per status, unread count
    with django_assert_num_queries(7):
        response = client.get(reverse("newsletter:subscriber_list"))
    assert response.content.decode().count("@example.org") == count


@pytest.mark.parametrize("count", [3, 15])
def test_progress_query_budget(
    client, coordinator, count, django_assert_num_queries, django_capture_on_commit_callbacks
):
    for index in range(count):
        subscriber(f"leser{index}@example.org")
    issue = draft()
    with django_capture_on_commit_callbacks(execute=True):
        from newsletter.services import issue_send_start

        issue_send_start(issue=issue, by=coordinator)
    client.force_login(coordinator)
    # session, user, the issue, the counts, count and page of deliveries, unread count
    with django_assert_num_queries(7):
        response = client.get(reverse("newsletter:issue_progress", args=[issue.pk]))
    assert response.content.decode().count("@example.org</td>") == count
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_progress_filter_and_htmx_fragment(client, coordinator, readers, issue):
    from newsletter.services import issue_send_start

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("newsletter.services.issue_dispatch", lambda **kwargs: None)
        issue_send_start(issue=issue, by=coordinator)
    client.force_login(coordinator)
    url = reverse("newsletter:issue_progress", args=[issue.pk])
    page = client.get(url).content.decode()
    assert "Wird versendet: 0 von 3 erledigt." in page and 'hx-trigger="every 3s"' in page
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('\n<div id="newsletter-progress"') or "<html" not in fragment
    page = client.get(url, {"status": "sent"}).content.decode()
    assert "Keine Empfänger für diese Auswahl." in page
