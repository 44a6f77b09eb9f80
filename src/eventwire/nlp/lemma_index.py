"""The same lemmas as spaCy's rule lemmatizer, looked up once per distinct word form.

The stock lemmatizer walks the Doc in Python and builds a Token for every word to read its
text, part of speech and morphology, even when its own cache already holds the answer.  A
lemma depends on nothing else (the cache is keyed by exactly those three), so here the
Doc's columns are read as one array, each distinct (word, POS, morphology) is lemmatized
once by the stock code and remembered, and the lemmas are written back as one array.
Tokens that already have a lemma (from the attribute ruler) keep it, as with the stock
component unless it overwrites.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_SEEN_MAX = 200_000  # distinct forms remembered; a vocabulary grows without end on a big corpus


class IndexedLemmatizer:
    """Replaces ``Lemmatizer.pipe`` of one rule lemmatizer instance: same lemmas."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.seen: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """What ``nlp.pipe`` calls; errors go to the component's handler, as in spaCy."""
        error_handler = self.lemmatizer.get_error_handler()
        for doc in docs:
            try:
                yield self(doc)
            except Exception as exc:
                error_handler(self.lemmatizer.name, self.lemmatizer, [doc], exc)

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        seen = self.seen
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not lem.overwrite:
                continue
            key = (orth, pos, morph)
            found = seen.get(key)
            if found is None:
                if len(seen) >= _SEEN_MAX:
                    seen.clear()
                found = seen[key] = strings.add(lem.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


def index_lemmatizer(nlp: Language) -> None:
    """Give the pipeline's rule lemmatizer the indexed step (when it has one); ``nlp.pipe``
    calls a component's ``pipe``, which the instance attribute overrides."""
    for _name, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and pipe.mode == "rule":
            pipe.pipe = IndexedLemmatizer(pipe).pipe
