"""Filters over the store as parameterised SQL, shared by the CLI (`eventwire events`) and the
HTTP API, so both answer the same question the same way.

Values never enter the SQL text: every filter adds a clause with ``?`` placeholders, and every
value is checked first (lengths, counts, ranges), so a bad one is a `QueryError` with one line
rather than a database error.  Words are looked up in the search index (`store.search`);
where it is missing or older than the data and cannot be rebuilt (a read-only database), the
search falls back to a scan of the text.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files

import duckdb

from eventwire.errors import EventwireError
from eventwire.events.plover import EVENT_TYPES
from eventwire.store.derived import ACTOR_STRUCT, EVENT_ROW
from eventwire.store.search import (
    QUOTE_REF,
    SENTENCE,
    hits_sql,
    index_is_fresh,
    refresh_search_index,
    scan_condition,
    search_words,
)

__all__ = ["index_is_fresh", "refresh_search_index", "search_words"]

MAX_LIMIT = 1000
MAX_OFFSET = 100_000_000
MAX_TEXT = 200  # longest name, code or id a filter takes
MAX_WORDS_TEXT = 500  # longest search text
MAX_VALUES = 20  # most types or countries in one filter
EARTH_KM = 6371.0088
EVENT_JSON_COLUMNS = ("sources", "targets", "location", "field_rules")


class QueryError(EventwireError, ValueError):
    """A filter value that cannot be used; the message says which and why."""


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO-2, ISO-3, names and other names of every country, lower-cased, to ISO-3."""
    out: dict[str, str] = {}
    path = files("eventwire") / "data" / "geo" / "countries.tsv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            for name in [r["name"], *r["altnames"].split("|")]:
                if name:
                    out.setdefault(name.lower(), r["iso3"])
            out[r["iso2"].lower()] = r["iso3"]
            out[r["iso3"].lower()] = r["iso3"]
    return out


def country_list() -> list[dict]:
    """Every country as ISO-3, ISO-2 and name (for the page's suggestions)."""
    path = files("eventwire") / "data" / "geo" / "countries.tsv"
    with path.open(encoding="utf-8") as fh:
        return [{"iso3": r["iso3"], "iso2": r["iso2"], "name": r["name"]}
                for r in csv.DictReader(fh, delimiter="\t")]


def country_code(value: str) -> str:
    """ISO-3 for a country given by ISO-2, ISO-3 or name ("IQ", "irq", "Iraq")."""
    code = _country_names().get(" ".join(value.split()).lower())
    if code is None:
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise QueryError(f"country: {shown!r} is not a known country (give an ISO-2 or ISO-3 "
                         "code, or the name)")
    return code


def _capped(name: str, value: str | None, most: int = MAX_TEXT) -> None:
    if value is not None and len(value) > most:
        raise QueryError(f"{name}: {len(value)} characters is over the limit of {most}")


@dataclass
class EventFilter:
    """What `eventwire events` and ``GET /api/events`` can filter on."""

    actor: str | None = None  # words of an actor's name or text ("Hamas", "Schenker")
    actor_code: str | None = None  # "IRN", "IRN GOV", "GOV": country and/or sector
    types: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO-2, ISO-3 or names
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None  # words that must all occur in the event's sentence
    min_confidence: float | None = None
    article_id: str | None = None

    def validate(self) -> None:
        for name in ("actor", "actor_code", "article_id"):
            _capped(name, getattr(self, name))
        _capped("q", self.text, MAX_WORDS_TEXT)
        for name, values in (("type", self.types), ("country", self.countries)):
            if len(values) > MAX_VALUES:
                raise QueryError(f"{name}: {len(values)} values is over the limit of "
                                 f"{MAX_VALUES}")
            for v in values:
                _capped(name, v, 60)
        # "ASSAULT,PROTEST" as well as repeated parameters
        types = [t.strip().upper() for v in self.types for t in v.split(",") if t.strip()]
        bad = [t for t in types if t not in EVENT_TYPES]
        if bad:
            raise QueryError(f"type: unknown PLOVER event type {', '.join(bad)} "
                             f"(one of {', '.join(EVENT_TYPES)})")
        self.types = list(dict.fromkeys(types))
        self.countries = list(dict.fromkeys(
            country_code(c) for v in self.countries for c in v.split(",") if c.strip()))
        near = (self.lat, self.lon, self.radius_km)
        if any(v is not None for v in near) and any(v is None for v in near):
            raise QueryError("near: lat, lon and radius_km go together")
        if self.lat is not None and not -90 <= self.lat <= 90:
            raise QueryError(f"lat: {self.lat} is outside -90..90")
        if self.lon is not None and not -180 <= self.lon <= 180:
            raise QueryError(f"lon: {self.lon} is outside -180..180")
        if self.radius_km is not None and not 0 < self.radius_km <= 20038:
            raise QueryError(f"radius_km: {self.radius_km} must be in (0, 20038]")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError(f"date range: {self.date_from} is after {self.date_to}")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise QueryError(f"min_confidence: {self.min_confidence} must be in [0, 1]")
        if self.text is not None and not search_words(self.text):
            raise QueryError(f"q: {self.text[:40]!r} has no words to search for")


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit: {limit} must be between 1 and {MAX_LIMIT}")
    if not 0 <= offset <= MAX_OFFSET:
        raise QueryError(f"offset: {offset} must be between 0 and {MAX_OFFSET}")
    return limit, offset


