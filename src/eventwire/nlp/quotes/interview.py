"""Interview and debate transcripts: who speaks a turn whose label names a role rather than
a person ("Q:", "A:").

A printed interview opens with an introduction naming the guest (often in the headline,
"Q&A with Senator Ruth Lane") and the outlet or host asking ("Lane spoke with the Daily
Ledger"); the questions are then the host's and the answers the guest's."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_ASKER = frozenset({"Q", "QUESTION"})
_ANSWERER = frozenset({"A", "ANSWER"})
# Who talked to whom: "X spoke with Y", "in an interview with Y", "interviewed by Y".
_MEETING_RE = re.compile(
    r"\b(?:(?:spoke|talked|speaks|talks|sat down|met) (?:with|to)|interview(?:ed)? "
    r"(?:with|by)|interviewed)\b", re.IGNORECASE)
# The longest headline read as one: longer first paragraphs are a lead sentence.
_HEADLINE_WORDS = 20


def role(label: str) -> str | None:
    """"asker" for a question label, "answerer" for an answer label, else None."""
    key = label.strip().rstrip(".").upper()
    return "asker" if key in _ASKER else "answerer" if key in _ANSWERER else None


def _surname(ent: Span) -> str:
    return ent[-1].lower_


class Roles:
    """The guest and the host of an interview, read from the text before its first turn."""

    def __init__(self, doc: Doc, paras: list[tuple[int, int]], first_turn: int):
        intro = [e for e in doc.ents if e.end_char <= first_turn]
        people = [e for e in intro if e.label_ == "PERSON"]
        self.guest = self._guest(doc, paras, people)
        self.host = self._host(doc, intro, first_turn)

    def _guest(self, doc: Doc, paras: list[tuple[int, int]], people: list[Span]) -> Span | None:
        """The person the headline names, else the one the introduction names most."""
        if not people:
            return None
        hs, he = paras[0]
        if len(doc._.text[hs:he].split()) <= _HEADLINE_WORDS:
            named = [e for e in people if hs <= e.start_char < he]
            if named:
                return named[0]
        counts: dict[str, int] = {}
        for e in people:
            counts[_surname(e)] = counts.get(_surname(e), 0) + 1
        top = max(counts.values())
        return next(e for e in people if counts[_surname(e)] == top)

    def _host(self, doc: Doc, intro: list[Span], first_turn: int) -> Span | None:
        """Who asks: the person or outlet on the other side of "spoke with" from the guest,
        named ("the Daily Ledger") or not ("a local radio host")."""
        m = _MEETING_RE.search(doc._.text, 0, first_turn)
        if m is None:
            return None
        words = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        verb, prep = words[0], words[-1]
        sides = [c for c in prep.children if c.dep_ in ("pobj", "dobj")] + [
            c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        guest = _surname(self.guest) if self.guest is not None else None
        for side in sides:
            if side.dep_ == "agent":  # "interviewed by the Ledger"
                side = next((c for c in side.children if c.dep_ == "pobj"), side)
            span = doc[side.left_edge.i : side.i + 1]
            if side.pos_ not in ("PRON", "VERB") and guest not in (t.lower_ for t in span):
                ent = next((e for e in intro if e.start <= side.i < e.end), None)
                return ent if ent is not None else span
        return None

    def speaker(self, label: str) -> Span | None:
        """Who speaks a turn labelled ``label``, when the label names a role."""
        r = role(label)
        return self.host if r == "asker" else self.guest if r == "answerer" else None

