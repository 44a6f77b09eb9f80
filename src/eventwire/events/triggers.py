"""Find event triggers in a parsed sentence and decide what each one means.

A trigger is a verb, an event noun governed by a light verb ("held talks", "launched an
attack") or an evaluative adjective ("not happy") that matches a lexicon entry.  A trigger
inside the complement of a speech-act trigger ("warned it would not tolerate attacks",
"urged Israel to withdraw") is absorbed by it and only colours its mode, so one statement
gives one event.  Intention markers turn future cooperation into AGREE and future retreat
into CONCEDE, as the PLOVER manual prescribes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.events.lexicon import NO_EVENT, Entry, Lexicon, forms
from eventwire.events.senses import actor_like, gapped_passive
from eventwire.events.sentence import lemmas

# Verbal types whose complement clause says what is agreed, asked, refused or threatened.
FRAMING = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                     "THREATEN"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
FORCEFUL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
# Dependency links a complement follows up to the trigger that frames it.
_CHAIN = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "conj", "advcl", "dobj"})
_ARG_DEPS = frozenset({"dobj", "prt", "attr", "acomp", "oprd", "prep", "agent", "dative",
                       "compound", "amod", "xcomp", "ccomp", "advmod", "nsubjpass", "npadvmod"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no"})
_PERFECT_AUX = frozenset({"has", "have", "had", "'ve"})


@dataclass
class Trigger:
    """A matched trigger with everything decided about it so far."""

    token: Token
    entry: Entry
    type: str
    mode: str | None
    rule: str
    negated: bool = False
    hypothetical: bool = False
    aggregate: bool = False
    future: bool = False
    framing: Trigger | None = None  # the trigger that absorbed this one
    absorbed: list[Trigger] = field(default_factory=list)
    light: Token | None = None  # the light verb of a noun trigger
    speech: Token | None = None  # who utters a modal demand ("X said Y must ...")
    notes: list[str] = field(default_factory=list)


TO_INFINITIVE = "to-infinitive"  # the "+word" a complement "to" + verb meets


def dep_lemmas(tok: Token) -> set[str]:
    """Lemmas a lexicon "+word" condition may name: objects, particles, prepositions..."""
    out: set[str] = set()
    if _object_relative(tok):  # "the sanctions it imposed": the noun is the object
        out.add(tok.head.lemma_.lower())
    for c in tok.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
            out.add("for")  # "called for the mayor to resign": the parser's "for" clause
        if c.dep_ not in _ARG_DEPS or _time_phrase(c):
            continue
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        if c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "aux" and g.tag_ == "TO"
                                                for g in c.children) and not any(
                g.dep_ == "neg" for g in c.children):
            # "warned them to leave" asks; not "warned it would respond to", nor "warned
            # Japan not to interfere", a forbidding warning (CAMEO 130)
            out.add(TO_INFINITIVE)
        for g in c.children:
            if g.dep_ in ("compound", "amod") and g.i == c.i - 1:
                out.add(f"{g.lower_}-{c.lemma_.lower()}")  # "rubber bullets": rubber-bullet
            if g.dep_ == "conj" and c.dep_ == "dobj":
                out.add(g.lemma_.lower())  # "provided images and intelligence"
            if g.dep_ in ("pobj", "compound", "amod", "prep", "prt", "dobj", "nmod", "aux", "mark"):
                out.add(g.lemma_.lower())
                out.add(g.lower_)
                if g.dep_ == "prep":
                    out.update(x.lemma_.lower() for x in g.children if x.dep_ == "pobj")
                elif g.dep_ == "pobj" and g.lemma_.lower() in _MEASURES:
                    out.update(_measured(g))  # "responded with rounds of tear gas"
                elif g.dep_ == "amod":  # "bring those responsible to justice": the parser
                    for p in g.children:  # hangs the phrase on the adjective
                        if p.dep_ == "prep":
                            out.add(p.lower_)
                            out.update(x.lemma_.lower() for x in p.children if x.dep_ == "pobj")
    return out


# Nouns that count or package what follows "of": "rounds of tear gas", "a volley of shots".
_MEASURES = frozenset({"round", "volley", "barrage", "salvo", "burst", "canister", "cloud",
                       "hail", "shower", "spray", "jet", "blast"})


def _measured(noun: Token) -> set[str]:
    """What a measure counts, with its modifiers: "rounds of tear gas (canisters)"."""
    objs = [x for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for x in p.children if x.dep_ == "pobj"]
    return {w.lemma_.lower() for x in objs for w in (x, *x.children)
            if w is x or w.dep_ in ("compound", "nmod")}


def _object_relative(verb: Token) -> bool:
    """A relative clause whose noun is the verb's object: "the curfew it imposed", "talks
    that Iran abandoned" (not "the man who attacked", "the talks that stalled")."""
    if verb.dep_ != "relcl" or any(c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP")
                                   for c in verb.children):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
               for c in verb.children)


def _nobody(subj: Token) -> bool:
    if subj.lower_ in ("nobody", "none", "noone"):
        return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in subj.children)


def _time_phrase(prep: Token) -> bool:
    """ "on Wednesday", "for two weeks": a time, which no "+on" or "+for" condition means
    ("called an emergency session on Wednesday" calls on no one)."""
    return prep.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def is_negated(tok: Token) -> bool:
    """Negation on the trigger, on the copula of an adjective, or "no" on a noun trigger."""
    heads = [tok]
    if tok.pos_ in ("ADJ", "VERB") and tok.dep_ in ("acomp", "attr", "xcomp") or (
            tok.dep_ == "attr"):  # "he is not a suspect"
        heads.append(tok.head)
    for h in heads:
        for c in h.children:
            if c.dep_ == "neg" or (c.lower_ in _NEG_WORDS and c.dep_ in ("advmod", "det")):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and _nobody(c):
                return True  # "no one was hurt", "nobody was arrested"
    return tok.dep_ == "xcomp" and tok.head.lemma_ == "fail"


def feeling_participle(tok: Token) -> bool:
    """A past participle that states how someone feels, tagged as a verb: "we are
    disappointed by", "he was encouraged by the plan" (a passive form, not a passive act)."""
    return tok.tag_ == "VBN" and (tok.dep_ == "acomp" or any(
        c.dep_ == "auxpass" for c in tok.children))


