"""Factuality under parses that split a phrase: an adjective-like participle left as a verb
("as an open, welcoming town") and a purpose phrase hung on a number under a modal ("should
direct its 5 billion reserves toward helping").  The parse is given, so each rule is tested
apart from the parser's choices; sentences written for these tests."""

from __future__ import annotations

from eventwire.events import factuality


def _parsed(words, heads, deps, tags, pos):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags,
               pos=pos, lemmas=[w.lower() for w in words])


def _about_keeping_dover(last: list[str], last_tags: list[str], last_deps: list[str],
                         before: str = "open"):
    """ "It is about keeping Dover as an open, welcoming ..." with the parser's split: "an
    open" the object of "as", the participle a conjunct of "keeping"."""
    words = ["It", "is", "about", "keeping", "Dover", "as", "an", before, ",", "welcoming",
             *last]
    heads = [1, 1, 1, 2, 3, 3, 7, 5, 3, 3] + [11 + i if d == "det" else 9
                                                for i, d in enumerate(last_deps)]
    deps = ["nsubj", "ROOT", "prep", "pcomp", "dobj", "prep", "det", "pobj", "punct",
            "conj", *last_deps]
    tags = ["PRP", "VBZ", "IN", "VBG", "NNP", "IN", "DT", "NN", ",", "VBG", *last_tags]
    pos = ["PRON", "AUX", "ADP", "VERB", "PROPN", "ADP", "DET", "NOUN", "PUNCT", "VERB"] + [
        "DET" if t == "DT" else "NOUN" for t in last_tags]
    return _parsed(words, heads, deps, tags, pos)


def test_participle_before_a_noun_whose_article_was_split_off_describes_it():
    doc = _about_keeping_dover(["town"], ["NN"], ["dobj"])
    assert factuality.classify(doc[9], None, "SUPPORT") == factuality.DESCRIPTIVE


def test_participle_with_an_object_of_its_own_stays_an_act():
    # "... Dover as an ally, welcoming the plan": the object has its own article
    doc = _about_keeping_dover(["the", "plan"], ["DT", "NN"], ["det", "dobj"], "ally")
    assert doc[11].head.i == 9 and doc[10].head.i == 11
    assert factuality.classify(doc[9], None, "SUPPORT") == factuality.ASSERTED
    # "... Dover as an ally, welcoming refugees": a plural object is no split noun phrase
    doc = _about_keeping_dover(["refugees"], ["NNS"], ["dobj"], "ally")
    assert factuality.classify(doc[9], None, "SUPPORT") == factuality.ASSERTED


# "The state should direct money from its 5 billion reserves toward helping schools", with
# "toward" hung on the number: (word, head, dependency, tag, part of speech).
_DIRECT_MONEY = [
    ("The", 1, "det", "DT", "DET"), ("state", 3, "nsubj", "NN", "NOUN"),
    ("should", 3, "aux", "MD", "AUX"), ("direct", 3, "ROOT", "VB", "VERB"),
    ("money", 3, "dobj", "NN", "NOUN"), ("from", 3, "prep", "IN", "ADP"),
    ("its", 9, "poss", "PRP$", "PRON"), ("5", 8, "compound", "CD", "NUM"),
    ("billion", 9, "nummod", "CD", "NUM"), ("reserves", 5, "pobj", "NNS", "NOUN"),
    ("toward", 8, "prep", "IN", "ADP"), ("helping", 10, "pcomp", "VBG", "VERB"),
    ("schools", 11, "dobj", "NNS", "NOUN"),
]


def _direct_money(modal: bool):
    """The sentence above, or without "should" and with "directed"."""
    rows = _DIRECT_MONEY if modal else [
        ("directed", 3, "ROOT", "VBD", "VERB") if w == "direct" else (w, h, d, t, p)
        for w, h, d, t, p in _DIRECT_MONEY if w != "should"]
    shift = 0 if modal else 1  # tokens after "should" move one place left
    return _parsed([r[0] for r in rows], [r[1] - (shift if r[1] > 2 else 0) for r in rows],
                   [r[2] for r in rows], [r[3] for r in rows], [r[4] for r in rows])


def test_purpose_hung_on_a_number_is_under_the_modal():
    doc = _direct_money(modal=True)
    helping = next(t for t in doc if t.text == "helping")
    assert helping.head.head.text == "billion" and helping.head.head.head.text == "reserves"
    assert factuality.classify(helping, None, "AID") == factuality.RECOMMENDED


def test_purpose_hung_on_a_number_of_a_past_act_stays():
    doc = _direct_money(modal=False)
    helping = next(t for t in doc if t.text == "helping")
    assert helping.head.head.text == "billion"
    assert factuality.classify(helping, None, "AID") == factuality.ASSERTED


def _going_on(wish: bool):
    """ "We hope to go on [in] helping the families" (or "We went on [in] helping ..."),
    the bracket hung on the verb before it as the parser does."""
    if wish:
        rows = [("We", 1, "nsubj", "PRP", "PRON"), ("hope", 1, "ROOT", "VBP", "VERB"),
                ("to", 3, "aux", "TO", "PART"), ("go", 1, "xcomp", "VB", "VERB")]
    else:
        rows = [("We", 1, "nsubj", "PRP", "PRON"), ("went", 1, "ROOT", "VBD", "VERB")]
    v = len(rows) - 1
    rows += [("on", v, "prt", "RP", "ADP"), ("[", v, "dep", "XX", "X"),
             ("in", v + 2, "prep", "IN", "ADP"), ("]", v + 3, "punct", "-RRB-", "PUNCT"),
             ("helping", v + 3, "pcomp", "VBG", "VERB"), ("the", v + 7, "det", "DT", "DET"),
             ("families", v + 5, "dobj", "NNS", "NOUN")]
    return _parsed(*(list(col) for col in zip(*rows, strict=True)))


def test_a_wish_reaches_through_an_editorial_bracket():
    doc = _going_on(wish=True)
    helping = next(t for t in doc if t.text == "helping")
    assert helping.head.head.text == "[" and helping.head.head.head.text == "go"
    assert factuality.classify(helping, None, "AID") == factuality.PLANNED


def test_an_act_told_through_an_editorial_bracket_stays():
    doc = _going_on(wish=False)
    helping = next(t for t in doc if t.text == "helping")
    assert helping.head.head.head.text == "went"
    assert factuality.classify(helping, None, "AID") == factuality.ASSERTED


def test_participle_after_a_passive_agent_describes_its_noun(nlp):
    from tests.event_helpers import asserted_types

    # "by local monitors and invited foreign experts": who monitors, no invitation told
    text = "The vote will be monitored by local monitors and invited foreign experts."
    assert "AGREE" not in asserted_types(nlp, text)
    # an object with its own article: the delegates did invite them
    text = "The delegates were welcomed by the mayor and invited the ministers to dinner."
    assert "AGREE" in asserted_types(nlp, text)
