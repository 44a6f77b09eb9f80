"""Worker pool, resumable runs and the Parquet layout on one machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import UTC, datetime

import duckdb
import psutil
import pytest

from eventwire.config import Settings
from eventwire.ingest import count_inputs, ingest
from eventwire.models import Article, RawInput
from eventwire.scale.load import load_output
from eventwire.scale.parquet import TABLES, PartitionWriter, finished, schemas, table_rows
from eventwire.scale.pool import WorkerPool
from eventwire.sources.extract import extract_batch
from eventwire.sources.read import read_inputs
from eventwire.store import Store
from tests.test_read_inputs import HTML

AS_OF = datetime(2024, 5, 1, 12, tzinfo=UTC)
SMALL = replace(Settings(), batch_size=4)
PLACES = ["Aden", "Lagos", "Nairobi", "Kabul", "Quito", "Dhaka", "Tunis", "Lima"]


def write_corpus(root, files: int = 4, per_file: int = 6):
    """JSONL feeds (one with a bad line and a repeated story), an HTML page and a text page."""
    root.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        lines = [json.dumps({
            "title": f"Talks resume in {PLACES[(f + i) % len(PLACES)]} ({f}-{i})",
            "published": f"2024-04-2{i % 9}",
            "text": f"{PLACES[i % len(PLACES)].upper()} - Negotiators met on Monday for round "
                    f"{i} of talks in file {f}, officials said. \"We made progress,\" a "
                    f"spokesman told reporters."}) for i in range(per_file)]
        if f == 1:
            lines.insert(2, "{not json")
            lines.append(lines[0])  # the same story twice in one feed
        (root / f"feed-{f}.jsonl").write_text("\n".join(lines) + "\n")
    (root / "page.html").write_text(HTML.format(title="Kenyan police fire tear gas"))
    (root / "empty.txt").write_text("")
    return root


def dump(db: str) -> dict[str, list[tuple]]:
    """Every table's rows, without load times, in a stable order."""
    con = duckdb.connect(db, read_only=True)
    out = {}
    for table in TABLES:
        out[table] = con.execute(
            f"SELECT * EXCLUDE (ingested_at) FROM {table} ORDER BY ALL").fetchall() \
            if table in ("inputs", "articles") else \
            con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
    con.close()
    return out


