"""``eventwire export ...``: stored records to files other tools read."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import duckdb
import typer

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, fail, open_store

export_app = typer.Typer(help="Export stored records.", no_args_is_help=True)
app.add_typer(export_app, name="export")


class EventFormat(StrEnum):
    plover_json = "plover-json"
    acled_csv = "acled-csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ArticleFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


OUTPUT = typer.Option(..., "-o", "--output", help="File to write.")


def _check_output(out: Path) -> None:
    if not out.parent.exists():
        fail(f"{out.parent}: output directory does not exist", 2)


@export_app.command("articles")
def export_articles(
    fmt: ArticleFormat = typer.Option(..., "--format", "-f", help="jsonl, csv or parquet"),
    out: Path = OUTPUT,
    db: str = DB_OPTION,
) -> None:
    """Articles with their metadata, body and the source path they came from."""
    from eventwire.store.exports import copy_articles

    _check_output(out)
    with open_store(db, read_only=True) as store:
        try:
            n = copy_articles(store, str(out), fmt.value)
        except duckdb.Error as exc:
            fail(f"{out}: cannot write ({str(exc).splitlines()[0]})", 1)
    console.print(f"wrote {n} articles to {out}")


@export_app.command("events")
def export_events(
    fmt: EventFormat = typer.Option(..., "--format", "-f",
                                    help="plover-json, acled-csv, jsonl or parquet"),
    out: Path = OUTPUT,
    db: str = DB_OPTION,
) -> None:
    """Events in the PLOVER/POLECAT layout, ACLED-style columns, JSON Lines or Parquet."""
    from eventwire.events.export import WRITERS
    from eventwire.store.exports import events_with_articles

    _check_output(out)
    with open_store(db, read_only=True) as store:
        events, articles = events_with_articles(store)
    try:
        n = WRITERS[fmt.value](events, articles, out)
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror or exc})", 1)
    console.print(f"wrote {n} events to {out}")
