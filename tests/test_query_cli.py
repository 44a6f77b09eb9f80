"""`eventwire events / quotes / actors` over a fixture store, and the search index agreeing
with a plain scan of the text."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from eventwire import query as q
from tests.event_db import build_db


@pytest.fixture
def db(tmp_path) -> str:
    """A store of its own, for a test that writes to it."""
    return build_db(str(tmp_path / "fx.duckdb"))


@pytest.fixture(scope="module")
def read_db(tmp_path_factory) -> str:
    """One store for the tests that only read it."""
    return build_db(str(tmp_path_factory.mktemp("query") / "fx.duckdb"))


def run_json(cli, *args) -> dict:
    res = cli(*args, "--json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_events_filters_and_formats(cli, read_db):
    out = run_json(cli, "events", "--db", read_db, "--type", "PROTEST", "--type", "ASSAULT",
                   "--country", "sdn")
    assert out["total"] == 2
    assert {e["id"] for e in out["items"]} == {"ev-sdn-assault", "ev-sdn-protest"}
    near = run_json(cli, "events", "--db", read_db, "--near", "50.45,30.52,10")
    assert [e["id"] for e in near["items"]] == ["ev-ukr-consult"]
    dated = run_json(cli, "events", "--db", read_db, "--from", "2024-03-12", "--to", "2024-03-13")
    assert {e["date"] for e in dated["items"]} == {"2024-03-12", "2024-03-13"}
    coded = run_json(cli, "events", "--db", read_db, "--actor-code", "POL GOV")
    assert [e["id"] for e in coded["items"]] == ["ev-ukr-consult"]
    sure = run_json(cli, "events", "--db", read_db, "--min-confidence", "0.9")
    assert {e["id"] for e in sure["items"]} == {"ev-sdn-assault", "ev-mli-coerce"}

    res = cli("events", "--db", read_db, "-q", "journalists", "--csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 1 and rows[0]["type"] == "COERCE"
    assert rows[0]["sentence"].startswith("BAMAKO - Malian authorities arrested")
    assert rows[0]["source_actors"] == "Malian authorities [MLI GOV]"
    assert rows[0]["place_name"] == "Bamako" and rows[0]["country"] == "MLI"

    res = cli("events", "--db", read_db, "--limit", "2")
    assert res.exit_code == 0
    assert "7 events (showing 1-2)" in res.stdout and "ev-sdn-protest" in res.stdout


def test_quotes_and_actors(cli, read_db):
    quotes = run_json(cli, "quotes", "--db", read_db, "--speaker", "abdallah")
    assert [x["content"] for x in quotes["items"]] == [
        "We will not stop until the city is secure,"]
    assert run_json(cli, "quotes", "--db", read_db, "-q", "trust")["items"][0]["speaker_name"] == (
        "Dmytro Kuleba")
    actors = run_json(cli, "actors", "--db", read_db)
    top = actors["items"][0]
    assert (top["actor"], top["code"], top["mentions"], top["articles"]) == (
        "Dmytro Kuleba", "UKR GOV", 2, 1)
    mil = run_json(cli, "actors", "--db", read_db, "--code", "MIL")
    assert {a["actor"] for a in mil["items"]} == {"Sudanese Armed Forces", "Nabil Abdallah",
                                                  "military government"}
    res = cli("actors", "--db", read_db)
    assert res.exit_code == 0 and "Dmytro Kuleba" in res.stdout and "UKR GOV" in res.stdout


@pytest.mark.parametrize("args, message", [
    (("--type", "RIOT"), "unknown PLOVER event type RIOT"),
    (("--near", "10,20"), "LAT,LON,KM"),
    (("--from", "2024-03-10", "--to", "2024-03-01"), "is after"),
    (("--from", "March"), "not a date"),
    (("-q", "..."), "no words"),
])
def test_bad_filters_fail_with_one_line(cli, read_db, args, message):
    res = cli("events", "--db", read_db, *args)
    assert res.exit_code == 2
    assert message in " ".join(res.output.split())
    assert "Traceback" not in res.output


def test_missing_database(cli, tmp_path):
    res = cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert res.exit_code == 2 and "no such database" in res.output


@pytest.mark.parametrize("words", ["marched", "army", "shelled killing", "kyiv grain",
                                   "journ*", "wall", "nothing-here", "script alert"])
def test_index_and_scan_agree(db, words):
    con = duckdb.connect(db)
    f = q.EventFilter(text=words)
    assert not q.index_is_fresh(con)
    scanned = {e["id"] for e in q.search_events(con, f, 100)["items"]}
    arts_scanned = {a["id"] for a in q.search_articles(con, words, 100)["items"]}
    q.refresh_search_index(con)
    assert q.index_is_fresh(con)
    indexed = {e["id"] for e in q.search_events(con, f, 100)["items"]}
    arts_indexed = {a["id"] for a in q.search_articles(con, words, 100)["items"]}
    assert indexed == scanned and arts_indexed == arts_scanned
    con.close()


def test_index_and_scan_give_the_same_pages(db):
    """Ranked by the index alone, pages and totals are the scan's: publication ties broken
    by id, undated articles last, quotes of an article in text order (5 before 40)."""
    con = duckdb.connect(db)
    for aid, published in (("tie-b", "2024-03-20 08:00+00"), ("tie-a", "2024-03-20 08:00+00"),
                           ("undated", None), ("older", "2024-01-02 10:00+00")):
        con.execute("INSERT INTO articles (id, title, body, published) VALUES (?, ?, ?, ?)",
                    [aid, f"Army convoy {aid}", "Soldiers said the army convoys moved on.",
                     published])
        for start in (40, 5, 12):
            con.execute("INSERT INTO quotes (article_id, content_start, content_end, content) "
                        "VALUES (?, ?, ?, ?)", [aid, start, start + 9, f"the army {start}"])

    def pages(words: str) -> list[dict]:
        out = []
        for offset in (0, 2, 5, 40):
            out.append(q.search_events(con, q.EventFilter(text=words), 2, offset))
            out.append(q.search_articles(con, words, 2, offset))
            out.append(q.search_quotes(con, text=words, limit=3, offset=offset))
        return out

    words = ["army", "armies", "convoy army", "army*", "nothing-here"]
    assert not q.index_is_fresh(con)
    scanned = {w: pages(w) for w in words}
    q.refresh_search_index(con)
    assert q.index_is_fresh(con)
    assert {w: pages(w) for w in words} == scanned
    top = scanned["army"][1]["items"]
    assert [a["id"] for a in top] == ["tie-a", "tie-b"]
    assert [(x["article_id"], x["content_start"]) for x in scanned["army"][2]["items"]] == [
        ("tie-a", 5), ("tie-a", 12), ("tie-a", 40)]
    con.close()


@pytest.mark.parametrize("search", [
    lambda con, text: q.search_articles(con, text),
    lambda con, text: q.search_quotes(con, text=text),
    lambda con, text: q.search_events(con, q.EventFilter(text=text))])
def test_text_without_words_is_refused_on_a_fresh_index(db, search):
    con = duckdb.connect(db)
    q.refresh_search_index(con)
    with pytest.raises(q.QueryError, match="no words"):
        search(con, "\x00 ...")
    con.close()


def test_index_follows_new_data(db):
    con = duckdb.connect(db)
    q.refresh_search_index(con)
    assert q.refresh_search_index(con) == 0  # nothing new
    con.execute("INSERT INTO articles (id, body, title) VALUES ('new1', 'Floods hit Beira.', "
                "'Floods')")
    assert not q.index_is_fresh(con)
    assert q.refresh_search_index(con) == 1
    assert [a["id"] for a in q.search_articles(con, "beira")["items"]] == ["new1"]
    con.close()


def test_index_forgets_replaced_events(db):
    con = duckdb.connect(db)
    q.refresh_search_index(con)
    con.execute("DELETE FROM events WHERE id = 'ev-mli-coerce'")
    assert not q.index_is_fresh(con)
    q.refresh_search_index(con)
    found = q.search_events(con, q.EventFilter(text="arrested"), 10, indexed=True)
    assert found["total"] == 0 and found["items"] == []
    con.close()


def test_tables_into_a_file_keep_each_row_on_one_line(cli, read_db):
    res = cli("events", "--db", read_db)  # the runner's output is not a terminal
    assert res.exit_code == 0, res.output
    row = next(line for line in res.stdout.splitlines() if "ev-sdn-assault" in line)
    for cell in ("2024-03-12", "Sudanese army forces [SDN MIL]",
                 "Rapid Support Forces [SDN REB]", "Omdurman", "shelled"):
        assert cell in row


def test_csv_cells_that_look_like_formulas_are_neutralised(cli, db, tmp_path):
    con = duckdb.connect(db)
    con.execute("UPDATE events SET trigger = '=HYPERLINK(\"http://x\")' "
                "WHERE id = 'ev-sdn-assault'")
    con.execute("UPDATE articles SET title = '@SUM(A1)', source = '-2+3' "
                "WHERE id = 'sdn0000000000001'")
    con.close()
    res = cli("events", "--db", db, "--csv", "--country", "SDN")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(res.stdout))}
    assert rows["ev-sdn-assault"]["trigger"] == "'=HYPERLINK(\"http://x\")"
    assert rows["ev-sdn-assault"]["lat"] == "15.644"  # numbers untouched
    out = tmp_path / "a.csv"
    assert cli("export", "articles", "--db", db, "-f", "csv", "-o", str(out)).exit_code == 0
    arts = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert arts["sdn0000000000001"]["title"] == "'@SUM(A1)"
    assert arts["sdn0000000000001"]["source"] == "'-2+3"
    acled = tmp_path / "e.csv"
    assert cli("export", "events", "--db", db, "-f", "acled-csv", "-o",
               str(acled)).exit_code == 0
    lines = [r for r in csv.DictReader(acled.open(encoding="utf-8"))
             if r["event_id"] == "ev-sdn-assault"]
    assert lines[0]["source"] == "'-2+3" and float(lines[0]["longitude"]) > 0