# -- events ----------------------------------------------------------------------------------


def event_where(con: duckdb.DuckDBPyConnection, f: EventFilter,
                indexed: bool) -> tuple[str, list]:
    """WHERE clause over ``events e`` (and ``articles a`` for the text scan) with params."""
    f.validate()
    clauses: list[str] = []
    params: list = []
    if f.types:
        clauses.append(f"e.type IN ({_marks(f.types)})")
        params += f.types
    if f.countries:
        clauses.append(f"e.country IN ({_marks(f.countries)})")
        params += f.countries
    if f.date_from:
        clauses.append("e.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("e.date <= ?")
        params.append(f.date_to)
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)
    if f.article_id:
        clauses.append("e.article_id = ?")
        params.append(f.article_id)
    if f.radius_km is not None:
        # A bounding box first (cheap, prunes by min/max), then the great-circle distance.
        dlat = f.radius_km / 111.2
        clauses.append("e.lat BETWEEN ? AND ? AND "
                       f"{EARTH_KM} * 2 * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + "
                       "cos(radians(?)) * cos(radians(e.lat)) * "
                       "pow(sin(radians(e.lon - ?) / 2), 2))) <= ?")
        params += [f.lat - dlat, f.lat + dlat, f.lat, f.lat, f.lon, f.radius_km]
    if f.actor or f.actor_code:
        cond, cparams = _actor_condition(f.actor, f.actor_code)
        clauses.append(f"len(list_filter(from_json(e.sources, '{ACTOR_STRUCT}') || "
                       f"from_json(e.targets, '{ACTOR_STRUCT}'), lambda x: {cond})) > 0")
        params += cparams
    if f.text:
        sql, tparams = _text_condition(con, "event", "e.id", f.text, SENTENCE, indexed)
        clauses.append(sql)
        params += tparams
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _marks(values: list) -> str:
    """One placeholder per value: a literal IN list lets DuckDB skip blocks by min/max."""
    return ", ".join("?" * len(values))


def _actor_condition(actor: str | None, code: str | None) -> tuple[str, list]:
    parts, params = [], []
    if actor:
        parts.append("contains(lower(concat_ws(' ', x.name, x.text, x.attributed_by)), ?)")
        params.append(actor.lower().strip())
    if code:
        tokens = code.upper().split()
        if len(tokens) == 1:
            parts.append("(x.country = ? OR x.sector = ?)")
            params += tokens * 2
        elif len(tokens) == 2:
            parts.append("x.country = ? AND x.sector = ?")
            params += tokens
        else:
            raise QueryError(f"actor_code: {code[:40]!r} is not COUNTRY, SECTOR or "
                             "'COUNTRY SECTOR'")
    return " AND ".join(parts), params


def _has_words(text: str) -> None:
    if not search_words(text):
        raise QueryError(f"q: {text[:40]!r} has no words to search for")


def _text_condition(con: duckdb.DuckDBPyConnection, kind: str, ref: str, text: str,
                    scan_expr: str, indexed: bool) -> tuple[str, list]:
    _has_words(text)
    if indexed:
        sql, params = hits_sql(con, kind, text)
        return f"{ref} IN ({sql})", params
    return scan_condition(con, text, scan_expr)


_EVENT_COLUMNS = (
    "e.id, e.article_id, e.type, e.mode, e.quad, e.contexts, e.trigger, e.trigger_start, "
    "e.trigger_end, e.sentence_start, e.sentence_end, e.confidence, e.rule, e.date, "
    "e.date_precision, e.place_name, e.country, e.admin1, e.lat, e.lon, e.dead, e.dead_max, "
    "e.injured, e.injured_max, e.size, e.size_max, e.negated, e.hypothetical, "
    "e.reported_threat, e.aggregate, e.sources, e.targets, e.location, e.field_rules")


