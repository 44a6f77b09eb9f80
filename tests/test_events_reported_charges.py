"""Charges made without a verb of accusing: that an actor poses a threat, a grievance at
its act, a judgement aimed by the reason given for it; and a question put to someone, which
charges no one.  Sentences written for these tests, each with a near case that must not
fire."""

from __future__ import annotations

import pytest

from tests.event_helpers import counted_events

_BEFORE, _AFTER = "The session ended on Monday. ", " Members return next week."


def _accusations(nlp, text: str) -> list[str]:
    """The rule of each counted ACCUSE of ``text`` told between two neutral sentences."""
    return [e.field_rules["type"] for e in counted_events(nlp, _BEFORE + text + _AFTER)
            if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "The senator suggested that Iranian militias posed a threat to Iraq.",
    "The minister said that Venezuela posed a danger to the whole region.",
])
def test_saying_an_actor_poses_a_threat_is_a_charge(nlp, text):
    assert [r.split(";")[0] for r in _accusations(nlp, text)] == ["rule:threat_charge"]


@pytest.mark.parametrize("text", [
    "The senator suggested that the new dam posed a risk to the valley.",  # no actor
    "The senator suggested that Iranian militias did not pose a threat to Iraq.",
    "Some analysts suggested that Iranian militias posed a threat to Iraq.",  # anyone
    "The senator suggested that the council delay its vote until spring.",
])
def test_near_threat_charges_are_no_accusation(nlp, text):
    assert _accusations(nlp, text) == []


def test_a_judgement_aimed_by_its_reason_is_criticism(nlp):
    text = ("The senator said that argument smacked of hypocrisy, because the governors had "
            "done the same thing for years.")
    assert [r.split(";")[0] for r in _accusations(nlp, text)] == ["rule:critical_statement"]


@pytest.mark.parametrize("text", [
    "The senator said that argument smacked of hypocrisy.",  # aimed at no one named
    "The senator said the schedule looked tight, because the governors had asked for more "
    "time.",  # a reason, no judgement
])
def test_near_reasoned_judgements_are_no_accusation(nlp, text):
    assert _accusations(nlp, text) == []


def test_being_questioned_about_something_charges_no_one(nlp):
    text = "The ambassador was questioned about the border dispute on television."
    assert _accusations(nlp, text) == []


def test_a_decision_questioned_by_lawmakers_is_criticism(nlp):
    assert _accusations(nlp, "The new tariff was questioned by several lawmakers.") != []


@pytest.mark.parametrize("text", [
    "The farmers were frustrated that the ministry paid only part of the subsidy.",
    "The aide said he was surprised that Jenkins did not tell him about the meeting.",
])
def test_a_grievance_at_an_actors_act_is_criticism(nlp, text):
    assert [r.split(";")[0] for r in _accusations(nlp, text)] == ["rule:grievance"]


@pytest.mark.parametrize("text", [
    "The farmers were frustrated that the rain kept falling.",  # no one's act
    "The aide said he was surprised that Jenkins told him about the meeting.",  # no failure
    "The coach was disappointed that he lost the final.",  # his own loss
    "Many people were angry that the ministry paid only part of the subsidy.",  # anyone
])
def test_near_grievances_are_no_accusation(nlp, text):
    assert _accusations(nlp, text) == []
