"""Matching speed and memory at regional and much larger sizes.

Generates synthetic regions with realistic distributions (competencies drawn from the
real taxonomy with a long tail, texts built from their everyday synonyms and filler, towns
scattered over the Lausitz) and prints, per size: the full recompute (index build and the
top ten for every need, on both cores) with the processor time it took (all processes
together: on a busy machine the wall time grows, this does not), its peak memory (the
largest process), and one incremental update each for a changed need and a changed
company. Each size runs in a fresh process so peaks do not mix.

    .venv/bin/python bench/matching.py            # all three sizes
    .venv/bin/python bench/matching.py 200 500    # one size
"""

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = [(200, 500), (2_000, 5_000), (20_000, 50_000)]
FILLER = [
    "wir",
    "brauchen",
    "bitte",
    "Hilfe",
    "für",
    "unseren",
    "Verein",
    "im",
    "Ort",
    "mit",
    "Kindern",
    "und",
    "Familien",
    "schnell",
    "gern",
    "regelmäßig",
    "am",
    "Wochenende",
    "einfach",
    "unkompliziert",
]
NEED_KINDS = (
    ["know_how"] * 5 + ["in_kind"] * 3 + ["room", "transport", "time", "material", "contacts"]
)
OFFER_KINDS = ["service"] * 4 + [
    "room",
    "vehicle",
    "equipment",
    "staff_time",
    "material",
    "contacts",
]


def build(n_companies: int, n_needs: int, seed: int = 7):
    from matching.engine.data import CandidateData, NeedData, OfferData, Place
    from matching.quality import _taxonomy

    rng = random.Random(seed)
    taxonomy, _labels, _topics, places = _taxonomy()
    competencies = list(taxonomy.competencies)
    weights = [1 / (i + 1) ** 0.8 for i in range(len(competencies))]  # a long tail
    towns = list(places.values())
    # Larger regions get more towns: copies scattered around the real ones.
    while len(towns) < max(165, n_companies // 20):
        base = rng.choice(list(places.values()))
        towns.append(
            Place(
                len(towns) + 1,
                f"{base.name} {len(towns)}",
                base.lat + rng.uniform(-0.3, 0.3),
                base.lon + rng.uniform(-0.3, 0.3),
            )
        )
    topic_ids = [t.id for t in taxonomy.topics]

    def words(competency, n):
        labels = [competency.name, *competency.synonyms]
        return " ".join(rng.choice(labels) for _ in range(n))

    candidates = []
    for i in range(n_companies + n_needs // 10):
        kind = "company" if i < n_companies else "organisation"
        chosen = rng.choices(competencies, weights=weights, k=rng.randint(2, 6))
        candidates.append(
            CandidateData(
                id=i + 1,
                name=f"Partei {i}",
                kind=kind,
                competencies={c.id: rng.randint(1, 3) for c in chosen},
                offers=[
                    OfferData(rng.choice(OFFER_KINDS), words(c, 2), words(c, 4), frozenset({c.id}))
                    for c in chosen[: rng.randint(0, 3)]
                ],
                description=" ".join([words(chosen[0], 3), *rng.sample(FILLER, 6)]),
                topics=frozenset(rng.sample(topic_ids, rng.randint(1, 3))),
                place=rng.choice(towns),
                radius_km=rng.choice([15, 25, 40, 60, 80]),
                max_patronships=rng.randint(1, 3),
                running=rng.randint(0, 2),
                paused=rng.random() < 0.05,
            )
        )
    organisations = [c for c in candidates if c.kind == "organisation"]
    companies = candidates[:n_companies]
    needs = []
    for j in range(n_needs):
        owner = rng.choice(organisations if j % 10 else companies)
        wanted = rng.choices(competencies, weights=weights, k=1)[0]
        needs.append(
            NeedData(
                id=j + 1,
                owner_id=owner.id,
                owner_kind=owner.kind,
                title=words(wanted, 1) + " " + rng.choice(FILLER),
                description=" ".join([words(wanted, 2), *rng.sample(FILLER, 10)]),
                kind=rng.choice(NEED_KINDS),
                competencies=frozenset({wanted.id}) if rng.random() < 0.5 else frozenset(),
                topics=frozenset(rng.sample(topic_ids, 1)),
                owner_topics=owner.topics,
                place=rng.choice(towns),
                remote_ok=rng.random() < 0.2,
            )
        )
    return taxonomy, candidates, needs


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(n_companies: int, n_needs: int) -> dict:
    from matching.engine.ranker import Index

    taxonomy, candidates, needs = build(n_companies, n_needs)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    index = Index(taxonomy, candidates)
    results = index.rank_many(needs, limit=10, processes=2)
    full = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_mb = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children) - rss_before
    ) / 1024
    shown = sum(len(v) for v in results.values())
    prepared = index.prepare(needs)  # kept, as a worker would, for incremental updates

    # One need changed: read it again and rank it against every candidate.
    changed = needs[len(needs) // 2]
    timings = []
    for _ in range(5):
        t = time.perf_counter()
        index.rank(changed, limit=10)
        timings.append(time.perf_counter() - t)
    one_need = min(timings)
    # One company changed: replace its rows, score it against every prepared need, and
    # explain it only where it enters or stays on a need's list (each list's lowest score).
    company = candidates[len(candidates) // 3]
    floors = {
        nid: (ranked[-1].score if len(ranked) == 10 else 0) for nid, ranked in results.items()
    }
    timings = []
    for _ in range(5):
        t = time.perf_counter()
        index.update_candidate(company)
        index.rank_candidate(company.id, prepared, floors=floors)
        timings.append(time.perf_counter() - t)
    one_company = min(timings)
    return {
        "companies": n_companies,
        "needs": n_needs,
        "full_s": full,
        "cpu_s": cpu,
        "peak_mb": peak_mb,
        "one_need_ms": one_need * 1000,
        "one_company_ms": one_company * 1000,
        "suggestions": shown,
    }


def main(argv):
    if len(argv) == 3:
        print(json.dumps(measure(int(argv[1]), int(argv[2]))))
        return
    print(
        f"{'companies':>9} × {'needs':<7} {'full recompute':>15} {'(processor)':>12} "
        f"{'peak memory':>12} {'one need':>10} {'one company':>12}"
    )
    for n_companies, n_needs in SIZES:
        out = subprocess.run(
            [sys.executable, __file__, str(n_companies), str(n_needs)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{r['companies']:>9,} × {r['needs']:<7,} {r['full_s']:>13.2f} s "
            f"{r['cpu_s']:>10.2f} s {r['peak_mb']:>9.0f} MB {r['one_need_ms']:>7.1f} ms "
            f"{r['one_company_ms']:>9.1f} ms"
        )


if __name__ == "__main__":
    main(sys.argv)
