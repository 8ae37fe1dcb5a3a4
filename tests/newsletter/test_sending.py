"""Sending an issue: who gets it, exactly once, with retries, when a worker dies."""

import datetime
from collections import Counter

import pytest
from django.db import IntegrityError
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, DeliveryStatus, IssueStatus, Segment, SubscriberStatus
from newsletter.tasks import issue_deliver
from tests.newsletter import backends
from tests.newsletter.conftest import draft, subscriber

CONFIRMED = {"anna@example.org", "bernd@betrieb.example", "clara@verein.example"}


def start(issue, coordinator, capture):
    with capture(execute=True):
        return services.issue_send_start(issue=issue, by=coordinator)


def recipients(mailoutbox) -> Counter:
    return Counter(address for message in mailoutbox for address in message.to)


def test_audience_by_segment_and_topic(readers, sport, coordinator):
    issue = draft(segments=[Segment.COMPANIES, Segment.PUBLIC])
    audience = {s.email for s in services.issue_audience(issue)}
    assert audience == {"anna@example.org", "bernd@betrieb.example"}  # not pending/left
    fan = subscriber("sportfan@example.org", topics=[sport])
    other = subscriber(
        "kultur@example.org",
        topics=[readers[0].topics.model.objects.create(name="Kultur", slug="kultur")],
    )
    issue.topics.set([sport])
    audience = {s.email for s in services.issue_audience(issue)}
    # Readers without topics want everything; others only when a topic matches.
    assert fan.email in audience and other.email not in audience
    assert "anna@example.org" in audience


