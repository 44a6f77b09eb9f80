"""The geoparsing evaluation: gold readers, metrics by hand, and the CLI command."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwire.eval.places import GoldArticle, GoldToponym, auc, read_gold, score

from .conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "geo"


@dataclass
class P:
    start: int
    end: int
    lat: float | None
    lon: float | None


def test_readers_detect_both_layouts():
    lgl = read_gold(FIXTURES / "lgl_small.xml")
    assert [(t.text, t.lat is None) for t in lgl[0].toponyms] == [
        ("Baghdad", False), ("Basra", False), ("Mosul", True)]
    gv = read_gold(FIXTURES / "geovirus_small.xml")
    # GeoVirus offsets are one-based: the reader shifts them onto the text
    assert [gv[0].text[t.start:t.end] for t in gv[0].toponyms] == ["Harare", "Zimbabwe"]
    both = read_gold(FIXTURES)
    assert len(both) == 2


def test_metrics_by_hand():
    gold = [GoldArticle("a", "x" * 40, [
        GoldToponym(0, 5, "A", 0.0, 0.0),
        GoldToponym(10, 15, "B", 0.0, 1.0),
        GoldToponym(20, 25, "C", None, None),
    ])]
    # A exact and right; B overlapping (not exact) and 2 degrees of longitude off at the
    # equator (222.4 km); a false positive at 30-35; C missed.
    pred = [[P(0, 5, 0.0, 0.0), P(11, 15, 0.0, 3.0), P(30, 35, 1.0, 1.0)]]
    r = score(gold, pred)
    assert r["recognition"] == {"precision": 0.3333, "recall": 0.3333, "f1": 0.3333}
    assert r["recognition_overlap"]["f1"] == 0.6667
    assert r["n"] == 2 and r["acc_161km"] == 0.5
    # sorted log errors [0, ln(223.39)]; trapezoid area / (ln 20039 * 1)
    assert r["auc"] == pytest.approx(math.log(1 + 222.39) / 2 / math.log(20039), abs=1e-3)
    assert auc([0.0, 0.0]) == 0.0
    assert auc([20039.0, 20039.0]) == pytest.approx(1.0, abs=1e-4)


def test_halves_score_even_and_odd_articles_apart():
    from eventwire.eval.places import with_halves

    gold = [GoldArticle(str(i), "x" * 10, [GoldToponym(0, 5, "A", 0.0, 0.0)])
            for i in range(4)]
    # articles 0 and 2 right, 1 wrong by 10 degrees, 3 missed
    pred = [[P(0, 5, 0.0, 0.0)], [P(0, 5, 10.0, 0.0)], [P(0, 5, 0.0, 0.0)], []]
    r = with_halves(gold, pred)
    assert r["even"] == {"f1": 1.0, "acc_161km": 1.0, "n": 2}
    assert r["odd"] == {"f1": 0.6667, "acc_161km": 0.0, "n": 1}
    assert r["acc_161km"] == pytest.approx(2 / 3, abs=1e-4)


def test_unresolved_found_toponym_counts_as_largest_error():
    gold = [GoldArticle("a", "x" * 10, [GoldToponym(0, 5, "A", 10.0, 10.0)])]
    r = score(gold, [[P(0, 5, None, None)]])
    assert r["acc_161km"] == 0.0 and r["auc"] == pytest.approx(1.0, abs=1e-3)


def test_cli_json_on_fixture(cli):
    result = cli("eval", "places", str(FIXTURES / "lgl_small.xml"), "--json")
    assert result.exit_code == 0, result.output
    r = json.loads(result.output)
    assert set(r) >= {"recognition", "acc_161km", "auc", "n", "even", "odd"}
    assert r["recognition"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert r["n"] == 2 and r["acc_161km"] == 1.0 and r["auc"] < 0.1


def test_cli_table_on_geovirus_fixture(cli):
    result = cli("eval", "places", str(FIXTURES / "geovirus_small.xml"))
    assert result.exit_code == 0, result.output
    assert "accuracy within 161 km" in result.output and "1.000" in result.output


@pytest.mark.parametrize("bad", ["missing.xml", "notxml.txt"])
def test_cli_bad_path(cli, tmp_path, bad):
    path = tmp_path / bad
    if bad == "notxml.txt":
        path.write_text("this is not xml <")
    result = cli("eval", "places", str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.output and str(path) in result.output


def test_cli_on_dev_geovirus_sample(cli):
    path = shared_path("data", "geo", "GeoVirus.xml")
    result = cli("eval", "places", str(path), "--json", "--limit", "20")
    assert result.exit_code == 0, result.output
    r = json.loads(result.output)
    assert r["recognition"]["f1"] > 0.7 and r["acc_161km"] > 0.6 and r["n"] > 50
