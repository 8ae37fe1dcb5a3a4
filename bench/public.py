"""Public pages under load on loopback: the cached gallery, a story page and the open-needs
board next to a trivial Django view through the same middleware, in one run, with 500
published stories in the database.

    .venv/bin/python bench/public.py                       # SQLite, local-memory cache
    .venv/bin/python bench/public.py \\
        --database-url postgres://postgres@127.0.0.1:5432/public_bench \\
        --redis-url redis://127.0.0.1:6379/0               # as in production (the database
                                                           # is created and dropped here)

Serves the portal with gunicorn (2 sync workers, production settings: DEBUG off, persistent
database connections, collected static files) from a throwaway folder, and loads each URL
with `wrk --latency` (apt-get install wrk) or, without it, a small threaded Python client.
Every run is bounded by --duration seconds (the Python client also by --max-requests).
Prints requests per second, p50 and p99 latency (medians of --rounds rounds) and the ratio to
the trivial view (the median of each round's ratio: the URLs of a round run back to back, so
a busy neighbour on the machine slows both sides alike), and the time to build the gallery
and a story page on a cache miss.
Target: the cached gallery at no less than half the trivial view's throughput.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
TARGET_RATIO = 0.5

SETTINGS = """\
from sozialpaten.settings import *  # noqa: F401,F403

ROOT_URLCONF = "public_bench_urls"
STATIC_ROOT = {static_root!r}
LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
"""

URLS = """\
from django.http import HttpResponse
from django.urls import path

from sozialpaten.urls import urlpatterns as project_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *project_urlpatterns]
"""

# Runs in `manage.py shell`: reference data, then {stories} published stories between
# approved parties with full consent, topics, seals, and 80 open needs on the public board.
SEED = """\
import datetime
import random

from django.utils import timezone

from exchange.models import Need
from parties.models import Party
from patronships.models import Patronship
from places.models import Municipality
from places.services import municipalities_load_reference
from publication.caching import _bump_now
from publication.models import Consent, Story
from publication.search import story_document_refresh
from seals.models import Seal
from taxonomy.models import Topic
from taxonomy.services import taxonomy_load_reference

taxonomy_load_reference()
municipalities_load_reference()
rnd = random.Random(7)
N = {stories}
today = timezone.localdate()
now = timezone.now()
places = list(Municipality.objects.all()[:60])
topics = list(Topic.objects.all())
trades = ["Dachdeckerei", "Bäckerei", "Autohaus", "Steuerbüro", "Druckerei", "Tischlerei"]
names = ["Krüger", "Schulze", "Nowak", "Lehmann", "Richter", "Kschischo", "Mende", "Wendt"]
clubs = ["SV", "Förderverein", "Heimatverein", "Tafel", "Jugendclub", "Chor"]
towns = ["Weißwasser", "Rietschen", "Boxberg", "Gablenz", "Schleife", "Bad Muskau"]
words = (
    "Im Frühjahr haben beide Partner gemeinsam das Vereinsheim renoviert Die Kinder "
    "haben geholfen und die Belegschaft hat einen Tag im Verein verbracht Seitdem treffen "
    "sich alle regelmäßig und planen das nächste Projekt für die Region"
).split()


def text(k):
    return " ".join(rnd.choices(words, k=k)).capitalize() + "."


