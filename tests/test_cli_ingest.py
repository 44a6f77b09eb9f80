"""The ingest, articles, article and export commands, end to end on a temporary store."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.test_read_inputs import HTML

from .conftest import shared_path

FEED = [
    {"text": "LAGOS - Nigerian troops freed 20 hostages on Monday, the army said.\n"
             "The hostages had been held for three weeks in a forest camp.",
     "title": "Nigerian troops free 20 hostages", "published": "2024-04-29T10:00:00Z",
     "source": "Wire"},
    {"url": "https://news.example/kenya", "html": HTML.format(title="Kenya police fire gas")},
]


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in FEED) + "\n{broken\n")
    (d / "page.html").write_text(HTML.format(title="Ethiopia and Eritrea hold border talks"))
    (d / "empty.txt").write_text("")
    return d


def test_ingest_twice_then_list_show_and_export(cli, inputs, tmp_path):
    db = str(tmp_path / "x.duckdb")
    first = cli("ingest", str(inputs), "--db", db, "--no-nlp")
    assert first.exit_code == 1  # some inputs were skipped
    assert "articles new: 3, already stored: 0, inputs skipped: 2" in first.stdout
    assert "feed.jsonl:line 3: not JSON" in first.stderr
    assert "empty.txt: empty file" in first.stderr
    again = cli("ingest", str(inputs), "--db", db, "--no-nlp")
    assert "articles new: 0, already stored: 3" in again.stdout

    listing = cli("articles", "--db", db)
    assert listing.exit_code == 0
    assert "Nigerian troops free 20 hostages" in listing.stdout and "3 articles" in listing.stdout

    out = tmp_path / "a.jsonl"
    assert cli("export", "articles", "--format", "jsonl", "-o", str(out), "--db", db).exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 3
    assert {r["source_path"] for r in records} == {str(inputs / "feed.jsonl"),
                                                    str(inputs / "page.html")}
    nigeria = next(r for r in records if r["title"].startswith("Nigerian"))
    shown = cli("article", nigeria["id"][:8], "--db", db)
    assert shown.exit_code == 0 and "forest camp" in shown.stdout

    for fmt, reader in (("csv", pd.read_csv), ("parquet", pd.read_parquet)):
        path = tmp_path / f"a.{fmt}"
        assert cli("export", "articles", "-f", fmt, "-o", str(path), "--db", db).exit_code == 0
        frame = reader(path)
        assert len(frame) == 3 and "source_path" in frame.columns


def test_stdin_and_exit_status_zero_when_all_went_in(cli, tmp_path):
    db = str(tmp_path / "x.duckdb")
    page = HTML.format(title="Ethiopia and Eritrea hold border talks")
    result = cli("ingest", "-", "--db", db, "--no-nlp", input=page)
    assert result.exit_code == 0, result.stderr
    assert "articles new: 1" in result.stdout


def test_usage_errors_exit_2_without_traceback(cli, tmp_path):
    db = str(tmp_path / "x.duckdb")
    bad_date = cli("ingest", "x.txt", "--db", db, "--as-of", "not a date at all")
    assert bad_date.exit_code == 2 and "Traceback" not in bad_date.output
    missing_db = cli("articles", "--db", str(tmp_path / "none.duckdb"))
    assert missing_db.exit_code == 2 and "no such database" in missing_db.stderr
    cli("ingest", "-", "--db", db, "--no-nlp", input=HTML.format(title="A story of the day"))
    unknown = cli("article", "zzzz", "--db", db)
    assert unknown.exit_code == 1 and "no article" in unknown.stderr
    for option in ("--limit", "--offset"):  # past a 64-bit integer: DuckDB's own traceback
        huge = cli("articles", "--db", db, option, "99999999999999999999")
        assert huge.exit_code == 2 and "Traceback" not in huge.output and option in huge.output
    assert "1 articles" in cli("articles", "--db", db, "--limit", "100000000").stdout


def test_seed_gives_two_articles_once(cli, tmp_path):
    seed = shared_path("seed", "000_c01d65e13833c80f.txt")
    db = str(tmp_path / "seed.duckdb")
    args = ("ingest", str(seed), "--db", db, "--no-nlp", "--as-of", "2026-01-15T10:00:00Z")
    assert cli(*args).exit_code == 0
    assert "articles new: 0, already stored: 2" in cli(*args).stdout
    out = tmp_path / "seed.jsonl"
    cli("export", "articles", "-f", "jsonl", "-o", str(out), "--db", db)
    titles = [json.loads(x)["title"] for x in out.read_text().splitlines()]
    assert titles == ["US says ‘can’t tolerate’ attacks by Iranian-backed militias in Iraq",
                      "Hamas says technocratic committee key to consolidating Gaza truce"]


def test_non_english_articles_are_stored_and_flagged(cli, tmp_path):
    feed = tmp_path / "fr.jsonl"
    feed.write_text(json.dumps({
        "title": "Le gouvernement annonce des pourparlers",
        "text": "PARIS - Le gouvernement français a annoncé jeudi l'ouverture de pourparlers "
                "avec les syndicats, après trois semaines de grèves dans les transports."}) + "\n")
    db = str(tmp_path / "x.duckdb")
    assert cli("ingest", str(feed), "--db", db, "--no-nlp").exit_code == 0
    out = tmp_path / "a.jsonl"
    cli("export", "articles", "-f", "jsonl", "-o", str(out), "--db", db)
    [record] = [json.loads(x) for x in out.read_text().splitlines()]
    assert record["language"] == "fr"


def test_annotate_adds_the_language_layer_to_stored_articles_once(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(FEED[0]) + "\n")
    db = str(tmp_path / "x.duckdb")
    cli("ingest", str(feed), "--db", db, "--no-nlp")
    from eventwire.store import Store

    with Store(db) as store:
        assert store.unannotated_ids() and store.count("mentions") == 0
    assert cli("annotate", "--db", db).exit_code == 0
    with Store(db) as store:
        assert store.unannotated_ids() == []
        names = {r["text"] for r in store.query("SELECT text FROM mentions")}
        events = store.count("events")
    assert "Nigerian troops" in names and events >= 1
    assert cli("annotate", "--db", db, "--all").exit_code == 0
    with Store(db) as store:  # re-annotating replaces, never duplicates
        assert store.count("events") == events


def test_writer_memory_cap_from_the_environment(cli, inputs, tmp_path, monkeypatch):
    db = str(tmp_path / "x.duckdb")
    monkeypatch.setenv("EVENTWIRE_DB_MEMORY", "lots")
    bad = cli("ingest", str(inputs), "--db", db, "--no-nlp")
    assert bad.exit_code == 2 and "bad memory limit 'lots'" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
    monkeypatch.setenv("EVENTWIRE_DB_MEMORY", "16MB")  # small, yet every article lands
    ok = cli("ingest", str(inputs), "--db", db, "--no-nlp")
    assert "articles new: 3" in ok.stdout


def test_file_names_are_printed_as_plain_text_on_one_line(cli, tmp_path):
    d = tmp_path / "a["
    d.mkdir()
    (d / "]b.txt").write_text("")  # "a[/]b.txt" would be read as a Rich closing tag
    (d / "[blink]z.txt").write_text("")
    (d / "two\nlines.txt").write_text("")
    result = cli("ingest", str(d), "--db", str(tmp_path / "x.duckdb"), "--no-nlp")
    assert result.exit_code == 1 and "Traceback" not in result.output
    skipped = [ln for ln in result.stderr.splitlines() if ln.startswith("skipped")]
    assert skipped == [f"skipped {d}/[blink]z.txt: empty file",
                       f"skipped {d}/]b.txt: empty file",
                       f"skipped {d}/two\\nlines.txt: empty file"]


def test_a_negative_size_cap_is_refused(cli, tmp_path):
    result = cli("ingest", "x.txt", "--db", str(tmp_path / "x.duckdb"), "--max-bytes", "-5")
    assert result.exit_code == 2 and "--max-bytes" in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_ctrl_c_while_starting_is_one_line_without_traceback(monkeypatch, capsys):
    import eventwire.cli as cli_module

    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "_register", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"


def test_a_nested_json_line_does_not_stop_the_run(cli, tmp_path):
    feed = tmp_path / "deep.jsonl"
    good = [json.dumps({"text": f"{city} - Officials met on Monday to discuss the talks, the "
                                "ministry said in a statement."}) for city in ("LAGOS", "ACCRA")]
    feed.write_text("\n".join([good[0], "[" * 50_000 + "]" * 50_000, good[1]]) + "\n")
    result = cli("ingest", str(feed), "--db", str(tmp_path / "x.duckdb"), "--no-nlp")
    assert result.exit_code == 1 and "articles new: 2" in result.stdout
    assert f"{feed}:line 2: JSON nested too deeply to read" in result.stderr


def _ingest_with_file_size_limit(args: list[str], limit: int):
    """Run ``eventwire ingest`` in a process that cannot write files past ``limit`` bytes:
    the disk-full case (writes fail with "File too large" instead of "No space left")."""
    import os
    import resource
    import signal
    import subprocess
    import sys

    def limit_writes() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of dying
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    code = "from eventwire.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, "ingest", *args], capture_output=True,
                          text=True, preexec_fn=limit_writes, timeout=300,
                          env={**os.environ, "COLUMNS": "200"})


def test_a_full_disk_gives_duckdbs_error_and_leaves_no_empty_store(tmp_path, inputs):
    db = tmp_path / "new.duckdb"
    result = _ingest_with_file_size_limit([str(inputs), "--db", str(db), "--no-nlp"], 0)
    assert result.returncode == 2 and "File too large" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not db.exists()
    db.write_bytes(b"")  # what an earlier version left behind on a full disk
    result = _ingest_with_file_size_limit([str(inputs), "--db", str(db), "--no-nlp"], 2**30)
    assert result.returncode == 1 and "articles new: 3" in result.stdout, result.stderr


def test_a_disk_filling_during_the_run_names_the_io_error(tmp_path):
    db = tmp_path / "x.duckdb"
    feed = tmp_path / "big.jsonl"
    feed.write_text("".join(json.dumps({"text": f"Report {i}: " + " ".join(
        f"word{i}x{j}" for j in range(4000))}) + "\n" for i in range(60)))
    from eventwire.store import Store

    Store(str(db)).close()
    result = _ingest_with_file_size_limit([str(feed), "--db", str(db), "--no-nlp"],
                                          db.stat().st_size + 200_000)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "File too large" in result.stderr and "cannot rollback" not in result.stderr


def test_dask_summary_lines_are_not_wrapped_off_a_terminal(cli, tmp_path, monkeypatch):
    from contextlib import nullcontext

    from eventwire.scale import dask as dask_engine

    out = tmp_path / ("runs-of-a-long-name-" * 4) / "2024-05"
    skip = f"{tmp_path}/{'x' * 90}.txt: empty file"
    monkeypatch.setattr(dask_engine, "dask_client", lambda *a, **k: nullcontext())
    monkeypatch.setattr(dask_engine, "ingest_dask", lambda *a, **k: dask_engine.DaskReport(
        partitions=2, articles=5, skipped=[skip], seconds=1.0))
    result = cli("ingest", str(tmp_path), "--engine", "dask", "--out", str(out))
    assert result.exit_code == 1
    assert f"Parquet in {out}; merge it with `eventwire load {out} --db FILE`" in \
        result.stdout.splitlines()
    assert f"skipped {skip}" in result.stderr.splitlines()


@pytest.mark.parametrize("name", ["EVENTWIRE_BATCH_SIZE", "EVENTWIRE_MAX_FILE_BYTES"])
@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_a_count_from_the_environment_that_no_run_can_use_is_one_line(
        inputs, tmp_path, monkeypatch, capsys, name, value):
    import sys

    import eventwire.cli as cli_module

    db = tmp_path / "x.duckdb"
    monkeypatch.setenv(name, value)  # batches of 0 stored nothing and said all went in
    monkeypatch.setattr(sys, "argv", ["eventwire", "ingest", str(inputs), "--db", str(db),
                                      "--no-nlp"])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"{name}='{value}'" in err and len(err.strip().splitlines()) == 1
    assert not db.exists()
