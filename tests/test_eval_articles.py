"""`eval events` on article gold, scored as CODING.md says (hand-written gold, fake coder)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from eventwire.eval.events import evaluate_articles, read_articles
from eventwire.models import ActorRef, Event, Place

TEXT = ("Gunmen attacked a police post in Karak on Monday, killing 4 soldiers. "
        "The attack was condemned by Jordan. "
        "Police said the gunmen fled.")
S1 = "Gunmen attacked a police post in Karak on Monday, killing 4 soldiers."
S2 = "The attack was condemned by Jordan."
S3 = "Police said the gunmen fled."


def _gold(tmp_path, events, text=TEXT, extra=()):
    path = tmp_path / "gold.jsonl"
    lines = [{"id": "a1", "published": "2019-12-20", "text": text, "events": events}]
    lines += list(extra)
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return read_articles(path)


def _assault(**kw):
    return {"type": "ASSAULT", "source": [], "target": ["JOR"], "sentence": S1,
            "mentions": [S2], "date": "2019-12-16",
            "location": {"name": "Karak", "lat": 31.18, "lon": 35.70}, "dead": 4, **kw}


def _event(sentence, etype="ASSAULT", sources=(), targets=(), day=None, place=None, dead=None,
           **flags):
    start = TEXT.index(sentence)
    return Event(id="e", article_id="a1", type=etype, sentence_start=start,
                 sentence_end=start + len(sentence), trigger_start=start, trigger_end=start + 3,
                 trigger="x", rule="test", confidence=0.7,
                 sources=[ActorRef(c, 0, 1, c) for c in sources],
                 targets=[ActorRef(c, 0, 1, c) for c in targets], date=day,
                 location=place, dead=dead, **flags)


def _coder(*per_article):
    return lambda items: [list(evs) for evs, _ in zip(per_article, items, strict=True)]


def _karak(lat=31.18, lon=35.70):
    return Place("a1", 0, 5, "Karak", "test", 0.9, name="Karak", lat=lat, lon=lon)


def test_a_mention_matches_and_a_second_record_is_a_false_event(tmp_path):
    gold = _gold(tmp_path, [_assault()])
    # one record on the mention sentence (a match), one more on the lead (the same event again)
    r = evaluate_articles(gold, _coder([_event(S2, targets=["JOR"]), _event(S1)]))
    assert r["counts"]["tp"] == 1 and r["counts"]["pred"] == 2 and r["counts"]["gold"] == 1
    assert r["event"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    false = [e for e in r["errors"] if e["kind"] == "false"]
    assert len(false) == 1 and false[0]["why"] == "duplicate"


def test_type_must_agree_and_other_sentences_do_not_match(tmp_path):
    gold = _gold(tmp_path, [_assault()])
    r = evaluate_articles(gold, _coder([_event(S1, etype="COERCE"), _event(S3)]))
    assert r["counts"]["tp"] == 0
    kinds = sorted((e["kind"], e.get("why")) for e in r["errors"])
    assert kinds == [("false", "no gold event"), ("false", "type (gold ASSAULT)"),
                     ("missed", None)]


def test_arguments_on_matched_events(tmp_path):
    gold = _gold(tmp_path, [_assault()])
    good = _event(S1, targets=["JOR"], day=date(2019, 12, 16), place=_karak(), dead=4)
    r = evaluate_articles(gold, _coder([good]))
    assert r["target"]["f1"] == 1.0 and r["date_exact"] == 1.0
    assert r["location_50km"] == 1.0 and r["dead_exact"] == 1.0
    assert not r["errors"]
    # Amman is about 90 km from Karak; the count and the date are off; a target too many
    bad = _event(S1, targets=["JOR", "SYR"], day=date(2019, 12, 20),
                 place=_karak(31.95, 35.93), dead=5)
    r = evaluate_articles(gold, _coder([bad]))
    assert r["target"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert r["date_exact"] == 0.0 and r["location_50km"] == 0.0 and r["dead_exact"] == 0.0
    (err,) = r["errors"]
    assert err["kind"] == "wrong" and err["fields"] == ["target", "date", "location", "dead"]
    assert err["gold"]["dead"] == 4 and err["system"]["dead"] == 5


def test_unstated_gold_values_are_not_scored(tmp_path):
    gold = _gold(tmp_path, [_assault(date=None, location=None, dead=None)])
    r = evaluate_articles(gold, _coder([_event(S1, targets=["JOR"], dead=3)]))
    assert r["counts"]["date"] == [0, 0] and r["counts"]["location"] == [0, 0]
    assert r["counts"]["dead"] == [0, 0] and not r["errors"]


def test_two_gold_events_in_one_sentence_each_take_one_record(tmp_path):
    arrest = {"type": "COERCE", "source": ["USA"], "target": [], "sentence": S3}
    gold = _gold(tmp_path, [dict(arrest, date="2019-12-13"), dict(arrest, date="2019-12-16")])
    r = evaluate_articles(gold, _coder([_event(S3, "COERCE", ["USA"], day=date(2019, 12, 16)),
                                        _event(S3, "COERCE", ["USA"], day=date(2019, 12, 13))]))
    assert r["counts"]["tp"] == 2 and r["date_exact"] == 1.0  # paired by arguments


def test_two_acts_in_one_sentence_pair_by_place_and_toll(tmp_path):
    """Two attacks told in one sentence, alike in actors and day: each gold event takes the
    record in its own town with its own toll, whatever order the coder gives them."""
    attack = {"type": "ASSAULT", "source": [], "target": ["JOR"], "sentence": S1}
    far = _karak(lat=32.55, lon=35.85)  # Irbid, some 150 km north
    gold = _gold(tmp_path, [
        dict(attack, location={"name": "Karak", "lat": 31.18, "lon": 35.70}, dead=4),
        dict(attack, location={"name": "Irbid", "lat": 32.55, "lon": 35.85}, dead=2)])
    r = evaluate_articles(gold, _coder([_event(S1, targets=["JOR"], place=_karak(), dead=4),
                                        _event(S1, targets=["JOR"], place=far, dead=2)]))
    assert r["counts"]["tp"] == 2
    assert r["location_50km"] == 1.0 and r["dead_exact"] == 1.0


def test_a_gold_event_keeps_its_preferred_record_when_another_is_free(tmp_path):
    """The second gold event, agreeing with neither record, takes the free one rather than
    the record that agrees with the first."""
    attack = {"type": "ASSAULT", "source": [], "target": ["JOR"], "sentence": S1}
    gold = _gold(tmp_path, [
        dict(attack, location={"name": "Karak", "lat": 31.18, "lon": 35.70}),
        dict(attack, location={"name": "Amman", "lat": 31.95, "lon": 35.93})])
    aqaba = _karak(lat=29.53, lon=35.01)
    r = evaluate_articles(gold, _coder([_event(S1, targets=["JOR"], place=_karak()),
                                        _event(S1, targets=["JOR"], place=aqaba)]))
    assert r["counts"]["tp"] == 2 and r["counts"]["location"] == [1, 2]


def test_uncounted_events_are_left_out_and_halves_split_by_line(tmp_path):
    second = {"id": "a2", "published": None, "text": TEXT, "events": []}
    gold = _gold(tmp_path, [_assault()], extra=[second])
    r = evaluate_articles(gold, _coder([_event(S1, hypothetical=True)], [_event(S3)]))
    assert r["counts"]["pred"] == 1 and r["counts"]["tp"] == 0
    a = r["halves"]["A"]["counts"]
    assert a["pred"] == 0 and a["gold"] == 1
    assert r["halves"]["B"]["counts"]["pred"] == 1 and r["halves"]["B"]["counts"]["gold"] == 0


def test_cli_writes_errors_and_halves(cli, tmp_path, monkeypatch):
    import eventwire.eval.events as ev

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "published": "2019-12-20", "text": TEXT,
                                "events": [_assault()]}) + "\n", encoding="utf-8")
    monkeypatch.setattr(ev, "spacy_coder", lambda nlp: _coder([_event(S1), _event(S3)]))
    monkeypatch.setattr("eventwire.pipeline.load_nlp", lambda settings=None: None)
    out = tmp_path / "errors.jsonl"
    r = cli("eval", "events", str(gold), "--json", "--halves", "--errors", str(out))
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["event"]["precision"] == 0.5 and set(res["halves"]) == {"A", "B"}
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["kind"] for x in rows] == ["wrong", "false"]
    assert rows[1]["sentence"] == S3 and rows[0]["article"] == "a1"


def test_a_country_is_the_same_place_whatever_centre_each_gazetteer_gives_it():
    from eventwire.eval.events import same_place

    gold = {"name": "Libya", "lat": 27.0, "lon": 17.0}
    country = Place("a1", 0, 5, "Libya", "test", 0.9, name="Libya", lat=26.6, lon=17.8,
                    feature_class="A")
    assert same_place(country, gold)
    # a town of the same name elsewhere is another place
    gold = {"name": "Paris", "lat": 48.85, "lon": 2.35}
    town = Place("a1", 0, 5, "Paris", "test", 0.9, name="Paris", lat=33.66, lon=-95.56,
                 feature_class="P")
    assert not same_place(town, gold)
    assert same_place(replace(town, lat=48.9, lon=2.3), gold)
