"""The annotation stage: which components run, in which order, with which settings.

This is the one place that assembles the language layer (``nlp``) and the event coder
(``events``) into a spaCy pipeline; ``ingest``, ``scale`` and ``analyze`` call
``annotate_batch``.  Components declare what they read and write (``requires``/``assigns``
in their factories) and ``load_nlp`` refuses an order in which one would read a list before
it is written.  Everything a run's settings change in the pipeline (model, lexicon and actor
files) is passed in here, so a worker process or a Dask worker builds the same pipeline as
the process that started the run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from eventwire.config import Settings
from eventwire.models import Annotations, Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# In pipeline order: later components read what earlier ones put on the Doc.
COMPONENTS = ("eventwire_actors", "eventwire_times", "eventwire_places", "eventwire_quotes",
              "eventwire_events")
LANGUAGE_LAYER = COMPONENTS[:-1]  # the event coder reads the lists these write

# spaCy's parser needs about 1 GB per 100k characters; longer bodies are cut for NLP only.
MAX_NLP_CHARS = 200_000


def load_nlp(settings: Settings | None = None, upto: str = COMPONENTS[-1]) -> Language:
    """The model with the project's components up to ``upto``, built once per process for
    each model, lexicon and actor files (``settings``; the environment's when None)."""
    s = settings or Settings()
    return _build(s.spacy_model, s.lexicon_files, s.actor_files, upto)


@lru_cache(maxsize=4)
def _build(model: str, lexicon_files: tuple[str, ...], actor_files: tuple[str, ...],
           upto: str) -> Language:
    from eventwire.nlp.attribute_index import index_attribute_ruler
    from eventwire.nlp.lemma_index import index_lemmatizer
    from eventwire.nlp.model import load_bare

    _register_factories()
    config = {"eventwire_actors": {"actor_files": list(actor_files)},
              "eventwire_events": {"lexicon_files": list(lexicon_files)}}
    nlp = load_bare(model)
    index_attribute_ruler(nlp)  # same annotations, a tenth less time
    index_lemmatizer(nlp)  # same lemmas, a lookup per distinct word form
    nlp.max_length = max(nlp.max_length, MAX_NLP_CHARS + 1)
    if "parser" in nlp.pipe_names:  # headlines and date lines end their sentence
        nlp.add_pipe("eventwire_lines", before="parser")
    for name in COMPONENTS[:COMPONENTS.index(upto) + 1]:
        nlp.add_pipe(name, config=config.get(name, {}))
    check_order(nlp)
    # The model's million objects live as long as the process: frozen, the garbage collector
    # stops walking them on every collection (a tenth of ingest CPU otherwise).
    gc.freeze()
    return nlp


def _register_factories() -> None:
    """Import the modules whose ``@Language.factory`` registers each component."""
    from eventwire.events import coder  # noqa: F401
    from eventwire.nlp import lines  # noqa: F401
    from eventwire.nlp.actors import tagger  # noqa: F401
    from eventwire.nlp.dates import component as dates  # noqa: F401
    from eventwire.nlp.places import component as places  # noqa: F401
    from eventwire.nlp.quotes import component as quotes  # noqa: F401


def check_order(nlp: Language) -> None:
    """Fail when a component comes before one whose output it ``requires``."""
    problems = {name: attrs for name, attrs in nlp.analyze_pipes()["problems"].items()
                if attrs}
    if problems:
        detail = "; ".join(f"{n} needs {', '.join(a)}" for n, a in problems.items())
        raise RuntimeError(f"pipeline order: {detail} from a component before it")


def make_docs(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    """Tokenise each article and attach the context its components need."""
    from eventwire.nlp.extensions import remember_text

    for art in articles:
        text = art.body[:MAX_NLP_CHARS]
        doc = nlp.make_doc(text)
        remember_text(doc, text)  # doc.text without joining the tokens again
        doc._.article_id = art.id
        doc._.published = art.published.date() if art.published else None
        doc._.dateline = art.dateline
        doc._.source = (urlsplit(art.url).hostname if art.url else None) or (
            art.site_name or art.source)
        yield doc


def annotate(articles: list[Article], nlp: Language, batch_size: int = 32
             ) -> list[Annotations]:
    """Articles through a loaded pipeline: one Annotations each, in order."""
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


def annotate_batch(articles: list[Article], settings: Settings | None = None
                   ) -> list[Annotations]:
    """Language layer + event coding for English articles; others get empty annotations."""
    english = [a for a in articles if a.is_english]
    done = ({x.article_id: x for x in annotate(english, load_nlp(settings))}
            if english else {})
    return [done.get(a.id) or Annotations(article_id=a.id) for a in articles]
