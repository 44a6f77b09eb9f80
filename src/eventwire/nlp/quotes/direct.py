"""Direct quotes: a quotation's cue after it (``"X," he said``), before it (``said X: "..."``),
a byline dash (``"X" ― Name``), a continuation of the previous quote, transcript turns
(``PENCE: ...``) and headline quotes (``Name on Topic: ...``, ``Calls Plan ‘A Disaster’``);
a headline's own cue verb in any case (``Clinton Slams Trump On Abortion``) attributes
what follows it, as an indirect attribution."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Span, Token

from eventwire.nlp.quotes.context import ArticleContext
from eventwire.nlp.quotes.cues import (
    AS_VERBS,
    HEADLINE_VAGUE,
    HEADLINE_VERBS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    THINK_VERBS,
)
from eventwire.nlp.quotes.interview import Roles
from eventwire.nlp.quotes.marks import DOUBLE_MARKS, Segment, single_quoted
from eventwire.nlp.quotes.speaker import names_people
from eventwire.nlp.quotes.syntax import (
    DASHES,
    Cand,
    adjunct_subject,
    after_window,
    aside_subject,
    is_cue_verb,
    name_head,
    np_span,
    sentence_start,
    subject,
)

_HEADLINE_CUES = (SPEECH_VERBS | OBJECT_VERBS | THINK_VERBS | AS_VERBS | HEADLINE_VERBS
                  ) - HEADLINE_VAGUE
# What joins the second part of a split quotation to its cue: "..." he said, but "...".
_JOIN_RE = re.compile(r",\s*(?:but|and|yet)\s*$")
# Ways of voicing words that cue a quotation closed by a comma: "“...,” Blige sings to ...".
_VOICE_VERBS = frozenset("sing croon rap hum murmur mutter laugh sigh text".split())
# Words between a headline's subject and its verb: "Trump Finally Endorses", "Sanders To
# Release", "Trump, Ryan, pledge".
_HEADLINE_SKIP = frozenset("to will just finally now again also still".split())


def _headline_lemma(word: str) -> str | None:
    """The cue lemma of a headline word in any case and inflection ("Slams", "praised",
    "Pushing"), from its spelling: headlines in title case defeat the tagger."""
    w = word.lower()
    forms = [w]
    if w.endswith("ies"):
        forms.append(w[:-3] + "y")
    if w.endswith("es"):
        forms.append(w[:-2])
    if w.endswith("s"):
        forms.append(w[:-1])
    if w.endswith("ed"):
        forms += [w[:-2], w[:-1], w[:-3] if w[-3:-2] == w[-4:-3] else w[:-2]]
    if w.endswith("ing"):
        forms += [w[:-3], w[:-3] + "e", w[:-4]]
    return next((f for f in forms if f in _HEADLINE_CUES), None)


def _recalled_saying(comp: Token) -> bool:
    """"“...,” a friend recalled him saying": the cue's complement is the saying of the
    quotation itself, not a content of its own."""
    return comp.tag_ == "VBG" and comp.lemma_ in SPEECH_VERBS and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > comp.i for c in comp.children)


class DirectRules(ArticleContext):
    """The direct-quote rules over an article's context."""

    def _turns(self) -> list[Cand]:
        """Transcript turns; a role label ("Q:", "A:") goes to the host or the guest the
        introduction names."""
        out = []
        roles = Roles(self.doc, self.paras, self.turns[0][1]) if self.turns else None
        for (ps, pe), label_end, cstart in self.turns:
            lab = self.toks.between(ps, label_end)
            lab = [t for t in lab if not t.is_punct]
            if not lab or cstart >= pe:
                continue
            span = self.doc[lab[0].i : lab[-1].i + 1]
            who = roles.speaker(span.text)
            out.append(Cand([(cstart, pe)], "direct", "direct:transcript", 0.8,
                            (label_end, label_end + 1), who or span,
                            name_head(who) if who is not None else span[-1]))
        return out

    def _headline(self) -> list[Cand]:
        """A headline-like first paragraph: "Obama on Climate: The Trends Are 'Terrifying.'"
        gives what follows the colon to the name before it, and a single-quoted phrase
        ("Speaks ‘Directly To White People’") is a quotation with no cue."""
        if not self.paras or any(p == self.paras[0] for p, _, _ in self.turns):
            return []
        ps, pe = self.paras[0]
        text = self.text
        if len(text[ps:pe].split()) > 25 or self._in_segment(ps):
            return []
        out = []
        # a headline stands over a body, and is shorter than a lead sentence
        verb = self._headline_verb(ps, pe) if len(self.paras) > 1 and len(
            text[ps:pe].split()) <= 16 else None
        if verb is not None:
            return [verb]
        colon = text.find(": ", ps, pe)
        if colon != -1 and len(text[colon + 2 : pe].split()) >= 2:
            names = [t for t in self.toks.between(ps, colon)
                     if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
            if names:
                span = self.doc[names[0].i : names[-1].i + 1]
                out.append(Cand([(colon + 2, pe)], "direct", "direct:headline", 0.5,
                                (colon, colon + 1), span, name_head(span)))
        done = out[0].parts[0] if out else (pe, pe)
        for s, e in single_quoted(text, ps, pe):
            # a one-word scare quote ("‘loser’") or one with no speaker is a headline's
            # own wording far more often than a quotation
            if not done[0] <= s < done[1] and len(text[s:e].split()) >= 2:
                # the speaker is the headline's subject when it comes before the quotation
                subj = next((t for t in self.toks.between(ps, s) if t.dep_ == "nsubj"
                             and t.head.dep_ == "ROOT"), None)
                if subj is None:
                    continue
                span = np_span(subj, ps, s)
                out.append(Cand([(s, e)], "direct", "direct:headline-quote", 0.4,
                                None, span, subj))
        return out

    def _headline_verb(self, ps: int, pe: int) -> Cand | None:
        """"Clinton Slams Trump On Abortion", "Biden, stumping for Clinton, trashes Trump":
        a headline whose subject does a speech, stance or attack verb attributes what
        follows the verb to the subject."""
        words = [t for t in self.toks.between(ps, pe) if not t.is_space]
        for k, t in enumerate(words):
            if k == 0 or t.is_punct or _headline_lemma(t.text) is None:
                continue
            prev = words[k - 1]
            if t.pos_ in ("ADJ", "ADV") or prev.pos_ in ("DET", "ADP") or prev.tag_ in (
                    "PRP$", "POS"):
                continue  # "a plan", "his attacks", "of praise": a noun, not the verb
            # the subject: the words before the verb, from the last comma unless that
            # starts an aside ("Biden, stumping for Clinton, trashes")
            before = words[:k]
            colons = [j for j, w in enumerate(before) if w.text == ":"]
            if colons and colons[-1] <= 3:  # "The Latest: Sanders declares": after the title
                before = before[colons[-1] + 1 :]
            while before and before[-1].lower_ in _HEADLINE_SKIP:
                before = before[:-1]
            commas = [j for j, w in enumerate(before) if w.text == ","]
            if commas and before[commas[-1] + 1 :] and before[commas[-1] + 1].tag_ not in (
                    "VBG", "VBN"):
                before = before[commas[-1] + 1 :]
            elif commas:
                before = before[: commas[0]]
            if any(w.text == ":" or w.tag_ in ("VBD", "VBZ", "MD") for w in before):
                return None  # "Trump Got More Votes", "Nerdcast: Was ...": another verb
            before = [w for w in before if not w.is_punct]
            if not before or len(before) > 6 or before[0].pos_ in ("ADP", "CCONJ", "SCONJ") or (
                    before[0].lower_ in ("how", "why", "what", "when", "here", "this")):
                return None
            after = words[k + 1 :]
            stop = next((j for j, w in enumerate(after) if w.text == ";"), len(after))
            span = self._trim_edges(after[:stop])  # "...; endorsement may come": a new clause
            if span is None:
                return None
            subj = self.doc[before[0].i : before[-1].i + 1]
            return Cand([(span.start_char, span.end_char)], "indirect", "indirect:headline",
                        0.5, (t.idx, t.idx + len(t)), subj, name_head(subj))
        return None

    def _trim_edges(self, toks: list[Token]) -> Span | None:
        """Tokens as a span without punctuation at its ends, closing quotation marks kept."""
        while toks and (toks[0].is_punct and toks[0].text not in "‘“\"'"):
            toks = toks[1:]
        while toks and toks[-1].is_punct and toks[-1].text not in "’”\"'":
            toks = toks[:-1]
        return self.doc[toks[0].i : toks[-1].i + 1] if toks else None

    def _cue_after(self, seg: Segment, limit: int) -> Cand | None:
        text = self.text
        end = after_window(text, seg.end, limit)
        window = self.toks.between(seg.end, end)
        words = [t for t in window if not t.is_punct and not t.is_space]
        if not words:
            return None
        tail = text[seg.end : words[0].idx]
        inner_s, inner_e = seg.inner(text)
        inner_last = text[inner_s:inner_e].rstrip().rstrip("'’")[-1:]
        joined = inner_last in ",.?!—–-…" or "," in tail or any(d in tail for d in DASHES)
        if not joined and not self._short_tail(words, end) and not self._bare_tail(seg, words):
            return None
        if inner_last == "." and words[0].text[:1].isupper() and words[0].pos_ != "PROPN":
            return None  # "...end." She adds, "...": a new sentence, not an attribution
        if words[0].pos_ == "CCONJ":
            return None  # "... “justice,” but pledged to ...": the sentence goes on
        stripped = tail.strip()
        if stripped and stripped[0] in DASHES and words[0].text[:1].isupper():
            # "..." ― Sonya Herridge: a byline-style attribution
            span = self._name_run(words)
            cue_at = seg.end + tail.index(stripped[0])
            return Cand([], "direct", "direct:dash", 0.8, (cue_at, cue_at + 1), span,
                         span.root)
        for t in words[:30]:
            if not is_cue_verb(t, True) and not (
                    t.tag_ in ("VBD", "VBZ") and (
                        inner_last == "," and t.lemma_ in _VOICE_VERBS
                        or inner_last in ",?!" and self._bare_attribution(seg, t, words))):
                if t.pos_ == "VERB" and t.dep_ not in ("relcl", "acl", "amod", "compound") and not (
                        t.tag_ in ("VBG", "VBN")
                        and any(w.text == "," for w in self.doc[words[0].i : t.i])):
                    # another verb comes first: "..." Ann Roe nodded to ... (an aside about the
                    # speaker, ", wearing a hat," or ", now 81 and retired in Ohio,", is
                    # no other verb)
                    return None
                continue
            if t.dep_ == "relcl" and t.head.idx >= seg.end:
                continue  # "...," Lane, who has argued for a cut, said: it describes her
            inverted = t.i == words[0].i and t.tag_ in ("VBD", "VBZ", "VBP")
            if not inverted and any(
                   c.dep_ in ("ccomp", "xcomp") and c.i > t.i
                   and not self._in_segment(c.left_edge.idx) and not _recalled_saying(c)
                   and not any(w.text == "," or w.pos_ == "ADP"
                               for w in self.doc[t.i + 1 : c.left_edge.i])
                   for c in t.children):
                # "...," he said that ... / "...". Russia insisted that ...: the verb has a
                # content of its own, so it does not attribute this quotation (a clause
                # after a comma, "told him, after he admitted ...", or after a phrase, "told
                # CNN in an interview taped ...", is not that content); "...," said Lane,
                # who ... endorsed Brown: an inverted finite cue has none of its own
                return None
            if inner_last == "." and any(c.dep_ == "dobj" and c.i > t.i for c in t.children):
                # "...nickname “Lyin’ Ted.” Trump called the senator a ...": a new sentence
                # whose verb has an object of its own
                return None
            cue = (t.idx, t.idx + len(t))
            first = words[0]
            subj = subject(t)
            if first.i == t.i:
                if subj is not None and subj.i > t.i:
                    return Cand([], "direct", "direct:cue-inverted", 0.9, cue,
                                 np_span(subj, seg.end, end), subj)
                if t.tag_ == "VBG" and subj is not None and subj.idx < seg.start:
                    # "He hailed the vote as “fantastic,” telling reporters ...": the
                    # participle goes on with what the subject before the quotation did; the
                    # noun after it is who was told
                    return Cand([], "direct", "direct:cue-after", 0.8, cue,
                                 np_span(subj, 0, seg.start), subj)
                # "...," said Bassem Naim, a senior leader ...
                after = [w for w in words if w.i > t.i and w.pos_ in ("PROPN", "NOUN", "PRON")]
                if not after:
                    return Cand([], "direct", "direct:cue-after", 0.6, cue)
                head = after[0]
                while head.dep_ == "compound" and head.head.i > head.i:
                    head = head.head
                return Cand([], "direct", "direct:cue-inverted", 0.85, cue,
                             np_span(head, seg.end, end), head)
            if subj is not None and subj.idx >= seg.end and subj.i < t.i:
                span = np_span(subj, seg.end, end)
                if span.start <= first.i:
                    return Cand([], "direct", "direct:cue-after", 0.9, cue, span, subj)
            if subj is not None and subj.i > t.i and subj.dep_ == "nsubj" and first.pos_ in (
                    "ADP", "SCONJ", "ADV"):
                # "“...,” like the slump in May, said Ruth Lane": a phrase opening with a
                # preposition or adverb before an inverted cue is an aside, not its subject
                return Cand([], "direct", "direct:cue-inverted", 0.85, cue,
                             np_span(subj, seg.end, end), subj)
            # the parser put the subject inside the quotation: take the words before the verb
            span = self._trim(self.doc[first.i : t.i])
            if span is None or len(span) > 25 or any(w.is_sent_start and w.i > first.i
                                                     and w.text[:1].isupper() and
                                                     self.doc[w.i - 1].text in ".!?"
                                                     for w in span):
                return None
            return Cand([], "direct", "direct:cue-after", 0.8, cue, span, name_head(span))
        return None

    def _bare_attribution(self, seg: Segment, verb: Token, words: list[Token]) -> bool:
        """"“...,” Ann Roe conceded in an interview.", "“...?” reacted Roe.": a sentence
        that a quotation opens with a comma (or "?", "!") and ends with a name and the verb
        after it, taking no object, attributes the quotation whatever the verb."""
        ps, pe = self._para_of(seg.start)
        if not self._whole_sentences(seg, ps, pe) or any(
                c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and c.i > verb.i
                for c in verb.children):
            return False
        before = [w for w in words if w.i < verb.i]
        after = [w for w in words if w.i > verb.i]
        if any(w.pos_ in ("VERB", "AUX") for w in before + after):
            return False
        if not before:  # inverted: the name follows the verb
            return bool(after) and after[0].pos_ == "PROPN"
        subj = subject(verb)
        if subj is None or subj.i > verb.i or subj.tag_ in ("WDT", "WP") or verb.dep_ == "relcl":
            return False  # "“... to California,” which votes in June": the quotation's words
        return subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ == "PERSON" or names_people(subj)

    def _introduces_next(self, cand: Cand, seg: Segment, nxt: int) -> bool:
        """"Ann asked him, "Why now?" Tom then wrote back, "You look fine."": a cue after a
        quotation that closes its sentence, which goes on to a quotation of its own, is
        that quotation's; the one before it keeps a cue before it, if it has one."""
        if cand.cue is None or cand.cue[0] < seg.end:
            return False
        inner_s, inner_e = seg.inner(self.text)
        if self.text[inner_s:inner_e].rstrip().rstrip("'’")[-1:] not in ".?!":
            return False  # ""Yes," he said, "and now."": one quotation split by its cue
        gap = self.text[cand.cue[1] : nxt]
        return nxt < len(self.text) and "\n" not in gap and gap.rstrip()[-1:] in (",", ":") and all(
            t.pos_ in ("ADV", "ADP", "PART", "PUNCT", "SPACE")
            for t in self.toks.between(cand.cue[1], nxt))

    def _short_tail(self, words: list[Token], end: int) -> bool:
        """"“... small groups” Grubbs said.": a quotation the writer forgot to close with a
        comma, followed by nothing but a short attribution ending the sentence."""
        return (len(words) <= 5 and self.text[end - 1 : end] == "."
                and any(is_cue_verb(t, True) for t in words)
                and all(t.pos_ in ("PROPN", "VERB", "PRON", "ADV") or t.text[:1].isupper()
                        for t in words))

    def _bare_tail(self, seg: Segment, words: list[Token]) -> bool:
        """"“... anonymity” said Ruth Lane, a spokeswoman.", "“... too” Lane said after
        an event.": a quotation standing as its own sentence with no comma before its cue,
        which opens the tail: a cue verb and a name, or a name (or pronoun) and a cue verb."""
        ps, pe = self._para_of(seg.start)
        if not self._whole_sentences(seg, ps, pe):
            return False
        names = 0
        for w in words[:5]:
            if is_cue_verb(w, True) and w.tag_ in ("VBD", "VBZ"):
                after = words[names + 1 : names + 2]
                return bool(names or after and after[0].pos_ == "PROPN")
            if w.pos_ != "PROPN" and not (names == 0 and w.pos_ == "PRON"):
                return False
            names += 1
        return False

    def _signature(self, seg: Segment, ps: int, pe: int) -> Cand | None:
        """A quotation standing as its own paragraph and signed on the line below, as
        collections of quotes print them: a dash and a name ("\n-Ruth Lane, Ohio."), or,
        inside the quotation, the name and affiliation closing it ("\nRuth Lane, Policy
        Institute.\"")."""
        text = self.text
        k = self._para_index(seg.start)
        if seg.start != ps or text[seg.end : pe].strip(" .") or k + 1 >= len(self.paras):
            return None
        ns, ne = self.paras[k + 1]
        line = text[ns:ne]
        if len(line.split()) > 12:
            return None
        if seg.closed and line[:1] in DASHES:
            cue = (ns, ns + 1)
        elif not seg.closed and line[-1:] in DOUBLE_MARKS and "," in line:
            cue = None
        else:
            return None
        words = [t for t in self.toks.between(ns, ne) if not t.is_space]
        span = self._name_run(words)
        if not any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in span):
            return None
        return Cand([(seg.start, seg.end)], "direct", "direct:dash", 0.7, cue, span,
                    name_head(span))

    def _name_run(self, words: list[Token]) -> Span:
        run = [words[0]]
        for w in words[1:]:
            if w.i == run[-1].i + 1 and (w.text[:1].isupper() or w.pos_ == "PROPN"):
                run.append(w)
            else:
                break
        return self.doc[run[0].i : run[-1].i + 1]

    def _cue_before(self, seg: Segment, floor: int) -> Cand | None:
        text = self.text
        ps, _pe = self._para_of(seg.start)
        k = self._para_index(seg.start)
        if text[floor:seg.start].strip() == "" and k > 0 and seg.start == ps:
            # "Caddell continued:" closing the paragraph before the quotation
            pps, ppe = self.paras[k - 1]
            if text[pps:ppe].rstrip().endswith(":"):
                floor = pps
        start = max(floor, sentence_start(text, seg.start, floor))
        window = self.toks.between(start, seg.start)
        words = [t for t in window if not t.is_punct and not t.is_space]
        if not words:
            return None
        gap = text[words[-1].idx + len(words[-1]) : seg.start].strip()
        if gap == ":" and (named := self._dash_name(words)) is not None:
            return named
        # a cue verb before any other: "Lane apologized for what happened:" is Lane's
        verbs = [t for t in words if is_cue_verb(t, True)] or [
            t for t in words if gap == ":" and t.pos_ == "VERB" and subject(t) is not None
            and t.dep_ not in ("relcl", "pcomp", "acl")]
        if not verbs:
            return self._colon_name(words) if gap == ":" else None
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
        if last.i != verb.i and gap != ":":
            inside = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp")
                      for t in c.subtree}
            if last.i in inside or last.i not in {t.i for t in verb.subtree}:
                return None
        subj = subject(verb)
        if verb.tag_ == "VBG" and (subj is None or not names_people(subj)):
            subj = adjunct_subject(verb) or subj  # "X wrote the agents knew ..., saying:"
        subj = subj or aside_subject(verb)
        hi = seg.start
        if subj is None and gap == ":" and verb.dep_ == "acl" and names_people(verb.head):
            # "Ann Roe, the treasurer, tweeted:" parsed as a reduced relative
            subj, hi = verb.head, verb.idx
        if subj is None:
            # "Said Ellis: "..."": the speaker follows the verb
            after = [w for w in words if w.i > verb.i and w.pos_ in ("PROPN", "NOUN")
                     and w.dep_ != "pobj"]  # not "tweeted in response:"
            if gap != ":" or not after:
                return None
            subj = after[-1]
        span = np_span(subj, start, hi)
        return Cand([], "direct", "direct:cue-before", 0.85, (verb.idx, verb.idx + len(verb)),
                     span, subj)

    def _dash_name(self, words: list[Token]) -> Cand | None:
        """"Polls overhyped Iowa - Mark Blumenthal: "..."", "More from Jones: "..."": a name
        closing the words before the colon, after a dash or "from", is the source, whatever
        verb the summary before it has."""
        def after_dash(j: int) -> bool:  # " - HuffPollster", not "back-handed"
            gap = self.text[words[j - 1].idx + len(words[j - 1]) : words[j].idx]
            return gap.strip() in ("-", "--", "—", "–", "―") and gap != gap.strip()

        k = None
        for j in range(len(words) - 1, max(0, len(words) - 4) - 1, -1):
            if j == 0 or not (words[j].pos_ == "PROPN" or words[j].text[:1].isupper()):
                return None
            if after_dash(j) or words[j - 1].lower_ == "from" and (
                    j == 1 or after_dash(j - 1) or j >= 2 and after_dash(j - 2)):
                k = j
                break
        if k is None:
            return None
        span = self.doc[words[k].i : words[-1].i + 1]
        colon = span.end_char + self.text[span.end_char :].index(":")
        return Cand([], "direct", "direct:colon", 0.6, (colon, colon + 1), span, name_head(span))

    def _colon_name(self, words: list[Token]) -> Cand | None:
        """"Senator Ruth Lane:" or "From the council's letter:" before a quotation: the
        colon attributes it to the last name before it."""
        names = [t for t in words if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")]
        if not names or len(words) > 25:
            return None
        last = names[-1]
        first = last
        while first.i > 0 and first.ent_iob_ == "I":
            first = self.doc[first.i - 1]
        span = self.doc[first.i : last.i + 1]
        colon = words[-1].idx + len(words[-1])
        colon += self.text[colon:].index(":")
        return Cand([], "direct", "direct:colon", 0.6, (colon, colon + 1), span, name_head(span))

    def _direct(self) -> list[Cand]:
        out: list[Cand] = []
        text = self.text
        prev: Cand | None = None
        starts = [o.start for o in self.segs]
        ends = sorted(o.end for o in self.segs)
        tail_end = -1  # end of the last cue after a quotation: what lies before it is its tail
        # the transcript turn (or its continuation) by paragraph index
        turn_at = {self._para_index(c.parts[0][0]): c for c in self._turns()}
        for seg in self.segs:
            if seg.start < tail_end:
                continue  # "...," Ann Roe, in a “Vote No” shirt, said: a label in the speaker
            ps, pe = self._para_of(seg.start)
            i = bisect_left(starts, seg.end)
            while i < len(starts) and self._label_in_tail(self.segs[i]):
                i += 1
            nxt = starts[i] if i < len(starts) else len(text)
            j = bisect_right(ends, seg.start) - 1
            prv = ends[j] if j >= 0 else 0
            cand = self._cue_after(seg, min(nxt, self._para_of(seg.end)[1]))
            if cand is None or self._introduces_next(cand, seg, nxt):
                cand = self._cue_before(seg, max(ps, prv)) or cand
            if cand is None and (signed := self._signature(seg, ps, pe)) is not None:
                out.append(signed)
                prev = signed
                continue
            inner_s, inner_e = seg.inner(text)
            inner = text[inner_s:inner_e]
            nwords = len(inner.split())
            if cand is not None:
                start = seg.start
                sent = sentence_start(text, seg.start, max(ps, prv))
                if cand.rule != "direct:cue-before" and self._lead_in(sent, seg.start):
                    start = sent  # "which would be "dangerous, ..."," Hussein said.
                cand.parts = [(start, seg.end)]
                if cand.rule == "direct:cue-before":
                    cand.parts = self._around_cue(cand, seg, sent)
                if cand.cue is not None and cand.cue[0] > seg.end:
                    tail_end = cand.cue[0]
                if nwords < 2 and cand.rule != "direct:cue-before":
                    cand.confidence *= 0.7
                out.append(cand)
                prev = cand
                continue
            # "PENCE: ..." then a paragraph "“But ...": the turn goes on
            k = self._para_index(seg.start)
            turn = turn_at.get(k - 1)
            if turn is not None and seg.start == ps:
                cont = Cand([(seg.start, seg.end)], "direct", "direct:transcript", 0.7,
                            turn.cue, turn.speaker, turn.head)  # the label names the speaker
                out.append(cont)
                turn_at[self._para_index(seg.end)] = cont
                continue
            # "Lane agreed. “...”": a speaker named just before takes over from the last one
            named = self._cue_sentence_before(seg, ps)
            if named is not None:
                out.append(named)
                prev = named
                continue
            # "“X,” he said, but “Y.”": the second part of a split quotation
            if prev is not None and prev.cue is not None and prev.parts[-1][1] <= prev.cue[0]:
                between = text[prev.parts[-1][1] : seg.start]
                if prev.cue[1] <= seg.start and _JOIN_RE.search(between) and "\n" not in between:
                    out.append(Cand([(seg.start, seg.end)], "direct", "direct:continued", 0.7,
                                    prev.cue, prev.speaker, prev.head))
                    continue
            # no cue of its own: a continuation of the previous attributed quote
            sentence_like = inner.rstrip().rstrip("'’")[-1:] in ".?!,:;…—-"
            if nwords >= 4 and sentence_like and prev is not None and prev.cue is not None and (
                self._para_index(prev.parts[-1][1]) >= self._para_index(seg.start) - 1
            ) and self._whole_sentences(seg, ps, pe):
                out.append(Cand([(seg.start, seg.end)], "direct", "direct:continued", 0.7,
                                 prev.cue, prev.speaker, prev.head))
                continue
            # a short quotation with no cue is a title or slogan as often as a quote
            if nwords >= 8 and self._whole_sentences(seg, ps, pe):
                near = prev is not None and prev.speaker is not None and (
                    self._para_index(prev.parts[-1][1]) >= self._para_index(seg.start) - 3)
                out.append(Cand([(seg.start, seg.end)], "direct", "direct:no-cue", 0.4, None,
                                prev.speaker if near else None, prev.head if near else None))
        return out

    def _cue_sentence_before(self, seg: Segment, ps: int) -> Cand | None:
        """"Ann Roe, a farmer, agrees. “...”", "Roe called him a genius. “...”", "“...” of
        the plan, Roe said. “...”": a quotation opening a sentence right after one whose verb
        is a cue with a person for subject is that person's ("Roe said she would vote. “...”":
        the clause is the attribution, and the quotation joins it later)."""
        text = self.text
        sent = sentence_start(text, seg.start, ps)
        if text[sent : seg.start].strip() or not self._ends_sentence(seg):
            return None  # "“...” to win, she said": the sentence has its own cue (_late_cue)
        if sent <= ps:  # the quotation opens its paragraph: the one before may introduce it
            ps, sent = self._introducing_para(seg.start)
        words = [t for t in self.toks.between(ps, sent) if not t.is_space]
        if len(words) < 2 or words[-1].text != ".":
            return None
        # the sentence's verb, or a cue closing it: "“...” of the plan, Lane said."
        verb = words[-2] if is_cue_verb(words[-2], True) else words[-1].sent.root
        if not is_cue_verb(verb, True) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        subj = subject(verb)
        if subj is None or subj.i > verb.i or not any(
                names_people(t) for t in subj.subtree if t.i == subj.i or t.dep_ == "appos"):
            return None  # "Her business partner, Ann Roe, called ...": the apposition names her
        speaker = np_span(subj, verb.sent.start_char, verb.idx)
        if any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            if any(m in text[verb.sent.start_char : sent] for m in (*DOUBLE_MARKS, "''")):
                return None  # "“..., he said, ‘...’,” Roe recalled.": a quote goes on
            if text[: seg.inner(text)[1]].rstrip().endswith(","):
                return None  # "“...,” the candidate told CBS": its own cue follows
            # "Roe said she would.": the clause attributes it (_join_following), not a
            # speaker quoted before her
            return Cand([(seg.start, seg.end)], "direct", "direct:no-cue", 0.7, None,
                        speaker, subj)
        return Cand([(seg.start, seg.end)], "direct", "direct:cue-before", 0.7,
                    (verb.idx, verb.idx + len(verb)), speaker, subj)

    def _introducing_para(self, start: int) -> tuple[int, int]:
        """"Ann Roe, the treasurer, disagreed.\n\n“...”": the paragraph before a quotation
        that opens its own, when it quotes no one, introduces the next speaker as a sentence
        in the quotation's paragraph does (one that quotes someone is continued instead)."""
        k = self._para_index(start)
        if k < 1:
            return start, start
        pps, ppe = self.paras[k - 1]
        if any(pps <= o.start < ppe for o in self.segs):
            return start, start
        return pps, ppe

    def _around_cue(self, cand: Cand, seg: Segment, sent: int) -> list[tuple[int, int]]:
        """"The club's investment, Ms. Tanzer said, "is a perfect example" of it.": a cue
        set off by commas in mid-sentence attributes the words before it and the rest of
        the sentence after the quotation too."""
        text = self.text
        parts = [(seg.start, seg.end)]
        if cand.speaker is None or text[cand.cue[1] : seg.start].strip() != ",":
            return parts
        lead_end = cand.speaker.start_char
        lead = text[sent:lead_end].rstrip()
        if not lead.endswith(",") or len(lead.split()) < 3 or not self._lead_in(sent, lead_end):
            return parts
        inner = self.text[seg.inner(self.text)[0] :].lstrip("‘'")
        if inner[:1].isupper() and self._adverbial(sent, lead_end):
            return parts
        parts.insert(0, (sent, sent + len(lead) - 1))
        after = text[seg.end : after_window(text, seg.end, self._para_of(seg.end)[1])]
        if after[:1] == " " and after[1:2].isalpha():  # the sentence goes on after the quote
            parts[-1] = (seg.start, seg.end + len(after.rstrip(" .!?;:,")))
        return parts

    def _adverbial(self, start: int, end: int) -> bool:
        """"As Lane spoke, the crowd chanted, "Lock him up!"": words opening with a
        conjunction or a preposition ("when", "although", "after") set the scene of a
        sentence the quotation opens anew; they are no part of it (unlike "When the deal
        fell through, Lane said, "we were floored"", which the quotation goes on with)."""
        for t in self.toks.between(start, end):
            if t.is_punct or t.pos_ == "CCONJ" or t.pos_ == "ADV" and t.tag_ != "WRB":
                continue  # "And", "Later,"
            return t.tag_ in ("IN", "WRB") or t.pos_ == "SCONJ"
        return False

    def _label_in_tail(self, seg: Segment) -> bool:
        """A short quoted name inside a sentence ("wearing “Ted Cruz” pins"), not a
        quotation that ends it: the tail of an attribution can run past it."""
        s, e = seg.inner(self.text)
        before = self.text[max(0, seg.start - 2) : seg.start].strip()
        return (len(self.text[s:e].split()) <= 3 and bool(before) and before[-1].isalpha()
                and not self._ends_sentence(seg) and "\n" not in self.text[seg.start : seg.end])

    def _lead_in(self, start: int, end: int) -> bool:
        """Words before a quotation in its sentence that belong to what it attributes: not
        a colon's introduction ("He explained it this way: "...") nor a clause with a cue
        of its own ("Lane said "...," she said")."""
        lead = self.text[start:end].strip()
        if not lead or lead.endswith(":"):
            return False
        return not any(is_cue_verb(t, False) for t in self.toks.between(start, end))

    def _whole_sentences(self, seg: Segment, ps: int, pe: int) -> bool:
        """The quotation is a sentence on its own, not a phrase inside one."""
        before = self.text[sentence_start(self.text, seg.start, ps) : seg.start].strip()
        return before == "" or before[-1:] in DASHES + ":"
