"""Helpers shared by the command modules: console, store opening, clean failures."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime

import typer
from rich.console import Console
from rich.text import Text

from eventwire.store import Store, StoreError

console = Console()
err = Console(stderr=True)

DB_OPTION = typer.Option("eventwire.duckdb", "--db", envvar="EVENTWIRE_DB",
                         help="DuckDB file of the store.")


def one_line(text: str) -> str:
    """A message as one line of plain text: the control characters a file name may hold
    (a newline, an escape) are shown escaped, as Python writes them in a string."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def say(label: str, style: str, message: str, console: Console | None = None) -> None:
    """Print ``label message`` on one line; the message is plain text, never Rich markup
    (a file may be called ``[blink]z.txt``)."""
    (console or err).print(Text.assemble((label, style), " ", one_line(message)),
                           highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> None:
    """Print one clear line and exit."""
    say("error:", "bold red", message)
    raise typer.Exit(code)


@contextmanager
def open_store(path: str, read_only: bool = False, memory_limit: str | None = None):
    """Open the store or fail with one line (missing file, lock held, wrong schema).

    Writers pass ``Settings.db_memory`` as ``memory_limit`` so a long run stays flat;
    readers keep DuckDB's default."""
    import os

    if read_only and not os.path.exists(path):
        fail(f"{path}: no such database; run `eventwire ingest` or `eventwire demo` first", 2)
    try:
        store = Store(path, read_only=read_only, memory_limit=memory_limit)
    except StoreError as exc:
        fail(str(exc), 2)
    try:
        yield store
    finally:
        store.close()


def parse_datetime(value: str | None) -> datetime | None:
    """ISO 8601 or anything dateparser reads; naive times are taken as UTC."""
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        import dateparser

        dt = dateparser.parse(value)
        if dt is None:
            raise typer.BadParameter(f"cannot read {value!r} as a date/time") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