def test_sending_reaches_each_confirmed_reader_once(
    readers, issue, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    count = start(issue, coordinator, django_capture_on_commit_callbacks)
    assert count == 3
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_at is not None
    assert recipients(mailoutbox) == Counter(CONFIRMED)
    message = mailoutbox[0]
    assert message.subject == "Neues aus den Patenschaften"
    assert "Hallo aus Weißwasser!" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<h2>Grußwort</h2>" in html
    one_click = message.extra_headers["List-Unsubscribe"]
    assert one_click.startswith("<http") and one_click.endswith("/ein-klick/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Each reader's own unsubscribe link, in text and HTML; never the placeholder.
    page_link = one_click[1:-1].removesuffix("ein-klick/")
    assert page_link in message.body and page_link in html
    assert "%%" not in message.body and "%%" not in html
    assert {d.status for d in Delivery.objects.all()} == {DeliveryStatus.SENT}


def test_running_the_task_again_sends_nothing_twice(
    readers, issue, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    start(issue, coordinator, django_capture_on_commit_callbacks)
    issue_deliver.delay(issue.pk)  # a redelivered or retried task
    issue_deliver.delay(issue.pk)
    assert recipients(mailoutbox) == Counter(CONFIRMED)


def test_starting_twice_is_refused(readers, issue, coordinator, django_capture_on_commit_callbacks):
    start(issue, coordinator, django_capture_on_commit_callbacks)
    with pytest.raises(services.NewsletterError, match="bereits versendet"):
        services.issue_send_start(issue=issue, by=coordinator)
    assert Delivery.objects.count() == 3


def test_one_delivery_per_issue_and_address(readers, issue):
    Delivery.objects.create(issue=issue, subscriber=readers[0], email=readers[0].email)
    with pytest.raises(IntegrityError):
        Delivery.objects.create(issue=issue, subscriber=readers[0], email="anders@example.org")


def test_claim_and_mark_are_idempotent(readers, issue, coordinator):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "issue_dispatch", lambda **kwargs: None)
        services.issue_send_start(issue=issue, by=coordinator)
    first = services.delivery_claim(issue_id=issue.pk)
    second = services.delivery_claim(issue_id=issue.pk)
    assert first.pk != second.pk and first.status == DeliveryStatus.SENDING
    assert services.delivery_mark_sent(delivery_id=first.pk)
    assert not services.delivery_mark_sent(delivery_id=first.pk)  # marking again: no change
    assert not services.delivery_mark_failed(delivery_id=first.pk, error="x", permanent=True)
    third = services.delivery_claim(issue_id=issue.pk)
    assert services.delivery_claim(issue_id=issue.pk) is None
    assert {first.pk, second.pk, third.pk} == set(Delivery.objects.values_list("pk", flat=True))


def test_a_worker_that_died_mid_send_never_causes_a_second_email(
    readers, issue, coordinator, mailoutbox, settings
):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "issue_dispatch", lambda **kwargs: None)
        services.issue_send_start(issue=issue, by=coordinator)
    # A worker claimed one row and died before marking it: did its email leave? Unknown.
    lost = services.delivery_claim(issue_id=issue.pk)
    issue_deliver.delay(issue.pk)  # the task is retried by another worker
    assert recipients(mailoutbox) == Counter(CONFIRMED - {lost.email})
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING  # the lost row may still be in flight
    # Once the claim is older than any task may run, the row ends as "unknown".
    eleven_minutes_ago = timezone.now() - datetime.timedelta(minutes=11)
    Delivery.objects.filter(pk=lost.pk).update(claimed_at=eleven_minutes_ago)
    type(issue).objects.filter(pk=issue.pk).update(progress_at=eleven_minutes_ago)
    assert services.sending_resume() == 0
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    lost.refresh_from_db()
    assert lost.status == DeliveryStatus.UNKNOWN and "unbekannt" in lost.last_error
    assert recipients(mailoutbox) == Counter(CONFIRMED - {lost.email})


def test_a_dropped_connection_is_retried_and_the_row_sent_once(
    readers, issue, coordinator, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.FlakyBackend"
    backends.FAILURES.update(drop_once={"bernd@betrieb.example"}, temporary=0, refuse=())
    start(issue, coordinator, django_capture_on_commit_callbacks)
    assert backends.FAILURES["temporary"] == 1
    assert recipients(mailoutbox) == Counter(CONFIRMED)
    bernd = Delivery.objects.get(email="bernd@betrieb.example")
    assert bernd.status == DeliveryStatus.SENT and bernd.attempts == 2


def test_a_refused_address_fails_and_the_others_still_get_it(
    readers, issue, coordinator, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.FlakyBackend"
    backends.FAILURES.update(drop_once=set(), refuse={"clara@verein.example"})
    start(issue, coordinator, django_capture_on_commit_callbacks)
    backends.FAILURES["refuse"] = ()
    assert recipients(mailoutbox) == Counter(CONFIRMED - {"clara@verein.example"})
    clara = Delivery.objects.get(email="clara@verein.example")
    assert clara.status == DeliveryStatus.FAILED and "550" in clara.last_error
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_who_unsubscribes_during_sending_is_skipped(readers, issue, coordinator, mailoutbox):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "issue_dispatch", lambda **kwargs: None)
        services.issue_send_start(issue=issue, by=coordinator)
    services.subscriber_unsubscribe(subscriber=readers[0])
    issue_deliver.delay(issue.pk)
    assert recipients(mailoutbox) == Counter(CONFIRMED - {"anna@example.org"})
    assert Delivery.objects.get(email="anna@example.org").status == DeliveryStatus.SKIPPED


def test_sending_in_batches(readers, issue, coordinator, mailoutbox, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    for index in range(5):
        subscriber(f"leser{index}@example.org")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "issue_dispatch", lambda **kwargs: None)
        services.issue_send_start(issue=issue, by=coordinator)
    result = services.issue_deliver_batch(issue_id=issue.pk)
    assert (result.sent, result.more) == (2, True)
    issue_deliver.delay(issue.pk)  # eager: loops through the remaining batches
    assert len(mailoutbox) == 8 and len(recipients(mailoutbox)) == 8


def test_resume_picks_up_an_issue_whose_tasks_were_lost(readers, issue, coordinator, mailoutbox):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "issue_dispatch", lambda **kwargs: None)
        services.issue_send_start(issue=issue, by=coordinator)
    assert services.sending_resume() == 0  # still fresh: a worker may be on it
    type(issue).objects.filter(pk=issue.pk).update(
        progress_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    assert services.sending_resume() == 1
    assert recipients(mailoutbox) == Counter(CONFIRMED)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_send_blockers(db, coordinator):
    empty = draft(text="")
    empty.intro = ""
    empty.save()
    problems = services.issue_send_blockers(empty)
    assert "Die Ausgabe hat noch keinen Inhalt" in " ".join(problems)
    assert "In den gewählten Gruppen ist noch niemand angemeldet." in problems
    subscriber("nur@example.org", status=SubscriberStatus.PENDING)
    with pytest.raises(services.NewsletterError):
        services.issue_send_start(issue=empty, by=coordinator)
    empty.refresh_from_db()
    assert empty.is_draft and not Delivery.objects.exists()