companies = Party.objects.bulk_create(
    Party(kind="company", name=f"{{rnd.choice(trades)}} {{rnd.choice(names)}} {{i}}",
          slug=f"betrieb-{{i}}", status="approved", municipality=rnd.choice(places),
          description=text(30), sector="Handwerk")
    for i in range(N // 2)
)
organisations = Party.objects.bulk_create(
    Party(kind="organisation", name=f"{{rnd.choice(clubs)}} {{rnd.choice(towns)}} {{i}} e.V.",
          slug=f"verein-{{i}}", status="approved", municipality=rnd.choice(places),
          description=text(30), legal_form="verein")
    for i in range(N // 2)
)
patronships = Patronship.objects.bulk_create(
    Patronship(
        sponsor=companies[i % len(companies)],
        recipient=organisations[(i * 7) % len(organisations)],
        title=f"Patenschaft {{i}}",
        status="active" if i % 5 < 3 else "completed",
        start_date=today - datetime.timedelta(days=30 + i),
        end_date=today + datetime.timedelta(days=300 - i) if i % 5 < 3
        else today - datetime.timedelta(days=1),
        sponsor_gives=text(15), recipient_gives=text(12),
    )
    for i in range(N)
)
Through = Patronship.topics.through
Through.objects.bulk_create(
    Through(patronship=p, topic=t)
    for p in patronships for t in rnd.sample(topics, 2)
)
Consent.objects.bulk_create(
    Consent(patronship=p, party_id=party_id, show_story=True, show_name=True,
            show_logo=True, show_photos=True, show_quote=True)
    for p in patronships for party_id in (p.sponsor_id, p.recipient_id)
)
Story.objects.bulk_create(
    Story(
        patronship=p, status="published", title=f"Gemeinsam stark: Geschichte {{i}}",
        slug=f"gemeinsam-stark-geschichte-{{i}}", teaser=text(25),
        text="\\n\\n".join(text(60) for _ in range(4)),
        sponsor_gave=p.sponsor_gives, recipient_gave=p.recipient_gives,
        sponsor_quote=text(14), sponsor_quote_by="Inhaberin",
        recipient_quote=text(14), recipient_quote_by="Vorsitzender",
        published_at=now - datetime.timedelta(hours=i),
        first_published_at=now - datetime.timedelta(hours=i),
        sponsor_approved_at=now, recipient_approved_at=now,
    )
    for i, p in enumerate(patronships)
)
story_document_refresh(Story.objects.all())
Seal.objects.bulk_create(
    Seal(holder_id=p.sponsor_id, patronship=p, valid_from=p.start_date,
         valid_until=p.end_date)
    for p in patronships if p.status == "active"
)
needs = Need.objects.bulk_create(
    Need(party=organisations[i % len(organisations)], title=f"Bedarf {{i}}",
         description=text(40), kind="know_how", status="open", publish_publicly=True,
         municipality=rnd.choice(places))
    for i in range(80)
)
Need.topics.through.objects.bulk_create(
    Need.topics.through(need=n, topic=rnd.choice(topics)) for n in needs
)
_bump_now()
story = Story.objects.order_by("-first_published_at").first()
print(f"{{story.pk}} {{story.slug}}")
"""

# Runs in `manage.py shell`: the cost of a cache miss, built in process.
MISS = """\
import statistics
import time

from django.test import RequestFactory

from publication.views import public

factory = RequestFactory()
for name, build in [
    ("gallery", lambda: public._gallery_fragments({{}})),
    ("gallery, search 'Vereinsheim'", lambda: public._gallery_fragments({{"q": "Vereinsheim"}})),
    ("story page", lambda: public._story_fragments({pk}, {slug!r})),
    ("open-needs board", lambda: public._needs_fragments({{}})),
]:
    build()
    times = []
    for _ in range(15):
        started = time.perf_counter()
        build()
        times.append((time.perf_counter() - started) * 1000)
    print(f"{{name}}|{{statistics.median(times):.1f}}")
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(args, env, **kwargs):
    return subprocess.run(args, env=env, cwd=ROOT, check=True, text=True, **kwargs)


def _get(url: str) -> tuple[int, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


# A returning browser sends the CSRF cookie it got on its first visit; a new visitor (and
# wrk by default) sends none, and Django then makes a new CSRF secret for the footer's
# language form on every request.
RETURNING = {"Cookie": "csrftoken=" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"}


def load_wrk(
    url: str, *, duration: int, connections: int, headers: dict
) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 in milliseconds."""
    args = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url]
    for name, value in headers.items():
        args[1:1] = ["-H", f"{name}: {value}"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    if re.search(r"Non-2xx or 3xx responses: \d+", out):
        raise SystemExit(f"wrk saw error responses for {url}:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    return rate, _ms(*p50.groups()), _ms(*p99.groups())


def load_python(
    url: str, *, duration: int, connections: int, max_requests: int, headers: dict
) -> tuple[float, float, float]:
    """A bounded fallback: `connections` threads, each one keep-alive connection."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + duration
    latencies: list[float] = []
    lock = threading.Lock()
    budget = [max_requests]
    failures: list[str] = []

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            started = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            if response.status >= 400:
                failures.append(f"{url} answered {response.status}")
                break
            with lock:
                latencies.append(elapsed)
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise SystemExit(failures[0])
    latencies.sort()
    rate = len(latencies) / (time.monotonic() - started)
    return rate, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]


def _postgres(url: str, sql: str, env, *, check=True):
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    return subprocess.run(
        ["psql", admin_url, "-qc", sql], env=env, capture_output=True, text=True, check=check
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--duration", type=int, default=5, help="seconds per URL and round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; medians are printed")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=200_000, help="Python client cap")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp folder")
    parser.add_argument("--redis-url", default="", help="default: local-memory cache")
    options = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sozialpaten-public-bench-"))
    (tmp / "public_bench_settings.py").write_text(SETTINGS.format(static_root=str(tmp / "static")))
    (tmp / "public_bench_urls.py").write_text(URLS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "public_bench_settings",
        "DEBUG": "0",
        "SECRET_KEY": "public-bench-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1:8000",
        "DATABASE_URL": options.database_url or f"sqlite:///{tmp}/bench.sqlite3",
        "DATABASE_CONN_MAX_AGE": "600",
        "MEDIA_ROOT": str(tmp / "media"),
    }
    env.pop("REDIS_URL", None)
    if options.redis_url:
        env["REDIS_URL"] = options.redis_url
        env["CACHE_KEY_PREFIX"] = f"public-bench-{os.getpid()}"
    postgres = options.database_url.startswith(("postgres", "pgsql"))
    database = urlsplit(options.database_url).path.lstrip("/") if postgres else ""
    manage = [PYTHON, "manage.py"]
    gunicorn = None
    try:
        if postgres:
            _postgres(options.database_url, f'DROP DATABASE IF EXISTS "{database}"', env)
            _postgres(options.database_url, f'CREATE DATABASE "{database}"', env)
        _run(manage + ["migrate", "--no-input", "-v0"], env)
        _run(manage + ["collectstatic", "--no-input", "-v0"], env)
        started = time.monotonic()
        seed = SEED.format(stories=options.stories)
        out = _run(manage + ["shell", "-v", "0", "-c", seed], env, capture_output=True).stdout
        pk, slug = out.strip().splitlines()[-1].split()
        seeded = time.monotonic() - started

        misses = _run(
            manage + ["shell", "-v", "0", "-c", MISS.format(pk=int(pk), slug=slug)],
            env,
            capture_output=True,
        ).stdout
        miss_ms = [line.split("|") for line in misses.strip().splitlines() if "|" in line]

        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "sozialpaten.wsgi",
                "--workers=2",
                "--worker-class=sync",
                f"--bind=127.0.0.1:{port}",
                "--log-level=warning",
            ],
            env=env,
            cwd=ROOT,
        )
        _wait_for(f"{base}/bench/trivial/")
        targets = [
            ("trivial Django view", f"{base}/bench/trivial/", {}),
            ("gallery (cached)", f"{base}/galerie/", {}),
            ("gallery, returning visitor", f"{base}/galerie/", RETURNING),
            ("gallery, filtered page 2 (cached)", f"{base}/galerie/?state=laufend&page=2", {}),
            ("story page (cached)", f"{base}/galerie/{pk}/{slug}/", {}),
            ("open-needs board (cached)", f"{base}/offene-bedarfe/", {}),
        ]
        for _label, url, _headers in targets:  # every worker fills its cache
            for _ in range(20):
                status, body = _get(url)
                assert status == 200, (url, status, body[:300])
        status, body = _get(f"{base}/galerie/")
        cards = body.count(b'class="story-card"')
        assert cards == 24, cards

        use_wrk = shutil.which("wrk") is not None
        print(
            f"{options.stories} published stories (seeded in {seeded:.0f} s); gunicorn 2 sync "
            f"workers; {'wrk' if use_wrk else 'Python client'}, {options.connections} "
            f"connections, {options.duration} s × {options.rounds} rounds; database "
            f"{'PostgreSQL' if postgres else 'SQLite'} (CONN_MAX_AGE=600); cache "
            f"{'Redis' if options.redis_url else 'local memory (per worker)'}"
        )
        results: dict[str, list[tuple[float, float, float]]] = {t[0]: [] for t in targets}
        for _round in range(options.rounds):
            for label, url, headers in targets:
                if use_wrk:
                    measured = load_wrk(
                        url,
                        duration=options.duration,
                        connections=options.connections,
                        headers=headers,
                    )
                else:
                    measured = load_python(
                        url,
                        duration=options.duration,
                        connections=options.connections,
                        max_requests=options.max_requests,
                        headers=headers,
                    )
                results[label].append(measured)

        def median(label, index):
            return statistics.median(r[index] for r in results[label])

        def ratio(label):
            # Each round's rate against the trivial view's in the same round, so that a
            # busy neighbour on the machine slows both sides of a ratio alike.
            trivial_rates = [r[0] for r in results[targets[0][0]]]
            return statistics.median(
                r[0] / t for r, t in zip(results[label], trivial_rates, strict=True)
            )

        print(f"\n{'':36} {'req/s':>7} {'× trivial':>10} {'p50 ms':>7} {'p99 ms':>7}   rounds")
        for label, _url, _headers in targets:
            rounds = " ".join(f"{r[0]:.0f}" for r in results[label])
            print(
                f"{label:36} {median(label, 0):7.0f} {ratio(label):10.2f} "
                f"{median(label, 1):7.2f} {median(label, 2):7.2f}   {rounds}"
            )
        print("\nbuilding a page on a cache miss (in process, median of 15):")
        for name, ms in miss_ms:
            print(f"  {name:34} {float(ms):7.1f} ms")
        gallery = ratio(targets[1][0])
        verdict = "met" if gallery >= TARGET_RATIO else "NOT met"
        print(
            f"\ntarget: cached gallery ≥ {TARGET_RATIO}× trivial view: {gallery:.2f}× – {verdict}"
        )
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if postgres:
            _postgres(
                options.database_url, f'DROP DATABASE IF EXISTS "{database}"', env, check=False
            )
        if options.redis_url:  # this run's keys only (they carry its own prefix)
            import redis

            client = redis.Redis.from_url(options.redis_url)
            for key in client.scan_iter(match=f"{env['CACHE_KEY_PREFIX']}:*"):
                client.delete(key)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