def subject_token(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    if tok.pos_ in ("ADJ", "VERB") and tok.dep_ in ("acomp", "attr"):
        return subject_token(tok.head)
    return None


_FIRST_PERSON = frozenset({"i", "we"})


def stated_by_subject(tok: Token, lex: Lexicon) -> bool:
    """The word is its subject's own statement, not the writer's account of a mood: "we are
    pleased with", "China said it was opposed to"; not "residents are outraged that"."""
    subj = subject_token(tok) or next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and subj.lower_ in _FIRST_PERSON:
        return True
    clause = tok.head if tok.dep_ in ("acomp", "attr") else tok
    if clause.dep_ == "ccomp" and lex.token_in_class("speech", clause.head):
        return True
    # a censure in the speaker's quoted words ("“It is unacceptable that ...”"), not a
    # feeling the speaker ascribes to others ("China is equally concerned")
    return subj is not None and subj.lower_ in _CENSURED and in_attributed_quote(tok)


_CENSURED = frozenset({"it", "this", "that"})


def in_attributed_quote(tok: Token) -> bool:
    """Inside a direct quotation someone is said to have spoken, which may run over several
    sentences ("“It is unacceptable that ... The police stood by,” said Ana Ruiz")."""
    return any(q.kind in ("direct", "partial") and q.speaker and
               q.content_start <= tok.idx < q.content_end for q in tok.doc._.quotes or [])


def has_object(tok: Token) -> bool:
    return any(c.dep_ in ("dobj", "attr") for c in tok.children)


def _subject_heads(subj: Token) -> list[Token]:
    """The subject and the nouns it stands for: "she and other demonstrators", "hundreds
    of protesters", "a group of marchers"."""
    heads = [subj, *subj.conjuncts]
    return heads + [p for h in heads for c in h.children if c.dep_ == "prep" and
                    c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _compounds(noun: Token) -> list[Token]:
    """The nouns that classify a head: "peacekeeping" in "peacekeeping troops"."""
    return [c for c in noun.children if c.dep_ == "compound"]


def _controller(tok: Token) -> Token | None:
    """Who does what an infinitive names after an aspect verb: "protesters continued to
    call for" (not "urged the crowd to call for", whose doer is the object)."""
    head = tok.head
    if tok.dep_ != "xcomp" or head.pos_ != "VERB" or any(c.dep_ == "dobj"
                                                         for c in head.children):
        return None
    return subject_token(head)


def _match(tok: Token, entries: list[Entry], lex: Lexicon, negated: bool) -> Entry | None:
    lemmas: set[str] | None = None
    for e in entries:
        if e.neg and not negated:
            continue
        if e.no_obj and has_object(tok):
            continue
        if e.said and not stated_by_subject(tok, lex):
            continue
        if e.deps:
            lemmas = dep_lemmas(tok) if lemmas is None else lemmas
            if not lex.governs(e.deps, lemmas):
                continue
        if e.subj_class:
            subj = subject_token(tok) or _controller(tok)
            if subj is not None and subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                subj = tok.head  # "the crowd, which was calling for": the crowd
            if subj is None or not any(lex.in_class(e.subj_class, w.lemma_.lower())
                                       for h in _subject_heads(subj)
                                       for w in (h, *_compounds(h))):
                continue
        return e
    return None


# Event nouns that name a physical happening: when one does something, it took place.
_HAPPENINGS = frozenset({"PROTEST", "ASSAULT"})


_FINITE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "parataxis"})


def _past_act(verb: Token) -> bool:
    """A verb in the simple past or past perfect, active and asserted: its subject did
    something, so an event noun there names something that happened."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or is_negated(verb):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN" and not auxes <= {"had", "has", "have"}:
        return False
    # a participle with no auxiliary heads a clause only when the tagger misread a simple
    # past ("a strike paralysed Greece"), not in "the strike, called by unions, ..."
    return bool(auxes) or verb.tag_ == "VBD" or verb.dep_ in _FINITE_DEPS


def _noun_licensed(tok: Token, lex: Lexicon) -> Token | None:
    """The light or occurrence verb that makes an event noun report an event, if any."""
    head = tok.head
    if lex.token_in_class("attributed", tok):
        return head if tok.dep_ == "attr" and head.lemma_ == "be" else None
    if _framed(tok, lex):
        return _noun_licensed(head, lex)  # "launched a mediation effort": its own act
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _SPANS:
        return _noun_licensed(head.head, lex)  # "began three days of talks"
    if tok.dep_ in ("dobj", "attr", "nsubjpass") and lex.token_in_class("light", head):
        return head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "on", "to", "into",
                                                                     "under"):
        verb = head.head
        if verb.pos_ in ("VERB", "AUX") and lex.token_in_class("light", verb):
            return verb
    if tok.dep_ == "nsubj" and _occurrence(head, lex):
        return head
    if tok.dep_ in ("nsubj", "nsubjpass") and (shared := _shared_light(head, lex)) is not None:
        return shared
    if tok.dep_ == "attr" and head.lemma_ == "be" and any(
            c.dep_ == "expl" for c in head.children) and not any(
            c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in head.children):
        return head  # "there was one arrest"; "there have been talks" sums up, no occasion
    if tok.dep_ == "pobj" and head.lower_ == "since":
        return None  # "since the attacks, which occurred last year": background
    for c in tok.children:  # "explosions that went off", "the riots, which broke out"
        if c.dep_ == "relcl" and _occurrence(c, lex) and any(
                s.dep_ == "nsubj" and s.tag_ in ("WDT", "WP") for s in c.children):
            return c
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        return _noun_licensed(tok.head, lex)
    return None


# Verbs of travel: what one travels "for" is the meeting held on arrival.
_TRAVEL = frozenset({"arrive", "fly", "travel", "return", "come", "go", "head", "journey",
                     "sail", "leave", "land"})


def _travelled_for(noun: Token) -> Token | None:
    """ "arrived in Moscow on Monday for talks", "flew to Cairo for consultations": the
    travel verb tells the meeting took place (not "called for talks", "waited for talks")."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or verb.pos_ != "VERB" or \
            verb.lemma_.lower() not in _TRAVEL:
        return None
    return verb


FRAMED = "noun_in_frame"
# Nouns that measure out or package the act named after "of": "three days of talks", "a
# wave of air strikes", "two rounds of negotiations".
_SPANS = frozenset({"day", "week", "hour", "month", "round", "series", "wave", "spate",
                    "string", "flurry", "volley", "barrage", "salvo", "burst"})


def _framed(noun: Token, lex: Lexicon) -> bool:
    """An event noun that modifies a noun that only frames an act ("a bombing campaign")."""
    return noun.dep_ == "compound" and lex.token_in_class("frame", noun.head)


def _shared_light(verb: Token, lex: Lexicon) -> Token | None:
    """A light verb coordinated with the noun's own verb and sharing its subject: "the
    inquiry had been shelved but was reopened" (the inquiry is reopened)."""
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and lex.token_in_class("light", c) and not any(
                     s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)


