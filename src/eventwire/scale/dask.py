"""The Dask engine: the same stage functions, one task per partition of input files.

Each task reads its files on the worker, extracts, annotates (spaCy loaded once per worker
process) and writes its rows to the Parquet layout under a name fixed by the partition, so
a task that Dask retries after its worker died overwrites its own output.  Partitions whose
manifest already exists are not run again: an interrupted run resumes.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from eventwire.batches import batched, unique
from eventwire.config import Settings
from eventwire.errors import EventwireError
from eventwire.models import Article, Skip
from eventwire.pipeline import annotate_batch
from eventwire.scale.parquet import (
    LAYOUT_VERSION,
    PartitionWriter,
    clean_temp,
    finished,
    part_name,
    table_rows,
)
from eventwire.sources.extract import extract_batch
from eventwire.sources.read import STDIN, expand, read_inputs

# A partition closes when its files reach this many bytes (or files): big enough to keep a
# worker busy for a while, small enough that a retried partition costs little.
PARTITION_BYTES = 32 * 1024 * 1024
PARTITION_FILES = 2_000


class DaskUsageError(EventwireError, ValueError):
    """The inputs or options cannot run on Dask (e.g. stdin)."""


@dataclass
class DaskReport:
    partitions: int = 0
    resumed: int = 0  # partitions found finished in the output and not run again
    inputs: int = 0
    articles: int = 0
    words: int = 0
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped


def plan(paths: Iterable[str], partition_bytes: int = PARTITION_BYTES,
         partition_files: int = PARTITION_FILES) -> tuple[list[list[str]], list[Skip]]:
    """Group the input files, in input order, into partitions of bounded size."""
    parts: list[list[str]] = [[]]
    size = 0
    skips = []
    for path in expand(paths):
        if isinstance(path, Skip):
            skips.append(path)
            continue
        if path == STDIN:
            raise DaskUsageError("the Dask engine reads files; stdin (-) cannot be partitioned")
        nbytes = os.path.getsize(path)
        if parts[-1] and (size + nbytes > partition_bytes or len(parts[-1]) >= partition_files):
            parts.append([])
            size = 0
        parts[-1].append(path)
        size += nbytes
    return [p for p in parts if p], skips


def partition_names(parts: list[list[str]], options: dict) -> list[str]:
    """Names fixed by each partition's files and the run's options."""
    names = []
    for i, files in enumerate(parts):
        key = json.dumps([files, options, LAYOUT_VERSION], sort_keys=True, default=str)
        names.append(part_name(i, hashlib.sha1(key.encode()).hexdigest()[:8]))
    return names


def run_partition(name: str, files: list[str], out: str, as_of: datetime | None,
                  with_nlp: bool, settings: Settings) -> dict:
    """Read, extract, annotate and write one partition; returns its manifest.  ``settings``
    come from the process that started the run: a worker's environment is not the user's."""
    start = time.perf_counter()
    writer = PartitionWriter(out, name)
    seen: set[str] = set()
    skipped, inputs, articles, repeated, words = [], 0, 0, 0, 0
    try:
        raw = read_inputs(files, as_of=as_of, max_bytes=settings.max_file_bytes)
        for batch in batched(raw, settings.batch_size):
            skipped += [x.message() for x in batch if isinstance(x, Skip)]
            batch = [x for x in batch if not isinstance(x, Skip)]
            inputs += len(batch)
            extracted = extract_batch(batch) if batch else []
            skipped += [x.message() for x in extracted if isinstance(x, Skip)]
            found = [x for x in extracted if isinstance(x, Article)]
            fresh = unique(a for a in found if a.id not in seen)
            seen.update(a.id for a in fresh)
            annos = annotate_batch(fresh, settings) if with_nlp and fresh else None
            writer.add(table_rows(fresh, annos))
            articles += len(fresh)
            repeated += len(found) - len(fresh)
            words += sum(a.words for a in fresh)
    except BaseException:
        writer.abort()
        raise
    return writer.commit({"files": files, "inputs": inputs, "articles": articles,
                          "repeated": repeated, "words": words, "skipped": skipped,
                          "seconds": round(time.perf_counter() - start, 3)})


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None,
                dashboard: str | None = ":0") -> Iterator:
    """A client of the given scheduler, or of a local cluster of single-thread workers."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                      processes=True, dashboard_address=dashboard) as cluster, \
            Client(cluster) as client:
        yield client


def ingest_dask(
    paths: Iterable[str],
    out: str,
    client,
    as_of: datetime | None = None,
    settings: Settings | None = None,
    with_nlp: bool = True,
    partition_bytes: int = PARTITION_BYTES,
    partition_files: int = PARTITION_FILES,
    on_partition: Callable[[DaskReport, int], None] | None = None,
    task: Callable[..., dict] = run_partition,
) -> DaskReport:
    """Run every unfinished partition of ``paths`` on ``client``; rows go to ``out``.

    ``on_partition`` gets the report and the partition count after each partition.
    """
    from distributed import as_completed

    settings = settings or Settings()
    started = time.perf_counter()
    report = DaskReport()
    parts, skips = plan(paths, partition_bytes, partition_files)
    report.skipped += [s.message() for s in skips]
    options = {"as_of": as_of, "nlp": with_nlp, "settings": settings.output_key()}
    names = partition_names(parts, options)
    report.partitions = len(names)
    done = set(finished(out))
    todo = [(n, files) for n, files in zip(names, parts, strict=True) if n not in done]
    report.resumed = len(names) - len(todo)
    work = partial(task, out=out, as_of=as_of, with_nlp=with_nlp, settings=settings)
    futures = client.map(work, [n for n, _ in todo], [f for _, f in todo],
                         key=[f"eventwire-{n}" for n, _ in todo])
    try:
        for fut in as_completed(futures):
            manifest = fut.result()
            report.inputs += manifest["inputs"]
            report.articles += manifest["articles"]
            report.words += manifest["words"]
            report.skipped += manifest["skipped"]
            if on_partition:
                on_partition(report, len(todo))
    finally:
        client.cancel(futures)
    clean_temp(out)
    report.seconds = time.perf_counter() - started
    return report
