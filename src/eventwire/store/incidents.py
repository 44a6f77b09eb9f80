"""Incident tables: the incidents, which event belongs to which, and analysts' corrections.

``incidents`` holds one row per incident with its fields and, in ``profile``, the tallies
resolution matches against (`eventwire.incidents.model.Incident`).  ``reach_lo``/``reach_hi``
are the first and last day its dates allow, so blocking by date reads only incidents whose
window meets the new events' (DuckDB skips row groups by their min/max).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, timedelta

import duckdb

from eventwire.incidents.match import span
from eventwire.incidents.model import Incident
from eventwire.incidents.resolve import Link
from eventwire.store.derived import EVENT_ROW

MIGRATION = """
CREATE TABLE incidents (
    id VARCHAR, seq BIGINT, type VARCHAR, mode VARCHAR, date DATE, date_precision VARCHAR,
    reach_lo DATE, reach_hi DATE, place_name VARCHAR, country VARCHAR, admin1 VARCHAR,
    lat DOUBLE, lon DOUBLE, geo_precision VARCHAR, sources JSON, targets JSON,
    dead INTEGER, dead_min INTEGER, dead_max INTEGER, first_report TIMESTAMPTZ,
    last_report TIMESTAMPTZ, n_events INTEGER, n_articles INTEGER, n_sources INTEGER,
    outlets VARCHAR[], confidence DOUBLE, words VARCHAR[], profile JSON
);
CREATE TABLE incident_events (
    event_id VARCHAR, incident_id VARCHAR, article_id VARCHAR, score DOUBLE, rule VARCHAR,
    seq BIGINT
);
CREATE TABLE incident_corrections (
    seq BIGINT, action VARCHAR, event_ids VARCHAR[], note VARCHAR,
    applied_at TIMESTAMPTZ DEFAULT current_timestamp
);
"""
# Incidents without any date stay candidates for this many of the latest ones.
UNDATED_CANDIDATES = 500
_WIDEST = 1  # windows are given as spans already; a day's margin for rounding


def incident_row(inc: Incident, seq: int) -> dict:
    """The stored row of an incident: its best-supported fields and its tallies."""
    day, precision = inc.best_day()
    place = inc.best_place() or {}
    lo, hi = reach(inc)
    dead, dead_min, dead_max = inc.dead_reported()
    return {
        "id": inc.id, "seq": seq, "type": inc.best(inc.types), "mode": inc.best(inc.modes),
        "date": day, "date_precision": precision, "reach_lo": lo, "reach_hi": hi,
        "place_name": place.get("name"),
        "country": place.get("country") or inc.best(inc.countries),
        "admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
        "geo_precision": place.get("geo"),
        "sources": json.dumps(inc.actors(inc.sources), ensure_ascii=False),
        "targets": json.dumps(inc.actors(inc.targets), ensure_ascii=False),
        "dead": dead, "dead_min": dead_min, "dead_max": dead_max,
        "first_report": inc.first_report, "last_report": inc.last_report,
        "n_events": inc.events, "n_articles": len(inc.articles),
        # articles of no named outlet count as one source
        "n_sources": max(len(inc.outlets), 1), "outlets": sorted(inc.outlets),
        "confidence": inc.confidence, "words": sorted(inc.lemmas),
        "profile": json.dumps(inc.state(), ensure_ascii=False, default=str),
    }


def reach(inc: Incident) -> tuple[date | None, date | None]:
    return inc.hull(span) if inc.days else (None, None)


def candidates(con: duckdb.DuckDBPyConnection, types: Iterable[str],
               windows: list[tuple[date, date]],
               countries: Iterable[str] | None = None,
               words: Iterable[str] = (),
               parsed: dict[str, tuple[str, Incident]] | None = None,
               word_windows: list[tuple[date, date]] = (),
               ) -> list[tuple[int, Incident]]:
    """Stored incidents of these types (or reported by these trigger words) whose dates
    reach one of the windows, plus the latest undated ones, as (seq, incident).  With
    ``countries`` (the batch's reports all have one), only incidents in those countries or
    in none (a report misplaced abroad meets its incident only within its batch: reading
    every country's incidents of a common word cost twice as much at 100,000 events for no
    gain on ECB+); and those of these words whose dates reach one of ``word_windows``
    (follow-ups' reach).
    ``parsed`` (id -> (stored profile, incident)) holds incidents read before: one whose
    stored profile is the same text is taken from it, not parsed again (parsing is
    most of the cost), and the ones parsed now are added to it."""
    types = sorted(set(types))
    if not types:
        return []
    kind = f"(type IN ({', '.join('?' * len(types))}) OR list_has_any(words, ?))"
    kind_params: list = [*types, sorted(set(words))]
    if countries is not None:
        wanted = sorted(set(countries))
        kind += f" AND (country IS NULL OR country IN ({', '.join('?' * len(wanted))}))"
        kind_params += wanted
    spans, params = _reaching(windows)
    far, far_params = _reaching(word_windows)
    rows = con.execute(
        f"SELECT id, seq, profile FROM incidents WHERE {kind} AND reach_lo IS NOT NULL "
        f"AND ({spans}) "
        f"UNION ALL (SELECT id, seq, profile FROM incidents WHERE {kind} AND "
        f"reach_lo IS NULL ORDER BY seq DESC LIMIT {UNDATED_CANDIDATES}) "
        f"UNION ALL SELECT id, seq, profile FROM incidents WHERE list_has_any(words, ?) "
        f"AND reach_lo IS NOT NULL AND ({far}) ORDER BY seq",
        [*kind_params, *params, *kind_params, sorted(set(words)), *far_params]).fetchall()
    parsed = {} if parsed is None else parsed
    out, seen = [], set()
    for id_, seq, profile in rows:
        if id_ in seen:
            continue
        seen.add(id_)
        known = parsed.get(id_)
        if known is None or known[0] != profile:
            known = parsed[id_] = (profile, Incident.from_state(id_, json.loads(profile)))
        out.append((seq, known[1]))
    return out


def _reaching(windows: list[tuple[date, date]]) -> tuple[str, list]:
    """SQL (and its parameters) for incidents whose reach meets one of the windows."""
    spans, params = [], []
    for lo, hi in _merged(windows):
        spans.append("(reach_hi >= ? AND reach_lo <= ?)")
        params += [lo - timedelta(days=_WIDEST), hi + timedelta(days=_WIDEST)]
    return " OR ".join(spans) or "false", params


def _merged(windows: list[tuple[date, date]]) -> list[tuple[date, date]]:
    out: list[list[date]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1] + timedelta(days=2 * _WIDEST):
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def next_seq(con: duckdb.DuckDBPyConnection, table: str = "incidents") -> int:
    return (con.execute(f"SELECT max(seq) FROM {table}").fetchall()[0][0] or 0) + 1


def save(con: duckdb.DuckDBPyConnection, touched: dict[str, Incident], seqs: dict[str, int],
         links: list[Link]) -> dict[str, str]:
    """Replace the touched incidents' rows and record the new links (inside the caller's
    transaction); returns the profiles stored, by incident id."""
    rows = []
    if touched:
        con.execute("DELETE FROM incidents WHERE id IN (SELECT unnest(?))",
                    [sorted(touched)]).fetchall()
        rows = [incident_row(inc, seqs[i]) for i, inc in sorted(touched.items(),
                                                                 key=lambda kv: seqs[kv[0]])]
        _insert(con, "incidents", rows)
    if links:
        start = next_seq(con, "incident_events")
        _insert(con, "incident_events", [
            {"event_id": x.event_id, "incident_id": x.incident_id, "article_id": x.article_id,
             "score": x.score, "rule": x.rule, "seq": start + n} for n, x in enumerate(links)])
    return {row["id"]: row["profile"] for row in rows}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    import pyarrow as pa

    if not rows:
        return
    con.register("_incident_rows", pa.Table.from_pylist(rows))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incident_rows").fetchall()
    finally:
        con.unregister("_incident_rows")


def clear(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every incident and link (corrections are kept, to be replayed)."""
    con.execute("DELETE FROM incidents").fetchall()
    con.execute("DELETE FROM incident_events").fetchall()


def log_correction(con: duckdb.DuckDBPyConnection, action: str, event_ids: list[str],
                   note: str | None) -> None:
    con.execute("INSERT INTO incident_corrections (seq, action, event_ids, note) VALUES "
                "(?, ?, ?, ?)", [next_seq(con, "incident_corrections"), action, event_ids,
                                 note]).fetchall()


def corrections(con: duckdb.DuckDBPyConnection) -> list[tuple[str, list[str], str | None]]:
    return [(a, list(e), n) for a, e, n in con.execute(
        "SELECT action, event_ids, note FROM incident_corrections ORDER BY seq").fetchall()]


def pending_rows(con: duckdb.DuckDBPyConnection, limit: int) -> list[dict]:
    """Events with no incident yet, with their article's fields, in the order stored."""
    ids = [r[0] for r in con.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
        "ANTI JOIN incident_events m ON m.event_id = e.id "
        "ORDER BY a.rowid, e.trigger_start, e.id LIMIT ?", [limit]).fetchall()]
    return _with_articles(con, ids)


