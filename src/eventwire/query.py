"""Filters over the store as parameterised SQL, shared by the CLI (`eventwire events`) and the
HTTP API, so both answer the same question the same way.

Values never enter the SQL text: every filter adds a clause with ``?`` placeholders.
Full-text search uses a small inverted index (``search_terms``: one row per word and event or
article) built from the stored text by `refresh_search_index`; DuckDB's FTS extension would
need a download at run time.  Where the index is missing or older than the data and cannot be
rebuilt (a read-only database), the search falls back to a scan of the text, which gives the
same answers, only slower.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

import duckdb

from eventwire.errors import EventwireError
from eventwire.events.plover import EVENT_TYPES

MAX_LIMIT = 1000
EARTH_KM = 6371.0088
# Words as the index stores them: runs of Unicode letters and digits, lower-cased.
_SQL_WORDS = r"regexp_extract_all(lower({}), '[\pL\pN]+')"
_WORD = re.compile(r"[^\W_]+\*?")
_ACTOR_STRUCT = ('[{"text":"VARCHAR","name":"VARCHAR","country":"VARCHAR",'
                 '"sector":"VARCHAR","attributed_by":"VARCHAR"}]')
_SENTENCE = "substring(a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
EVENT_JSON_COLUMNS = ("sources", "targets", "location", "field_rules")


class QueryError(EventwireError, ValueError):
    """A filter value that cannot be used; the message says which and why."""


@dataclass
class EventFilter:
    """What `eventwire events` and ``GET /api/events`` can filter on."""

    actor: str | None = None  # words of an actor's name or text ("Hamas", "Schenker")
    actor_code: str | None = None  # "IRN", "IRN GOV", "GOV": country and/or sector
    types: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None  # words that must all occur in the event's sentence
    min_confidence: float | None = None
    article_id: str | None = None

    def validate(self) -> None:
        bad = [t for t in self.types if t.upper() not in EVENT_TYPES]
        if bad:
            raise QueryError(f"type: unknown PLOVER event type {', '.join(bad)} "
                             f"(one of {', '.join(EVENT_TYPES)})")
        self.types = [t.upper() for t in self.types]
        self.countries = [c.upper() for c in self.countries]
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
            raise QueryError(f"q: {self.text!r} has no words to search for")


def search_words(text: str) -> list[str]:
    """The query's words as the index holds them; a trailing * asks for a prefix."""
    return _WORD.findall(text.lower())


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit: {limit} must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError(f"offset: {offset} must not be negative")
    return limit, offset


# -- events ----------------------------------------------------------------------------------


def event_where(f: EventFilter, indexed: bool) -> tuple[str, list]:
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
        clauses.append(f"len(list_filter(from_json(e.sources, '{_ACTOR_STRUCT}') || "
                       f"from_json(e.targets, '{_ACTOR_STRUCT}'), lambda x: {cond})) > 0")
        params += cparams
    if f.text:
        sql, tparams = _text_condition("event", "e.id", f.text, _SENTENCE, indexed)
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
            raise QueryError(f"actor_code: {code!r} is not COUNTRY, SECTOR or 'COUNTRY SECTOR'")
    return " AND ".join(parts), params


def _text_condition(kind: str, ref: str, text: str, scan_expr: str,
                    indexed: bool) -> tuple[str, list]:
    words = search_words(text)
    if not words:
        raise QueryError(f"q: {text!r} has no words to search for")
    if indexed:
        parts, params = [], []
        for w in words:
            if w.endswith("*"):
                parts.append("SELECT ref FROM search_terms WHERE kind = ? AND "
                             "starts_with(term, ?)")
                params += [kind, w[:-1]]
            else:
                parts.append("SELECT ref FROM search_terms WHERE kind = ? AND term = ?")
                params += [kind, w]
        return f"{ref} IN ({' INTERSECT '.join(parts)})", params
    parts, params = [], []
    for w in words:
        word = w.rstrip("*")
        tail = "" if w.endswith("*") else r"(?:[^\pL\pN]|$)"
        parts.append(f"regexp_matches(lower({scan_expr}), ?)")
        params.append(r"(?:^|[^\pL\pN])" + re.escape(word) + tail)
    return "(" + " AND ".join(parts) + ")", params


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
    where, params = event_where(f, indexed)
    needs_articles = f.text is not None and not indexed
    src = "events e JOIN articles a ON a.id = e.article_id" if needs_articles else "events e"
    # The page first, then its articles' titles and sentences (a join over the page only).
    rows = fetch_dicts(
        con, f"WITH page AS (SELECT {_EVENT_COLUMNS} FROM {src}{where} "
             "ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?) "
             "SELECT page.*, art.title AS article_title, art.published, "
             "substring(art.body, page.sentence_start + 1, "
             "page.sentence_end - page.sentence_start) AS sentence FROM page "
             "LEFT JOIN articles art ON art.id = page.article_id "
             "ORDER BY page.date DESC NULLS LAST, page.id", params + [limit, offset])
    _parse_json(rows)
    total = None
    if with_total:
        total = con.execute(f"SELECT count(*) FROM {src}{where}", params).fetchone()[0]
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def _text_only(f: EventFilter) -> bool:
    return not (f.types or f.countries or f.radius_km is not None or f.actor or f.actor_code
                or f.date_from or f.date_to or f.min_confidence is not None or f.article_id)


