"""Keeping suggestions fresh, through the database: what a worker does after a change.

bench/matching.py measures the engine alone. This measures the services a Celery task
runs (matching/services.py), database reads and writes included: per size, a full
rebuild (read everything, rank, store the top ten of every need), then one changed need
and one changed company, each refreshed with the index the worker keeps between tasks
(matching/resident.py) and, for comparison, with an index built anew as before.

A synthetic region (the real taxonomy and municipalities; companies, organisations and
needs drawn as in bench/matching.py) is written to a throwaway database: SQLite in a
temporary folder, or a PostgreSQL database created and dropped here. Each size runs in a
fresh process.

    .venv/bin/python bench/matching_refresh.py                      # 200 x 500 and 2,000 x 5,000
    .venv/bin/python bench/matching_refresh.py --large              # also 20,000 x 50,000
    .venv/bin/python bench/matching_refresh.py \\
        --database-url postgres://postgres@127.0.0.1:5432/refresh_bench
"""

import argparse
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = [(200, 500), (2_000, 5_000)]
LARGE = (20_000, 50_000)
REPEATS = 5


def _seed(n_companies: int, n_needs: int, seed: int = 7) -> None:
    from django.utils import timezone

    from bench.matching import FILLER, NEED_KINDS, OFFER_KINDS
    from exchange.models import Need, Offer
    from parties.models import Party, PartyCompetency
    from places.models import Municipality
    from places.services import municipalities_load_reference
    from taxonomy.models import Competency, Topic
    from taxonomy.services import taxonomy_load_reference

    taxonomy_load_reference()
    municipalities_load_reference()
    rng = random.Random(seed)
    competencies = list(Competency.objects.order_by("pk"))
    weights = [1 / (i + 1) ** 0.8 for i in range(len(competencies))]  # a long tail
    topics = list(Topic.objects.all())
    places = list(Municipality.objects.all())

    def words(competency, n):
        labels = [competency.name, *(competency.synonyms or ())]
        return " ".join(rng.choice(labels) for _ in range(n))

    n_organisations = n_needs // 10
    chosen = []
    parties = []
    for i in range(n_companies + n_organisations):
        kind = "company" if i < n_companies else "organisation"
        picked = list(
            dict.fromkeys(rng.choices(competencies, weights=weights, k=rng.randint(2, 6)))
        )
        chosen.append(picked)
        parties.append(
            Party(
                kind=kind,
                name=f"Partei {i}",
                slug=f"partei-{i}",
                status="approved",
                municipality=rng.choice(places),
                description=" ".join([words(picked[0], 3), *rng.sample(FILLER, 6)]),
                radius_km=rng.choice([15, 25, 40, 60, 80]),
                max_patronships=rng.randint(1, 3),
                is_paused=rng.random() < 0.05,
            )
        )
    parties = Party.objects.bulk_create(parties, batch_size=2000)
    PartyCompetency.objects.bulk_create(
        (
            PartyCompetency(party=p, competency=c, rating=rng.randint(1, 3))
            for p, picked in zip(parties, chosen, strict=True)
            for c in picked
        ),
        batch_size=5000,
    )
    Party.topics.through.objects.bulk_create(
        (
            Party.topics.through(party=p, topic=t)
            for p in parties
            for t in rng.sample(topics, rng.randint(1, 3))
        ),
        batch_size=5000,
    )
    offers, offer_competencies = [], []
    for p, picked in zip(parties, chosen, strict=True):
        for c in picked[: rng.randint(0, 3)]:
            offers.append(
                Offer(
                    party=p,
                    kind=rng.choice(OFFER_KINDS),
                    title=words(c, 2),
                    description=words(c, 4),
                )
            )
            offer_competencies.append(c)
    offers = Offer.objects.bulk_create(offers, batch_size=5000)
    Offer.competencies.through.objects.bulk_create(
        (
            Offer.competencies.through(offer=o, competency=c)
            for o, c in zip(offers, offer_competencies, strict=True)
        ),
        batch_size=5000,
    )
    companies, organisations = parties[:n_companies], parties[n_companies:]
    needs, wanted = [], []
    for j in range(n_needs):
        owner = rng.choice(organisations if j % 10 else companies)
        competency = rng.choices(competencies, weights=weights, k=1)[0]
        wanted.append(competency if rng.random() < 0.5 else None)
        needs.append(
            Need(
                party=owner,
                title=(words(competency, 1) + " " + rng.choice(FILLER))[:200],
                description=" ".join([words(competency, 2), *rng.sample(FILLER, 10)]),
                kind=rng.choice(NEED_KINDS),
                municipality=rng.choice(places),
                remote_ok=rng.random() < 0.2,
                status="open",
            )
        )
    needs = Need.objects.bulk_create(needs, batch_size=5000)
    Need.competencies.through.objects.bulk_create(
        (
            Need.competencies.through(need=n, competency=c)
            for n, c in zip(needs, wanted, strict=True)
            if c is not None
        ),
        batch_size=5000,
    )
    Need.topics.through.objects.bulk_create(
        (Need.topics.through(need=n, topic=rng.choice(topics)) for n in needs), batch_size=5000
    )
    # A real region's entries were written over months, not in the last minute.
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Party.objects.update(updated_at=long_ago)
    Need.objects.update(updated_at=long_ago)


