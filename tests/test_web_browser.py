"""The web page in a real browser (Debian's Chromium driven by Playwright) against
`eventwire serve --watch` on a fixture store: map markers and heat view, linked filters kept in
the URL, the article view with its evidence and clickable event list, the timeline's brush,
zoom and outlying dates, search, breakdowns, offline API docs, events ingested while the page
is open, a phone-width layout and markup in article text kept as text; and the incidents
view (the default) on a store ingested from two reports of one attack.

Screenshots of the main views go to $EVENTWIRE_SHOTS when set (to look at them), else to a
temporary directory."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.event_db import XSS_IMG, XSS_SCRIPT, build_db

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="the playwright Python package is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def watched(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("incoming")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    out = Path(os.environ.get("EVENTWIRE_SHOTS") or tmp_path_factory.mktemp("shots"))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory, watched):
    db = build_db(str(tmp_path_factory.mktemp("web") / "fx.duckdb"))
    yield from _serve(db, "--watch", str(watched))


def _cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from eventwire.cli import main; main()",
                             *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _serve(db: str, *args: str):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_TOKEN"}
    env["EVENTWIRE_TOKEN"] = TOKEN
    proc = _cli("serve", "--db", db, "--port", str(port), *args, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/api/health", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out = proc.stdout.read().decode(errors="replace")
                pytest.fail(f"eventwire serve did not start: {out[-2000:]}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    pg = browser.new_page(viewport={"width": 1280, "height": 800})
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(server + "/?unit=events")  # the fixture store has events but no incidents
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    yield pg
    pg.close()


def markers_on_map(pg) -> int:
    """Events drawn on the map: single markers plus the counts shown on clusters."""
    return pg.evaluate("""() => {
        const single = document.querySelectorAll('#map path.ev-marker').length;
        const clustered = [...document.querySelectorAll('#map .ev-cluster')]
            .reduce((n, c) => n + parseInt(c.textContent, 10), 0);
        return single + clustered; }""")


def table_types(pg) -> list[str]:
    return pg.eval_on_selector_all("#events tbody tr", "rows => rows.map(r => r.dataset.type)")


def test_map_shows_markers_and_screenshot_is_not_blank(page, browser, shots):
    page.wait_for_function("() => document.querySelector('#map').dataset.points === '7'")
    assert markers_on_map(page) == 7
    assert page.locator("#map path").count() > 50  # country outlines drawn offline
    assert len(table_types(page)) == 7
    assert page.inner_text("#map-note") == "every matching event has a place"
    assert page.locator("#bd-types li").count() == 6  # breakdown of the seven events
    shot = shots / "main.png"
    page.screenshot(path=str(shot))
    stats = image_stats(browser, shot.read_bytes())
    assert shot.stat().st_size > 20000
    assert stats["colours"] > 50 and stats["spread"] > 20, stats
    assert not page.errors


def pick_types(pg, *types: str) -> None:
    pg.click("#f-types summary")
    for t in types:
        pg.check(f"#f-types-list input[value='{t}']")
    pg.click("#f-types summary")


def test_filter_by_type_changes_table_and_map(page):
    pick_types(page, "PROTEST")
    page.wait_for_function("() => document.querySelector('#map').dataset.types === 'PROTEST'")
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 2")
    assert table_types(page) == ["PROTEST", "PROTEST"]
    assert page.locator("#map").get_attribute("data-points") == "2"
    page.wait_for_function("""() => document.querySelectorAll('#map path.ev-marker').length +
        [...document.querySelectorAll('#map .ev-cluster')].length > 0""")
    assert markers_on_map(page) == 2
    assert page.eval_on_selector_all("#map path.ev-marker",
                                     "ps => ps.every(p => p.classList.contains('ev-PROTEST'))")


def test_clicking_an_event_opens_its_article_with_the_evidence(page):
    page.click("#events tbody tr[data-id='ev-sdn-assault']")
    active = page.wait_for_selector("#article-body .trigger-active")
    assert active.text_content() == "shelled"
    evidence = "".join(page.eval_on_selector_all("#article-body .evidence",
                                                 "ns => ns.map(n => n.textContent)"))
    assert evidence.startswith("KHARTOUM - Sudanese army forces shelled positions")
    assert evidence.endswith("witnesses said.")
    fields = page.inner_text("#event-fields")
    assert "ASSAULT" in fields and "Omdurman" in fields and "Rapid Support Forces" in fields
    sources = page.eval_on_selector_all("#article-body .ev-source",
                                        "ns => ns.map(n => n.textContent).join('')")
    assert sources == "Sudanese army forces"
    assert page.is_visible("#article-body .hl-quote")
    # Another trigger in the same text selects that event.
    page.click("#article-body .hl-trigger[data-event='ev-sdn-protest']")
    page.wait_for_function("() => document.querySelector('#article-body .trigger-active')"
                           ".textContent === 'gathered'")
    assert "PROTEST" in page.inner_text("#event-detail-title")


def test_clicking_a_marker_opens_the_article(page):
    page.fill("#f-country", "MLI")
    page.fill("#f-q", "arrested")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelector('#map').dataset.points === '1'")
    page.locator("#map path.ev-marker").first.click(force=True)
    page.wait_for_selector("#article-body .trigger-active")
    assert page.inner_text("#article-title") == "Three journalists arrested in Bamako"


def test_article_markup_renders_as_text(page):
    page.click("#events tbody tr[data-id='ev-xss-protest']")
    page.wait_for_selector("#article-body .trigger-active")
    body = page.inner_text("#article-body")
    assert body.count(XSS_SCRIPT) == 2 and body.count(XSS_IMG) == 2
    assert XSS_SCRIPT in page.inner_text("#article-title")
    assert XSS_SCRIPT in page.inner_text("#event-evidence")
    assert page.locator("#article img, #article script").count() == 0
    page.click(".tab[data-view='quotes']")
    page.click("button.speaker[data-speaker='Organisers']")
    page.wait_for_selector("#quotes blockquote")
    assert XSS_IMG in page.inner_text("#quotes")
    assert page.locator("#quotes img").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == [] and not page.errors


def test_timeline_brush_filters_table_and_map(page):
    page.wait_for_selector("#timeline rect.bar")
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    # Drag over the first third of the days (2024-03-08 .. 03-13): the two Mali events.
    page.mouse.move(box["x"] + 20, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 2")
    assert sorted(table_types(page)) == ["ACCUSE", "COERCE"]
    page.wait_for_function("() => document.querySelector('#map').dataset.points === '2'")
    assert "2024-03-08" in page.inner_text("#brush-label")
    page.click("#brush-clear")
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 7")


def test_usable_on_a_phone(browser, server, shots):
    pg = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True,
                          has_touch=True)
    pg.goto(server + "/?unit=events")
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    map_box = pg.locator("#map").bounding_box()
    assert map_box["width"] >= 350 and map_box["height"] >= 250
    row = pg.locator("#events tbody tr[data-id='ev-ukr-consult']")
    row.scroll_into_view_if_needed()
    assert row.bounding_box()["width"] > 0
    row.click()
    pg.wait_for_selector("#article-body .trigger-active")
    art = pg.locator("#article").bounding_box()
    assert art["x"] == 0 and art["width"] >= 389
    pg.screenshot(path=str(shots / "phone.png"))
    pg.click("#article-close")
    assert pg.locator("#article").is_hidden()
    pg.close()


def image_stats(browser, png: bytes) -> dict:
    """Distinct colours and luminance spread of a PNG, measured by the browser's decoder."""
    data = "data:image/png;base64," + base64.b64encode(png).decode()
    blank = browser.new_page()
    try:
        return blank.evaluate("""async (src) => {
            const img = new Image(); img.src = src; await img.decode();
            const c = document.createElement('canvas');
            c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const px = g.getImageData(0, 0, c.width, c.height).data;
            const seen = new Set(); let sum = 0, sq = 0, n = 0;
            for (let i = 0; i < px.length; i += 4 * 7) {
                seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
                const l = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
                sum += l; sq += l * l; n++;
            }
            const mean = sum / n;
            return { colours: seen.size, spread: Math.sqrt(sq / n - mean * mean) };
        }""", data)
    finally:
        blank.close()


