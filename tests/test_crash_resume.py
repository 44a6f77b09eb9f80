"""A process killed in the middle of a batch transaction loses nothing and duplicates nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from eventwire.ingest import ingest
from eventwire.store import Store

KILLER = textwrap.dedent("""
    import os, signal, sys
    from dataclasses import replace
    from eventwire.config import Settings
    from eventwire.ingest import ingest
    from eventwire.store import Store

    store = Store(sys.argv[2])
    real = store._insert
    calls = {"articles": 0}

    def insert(table, rows, **kw):
        real(table, rows, **kw)
        if table == "articles":
            calls["articles"] += 1
            if calls["articles"] == 3:  # third batch: rows written, transaction still open
                os.kill(os.getpid(), signal.SIGKILL)

    store._insert = insert
    ingest([sys.argv[1]], store, settings=replace(Settings(), batch_size=4), with_nlp=False)
""")


def test_killed_mid_batch_then_rerun_stores_every_article_once(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(
        json.dumps({"title": f"Report {i}", "published": "2024-02-01",
                    "text": f"ADEN - Report number {i} says talks resumed on Monday."})
        for i in range(20)) + "\n")
    db = str(tmp_path / "x.duckdb")
    proc = subprocess.run([sys.executable, "-c", KILLER, str(feed), db], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()[-500:]
    with Store(db) as store:
        assert store.count() == 8  # two committed batches survive, the third is rolled back
        report = ingest([str(feed)], store, with_nlp=False)
        assert (report.new, report.already) == (12, 8)
        assert store.count() == 20
        assert store.con.execute("SELECT count(DISTINCT title) FROM articles").fetchone()[0] == 20