def search_events(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int = 50,
                  offset: int = 0, with_total: bool = True, indexed: bool | None = None) -> dict:
    """One page of events (newest first) with their sentence, plus the total matching.

    ``indexed`` says whether the search index is fresh, when the caller knows (the server
    does); otherwise it is checked.
    """
    limit, offset = page_bounds(limit, offset)
    f.validate()
    indexed = index_is_fresh(con) if indexed is None else indexed
    if f.text and indexed and _text_only(f):
        return _search_events_by_index(con, f.text, limit, offset, with_total)
    where, params = event_where(con, f, indexed)
    needs_articles = f.text is not None and not indexed
    src = "events e JOIN articles a ON a.id = e.article_id" if needs_articles else "events e"
    order = "ORDER BY e.date DESC NULLS LAST, e.id"
    # The page first, then its articles' titles and sentences by id (a join would read the
    # whole articles table to build its hash table).
    if not (with_total and _few_match(con, f, indexed)):
        rows = fetch_dicts(con, f"SELECT {_EVENT_COLUMNS} FROM {src}{where} {order} "
                                "LIMIT ? OFFSET ?", params + [limit, offset])
        total = count_events(con, f, indexed) if with_total else None
    else:
        # One scan keeps the few matching events' keys; their count and the page's rows
        # come from it (a page query and a count each scanning the filter cost 3 ms more).
        rows = fetch_dicts(
            con, f"WITH m AS MATERIALIZED (SELECT e.rowid AS r, e.date, e.id FROM {src}"
                 f"{where}) SELECT {_EVENT_COLUMNS}, (SELECT count(*) FROM m) AS total__ "
                 "FROM events e WHERE e.rowid IN (SELECT r FROM m ORDER BY date DESC NULLS "
                 f"LAST, id LIMIT ? OFFSET ?) {order}", params + [limit, offset])
        total = rows[0]["total__"] if rows else None
        for r in rows:
            del r["total__"]
        if total is None:  # no page: nothing matched, or the offset is past the end
            total = count_events(con, f, indexed) if offset else 0
    _attach_sentences(con, rows)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


FEW_MATCH = 2000  # events a page's query can keep for its count (more cost more than a count)
ESTIMATE_PCT = 2.0  # share of the storage blocks that guesses how many events match
ONE_SCAN_POINTS = 2  # matches per map point up to which one scan keeps them all (event_points)


def _few_match(con: duckdb.DuckDBPyConnection, f: EventFilter, indexed: bool | None,
               most: int = FEW_MATCH) -> bool:
    """Whether ``f`` likely matches at most ``most`` events, guessed from a sample of the
    storage blocks (for the plan only: the answer is the same either way)."""
    body, params = _matching(con, f, indexed, sample_pct=ESTIMATE_PCT)
    guess = con.execute(f"SELECT count(*){body}", params).fetchone()[0]
    return guess * 100 / ESTIMATE_PCT <= most


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter,
                 indexed: bool | None = None) -> int:
    """How many events match ``f``."""
    f.validate()
    indexed = index_is_fresh(con) if indexed is None else indexed
    if f.text and indexed and _text_only(f):  # the index alone knows
        hits, params = hits_sql(con, "event", f.text)
        return con.execute(f"SELECT count(*) FROM ({hits})", params).fetchone()[0]
    body, params = _matching(con, f, indexed)
    return con.execute(f"SELECT count(*){body}", params).fetchone()[0]


def total_comes_with_page(f: EventFilter, indexed: bool) -> bool:
    """Whether `search_events` counts the matches at almost no cost beside the page (words
    alone, ranked by the index), so a separate count would only repeat the look-up."""
    return bool(f.text) and indexed and _text_only(f)


def _text_only(f: EventFilter) -> bool:
    return not (f.types or f.countries or f.radius_km is not None or f.actor or f.actor_code
                or f.date_from or f.date_to or f.min_confidence is not None or f.article_id)


def _search_events_by_index(con: duckdb.DuckDBPyConnection, text: str, limit: int,
                            offset: int, with_total: bool) -> dict:
    """Words only: the index holds each event's date, so it ranks and counts on its own and
    the events table is read for the page alone."""
    refs, total = _ranked_hits(con, "event", text, "date", "date DESC NULLS LAST, ref",
                               limit, offset, with_total)
    return {"total": total, "limit": limit, "offset": offset,
            "items": _events_by_id(con, refs)}


def _ranked_hits(con: duckdb.DuckDBPyConnection, kind: str, text: str, key: str, order: str,
                 limit: int, offset: int, with_total: bool = True) -> tuple[list[str], int | None]:
    """One page of the refs of ``kind`` holding every word of ``text``, ranked by ``order``
    over the index's own ``key`` column, and how many there are (None unless asked)."""
    hits, params = hits_sql(con, kind, text, f"ref, {key}")
    if not with_total:
        page = con.execute(f"SELECT ref FROM ({hits}) ORDER BY {order} LIMIT ? OFFSET ?",
                           params + [limit, offset]).fetchall()
        return [r[0] for r in page], None
    # the hits once, then their top (a heap) and their count: a count over a window would
    # keep every hit through the sort
    page = con.execute(f"WITH h AS MATERIALIZED ({hits}) SELECT ref, (SELECT count(*) "
                       f"FROM h) FROM h ORDER BY {order} LIMIT ? OFFSET ?",
                       params + [limit, offset]).fetchall()
    total = page[0][1] if page else 0
    if not page and offset:
        total = con.execute(f"SELECT count(*) FROM ({hits})", params).fetchone()[0]
    return [r[0] for r in page], total


