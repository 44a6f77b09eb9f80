"""`eventwire eval quotes`: brat reading, GenderGapTracker-style matching, hand-checked scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.eval import quotes as ev
from eventwire.models import Quote

BRAT = Path(__file__).parent / "fixtures" / "quotes" / "brat"
TEXT = (BRAT / "text" / "senate-vote.txt").read_text(encoding="utf-8")
POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes-polnear-dev"


def quote(content, cue=None, speaker=None, name=None, nth=0):
    s = TEXT.index(content)
    q = Quote("senate-vote", s, s + len(content), content, "direct", "test", 1.0)
    if cue:
        q.cue_start = TEXT.index(cue)
        q.cue_end = q.cue_start + len(cue)
        q.cue = cue
    if speaker:
        q.speaker_start = TEXT.index(speaker, nth)
        q.speaker_end = q.speaker_start + len(speaker)
        q.speaker = speaker
    q.speaker_name = name
    return q


# Hand-made predictions against the gold of annotator A (3 attributions):
#  E1 gold "that the bill would pass" (24 chars): predicted without "that" -> 19/24 = 0.79
#  E2 gold two parts (20 + 25 chars): predicted as two records sharing the cue -> 1.0
#  E3 gold "The plan was popular": exact content, but the speaker "The plan" is wrong
#  plus one spurious prediction "The plan".
PREDICTIONS = [
    quote("the bill would pass", "said", "Senator Ana Ruiz"),
    quote('"We have the votes,"', "told", "Ruiz", nth=30),
    quote('"Nobody should doubt it."', "told", "Ruiz", nth=30),
    quote("The plan was popular", "according to", "The plan"),
    quote("The plan"),
]


def test_reads_one_annotator_deterministically():
    docs = ev.read_dir(BRAT)
    assert [d.name for d in docs] == ["senate-vote"]
    gold = docs[0].gold
    assert len(gold) == 3  # annotator A (annB holds only one attribution)
    assert gold[1].parts == [(59, 79), (101, 126)]
    assert gold[1].direct and not gold[0].direct
    assert gold[2].source_text == "a new poll"


def test_hand_checked_scores():
    res = ev.evaluate(BRAT, lambda docs: [PREDICTIONS])
    # predictions grouped by cue: 4 attributions; gold: 3
    assert res["all"]["0.3"] == {"precision": 0.75, "recall": 1.0, "f1": 0.8571}
    # at 0.8 E1 (0.79) no longer matches: tp 2 -> P 2/4, R 2/3, F1 4/7
    assert res["all"]["0.8"] == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    # direct: only E2 on both sides, matched at both thresholds
    for th in ("0.3", "0.8"):
        assert res["direct"][th] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # speakers: E1 and E2 overlap the gold source, E3 does not
    assert res["speaker_accuracy"] == 0.6667


def test_speaker_by_resolved_name():
    gold = ev.read_dir(BRAT)[0].gold[0]
    pred = ev.Attribution([(32, 56)], "x", [(59, 61)], "", "Ana Ruiz")
    assert ev.speaker_ok(gold, pred)
    pred.speaker_name = "Bob"
    assert not ev.speaker_ok(gold, pred)


def test_overlap_is_share_of_gold_characters():
    gold = ev.Attribution([(0, 10)], "")
    assert ev.overlap(gold, ev.Attribution([(5, 100)], "")) == 0.5
    assert ev.overlap(gold, ev.Attribution([(0, 2), (8, 10)], "")) == 0.4


def test_bad_dir_is_one_line_exit_2(tmp_path):
    from eventwire.cli import _register, app

    _register()
    runner = CliRunner()
    for bad in (tmp_path / "missing", tmp_path):
        result = runner.invoke(app, ["eval", "quotes", str(bad)])
        assert result.exit_code == 2
        out = (result.stdout + (result.stderr or "")).strip()
        assert len(out.splitlines()) == 1 and str(bad) in out
        assert "Traceback" not in out


def test_cli_json_on_fixture():
    from eventwire.cli import _register, app

    _register()
    result = CliRunner().invoke(app, ["eval", "quotes", str(BRAT), "--json"])
    assert result.exit_code == 0, result.output
    res = json.loads(result.stdout)
    assert set(res) >= {"direct", "all", "speaker_accuracy"}
    assert set(res["all"]) == {"0.3", "0.8"}
    assert set(res["all"]["0.3"]) == {"precision", "recall", "f1"}
    # the pipeline finds the said-clause, the split quote and the according-to clause
    assert res["all"]["0.3"]["recall"] == 1.0
    assert res["speaker_accuracy"] >= 2 / 3


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared PolNeAR dev data is absent")
def test_reads_polnear_dev():
    docs = ev.read_dir(POLNEAR)
    assert len(docs) == 84
    assert sum(len(d.gold) for d in docs) > 2000


def test_errors_name_missed_spurious_and_speaker_classes():
    docs = ev.read_dir(BRAT)
    rows = ev.errors(docs, [PREDICTIONS])
    by_class = {}
    for r in rows:
        by_class.setdefault(r["class"], []).append(r)
    assert "missed" not in by_class  # all three gold attributions match at 0.3
    assert [r["pred_content"] for r in by_class["spurious"]] == ["The plan"]
    (wrong,) = by_class["speaker"]  # E3: "The plan" is not "a new poll"
    assert wrong["gold_source"] == "a new poll" and wrong["pred_speaker"] == "The plan"
    assert wrong["rule"] == "test" and wrong["pred_cue"] == "according to"


def test_select_halves_and_limit():
    docs = [ev.GoldDoc(str(i), "", []) for i in range(5)]
    assert [d.name for d in ev.select(docs, "even")] == ["0", "2", "4"]
    assert [d.name for d in ev.select(docs, "odd", 1)] == ["1"]
    assert len(ev.select(docs, None, 2)) == 2
    with pytest.raises(ev.QuotesDirError):
        ev.select(docs, "third")


def test_cli_writes_errors_file(tmp_path):
    from eventwire.cli import _register, app

    _register()
    out = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(app, ["eval", "quotes", str(BRAT), "--json", "--errors",
                                      str(out), "--half", "even", "--limit", "1"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(r["class"] in ("missed", "spurious", "speaker") for r in rows)
    bad = CliRunner().invoke(app, ["eval", "quotes", str(BRAT), "--half", "both"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_equal_overlap_goes_to_the_tighter_prediction():
    # "The mayor said the governor told reporters that the bridge reopens in May.": gold
    # holds the inner report only; the outer prediction covers it as fully as the inner one
    inner_gold = ev.Attribution([(48, 74)], "", [(15, 27)], "the governor")
    outer = ev.Attribution([(15, 74)], "", [(0, 9)], "The mayor")
    inner = ev.Attribution([(43, 74)], "", [(15, 27)], "the governor")
    pairs = ev.match([inner_gold], [outer, inner], 0.3)
    assert pairs == [(inner_gold, inner)]
    # a prediction covering more of the gold still wins over a tighter, smaller one
    part = ev.Attribution([(60, 74)], "")
    assert ev.match([inner_gold], [outer, part], 0.3) == [(inner_gold, outer)]
