"""What the exports read: every article as a file DuckDB writes itself, and the events with
the articles they came from."""

from __future__ import annotations

from eventwire.csv_cells import SQL_CELL
from eventwire.models import Event
from eventwire.store.db import Store
from eventwire.store.derived import EVENT_ROW
from eventwire.store.rows import event_from_row

COPY_FORMATS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true",
                "parquet": "FORMAT parquet"}
# The store's bookkeeping, no part of an article's record; every other column is exported.
_BOOKKEEPING = ("ingested_at", "annotated")


def copy_articles(store: Store, path: str, fmt: str) -> int:
    """Write every article (metadata, body, source path) to ``path`` in ``fmt`` (a key of
    ``COPY_FORMATS``); returns how many.  Raises ``duckdb.Error`` when the file cannot be
    written."""
    target = path.replace("'", "''")
    columns = (_csv_columns(store) if fmt == "csv"
               else f"* EXCLUDE ({', '.join(_BOOKKEEPING)})")
    store.con.execute(
        f"COPY (SELECT {columns} FROM articles "
        f"ORDER BY source_path, position) TO '{target}' ({COPY_FORMATS[fmt]})")
    return store.count()


def _csv_columns(store: Store) -> str:
    """The exported columns, text cells that a spreadsheet would run as a formula
    neutralised (`eventwire.csv_cells`)."""
    rows = store.con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'articles' "
        "AND schema_name = 'main' AND database_name = current_database() "
        "ORDER BY column_index").fetchall()
    out = []
    for name, kind in rows:
        if name in _BOOKKEEPING:
            continue
        col = f'"{name}"'
        out.append(f"{SQL_CELL.format(col)} AS {col}" if kind == "VARCHAR" else col)
    return ", ".join(out)


def events_with_articles(store: Store) -> tuple[list[Event], dict[str, dict]]:
    """Every event in article and text order, and the metadata of the articles they are in
    (url, title, published, source, site_name, body) by id."""
    events = [event_from_row(r) for r in store.query(
        f"SELECT {EVENT_ROW} FROM events ORDER BY article_id, trigger_start")]
    articles = {r["id"]: r for r in store.query(
        "SELECT id, url, title, published, source, site_name, body FROM articles "
        "WHERE id IN (SELECT DISTINCT article_id FROM events)")}
    return events, articles
