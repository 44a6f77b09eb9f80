"""What the quote rules read about one article: its text, tokens, paragraphs, transcript
turns and quoted segments, with the position lookups they share.

``DirectRules`` and ``IndirectRules`` derive from ``ArticleContext``, so every attribute a
rule reads is declared and set here, in one place, with its type."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from eventwire.nlp.quotes.marks import TRANSCRIPT_RE, Segment, paragraphs, segments
from eventwire.nlp.quotes.speaker import SpeakerIndex
from eventwire.nlp.quotes.syntax import Tokens

# Words that open a headline as a kind of story, not as its speaker: "Breaking: ...".
KICKERS = frozenset(
    "breaking bombshell revealed wow exclusive watch video photos update updated live "
    "opinion analysis editorial commentary byline spoiler".split() + ["just in", "breaking news"])
# ((paragraph start, paragraph end), label end, content start) of a "NAME: ..." paragraph
Turn = tuple[tuple[int, int], int, int]


class ArticleContext:
    """One parsed article as the quote rules see it."""

    doc: Doc
    text: str
    toks: Tokens
    paras: list[tuple[int, int]]
    para_starts: list[int]
    turns: list[Turn]
    segs: list[Segment]  # quotations outside transcript turns, nested ones included
    top: list[Segment]  # the outermost quotations
    top_starts: list[int]
    index: SpeakerIndex
    used_cues: set[int]  # start offsets of cues a direct quote already took

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc._.text
        self.toks = Tokens(doc)
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.turns = self._transcript_turns()
        turn_paras = [p for p, _, _ in self.turns]
        self.segs = [
            s for s in segments(self.text) if not any(a <= s.start < b for a, b in turn_paras)
        ]
        self.top = [s for s in self.segs if not s.nested]
        self.top_starts = [s.start for s in self.top]
        self.index = SpeakerIndex(doc, [(s.start, s.end) for s in self.top])
        self.used_cues = set()

    def _transcript_turns(self) -> list[Turn]:
        """The "NAME: ..." paragraphs of a transcript, and a headline "Name: ..."."""
        caps, head = [], []
        for k, (ps, pe) in enumerate(self.paras):
            m = TRANSCRIPT_RE.match(self.text, ps, pe)
            if not m:
                continue
            label = m.group(1)
            if label.isupper():
                caps.append(((ps, pe), m.end(1), m.end()))
            elif k == 0 and len(label.split()) <= 3 and not label.startswith("The ") and (
                    label.lower() not in KICKERS):
                # a column title ("The Latest: Sanders declares ...") or a kicker
                # ("Breaking: ...") names no speaker
                head.append(((ps, pe), m.end(1), m.end()))  # headline "Pence: ..."
        # a dateline ("WASHINGTON: ...") looks like one turn; a transcript has several
        return head + (caps if len(caps) >= 2 else [])

    def _para_of(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.para_starts, pos + 1) - 1
        return self.paras[max(i, 0)] if self.paras else (0, len(self.text))

    def _para_index(self, pos: int) -> int:
        return bisect_left(self.para_starts, pos + 1) - 1

    def _in_segment(self, pos: int) -> bool:
        i = bisect_right(self.top_starts, pos) - 1
        return i >= 0 and pos < self.top[i].end

    def _ends_sentence(self, seg: Segment) -> bool:
        """The quotation closes its sentence ("...," or "." inside, or nothing after)."""
        s, e = seg.inner(self.text)
        if self.text[s:e].rstrip().rstrip("'’")[-1:] in (",", ".", "?", "!"):
            return True
        after = self.text[seg.end : seg.end + 2].lstrip(" ")
        return after == "" or after[0] in ".!?\n"