def _occurrence(verb: Token, lex: Lexicon) -> bool:
    """A verb that says an event took place ("erupted", "broke out"); a class member with a
    particle as its mode needs that particle ("went off", not "went")."""
    members = lex.classes.get("occur", {})
    for form in forms(verb):
        if form in members:
            prt = members[form]
            return prt is None or any(c.dep_ == "prt" and c.lower_ == prt
                                      for c in verb.children)
    return False


def _published_with(verb: Token, lex: Lexicon) -> Token | None:
    """The verb that issued the document a participle describes: "issued a statement
    condemning the raid", "filed papers opposing the request", "sent a letter urging
    restraint".  The document's words are its issuer's act, told as done by that verb (not
    "a report describing the raid", a document no one is said to have issued here)."""
    doc = verb.head
    if verb.tag_ != "VBG" or not lex.token_in_class("document", doc) or \
            doc.dep_ not in ("dobj", "nsubjpass"):
        return None
    return doc.head if lex.token_in_class("publish", doc.head) else None


# Acts a participle names as done on one occasion: "a businessman arrested in Tehran in
# October" reports the arrest; "a group backed by Iran" describes the group.
_DATED_ACTS = frozenset({"COERCE", "ASSAULT", "SANCTION"})


def _dated_act(verb: Token, entries: list[Entry]) -> bool:
    """A reduced relative of a material act with a time of its own."""
    return any(e.type in _DATED_ACTS for e in entries) and any(
        c.ent_type_ in ("DATE", "TIME") or c.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
        for c in verb.children)


MEDIATED = "mediated_by"


def _mediated_by(verb: Token, entries: list[Entry]) -> bool:
    """ "a truce between A and B, brokered by Egypt": the go-between's mediation is an act
    of its own (CONSULT third-party by the agent), not a description of the truce."""
    return any(e.type == "CONSULT" and e.mode == "third-party" for e in entries) and any(
        c.dep_ == "agent" for c in verb.children)


def _verbless_predicate(verb: Token) -> bool:
    """A participle the parser hung on the sentence's root noun, in a sentence with no other
    verb to be its predicate: "Stein removed from debate site by police" (a headline), "The
    Authority - which ... - called for a meeting"."""
    return verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")


def _repelled_raid(noun: Token, entry: Entry, lex: Lexicon) -> bool:
    """ "thwarted a raid by pirates": what was repelled was an attack (the raiders' ASSAULT),
    not a search by the authorities (not "a police raid was foiled by a leak")."""
    if entry.type != "COERCE" or not lex.token_in_class("thwart", noun.head):
        return False
    doer = named_doer(noun)
    return not any(lex.token_in_class("lawforce", t) for t in (
        doer, *(c for c in noun.children if c.dep_ == "compound")) if t is not None)


def _part_of(noun: Token) -> Token | None:
    """ "were arrested as part of a protest at the hotel": the act done as part of one
    protest tells that it took place (not "as part of protests", many of them)."""
    of, part = noun.head, noun.head.head
    if noun.dep_ != "pobj" or noun.tag_ != "NN" or of.lower_ != "of" or \
            part.lemma_.lower() != "part" or part.head.lower_ != "as":
        return None
    verb = part.head.head
    for _ in range(4):  # "arrested after refusing to leave the lobby as part of a protest"
        if _told_done(verb):
            return verb
        if verb.dep_ not in ("xcomp", "pcomp", "prep") or verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def _told_done(verb: Token) -> bool:
    """A past verb, active or passive, asserted and not under a modal: "were arrested"."""
    return _past_act(verb) or verb.tag_ == "VBN" and not is_negated(verb) and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children) and not any(
        c.dep_ == "aux" for c in verb.children)


def _month_name(tok: Token) -> bool:
    """ "paid its members in March": a proper noun inside a date names a time, not a march."""
    return tok.tag_ == "NNP" and tok.ent_type_ == "DATE"


