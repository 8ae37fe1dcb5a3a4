"""What the load benches share: the portal served by gunicorn from a throwaway folder, a
throwaway database, and a load generator on loopback (`wrk` when installed, else a small
threaded Python client), with a trivial Django view to compare against.

Imported by bench/public.py and bench/seal.py (run as scripts, so this folder is on the
path).
"""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
MANAGE = [PYTHON, "manage.py"]

# The project's URLs plus a trivial view through the same middleware: the yardstick.
URLS = """\
from django.http import HttpResponse
from django.urls import path

from sozialpaten.urls import urlpatterns as project_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *project_urlpatterns]
"""
TRIVIAL = "/bench/trivial/"


def add_arguments(parser, *, duration: int, rounds: int) -> None:
    parser.add_argument("--duration", type=int, default=duration, help="seconds per URL and round")
    parser.add_argument("--rounds", type=int, default=rounds, help="rounds; medians are printed")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=200_000, help="Python client cap")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp folder")
    parser.add_argument("--redis-url", default="", help="default: local-memory cache")


def run(args, env, **kwargs):
    return subprocess.run(args, env=env, cwd=ROOT, check=True, text=True, **kwargs)


def get(url: str, headers=None) -> tuple[int, dict, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request(
        "GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {}
    )
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def _postgres(url: str, sql: str, env, *, check=True):
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    return subprocess.run(
        ["psql", admin_url, "-qc", sql], env=env, capture_output=True, text=True, check=check
    )


@contextmanager
def portal(name: str, options, settings: str, *, conn_max_age: int, extra_env=None):
    """A throwaway folder with `{name}_bench_settings` (from `settings`, formatted with the
    static root) and `{name}_bench_urls`, the environment to serve from it, and the database
    (PostgreSQL: created here and dropped afterwards) and cache (Redis: this run's keys
    removed afterwards) the options name. Yields (folder, environment)."""
    tmp = Path(tempfile.mkdtemp(prefix=f"sozialpaten-{name}-bench-"))
    (tmp / f"{name}_bench_settings.py").write_text(settings.format(static_root=str(tmp / "static")))
    (tmp / f"{name}_bench_urls.py").write_text(URLS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": f"{name}_bench_settings",
        "DEBUG": "0",
        "SECRET_KEY": f"{name}-bench-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": options.database_url or f"sqlite:///{tmp}/bench.sqlite3",
        "DATABASE_CONN_MAX_AGE": str(conn_max_age),
        "MEDIA_ROOT": str(tmp / "media"),
        **(extra_env or {}),
    }
    env.pop("REDIS_URL", None)
    if options.redis_url:
        env["REDIS_URL"] = options.redis_url
        env["CACHE_KEY_PREFIX"] = f"{name}-bench-{os.getpid()}"
    database = urlsplit(options.database_url).path.lstrip("/") if is_postgres(options) else ""
    try:
        if database:
            _postgres(options.database_url, f'DROP DATABASE IF EXISTS "{database}"', env)
            _postgres(options.database_url, f'CREATE DATABASE "{database}"', env)
        yield tmp, env
    finally:
        if database:
            _postgres(
                options.database_url, f'DROP DATABASE IF EXISTS "{database}"', env, check=False
            )
        if options.redis_url:  # this run's keys only (they carry its own prefix)
            import redis

            client = redis.Redis.from_url(options.redis_url)
            for key in client.scan_iter(match=f"{env['CACHE_KEY_PREFIX']}:*"):
                client.delete(key)
        shutil.rmtree(tmp, ignore_errors=True)


def is_postgres(options) -> bool:
    return options.database_url.startswith(("postgres", "pgsql"))


def describe(options) -> str:
    """The load generator and services of this run, for the report's first line."""
    client = "wrk" if shutil.which("wrk") else "Python client"
    database = "PostgreSQL" if is_postgres(options) else "SQLite"
    cache = "Redis" if options.redis_url else "local memory (per worker)"
    return (
        f"gunicorn 2 sync workers; {client}, {options.connections} connections, "
        f"{options.duration} s × {options.rounds} rounds; database {database}; cache {cache}"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env):
    """The portal served by gunicorn (2 sync workers) until the block ends: its base URL."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
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
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get(base + TRIVIAL)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"gunicorn did not answer at {base}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def _load_wrk(url: str, *, duration: int, connections: int, headers: dict):
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


def _load_python(url: str, *, duration: int, connections: int, max_requests: int, headers: dict):
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


def load(url: str, options, headers=None) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 in milliseconds, for one URL and round."""
    if shutil.which("wrk"):
        return _load_wrk(
            url, duration=options.duration, connections=options.connections, headers=headers or {}
        )
    return _load_python(
        url,
        duration=options.duration,
        connections=options.connections,
        max_requests=options.max_requests,
        headers=headers or {},
    )
