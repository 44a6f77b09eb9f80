"""The ``eventwire_quotes`` spaCy component: direct and indirect quotations with speakers.

Direct quotes come from paired quotation marks (``quotes_marks``) and the cue beside them:
``"X," he said`` / ``said X: "..."`` / ``"X" ― Name``; a quotation with no cue of its own
that follows an attributed one continues it.  Indirect quotes come from the dependency
parse: a speech verb with a that-clause (ccomp), a directive verb with object + infinitive,
"according to X", and transcript turns ("PENCE: ...").

A split quote (``"X," he said, "Y."``) and a continuation (``"X," he said. "Y."``) give one
Quote record per quoted part; the parts of one attribution share the same cue span and
speaker, which is how a reader (and ``eventwire.eval.quotes``) puts them back together.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.models import Quote
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.quotes_cues import (
    DIRECTIVE_VERBS,
    OBJECT_PREPS,
    OBJECT_VERBS,
    SPEECH_NOUNS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    THINK_VERBS,
)
from eventwire.nlp.quotes_marks import TRANSCRIPT_RE, Segment, paragraphs, segments
from eventwire.nlp.quotes_speaker import SpeakerIndex

_DASHES = "―—–-"
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_SENT_END_RE = re.compile(r"[.!?][\"”’']*\s")
# A period after these words (or an initial) does not end a sentence: "Mr. Obama said".
_ABBREV = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt maj adm st jr sr prof rev gop no vs "
    "u.s u.k u.n d.c jan feb aug sept sep oct nov dec inc corp co ltd".split()
)


class _SentEnd:
    """Sentence ends by punctuation, skipping abbreviations and initials."""

    @staticmethod
    def _real(text: str, m: re.Match) -> bool:
        if text[m.start()] != ".":
            return True
        j = m.start()
        i = j
        while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
            i -= 1
        word = text[i:j].lower()
        return not (word in _ABBREV or len(word) == 1 or (len(word) == 3 and word[1] == "."))

    def search(self, text: str, start: int, end: int) -> re.Match | None:
        for m in _SENT_END_RE.finditer(text, start, end):
            if self._real(text, m):
                return m
        return None

    def finditer(self, text: str, start: int, end: int):
        return (m for m in _SENT_END_RE.finditer(text, start, end) if self._real(text, m))


_SENT_END = _SentEnd()
_QUOTE_CHARS = "\"“”„‟«»'’"


@dataclass
class _Cand:
    """An attribution found by one rule, before it becomes Quote records."""

    parts: list[tuple[int, int]]
    kind: str
    rule: str
    confidence: float
    cue: tuple[int, int] | None = None
    speaker: Span | None = None
    head: Token | None = None


class _Tokens:
    """Character-offset lookups over a Doc's tokens."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def between(self, start: int, end: int) -> list[Token]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [self.doc[k] for k in range(i, j)]

    def at(self, char: int) -> Token | None:
        i = bisect_left(self.starts, char + 1) - 1
        return self.doc[i] if i >= 0 else None


def _is_cue_verb(t: Token, near_quote: bool) -> bool:
    if t.pos_ not in ("VERB", "AUX") and not (t.lower_ in ("said", "says") and near_quote):
        return False
    lemma = t.lemma_.lower()
    if lemma in QUOTE_ONLY_VERBS:
        return near_quote
    return lemma in SPEECH_VERBS


def _subject(verb: Token) -> Token | None:
    """The verb's subject, borrowed from a governing verb for "..., adding", conjuncts and
    "criticized for saying" (up to three steps up)."""
    tok = verb
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in _SUBJ and (tok.i == verb.i or c.i < verb.i):
                return c
        if tok.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _np_span(head: Token, lo: int, hi: int) -> Span:
    """The head's subtree clipped to the character window ``[lo, hi)``."""
    toks = [t for t in head.subtree if lo <= t.idx and t.idx + len(t) <= hi]
    if not toks or head not in toks:
        return head.doc[head.i : head.i + 1]
    # keep the contiguous run around the head
    ids = sorted(t.i for t in toks)
    left = head.i
    while left - 1 in ids:
        left -= 1
    right = head.i
    while right + 1 in ids:
        right += 1
    doc = head.doc
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


