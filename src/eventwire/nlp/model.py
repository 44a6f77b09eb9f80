"""Build the spaCy pipeline with eventwire's components and run it over article batches."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language

from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.models import Annotations, Article
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.attribute_index import index_attribute_ruler

# (component factory name, module that registers it), in pipeline order: later components
# read what earlier ones put on the Doc.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("eventwire_actors", "eventwire.nlp.actors.tagger"),
    ("eventwire_times", "eventwire.nlp.dates.component"),
    ("eventwire_places", "eventwire.nlp.places.component"),
    ("eventwire_quotes", "eventwire.nlp.quotes.component"),
    ("eventwire_events", "eventwire.events.coder"),
)

# spaCy's parser needs about 1 GB per 100k characters; longer bodies are cut for NLP only.
MAX_NLP_CHARS = 200_000


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


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, upto: str = "eventwire_events") -> Language:
    """Load the model once per process and add the project's components up to ``upto``."""
    nlp = load_bare(model or Settings().spacy_model)
    index_attribute_ruler(nlp)  # same annotations, a tenth less time
    nlp.max_length = max(nlp.max_length, MAX_NLP_CHARS + 1)
    for name, module in COMPONENTS:
        importlib.import_module(module)
        nlp.add_pipe(name, last=True)
        if name == upto:
            break
    return nlp


def make_docs(nlp: Language, articles: Iterable[Article]):
    """Tokenise each article and attach the context its components need."""
    for art in articles:
        doc = nlp.make_doc(art.body[:MAX_NLP_CHARS])
        doc._.article_id = art.id
        doc._.published = art.published.date() if art.published else None
        doc._.dateline = art.dateline
        yield doc


def annotate(
    articles: list[Article], nlp: Language | None = None, batch_size: int = 32
) -> list[Annotations]:
    """The language layer and event coding as one stage: articles in, annotations out."""
    nlp = nlp or load_nlp()
    out = []
    for doc in nlp.pipe(make_docs(nlp, articles), batch_size=batch_size):
        out.append(
            Annotations(
                article_id=doc._.article_id,
                mentions=doc._.mentions or [],
                quotes=doc._.quotes or [],
                times=doc._.times or [],
                places=doc._.places or [],
                events=doc._.events or [],
            )
        )
    return out
