"""What keeps the API quick on large stores stays correct: the id look-up indexes (made by
`serve`, kept by the server's writes, dropped by capped writers) and the answers cached per
store version (dropped by every write)."""

from __future__ import annotations

import threading

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.api import app as app_module
from eventwire.api.app import create_app
from eventwire.api.cache import AnswerCache, VersionedLock
from eventwire.store import Store, StoreError
from eventwire.store.lookups import LOOKUP_INDEXES, present
from tests.event_db import build_db

LOCAL = "http://127.0.0.1"
TOKEN = "speed-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ALL = {name for name, _, _ in LOOKUP_INDEXES}


def indexes(path: str) -> set[str]:
    con = duckdb.connect(path, read_only=True)
    try:
        return present(con)
    finally:
        con.close()


@pytest.fixture
def db(tmp_path) -> str:
    return build_db(str(tmp_path / "fx.duckdb"))


def test_serve_indexes_the_ids_and_a_capped_writer_drops_them(db):
    assert indexes(db) == set()  # written by a plain writer: none yet
    with TestClient(create_app(db), base_url=LOCAL) as c:
        ev = c.get("/api/events/ev-sdn-assault").json()
        art = c.get(f"/api/articles/{ev['article_id']}").json()
    assert indexes(db) == ALL
    assert ev["type"] == "ASSAULT" and any(e["id"] == "ev-sdn-assault" for e in art["events"])
    with Store(db):  # uncapped: a server's own store keeps them
        pass
    assert indexes(db) == ALL
    with Store(db, memory_limit="64MB"):  # a batch writer could not hold them under its cap
        pass
    assert indexes(db) == set()


def test_server_writes_keep_the_indexed_look_ups_right(db):
    with TestClient(create_app(db, token=TOKEN), base_url=LOCAL) as c:
        assert indexes_of(c) == ALL
        new = c.post("/api/articles", json={
            "text": "KABUL - Police arrested two smugglers near the Torkham crossing on "
                    "Sunday.", "title": "Arrests at Torkham", "published": "2024-03-10",
            "nlp": False}, headers=AUTH).json()
        aid = new["articles"][0]["id"]
        assert c.get(f"/api/articles/{aid}").json()["title"] == "Arrests at Torkham"
        patched = c.patch("/api/events/ev-sdn-assault", json={"dead": 14}, headers=AUTH)
        assert patched.status_code == 200, patched.text
        assert c.get("/api/events/ev-sdn-assault").json()["dead"] == 14
        found = c.get("/api/search", params={"q": "torkham"}).json()
        assert [a["id"] for a in found["articles"]["items"]] == [aid]


def indexes_of(client: TestClient) -> set[str]:
    return present(client.app.state.store.con)


def test_panels_and_totals_follow_a_correction(db):
    with TestClient(create_app(db, token=TOKEN), base_url=LOCAL) as c:
        before = c.get("/api/events", params={"type": "COERCE"}).json()["total"]
        types = {t["key"]: t["n"] for t in c.get("/api/events/breakdown").json()["types"]}
        line = c.get("/api/events/timeline", params={"type": "COERCE"}).json()
        again = c.get("/api/events/breakdown")  # served from the cache: same answer
        assert {t["key"]: t["n"] for t in again.json()["types"]} == types
        assert c.app.state.answers.hits >= 1
        assert c.patch("/api/events/ev-sdn-assault", json={"type": "COERCE"},
                       headers=AUTH).status_code == 200
        assert c.get("/api/events", params={"type": "COERCE"}).json()["total"] == before + 1
        after = {t["key"]: t["n"] for t in c.get("/api/events/breakdown").json()["types"]}
        assert after["COERCE"] == types.get("COERCE", 0) + 1
        assert after.get("ASSAULT", 0) == types["ASSAULT"] - 1
        new_line = c.get("/api/events/timeline", params={"type": "COERCE"}).json()
        assert sum(r["n"] for r in new_line["rows"]) + new_line["undated"] == \
            sum(r["n"] for r in line["rows"]) + line["undated"] + 1


