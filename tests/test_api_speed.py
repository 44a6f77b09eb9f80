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
