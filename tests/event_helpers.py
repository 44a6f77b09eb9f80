"""Code a text written for a test as one story, the way ingest codes an article, so each
events test states only what it checks."""

from __future__ import annotations

from datetime import date

from eventwire.eval.events import counted
from eventwire.models import ActorRef, Event, Place


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


STARTS = [i * 100 for i in range(12)]  # twelve sentences of 100 characters


def ref(text: str, country: str | None = None, sector: str | None = None,
        name: str | None = None) -> ActorRef:
    """An actor as the argument reader gives it."""
    return ActorRef(text=text, start=0, end=len(text), country=country, sector=sector,
                    name=name)


def mention(n: int, etype: str, trigger: str, sources: list[ActorRef],
                   targets: list[ActorRef], mode: str | None = None, place: Place | None = None,
                   day: date | None = None, at: int = 0) -> Event:
    """An event mention as the coder builds it, in sentence ``n`` of ``STARTS``, its trigger
    ``at`` characters in: for resolution tests that need no parse."""
    start = STARTS[n]
    return Event(id=f"e{n}-{at}", article_id="t", type=etype, sentence_start=start,
                 sentence_end=start + 99, trigger_start=start + at,
                 trigger_end=start + at + 5, trigger=trigger, rule="test", confidence=0.5,
                 mode=mode, sources=sources, targets=targets, location=place, date=day)
