"""What the demo shows of a store: each article with its tallies, and the first events."""

from __future__ import annotations

from eventwire.store.db import Store


def article_tallies(store: Store) -> list[dict]:
    """Every article, newest first, with how many actors, quotes, places and events it has."""
    return store.query(
        "SELECT a.id, a.published, a.dateline, a.title, a.words, "
        "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS actors, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
        "(SELECT count(*) FROM places p WHERE p.article_id = a.id) AS places, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
        "FROM articles a ORDER BY a.published DESC NULLS LAST, a.id")


def first_events(store: Store, limit: int = 20) -> list[dict]:
    """The earliest dated events (undated last), with the fields a summary table shows."""
    return store.query(
        "SELECT type, trigger, date, place_name, dead, sources, targets FROM events "
        "ORDER BY date NULLS LAST LIMIT ?", [limit])