def _patch(server: str, event_id: str, body: dict) -> int:
    req = urllib.request.Request(
        f"{server}/api/events/{event_id}", data=json.dumps(body).encode(), method="PATCH",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_filters_round_trip_through_the_url(page, browser, server):
    pick_types(page, "PROTEST", "ASSAULT")
    page.fill("#f-country", "sd")  # ISO-2 works as well as ISO-3 or a name
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 2")
    url = page.url
    assert "type=PROTEST" in url and "type=ASSAULT" in url and "country=sd" in url
    assert "country=sd" in page.get_attribute("#export-csv", "href")
    other = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        other.goto(url)
        other.wait_for_selector("body[data-ready='1']", timeout=20000)
        assert sorted(table_types(other)) == ["ASSAULT", "PROTEST"]
        assert other.is_checked("#f-types-list input[value='ASSAULT']")
        assert other.input_value("#f-country") == "sd"
        assert other.inner_text("#f-types-label") == "PROTEST, ASSAULT" or \
            other.inner_text("#f-types-label") == "ASSAULT, PROTEST"
    finally:
        other.close()
    page.fill("#f-country", "Atlantis")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert "not a known country" in page.inner_text("#error")


def test_outlying_dates_and_events_without_a_place(page, server, shots):
    # A plausible but far date, and no place, set through the API; year 1 is refused.
    assert _patch(server, "ev-mli-accuse", {"date": "0001-01-01"}) == 422
    assert _patch(server, "ev-mli-accuse", {"date": "1965-06-01", "lat": None,
                                            "lon": None}) == 200
    try:
        page.reload()
        page.wait_for_selector("body[data-ready='1']", timeout=20000)
        note = page.inner_text("#timeline-note")
        assert "1 before" in note and "1965-06-01" in note
        assert page.get_attribute("#timeline", "data-bin") == "day"
        assert page.locator("#timeline rect.bar").count() >= 5  # the dense days still drawn
        assert page.inner_text("#map-note") == "1 matching event has no place"
        page.screenshot(path=str(shots / "outlier.png"))
        page.click("#show-all")  # the whole span, in coarser bins
        page.wait_for_function("() => document.querySelector('#timeline').dataset.bin "
                               "=== 'year'")
        assert "zoom=1965-06-01..2024-03-13" in page.url
        page.click("#zoom-reset")
        page.wait_for_function("() => document.querySelector('#timeline').dataset.bin "
                               "=== 'day'")
        assert not page.errors
    finally:
        assert _patch(server, "ev-mli-accuse", {"date": "2024-03-08", "lat": 12.639,
                                                "lon": -8.003}) == 200


def test_zoom_heat_view_and_breakdown_click(page, shots):
    page.wait_for_selector("#timeline rect.bar")
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.5, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 20, y, steps=5)
    page.mouse.up()
    page.click("#brush-zoom")
    page.wait_for_function("() => location.search.includes('zoom=')")
    page.wait_for_function("() => document.querySelector('#timeline .axis').textContent "
                           ">= '2024-03-10'")
    page.click("#map-modes button[data-mode='heat']")
    page.wait_for_function("() => document.querySelector('#map').dataset.mode === 'heat'")
    assert "map=heat" in page.url
    page.wait_for_function("() => document.querySelector('#map').dataset.heatEvents === "
                           "String(document.querySelectorAll('#events tbody tr').length)")
    assert page.locator("#map canvas").count() >= 1
    page.screenshot(path=str(shots / "heat.png"))
    page.click("#bd-countries button[data-key='SDN']")
    page.wait_for_function("() => document.querySelector('#f-country').value === 'SDN'")
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 2")