def _in_protest(noun: Token) -> Token | None:
    """The act an "in protest" phrase qualifies, which was a protest: "resigned in protest
    at the ruling", "handcuffed herself to a chair in protest" (the parser hangs the phrase
    on the last noun)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or any(
            c.dep_ in ("det", "poss") for c in noun.children):
        return None
    t = prep.head
    for _ in range(3):
        if t.pos_ == "VERB":
            return t
        if t.dep_ not in ("pobj", "prep", "dobj") or t.head.i == t.i:
            return None
        t = t.head
    return None


# Event nouns that report a verbal act, an inquiry or a meeting when they name who did it.
_DONE_BY_NAMED = frozenset({"CONSULT", "SUPPORT", "REQUEST", "AGREE", "ACCUSE"})
NAMED_DOER = "noun_with_named_doer"
# Modifiers of an act that has not happened: "an upcoming visit from the Pope".
_UNREALISED = frozenset({"upcoming", "planned", "proposed", "expected", "possible",
                         "potential", "future", "next", "forthcoming", "prospective",
                         "likely", "rumoured", "rumored", "hypothetical"})
_AT_THE_BEHEST = frozenset({"at", "on", "upon"})
# Modifiers that place an act in the past: "his recent trip", "Obama's landmark visit"
# ("previous", "earlier", "past" set an occasion apart from the story's own, which
# ``factuality`` reads as background).
_BEFORE = frozenset({"last", "recent", "landmark", "historic"})


def named_doer(noun: Token) -> Token | None:
    """Who did what an event noun names, when the phrase says it: "a visit from Clinton",
    "an endorsement by Le Pen", "at the request of the Angolan government", "Obama's 2012
    visit" (a possessor, with a time or a word that puts the act in the past).  Such a noun
    reports an act that happened, with no light verb; not when the act is to come ("an
    upcoming visit") or many acts are summed ("requests from members")."""
    if noun.tag_ != "NN" or any(c.dep_ == "amod" and c.lower_ in _UNREALISED
                                for c in noun.children):
        return None
    behest = noun.dep_ == "pobj" and noun.head.lower_ in _AT_THE_BEHEST
    told_as_past = any(c.dep_ == "amod" and c.lower_ in _BEFORE or _past_date(c)
                       or c.dep_ == "prep" and c.lower_ in ("in", "on") and any(
                           _past_date(g) for g in c.children if g.dep_ == "pobj")
                       for c in noun.children)
    for c in noun.children:
        if c.dep_ == "poss" and told_as_past and c.lower_ not in _NOT_DOERS and (
                c.pos_ == "PRON" or actor_like(c)):
            return c  # "Obama's 2012 visit to Rangoon", "during her recent visit"
        if c.dep_ != "prep" or not (c.lower_ in ("by", "from") or c.lower_ == "of" and behest):
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.lower_ not in _NOT_DOERS and actor_like(p):
                return p
    return None


_NOT_DOERS = frozenset({"it", "them", "this", "that", "which", "what"})
_TO_COME = frozenset({"next", "coming", "tomorrow", "upcoming", "later"})


def _past_date(tok: Token) -> bool:
    """ "Obama's 2012 visit", "my first meeting with him in 2011": a date, not one to come
    ("my meeting with him next week"), puts the act in the past."""
    return tok.ent_type_ == "DATE" and not any(w.lower_ in _TO_COME for w in tok.subtree)


# Event nouns of acts done once, at a time and place: told as what something came after,
# during or from, the act took place ("after the arrest of", "during the general strike",
# "led to the resignation of", "in response to the expulsion of").
# Meetings and calls are left out: "after her meeting with Obama" recaps a meeting told
# before, and "after a phone call" or "after consultation" names no one met.
_PRESUPPOSABLE = frozenset({"ASSAULT", "PROTEST", "COERCE", "RETREAT", "MOBILIZE", "SANCTION"})
_SEQUENCE = frozenset({"after", "following", "during", "amid", "amidst"})
_RESPONSES = frozenset({"response", "reaction", "retaliation", "answer"})
PRESUPPOSED = "noun_presupposed"


def presupposed(noun: Token, lex: Lexicon) -> bool:
    """An event noun whose act the sentence takes as having happened: the object of a
    preposition of time ("after the arrest of"), of a word of consequence ("sparked by the
    expulsion of", "led to the resignation of", "in response to the ban"), or the subject of
    such a word told as done ("the arrest of the mayor sparked protests").  One occasion only:
    not plural ("after attacks on"), not one to come ("during the planned visit")."""
    if _framed(noun, lex):
        noun = noun.head  # "foiled a hijack attempt": where the attempt stands
    if any(c.dep_ == "amod" and c.lower_ in _UNREALISED for c in noun.children):
        return False
    head = noun.head
    if noun.tag_ != "NN":  # many occasions, but "foiled two hijack attempts" counts them
        return noun.dep_ == "dobj" and lex.token_in_class("thwart", head) and any(
            c.dep_ == "nummod" for c in noun.children)
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in _SEQUENCE:
            return True
        above = head.head
        return head.lower_ == "to" and (lex.token_in_class("consequence", above) or (
            above.lemma_.lower() in _RESPONSES and above.head.lower_ == "in"))
    if noun.dep_ in ("dobj", "nsubjpass"):
        # "sparked by the expulsion of"; "thwarted an attack on a freighter": an attempt
        # that was made (PLOVER codes attempted force)
        return lex.token_in_class("consequence", head) or lex.token_in_class("thwart", head)
    # a cause told as done; not any subject ("the first deployment of troops has arrived"
    # reports the arrival, and the parser makes odd subjects of nouns far from a verb)
    return noun.dep_ == "nsubj" and _past_act(head) and lex.token_in_class("consequence", head)


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """Every lexicon trigger in the sentence, before absorption."""
    found: list[Trigger] = []
    for tok in sent:
        if tok.pos_ == "VERB":
            pos = "verb"
        elif tok.pos_ in ("NOUN", "PROPN"):
            pos = "noun"
        elif tok.pos_ == "ADJ":
            pos = "adj"
        else:
            continue
        entries = []
        # a noun's lemma is reliable; stripping endings would read "aides" as "aid"
        for form in (forms(tok) if pos != "noun" else (tok.lemma_.lower(), tok.lower_)):
            entries = lex.lookup(pos, form)
            if entries:
                break
        if pos == "verb" and feeling_participle(tok):
            # "was disappointed by", "is opposed to": the adjective's entries, when they fit
            adj = next((e for e in (lex.lookup("adj", f) for f in forms(tok)) if e), [])
            if adj and _match(tok, adj, lex, is_negated(tok)) is not None:
                pos, entries = "adj", adj
        if not entries or (pos == "noun" and _month_name(tok)):
            continue
        if pos == "verb" and (tok.dep_ in ("amod", "compound", "nmod") or (
            tok.dep_ == "acl" and tok.tag_ == "VBN" and not _dated_act(tok, entries)
            and not _verbless_predicate(tok) and not _mediated_by(tok, entries)
            and not gapped_passive(tok)
        )):
            continue  # "Iran-backed militias", "a group backed by Iran": descriptions
        if pos == "verb" and tok.dep_ == "ROOT" and tok.tag_ == "VB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children
        ):
            continue  # imperatives: "Share this article", "Follow us"
        light = None
        if pos == "verb" and tok.dep_ == "acl":
            light = _published_with(tok, lex)  # "issued a statement condemning the raid"
        if pos == "noun":
            light = _noun_licensed(tok, lex)
            if light is None and tok.dep_ == "nsubj" and _past_act(tok.head) and any(
                    e.type in _HAPPENINGS for e in entries):
                light = tok.head  # "a general strike paralysed the country"
            agent_noun = light is None and any(e.type in _DONE_BY_NAMED for e in entries) \
                and named_doer(tok) is not None
            if agent_noun:
                light = tok  # its own clause: "rejected a request from Ohio" is two events
            if light is None and any(e.type in _PRESUPPOSABLE for e in entries) and \
                    presupposed(tok, lex):
                light = tok  # its own phrase: "after the arrest of the mayor by police"
            if light is None and any(e.type == "CONSULT" for e in entries):
                light = _travelled_for(tok)  # "arrived in Moscow for talks with Lavrov"
            if light is None and any(e.type == "PROTEST" for e in entries):
                light = _in_protest(tok) or _part_of(tok)  # "chained herself ... in protest"
                if tok.dep_ in ("dobj", "nsubjpass") and tok.tag_ == "NN" and \
                        lex.token_in_class("disperse", tok.head):
                    light = tok.head  # "police broke up the protest" (not "disperse protests")
            if light is None:
                continue
        if pos == "adj" and tok.dep_ not in ("acomp", "ROOT", "ccomp", "xcomp", "conj", "attr"):
            continue
        neg = is_negated(tok)
        entry = _match(tok, entries, lex, neg)
        if entry is None or entry.type == NO_EVENT:
            continue  # no entry, or a frame in which the word names no event
        trig = Trigger(tok, entry, entry.type, entry.mode, f"lexicon:{entry.source}",
                       negated=neg and not entry.neg, light=light)
        if tok.dep_ == "acl" and _mediated_by(tok, [entry]):
            trig.notes.append(MEDIATED)
        if pos == "noun" and _framed(tok, lex):
            trig.notes.append(FRAMED)
        if pos == "noun" and light is tok:
            if agent_noun and entry.type in _DONE_BY_NAMED:
                trig.notes.append(NAMED_DOER)
            elif entry.type in _PRESUPPOSABLE:
                trig.notes.append(PRESUPPOSED)
                if _repelled_raid(tok, entry, lex):
                    trig.type, trig.mode = "ASSAULT", None
                    trig.notes.append("thwarted_raid")
            else:
                continue
        found.append(trig)
    # The act a frame noun names is the event, not its light verb's own reading ("launched
    # a bombing campaign against", "undertook a mediation mission").
    framing = {t.light.i for t in found if FRAMED in t.notes and t.light is not t.token}
    found = [t for t in found if t.token.i not in framing]
    # A noun whose light verb is itself a trigger ("issued an ultimatum") is part of it.
    verbs = {t.token.i for t in found if t.entry.pos == "verb" and t.entry.deps}
    found = [t for t in found if not (t.light is not None and t.light.i in verbs)]
    # "ordered patrols", "ordered an investigation": the ordered act is the event
    nouns = {t.light.i for t in found if t.light is not None}
    found = [t for t in found if not (t.token.i in nouns and not t.entry.deps
                                      and lex.token_in_class("defer", t.token))]
    found += [c for t in found if (c := _swap_counterpart(t, lex)) is not None]
    found += [c for t in found if (c := _charges_of_arrest(t)) is not None]
    found += [t for tok in sent if (t := _measures_in_response(tok)) is not None]
    return _modal_demands(sent, _wanted_of_others(found), lex)


