"""Events' ``actors`` pairs (derived from their JSON when stored, read by the breakdown
panel): every writer fills them, older stores gain them by migration, and whole-row reads
leave them out."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire import query as q
from eventwire.api.app import create_app
from eventwire.scale.load import load_output
from eventwire.scale.parquet import PartitionWriter, table_rows
from eventwire.store import Store, StoreError
from eventwire.store.derived import ACTORS_SQL
from eventwire.store.lookups import LOOKUP_INDEXES, present
from eventwire.store.schema import VERSION
from tests.event_db import build_db, records

LOCAL = "http://127.0.0.1"


def out_of_step(con: duckdb.DuckDBPyConnection) -> int:
    """Events whose stored pairs differ from what their JSON says now."""
    return con.execute(f"SELECT count(*) FROM events WHERE actors IS DISTINCT FROM "
                       f"({ACTORS_SQL})").fetchone()[0]


def expected_actors(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, set[str]]]:
    """Per actor name (or words): how many events name it, and its most frequent codes,
    counted in Python from the JSON."""
    events: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, Counter] = defaultdict(Counter)
    for eid, sources, targets in con.execute("SELECT id, sources, targets FROM events"
                                             ).fetchall():
        for a in json.loads(sources) + json.loads(targets):
            key = a.get("name") or a.get("text")
            if key is None:
                continue
            events[key].add(eid)
            code = " ".join(x for x in (a.get("country"), a.get("sector")) if x)
            if code:
                codes[key][code] += 1
    out = {}
    for key, ids in events.items():
        top = max(codes[key].values(), default=0)
        out[key] = (len(ids), {c for c, n in codes[key].items() if n == top} or {None})
    return out


def test_ingest_fills_the_pairs_and_the_breakdown_counts_them_as_the_json_says(tmp_path):
    db = build_db(str(tmp_path / "s.duckdb"))
    with Store(db) as s:
        assert out_of_step(s.con) == 0
        assert s.con.execute("SELECT count(*) FROM events WHERE len(actors) > 0"
                             ).fetchone()[0] > 0
        want = expected_actors(s.con)
        got = q.event_breakdown(s.con, q.EventFilter(), limit=100)["actors"]
    assert {a["key"]: a["n"] for a in got} == {k: n for k, (n, _) in want.items()}
    for a in got:
        assert a["code"] in want[a["key"]][1], a


def test_capped_writer_dask_load_and_reannotation_keep_the_pairs_in_step(tmp_path):
    arts, annos = records()
    with Store(str(tmp_path / "capped.duckdb"), memory_limit="64MB") as s:
        s.write_batch(arts, annos)
        assert s.count("events") > 0 and out_of_step(s.con) == 0
        s.replace_annotations(annos[:2])
        assert out_of_step(s.con) == 0
    out = str(tmp_path / "out")
    w = PartitionWriter(out, "part-00000-x")
    w.add(table_rows(arts, annos))
    w.commit({"files": []})
    with Store(str(tmp_path / "loaded.duckdb"), memory_limit="64MB") as s:
        load_output(out, s)
        assert s.count("events") == sum(len(a.events) for a in annos)
        assert out_of_step(s.con) == 0


def downgrade(db: str) -> None:
    """Make ``db`` a schema-3 store, as the version before the pairs wrote it (served, so
    with its id look-ups, which a column cannot be dropped under)."""
    con = duckdb.connect(db)
    events = [(n, c) for n, t, c in LOOKUP_INDEXES if t == "events" and n in present(con)]
    for name, _ in events:
        con.execute(f"DROP INDEX {name}")
    con.execute("ALTER TABLE events DROP COLUMN actors")
    for name, column in events:
        con.execute(f"CREATE INDEX {name} ON events({column})")
    con.execute("DELETE FROM schema_version WHERE version > 3")
    con.close()


def test_a_schema_3_store_migrates_and_answers_the_same(tmp_path):
    db = build_db(str(tmp_path / "s.duckdb"))
    with TestClient(create_app(db), base_url=LOCAL) as c:  # serve: id look-ups made
        before = {p: c.get(p).json() for p in ("/api/events/breakdown",
                                               "/api/events/breakdown?country=SDN",
                                               "/api/events/ev-sdn-assault")}
    downgrade(db)
    with Store(db) as s:
        assert s.version() == VERSION == 4
        assert out_of_step(s.con) == 0
    with TestClient(create_app(db), base_url=LOCAL) as c:
        assert present(c.app.state.store.con) == {n for n, _, _ in LOOKUP_INDEXES}
        assert {p: c.get(p).json() for p in before} == before


def test_a_reader_of_an_older_store_is_told_how_to_migrate_it(tmp_path):
    db = build_db(str(tmp_path / "s.duckdb"))
    downgrade(db)
    with pytest.raises(StoreError, match="schema version 3 is older.*migrates it"):
        Store(db, read_only=True)
    with Store(db):
        pass
    with Store(db, read_only=True) as s:
        assert s.version() == VERSION


def test_a_capped_writer_migrates_without_its_cap_when_it_must(tmp_path, monkeypatch):
    db = build_db(str(tmp_path / "s.duckdb"))
    downgrade(db)
    real = Store._run_migrations
    caps = []

    def tight(self):
        caps.append(self.memory_limit)
        if self.memory_limit is not None:
            raise duckdb.OutOfMemoryException("could not allocate block of size 256.0 KiB")
        real(self)

    monkeypatch.setattr(Store, "_run_migrations", tight)
    with Store(db, memory_limit="32MB") as s:
        assert caps == ["32MB", None]
        assert s.version() == VERSION and out_of_step(s.con) == 0
        assert s.memory_limit == "32MB"  # the writes are capped again
        assert s.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] \
            .startswith("30.5")


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(build_db(str(tmp_path / "s.duckdb"))), base_url=LOCAL) as c:
        yield c


def test_whole_row_reads_leave_the_pairs_out(client):
    ev = client.get("/api/events/ev-sdn-assault").json()
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert "actors" not in ev and all("actors" not in e for e in art["events"])
    header = client.get("/api/events/export").text.splitlines()[0]
    assert "actors" not in header.split(",")
