"""Critical statements: "X said Y's policy was a disgrace" is an accusation by X.

Most criticism in news is not introduced by "accused" or "condemned" but by "said" and a
quote.  PLOVER codes a statement of disapproval as ACCUSE (mode disapprove) by the speaker,
whatever its content's tense.  A speech verb with a named speaker becomes ACCUSE when what
is said is clearly negative by VADER's valence lexicon (a public, rule-based sentiment
model shipped with its lexicon, so nothing downloads), or uses words of political censure
VADER scores mild ("in breach of", "repressive"), and reports no event of its own (a
statement that "three people were killed" reports the killing, it does not criticise).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.events import factuality
from eventwire.events.lexicon import Entry, Lexicon
from eventwire.events.senses import (
    HARM_WITHOUT_AGENT,
    OCCURRENCE_SENSES,
    PROTESTERS,
    other_sense,
)
from eventwire.events.triggers import Trigger, aggregate, subject_token
from eventwire.models import Event

# VADER compound score at or below which a statement is criticism (the authors' own cut-off
# for "negative" is -0.05; criticism needs a clearly negative statement).
CRITICAL = -0.5
# Words of political censure that VADER's general lexicon scores mild or neutral: a
# statement naming an actor in these terms criticises it ("is in clear breach of UN
# resolutions", "remains one of the most repressive states").
CENSURE = frozenset({
    "violate", "violation", "breach", "undermine", "disregard", "flout", "unacceptable",
    "repressive", "authoritarian", "unlawful", "illegal", "illegitimate", "irresponsible",
    "reckless", "provocation", "provocative", "destabilize", "destabilise", "hypocrisy",
    "hypocritical", "intimidation", "bullying", "coercive", "aggression", "aggressive",
    "belligerent", "deplorable", "regrettable", "outrageous", "shameful", "disgraceful",
    "dangerous", "inexcusable", "misleading", "deceptive", "corrupt", "incompetent",
})
# Those who speak or act as critics: what critics say of a thing, or do to it ("dismissed by
# critics as a sham"), disapproves of it unless it is praise.
CRITICS = frozenset({"critic", "critics", "opponent", "opponents", "detractor", "detractors",
                     "skeptic", "skeptics", "sceptic", "sceptics"})
# Verbs that put a case against others: what they introduce is argued, so a statement that
# is negative at all, or says someone failed to act ("claimed the funds had not been paid"),
# charges the person, body or state it names; plain "said" needs clearly negative words.
CONTENDING = frozenset({"claim", "contend", "argue", "assert", "maintain", "charge"})
# Verbs of arguing that the speech class (verbs that report any speech) leaves out.
ARGUING = CONTENDING - {"claim"}
_CONTENT_DEPS = frozenset({"ccomp", "dobj", "parataxis"})
# Words that make a report of harm read negative without blaming anyone.
_HARM = HARM_WITHOUT_AGENT | {"die", "death", "dead", "kill", "injure", "wound", "victim",
                              "crash", "fire", "sick", "patient", "suffer", "mortality",
                              "war", "wounded", "injured", "injury", "casualty"}
_ACTOR_KINDS = frozenset({"person", "country", "group", "igo", "actor", "sector"})
# Speakers known by office who report what happened ("police said", "officials said"):
# their accounts are the events they report, not criticism of their own.
_REPORTERS = frozenset({"police", "official", "authority", "aide", "investigator"})
_ENTRY = Entry("ACCUSE", "disapprove", None, "verb", "say", source="critical_statement")
# Subjects of a warned-of clause that make it the speaker's own act: "warned (that) they
# would ...", "warned that sanctions would follow".
_SELF = frozenset({"we", "i", "they", "he", "she", "it"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
# What a conditional warning says the one warned will undergo: a threat ("warned that Iran
# would face consequences if ..."), not a forecast of what others may do.
_PENALTIES = frozenset({"face", "pay", "suffer", "bear", "meet", "regret", "feel", "lose"})
_MEASURES = frozenset({"consequence", "measure", "action", "retaliation", "response", "step",
                       "sanction", "force", "reprisal", "punishment", "countermeasure"})


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float:
    return _analyzer().polarity_scores(text)["compound"]


def _content(verb: Token, sent: Span) -> tuple[int, int] | None:
    """Token range of what is said: the complement clause, else the rest of the sentence
    (a quote before or after "X said")."""
    for c in verb.children:
        if c.dep_ in _CONTENT_DEPS:
            return c.left_edge.i, c.right_edge.i + 1
    if verb.dep_ in ("parataxis", "ccomp") or verb.i > sent.start + 3:
        # "“This is a disgrace,” she said.": the quote is the head clause
        return sent.start, verb.left_edge.i
    return None


def critical_statements(sent: Span, found: list[Trigger], lex: Lexicon) -> list[Trigger]:
    """ACCUSE triggers for speech verbs whose content is clearly negative and holds no
    trigger of its own; REQUEST for those that state a need for something."""
    out = []
    spans: dict[int, tuple[int, int]] = {}  # what each statement found so far says
    taken = {t.token.i for t in found} | {t.light.i for t in found if t.light is not None}
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.i not in taken and (doer := _grievance(tok)) is not None:
            trig = Trigger(tok, _ENTRY, "ACCUSE", "disapprove", "rule:grievance")
            trig.notes.append(f"at:{doer.lower_}")
            out.append(trig)  # "the farmers were frustrated that the ministry paid only ..."
            continue
        if tok.pos_ != "VERB" or tok.i in taken:
            continue
        speaking = lex.in_class("speech", lemma) or lemma in ARGUING | _RESTATING
        if not (speaking or lemma in _JUDGING | _INSINUATING):
            continue
        speaker = _speaker(tok)
        if speaker is None:
            continue  # not "it is said"
        named = speaker.pos_ in ("PROPN", "NOUN")
        if not (named or speaker.lower_ in _PERSONAL):
            continue  # a named or described speaker, or one a pronoun stands for
        if speaker.lemma_.lower() in _REPORTERS or _commentators(speaker):
            continue  # "police said the men had broken in": a report of facts, not blame
        span = _content(tok, sent)
        if span is None or span[1] - span[0] < 3:
            continue
        if any(lo <= tok.i < hi or span[0] <= i < span[1] for i, (lo, hi) in spans.items()):
            continue  # "X said the report reveals ...": one statement, one critic
        content = sent.doc[span[0]:span[1]]
        if speaking and not _anyone(speaker) and (
                practice := _alleged_practice(content, found, speaker, lex)) is not None:
            trig = Trigger(tok, _ALLEGATION, "ACCUSE", "allege", "rule:alleged_practice")
            trig.notes.append(f"alleged:{practice.type}")
            spans[tok.i] = span
            out.append(trig)  # "said China continues to detain journalists"
            continue
        if speaking and not _anyone(speaker) and not _own_side(content, tok) and (
                short := _insufficiency(content, speaker)) is not None:
            trig = Trigger(tok, _ENTRY, "ACCUSE", "disapprove", "rule:insufficiency")
            trig.notes.append(f"short:{short.lower_}")
            spans[tok.i] = span
            out.append(trig)  # "said the ministry was not doing enough to protect nurses"
            continue
        if named and speaking and not _anyone(speaker) and (
                penalty := _threatened_penalty(content)) is not None:
            trig = Trigger(tok, _PENALTY, "THREATEN", None, "rule:threatened_penalty")
            trig.notes.append(f"penalty:{penalty.lower_}")
            spans[tok.i] = span
            out.append(trig)  # "said Iran would face consequences if it went on"
            continue
        if any(span[0] <= t.token.i < span[1] and _reported_as_fact(t) for t in found):
            continue  # what is said reports an event, coded as its own
        if (need := _stated_need(content)) is not None:
            trig = Trigger(tok, _NEED, "REQUEST", None, "rule:stated_need")
            trig.notes.append(f"need:{need.i}")
            spans[tok.i] = span
            out.append(trig)  # "said the crisis underlined the need for an overhaul"
            continue
        if any(t.lemma_.lower() in _HARM for t in content):
            continue  # a report of deaths, disease or a crash, not a criticism
        if not (_names_someone(content, tok) or any(
                _names_someone(why, tok) for why in _reasons(tok))):
            continue  # criticism is aimed at someone the statement, or its reason, names
        if not _anyone(speaker) and (judged := _judged_act(content)) is not None:
            trig = Trigger(tok, _ENTRY, "ACCUSE", "disapprove", "rule:judged_act")
            trig.notes.append(f"judged:{judged.lower_}")
            spans[tok.i] = span
            out.append(trig)  # "said Russia's move was dangerous", even as an aside
            continue
        if named and not _anyone(speaker) and (menace := _threat_charge(content)) is not None:
            trig = Trigger(tok, _CHARGE, "ACCUSE", "allege", "rule:threat_charge")
            trig.notes.append(f"threat:{menace.lower_}")
            spans[tok.i] = span
            out.append(trig)  # "suggested that the militia posed a threat to the region"
            continue
        if not (named and speaking):
            continue  # the rules below read the words of a named speaker
        if not _about_someone(content):
            continue  # "it would be bad for the city", "we know something is wrong"
        if _own_side(content, tok):
            continue  # the police chief says "police cannot end the violence alone"
        if _held_by_others(content):
            continue  # "he was suspected of violating parole": others' charge, reported
        if _hedged(content):
            continue  # "is arguably the main concern", "would seem to be a stretch"
        if _admission(content):
            continue  # "he has taken responsibility for using abusive language"
        text = content.text
        score = valence(text)
        blame = [t for t in content if t.lemma_.lower() in CENSURE]
        if score <= CRITICAL or blame and score < 0.3 or _critic(speaker) or \
                _contended(lemma, content, score):
            trig = Trigger(tok, _ENTRY, "ACCUSE", "disapprove", "rule:critical_statement")
            trig.notes.append(f"valence:{score:.2f}" + (f";censure:{blame[0].lower_}"
                                                         if blame else ""))
            spans[tok.i] = span
            out.append(trig)
    return out


# What a speaker can say an actor will undergo for its acts: "face consequences", "pay a
# heavy price"; and acts said not to go "without consequences".
_PENALTY_NOUNS = frozenset({"consequence", "punishment", "retribution", "price", "reprisal"})
_BOUND = _FUTURE | frozenset({"must", "have", "has"})
_PENALTY = Entry("THREATEN", None, None, "verb", "say", source="threatened_penalty")


def _threatened_penalty(content: Span) -> Token | None:
    """The penalty what is said holds over an actor: "Iran would face consequences if it
    went on", "they will pay a heavy price", "the provocation cannot be left without
    consequences" (PLOVER's THREATEN by the speaker); not what a disaster brings ("farmers
    will face the consequences of the drought"), nor "the deal will have consequences"."""
    if any(t.lemma_.lower() in HARM_WITHOUT_AGENT for t in content):
        return None
    for noun in content:
        if noun.lemma_.lower() not in _PENALTY_NOUNS:
            continue
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ == "without":
            verb = verb.head  # "left without consequences", "go without consequences"
            if any(c.dep_ == "neg" for c in verb.children):
                return noun
            continue
        bound = verb.head if verb.dep_ == "xcomp" else verb  # "have to face"
        if noun.dep_ == "dobj" and verb.lemma_.lower() in _PENALTIES and subject_token(
                bound) is not None and any(c.dep_ == "aux" and c.lower_ in _BOUND or
                                           c.lower_ in ("have", "has") for c in (
                                               *bound.children, bound)):
            return noun
    return None


