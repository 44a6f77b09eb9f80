"""HTTP API over a fixture store: filters, spans, search, pagination, and the security rules
(read-only without a token, bearer token for writes, 413 on large bodies, 422 not 500)."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from tests.event_db import XSS, XSS_SCRIPT, build_db

TOKEN = "s3cret-token"


LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> str:
    """The fixture store, built once; tests that write get a copy of it."""
    return build_db(str(tmp_path_factory.mktemp("api") / "fx.duckdb"))


@pytest.fixture(scope="module")
def client(built) -> TestClient:
    with TestClient(create_app(built), base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def db(built, tmp_path) -> str:
    path = str(tmp_path / "fx.duckdb")
    shutil.copy(built, path)
    return path


@pytest.fixture
def writer(db) -> TestClient:
    with TestClient(create_app(db, token=TOKEN, max_body=4096), base_url=LOCAL,
                    raise_server_exceptions=False) as c:
        yield c


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


def test_event_text_search_by_stem(client):
    assert ids(client.get("/api/events", params={"q": "journalists bamako"})) == {
        "ev-mli-coerce"}
    # Words match by their stem: "march" and "marches" find "marched", "journalist" finds
    # "journalists"; a stem is not a prefix ("mar" finds nothing), the prefix form is.
    for word in ("march", "marches", "marching"):
        assert ids(client.get("/api/events", params={"q": word})) == {"ev-xss-protest"}, word
    assert ids(client.get("/api/events", params={"q": "journalist"})) == {"ev-mli-coerce"}
    assert ids(client.get("/api/events", params={"q": "mar"})) == set()
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
    line = client.get("/api/events/timeline").json()
    per_day = {}
    for d in line["rows"]:
        per_day[d["bin"]] = per_day.get(d["bin"], 0) + d["n"]
    assert per_day == {"2024-03-08": 2, "2024-03-10": 2, "2024-03-11": 1, "2024-03-12": 1,
                       "2024-03-13": 1}
    assert line["bin"] == "day" and line["bins"][0] == "2024-03-08"
    assert line["bins"][-1] == "2024-03-13" and len(line["bins"]) == 6
    assert line["outside"]["before"] == line["outside"]["after"] == 0
    weeks = client.get("/api/events/timeline", params={"bin": "week"}).json()
    assert weeks["bins"] == ["2024-03-04", "2024-03-11"]  # ISO weeks start on Monday
    assert sum(r["n"] for r in weeks["rows"]) == 7
    pts = client.get("/api/events/points").json()
    assert pts["located"] == len(pts["points"]) and pts["located"] + pts["unlocated"] == 7
    grid = client.get("/api/events/grid", params={"cell": 5}).json()
    assert grid["located"] == 7
    # Omdurman and Khartoum-side events share a 5-degree cell; Bamako's two share another.
    cells = {(c[0], c[1]): c[2] for c in grid["cells"]}
    assert cells[(12.5, -7.5)] == 2 and sum(cells.values()) == 7
    assert client.get("/api/events/grid", params={"cell": 0}).status_code == 422


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
    resp = TestClient(create_app(db), base_url=LOCAL,
                      raise_server_exceptions=False).get("/api/events")
    assert resp.status_code == 500
    assert resp.json() == {"detail": "internal error (RuntimeError)"}
    assert "secret" not in resp.text and "Traceback" not in resp.text


def test_malformed_json_body_is_422(writer):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    resp = writer.post("/api/articles", content=b"{not json", headers=auth)
    assert resp.status_code == 422 and isinstance(resp.json()["detail"], str)


# -- robustness: every parameter checked, one line, never 500 --------------------------------

HUGE = "9223372036854775808"


@pytest.mark.parametrize("path", ["/api/events", "/api/articles", "/api/quotes", "/api/actors",
                                  "/api/places"])
def test_huge_offsets_and_long_strings_are_422(client, path):
    for params in ({"offset": HUGE}, {"offset": 10**12}, {"limit": HUGE},
                   {"q": "word " * 200}):
        resp = client.get(path, params=params)
        assert resp.status_code == 422, (path, params, resp.text)
        assert "\n" not in resp.json()["detail"]


def test_long_and_many_filter_values_are_422(client):
    assert "actor" in client.get("/api/events", params={"actor": "x" * 5000}).json()["detail"]
    many = [("type", "PROTEST")] * 30
    assert "type" in client.get("/api/events", params=many).json()["detail"]
    assert client.get("/api/events/" + "e" * 5000).status_code == 422
    assert client.get("/api/events/timeline", params={"bin": "decade"}).status_code == 422


def test_country_by_iso2_iso3_or_name(client):
    sudan = {"ev-sdn-assault", "ev-sdn-protest"}
    for value in ("SDN", "sd", "Sudan", "sudan"):
        assert ids(client.get("/api/events", params={"country": value})) == sudan, value
    both = ids(client.get("/api/events", params=[("country", "SD"), ("country", "Mali")]))
    assert sudan < both and len(both) == 4
    resp = client.get("/api/events", params={"country": "IQX"})
    assert resp.status_code == 422
    assert resp.json()["detail"].startswith("country: 'IQX' is not a known country")


def test_several_types_in_one_parameter(client):
    found = ids(client.get("/api/events", params={"type": "protest,accuse"}))
    assert found == {"ev-sdn-protest", "ev-xss-protest", "ev-mli-accuse"}


def test_breakdown_counts_the_filter(client):
    b = client.get("/api/events/breakdown", params={"country": "SDN"}).json()
    assert {t["key"]: t["n"] for t in b["types"]} == {"ASSAULT": 1, "PROTEST": 1}
    assert b["countries"] == [{"key": "SDN", "n": 2}]
    assert any(a["key"] == "Rapid Support Forces" for a in b["actors"])
    assert b["total"] == 2 and b["actors_sample"] is None  # small sets are counted whole


def test_breakdown_samples_actors_of_large_sets(client, monkeypatch):
    from eventwire import query

    monkeypatch.setattr(query, "ACTOR_SAMPLE", 3)
    b = client.get("/api/events/breakdown").json()
    assert b["total"] == 7 and sum(t["n"] for t in b["types"]) == 7  # types stay exact
    assert isinstance(b["actors_sample"], int) and b["actors_sample"] <= 7


def test_export_of_the_filter(client):
    csv_text = client.get("/api/events/export", params={"country": "SDN"}).text
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("event_id,event_date,event_type") and len(lines) == 3
    geo = client.get("/api/events/export", params={"format": "geojson",
                                                   "type": "PROTEST"}).json()
    assert {f["id"] for f in geo["features"]} == {"ev-sdn-protest", "ev-xss-protest"}
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    plover = client.get("/api/events/export", params={"format": "plover-json",
                                                      "country": "MLI"}).json()
    assert len(plover) == 2
    assert {r["id"] for r in plover} == {"ev-mli-accuse", "ev-mli-coerce"}


def test_search_stems_over_events_articles_and_quotes(client):
    found = client.get("/api/search", params={"q": "securing"}).json()  # quote: "secure"
    assert found["quotes"]["total"] == 1
    found = client.get("/api/search", params={"q": "journalist"}).json()
    assert [a["id"] for a in found["articles"]["items"]] == ["mli0000000000003"]


def test_host_header_allow_list(built):
    app = create_app(built)
    for host in ("127.0.0.1", "localhost:8000", "[::1]:8000"):
        assert TestClient(app, base_url=f"http://{host}").get("/api/health").status_code == 200
    resp = TestClient(app, base_url="http://evil.example").get("/api/health")
    assert resp.status_code == 400 and "--allow-host evil.example" in resp.json()["detail"]
    other = create_app(built, allowed_hosts=["events.lan"])
    assert TestClient(other, base_url="http://events.lan").get("/api/health").status_code == 200


def test_docs_are_served_offline_under_the_csp(client):
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200 and "default-src 'self'" in page.headers[
            "content-security-policy"]
        assert "http" not in page.text.replace("http-equiv", "")  # nothing from elsewhere
        assert "<script>" not in page.text  # no inline script
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css",
                  "/docs-assets/redoc.standalone.js", "/static/docs.js"):
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("body, word", [
    ({"type": None}, "type cannot be null"),
    ({"negated": None}, "negated cannot be null"),
    ({"dead": 10**22}, "dead"),
    ({"mode": "m" * 100000}, "mode"),
    ({"date": "0001-01-01"}, "before 1900"),
    ({"date": "2024-03-20"}, "after the article's publication date plus a day"),
    ({"colour": "red"}, "colour"),
])
def test_bad_corrections_are_422(writer, body, word):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    resp = writer.patch("/api/events/ev-sdn-assault", json=body, headers=auth)
    assert resp.status_code in (413, 422), resp.text
    if resp.status_code == 422:
        assert word in resp.json()["detail"], resp.json()


def test_corrected_date_and_null_clear(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    resp = writer.patch("/api/events/ev-sdn-assault",
                        json={"date": "2024-03-14", "place_name": None}, headers=auth)
    assert resp.status_code == 200, resp.text
    ev = resp.json()
    assert ev["date"] == "2024-03-14" and ev["place_name"] is None  # published 03-13, +1 day
    # the index ranks by the corrected date
    top = writer.get("/api/events", params={"q": "shelled"}).json()["items"][0]
    assert top["date"] == "2024-03-14"


def test_timeline_keeps_an_old_date_out_of_the_range(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writer.patch("/api/events/ev-mli-accuse", json={"date": "1965-06-01"},
                        headers=auth).status_code == 200
    line = writer.get("/api/events/timeline").json()
    assert line["from"] >= "2024-01-01" and line["bin"] == "day"
    assert line["outside"]["before"] == 1 and line["outside"]["earliest"] == "1965-06-01"
    # asked for explicitly, the old date is drawn
    wide = writer.get("/api/events/timeline", params={"date_from": "1960-01-01"}).json()
    assert wide["outside"]["before"] == 0 and wide["bin"] == "year"


def test_ingest_drops_implausible_event_dates_with_a_reason(tmp_path):
    from dataclasses import replace
    from datetime import date

    from eventwire.store import Store
    from tests.event_db import records

    arts, annos = records()
    sudan = annos[0]
    sudan.events[0] = replace(sudan.events[0], date=date(1, 1, 1))
    sudan.events[1] = replace(sudan.events[1], date=date(2030, 1, 1))
    with Store(str(tmp_path / "d.duckdb")) as store:
        store.write_batch(arts, annos)
        rows = store.query("SELECT id, date, field_rules FROM events WHERE article_id = ? "
                           "ORDER BY trigger_start", [sudan.article_id])
    assert [r["date"] for r in rows[:2]] == [None, None]
    assert "before 1900" in rows[0]["field_rules"]
    assert "publication date plus a day" in rows[1]["field_rules"]
    with Store(str(tmp_path / "d.duckdb"), read_only=True) as store:  # the others stay
        assert store.query("SELECT count(*) AS n FROM events WHERE date IS NULL")[0]["n"] == 2


# -- fuzz: every parameter of every endpoint, in process (no socket) ------------------------

from urllib.parse import quote  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NASTY = ["", "0", "-1", HUGE, "-" + HUGE, "1e309", "nan", "inf", "2024-02-30", "0001-01-01",
         "9999-12-31", "PROTEST", "SDN", "Iraq", "x" * 3000, "\x00", "'; DROP TABLE events;--",
         "*", "a*", "%", "..", "/", "\u202e", "true"]
VALUE = st.one_of(st.sampled_from(NASTY), st.text(max_size=40),
                  st.integers(-2**70, 2**70).map(str), st.floats().map(str))
FUZZ = settings(max_examples=25, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def _endpoints(client) -> list[tuple[str, str, list[str]]]:
    spec = client.get("/openapi.json").json()
    out = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            names = [p["name"] for p in op.get("parameters", []) if p["in"] == "query"]
            out.append((method, path, names))
    return out


def _check(resp) -> None:
    assert resp.status_code < 500, resp.text[:300]
    if resp.status_code >= 400:
        detail = resp.json()["detail"]
        assert isinstance(detail, str) and "\n" not in detail and len(detail) <= 500


def test_fuzz_every_query_parameter(client):
    endpoints = [e for e in _endpoints(client) if e[0] == "get"]
    assert len(endpoints) >= 14

    for _, path, names in endpoints:
        _fuzz_get(client, path, names)


def _fuzz_get(client, path: str, names: list[str]) -> None:
    @FUZZ
    @given(params=st.lists(st.tuples(st.sampled_from(names or ["x"]), VALUE), max_size=4),
           ident=VALUE)
    def run(params, ident):
        seg = quote(ident, safe="") or "x"
        url = path.replace("{event_id}", seg).replace("{article_id}", seg)
        _check(client.get(url, params=params))

    run()


def test_fuzz_every_correction_field(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    json_value = st.one_of(st.none(), st.booleans(), st.integers(-2**80, 2**80),
                           st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
                           st.sampled_from(NASTY))
    fields = ["type", "mode", "date", "place_name", "country", "admin1", "lat", "lon", "dead",
              "injured", "size", "negated", "hypothetical", "note"]

    @FUZZ
    @given(body=st.dictionaries(st.sampled_from(fields), json_value, max_size=4))
    def run(body):
        _check(writer.patch("/api/events/ev-ukr-agree", json=body, headers=auth))

    run()


def test_watch_folder_ingests_settled_files_once(db, tmp_path):
    import json

    incoming = tmp_path / "incoming"
    incoming.mkdir()
    app = create_app(db, watch=str(incoming), watch_nlp=False)
    watcher = app.state.watcher
    record = {"title": "Floods close the road to Kassala", "published": "2024-03-14",
              "text": "KASSALA - Floods closed the main road to Kassala on Thursday, "
                      "stranding dozens of trucks, officials said."}
    (incoming / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert watcher.poll() == 0  # seen once; taken when unchanged at the next poll
    assert watcher.poll() == 1 and watcher.ingested == 1
    assert watcher.poll() == 0  # not again
    with TestClient(app, base_url=LOCAL) as c:
        found = c.get("/api/articles", params={"q": "floods kassala"}).json()
        assert [a["title"] for a in found["items"]] == ["Floods close the road to Kassala"]
        assert c.get("/api/health").json()["search_index"] is True
