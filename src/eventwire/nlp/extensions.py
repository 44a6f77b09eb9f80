"""Doc extensions through which the project's spaCy components hand results to each other.

Before a Doc enters the pipeline the caller sets ``article_id``, ``published`` (the
publication date, used to resolve relative dates), ``dateline`` (a place hint) and
``source`` (the publisher: a site name or host, whose home region places learns as it goes).
Each component fills one list; later components read the earlier ones.  ``text`` is the
Doc's text built once: spaCy's ``Doc.text`` joins every token anew on each access (about
0.2 ms for an article of 600 tokens); ``remember_text`` gives it the text the Doc was made
from, which spaCy's non-destructive tokenizer keeps exactly, so it is never joined at all.
"""

from __future__ import annotations

from spacy.tokens import Doc

_LISTS = ("mentions", "quotes", "times", "places", "events")
_VALUES = ("article_id", "published", "dateline", "source")


def _text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "eventwire.text"


def remember_text(doc: Doc, text: str) -> None:
    """Make ``doc._.text`` the ``text`` that ``doc`` was tokenised from (equal to ``doc.text``)."""
    doc.user_data[_TEXT_KEY] = text


def register() -> None:
    """Register the extensions once per process (idempotent)."""
    for name in _VALUES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _LISTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("text"):
        Doc.set_extension("text", getter=_text)


register()