# Verbs of wanting what someone else is to do or undergo: "wants Trump banned".
_DEMANDING_WISHES = frozenset({"want", "wish"})


def _wanted_of_others(found: list[Trigger]) -> list[Trigger]:
    """ "X wants Y banned", "want the officers arrested": X demands the act of others
    (REQUEST by X, mode from the act), which is not reported as done.  Not "wants to
    visit", X's own plan."""
    out = []
    for trig in found:
        tok = trig.token
        want = tok.head
        if tok.pos_ != "VERB" or tok.dep_ not in ("ccomp", "xcomp", "oprd") or \
                want.lemma_.lower() not in _DEMANDING_WISHES or want.pos_ != "VERB" or \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            out.append(trig)
            continue
        entry = Entry("REQUEST", None, None, "verb", want.lemma_.lower(),
                      source="wanted_of_others")
        demand = Trigger(want, entry, "REQUEST", _REQUEST_MODE.get(trig.type),
                         "rule:wanted_of_others")
        demand.notes.append(f"mode:from_clause:{trig.type}")
        out.append(demand)
    return out


_MEASURE_NOUNS = frozenset({"measure", "step", "action"})
_RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal"})


def _someones_act(clause: Token) -> bool:
    """A condition that someone acts: "if North Korea conducts a test" (not "if the results
    are poor")."""
    return any(c.dep_ == "nsubj" and actor_like(c) for c in clause.children)


def _measures_in_response(tok: Token) -> Trigger | None:
    """ "would take further measures if Pyongyang conducts another test", "will take robust
    steps in response": measures to come against someone's act warn them (THREATEN); not
    "took measures in response to the outbreak", done, nor "will take steps to improve
    schools", no one warned."""
    if tok.lemma_.lower() != "take" or tok.pos_ != "VERB" or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in _MEASURE_NOUNS for c in tok.children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
        return None
    answer = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                           for m in c.children) and _someones_act(c)
                 for c in tok.children)
    answer = answer or any(p.dep_ == "prep" and p.lower_ in ("in", "against") and any(
        o.dep_ == "pobj" and (o.lemma_.lower() in _RESPONSE_NOUNS or p.lower_ == "against")
        for o in p.children) for p in (*tok.children, *(
            g for c in tok.children if c.dep_ == "dobj" for g in c.children)))
    if not answer:
        return None
    entry = Entry("THREATEN", None, None, "verb", "take", source="measures_in_response")
    return Trigger(tok, entry, "THREATEN", None, "rule:measures_in_response",
                   notes=["measures_in_response"])


_CHARGE_NOUNS = frozenset({"charge", "count", "suspicion", "accusation", "allegation"})


def _charges_of_arrest(trig: Trigger) -> Trigger | None:
    """ "arrested on charges of trespass", "detained on suspicion of murder": the arrest and
    the accusation are two events (CODING.md: "arrested and charged" = COERCE + ACCUSE)."""
    if trig.type != "COERCE" or trig.mode != "arrest" or trig.token.pos_ != "VERB":
        return None
    for prep in trig.token.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            noun = next((c for c in prep.children if c.dep_ == "pobj"
                         and c.lemma_.lower() in _CHARGE_NOUNS), None)
            if noun is not None:
                entry = Entry("ACCUSE", "allege", "legal", "noun", noun.lemma_.lower(),
                              source="charges_of_arrest")
                return Trigger(noun, entry, "ACCUSE", "allege", "rule:charges_of_arrest",
                               light=trig.token, notes=["charges_of_arrest"])
    return None


SWAP_COUNTERPART = "rule:swap_counterpart"


def other_side_of_swap(a, b) -> bool:
    """Two events (``Event``) of one sentence that are the two releases of a swap, which
    merging must keep apart."""
    return SWAP_COUNTERPART in (a.rule, b.rule) and a.sentence_start == b.sentence_start


