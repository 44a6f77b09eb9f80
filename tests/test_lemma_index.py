"""The indexed lemmatizer gives exactly the lemmas of spaCy's rule lemmatizer."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.nlp.lemma_index import IndexedLemmatizer, index_lemmatizer

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def model(stock_model):
    return stock_model


def test_the_same_lemmas_as_the_stock_lemmatizer(model):
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))][:12]
    texts += ["Rebels were seizing towns; the seized towns' mayors fled, and they'd fled "
              "before.  I ain't gonna leave, y'all.  Better, best, worse: the worst floods.",
              "The Mayor's aides said the mayors met.  Protesters are protesting.", ""]
    stock = list(model.pipe(texts))
    pipe = model.get_pipe("lemmatizer")
    index_lemmatizer(model)
    try:
        fast = list(model.pipe(texts))
        again = list(model.pipe(texts))  # now every form comes from the index
    finally:
        del pipe.pipe  # back to the stock method for other tests
    assert sum(len(d) for d in stock) > 2000
    for a, b, c in zip(stock, fast, again, strict=True):
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b] == [t.lemma_ for t in c]


def test_a_lemma_set_before_is_kept(model):
    """Like the stock component (which does not overwrite), a lemma the attribute ruler or a
    caller set stays; only the tokens without one are lemmatized."""
    doc = model("Soldiers were fighting rebels.", disable=["lemmatizer"])
    doc[0].lemma_ = "trooper"
    IndexedLemmatizer(model.get_pipe("lemmatizer"))(doc)
    assert [t.lemma_ for t in doc] == ["trooper", "be", "fight", "rebel", "."]
