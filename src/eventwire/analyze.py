"""The Python API: analyse text or files without the command line.

>>> from eventwire import analyze_text
>>> art, found = analyze_text("BAGHDAD: A rocket killed two soldiers on Monday.",
...                           published="2024-03-14")
>>> [e.type for e in found.events]
"""

from __future__ import annotations

from datetime import UTC, datetime

from eventwire.config import Settings
from eventwire.models import Annotations, Article, RawInput, Skip
from eventwire.pipeline import annotate_batch
from eventwire.sources.extract import article_id, detect_language, extract


def analyze_text(
    text: str, published: str | datetime | None = None, title: str | None = None,
    url: str | None = None, dateline: str | None = None, settings: Settings | None = None,
) -> tuple[Article, Annotations]:
    """Annotate one clean article body (actors, quotes, dates, places, events); ``settings``
    default to the environment's (``EVENTWIRE_*``)."""
    when = _as_datetime(published)
    art = Article(id=article_id(url, title, text), source_path="<text>", raw_hash="",
                  format="text", body=text, title=title, url=url, published=when,
                  dateline=dateline, language=detect_language(text))
    return art, annotate_batch([art], settings or Settings())[0]


def analyze_page(
    data: bytes | str, as_of: datetime | None = None, url: str | None = None,
    html: bool | None = None, settings: Settings | None = None,
) -> list[tuple[Article, Annotations]]:
    """Split a raw page (HTML or a plain-text scrape) into articles and annotate each."""
    raw_bytes = data.encode("utf-8") if isinstance(data, str) else data
    head = raw_bytes[:2048].lstrip().lower()
    is_html = html if html is not None else head.startswith((b"<!doctype", b"<html", b"<"))
    raw = RawInput("<page>", raw_bytes, as_of or datetime.now(UTC), url=url,
                   hint="html" if is_html else "text")
    found = extract(raw)
    if isinstance(found, Skip):
        raise ValueError(found.reason)
    return list(zip(found, annotate_batch(found, settings or Settings()), strict=True))


def _as_datetime(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
