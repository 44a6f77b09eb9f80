"""Indirect quotes from the dependency parse: that-clauses of speech verbs, "X, he said",
verbs whose object is what was said, passives (with a "by" agent, or none: "X is expected
to ..."), speech nouns with a that-clause, intent nouns with their holder ("Lane's pledge
to ..."), "as X put it" and "according to X"; beliefs and attitudes ("X believes",
"X is worried about"), impressions ("X appears to"), characterisations ("sees X as"),
intentions ("voted to"), stance nouns with a holder ("her criticism of", "a critic of",
"the ministry's view is that"), "in a statement/poll" phrases, hearsay adverbs
("reportedly"), stances with "about"/"against" ("uneasy about", "campaigned against") and
any verb labelling its object with a quoted phrase ("pounding Trump as a “con artist”").

Attribution annotation (PolNeAR style) counts almost any communicative act, so the content
of a rule whose cue comes first runs on to the end of its sentence unless another speech
verb starts a new attribution there."""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB as VERB_POS
from spacy.tokens import Span, Token

from eventwire.nlp.columns import among
from eventwire.nlp.quotes.context import ArticleContext
from eventwire.nlp.quotes.cues import (
    ADDRESSEE_PREPS,
    AGAINST_VERBS,
    AS_VERBS,
    ATTITUDE_ADJS,
    CAUSE_VERBS,
    COPULA_NOUNS,
    DIRECTIVE_VERBS,
    HEADLINE_VAGUE,
    HEARSAY_ADVS,
    HOLDER_HEADS,
    HOLDER_NOUNS,
    INTENT_NOUNS,
    INTENT_VERBS,
    OBJECT_PREPS,
    OBJECT_VERBS,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_NOUNS,
    STANCE_PREPS,
    TALK_VERBS,
    THINK_VERBS,
)
from eventwire.nlp.quotes.learned import STANCE_RULE, complements, stance_token
from eventwire.nlp.quotes.marks import DOUBLE_MARKS
from eventwire.nlp.quotes.speaker import names_people, speaker_span
from eventwire.nlp.quotes.syntax import (
    QUOTE_CHARS,
    SENT_END,
    Cand,
    adjunct_subject,
    after_window,
    aside_subject,
    lemma_of,
    nearest_on_line,
    np_span,
    same_person,
    sentence_start,
    subject,
)

# Rules whose content the parser tends to cut short.
EXTENDABLE = frozenset(
    "indirect:ccomp indirect:object indirect:think indirect:directive indirect:noun "
    "indirect:passive-bare indirect:seem indirect:attitude indirect:in-source "
    "indirect:noun-is".split()
)


# Lemmas and words that can open an indirect rule (see ``_alternatives``): most tokens open
# none, and reading their parse costs.
_CUE_LEMMAS = (SPEECH_VERBS | THINK_VERBS | OBJECT_VERBS | INTENT_NOUNS | AS_VERBS
               | RAISING_VERBS | ATTITUDE_ADJS | INTENT_VERBS | {"put"})
_CUE_WORDS = (SPEECH_NOUNS | SOURCE_NOUNS | STANCE_NOUNS | HEARSAY_ADVS | HOLDER_NOUNS
              | COPULA_NOUNS | STANCE_PREPS | {"according", "as"})
# Verbs whose object noun is a stance the subject takes: "made comments about X".
_LIGHT_VERBS = frozenset(
    "make have express voice issue offer level raise share repeat deliver reiterate renew "
    "lodge file air".split()
)
# Verbs of getting, reading or holding a message, whose subject did not write it.
_RECEIVE_VERBS = frozenset(
    "receive get obtain see read review find hear examine study discover uncover "
    "acquire view watch cite include feature contain sign".split())
_SELF_SOURCES = frozenset("poll survey study report analysis".split())
_POLLS = frozenset("poll survey".split())
# Words for a share of those polled: "half said", "a majority say".
_SHARE_WORDS = frozenset("half third thirds quarter quarters fifth fifths majority most "
                         "plurality".split())
# Pronouns that stand for people a participle describes: "those backing Cruz".
_PEOPLE_PRONOUNS = frozenset("those others ones many some few".split())
# Prepositions that set a thing beside the clause, not in the hands of its subject.
_APART_PREPS = frozenset("despite after before amid following unlike like".split())
# Prepositions of a stance taken on a thing: "balked at", "vouched for", "railed against".
_TAKE_PREPS = frozenset("at on for against about over to after".split())
_CONTENT_PREPS = frozenset("of about on for against toward towards over regarding".split())


_KEYS: dict[int, numpy.ndarray] = {}


def _cue_keys(strings) -> numpy.ndarray:
    """String hashes of every cue lemma and word (and "hop", the tagger's lemma of
    "hoping"), cached per string store."""
    got = _KEYS.get(id(strings))
    if got is None:
        words = _CUE_LEMMAS | _CUE_WORDS | {"hop"}
        got = _KEYS[id(strings)] = numpy.array(
            sorted(strings.add(w) for w in words), dtype=numpy.uint64)
    return got


def _caused(verb: Token) -> Token | None:
    """"All this led Lane to fear a pact": the object of a verb of making (``CAUSE_VERBS``)
    that the infinitive completes is who fears."""
    if verb.dep_ != "xcomp" or lemma_of(verb.head) not in CAUSE_VERBS:
        return None
    obj = next((c for c in verb.head.children
                if c.dep_ == "dobj" and verb.head.i < c.i < verb.i), None)
    if obj is not None and lemma_of(verb.head) == "leave" and obj.pos_ == "NOUN" and not (
            names_people(obj) or obj.lower_ in HOLDER_HEADS):
        return None  # "left the room to call her aides": she calls
    return obj


