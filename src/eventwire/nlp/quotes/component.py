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

``kind`` is "direct" when the rule started from quotation marks; an attribution found from
the parse is "partial" when its content holds a quoted phrase, "belief" for a thought,
attitude or impression ("X believes", "X is worried about", "X appears to"),
"noncommittal" when its cue is negated or withheld ("did not confirm", "declined to
comment": kept, but reporting no content of the speaker's own), else "indirect".  The
speaker span is resolved to a named actor by ``speaker`` (pronouns, "the official" and
"the ministry" included); "you", a dateline, a kicker ("Breaking:"), a day or a clock
time is never a speaker.

The rules' indirect attributions then pass a learned model (``learned``), which keeps the
likely ones and adds the stance candidates (rule "learned:stance") that the lexicons miss;
the model's probability becomes their confidence.  Direct quotes stand as the rules found
them.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.models import Quote
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.quotes.cues import WITHHOLD_VERBS
from eventwire.nlp.quotes.direct import DirectRules
from eventwire.nlp.quotes.indirect import IndirectRules
from eventwire.nlp.quotes.learned import STANCE_RULE, AttributionModel, features, packaged_model
from eventwire.nlp.quotes.marks import DOUBLE_MARKS
from eventwire.nlp.quotes.speaker import speaker_span
from eventwire.nlp.quotes.syntax import (
    Cand,
    after_window,
    is_cue_verb,
    lemma_of,
    np_span,
    subject,
)

# Rules too loose to stand inside another attribution's content (see ``_nested_out``).
NESTED_WEAK = frozenset(
    {"indirect:object", "indirect:think", "indirect:noun-object", "indirect:attitude",
     "indirect:seem", "indirect:stance-prep"})
LABEL_RULES = frozenset({"direct:transcript", "direct:headline", "direct:dash"})
BELIEF_RULES = frozenset(
    {"indirect:think", "indirect:attitude", "indirect:seem", "indirect:stance-prep"})
# Rules of reported speech whose content holds whatever else the speaker reported (``_flat``).
REPORT_RULES = frozenset({"indirect:ccomp", "indirect:parenthetical", "indirect:according-to"})


class QuoteFinder(DirectRules, IndirectRules):
    """All rules over one Doc; ``find()`` returns the Quote records."""

    def __init__(self, doc: Doc, model: AttributionModel | None = None):
        super().__init__(doc)
        self.model = model

    def find(self) -> list[Quote]:
        direct, indirect = self.rule_candidates()
        if self.model is not None:
            indirect = self._decide(self.model, direct, indirect)
        cands = direct + self._flat(indirect)
        cands.sort(key=lambda c: c.parts[0][0])
        return [q for c in cands for q in self._records(c)]

    def rule_candidates(self) -> tuple[list[Cand], list[Cand]]:
        """The rules' direct and indirect attributions."""
        direct = self._turns() + self._headline() + self._direct()
        for c in direct:
            if c.cue:
                self.used_cues.add(c.cue[0])
        indirect = self._nested_out(self._indirect(direct), direct)
        self._join_following(direct, indirect)
        return direct, indirect

    def _join_following(self, direct: list[Cand], indirect: list[Cand]) -> None:
        """"Lane said he would not vote for him. "I'm not sure he can win."": a quotation
        with no cue right after a that-clause of saying goes on with what the same speaker
        said, so it takes that attribution's cue and speaker (its part); so does one that
        a clause cued after it continues ("\"You can't start\" until the border holds, he
        said")."""
        said = [c for c in indirect if c.rule in ("indirect:ccomp", "indirect:parenthetical")
                and c.cue is not None and c.speaker is not None]
        ends = {c.parts[-1][1]: c for c in said if c.cue[1] <= c.parts[0][0]}
        # ""He can't win" that way, Lane said.": a quotation opening a sentence whose cue
        # comes later takes the cue of the clause that goes on from it
        starts = {c.parts[0][0]: c for c in said if c.cue[0] >= c.parts[0][1]}
        for d in direct:
            if d.rule != "direct:no-cue":
                continue
            start = d.parts[0][0]
            back = start
            while back > 0 and self.text[back - 1] in " \n.":
                back -= 1
            c = ends.get(back)
            if c is None or start - back > 4 or c.rule != "indirect:ccomp":
                end = d.parts[-1][1]
                ahead = end
                while ahead < len(self.text) and self.text[ahead] in " ,":
                    ahead += 1
                c = starts.get(ahead) if ahead - end <= 3 else None
            if c is not None:
                d.rule, d.cue, d.speaker, d.head = "direct:continued", c.cue, c.speaker, c.head
            else:
                self._late_cue(d)

    def _late_cue(self, d: Cand) -> None:
        """""The politics are so blatant" in the legislature, he said in an interview.": a
        quotation whose sentence goes on and ends in a cue set off by a comma ("..., he
        said", "..., says Evan Tracey, a consultant") is that cue's."""
        end = d.parts[-1][1]
        stop = after_window(self.text, end, self._para_of(end)[1])
        for t in self.toks.between(end, stop):
            if not is_cue_verb(t, True) or any(c.dep_ in ("ccomp", "xcomp") and c.i > t.i
                                               for c in t.children):
                continue
            subj = subject(t)
            if subj is None or subj.idx < end:
                continue
            first = min(t.i, subj.left_edge.i)
            if not self.text[end : self.doc[first].idx].rstrip().endswith(","):
                continue
            hi = stop if subj.i > t.i else t.idx
            d.rule, d.cue, d.head = "direct:continued", (t.idx, t.idx + len(t)), subj
            d.speaker = np_span(subj, self.doc[first].idx, hi)
            return

    def featured(self, direct: list[Cand], indirect: list[Cand]
                 ) -> list[tuple[Cand, list[str]]]:
        """The rules' indirect attributions, then the stance candidates, with the features
        the learned model reads (``learned``)."""
        rules = direct + indirect
        # how many rule contents hold each character, and its running sum
        depth = numpy.zeros(len(self.text) + 1, dtype=numpy.int32)
        for c in rules:
            for a, b in c.parts:
                depth[a] += 1
                depth[b] -= 1
        depth = numpy.cumsum(depth)
        total = numpy.concatenate(([0], numpy.cumsum(depth)))
        out = []
        for k, c in enumerate(indirect + self._stances(rules, direct)):
            cue = self.toks.between(c.cue[0], c.cue[0] + 1) if c.cue else []
            if not cue:
                continue
            own = int(k < len(indirect))  # a rule attribution's own content is no other's
            size = sum(e - s for s, e in c.parts)
            inside = sum(int(total[e] - total[s]) for s, e in c.parts) - own * size
            nested = depth[c.cue[0]] - own * any(s <= c.cue[0] < e for s, e in c.parts) > 0
            out.append((c, features(cue[0], c, self.text, nested, inside / max(1, size))))
        return out

    def _decide(self, model: AttributionModel, direct: list[Cand], indirect: list[Cand]
                ) -> list[Cand]:
        """Keep the rule attributions and add the stance candidates the model finds likely;
        their confidence becomes the model's probability."""
        kept = [c for c in indirect if not c.cue]
        stances = []
        for c, feats in self.featured(direct, indirect):
            p = model.probability(feats)
            if c.rule != STANCE_RULE:
                if p >= model.keep_threshold:
                    c.confidence = p
                    kept.append(c)
            elif p >= model.add_threshold:
                c.confidence = p
                stances.append(c)
        # of stance candidates mostly holding one another ("hitting Trump for using eminent
        # domain" and "using eminent domain"), the likeliest
        taken: list[tuple[int, int]] = []
        for c in sorted(stances, key=lambda c: -c.confidence):
            size = sum(e - s for s, e in c.parts)
            inside = sum(max(0, min(e, b) - max(s, a)) for s, e in c.parts for a, b in taken)
            if inside <= 0.5 * size:
                kept.append(c)
                taken += c.parts
        return kept

    @staticmethod
    def _nested_out(cands: list[Cand], direct: list[Cand]) -> list[Cand]:
        """Drop the weak attributions whose cue sits inside another one's content: in "he
        said the party wants a recount", "wants" is part of what he said.  A that-clause
        of a speech verb ("he said she told him that ...") stays for the model to read;
        ``_flat`` removes it after."""
        spans = [p for c in cands + direct for p in c.parts]
        return [c for c in cands if c.rule not in NESTED_WEAK or c.cue is None
                or not any(a <= c.cue[0] < b for a, b in spans)]

    def _flat(self, cands: list[Cand]) -> list[Cand]:
        """One level of attribution, as PolNeAR marks it.  An attribution whose cue, source
        and content start lie inside the content of reported speech (``REPORT_RULES``) is
        either part of that report ("the source added that Clinton had told police she did
        not want the escort": what Clinton told is what the source added; "the $18 million
        he says he raised"; "Trump was right when he said ...") and is dropped, or the
        same speaker's next report run on after it as a participle ("he said the tariffs
        did not hurt farmers, arguing that ..."): the outer content then ends before it."""

        def inside(at: int, parts: list[tuple[int, int]]) -> bool:
            return any(a <= at < b for a, b in parts)

        # "Weaver says the streak is proof, according to the AP": "according to" names who
        # told of the sentence; a report the sentence makes is its own attribution
        reports = [c for c in cands if c.rule in REPORT_RULES and c.cue is not None
                   and c.rule != "indirect:according-to"]
        out = []
        for c in cands:
            outer = c.cue is not None and next(
                (r for r in reports if r is not c and inside(c.cue[0], r.parts)
                 and inside(c.parts[0][0], r.parts)
                 and (c.speaker is None or inside(c.speaker.start_char, r.parts))), None)
            if not outer:
                out.append(c)
                continue
            cue = self.toks.between(c.cue[0], c.cue[0] + 1)
            if cue and cue[0].tag_ == "VBG" and cue[0].dep_ in ("advcl", "conj") and not any(
                    k.dep_ in ("nsubj", "nsubjpass") for k in cue[0].children):
                self._cut(outer, cue[0].left_edge.idx)
                out.append(c)
        return [c for c in out if c.parts]

    def _cut(self, c: Cand, at: int) -> None:
        """End ``c``'s content before ``at`` (with the comma or dash before it)."""
        parts = []
        for s, e in c.parts:
            if s >= at:
                continue
            e = min(e, at)
            while e > s and self.text[e - 1] in " ,;:—–-\n":
                e -= 1
            if e > s:
                parts.append((s, e))
        c.parts = parts

    def _kind(self, c: Cand) -> str:
        """direct | partial (indirect holding a quoted phrase) | indirect | belief (a
        thought, attitude or impression) | noncommittal (a withheld or negated cue: "did
        not confirm", "declined to comment")."""
        if c.kind == "direct":
            return "direct"
        cue = self.toks.between(c.cue[0], c.cue[0] + 1) if c.cue else []
        if cue:
            t = cue[0]
            if t.dep_ == "conj":  # "did not confirm or deny": the negation is the first verb's
                t = t.head
            if (any(k.dep_ == "neg" for k in t.children) or lemma_of(t) in WITHHOLD_VERBS
                    or t.dep_ == "xcomp" and lemma_of(t.head) in WITHHOLD_VERBS):
                return "noncommittal"
        if c.rule in BELIEF_RULES:
            return "belief"
        if any(ch in self.text[s:e] for s, e in c.parts for ch in DOUBLE_MARKS):
            return "partial"
        return "indirect"

    def _records(self, c: Cand) -> list[Quote]:
        aid = self.doc._.article_id or ""
        name = code = None
        if c.speaker is not None:
            c.speaker = speaker_span(c.speaker, c.rule in LABEL_RULES)
            if c.speaker is None or c.head is None or c.head.i not in range(
                    c.speaker.start, c.speaker.end):
                c.head = c.speaker.root if c.speaker is not None else None
        if c.speaker is not None and c.head is not None:
            name, code = self.index.resolve(c.speaker, c.head)
            self.index.note_speaker(name, code, c.speaker.start_char)
        elif c.rule == "direct:no-cue":
            name, code = self.index.nearest_person(c.parts[0][0])
        kind = self._kind(c)
        out = []
        for s, e in c.parts:
            out.append(
                Quote(
                    article_id=aid,
                    content_start=s,
                    content_end=e,
                    content=self.text[s:e],
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
    if not doc._.text.strip() or not doc.has_annotation("DEP"):
        return []
    return QuoteFinder(doc, packaged_model()).find()


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
