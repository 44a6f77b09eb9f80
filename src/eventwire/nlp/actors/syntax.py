"""Word lists and syntax tests that decide whether a name is an actor or a place.

"Baghdad worries" is the Iraqi government speaking; "near Baghdad" is a place.  A country or
capital after a locative preposition, in a dateline, or owning a place noun ("Iraq's
autonomous Kurdish region") is left to the places component.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

LOCATIVE_PREPS = {
    "in", "near", "into", "inside", "outside", "throughout", "across", "around", "within",
    "toward", "towards", "from", "via", "through", "onto", "outskirts", "beyond", "along",
}
# "south of Tikrit", "the outskirts of Gaza"
PLACE_OF = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "outskirts", "environs", "parts", "part",
    "city", "capital", "province", "region", "centre", "center", "heart", "border", "borders",
    "territory", "streets", "suburbs", "districts", "areas", "area", "rest", "coast", "soil",
}
PLACE_NOUNS = PLACE_OF | {
    "countryside", "airport", "port", "embassy", "consulate", "desert", "mountains", "villages",
    "village", "town", "towns", "cities", "provinces", "regions", "neighbourhood", "neighborhood",
    "district", "airspace", "waters", "side", "frontier", "base", "bases", "highway", "road",
    "camp", "camps", "prison", "hospital", "oil", "economy", "currency", "market", "markets",
}
MOTION_VERBS = {
    "leave", "enter", "visit", "reach", "return", "go", "travel", "fly", "come", "head", "move",
    "arrive", "flee", "tour", "cross", "deploy", "relocate", "evacuate", "land",
}
# Subjects, objects and owners: positions in which a capital stands for its government.
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "iobj", "agent", "appos", "dative"}
ACTOR_PREPS = {"against", "with", "by", "between", "on", "over", "for", "of", "to", "and",
               "among", "toward", "towards", "upon", "versus", "vs"}
LOOSE_ADJ = {"central", "northern", "southern", "eastern", "western", "northeastern",
             "northwestern", "southeastern", "southwestern", "rural", "downtown", "the", "war-torn",
             "occupied", "neighbouring", "neighboring", "nearby", "greater"}


def _prev_word(doc: Doc, i: int) -> Token | None:
    """The nearest earlier token that is not a loose place adjective, article or space."""
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].lower_ in LOOSE_ADJ):
        j -= 1
    return doc[j] if j >= 0 else None


DATELINE_ENDS = {":", "(", "—", "-", "–"}


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """Inside "WASHINGTON:" or "MOGADISHU, Somalia (AP) —" opening the text or a line."""
    i = start
    while i > 0 and "\n" not in doc[i - 1].text_with_ws and start - i < 6:
        i -= 1
    if i > 0 and "\n" not in doc[i - 1].text_with_ws:
        return False
    first = doc[i]
    if not (first.is_upper and len(first.text) > 1) or first.is_space:
        return False
    for tok in doc[i:min(i + 10, len(doc))]:
        if tok.text in DATELINE_ENDS:
            return tok.i >= end
        if not (tok.pos_ == "PROPN" or tok.is_upper or tok.text == "," or tok.is_title):
            return False
    return False


def is_locative(doc: Doc, start: int, end: int) -> bool:
    """True when the name at doc[start:end] is used as a place rather than as an actor."""
    if is_dateline(doc, start, end):
        return True
    head = doc[end - 1]
    # "Iraq's autonomous Kurdish region", "Iraq's north"
    if end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end].head.i != end:
        owner = doc[end - 1].head
        if owner.lower_ in PLACE_NOUNS:
            return True
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ in ("NOUN", "PROPN"):
        return True
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:  # "in Iraq and Syria"
        first = first.head
    prev = _prev_word(doc, first.left_edge.i if first.i != head.i else start)
    if prev is None:
        return False
    low = prev.lower_
    if low in LOCATIVE_PREPS:
        return True
    if low == "of":
        before = _prev_word(doc, prev.i)
        return before is not None and before.lower_ in PLACE_OF
    if low == "to":
        return prev.head.lemma_ in MOTION_VERBS
    if head.dep_ == "dobj" and head.head.lemma_ in MOTION_VERBS:
        return True
    return False


def acts_like_actor(doc: Doc, start: int, end: int) -> bool:
    """A capital counts as its government only in an actor's syntactic position."""
    tok = doc[end - 1]
    dep = tok.dep_
    if dep == "conj":
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        dep, tok = first.dep_, first
    if dep in ACTOR_DEPS:
        return True
    if dep == "pobj":
        return tok.head.lower_ in ACTOR_PREPS
    return False


def not_a_nationality(doc: Doc, start: int) -> bool:
    """ "ethnic Albanians" live elsewhere; "anti-Syria" and "non-Iraqi" deny the country."""
    if start >= 1 and doc[start - 1].lower_ == "ethnic":
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("anti", "non")