def test_two_workers_store_the_same_rows_as_one_process(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    runs = {}
    for workers in (1, 2):
        db = str(tmp_path / f"w{workers}.duckdb")
        with Store(db) as store:
            runs[workers] = ingest([str(corpus)], store, as_of=AS_OF, settings=SMALL,
                                   with_nlp=False, workers=workers)
        runs[workers].rows = dump(db)
    one, two = runs[1], runs[2]
    assert (one.new, one.already) == (two.new, two.already) == (4 * 6 + 1, 1)
    assert sorted(s.message() for s in one.skipped) == sorted(s.message() for s in two.skipped)
    assert len(one.skipped) == 2  # the bad JSON line and the empty file
    assert one.rows == two.rows
    assert len(one.rows["articles"]) == 25


def test_interrupted_run_resumes_and_stores_each_article_once(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    seen = []

    def stop_after_first_batch(report, n):
        seen.append(report.new)
        raise KeyboardInterrupt

    with Store(str(tmp_path / "x.duckdb")) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([str(corpus)], store, as_of=AS_OF, settings=SMALL, with_nlp=False,
                   on_progress=stop_after_first_batch, workers=2)
        first = store.count()
        assert first == seen[0] == 4  # the first batch committed, nothing after it
        again = ingest([str(corpus)], store, as_of=AS_OF, settings=SMALL, with_nlp=False,
                       workers=2)
        assert (again.new, first + again.new) == (21, 25)
        assert store.con.execute(
            "SELECT count(*) = count(DISTINCT id) FROM articles").fetchone()[0]


KILLED = textwrap.dedent("""
    import json, os, signal, sys
    from dataclasses import replace
    import psutil
    from eventwire.config import Settings
    from eventwire.ingest import ingest
    from eventwire.store import Store

    def die(report, n):  # after the first committed batch: record the workers, then die hard
        kids = [p.pid for p in psutil.Process().children(recursive=True)]
        open(sys.argv[3], "w").write(json.dumps(kids))
        os.kill(os.getpid(), signal.SIGKILL)

    if __name__ == "__main__":
        ingest([sys.argv[1]], Store(sys.argv[2]), settings=replace(Settings(), batch_size=4),
               with_nlp=False, on_progress=die, workers=2)
""")


def test_killed_pool_run_resumes_and_leaves_no_orphan_workers(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    db, kids = str(tmp_path / "x.duckdb"), tmp_path / "kids.json"
    script = tmp_path / "killed.py"
    script.write_text(KILLED)
    proc = subprocess.run([sys.executable, str(script), str(corpus), db, str(kids)],
                          capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr.decode()[-800:]
    workers = json.loads(kids.read_text())
    assert workers, "the pool had worker processes"
    deadline = time.time() + 10
    while time.time() < deadline and any(psutil.pid_exists(p) and
                                         psutil.Process(p).status() != "zombie"
                                         for p in workers):
        time.sleep(0.2)
    assert not [p for p in workers if psutil.pid_exists(p)
                and psutil.Process(p).status() != "zombie"], "workers outlived the parent"
    with Store(db) as store:
        assert store.count() == 4
        report = ingest([str(corpus)], store, settings=SMALL, with_nlp=False, workers=2)
        assert (report.new, store.count()) == (21, 25)


def test_pool_replaces_its_workers_after_a_fixed_number_of_tasks():
    pool = WorkerPool(1, SMALL, with_nlp=False, recycle_after=2)
    try:
        pids = [pool.submit(os.getpid).result() for _ in range(4)]
    finally:
        pool.close()
    assert pids[0] == pids[1] != pids[2] == pids[3]
    assert os.getpid() not in pids


def test_count_inputs_gives_the_total_for_files_and_none_for_stdin(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    # 4 feeds of 6 records (+1 repeated line), one HTML page; bad and empty inputs don't count
    assert count_inputs([str(corpus)], SMALL.max_file_bytes) == 4 * 6 + 1 + 1
    assert count_inputs(["-", str(corpus)], SMALL.max_file_bytes) is None


def test_partition_files_share_one_schema_and_read_with_plain_duckdb(tmp_path):
    corpus = write_corpus(tmp_path / "in", files=2)
    out = str(tmp_path / "out")
    arts = extract_batch(list(read_inputs([str(corpus / "feed-0.jsonl")], AS_OF)))
    for i, chunk in enumerate((arts[:3], arts[3:], [])):
        w = PartitionWriter(out, f"part-{i:05d}-test")
        w.add(table_rows(chunk, None))
        w.commit({"files": []})
    assert finished(out) == [f"part-{i:05d}-test" for i in range(3)]
    con = duckdb.connect()
    for table in TABLES:
        files = sorted((tmp_path / "out" / table).glob("*.parquet"))
        assert len(files) == 3  # empty partitions still write a file, with the same schema
        for f in files:
            got = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{f}')").fetchall()
            assert [r[0] for r in got] == schemas()[table].names
    n, ids = con.execute(f"SELECT count(*), count(DISTINCT id) FROM "
                         f"read_parquet('{out}/articles/*.parquet')").fetchone()
    assert n == ids == 6
    assert not os.listdir(tmp_path / "out" / "_tmp")


def test_load_is_idempotent_and_leaves_stored_articles_alone(tmp_path):
    corpus = write_corpus(tmp_path / "in", files=2)
    out = str(tmp_path / "out")
    raw = [x for x in read_inputs([str(corpus)], AS_OF) if isinstance(x, RawInput)]
    arts = [a for a in extract_batch(raw) if isinstance(a, Article)]
    unique = len({a.id for a in arts})
    assert unique == len(arts) - 1  # feed-1 repeats a story
    w = PartitionWriter(out, "part-00000-x")
    w.add(table_rows(arts[:5], None))
    w.commit({"files": []})
    w = PartitionWriter(out, "part-00001-x")
    w.add(table_rows(arts[3:], None))  # overlaps the first partition by two
    w.commit({"files": []})
    with Store(str(tmp_path / "x.duckdb")) as store:
        store.write_batch(arts[:1])
        first = load_output(out, store)
        # known before: 1; the overlap of the partitions: 2; the repeated story: 1
        assert (first.new, first.already) == (unique - 1, 1 + 2 + 1)
        second = load_output(out, store)
        assert (second.new, second.partitions) == (0, 2)
        assert store.count() == unique
        assert store.con.execute("SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (ingested_at) "
                                 "FROM inputs)").fetchone()[0] == store.count("inputs")


@pytest.mark.parametrize("damage", ["cut", "missing", "manifest"])
def test_an_unreadable_partition_is_named_and_the_others_load(tmp_path, damage):
    corpus = write_corpus(tmp_path / "in", files=2)
    out = tmp_path / "out"
    raw = [x for x in read_inputs([str(corpus)], AS_OF) if isinstance(x, RawInput)]
    arts = list({a.id: a for a in extract_batch(raw) if isinstance(a, Article)}.values())

    def write(index: int, chunk: list[Article]) -> None:
        w = PartitionWriter(str(out), f"part-0000{index}-x")
        w.add(table_rows(chunk, None))
        w.commit({"files": []})

    write(0, arts[:5])
    write(1, arts[5:])
    events, manifest = out / "events/part-00001-x.parquet", out / "_manifest/part-00001-x.json"
    if damage == "cut":
        events.write_bytes(events.read_bytes()[:30])
    elif damage == "missing":
        events.unlink()
    else:
        manifest.write_text("{not json")
    with Store(str(tmp_path / "x.duckdb")) as store:
        report = load_output(str(out), store)
        assert (report.partitions, report.new, store.count()) == (1, 5, 5)  # no half partition
        [line] = report.unreadable
        assert "part-00001-x not loaded" in line and "\n" not in line
        assert ("_manifest/" if damage == "manifest" else "events/part-00001-x") in line
        write(1, arts[5:])  # the run re-made: loading again completes the store
        again = load_output(str(out), store)
        assert (again.new, again.unreadable, store.count()) == (len(arts) - 5, [], len(arts))