def _swapped_for(verb: Token, lex: Lexicon) -> Token | None:
    """Who was given back in return: "freed A for B", "traded A for B", "released A in
    exchange for B" (not "freed him for lack of evidence", "released for two days").  The
    parser may hang the phrase anywhere in the object ("freed [40 prisoners, some held by
    the army, for a pilot]")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in [*verb.children, *(t for o in objs for t in o.subtree)]:
        if prep.dep_ != "prep" or _time_phrase(prep):
            continue
        if prep.lower_ == "in":
            prep = next((g for p in prep.children if p.dep_ == "pobj" and p.lemma_ == "exchange"
                         for g in p.children if g.dep_ == "prep" and g.lower_ == "for"), prep)
        back = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if prep.lower_ == "for" and back is not None and _captive(back, lex):
            return back
    return None


def _captive(tok: Token, lex: Lexicon) -> bool:
    """Someone held ("a pilot", "Sgt. Levi", "three of its commanders"), not a time, a sum
    or a reason."""
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    if tok.ent_type_ in ("DATE", "TIME", "MONEY") or tok.ent_type_ == "CARDINAL" and not \
            partitive:
        return False
    return actor_like(tok) or any(lex.token_in_class("captive", t) for t in tok.subtree)


def _swap_counterpart(trig: Trigger, lex: Lexicon) -> Trigger | None:
    """A prisoner swap is one release by each side (CODING.md): "Israel freed 1,000 prisoners
    for a soldier held by Hamas" also reports Hamas releasing the soldier.  The counterpart is
    anchored on the one given back, with the swap verb as its clause."""
    verb = trig.token
    if trig.type != "RETREAT" or trig.mode != "release" or verb.pos_ != "VERB":
        return None
    back = _swapped_for(verb, lex)
    if back is None:
        return None
    entry = Entry("RETREAT", "release", None, "noun", back.lemma_.lower(),
                  source="swap_counterpart")
    return Trigger(back, entry, "RETREAT", "release", SWAP_COUNTERPART, light=verb,
                   notes=["swap_counterpart"])


_DEMAND_MODALS = frozenset({"must", "should"})
_CLAUSE_UP = frozenset({"ccomp", "acl", "xcomp", "advcl", "relcl", "conj"})


def _modal_demands(sent: Span, found: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """ "X said Y must release the prisoners": X demands something of Y (REQUEST), whatever
    the verb; a trigger of that clause only gives the demand its mode.  "Should" demands only
    when someone is reported saying it ("said Washington should reduce its patrols"; a
    writer's own "Azerbaijan should release ..." is a recommendation), and "should have"
    reproaches (ACCUSE): "said he should have insisted on more"."""
    heads = sorted({c.head.i: c.lower_ for c in sent
                    if c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS}.items())
    by_index = {t.token.i: t for t in found}
    heads += [(v.i, "time") for v in _time_to_demands(sent, by_index, lex)]
    if not heads:
        return found
    for tok, modal in ((sent.doc[i], m) for i, m in heads):
        if modal == "time":
            speech = tok.head.head.head
        elif tok.dep_ not in _CLAUSE_UP or not _demand_of_someone(tok):
            continue
        else:
            speech = tok.head
        reproach = False
        if modal == "should":
            clause = tok
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head  # "said that ... but that he should have insisted"
            speech = clause.head
            if clause.dep_ != "ccomp" or not lex.token_in_class("speech", speech) or any(
                    c.dep_ == "nsubjpass" for c in tok.children):
                continue  # "he should be considered armed": advice, not a demand
            reproach = any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)
        inner = by_index.pop(tok.i, None)
        if reproach:
            entry = Entry("ACCUSE", "disapprove", None, "verb", tok.lemma_.lower(),
                          source="modal_should_have")
            trig = Trigger(tok, entry, "ACCUSE", "disapprove", "rule:modal_reproach",
                           speech=speech)
        else:
            entry = Entry("REQUEST", None, None, "verb", tok.lemma_.lower(),
                          source=f"modal_{modal}")
            trig = Trigger(tok, entry, "REQUEST",
                           _REQUEST_MODE.get(inner.type) if inner else None,
                           "rule:modal_demand", speech=speech)
        if inner is not None:
            trig.notes.append(f"mode:from_clause:{inner.type}")
        by_index[tok.i] = trig
    return sorted(by_index.values(), key=lambda t: t.token.i)


# Acts a "time to" demand asks for when the act is no event of its own: "time to end the sanctions".
_CHANGE_VERBS = frozenset({"end", "lift", "scrap", "stop", "drop", "change", "repeal",
                           "reverse", "abolish"})


def _time_to_demands(sent: Span, by_index: dict, lex: Lexicon) -> list[Token]:
    """ "She said it was time to end the sanctions" demands that change as "must" does: the
    act under "it is time to", reported as someone's speech ("It was time to go home, he
    said" asks nothing: the act must be an event or a change of policy)."""
    lem = lemmas(sent)
    if "time" not in lem:
        return []  # the common case, told from the cached lemmas without a token pass
    out = []
    for tok in (sent[i] for i, w in enumerate(lem) if w == "time"):
        tok = next((c for c in tok.children if c.dep_ == "relcl"), None) if \
            tok.dep_ == "attr" else None
        if tok is None:
            continue
        be = tok.head.head
        if not any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in be.children):
            continue
        if not lex.token_in_class("speech", be.head) or be.dep_ not in _CLAUSE_UP:
            continue
        if tok.i in by_index or tok.lemma_.lower() in _CHANGE_VERBS:
            out.append(tok)
    return out


# What "must" asks of no one: "I must tell you", "Greeks must understand".
_NOT_DEMANDED = frozenset({"tell", "say", "understand", "know", "realize", "realise",
                           "recognize", "recognise", "remember", "admit", "note", "add"})


def _demand_of_someone(verb: Token) -> bool:
    """ "Y must act" demands something of Y when Y is an actor other than the speaker and
    the act is one Y can be asked to do ("this epidemic must stop" demands of no one)."""
    if verb.lemma_.lower() in _NOT_DEMANDED:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None or subj.lower_ == "i":
        return False
    return subj.dep_ == "nsubjpass" or subj.pos_ == "PRON" or actor_like(subj)


_DROP = object()
# What protesters demand or denounce is the topic of the protest, not a separate event.
_PROTEST_TOPIC = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN"})
_REFUSABLE = {"AGREE": None, "CONCEDE": "yield", "RETREAT": "yield", "AID": "assist",
              "COOPERATE": "assist", "SUPPORT": "assist", "CONSULT": "meet"}
# Verbs by which a crowd's protest asks for something: what it asks is not done.
_DEMANDING = frozenset({"call", "demand"})


def _crowd_demand(trig: Trigger) -> bool:
    """ "protesters called for the mayor to resign": the resignation is only demanded."""
    return trig.entry.subj_class in ("protester", "crowd") and trig.entry.lemma in _DEMANDING


# Subordinators of a clause that happens beside the main one, not as its content: "eased
# measures as authorities in Croatia cracked down".
_ADJUNCT_MARKS = frozenset({"as", "while", "when", "after", "before", "since", "because",
                            "although", "though", "whereas"})


_ADJUNCT_PREPS = frozenset({"after", "before", "following", "during", "amid", "amidst"})


# Acts of punishing or judging someone for a deed: the deed in "for ...ing" is its ground,
# an act that took place ("held in contempt for refusing to testify"), not its content.
_FOR_GROUNDS = frozenset({"hold", "contempt", "fine", "jail", "sentence", "punish", "sanction",
                          "arrest", "criticize", "criticise", "condemn", "censure", "rebuke",
                          "reprimand", "penalize", "penalise", "fire", "suspend", "expel",
                          "sue", "convict", "impeach", "praise", "thank", "commend", "detain"})


def _adjunct_clause(tok: Token) -> bool:
    """A clause or phrase of time or cause beside the main act, not what it says or asks:
    "as authorities cracked down", "before visiting the camp", "after the arrest of", the
    ground of a punishment ("fined for refusing to pay")."""
    if tok.dep_ == "prep":
        return tok.lower_ in _ADJUNCT_PREPS or (
            tok.lower_ == "for" and tok.head.lemma_.lower() in _FOR_GROUNDS and any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" for c in tok.children))
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _ADJUNCT_MARKS
                                       for c in tok.children)


