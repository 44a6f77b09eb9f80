"""The Dask engine on a LocalCluster: same rows as one process, resumable, and a worker that
dies after writing its partition is retried without duplicating anything."""

from __future__ import annotations

import json
import os
import signal
from dataclasses import replace
from functools import partial

import duckdb
import pytest

from eventwire.ingest import ingest
from eventwire.scale.dask import (
    DaskUsageError,
    dask_client,
    ingest_dask,
    partition_names,
    run_partition,
)
from eventwire.scale.load import load_output
from eventwire.scale.parquet import finished
from eventwire.store import Store
from tests.test_scale import AS_OF, SMALL, dump, write_corpus

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2, dashboard=None) as c:
        yield c


def single_and_dask(tmp_path, client, corpus, with_nlp=False, settings=SMALL, **kw):
    """Store the corpus in one process and through Dask + load; both databases' rows."""
    one = str(tmp_path / "one.duckdb")
    with Store(one) as store:
        report = ingest([str(corpus)], store, as_of=AS_OF, settings=settings, with_nlp=with_nlp)
    out = str(tmp_path / "out")
    dreport = ingest_dask([str(corpus)], out, client, as_of=AS_OF, settings=settings,
                          with_nlp=with_nlp, partition_bytes=2_000, **kw)
    two = str(tmp_path / "dask.duckdb")
    with Store(two) as store:
        loaded = load_output(out, store)
    return report, dreport, loaded, dump(one), dump(two)


def test_dask_rows_equal_single_process_rows(tmp_path, client):
    corpus = write_corpus(tmp_path / "in")
    (corpus / "copy.jsonl").write_text((corpus / "feed-2.jsonl").read_text())  # a re-crawl
    report, dreport, loaded, one, two = single_and_dask(tmp_path, client, corpus)
    assert dreport.partitions >= 3  # the small partition size splits the input
    assert one == two
    assert len(one["articles"]) == report.new == loaded.new == 25
    assert sorted(dreport.skipped) == sorted(s.message() for s in report.skipped)
    # a second run finds every partition done and a second load adds nothing
    again = ingest_dask([str(corpus)], str(tmp_path / "out"), client, as_of=AS_OF,
                        settings=SMALL, with_nlp=False, partition_bytes=2_000)
    assert (again.resumed, again.articles) == (dreport.partitions, 0)
    with Store(str(tmp_path / "dask.duckdb")) as store:
        assert load_output(str(tmp_path / "out"), store).new == 0
        assert store.count() == 25


def die_once_after_writing(name, files, *, marker, **kw):
    """The real task, whose first run kills its worker process after publishing its files."""
    manifest = run_partition(name, files, **kw)
    if not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return manifest


def test_killed_worker_is_retried_and_every_article_lands_once(tmp_path, client):
    corpus = write_corpus(tmp_path / "in", files=6)
    marker = tmp_path / "killed"
    out = str(tmp_path / "out")
    report = ingest_dask([str(corpus)], out, client, as_of=AS_OF, settings=SMALL,
                         with_nlp=False, partition_bytes=2_000,
                         task=partial(die_once_after_writing, marker=str(marker)))
    assert marker.exists()  # a worker did die mid-run
    assert len(finished(out)) == report.partitions >= 3
    n, ids = duckdb.connect().execute(
        f"SELECT count(*), count(DISTINCT id) FROM read_parquet('{out}/articles/*.parquet')"
    ).fetchone()
    assert n == ids == 6 * 6 + 1
    assert not (tmp_path / "out" / "_tmp").exists()  # leftovers of the dead attempt cleaned
    with Store(str(tmp_path / "x.duckdb")) as store:
        assert load_output(out, store).new == 37
        assert store.con.execute("SELECT count(*), count(DISTINCT id) FROM articles"
                                 ).fetchone() == (37, 37)


def test_stdin_is_refused_with_a_reason(tmp_path, client):
    with pytest.raises(DaskUsageError, match="stdin"):
        ingest_dask(["-"], str(tmp_path / "out"), client)


