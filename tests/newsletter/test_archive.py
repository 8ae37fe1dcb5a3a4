"""The public archive of sent issues."""

import pytest
from django.urls import reverse

from newsletter import services
from newsletter.models import Block, BlockKind
from tests.newsletter.conftest import draft
from tests.publication.conftest import consent_both, public_story


@pytest.fixture
def sent(readers, coordinator, django_capture_on_commit_callbacks):
    story = public_story(title="Ein Dach für den Jugendfußball")
    issue = draft(subject="Sommerbrief 2025")
    Block.objects.create(issue=issue, kind=BlockKind.STORIES, position=2, count=3)
    Block.objects.create(
        issue=issue,
        kind=BlockKind.DATES,
        position=3,
        dates=[{"date": "2099-06-14", "text": "Netzwerktreffen"}],
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send_start(issue=issue, by=coordinator)
    issue.refresh_from_db()
    return issue, story


def test_archive_lists_sent_issues_only(client, sent):
    issue, _story = sent
    other = draft(subject="Noch ein Entwurf")
    page = client.get(reverse("newsletter:archive")).content.decode()
    assert "Sommerbrief 2025" in page and "Noch ein Entwurf" not in page
    assert client.get(reverse("newsletter:archive_issue", args=[other.pk])).status_code == 404


def test_archive_issue_shows_what_was_sent(client, sent):
    issue, story = sent
    page = client.get(reverse("newsletter:archive_issue", args=[issue.pk])).content.decode()
    assert "Sommerbrief 2025" in page and "Hallo aus Weißwasser!" in page
    assert story.title in page and "Netzwerktreffen" in page
    assert "/newsletter/abmelden/" not in page  # no one's personal link
    # A story published after sending does not creep into the archived issue.
    public_story(title="Neue Geschichte nach dem Versand")
    page = client.get(reverse("newsletter:archive_issue", args=[issue.pk])).content.decode()
    assert "Neue Geschichte nach dem Versand" not in page


def test_a_withdrawn_consent_removes_the_story_from_the_archive(client, sent):
    issue, story = sent
    consent_both(story.patronship, show_story=False)
    page = client.get(reverse("newsletter:archive_issue", args=[issue.pk])).content.decode()
    assert story.title not in page
    assert "Hallo aus Weißwasser!" in page


@pytest.mark.parametrize("count", [1, 8])
def test_archive_query_budget(
    client,
    coordinator,
    count,
    readers,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    for index in range(count):
        issue = draft(subject=f"Ausgabe {index}")
        with django_capture_on_commit_callbacks(execute=True):
            services.issue_send_start(issue=issue, by=coordinator)
    # count and one page of issues (anonymous visitor: no session, no user)
    with django_assert_num_queries(2):
        response = client.get(reverse("newsletter:archive"))
    assert response.content.decode().count("Ausgabe ") == count
