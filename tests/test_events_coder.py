"""The eventwire_events component on the project's own fixture articles (written for these
tests in the shape of wire copy) and on odd input."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.event_helpers import code

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _code(nlp, text, published=None, aid="t"):
    return code(nlp, text, published, aid)


@pytest.fixture(scope="module")
def border(nlp):
    art = json.loads((FIXTURES / "articles.jsonl").read_text().splitlines()[0])
    return art["text"], _code(nlp, art["text"], date(2023, 3, 10), art["id"])._.events


@pytest.fixture(scope="module")
def talks(nlp):
    art = json.loads((FIXTURES / "articles.jsonl").read_text().splitlines()[1])
    return art["text"], _code(nlp, art["text"], date(2024, 5, 16), art["id"])._.events


def _in(text, events, words):
    """The counted events (not hypothetical, not summaries) of the sentence holding words."""
    out = []
    for e in events:
        if words in text[e.sentence_start:e.sentence_end] and not (e.hypothetical
                                                                   or e.aggregate):
            out.append(e)
    return out


def _countries(refs):
    return {a.country for a in refs}


def test_attack_with_number_word_date_place_and_victims(border):
    text, events = border
    (ev,) = _in(text, events, "mortar shell")
    assert ev.type == "ASSAULT" and ev.quad == "material_conflict"
    assert ev.dead == 7 - 3 and ev.dead_max is None
    assert ev.date == date(2023, 3, 7)  # the Tuesday before Friday 10 March
    assert ev.date_precision == "day" and text[slice(*ev.date_span)] == "Tuesday"
    assert ev.location.name == "Aleppo" and ev.location.country == "SYR"
    assert ev.location.relation == "near"
    assert "TUR" in _countries(ev.targets)  # "aimed at Turkish troops"
    assert any("civilians" in a.text for a in ev.targets)
    assert not ev.aggregate  # "one of some 25 attacks" describes the series, not this one
    assert ev.mode == "heavy-weapons"
    assert text[ev.trigger_start:ev.trigger_end] == "killed"
    assert ev.field_rules["date"] == "time_attached_to_trigger"


def test_rockets_blamed_on_a_group_keep_the_attribution(border):
    text, events = border
    (ev,) = _in(text, events, "several rockets fell")
    assert ev.type == "ASSAULT" and ev.date == date(2023, 3, 9)
    assert ev.location.name == "Idlib"
    (src,) = ev.sources
    assert src.country == "LBN" and "Hezbollah" in src.text
    assert src.attributed_by == "Turkish officials"
    assert ev.field_rules["sources"].startswith("blame_attribution:")
    (blame,) = _in(text, events, "pinned the blame")
    assert blame.type == "ACCUSE" and blame.mode == "allege"
    assert _countries(blame.sources) == {"TUR"} and _countries(blame.targets) == {"LBN"}


def test_warning_not_to_tolerate_is_a_threat(border):
    text, events = border
    (ev,) = _in(text, events, "would not tolerate")
    assert ev.type == "THREATEN" and ev.trigger == "warned"
    assert [(a.country, a.sector) for a in ev.sources] == [("TUR", "GOV")]
    assert _countries(ev.targets) == {"SYR"}
    assert ev.date == date(2023, 3, 10) and not ev.negated


def test_not_happy_accuses_the_author_of_the_threat(border):
    text, events = border
    (ev,) = _in(text, events, "not happy")
    assert ev.type == "ACCUSE" and ev.mode == "disapprove"
    assert _countries(ev.sources) == {"SYR"} and _countries(ev.targets) == {"TUR"}
    assert ev.date == date(2023, 3, 8)


def test_unconfirmed_plan_and_page_clutter_give_no_event(border):
    text, events = border
    assert _in(text, events, "did not confirm or deny") == []
    assert [e for e in events if "Share this" in text[e.sentence_start:e.sentence_end]] == []


def test_support_concede_request_consult(talks):
    text, events = talks
    (sup,) = _in(text, events, "welcomed")
    assert sup.type == "SUPPORT" and _countries(sup.sources) == {"LBN"}
    (con,) = _in(text, events, "ready to hand over")
    assert con.type in ("CONCEDE", "AGREE") and "Hezbollah" in con.sources[0].text
    assert "intent:ready" in con.field_rules["type"]
    (req,) = _in(text, events, "urged")
    assert req.type == "REQUEST" and _countries(req.sources) == {"LBN"}
    (talk,) = _in(text, events, "held talks")
    assert talk.type == "CONSULT" and _countries(talk.sources) == {"NOR"}
    assert {"LBN", "ISR"} <= _countries(talk.targets)  # compound recipient


def test_event_ids_are_stable_and_spans_point_at_the_text(nlp, border):
    text, events = border
    again = _code(nlp, text, date(2023, 3, 10), "fx-border")._.events
    assert [e.id for e in events] == [e.id for e in again]
    for e in events:
        assert text[e.trigger_start:e.trigger_end] == e.trigger
        assert e.sentence_start <= e.trigger_start < e.trigger_end <= e.sentence_end
        for a in e.sources + e.targets:
            assert text[a.start:a.end].strip()
        assert e.rule.startswith(("lexicon:", "rule:")) and 0 < e.confidence <= 1


def test_casualty_ranges_negation_and_conditions(nlp):
    doc = _code(nlp, "Gunmen killed dozens of villagers in northern Nigeria on Sunday. "
                     "Police did not arrest anyone. "
                     "If the talks fail, the army could attack the town.",
                published=date(2022, 6, 7))
    kill = [e for e in doc._.events if e.trigger == "killed"]
    # a vague count states no number (CODING.md rule 7): null, with the phrase as evidence
    assert kill and (kill[0].dead, kill[0].dead_max) == (None, None)
    assert kill[0].field_rules["dead"].startswith("vague_count:dozens")
    assert not any(e.trigger == "arrest" for e in doc._.events)  # negated: dropped
    attack = [e for e in doc._.events if e.trigger == "attack"]
    assert all(e.hypothetical for e in attack)


def test_user_lexicon_entry_is_used(nlp, tmp_path):
    from eventwire.events.coder import EventCoder
    from eventwire.events.lexicon import load_lexicon

    f = tmp_path / "extra.txt"
    f.write_text("PROTEST/demo   occupy +square\n")
    coder = EventCoder(load_lexicon((str(f),)))
    doc = nlp("Students occupied the main square in Belgrade on Monday.")
    events = coder.code(doc)
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "demo")]
    assert events[0].rule == "lexicon:extra.txt:1"


def test_works_without_the_language_layer():
    import spacy

    import eventwire.events.coder  # noqa: F401  (registers the factory)
    from eventwire.config import Settings

    try:
        nlp = spacy.load(Settings().spacy_model)
    except OSError:
        pytest.skip("spaCy model not installed")
    nlp.add_pipe("eventwire_events")
    doc = nlp.make_doc("Rebels attacked an army base near Kabul on Monday, killing three soldiers.")
    doc._.article_id = "bare"
    doc._.published = date(2021, 5, 5)
    doc = nlp(doc)
    (ev,) = doc._.events
    assert ev.type == "ASSAULT" and ev.dead == 3
    assert ev.date == date(2021, 5, 3) and ev.location.text == "Kabul"
    assert ev.sources[0].text == "Rebels" and ev.sources[0].country is None


@pytest.mark.parametrize("text", ["", "   ", "—", "!!! ??? ...", "a" * 5000,
                                  "Follow us\nShare\nRead more", "Σεισμός 6 Ρίχτερ στην Κρήτη",
                                  "killed killed killed killed", "12 12 12 dozens of of of"],
                         ids=lambda text: repr(text[:24]))
def test_odd_text_never_crashes(nlp, text):
    doc = _code(nlp, text)
    assert isinstance(doc._.events, list)


def test_eval_articles_on_fixture(cli):
    r = cli("eval", "events", str(FIXTURES / "articles.jsonl"), "--json")
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["event"]["recall"] == 1.0 and res["event"]["precision"] >= 0.8
    assert res["date_exact"] == 1.0 and res["location_50km"] == 1.0 and res["dead_exact"] == 1.0


def test_eval_sentences_on_fixture(cli):
    r = cli("eval", "events", str(FIXTURES / "sentences.json"), "--json")
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert set(res) == {"type_accuracy", "type_macro_f1", "source", "target", "mode_accuracy",
                        "context_accuracy"}
    assert res["type_accuracy"] == 1.0  # FIGHT, DEMAND, DISAPPROVE read as current types
    assert res["mode_accuracy"] == 1.0  # the visit
    r = cli("eval", "events", str(FIXTURES / "sentences.json"))
    assert "Confusion" in r.output and "ASL" in r.output


@pytest.mark.parametrize(("text", "etype", "source", "targets", "rule"), [
    # a state acting on its own land: the place is the recipient
    ("Kenyan authorities imposed a night curfew in Mombasa on Friday after two days of "
     "rioting.", "COERCE", "KEN", ["KEN"], "country_of_place"),
    # the recipient of the threatened act, one clause down
    ("The Georgian parliament threatened on Thursday to cut diplomatic ties with Belarus.",
     "THREATEN", "GEO", ["BLR"], "complement_argument"),
    # "expel diplomats" consumes the noun, whose nationality is the recipient
    ("Norway expelled three Iranian diplomats on Monday.", "SANCTION", "NOR", ["IRN"],
     "consumed_noun_actor"),
    # the recipient inside the event noun's "of" phrase
    ("Germany announced a suspension of arms exports to Turkey on Tuesday.", "SANCTION", "DEU",
     ["TUR"], "nested_recipient"),
    # a known head of government without a country in the sentence
    ("Chancellor Helmut Kohl met President Mitterrand in Bonn.", "CONSULT", "DEU", ["FRA"],
     None),
])
def test_state_recipients(nlp, text, etype, source, targets, rule):
    ev = next(e for e in _code(nlp, text)._.events if e.type == etype)
    assert source in {a.country for a in ev.sources}
    assert [a.country for a in ev.targets] == targets
    if rule:
        assert ev.field_rules["targets"] == rule


@pytest.mark.parametrize(("text", "etype", "source", "rule"), [
    # an unnamed people takes the country it lives in, not its kin state
    ("Ethnic Hungarians in Romania demanded broader autonomy on Friday.", "REQUEST", "ROU",
     "subject+residence"),
    # "its offensive": the owner is the subject of the clause
    ("Turkey launched its offensive against Kurdish militants on Sunday.", "ASSAULT", "TUR",
     "possessor_antecedent"),
])
def test_sources_from_residence_and_possessive(nlp, text, etype, source, rule):
    ev = next(e for e in _code(nlp, text)._.events if e.type == etype)
    assert [a.country for a in ev.sources] == [source]
    assert ev.field_rules["sources"] == rule