def _search_events_by_index(con: duckdb.DuckDBPyConnection, text: str, limit: int,
                            offset: int, with_total: bool) -> dict:
    """Words only: the index holds each event's date, so it ranks and counts on its own and
    the events table is read for the page alone."""
    words = search_words(text)
    parts, params = [], []
    for w in words:
        # A range on the sorted term column lets DuckDB skip blocks by their min/max.
        hi = w[:-1] + "\U0010ffff" if w.endswith("*") else w
        parts.append("SELECT ref, date FROM search_terms "
                     "WHERE kind = 'event' AND term >= ? AND term <= ?")
        params += [w.rstrip("*"), hi]
    order = "ORDER BY date DESC NULLS LAST, ref LIMIT ? OFFSET ?"
    if len(words) == 1 and not words[0].endswith("*"):
        # One exact word: the index holds each (word, event) once, so rank and count apart
        # (cheaper than a window over every hit).
        refs = [r[0] for r in con.execute(f"{parts[0]} {order}",
                                          params + [limit, offset]).fetchall()]
        total = (con.execute(f"SELECT count(*) FROM ({parts[0]})", params).fetchone()[0]
                 if with_total else None)
        return {"total": total, "limit": limit, "offset": offset,
                "items": _events_by_id(con, refs)}
    # INTERSECT is a set operation: each event once, and only if every word is in it.
    hits = " INTERSECT ".join(parts) if len(parts) > 1 else f"SELECT DISTINCT * FROM ({parts[0]})"
    total_sql = "count(*) OVER ()" if with_total else "NULL"
    page = con.execute(f"SELECT ref, {total_sql} FROM ({hits}) {order}",
                       params + [limit, offset]).fetchall()
    rows = _events_by_id(con, [r[0] for r in page])
    total = page[0][1] if page else 0
    if with_total and not page and offset:
        total = con.execute(f"SELECT count(*) FROM ({hits})", params).fetchone()[0]
    return {"total": total if with_total else None, "limit": limit, "offset": offset,
            "items": rows}


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


def event_points(con: duckdb.DuckDBPyConnection, f: EventFilter, cap: int = 20000,
                 indexed: bool | None = None) -> dict:
    """Every matching located event as [id, lat, lon, type], for the map (capped)."""
    indexed = index_is_fresh(con) if indexed is None else indexed
    where, params = event_where(f, indexed)
    src = ("events e JOIN articles a ON a.id = e.article_id"
           if f.text is not None and not indexed else "events e")
    where = (where + " AND " if where else " WHERE ") + "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    rows = con.execute(f"SELECT e.id, e.lat, e.lon, e.type FROM {src}{where} "
                       "ORDER BY e.date DESC NULLS LAST, e.id LIMIT ?",
                       params + [cap + 1]).fetchall()
    return {"truncated": len(rows) > cap, "points": [list(r) for r in rows[:cap]]}


def event_timeline(con: duckdb.DuckDBPyConnection, f: EventFilter,
                   indexed: bool | None = None) -> list[dict]:
    """Matching events per day and type (events without a date are left out)."""
    indexed = index_is_fresh(con) if indexed is None else indexed
    where, params = event_where(f, indexed)
    src = ("events e JOIN articles a ON a.id = e.article_id"
           if f.text is not None and not indexed else "events e")
    where = (where + " AND " if where else " WHERE ") + "e.date IS NOT NULL"
    return fetch_dicts(con, f"SELECT e.date AS day, e.type, count(*) AS n FROM {src}{where} "
                            "GROUP BY ALL ORDER BY day, e.type", params)


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict | None:
    rows = _events_by_id(con, [event_id])
    return rows[0] if rows else None


# -- quotes, actors, places, articles ----------------------------------------------------------


