"""Helpers the quote rules share: sentence bounds by punctuation, token lookups by
character offset, subjects and speaker noun phrases, and the candidate record."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from eventwire.nlp.quotes.cues import QUOTE_ONLY_VERBS, SPEECH_VERBS
from eventwire.nlp.quotes.speaker import names_people

DASHES = "―—–-"
SUBJ = ("nsubj", "nsubjpass", "csubj")
# Clauses whose subject is not the writer's: reported content, relative clauses.
_REPORTED = ("ccomp", "relcl", "acl", "pcomp")
# Quantifiers that stand for a group of people as a subject ("some of those surveyed").
GROUP_QUANTIFIERS = frozenset("some many most few several all both".split())
SENT_END_RE = re.compile(r"[.!?][\"”’']*\s")
# A period after these words (or an initial) does not end a sentence: "Mr. Obama said".
ABBREV = frozenset(
    "mr mrs ms dr sen sens rep reps del gov gen lt col sgt capt maj adm st jr sr prof rev gop "
    "no vs u.s u.k u.n d.c jan feb aug sept sep oct nov dec inc corp co ltd".split()
)


class SentEnd:
    """Sentence ends by punctuation, skipping abbreviations and initials."""

    @staticmethod
    def _real(text: str, m: re.Match) -> bool:
        if text[m.start()] != ".":
            return True
        j = m.start()
        i = j
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
            i -= 1
        word = text[i:j].lower()
        if not word.replace(".", "").isalpha():  # "the 1970s.", "F-16s.": no initial
            return True
        return not (word in ABBREV or len(word) == 1 or (len(word) == 3 and word[1] == "."))

    def search(self, text: str, start: int, end: int) -> re.Match | None:
        for m in SENT_END_RE.finditer(text, start, end):
            if self._real(text, m):
                return m
        return None

    def finditer(self, text: str, start: int, end: int):
        return (m for m in SENT_END_RE.finditer(text, start, end) if self._real(text, m))


SENT_END = SentEnd()
QUOTE_CHARS = "\"“”„‟«»'’"


@dataclass
class Cand:
    """An attribution found by one rule, before it becomes Quote records."""

    parts: list[tuple[int, int]]
    kind: str
    rule: str
    confidence: float
    cue: tuple[int, int] | None = None
    speaker: Span | None = None
    head: Token | None = None


class Tokens:
    """Character-offset lookups over a Doc's tokens."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []

    def between(self, start: int, end: int) -> list[Token]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [self.doc[k] for k in range(i, j)]


# Lemmas the tagger gets wrong for words of saying ("hoping" -> "hop").
_LEMMA_FIX = {"hop": "hope", "hoped": "hope"}


def lemma_of(t: Token) -> str:
    lemma = t.lemma_.lower()
    if lemma in _LEMMA_FIX and t.lower_.startswith(("hope", "hoping")):
        return _LEMMA_FIX[lemma]
    return lemma


def is_cue_verb(t: Token, near_quote: bool) -> bool:
    if t.pos_ not in ("VERB", "AUX") and not (t.lower_ in ("said", "says") and near_quote):
        return False
    lemma = lemma_of(t)
    if lemma in QUOTE_ONLY_VERBS:
        return near_quote
    return lemma in SPEECH_VERBS


def _agent_like(t: Token) -> bool:
    """Someone who can act: a named person, group or country, or a personal pronoun
    ("urged him to"), not "used his speech to", "spent the day mocking"."""
    if any(c.dep_ == "poss" for c in t.children):
        return False
    return t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.lower_ in (
        "him", "her", "them", "us", "me")


def _named_agent(t: Token) -> bool:
    """An agent, or a role noun with a name in apposition ("led the reporter Ruth Lane to
    ask"): "permit members to vote" still stays with the verb."""
    return _agent_like(t) or any(c.dep_ == "appos" and _agent_like(c) for c in t.children)


def _actor_group(t: Token) -> bool:
    """Before a participle ("left many nations feeling", "kept voters guessing"): people, or
    a plural noun a named actor qualifies ("E.U. nations"); not "spent the day mocking"."""
    return _doer_like(t) or t.tag_ == "NNS" and any(
        c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "ORG", "NORP")
        for c in t.children)