_SOME = frozenset({"some", "many", "most", "few", "several", "other"})
# Verbs by which a statement says an actor did not do what it should ("failed to act").
_FAILING = frozenset({"fail", "neglect"})


def _insufficiency(content: Span, speaker: Token) -> Token | None:
    """The word by which what is said holds that another actor did too little: "the
    ministry did not go far enough", "is not doing enough to protect nurses", "the council
    failed to act" (not "we have not done enough", nor "the talks failed to produce")."""
    for r in _roots(content):
        subj = subject_token(r) or next((c for c in r.children if c.dep_ == "nsubjpass"),
                                        None)
        if r.pos_ not in ("VERB", "AUX") or subj is None or not _other_actor(subj, speaker):
            continue
        negated = any(c.dep_ == "neg" for c in r.children)
        near = {r.i} | {c.i for c in r.children}
        enough = next((t for t in r.subtree if t.lower_ == "enough" and t.head.i in near),
                      None)
        if negated and enough is not None:
            return enough
        if not negated and r.lemma_.lower() in _FAILING and any(
                c.dep_ == "xcomp" for c in r.children):
            return r
    return None


def _other_actor(subj: Token, speaker: Token) -> bool:
    """The subject is an actor other than the speaker: named, or a state's agent, or a
    pronoun whose number tells it from the speaker ("the groups said he did not ...")."""
    if subj.lower_ in _PERSONAL:
        return speaker.tag_ in ("NNS", "NNPS")
    if subj.lower_ == "they":
        return speaker.ent_type_ == "PERSON" and speaker.tag_ == "NNP"
    if subj.lower_ in _IMPERSONAL or subj.lower_ in _SELF or _anyone(subj):
        return False
    lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
    return subj.pos_ == "PROPN" or subj.ent_type_ in _NAMED or \
        subj.lemma_.lower() in _STATE_AGENTS or any(
            lo <= m.start < hi and m.kind in _ACTOR_KINDS for m in subj.doc._.mentions or [])


