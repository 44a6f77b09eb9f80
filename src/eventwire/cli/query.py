"""``eventwire events``, ``eventwire quotes``, ``eventwire actors``: query the store.

The filters are those of the HTTP API (both build their SQL in `eventwire.query`).
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date

import typer
from rich.console import Console
from rich.table import Table

from eventwire import query as q
from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, fail, open_store
from eventwire.csv_cells import row as csv_row

JSON_OPT = typer.Option(False, "--json", help="One JSON object: total, items.")
CSV_OPT = typer.Option(False, "--csv", help="CSV with a header row.")
LIMIT_OPT = typer.Option(50, "--limit", min=1, max=q.MAX_LIMIT, help="Rows to show.")
OFFSET_OPT = typer.Option(0, "--offset", min=0, help="Rows to skip.")
# the filters `events` and `incidents` share, as the HTTP API does
ACTOR_OPT = typer.Option(None, help="Words of an actor's name or text.")
ACTOR_CODE_OPT = typer.Option(None, help="Actor code: IRN, GOV or 'IRN GOV'.")
TYPE_OPT = typer.Option([], "--type", "-t", help="PLOVER type (repeatable).")
COUNTRY_OPT = typer.Option([], "--country", "-c", help="ISO alpha-3 (repeatable).")
NEAR_OPT = typer.Option(None, help="LAT,LON,KM: within KM of a point.")
FROM_OPT = typer.Option(None, "--from", help="First day, YYYY-MM-DD.")
TO_OPT = typer.Option(None, "--to", help="Last day, YYYY-MM-DD.")

EVENT_CSV = ("id", "date", "type", "mode", "quad", "source_actors", "target_actors",
             "place_name", "admin1", "country", "lat", "lon", "dead", "injured", "confidence",
             "trigger", "sentence", "article_id", "rule")


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


def _near(value: str | None) -> tuple[float | None, float | None, float | None]:
    if value is None:
        return None, None, None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not LAT,LON,KM (e.g. 15.5,32.5,50)",
                                 param_hint="--near") from None
    return lat, lon, km


def event_filter(actor, actor_code, type_, country, near, date_from, date_to, text,
                 min_confidence, article) -> q.EventFilter:
    """The filter the shared options describe, with their values checked."""
    lat, lon, km = _near(near)
    return q.EventFilter(actor=actor, actor_code=actor_code, types=list(type_),
                         countries=list(country), lat=lat, lon=lon, radius_km=km,
                         date_from=_day(date_from, "--from"), date_to=_day(date_to, "--to"),
                         text=text, min_confidence=min_confidence, article_id=article)

def _actors(refs: list[dict] | None) -> str:
    out = []
    for r in refs or []:
        code = " ".join(x for x in (r.get("country"), r.get("sector")) if x)
        who = r.get("name") or r.get("text") or ""
        out.append(f"{who} [{code}]" if code else who)
    return "; ".join(out)


def _emit(result: dict, as_json: bool, as_csv: bool, columns, row_of, title: str) -> None:
    if as_json and as_csv:
        fail("choose one of --json and --csv", 2)
    if as_json:
        sys.stdout.write(json.dumps(result, default=str, ensure_ascii=False) + "\n")
        return
    if as_csv:
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for item in result["items"]:
            w.writerow(csv_row(row_of(item)))
        return
    shown = len(result["items"])
    table = Table(title=f"{result['total']} {title}" + (
        f" (showing {result['offset'] + 1}-{result['offset'] + shown})"
        if result["total"] > shown else ""))
    # On a terminal cells fold to its width; into a file or a pipe each row stays one line,
    # so dates and ids are never split.
    wrap = console.is_terminal
    for col in columns:
        table.add_column(col, overflow="fold" if wrap else "ignore", no_wrap=not wrap)
    for item in result["items"]:
        table.add_row(*("" if v is None else str(v) for v in row_of(item)))
    out = console if wrap else Console(file=sys.stdout, width=100_000, color_system=None)
    out.print(table)


@app.command("events")
def events_cmd(
    db: str = DB_OPTION,
    actor: str | None = ACTOR_OPT,
    actor_code: str | None = ACTOR_CODE_OPT,
    type_: list[str] = TYPE_OPT,
    country: list[str] = COUNTRY_OPT,
    near: str | None = NEAR_OPT,
    date_from: str | None = FROM_OPT,
    date_to: str | None = TO_OPT,
    text: str | None = typer.Option(None, "--text", "-q",
                                    help="Words that must all be in the event's sentence."),
    min_confidence: float | None = typer.Option(None, min=0, max=1),
    article: str | None = typer.Option(None, help="Only events of this article id."),
    limit: int = LIMIT_OPT,
    offset: int = OFFSET_OPT,
    as_json: bool = JSON_OPT,
    as_csv: bool = CSV_OPT,
) -> None:
    """Events matching the filters, newest first."""
    f = event_filter(actor, actor_code, type_, country, near, date_from, date_to, text,
                     min_confidence, article)
    result = _answer(db, q.search_events, f, limit, offset)

    def row(e: dict) -> list:
        if as_csv or as_json:
            return [e["id"], e["date"], e["type"], e["mode"], e["quad"], _actors(e["sources"]),
                    _actors(e["targets"]), e["place_name"], e["admin1"], e["country"],
                    e["lat"], e["lon"], e["dead"], e["injured"], e["confidence"], e["trigger"],
                    e["sentence"], e["article_id"], e["rule"]]
        return [e["date"], e["type"], _actors(e["sources"]), _actors(e["targets"]),
                e["place_name"] or e["country"], e["dead"], e["trigger"],
                round(e["confidence"], 2), e["id"]]

    cols = EVENT_CSV if as_csv else ("date", "type", "source", "target", "place", "dead",
                                      "trigger", "conf", "id")
    _emit(result, as_json, as_csv, cols, row, "events")


def _answer(db: str, query, *args) -> dict:
    """Run one query on the store read-only; a bad filter is a usage error (exit 2)."""
    with open_store(db, read_only=True) as store:
        try:
            return query(store.con, *args)
        except q.QueryError as exc:
            fail(str(exc), 2)


@app.command("quotes")
def quotes_cmd(
    db: str = DB_OPTION,
    speaker: str | None = typer.Option(None, help="Words of the speaker's name or text."),
    speaker_code: str | None = typer.Option(None, help="Speaker's actor code."),
    text: str | None = typer.Option(None, "--text", "-q", help="Words of the quote."),
    article: str | None = typer.Option(None, help="Only quotes of this article id."),
    limit: int = LIMIT_OPT,
    offset: int = OFFSET_OPT,
    as_json: bool = JSON_OPT,
    as_csv: bool = CSV_OPT,
) -> None:
    """Quotes by speaker or words, newest article first."""
    result = _answer(db, q.search_quotes, speaker, speaker_code, text, article, limit, offset)
    cols = ("speaker", "code", "kind", "cue", "content", "article_id", "content_start",
            "content_end", "confidence")
    _emit(result, as_json, as_csv, cols,
          lambda r: [r["speaker_name"] or r["speaker"], r["speaker_code"], r["kind"], r["cue"],
                     r["content"], r["article_id"], r["content_start"], r["content_end"],
                     r["confidence"]], "quotes")


@app.command("actors")
def actors_cmd(
    db: str = DB_OPTION,
    text: str | None = typer.Option(None, "--text", "-q", help="Words of the name."),
    code: str | None = typer.Option(None, help="Actor code: IRN, GOV or 'IRN GOV'."),
    kind: str | None = typer.Option(None, help="country, group, igo, person or sector."),
    limit: int = LIMIT_OPT,
    offset: int = OFFSET_OPT,
    as_json: bool = JSON_OPT,
    as_csv: bool = CSV_OPT,
) -> None:
    """Who appears most, with their codes."""
    result = _answer(db, q.top_actors, text, code, kind, limit, offset)
    cols = ("actor", "kind", "code", "mentions", "articles")
    _emit(result, as_json, as_csv, cols, lambda r: [r[c] for c in cols], "actors")
