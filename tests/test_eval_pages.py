"""``eventwire eval pages``: the benchmark's shingle metric, the folder reader and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import _register, app
from eventwire.eval.pages import PagesDirError, load_pages, match, shingles, summarise

MINI = Path(__file__).parent / "fixtures" / "pages" / "mini"
AEB = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages-aeb"
runner = CliRunner()
_register()


def test_shingles_are_word_4grams_with_counts():
    sh = shingles("The cat sat on the mat, the cat sat on")
    assert sh[("The", "cat", "sat", "on")] == 1
    assert sh[("the", "cat", "sat", "on")] == 1  # case is kept, as in the benchmark
    assert sum(sh.values()) == 7
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}


def test_match_counts_multiset_overlap():
    assert match("a b c d e", "a b c d e") == (2, 0, 0)
    assert match("a b c d e", "x a b c d") == (1, 1, 1)
    assert match("a b c d", "") == (0, 0, 1)


def test_summary_follows_the_benchmark_averaging():
    # page 1 perfect; page 2 half right; page 3 nothing predicted (no precision, recall 0)
    s = summarise([(2, 0, 0), (1, 1, 1), (0, 0, 1)])
    assert s["n"] == 3
    assert s["precision"] == pytest.approx((1 + 0.5) / 2, abs=1e-4)
    assert s["recall"] == pytest.approx((1 + 0.5 + 0) / 3, abs=1e-4)
    p, r = s["precision"], s["recall"]
    assert s["f1"] == pytest.approx(2 * p * r / (p + r), abs=1e-3)


def test_load_pages_errors(tmp_path):
    with pytest.raises(PagesDirError, match="not a directory"):
        load_pages(tmp_path / "missing")
    with pytest.raises(PagesDirError, match="truth.jsonl"):
        load_pages(tmp_path)
    (tmp_path / "truth.jsonl").write_text('{"id": "a", "body": "x"}\nnot json\n')
    with pytest.raises(PagesDirError, match=":2: not JSON"):
        load_pages(tmp_path)
    (tmp_path / "truth.jsonl").write_text('{"id": "a", "body": "x"}\n')
    with pytest.raises(PagesDirError, match="no html"):
        load_pages(tmp_path)


def test_cli_json_on_own_fixture_pages():
    result = runner.invoke(app, ["eval", "pages", str(MINI), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"html", "text"}
    for kind in ("html", "text"):
        assert set(data[kind]) == {"precision", "recall", "f1", "f1_even", "f1_odd", "n"}
        assert data[kind]["n"] == 2
        assert data[kind]["f1"] > 0.9


def test_cli_table_reports_title_and_date_accuracy():
    result = runner.invoke(app, ["eval", "pages", str(MINI)])
    assert result.exit_code == 0, result.output
    assert "html" in result.stdout and "text" in result.stdout and "F1" in result.stdout


def test_errors_file_lists_the_pages_below_one_worst_first(tmp_path):
    out = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["eval", "pages", str(MINI), "--json", "--errors", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    data = json.loads(result.stdout)
    perfect = sum(1 for kind in ("html", "text") if data[kind]["f1"] == 1.0) * 2
    assert len(rows) <= 4 - perfect
    assert [r["f1"] for r in rows] == sorted(r["f1"] for r in rows)
    for r in rows:
        assert r["f1"] < 1 and r["path"] in ("html", "text") and Path(r["file"]).is_file()


def test_eval_scores_exactly_what_ingest_stores(tmp_path):
    """One extraction path: the body eval pages scores is the body ingest stores."""
    import duckdb

    from eventwire.eval.pages import extract_file

    for kind in ("html", "text"):  # one store each: a page's two copies share a key
        db = tmp_path / f"{kind}.duckdb"
        files = sorted((MINI / kind).iterdir())
        result = runner.invoke(app, ["ingest", *map(str, files), "--db", str(db), "--no-nlp"])
        assert result.exit_code == 0, result.output
        with duckdb.connect(str(db), read_only=True) as con:
            stored = dict(con.execute(
                "SELECT source_path, string_agg(body, '\n\n' ORDER BY position) "
                "FROM articles GROUP BY source_path").fetchall())
        assert {p: extract_file(Path(p))[0] for p in map(str, files)} == stored


def test_cli_bad_folder_is_one_line_and_status_2(tmp_path):
    result = runner.invoke(app, ["eval", "pages", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "not a directory" in lines[0]


def test_dev_pages_meet_floor():
    """The dev figures must not regress below what was measured (see the report)."""
    if not (AEB / "truth.jsonl").is_file():
        pytest.skip(f"dev pages not found at {AEB} (../shared is absent)")
    from eventwire.eval.pages import evaluate_path, extract_file

    pages = load_pages(AEB)[::6]  # a sample keeps the test fast
    text, _ = evaluate_path(pages, "text", extract_file)
    html, _ = evaluate_path(pages, "html", extract_file)
    assert text["f1"] > 0.8
    assert html["f1"] > 0.9
