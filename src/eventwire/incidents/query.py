"""Incidents matching the filters of `eventwire events` / ``GET /api/events``.

Type, country, place and date filter the incident's own (best-supported) fields; actor,
words, confidence and article filter its member events (an incident matches when one of its
reports does), through the events' own SQL in `eventwire.query`.
"""

from __future__ import annotations

import json

import duckdb

from eventwire import query as q

_COLUMNS = ("i.id, i.type, i.mode, i.date, i.date_precision, i.place_name, i.country, "
            "i.admin1, i.lat, i.lon, i.geo_precision, i.sources, i.targets, i.dead, "
            "i.dead_min, i.dead_max, i.first_report, i.last_report, i.n_events, "
            "i.n_articles, i.n_sources, i.outlets, i.confidence")


def incident_where(con: duckdb.DuckDBPyConnection, f: q.EventFilter,
                   indexed: bool | None = None) -> tuple[str, list]:
    f.validate()
    clauses, params = [], []
    if f.types:
        clauses.append(f"i.type IN ({', '.join('?' * len(f.types))})")
        params += f.types
    if f.countries:
        clauses.append(f"i.country IN ({', '.join('?' * len(f.countries))})")
        params += f.countries
    if f.date_from:
        clauses.append("i.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("i.date <= ?")
        params.append(f.date_to)
    if f.radius_km is not None:
        clauses.append(f"i.lat IS NOT NULL AND {q.EARTH_KM} * 2 * asin(sqrt(pow(sin(radians("
                       "i.lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(i.lat)) * "
                       "pow(sin(radians(i.lon - ?) / 2), 2))) <= ?")
        params += [f.lat, f.lat, f.lon, f.radius_km]
    member = q.EventFilter(actor=f.actor, actor_code=f.actor_code, text=f.text,
                           min_confidence=f.min_confidence, article_id=f.article_id)
    if any(v is not None for v in (f.actor, f.actor_code, f.text, f.min_confidence,
                                   f.article_id)):
        indexed = q.index_is_fresh(con) if indexed is None else indexed
        where, mparams = q.event_where(con, member, indexed)
        join = "" if indexed or not f.text else " JOIN articles a ON a.id = e.article_id"
        clauses.append("i.id IN (SELECT m.incident_id FROM incident_events m JOIN events e "
                       f"ON e.id = m.event_id{join}{where})")
        params += mparams
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def search_incidents(con: duckdb.DuckDBPyConnection, f: q.EventFilter, limit: int = 50,
                     offset: int = 0, indexed: bool | None = None) -> dict:
    """One page of incidents (latest first) with their source counts, plus the total."""
    limit, offset = q.page_bounds(limit, offset)
    where, params = incident_where(con, f, indexed)
    rows = q.fetch_dicts(con, f"SELECT {_COLUMNS} FROM incidents i{where} ORDER BY i.date DESC "
                              "NULLS LAST, i.n_sources DESC, i.id LIMIT ? OFFSET ?",
                         params + [limit, offset])
    _parse(rows)
    total = con.execute(f"SELECT count(*) FROM incidents i{where}", params).fetchall()[0][0]
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


def get_incident(con: duckdb.DuckDBPyConnection, incident_id: str) -> dict | None:
    """One incident with its member events, each with its sentence and article."""
    rows = q.fetch_dicts(con, f"SELECT {_COLUMNS} FROM incidents i WHERE i.id = ?",
                         [incident_id])
    if not rows:
        return None
    _parse(rows)
    inc = rows[0]
    members = q.fetch_dicts(
        con, "SELECT e.id, e.article_id, e.type, e.mode, e.trigger, e.date, e.place_name, "
             "e.country, e.dead, e.confidence, e.sentence_start, e.sentence_end, m.score, "
             "m.rule, a.title AS article_title, a.published, a.url, "
             "coalesce(a.source, a.site_name) AS source, substring(a.body, "
             "e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence "
             "FROM incident_events m JOIN events e ON e.id = m.event_id "
             "JOIN articles a ON a.id = e.article_id WHERE m.incident_id = ? ORDER BY m.seq",
        [incident_id])
    inc["events"] = members
    return inc


def incident_points(con: duckdb.DuckDBPyConnection, f: q.EventFilter, cap: int = 20000,
                    indexed: bool | None = None) -> dict:
    """Located incidents for the map as [id, lat, lon, type, sources, events] (capped)."""
    where, params = incident_where(con, f, indexed)
    where = (where + " AND " if where else " WHERE ") + "i.lat IS NOT NULL"
    rows = con.execute(f"SELECT i.id, i.lat, i.lon, i.type, i.n_sources, i.n_events "
                       f"FROM incidents i{where} ORDER BY i.date DESC NULLS LAST, i.id "
                       "LIMIT ?", params + [cap + 1]).fetchall()
    return {"truncated": len(rows) > cap, "points": [list(r) for r in rows[:cap]]}


def incident_timeline(con: duckdb.DuckDBPyConnection, f: q.EventFilter,
                      indexed: bool | None = None) -> list[dict]:
    """Incidents per day and type, with their summed sources (undated ones left out)."""
    where, params = incident_where(con, f, indexed)
    where = (where + " AND " if where else " WHERE ") + "i.date IS NOT NULL"
    return q.fetch_dicts(con, "SELECT i.date AS day, i.type, count(*) AS n, "
                              f"sum(i.n_sources) AS sources FROM incidents i{where} "
                              "GROUP BY ALL ORDER BY day, i.type", params)


def _parse(rows: list[dict]) -> None:
    for r in rows:
        for key in ("sources", "targets"):
            if isinstance(r.get(key), str):
                r[key] = json.loads(r[key])
        r["outlets"] = list(r.get("outlets") or [])
