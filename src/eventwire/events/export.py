"""Event exports: PLOVER JSON, ACLED-style CSV, JSON Lines and Parquet.

Every writer takes the events plus the metadata of the articles they came from (``Article``
objects or dicts with ``id``, ``url``, ``title``, ``published``, ``source``...) and returns
the number of records written.  PLOVER JSON uses the field names of the PLOVER manual's JSON
tables (``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``context``,
``event_loc``, ``quad_code``, ``text_info``, ``cite_info``, ...) and is checked against
``schema/plover_event.schema.json``.  The ACLED mapping is documented in
``docs/acled_mapping.md``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.csv_cells import cell
from eventwire.events.plover import QUAD_NUMBER, SCORE, cameo_root
from eventwire.models import ActorRef, Event

ACLED_COLUMNS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                 "country", "admin1", "location", "latitude", "longitude", "geo_precision",
                 "fatalities", "notes", "source", "source_url", "plover_type", "plover_mode",
                 "cameo_root")

# PLOVER type -> ACLED event type; modes refine the sub-event type (see docs/acled_mapping.md).
_ACLED_TYPE = {
    "ASSAULT": ("Violence against civilians", "Attack"),
    "PROTEST": ("Protests", "Peaceful protest"),
    "COERCE": ("Strategic developments", "Arrests"),
    "MOBILIZE": ("Strategic developments", "Change to group/activity"),
    "SANCTION": ("Strategic developments", "Other"),
    "THREATEN": ("Strategic developments", "Other"),
    "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
    "AGREE": ("Strategic developments", "Agreement"),
    "CONCEDE": ("Strategic developments", "Agreement"),
    "COOPERATE": ("Strategic developments", "Agreement"),
    "SUPPORT": ("Strategic developments", "Other"),
    "CONSULT": ("Strategic developments", "Other"),
    "AID": ("Strategic developments", "Other"),
    "REQUEST": ("Strategic developments", "Other"),
    "ACCUSE": ("Strategic developments", "Other"),
    "REJECT": ("Strategic developments", "Other"),
}
_ACLED_ASSAULT = {
    "heavy-weapons": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
    "unconventional": ("Explosions/Remote violence", "Chemical weapon"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "destroy": ("Strategic developments", "Looting/property destruction"),
}
_ACLED_PROTEST = {
    "riot": ("Riots", "Violent demonstration"),
    "vandalize": ("Riots", "Violent demonstration"),
}
_ACLED_COERCE = {
    "arrest": ("Strategic developments", "Arrests"),
    "seize": ("Strategic developments", "Looting/property destruction"),
}
_ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF", "COP", "SPY", "CRM"})


def acled_type(ev: Event) -> tuple[str, str]:
    """ACLED event_type and sub_event_type for a PLOVER event (documented mapping)."""
    mode = ev.mode or ""
    if ev.type == "ASSAULT":
        if mode in _ACLED_ASSAULT:
            return _ACLED_ASSAULT[mode]
        armed_targets = any(a.sector in _ARMED_SECTORS for a in ev.targets)
        armed_sources = any(a.sector in _ARMED_SECTORS for a in ev.sources)
        if armed_targets or (armed_sources and len(ev.sources) > 1 and not ev.targets):
            return ("Battles", "Armed clash")
        return _ACLED_TYPE["ASSAULT"]
    if ev.type == "PROTEST":
        return _ACLED_PROTEST.get(mode, _ACLED_TYPE["PROTEST"])
    if ev.type == "COERCE":
        return _ACLED_COERCE.get(mode, ("Strategic developments", "Other"))
    return _ACLED_TYPE.get(ev.type, ("Strategic developments", "Other"))


# --------------------------------------------------------------------------- article metadata
def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _index(articles: Iterable[Any] | Mapping[str, Any] | None) -> dict[str, Any]:
    if articles is None:
        return {}
    if isinstance(articles, Mapping):
        return dict(articles)
    return {str(_get(a, "id")): a for a in articles}


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] or None


# --------------------------------------------------------------------------- PLOVER JSON
def _entity(a: ActorRef) -> dict[str, Any]:
    out: dict[str, Any] = {"code": a.country, "sector": a.sector, "entity_text": a.text,
                           "start": a.start, "end": a.end}
    if a.name:
        out["identifier_text"] = a.name
    if a.attributed_by:
        out["attributed_by"] = a.attributed_by
    return out


def plover_record(ev: Event, article: Any = None, body: str | None = None) -> dict[str, Any]:
    """One event as a PLOVER JSON object (manual field names plus eventwire provenance)."""
    published = _iso(_get(article, "published")) if article is not None else None
    loc = None
    if ev.location is not None:
        pl = ev.location
        loc = {"extracted_place": pl.text, "resolved_place": pl.name, "geonameid": pl.geonameid,
               "lat": pl.lat, "lon": pl.lon, "province": pl.admin1, "country_code": pl.country,
               "feature_class": pl.feature_class, "relation": pl.relation,
               "start": pl.start, "end": pl.end}
    size = {k: getattr(ev, k) for k in ("dead", "injured", "size") if getattr(ev, k) is not None}
    size.update({f"{k}_max": getattr(ev, f"{k}_max") for k in ("dead", "injured", "size")
                 if getattr(ev, f"{k}_max") is not None})
    aux = [name for name, flag in (("negation", ev.negated), ("hypothetical", ev.hypothetical))
           if flag]
    rec: dict[str, Any] = {
        "id": ev.id,
        "has_event": True,
        "date": ev.date.isoformat() if ev.date else published,
        "date_precision": ev.date_precision,
        "actor": [_entity(a) for a in ev.sources],
        "recipient": [_entity(a) for a in ev.targets],
        "event": [ev.type],
        "mode": [ev.mode] if ev.mode else [],
        "context": list(ev.contexts) + aux,
        "quad_code": QUAD_NUMBER[ev.quad] if ev.quad in QUAD_NUMBER else None,
        "event_scale": SCORE.get(ev.type),
        "cameo_root": cameo_root(ev.type, ev.mode),
        "event_loc": loc,
        "event_text": [ev.trigger],
        "size": size or None,
        "text_info": {"start": ev.sentence_start, "end": ev.sentence_end,
                      "trigger_start": ev.trigger_start, "trigger_end": ev.trigger_end},
        "cite_info": {
            "citation": ev.article_id,
            "url": _get(article, "url") if article is not None else None,
            "title": _get(article, "title") if article is not None else None,
            "publication": (_get(article, "source") or _get(article, "site_name"))
            if article is not None else None,
            "coder": f"eventwire {__version__}",
            "codebook": "plover-manual-2021",
        },
        "coder": f"eventwire {__version__}",
        "coded_date": date.today().isoformat(),
        "flags": {"negated": ev.negated, "hypothetical": ev.hypothetical,
                  "reported_threat": ev.reported_threat, "aggregate": ev.aggregate},
        "confidence": ev.confidence,
        "rule": ev.rule,
        "field_rules": dict(ev.field_rules),
    }
    if body is not None:
        rec["text"] = body[ev.sentence_start:ev.sentence_end]
    return rec


@lru_cache(maxsize=1)
def plover_schema() -> dict:
    text = resources.files("eventwire.events").joinpath("schema/plover_event.schema.json")
    return json.loads(text.read_text("utf-8"))


def validate_plover(records: Iterable[dict]) -> list[str]:
    """Schema errors as "record N: path: message" lines (empty when all are valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(plover_schema())
    out = []
    for n, rec in enumerate(records):
        for err in validator.iter_errors(rec):
            path = "/".join(str(p) for p in err.absolute_path) or "(record)"
            out.append(f"record {n}: {path}: {err.message}")
    return out


def plover_records(events: Iterable[Event], articles=None) -> list[dict]:
    meta = _index(articles)
    out = []
    for ev in events:
        art = meta.get(ev.article_id)
        body = _get(art, "body") if art is not None else None
        out.append(plover_record(ev, art, body if isinstance(body, str) else None))
    return out


def write_plover_json(events: Iterable[Event], articles, path: str | Path) -> int:
    """A JSON array of PLOVER records."""
    recs = plover_records(events, articles)
    Path(path).write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(recs)


# --------------------------------------------------------------------------- ACLED CSV
def _actor_label(refs: list[ActorRef]) -> str:
    parts = []
    for a in refs:
        code = " ".join(x for x in (a.country, a.sector) if x)
        parts.append(f"{a.name or a.text} ({code})" if code else (a.name or a.text))
    return "; ".join(parts)


def acled_rows(events: Iterable[Event], articles=None) -> list[dict[str, Any]]:
    meta = _index(articles)
    rows = []
    for ev in events:
        art = meta.get(ev.article_id)
        etype, sub = acled_type(ev)
        pl = ev.location
        body = _get(art, "body") if art is not None else None
        note = body[ev.sentence_start:ev.sentence_end] if isinstance(body, str) else ev.trigger
        rows.append({
            "event_id": ev.id,
            "event_date": ev.date.isoformat() if ev.date else _iso(_get(art, "published")),
            "event_type": etype,
            "sub_event_type": sub,
            "actor1": _actor_label(ev.sources),
            "actor2": _actor_label(ev.targets),
            "country": pl.country if pl else None,
            "admin1": pl.admin1 if pl else None,
            "location": (pl.name or pl.text) if pl else None,
            "latitude": pl.lat if pl else None,
            "longitude": pl.lon if pl else None,
            "geo_precision": {"P": 1, "A": 2}.get(pl.feature_class or "", 3) if pl else None,
            "fatalities": ev.dead if ev.dead is not None else 0,
            "notes": " ".join(note.split()),
            "source": (_get(art, "source") or _get(art, "site_name") or "") if art else "",
            "source_url": (_get(art, "url") or "") if art else "",
            "plover_type": ev.type,
            "plover_mode": ev.mode or "",
            "cameo_root": cameo_root(ev.type, ev.mode),
        })
    return rows


def write_acled_csv(events: Iterable[Event], articles, path: str | Path) -> int:
    """ACLED-style columns, one row per event; dates ISO, fatalities 0 when not stated,
    formula-like text neutralised."""
    rows = acled_rows(events, articles)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({k: cell(v) for k, v in r.items()})
    return len(rows)


# --------------------------------------------------------------------------- JSONL / Parquet
def event_dict(ev: Event) -> dict[str, Any]:
    """The Event record as plain JSON types (dates ISO, spans as lists)."""
    d = asdict(ev) if is_dataclass(ev) else dict(ev)
    d["date"] = ev.date.isoformat() if ev.date else None
    d["date_span"] = list(ev.date_span) if ev.date_span else None
    return d


def write_jsonl(events: Iterable[Event], articles, path: str | Path) -> int:
    """One eventwire Event per line, with the article's url and title beside it."""
    meta = _index(articles)
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for ev in events:
            d = event_dict(ev)
            art = meta.get(ev.article_id)
            d["article_url"] = _get(art, "url") if art is not None else None
            d["article_title"] = _get(art, "title") if art is not None else None
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_parquet(events: Iterable[Event], articles, path: str | Path) -> int:
    """Flat columns (actors and field rules as JSON strings) so any Parquet reader copes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    meta = _index(articles)
    rows = []
    for ev in events:
        d = event_dict(ev)
        art = meta.get(ev.article_id)
        for key in ("sources", "targets", "field_rules", "location", "contexts", "date_span"):
            d[key] = json.dumps(d[key], ensure_ascii=False) if d[key] is not None else None
        d["article_url"] = _get(art, "url") if art is not None else None
        d["article_title"] = _get(art, "title") if art is not None else None
        d["cameo_root"] = cameo_root(ev.type, ev.mode)
        rows.append(d)
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())})
    pq.write_table(table, str(path))
    return len(rows)


WRITERS = {"plover-json": write_plover_json, "acled-csv": write_acled_csv,
           "jsonl": write_jsonl, "parquet": write_parquet}