# Material wrongs whose practice a statement can charge ("tortures prisoners", "continues to
# detain journalists"); stances ("opposes", "rejects") are the speaker's own, not a charge.
_PRACTICES = frozenset({"ASSAULT", "COERCE"})


def _alleged_practice(content: Span, found: list[Trigger], speaker: Token,
                      lex: Lexicon) -> Trigger | None:
    """A wrong that what is said holds another actor does as a practice, not one occurrence
    ("China continues to detain journalists", "the militia routinely tortures prisoners"):
    the statement charges that actor, PLOVER's ACCUSE allege by the speaker."""
    for t in found:
        tok = t.token
        if not content.start <= tok.i < content.end or t.type not in _PRACTICES or t.negated:
            continue
        verb = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_ == "continue" else tok
        doer = subject_token(verb)
        if verb not in _roots(content) or doer is None or not _other_actor(doer, speaker):
            continue
        if aggregate(tok, lex, t.type) or factuality.classify(
                tok, t.light, t.type, t.rule, t.future) in (factuality.GENERIC,
                                                             factuality.BACKGROUND):
            return t
    return None


# Feelings of grievance at what another did: "were frustrated that the ministry paid only
# part"; surprise is one only at what another failed to do ("surprised that she did not").
_GRIEVANCE = frozenset({"frustrated", "disappointed", "angry", "upset", "dismayed",
                        "outraged", "furious", "unhappy", "annoyed", "angered", "incensed",
                        "surprised"})


def _grievance(tok: Token) -> Token | None:
    """The actor whose act a named or described subject is aggrieved at: the subject of the
    "that" clause of a predicate of grievance (not "frustrated that the rain kept falling",
    nor "disappointed that he lost": no other actor's act)."""
    if tok.lower_ not in _GRIEVANCE:
        return None
    if tok.dep_ == "acomp":
        feeler = subject_token(tok.head)
    else:  # the parser may read it as a passive: "the farmers were frustrated that ..."
        feeler = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if feeler is None or clause is None or feeler.lower_ in _IMPERSONAL or _anyone(feeler):
        return None
    if tok.lower_ == "surprised" and not any(c.dep_ == "neg" for c in clause.children):
        return None
    doer = subject_token(clause)
    if doer is None or doer.lower_ in _IMPERSONAL | _SELF:
        return None
    lo, hi = doer.left_edge.idx, doer.right_edge.idx + len(doer.right_edge)
    return doer if doer.pos_ == "PROPN" or any(
        lo <= m.start < hi and m.kind in _ACTOR_KINDS for m in tok.doc._.mentions or []) \
        else None


def _anyone(speaker: Token) -> bool:
    """A speaker who is no one in particular: "people", "some officials", "many"."""
    return factuality.generic_subject(speaker) or any(
        c.dep_ in ("det", "amod") and c.lower_ in _SOME for c in speaker.children)


def _commentators(speaker: Token) -> bool:
    """Commentators described by their field alone ("legal observers", "political
    analysts"): an assessment, no actor's charge (not "UN observers" or "Western
    observers", whom a body or a side sends)."""
    return speaker.lemma_.lower() in _COMMENTATORS and speaker.tag_ == "NNS" and all(
        c.dep_ in ("amod", "compound") and c.lower_ in _FIELDS for c in speaker.children)


# Those who comment on politics without taking part in it, and the fields they are
# described by ("legal experts"; "Western observers" or "UN observers" are sent by a side).
_COMMENTATORS = frozenset({"observer", "analyst", "expert", "commentator", "scholar",
                           "academic", "pundit"})
_FIELDS = frozenset({"legal", "political", "economic", "financial", "military", "security",
                     "constitutional", "defense", "defence", "policy", "market", "industry",
                     "energy", "health", "academic", "independent", "outside", "many",
                     "some", "most"})


def _critic(tok: Token) -> bool:
    return tok.lemma_.lower() in CRITICS or tok.lower_ in CRITICS


