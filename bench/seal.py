"""Seal pages under load on loopback: the embedded image, the verification page and its
JSON, next to a static file (whitenoise) and a trivial Django view, in one run.

    .venv/bin/python bench/seal.py                      # SQLite, local-memory cache
    .venv/bin/python bench/seal.py --database-url postgres://postgres@127.0.0.1:5432/seal_bench \\
        --redis-url redis://127.0.0.1:6379/0          # as in production (the database is
                                                        # created and dropped by the bench)

Serves the portal with gunicorn (2 sync workers, production settings: DEBUG off,
persistent database connections) from a throwaway folder, and loads each URL with `wrk`
(apt-get install wrk) or, without it, a small threaded Python client; every run is bounded
by --duration seconds (the Python client also by --max-requests). Prints requests per
second and the ratios to the trivial view and to the static file (each ratio taken within
one round, the median over all rounds printed, so that a busy machine skews less). The
verification rate limit is lifted for the bench: it would otherwise (rightly) answer 429
to one address.
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

SETTINGS = """\
from sozialpaten.settings import *  # noqa: F401,F403

ROOT_URLCONF = "seal_bench_urls"
STATIC_ROOT = {static_root!r}
# One address sends every request here; the limit protects against that in production.
SEAL_VERIFY_RATE_LIMIT = 10**9
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

