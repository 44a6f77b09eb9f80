"""Turn typed records into flat rows for the store's tables (and for Parquet output)."""

from __future__ import annotations

import json
from dataclasses import fields
from functools import cache
from operator import attrgetter

from eventwire.models import ActorRef, Annotations, Article, Event, Place


def article_row(art: Article) -> dict:
    row = {f.name: getattr(art, f.name) for f in fields(art)}
    row["words"] = art.words
    return row


def article_from_row(row: dict) -> Article:
    """A stored articles row back to the Article record the pipeline takes."""
    names = _field_names(Article)
    values = {k: v for k, v in row.items() if k in names}
    values["bullets"] = list(values.get("bullets") or [])
    return Article(**values)


def input_rows(articles: list[Article]) -> list[dict]:
    """The raw inputs a batch of articles came from, each once."""
    seen = {}
    for a in articles:
        seen[(a.raw_hash, a.source_path, a.record)] = {
            "raw_hash": a.raw_hash, "source_path": a.source_path, "record": a.record,
            "format": a.format}
    return list(seen.values())


def flat_row(record) -> dict:
    """A dataclass of plain values as a dict: what ``asdict`` gives, without its deep copy
    (which costs more than the rest of a batch write)."""
    names = _field_names(type(record))
    return dict(zip(names, _getter(type(record))(record), strict=True))


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@cache
def _getter(cls: type):
    """One getter of all a dataclass's fields: a single C call rather than one per field."""
    names = _field_names(cls)
    return attrgetter(*names) if len(names) > 1 else lambda r: [getattr(r, n) for n in names]


def event_row(ev: Event) -> dict:
    row = flat_row(ev)
    loc = ev.location
    row["contexts"] = list(ev.contexts)
    row["sources"] = json.dumps([flat_row(a) for a in ev.sources], ensure_ascii=False)
    row["targets"] = json.dumps([flat_row(a) for a in ev.targets], ensure_ascii=False)
    row["field_rules"] = json.dumps(ev.field_rules, ensure_ascii=False)
    row["location"] = json.dumps(flat_row(loc), ensure_ascii=False, default=str) if loc else None
    row["place_name"] = loc.name if loc else None
    row["country"] = loc.country if loc else None
    row["admin1"] = loc.admin1 if loc else None
    row["lat"] = loc.lat if loc else None
    row["lon"] = loc.lon if loc else None
    span = row.pop("date_span")
    row["date_start"], row["date_end"] = span if span else (None, None)
    return row


def annotation_rows(annos: list[Annotations]) -> dict[str, list[dict]]:
    """Rows per table for a batch of annotations."""
    tables: dict[str, list[dict]] = {"mentions": [], "quotes": [], "times": [], "places": [],
                                     "events": []}
    for a in annos:
        tables["mentions"] += [flat_row(m) for m in a.mentions]
        tables["quotes"] += [flat_row(q) for q in a.quotes]
        tables["times"] += [flat_row(t) for t in a.times]
        tables["places"] += [flat_row(p) for p in a.places]
        tables["events"] += [event_row(e) for e in a.events]
    return tables


def event_from_row(row: dict) -> Event:
    """A stored events row back to the Event record (for exports and corrections)."""
    loc = json.loads(row["location"]) if row.get("location") else None
    span = (row["date_start"], row["date_end"]) if row.get("date_start") is not None else None
    fields = {k: row[k] for k in Event.__dataclass_fields__
              if k in row and k not in ("sources", "targets", "location", "field_rules",
                                        "date_span", "contexts")}
    return Event(
        **fields,
        contexts=list(row.get("contexts") or []),
        sources=[ActorRef(**a) for a in json.loads(row["sources"] or "[]")],
        targets=[ActorRef(**a) for a in json.loads(row["targets"] or "[]")],
        location=Place(**loc) if loc else None,
        field_rules=json.loads(row["field_rules"] or "{}"),
        date_span=span,
    )