def _framing_of(trig: Trigger, by_index: dict[int, Trigger], lex: Lexicon, memo: dict):
    """The trigger whose complement holds this one; ``_DROP`` when it is the content of an
    event noun that itself reports no event ("did not confirm a threat to withdraw").
    Coordinated triggers ("withdraw its troops and close its embassy") share their fate."""
    if trig.token.i in memo:
        return memo[trig.token.i]
    memo[trig.token.i] = None
    if NAMED_DOER in trig.notes:
        return None  # "rejected a request from Ohio": the request is the other side's act
    t = trig.token
    if MEDIATED in trig.notes:
        return None  # "a deal mediated by Qatar": the agent's act, not the deal's content
    if gapped_passive(t):
        return None  # "injured in the clashes and 12 arrested": a clause of its own
    if trig.light is not None and (part := _part_of(t)) is not None and \
            part.i == trig.light.i:
        return None  # "refusing to leave as part of a protest": the protest is no refusal
    result = None
    if t.dep_ == "conj" and t.head.i in by_index:
        head = by_index[t.head.i]
        result = _framing_of(head, by_index, lex, memo)
        trig.negated = trig.negated or head.negated
        memo[t.i] = result
        return result
    steps = 0
    while t.dep_ in _CHAIN and t.head.i != t.i and steps < 6 and not _adjunct_clause(t):
        link = t.dep_
        t = t.head
        steps += 1
        if t.i in by_index:
            cand = by_index[t.i]
            if cand is trig:
                continue
            if link == "conj" and t.pos_ == "VERB" and steps > 1:
                # "expressed shock and vowed to bring them to justice": the vow is a
                # second predicate beside the trigger, not what it expresses
                result = _framing_of(cand, by_index, lex, memo)
            elif cand.type in FRAMING or (cand.type == "PROTEST" and (
                    trig.type in _PROTEST_TOPIC or _crowd_demand(cand))):
                result = cand
            elif t.dep_ == "conj" or trig.token.dep_ == "conj":
                result = _framing_of(cand, by_index, lex, memo)
            break
        if t.pos_ == "NOUN" and lex.lookup("noun", t.lemma_.lower()):
            result = _DROP
            break
        if t.pos_ == "VERB" and is_negated(t):
            trig.negated = True
    memo[trig.token.i] = result
    return result


_THREAT_MODE = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations",
                "REJECT": "relations", "PROTEST": "restrict", "COERCE": "restrict",
                "RETREAT": "relations"}
_REQUEST_MODE = {"CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield", "AID": "assist",
                 "COOPERATE": "assist", "SUPPORT": "assist"}


def _threat_mode(act: Trigger) -> str | None:
    """The THREATEN mode of a forceful act threatened: "vowed to bring them to justice"
    threatens arrest, "threatened to expel" expulsion."""
    if act.type == "COERCE":
        return {"arrest": "arrest", "deport": "expel"}.get(act.mode or "", "restrict")
    return _THREAT_MODE.get(act.type)


def _embedded_mode(frame: Trigger, inner: Trigger) -> str | None:
    if frame.type == "THREATEN":
        if inner.type == "COERCE":
            return _threat_mode(inner)
        if inner.type == "SANCTION" and inner.mode == "expel":
            return "expel"
        if inner.token.lemma_ in ("occupy", "annex", "seize"):
            return "territory"
        return _THREAT_MODE.get(inner.type)
    if frame.type in ("REQUEST", "REJECT"):
        if inner.type == "RETREAT" and inner.mode == "resign":
            return "change"
        return _REQUEST_MODE.get(inner.type)
    return None


def _unasserted(tok: Token, lex: Lexicon) -> bool:
    """Under "did not confirm" or "denied": the speaker does not assert the event."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return False  # "the chief, who was arrested, denied the charges": the denier
        if _adjunct_clause(t):
            return False  # "denied the request while officials conduct an investigation"
        t = t.head
        if t.pos_ == "VERB" and lex.in_class("unasserted", t.lemma_.lower()) and (
            t.lemma_.lower() == "deny" or is_negated(t)
        ):
            return True
    return False


# Verbs of wishing: what one wants or hopes to do is not announced as decided (CODING.md
# codes no plan that is not), unlike what one is ready, pledges or decides to do.
_WISHES = frozenset({"want", "hope", "wish", "expect", "like", "love"})


def _purpose_misparse(tok: Token) -> bool:
    """A "to" infinitive the parser hung on its verb as a clause of purpose: "have sworn to
    fight until they win" (read as "sworn" in order to fight)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _intent_marked(tok: Token, lex: Lexicon) -> str | None:
    """Why the trigger states an intention: a future auxiliary or an intent word above it."""
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children) or (
            tok.dep_ == "conj" and not any(c.dep_ == "aux" for c in tok.children) and any(
                c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.head.children)):
        return "future_aux"  # "would be found and brought to justice"
    if _purpose_misparse(tok) and lex.token_in_class("intent", tok.head):
        return f"intent:{tok.head.lemma_.lower()}"  # "have sworn to fight until ..."
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in _WISHES:
            return None  # "wanted to raid", "hopes to arrest": a wish, not a decision
        if (lex.token_in_class("intent", t) and not any(c.dep_ == "auxpass"
                                                         for c in t.children)) or (
            t.lemma_ == "go" and any(c.dep_ == "aux" for c in t.children)
        ):  # "were expected to discuss" is others' forecast, no one's intention
            return f"intent:{t.lemma_.lower()}"
    return None