def _holder(verb: Token) -> Token | None:
    """The verb's subject; for a participle clause with none ("Asked about X, she said"),
    the subject of the clause it hangs on, wherever it stands."""
    caused = _caused(verb)
    if caused is not None:
        return caused
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    if by is not None and verb.tag_ == "VBN":
        return by  # "when pressed by Holt about ...": the agent acts, not the subject
    owner = _gerund_owner(verb) or _infinitive_noun_holder(verb)
    if owner is not None:
        return owner
    subj = subject(verb)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBG"):
        subs = [c for c in verb.head.children if c.dep_ == "nsubj"]
        subj = nearest_on_line(subs, verb) if subs else None  # not a dateline's "LOS ANGELES"
    if subj is None and verb.dep_ == "acl" and verb.head.i < verb.i and (
            verb.tag_ == "VBG" or verb.head.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN")):
        # "polls showing her ahead": the noun the participle modifies; "A poll found last
        # week that ...", a sentence the parser rooted in its subject: the noun speaks
        subj = _acl_holder(verb.head)
    tok = verb
    for _ in range(5):  # "are quick to point out that", "went out of his way to say that"
        if subj is not None or tok.dep_ in ("ccomp", "ROOT", "relcl", "acl"):
            break
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or "\n" in verb.doc._.text[min(subj.idx, verb.idx) : max(subj.idx, verb.idx)]:
        # a heading the parser ran into the line ("...Abortions\nJeb Bush criticized ..."):
        # the name just before the verb on its own line
        subj = _name_before(verb) or subj
    if verb.tag_ == "VBG" and (subj is None or not names_people(subj)):
        subj = adjunct_subject(verb) or subj
    if subj is None:
        subj = _earlier_clause_subject(verb) or aside_subject(verb)
    return subj


def _gerund_owner(verb: Token) -> Token | None:
    """"his seeming to draw", "their strategy of attacking him", "Lane's habit of citing":
    whoever owns a gerund, or the noun it completes with "of", does what it says; so does
    a share the parser folded into it ("with three in 10 saying", "58.9 percent voting")."""
    if verb.tag_ != "VBG":
        return None
    share = next((c for c in verb.children if c.i < verb.i and c.dep_ in (
        "nummod", "compound") and (c.tag_ == "CD" or c.lower_ in ("percent", "%"))), None)
    if share is not None:
        return share
    noun = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "of" else verb
    if noun is not verb and noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and c.i < verb.i), None)


def _infinitive_noun_holder(verb: Token) -> Token | None:
    """"Lane was the first senator to endorse him", "the first member to endorse him was
    Lane": an infinitive on a noun the copula equates with someone is that one's act."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.pos_ not in ("NOUN", "PROPN") or (
            noun.i > verb.i) or not any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in verb.children):
        return None
    be = noun.head
    if lemma_of(be) != "be" or noun.dep_ not in ("attr", "nsubj"):
        return None
    other = "nsubj" if noun.dep_ == "attr" else "attr"
    them = [c for c in be.children if c.dep_ == other and names_people(c)]
    return nearest_on_line(them, be) if them else None


def _acl_holder(noun: Token) -> Token:
    """Who holds what a participle on a noun says: the noun when it can speak for itself
    ("polls showing", "those backing Cruz", "groups supporting him"), the name that owns
    the noun ("Clinton's speech denouncing"), else who acts with the noun ("the campaign
    released a statement saying ...", "she revised her statement explaining ...")."""
    if noun.lemma_.lower() in _SELF_SOURCES or names_people(noun) or (
            noun.lower_ in HOLDER_HEADS or noun.lower_ in _PEOPLE_PRONOUNS):
        return noun
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"
                  and names_people(c) and c.ent_type_ not in ("DATE", "TIME")), None)
    return owner or _host(noun) or noun


def _poll_share(noun: Token, verb: Token) -> bool:
    """"In a Post-ABC poll, 75 percent of Republicans said ...": a share of those a poll
    asked says what the poll found, so the poll is the source of the whole clause."""
    if noun.lemma_.lower() not in _POLLS:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.ent_type_ in ("PERCENT", "CARDINAL") or subj.tag_ == "CD"
                                 or subj.lower_ in _SHARE_WORDS)


def _no_report(verb: Token, subj: Token) -> bool:
    """"That said, voters ...": the writer's connective, no one's report."""
    doc = verb.doc
    return subj.lower_ in ("that", "this") and subj.i == verb.i - 1 and verb.tag_ in (
        "VBD", "VBN") and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","


def _speaker_end(subj: Token, verb: Token) -> int:
    """Where a speaker span may end: before the verb when the speaker comes first ("polls
    showing ...": the noun the participle hangs on, without the participle's clause)."""
    return verb.idx if subj.i < verb.i else len(verb.doc._.text)


def _earlier_clause_subject(verb: Token) -> Token | None:
    """"Lane offered him a job, then says he will ...": the parser makes the first clause
    the content of the second verb and leaves that verb with no subject; the two clauses
    share the first one's subject."""
    for c in verb.children:
        if c.i > verb.i or c.dep_ not in ("ccomp", "conj"):
            continue
        gap = verb.doc[c.right_edge.i + 1 : verb.i]
        if not len(gap) or gap[0].text != "," or not all(
                t.text == "," or t.pos_ in ("ADV", "CCONJ") for t in gap):
            continue
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if subj is not None and names_people(subj):
            return subj
    return None


def _host(thing: Token) -> Token | None:
    """Who acts with a thing: the holder of the verb whose object the thing is, directly
    or through prepositions ("spoke at a conference", "shot back in an article")."""
    gov = thing
    for _ in range(4):
        if gov.dep_ not in ("dobj", "pobj", "prep") or gov.head.i == gov.i or (
                gov.lower_ in _APART_PREPS):
            return None  # "despite disclaimers urging calm, the crowd ...": not the crowd's
        gov = gov.head
        if gov.pos_ in ("VERB", "AUX"):
            # "police received calls saying ...", "she read emails showing ...": who gets
            # or reads a message is not who wrote it
            return None if lemma_of(gov) in _RECEIVE_VERBS else _holder(gov)
    return None


def _speaker_of(noun: Token) -> Token | None:
    """Who makes a speech act a noun names with no possessor: "claims by X", or the
    subject of "said in a statement", "stirred controversy with an assertion", "made the
    claim" (not of "denied claims", whose claims are another's)."""
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
    if agent is not None:
        return agent
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ in ("in", "with") and gov.head.pos_ in (
            "VERB", "AUX") or noun.dep_ == "dobj" and lemma_of(gov) in _LIGHT_VERBS:
        return _holder(gov.head if noun.dep_ == "pobj" else gov)
    return None


