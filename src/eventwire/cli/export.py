"""``eventwire export ...``: stored records to files other tools read."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import duckdb
import typer

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, fail, open_store
from eventwire.csv_cells import SQL_CELL

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


_COPY_OPTIONS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true",
                 "parquet": "FORMAT parquet"}
OUTPUT = typer.Option(..., "-o", "--output", help="File to write.")


def _check_output(out: Path) -> None:
    if not out.parent.exists():
        fail(f"{out.parent}: output directory does not exist", 2)


_ARTICLE_COLUMNS = ("id", "source_path", "record", "position", "format", "raw_hash", "url",
                    "title", "published", "published_text", "date_rule", "author", "site_name",
                    "source", "dateline", "bullets", "caption", "caption_credit", "language",
                    "words", "body")
_TEXT_COLUMNS = ("source_path", "record", "url", "title", "published_text", "author",
                 "site_name", "source", "dateline", "caption", "caption_credit", "body")


def _article_columns(fmt: ArticleFormat) -> str:
    """The columns to copy; in CSV, text cells that a spreadsheet would run are neutralised."""
    if fmt is not ArticleFormat.csv:
        return ", ".join(_ARTICLE_COLUMNS)
    return ", ".join(f"{SQL_CELL.format(c)} AS {c}" if c in _TEXT_COLUMNS else c
                     for c in _ARTICLE_COLUMNS)


@export_app.command("articles")
def export_articles(
    fmt: ArticleFormat = typer.Option(..., "--format", "-f", help="jsonl, csv or parquet"),
    out: Path = OUTPUT,
    db: str = DB_OPTION,
) -> None:
    """Articles with their metadata, body and the source path they came from."""
    _check_output(out)
    with open_store(db, read_only=True) as store:
        target = str(out).replace("'", "''")
        try:
            store.con.execute(
                f"COPY (SELECT {_article_columns(fmt)} FROM articles "
                f"ORDER BY source_path, position) TO '{target}' ({_COPY_OPTIONS[fmt.value]})")
        except duckdb.Error as exc:
            fail(f"{out}: cannot write ({str(exc).splitlines()[0]})", 1)
        n = store.count()
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
    from eventwire.store.rows import event_from_row

    _check_output(out)
    with open_store(db, read_only=True) as store:
        events = [event_from_row(r) for r in store.query(
            "SELECT * FROM events ORDER BY article_id, trigger_start")]
        articles = {r["id"]: r for r in store.query(
            "SELECT id, url, title, published, source, site_name, body FROM articles "
            "WHERE id IN (SELECT DISTINCT article_id FROM events)")}
    try:
        n = WRITERS[fmt.value](events, articles, out)
    except OSError as exc:
        fail(f"{out}: cannot write ({exc.strerror or exc})", 1)
    console.print(f"wrote {n} events to {out}")
