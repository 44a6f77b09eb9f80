"""Pair quotation marks into quoted segments, straight or curly, across paragraphs.

Works on characters, not tokens, so it is linear in the text length and never depends on
the parser's sentence splits (which often cut inside quotations).  Whether a mark opens or
closes is read from its neighbours rather than its glyph, because pages mix ``"``, ``“`` and
``”`` freely (a ``”`` at the start of a paragraph is an opening mark).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"“”„‟«»'
# Two apostrophes stand for a double mark in some wire copy (''like this'').
_MARK_RE = re.compile(f"''|[{DOUBLE_MARKS}]")
_PARA_RE = re.compile(r"\n\s*")
# A transcript turn or headline attribution: optional opening mark, a speaker label in
# capitals or a short capitalised name, then a colon ("PENCE: ...", "Rush Limbaugh: ...").
TRANSCRIPT_RE = re.compile(
    r"[\"“”]?\s*([A-Z][A-Z.'’\- ]{1,30}[A-Z.]|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):\s"
)


# A single-quoted phrase, as headlines quote: an opening mark after a space or an opening
# sign, a closing mark not followed by a letter (so "don’t" and "’90s" never pair).
SINGLE_RE = re.compile(r"(?<![^\s(\[“\"—–-])[‘'](?=[^\W\d_])[^‘’'\n]*?(?<=\S)[’'](?!\w)")


def single_quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of single-quoted phrases in ``text[start:end]``, marks included."""
    return [m.span() for m in SINGLE_RE.finditer(text, start, end)]


@dataclass
class Segment:
    """A quoted stretch ``[start, end)`` including its marks; ``closed`` is False when the
    closing mark was missing and the segment was cut at the end of its paragraph."""

    start: int
    end: int
    closed: bool = True
    nested: bool = False  # inside another quotation (an excerpt quoting someone else)

    def inner(self, text: str) -> tuple[int, int]:
        """Offsets of the words inside the marks."""
        s, e = self.start, self.end
        m = _MARK_RE.match(text, s)
        if m:
            s = m.end()
        if text.endswith("''", s, e):
            e -= 2
        elif e > s and text[e - 1] in DOUBLE_MARKS:
            e -= 1
        return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: runs of text between line breaks, without surrounding blanks."""
    out = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        if text[pos : m.start()].strip():
            out.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append(_trim(text, pos, len(text)))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _role(text: str, i: int, j: int) -> str:
    """'open' or 'close' for the mark at ``text[i:j]``, read from the characters beside it."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if before == "\n" and text[j : j + 3].lstrip(" ")[:1] in ("…", "."):
        return "open"  # "” … the train has left," wrote X: an elided quotation opens the line
    if before.isspace() or before in "([{—–-―/" or i == 0:
        if not after.isspace():
            return "open"
    if after.isspace() or after in ".,;:!?)]}—–-―" or j == len(text):
        if not before.isspace():
            return "close"
    ch = text[i]
    if ch in "“„«":
        return "open"
    if ch in "”‟»":
        return "close"
    return "toggle"


def _family(mark: str) -> str:
    """Straight, doubled-apostrophe or typographic: a quotation keeps one family."""
    return {'"': "straight", "''": "apos"}.get(mark, "curly")


def _is_turn(text: str, start: int) -> bool:
    return TRANSCRIPT_RE.match(text, start) is not None


def segments(text: str) -> list[Segment]:
    """Quoted segments of ``text``.

    A quotation left open at the end of a paragraph continues when the next paragraph starts
    with an opening mark (the newspaper convention for multi-paragraph quotes); otherwise it
    is cut at the paragraph end and marked unclosed.  Transcript turns ("PENCE: ...") never
    continue a quotation.
    """
    out: list[Segment] = []
    paras = paragraphs(text)
    open_at: int | None = None
    inner: list[int] = []
    skip_at: int | None = None
    for pi, (ps, pe) in enumerate(paras):
        for m in _MARK_RE.finditer(text, ps, pe):
            i = m.start()
            if i == skip_at:
                continue
            role = _role(text, i, m.end())
            if open_at is None:
                if role in ("open", "toggle"):
                    open_at, inner = i, []
            elif role == "open":
                inner.append(i)  # a quotation nested in the open one ("he calls “hell” ...")
            elif role == "close" and inner:
                out.append(Segment(inner.pop(), m.end(), nested=True))
            elif role in ("close", "toggle"):
                out.append(Segment(open_at, m.end()))
                open_at = None
        inner = []
        if open_at is not None:
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            nm = _MARK_RE.match(text, nxt) if nxt is not None else None
            continues = (
                nm is not None
                and _family(nm.group()) == _family(_MARK_RE.match(text, open_at).group())
                and _role(text, nxt, nm.end()) == "open"
                and not _is_turn(text, nxt)
                and not _is_turn(text, open_at)
            )
            if continues:
                skip_at = nxt  # the next paragraph's opening mark restates the quotation
            else:
                out.append(Segment(open_at, pe, closed=False))
                open_at = None
    out.sort(key=lambda seg: seg.start)
    return out
