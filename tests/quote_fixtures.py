"""Shared by the quote tests: the bare model with the quote component, and the rules'
attributions before the learned pass (so a test sees what a rule found)."""

from __future__ import annotations

import spacy

from eventwire.config import Settings
from eventwire.nlp.quotes import component as quotes_mod  # registers the factory


def quote_nlp():
    """The bare model plus the quote component: no actors, so doc._.mentions stays None."""
    nlp = spacy.load(Settings().spacy_model)
    nlp.add_pipe("eventwire_quotes")
    return nlp


def rules_only(nlp, text):
    """The rules' attributions before the learned model keeps or drops them."""
    doc = nlp.make_doc(text)
    doc._.article_id = "a1"
    for name, proc in nlp.pipeline:
        if name != "eventwire_quotes":
            doc = proc(doc)
    return quotes_mod.QuoteFinder(doc).find()
