"""The store: migrations, idempotent batches, atomic writes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import duckdb
import pytest

from eventwire.models import Annotations, Article, Event, Mention, Place
from eventwire.store import Store, StoreError
from eventwire.store.schema import VERSION


def art(i: int, body: str = "Troops clashed with rebels near the border on Monday.") -> Article:
    return Article(id=f"a{i:03d}", source_path=f"/in/{i}.txt", raw_hash=f"h{i}", format="text",
                   body=f"{body} ({i})", title=f"Title {i}",
                   published=datetime(2024, 1, 1 + i % 28, tzinfo=UTC))


def annos(a: Article) -> Annotations:
    m = Mention(a.id, 0, 6, "Troops", "test", 0.9, kind="sector", sector="MIL")
    p = Place(a.id, 40, 46, "border", "test", 0.5, name="Border", lat=1.0, lon=2.0)
    ev = Event(id=f"e-{a.id}", article_id=a.id, type="ASSAULT", sentence_start=0,
               sentence_end=len(a.body), trigger_start=7, trigger_end=14, trigger="clashed",
               rule="test", confidence=0.8, date=date(2024, 1, 1), location=p)
    return Annotations(a.id, mentions=[m], places=[p], events=[ev])


def test_schema_is_versioned_and_reopening_keeps_data(tmp_path):
    db = str(tmp_path / "s.duckdb")
    with Store(db) as s:
        assert s.version() == VERSION
        s.write_batch([art(1)])
    with Store(db) as s:
        assert s.version() == VERSION and s.count() == 1


def test_same_batch_twice_adds_nothing(tmp_path):
    arts = [art(i) for i in range(5)]
    with Store(str(tmp_path / "s.duckdb")) as s:
        assert s.write_batch(arts, [annos(a) for a in arts]) == (5, 0)
        assert s.write_batch(arts + [arts[0]], [annos(a) for a in arts]) == (0, 6)
        assert s.count() == 5 and s.count("events") == 5 and s.count("mentions") == 5
        assert s.count("inputs") == 5


def test_failed_batch_leaves_nothing_behind(tmp_path, monkeypatch):
    s = Store(str(tmp_path / "s.duckdb"))
    s.write_batch([art(1)])
    real = s._insert

    def broken(table, rows):
        if table == "events":
            raise duckdb.IOException("disk full")
        real(table, rows)

    monkeypatch.setattr(s, "_insert", broken)
    batch = [art(2), art(3)]
    with pytest.raises(duckdb.IOException):
        s.write_batch(batch, [annos(a) for a in batch])
    monkeypatch.setattr(s, "_insert", real)
    assert s.count() == 1 and s.count("mentions") == 0
    assert s.write_batch(batch, [annos(a) for a in batch]) == (2, 0)
    assert s.count() == 3 and s.count("events") == 2


def test_annotations_keep_spans_and_location(tmp_path):
    a = art(1)
    with Store(str(tmp_path / "s.duckdb")) as s:
        s.write_batch([a], [annos(a)])
        got = s.annotations(a.id)
    ev = got["events"][0]
    assert (ev["trigger_start"], ev["trigger_end"], ev["trigger"]) == (7, 14, "clashed")
    assert a.body[ev["trigger_start"]:ev["trigger_end"]] == "clashed"
    assert ev["place_name"] == "Border" and ev["lat"] == 1.0
    assert got["mentions"][0]["sector"] == "MIL"


def test_newer_schema_is_refused(tmp_path):
    db = str(tmp_path / "s.duckdb")
    with Store(db) as s:
        s.con.execute("INSERT INTO schema_version (version) VALUES (?)", [VERSION + 1])
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_version_1_store_migrates_keeping_rows_and_dedupe(tmp_path):
    """A store written by schema 1 (with key constraints) opens, keeps its rows and still
    refuses repeats once the keys are gone."""
    from eventwire.store.schema import MIGRATIONS

    db = str(tmp_path / "v1.duckdb")
    con = duckdb.connect(db)
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMPTZ "
                "DEFAULT current_timestamp)")
    con.execute(MIGRATIONS[0])
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.execute("INSERT INTO articles (id, body) VALUES ('old', 'Old body.')")
    con.execute("INSERT INTO inputs (raw_hash, source_path, record) VALUES ('h', '/in', '')")
    con.close()
    arts = [art(1), art(2)]
    with Store(db) as s:
        assert s.version() == VERSION == 4
        assert s.count() == 1 and s.count("inputs") == 1
        assert s.write_batch(arts, [annos(a) for a in arts]) == (2, 0)
        assert s.write_batch(arts, [annos(a) for a in arts]) == (0, 2)
        assert s.count() == 3 and s.count("events") == 2 and s.count("inputs") == 3
        row = s.query("SELECT ingested_at, annotated FROM articles WHERE id = 'a001'")[0]
        assert row["ingested_at"] is not None and row["annotated"] is True
        indexes = s.con.execute("SELECT count(*) FROM duckdb_indexes()").fetchone()[0]
        constraints = s.con.execute("SELECT count(*) FROM duckdb_constraints() WHERE "
                                    "constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchone()[0]
        assert indexes == 0 and constraints == 0


def test_insert_new_keeps_one_of_each_key(tmp_path):
    import pyarrow as pa

    from eventwire.store.db import insert_new

    with Store(str(tmp_path / "s.duckdb")) as s:
        rows = pa.Table.from_pylist([{"raw_hash": "h", "source_path": "/a", "record": "1"},
                                     {"raw_hash": "h", "source_path": "/a", "record": "1"},
                                     {"raw_hash": "h", "source_path": "/a", "record": "2"}])
        insert_new(s.con, "inputs", rows)
        insert_new(s.con, "inputs", rows)
        assert s.count("inputs") == 2
        insert_new(s.con, "mentions", pa.Table.from_pylist([{"article_id": "x", "start": 1}] * 2))
        assert s.count("mentions") == 2  # unkeyed tables take every row


def test_memory_limit_applies_and_bad_value_is_one_line(tmp_path):
    with Store(str(tmp_path / "s.duckdb"), memory_limit="100MB") as s:
        limit = s.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert limit.startswith("95.3") or limit.startswith("100")  # MiB or MB display
    with pytest.raises(StoreError, match="bad memory limit 'lots'"):
        Store(str(tmp_path / "t.duckdb"), memory_limit="lots")


@pytest.mark.parametrize("landed", [True, False], ids=["checkpoint-failed", "out-of-memory"])
def test_batch_over_the_memory_cap_is_stored_once_without_the_cap(tmp_path, landed, caplog):
    """DuckDB may give up a capped connection: after its commit landed (a failed checkpoint)
    or before (out of memory).  The store reopens uncapped and the batch is there once."""
    s = Store(str(tmp_path / "s.duckdb"), memory_limit="64MB")
    s.write_batch([art(0)], [annos(art(0))])
    real = s.atomic
    calls = []

    def failing_once(work, articles=0):
        calls.append(1)
        if len(calls) > 1:
            return real(work, articles)
        if landed:
            real(work, articles)
            raise duckdb.FatalException("autocheckpoint failed: could not allocate block")
        raise duckdb.OutOfMemoryException("failed to allocate data of size 16.0 MiB")

    s.atomic = failing_once
    batch = [art(1), art(2), art(0)]
    assert s.write_batch(batch, [annos(a) for a in batch]) == (2, 1)
    assert s.memory_limit is None and "going on without the cap" in caplog.text
    assert s.count() == 3 and s.count("events") == 3 and s.count("mentions") == 3
    assert s.count("inputs") == 3
    assert len(calls) == (1 if landed else 2)
    s.close()


def test_capped_writer_reconnects_now_and_then_and_keeps_everything(tmp_path, monkeypatch):
    """A batch writer starts a fresh DuckDB instance every RECONNECT_AFTER articles (DuckDB's
    scan state grows with the store otherwise); nothing is lost or stored twice, the cap
    stays, and a server's uncapped store keeps its connection."""
    monkeypatch.setattr("eventwire.store.db.RECONNECT_AFTER", 3)
    s = Store(str(tmp_path / "s.duckdb"), memory_limit="64MB")
    first = s.con
    batches = [[art(0), art(1)], [art(2), art(1)], [art(3)], [art(3), art(4)]]
    for batch in batches:
        s.write_batch(batch, [annos(a) for a in batch])
    assert s.con is not first
    assert s.count() == 5 and s.count("events") == 5 and s.count("mentions") == 5
    limit = s.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit.startswith(("61.0", "64"))  # MiB or MB display
    s.close()

    u = Store(str(tmp_path / "u.duckdb"))
    first = u.con
    for batch in batches:
        u.write_batch(batch)
    assert u.con is first and u.count() == 5
    u.close()
