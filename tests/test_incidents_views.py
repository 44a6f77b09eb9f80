"""Incidents everywhere a user looks: API, CLI, exports; and the resolution eval's parts."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.eval.resolution import b_cubed, body_of, ceaf_e, muc, scores
from eventwire.store import Store
from tests.incident_fixtures import (
    KANO,
    MARKET_A,
    MARKET_B,
    TUESDAY,
    ZARIA,
    ZARIA_D,
    incident_of,
    report,
    store_batch,
)

TOKEN = "s3cret-token"
LOCAL = "http://127.0.0.1"  # the server answers only local Host names


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "views.duckdb")
    with Store(path) as store:
        store_batch(store, report("a", MARKET_A, "attacked", day=TUESDAY, place=KANO,
                                  source="Daily Trust", dead=12))
        store_batch(store, report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                                  source="Premium Times", dead=14,
                                  published=datetime(2024, 3, 13, tzinfo=UTC)),
                    report("d", ZARIA_D, "attacked", day=TUESDAY, place=ZARIA,
                           source="Daily Trust", dead=4))
    return path


def test_api_lists_incidents_with_sources_and_shows_members(db):
    client = TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False)
    listed = client.get("/api/incidents").json()
    assert listed["total"] == 2
    kano = next(i for i in listed["items"] if i["place_name"] == "Kano")
    assert (kano["n_sources"], kano["n_events"], kano["dead"]) == (2, 2, 14)
    near = client.get("/api/incidents", params={"lat": 11.1, "lon": 7.7, "radius_km": 30})
    assert [i["place_name"] for i in near.json()["items"]] == ["Zaria"]
    assert client.get("/api/incidents", params={"q": "stormed"}).json()["total"] == 1
    assert client.get("/api/incidents", params={"type": "PROTEST"}).json()["total"] == 0
    one = client.get(f"/api/incidents/{kano['id']}").json()
    assert sorted(e["id"] for e in one["events"]) == ["a-e1", "b-e1"]
    assert one["events"][1]["sentence"] == MARKET_B
    points = client.get("/api/incidents/points").json()["points"]
    assert sorted((p[0], p[4]) for p in points) == sorted(
        (i["id"], i["n_sources"]) for i in listed["items"])
    day = client.get("/api/incidents/timeline").json()
    assert day == [{"day": TUESDAY.isoformat(), "type": "ASSAULT", "n": 2, "sources": 3}]
    assert client.get("/api/incidents/inc-nope").status_code == 404


def test_api_corrections_need_the_token_and_persist(db):
    with TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False) as read_only:
        assert read_only.post("/api/incidents/split", json={"events": ["b-e1"]}
                              ).status_code == 403
    app = create_app(db, token=TOKEN)
    writer = TestClient(app, base_url=LOCAL, raise_server_exceptions=False)
    assert writer.post("/api/incidents/split", json={"events": ["b-e1"]},
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    made = writer.post("/api/incidents/split", json={"events": ["b-e1"], "note": "two"},
                       headers=auth)
    assert made.status_code == 200 and [e["id"] for e in made.json()["events"]] == ["b-e1"]
    assert writer.post("/api/incidents/split", json={"events": ["zz"]},
                       headers=auth).status_code == 422
    ids = [i["id"] for i in writer.get("/api/incidents").json()["items"]
           if i["place_name"] == "Kano"]
    merged = writer.post("/api/incidents/merge", json={"incidents": ids}, headers=auth)
    assert merged.status_code == 200 and merged.json()["n_events"] == 2
    app.state.store.close()
    with Store(db) as store:
        assert [r["action"] for r in store.query(
            "SELECT action FROM incident_corrections ORDER BY seq")] == ["split", "merge"]
        assert incident_of(store, "a-e1") == incident_of(store, "b-e1")


def test_cli_incidents_filters_and_detail(cli, db):
    out = cli("incidents", "--db", db, "--json")
    assert out.exit_code == 0
    assert json.loads(out.stdout)["total"] == 2
    out = cli("incidents", "--db", db, "--json", "--country", "NGA", "-q", "stormed")
    items = json.loads(out.stdout)["items"]
    assert len(items) == 1 and items[0]["n_sources"] == 2
    detail = cli("incident", items[0]["id"], "--db", db)
    assert detail.exit_code == 0 and "stormed" in detail.stdout
    assert cli("incident", "inc-none", "--db", db).exit_code == 1
    assert cli("incidents", "--db", db, "--type", "NOPE").exit_code == 2


def test_exports_one_acled_row_per_incident_and_plover_incident_ids(cli, db, tmp_path):
    out = tmp_path / "inc.csv"
    assert cli("export", "incidents", "-o", str(out), "--db", db).exit_code == 0
    rows = list(csv.DictReader(out.open()))
    assert len(rows) == 2
    kano = next(r for r in rows if r["location"] == "Kano")
    assert (kano["fatalities"], kano["n_sources"], kano["fatalities_min"]) == ("14", "2", "12")
    assert kano["source"] == "daily trust; premium times"
    plover = tmp_path / "ev.json"
    assert cli("export", "events", "-f", "plover-json", "-o", str(plover), "--db", db
               ).exit_code == 0
    recs = {r["id"]: r["incident_id"] for r in json.loads(plover.read_text())}
    assert recs["a-e1"] == recs["b-e1"] != recs["d-e1"]


def test_coreference_scores_on_the_textbook_example():
    # Key {1..5}, {6,7}, {8..12}; response {1..5}, {6..12} (Vilain et al.; Luo 2005).
    key = [set("12345"), set("67"), set("89ABC")]
    resp = [set("12345"), set("6789ABC")]
    assert muc(key, resp)["precision"] == pytest.approx(0.9)
    assert muc(key, resp)["recall"] == pytest.approx(1.0)
    assert b_cubed(key, resp)["precision"] == pytest.approx(16 / 21)
    assert ceaf_e(key, resp)["recall"] == pytest.approx((1 + 10 / 12) / 3)
    perfect = scores(key, key)
    assert perfect["conll_f1"] == pytest.approx(1.0)


def test_gold_offsets_follow_the_feed_body():
    text = "Title  line\n\nFirst   words here.\nSecond line."
    body, tokens = body_of(text)
    assert body == "Title line\n\nFirst words here.\n\nSecond line."
    from eventwire.eval.resolution import _map

    start = text.index("words")
    assert body[_map(tokens, start):_map(tokens, start + 4) + 1] == "words"
    assert body[_map(tokens, text.index("Second")):].startswith("Second")


def test_cli_resolve_all_rebuilds_the_same_incidents(cli, db):
    with Store(db, read_only=True) as store:
        before = store.query("SELECT event_id, incident_id FROM incident_events ORDER BY 1")
    out = cli("resolve", "--db", db, "--all")
    assert out.exit_code == 0 and "resolved 3 events; 2 incidents stored" in out.stdout
    with Store(db, read_only=True) as store:
        assert store.query("SELECT event_id, incident_id FROM incident_events ORDER BY 1"
                           ) == before