def test_cache_serves_until_a_write_and_keeps_within_its_bytes():
    lock = VersionedLock()
    cache = AnswerCache(lock, max_bytes=40)
    calls = []

    def answer(text: str):
        return lambda: calls.append(text) or text.encode()

    assert cache.get("a", answer("one")) == b"one"
    assert cache.get("a", answer("two")) == b"one" and calls == ["one"]
    with lock:  # a write
        pass
    assert cache.get("a", answer("three")) == b"three"
    for k in "bcdefgh":  # 7 answers of 8 bytes: over 40 bytes the oldest go
        cache.get(k, answer(k * 8))
    assert cache._bytes <= 40
    assert cache.get("b", answer("again")) == b"again"  # "b" was pushed out
    assert cache.get("h", answer("again")) == b"h" * 8  # the newest stayed


def test_answer_computed_during_a_write_is_not_served_after_it():
    lock = VersionedLock()
    cache = AnswerCache(lock)
    started, finish = threading.Event(), threading.Event()

    def slow() -> bytes:
        started.set()
        finish.wait(5)
        return b"old"

    reader = threading.Thread(target=cache.get, args=("k", slow))
    reader.start()
    started.wait(5)
    with lock:  # the write commits while the reader's query runs
        pass
    finish.set()
    reader.join(5)
    assert cache.get("k", lambda: b"new") == b"new"


def test_search_by_scan_when_the_index_cannot_be_refreshed(db, monkeypatch):
    """A read-only server over a store another process holds cannot refresh the search
    index; its searches scan the text, every part of /api/search on one cursor."""
    def held(store):
        raise StoreError(f"{db}: cannot open database (held by another process)")

    monkeypatch.setattr(app_module, "_prepare", held)
    with TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False) as c:
        assert c.app.state.search_ready is False
        found = c.get("/api/search", params={"q": "protesters"})
        assert found.status_code == 200, found.text
        assert {e["type"] for e in found.json()["events"]["items"]} == {"PROTEST"}


@pytest.mark.parametrize("days", [
    [0], [0, 1], [0, 0, 0, 9], [3, 5, 8, 13, 21, 34], [-20000, 19000, 19001, 19002, 19030]])
def test_timeline_quartiles_are_duckdbs(days):
    """The timeline counts events per day in SQL and takes the quartiles from the counts:
    they must be what DuckDB's quantile_cont gives over the events themselves."""
    from datetime import date, timedelta

    from eventwire.query import _quantile

    day0 = date(1970, 1, 1)
    counted: dict[date, int] = {}
    for d in days:
        counted[day0 + timedelta(days=d)] = counted.get(day0 + timedelta(days=d), 0) + 1
    want = duckdb.execute("SELECT quantile_cont(d, 0.25), quantile_cont(d, 0.75) FROM "
                          "unnest(?) t(d)", [days]).fetchone()
    got = tuple(_quantile(sorted(counted.items()), len(days), p) for p in (0.25, 0.75))
    assert got == want


@pytest.mark.parametrize("bin", ["day", "week", "month", "year"])
def test_timeline_bins_are_duckdbs(bin):
    from datetime import date

    from eventwire.query import _bin_start, _next_bin

    lo, hi = date(2023, 11, 29), date(2025, 2, 3)
    want = [r[0] for r in duckdb.execute(
        f"SELECT CAST(unnest(generate_series(CAST(date_trunc('{bin}', ?::DATE) AS DATE), "
        f"?::DATE, INTERVAL 1 {bin})) AS DATE)", [lo, hi]).fetchall()]
    got, step = [], _bin_start(lo, bin)
    while step <= hi:
        got.append(step)
        step = _next_bin(step, bin)
    assert got == want
    assert _next_bin(date(9999, 12, 1), "month") is None
