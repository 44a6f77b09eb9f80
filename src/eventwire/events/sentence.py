"""One sentence's tokens made once, for the event coder's many passes over it.

spaCy makes a new Token object at every step of a walk over a Span, and the coder walks each
sentence many times (triggers, labels, calls, statements, modal demands, then the contexts
of every event found): making the same tokens again and again was a large share of its
time.  ``Sentence`` is the sentence Span itself, so every Span attribute and method answers
as before; only a walk over it returns the tokens made at the first walk, ``lemmas`` holds
their lower-case lemmas and ``text`` is cut from the Doc's text.  The Doc is not changed
while events are coded, so all three stay true.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)


class Sentence(Span):
    """A sentence Span whose tokens (and lower-case lemmas) are made at the first walk."""

    __slots__ = ("_tokens", "_lemmas", "_text")

    @classmethod
    def of(cls, span: Span) -> Sentence:
        return cls(span.doc, span.start, span.end)

    @property
    def tokens(self) -> list[Token]:
        try:
            return self._tokens
        except AttributeError:
            doc = self.doc
            self._tokens = [doc[i] for i in range(self.start, self.end)]
            return self._tokens

    @property
    def lemmas(self) -> list[str]:
        """``t.lemma_.lower()`` of each token, in order."""
        try:
            return self._lemmas
        except AttributeError:
            self._lemmas = [t.lemma_.lower() for t in self.tokens]
            return self._lemmas

    @property
    def text(self) -> str:
        """The sentence's text, cut from the Doc's text built once (``Span.text`` joins its
        tokens anew at each call)."""
        try:
            return self._text
        except AttributeError:
            self._text = self.doc._.text[self.start_char:self.end_char]
            return self._text

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)


def lemmas(sent: Span) -> list[str]:
    """The sentence's lower-case lemmas, made once when it is a ``Sentence``."""
    return sent.lemmas if isinstance(sent, Sentence) else [t.lemma_.lower() for t in sent]
