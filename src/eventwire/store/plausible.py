"""Which event dates the store accepts: none before 1900, none after the article's
publication plus a day (a PATCH is refused; on ingest the date is dropped, with the reason
kept in the event's ``field_rules``, and the event kept).

A date from "had not met since 1965" is plausible and kept; one of year 1 (a mis-read feed
date or a typo in a correction) would break every chart that spans the data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from eventwire.models import Annotations, Article

EARLIEST = date(1900, 1, 1)


def latest_for(published: datetime | date | None) -> date:
    """The last plausible event date for an article published then (today when unknown)."""
    if isinstance(published, datetime):
        day = published.astimezone(UTC).date() if published.tzinfo else published.date()
    elif isinstance(published, date):
        day = published
    else:
        day = datetime.now(UTC).date()
    if day < EARLIEST:  # a publication date that is itself implausible bounds nothing
        day = datetime.now(UTC).date()
    return day + timedelta(days=1)


def date_problem(day: date, published: datetime | date | None) -> str | None:
    """Why ``day`` cannot be an event's date, or None when it can."""
    if day < EARLIEST:
        return f"{day.isoformat()} is before {EARLIEST.isoformat()}"
    last = latest_for(published)
    if day > last:
        return (f"{day.isoformat()} is after the article's publication date plus a day "
                f"({last.isoformat()})")
    return None


def drop_implausible_dates(articles: list[Article], annotations: list[Annotations]) -> int:
    """Clear implausible event dates in place, noting why; returns how many were dropped."""
    published = {a.id: a.published for a in articles}
    dropped = 0
    for anno in annotations:
        for ev in anno.events:
            if ev.date is None:
                continue
            why = date_problem(ev.date, published.get(anno.article_id))
            if why:
                ev.field_rules["date"] = f"dropped:implausible ({why})"
                ev.date = ev.date_precision = ev.date_span = None
                dropped += 1
    return dropped
