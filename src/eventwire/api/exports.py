"""The page's "export this filter": the matching events as ACLED-style CSV (formula cells
neutralised), GeoJSON points or PLOVER JSON, written by the same code as `eventwire export`."""

from __future__ import annotations

import csv
import io
import json

from eventwire.csv_cells import row as csv_row
from eventwire.events.export import ACLED_COLUMNS, acled_rows, plover_records
from eventwire.store.rows import event_from_row

MAX_EXPORT = 50_000


def export_file(rows: list[dict], articles: dict[str, dict], fmt: str) -> tuple[bytes, str, str]:
    """(file bytes, media type, file extension) of ``rows`` (stored events rows)."""
    if fmt == "geojson":
        return _dump(geojson(rows, articles)), "application/geo+json", "geojson"
    events = [event_from_row(r) for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(ACLED_COLUMNS)
        for r in acled_rows(events, articles):
            w.writerow(csv_row(r.get(c) for c in ACLED_COLUMNS))
        return out.getvalue().encode("utf-8"), "text/csv; charset=utf-8", "csv"
    return _dump(plover_records(events, articles)), "application/json", "plover.json"


def geojson(rows: list[dict], articles: dict[str, dict]) -> dict:
    """Located events as GeoJSON points (lon, lat), their main fields as properties."""
    feats = []
    for r in rows:
        if r["lat"] is None or r["lon"] is None:
            continue
        art = articles.get(r["article_id"]) or {}
        feats.append({"type": "Feature", "id": r["id"],
                      "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                      "properties": {
                          "date": r["date"].isoformat() if r["date"] else None,
                          "type": r["type"], "mode": r["mode"], "quad": r["quad"],
                          "place": r["place_name"], "country": r["country"],
                          "admin1": r["admin1"], "dead": r["dead"],
                          "sources": _names(r["sources"]), "targets": _names(r["targets"]),
                          "confidence": r["confidence"], "trigger": r["trigger"],
                          "article_id": r["article_id"], "url": art.get("url"),
                          "title": art.get("title")}})
    return {"type": "FeatureCollection", "features": feats}


def _names(refs: str | None) -> list[str]:
    return [a.get("name") or a.get("text") for a in json.loads(refs or "[]")]


def _dump(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, default=str).encode("utf-8")