def _events_by_id(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict]:
    """Events in the order of ``ids``."""
    if not ids:
        return []
    match, param = _id_match("e.id", ids)
    found = {r["id"]: r for r in fetch_dicts(
        con, f"SELECT {_EVENT_COLUMNS} FROM events e WHERE {match}", param)}
    rows = [found[i] for i in ids if i in found]
    _attach_sentences(con, rows)
    return rows


def _id_match(column: str, ids: list[str]) -> tuple[str, list]:
    """SQL and parameter matching ``column`` against ``ids``.

    One id uses the primary-key index; for a page of ids one scan of the key column costs
    less CPU than a look-up per id (DuckDB decodes a whole vector per look-up).
    """
    if len(ids) == 1:
        return f"{column} = ?", [ids[0]]
    return f"{column} IN (SELECT unnest(?))", [ids]


def _parse_json(rows: list[dict]) -> None:
    for r in rows:
        for key in EVENT_JSON_COLUMNS:
            if isinstance(r.get(key), str):
                r[key] = json.loads(r[key])


def _attach_sentences(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Add each event's sentence and article title."""
    _parse_json(rows)
    ids = sorted({r["article_id"] for r in rows})
    if not ids:
        return
    match, param = _id_match("id", ids)
    arts = {a[0]: a for a in con.execute(
        f"SELECT id, title, published, body FROM articles WHERE {match}", param).fetchall()}
    for r in rows:
        art = arts.get(r["article_id"])
        r["article_title"] = art[1] if art else None
        r["published"] = art[2] if art else None
        body = art[3] if art else ""
        r["sentence"] = body[r["sentence_start"]:r["sentence_end"]] if body else None


def _matching(con: duckdb.DuckDBPyConnection, f: EventFilter, indexed: bool | None,
              extra: str | None = None, sample_pct: float | None = None) -> tuple[str, list]:
    """``FROM ... WHERE ...`` of the events matching ``f`` (and ``extra``), with params;
    ``sample_pct`` reads only that share of the events' storage blocks."""
    indexed = index_is_fresh(con) if indexed is None else indexed
    where, params = event_where(con, f, indexed)
    src = "events e"
    if sample_pct is not None:
        src += f" TABLESAMPLE system({float(sample_pct):.6f}%) REPEATABLE (7)"
    if f.text is not None and not indexed:
        src += " JOIN articles a ON a.id = e.article_id"
    if extra:
        where = (where + " AND " if where else " WHERE ") + extra
    return f" FROM {src}{where}", params


def event_points(con: duckdb.DuckDBPyConnection, f: EventFilter, cap: int = 20000,
                 indexed: bool | None = None) -> bytes:
    """Matching located events for the map as the JSON of ``{"truncated", "located",
    "unlocated", "points": [[id, lat, lon, type], ...]}`` (the newest ``cap`` points).

    DuckDB writes the points' JSON itself: turning 20,000 rows into Python lists and then
    into JSON cost more than the query, and held the interpreter's lock meanwhile.

    A few storage blocks guess the number of matching events first, for the plan only (the
    answer is the same either way).  Up to ``ONE_SCAN_POINTS`` times ``cap``, one scan keeps
    the matching events and counts them: sorting a few ten thousand kept events costs less
    than scanning twice.  Beyond, the located events are counted per day, and the day the
    newest ``cap`` reach back to bounds the points' query, whose scan then skips the blocks
    of older events (news is stored roughly in date order): the first view of a million
    events costs two quick scans.
    """
    body, params = _matching(con, f, indexed)
    located_sql = "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    order = "ORDER BY e.date DESC NULLS LAST, e.id LIMIT ?"
    if _few_match(con, f, indexed, ONE_SCAN_POINTS * cap):
        located, unlocated, points = con.execute(
            f"WITH e AS MATERIALIZED (SELECT e.id, e.lat, e.lon, e.type, e.date{body}), "
            f"p AS (SELECT * FROM e WHERE {located_sql} {order}) "
            f"SELECT count(*) FILTER ({located_sql}), count(*) FILTER (NOT ({located_sql})), "
            f"(SELECT {POINTS_JSON} FROM p) FROM e", params + [cap]).fetchone()
        return _points(located, unlocated, cap, points)
    per_day = con.execute(
        f"SELECT e.date, count(*) FILTER ({located_sql}), "
        f"count(*) FILTER (NOT ({located_sql})){body} GROUP BY 1", params).fetchall()
    located = sum(r[1] for r in per_day)
    since = None
    if located > cap:
        newest = 0
        for day, k, _ in sorted((r for r in per_day if r[0] is not None), reverse=True):
            newest += k
            if newest >= cap:
                since = day
                break
    points = "[]"
    if located:
        extra = located_sql + (" AND e.date >= ?" if since else "")
        body, params = _matching(con, f, indexed, extra)
        points = con.execute(
            f"SELECT {POINTS_JSON} FROM (SELECT e.id, e.lat, e.lon, e.type, e.date{body} "
            f"{order}) p", params + ([since] if since else []) + [cap]).fetchone()[0]
    return _points(located, sum(r[2] for r in per_day), cap, points)


# The rows of ``p`` as a JSON array of [id, lat, lon, type], newest first (the same values
# as the standard library's JSON; numbers below 1e-4 are written 0.00001 rather than 1e-05).
POINTS_JSON = ("'[' || coalesce(string_agg(json_array(p.id, p.lat, p.lon, p.type)::VARCHAR, "
               "',' ORDER BY p.date DESC NULLS LAST, p.id), '') || ']'")


def _points(located: int, unlocated: int, cap: int, points: str) -> bytes:
    head = json.dumps({"truncated": located > cap, "located": located,
                       "unlocated": unlocated}, separators=(",", ":"))
    return f'{head[:-1]},"points":{points}}}'.encode()


def event_grid(con: duckdb.DuckDBPyConnection, f: EventFilter, cell: float,
               indexed: bool | None = None) -> dict:
    """Every matching located event counted in cells of ``cell`` degrees, for the heat view:
    [lat, lon, count, most frequent type] per cell (cell centres), however many events."""
    if not 0.01 <= cell <= 45:
        raise QueryError(f"cell: {cell} must be between 0.01 and 45 degrees")
    body, params = _matching(con, f, indexed, "e.lat IS NOT NULL AND e.lon IS NOT NULL")
    rows = con.execute(
        "SELECT (floor(e.lat / ?) + 0.5) * ? AS clat, (floor(e.lon / ?) + 0.5) * ? AS clon, "
        f"count(*) AS n, mode(e.type){body} GROUP BY 1, 2 ORDER BY n DESC, 1, 2",
        [cell, cell, cell, cell, *params]).fetchall()
    return {"cell": cell, "located": sum(r[2] for r in rows), "cells": [list(r) for r in rows]}


BINS = ("day", "week", "month", "year")
MAX_BINS = 1500
_BIN_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}


