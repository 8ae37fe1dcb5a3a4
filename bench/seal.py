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
import re
import statistics

import serving

SETTINGS = """\
from sozialpaten.settings import *  # noqa: F401,F403

ROOT_URLCONF = "seal_bench_urls"
STATIC_ROOT = {static_root!r}
# One address sends every request here; the limit protects against that in production.
SEAL_VERIFY_RATE_LIMIT = 10**9
LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    serving.add_arguments(parser, duration=3, rounds=7)
    options = parser.parse_args()

    with serving.portal("seal", options, SETTINGS, conn_max_age=60) as (tmp, env):
        serving.run(serving.MANAGE + ["migrate", "--no-input", "-v0"], env)
        serving.run(serving.MANAGE + ["collectstatic", "--no-input", "-v0"], env)
        seed = serving.MANAGE + ["shell", "-v", "0", "-c", SEED]
        code = serving.run(seed, env, capture_output=True).stdout.strip().splitlines()[-1]
        manifest = (tmp / "static" / "staticfiles.json").read_text()
        css = re.search(r'"css/site.css":\s*"([^"]+)"', manifest).group(1)

        with serving.gunicorn(env) as base:
            image = f"{base}/siegel/{code}/siegel-240.png"
            status, headers, body = serving.get(image)
            assert status == 200 and headers["content-type"] == "image/png", status
            etag = headers["etag"]
            targets = [
                ("trivial Django view", base + serving.TRIVIAL, {}),
                ("static file (whitenoise, site.css)", f"{base}/static/{css}", {}),
                (f"seal image 240 px ({len(body) // 1024} KB)", image, {}),
                ("seal image, 304 (If-None-Match)", image, {"If-None-Match": etag}),
                ("verification page (HTML)", f"{base}/siegel/pruefen/{code}/", {}),
                ("verification JSON", f"{base}/siegel/pruefen/{code}.json", {}),
            ]
            for _label, url, extra in targets:  # warm both workers' caches
                for _ in range(20):
                    status, _h, _b = serving.get(url, extra)
                    assert status in (200, 304), (url, status)

            print(f"{serving.describe(options)} (CONN_MAX_AGE=60)")
            results = {label: [] for label, _url, _h in targets}
            for _round in range(options.rounds):
                for label, url, extra in targets:
                    results[label].append(serving.load(url, options, extra)[0])
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


if __name__ == "__main__":
    main()