def _doer_like(t: Token) -> bool:
    """Someone who can act, or a group or role noun ("relied on users to report", "for
    voters to judge"); a plain object ("permit members to vote") stays with the verb."""
    return _agent_like(t) or not any(c.dep_ == "poss" for c in t.children) and names_people(t)


def _finite(verb: Token) -> bool:
    """A verb that carries its own tense: a finite form, or a bare one after "did"/"does"."""
    return verb.tag_ in ("VBD", "VBZ") or verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lemma_ == "do" for c in verb.children)


def _plural_after_singular(verb: Token, other: Token) -> bool:
    """"Strategists fear that Lane has missed a chance and warn that ...": a plural present
    verb cannot share the subject of a verb with a singular auxiliary ("has", "is")."""
    plural = verb.tag_ == "VBP" or verb.tag_ == "VB" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)
    return plural and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBZ" for c in other.children)


def _inverted_aside_name(verb: Token) -> Token | None:
    """"The contrast, said Ruth Lane, would be clear": a verb of saying between commas,
    right before a name between commas that the parser made the subject of what follows;
    that name speaks."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i + 1]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    last = name.right_edge  # the closing comma, or the word before it
    closed = last.text == "," or last.i + 1 < len(doc) and doc[last.i + 1].text == ","
    if not (closed and name.dep_ == "nsubj" and name.head.dep_ == "ccomp"
            and name.head.head.i == verb.i and name.pos_ == "PROPN"):
        return None
    return name


def subject(verb: Token) -> Token | None:
    """The verb's subject, borrowed from a governing verb for "..., adding", conjuncts,
    "criticized for saying" and "had no evidence to suggest" (up to three steps up)."""
    inverted = _inverted_aside_name(verb)
    if inverted is not None:
        return inverted
    agent = _agent_of(verb)
    if agent is not None:
        return agent  # "as reported by the Ledger": the Ledger reported it
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i == verb.sent.start and (
            found := _participle_subject(verb)) is not None:
        return found  # "Stressing the risk, Lane said, “We ...”": not "we"
    tok = _reporting_participle(verb) or verb
    for _ in range(4):
        subs = [c for c in _with_aux_subjects(tok)
                if c.dep_ in SUBJ and (tok.i == verb.i or c.i < verb.i)]
        if subs:
            sub = nearest_on_line(subs, verb)
            if tok.i != verb.i and _misplaced(sub, verb) or verb.tag_ == "VBG" and (
                    _across_quote(sub, verb)):
                # "“Savage,” she said, meaning ...": a quoted word is not who goes on
                return _participle_subject(verb)
            if tok.i != verb.i and sub.lower_ == "it" and tok.lemma_ == "be":
                sub = _cleft_subject(tok, verb) or sub  # "It was there that Lane spoke, adding"
            return _producer(sub, tok) or sub
        if tok.i == verb.i and (doer := _reduced_relative_subject(verb)) is not None:
            return doer  # "the $20 million experts say it costs"
        if tok.i == verb.i and (doer := _for_to_subject(verb)) is not None:
            return doer  # "an opening for Lane to highlight her record"
        if tok.i == verb.i and (doer := _subordinate_subject(verb)) is not None:
            return doer  # "since Lane, at the debate, cited ..."
        if (doer := _listed_subject(tok)) is not None:
            return doer  # "when Lane spoke about X, cited Y and ..."
        if _infinitive_of_object(tok):
            tok = tok.head.head  # "investigators have no evidence to suggest that"
            continue
        if tok.i == verb.i and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[
                verb.i - 1].ent_type_ in ("PERSON", "ORG"):
            # "footage of Ruth Lane asking, “...”": the name the participle follows, however
            # the parser hung it
            return verb.doc[verb.i - 1]
        if tok.i == verb.i and (doer := _absolute_subject(verb)) is not None:
            return doer  # "the talk ended with Lane asking", "with polls showing"
        if tok.i != verb.i and verb.tag_ == "VBG" and any(
                c.dep_ == "expl" for c in tok.children):
            # "There were emails that night showing ...": what there was shows it
            return next((c for c in tok.children if c.dep_ == "attr" and c.i < verb.i), None)
        if tok.i != verb.i and _quoted_subject(tok, verb):
            # "Lane said, adding, ''He cares''": the participle hangs on the quotation's verb,
            # whose subject is the quoted speaker's word
            return _participle_subject(verb) if verb.tag_ == "VBG" else None
        if tok.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep") or tok.head.i == tok.i:
            # "Lane, who is running again, tweeted to say": the parser hung the verb on the
            # name as a modifier; the name before it speaks
            return aside_subject(tok) if tok.i != verb.i else None
        if tok.dep_ == "xcomp":
            # "pushed doctors to ask", "led Lane to say": the object of the verb the
            # infinitive completes is who does it
            # "relied on users to report": the object of its preposition
            objs = [c for c in tok.head.children
                    if c.dep_ == "dobj" and tok.head.i < c.i < tok.i and (
                        _named_agent(c) or tok.tag_ == "VBG" and _actor_group(c))] + [
                g for c in tok.head.children if c.dep_ == "prep" and tok.head.i < c.i < tok.i
                for g in c.children if g.dep_ == "pobj" and g.right_edge.i + 2 == tok.i
                and _doer_like(g)]
            if objs:
                return objs[-1]
        nxt = tok.head
        if tok.dep_ == "conj" and nxt.dep_ == "ccomp" and (_finite(tok) and (
                nxt.tag_ in ("VB", "VBG", "VBN")) or _plural_after_singular(tok, nxt)
                or _saying_after_report(tok, nxt)):
            # "Lane forecast that it would rebound and praised ...", "announced that he was
            # running and vowed ...", "said she would stay, but did not suggest ...": a
            # finite verb cannot join a bare one or a participle, so it joins the clause of
            # saying
            nxt = nxt.head
        tok = nxt
    return None


def _agent_of(verb: Token) -> Token | None:
    """Who does what a passive participle tells: the object of its "by" agent."""
    if verb.tag_ != "VBN":
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


# Things that speak for themselves after "with" ("with polls showing her ahead").
_EVIDENCE = frozenset("poll survey".split())


def _absolute_subject(verb: Token) -> Token | None:
    """"The talk ended with Lane asking whether ...", "with about three in ten saying":
    a participle right after the object of "with" (or "without") tells what that object
    does, however the parser hung it, when the object is people, a number of them or a
    poll (not "responded with a note saying", whose note is the responder's)."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "without"):
        # "with three in 10 saying": the parser hung the object on the participle
        noun = next((c for c in verb.children if c.i < verb.i and c.dep_ not in (
            "aux", "neg", "advmod", "punct")), verb.head)
        return noun if noun.i != verb.head.i and (
            names_people(noun) or noun.like_num or noun.tag_ == "CD") else None
    for _ in range(3):
        if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "without"):
            break
        if noun.head.i == noun.i or noun.head.i > verb.i:
            return None
        noun = noun.head
    else:
        return None
    if names_people(noun) or noun.like_num or noun.tag_ == "CD" or (
            noun.lemma_.lower() in _EVIDENCE):
        return noun
    return None


