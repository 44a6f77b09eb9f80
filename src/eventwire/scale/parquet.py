"""The Parquet output layout of a distributed run: one directory per table, one file per
partition, a manifest per finished partition (see docs/parquet-layout.md).

Column names and types are taken from the store's schema, so a Parquet output loads into
DuckDB unchanged and reads the same in Spark or BigQuery.  Every file is written under a
temporary name and renamed into place, and names are fixed per partition, so a retried task
overwrites its own output instead of adding to it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from functools import lru_cache

import duckdb
import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.models import Annotations, Article
from eventwire.store.derived import DERIVED
from eventwire.store.rows import annotation_rows, article_row, input_rows
from eventwire.store.schema import MIGRATIONS

LAYOUT_VERSION = 1
TABLES = ("inputs", "articles", "mentions", "quotes", "times", "places", "events")
MANIFESTS = "_manifest"
TEMP = "_tmp"
# Columns the database fills itself when rows are loaded.
DB_ONLY = {"ingested_at", *(c for cols in DERIVED.values() for c in cols)}
# Rows buffered per table before a row group is written: bounds a task's memory.
ROW_GROUP_ROWS = 20_000


@lru_cache(maxsize=1)
def schemas() -> dict[str, pa.Schema]:
    """Arrow schema of each table, read off an empty in-memory store."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    for sql in MIGRATIONS:
        con.execute(sql)
    out = {}
    for table in TABLES:
        empty = con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table()
        fields = [_plain(f) for f in empty.schema if f.name not in DB_ONLY]
        out[table] = pa.schema(fields)
    con.close()
    return out


def _plain(f: pa.Field) -> pa.Field:
    """Lists with the standard element name, so every reader sees the same nesting."""
    if pa.types.is_list(f.type):
        return pa.field(f.name, pa.list_(f.type.value_type), f.nullable)
    return f


def part_name(index: int, digest: str) -> str:
    return f"part-{index:05d}-{digest}"


def table_rows(articles: list[Article], annotations: list[Annotations] | None,
               ) -> dict[str, list[dict]]:
    """Rows per table for a batch, exactly as ``Store.write_batch`` would write them."""
    rows = {"inputs": input_rows(articles),
            "articles": [article_row(a) | {"annotated": annotations is not None}
                         for a in articles]}
    rows.update(annotation_rows(annotations or []))
    return rows


class PartitionWriter:
    """Stream one partition's rows into per-table Parquet files, then publish them.

    Rows go to temporary files in row groups; ``commit`` renames every table file into
    place and writes the manifest last, so a partition counts as done only when complete.
    """

    def __init__(self, out: str, name: str):
        self.fs, self.root = fsspec.core.url_to_fs(out)
        self.name = name
        self.token = uuid.uuid4().hex[:8]
        self.buffers: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.files: dict[str, object] = {}
        self.counts = dict.fromkeys(TABLES, 0)
        self.fs.makedirs(f"{self.root}/{TEMP}", exist_ok=True)

    def add(self, rows: dict[str, list[dict]]) -> None:
        for table, trows in rows.items():
            self.buffers[table] += trows
            self.counts[table] += len(trows)
            if len(self.buffers[table]) >= ROW_GROUP_ROWS:
                self._flush(table)

    def _temp(self, table: str) -> str:
        return f"{self.root}/{TEMP}/{table}-{self.name}-{self.token}.parquet"

    def _flush(self, table: str) -> None:
        batch = pa.Table.from_pylist(self.buffers[table], schema=schemas()[table])
        self.buffers[table] = []
        if table not in self.writers:
            handle = self.fs.open(self._temp(table), "wb")
            self.files[table] = handle
            self.writers[table] = pq.ParquetWriter(handle, batch.schema)
        self.writers[table].write_table(batch)

    def commit(self, manifest: dict) -> dict:
        """Publish the partition: table files first, the manifest (the done mark) last."""
        for table in TABLES:
            if self.buffers[table] or table not in self.writers:
                self._flush(table)  # every table gets a file, empty or not
            self.writers.pop(table).close()
            self.files.pop(table).close()
        for table in TABLES:
            self.fs.makedirs(f"{self.root}/{table}", exist_ok=True)
            self.fs.mv(self._temp(table), f"{self.root}/{table}/{self.name}.parquet")
        manifest = manifest | {"partition": self.name, "layout": LAYOUT_VERSION,
                               "rows": self.counts}
        temp = f"{self.root}/{TEMP}/{self.name}-{self.token}.json"
        with self.fs.open(temp, "w") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1, default=str)
        self.fs.makedirs(f"{self.root}/{MANIFESTS}", exist_ok=True)
        self.fs.mv(temp, f"{self.root}/{MANIFESTS}/{self.name}.json")
        return manifest

    def abort(self) -> None:
        for table in list(self.writers):
            self.writers.pop(table).close()
            self.files.pop(table).close()
            self.fs.rm(self._temp(table))


def finished(out: str) -> list[str]:
    """Names of the partitions whose manifest is written, in partition order."""
    fs, root = fsspec.core.url_to_fs(out)
    if not fs.exists(f"{root}/{MANIFESTS}"):
        return []
    names = [p.rsplit("/", 1)[-1] for p in fs.ls(f"{root}/{MANIFESTS}", detail=False)]
    return sorted(n[: -len(".json")] for n in names if n.endswith(".json"))


def read_manifest(out: str, name: str) -> dict:
    fs, root = fsspec.core.url_to_fs(out)
    path = f"{root}/{MANIFESTS}/{name}.json"
    with fs.open(path) as fh:
        try:
            manifest = json.load(fh)
        except ValueError as exc:
            raise ValueError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(manifest, dict):
        raise ValueError(f"{path}: not a JSON object")
    return manifest


def read_partition(out: str, name: str) -> Iterator[tuple[str, pa.Table]]:
    """Each table of one finished partition, with the layout's schema."""
    fs, root = fsspec.core.url_to_fs(out)
    for table in TABLES:
        path = f"{root}/{table}/{name}.parquet"
        with fs.open(path, "rb") as fh:
            try:
                rows = pq.read_table(fh, schema=schemas()[table])
            except pa.ArrowException as exc:  # it reads from a buffer: name the file
                raise type(exc)(f"{path}: {exc}") from exc
        yield table, rows


def clean_temp(out: str) -> None:
    """Drop leftovers of attempts that died before publishing."""
    fs, root = fsspec.core.url_to_fs(out)
    if fs.exists(f"{root}/{TEMP}"):
        fs.rm(f"{root}/{TEMP}", recursive=True)
