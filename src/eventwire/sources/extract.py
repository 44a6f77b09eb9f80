"""Extraction stage: raw inputs to clean, identified articles (a pure function per batch)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import UTC, datetime

import dateparser
import py3langid
from courlan import normalize_url

from eventwire.models import Article, RawInput, Skip
from eventwire.sources.decode import Undecodable, decode, looks_binary
from eventwire.sources.html import extract_html
from eventwire.sources.textpage.meta import find_dateline
from eventwire.sources.textpage.splitter import split_text_page

# Longer "articles" are dumps or books; refusing them also keeps every stored string far
# below the writer's DuckDB memory cap (Settings.db_memory), which a checkpoint needs.
MAX_ARTICLE_CHARS = 1_000_000


def article_id(url: str | None, title: str | None, body: str) -> str:
    """Stable content key: the normalised URL when known, else title + body."""
    if url:
        try:
            key = "url:" + normalize_url(url.strip())
        except (ValueError, TypeError):
            key = "url:" + url.strip()
    else:
        key = "text:" + (title or "").strip() + "\n" + " ".join(body.split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def detect_language(text: str) -> str:
    """ISO 639-1 code of the body's language (py3langid, offline)."""
    sample = text[:5000]
    if len(sample.split()) < 3:
        return "und"
    return py3langid.classify(sample)[0]


def extract_batch(batch: list[RawInput]) -> list[Article | Skip]:
    """Extract every input of a batch; failures become Skips, never exceptions."""
    out: list[Article | Skip] = []
    for raw in batch:
        result = extract(raw)
        out.extend(result if isinstance(result, list) else [result])
    return out


def extract(raw: RawInput) -> list[Article] | Skip:
    """One raw input to its articles, or a Skip saying why there are none."""
    if looks_binary(raw.data):
        return Skip(raw.source_path, "binary content (not text, HTML, WARC or JSON Lines)",
                    raw.record)
    try:
        text = decode(raw.data)
    except Undecodable as exc:
        return Skip(raw.source_path, str(exc), raw.record)
    raw_hash = hashlib.sha256(raw.data).hexdigest()
    if raw.hint == "html":
        art = extract_html(text, raw.url)
        found = [art] if art else []
        fmt = "warc" if raw.record.startswith("record") else "jsonl" if raw.record else "html"
    elif raw.hint == "jsonl-text":
        found = [Article(id="", source_path="", raw_hash="", format="jsonl",
                         body=_paragraphs(text))]
        fmt = "jsonl"
    else:
        found = split_text_page(text, raw.as_of)
        fmt = "text"
    found = [a for a in found if a.body.strip()]
    if not found:
        return Skip(raw.source_path, "no article text found", raw.record)
    longest = max(len(a.body) for a in found)
    if longest > MAX_ARTICLE_CHARS:
        return Skip(raw.source_path, f"an article of {longest:,} characters, over the "
                    f"{MAX_ARTICLE_CHARS:,} a news article can have", raw.record)
    return [_finish(a, raw, raw_hash, fmt, i) for i, a in enumerate(found)]


def _paragraphs(text: str) -> str:
    """A feed's text is already an article: only tidy blank lines and edge spaces."""
    return "\n\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _finish(art: Article, raw: RawInput, raw_hash: str, fmt: str, position: int) -> Article:
    """Fill identity, provenance and hints the record itself carried (JSON Lines fields)."""
    url = raw.url or art.url
    title = raw.title or art.title
    published, published_text, rule = art.published, art.published_text, art.date_rule
    if raw.published:
        parsed = _parse_date(raw.published, raw.as_of)
        if parsed:
            published, published_text, rule = parsed, raw.published, "record:published"
    return replace(
        art,
        id=article_id(url, title, art.body),
        source_path=raw.source_path,
        raw_hash=raw_hash,
        format=fmt,
        url=url,
        title=title,
        published=published,
        published_text=published_text,
        date_rule=rule,
        source=raw.source or art.source or art.site_name,
        dateline=art.dateline or find_dateline(art.body.split("\n", 1)[0]),
        language=detect_language(art.body),
        record=raw.record,
        position=position,
    )


# ISO 8601 dates and times, as feeds carry them: parsed directly, since dateparser's
# language and format guessing costs milliseconds per record for the same answer.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
                      r"(?:Z|[+-]\d{2}:\d{2})?)?")


def _parse_date(value: str, as_of: datetime) -> datetime | None:
    if ISO_DATE.fullmatch(value):
        try:
            return datetime.fromisoformat(value).astimezone(UTC)  # naive: local, as dateparser
        except ValueError:
            pass  # an impossible day: dateparser's reading, whatever it is
    parsed = dateparser.parse(value, settings={"RELATIVE_BASE": as_of.replace(tzinfo=None),
                                               "RETURN_AS_TIMEZONE_AWARE": True,
                                               "TO_TIMEZONE": "UTC"})
    return parsed.astimezone(UTC) if parsed else None
