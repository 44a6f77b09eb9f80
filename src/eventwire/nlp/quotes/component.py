"""The ``eventwire_quotes`` spaCy component: direct and indirect quotations with speakers.

Direct quotes come from paired quotation marks (``marks``) and the cue beside them:
``"X," he said`` / ``said X: "..."`` / ``"X" ― Name``; a quotation with no cue of its own
that follows an attributed one continues it.  Indirect quotes come from the dependency
parse: a speech verb with a that-clause (ccomp), a directive verb with object + infinitive,
"according to X", and more (``direct``, ``indirect``).

A split quote (``"X," he said, "Y."``) and a continuation (``"X," he said. "Y."``) give one
Quote record per quoted part; the parts of one attribution share the same cue span and
speaker, which is how a reader (and ``eventwire.eval.quotes``) puts them back together.
A quotation running over several paragraphs is one record whose span covers them all.

``kind`` is "direct" when the rule started from quotation marks, "indirect" when it started
from the parse (an indirect content may still hold a quoted phrase).  The speaker span is
resolved to a named actor by ``speaker`` (pronouns and "the official" included).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.models import Quote
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.quotes.direct import DirectRules
from eventwire.nlp.quotes.indirect import IndirectRules
from eventwire.nlp.quotes.marks import paragraphs, segments
from eventwire.nlp.quotes.speaker import SpeakerIndex
from eventwire.nlp.quotes.syntax import Cand, Tokens


class QuoteFinder(DirectRules, IndirectRules):
    """All rules over one Doc; ``find()`` returns the Quote records."""

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
        self.used_cues: set[int] = set()

    def _para_of(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.para_starts, pos + 1) - 1
        return self.paras[max(i, 0)] if self.paras else (0, len(self.text))

    def _para_index(self, pos: int) -> int:
        return bisect_left(self.para_starts, pos + 1) - 1

    def _in_segment(self, pos: int) -> bool:
        i = bisect_right(self.top_starts, pos) - 1
        return i >= 0 and pos < self.top[i].end

    def find(self) -> list[Quote]:
        direct = self._turns() + self._headline() + self._direct()
        for c in direct:
            if c.cue:
                self.used_cues.add(c.cue[0])
        cands = direct + self._indirect(direct)
        cands.sort(key=lambda c: c.parts[0][0])
        return [q for c in cands for q in self._records(c)]

    def _records(self, c: Cand) -> list[Quote]:
        aid = self.doc._.article_id or ""
        name = code = None
        if c.speaker is not None and c.head is not None:
            name, code = self.index.resolve(c.speaker, c.head)
            self.index.note_speaker(name, code, c.speaker.start_char)
        out = []
        for s, e in c.parts:
            out.append(
                Quote(
                    article_id=aid,
                    content_start=s,
                    content_end=e,
                    content=self.text[s:e],
                    kind=c.kind,
                    rule=c.rule,
                    confidence=round(c.confidence, 2),
                    cue_start=c.cue[0] if c.cue else None,
                    cue_end=c.cue[1] if c.cue else None,
                    cue=self.text[c.cue[0] : c.cue[1]] if c.cue else None,
                    speaker_start=c.speaker.start_char if c.speaker is not None else None,
                    speaker_end=c.speaker.end_char if c.speaker is not None else None,
                    speaker=c.speaker.text if c.speaker is not None else None,
                    speaker_name=name,
                    speaker_code=code,
                )
            )
        return out


def find_quotes(doc: Doc) -> list[Quote]:
    """Quotes of a parsed Doc (empty for an empty or unparsed text)."""
    if not doc._.text.strip() or not doc.has_annotation("DEP"):
        return []
    return QuoteFinder(doc).find()


class QuoteComponent:
    """Sets ``doc._.quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory(
    "eventwire_quotes", assigns=["doc._.quotes"],
    # speakers are named from the actors component's mentions (spaCy's entities without it)
    requires=["token.dep", "token.lemma", "doc.ents", "doc._.mentions"],
)
def make_quotes(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()
