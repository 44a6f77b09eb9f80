"""The cheaper plans answer exactly as the plain ones, and the server's scheduling of reads:
an event page with its total from one scan, the breakdown's counts and actors from one
scan, reads taken a few at a time in order of arrival, answers written by orjson."""

from __future__ import annotations

import asyncio
import json
import math
from datetime import UTC, date, datetime

import duckdb
import pytest

from eventwire import query as q
from eventwire.api.app import create_app
from eventwire.api.reads import FastJSON
from eventwire.api.slots import ReadSlots, cores
from tests.event_db import build_db

FILTERS = [
    {},
    {"types": ["PROTEST"]},
    {"types": ["PROTEST", "ASSAULT"], "countries": ["SDN"]},
    {"date_from": date(2024, 3, 10), "date_to": date(2024, 3, 11)},
    {"text": "grain"},
    {"text": "border", "countries": ["UKR"]},
    {"actor": "army"},
    {"countries": ["NOR"]},  # matches nothing
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = build_db(str(tmp_path_factory.mktemp("plans") / "fx.duckdb"))
    with duckdb.connect(path) as writer:
        q.refresh_search_index(writer)
        # two events whose place was not found, so the map has some to count apart
        writer.execute("UPDATE events SET lat = NULL, lon = NULL "
                       "WHERE id IN ('ev-ukr-agree', 'ev-xss-protest')")
    c = duckdb.connect(path, read_only=True)
    yield c
    c.close()


def by_plan(monkeypatch, run) -> dict:
    """``run()`` with the few-matches guess forced to each answer in turn."""
    out = {}
    for guess in (True, False):
        monkeypatch.setattr(q, "_few_match", lambda *a, g=guess, **k: g)
        out[guess] = run()
    return out


@pytest.mark.parametrize("kw", FILTERS)
@pytest.mark.parametrize("page", [(50, 0), (2, 1), (3, 6), (5, 100)])
def test_event_page_and_total_are_the_same_from_one_scan(con, monkeypatch, kw, page):
    for indexed in (True, False):
        got = by_plan(monkeypatch, lambda i=indexed: q.search_events(
            con, q.EventFilter(**kw), *page, indexed=i))
        assert got[True] == got[False]
        assert got[True]["total"] == q.count_events(con, q.EventFilter(**kw), indexed=indexed)
        assert "total__" not in {k for e in got[True]["items"] for k in e}


def test_event_page_past_the_end_still_counts(con, monkeypatch):
    monkeypatch.setattr(q, "_few_match", lambda *a, **k: True)
    found = q.search_events(con, q.EventFilter(types=["PROTEST"]), 10, 5, indexed=True)
    assert found["items"] == [] and found["total"] == 2


@pytest.mark.parametrize("kw", FILTERS)
def test_breakdown_is_the_same_from_one_scan(con, monkeypatch, kw):
    got = by_plan(monkeypatch, lambda: q.event_breakdown(con, q.EventFilter(**kw), 3,
                                                         indexed=True))
    assert got[True] == got[False]
    assert got[True]["actors_sample"] is None


def test_breakdown_guessed_small_but_large_samples_its_actors(con, monkeypatch):
    """A wrong guess (more events than the sample size) still gives the sampled answer."""
    monkeypatch.setattr(q, "ACTOR_SAMPLE", 2)
    con.execute("SET threads = 1")  # one sample, the same in both plans
    got = by_plan(monkeypatch, lambda: q.event_breakdown(con, q.EventFilter(), 5,
                                                         indexed=True))
    assert got[True] == got[False]
    assert got[True]["total"] == 7 and got[True]["actors_sample"] is not None


@pytest.mark.parametrize("kw", FILTERS)
@pytest.mark.parametrize("cap", [1, 3, 6, 20000])
def test_map_points_are_the_same_by_either_plan(con, monkeypatch, kw, cap):
    got = by_plan(monkeypatch, lambda: json.loads(q.event_points(
        con, q.EventFilter(**kw), cap, indexed=True)))
    assert got[True] == got[False]
    found = got[True]
    assert len(found["points"]) == min(cap, found["located"])
    assert found["truncated"] == (found["located"] > cap)
    assert found["located"] + found["unlocated"] == q.count_events(
        con, q.EventFilter(**kw), indexed=True)
    if not kw:
        assert (found["located"], found["unlocated"]) == (5, 2)


def test_map_points_json_holds_the_rows_as_python_reads_them(tmp_path, monkeypatch):
    """DuckDB writes the points: the same values, newest first, as the rows fetched into
    Python, with the numbers and names JSON writers disagree on most."""
    path = build_db(str(tmp_path / "fx.duckdb"))
    with duckdb.connect(path) as writer:
        for eid, lat, lon in (("ev-ukr-agree", 1e-05, -0.0), ("ev-sdn-protest", -0.0001, 179.99999),
                              ("ev-xss-protest", 45.123456789012345, -1 / 3)):
            writer.execute("UPDATE events SET lat = ?, lon = ? WHERE id = ?", [lat, lon, eid])
        writer.execute("UPDATE events SET id = 'ev-\"quoted\" \u00ab\u2028\\' "
                       "WHERE id = 'ev-ukr-agree'")
        rows = writer.execute("SELECT id, lat, lon, type FROM events WHERE lat IS NOT NULL "
                              "ORDER BY date DESC NULLS LAST, id").fetchall()
    con = duckdb.connect(path, read_only=True)
    try:
        for cap in (2, 100):
            got = by_plan(monkeypatch, lambda c=cap: q.event_points(con, q.EventFilter(), c,
                                                                    indexed=False))
            assert got[True] == got[False]
            found = json.loads(got[True])
            assert list(found) == ["truncated", "located", "unlocated", "points"]
            assert found["points"] == [list(r) for r in rows[:cap]]
            assert [math.copysign(1, p[2]) for p in found["points"]] == [
                math.copysign(1, r[2]) for r in rows[:cap]]
            assert found["truncated"] == (len(rows) > cap)
    finally:
        con.close()


def test_breakdown_counts_an_event_once_per_actor_name(con):
    found = q.event_breakdown(con, q.EventFilter(), 10, indexed=True)
    assert sum(t["n"] for t in found["types"]) == found["total"] == 7
    assert all(a["n"] <= found["total"] for a in found["actors"])
    names = [a["key"] for a in found["actors"]]
    assert len(names) == len(set(names))


# -- reads a few at a time ----------------------------------------------------------------


def asgi_app(log: list, started: asyncio.Event | None = None):
    """An app that records how many requests it answers at once and in which order."""
    state = {"now": 0, "most": 0}

    async def app(scope, receive, send):
        state["now"] += 1
        state["most"] = max(state["most"], state["now"])
        log.append(scope["path"])
        await asyncio.sleep(0.01)
        state["now"] -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        if started is not None:
            started.set()
            await asyncio.sleep(3600)  # a client that never reads the body
        await send({"type": "http.response.body", "body": b"{}"})

    return app, state


def scope(path: str, method: str = "GET") -> dict:
    return {"type": "http", "method": method, "path": path, "headers": []}


async def call(app, path: str, method: str = "GET") -> None:
    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        pass

    await app(scope(path, method), receive, send)


def test_reads_are_answered_a_few_at_a_time_in_order():
    async def run():
        log: list = []
        inner, state = asgi_app(log)
        app = ReadSlots(inner, slots=2)
        await asyncio.gather(*(call(app, f"/api/events/{i}") for i in range(8)))
        return log, state

    log, state = asyncio.run(run())
    assert state["most"] == 2
    assert log == [f"/api/events/{i}" for i in range(8)]


def test_pages_and_writes_are_not_held_back():
    async def run():
        inner, state = asgi_app([])
        app = ReadSlots(inner, slots=1)
        await asyncio.gather(call(app, "/"), call(app, "/static/app.js"),
                             call(app, "/api/articles", "POST"), call(app, "/api/events"))
        return state

    assert asyncio.run(run())["most"] == 4


def test_a_slot_is_free_once_the_answer_starts():
    """A client that reads its answer slowly does not keep others waiting."""
    async def run():
        started = asyncio.Event()
        slow_inner, _ = asgi_app([], started)
        log: list = []
        fast_inner, _ = asgi_app(log)

        async def route(scope, receive, send):
            target = slow_inner if scope["path"] == "/api/slow" else fast_inner
            await target(scope, receive, send)

        app = ReadSlots(route, slots=1)
        slow = asyncio.create_task(call(app, "/api/slow"))
        await started.wait()
        await asyncio.wait_for(call(app, "/api/events"), timeout=5)
        slow.cancel()
        return log

    assert asyncio.run(run()) == ["/api/events"]


def test_a_failed_read_gives_its_slot_back():
    async def run():
        async def broken(scope, receive, send):
            raise RuntimeError("query failed")

        app = ReadSlots(broken, slots=1)
        for _ in range(3):
            with pytest.raises(RuntimeError):
                await asyncio.wait_for(call(app, "/api/events"), timeout=5)

    asyncio.run(run())


@pytest.mark.parametrize(("slots", "threads"), [(None, 1), (1, cores()), (1000, 1)])
def test_duckdb_shares_the_cores_among_the_read_slots(tmp_path, slots, threads):
    app = create_app(build_db(str(tmp_path / "fx.duckdb")), read_slots=slots)
    try:
        con = app.state.store.con
        assert con.execute("SELECT current_setting('threads')").fetchone()[0] == threads
    finally:
        app.state.store.close()


# -- JSON ---------------------------------------------------------------------------------


def test_answers_are_the_json_the_standard_library_writes():
    content = {"items": [{"id": "ev-1", "date": date(2024, 3, 10), "lat": 15.5, "n": 3,
                          "published": datetime(2024, 3, 10, 9, 30, tzinfo=UTC),
                          "sentence": "Le chef a dit \u00ab non \u00bb \u2028 <b>", "dead": None,
                          "ok": True}],
               "points": [["ev-1", -0.0001, 179.99999, "ASSAULT"]], "total": 1}
    body = FastJSON(content).body
    assert json.loads(body) == json.loads(json.dumps(content, default=str).replace(
        "2024-03-10 09:30:00+00:00", "2024-03-10T09:30:00+00:00"))
    assert "\u00ab".encode() in body  # UTF-8, not escaped


def test_numbers_orjson_refuses_are_still_written():
    assert json.loads(FastJSON({"n": 2 ** 70, "m": 1}).body) == {"n": 2 ** 70, "m": 1}
