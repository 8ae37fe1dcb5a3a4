"""Sending a newsletter through Redis to real Celery workers and a real SMTP server.

Runs in CI's second pass (PostgreSQL, Redis); on a laptop without them it skips with the
reason, and with SOZIALPATEN_STRICT set it fails instead. The workers send to an SMTP sink
on 127.0.0.1 started by the test, which counts what each address received.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from newsletter import services
from newsletter.models import Delivery, DeliveryStatus, Issue, IssueStatus
from tests.conftest import require
from tests.newsletter.conftest import draft, subscriber
from tests.newsletter.smtp_sink import SmtpSink

pytestmark = [
    pytest.mark.services,
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]
ROOT = Path(__file__).resolve().parents[2]


def wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"gave up waiting after {seconds} s: {what}")


class Workers:
    """Start and stop Celery worker processes that share the test database."""

    def __init__(self, smtp_port: int):
        db = connection.settings_dict
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.newsletter.worker_settings",
            "NEWSLETTER_TEST_SMTP_PORT": str(smtp_port),
            "DATABASE_URL": (
                f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
                f"{db['PORT'] or 5432}/{db['NAME']}"
            ),
        }
        self.processes: list[subprocess.Popen] = []

    def start(self, *, name: str, pool: str = "solo", concurrency: int = 1) -> subprocess.Popen:
        from sozialpaten.celery import app

        process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "sozialpaten", "worker",
                f"--pool={pool}", f"--concurrency={concurrency}", "--without-gossip",
                "--without-mingle", "--without-heartbeat", "--loglevel=warning",
                f"--hostname={name}@%h",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its pool processes form a group we can kill at once
        )  # fmt: skip
        self.processes.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"the Celery worker exited early:\n{process.stdout.read()}")
            replies = app.control.ping(timeout=0.5) or []
            if any(name in reply_name for reply in replies for reply_name in reply):
                return process
        pytest.fail("the Celery worker did not answer a ping within 30 s")

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        """As when a machine dies: no warm shutdown, no acknowledgement, nothing."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture
def through_redis(transactional_db):
    require(bool(settings.REDIS_URL), "REDIS_URL is not set: no broker for a real worker")
    require(
        connection.vendor == "postgresql",
        "DATABASE_URL is not PostgreSQL: a worker process cannot share the test database",
    )
    from sozialpaten.celery import app

    app.control.purge()  # nothing left over from an earlier run
    # The services send their tasks through the broker, as in production.
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = eager


@pytest.fixture
def sink():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def workers(through_redis, sink):
    workers = Workers(sink.port)
    yield workers
    workers.stop_all()
    connection.close()


def sent_issue(issue_id: int):
    issue = Issue.objects.get(pk=issue_id)
    return issue if issue.status == IssueStatus.SENT else None


def test_two_parallel_workers_send_each_address_exactly_once(workers, sink, coordinator, settings):
    settings.NEWSLETTER_SEND_CHAINS = 3
    addresses = {f"leser{n:02}@example.org" for n in range(40)}
    for address in sorted(addresses):
        subscriber(address)
    issue = draft(subject="Über Redis: Sommerbrief")
    workers.start(name="nl-a", pool="prefork", concurrency=2)
    workers.start(name="nl-b", pool="solo")

    assert services.issue_send_start(issue=issue, by=coordinator) == 40
    wait_for(lambda: sent_issue(issue.pk), seconds=60, what="the issue to be sent")

    assert sink.per_address == dict.fromkeys(addresses, 1)
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    message = sink.messages[0]
    assert message["Subject"] == "Über Redis: Sommerbrief"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].endswith("/ein-klick/>")
    assert message.is_multipart()
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]


def test_a_worker_killed_mid_way_never_leads_to_a_second_email(
    workers, sink, coordinator, settings, through_redis
):
    settings.NEWSLETTER_SEND_CHAINS = 1
    sink.delay = 0.05  # slow enough to kill the worker while it sends
    addresses = {f"leser{n:02}@example.org" for n in range(30)}
    for address in sorted(addresses):
        subscriber(address)
    issue = draft(subject="Mitten im Versand")
    first = workers.start(name="nl-first")

    services.issue_send_start(issue=issue, by=coordinator)
    wait_for(
        lambda: Delivery.objects.filter(status=DeliveryStatus.SENT).count() >= 8,
        seconds=60,
        what="the first worker to send some emails",
    )
    workers.kill(first)
    sent_before = sink.count
    assert 8 <= sent_before < 30, "the first worker was not killed mid-way"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING

    workers.start(name="nl-second")
    # The task the dead worker held is handed out again (as Redis does once it is overdue),
    # and the scheduler's resume runs as well: both are safe to repeat.
    through_redis.send_task("newsletter.tasks.issue_deliver", args=[issue.pk])

    def finished():
        through_redis.send_task("newsletter.tasks.sending_resume")
        time.sleep(1)
        return sent_issue(issue.pk)

    wait_for(finished, seconds=90, what="the second worker to finish the issue")

    assert max(sink.per_address.values()) == 1, "an address received the issue twice"
    rows = dict(Delivery.objects.values_list("email", "status"))
    sent = {email for email, status in rows.items() if status == DeliveryStatus.SENT}
    unknown = {email for email, status in rows.items() if status == DeliveryStatus.UNKNOWN}
    # The only row that can be unknown is the one the first worker held when it died.
    assert len(unknown) <= 1
    assert sent | unknown == addresses
    received = set(sink.per_address)
    assert sent <= received <= sent | unknown
