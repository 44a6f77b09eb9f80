"""``eventwire demo``: ingest the bundled sample corpus and show what was found.

The corpus (``eventwire/samples``) is synthetic, written for the demo and tests in the shapes
real inputs take: a plain-text scrape holding two articles with menus, share buttons, photo
credits and related links between them, a saved HTML article and a JSON Lines feed.  The
events are invented; the countries and organisations are real so the dictionaries have
something to find.
"""

from __future__ import annotations

from importlib.resources import as_file, files

import typer
from rich import box
from rich.table import Table

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, open_store, parse_datetime
from eventwire.cli.ingest import _summary
from eventwire.config import Settings
from eventwire.ingest import ingest
from eventwire.store.summary import article_tallies, first_events

# The sample pages were "saved" at this time; relative dates resolve against it.
DEMO_AS_OF = "2024-03-14T12:00:00+00:00"


@app.command("demo")
def demo_cmd(
    db: str = DB_OPTION,
    nlp: bool = typer.Option(True, "--nlp/--no-nlp", help="Run the language layer too."),
) -> None:
    """Ingest the sample corpus shipped with eventwire into the store and summarise it."""
    settings = Settings()
    with as_file(files("eventwire") / "samples") as samples, \
            open_store(db, memory_limit=settings.db_memory) as store:
        report = ingest([str(samples)], store, as_of=parse_datetime(DEMO_AS_OF),
                        settings=settings, with_nlp=nlp)
        _summary(report)
        _show(store)


def _show(store) -> None:
    table = Table(title=f"Articles in {store.path}", box=box.SIMPLE_HEAD,
                  caption="wds words, act actors, quo quotes, plc places, evt events")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("dateline: title", min_width=24, ratio=1)
    for col in ("wds", "act", "quo", "plc", "evt"):
        table.add_column(col, justify="right")
    rows = article_tallies(store)
    for r in rows:
        date = r["published"].date().isoformat() if r["published"] else ""
        where = f"[bold]{r['dateline']}[/]: " if r["dateline"] else ""
        table.add_row(r["id"][:8], date, where + (r["title"] or ""),
                      *(str(r[k]) for k in ("words", "actors", "quotes", "places", "events")))
    console.print(table)
    events = first_events(store)
    if events:
        et = Table(title="Events")
        for col in ("type", "trigger", "date", "place", "dead"):
            et.add_column(col)
        for e in events:
            et.add_row(e["type"], e["trigger"], str(e["date"] or ""), e["place_name"] or "",
                       "" if e["dead"] is None else str(e["dead"]))
        console.print(et)
    console.print("Next: [bold]eventwire articles[/], [bold]eventwire article ID[/], "
                  "[bold]eventwire serve[/]")