def test_with_nlp_dask_equals_single_process(tmp_path):
    from distributed import Client, LocalCluster

    from eventwire.pipeline import load_nlp

    try:
        load_nlp()
    except (ImportError, ValueError) as exc:
        pytest.skip(f"the language layer does not load yet ({exc})")
    corpus = write_corpus(tmp_path / "in", files=2, per_file=3)
    # a worker thread in this process reuses the pipeline loaded above
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as threaded:
        report, _, loaded, one, two = single_and_dask(tmp_path, threaded, corpus,
                                                      with_nlp=True)
    assert one == two
    assert report.new == loaded.new == 7
    assert one["mentions"] or one["places"]  # the language layer did find something


def test_cli_dask_run_then_load_twice(cli, tmp_path):
    corpus = write_corpus(tmp_path / "in")
    out, db = str(tmp_path / "out"), str(tmp_path / "x.duckdb")
    run = cli("ingest", str(corpus), "--engine", "dask", "--out", out, "--workers", "1",
              "--no-nlp", "--as-of", "2024-05-01T12:00:00Z")
    assert run.exit_code == 1, run.output  # the bad line and the empty file were skipped
    assert "feed-1.jsonl:line 3: not JSON" in run.stderr
    assert f"eventwire load {out}" in run.stdout
    first = cli("load", out, "--db", db)
    assert first.exit_code == 0, first.output
    assert "articles new: 25, already stored: 1" in first.stdout
    assert "articles new: 0, already stored: 26" in cli("load", out, "--db", db).stdout
    single = cli("ingest", str(corpus), "--db", str(tmp_path / "one.duckdb"), "--no-nlp",
                 "--workers", "2", "--as-of", "2024-05-01T12:00:00Z")
    assert "articles new: 25, already stored: 1, inputs skipped: 2" in single.stdout
    assert dump(db) == dump(str(tmp_path / "one.duckdb"))


def test_partition_names_follow_every_setting_that_changes_the_output(tmp_path):
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("PROTEST/demo   serenade\n")
    parts = [["a.jsonl"], ["b.jsonl"]]

    def names(settings):
        return partition_names(parts, {"nlp": True, "settings": settings.output_key()})

    base = names(SMALL)
    mine = replace(SMALL, lexicon_files=(str(lexicon),))
    assert names(mine) != base
    assert names(replace(SMALL, actor_files=(str(lexicon),))) != base
    assert names(replace(SMALL, max_file_bytes=1000)) != base
    assert names(replace(SMALL, batch_size=99)) == base  # batches do not change rows
    before = names(mine)
    lexicon.write_text("PROTEST/demo   serenade\nPROTEST/demo   heckle\n")
    assert names(mine) != before  # an edited lexicon is another lexicon


def test_user_lexicon_applies_on_a_dask_worker_process(tmp_path, monkeypatch):
    """The run's settings travel to the worker: a lexicon that the worker's environment does
    not name still codes events there."""
    from eventwire.pipeline import load_nlp

    try:
        load_nlp(SMALL, upto="eventwire_actors")
    except (ImportError, ValueError) as exc:
        pytest.skip(f"the language layer does not load ({exc})")
    monkeypatch.delenv("EVENTWIRE_LEXICON", raising=False)
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("PROTEST/demo   serenade\n")
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "feed.jsonl").write_text(json.dumps({
        "title": "Governor serenaded", "published": "2024-04-22",
        "text": "KABUL - Students serenaded the governor outside his office in Kabul on "
                "Monday, witnesses said."}) + "\n")
    out = str(tmp_path / "out")
    with dask_client(workers=1, dashboard=":0") as one_process:
        pid = one_process.run(os.getpid)
        assert os.getpid() not in pid.values()  # the worker is another process
        ingest_dask([str(corpus)], out, one_process, as_of=AS_OF, with_nlp=True,
                    settings=replace(SMALL, lexicon_files=(str(lexicon),)))
    rows = duckdb.connect().execute(
        f"SELECT type, rule FROM read_parquet('{out}/events/*.parquet')").fetchall()
    assert ("PROTEST", "lexicon:mine.txt:1") in rows
