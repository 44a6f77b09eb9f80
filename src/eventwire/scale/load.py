"""Merge a Parquet output directory into the DuckDB store, idempotently.

Partitions are loaded in order, one transaction each.  An article already in the store (or
met in an earlier partition) is left alone together with its annotations, exactly as a
single-process ingest leaves a known article alone, so loading twice, or after an
interrupted load, stores every article once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from eventwire.incidents import resolve_pending
from eventwire.scale.parquet import finished, read_manifest, read_partition
from eventwire.store import Store
from eventwire.store.db import insert_new
from eventwire.store.schema import KEYS


@dataclass
class LoadReport:
    partitions: int = 0
    new: int = 0
    already: int = 0
    skipped: list[str] = field(default_factory=list)  # skip messages the run recorded
    unreadable: list[str] = field(default_factory=list)  # partitions left out, with why


def load_output(out: str, store: Store,
                on_partition: Callable[[LoadReport, int], None] | None = None) -> LoadReport:
    """Load every finished partition of ``out`` into ``store``."""
    report = LoadReport()
    names = finished(out)
    for name in names:
        try:  # every file read before any row is stored: a bad file leaves no half partition
            manifest, tables = read_manifest(out, name), dict(read_partition(out, name))
        except _UNREADABLE as exc:
            report.unreadable.append(f"{out}: partition {name} not loaded: {_why(exc)}")
            continue
        new, seen = load_partition(tables, store)
        report.partitions += 1
        report.new += new
        # repeats inside a partition were dropped before writing; count them as ingest does
        report.already += seen - new + manifest.get("repeated", 0)
        report.skipped += manifest.get("skipped", [])
        if on_partition:
            on_partition(report, len(names))
    resolve_pending(store)  # incidents across every partition, in the order loaded
    return report


# what a missing, cut or foreign file raises: fsspec's OSError, json's and Arrow's errors
_UNREADABLE = (OSError, ValueError, pa.ArrowException)


def _why(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"{exc.filename} is missing"
    return str(exc).strip().split("\n", 1)[0] or type(exc).__name__


def load_partition(tables: dict[str, pa.Table], store: Store) -> tuple[int, int]:
    """One partition in one transaction; returns (new articles, articles in the partition)."""
    articles = tables["articles"]
    ids = articles.column("id").to_pylist()
    known = store.known_ids(ids)
    keep, first = [], set()
    for i in ids:
        keep.append(i not in known and i not in first)
        first.add(i)
    fresh = articles.filter(pa.array(keep, pa.bool_()))
    fresh_ids = pa.array(sorted(set(fresh.column("id").to_pylist())), pa.string())
    con = store.con

    def work() -> None:
        insert_new(con, "inputs", _inputs_of(tables["inputs"], fresh))
        insert_new(con, "articles", fresh)
        for table in ("mentions", "quotes", "times", "places", "events"):
            rows = tables[table]
            insert_new(con, table, rows.filter(pc.is_in(rows.column("article_id"),
                                                        value_set=fresh_ids)))

    store.atomic(work, fresh.num_rows)
    return fresh.num_rows, len(ids)


def _inputs_of(inputs: pa.Table, articles: pa.Table) -> pa.Table:
    """The input rows of the articles being stored (what ``Store.write_batch`` records)."""
    key = KEYS["inputs"]
    wanted = set(zip(*(articles.column(k).to_pylist() for k in key), strict=True))
    rows = zip(*(inputs.column(k).to_pylist() for k in key), strict=True)
    return inputs.filter(pa.array([r in wanted for r in rows], pa.bool_()))
