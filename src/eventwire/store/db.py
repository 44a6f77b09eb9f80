"""DuckDB store: one transaction per batch, keyed by content hash, so re-runs add nothing."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress

import duckdb
import pyarrow as pa

from eventwire.errors import EventwireError
from eventwire.models import Annotations, Article
from eventwire.store.derived import DERIVED, EVENT_ROW
from eventwire.store.lookups import drop_lookup_indexes
from eventwire.store.plausible import drop_implausible_dates
from eventwire.store.rows import annotation_rows, article_from_row, article_row, input_rows
from eventwire.store.schema import KEYS, MIGRATIONS, VERSION

log = logging.getLogger(__name__)

ANNOTATION_TABLES = ("mentions", "quotes", "times", "places", "events")
# A writer reconnects after storing this many articles.  DuckDB keeps per-instance state
# for every table it has scanned (the repeat lookups scan the keys), which grows with the
# store however low its memory cap; a fresh instance starts flat.  Measured on a 100k-article
# write loop under a 32 MB cap: 192 -> 217 MB without reconnecting, 179 -> 185 MB with it.
RECONNECT_AFTER = 5_000


class StoreError(EventwireError, RuntimeError):
    """The database file cannot be used (locked, corrupt, newer schema)."""


class Store:
    """A DuckDB file with eventwire's schema, migrated on open."""

    def __init__(self, path: str, read_only: bool = False, memory_limit: str | None = None):
        """``memory_limit`` caps DuckDB's memory (e.g. "64MB"); None leaves its default."""
        self.path = path
        self.memory_limit = memory_limit
        config = {"memory_limit": memory_limit} if memory_limit else {}
        try:
            duckdb.connect(":memory:", config=config).close()
        except duckdb.Error as exc:
            raise StoreError(f"bad memory limit {memory_limit!r} (EVENTWIRE_DB_MEMORY, e.g. "
                             f"24MB): {_first_line(exc)}") from None
        self.read_only = read_only
        # capped stores are the batch writers (ingest, annotate, load, demo); they reconnect
        # now and then, while a server's store keeps the connection other threads hold
        self.reconnects = memory_limit is not None and path != ":memory:"
        new_file = not read_only and path != ":memory:" and _absent_or_empty(path)
        try:
            self.con = self._connect()
            self._since_connect = 0
            if not read_only:
                if memory_limit is not None:  # the serving indexes would not fit the cap
                    drop_lookup_indexes(self.con)
                self._migrate()
            elif self.version() != VERSION:
                found = self.version()
                if 0 < found < VERSION:
                    raise StoreError(f"{path}: schema version {found} is older than this "
                                     f"eventwire's ({VERSION}); a command that writes "
                                     "(ingest, load, annotate, serve) migrates it")
                raise StoreError(f"{path}: not an eventwire database of schema version "
                                 f"{VERSION}")
        except BaseException:
            if new_file:  # a store that could not be created (disk full) is not left behind
                with suppress(Exception):
                    self.con.close()
                for leftover in (path, path + ".wal"):
                    with suppress(OSError):
                        os.remove(leftover)
            raise

    def _connect(self) -> duckdb.DuckDBPyConnection:
        config = {"memory_limit": self.memory_limit} if self.memory_limit else {}
        try:
            return duckdb.connect(self.path, read_only=self.read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database ({_first_line(exc)})"
                             ) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def version(self) -> int:
        try:
            row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        except duckdb.CatalogException:
            return 0
        return row[0] or 0

    def _migrate(self) -> None:
        """Bring the schema up to date.  A migration that rebuilds a large table can need
        more memory than a capped writer has: it is then run again without the cap (each
        migration is one transaction, so the failed one left nothing), and the cap comes
        back for the writes."""
        try:
            self._run_migrations()
        except (duckdb.OutOfMemoryException, duckdb.FatalException) as exc:
            cap = self.memory_limit
            if cap is None:
                raise
            log.warning("%s: migrating needed more than the memory cap (%s); migrating "
                        "without it (%s)", self.path, cap, _first_line(exc))
            with suppress(duckdb.Error):
                self.con.close()
            self.memory_limit = None
            self.con = self._connect()
            self._run_migrations()
            self.con.close()
            self.memory_limit = cap
            self.con = self._connect()

    def _run_migrations(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, "
            "applied_at TIMESTAMPTZ DEFAULT current_timestamp)"
        )
        current = self.version()
        if current > VERSION:
            raise StoreError(f"{self.path}: schema version {current} is newer than this "
                             f"eventwire ({VERSION}); upgrade eventwire")
        for number, sql in enumerate(MIGRATIONS[current:], start=current + 1):
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
                self.con.execute("COMMIT")
            except duckdb.Error:
                _rollback(self.con)
                raise

    # -- writing -------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))",
                                [ids]).fetchall()
        return {r[0] for r in rows}

    def write_batch(
        self, articles: list[Article], annotations: list[Annotations] | None = None
    ) -> tuple[int, int]:
        """Store new articles (and their annotations) in one transaction.

        Returns (new, already stored).  Articles whose id is already stored, or that repeat
        within the batch, are left alone, so a re-run after a crash stores each one once.
        """
        known = self.known_ids(a.id for a in articles)
        try:
            self._write(articles, annotations, known)
        except (duckdb.FatalException, duckdb.OutOfMemoryException) as exc:
            if self.memory_limit is None:
                raise
            self._reopen_uncapped(exc)
            # the batch is one transaction: all of it landed (a checkpoint failed after the
            # commit) or none of it
            if not self.known_ids(a.id for a in articles) - known:
                self._write(articles, annotations, known)
        new = len({a.id for a in articles} - known)
        return new, len(articles) - new

    def _write(self, articles: list[Article], annotations: list[Annotations] | None,
               known: set[str]) -> None:
        fresh: dict[str, Article] = {}
        for a in articles:
            if a.id not in known and a.id not in fresh:
                fresh[a.id] = a
        annos = [x for x in annotations or [] if x.article_id in fresh]
        drop_implausible_dates(list(fresh.values()), annos)

        def work() -> None:
            self._insert("inputs", input_rows(articles))
            self._insert("articles", [article_row(a) | {"annotated": annotations is not None}
                                      for a in fresh.values()])
            for table, trows in annotation_rows(annos).items():
                self._insert(table, trows)

        self.atomic(work, len(fresh))

    def _reopen_uncapped(self, exc: duckdb.Error) -> None:
        """A batch or its checkpoint needed more than the memory cap (DuckDB then gives up the
        connection); reopen without the cap and go on."""
        log.warning("%s: DuckDB needed more than its memory cap (%s); going on without the "
                    "cap (%s)", self.path, self.memory_limit, _first_line(exc))
        with suppress(duckdb.Error):
            self.con.close()
        self.memory_limit = None
        self.con = self._connect()

    def replace_annotations(self, annotations: list[Annotations]) -> None:
        """Re-annotate stored articles: old annotations go, new ones land, atomically."""
        ids = [a.article_id for a in annotations]

        def work() -> None:
            for table in ANNOTATION_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))",
                                 [ids])
            for table, trows in annotation_rows(annotations).items():
                self._insert(table, trows)
            self.con.execute("UPDATE articles SET annotated = true WHERE id IN "
                             "(SELECT unnest(?))", [ids])

        self.atomic(work, len(ids))

    def atomic(self, work: Callable[[], None], articles: int = 0) -> None:
        """Run ``work`` in one transaction: all of it lands, or none of it.  ``articles`` is
        how many articles it writes; every RECONNECT_AFTER of them a capped writer
        reconnects (after the commit, so ``work`` may hold ``self.con``)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            work()
            self.con.execute("COMMIT")
        except BaseException:
            _rollback(self.con)
            raise
        self._since_connect += articles
        if self.reconnects and self._since_connect >= RECONNECT_AFTER:
            with suppress(duckdb.Error):  # a checkpoint failing on close leaves the WAL to replay
                self.con.close()
            self.con = self._connect()
            self._since_connect = 0

    def _insert(self, table: str, rows: list[dict]) -> None:
        if rows:
            insert_new(self.con, table, pa.Table.from_pylist(rows))

    # -- reading -------------------------------------------------------------------------

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def count(self, table: str = "articles") -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        return self.query(
            "SELECT id, published, title, coalesce(source, site_name) AS source, words, "
            "language, source_path FROM articles ORDER BY published DESC NULLS LAST, id "
            "LIMIT ? OFFSET ?", [limit, offset])

    def find_article(self, id_or_prefix: str) -> list[dict]:
        """Articles whose id starts with the given text (a unique prefix is enough)."""
        return self.query("SELECT * FROM articles WHERE starts_with(id, ?) ORDER BY id LIMIT 5",
                          [id_or_prefix])

    def annotations(self, article_id: str) -> dict[str, list[dict]]:
        order = {"quotes": "content_start", "events": "trigger_start"}
        return {t: self.query(f'SELECT {EVENT_ROW if t == "events" else "*"} FROM {t} '
                              'WHERE article_id = ? ORDER BY '
                              f'{order.get(t, "start")}', [article_id])
                for t in ANNOTATION_TABLES}

    def unannotated_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT id FROM articles WHERE NOT annotated ORDER BY id").fetchall()]

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def load_articles(self, ids: list[str]) -> list[Article]:
        """The stored articles of ``ids`` as records, in id order."""
        return [article_from_row(r) for r in self.query(
            "SELECT * FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id", [ids])]


def insert_new(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table) -> None:
    """Insert ``rows`` into ``table``; for a keyed table only rows whose key is not stored
    yet (the first of any repeats within ``rows``), so a replayed batch adds nothing.  Keys
    are looked up by a join driven by the batch, so memory stays that of the batch."""
    key = KEYS.get(table)
    if key is not None and rows.num_rows:
        cols = ", ".join(key)
        with _registered(con, "_keys", rows.select(list(key))):
            stored = set(con.execute(f"SELECT {cols} FROM {table} SEMI JOIN _keys USING ({cols})"
                                     ).fetchall())
        keep, first = [], set()
        for k in zip(*(rows.column(c).to_pylist() for c in key), strict=True):
            keep.append(k not in stored and k not in first)
            first.add(k)
        rows = rows.filter(pa.array(keep, pa.bool_()))
    if rows.num_rows:
        derived = "".join(f", {sql} AS {name}" for name, sql in DERIVED.get(table, {}).items())
        with _registered(con, "_batch", rows):
            con.execute(f"INSERT INTO {table} BY NAME SELECT *{derived} FROM _batch").fetchall()


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, rows: pa.Table) -> Iterator[None]:
    con.register(name, rows)
    try:
        yield
    finally:
        with suppress(duckdb.Error):  # fails inside an aborted transaction; the error is above
            con.unregister(name)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back after a failure; an I/O error ("No space left on device") may have ended the
    transaction already, and the rollback's own complaint must not hide that error."""
    with suppress(duckdb.Error):
        con.execute("ROLLBACK")


def _absent_or_empty(path: str) -> bool:
    """Whether the store is created here: no file yet, or the 0-byte file an earlier create on
    a full disk left, which holds nothing and which DuckDB would refuse (it is removed)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if stat.S_ISREG(st.st_mode) and st.st_size == 0:
        with suppress(OSError):
            os.remove(path)
        return True
    return False


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
