"""Terminal rendering of an article with its annotations highlighted (Rich)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

STYLES = {"mentions": "bold cyan", "quotes": "green", "times": "magenta",
          "places": "bold yellow", "events": "underline red"}


def article_text(body: str, annos: dict[str, list[dict]]) -> Text:
    """The body with each annotation's span styled (quotes under actors and places)."""
    text = Text(body)
    for kind in ("quotes", "events", "times", "places", "mentions"):
        for a in annos.get(kind, []):
            start, end = _span(kind, a)
            if start is not None and 0 <= start < end <= len(body):
                text.stylize(STYLES[kind], start, end)
    return text


def _span(kind: str, row: dict) -> tuple[int | None, int | None]:
    if kind == "quotes":
        return row["content_start"], row["content_end"]
    if kind == "events":
        return row["trigger_start"], row["trigger_end"]
    return row["start"], row["end"]


def annotation_tables(annos: dict[str, list[dict]]) -> list[Table]:
    """One table per kind of annotation, each row with its code or resolution."""
    specs = {
        "mentions": ("Actors", [("text", "text"), ("code", lambda r: " ".join(
            x for x in (r["country"], r["sector"]) if x)), ("name", "name"), ("role", "role")]),
        "quotes": ("Quotes", [("speaker", lambda r: r["speaker_name"] or r["speaker"] or ""),
                              ("code", "speaker_code"), ("kind", "kind"),
                              ("content", "content")]),
        "times": ("Dates", [("text", "text"), ("date", lambda r: _range(r)),
                            ("precision", "precision"), ("rule", "rule")]),
        "places": ("Places", [("text", "text"), ("resolved", "name"), ("country", "country"),
                              ("admin1", "admin1"), ("lat,lon", lambda r: _latlon(r)),
                              ("relation", "relation")]),
        "events": ("Events", [("type", "type"), ("mode", "mode"), ("trigger", "trigger"),
                              ("date", "date"), ("place", "place_name"), ("dead", "dead"),
                              ("rule", "rule")]),
    }
    tables = []
    for kind, (title, cols) in specs.items():
        rows = annos.get(kind) or []
        if not rows:
            continue
        table = Table(title=f"{title} ({len(rows)})", title_style=STYLES[kind])
        for name, _ in cols:
            table.add_column(name, overflow="fold")
        for r in rows:
            table.add_row(*[_cell(r, get) for _, get in cols])
        tables.append(table)
    return tables


def _cell(row: dict, get) -> str:
    value = get(row) if callable(get) else row.get(get)
    return "" if value is None else str(value)


def _range(r: dict) -> str:
    s, e = r.get("date_start"), r.get("date_end")
    if s and e and s != e:
        return f"{s}..{e}"
    return str(s or "")


def _latlon(r: dict) -> str:
    return f"{r['lat']:.3f},{r['lon']:.3f}" if r.get("lat") is not None else ""
