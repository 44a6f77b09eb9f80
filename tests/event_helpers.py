"""Code a text written for a test as one story, the way ingest codes an article, so each
events test states only what it checks."""

from __future__ import annotations

from datetime import date

from eventwire.models import Event


def code(nlp, text: str, published: date | None = None, article_id: str = "t"):
    """The processed Doc of ``text`` as article ``article_id`` published on ``published``."""
    doc = nlp.make_doc(text)
    doc._.article_id = article_id
    doc._.published = published
    return nlp(doc)


def asserted(events: list[Event]) -> list[Event]:
    """Events told as done: not negated, hypothetical or an aggregate."""
    return [e for e in events if not (e.negated or e.hypothetical or e.aggregate)]


def asserted_types(nlp, text: str, published: date | None = None) -> list[str]:
    return [e.type for e in asserted(code(nlp, text, published)._.events)]