def _name_head(span: Span) -> Token:
    """The token that names the speaker: a person's name if there is one, else the root."""
    for t in span:
        if t.ent_type_ == "PERSON":
            while t.dep_ == "compound" and t.head.i > t.i and t.head.i < span.end:
                t = t.head
            return t
    return span.root


def _after_window(text: str, start: int, limit: int) -> int:
    """End of the attribution tail after a closing mark: sentence end, line end or limit."""
    end = min(limit, start + 300)
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    m = _SENT_END.search(text, start, end)
    if m:
        end = m.start() + 1
    return end


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos``: after the last sentence end before it."""
    s = floor
    for m in _SENT_END.finditer(text, floor, pos):
        s = m.end()
    return s


class QuoteFinder:
    """All rules over one Doc; ``find()`` returns the Quote records."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.toks = _Tokens(doc)
        self.paras = paragraphs(self.text)
        self.para_starts = [p[0] for p in self.paras]
        self.turns = self._transcript_turns()
        turn_paras = [p for p, _, _ in self.turns]
        self.segs = [
            s for s in segments(self.text) if not any(a <= s.start < b for a, b in turn_paras)
        ]
        self.index = SpeakerIndex(doc, [(s.start, s.end) for s in self.segs])
        self.used_cues: set[int] = set()

    # -- helpers ---------------------------------------------------------------------------
    def _para_of(self, pos: int) -> tuple[int, int]:
        i = bisect_left(self.para_starts, pos + 1) - 1
        return self.paras[max(i, 0)] if self.paras else (0, len(self.text))

    def _in_segment(self, pos: int) -> bool:
        return any(s.start <= pos < s.end for s in self.segs)

    def _transcript_turns(self) -> list[tuple[tuple[int, int], int, int]]:
        """((para start, para end), label end, content start) for "NAME: ..." paragraphs."""
        caps, head = [], []
        for k, (ps, pe) in enumerate(self.paras):
            m = TRANSCRIPT_RE.match(self.text, ps, pe)
            if not m:
                continue
            label = m.group(1)
            if label.isupper():
                caps.append(((ps, pe), m.end(1), m.end()))
            elif k == 0 and len(label.split()) <= 3:
                head.append(((ps, pe), m.end(1), m.end()))  # headline "Pence: ..."
        # a dateline ("WASHINGTON: ...") looks like one turn; a transcript has several
        return head + (caps if len(caps) >= 2 else [])

    # -- direct quotes ---------------------------------------------------------------------
    def _cue_after(self, seg: Segment, limit: int) -> _Cand | None:
        text = self.text
        end = _after_window(text, seg.end, limit)
        window = self.toks.between(seg.end, end)
        words = [t for t in window if not t.is_punct and not t.is_space]
        if not words:
            return None
        tail = text[seg.end : words[0].idx]
        inner_s, inner_e = seg.inner(text)
        inner_last = text[inner_s:inner_e].rstrip().rstrip("'’")[-1:]
        joined = inner_last in ",.?!—–-…" or "," in tail or any(d in tail for d in _DASHES)
        if not joined:
            return None
        if inner_last == "." and words[0].text[:1].isupper() and words[0].pos_ != "PROPN":
            return None  # "...end." She adds, "...": a new sentence, not an attribution
        stripped = tail.strip()
        if stripped and stripped[0] in _DASHES and words[0].text[:1].isupper():
            # "..." ― Sonya Herridge: a byline-style attribution
            span = self._name_run(words)
            cue_at = seg.end + tail.index(stripped[0])
            return _Cand([], "direct", "direct:dash", 0.8, (cue_at, cue_at + 1), span,
                         span.root)
        for t in words[:30]:
            if not _is_cue_verb(t, True):
                if t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl", "amod", "compound"):
                    return None  # another verb comes first: "..." Blige sings to ...
                continue
            if any(c.dep_ == "ccomp" and c.i > t.i and c.idx < end for c in t.children):
                return None  # "...," he said that ...: the quotation only names something
            cue = (t.idx, t.idx + len(t))
            first = words[0]
            subj = _subject(t)
            if first.i == t.i:
                if subj is not None and subj.i > t.i:
                    return _Cand([], "direct", "direct:cue-inverted", 0.9, cue,
                                 _np_span(subj, seg.end, end), subj)
                # "...," said Bassem Naim, a senior leader ...
                after = [w for w in words if w.i > t.i and w.pos_ in ("PROPN", "NOUN", "PRON")]
                if not after:
                    return _Cand([], "direct", "direct:cue-after", 0.6, cue)
                head = after[0]
                while head.dep_ == "compound" and head.head.i > head.i:
                    head = head.head
                return _Cand([], "direct", "direct:cue-inverted", 0.85, cue,
                             _np_span(head, seg.end, end), head)
            if subj is not None and subj.idx >= seg.end and subj.i < t.i:
                span = _np_span(subj, seg.end, end)
                if span.start <= first.i:
                    return _Cand([], "direct", "direct:cue-after", 0.9, cue, span, subj)
            # the parser put the subject inside the quotation: take the words before the verb
            span = self._trim(self.doc[first.i : t.i])
            if span is None or len(span) > 25 or any(w.is_sent_start and w.i > first.i
                                                     and w.text[:1].isupper() and
                                                     self.doc[w.i - 1].text in ".!?"
                                                     for w in span):
                return None
            return _Cand([], "direct", "direct:cue-after", 0.8, cue, span, _name_head(span))
        return None

    def _name_run(self, words: list[Token]) -> Span:
        run = [words[0]]
        for w in words[1:]:
            if w.i == run[-1].i + 1 and (w.text[:1].isupper() or w.pos_ == "PROPN"):
                run.append(w)
            else:
                break
        return self.doc[run[0].i : run[-1].i + 1]

    def _cue_before(self, seg: Segment, floor: int) -> _Cand | None:
        text = self.text
        ps, _pe = self._para_of(seg.start)
        k = self._para_index(seg.start)
        if text[floor:seg.start].strip() == "" and k > 0 and seg.start == ps:
            # "Caddell continued:" closing the paragraph before the quotation
            pps, ppe = self.paras[k - 1]
            if text[pps:ppe].rstrip().endswith(":"):
                floor = pps
        start = max(floor, _sentence_start(text, seg.start, floor))
        window = self.toks.between(start, seg.start)
        words = [t for t in window if not t.is_punct and not t.is_space]
        if not words:
            return None
        gap = text[words[-1].idx + len(words[-1]) : seg.start].strip()
        verbs = [t for t in words if _is_cue_verb(t, True)
                 or gap == ":" and t.pos_ == "VERB" and _subject(t) is not None]
        if not verbs:
            return None
        verb = verbs[-1]
        last = words[-1]
        if gap not in (",", ":", "") :
            return None
        if gap == "" and last.i != verb.i:
            # "said the plan was "a disaster"": the quote is part of an indirect clause
            return None
        if gap == "" and not self._ends_sentence(seg):
            # "lawmakers called "fraud" ...": a quoted phrase inside a longer clause
            return None
        if last.i != verb.i:
            inside = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                      for t in c.subtree}
            if last.i in inside or last.i not in {t.i for t in verb.subtree}:
                return None
        subj = _subject(verb)
        if subj is None:
            # "Said Ellis: "..."": the speaker follows the verb
            after = [w for w in words if w.i > verb.i and w.pos_ in ("PROPN", "NOUN")]
            if gap != ":" or not after:
                return None
            subj = after[-1]
        span = _np_span(subj, start, seg.start)
        return _Cand([], "direct", "direct:cue-before", 0.85, (verb.idx, verb.idx + len(verb)),
                     span, subj)

    def _ends_sentence(self, seg: Segment) -> bool:
        """The quotation closes its sentence ("...," or "." inside, or nothing after)."""
        s, e = seg.inner(self.text)
        if self.text[s:e].rstrip().rstrip("'’")[-1:] in (",", ".", "?", "!"):
            return True
        after = self.text[seg.end : seg.end + 2].lstrip(" ")
        return after == "" or after[0] in ".!?\n"

    def _direct(self) -> list[_Cand]:
        out: list[_Cand] = []
        text = self.text
        prev: _Cand | None = None
        for seg in self.segs:
            ps, pe = self._para_of(seg.start)
            nxt = min((o.start for o in self.segs if o.start >= seg.end), default=len(text))
            prv = max((o.end for o in self.segs if o.end <= seg.start), default=0)
            cand = self._cue_after(seg, min(nxt, self._para_of(seg.end)[1]))
            if cand is None:
                cand = self._cue_before(seg, max(ps, prv))
            inner_s, inner_e = seg.inner(text)
            inner = text[inner_s:inner_e]
            nwords = len(inner.split())
            if cand is not None:
                start = seg.start
                sent = _sentence_start(text, seg.start, max(ps, prv))
                if cand.rule != "direct:cue-before" and text[sent:seg.start].strip():
                    start = sent  # "which would be "dangerous, ..."," Hussein said.
                cand.parts = [(start, seg.end)]
                if nwords < 2 and cand.rule != "direct:cue-before":
                    cand.confidence *= 0.7
                out.append(cand)
                prev = cand
                continue
            # no cue of its own: a continuation of the previous attributed quote
            if nwords >= 4 and prev is not None and prev.cue is not None and (
                self._para_index(prev.parts[-1][1]) >= self._para_index(seg.start) - 1
            ) and self._whole_sentences(seg, ps, pe):
                out.append(_Cand([(seg.start, seg.end)], "direct", "direct:continued", 0.7,
                                 prev.cue, prev.speaker, prev.head))
                continue
            if nwords >= 6 and self._whole_sentences(seg, ps, pe):
                out.append(_Cand([(seg.start, seg.end)], "direct", "direct:no-cue", 0.4))
        return out

    def _para_index(self, pos: int) -> int:
        return bisect_left(self.para_starts, pos + 1) - 1

    def _whole_sentences(self, seg: Segment, ps: int, pe: int) -> bool:
        """The quotation is a sentence on its own, not a phrase inside one."""
        before = self.text[_sentence_start(self.text, seg.start, ps) : seg.start].strip()
        return before == "" or before[-1:] in _DASHES + ":"

    # -- indirect quotes -------------------------------------------------------------------
    def _indirect(self, direct: list[_Cand]) -> list[_Cand]:
        out = []
        covered = sorted(p for c in direct for p in c.parts)
        for t in self.doc:
            lemma = t.lemma_.lower()
            if t.idx in self.used_cues:
                continue
            if self._in_segment(t.idx):
                continue
            for cand in self._alternatives(t, lemma):
                if cand is None or not cand.parts:
                    continue
                size = sum(e - s for s, e in cand.parts)
                inside = sum(max(0, min(e, b) - max(s, a)) for a, b in covered
                             for s, e in cand.parts)
                if inside <= 0.5 * size:
                    out.append(cand)
                    break
        return out

    def _alternatives(self, t: Token, lemma: str):
        """The indirect rules that apply to a token, most specific first (lazily)."""
        if t.lower_ == "according":
            yield self._according(t)
        elif t.pos_ == "VERB" and (lemma in SPEECH_VERBS or lemma in THINK_VERBS
                                   or lemma in OBJECT_VERBS):
            if lemma not in QUOTE_ONLY_VERBS:
                yield self._clause(t, lemma)
            if lemma in SPEECH_VERBS:
                yield self._parenthetical(t)
            if lemma in OBJECT_VERBS:
                yield self._object(t)
        elif t.pos_ == "NOUN" and t.lower_ in SPEECH_NOUNS:
            yield self._noun_clause(t)

    def _clause(self, verb: Token, lemma: str) -> _Cand | None:
        ps, pe = self._para_of(verb.idx)
        comp = [c for c in verb.children if ps <= c.left_edge.idx and c.right_edge.idx < pe
                and (c.dep_ == "ccomp" or c.dep_ == "advcl" and c.left_edge.lower_ == "that")]
        subj = _subject(verb)
        if subj is not None and subj.dep_ == "nsubjpass":
            return None
        if subj is None:
            # "for saying that ...": keep a that-clause even when the speaker is elsewhere
            if not any(c.i > verb.i and any(g.dep_ == "mark" and g.lower_ == "that"
                                            for g in c.children) for c in comp):
                return None
        if comp:
            after = [c for c in comp if c.i > verb.i]
            c = after[0] if after else comp[-1]
            span = self._clause_span(c)
            rule = "indirect:ccomp"
            conf = 0.75
            if lemma in THINK_VERBS:
                if subj is None or subj.lower_ in ("i", "you", "we"):
                    return None
                rule, conf = "indirect:think", 0.5
        elif lemma in DIRECTIVE_VERBS:
            xc = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
            obj = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
            if not xc or not obj:
                return None
            left = obj[0].left_edge.i
            span = self.doc[left : xc[0].right_edge.i + 1]
            rule, conf = "indirect:directive", 0.6
        else:
            return None
        span = self._trim(span)
        if span is None or len(span) < 3:
            return None
        sp = _np_span(subj, 0, len(self.text)) if subj is not None else None
        return _Cand([self._with_marks(span)], "indirect", rule, conf,
                     (verb.idx, verb.idx + len(verb)), sp, subj)

    def _parenthetical(self, verb: Token) -> _Cand | None:
        """"X, he said." / "X, he said, Y.": the rest of the sentence is the content.

        Sentence bounds come from punctuation, not the parser, which often joins the
        sentence to a neighbouring quotation."""
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        subj = _subject(verb)
        if subj is None or subj.head.i != verb.i or subj.i > verb.i:
            return None
        text = self.text
        lo = subj.left_edge.idx
        if not text[:lo].rstrip().endswith((",", "—", "--")):
            return None
        hi_tok = max((c.right_edge for c in verb.children if c.i > verb.i and not c.is_punct
                      and c.dep_ not in ("advcl", "conj", "parataxis", "cc")),
                     key=lambda t: t.i, default=verb)
        hi = hi_tok.idx + len(hi_tok)
        ps, pe = self._para_of(verb.idx)
        start = _sentence_start(text, lo, ps)
        end = _after_window(text, hi, pe)
        parts = []
        for a, b in ((start, lo), (hi, end)):
            toks = self.toks.between(a, b)
            span = self._trim(self.doc[toks[0].i : toks[-1].i + 1]) if toks else None
            if span is not None and sum(not t.is_punct for t in span) >= 3:
                parts.append(self._with_marks(span))
        if not parts:
            return None
        return _Cand(parts, "indirect", "indirect:parenthetical", 0.6,
                     (verb.idx, verb.idx + len(verb)), _np_span(subj, 0, len(self.text)), subj)

    def _object(self, verb: Token) -> _Cand | None:
        """"criticized the plan", "called for a recount": the complements are the content."""
        subj = _subject(verb)
        if subj is None or subj.dep_ == "nsubjpass":
            return None
        sent = verb.sent
        comps = [c for c in verb.children if c.i > verb.i and c.i < sent.end and (
            c.dep_ in ("dobj", "xcomp", "oprd", "dative", "ccomp")
            or c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and any(
                g.dep_ in ("pobj", "pcomp") for g in c.children))]
        if not comps:
            return None
        left = min(c.left_edge.i for c in comps)
        right = max(c.right_edge.i for c in comps)
        span = self._trim(self.doc[left : min(right + 1, sent.end)])
        if span is None:
            return None
        ps, pe = self._para_of(verb.idx)
        if span.start_char < ps or span.end_char > pe:
            return None
        sp = _np_span(subj, 0, len(self.text))
        return _Cand([self._with_marks(span)], "indirect", "indirect:object", 0.5,
                     (verb.idx, verb.idx + len(verb)), sp, subj)

    def _noun_clause(self, noun: Token) -> _Cand | None:
        """"Trump's claim that ...": a speech noun with a that-clause."""
        comp = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        if not comp:
            return None
        span = self._trim(self._clause_span(comp[0]))
        if span is None or len(span) < 3:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        sp = _np_span(owner, 0, len(self.text)) if owner is not None else None
        return _Cand([self._with_marks(span)], "indirect", "indirect:noun", 0.55,
                     (noun.idx, noun.idx + len(noun)), sp, owner)

    def _clause_span(self, c: Token) -> Span:
        return self.doc[c.left_edge.i : c.right_edge.i + 1]

    def _trim(self, span: Span) -> Span | None:
        """Drop edge punctuation, keeping closing quotation marks."""
        s, e = span.start, span.end
        doc = self.doc
        while s < e and (doc[s].is_space or doc[s].is_punct and doc[s].text not in _QUOTE_CHARS):
            s += 1
        while e > s and (doc[e - 1].is_space
                         or doc[e - 1].is_punct and doc[e - 1].text not in _QUOTE_CHARS):
            e -= 1
        return doc[s:e] if e > s else None

    def _with_marks(self, span: Span) -> tuple[int, int]:
        """Content offsets, reaching the closing mark of a quotation that the clause opens."""
        s, e = span.start_char, span.end_char
        for seg in self.segs:
            if s <= seg.start < e < seg.end <= e + 3:
                e = seg.end
        return s, e

    def _according(self, t: Token) -> _Cand | None:
        to = next((c for c in t.children if c.lower_ == "to"), None)
        if to is None:
            return None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        sent = t.sent
        phrase = (t.left_edge.i, t.right_edge.i + 1)
        phrase = (min(phrase[0], t.i), max(phrase[1], obj.right_edge.i + 1))
        if phrase[0] - sent.start >= 3:
            span = self.doc[sent.start : phrase[0]]
        else:
            span = self.doc[phrase[1] : sent.end]
        span = self._trim(span)
        if span is None or len(span) < 3:
            return None
        sp = _np_span(obj, 0, len(self.text))
        return _Cand([self._with_marks(span)], "indirect", "indirect:according-to",
                     0.8, (t.idx, to.idx + len(to)), sp, obj)

    def _turns(self) -> list[_Cand]:
        out = []
        for (ps, pe), label_end, cstart in self.turns:
            lab = self.toks.between(ps, label_end)
            lab = [t for t in lab if not t.is_punct]
            if not lab or cstart >= pe:
                continue
            span = self.doc[lab[0].i : lab[-1].i + 1]
            out.append(_Cand([(cstart, pe)], "direct", "direct:transcript", 0.8,
                             (label_end, label_end + 1), span, span[-1]))
        return out

    # -- assembly --------------------------------------------------------------------------
    def find(self) -> list[Quote]:
        direct = self._turns() + self._direct()
        for c in direct:
            if c.cue:
                self.used_cues.add(c.cue[0])
        cands = direct + self._indirect(direct)
        cands.sort(key=lambda c: c.parts[0][0])
        return [q for c in cands for q in self._records(c)]

    def _records(self, c: _Cand) -> list[Quote]:
        aid = self.doc._.article_id or ""
        name = code = None
        if c.speaker is not None and c.head is not None:
            name, code = self.index.resolve(c.speaker, c.head)
            self.index.note_speaker(name, code, c.speaker.start_char)
        out = []
        for s, e in c.parts:
            content = self.text[s:e]
            kind = c.kind
            out.append(
                Quote(
                    article_id=aid,
                    content_start=s,
                    content_end=e,
                    content=content,
                    kind=kind,
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
    if not doc.text.strip() or not doc.has_annotation("DEP"):
        return []
    return QuoteFinder(doc).find()


class QuoteComponent:
    """Sets ``doc._.quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory("eventwire_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()
