"""The ingest run: read -> extract -> (annotate) -> store, streaming in batches.

Each stage is a pure function over a batch (``extract_batch``, ``annotate``), so the same
run works in one process, in a pool of workers and on Dask.  Articles already in the store
are dropped before the expensive language layer, so an interrupted run resumes cheaply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from eventwire.config import Settings
from eventwire.models import Annotations, Article, RawInput, Skip
from eventwire.sources.extract import extract_batch
from eventwire.sources.read import read_inputs
from eventwire.store import Store


@dataclass
class IngestReport:
    """What a run did, for the summary line and the exit status."""

    new: int = 0
    already: int = 0
    inputs: int = 0
    skipped: list[Skip] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def annotate_batch(articles: list[Article], model: str | None = None) -> list[Annotations]:
    """Language layer + event coding for English articles; others get empty annotations."""
    from eventwire.nlp.pipeline import annotate, load_nlp

    english = [a for a in articles if a.is_english]
    done = {x.article_id: x for x in annotate(english, load_nlp(model))} if english else {}
    return [done.get(a.id) or Annotations(article_id=a.id) for a in articles]


def ingest(
    paths: Iterable[str],
    store: Store,
    as_of: datetime | None = None,
    settings: Settings | None = None,
    with_nlp: bool = True,
    on_progress: Callable[[IngestReport, int], None] | None = None,
    mapper: Callable[[Callable, Iterable], Iterable] = map,
) -> IngestReport:
    """Ingest ``paths`` into ``store``; ``mapper`` may be a pool's ``imap`` for workers."""
    settings = settings or Settings()
    report = IngestReport()
    raw = read_inputs(paths, as_of=as_of, max_bytes=settings.max_file_bytes)

    def inputs_only() -> Iterator[RawInput]:
        for item in raw:
            if isinstance(item, Skip):
                report.skipped.append(item)
            else:
                report.inputs += 1
                yield item

    batches = batched(inputs_only(), settings.batch_size)
    for extracted in mapper(extract_batch, batches):
        articles = [x for x in extracted if isinstance(x, Article)]
        report.skipped += [x for x in extracted if isinstance(x, Skip)]
        known = store.known_ids(a.id for a in articles)
        todo = _unique(a for a in articles if a.id not in known)
        annos = annotate_batch(todo, settings.spacy_model) if with_nlp and todo else None
        new, _ = store.write_batch(todo, annos)
        report.new += new
        report.already += len(articles) - new
        if on_progress:
            on_progress(report, len(articles))
    return report


def _unique(articles: Iterable[Article]) -> list[Article]:
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())