def _has_misread(verb: Token) -> bool:
    """"He's said he will fight": the parser reads "'s" (has) before a participle as a
    passive "is"; with no "by" agent the subject is the one who said."""
    kids = list(verb.children)
    return verb.tag_ in ("VBN", "VBD") and any(
        c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in kids) and not any(
        c.dep_ == "agent" or c.lower_ in ("been", "being") for c in kids)


def _name_before(verb: Token) -> Token | None:
    """The last word of a proper name right before the verb on its line ("Jeb Bush
    criticized", "Christie also said"), skipping adverbs and auxiliaries, and for a
    finite verb an aside between commas ("Ruth Lane, 44, said", "Lane, in Lagos, said"),
    which the parser often hangs elsewhere, leaving the verb with no subject."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].pos_ in ("ADV", "AUX", "PART") and "\n" not in doc[j].text_with_ws:
        j -= 1
    if j > 0 and doc[j].text == "," and verb.tag_ in ("VBD", "VBZ", "VBP"):
        k = j - 1
        while k > 0 and j - k <= 12 and doc[k].text not in (",", ".", ";", "!", "?") and (
                "\n" not in doc[k].text_with_ws):
            k -= 1
        if doc[j - 1].ent_type_ == "PERSON" and all(
                t.pos_ == "PROPN" for t in doc[k + 1 : j]):
            return doc[j - 1]  # "the campaign chief, Paul Manafort, suggested": the name
        if doc[k].text == "," and k < j - 1:
            j = k - 1
    if j < 0 or doc[j].pos_ != "PROPN" or "\n" in doc[j].text_with_ws:
        return None
    return doc[j]


def _that_after_phrase(verb: Token) -> list[Token]:
    """"claimed without any evidence that ...": a that-clause the parser hung on the noun of
    a phrase after the verb is still what the verb reports (a speech noun's clause, "said
    in a statement that", is left to that noun's rule)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.lower_ in SPEECH_NOUNS or obj.lemma_ in INTENT_NOUNS:
                continue  # "repeated in a statement that ...": the noun's own rule
            for c in obj.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and c.i > obj.i and any(
                        g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                    return [c]
    return []


def _inverted_report(verb: Token) -> Token | None:
    """"She took up the matter, remarking from Ohio he did not think it would pass": with
    a phrase between, the parser hangs the participle of saying on the reported clause's
    verb; that clause (its subject after the participle, no comma between) is what it
    reports, and the clause the pair hangs on names the speaker.  "Speaking from Ohio, he
    said" (a comma) and "He, speaking from Ohio, said" (subject first) keep the parser's
    reading.  Returns the reported clause's subject."""
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i < verb.i or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if (subj is None or subj.left_edge.i <= verb.right_edge.i or head.dep_ not in (
            "advcl", "conj") or subject(head.head) is None):
        return None
    gap = verb.doc[verb.right_edge.i + 1 : subj.left_edge.i]
    return None if any(t.text in ",;:—–-" for t in gap) else subj


def _holder_after(noun: Token) -> Token | None:
    """Who holds a stance noun named after it: the subject of a relative clause on it ("the
    promise Lane has made is that ..."), or a group it is held "within" or "among" ("the
    concern within the council is that ...")."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ == "relcl":
            subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if subj is not None and subj.tag_ not in ("WDT", "WP") and names_people(subj):
                return subj
        elif c.dep_ == "prep" and c.lower_ in ("within", "among"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (names_people(obj) or obj.lower_ in HOLDER_HEADS):
                return obj
    return None


def _asked_if(verb: Token, clause: Token) -> bool:
    """"Asked by Starnes if he believed ...", "asked her whether ...": the question put to
    someone, which the parser may hang on the verb as a condition; "will ask for a recount
    if the margin is small" (no one asked) sets a condition."""
    return lemma_of(verb) == "ask" and clause.dep_ == "advcl" and clause.i > verb.i and (
        clause.left_edge.lower_ in ("if", "whether")) and any(
        c.dep_ in ("agent", "dobj", "dative") and c.i < clause.i for c in verb.children)


def _bare_passive(verb: Token) -> bool:
    """A participle with a passive subject and no "by" agent: "she is convinced that ..."
    reads as an adjective of attitude, "she was convinced by aides" as an act."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children)


def _owner(noun: Token) -> Token | None:
    """The holder of a speech or stance noun: its possessor, or for "his"/"their" the
    subject of the verb whose object the noun is ("Trump stepped up his attacks on ..."),
    which names who "his" is."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PRON":
        return owner
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("VERB", "AUX"):
        # "he expanded upon his calls": the subject is the same person when it agrees
        subj = _holder(gov.head)
        return subj if subj is not None and same_person(owner, subj) else owner
    if noun.dep_ in ("dobj", "attr") and gov.pos_ in ("VERB", "AUX"):
        # only the verb's own object: in "fanned controversy over her remark" and "from his
        # proposal" the pronoun is the mention that names the speaker
        subj = _holder(gov)
        if subj is not None and subj.dep_ == "nsubj" and (
                subj.pos_ in ("PROPN", "NOUN") or same_person(owner, subj)):
            return subj
    return owner


def _late_agent(verb: Token) -> Token | None:
    """"Lane was attacked on the speeches by Ortiz", "was called "a fraud" by aides": a
    "by" agent the parser hung on a phrase of the passive's own clause is who acts."""
    for t in verb.subtree:
        if t.dep_ != "prep" or t.lower_ != "by" or t.i < verb.i:
            continue
        head, ok = t.head, True
        while head.i != verb.i:
            if head.dep_ in ("ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "pcomp"):
                ok = False
                break
            head = head.head
        obj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if ok and obj is not None and (names_people(obj) or obj.ent_type_ in (
                "PERSON", "ORG", "NORP") or obj.lower_ in HOLDER_HEADS):
            return obj
    return None


def _taker(noun: Token, owner: Token | None) -> tuple[Token, Token] | None:
    """"Clinton bashed Trump's proposal to ban ...", "Lane railed at the council's decision
    to ...": another person's stance on a possessed plan or claim holds it, and is what is
    reported (the verb and its subject); "Lane defended her decision" is Lane's either way,
    and "made a pledge", "received his letter" take no stance."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in _TAKE_PREPS:
        gov = gov.head
    elif noun.dep_ != "dobj":
        return None
    if owner is None or owner.pos_ == "PRON" or gov.pos_ != "VERB" or lemma_of(gov) in (
            _LIGHT_VERBS | _RECEIVE_VERBS):
        return None  # "his decision": ``_owner`` already names him from the subject
    subj = subject(gov)
    if subj is None or subj.dep_ != "nsubj" or subj.i == owner.i or subj.lower_ in (
            "who", "which", "that") or not (names_people(subj) or subj.pos_ == "PRON"):
        return None
    return gov, subj


class IndirectRules(ArticleContext):
    """The indirect-attribution rules over an article's context."""

    def _indirect(self, direct: list[Cand]) -> list[Cand]:
        out = []
        covered = sorted(p for c in direct for p in c.parts)
        for k in self._cue_positions():
            t = self.doc[k]
            lemma = lemma_of(t)
            if lemma not in _CUE_LEMMAS and t.lower_ not in _CUE_WORDS:
                continue
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
                if inside > 0.5 * size:
                    cand.parts = self._outside(cand.parts, covered)
                if cand.parts:
                    self._to_sentence_end(cand)
                    self._to_semicolon(cand)
                    out.append(cand)
                    break
        return out

    def _cue_positions(self) -> list[int]:
        """Indices of the tokens whose lemma or word can open a rule, read from the Doc's
        arrays: building a Token object for every word would cost more than the rules."""
        strings = self.doc.vocab.strings
        keys = _cue_keys(strings)
        arr = self.doc.to_array([LEMMA, LOWER])
        hit = among(arr[:, 0], keys) | among(arr[:, 1], keys)
        return numpy.flatnonzero(hit).tolist()

    def _to_sentence_end(self, cand: Cand) -> None:
        """Run a content that follows its cue on to the end of its sentence: the parser often
        hangs a trailing modifier ("..., at Hofstra on Monday") off the main verb instead."""
        s, e = cand.parts[-1]
        if cand.rule not in EXTENDABLE or cand.cue is None or cand.cue[1] > s:
            return
        _ps, pe = self._para_of(s)
        end = after_window(self.text, e, pe)
        rest = self.text[e:end]
        if not rest.strip(" .!?"):
            return
        if any(t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS
               for t in self.toks.between(e, end)):
            return  # "..., calling it a mistake": another attribution starts
        cand.parts[-1] = (s, e + len(rest.rstrip(" .!?;:,")))

    def _to_semicolon(self, cand: Cand) -> None:
        """End a content that follows its cue at a semicolon: "He proposes a levy; she
        backs a cap" holds two clauses, each its own subject's; and at a quoted phrase
        ending its sentence (``_to_sentence_stop``)."""
        if cand.cue is None:
            return
        s, e = cand.parts[-1]
        cut = self.text.find(";", max(s, cand.cue[1]), e)
        if cut != -1 and cut > s:
            cand.parts[-1] = (s, len(self.text[s:cut].rstrip()) + s)
        self._to_sentence_stop(cand)

    def _to_sentence_stop(self, cand: Cand) -> None:
        """End a content that follows its cue where a quoted phrase ends its sentence:
        "called for “urgent help.” Lane has dismissed ..." (the parser often runs the two
        sentences into one).  A sentence end inside the quotation ("“a fraud. We must
        act,”") is the speaker's own words and stays."""
        s, e = cand.parts[-1]
        for m in SENT_END.finditer(self.text, max(s, cand.cue[1]), e):
            if m.end() < e and not self._in_segment(m.end() - 1) and (
                    self.text[m.start() + 1 : m.end()].strip()):
                cand.parts[-1] = (s, m.end() - 1)
                return

    def _outside(self, parts: list[tuple[int, int]], covered: list[tuple[int, int]]
                 ) -> list[tuple[int, int]]:
        """The longest stretch of a content outside the direct quotes it runs into (a
        that-clause the parser joined to the next quoted sentence), if it is a clause."""
        pieces = []
        for s, e in parts:
            cuts = [(a, b) for a, b in covered if a < e and s < b]
            bounds = [s] + [x for a, b in cuts for x in (max(a, s), min(b, e))] + [e]
            pieces += [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)
                       if bounds[k + 1] > bounds[k]]
        best = max(pieces, key=lambda p: p[1] - p[0], default=None)
        if best is None:
            return []
        toks = self.toks.between(*best)
        span = self._trim(self.doc[toks[0].i : toks[-1].i + 1]) if toks else None
        if span is None or sum(not t.is_punct for t in span) < 4:
            return []
        return [(span.start_char, span.end_char)]

    def _alternatives(self, t: Token, lemma: str):
        """The indirect rules that apply to a token, most specific first (lazily)."""
        if t.lower_ == "according":
            yield self._according(t)
        elif t.lower_ in HEARSAY_ADVS:
            yield self._hearsay(t)
        elif t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                       for c in t.children) and (
                lemma in SPEECH_VERBS or lemma == "put"
                and any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children)):
            if any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                yield self._clause(t, lemma)  # "even as rivals have said they oppose it"
            yield self._as_put(t)
        elif t.pos_ == "VERB" and lemma in RAISING_VERBS:
            yield self._raising(t)
        elif t.tag_ == "VBN" and t.lower_ in ATTITUDE_ADJS and _bare_passive(t):
            yield self._attitude(t)  # "she is assured of winning": a state, not a report
        elif t.pos_ == "VERB" and (lemma in SPEECH_VERBS or lemma in THINK_VERBS
                                   or lemma in OBJECT_VERBS or lemma in AS_VERBS):
            if lemma not in QUOTE_ONLY_VERBS:
                yield self._clause(t, lemma)
            if lemma in SPEECH_VERBS:
                yield self._parenthetical(t)
            if lemma in OBJECT_VERBS or any(c.dep_ == "prep" and c.lower_ == "as"
                                            for c in t.children):
                yield self._object(t)
            yield self._passive(t)
        elif t.pos_ == "VERB" and lemma in INTENT_VERBS and not any(_caused(c) for c in t.children):
            if any(c.dep_ == "xcomp" and c.i > t.i or lemma == "vote" and c.dep_ == "prep"
                   and c.lower_ in ("for", "against") for c in t.children):
                yield self._object(t)  # "voted to repeal", "voted for Sanders"
        elif t.pos_ == "ADJ" and lemma in ATTITUDE_ADJS:
            yield self._attitude(t)
        elif t.lower_ in STANCE_PREPS and t.dep_ == "prep":
            yield self._stance_prep(t)
        elif t.lower_ == "as":
            if self._quoted_label(t):
                yield self._object(t.head)
        elif t.pos_ == "NOUN":
            if t.lower_ in SPEECH_NOUNS or lemma in INTENT_NOUNS:
                yield self._noun_clause(t)
            if t.lower_ in SOURCE_NOUNS:
                yield self._in_source(t)
            if t.lower_ in STANCE_NOUNS or t.lower_ in HOLDER_NOUNS:
                yield self._noun_object(t)
            if t.lower_ in COPULA_NOUNS and t.dep_ == "nsubj":
                yield self._noun_is(t)

    def _clause(self, verb: Token, lemma: str) -> Cand | None:
        ps, pe = self._para_of(verb.idx)
        comp = [c for c in verb.children if ps <= c.idx < pe
                and (c.dep_ == "ccomp" or c.dep_ == "advcl" and c.left_edge.lower_ == "that"
                     or _asked_if(verb, c))
                and not self._apart(c, verb)]
        if not comp:
            comp = _that_after_phrase(verb)
        subj = _holder(verb)
        inverted = None if comp or lemma not in SPEECH_VERBS else _inverted_report(verb)
        if inverted is not None:
            subj = subject(inverted.head.head)
        if subj is not None and subj.dep_ == "nsubjpass" and not _has_misread(verb):
            return None
        if subj is not None and _no_report(verb, subj):
            return None
        if subj is None:
            # "for saying that ...": keep a that-clause even when the speaker is elsewhere
            if not any(c.i > verb.i and any(g.dep_ == "mark" and g.lower_ == "that"
                                            for g in c.children) for c in comp):
                return None
        if inverted is not None:
            span = self.doc[inverted.left_edge.i : inverted.head.right_edge.i + 1]
            rule, conf = "indirect:ccomp", 0.75
        elif comp:
            after = [c for c in comp if c.i > verb.i]
            c = after[0] if after else comp[-1]
            span = self._clause_span(c)
            if not after and len(comp) > 1:
                # "A had told them X, but B overruled it, the aide added": both clauses
                span = self.doc[comp[0].left_edge.i : span.end]
            rule = "indirect:ccomp"
            conf = 0.75
            if lemma in THINK_VERBS:
                if subj is None or subj.lower_ == "you":
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
        span = self._trim(self._in_para(span, ps, pe))
        if span is None or len(span) < 3:
            return None
        # up to the verb: a subject the parser rooted the sentence in holds the verb
        hi = verb.idx if subj is not None and subj.i < verb.i else len(self.text)
        sp = np_span(subj, 0, hi) if subj is not None else None
        return Cand([self._with_marks(span)], "indirect", rule, conf,
                     (verb.idx, verb.idx + len(verb)), sp, subj)

    def _apart(self, comp: Token, verb: Token) -> bool:
        """A clause before the verb that a semicolon or a sentence end parts from it: in
        "He calls for a tax; she backs a levy" the parser makes the first clause what the
        second verb reports, but each clause is its own subject's."""
        if comp.i > verb.i:
            return False
        gap = self.text[comp.right_edge.idx + len(comp.right_edge) : verb.idx]
        return ";" in gap or SENT_END.search(gap + " ", 0, len(gap) + 1) is not None

    def _parenthetical(self, verb: Token) -> Cand | None:
        """"X, he said." / "X, he said, Y.": the rest of the sentence is the content.

        Sentence bounds come from punctuation, not the parser, which often joins the
        sentence to a neighbouring quotation."""
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
            return None
        subj = subject(verb)
        if subj is None or subj.head.i != verb.i:
            return None
        if any(c.dep_ == "prep" and c.i > verb.i and c.lower_ in _CONTENT_PREPS - {"of"}
               and any(g.ent_type_ not in ("DATE", "TIME") for g in c.children)
               for c in verb.children):
            return None  # "To cheers, Lane called for a recount": the words come after
        text = self.text
        inverted = subj.i > verb.i  # "..., said Marcia Lane, the group's director, ..."
        lo = verb.idx if inverted else subj.left_edge.idx
        if not text[:lo].rstrip().endswith((",", "—", "--")):
            return None
        hi_tok = max((c.right_edge for c in verb.children if c.i > verb.i and not c.is_punct
                      and c.dep_ not in ("advcl", "conj", "parataxis", "cc")),
                     key=lambda t: t.i, default=verb)
        if inverted and text[hi_tok.idx + len(hi_tok):].lstrip()[:1] not in (",", ".", "—"):
            return None
        hi = hi_tok.idx + len(hi_tok)
        ps, pe = self._para_of(verb.idx)
        start = sentence_start(text, lo, ps)
        for c in verb.children:
            if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i == c.left_edge.i and (
                    start <= c.idx and c.right_edge.i < subj.left_edge.i):
                # "Asked by a reporter if ..., Lane said no": the question is not her words
                start = c.right_edge.idx + len(c.right_edge)
        end = after_window(text, hi, pe)
        parts, words = [], 0
        for a, b in ((start, lo), (hi, end)):
            toks = self.toks.between(a, b)
            span = self._trim(self.doc[toks[0].i : toks[-1].i + 1]) if toks else None
            n = sum(not t.is_punct for t in span) if span is not None else 0
            if n >= 2 or n and lo - start > 0 and end - hi > 0:
                parts.append(self._with_marks(span))  # "This race, he said, is different."
                words += n
        if words < 3:
            return None
        return Cand(parts, "indirect", "indirect:parenthetical", 0.6,
                     (verb.idx, verb.idx + len(verb)), np_span(subj, 0, len(self.text)), subj)

    def _object(self, verb: Token) -> Cand | None:
        """"criticized the plan", "called for a recount": the complements are the content."""
        subj = _holder(verb)
        if subj is None or subj.dep_ == "nsubjpass" and not _has_misread(verb) or _no_report(
                verb, subj):
            return None
        sent = verb.sent
        # "spoke to reporters", "talked with aides": the addressee, not what was said
        preps = OBJECT_PREPS - ADDRESSEE_PREPS if verb.lemma_ in TALK_VERBS else OBJECT_PREPS
        comps = [c for c in verb.children if c.i > verb.i and c.i < sent.end and (
            c.dep_ in ("dobj", "xcomp", "oprd", "dative", "ccomp")
            or c.dep_ == "prep" and c.lower_ in preps and any(
                g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
                for g in c.children))]  # "spoke on Monday": when, not what
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
        sp = np_span(subj, 0, _speaker_end(subj, verb))
        return Cand([self._with_marks(span)], "indirect", "indirect:object", 0.5,
                     (verb.idx, verb.idx + len(verb)), sp, subj)

    def _passive(self, verb: Token) -> Cand | None:
        """"The plan was first reported by the Post": the subject is what the agent said."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subj is None:
            return None
        if obj is not None:
            span = self._trim(self.doc[subj.left_edge.i : subj.right_edge.i + 1])
            if span is None:
                return None
            return Cand([self._with_marks(span)], "indirect", "indirect:passive", 0.5,
                         (verb.idx, verb.idx + len(verb)), np_span(obj, 0, len(self.text)), obj)
        # "X is expected to win", "X was accused of lying": an attribution with no source
        if subj.lower_ in ("it", "that", "which", "who", "this", "what"):
            return None
        sent = verb.sent
        comps = [c for c in verb.children if c.i > verb.i and c.i < sent.end and (
            c.dep_ in ("xcomp", "ccomp", "oprd")
            or c.dep_ == "prep" and c.lower_ in OBJECT_PREPS)]
        right = max((c.right_edge.i for c in comps), default=subj.right_edge.i)
        ps, pe = self._para_of(verb.idx)
        span = self._trim(self._in_para(self.doc[subj.left_edge.i : right + 1], ps, pe))
        if span is None or len(span) < 2:
            return None
        by = _late_agent(verb)
        if by is None and any(c.dep_ == "xcomp" and (lemma_of(c) in SPEECH_VERBS or lemma_of(
                c) in OBJECT_VERBS) for c in verb.children) and names_people(subj):
            by = subj  # "The Times is expected to endorse X": the subject speaks
        sp = np_span(by, 0, len(self.text)) if by is not None else None
        return Cand([self._with_marks(span)], "indirect", "indirect:passive-bare", 0.4,
                     (verb.idx, verb.idx + len(verb)), sp, by)

    def _as_put(self, verb: Token) -> Cand | None:
        """"As Simonyan put it, RT is ...", "as the report noted, ...": the clause the
        "as" phrase hangs on is what the speaker said; "as reported by the Post": the agent
        ("as shown by her vote" gives evidence, not a source)."""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
        if subj is not None and (lemma_of(verb) in HEADLINE_VAGUE or not (
                names_people(subj) or subj.lower_ in SOURCE_NOUNS)):
            return None
        subj = subj if subj is not None else subject(verb)
        if subj is None or subj.i > verb.i and verb.lemma_ == "put":
            return None
        main = verb.head
        skip = {t.i for t in verb.subtree}
        toks = [t for t in main.subtree if t.i not in skip]
        ps, pe = self._para_of(verb.idx)
        toks = [t for t in toks if ps <= t.idx < pe]
        if len(toks) < 3:
            return None
        # the main clause on the side of the "as" phrase that holds its head
        side = [t for t in toks if (t.i > verb.i) == (main.i > verb.i)]
        span = self._trim(self.doc[side[0].i : side[-1].i + 1]) if side else None
        if span is None or len(span) < 3:
            return None
        return Cand([self._with_marks(span)], "indirect", "indirect:as-put", 0.7,
                     (verb.idx, verb.idx + len(verb)), np_span(subj, 0, len(self.text)), subj)

    def _noun_clause(self, noun: Token) -> Cand | None:
        """"Trump's claim that ...": a speech noun with a that-clause."""
        comp = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                and any(g.dep_ == "mark" and g.lower_ == "that"
                        or g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
        if not comp:
            return None
        span = self._trim(self._clause_span(comp[0]))
        if span is None or len(span) < 3:
            return None
        owner = _owner(noun) or _speaker_of(noun) or _holder_after(noun)
        if owner is None and noun.lower_ not in SPEECH_NOUNS:
            return None  # "a plan to ...": an intention only counts with its holder
        taken = _taker(noun, owner)
        if taken is not None:  # the stance taken on the whole phrase
            verb, owner = taken
            span = self._trim(self.doc[noun.left_edge.i : span.end]) or span
        else:
            verb = noun
        sp = np_span(owner, 0, len(self.text)) if owner is not None else None
        return Cand([self._with_marks(span)], "indirect", "indirect:noun", 0.55,
                     (verb.idx, verb.idx + len(verb)), sp, owner)

    def _noun_is(self, noun: Token) -> Cand | None:
        """"The ministry's view is that the talks failed": what the copula equates the
        stance noun with is the content, the noun's possessor its holder."""
        be = noun.head
        if lemma_of(be) != "be":
            return None
        comp = next((c for c in be.children if c.i > be.i and (
            c.dep_ in ("ccomp", "xcomp") or c.dep_ == "attr" and c.pos_ == "VERB")), None)
        if comp is None:
            return None
        ps, pe = self._para_of(noun.idx)
        span = self._trim(self._in_para(self._clause_span(comp), ps, pe))
        if span is None or len(span) < 3:
            return None
        owner = _owner(noun) or _holder_after(noun)
        sp = np_span(owner, 0, len(self.text)) if owner is not None else None
        return Cand([self._with_marks(span)], "indirect", "indirect:noun-is", 0.5,
                     (noun.idx, be.idx + len(be)), sp, owner)

    def _hearsay(self, adv: Token) -> Cand | None:
        """"Trump reportedly asked ...": the clause the adverb modifies, from no named source."""
        verb = adv.head
        if adv.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX"):
            return None
        ps, pe = self._para_of(adv.idx)
        span = self._trim(self._in_para(self._clause_span(verb), ps, pe))
        if span is None or len(span) < 3:
            return None
        subj = subject(verb)
        sp = np_span(subj, 0, len(self.text)) if subj is not None else None
        return Cand([self._with_marks(span)], "indirect", "indirect:hearsay", 0.5,
                     (adv.idx, adv.idx + len(adv)), sp, subj)

    def _raising(self, verb: Token) -> Cand | None:
        """"Sanders appears to be spending more": the subject and what it seems to do are
        an impression the writer reports, with no source."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        comp = next((c for c in verb.children if c.i > verb.i
                     and c.dep_ in ("xcomp", "acomp", "oprd", "ccomp")), None)
        if subj is None or comp is None or subj.lower_ in ("who", "which", "that"):
            return None
        ps, pe = self._para_of(verb.idx)
        parts = []
        if subj.lower_ not in ("it", "there"):  # "it seems that ...": the clause alone
            head = self._trim(self._in_para(self._clause_span(subj), ps, pe))
            if head is not None:
                parts.append(self._with_marks(head))
        body = self._trim(self._in_para(self._clause_span(comp), ps, pe))
        if body is None or len(body) < 2:
            return None
        parts.append(self._with_marks(body))
        # the subject is the source when it is someone ("she appeared to suggest ...")
        sp = np_span(subj, 0, len(self.text)) if subj.lower_ not in ("it", "there") else None
        return Cand(parts, "indirect", "indirect:seem", 0.5, (verb.idx, verb.idx + len(verb)),
                     sp, subj if sp is not None else None)

    def _attitude(self, adj: Token) -> Cand | None:
        """"Democrats are worried about X", "she was confident that Y": the attitude's
        object is the content, its subject the holder."""
        if adj.dep_ in ("acomp", "oprd"):
            subj = _holder(adj.head)
        elif _bare_passive(adj):
            subj = next(c for c in adj.children if c.dep_ == "nsubjpass")
        else:
            return None
        if subj is None or subj.lower_ in ("it", "there", "which", "that"):
            return None
        comp = None
        for c in adj.children:
            if c.i < adj.i:
                continue
            if c.dep_ in ("ccomp", "xcomp"):
                comp = self._clause_span(c)
            elif c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS | {"with", "by", "in"}:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    comp = self._clause_span(obj)
            if comp is not None:
                break
        if comp is None:
            return None
        ps, pe = self._para_of(adj.idx)
        span = self._trim(self._in_para(comp, ps, pe))
        if span is None:
            return None
        return Cand([self._with_marks(span)], "indirect", "indirect:attitude", 0.5,
                     (adj.idx, adj.idx + len(adj)), np_span(subj, 0, len(self.text)), subj)

    def _in_source(self, noun: Token) -> Cand | None:
        """"In a statement, the group denounced ...", "In this poll, Trump leads": the clause
        the "in" phrase modifies is what the statement or poll says.  A clause headed by a
        cue of its own is left to that cue's rule, but for what a share of those polled said
        ("In a Post poll, 61 percent said ..."), which PolNeAR gives to the poll."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
            return None
        main = prep.head
        if main.pos_ not in ("VERB", "AUX"):
            return None
        cued = lemma_of(main) in _CUE_LEMMAS  # only a share a poll asked hands its cue over
        if cued and not (prep.i < main.i and _poll_share(noun, main)):
            return None
        ps, pe = self._para_of(noun.idx)
        if prep.i < main.i:
            span = self.doc[prep.right_edge.i + 1 : main.right_edge.i + 1]
        else:
            span = self.doc[main.left_edge.i : prep.left_edge.i]
        span = self._trim(self._in_para(span, ps, pe))
        if span is None or len(span) < 3 or not cued and any(
                t.pos_ == "VERB" and lemma_of(t) in SPEECH_VERBS for t in span):
            return None  # "in an interview, Ross said ...": the speech verb's own rule
        # the statement's author: its possessor, else the clause's subject; a poll speaks
        # for itself ("In this poll, Trump leads")
        src = next((c for c in noun.children if c.dep_ == "poss"), None)
        if src is None and noun.lemma_.lower() not in _SELF_SOURCES:
            src = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.lower_ not in ("it", "there")), None)
        src = src if src is not None else noun
        if cued:
            self.used_cues.add(main.idx)  # what the share said is the poll's (one level)
        return Cand([self._with_marks(span)], "indirect", "indirect:in-source", 0.5,
                     (prep.idx, noun.idx + len(noun)), np_span(src, 0, len(self.text)), src)

    def _noun_object(self, noun: Token) -> Cand | None:
        """"His criticism of the deal", "made comments about X": a stance noun with a holder
        (its possessor, or the subject of a light verb taking it) and an object.  A
        supporter or critic is never its possessor ("the party's fiercest critic of")."""
        owner = None if noun.lower_ in HOLDER_NOUNS else _owner(noun)
        if owner is None and noun.dep_ == "dobj" and lemma_of(noun.head) in _LIGHT_VERBS:
            owner = _holder(noun.head)
        if owner is None and noun.lower_ in HOLDER_NOUNS:
            if noun.dep_ == "attr":  # "Lane is a critic of the plan"
                owner = _holder(noun.head)
            elif noun.dep_ == "appos":  # "Lane, a critic of the plan, ..."
                owner = noun.head
            elif noun.tag_ == "NNS":  # "Critics of the plan say ...": they hold it
                owner = noun
        if owner is None:
            return None
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.i > noun.i
                     and c.lower_ in _CONTENT_PREPS), None)
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None
                   ) if prep is not None else None
        if obj is None:
            return None
        ps, pe = self._para_of(noun.idx)
        span = self._trim(self._in_para(self._clause_span(obj), ps, pe))
        if span is None:
            return None
        sp = np_span(owner, 0, len(self.text))
        if owner.i == noun.i:
            sp = self.doc[noun.left_edge.i : noun.i + 1]
        elif noun.dep_ == "appos" and owner.i == noun.head.i:  # the name without its apposition
            sp = self._trim(self.doc[owner.left_edge.i : noun.left_edge.i]) or sp
        return Cand([self._with_marks(span)], "indirect", "indirect:noun-object", 0.45,
                     (noun.idx, noun.idx + len(noun)), sp, owner)

    def _quoted_label(self, prep: Token) -> bool:
        """"pounding Trump as a “con artist”": any verb that labels its object with a
        quoted phrase reports the label as someone's words."""
        verb = prep.head
        if prep.dep_ != "prep" or verb.pos_ != "VERB" or lemma_of(verb) in _CUE_LEMMAS:
            return False
        if not any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children):
            return False
        end = prep.right_edge.idx + len(prep.right_edge)
        return any(m in self.text[prep.idx : end] for m in DOUBLE_MARKS)

    def _stance_prep(self, prep: Token) -> Cand | None:
        """"Lane spoke out about the levy", "voters are uneasy about him", "he kept up his
        campaign against the plan": what a stance is about, when no cue word of its own
        (left to its rule) heads it and its holder is someone."""
        head = prep.head
        gov = head.head if head.pos_ in ("NOUN", "ADJ") and head.dep_ in (
            "dobj", "attr", "acomp") else head
        if gov.pos_ not in ("VERB", "AUX") or any(
                lemma_of(w) in _CUE_LEMMAS or w.lower_ in _CUE_WORDS for w in (head, gov)):
            return None
        if prep.lower_ == "against" and lemma_of(gov) not in AGAINST_VERBS:
            return None
        subj = _holder(gov)
        if subj is None or subj.dep_ != "nsubj" or not (
                subj.ent_type_ in ("PERSON", "ORG", "NORP")
                or subj.pos_ == "PRON" and subj.lower_ in ("he", "she", "they", "we", "i", "who")
                or subj.lower_ in HOLDER_HEADS):
            return None
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        ps, pe = self._para_of(prep.idx)
        span = self._trim(self._in_para(self._clause_span(obj), ps, pe))
        if span is None:
            return None
        return Cand([self._with_marks(span)], "indirect", "indirect:stance-prep", 0.4,
                     (gov.idx, prep.idx + len(prep)), np_span(subj, 0, len(self.text)), subj)

    def _stances(self, taken: list[Cand], direct: list[Cand]) -> list[Cand]:
        """Stance candidates (``learned``): every verb with a source and a complement,
        outside quotations and the rules' cues; a direct quote's words are cut out of its
        content, and the model decides which are attributions.  (Nouns as candidates, "her
        support for", scored no better on PolNeAR train and cost as much again.)"""
        cues = {c.cue[0] for c in taken if c.cue} | self.used_cues
        quoted = sorted(p for c in direct for p in c.parts)
        out = []
        pos = self.doc.to_array(POS)
        for k in numpy.flatnonzero(pos == VERB_POS).tolist():
            t = self.doc[k]
            if t.idx in cues or not stance_token(t) or self._in_segment(t.idx) or (
                    lemma_of(t) in CAUSE_VERBS and any(_caused(c) for c in t.children)):
                continue  # "led Lane to fear": Lane's stance, not the cause's
            comps = complements(t)
            if not comps:
                continue
            subj = _holder(t)
            if subj is not None and _no_report(t, subj):
                continue
            sp = np_span(subj, 0, _speaker_end(subj, t)) if subj is not None else None
            if sp is None or speaker_span(sp) is None:
                continue  # a stance is only worth adding with whose it is
            ps, pe = self._para_of(t.idx)
            span = self.doc[min(c.left_edge.i for c in comps)
                            : max(c.right_edge.i for c in comps) + 1]
            span = self._trim(self._in_para(span, ps, pe))
            if span is None or len(span) < 2:  # trimmed: its edges are words
                continue
            parts = [self._with_marks(span)]
            if any(a < parts[0][1] and parts[0][0] < b for a, b in quoted):
                parts = self._outside(parts, quoted)  # a direct quote's words are its own
                if not parts:
                    continue
            cand = Cand(parts, "indirect", STANCE_RULE, 0.0, (t.idx, t.idx + len(t)), sp, subj)
            self._to_semicolon(cand)
            out.append(cand)
        return out

    def _in_para(self, span: Span, ps: int, pe: int) -> Span:
        """The span cut to one paragraph: the parser often runs a clause over a line break."""
        if ps <= span.start_char and span.end_char <= pe:
            return span
        toks = self.toks.between(max(ps, span.start_char), min(pe, span.end_char))
        return self.doc[toks[0].i : toks[-1].i + 1] if toks else span[:0]

    def _clause_span(self, c: Token) -> Span:
        return self.doc[c.left_edge.i : c.right_edge.i + 1]

    def _trim(self, span: Span) -> Span | None:
        """Drop edge punctuation, keeping closing quotation marks."""
        s, e = span.start, span.end
        doc = self.doc
        while s < e and (doc[s].is_space or doc[s].is_punct and doc[s].text not in QUOTE_CHARS):
            s += 1
        while e > s and (doc[e - 1].is_space
                         or doc[e - 1].is_punct and doc[e - 1].text not in QUOTE_CHARS):
            e -= 1
        return doc[s:e] if e > s else None

    def _with_marks(self, span: Span) -> tuple[int, int]:
        """Content offsets, reaching the closing mark of a quotation that the clause opens
        (the parser often ends the clause inside the quoted words)."""
        s, e = span.start_char, span.end_char
        i = bisect_left(self.top_starts, s)
        while i < len(self.top) and self.top[i].start < e:
            if e < self.top[i].end and self.top[i].closed:
                e = self.top[i].end
            i += 1
        # "... to welcome the governor - "my new best friend."": the quotation ends the clause
        if i < len(self.top) and self.top[i].closed and self._ends_sentence(self.top[i]):
            gap = self.text[e : self.top[i].start]
            if len(gap) <= 3 and gap.strip(" -—–") == "" and "\n" not in gap:
                e = self.top[i].end
        return s, e

    def _according(self, t: Token) -> Cand | None:
        to = next((c for c in t.children if c.lower_ == "to"), None)
        if to is None:
            return None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        sent = t.sent
        phrase = (t.left_edge.i, t.right_edge.i + 1)
        phrase = (min(phrase[0], t.i), max(phrase[1], obj.right_edge.i + 1))
        # the sentence around the phrase, on both sides when it stands in the middle:
        # "The plan, according to aides, is dead."
        parts = []
        for a, b in ((sent.start, phrase[0]), (phrase[1], sent.end)):
            span = self._trim(self.doc[a:b]) if b > a else None
            if span is not None and sum(not w.is_punct for w in span) >= 2:
                parts.append(self._with_marks(span))
        if sum(e - s for s, e in parts) < 10:
            return None
        sp = np_span(obj, 0, len(self.text))
        return Cand(parts, "indirect", "indirect:according-to",
                     0.8, (t.idx, to.idx + len(to)), sp, obj)