def _quoted_subject(clause: Token, verb: Token) -> bool:
    """The clause has a subject after the verb, inside a quotation the verb is outside of."""
    return any(c.dep_ in SUBJ and c.i > verb.i and _across_quote(c, verb)
               for c in clause.children)


def _saying_after_report(verb: Token, clause: Token) -> bool:
    """"Lane said it was too early but added, “...”": a verb of saying joined to what
    another verb of saying reports, whose subject names no one, goes on with the one
    saying; "Lane said Ortiz lied and claimed ..." keeps Ortiz."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and not names_people(subj) and is_cue_verb(verb, True) and (
        is_cue_verb(clause.head, False))


def _with_aux_subjects(verb: Token) -> list[Token]:
    """The verb's children, and for a verb with no subject those of its auxiliaries: in
    "Lane wasn't so much saying" the parser hangs the subject on "was" (not a dateline's
    place before a verb with its own subject: "WASHINGTON ― ... Lane is spending")."""
    kids = list(verb.children)
    if any(c.dep_ in SUBJ for c in kids):
        return kids
    return kids + [g for c in kids if c.dep_ == "aux" and c.i < verb.i for g in c.children]


def _across_quote(a: Token, b: Token) -> bool:
    """One of the two words is inside a quotation the other is outside of: an odd number
    of quotation marks lies between them."""
    lo, hi = sorted((a.i, b.i))
    return sum(t.tag_ in ("``", "''") or t.text in ('"', "“", "”") for t in a.doc[lo:hi]) % 2 == 1


def _reported(t: Token, before: int) -> bool:
    """The word's clause is what a verb before ``before`` reports, or a relative or
    subordinate clause in it ("said the plan would fail", "hedged on whether he would")."""
    return any(a.dep_ in _REPORTED and a.head.i < before for a in [t.head, *t.head.ancestors])


def _misplaced(sub: Token, verb: Token) -> bool:
    """A participle set off by a comma (or opening its sentence) that the parser hung on a
    clause inside quoted words or inside what is reported: the subject it borrows from
    there ("Lane said, adding, ''He cares''", "she hedged on whether she would run,
    telling CNN") is not who does it."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp"):
        return False
    if verb.i < verb.head.i and not _across_quote(sub, verb):
        return False  # "said the mayor, citing the costs, had dropped it": an aside
    j = verb.i - 1
    while j > 0 and verb.doc[j].pos_ in ("ADV", "CCONJ"):
        j -= 1
    opening = verb.i == verb.sent.start or j < verb.sent.start
    if not opening and verb.doc[j].text not in (",", "—", "–", "--"):
        return False
    return _across_quote(sub, verb) or sub.i < verb.i and _reported(sub, verb.i) and not (
        _sayer_pronoun(sub) or _gerund_clause(sub.head))


def _gerund_clause(verb: Token) -> bool:
    """"I remember Carter going on TV, declaring ... and telling ...": participles strung on
    a participle clause with no auxiliary all go with its subject."""
    return verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _sayer_pronoun(sub: Token) -> bool:
    """"The mayor said she did not think so, saying ...": a personal pronoun opening what a
    verb of saying reports most likely is the one saying it, so the participle may go on
    with it (and the run-on report stays apart from the first one's words)."""
    return sub.lower_ in ("he", "she", "they", "we", "i") and sub.head.dep_ == "ccomp" and (
        is_cue_verb(sub.head.head, False))


def _participle_subject(verb: Token) -> Token | None:
    """Who does what a misplaced participle tells: the subject of the clause before it
    (``adjunct_subject``), or for one opening its sentence, the first subject after it
    outside quotation marks ("Stressing the risk, Lane said, “We ...”")."""
    found = adjunct_subject(verb)
    if found is not None or verb.i != verb.sent.start:
        return found
    for t in verb.doc[verb.right_edge.i + 1 : verb.sent.end]:
        if t.tag_ in ("``", "''") or t.text in ('"', "“", "”"):
            return None
        if t.dep_ == "nsubj":
            return t if names_people(t) else None
    return None


def _reporting_participle(verb: Token) -> Token | None:
    """"She spoke, telling CNN that Lane is a faker and questioning how ...": a participle
    after "and"/"but" that the parser joined to a finite verb with its own subject, inside
    what a verb of saying reports, cannot share that subject; it goes on with the verb of
    saying, whose subject it takes."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("conj", "advcl") or verb.i == 0:
        return None
    clause = verb.head
    j = verb.i - 1
    while j > clause.i and verb.doc[j].pos_ == "ADV":
        j -= 1
    if verb.doc[j].pos_ != "CCONJ" or clause.dep_ != "ccomp" or clause.i > verb.i or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    # "Okafor was attacking the plan and claiming ...": a participle joins a participle
    finite = clause.tag_ in ("VBD", "VBZ", "VBP") or clause.tag_ != "VBG" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for c in clause.children)
    saying = clause.head
    return saying if finite and saying.pos_ == "VERB" and is_cue_verb(saying, False) else None


# Verbs of making or putting out a text: who releases "a video that accuses" speaks.
_PRODUCE_VERBS = frozenset(
    "release issue publish post tweet retweet air run send write sign launch unveil "
    "introduce file draft distribute circulate broadcast pen author submit buy purchase "
    "produce create".split())
# Verbs whose object an infinitive can complete for the subject: "had no evidence to
# suggest", "took the chance to say", not "rejected a plan to announce".
_HAVE_VERBS = frozenset("have get take seize use find lack miss need".split())


def _producer(sub: Token, verb: Token) -> Token | None:
    """For "that"/"which" opening a clause on a text its subject produces ("Lane released
    a video that accuses", "bought time for ads that attack"), that subject: the text
    speaks for who put it out.  Not for a text someone else wrote ("cited a poll that
    shows")."""
    if sub.lower_ not in ("that", "which") or verb.dep_ != "relcl" or names_people(verb.head):
        return None
    gov = verb.head
    if gov.dep_ == "pobj" and gov.head.dep_ == "prep":
        gov = gov.head.head  # "time for ads", "bought ... for ads"
    if gov.dep_ == "dobj":
        gov = gov.head
    if gov.pos_ != "VERB" or lemma_of(gov) not in _PRODUCE_VERBS:
        return None
    maker = subject(gov)
    return maker if maker is not None and names_people(maker) else None


def _cleft_subject(be: Token, verb: Token) -> Token | None:
    """"It was at the rally that Lane spoke, adding": the subject of the clause a cleft "it
    was ... that" introduces does what the participle after it tells, not "it"."""
    for t in be.doc[be.i + 1 : verb.i]:
        if t.pos_ in ("VERB", "AUX") and any(
                g.lower_ == "that" and g.i < t.i for g in t.children):
            subj = next((g for g in t.children if g.dep_ == "nsubj"), None)
            return subj if subj is not None and names_people(subj) else None
    return None


def _reduced_relative_subject(verb: Token) -> Token | None:
    """"The sum experts say it costs", "the plan officials said would fail": a finite verb
    the parser left with no subject right after people it hung elsewhere; they speak."""
    if verb.tag_ not in ("VBP", "VBD", "VBZ") or verb.i == 0 or any(
            c.dep_ in SUBJ for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.head.i == verb.i or not names_people(prev) or (
            prev.ent_type_ in ("DATE", "TIME")):  # "going to the polls Tuesday say"
        return None
    return prev


def _for_to_subject(verb: Token) -> Token | None:
    """"For Lane to say": who "for" introduces right before an infinitive does it."""
    doc = verb.doc
    to = doc[verb.i - 1] if verb.i > 0 else None
    if to is None or to.lower_ != "to" or to.head.i != verb.i or verb.tag_ != "VB":
        return None
    doer = doc[to.i - 1] if to.i > 0 else None
    while doer is not None and doer.dep_ in ("compound", "flat") and doer.head.i > doer.i:
        doer = doer.head
    if doer is None or doer.dep_ != "pobj" or doer.head.lower_ != "for" or (
            not _doer_like(doer)):
        return None
    return doer


# Words opening a clause that the parser reads as a preposition with the clause's subject as
# its object: "since Lane, at the debate, cited ...".
_SUBORDINATORS = frozenset("since after before until because once while".split())


def _subordinate_subject(verb: Token) -> Token | None:
    """"Trump has attacked her since Lane, at Monday's debate, cited his remarks": a finite
    verb the parser joined to the main clause with no "and" between, right after a name it
    made the object of a subordinator (past any aside), has that name as its subject."""
    if verb.dep_ not in ("conj", "dep") or not _finite(verb) or any(
            c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children):
        return None
    doc = verb.doc
    j = verb.i - 1
    if j > 0 and doc[j].text == ",":  # an aside between commas: the word before it
        j = next((k for k in range(j - 1, max(j - 12, 0), -1) if doc[k].text in ",;."), 0) - 1
    doer = doc[j] if j > 0 else None
    if doer is None or doer.dep_ != "pobj" or doer.head.lower_ not in _SUBORDINATORS or not (
            verb.head.i < doer.i and names_people(doer)):
        return None
    return doer


def _listed_subject(verb: Token) -> Token | None:
    """"The only time it came up was when Lane spoke about the port, cited the costs and
    ...": a finite verb with no subject or subordinator of its own, right after a comma
    closing a clause the parser hung on the same verb, is the next in a list of what that
    clause's subject did (the parser read the list as two adverbial clauses)."""
    if verb.dep_ != "advcl" or not _finite(verb) or any(
            c.dep_ in SUBJ or c.dep_ == "mark" or c.tag_ in ("WRB", "WDT") for c in verb.children):
        return None
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    prev = next((c for c in verb.head.children if c.dep_ in ("advcl", "relcl")
                 and c.i < verb.i and c.right_edge.i >= verb.i - 2), None)
    if prev is None:
        return None
    subj = next((c for c in prev.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and names_people(subj) and subj.tag_ not in (
        "WP", "WDT") else None


def _infinitive_of_object(tok: Token) -> bool:
    """An infinitive completing the object of a verb of having ("have no evidence to
    suggest", "has a chance to show"): the verb's subject does the saying."""
    noun = tok.head
    return tok.dep_ == "acl" and tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and (
        noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX")
        and lemma_of(noun.head) in _HAVE_VERBS)


# A possessive pronoun and the subject pronoun of the same person.
_POSS_SUBJ = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}


def same_person(poss: Token, subj: Token) -> bool:
    """The possessive names the subject of its clause: "he stepped up his attacks", "some
    of those surveyed shared their concerns" (a pronoun of the same person, or a noun or
    quantifier that "their" can stand for), not "she rejected his plan"."""
    want = _POSS_SUBJ.get(poss.lower_)
    if want is None or subj.lower_ == want:
        return want is not None
    return want == "they" and (subj.lower_ in GROUP_QUANTIFIERS or subj.tag_ in (
        "NNS", "NNPS") and names_people(subj))


def adjunct_subject(verb: Token) -> Token | None:
    """"Clinton echoed the criticism, saying ...", "The chairman called for a vote, and
    then a show of hands, declaring that ...": a participle set off by a comma (or ", and")
    tells what the subject of the clause before it did, however the parser hung it; that
    subject is the closest one before it, on its line and in its sentence, of a verb that
    is not itself reported content."""
    doc = verb.doc
    j = verb.i - 1
    while j > 0 and doc[j].pos_ in ("ADV", "CCONJ"):
        j -= 1
    if j > 0 and doc[j].tag_ == "''" and doc[j - 1].text == ",":
        j -= 1  # "which Lane called ''a disgrace,'' blaming Hale"
    if j <= 0 or doc[j].text not in (",", "-", "—", "–", "--"):
        return None
    for k in range(j - 1, -1, -1):
        t = doc[k]
        if "\n" in t.text_with_ws:
            return None
        if t.dep_ == "nsubj" and t.head.i < verb.i and (
                not _reported(t, verb.i) or _closing_relative(t, j)) and (
                names_people(t) or t.head.i == verb.head.i and t.pos_ in ("PRON", "NOUN")):
            # "when Lane asked, it declined, citing ...": the subject of the participle's
            # own clause, a thing or not, before any earlier one
            return t
        if t.is_sent_start:
            return None
    return None


def _closing_relative(subj: Token, comma: int) -> bool:
    """"..., which Lane called a disgrace, blaming Hale", "where protesters had gathered,
    chanting": a relative clause with a subject of its own that ends at the participle's
    comma (or at the quotation mark after it) tells who goes on doing it."""
    clause = subj.head
    return clause.dep_ == "relcl" and clause.right_edge.i in (comma - 1, comma + 1) and (
        subj.doc[comma].text == ",") and (
        subj.tag_ not in ("WDT", "WP")) and subj.pos_ != "PRON"


def aside_subject(verb: Token) -> Token | None:
    """"Beruff, a Scott ally, called ...", "Sanders, meanwhile, who sits at zero, said
    that ...": a finite verb the parser left with no subject (it read the name as the
    root, or as the subject of the aside) speaks for the name before it, past any asides
    set off by commas or dashes and a "when"-less time phrase ("Beck on Wednesday")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not (
            verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.dep_ == "ROOT"):
        return None
    doc = verb.doc
    j = verb.i - 1
    adverb_aside = False  # ", meanwhile, who ...": the aside's opening comma closes another
    while j >= 0:
        t = doc[j]
        if "\n" in t.text_with_ws or t.text in (".", ";", ":", "?", "!") or t.is_quote:
            return None
        if t.dep_ == "pobj" and t.head.i < t.i and t.head.pos_ == "ADP":
            j = t.head.i - 1  # "on Wednesday", "in a statement"
        elif t.pos_ == "ADV" or t.ent_type_ in ("DATE", "TIME") and t.dep_ != "nsubj":
            j -= 1
        elif t.text == "," and adverb_aside:
            adverb_aside = False
            j -= 1
        elif t.text in (",", "-", "—", "–", "--", ")"):
            opener = "(" if t.text == ")" else t.text
            k = j - 1
            while k >= 0 and doc[k].text not in (opener, ",") and "\n" not in doc[
                    k].text_with_ws and doc[k].text not in (".", ";", ":"):
                k -= 1
            if k < 0 or doc[k].text not in (opener, ","):
                return None
            j = k - 1
            adverb_aside = doc[k].text == "," and j >= 0 and doc[j].pos_ == "ADV"
        else:
            break
    if j < 0:
        return None
    t = doc[j]
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    if t.dep_ == "appos" and t.head.i < t.i:
        t = t.head
    if t.pos_ not in ("PROPN", "NOUN", "PRON") or not names_people(t) or t.lower_ in (
            "who", "that", "which", "him", "her", "them", "us", "me"):
        return None
    return t


def nearest_on_line(subs: list[Token], verb: Token) -> Token:
    """Of several subjects the parser gave one verb (a heading run into the sentence below
    it: "'Our Story'\n\nHer aides said ..."), the one nearest the verb with no line break
    between them."""
    if len(subs) == 1:
        return subs[0]
    text = verb.doc._.text

    def gap_has_break(c: Token) -> bool:
        a, b = sorted((c.idx, verb.idx))
        return "\n" in text[a:b]

    same = [c for c in subs if not gap_has_break(c)]
    return min(same or subs, key=lambda c: abs(c.i - verb.i))


def np_span(head: Token, lo: int, hi: int) -> Span:
    """The head's subtree clipped to the character window ``[lo, hi)`` and to its line.

    A relative pronoun ("who said") stands for the noun it follows, so the span runs from
    that noun to the pronoun ("Donald Trump, who"), from the name an apposition describes
    ("Braynard, a native of Ohio who")."""
    doc = head.doc
    if head.lower_ in ("who", "that", "which") and head.head.dep_ == "relcl":
        noun = head.head.head
        if noun.dep_ == "appos" and noun.head.i < noun.i and lo <= noun.head.left_edge.idx:
            noun = noun.head  # "Braynard, a native of Ohio who writes": from the name
        if noun.i < head.i and lo <= noun.left_edge.idx:
            return doc[noun.left_edge.i : head.i + 1]
    ids = {t.i for t in head.subtree if lo <= t.idx and t.idx + len(t) <= hi}
    if head.dep_ == "ROOT":
        # "Lane, a Scott ally, called ...": a name the parser made the root holds the verb
        # it is the subject of, as a modifier; the speaker stops before that verb
        for c in head.rights:
            if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN"):
                ids -= {t.i for t in c.subtree}
    if head.i not in ids:
        return doc[head.i : head.i + 1]
    # keep the contiguous run around the head, never across a line break
    left = head.i
    while left - 1 in ids and "\n" not in doc[left - 1].text_with_ws:
        left -= 1
    right = head.i
    while right + 1 in ids and "\n" not in doc[right].text_with_ws:
        right += 1
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


def name_head(span: Span) -> Token:
    """The token that names the speaker: a person's name if there is one, else the root."""
    for t in span:
        if t.ent_type_ == "PERSON":
            while t.dep_ == "compound" and t.head.i > t.i and t.head.i < span.end:
                t = t.head
            return t
    return span.root


def after_window(text: str, start: int, limit: int) -> int:
    """End of the attribution tail after a closing mark: sentence end, line end or limit."""
    end = min(limit, start + 300)
    nl = text.find("\n", start, end)
    if nl != -1:
        end = nl
    m = SENT_END.search(text, start, end)
    if m:
        end = m.start() + 1
    return end


def sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos``: after the last sentence end before it."""
    s = floor
    for m in SENT_END.finditer(text, floor, pos):
        s = m.end()
    return s
