"""Criticism carried by what the statement says of an actor's act, not by its cue verb, and
stances a speaker states of itself in reported speech.  Sentences written for these tests;
each pattern is paired with a near sentence that must not give the accusation."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types
from tests.event_helpers import counted_events

# Sentences around the one tested, so that it is not read as a headline on a line of its own.
_BEFORE, _AFTER = "The talks ended on Monday. ", " Delegates go home next week."


def _accusations(nlp, text: str) -> list[str]:
    """The rule of each counted ACCUSE of ``text`` told between two neutral sentences."""
    return [e.field_rules["type"] for e in counted_events(nlp, _BEFORE + text + _AFTER)
            if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "The senator said Moscow's decision contradicted the spirit of the accord.",
    "The minister described Tehran's latest move as reckless.",
    "She added that the drills followed Beijing's troubling actions in the strait.",
    "The envoy appeared to lose patience while addressing Ankara's insensitive response.",
    "The ministry said it saw Washington's move as a step undermining the talks.",
])
def test_a_judged_act_is_an_accusation(nlp, text):
    assert "ACCUSE" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    # a neutral judgement of the act
    "The senator said Moscow's decision was significant for the talks.",
    # the judging word is about something else than the act
    "The senator said Moscow's decision came after an alarming week in the markets.",
    # no one in particular says it
    "Some people said Moscow's decision contradicted the spirit of the accord.",
    # the writer's own judgement, with no speaker
    "Moscow's decision contradicted the spirit of the accord in several ways.",
    # no actor's act is judged
    "The senator said the storm was troubling for the farmers.",
])
def test_no_judged_act_no_accusation(nlp, text):
    assert "ACCUSE" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The foreign ministry said it regrets any decision to expand the settlements.",
    "The union said it condemns the closure of the plant.",
])
def test_a_stance_stated_of_oneself_is_the_statement(nlp, text):
    assert any("stance_said" in rule for rule in _accusations(nlp, text))


@pytest.mark.parametrize("text", [
    # a stance the speaker ascribes to another is not the speaker's statement
    "The foreign ministry said Iran regrets any decision to expand the settlements.",
    # what a group says is what many say, no one's statement
    "Some officials said they condemn the closure of the plant.",
])
def test_a_stance_of_others_is_not_the_statement(nlp, text):
    assert not any("stance_said" in rule for rule in _accusations(nlp, text))


def test_a_restated_position_of_censure_is_an_accusation(nlp):
    text = "A spokesman reiterated the government's position that the raids were illegal."
    assert "ACCUSE" in _types(nlp, text)


def test_a_restated_neutral_position_is_no_accusation(nlp):
    text = "A spokesman reiterated the government's position that the talks would resume."
    assert "ACCUSE" not in _types(nlp, text)


def _accusation_count(nlp, text: str) -> int:
    return len(_accusations(nlp, text))


def test_each_accuser_of_a_passive_accusation_is_an_event(nlp):
    text = "The banker was accused of fraud by a former client and of perjury by his partner."
    assert _accusation_count(nlp, text) == 2


def test_one_accuser_phrase_is_one_event(nlp):
    text = "The banker was accused of fraud and perjury by a former client and his partner."
    assert _accusation_count(nlp, text) == 1