def search_quotes(con: duckdb.DuckDBPyConnection, speaker: str | None = None,
                  speaker_code: str | None = None, text: str | None = None,
                  article_id: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Quotes by speaker (name or words as written), code, words of the content."""
    limit, offset = page_bounds(limit, offset)
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
        sql, tparams = _text_condition("quote", "", text, "q.content", indexed=False)
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
    clauses, params = [], []
    if q:
        clauses.append("contains(lower(concat_ws(' ', name, text)), ?)")
        params.append(q.lower().strip())
    if country:
        clauses.append("country = ?")
        params.append(country.upper())
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
    where, params = "", []
    if text:
        sql, params = _text_condition("article", "a.id", text,
                                      "concat_ws(' ', a.title, a.body)",
                                      index_is_fresh(con) if indexed is None else indexed)
        where = f" WHERE {sql}"
    rows = fetch_dicts(
        con, "SELECT a.id, a.title, a.published, coalesce(a.source, a.site_name) AS source, "
             f"a.dateline, a.words, a.language, a.url FROM articles a{where} "
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
        art[table] = fetch_dicts(
            con, f'SELECT * FROM {table} WHERE article_id = ? ORDER BY "{col}"', [article_id])
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


# -- the search index ------------------------------------------------------------------------


INDEX_VERSION = 2
_INDEX_DDL = """
CREATE TABLE search_terms (kind VARCHAR, ref VARCHAR, term VARCHAR, date DATE);
CREATE TABLE search_indexed (kind VARCHAR, ref VARCHAR);
CREATE TABLE search_state (version INTEGER, articles BIGINT, events BIGINT, latest TIMESTAMPTZ);
"""
_INDEX_TABLES = ("search_terms", "search_indexed", "search_state")


def _data_state(con: duckdb.DuckDBPyConnection) -> tuple:
    return (INDEX_VERSION, *con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT max(ingested_at) FROM articles)").fetchone())


def _index_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Layout version of the stored index (None when absent); safe inside a transaction."""
    cols = {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'search_state' "
        "AND schema_name = 'main' AND database_name = current_database()").fetchall()}
    if "version" not in cols:
        return None
    return con.execute("SELECT max(version) FROM search_state").fetchone()[0]


def index_is_fresh(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the search index covers everything stored now."""
    if _index_version(con) != INDEX_VERSION:
        return False
    state = con.execute("SELECT version, articles, events, latest FROM search_state").fetchone()
    return state is not None and tuple(state) == tuple(_data_state(con))


def refresh_search_index(con: duckdb.DuckDBPyConnection) -> int:
    """Index the words of events' sentences and articles' text not indexed yet.

    Returns how many events and articles were added.  Rows are inserted sorted by word so
    DuckDB's per-block min/max lets a word look-up skip most of the table.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        if _index_version(con) != INDEX_VERSION:  # absent, or built by another layout
            for table in _INDEX_TABLES:
                con.execute(f"DROP TABLE IF EXISTS {table}")
            con.execute(_INDEX_DDL)
        words = _SQL_WORDS.format("txt")
        con.execute(
            "CREATE TEMP TABLE _todo AS "
            "SELECT 'event' AS kind, e.id AS ref, e.date, "
            f"{_SENTENCE} AS txt FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.id NOT IN (SELECT ref FROM search_indexed WHERE kind = 'event') "
            "UNION ALL SELECT 'article', a.id, NULL, concat_ws(' ', a.title, a.body) "
            "FROM articles a "
            "WHERE a.id NOT IN (SELECT ref FROM search_indexed WHERE kind = 'article')")
        added = con.execute("SELECT count(*) FROM _todo").fetchone()[0]
        con.execute("INSERT INTO search_terms SELECT DISTINCT kind, ref, term, date FROM "
                    f"(SELECT kind, ref, date, unnest({words}) AS term FROM _todo) "
                    "ORDER BY kind, term")
        con.execute("INSERT INTO search_indexed SELECT kind, ref FROM _todo")
        con.execute("DROP TABLE _todo")
        indexed_events = con.execute(
            "SELECT count(*) FROM search_indexed WHERE kind = 'event'").fetchone()[0]
        if indexed_events > con.execute("SELECT count(*) FROM events").fetchone()[0]:
            # Re-annotation replaced events: forget the ones that are gone.
            for table in ("search_terms", "search_indexed"):
                con.execute(f"DELETE FROM {table} WHERE kind = 'event' AND "
                            "ref NOT IN (SELECT id FROM events)")
        con.execute("DELETE FROM search_state")
        con.execute(f"INSERT INTO search_state SELECT {INDEX_VERSION}, "
                    "(SELECT count(*) FROM articles), "
                    "(SELECT count(*) FROM events), (SELECT max(ingested_at) FROM articles)")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return added