SEED = """\
import datetime
from django.utils import timezone
from parties.models import Party
from patronships.models import Patronship
from seals.models import Seal
from taxonomy.models import Topic

today = timezone.localdate()
sponsor = Party.objects.create(
    kind="company", name="Dachdeckerei Krüger GmbH", slug="krueger", status="approved"
)
recipient = Party.objects.create(
    kind="organisation", name="SV Jugendfußball Weißwasser e.V.", slug="sv", status="approved"
)
patronship = Patronship.objects.create(
    sponsor=sponsor, recipient=recipient, title="Neues Dach für das Vereinsheim",
    status="active", start_date=today - datetime.timedelta(days=30),
    end_date=today + datetime.timedelta(days=335),
)
patronship.topics.set([Topic.objects.create(slug="sport", name="Sport")])
seal = Seal.objects.create(
    holder=sponsor, patronship=patronship,
    valid_from=patronship.start_date, valid_until=patronship.end_date,
)
print(seal.code)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(args, env, **kwargs):
    return subprocess.run(args, env=env, cwd=ROOT, check=True, text=True, **kwargs)


def _get(url: str, headers=None) -> tuple[int, dict, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", parts.path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def load_wrk(url: str, *, duration: int, connections: int, headers: dict) -> float:
    args = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(args + [url], check=True, capture_output=True, text=True).stdout
    if re.search(r"Non-2xx or 3xx responses: \d+", out):
        raise SystemExit(f"wrk saw error responses for {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def load_python(
    url: str, *, duration: int, connections: int, headers: dict, max_requests: int
) -> float:
    """A bounded fallback: `connections` threads, each a request after the other."""
    parts = urlsplit(url)
    deadline = time.monotonic() + duration
    counts = [0] * connections
    lock = threading.Lock()
    budget = [max_requests]

    def worker(i):
        while time.monotonic() < deadline:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            conn.request("GET", parts.path, headers=headers)
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status >= 400:
                raise SystemExit(f"{url} answered {response.status}")
            counts[i] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.monotonic() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=3, help="seconds per URL and round")
    parser.add_argument("--rounds", type=int, default=7, help="rounds; medians are printed")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=200_000, help="Python client cap")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp folder")
    parser.add_argument("--redis-url", default="", help="default: local-memory cache")
    options = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sozialpaten-seal-bench-"))
    (tmp / "seal_bench_settings.py").write_text(SETTINGS.format(static_root=str(tmp / "static")))
    (tmp / "seal_bench_urls.py").write_text(URLS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "seal_bench_settings",
        "DEBUG": "0",
        "SECRET_KEY": "seal-bench-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": options.database_url or f"sqlite:///{tmp}/bench.sqlite3",
        "DATABASE_CONN_MAX_AGE": "60",
        "MEDIA_ROOT": str(tmp / "media"),
    }
    env.pop("REDIS_URL", None)
    if options.redis_url:
        env["REDIS_URL"] = options.redis_url
        env["CACHE_KEY_PREFIX"] = f"seal-bench-{os.getpid()}"
    postgres = options.database_url.startswith(("postgres", "pgsql"))
    manage = [PYTHON, "manage.py"]
    gunicorn = None
    try:
        if postgres:
            name = urlsplit(options.database_url).path.lstrip("/")
            admin_url = options.database_url.rsplit("/", 1)[0] + "/postgres"
            _run(
                ["psql", admin_url, "-qc", f'DROP DATABASE IF EXISTS "{name}"'],
                env,
                capture_output=True,
            )
            _run(["psql", admin_url, "-qc", f'CREATE DATABASE "{name}"'], env)
        _run(manage + ["migrate", "--no-input", "-v0"], env)
        _run(manage + ["collectstatic", "--no-input", "-v0"], env)
        out = _run(manage + ["shell", "-v", "0", "-c", SEED], env, capture_output=True).stdout
        code = out.strip().splitlines()[-1]
        manifest = (tmp / "static" / "staticfiles.json").read_text()
        css = re.search(r'"css/site.css":\s*"([^"]+)"', manifest).group(1)

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

        image = f"{base}/siegel/{code}/siegel-240.png"
        status, headers, body = _get(image)
        assert status == 200 and headers["content-type"] == "image/png", status
        etag = headers["etag"]
        targets = [
            ("trivial Django view", f"{base}/bench/trivial/", {}),
            ("static file (whitenoise, site.css)", f"{base}/static/{css}", {}),
            (f"seal image 240 px ({len(body) // 1024} KB)", image, {}),
            ("seal image, 304 (If-None-Match)", image, {"If-None-Match": etag}),
            ("verification page (HTML)", f"{base}/siegel/pruefen/{code}/", {}),
            ("verification JSON", f"{base}/siegel/pruefen/{code}.json", {}),
        ]
        for _label, url, extra in targets:  # warm both workers' caches
            for _ in range(20):
                status, _h, _b = _get(url, extra)
                assert status in (200, 304), (url, status)

        use_wrk = shutil.which("wrk") is not None
        print(
            f"gunicorn 2 sync workers, {'wrk' if use_wrk else 'Python client'}, "
            f"{options.connections} connections, {options.duration} s × {options.rounds} rounds"
            f", database {'PostgreSQL' if postgres else 'SQLite'} (CONN_MAX_AGE=60), cache "
            f"{'Redis' if options.redis_url else 'local memory'}"
        )
        results = {label: [] for label, _url, _h in targets}
        for _round in range(options.rounds):
            for label, url, extra in targets:
                if use_wrk:
                    rate = load_wrk(
                        url,
                        duration=options.duration,
                        connections=options.connections,
                        headers=extra,
                    )
                else:
                    rate = load_python(
                        url,
                        duration=options.duration,
                        connections=options.connections,
                        headers=extra,
                        max_requests=options.max_requests,
                    )
                results[label].append(rate)
        # The machine may be shared: each ratio is taken within one round (seconds apart),
        # and the median over the rounds is printed.
        trivial_label, static_label = targets[0][0], targets[1][0]
        print(f"{'':40} {'req/s':>8} {'× trivial':>10} {'× static':>9}   req/s per round")
        for label, rates in results.items():
            to_trivial = [r / t for r, t in zip(rates, results[trivial_label], strict=True)]
            to_static = [r / t for r, t in zip(rates, results[static_label], strict=True)]
            rounds = " ".join(f"{r:.0f}" for r in rates)
            print(
                f"{label:40} {statistics.median(rates):8.0f} "
                f"{statistics.median(to_trivial):10.2f} {statistics.median(to_static):9.2f}"
                f"   {rounds}"
            )
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if postgres:
            name = urlsplit(options.database_url).path.lstrip("/")
            admin_url = options.database_url.rsplit("/", 1)[0] + "/postgres"
            subprocess.run(
                ["psql", admin_url, "-qc", f'DROP DATABASE IF EXISTS "{name}"'],
                capture_output=True,
            )
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
