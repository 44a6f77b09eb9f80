"""Phone calls: "Biden called Erdogan on Tuesday" is a consultation (PLOVER CONSULT, mode
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
