"""Event coding building blocks that need no spaCy model: numbers, ontology, lexicon,
exports and the evaluation helpers."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventwire.eval.events import GoldError, detect_layout, km, norm_code, prf, read_sentences
from eventwire.events import export
from eventwire.events.lexicon import NO_EVENT, Lexicon, LexiconError, load_lexicon
from eventwire.events.numbers import parse_count
from eventwire.events.plover import (
    EVENT_TYPES,
    MODES,
    QUAD,
    cameo_root,
    normalize_type,
    valid_mode,
)
from eventwire.models import ActorRef, Event, Place


@pytest.mark.parametrize("text,expected", [
    ("seven", (7, None)), ("Seven", (7, None)), ("twenty-five", (25, None)),
    ("1,200", (1200, None)), ("at least 12", (12, None)), ("two dozen", (24, None)),
    ("a dozen", (12, None)), ("three hundred", (300, None)), ("2.5 million", (2_500_000, None)),
    ("dozens", (24, 99)), ("hundreds", (200, 999)), ("10-15", (10, 15)),
    ("some 40", (40, None)),
])
def test_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", ["civilians", "", "the", "15-10"])
def test_parse_count_rejects_non_numbers(text):
    assert parse_count(text) is None


def test_ontology_has_sixteen_types_with_quads_and_modes():
    assert len(EVENT_TYPES) == 16
    assert QUAD["ASSAULT"] == "material_conflict"
    assert QUAD["CONSULT"] == "verbal_cooperation"
    assert QUAD["AID"] == "material_cooperation"
    assert QUAD["THREATEN"] == "verbal_conflict"
    assert "heavy-weapons" in MODES["ASSAULT"] and "visit" in MODES["CONSULT"]
    assert valid_mode("COERCE", "arrest") and not valid_mode("COERCE", "visit")


@pytest.mark.parametrize("old,new", [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"),
                                     ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"),
                                     ("agree", "AGREE"), ("DOCUMENT", None), (None, None)])
def test_legacy_labels(old, new):
    assert normalize_type(old) == new


def test_cameo_roots():
    assert cameo_root("CONSULT") == "04"
    assert cameo_root("ACCUSE", "investigate") == "09"
    assert cameo_root("ACCUSE", "disapprove") == "11"
    assert cameo_root("ASSAULT", "heavy-weapons") == "19"
    assert cameo_root("ASSAULT", "unconventional") == "20"
    assert cameo_root("RETREAT") == "08"


def test_packaged_lexicon_covers_every_type():
    lex = load_lexicon()
    types = {e.type for entries in lex.entries.values() for e in entries}
    assert types == set(EVENT_TYPES) | {NO_EVENT}  # NONE: frames naming no event
    assert lex.in_class("weapon", "rocket") and lex.class_mode("weapon", "rocket")
    # conditions sort first: "withdraw from a treaty" before plain "withdraw"
    assert lex.lookup("verb", "withdraw")[0].deps


def test_user_lexicon_file_adds_entries(tmp_path):
    f = tmp_path / "mine.txt"
    f.write_text("# my additions\nPROTEST/demo   N:flashmob\nAID   bankroll +project\n")
    lex = load_lexicon((str(f),))
    assert lex.lookup("noun", "flashmob")[0].type == "PROTEST"
    entry = lex.lookup("verb", "bankroll")[0]
    assert entry.deps == ("project",) and entry.source == "mine.txt:3"


@pytest.mark.parametrize("line,why", [
    ("ATTACK  bomb", "unknown PLOVER type"),
    ("ASSAULT/visit  bomb", "not a mode of ASSAULT"),
    ("ASSAULT#warfare  bomb", "unknown context"),
    ("ASSAULT", "needs a pattern"),
    ("ASSAULT  bomb ?x", "unexpected"),
])
def test_bad_lexicon_line_names_file_and_line(tmp_path, line, why):
    f = tmp_path / "bad.txt"
    f.write_text("AID  donate\n" + line + "\n")
    with pytest.raises(LexiconError) as exc:
        Lexicon().add_file(f)
    assert f"{f}:2" in str(exc.value) and why in str(exc.value)


# --------------------------------------------------------------------------- exports
def _events() -> list[Event]:
    baghdad = Place("a1", 60, 67, "Baghdad", rule="gazetteer", confidence=0.9, geonameid=98182,
                    name="Baghdad", lat=33.34, lon=44.40, feature_class="P", country="IRQ",
                    admin1="Baghdad", relation="near")
    attack = Event(
        id="e1", article_id="a1", type="ASSAULT", sentence_start=0, sentence_end=70,
        trigger_start=30, trigger_end=36, trigger="killed", rule="lexicon:lexicon.txt:1",
        confidence=0.7, mode="heavy-weapons", quad="material_conflict",
        sources=[ActorRef("militants", 10, 19, "IRQ", "REB", attributed_by="police")],
        targets=[ActorRef("seven civilians", 37, 52, "IRQ", "CVL")],
        date=date(2020, 9, 28), date_precision="day", date_span=(3, 9), location=baghdad,
        dead=7, contexts=["military"], field_rules={"dead": "count_of_dead:seven@37"},
    )
    talk = Event(
        id="e2", article_id="a1", type="CONSULT", sentence_start=71, sentence_end=120,
        trigger_start=80, trigger_end=84, trigger="held", rule="lexicon:lexicon.txt:2",
        confidence=0.6, quad="verbal_cooperation",
        sources=[ActorRef("Mladenov", 71, 79, "BGR", "GOV")],
        targets=[ActorRef("Israeli officials", 90, 107, "ISR", "GOV"),
                 ActorRef("Palestinian officials", 90, 120, "PSE", "GOV")],
    )
    return [attack, talk]


ARTICLES = [{"id": "a1", "url": "https://news.example/a1", "title": "Rocket kills seven",
             "published": "2020-10-01", "source": "Example News",
             "body": "On Monday militants' rocket killed seven civilians near Baghdad today. "
                     "Mladenov held talks with Israeli and Palestinian officials."}]


def test_plover_json_validates_against_schema(tmp_path):
    pytest.importorskip("jsonschema")
    out = tmp_path / "events.json"
    assert export.write_plover_json(_events(), ARTICLES, out) == 2
    recs = json.loads(out.read_text())
    assert export.validate_plover(recs) == []
    rec = recs[0]
    assert rec["event"] == ["ASSAULT"] and rec["mode"] == ["heavy-weapons"]
    assert rec["actor"][0]["code"] == "IRQ" and rec["actor"][0]["attributed_by"] == "police"
    assert rec["event_loc"]["geonameid"] == 98182 and rec["size"] == {"dead": 7}
    assert rec["quad_code"] == 4 and rec["cameo_root"] == "19"
    assert rec["cite_info"]["url"] == "https://news.example/a1"
    assert len(recs[1]["recipient"]) == 2  # compound recipient kept


def test_plover_schema_rejects_broken_records():
    pytest.importorskip("jsonschema")
    rec = export.plover_record(_events()[0])
    bad = dict(rec, event=["EXPLODE"], date="28/09/2020")
    errors = export.validate_plover([bad])
    assert any("event" in e for e in errors) and any("date" in e for e in errors)
    assert export.validate_plover([{k: v for k, v in rec.items() if k != "actor"}])


def test_acled_csv_round_trips_through_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "events.csv"
    assert export.write_acled_csv(_events(), ARTICLES, out) == 2
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    for col in ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
                "location", "latitude", "longitude", "fatalities", "notes", "source"):
        assert col in df.columns
    row = df.iloc[0]
    assert row["event_date"] == "2020-09-28"
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert row["fatalities"] == "7" and row["location"] == "Baghdad"
    assert float(row["latitude"]) == pytest.approx(33.34)
    assert row["actor1"] == "militants (IRQ REB)" and row["source"] == "Example News"
    assert row["notes"].startswith("On Monday militants")
    second = df.iloc[1]
    assert second["event_type"] == "Strategic developments" and second["fatalities"] == "0"
    assert second["event_date"] == "2020-10-01"  # no event date: the publication date


def test_acled_battles_when_the_target_is_armed():
    ev = _events()[0]
    ev.mode = None
    ev.targets = [ActorRef("soldiers", 0, 8, "IRQ", "MIL")]
    assert export.acled_type(ev) == ("Battles", "Armed clash")


def test_jsonl_and_parquet_keep_every_event(tmp_path):
    pd = pytest.importorskip("pandas")
    j, p = tmp_path / "e.jsonl", tmp_path / "e.parquet"
    assert export.write_jsonl(_events(), ARTICLES, j) == 2
    lines = [json.loads(x) for x in j.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["e1", "e2"] and lines[0]["date"] == "2020-09-28"
    assert lines[0]["article_url"] == "https://news.example/a1"
    assert export.write_parquet(_events(), ARTICLES, p) == 2
    df = pd.read_parquet(p)
    assert list(df["id"]) == ["e1", "e2"]
    assert json.loads(df["sources"][0])[0]["attributed_by"] == "police"


# --------------------------------------------------------------------------- eval helpers
def test_prf_and_distance():
    assert prf(2, 4, 2) == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert prf(0, 0, 3)["f1"] == 0.0
    assert km(33.34, 44.40, 33.34, 44.40) == 0.0
    assert 300 < km(33.34, 44.40, 36.19, 44.01) < 340  # Baghdad - Erbil, about 320 km


def test_code_normalisation():
    assert norm_code("JAP") == "JPN" and norm_code("UNO") == "IGO" and norm_code("irq") == "IRQ"
    # the gold's IGO covers the UN and the EU; NGOs stay apart, as in the PLOVER manual
    assert norm_code("EUR") == "IGO" and norm_code("NGO") == "NGO"
    assert norm_code("KOS") == "XKX"  # the manual's Kosovo code -> the dictionary's


def test_layout_detection_and_bad_files(tmp_path):
    sent = tmp_path / "s.json"
    sent.write_text(json.dumps([{"id": "x", "event": "FIGHT", "text": "A attacked B."}]))
    assert detect_layout(sent) == "sentences"
    assert read_sentences(sent)[0].type == "ASSAULT"
    arts = tmp_path / "a.jsonl"
    arts.write_text('{"id": "a", "text": "x", "events": []}\n')
    assert detect_layout(arts) == "articles"
    junk = tmp_path / "junk.txt"
    junk.write_text("hello")
    with pytest.raises(GoldError, match="neither a JSON array"):
        detect_layout(junk)
    empty = tmp_path / "e.json"
    empty.write_text("[]")
    with pytest.raises(GoldError, match="no gold sentences"):
        read_sentences(empty)


def test_cli_bad_file_is_one_line_exit_2(cli, tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_text("not gold")
    r = cli("eval", "events", str(junk))
    assert r.exit_code == 2
    assert "junk.txt" in r.output and "Traceback" not in r.output
    r = cli("eval", "events", str(tmp_path / "missing.jsonl"))
    assert r.exit_code == 2 and "no such file" in r.output


def test_event_locations_skip_demonyms_and_scope_guesses():
    from eventwire.events.coder import literal_places
    from eventwire.models import Place

    places = [Place("a", 0, 7, "Russian", "demonym:resolved", 0.5),
              Place("a", 10, 20, "Main River", "gazetteer:scope", 0.2),
              Place("a", 30, 37, "Baghdad", "ner:GPE", 0.9)]
    assert [p.text for p in literal_places(places)] == ["Baghdad"]