def resolve(triggers: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """Absorb complements into their framing triggers and apply the intention rules."""
    by_index = {t.token.i: t for t in triggers}
    for t in triggers:
        if t.light is not None:
            by_index.setdefault(t.light.i, t)
    dropped = set()
    memo: dict = {}
    for trig in triggers:
        frame = _framing_of(trig, by_index, lex, memo)
        if frame is _DROP:
            dropped.add(trig.token.i)
        elif frame is not None and frame is not trig:
            trig.framing = frame
            frame.absorbed.append(trig)
    kept = []
    for trig in triggers:
        if trig.framing is not None or trig.token.i in dropped or _unasserted(trig.token, lex):
            continue
        if trig.negated and trig.type in _REFUSABLE and not trig.entry.neg:
            trig.type, trig.mode, trig.negated = "REJECT", _REFUSABLE[trig.type], False
            trig.notes.append("type:negated_cooperation=REJECT")
        for inner in trig.absorbed:
            if trig.type == "AGREE" and inner.type in FORCEFUL:
                trig.type, trig.mode = "THREATEN", _threat_mode(inner)
                trig.notes.append("type:intent_to_use_force=THREATEN")
            elif trig.mode is None and "measures_in_response" not in trig.notes:
                # (what measures answer is their condition, not their content)
                mode = _embedded_mode(trig, inner)
                if mode:
                    trig.mode = mode
                    trig.notes.append(f"mode:from_complement:{inner.token.lemma_}")
        if trig.type == "THREATEN" and trig.mode in (None, "relations") and \
                _harm_threatened(trig.token, lex):
            trig.mode = "violence"  # "threatened to deliver devastating blows"
            trig.notes.append("mode:harm_threatened")
        why = _intent_marked(trig.token, lex)
        if why is None and trig.token.pos_ == "NOUN" and trig.light is not None and \
                trig.light is not trig.token:
            why = _intent_marked(trig.light, lex)  # "will launch an offensive next week"
        cond = _condition(trig.token, lex)
        if cond and trig.type in FORCEFUL | {"RETREAT", "PROTEST"}:
            trig.type, trig.mode = "THREATEN", _THREAT_MODE.get(trig.type, "relations")
            trig.notes.append(f"type:conditional_{cond}=THREATEN")
        elif why:
            trig.future = True
            if trig.type in COOPERATIVE:
                trig.type, trig.mode = "AGREE", None
                trig.notes.append(f"type:{why}:future_cooperation=AGREE")
            elif trig.type == "RETREAT":
                # "ready to hand over", "will withdraw": the manual's future retreat, which
                # stays CONCEDE (an explicit "agreed to withdraw" is AGREE, see above)
                trig.type, trig.mode = "CONCEDE", None
                trig.notes.append(f"type:{why}:future_retreat=CONCEDE")
            elif trig.type in _MEASURES_DECIDED and _announced_decision(trig.token, why, lex):
                trig.notes.append(f"type:{why}:announced_measure")  # CODING.md 3: its own type
            elif trig.type in FORCEFUL | {"PROTEST"}:
                trig.type, trig.mode = "THREATEN", _threat_mode(trig)
                trig.notes.append(f"type:{why}:intent_to_use_force=THREATEN")
        kept.append(trig)
    return [t for t in kept if not _deployed_for(t, by_index)]


# Measures a government decides and announces ("announced it would expel four diplomats"):
# coded as their own type, not as a threat of them.
_MEASURES_DECIDED = frozenset({"SANCTION", "COERCE"})


def _announced_decision(tok: Token, why: str, lex: Lexicon) -> bool:
    """A future measure told as decided: "decided to expel", "announced it will ban"."""
    if why == "intent:decide":
        return True
    return why == "future_aux" and tok.dep_ == "ccomp" and not is_negated(tok.head) and \
        lex.token_in_class("announce", tok.head)


def _harm_threatened(tok: Token, lex: Lexicon) -> bool:
    """What a threat names, as its object or its complement's, is violence: "threatened
    war", "threatened to resume terrorist activities"."""
    objs = [o for o in tok.children if o.dep_ == "dobj"] + [
        o for c in tok.children if c.dep_ == "xcomp" for o in c.subtree if o.dep_ == "dobj"]
    return any(lex.token_in_class("harm", w) for o in objs for w in (
        o, *(m for m in o.children if m.dep_ in ("amod", "compound"))))


def _deployed_for(trig: Trigger, by_index: dict[int, Trigger]) -> bool:
    """ "agents fanned out across three states, taking the men into custody": a deployment
    whose own clause reports the arrest or attack it was for is that act's means."""
    return trig.type == "MOBILIZE" and trig.token.pos_ == "VERB" and any(
        c.dep_ in ("advcl", "xcomp") and c.i in by_index and
        by_index[c.i].type in ("COERCE", "ASSAULT") for c in trig.token.children)


_HYPO_CHAIN = frozenset({"advcl", "ccomp", "xcomp", "conj", "acl", "pobj", "prep", "dobj",
                         "nsubj", "appos", "relcl", "agent"})


def _condition(tok: Token, lex: Lexicon) -> str | None:
    """ "... unless the attacks stop": a condition clause attached to the trigger itself."""
    for c in tok.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in ("unless", "if"):
                    return m.lower_
    return None


def hypothetical(tok: Token, lex: Lexicon) -> bool:
    """A condition ("if", "unless") or a speculative modal on the trigger's clause."""
    t, steps = tok, 0
    while steps < 10:
        for c in t.children:
            if c.dep_ in ("mark", "aux") and lex.in_class("hypothetical", c.lower_):
                return True
        if t.dep_ in _HYPO_CHAIN and t.head.i != t.i:
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and lex.in_class("hypothetical", c.lower_) for c in t.children
            ):
                return True
            if t.dep_ == "ccomp":
                break
            t = t.head
            steps += 1
        else:
            break
    return any(c.dep_ == "amod" and c.lemma_ in ("possible", "potential", "hypothetical")
               for c in tok.children)


# Verbal acts: one said again and again is one statement ("repeatedly accused the senator
# of lying" is coded once), unlike acts done again and again ("repeatedly shelled").
_STATEMENTS = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT",
                         "THREATEN"})
_AGAIN = frozenset({"repeatedly", "again"})


def aggregate(tok: Token, lex: Lexicon, etype: str | None = None) -> bool:
    """A summary of many events: "a wave of attacks", "40 attacks", "continued to fire"."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS") and lex.lookup(
            "noun", tok.lemma_.lower()):  # "40 attacks", not "freed for two soldiers"
        for c in tok.children:
            if c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1", "a") \
                    and c.ent_type_ != "DATE":  # "the 1998 riots" name one occasion
                return True
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of" and lex.in_class(
            "aggregate", head.head.lemma_.lower()
        ):
            return True
    for c in tok.children:
        if c.dep_ == "advmod" and lex.in_class("aggregate", c.lower_) and not (
                etype in _STATEMENTS and c.lower_ in _AGAIN):
            return True
    return tok.dep_ == "xcomp" and tok.head.lemma_ == "continue" and not (
        etype == "PROTEST" and _same_occasion(tok.head))


def _same_occasion(verb: Token) -> bool:
    """ "protesters continued to march around the stadium": the protest going on that day is
    one protest; "have continued to march for weeks" or "since May" sums up many."""
    return not any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had", "been")
                   or c.dep_ == "prep" and c.lower_ in ("for", "since", "over", "throughout")
                   or c.dep_ == "advmod" and c.lower_ in _AGAIN | {"daily", "nightly"}
                   for c in verb.children)