def event_timeline(con: duckdb.DuckDBPyConnection, f: EventFilter, bin: str | None = None,
                   indexed: bool | None = None) -> dict:
    """Matching events per bin and type over the range worth drawing.

    The range is the filter's dates where given; otherwise the dense part of the data: a
    fence of three inter-quartile ranges (and two weeks) around the middle half, so one
    event dated 1965 among thousands from 2024 is counted in ``outside`` instead of
    squashing every bar.  The bin (day, week, month, year) follows the range's length.
    """
    # One scan: the matching events counted per day and type (a few thousand rows at most);
    # quartiles, range, bins and what lies outside follow from those counts (three scans of
    # the events cost twice as much CPU).
    body, params = _matching(con, f, indexed)
    counts = con.execute(f"SELECT e.date, e.type, count(*){body} GROUP BY ALL",
                         params).fetchall()
    per_day: dict[date, int] = {}
    for day, _, k in counts:
        if day is not None:
            per_day[day] = per_day.get(day, 0) + k
    n = sum(per_day.values())
    undated = sum(k for day, _, k in counts if day is None)
    out = {"bin": bin or "day", "from": None, "to": None, "bins": [], "rows": [],
           "dated": n, "undated": undated, "outside": {"before": 0, "after": 0}}
    if not n:
        return out
    days = sorted(per_day.items())
    lo, hi = days[0][0], days[-1][0]
    q1, q3 = _quantile(days, n, 0.25), _quantile(days, n, 0.75)
    iqr = q3 - q1
    day0 = date(1970, 1, 1)
    fence_lo = day0 + timedelta(days=int(q1 - 3 * iqr - 14))
    fence_hi = day0 + timedelta(days=int(q3 + 3 * iqr + 14))
    if lo < fence_lo or hi > fence_hi:  # the dated events inside the fence set the range
        inside = [d for d, _ in days if fence_lo <= d <= fence_hi]
        lo, hi = inside[0], inside[-1]
    lo = f.date_from or lo
    hi = f.date_to or hi
    if f.date_from is None and (hi - lo).days > MAX_BINS * 365:  # keep the newest years
        lo = hi - timedelta(days=MAX_BINS * 365)
    span = (hi - lo).days + 1
    if bin is None:
        bin = next((b for b in BINS if span / _BIN_DAYS[b] <= 120), "year")
    elif bin not in BINS:
        raise QueryError(f"bin: {bin[:20]!r} is not one of {', '.join(BINS)}")
    if span / _BIN_DAYS[bin] > MAX_BINS:
        raise QueryError(f"bin: {span} days in {bin} bins is over {MAX_BINS} bars; "
                         "choose a longer bin or a shorter range")
    binned: dict[tuple, int] = {}
    for day, etype, k in counts:
        if day is not None and lo <= day <= hi:
            key = (_bin_start(day, bin), etype)
            binned[key] = binned.get(key, 0) + k
    rows = [{"bin": b, "type": t, "n": k} for (b, t), k in
            sorted(binned.items(), key=lambda kv: (kv[0][0], kv[0][1] is None, kv[0][1] or ""))]
    before = [(d, k) for d, k in days if d < lo]
    after = [(d, k) for d, k in days if d > hi]
    bins: list[date] = []
    step: date | None = _bin_start(lo, bin)
    while step is not None and step <= hi:
        bins.append(step)
        step = _next_bin(step, bin)
    out.update({"bin": bin, "from": lo, "to": hi, "bins": bins, "rows": rows,
                "outside": {"before": sum(k for _, k in before),
                            "after": sum(k for _, k in after),
                            "earliest": before[0][0] if before else None,
                            "latest": after[-1][0] if after else None}})
    return out


