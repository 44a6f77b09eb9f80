"""The column membership test the components use in place of ``numpy.isin``."""

import numpy
from spacy.attrs import LOWER
from spacy.lang.en import English

from eventwire.nlp.columns import among, sorted_keys


def test_among_agrees_with_isin_at_every_edge():
    rng = numpy.random.default_rng(7)
    column = rng.integers(0, 2**63, size=500, dtype=numpy.uint64)
    for keys in ([], column[:3].tolist(), [0], [2**64 - 1], column[::7].tolist() + [5, 9]):
        sk = sorted_keys(keys)
        assert (among(column, sk) == numpy.isin(column, keys)).all()
    assert among(column[:0], sorted_keys([1])).shape == (0,)


def test_among_finds_the_words_of_a_doc():
    nlp = English()
    doc = nlp("Police said the man died; a witness said he was killed.")
    keys = sorted_keys(doc.vocab.strings.add(w) for w in ("died", "killed", "said", "said"))
    found = [doc[int(i)].text for i in numpy.flatnonzero(among(doc.to_array(LOWER), keys))]
    assert found == ["said", "died", "said", "killed"]
