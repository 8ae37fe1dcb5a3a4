"""Benchmark the directory import and export: 5,000 rows per format.

Run from the project folder:  .venv/bin/python bench/import.py [--rows 5000]

Uses a throwaway SQLite database in a temporary folder (migrated and loaded with the
reference taxonomy and municipalities), so it never touches a real database. Each format
is measured on an empty directory: a dry run, the real import, a re-import (all rows
unchanged) and an export. Times come from a run without tracemalloc (it slows Python
down); the memory figures from a second run with it.
"""

import argparse
import io
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="sozialpaten-bench-")
os.environ["DJANGO_SETTINGS_MODULE"] = "sozialpaten.settings_test"
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from accounts.models import User  # noqa: E402
from directory.formats import FORMATS, rows_write  # noqa: E402
from directory.services import directory_export, directory_import  # noqa: E402
from parties.models import Party  # noqa: E402
from places.models import Municipality  # noqa: E402
from places.services import municipalities_load_reference  # noqa: E402
from taxonomy.models import Competency, TargetGroup, Topic  # noqa: E402
from taxonomy.services import taxonomy_load_reference  # noqa: E402

SENTENCE = (
    "Wir sind ein kleiner Verein aus der Lausitz und suchen Unterstützung bei Dingen die "
    "wir mit eigenen Leuten und eigenem Geld nicht schaffen Jede Hilfe zählt ob Stunden "
    "Material oder gute Kontakte in die Region"
)
WORDS = SENTENCE.split()


def _labels(model) -> list[str]:
    labels = []
    for name, synonyms in model.objects.values_list("name", "synonyms"):
        labels.append(name)
        labels.extend((synonyms or [])[:2])
    return labels


def _places() -> list[str]:
    """Municipality names, and the postcodes that belong to one municipality only."""
    postcodes: dict[str, int] = {}
    rows = list(Municipality.objects.values_list("name", "postcodes"))
    for _, codes in rows:
        for code in filter(None, codes.split(",")):
            postcodes[code] = postcodes.get(code, 0) + 1
    return [name for name, _ in rows] + [code for code, n in postcodes.items() if n == 1]


