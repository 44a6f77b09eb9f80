"""Calls: phone calls, and calls for something that another actor takes up.

"Biden called Erdogan on Tuesday" is a consultation (PLOVER CONSULT, mode
phone) between the caller and the one called.

The lexicon cannot say it: "call" names a call only when its object is someone who can be
reached (a person, a state, an organisation) and nothing else frames it: not a label ("called
him a liar", ``labels``), a demand ("called on", "called for"), a summons ("called him as a
witness", "called him to testify"), calling off, or calling a meeting, a strike or an election
(objects that are no actors).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.lexicon import Entry
from eventwire.events.triggers import Trigger, subject_token

_ENTRY = Entry("CONSULT", "phone", None, "verb", "call", source="phone_call")
# Entity labels of someone who can take a call.
_CALLEES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dependents that frame "call" as something other than a call to someone.
_FRAMES = frozenset({"xcomp", "ccomp", "attr", "acomp", "dative", "nsubjpass"})
# ("called on Israel to ..." has no object; "called Putin on Tuesday" is a call).
_PREPS = frozenset({"for", "as", "off", "to", "into", "before", "out", "up"})


def _callee(tok: Token) -> Token | None:
    """The object of "call" when it names an actor by name.  spaCy often parses a lone named
    object as a label (``oprd``: "called Naomi Klein"); a label needs an object to label."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd")]
    if len(objs) != 1:
        return None  # none, or an object and its label ("called him a liar")
    obj = objs[0]
    return obj if obj.ent_type_ in _CALLEES and obj.pos_ == "PROPN" else None


def phone_calls(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """CONSULT triggers for "X called Y" where Y is a named actor and nothing else frames
    the verb."""
    taken = {t.token.i for t in found}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() != "call" or tok.i in taken:
            continue
        if tok.dep_ in ("amod", "acl", "relcl") or subject_token(tok) is None:
            continue  # "a so-called expert", "a man called Smith"
        if any(c.dep_ in _FRAMES or (c.dep_ in ("prep", "prt") and c.lower_ in _PREPS)
               for c in tok.children):
            continue
        if _callee(tok) is None:
            continue
        out.append(Trigger(tok, _ENTRY, "CONSULT", "phone", "rule:phone_call"))
    return out


# Verbs by which an actor makes someone's demand its own: "Japan echoed the call".
_ECHOING = frozenset({"echo", "repeat", "reiterate", "renew", "second"})
_DEMAND_NOUNS = frozenset({"call", "demand", "appeal", "plea"})


def _echoed_demand(tok: Token) -> Token | None:
    """The demand noun the verb takes up: its object ("echoed the call"), or the noun a
    participle describes ("a call echoed by Japan")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in _DEMAND_NOUNS:
        return tok.head
    return next((c for c in tok.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in _DEMAND_NOUNS), None)


def echoed_calls(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """REQUEST triggers for an actor taking up a demand ("Japan echoed the call", "a call
    echoed by Japan"): the echo is that actor's own demand, whoever made it first.  Not
    when the demand noun is already coded ("renewed its call for talks")."""
    taken = {t.token.i for t in found}
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _ECHOING or tok.i in taken:
            continue
        demand = _echoed_demand(tok)
        if demand is None or demand.i in taken:
            continue
        entry = Entry("REQUEST", None, None, "verb", tok.lemma_.lower(),
                      source="echoed_call")
        out.append(Trigger(tok, entry, "REQUEST", None, "rule:echoed_call"))
    return out
