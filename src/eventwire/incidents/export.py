"""Incidents as ACLED-style CSV: one row per real-world event, with its sources.

The event type comes from the incident's most confident report of its type (the mapping of
`eventwire.events.export.acled_type`, docs/acled_mapping.md); date, place, actors and
fatalities are the incident's best-supported values; ``source`` lists its outlets and
``source_scale`` holds how many outlets and articles report it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from eventwire.events.export import ACLED_COLUMNS, acled_type
from eventwire.events.plover import cameo_root
from eventwire.store.derived import EVENT_ROW
from eventwire.store.rows import event_from_row

INCIDENT_ACLED_COLUMNS = (*ACLED_COLUMNS, "n_sources", "n_articles", "n_events",
                          "fatalities_min", "fatalities_max", "first_report", "last_report")


def _label(actors: list[dict]) -> str:
    out = []
    for a in actors[:3]:
        code = " ".join(x for x in (a.get("country"), a.get("sector")) if x)
        who = a.get("name") or a.get("text") or ""
        out.append(f"{who} ({code})" if code else who)
    return "; ".join(out)


def acled_incident_rows(con) -> list[dict]:
    """One ACLED row per stored incident, latest first."""
    n_inc = len(con.execute("SELECT * FROM incidents LIMIT 0").description)
    cur = con.execute(
        f"SELECT i.*, e.{EVENT_ROW}, a.url AS _url, substring(a.body, e.sentence_start + 1, "
        "e.sentence_end - e.sentence_start) AS _sentence FROM incidents i "
        "JOIN (SELECT m.incident_id, e.id AS rep FROM incident_events m "
        "JOIN events e ON e.id = m.event_id JOIN incidents i2 ON i2.id = m.incident_id "
        "QUALIFY row_number() OVER (PARTITION BY m.incident_id ORDER BY "
        "(e.type = i2.type) DESC, e.confidence DESC, m.seq) = 1) r ON r.incident_id = i.id "
        "JOIN events e ON e.id = r.rep JOIN articles a ON a.id = e.article_id "
        "ORDER BY i.date DESC NULLS LAST, i.id")
    names = [d[0] for d in cur.description]
    rows = []
    for values in cur.fetchall():
        inc = dict(zip(names[:n_inc], values[:n_inc], strict=True))
        ev = dict(zip(names[n_inc:], values[n_inc:], strict=True))
        rep = event_from_row(ev)
        etype, sub = acled_type(rep)
        fc = "P" if inc["geo_precision"] == "point" else "A" if inc["geo_precision"] else ""
        rows.append({
            "event_id": inc["id"], "event_date": inc["date"].isoformat() if inc["date"] else "",
            "event_type": etype, "sub_event_type": sub,
            "actor1": _label(json.loads(inc["sources"] or "[]")),
            "actor2": _label(json.loads(inc["targets"] or "[]")),
            "country": inc["country"], "admin1": inc["admin1"], "location": inc["place_name"],
            "latitude": inc["lat"], "longitude": inc["lon"],
            "geo_precision": {"P": 1, "A": 2}.get(fc, 3) if inc["lat"] is not None else None,
            "fatalities": inc["dead"] if inc["dead"] is not None else 0,
            "notes": " ".join((ev["_sentence"] or rep.trigger).split()),
            "source": "; ".join(inc["outlets"] or []), "source_url": ev["_url"] or "",
            "plover_type": inc["type"], "plover_mode": inc["mode"] or "",
            "cameo_root": cameo_root(inc["type"], inc["mode"]),
            "n_sources": inc["n_sources"], "n_articles": inc["n_articles"],
            "n_events": inc["n_events"], "fatalities_min": inc["dead_min"],
            "fatalities_max": inc["dead_max"], "first_report": inc["first_report"],
            "last_report": inc["last_report"],
        })
    return rows


def write_acled_incidents(con, path: str | Path) -> int:
    rows = acled_incident_rows(con)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=INCIDENT_ACLED_COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({k: "" if v is None else v for k, v in r.items()})
    return len(rows)