def _contended(lemma: str, content: Span, score: float) -> bool:
    """A case argued against a named person, body or state: negative at all, or saying that
    it failed to act ("claimed the ministry had not paid the workers")."""
    return lemma in CONTENDING and any(t.ent_type_ in _NAMED for t in content) and (
        score < 0 or any(c.dep_ == "neg" for r in _roots(content) for c in r.children))


_NEED = Entry("REQUEST", None, None, "verb", "say", source="stated_need")


def _speaker(speech: Token) -> Token | None:
    """The subject of a speech verb, or of the clause a participle of speech adds to:
    "Cruz warned ..., remarking that ..." (Cruz remarks), also through "appeared to"."""
    subj = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    head = speech.head
    if subj is None and speech.dep_ == "advcl" and speech.tag_ == "VBG":
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None and head.dep_ == "xcomp":
            subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    return subj


# Verbs that judge what someone did without being verbs of saying: their object is what the
# speaker characterises ("described Iran's move as reckless", "addressing his response").
_JUDGING = frozenset({"describe", "characterize", "characterise", "address", "view",
                      "regard", "brand", "label"})
# Verbs that say again what the speaker, or another, said before: "reiterated its position
# that the settlements are illegal", "echoed statements that ...".
_RESTATING = frozenset({"reiterate", "echo", "repeat", "restate"})
# Pronouns that stand for a speaker named before ("he said", "she added").
_PERSONAL = frozenset({"he", "she"})
# Nouns for what an actor did or said: with the actor as possessor ("Russia's move", "the
# minister's remarks") they are the act a judgement in the statement is about.
_ACTS = frozenset({"move", "decision", "action", "act", "response", "policy", "step", "plan",
                   "behavior", "behaviour", "conduct", "remark", "comment", "statement",
                   "announcement", "approach", "measure", "attempt", "handling", "activity",
                   "reaction", "rhetoric", "threat", "claim", "choice", "refusal",
                   "deployment", "test", "launch"})
# Words that judge an act wrong, harmful or troubling, beyond the censure list: used only of
# an actor's act the statement names, where they cannot describe a situation.
DISAPPROVAL = CENSURE | frozenset({
    "contradict", "contradictory", "obstacle", "worrying", "worrisome", "troubling",
    "alarming", "disturbing", "insensitive", "unhelpful", "counterproductive",
    "destabilizing", "destabilising", "inflammatory", "offensive", "divisive", "appalling",
    "unjustified", "unjustifiable", "unfounded", "baseless", "absurd", "ridiculous",
    "racist", "hostile", "damaging", "harmful", "wrong", "mistake", "misguided", "escalation",
    "disappointing", "unilateral",
})
# Dependents that tie a judgement to the act: its modifier, a predicate of the clause it is
# the subject or object of, or what it is seen "as".
_PREDICATES = frozenset({"acomp", "attr", "oprd", "xcomp"})
_QUALIFIERS = frozenset({"amod", "acl", "relcl", "compound", "conj"})


def _seen_as(tok: Token) -> list[Token]:
    """What "as" says a thing is: "viewed the move as a provocation", "the move as reckless"."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children]


def _judged_act(content: Span) -> Token | None:
    """The word by which what is said judges an actor's act wrong: "Russia's worrying
    actions", "Washington's move is a provocation", "viewed Washington's move as a measure
    contradicting the law", "Iran's decision violates the deal" (the judging word)."""
    for act in content:
        if act.lemma_.lower() not in _ACTS or not any(
                c.dep_ == "poss" and (c.ent_type_ in _NAMED or c.pos_ == "PROPN")
                for c in act.children):
            continue
        judged = [c for c in act.children if c.dep_ in _QUALIFIERS] + _seen_as(act)
        if act.dep_ in ("nsubj", "nsubjpass", "dobj"):
            head = act.head
            judged += [head, *_seen_as(head)]
            judged += [c for c in head.children if c.dep_ in _PREDICATES and c.i != act.i]
        for tok in judged:
            for word in (tok, *(c for c in tok.children if c.dep_ in _QUALIFIERS)):
                if word.lemma_.lower() in DISAPPROVAL or word.lower_ in DISAPPROVAL:
                    return word
    return None


# Verbs that put a charge by implying it: "suggested that the militia posed a threat".
_INSINUATING = frozenset({"suggest", "imply", "insinuate"})
# "posed a threat to", "represents a danger to": a charge when an actor is what menaces.
_POSING = frozenset({"pose", "represent", "constitute"})
_MENACES = frozenset({"threat", "danger", "menace", "risk"})
_CHARGE = Entry("ACCUSE", "allege", None, "verb", "say", source="threat_charge")


def _threat_charge(content: Span) -> Token | None:
    """The menace what is said charges an actor with: "the militia poses a threat to the
    region" (not "the new dam poses a risk", which names no actor, nor "does not pose")."""
    doc = content.doc
    for verb in content:
        if verb.lemma_.lower() not in _POSING or any(c.dep_ == "neg" for c in verb.children):
            continue
        menace = next((c for c in verb.children if c.dep_ == "dobj" and
                       c.lemma_.lower() in _MENACES), None)
        subj = subject_token(verb)
        if menace is None or subj is None or subj.lower_ in _IMPERSONAL:
            continue
        lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
        if subj.pos_ == "PROPN" or any(lo <= m.start < hi and m.kind in _ACTOR_KINDS
                                       for m in doc._.mentions or []):
            return menace
    return None


def _stated_need(content: Span) -> Token | None:
    """The noun "need" with what is needed ("the need for an overhaul", "the need to scrap
    the deal"): saying so calls for it, PLOVER's REQUEST (not "there is no need for")."""
    for t in content:
        if t.lemma_.lower() == "need" and t.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "for" or c.dep_ in ("acl", "relcl") and
                any(a.lower_ == "to" for a in c.children) for c in t.children) and not any(
                c.dep_ == "det" and c.lower_ in ("no", "any") or c.dep_ == "neg"
                for c in t.children):
            return t
    return None