def _analyse() -> None:
    """Table statistics, as autovacuum keeps them in production: without them PostgreSQL
    plans for the empty tables it saw before the bulk inserts."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _timed(function, repeats=REPEATS) -> float:
    """Median milliseconds of `repeats` calls."""
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def measure(n_companies: int, n_needs: int) -> dict:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from exchange.models import Need
    from matching import resident, services
    from matching.models import Suggestion
    from parties.models import Party

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _seed(n_companies, n_needs)
    seeded = time.perf_counter() - started
    _analyse()

    started = time.perf_counter()
    services.suggestions_rebuild()
    rebuild = time.perf_counter() - started
    stored = Suggestion.objects.count()
    _analyse()

    need = Need.objects.order_by("pk")[n_needs // 2]
    company = Party.objects.filter(kind="company", is_paused=False).order_by("pk")[n_companies // 3]
    count = iter(range(1_000_000))

    def change_need():
        # What a saved form does: new words in the title, then the task's refresh.
        Need.objects.filter(pk=need.pk).update(title=f"{need.title} {next(count)}")
        services.suggestions_refresh_needs(need_ids=[need.pk])

    def change_company():
        # A profile edit in words the region already uses: written into the kept index.
        Party.objects.filter(pk=company.pk).update(radius_km=20 + next(count) % 40)
        services.suggestions_refresh_party(party_id=company.pk)

    started = time.perf_counter()
    change_company()  # the first reads every open need once for the kept index
    first_company = (time.perf_counter() - started) * 1000
    kept_need = _timed(change_need)
    kept_company = _timed(change_company)
    settings.MATCHING_KEEP_INDEX = False
    resident._kept.clear()
    fresh_need = _timed(change_need, 3)
    fresh_company = _timed(change_company, 3)
    return {
        "companies": n_companies,
        "needs": n_needs,
        "seed_s": seeded,
        "rebuild_s": rebuild,
        "stored": stored,
        "kept_need_ms": kept_need,
        "kept_company_ms": kept_company,
        "first_company_ms": first_company,
        "fresh_need_ms": fresh_need,
        "fresh_company_ms": fresh_company,
    }


def _postgres(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(sql)


def run_size(n_companies: int, n_needs: int, database_url: str) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="refresh-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sozialpaten.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost",
    }
    env.pop("REDIS_URL", None)  # tasks in-process: the refresh runs where it is timed
    database = ""
    if database_url:
        database = f"refresh_bench_{os.getpid()}_{n_companies}"
        _postgres(database_url, f'CREATE DATABASE "{database}"')
        env["DATABASE_URL"] = database_url.rsplit("/", 1)[0] + "/" + database
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n_companies), str(n_needs)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode:
            sys.exit(out.stderr)
        return json.loads(out.stdout.strip().splitlines()[-1])
    finally:
        if database:
            _postgres(database_url, f'DROP DATABASE IF EXISTS "{database}"')
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also 20,000 x 50,000")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp folder")
    parser.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        print(json.dumps(measure(*options.one)))
        return
    sizes = SIZES + ([LARGE] if options.large else [])
    print("database:", "PostgreSQL" if options.database_url else "SQLite")
    print(
        f"{'companies':>9} × {'needs':<7} {'full rebuild':>13} {'stored':>8} "
        f"{'one need':>10} {'one company':>12} {'(first)':>9} "
        f"{'need, new index':>16} {'company, new index':>19}"
    )
    for n_companies, n_needs in sizes:
        r = run_size(n_companies, n_needs, options.database_url)
        print(
            f"{r['companies']:>9,} × {r['needs']:<7,} {r['rebuild_s']:>11.2f} s "
            f"{r['stored']:>8,} {r['kept_need_ms']:>7.1f} ms {r['kept_company_ms']:>9.1f} ms "
            f"{r['first_company_ms']:>6.0f} ms {r['fresh_need_ms']:>13.0f} ms "
            f"{r['fresh_company_ms']:>16.0f} ms"
        )


if __name__ == "__main__":
    main()
