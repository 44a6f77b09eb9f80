"""A reviewer's correction of one event: the fields changed, each marked in ``field_rules``,
and the search index's copy of the date, in one transaction."""

from __future__ import annotations

import json

import duckdb

from eventwire.errors import EventwireError
from eventwire.store.plausible import date_problem

# Columns a correction may set (the API's model names the same fields).
CORRECTABLE = ("type", "quad", "mode", "date", "place_name", "country", "admin1", "lat",
               "lon", "dead", "injured", "size", "negated", "hypothetical")


class CorrectionError(EventwireError, ValueError):
    """The correction cannot apply; the message says which field and why."""


def event_published(con: duckdb.DuckDBPyConnection, event_id: str):
    """(True, the article's publication time) when the event exists, else (False, None)."""
    row = con.execute("SELECT a.published FROM events e LEFT JOIN articles a "
                      "ON a.id = e.article_id WHERE e.id = ?", [event_id]).fetchone()
    return (True, row[0]) if row else (False, None)


def correct_event(con: duckdb.DuckDBPyConnection, event_id: str, changes: dict,
                  note: str | None, by: str = "correction:api") -> bool:
    """Apply ``changes`` to the event; False when there is no such event."""
    bad = set(changes) - set(CORRECTABLE)
    if bad:
        raise CorrectionError(f"{', '.join(sorted(bad))}: not a correctable field")
    found, published = event_published(con, event_id)
    if not found:
        return False
    if changes.get("date") is not None:
        why = date_problem(changes["date"], published)
        if why:
            raise CorrectionError(f"date: {why}")
    marks = {k: by for k in changes}
    if note:
        marks["correction_note"] = note
    # Column names come from CORRECTABLE, never from the request text.
    sets = ", ".join(f'"{k}" = ?' for k in changes)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"UPDATE events SET {sets}, field_rules = json_merge_patch("
                    "coalesce(field_rules, '{}'), ?) WHERE id = ?",
                    [*changes.values(), json.dumps(marks), event_id])
        if "date" in changes and _has_index(con):  # the search index ranks events by date
            con.execute("UPDATE search_terms SET date = ? WHERE kind = 'event' AND ref = ?",
                        [changes["date"], event_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True


def _has_index(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = "
                            "'search_terms' AND database_name = current_database()"
                            ).fetchone()[0])