def _reported_as_fact(trig: Trigger) -> bool:
    """What is said tells of an occurrence (not "they could ...", "should ...", "have long
    ..."): then it is that event's report, not a charge of the speaker's own."""
    return not trig.negated and factuality.classify(
        trig.token, trig.light, trig.type, trig.rule, trig.future) == factuality.ASSERTED \
        and other_sense(trig.token, trig.type, trig.light) in OCCURRENCE_SENSES | {None}
    # not "rules threaten"; "would be handed over to the police" still tells an occurrence


# Subjects that make a statement the speaker's own view or an assessment of a situation,
# not a charge against someone: "I understand", "we know", "it is unclear", "this is ...".
_IMPERSONAL = frozenset({"i", "we", "you", "it", "this", "that", "there", "what", "whether",
                         "something", "nothing", "everything", "anything"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_ANY = frozenset({"any", "every", "no", "each"})


# Verbs by which speakers give their own view or feeling: "we know", "I understand".
_COGNITION = frozenset({"know", "understand", "think", "believe", "feel", "see", "realize",
                        "realise", "recognize", "recognise", "hope", "fear", "worry"})
# Words that make a statement an estimate rather than a charge.
_HEDGE_WORDS = frozenset({"arguably", "perhaps", "probably", "possibly", "maybe", "seem",
                          "appear"})


def _roots(content: Span) -> list[Token]:
    return [t for t in content if t.head.i == t.i or not
            content.start <= t.head.i < content.end]


def _hedged(content: Span) -> bool:
    """The main clause of what is said is an estimate or a forecast: "is arguably the main
    concern", "would seem to be a stretch", "a withdrawal could lead to further pullouts"."""
    return any(r.lemma_.lower() in _HEDGE_WORDS or any(
        c.dep_ == "advmod" and c.lower_ in _HEDGE_WORDS or
        c.dep_ == "aux" and c.lower_ in _SPECULATIVE for c in r.children)
        for r in _roots(content))


_SPECULATIVE = frozenset({"could", "may", "might"})
# Verbs by which someone owns a wrong, and the nouns "take" owns it by ("took the blame").
_OWNING = frozenset({"admit", "acknowledge", "confess", "apologize", "apologise", "regret"})
_OWNED = frozenset({"responsibility", "blame"})


def _admission(content: Span) -> bool:
    """The main clause tells that someone owned a wrong ("he has taken responsibility for
    using abusive language", "she admitted misleading the board"): the statement reports
    the admission, it does not charge anyone (not "he used abusive language")."""
    return any(r.lemma_.lower() in _OWNING or r.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _OWNED for c in r.children)
        for r in _roots(content))


def _own_view(content: Span) -> Span | None:
    """ "we know something is very wrong": a first-person verb of knowing or feeling gives
    the speaker's view; the charge, if any, is in its complement (returned), and a view with
    no complement ("I understand the farmers' anger") charges no one (an empty span)."""
    for r in _roots(content):
        subj = next((c for c in r.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in ("i", "we") or \
                r.lemma_.lower() not in _COGNITION:
            continue
        comp = next((c for c in r.children if c.dep_ == "ccomp"), None)
        if comp is None:
            return content.doc[r.i:r.i]
        return content.doc[comp.left_edge.i:comp.right_edge.i + 1]
    return None


def _about_someone(content: Span) -> bool:
    """The statement is about an actor: its main clause has an actor, or anything but an
    impersonal or first- and second-person subject, or it names a person, organisation or
    state ("we face the threat of North Korean provocations")."""
    if (view := _own_view(content)) is not None:
        return len(view) > 0 and _about_someone(view)
    roots = _roots(content)
    if not any(r.pos_ in ("VERB", "AUX") for r in roots):
        return True  # a noun phrase ("said the fact that ..."): read as before
    subj = next((c for r in roots for c in r.children
                 if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
    if subj is not None and subj.dep_ != "csubj" and subj.lower_ not in _IMPERSONAL and \
            not any(c.dep_ == "det" and c.lower_ in _ANY for c in subj.children):
        return True  # not "any politician who ... is not fit": no one in particular
    return any(t.ent_type_ in _NAMED for t in content)


def _main_subject(content: Span) -> Token | None:
    return next((c for r in _roots(content) for c in r.children
                 if c.dep_ in ("nsubj", "nsubjpass")), None)


def _own_side(content: Span, speech: Token) -> bool:
    """What is said is about the speaker's own body: "the police chief said police alone
    cannot end the violence" assesses a task, it charges no one."""
    subj, speaker = _main_subject(content), subject_token(speech)
    if subj is None or speaker is None or subj.pos_ != "NOUN":
        return False
    return any(t.lemma_.lower() == subj.lemma_.lower() for t in speaker.subtree
               if t.i != subj.i and t.pos_ == "NOUN")


# Passive verbs by which a report tells what others hold against someone.
_SUSPECTED = frozenset({"suspect", "want", "believe", "think", "know", "say", "report",
                        "allege", "rumor", "rumour"})


def _held_by_others(content: Span) -> bool:
    """The main clause is a passive of suspicion with no one named as holding it ("he was
    suspected of violating parole", "the man is wanted for robbery"), or what is said is
    others' reports or charges themselves ("noted published reports alleging that ..."):
    the speaker relays what others hold, not a charge of the speaker's own."""
    return any(r.tag_ == "VBN" and r.lemma_.lower() in _SUSPECTED and any(
        c.dep_ == "auxpass" for c in r.children) and not any(
        c.dep_ == "agent" for c in r.children) or r.pos_ == "NOUN" and
        r.lemma_.lower() in _RELAYED for r in _roots(content))


# Others' words a statement can cite: "cited reports that", "noted allegations that".
_RELAYED = frozenset({"report", "allegation", "claim", "account", "rumor", "rumour",
                      "accusation", "charge", "story"})


_BECAUSE = frozenset({"because", "since"})


def _reasons(speech: Token) -> list[Span]:
    """The reasons a speaker gives: "said the claim smacked of hypocrisy, because the
    Democrats had done the same" aims the judgement at whom the reason names."""
    return [speech.doc[c.left_edge.i:c.right_edge.i + 1] for c in speech.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _BECAUSE
                                         for m in c.children)]


def _names_someone(content: Span, speech: Token) -> bool:
    """The content names an actor (a person, group, state or sector) or addresses "you"."""
    doc = content.doc
    speaker = [c for c in speech.children if c.dep_ == "nsubj"]
    lo = speaker[0].left_edge.idx if speaker else -1
    hi = speaker[0].right_edge.idx + len(speaker[0].right_edge.text) if speaker else -1
    for m in doc._.mentions or []:
        if content.start_char <= m.start < content.end_char and not lo <= m.start < hi \
                and m.kind in _ACTOR_KINDS:
            return True
    return any(t.lower_ in ("you", "they", "he", "she") for t in content)


def warning_sense(tok: Token, actor_country) -> str | None:
    """For a THREATEN trigger "warn": None when the warning is a threat (the speaker's own
    act, a condition, someone warned directly), "criticism" when it warns of what someone
    else does, "statement" when it warns of what may happen.  ``actor_country`` gives the
    country of a token's actor mention, if any."""
    if tok.lemma_.lower() != "warn" or tok.pos_ != "VERB":
        return None
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
    if obj is not None and not (clause is not None and obj.i < clause.i and
                                subject_token(clause) is None):
        return None  # "warned Israel not to ...": addressed to the one threatened
    # (else the parser took the clause's subject for an object: "warned young people would
    # rise up")
    conditional = any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in tok.subtree)
    content: Span | None = None
    if clause is not None and clause.i < tok.i:
        return None if conditional else _quoted_warning(tok)  # "“It is ...,” he warned."
    if clause is not None:
        subj = subject_token(clause) or obj
        if subj is None or subj.lower_ in _SELF or subj.lemma_.lower() in _MEASURES:
            return None
        if clause.lemma_.lower() not in _PENALTIES and any(
                a.dep_ == "aux" and a.lower_ in _SPECULATIVE for a in clause.children):
            return "statement"  # "warned that the incident could foreshadow a crisis"
        speaker = subject_token(tok)
        own = actor_country(speaker) if speaker is not None else None
        if own and own == actor_country(subj) and _named(subj):
            return None  # "China warned that the Chinese government will not ..."
        if conditional:  # "warned that Iran would pay a price if ..." is a threat; "warned
            # young people would rise up if nothing was done" forecasts what others may do
            return None if clause.lemma_.lower() in _PENALTIES else "statement"
        if actor_country(subj) is None and any(
                a.dep_ == "aux" and a.lower_ in _FUTURE for a in clause.children):
            return None  # "the security chief warned that police will no longer tolerate"
        content = tok.doc[clause.left_edge.i:clause.right_edge.i + 1]
    elif conditional:
        return None
    else:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "against"):
                content = tok.doc[c.left_edge.i:c.right_edge.i + 1]
        if content is None:
            return _quoted_warning(tok)
    if any(t.lemma_.lower() in HARM_WITHOUT_AGENT | {"illness", "sick", "ill"}
           for t in content):
        return "statement"  # "warned that migrants are at risk of illness": no one blamed
    return "criticism" if _names_someone(content, tok) else "statement"


def _named(tok: Token) -> bool:
    """The phrase names a state, group or person ("the Chinese government", "Beijing") or
    is the state's own agent ("police", "the army"), so its country is the speaker's, not
    the story's default given to "migrants" or "doctors"."""
    return any(t.ent_type_ in _NAMED for t in tok.subtree) or tok.pos_ == "PROPN" or \
        tok.lemma_.lower() in _STATE_AGENTS


_STATE_AGENTS = frozenset({"police", "army", "military", "troops", "forces", "government",
                           "authority", "ministry", "official", "security", "soldier", "navy",
                           "administration", "regime", "officer", "force", "state"})


def _quoted_warning(tok: Token) -> str | None:
    """ "“...,” he warned.": a quote that says what the speaker will do if ... is a threat;
    one that condemns is criticism; any other quote warns of what may happen."""
    span = _content(tok, tok.sent)
    if span is None or span[1] - span[0] < 3:
        return None
    content = tok.doc[span[0]:span[1]]
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in content) or any(
            t.dep_ == "aux" and t.lower_ in _FUTURE and subject_token(t.head) is not None
            and subject_token(t.head).lower_ in _SELF for t in content):
        return None  # "“We will respond if they cross the line,” he warned."
    text = content.text
    score = valence(text)
    if score <= CRITICAL or (any(t.lemma_.lower() in CENSURE for t in content) and score < 0.3):
        return "criticism"
    return "statement"


# Verbs of promising, and the punitive measures whose promise warns someone.
_PROMISING = frozenset({"pledge", "promise", "vow", "swear", "commit"})
_PUNITIVE = frozenset({"sanction", "retaliation", "reprisal", "punishment", "countermeasure",
                       "consequence", "crackdown"})


def promised_measure(tok: Token) -> bool:
    """ "pledged to take decisive action against such accounts", "promised consequences":
    a promise of measures against someone warns them, PLOVER's THREATEN, not an AGREE."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _PROMISING:
        return False
    acts = [tok] + [c for c in tok.children if c.dep_ == "xcomp"]
    for obj in (o for a in acts for o in a.children if o.dep_ == "dobj"):
        lemma = obj.lemma_.lower()
        if lemma in _PUNITIVE or lemma in _MEASURES and any(
                c.dep_ == "prep" and c.lower_ == "against" for c in obj.children):
            return True
    return False


# Requests and cooperation whose object is a punitive measure, announced as what the speaker
# will do: "will seek new sanctions", "would take measures against" warn, PLOVER's THREATEN.
_ANNOUNCING = frozenset({"REQUEST", "AGREE", "COOPERATE", "SUPPORT"})


def announced_measure(tok: Token, etype: str) -> bool:
    """ "the United States will seek new U.N. sanctions": an act to come whose object is a
    punishment (not "sought sanctions", a request made, nor "will seek talks")."""
    if etype not in _ANNOUNCING or tok.pos_ != "VERB" or not any(
            c.dep_ == "aux" and c.lower_ in _FUTURE for c in tok.children):
        return False
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in _PUNITIVE or c.lemma_.lower() in
                                     _MEASURES and any(p.dep_ == "prep" and p.lower_ ==
                                                       "against" for p in c.children))
               for c in tok.children)


# Listeners a speaker addresses at a rally or in a campaign: urging them rallies one's own
# side, it asks nothing of an actor (protest demands voiced at the rally are the protest's).
_AUDIENCES = frozenset({"crowd", "audience", "voter", "supporter", "listener", "attendee",
                        "follower", "fan", "rallygoer", "marcher"})


def rallying_call(tok: Token, etype: str) -> bool:
    """ "speakers took turns urging the crowd to focus on ...", "he urged voters to look at
    his record": a REQUEST addressed to the speaker's audience, by anyone but the state's
    agents ("police urged the crowd to disperse" asks something of it)."""
    if etype != "REQUEST" or tok.pos_ != "VERB":
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
    if obj is None or obj.lemma_.lower() not in _AUDIENCES:
        return False
    subj = subject_token(tok) or (subject_token(tok.head) if tok.dep_ in ("xcomp", "advcl")
                                  else None)
    return subj is None or subj.lemma_.lower() not in _STATE_AGENTS


_OPINION_AUX = frozenset({"should", "must", "ought", "need"})


def concurring_opinion(tok: Token, etype: str) -> bool:
    """ "he agreed that a president should make clear ...": one speaker agreeing with a view
    holds an opinion; parties agreeing among themselves ("Chad and Niger agreed that their
    governments should share data") or on what they will do ("agreed that the troops would
    leave by May") make an agreement."""
    if etype != "AGREE" or tok.lemma_.lower() != "agree" or tok.pos_ != "VERB":
        return False
    subj = subject_token(tok)
    if subj is None or subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj"
                                                          for c in subj.children):
        return False
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    return clause is not None and any(c.dep_ == "aux" and c.lower_ in _OPINION_AUX
                                      for c in clause.children)


# Acts by which a crowd gathers somewhere, and words that make a subject a crowd.
_GATHERING = frozenset({"surround", "march", "gather", "rally", "converge", "descend", "fill",
                        "occupy", "assemble", "parade", "flood", "pack", "throng"})
_MANY = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozens", "scores",
                   "several", "many", "tens"})
