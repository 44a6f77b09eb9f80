"""Hand-made reports of invented happenings at real places, for the incident tests."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from eventwire.events.plover import QUAD
from eventwire.models import ActorRef, Annotations, Article, Event, Place

KANO = ("Kano", 12.0002, 8.5167, "NGA", "Kano")
ZARIA = ("Zaria", 11.1113, 7.7227, "NGA", "Kaduna")


def report(aid: str, body: str, trigger: str, *, type_: str = "ASSAULT", day: date | None,
           place: tuple | None, source: str, published: datetime | None = None,
           dead: int | None = None, actors: tuple[str, ...] = (),
           confidence: float = 0.8) -> tuple[Article, Annotations]:
    """One article holding one event whose trigger is the first ``trigger`` in ``body``."""
    m = re.search(re.escape(trigger), body)
    loc = None
    if place:
        name, lat, lon, country, admin1 = place
        p = body.find(name)
        loc = Place(article_id=aid, start=p, end=p + len(name), text=name, rule="fixture",
                    confidence=0.9, name=name, lat=lat, lon=lon, feature_class="P",
                    country=country, admin1=admin1)
    refs = []
    for a in actors:
        p = body.find(a)
        refs.append(ActorRef(text=a, start=p, end=p + len(a), name=a))
    ev = Event(id=f"{aid}-e1", article_id=aid, type=type_, sentence_start=0,
               sentence_end=len(body), trigger_start=m.start(), trigger_end=m.end(),
               trigger=trigger, rule="fixture", confidence=confidence, quad=QUAD[type_],
               date=day, date_precision="day" if day else None, location=loc, dead=dead,
               sources=refs)
    when = published or (datetime(day.year, day.month, day.day, 18, tzinfo=UTC) if day
                         else None)
    art = Article(id=aid, source_path=f"tests/{aid}.txt", raw_hash=f"h-{aid}", format="text",
                  body=body, published=when, source=source)
    return art, Annotations(article_id=aid, events=[ev])


def store_batch(store, *items: tuple[Article, Annotations]) -> None:
    """Store a batch and resolve it, as ingest does."""
    from eventwire.incidents import resolve_batch

    arts = [a for a, _ in items]
    annos = [x for _, x in items]
    store.write_batch(arts, annos)
    resolve_batch(store, arts, annos)


def incident_of(store, event_id: str) -> str:
    return store.con.execute("SELECT incident_id FROM incident_events WHERE event_id = ?",
                             [event_id]).fetchall()[0][0]


TUESDAY = date(2024, 3, 12)
MARKET_A = ("Gunmen attacked a crowded market in Kano on Tuesday, killing 12 people, "
            "police said.")
MARKET_B = ("At least 14 people were killed when armed men stormed the Sabon Gari market in "
            "Kano on Tuesday, residents told reporters.")
MARKET_C = ("Witnesses described panic in Kano after gunmen attacked the market, leaving 15 "
            "dead.")
ZARIA_D = "Gunmen attacked a bus station in Zaria on Tuesday, killing four people."
LATER_E = "Gunmen attacked a crowded market in Kano on Sunday, killing three people."