def test_search_box_and_article_event_list(page, shots):
    page.fill("#search-q", "marching")  # stems: finds "marched"
    page.press("#search-q", "Enter")
    page.wait_for_selector("#search-results:not([hidden]) button[data-event='ev-xss-protest']")
    assert "Articles (1)" in page.inner_text("#search-lists")
    page.click("#search-close")
    page.click("#events tbody tr[data-id='ev-sdn-assault']")
    page.wait_for_selector("#article-body .trigger-active")
    page.click("#article-lists button.ev-pick[data-event='ev-sdn-protest']")
    page.wait_for_function("() => document.querySelector('#article-body .trigger-active')"
                           ".textContent === 'gathered'")
    assert "PROTEST" in page.inner_text("#event-detail-title")
    title = page.locator("#article-title").bounding_box()
    panel = page.locator("#article").bounding_box()
    assert title["y"] >= panel["y"] and title["height"] > 10  # heading not clipped
    page.screenshot(path=str(shots / "article.png"))
    page.click("#article-close")
    page.click(".tab[data-view='quotes']")
    page.wait_for_selector("button.speaker")
    assert "events" not in page.inner_text("#status")
    assert "view=quotes" in page.url


def test_api_docs_work_offline(page, server, shots):
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert page.locator(".swagger-ui .opblock").count() >= 15
    page.screenshot(path=str(shots / "docs.png"))
    page.goto(server + "/redoc")
    page.wait_for_selector("text=Counts and mode", timeout=20000)
    assert not page.errors


def test_events_ingested_while_the_page_is_open_show_up(page, watched):
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length === 7")
    record = {"title": "Troops raid a village near Omdurman", "published": "2024-03-14T08:00:00Z",
              "text": "KHARTOUM - Sudanese troops attacked a village near Omdurman on Monday, "
                      "killing five people, residents said.\n\nThe army said it would continue "
                      "the operation until the area was secure."}
    (watched / "raid.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr').length > 7",
                           timeout=90000)
    assert "new" in page.inner_text("#status")
    assert page.locator("#events tbody tr[data-type='ASSAULT']").count() == 2


