"""Factuality a trigger takes from the clause frame it shares or sits in: conjuncts with no
subject or auxiliary of their own, attributive participles.  Sentences written for these
tests; each pattern is checked against a close sentence that does report an event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize(("text", "etype"), [
    # a conjunct shares the first verb's frame: a reduced relative, a running toll
    ("The court freed four men charged with or convicted of smuggling.", "SANCTION"),
    ("Hundreds of shops have been smashed and looted across the city.", "PROTEST"),
    # an attributive participle says who or what someone is
    ("Commandos boarded the ship in a carefully planned and professionally executed raid.",
     "ASSAULT"),
])
def test_shared_frame_reports_no_occurrence(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Four men were charged and convicted of smuggling on Monday.", "SANCTION"),
    ("Rioters smashed and looted two shops on Main Street on Friday.", "PROTEST"),
    ("The court freed four men on Tuesday.", "RETREAT"),
])
def test_own_frame_reports_the_occurrence(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_an_act_to_come_on_a_condition_is_not_reported(nlp):
    assert _types(nlp, "The mayor said the city will appeal if the court upholds the "
                       "ruling.") == []


@pytest.mark.parametrize(("text", "etype"), [
    # an appeal of a ruling is a legal challenge (ACCUSE allege, like a lawsuit)
    ("The mayor said the city appealed the ruling on Monday.", "ACCUSE"),
    # a refusal or a threat is made by stating its condition
    ("The senator said he would not accept the party's endorsement if it were offered.",
     "REJECT"),
    ("The minister said they would attack the base if the talks failed.", "THREATEN"),
])
def test_done_acts_and_conditional_refusals_and_threats_stay(nlp, text, etype):
    assert etype in _types(nlp, text)
