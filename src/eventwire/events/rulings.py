"""Court rulings: what a court or judge rules is an act of the court, typed by its content
(PLOVER: court-ordered measures are SANCTION, a finding of guilt or unconstitutionality is
SANCTION convict, a sentence that keeps someone in jail is COERCE arrest; CODING notes: an
exoneration such as a shooting ruled justified is CONCEDE).

A court's "must" or "should" is an order, not a request ("the court ruled that the ministry
must publish the files"), and "rule" is no verb of saying, so the modal-demand rule either
codes it as a REQUEST or misses it.  A ruling about a named adjective ("ruled the shooting
justified", "declared the decree unconstitutional") carries its verdict in the adjective.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.lexicon import Entry
from eventwire.events.triggers import Trigger, subject_token

# Who rules: the head noun of the subject, or of a compound before "ruling".
_JUDICIAL = frozenset({"court", "judge", "justice", "tribunal", "jury", "inquest", "coroner",
                       "magistrate", "judiciary"})
_RULING_VERBS = frozenset({"rule", "order", "declare", "find"})
_RULING_NOUNS = frozenset({"ruling", "verdict", "judgment", "judgement"})
# Verdicts carried by an adjective: against the party or measure, or clearing it.
_CONDEMNING = frozenset({"unconstitutional", "illegal", "unlawful", "invalid", "void", "guilty",
                         "liable"})
_CLEARING = frozenset({"justified", "justifiable", "innocent"})
_ORDER_MODALS = frozenset({"must", "should", "shall"})
# Staying or being kept in custody: the order keeps someone under arrest.
_CUSTODY = frozenset({"jail", "custody", "prison", "detention", "behind"})
_KEPT = frozenset({"remain", "stay", "be", "hold", "keep", "detain", "jail", "imprison"})


def _judicial(tok: Token | None) -> bool:
    """A court, a judge, an inquest: the noun itself or its compound ("Supreme Court")."""
    return tok is not None and (tok.lemma_.lower() in _JUDICIAL or any(
        c.dep_ == "compound" and c.lemma_.lower() in _JUDICIAL for c in tok.children))


def _ruled_by_court(verb: Token) -> bool:
    """The verb's subject is a court, or the verb describes a court's ruling ("a court
    ruling declaring ...")."""
    if _judicial(subject_token(verb)):
        return True
    head = verb.head
    return verb.dep_ == "acl" and head.lemma_.lower() in _RULING_NOUNS and (
        _judicial(head) or any(_judicial(c) for c in head.children if c.dep_ == "poss"))


def _verdict(verb: Token) -> tuple[str, str | None] | None:
    """The type an adjective verdict gives: "declared it unconstitutional", "ruled
    justifiable", "ruled that the law was invalid" (not "ruled that it was not justified")."""
    words = [c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "prep")]
    words += [g for c in words if c.dep_ == "ccomp" for g in c.children
              if g.dep_ in ("acomp", "attr", "oprd")]
    said = {w.lower_ for w in words}
    if any(c.dep_ == "neg" for w in words for c in (*w.children, *w.head.children)):
        return None
    if said & _CONDEMNING:
        return "SANCTION", "convict"
    return ("CONCEDE", None) if said & _CLEARING else None


def _kept_in_custody(clause: Token) -> bool:
    """ "should remain in jail", "must be held in custody"."""
    if clause.lemma_.lower() not in _KEPT:
        return False
    return any(p.dep_ == "prep" and any(o.lemma_.lower() in _CUSTODY for o in p.children)
               for p in clause.children) or clause.lemma_.lower() in ("detain", "jail",
                                                                     "imprison")


def _ordered_clause(verb: Token) -> Token | None:
    """The "must"/"should" clause a court rules: "ruled that the ministry must publish"."""
    return next((c for c in verb.children if c.dep_ == "ccomp" and any(
        a.dep_ == "aux" and a.lower_ in _ORDER_MODALS for a in c.children)), None)


def _trigger(verb: Token, etype: str, mode: str | None, note: str) -> Trigger:
    """On the ruling verb: the court's act is asserted even when its content is an order
    ("must", "should"), and the court is the verb's subject.  A participle describing a
    ruling noun ("a court ruling declaring ...") puts it on the noun, which stands for the
    ruling as an act of its own."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _RULING_NOUNS:
        noun = verb.head
        entry = Entry(etype, mode, "legal", "noun", noun.lemma_.lower(), source="court_ruling")
        return Trigger(noun, entry, etype, mode, "rule:court_ruling", light=noun, notes=[note])
    entry = Entry(etype, mode, "legal", "verb", verb.lemma_.lower(), source="court_ruling")
    return Trigger(verb, entry, etype, mode, "rule:court_ruling", notes=[note])


def _ruling(verb: Token) -> tuple[Trigger, set[int]] | None:
    """The ruling's trigger and the tokens whose triggers it replaces."""
    lemma = verb.lemma_.lower()
    by_court = _ruled_by_court(verb)
    verdict = _verdict(verb)
    if verdict is not None and (by_court or lemma == "rule"):
        return _trigger(verb, *verdict, note="verdict"), {verb.i}
    clause = _ordered_clause(verb) if by_court and lemma in ("rule", "order") else None
    if clause is None:
        return None
    if _kept_in_custody(clause):
        return _trigger(verb, "COERCE", "arrest", "kept_in_custody"), {verb.i, clause.i}
    return _trigger(verb, "SANCTION", None, "court_order"), {verb.i, clause.i}


def court_rulings(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """``found`` with each court ruling typed by its content, replacing what the lexicon or
    the modal-demand rule read on the ruling verb or the ordered clause."""
    rulings = [r for tok in sent if tok.pos_ == "VERB" and tok.lemma_.lower() in _RULING_VERBS
               and (r := _ruling(tok)) is not None]
    if not rulings:
        return found
    replaced = set().union(*(taken for _, taken in rulings))
    kept = [t for t in found if t.token.i not in replaced]
    return sorted(kept + [t for t, _ in rulings], key=lambda t: t.token.i)
