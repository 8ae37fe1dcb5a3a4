"""The real services: a task goes through Redis to a separate Celery worker process.

Runs in CI's second pass (DATABASE_URL on PostgreSQL, REDIS_URL set). On a laptop without
them it skips with the reason; with SOZIALPATEN_STRICT set it fails instead.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from communication.models import EmailStatus, OutgoingEmail
from tests.conftest import require

pytestmark = pytest.mark.services
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def celery_worker_process(transactional_db):
    require(bool(settings.REDIS_URL), "REDIS_URL is not set: no broker for a real worker")
    require(
        connection.vendor == "postgresql",
        "DATABASE_URL is not PostgreSQL: a worker process cannot share the test database",
    )
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sozialpaten.settings_test",
        # The worker must write to the same test database as this test.
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "sozialpaten",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=warning",
            "--hostname=test-worker@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        from sozialpaten.celery import app

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if worker.poll() is not None:
                pytest.fail(f"the Celery worker exited early:\n{worker.stdout.read()}")
            if app.control.ping(timeout=0.5):
                break
        else:
            pytest.fail("the Celery worker did not answer a ping within 30 s")
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
        connection.close()


@pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored")
def test_a_task_sent_through_redis_is_done_by_the_worker(celery_worker_process):
    from sozialpaten.celery import app

    email = OutgoingEmail.objects.create(
        to="worker@example.org", subject="Über Redis", body="Hallo", from_email="a@b.example"
    )
    # send_task always goes through the broker, even where tests run other tasks eagerly.
    app.send_task("communication.tasks.email_send", args=[email.pk])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        email.refresh_from_db()
        if email.status == EmailStatus.SENT:
            break
        time.sleep(0.2)
    assert email.status == EmailStatus.SENT
    assert email.attempts == 1
    assert email.sent_at is not None


def test_the_cache_is_redis_in_the_services_run(db):
    require(bool(settings.REDIS_URL), "REDIS_URL is not set")
    from django.core.cache import cache

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("sozialpaten-probe", "ja", 10)
    assert cache.get("sozialpaten-probe") == "ja"
