"""The ingest run: read -> extract -> (annotate) -> store, streaming in batches.

Each stage is a pure function over a batch (``extract_batch``, ``pipeline.annotate_batch``),
so the same run works in one process, in a pool of workers and on Dask.  Articles already
in the store are dropped before the expensive language layer, so an interrupted run resumes
cheaply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from eventwire.batches import batched, unique
from eventwire.config import Settings
from eventwire.models import Article, RawInput, Skip
from eventwire.pipeline import annotate_batch
from eventwire.scale.pool import Inline, WorkerPool, stream
from eventwire.sources.extract import extract_batch
from eventwire.sources.read import STDIN, read_inputs
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


def ingest(
    paths: Iterable[str],
    store: Store,
    as_of: datetime | None = None,
    settings: Settings | None = None,
    with_nlp: bool = True,
    on_progress: Callable[[IngestReport, int], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest ``paths`` into ``store``, in ``workers`` processes when more than one.

    ``on_progress`` gets the report and the number of inputs the batch just stored held.
    """
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

    def select(articles: list[Article]) -> list[Article]:
        known = store.known_ids(a.id for a in articles)
        return unique(a for a in articles if a.id not in known)

    runner = Inline() if workers <= 1 else WorkerPool(workers, settings, with_nlp)
    done = False
    try:
        for res in stream(runner, batched(inputs_only(), settings.batch_size), select,
                          extract_batch, annotate_batch if with_nlp else None, settings):
            report.skipped += res.skips
            # with workers, batches ahead of this one may have stored some of its articles
            todo = select(res.todo)
            new, _ = store.write_batch(todo, res.annotations)
            report.new += new
            report.already += len(res.articles) - new
            if on_progress:
                on_progress(report, res.inputs)
        done = True
    finally:
        runner.close(cancel=not done)
    return report


def count_inputs(paths: Iterable[str], max_bytes: int) -> int | None:
    """How many inputs ``paths`` hold (for an ETA); None when one of them is stdin."""
    paths = list(paths)
    if STDIN in paths:
        return None
    return sum(isinstance(x, RawInput) for x in read_inputs(paths, max_bytes=max_bytes))