def generate(n: int, seed: int = 7) -> list[dict]:
    """A realistic mix: 20 % companies, 20 % organisations, 35 % needs, 25 % offers."""
    rnd = random.Random(seed)
    competencies, topics = _labels(Competency), _labels(Topic)
    groups = list(TargetGroup.objects.values_list("name", flat=True))
    places = _places()

    def text(k: int) -> str:
        return " ".join(rnd.choices(WORDS, k=k)).capitalize() + "."

    n_companies, n_orgs = n // 5, n // 5
    n_needs = n * 35 // 100
    n_offers = n - n_companies - n_orgs - n_needs
    records = []
    for i in range(n_companies):
        records.append(
            {
                "typ": "unternehmen",
                "ref": f"U-{i:05}",
                "name": f"{rnd.choice(['Bäckerei', 'Dachdeckerei', 'Autohaus', 'IT-Service'])} "
                f"{rnd.choice(['Krüger', 'Schulze', 'Nowak', 'Lehmann', 'Richter'])} {i}",
                "beschreibung": text(25),
                "gemeinde": rnd.choice(places),
                "kompetenzen": "; ".join(
                    f"{label}:{rnd.randint(1, 3)}"
                    for label in rnd.sample(competencies, rnd.randint(1, 4))
                ),
                "themen": "; ".join(rnd.sample(topics, rnd.randint(0, 3))),
                "branche": rnd.choice(["Handwerk", "Handel", "Dienstleistung", "IT"]),
                "groesse": rnd.choice(["1-9", "10–49 Beschäftigte", "50-249", ""]),
                "webseite": f"https://betrieb-{i}.example",
                "email": f"info@betrieb-{i}.example",
                "telefon": f"03576 {rnd.randint(100000, 999999)}",
                "umkreis_km": rnd.choice([10, 20, 30, 50]),
                "max_patenschaften": rnd.randint(1, 3),
                "pausiert": rnd.random() < 0.05,
                "ansprechperson": f"Person {i}",
                "ansprechperson_email": f"person{i}@betrieb-{i}.example",
            }
        )
    for i in range(n_orgs):
        records.append(
            {
                "typ": "organisation",
                "ref": f"O-{i:05}",
                "name": f"{rnd.choice(['SV', 'Förderverein', 'Tafel', 'Jugendclub'])} {i} e.V.",
                "beschreibung": text(30),
                "gemeinde": rnd.choice(places),
                "themen": "; ".join(rnd.sample(topics, rnd.randint(1, 3))),
                "zielgruppen": "; ".join(rnd.sample(groups, rnd.randint(0, 2))),
                "rechtsform": rnd.choice(["verein", "Verein", "ggmbh", "initiative"]),
                "ansprechperson": f"Vorstand {i}",
            }
        )
    for i in range(n_needs):
        owner = (
            f"O-{rnd.randrange(n_orgs):05}" if rnd.random() < 0.85 else f"U-{i % n_companies:05}"
        )
        remote = rnd.random() < 0.2
        records.append(
            {
                "typ": "bedarf",
                "ref": f"B-{i:05}",
                "partei": owner,
                "titel": f"Bedarf {i}: {text(4)}",
                "art": rnd.choice(["know_how", "in_kind", "Raum", "transport", "time"]),
                "beschreibung": text(40),
                "gemeinde": "" if remote else rnd.choice(places),
                "kompetenzen": "; ".join(rnd.sample(competencies, rnd.randint(0, 3))),
                "themen": "; ".join(rnd.sample(topics, rnd.randint(0, 2))),
                "aufwand": rnd.choice(["einmalig", "recurring", "long_term"]),
                "aus_der_ferne": remote,
                "status": rnd.choice(["offen", "open", "draft"]),
                "oeffentlich": rnd.random() < 0.5,
            }
        )
    for i in range(n_offers):
        owner = f"U-{rnd.randrange(n_companies):05}" if rnd.random() < 0.8 else f"O-{i % n_orgs:05}"
        records.append(
            {
                "typ": "angebot",
                "ref": f"A-{i:05}",
                "partei": owner,
                "titel": f"Angebot {i}: {text(3)}",
                "art": rnd.choice(["service", "room", "vehicle", "staff_time", "Kontakte"]),
                "beschreibung": text(20),
                "kompetenzen": "; ".join(rnd.sample(competencies, rnd.randint(0, 2))),
                "umfang": rnd.choice(["", "8 Stunden im Monat", "nur am Wochenende"]),
                "aktiv": rnd.random() < 0.9,
            }
        )
    rnd.shuffle(records)  # owners and their needs in any order
    return records


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _measure(step, *, memory: bool):
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - start
    peak = 0.0
    if memory:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return result, seconds, peak


def run_format(fmt: str, data: bytes, rows: int, coordinator, *, memory: bool) -> list[tuple]:
    Party.objects.all().delete()

    def importing(dry_run):
        def step():
            report = directory_import(
                file=io.BytesIO(data), filename=f"bench.{fmt}", by=coordinator, dry_run=dry_run
            )
            assert report.ok, (report.errors, report.error_rows[:3])
            return report

        return step

    results = []
    for label, step in [
        ("dry run", importing(True)),
        ("import", importing(False)),
        ("re-import", importing(False)),
        ("export", lambda: directory_export(fmt=fmt)),
    ]:
        report, seconds, peak = _measure(step, memory=memory)
        if label == "import":
            assert report.counts["create"] == rows, report.counts
        if label == "re-import":
            assert report.counts["unchanged"] == rows, report.counts
        results.append((label, seconds, peak, _maxrss_mb()))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    taxonomy_load_reference()
    municipalities_load_reference()
    coordinator = User.objects.create_user(
        email="bench@sozialpaten.example", password="x", is_coordinator=True
    )
    records = generate(args.rows)
    files = {fmt: rows_write(records, fmt) for fmt in FORMATS}
    print(f"{args.rows} rows; database {TMP}/bench.sqlite3; Python {sys.version.split()[0]}")
    print(
        f"{'format':<6} {'size':>8}  {'step':<10} {'seconds':>8} {'rows/s':>8} "
        f"{'tracemalloc peak':>17} {'ru_maxrss':>10}"
    )
    for fmt, data in files.items():
        timed = run_format(fmt, data, args.rows, coordinator, memory=False)
        measured = run_format(fmt, data, args.rows, coordinator, memory=True)
        for (label, seconds, _, _), (_, _, peak, rss) in zip(timed, measured, strict=True):
            print(
                f"{fmt:<6} {len(data) / 2**20:>6.2f}MB  {label:<10} {seconds:>8.2f} "
                f"{args.rows / seconds:>8.0f} {peak:>14.1f} MB {rss:>7.0f} MB"
            )


if __name__ == "__main__":
    main()
