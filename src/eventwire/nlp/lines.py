"""Line breaks that end a sentence, marked before the parser runs.

A page's headline, its URL line and its date stamp carry no final full stop, and the parser
reads them as one sentence with the lead below ("Deputy's Alleged Killer Held\\nA parolee is
found ... June 26, 2005\\nBefore he was shot, ..."): the lead's events then take the stamp's
day and the headline's words.  A blank line always ends a sentence; a single line break ends
one when the next line starts as a sentence does and the line above does not stop in
mid-phrase (on a comma, a hyphen, an article, a preposition or a conjunction: "said
the\\nPresident").  Page text reaches here with hard-wrapped paragraphs rejoined
(``sources.textpage.lines.join_wrapped``), so a single line break is the page's own.
The parser keeps boundaries set before it runs.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Token

# words a sentence cannot stop on
_MID_PHRASE = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to",
                         "for", "by", "with", "from", "as", "than", "that", "into", "his", "her",
                         "their", "its", "our", "this", "these", "those", ",", "-", "–", "("})


def _line_break(tok: Token) -> str | None:
    """The line break that follows ``tok`` (in its trailing space, or as the next token)."""
    if "\n" in tok.whitespace_:
        return tok.whitespace_
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.is_space and "\n" in nxt.text:
        return nxt.text + nxt.whitespace_
    return None


def _starts_sentence(tok: Token) -> bool:
    first = tok.text[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'(" or tok.like_url


_FINAL = frozenset({".", "!", "?", '"', "”", "’", "'"})
_HEADING_TOKENS = 16  # a line this short with no final stop is a heading: one sentence


def _line_ends(doc: Doc) -> list[int]:
    """Indices of the words a line break follows, and of the last token: found among the
    few space tokens (spaCy keeps a line break as one), since a walk over every token in
    Python costs more than the rest."""
    ends = []
    for j in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
        if j >= 1 and "\n" in doc[j].text and not doc[j - 1].is_space:
            ends.append(j - 1)
    return [*ends, len(doc) - 1] if len(doc) else []


def mark_line_ends(doc: Doc) -> Doc:
    line_start = 0
    for i in _line_ends(doc):
        tok = doc[i]
        brk = None if tok.is_space or tok.i + 1 == len(doc) else _line_break(tok)
        if brk is None and tok.i + 1 < len(doc):
            continue
        if tok.text[-1:] not in _FINAL and tok.i + 1 - line_start <= _HEADING_TOKENS:
            for inner in doc[line_start + 1:tok.i + 1]:  # "Deputy Killed In Shootout"
                inner.is_sent_start = False
        nxt = next((t for t in doc[tok.i + 1:] if not t.is_space), None)
        if nxt is not None and _starts_sentence(nxt) and (
                brk.count("\n") > 1 or tok.lower_ not in _MID_PHRASE):
            nxt.is_sent_start = True
        line_start = nxt.i if nxt is not None else len(doc)
    return doc


@Language.component("eventwire_lines")
def eventwire_lines(doc: Doc) -> Doc:
    """Sentence starts at line breaks that end a sentence (see module docstring)."""
    return mark_line_ends(doc)


_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
_STAMP = frozenset({"published", "updated", "posted", "last", "modified", "on", "at", "am", "pm",
                    "gmt", "utc", "et", "est", "edt", "ist", "bst", "cet", "monday", "tuesday",
                    "wednesday", "thursday", "friday", "saturday", "sunday"})


def furniture(sent) -> bool:
    """A line of the page that tells nothing: its URL or its date stamp ("June 26, 2005",
    "Published May 05, 2010, 15:39 (GMT+05:00)")."""
    for t in sent:  # one walk, stopping at the first word of a story
        if not (t.is_space or t.is_punct or t.like_num or t.like_url) and \
                t.lower_.strip(".") not in _FURNITURE_WORDS:
            return False
    return bool(len(sent))


_FURNITURE_WORDS = _MONTHS | _STAMP
