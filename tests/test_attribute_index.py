"""The indexed match step of the attribute ruler finds exactly what spaCy's Matcher finds."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from eventwire.nlp.attribute_index import IndexedMatch, index_attribute_ruler

FIXTURES = Path(__file__).parent / "fixtures"


def test_every_kind_of_rule_matches_as_the_matcher_does():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    rules = [
        [[{"TAG": "NN"}]],  # a tag-map rule
        [[{"TAG": "PRP", "LOWER": "his"}]],
        [[{"LOWER": {"IN": ["is", "was"]}, "DEP": {"NOT_IN": ["aux"]}}]],
        [[{"TAG": {"NOT_IN": ["NN", "VBZ"]}}]],  # nothing to key on
        [[{"IS_SPACE": True}]],
        [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],  # keyed by its second token
        [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]],
        [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
        [[{"LOWER": "gon"}, {"LOWER": "na"}], [{"LOWER": "gon"}]],  # two patterns, one rule
        [[{"LOWER": "a"}, {"LOWER": "dog", "OP": "?"}]],  # an operator: left to the Matcher
        [[{}]],  # any token
    ]
    for i, patterns in enumerate(rules):
        ruler.add(patterns, {"LEMMA": f"rule{i}"})
    words = ["There", "is", "his", "dog", "  ", "y'", "all", "nothin'", "gon", "na", "go",
             "y", "all", "a", "dog", "was"]
    tags = ["EX", "VBZ", "PRP", "NN", "_SP", "PRP", "DT", "NN", "VBG", "TO", "VB", "PRP",
            "DT", "DT", "NN", "VBD"]
    deps = ["expl", "ROOT", "poss", "attr", "dep", "nsubj", "appos", "attr", "xcomp", "aux",
            "xcomp", "nsubj", "appos", "det", "dobj", "aux"]
    heads = [1] * len(words)
    heads[1] = 1
    doc = Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)
    fast = IndexedMatch(ruler)
    assert len(fast.others) == 1  # only the rule with an operator
    expected = ruler.match(doc)
    assert fast(doc) == expected
    got = {(rule, start, end) for rule, _, start, end in expected}
    assert {(0, 3, 4), (1, 2, 3), (4, 4, 5), (5, 5, 7), (5, 11, 13), (6, 7, 8), (7, 0, 2),
            (8, 8, 10), (8, 8, 9)} <= got
    assert (2, 15, 16) not in got and (2, 1, 2) in got  # "was" as aux is left out
    assert fast(Doc(nlp.vocab, words=[])) == ruler.match(Doc(nlp.vocab, words=[]))


@pytest.fixture(scope="module")
def model(stock_model):
    return stock_model


def test_the_models_ruler_gives_the_same_tokens(model):
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))][:12]
    texts += ["I ain't gonna do it, y'all.  Let's go, c'mon!  There's nothin' left.\n\n", ""]
    stock = list(model.pipe(texts))
    index_attribute_ruler(model)
    try:
        fast = list(model.pipe(texts))
    finally:
        ruler = model.get_pipe("attribute_ruler")
        del ruler.match  # back to the stock method for other tests
    assert sum(len(d) for d in stock) > 2000
    for a, b in zip(stock, fast, strict=True):
        assert [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in a] == \
               [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in b]
