"""Event nouns that report an act with no light verb: the act a sentence takes as done
("after the arrest of", "led to the resignation of", "the arrest ... sparked protests"),
the nouns of verb triggers ("the expulsion of", "filed a lawsuit"), and acts told in a
phrase of time beside a framing trigger ("condemned ... after visiting").  Sentences
written for these tests, each beside a near sentence that must give no such event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code
from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize(("text", "etype"), [
    ("Crowds gathered outside the court after the arrest of the opposition leader.",
     "COERCE"),
    ("The arrest of the union leader on Monday sparked protests in the port city.", "COERCE"),
    ("The leak of the memo led to the resignation of the party chairman in July.", "RETREAT"),
    ("Police fired tear gas at crowds during a general strike in the capital.", "PROTEST"),
    ("Kinshasa recalled its envoy in response to the expulsion of its diplomats.", "COERCE"),
    ("Shops stayed shut following the shooting of a teenager by an officer.", "ASSAULT"),
])
def test_presupposed_acts(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    # one to come, or many summed, is no act that took place
    ("Crowds will gather outside the court during the planned strike next week.", "PROTEST"),
    ("Crowds gathered outside the court after arrests of opposition leaders.", "COERCE"),
    # an event noun with no tie of time or cause to the sentence's act
    ("The minister spoke about the arrest of journalists in the region.", "COERCE"),
    ("Officials discussed the resignation of the chairman.", "RETREAT"),
])
def test_not_presupposed(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The rebels carried out the kidnapping of two engineers on Sunday.", "ASSAULT"),
    ("The families filed a lawsuit against the city on Tuesday.", "ACCUSE"),
    ("The government ordered the expulsion of three diplomats on Friday.", "COERCE"),
    ("The workers staged a boycott of the company's stores on Monday.", "PROTEST"),
])
def test_nouns_of_verb_triggers(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The lawyer wrote a book about the lawsuit against the city.", "ACCUSE"),
    ("Doctors described the kidnapping as a trauma for the family.", "ASSAULT"),
])
def test_nouns_without_their_act(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_act_in_a_phrase_of_time_is_not_the_content(nlp):
    """ "condemned the envoy after visiting the camp": the visit is the senator's own act,
    not what she condemned; "condemned the visit" codes the condemnation alone."""
    assert {"ACCUSE", "CONSULT"} <= set(_types(
        nlp, "The senator condemned the envoy on Monday after visiting the refugee camp."))
    assert "CONSULT" not in _types(nlp, "The senator condemned the visit to the refugee camp.")


# Frames of the PETRARCH2 / CAMEO verbs the lexicon lacked, each beside the same verb in
# the sense that names no such event.
@pytest.mark.parametrize(("text", "etype", "near"), [
    ("Soldiers fired on protesters in the square on Monday.", "ASSAULT",
     "The company fired the manager on Monday."),
    ("The two leaders spoke by phone on Sunday.", "CONSULT",
     "The two leaders spoke to reporters on Sunday."),
    ("The minister dismissed the report as propaganda.", "ACCUSE",
     "The minister read the report on Monday."),
    ("The former mayor faces charges of bribery.", "ACCUSE",
     "The former mayor faces a difficult choice."),
    ("The army sealed off the town on Friday.", "COERCE",
     "The workers sealed the windows on Friday."),
    ("Thousands of workers walked off the job on Monday.", "PROTEST",
     "Thousands of workers walked to the station on Monday."),
])
def test_cameo_frames(nlp, text, etype, near):
    assert etype in _types(nlp, text)
    assert etype not in _types(nlp, near)


def test_vow_to_bring_to_justice_threatens_arrest(nlp):
    """The parser hangs "to justice" on "responsible"; the frame still holds, and a
    threatened arrest keeps its mode."""
    evs = asserted(code(nlp, "The president vowed to bring those responsible to justice.")
                   ._.events)
    assert [(e.type, e.mode) for e in evs] == [("THREATEN", "arrest")]


@pytest.mark.parametrize("text", [
    "What charges does the former mayor face in the US?",
    "Did the army fire on the crowd first?",
    "Why did police arrest the journalist?",
])
def test_direct_questions_report_nothing(nlp, text):
    assert _types(nlp, text) == []


# Bare verbs of specific CAMEO codes (111 criticize, 112 accuse, 145 loot, 174 exile,
# 1712 vandalize), each beside a sentence with no such act.
@pytest.mark.parametrize(("text", "etype", "near"), [
    ("The minister reprimanded the ambassador over the remarks.", "ACCUSE",
     "The minister thanked the ambassador for the remarks."),
    ("The committee faulted the agency for the delays.", "ACCUSE",
     "The committee thanked the agency for the report."),
    ("Rioters looted shops in the city centre on Tuesday.", "PROTEST",
     "Shoppers filled shops in the city centre on Tuesday."),
    ("The junta exiled the former president to Argentina.", "COERCE",
     "The junta flew the former president to Argentina."),
    ("Youths vandalized the party's offices overnight.", "ASSAULT",
     "Youths visited the party's offices overnight."),
])
def test_cameo_bare_verbs(nlp, text, etype, near):
    assert etype in _types(nlp, text)
    assert etype not in _types(nlp, near)
