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
import statistics
import time

import serving

TARGET_RATIO = 0.5

SETTINGS = """\
from sozialpaten.settings import *  # noqa: F401,F403

ROOT_URLCONF = "public_bench_urls"
STATIC_ROOT = {static_root!r}
LOGGING = {{"version": 1, "disable_existing_loggers": False, "root": {{"level": "ERROR"}}}}
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


# A returning browser sends the cookies it got before (a CSRF cookie from a form elsewhere
# on the site); a new visitor (and wrk by default) sends none. The cached page is the same
# for both.
RETURNING = {"Cookie": "csrftoken=" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=500)
    serving.add_arguments(parser, duration=5, rounds=5)
    options = parser.parse_args()

    site = {"SITE_URL": "http://127.0.0.1:8000"}
    with serving.portal("public", options, SETTINGS, conn_max_age=600, extra_env=site) as (
        _tmp,
        env,
    ):
        manage = serving.MANAGE
        serving.run(manage + ["migrate", "--no-input", "-v0"], env)
        serving.run(manage + ["collectstatic", "--no-input", "-v0"], env)
        started = time.monotonic()
        seed = SEED.format(stories=options.stories)
        out = serving.run(manage + ["shell", "-v", "0", "-c", seed], env, capture_output=True)
        pk, slug = out.stdout.strip().splitlines()[-1].split()
        seeded = time.monotonic() - started

        misses = serving.run(
            manage + ["shell", "-v", "0", "-c", MISS.format(pk=int(pk), slug=slug)],
            env,
            capture_output=True,
        ).stdout
        miss_ms = [line.split("|") for line in misses.strip().splitlines() if "|" in line]

        with serving.gunicorn(env) as base:
            targets = [
                ("trivial Django view", base + serving.TRIVIAL, {}),
                ("gallery (cached)", f"{base}/galerie/", {}),
                ("gallery, returning visitor", f"{base}/galerie/", RETURNING),
                ("gallery, filtered page 2 (cached)", f"{base}/galerie/?state=laufend&page=2", {}),
                ("story page (cached)", f"{base}/galerie/{pk}/{slug}/", {}),
                ("open-needs board (cached)", f"{base}/offene-bedarfe/", {}),
            ]
            for _label, url, _headers in targets:  # every worker fills its cache
                for _ in range(20):
                    status, _h, body = serving.get(url)
                    assert status == 200, (url, status, body[:300])
            status, _h, body = serving.get(f"{base}/galerie/")
            cards = body.count(b'class="story-card"')
            assert cards == 24, cards

            print(
                f"{options.stories} published stories (seeded in {seeded:.0f} s); "
                f"{serving.describe(options)} (CONN_MAX_AGE=600)"
            )
            results: dict[str, list[tuple[float, float, float]]] = {t[0]: [] for t in targets}
            for _round in range(options.rounds):
                for label, url, headers in targets:
                    results[label].append(serving.load(url, options, headers))

    def median(label, index):
        return statistics.median(r[index] for r in results[label])

    def ratio(label):
        # Each round's rate against the trivial view's in the same round, so that a busy
        # neighbour on the machine slows both sides of a ratio alike.
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
    print(f"\ntarget: cached gallery ≥ {TARGET_RATIO}× trivial view: {gallery:.2f}× – {verdict}")


if __name__ == "__main__":
    main()