def member_rows(con: duckdb.DuckDBPyConnection, incident_id: str) -> list[dict]:
    """An incident's events with their article's fields, in the order they joined."""
    ids = [r[0] for r in con.execute("SELECT event_id FROM incident_events WHERE "
                                     "incident_id = ? ORDER BY seq", [incident_id]).fetchall()]
    return _with_articles(con, ids)


def _with_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict]:
    """Event rows in the order of ``ids``, each with ``_published``, ``_source``,
    ``_site_name``, ``_url`` and ``_body`` of its article.  Read in two narrow queries: a
    join carrying every body through a sort needs more than a capped writer's memory."""
    if not ids:
        return []
    found = {r["id"]: r for r in _dicts(con, f"SELECT {EVENT_ROW} FROM events WHERE id IN "
                                             "(SELECT unnest(?))", [ids])}
    arts = {r["id"]: r for r in _dicts(
        con, "SELECT id, published, source, site_name, url, body FROM articles WHERE id IN "
             "(SELECT unnest(?))", [sorted({r["article_id"] for r in found.values()})])}
    out = []
    for i in ids:
        if i in found:
            row = found[i]
            art = arts.get(row["article_id"], {})
            row.update({f"_{k}": art.get(k) for k in ("published", "source", "site_name",
                                                      "url", "body")})
            out.append(row)
    return out


def incident_of_events(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Event id -> incident id, for every linked event."""
    return dict(con.execute("SELECT event_id, incident_id FROM incident_events").fetchall())


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