def _quantile(days: list[tuple[date, int]], n: int, q: float) -> float:
    """DuckDB's ``quantile_cont`` of the days (as days since 1970) counted in ``days`` (in
    order): the value at (n - 1) * q, interpolated between its neighbours."""
    at = (n - 1) * q
    below, above = math.floor(at), math.ceil(at)
    values, seen = {}, 0
    for day, k in days:
        for i in (below, above):
            if seen <= i < seen + k:
                values[i] = (day - date(1970, 1, 1)).days
        seen += k
        if above in values:
            break
    return values[below] + (values[above] - values[below]) * (at - below)


def _bin_start(day: date, bin: str) -> date:
    """``date_trunc(bin, day)``: the day, its week's Monday, its month's or year's first."""
    if bin == "week":
        return day - timedelta(days=day.weekday())
    if bin == "month":
        return day.replace(day=1)
    if bin == "year":
        return day.replace(month=1, day=1)
    return day


def _next_bin(start: date, bin: str) -> date | None:
    """The next bin's first day (None past the last day a date can hold)."""
    try:
        if bin in ("day", "week"):
            return start + timedelta(days=1 if bin == "day" else 7)
        if bin == "month":
            return start.replace(year=start.year + start.month // 12,
                                 month=start.month % 12 + 1)
        return start.replace(year=start.year + 1)
    except (OverflowError, ValueError):
        return None


ACTOR_SAMPLE = 20_000


