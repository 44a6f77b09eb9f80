"""``eventwire incidents``, ``eventwire incident ID``, ``eventwire resolve``: incidents, the
real-world events articles report, with the filters of ``eventwire events``."""

from __future__ import annotations

import typer

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, fail, open_store
from eventwire.cli.query import (
    ACTOR_CODE_OPT,
    ACTOR_OPT,
    COUNTRY_OPT,
    CSV_OPT,
    FROM_OPT,
    JSON_OPT,
    LIMIT_OPT,
    NEAR_OPT,
    OFFSET_OPT,
    TO_OPT,
    TYPE_OPT,
    _actors,
    _answer,
    _emit,
    event_filter,
)

INCIDENT_CSV = ("id", "date", "date_precision", "type", "mode", "source_actors",
                "target_actors", "place_name", "admin1", "country", "lat", "lon", "dead",
                "dead_min", "dead_max", "n_sources", "n_articles", "n_events", "first_report",
                "last_report", "outlets", "confidence")


@app.command("incidents")
def incidents_cmd(
    db: str = DB_OPTION,
    actor: str | None = ACTOR_OPT,
    actor_code: str | None = ACTOR_CODE_OPT,
    type_: list[str] = TYPE_OPT,
    country: list[str] = COUNTRY_OPT,
    near: str | None = NEAR_OPT,
    date_from: str | None = FROM_OPT,
    date_to: str | None = TO_OPT,
    text: str | None = typer.Option(None, "--text", "-q",
                                    help="Words that must all be in one report's sentence."),
    min_confidence: float | None = typer.Option(None, min=0, max=1),
    article: str | None = typer.Option(None, help="Only incidents this article reports."),
    limit: int = LIMIT_OPT,
    offset: int = OFFSET_OPT,
    as_json: bool = JSON_OPT,
    as_csv: bool = CSV_OPT,
) -> None:
    """Incidents matching the filters, latest first, with their number of sources."""
    from eventwire.incidents.query import search_incidents

    f = event_filter(actor, actor_code, type_, country, near, date_from, date_to, text,
                     min_confidence, article)
    result = _answer(db, search_incidents, f, limit, offset)

    def row(i: dict) -> list:
        if as_csv or as_json:
            return [i["id"], i["date"], i["date_precision"], i["type"], i["mode"],
                    _actors(i["sources"]), _actors(i["targets"]), i["place_name"],
                    i["admin1"], i["country"], i["lat"], i["lon"], i["dead"], i["dead_min"],
                    i["dead_max"], i["n_sources"], i["n_articles"], i["n_events"],
                    i["first_report"], i["last_report"], "; ".join(i["outlets"]),
                    i["confidence"]]
        dead = i["dead"] if i["dead_min"] == i["dead_max"] else (
            f"{i['dead']} ({i['dead_min']}-{i['dead_max']})")
        return [i["date"], i["type"], _actors(i["sources"][:3]), _actors(i["targets"][:3]),
                i["place_name"] or i["country"], dead, i["n_sources"], i["n_articles"],
                i["n_events"], i["id"]]

    cols = INCIDENT_CSV if as_csv else ("date", "type", "source", "target", "place", "dead",
                                        "sources", "articles", "events", "id")
    _emit(result, as_json, as_csv, cols, row, "incidents")


@app.command("incident")
def incident_cmd(
    incident_id: str = typer.Argument(..., help="Incident id (inc-...)."),
    db: str = DB_OPTION,
    as_json: bool = JSON_OPT,
) -> None:
    """One incident with every event that reports it, each with its sentence."""
    import json
    import sys

    from eventwire.incidents.query import get_incident

    with open_store(db, read_only=True) as store:
        found = get_incident(store.con, incident_id)
    if found is None:
        fail(f"no incident with id {incident_id!r}", 1)
    if as_json:
        sys.stdout.write(json.dumps(found, default=str, ensure_ascii=False) + "\n")
        return
    console.print(f"[bold]{found['id']}[/] {found['type']} {found['date'] or ''} "
                  f"{found['place_name'] or found['country'] or ''}: {found['n_sources']} "
                  f"sources, {found['n_articles']} articles, dead {found['dead']}",
                  highlight=False)
    for e in found["events"]:
        console.print(f"- [{e['source'] or e['article_id']}] {e['published'] or ''} "
                      f"{e['trigger']!r}: {' '.join((e['sentence'] or '').split())}",
                      highlight=False, soft_wrap=True)


@app.command("resolve")
def resolve_cmd(
    db: str = DB_OPTION,
    redo: bool = typer.Option(False, "--all", help="Resolve every event again from scratch "
                                                   "(corrections are replayed)."),
) -> None:
    """Link events that have no incident yet (ingest does this after each batch)."""
    from eventwire.config import Settings
    from eventwire.incidents import rebuild, resolve_pending

    with open_store(db, memory_limit=Settings().db_memory) as store:
        n = rebuild(store) if redo else resolve_pending(store)
        total = store.count("incidents")
    console.print(f"resolved {n} events; {total} incidents stored")
