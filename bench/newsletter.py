"""Sending a newsletter issue to 10,000 readers through Redis and real Celery workers to an
SMTP server on loopback, as in production (PostgreSQL, Redis, the SMTP email backend).

    .venv/bin/python bench/newsletter.py                     # 10,000 readers, 2 worker processes
    .venv/bin/python bench/newsletter.py --recipients 2000 --concurrency 1 --batch-size 50

Needs PostgreSQL and Redis (see .ci/run for starting them) and the dev dependencies (the SMTP
sink is aiosmtpd). The database named in --database-url is created and dropped by the bench;
the Redis database (default 8) is purged. The sink accepts every message on 127.0.0.1 and
counts it per address; nothing leaves the machine. Prints how long the issue took from the
coordinator's "send" to the last email accepted, emails per second, and checks that every
address received exactly one.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

SETTINGS = """\
from sozialpaten.settings import *  # noqa: F401,F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = {port}
EMAIL_USE_TLS = False
EMAIL_USE_SSL = False
EMAIL_TIMEOUT = 20
NEWSLETTER_BATCH_SIZE = {batch_size}
NEWSLETTER_SEND_CHAINS = {chains}
LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
"""


def _psql(admin_url: str, sql: str) -> None:
    subprocess.run(["psql", admin_url, "-qc", sql], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--chains", type=int, default=2, help="tasks sending side by side")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/newsletter_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--timeout", type=int, default=1200, help="give up after seconds")
    options = parser.parse_args()
    if not options.database_url.startswith(("postgres", "pgsql")):
        raise SystemExit("The bench needs PostgreSQL (workers and bench share the database).")

    # This folder holds bench scripts named like packages (public.py would hide the
    # `public` package aiosmtpd needs): import from the project root instead.
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.path.insert(0, str(ROOT))
    from tests.newsletter.smtp_sink import SmtpSink

    sink = SmtpSink(keep=False).start()
    tmp = Path(tempfile.mkdtemp(prefix="sozialpaten-newsletter-bench-"))
    (tmp / "nl_bench_settings.py").write_text(
        SETTINGS.format(port=sink.port, batch_size=options.batch_size, chains=options.chains)
    )
    name = urlsplit(options.database_url).path.lstrip("/")
    admin_url = options.database_url.rsplit("/", 1)[0] + "/postgres"
    os.environ.update(
        {
            "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT)]),
            "DJANGO_SETTINGS_MODULE": "nl_bench_settings",
            "DEBUG": "0",
            "SECRET_KEY": "newsletter-bench-not-secret",
            "DATABASE_URL": options.database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": options.redis_url,
            "CACHE_KEY_PREFIX": f"newsletter-bench-{os.getpid()}",
        }
    )
    sys.path.insert(0, str(tmp))
    worker = None
    try:
        _psql(admin_url, f'DROP DATABASE IF EXISTS "{name}"')
        _psql(admin_url, f'CREATE DATABASE "{name}"')
        subprocess.run([PYTHON, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, check=True)

        import django

        django.setup()
        from django.db import connection
        from django.db.models import Count

        from newsletter import services
        from newsletter.models import (
            Block,
            BlockKind,
            Delivery,
            Issue,
            IssueStatus,
            Segment,
            Subscriber,
            SubscriberStatus,
        )
        from sozialpaten.celery import app

        app.control.purge()
        started = time.monotonic()
        Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"leser{n:05}@example.org",
                    segment=list(Segment.values)[n % 4],
                    status=SubscriberStatus.CONFIRMED,
                    consent_text="Bench",
                )
                for n in range(options.recipients)
            ],
            batch_size=2000,
        )
        issue = Issue.objects.create(
            subject="Sommerbrief der Lausitzer Sozialpaten",
            intro="Liebe Leserinnen und Leser,\n\nhier ist, was im Sommer geschah.",
            segments=list(Segment.values),
        )
        Block.objects.create(
            issue=issue,
            kind=BlockKind.TEXT,
            position=1,
            title="Grußwort",
            text="Seit dem Frühjahr haben 12 Betriebe und Vereine neue Patenschaften begonnen. "
            * 8,
        )
        print(f"Seeded {options.recipients} readers in {time.monotonic() - started:.1f} s")

        worker = subprocess.Popen(
            [
                PYTHON, "-m", "celery", "-A", "sozialpaten", "worker", "--pool=prefork",
                f"--concurrency={options.concurrency}", "--without-gossip", "--without-mingle",
                "--without-heartbeat", "--loglevel=error", "--hostname=nl-bench@%h",
            ],
            cwd=ROOT,
            env=os.environ.copy(),
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("The Celery worker did not start.")

        connection.close()
        clicked = time.monotonic()
        count = services.issue_send_start(issue=issue, by=None)
        queued = time.monotonic() - clicked
        print(
            f"Send started: {count} delivery rows created and the issue frozen in "
            f"{queued:.2f} s; {options.chains} chains, batches of {options.batch_size}, "
            f"{options.concurrency} worker processes"
        )
        last_report = clicked
        while True:
            status = Issue.objects.filter(pk=issue.pk).values_list("status", flat=True)[0]
            if status == IssueStatus.SENT:
                break
            now = time.monotonic()
            if now - clicked > options.timeout:
                raise SystemExit(f"Gave up after {options.timeout} s with {sink.count} sent.")
            if now - last_report >= 5:
                print(f"  {now - clicked:6.1f} s: {sink.count} emails accepted by the sink")
                last_report = now
            time.sleep(0.25)
        seconds = time.monotonic() - clicked
        received = sink.count
        twice = [address for address, n in sink.per_address.items() if n > 1]
        statuses = dict(
            Delivery.objects.filter(issue=issue)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        print(
            f"Sent {received} emails in {seconds:.1f} s: {received / seconds:.0f} emails/s "
            f"({seconds / received * 1000:.2f} ms each), from the click to the last email"
        )
        print(f"Delivery rows by status: {statuses}")
        print(f"Addresses that received the issue twice: {len(twice)}")
        if twice or received != options.recipients:
            raise SystemExit("FAILED: not every address received exactly one email")
    finally:
        if worker is not None and worker.poll() is None:
            os.killpg(worker.pid, 15)
            worker.wait(timeout=30)
        sink.stop()
        from django.db import connections

        connections.close_all()
        subprocess.run(
            ["psql", admin_url, "-qc", f'DROP DATABASE IF EXISTS "{name}"'], capture_output=True
        )
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
