"""Incident resolution cost as the store grows: synthetic incidents, several reports each.

    python benchmarks/bench_incidents.py [--sizes 10000,100000] [--per-incident 4]

Each synthetic incident (a type, a town, a day, named participants, a death toll) is
reported by a few articles from different outlets with varied wording, some with the event's
day, some with only their publication day, a toll that changes between reports.  Articles
arrive in batches of 64 in rough time order, as an ingest sees them; each batch is stored,
then resolved with the ingest hook.  Prints the CPU seconds resolution takes per 1,000
events over the last 2,000 events before each size, the share of pipeline CPU that is
(against the pipeline's rate in articles per core-second, `--pipeline-rate`, from
`bench_pipeline.py`, at `--events-per-article`), and how many incidents were stored.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from eventwire.config import Settings
from eventwire.events.plover import QUAD
from eventwire.incidents import resolve_batch
from eventwire.models import ActorRef, Annotations, Article, Event, Place
from eventwire.store import Store

TYPES = {"ASSAULT": ["attacked", "stormed", "raided", "bombed"],
         "PROTEST": ["protested", "marched", "rallied"],
         "COERCE": ["arrested", "detained", "seized"]}
FIRST = ["Musa", "Ada", "Ibrahim", "Grace", "Sani", "Ngozi", "Yusuf", "Amina", "Tunde", "Bola"]
LAST = ["Bello", "Obi", "Lawal", "Okafor", "Adamu", "Eze", "Garba", "Nwosu", "Sule", "Ojo"]
OUTLETS = [f"outlet {i}" for i in range(40)]
EVENTS_PER_ARTICLE = 2
COUNTRIES = ["NGA", "NER", "TCD", "CMR", "BEN", "MLI", "BFA", "GHA"]
INCIDENTS_PER_DAY = 40  # per type, across the countries


def towns(rng: random.Random, n: int = 400) -> list[tuple[str, float, float]]:
    return [(f"Town{i}", rng.uniform(4, 13), rng.uniform(3, 14), rng.choice(COUNTRIES))
            for i in range(n)]


def synthetic(rng: random.Random, per_incident: int, start: date):
    """Articles with their annotations, in publication order, forever."""
    places = towns(rng)
    day, serial = start, 0
    while True:
        day += timedelta(days=rng.random() < 8 / INCIDENTS_PER_DAY)
        batch = []
        for _ in range(8):
            serial += 1
            kind = rng.choice(sorted(TYPES))
            town = rng.choice(places)
            who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            dead = rng.randint(0, 30)
            for k in range(per_incident):
                published = datetime(day.year, day.month, day.day, 6 + k, tzinfo=UTC) + \
                    timedelta(days=rng.randint(0, 2))
                batch.append((published, serial, k, kind, town, who, dead + k, day))
        batch.sort()
        for published, serial_, k, kind, town, who, dead, when in batch:
            yield _article(rng, published, serial_, k, kind, town, who, dead, when)


def _article(rng, published, serial, k, kind, town, who, dead, when):
    aid = f"a{serial}-{k}"
    verb = rng.choice(TYPES[kind])
    body = (f"Men {verb} a site in {town[0]} on Tuesday, leaving {dead} dead, {who} said. "
            f"Officials in {town[0]} gave no details.")
    events = []
    for n in range(EVENTS_PER_ARTICLE):
        t = body.index(verb) if n == 0 else body.index("gave")
        type_ = kind if n == 0 else "ACCUSE"
        loc = Place(article_id=aid, start=0, end=1, text=town[0], rule="synth",
                    confidence=0.9, name=town[0], lat=town[1] + rng.uniform(-0.01, 0.01),
                    lon=town[2], feature_class="P", country=town[3])
        events.append(Event(
            id=f"{aid}-{n}", article_id=aid, type=type_, sentence_start=0,
            sentence_end=len(body), trigger_start=t, trigger_end=t + 4, trigger=verb,
            rule="synth", confidence=0.8, quad=QUAD[type_],
            date=when if rng.random() < 0.6 else None,
            date_precision="day", location=loc, dead=dead if n == 0 else None,
            sources=[ActorRef(text=who, start=0, end=1, name=who)]))
    art = Article(id=aid, source_path="synth", raw_hash=aid, format="text", body=body,
                  published=published, source=OUTLETS[(serial * 7 + k) % len(OUTLETS)])
    return art, Annotations(article_id=aid, events=events)


def run(sizes: list[int], per_incident: int, pipeline_rate: float, seed: int,
        events_per_article: float = 4.3) -> None:
    rng = random.Random(seed)
    stream = synthetic(rng, per_incident, date(2023, 1, 1))
    with tempfile.TemporaryDirectory() as tmp:
        # the writer's memory cap of `eventwire ingest`
        store = Store(str(Path(tmp) / "bench.duckdb"), memory_limit=Settings().db_memory)
        stored, samples = 0, []
        for size in sizes:
            while stored < size:
                batch = [next(stream) for _ in range(64)]
                arts = [a for a, _ in batch]
                annos = [x for _, x in batch]
                store.write_batch(arts, annos)
                t0 = time.process_time()
                resolve_batch(store, arts, annos)
                samples.append((stored, len(arts) * EVENTS_PER_ARTICLE,
                                time.process_time() - t0))
                stored += len(arts) * EVENTS_PER_ARTICLE
            window = [s for s in samples if s[0] >= size - 2000]
            secs = sum(s[2] for s in window) / sum(s[1] for s in window) * 1000
            per_article = secs / 1000 * events_per_article
            share = per_article / (1 / pipeline_rate + per_article)
            incidents = store.count("incidents")
            made = stored // EVENTS_PER_ARTICLE // per_incident
            print(f"{size:>8,} events stored: {secs:6.3f} CPU s per 1,000 events resolved, "
                  f"{share:.1%} of pipeline CPU at {events_per_article:g} events an article; "
                  f"{incidents:,} incidents stored ({made:,} synthetic happenings, each "
                  "with an officials' statement)", flush=True)
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="Events stored, comma separated.")
    ap.add_argument("--per-incident", type=int, default=4, help="Reports per incident.")
    ap.add_argument("--pipeline-rate", type=float, default=10.0,
                    help="Pipeline articles per core-second (bench_pipeline.py; README).")
    ap.add_argument("--events-per-article", type=float, default=4.3,
                    help="Events the pipeline codes per article (4.3 on the ECB+ dev set).")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    run(sorted(int(x) for x in args.sizes.split(",")), args.per_incident,
        args.pipeline_rate, args.seed, args.events_per_article)


if __name__ == "__main__":
    main()