_CROWD_DEMAND = Entry("PROTEST", "demo", None, "verb", "gather", source="crowd_demand")


def _crowd(subj: Token | None) -> bool:
    """A plural noun counted in hundreds or thousands ("several thousand teachers"), also as
    the apposition a dateline pushed aside ("Indianapolis – several thousand teachers")."""
    if subj is None:
        return False
    return any(s.tag_ == "NNS" and any(t.like_num or t.lower_ in _MANY
                                       for t in s.subtree if t.i < s.i)
               for s in (subj, *(c for c in subj.children if c.dep_ == "appos")))


def crowd_demands(found: list[Trigger]) -> list[Trigger]:
    """ "Several thousand teachers surrounded the Statehouse to call for better pay": a demand
    that is the purpose of a crowd's gathering is the topic of a protest, which is the event
    (PROTEST demo by the crowd), not a REQUEST of its own; what protesters are said to
    demand, oppose or vow is no event of its own either (CODING's topic of a protest)."""
    out = []
    for trig in found:
        tok, head = trig.token, trig.token.head
        if trig.type == "REQUEST" and tok.dep_ == "advcl" and "to" in {
                c.lower_ for c in tok.children} and head.lemma_.lower() in _GATHERING and \
                _crowd(subject_token(head)):
            protest = Trigger(head, _CROWD_DEMAND, "PROTEST", "demo", "rule:crowd_demand")
            protest.notes.append(f"demand:{tok.lower_}@{tok.idx}")
            trig = protest
        elif trig.type in _PROTEST_MESSAGES and _protesters(subject_token(tok)):
            # "the protesters opposed the amendment", "the marchers vowed to stay": what the
            # crowd demands, opposes or vows is the topic of its protest, told as its own
            continue
        out.append(trig)
    return out


