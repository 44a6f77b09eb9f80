"""Run the ingest stages in worker processes with a bounded number of batches in flight.

Each worker loads spaCy once (in its initializer) and then takes batches: extraction, then,
for the articles the store does not hold yet, the language layer.  The parent reads inputs
lazily, hands out at most ``window`` batches and writes results in input order, so memory
stays flat however large the corpus.  Workers are replaced after a fixed number of tasks,
which gives back whatever spaCy's string store has grown to.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from eventwire.config import Settings
from eventwire.models import Annotations, Article, RawInput, Skip

# Tasks (two per batch: extraction, annotation) a worker takes before a fresh process
# replaces it: about 13,000 articles at the default batch size.
RECYCLE_AFTER = 400


class Inline:
    """Stage functions run right here: the one-process case of the same loop."""

    workers = 1
    window = 1  # one batch at a time: each is selected against a store that holds the last

    def submit(self, fn: Callable, *args) -> Future:
        fut: Future = Future()
        try:
            fut.set_result(fn(*args))
        except Exception as exc:  # handed to the caller through the future, like a pool
            fut.set_exception(exc)
        return fut

    def close(self, cancel: bool = False) -> None:
        pass


class WorkerPool:
    """A process pool whose workers hold a loaded spaCy pipeline."""

    def __init__(self, workers: int, settings: Settings, with_nlp: bool,
                 recycle_after: int = RECYCLE_AFTER):
        self.workers = workers
        self.window = 2 * workers + 1
        self.settings = settings
        self.with_nlp = with_nlp
        self.limit = recycle_after * workers
        self.ctx = multiprocessing.get_context("spawn")
        self.executor: ProcessPoolExecutor | None = None
        self.pending: list[Future] = []
        self.submitted = 0

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers, mp_context=self.ctx, initializer=init_worker,
            initargs=(self.settings if self.with_nlp else None, os.getpid()))

    def submit(self, fn: Callable, *args) -> Future:
        if self.executor is not None and self.submitted >= self.limit:
            wait(self.pending)  # let this generation of workers finish, then replace it
            self.executor.shutdown(wait=True)
            self.executor = None
        if self.executor is None:
            self.executor, self.submitted = self._start(), 0
        fut = self.executor.submit(fn, *args)
        self.submitted += 1
        self.pending = [f for f in self.pending if not f.done()] + [fut]
        return fut

    def close(self, cancel: bool = False) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=cancel)
            self.executor = None


def init_worker(settings: Settings | None, parent: int) -> None:
    """Load spaCy once (unless ``settings`` is None: no language layer); leave Ctrl-C to the
    parent; exit if the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if settings is not None:
        from eventwire.pipeline import load_nlp

        load_nlp(settings)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


@dataclass
class BatchResult:
    """One batch through extraction and annotation, ready to be stored."""

    inputs: int
    extracted: list[Article | Skip]
    todo: list[Article]  # the articles to store: new, each once
    annotations: list[Annotations] | None

    @property
    def articles(self) -> list[Article]:
        return [x for x in self.extracted if isinstance(x, Article)]

    @property
    def skips(self) -> list[Skip]:
        return [x for x in self.extracted if isinstance(x, Skip)]


@dataclass
class _Job:
    inputs: int
    future: Future
    annotating: bool = False
    extracted: list = field(default_factory=list)
    todo: list = field(default_factory=list)
    ready: bool = False


def stream(
    runner: Inline | WorkerPool,
    batches: Iterable[list[RawInput]],
    select: Callable[[list[Article]], list[Article]],
    extract: Callable[[list[RawInput]], list[Article | Skip]],
    annotate: Callable[[list[Article], Settings], list[Annotations]] | None,
    settings: Settings,
    window: int | None = None,
) -> Iterator[BatchResult]:
    """Batches through ``extract``, ``select`` (drop stored articles) and ``annotate`` (with
    ``settings``).

    At most ``window`` batches are in flight; results come out in input order.
    """
    window = window or runner.window
    source = iter(batches)
    jobs: deque[_Job] = deque()
    more = True
    while jobs or more:
        while more and len(jobs) < window:
            batch = next(source, None)
            if batch is None:
                more = False
            else:
                jobs.append(_Job(len(batch), runner.submit(extract, batch)))
        for job in jobs:  # move every finished extraction on to annotation
            if not job.annotating and not job.ready and job.future.done():
                job.extracted = job.future.result()
                job.todo = select([x for x in job.extracted if isinstance(x, Article)])
                if annotate and job.todo:
                    job.future, job.annotating = runner.submit(annotate, job.todo, settings), True
                else:
                    job.ready = True
        if jobs and not (jobs[0].ready or jobs[0].future.done()):
            busy = [j.future for j in jobs if not j.ready and not j.future.done()]
            wait(busy, return_when=FIRST_COMPLETED)
            continue
        while jobs and (jobs[0].ready or (jobs[0].annotating and jobs[0].future.done())):
            job = jobs.popleft()
            annos = job.future.result() if job.annotating else None
            yield BatchResult(job.inputs, job.extracted, job.todo, annos)
