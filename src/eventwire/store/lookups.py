"""Look-up indexes on ids (and the search index's stems), kept while a store is served and
dropped by the capped writers.

Without them every look-up by id scans the id column: at 1,000,000 events one event by id
costs about 28 ms of CPU and an article's spans about 40 ms, so the page of a search (50
events by id) cost over 100 ms.  With DuckDB's ART indexes each is about 1 ms.  But DuckDB
keeps an index wholly in memory while a transaction inserts into it, so a batch writer
capped at `EVENTWIRE_DB_MEMORY` (24 MB by default) cannot commit into a large indexed store
(measured: "could not allocate block" at 1,000,000 events).  So the indexes are not part of
the schema: `serve` creates those missing when it opens the file (about 7 s per million
events, once), the server's own writes keep them up to date, and a capped writer drops them
when it opens the file (a drop costs nothing), leaving them to the next `serve`.
"""

from __future__ import annotations

import duckdb

# (index name, table, column): the ids the API and the CLI look rows up by.
LOOKUP_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("lookup_articles_id", "articles", "id"),
    ("lookup_events_id", "events", "id"),
    ("lookup_events_article", "events", "article_id"),
    ("lookup_mentions_article", "mentions", "article_id"),
    ("lookup_quotes_article", "quotes", "article_id"),
    ("lookup_times_article", "times", "article_id"),
    ("lookup_places_article", "places", "article_id"),
    # the search index's words by stem: a query word's forms (a scan cost 4 ms per word)
    ("lookup_vocab_stem", "search_vocab", "stem"),
)


def present(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the look-up indexes the store holds now."""
    names = {name for name, _, _ in LOOKUP_INDEXES}
    rows = con.execute("SELECT index_name FROM duckdb_indexes() "
                       "WHERE database_name = current_database()").fetchall()
    return {r[0] for r in rows} & names


def create_lookup_indexes(con: duckdb.DuckDBPyConnection) -> int:
    """Create the look-up indexes the store lacks; returns how many were created."""
    have = present(con)
    todo = [(n, t, c) for n, t, c in LOOKUP_INDEXES if n not in have]
    for name, table, column in todo:
        con.execute(f"CREATE INDEX {name} ON {table}({column})")
    return len(todo)


def drop_lookup_indexes(con: duckdb.DuckDBPyConnection) -> int:
    """Drop the look-up indexes (before a capped batch write); returns how many there were."""
    have = present(con)
    for name in have:
        con.execute(f"DROP INDEX {name}")
    return len(have)