# What a crowd says by protesting: its demands, its opposition, its vows to go on.
_PROTEST_MESSAGES = frozenset({"REQUEST", "REJECT", "AGREE"})


def _protesters(subj: Token | None) -> bool:
    return subj is not None and (subj.lemma_.lower() in PROTESTERS | {"crowd"} or
                                 subj.lower_.rstrip("s") in PROTESTERS)


# Verbs that put forward a charge: what they say someone did wrong is alleged by the speaker.
_ALLEGING = frozenset({"claim", "allege", "charge", "contend", "complain"})
# Acts whose report, when someone else claims it, is an accusation of wrongdoing.
_WRONGS = frozenset({"ASSAULT", "COERCE", "REJECT", "PROTEST", "THREATEN", "SANCTION"})
_ALLEGATION = Entry("ACCUSE", "allege", None, "verb", "claim", source="allegation")


def allegations(found: list[Trigger]) -> list[Trigger]:
    """ "The council claimed the delegates were blocking a ban": the statement is the event,
    an accusation by the council (PLOVER ACCUSE allege); the act it alleges is not reported
    as fact, so its trigger gives way to the claim."""
    out = list(found)
    for trig in found:
        tok = trig.token
        verb = tok.head
        if _stance_said(trig):
            said = Trigger(verb, trig.entry, trig.type, trig.mode, "rule:stance_said")
            said.notes.append(f"stance:{tok.lower_}")
            out[out.index(trig)] = said  # "the ministry said it regrets the decision"
            continue
        if trig.type == "ACCUSE" and len(_agents(tok)) > 1:
            # "was accused of fraud by the bank and of perjury by the court": two accusers
            out += [Trigger(tok, trig.entry, trig.type, trig.mode, SECOND_ACCUSER)
                    for _ in _agents(tok)[1:]]
        if trig.type not in _WRONGS or tok.dep_ != "ccomp" or verb.pos_ != "VERB" or \
                verb.lemma_.lower() not in _ALLEGING or trig.negated:
            continue
        speaker, doer = subject_token(verb), subject_token(tok)
        if speaker is None or doer is None or speaker.lower_ == doer.lower_ or \
                doer.lower_ in _SELF - {"it"}:
            continue  # "he claimed he had been beaten" is his own account
        claim = Trigger(verb, _ALLEGATION, "ACCUSE", "allege", "rule:allegation")
        claim.notes.append(f"alleged:{trig.type}")
        out[out.index(trig)] = claim
    return out


