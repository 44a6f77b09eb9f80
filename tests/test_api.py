"""HTTP API over a fixture store: filters, spans, search, pagination, and the security rules
(read-only without a token, bearer token for writes, 413 on large bodies, 422 not 500)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from tests.event_db import XSS, XSS_SCRIPT, build_db

TOKEN = "s3cret-token"


@pytest.fixture
def db(tmp_path) -> str:
    return build_db(str(tmp_path / "fx.duckdb"))


@pytest.fixture
def client(db) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


@pytest.fixture
def writer(db) -> TestClient:
    return TestClient(create_app(db, token=TOKEN, max_body=4096), raise_server_exceptions=False)


def ids(resp) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {e["id"] for e in resp.json()["items"]}


def test_events_filters(client):
    assert len(ids(client.get("/api/events"))) == 7
    assert ids(client.get("/api/events", params={"type": "protest"})) == {
        "ev-sdn-protest", "ev-xss-protest"}
    assert ids(client.get("/api/events", params=[("type", "PROTEST"), ("country", "SDN")])) == {
        "ev-sdn-protest"}
    assert ids(client.get("/api/events", params={"date_from": "2024-03-10",
                                                 "date_to": "2024-03-11"})) == {
        "ev-ukr-consult", "ev-ukr-agree", "ev-xss-protest"}
    assert ids(client.get("/api/events", params={"min_confidence": 0.85})) == {
        "ev-sdn-assault", "ev-mli-coerce", "ev-ukr-consult"}
    # Omdurman is ~20 km from Khartoum's centre, Port Sudan ~670 km away.
    near = {"lat": 15.5007, "lon": 32.5599, "radius_km": 50}
    assert ids(client.get("/api/events", params=near)) == {"ev-sdn-assault"}
    assert ids(client.get("/api/events", params={"actor": "kuleba"})) == {"ev-ukr-consult"}
    assert ids(client.get("/api/events", params={"actor_code": "MLI MIL"})) == {"ev-mli-accuse"}
    assert ids(client.get("/api/events", params={"actor_code": "REB"})) == {"ev-sdn-assault"}


def test_event_text_search_whole_words(client):
    assert ids(client.get("/api/events", params={"q": "journalists bamako"})) == {
        "ev-mli-coerce"}
    # "march" is not a word of "marched"; the prefix form finds it.
    assert ids(client.get("/api/events", params={"q": "march"})) == set()
    assert ids(client.get("/api/events", params={"q": "march*"})) == {"ev-xss-protest"}
    assert ids(client.get("/api/events", params={"q": "marched", "type": "PROTEST"})) == {
        "ev-xss-protest"}
    assert ids(client.get("/api/events", params={"q": "marched", "type": "ASSAULT"})) == set()
    # Words of a different sentence of the same article do not match.
    assert ids(client.get("/api/events", params={"q": "shelled port"})) == set()


def test_event_page_has_sentence_and_pagination(client):
    first = client.get("/api/events", params={"limit": 3}).json()
    second = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == 7
    assert len(first["items"]) == 3 and len(second["items"]) == 3
    assert not ids_of(first) & ids_of(second)
    dates = [e["date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)
    ev = client.get("/api/events/ev-sdn-assault").json()
    assert ev["sentence"].startswith("KHARTOUM - Sudanese army forces shelled")
    assert ev["sentence"][ev["trigger_start"] - ev["sentence_start"]:][:7] == "shelled"
    assert ev["sources"][0]["country"] == "SDN" and ev["dead"] == 12
    # Offsets count characters, also after non-ASCII text (curly quotes before this one).
    page = client.get("/api/events", params={"type": "PROTEST", "country": "SDN"}).json()
    assert page["items"][0]["sentence"] == ("Hundreds of protesters gathered in Port Sudan on "
                                            "Wednesday to demand an end to the fighting.")


def ids_of(page: dict) -> set[str]:
    return {e["id"] for e in page["items"]}


def test_points_and_timeline(client):
    pts = client.get("/api/events/points", params={"type": "PROTEST"}).json()
    assert sorted(p[0] for p in pts["points"]) == ["ev-sdn-protest", "ev-xss-protest"]
    assert all(-90 <= p[1] <= 90 and -180 <= p[2] <= 180 for p in pts["points"])
    days = client.get("/api/events/timeline").json()
    per_day = {}
    for d in days:
        per_day[d["day"]] = per_day.get(d["day"], 0) + d["n"]
    assert per_day == {"2024-03-08": 2, "2024-03-10": 2, "2024-03-11": 1, "2024-03-12": 1,
                       "2024-03-13": 1}


def test_article_with_all_spans(client):
    art = client.get("/api/articles/xss0000000000004").json()
    assert art["body"] == XSS
    for kind in ("mentions", "quotes", "times", "places", "events"):
        assert art[kind], kind
    for m in art["mentions"] + art["times"] + art["places"]:
        assert art["body"][m["start"]:m["end"]] == m["text"]
    q = art["quotes"][0]
    assert art["body"][q["content_start"]:q["content_end"]] == q["content"]
    ev = art["events"][0]
    assert art["body"][ev["trigger_start"]:ev["trigger_end"]] == "marched"
    assert XSS_SCRIPT in ev["sentence"]
    assert client.get("/api/articles/nope").status_code == 404


def test_quotes_actors_places_search(client):
    quotes = client.get("/api/quotes", params={"speaker": "kuleba"}).json()
    assert [q["content"] for q in quotes["items"]] == ["This is a step toward trust,"]
    assert client.get("/api/quotes", params={"q": "secure"}).json()["total"] == 1
    speakers = {s["speaker"] for s in client.get("/api/quotes/speakers").json()}
    assert {"Nabil Abdallah", "Dmytro Kuleba", "Organisers"} <= speakers
    actors = client.get("/api/actors").json()["items"]
    assert actors[0]["actor"] == "Dmytro Kuleba" and actors[0]["mentions"] == 2
    assert actors[0]["code"] == "UKR GOV"
    places = client.get("/api/places", params={"country": "sdn"}).json()["items"]
    assert {p["place"] for p in places} == {"Omdurman", "Port Sudan"}
    found = client.get("/api/search", params={"q": "Bamako"}).json()
    assert {e["id"] for e in found["events"]["items"]} == {"ev-mli-coerce"}
    assert [a["id"] for a in found["articles"]["items"]] == ["mli0000000000003"]
    arts = client.get("/api/articles", params={"q": "journalists"}).json()
    assert arts["total"] == 1


def test_openapi_lists_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/articles/{article_id}", "/api/quotes", "/api/actors",
              "/api/places", "/api/search", "/api/articles", "/api/events/{event_id}"):
        assert p in paths
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"type", "country", "lat", "lon", "radius_km", "date_from", "date_to", "q",
            "min_confidence", "actor", "actor_code", "limit", "offset"} <= params


@pytest.mark.parametrize("params, word", [
    ({"type": "BOMBING"}, "unknown PLOVER event type"),
    ({"limit": 0}, "limit"),
    ({"limit": 100000}, "limit"),
    ({"offset": -1}, "offset"),
    ({"date_from": "yesterday-ish"}, "date_from"),
    ({"date_from": "2024-03-12", "date_to": "2024-03-01"}, "after"),
    ({"lat": 10, "lon": 10}, "go together"),
    ({"lat": 95, "lon": 10, "radius_km": 5}, "lat"),
    ({"actor_code": "A B C"}, "actor_code"),
    ({"q": "!!!"}, "no words"),
    ({"min_confidence": "high"}, "min_confidence"),
])
def test_bad_parameters_are_422_with_a_message(client, params, word):
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 422
    detail = resp.json()["detail"]
    assert isinstance(detail, str) and word in detail
    assert "Traceback" not in resp.text


def test_read_only_without_token(client):
    resp = client.post("/api/articles", json={"text": "Troops crossed the border."})
    assert resp.status_code == 403 and "read-only" in resp.json()["detail"]
    resp = client.patch("/api/events/ev-sdn-assault", json={"dead": 13})
    assert resp.status_code == 403
    assert client.get("/api/events/ev-sdn-assault").json()["dead"] == 12


def test_writes_need_the_right_token(writer):
    assert writer.patch("/api/events/ev-sdn-assault", json={"dead": 13}).status_code == 401
    wrong = {"Authorization": "Bearer not-it"}
    assert writer.patch("/api/events/ev-sdn-assault", json={"dead": 13},
                        headers=wrong).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    resp = writer.patch("/api/events/ev-sdn-assault", json={"dead": 13, "type": "COERCE",
                                                            "note": "recount"}, headers=auth)
    assert resp.status_code == 200, resp.text
    ev = writer.get("/api/events/ev-sdn-assault").json()
    assert (ev["dead"], ev["type"], ev["quad"]) == (13, "COERCE", "material_conflict")
    assert ev["field_rules"]["dead"] == "correction:api"
    assert ev["field_rules"]["correction_note"] == "recount"
    bad = writer.patch("/api/events/ev-sdn-assault", json={"type": "BOMBING"}, headers=auth)
    assert bad.status_code == 422 and "type" in bad.json()["detail"]
    assert writer.patch("/api/events/none", json={"dead": 1}, headers=auth).status_code == 404


def test_post_article_ingests_and_is_searchable(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": "NIAMEY - Soldiers patrolled the Tillaberi region on Thursday after "
                    "villagers reported cattle raids.", "title": "Patrols in Tillaberi",
            "published": "2024-03-14", "nlp": False}
    resp = writer.post("/api/articles", json=body, headers=auth)
    assert resp.status_code == 201, resp.text
    out = resp.json()
    assert out["new"] == 1 and out["articles"][0]["title"] == "Patrols in Tillaberi"
    aid = out["articles"][0]["id"]
    assert writer.get(f"/api/articles/{aid}").json()["body"].startswith("NIAMEY - Soldiers")
    found = writer.get("/api/articles", params={"q": "cattle raids"}).json()
    assert [a["id"] for a in found["items"]] == [aid]
    again = writer.post("/api/articles", json=body, headers=auth).json()
    assert again["new"] == 0 and again["already"] == 1
    both = writer.post("/api/articles", json={"text": "x", "html": "<p>x</p>"}, headers=auth)
    assert both.status_code == 422 and "exactly one" in both.json()["detail"]


def test_large_body_is_413(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    resp = writer.post("/api/articles", json={"text": "word " * 2000}, headers=auth)
    assert resp.status_code == 413
    assert "limit of 4096 bytes" in resp.json()["detail"]


def test_page_and_static_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for path in ("/static/app.js", "/static/app.css", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/world-atlas/countries-110m.json"):
        assert client.get(path).status_code == 200, path


def test_read_only_server_leaves_the_file_readable(client, db, cli):
    assert client.get("/api/health").json()["search_index"] is True
    res = cli("events", "--db", db, "--json")  # another reader while the app holds the file
    assert res.exit_code == 0, res.output
    assert '"total": 7' in res.stdout


def test_unexpected_errors_are_json_without_traceback(db, monkeypatch):
    from eventwire import query

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire at /secret/path")

    monkeypatch.setattr(query, "search_events", boom)
    resp = TestClient(create_app(db), raise_server_exceptions=False).get("/api/events")
    assert resp.status_code == 500
    assert resp.json() == {"detail": "internal error (RuntimeError)"}
    assert "secret" not in resp.text and "Traceback" not in resp.text


def test_malformed_json_body_is_422(writer):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    resp = writer.post("/api/articles", content=b"{not json", headers=auth)
    assert resp.status_code == 422 and isinstance(resp.json()["detail"], str)
