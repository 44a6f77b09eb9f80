"""Code a text written for a test as one story, the way ingest codes an article, so each
events test states only what it checks."""

from __future__ import annotations

from datetime import date

from eventwire.eval.events import counted
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


def counted_events(nlp, text: str, published: date = date(2021, 6, 10)) -> list[Event]:
    """The events of ``text`` that the events eval counts."""
    return counted(code(nlp, text, published)._.events)


def one_event(nlp, text: str, etype: str, words: str) -> Event:
    """The one counted event of ``etype`` whose sentence holds ``words``."""
    evs = [e for e in counted_events(nlp, text)
           if e.type == etype and words in text[e.sentence_start:e.sentence_end]]
    assert len(evs) == 1, evs
    return evs[0]


def place_name(ev: Event) -> str | None:
    return ev.location.name if ev.location is not None else None