def event_breakdown(con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int = 10,
                    indexed: bool | None = None) -> dict:
    """Top types, countries and actors (source or target) among the matching events.

    Types and countries are exact.  Actors (each event's ``actors`` pairs, derived from its
    JSON when stored) cost more: over ``ACTOR_SAMPLE`` matching events they are counted in
    a sample of storage blocks of about that many (``actors_sample`` then gives its size),
    so the first view of a large store stays quick; the top names of a large set barely
    move with sampling.
    """
    body, params = _matching(con, f, indexed)
    # types and countries in one scan: a row per type (country NULL), then per country
    grouped = ("SELECT type, country, count(*) AS n FROM m GROUP BY "
               "GROUPING SETS ((type), (country))")
    # an event counts once per name (by its row number: ids are unique, and a number is
    # cheaper to count distinct than a string); its code is the name's most frequent one
    top_actors = ("SELECT x.key AS key, mode(x.code) AS code, count(DISTINCT row) AS n FROM "
                  "(SELECT row, unnest(actors) AS x FROM m) WHERE x.key IS NOT NULL{} "
                  "GROUP BY 1 ORDER BY n DESC, key LIMIT ?")
    actors = None
    if _few_match(con, f, indexed, ACTOR_SAMPLE * 3 // 4):  # a guess: leave a margin
        # likely no sample: one scan keeps the matching events for both counts, and the
        # actors are counted from it unless there turn out to be too many (4 ms less)
        counts, actors = con.execute(
            f"WITH m AS MATERIALIZED (SELECT e.rowid AS row, e.type, e.country, e.actors"
            f"{body}), c AS ({grouped}), a AS ("
            + top_actors.format(" AND (SELECT count(*) FROM m) <= ?")
            + ") SELECT (SELECT list({'t': type, 'c': country, 'n': n} ORDER BY n DESC, "
              "type, country) "
              "FROM c), (SELECT list(a ORDER BY n DESC, key) FROM a)",
            params + [ACTOR_SAMPLE, limit]).fetchone()
        counts = [(r["t"], r["c"], r["n"]) for r in counts or []]
        actors = actors or []
    else:
        counts = con.execute(f"WITH m AS (SELECT e.type, e.country{body}) {grouped} "
                             "ORDER BY n DESC, 1, 2", params).fetchall()
    types = [{"key": t, "n": n} for t, c, n in counts if t is not None]
    total = sum(t["n"] for t in types)
    countries = [{"key": c, "n": n} for t, c, n in counts if c is not None][:limit]
    sampled = None
    if total > ACTOR_SAMPLE:  # the sample's events kept for their count and their actors
        body, params = _matching(con, f, indexed, sample_pct=100.0 * ACTOR_SAMPLE / total)
        sampled, actors = con.execute(
            f"WITH m AS MATERIALIZED (SELECT e.rowid AS row, e.actors{body}), a AS ("
            + top_actors.format("") + ") SELECT (SELECT count(*) FROM m), "
            "(SELECT list(a ORDER BY n DESC, key) FROM a)", params + [limit]).fetchone()
        actors = actors or []
    elif actors is None:  # not counted with the types and countries
        actors = fetch_dicts(con, f"WITH m AS (SELECT e.rowid AS row, e.actors{body}) "
                                  + top_actors.format(""), params + [limit])
    return {"total": total, "types": types[:limit], "countries": countries, "actors": actors,
            "actors_sample": sampled}


def export_rows(con: duckdb.DuckDBPyConnection, f: EventFilter, cap: int,
                indexed: bool | None = None) -> tuple[list[dict], dict[str, dict], bool]:
    """Full rows of the newest ``cap`` matching events, their articles' metadata, and
    whether more matched."""
    body, params = _matching(con, f, indexed)
    rows = fetch_dicts(con, f"SELECT e.{EVENT_ROW}{body} ORDER BY e.date DESC NULLS LAST, "
                            "e.id LIMIT ?", params + [cap + 1])
    ids = sorted({r["article_id"] for r in rows[:cap]})
    arts = {a["id"]: a for a in fetch_dicts(
        con, "SELECT id, url, title, published, source, site_name, body FROM articles "
             "WHERE id IN (SELECT unnest(?))", [ids])} if ids else {}
    return rows[:cap], arts, len(rows) > cap


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict | None:
    rows = _events_by_id(con, [event_id])
    return rows[0] if rows else None


# -- quotes, actors, places, articles ----------------------------------------------------------


def search_quotes(con: duckdb.DuckDBPyConnection, speaker: str | None = None,
                  speaker_code: str | None = None, text: str | None = None,
                  article_id: str | None = None, limit: int = 50, offset: int = 0,
                  indexed: bool | None = None) -> dict:
    """Quotes by speaker (name or words as written), code, words of the content."""
    limit, offset = page_bounds(limit, offset)
    for name, value in (("speaker", speaker), ("speaker_code", speaker_code),
                        ("article_id", article_id)):
        _capped(name, value)
    _capped("q", text, MAX_WORDS_TEXT)
    if text and not (speaker or speaker_code or article_id):
        _has_words(text)
        indexed = index_is_fresh(con) if indexed is None else indexed
        if indexed:
            return _search_quotes_by_index(con, text, limit, offset)
    clauses, params = [], []
    if speaker:
        clauses.append("contains(lower(concat_ws(' ', q.speaker_name, q.speaker)), ?)")
        params.append(speaker.lower().strip())
    if speaker_code:
        clauses.append("q.speaker_code = ?")
        params.append(speaker_code.upper().strip())
    if article_id:
        clauses.append("q.article_id = ?")
        params.append(article_id)
    if text:
        indexed = index_is_fresh(con) if indexed is None else indexed
        sql, tparams = _text_condition(con, "quote", QUOTE_REF, text, "q.content", indexed)
        if indexed:  # the articles of the hits first: few rows are left to build refs for
            hits, hparams = hits_sql(con, "quote", text)
            clauses.append(f"q.article_id IN (SELECT split_part(ref, ':', 1) FROM ({hits}))")
            params += hparams
        clauses.append(sql)
        params += tparams
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = fetch_dicts(
        con, "SELECT q.*, a.title AS article_title, a.published FROM quotes q "
             f"LEFT JOIN articles a ON a.id = q.article_id{where} "
             "ORDER BY a.published DESC NULLS LAST, q.article_id, q.content_start "
             "LIMIT ? OFFSET ?", params + [limit, offset])
    total = con.execute(f"SELECT count(*) FROM quotes q{where}", params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def _search_quotes_by_index(con: duckdb.DuckDBPyConnection, text: str, limit: int,
                            offset: int) -> dict:
    """Words only: ranked and counted by the index (which holds each quote's publication
    time); the quotes and their articles are read for the page alone, in that order."""
    refs, total = _ranked_hits(
        con, "quote", text, "published", "published DESC NULLS LAST, "
        "split_part(ref, ':', 1), split_part(ref, ':', 2)::INTEGER", limit, offset)
    rows = fetch_dicts(con, "SELECT q.* FROM quotes q WHERE q.article_id IN "
                            f"(SELECT unnest(?)) AND {QUOTE_REF} IN (SELECT unnest(?))",
                       [sorted({r.split(":", 1)[0] for r in refs}), refs]) if refs else []
    titles = _article_fields(con, [r["article_id"] for r in rows], "title, published")
    rank = {ref: i for i, ref in enumerate(refs)}
    rows.sort(key=lambda r: rank[f"{r['article_id']}:{r['content_start']}"])
    for r in rows:
        r["article_title"], r["published"] = titles.get(r["article_id"], (None, None))
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def _article_fields(con: duckdb.DuckDBPyConnection, ids: list[str],
                    columns: str) -> dict[str, tuple]:
    """``columns`` of the articles of ``ids``, by id."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    match, param = _id_match("id", ids)
    return {r[0]: r[1:] for r in con.execute(f"SELECT id, {columns} FROM articles "
                                             f"WHERE {match}", param).fetchall()}


def quote_speakers(con: duckdb.DuckDBPyConnection, limit: int = 100) -> list[dict]:
    """Who is quoted most (resolved name when known, else the words of the text)."""
    return fetch_dicts(
        con, "SELECT coalesce(speaker_name, speaker) AS speaker, "
             "any_value(speaker_code) AS code, count(*) AS quotes, "
             "count(DISTINCT article_id) AS articles FROM quotes "
             "WHERE coalesce(speaker_name, speaker) IS NOT NULL GROUP BY 1 "
             "ORDER BY quotes DESC, speaker LIMIT ?", [limit])


def top_actors(con: duckdb.DuckDBPyConnection, q: str | None = None, code: str | None = None,
               kind: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Actors by number of mentions, with their POLECAT-style code."""
    limit, offset = page_bounds(limit, offset)
    for name, value in (("q", q), ("code", code), ("kind", kind)):
        _capped(name, value)
    clauses, params = [], []
    if q:
        clauses.append("contains(lower(concat_ws(' ', name, text)), ?)")
        params.append(q.lower().strip())
    if code:
        cond, cparams = _actor_condition(None, code)
        clauses.append(cond.replace("x.", ""))
        params += cparams
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT coalesce(name, text) AS actor, kind, country, sector, "
           "concat_ws(' ', country, sector) AS code, count(*) AS mentions, "
           f"count(DISTINCT article_id) AS articles FROM mentions{where} GROUP BY ALL")
    rows = fetch_dicts(con, f"{sql} ORDER BY mentions DESC, actor LIMIT ? OFFSET ?",
                       params + [limit, offset])
    total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def top_places(con: duckdb.DuckDBPyConnection, q: str | None = None,
               country: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Resolved places by number of mentions."""
    limit, offset = page_bounds(limit, offset)
    _capped("q", q)
    country = country_code(country) if country else None
    clauses, params = [], []
    if q:
        clauses.append("contains(lower(concat_ws(' ', name, text)), ?)")
        params.append(q.lower().strip())
    if country:
        clauses.append("country = ?")
        params.append(country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT coalesce(name, text) AS place, geonameid, country, admin1, "
           "any_value(lat) AS lat, any_value(lon) AS lon, count(*) AS mentions, "
           f"count(DISTINCT article_id) AS articles FROM places{where} "
           "GROUP BY coalesce(name, text), geonameid, country, admin1")
    rows = fetch_dicts(con, f"{sql} ORDER BY mentions DESC, place LIMIT ? OFFSET ?",
                       params + [limit, offset])
    total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def search_articles(con: duckdb.DuckDBPyConnection, text: str | None = None,
                    limit: int = 50, offset: int = 0, indexed: bool | None = None) -> dict:
    """Articles (newest first), optionally those whose title and body hold all the words."""
    limit, offset = page_bounds(limit, offset)
    _capped("q", text, MAX_WORDS_TEXT)
    where, params = "", []
    columns = ("a.id, a.title, a.published, coalesce(a.source, a.site_name) AS source, "
               "a.dateline, a.words, a.language, a.url")
    if text:
        _has_words(text)
        indexed = index_is_fresh(con) if indexed is None else indexed
        if indexed:  # ranked and counted by the index, read for the page alone
            refs, total = _ranked_hits(con, "article", text, "published",
                                       "published DESC NULLS LAST, ref", limit, offset)
            match, param = _id_match("a.id", refs)
            found = {r["id"]: r for r in fetch_dicts(
                con, f"SELECT {columns} FROM articles a WHERE {match}", param)} if refs else {}
            return {"total": total, "limit": limit, "offset": offset,
                    "items": [found[r] for r in refs if r in found]}
        sql, params = _text_condition(con, "article", "a.id", text,
                                      "concat_ws(' ', a.title, a.body)", indexed)
        where = f" WHERE {sql}"
    rows = fetch_dicts(
        con, f"SELECT {columns} FROM articles a{where} "
             "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        params + [limit, offset])
    total = con.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def article_with_spans(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """One article with every annotation: actors, quotes, dates, places and events."""
    rows = fetch_dicts(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    art = rows[0]
    order = {"mentions": "start", "quotes": "content_start", "times": "start",
             "places": "start", "events": "trigger_start"}
    for table, col in order.items():
        columns = EVENT_ROW if table == "events" else "*"
        art[table] = fetch_dicts(
            con, f'SELECT {columns} FROM {table} WHERE article_id = ? ORDER BY "{col}"',
            [article_id])
    for ev in art["events"]:
        for key in EVENT_JSON_COLUMNS:
            if isinstance(ev.get(key), str):
                ev[key] = json.loads(ev[key])
        ev["sentence"] = art["body"][ev["sentence_start"]:ev["sentence_end"]]
    return art


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