# Rules whose trigger is the speaker's own verb of saying: the statement is the event,
# whatever becomes of the acts its words tell (CODING.md: "a statement is itself the event").
_SPOKEN = frozenset({"rule:critical_statement", "rule:judged_act", "rule:insufficiency",
                     "rule:threat_charge", "rule:alleged_practice", "rule:stated_need"})


def said_beside_untold(first: Event, ev: Event) -> bool:
    """A statement read from its speaker's words and an act of the same type its sentence
    tells but does not count ("said that claim smacked of hypocrisy, because Democrats have
    long questioned ...": the questioning is background): two events, so the untold one
    does not swallow the statement."""
    return ev.rule in _SPOKEN and not (ev.negated or ev.hypothetical or ev.aggregate) and (
        first.negated or first.hypothetical or first.aggregate)


# The rule of each accusation told by an accuser after the first in one passive clause.
SECOND_ACCUSER = "rule:second_accuser"


def _agents(tok: Token) -> list[Token]:
    """The "by" phrases of a passive verb, one per agent: its own and those the parser hung
    on a conjoined charge ("accused of A by P and (of) B by Q")."""
    if tok.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in tok.children):
        return []
    return [t for t in tok.subtree if t.lower_ == "by" and (
        t.dep_ == "agent" and t.head.i == tok.i or t.dep_ == "prep" and (
            t.head.dep_ == "conj" or t.head.dep_ == "pobj" and t.head.head.dep_ == "conj"))]


# Pronouns by which a reported clause speaks for the speaker itself ("the ministry said it"),
# and the verbs that report a statement so.
_SAME_SPEAKER = frozenset({"it", "he", "she", "they"})
_SAYING = frozenset({"say", "state", "add", "announce", "declare", "tell", "write", "insist",
                     "stress", "reiterate"})


def _stance_said(trig: Trigger) -> bool:
    """ "The ministry said it regrets any decision ...": a stance in the simple present that
    the speaker states of itself is the statement, made when it was said (not "said Iran
    condemns ...", what another holds)."""
    tok, verb = trig.token, trig.token.head
    if trig.type != "ACCUSE" or trig.negated or tok.dep_ != "ccomp" or \
            tok.tag_ not in ("VBZ", "VBP") or verb.tag_ != "VBD" or \
            verb.lemma_.lower() not in _SAYING or any(c.dep_ == "aux" for c in tok.children):
        return False
    subj, speaker = subject_token(tok), subject_token(verb)
    return subj is not None and speaker is not None and subj.lower_ in _SAME_SPEAKER and \
        speaker.pos_ in ("PROPN", "NOUN") and not _anyone(speaker)


_VERDICT = Entry("ACCUSE", "disapprove", None, "verb", "criticise", source="critics_verdict")


def critics_verdicts(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """ACCUSE by critics for a verb whose agent they are and that judges (a negative verb, or
    one with "as"): "the vote was dismissed by critics as a sham", "a plan seen by opponents
    as a giveaway" (not "praised by critics", "passed by opponents and supporters")."""
    out = []
    taken = {t.token.i for t in found}
    for tok in sent:
        if tok.dep_ != "pobj" or not _critic(tok) or tok.head.dep_ != "agent":
            continue
        verb = tok.head.head
        if verb.pos_ != "VERB" or verb.i in taken or valence(verb.lower_) > 0 or not (
                valence(verb.lower_) < 0 or any(t.lower_ == "as" for t in verb.subtree)):
            continue  # "seen by critics as a sham", "mocked by critics"; not "passed by"
        trig = Trigger(verb, _VERDICT, "ACCUSE", "disapprove", "rule:critics_verdict")
        taken.add(verb.i)
        out.append(trig)
    return out


# Cooperation a speaker can wish for with another party, and the verbs of wishing.
_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
_HOPING = frozenset({"hope", "want", "wish"})
_HOPING_FORMS = frozenset({"hoped", "hopes", "hoping"})  # the lemmatizer reads "hop"


def hoped_cooperation(tok: Token, etype: str) -> bool:
    """ "we hope to normalise our relations with Cuba", "the president wants to cooperate
    with Uganda": an actor's stated wish to cooperate with another is an intent to
    cooperate, PLOVER's AGREE (not "wanted to attack", nor "does not want to meet", nor
    "critics hope to meet": no one in particular)."""
    if etype not in _COOPERATION or tok.pos_ != "VERB":
        return False
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in _HOPING or t.lower_ in _HOPING_FORMS:
            subj = subject_token(t)
            return subj is not None and not any(c.dep_ == "neg" for c in t.children) and (
                subj.lower_ in _HOPERS or _named(subj) and not _anyone(subj))
    return False


_HOPERS = frozenset({"we", "i", "he", "she", "they"})
