"""How long the annual report takes: the figures, the page's charts, and the PDF.

    .venv/bin/python bench/report_pdf.py                 # a programme of 400 patronships
    .venv/bin/python bench/report_pdf.py --patronships 2000 --rounds 5

Builds a programme in a throwaway SQLite database (parties, patronships over four years with
transitions, topics, confirmed contributions, introductions, published stories with consent
and photos), then times, each over --rounds rounds: loading the rows for the figures, the
figures of one year, the report content with its five SVG charts, and rendering the PDF with
WeasyPrint. Prints the median and the PDF's pages and size.
"""

import argparse
import datetime
import io
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


def _timed(rounds: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _seed(patronships: int, stories: int) -> int:
    from django.core.files.base import ContentFile
    from django.utils import timezone
    from PIL import Image

    from exchange.models import Need
    from parties.models import Party
    from patronships.models import (
        Contribution,
        Introduction,
        Patronship,
        PatronshipTransition,
    )
    from places.models import Municipality
    from publication.models import Consent, Story, StoryPhoto
    from taxonomy.models import Topic

    rng = random.Random(7)
    today = timezone.localdate()
    year = today.year - 1
    places = [
        Municipality.objects.create(
            name=name, slug=f"ort-{i}", district="Görlitz", state="Sachsen",
            latitude=51.5, longitude=14.6,
        )
        for i, name in enumerate(
            ["Weißwasser/O.L.", "Bad Muskau", "Rietschen", "Boxberg/O.L.", "Gablenz",
             "Krauschwitz", "Trebendorf", "Schleife", "Groß Düben", "Niesky"]
        )
    ]  # fmt: skip
    topics = [
        Topic.objects.create(slug=f"thema-{i}", name=name)
        for i, name in enumerate(
            ["Jugend", "Senioren", "Sport", "Kultur", "Umwelt", "Bildung", "Familie",
             "Integration", "Ehrenamt", "Sorbische Kultur", "Musik", "Tierschutz"]
        )
    ]  # fmt: skip
    sectors = ["Handwerk", "Handel", "Beratung", "Gastronomie", "IT", "Bau", "Gesundheit"]
    parties = Party.objects.bulk_create(
        [
            Party(
                kind="company" if i % 2 == 0 else "organisation",
                name=f"{'Betrieb' if i % 2 == 0 else 'Verein'} Nr. {i} aus der Lausitz",
                slug=f"partei-{i}",
                status="approved",
                sector=rng.choice(sectors) if i % 2 == 0 else "",
                municipality=rng.choice(places),
            )
            for i in range(max(20, patronships // 2))
        ]
    )
    companies = [p for p in parties if p.kind == "company"]
    organisations = [p for p in parties if p.kind == "organisation"]
    aware = timezone.make_aware
    rows, needs = [], []
    for i in range(patronships):
        start = datetime.date(year - 3, 1, 1) + datetime.timedelta(days=rng.randrange(4 * 365))
        status = rng.choice(["active", "completed", "completed", "ended_early", "declined"])
        org = rng.choice(organisations)
        need = Need(party=org, title=f"Bedarf {i}", description="Hilfe gesucht", kind="know_how",
                    status="met")  # fmt: skip
        needs.append(need)
        rows.append(
            Patronship(
                sponsor=rng.choice(companies),
                recipient=org,
                title=f"Patenschaft {i}",
                status=status,
                start_date=start if status != "declined" else None,
                end_date=start + datetime.timedelta(days=365) if status != "declined" else None,
            )
        )
    Need.objects.bulk_create(needs)
    for need, row in zip(needs, rows, strict=True):
        row.need = need
    Patronship.objects.bulk_create(rows)
    Need.objects.update(created_at=aware(datetime.datetime(year - 3, 1, 1)))
    transitions, contributions, introductions, tags = [], [], [], []
    for row in rows:
        tags += [
            Patronship.topics.through(patronship_id=row.pk, topic_id=t.pk)
            for t in rng.sample(topics, 2)
        ]
        introductions.append(Introduction(patronship=row, status="accepted"))
        if row.status == "declined":
            continue
        transitions.append(PatronshipTransition(patronship=row, to_status="agreed"))
        if row.status in ("completed", "ended_early"):
            transitions.append(PatronshipTransition(patronship=row, to_status=row.status))
        for _ in range(5):
            contributions.append(
                Contribution(
                    patronship=row,
                    direction=rng.choice(["to_recipient", "to_sponsor"]),
                    given_on=row.start_date + datetime.timedelta(days=rng.randrange(300)),
                    hours=rng.randrange(1, 20),
                    value_eur=rng.randrange(0, 500),
                    description="Hilfe",
                    confirmed_at=timezone.now(),
                )
            )
    Patronship.topics.through.objects.bulk_create(tags)
    PatronshipTransition.objects.bulk_create(transitions)
    Introduction.objects.bulk_create(introductions)
    Contribution.objects.bulk_create(contributions)
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (29, 92, 77)).save(buffer, format="JPEG")
    photo = buffer.getvalue()
    published = [r for r in rows if r.status in ("active", "completed")][:stories]
    for row in published:
        story = Story.objects.create(
            patronship=row,
            status="published",
            title=f"Gemeinsam stärker: {row.title} in {row.sponsor.municipality.name}",
            slug="gemeinsam-staerker",
            teaser="Ein Betrieb und ein Verein helfen einander – mit dem, was sie können.",
            text="Seit dem Frühjahr arbeiten beide zusammen.",
            published_at=aware(datetime.datetime(year, 6, 1)),
            first_published_at=aware(datetime.datetime(year, 6, 1)),
        )
        for party in (row.sponsor, row.recipient):
            Consent.objects.create(
                patronship=row, party=party, show_story=True, show_name=True, show_photos=True
            )
        item = StoryPhoto(story=story, caption="Das neue Dach", alt_text="Zwei Dachdecker")
        item.image.save("foto.jpg", ContentFile(photo), save=False)
        item.thumbnail.save("foto-klein.jpg", ContentFile(photo), save=False)
        item.save()
    return year


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patronships", type=int, default=400)
    parser.add_argument("--stories", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sozialpaten-report-bench-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "sozialpaten.settings",
            "DEBUG": "0",
            "SECRET_KEY": "report-bench-not-secret",
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "MEDIA_ROOT": str(tmp / "media"),
            "LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("REDIS_URL", None)
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.path.insert(0, str(ROOT))
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, check=True
        )
        import django

        django.setup()
        from django.db import transaction

        from reports.content import annual_report_content
        from reports.impact import Period, impact_data_load, impact_for
        from reports.pdf import report_document, report_html

        started = time.perf_counter()
        with transaction.atomic():
            year = _seed(options.patronships, options.stories)
        print(
            f"Seeded {options.patronships} patronships and {options.stories} stories in "
            f"{time.perf_counter() - started:.1f} s; report year {year}"
        )
        rounds = options.rounds
        load, data = _timed(rounds, impact_data_load)
        one_year, _ = _timed(
            rounds, lambda: impact_for(data, Period.for_year(year, today=data.today))
        )
        content_time, content = _timed(rounds, lambda: annual_report_content(year))
        html_time, _ = _timed(rounds, lambda: report_html(content))
        first = time.perf_counter()
        report_document(content).write_pdf()
        cold = time.perf_counter() - first
        render_time, document = _timed(rounds, lambda: report_document(content))
        write_time, pdf = _timed(rounds, document.write_pdf)
        print(f"{'':46} {'median':>8}")
        for label, seconds in (
            ("load the rows for the figures (7 queries)", load),
            ("figures of one year (pure Python)", one_year),
            ("report content with 5 SVG charts", content_time),
            ("PDF template to HTML", html_time),
            ("PDF layout (WeasyPrint render)", render_time),
            ("PDF writing (write_pdf)", write_time),
        ):
            print(f"{label:46} {seconds * 1000:7.0f} ms")
        total = content_time + html_time + render_time + write_time
        print(
            f"A whole PDF, as the view makes it: {total:.2f} s (first one in this process: "
            f"{cold:.2f} s); {len(document.pages)} pages, {len(pdf) / 1024:.0f} KB"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