# Two outlets' reports of one attack, as wire copy reads; resolution makes them one incident.
ONE_ATTACK = [
    {"title": "Gunmen kill nine at cattle market in northern Nigeria",
     "published": "2024-05-14T09:00:00Z", "source": "Lagos Courier",
     "url": "https://courier.example/kano-market",
     "text": "KANO, Nigeria - Gunmen attacked a cattle market in Kano on Monday, killing nine "
             "traders, police said.\n\nThe attackers arrived on motorcycles and opened fire on "
             "the crowd, a police spokesman said. No group has claimed responsibility."},
    {"title": "Nine dead after gunmen storm Kano market",
     "published": "2024-05-14T15:30:00Z", "source": "Abuja Observer",
     "url": "https://observer.example/kano-attack",
     "text": "KANO - Armed men stormed a busy cattle market in Kano on Monday and killed nine "
             "people, residents told reporters.\n\nTraders said the gunmen fled before "
             "security forces arrived. The state governor condemned the attack."},
]


@pytest.fixture(scope="module")
def incident_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incidents")
    news = tmp / "kano.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in ONE_ATTACK), encoding="utf-8")
    db = str(tmp / "inc.duckdb")
    ingest = _cli("ingest", str(news), "--db", db, "--as-of", "2024-05-14T16:00")
    out = ingest.communicate(timeout=180)[0].decode(errors="replace")
    assert ingest.returncode == 0, out[-2000:]
    yield from _serve(db)


def test_incident_view_shows_one_attack_with_its_two_reports(browser, incident_server, shots):
    pg = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(incident_server + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    # Incidents by default: one located attack on the map, counted with its two sources.
    assert pg.get_attribute("#unit button.active", "data-unit") == "incidents"
    pg.wait_for_function("() => document.querySelector('#map').dataset.points === '1'")
    marker = pg.locator("#map path.inc-marker.ev-ASSAULT")
    assert marker.count() == 1
    kano = pg.locator("#events tbody tr[data-type='ASSAULT']", has_text="Kano")
    assert kano.count() == 1
    assert kano.locator("td").nth(5).inner_text() == "2"  # sources
    assert kano.locator("td").nth(6).inner_text() == "2"  # articles
    assert "Incidents per day" in pg.inner_text("#timeline-title")
    # The marker's popup gives type, date, place, counts and both reports.
    marker.click(force=True)
    popup = pg.wait_for_selector(".inc-popup .inc-events")
    head = pg.inner_text(".inc-popup h3")
    assert "ASSAULT" in head and "2024-05-13" in head and "Kano" in head
    assert "2 sources · 2 articles" in pg.inner_text(".inc-popup .inc-counts")
    reports = pg.locator(".inc-popup button.inc-event")
    assert reports.count() == 2
    assert "Lagos Courier" in popup.inner_text() and "Abuja Observer" in popup.inner_text()
    pg.wait_for_timeout(400)  # the popup's fade-in
    pg.screenshot(path=str(shots / "incidents.png"))
    # One click on a report opens its article with the sentence highlighted.
    pg.locator(".inc-popup button.inc-event", has_text="stormed").click()
    pg.wait_for_selector("#article-body .trigger-active")
    assert pg.inner_text("#article-title") == "Nine dead after gunmen storm Kano market"
    assert pg.inner_text("#article-body .trigger-active") == "stormed"
    evidence = "".join(pg.eval_on_selector_all("#article-body .evidence",
                                               "ns => ns.map(n => n.textContent)"))
    assert evidence.startswith("KANO - Armed men stormed")
    assert evidence.strip().endswith("residents told reporters.")
    pg.click("#article-close")
    # A table row shows the same incident's reports above the table.
    kano.click()
    pg.wait_for_selector("#incident:not([hidden]) button.inc-event")
    assert pg.locator("#incident button.inc-event").count() == 2
    pg.screenshot(path=str(shots / "incident-row.png"))
    assert not errors
    pg.close()


def test_the_url_keeps_the_incidents_or_events_view(browser, incident_server):
    pg = browser.new_page(viewport={"width": 1280, "height": 800})
    pg.goto(incident_server + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    incidents = pg.locator("#events tbody tr").count()
    pg.click("#unit button[data-unit='events']")
    pg.wait_for_function("() => location.search.includes('unit=events')")
    pg.wait_for_function("() => document.querySelector('#table-title').textContent"
                         ".endsWith(' events')")
    events = pg.locator("#events tbody tr").count()
    assert events > incidents  # the attack's two reports are two events, one incident
    pg.reload()
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    assert pg.get_attribute("#unit button.active", "data-unit") == "events"
    assert pg.locator("#events tbody tr").count() == events
    assert pg.locator("#map path.inc-marker").count() == 0
    pg.click("#unit button[data-unit='incidents']")
    pg.wait_for_function("() => !location.search.includes('unit=')")
    pg.wait_for_function(f"() => document.querySelectorAll('#events tbody tr').length "
                         f"=== {incidents}")
    pg.close()
