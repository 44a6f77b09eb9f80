"""Source and target countries by the coders' actor conventions (CODING.md and the general
notes of the dev gold): sentences written for each pattern, none taken from evaluation data."""

from __future__ import annotations

from datetime import date

from eventwire.eval.events import counted
from tests.event_helpers import code

# A short local story in one country, so that its unmarked officials and towns are at home.
OHIO = ("DAYTON, Ohio (AP) — Police in Dayton, Ohio, said on Tuesday that a fire at a warehouse "
        "in Dayton was set on purpose. Sheriff Tom Walsh of Montgomery County said deputies "
        "were searching for witnesses. ")


def _events(nlp, text, published=date(2021, 6, 10)):
    return counted(code(nlp, text, published)._.events)


def _of(text, events, words, etype):
    got = [e for e in events if e.type == etype and words in text[e.sentence_start:e.sentence_end]]
    assert len(got) == 1, [(e.type, e.trigger) for e in events]
    return got[0]


def _countries(refs):
    return {a.country for a in refs if a.country}


# ------------------------------------------------------------- passive acts with no agent
def test_a_passive_charge_with_no_agent_is_the_state_s(nlp):
    text = OHIO + "A 41-year-old man was charged with arson on Wednesday."
    ev = _of(text, _events(nlp, text), "charged with arson", "ACCUSE")
    assert _countries(ev.sources) == {"USA"}
    assert ev.field_rules["sources"] == "state_of_place"
    assert all(a.text == "" for a in ev.sources)  # no source text: the state is inferred


def test_a_charge_with_a_named_agent_keeps_the_agent(nlp):
    text = OHIO + "Prosecutors charged the owner with arson on Wednesday."
    ev = _of(text, _events(nlp, text), "charged the owner", "ACCUSE")
    assert ev.field_rules["sources"] != "state_of_place"
    assert any("Prosecutors" in a.text for a in ev.sources)


def test_a_passive_dropping_of_a_case_is_the_state_s(nlp):
    text = OHIO + "The case against the owner was dropped last month."
    ev = _of(text, _events(nlp, text), "was dropped", "CONCEDE")
    assert _countries(ev.sources) == {"USA"}


def test_a_passive_killing_leaves_the_unknown_killer_open(nlp):
    text = OHIO + "A night guard was shot at the warehouse on Monday."
    ev = _of(text, _events(nlp, text), "was shot", "ASSAULT")
    assert not _countries(ev.sources)
