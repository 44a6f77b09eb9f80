"""What the exports read: every article as a file DuckDB writes itself, and the events with
the articles they came from."""

from __future__ import annotations

from eventwire.models import Event
from eventwire.store.db import Store
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
    store.con.execute(
        f"COPY (SELECT * EXCLUDE ({', '.join(_BOOKKEEPING)}) FROM articles "
        f"ORDER BY source_path, position) TO '{target}' ({COPY_FORMATS[fmt]})")
    return store.count()


def events_with_articles(store: Store) -> tuple[list[Event], dict[str, dict]]:
    """Every event in article and text order, and the metadata of the articles they are in
    (url, title, published, source, site_name, body) by id."""
    events = [event_from_row(r) for r in store.query(
        "SELECT * FROM events ORDER BY article_id, trigger_start")]
    articles = {r["id"]: r for r in store.query(
        "SELECT id, url, title, published, source, site_name, body FROM articles "
        "WHERE id IN (SELECT DISTINCT article_id FROM events)")}
    return events, articles
