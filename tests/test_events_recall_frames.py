"""Recall frames for types other than ACCUSE: a labour strike announced for later (a
THREATEN restrict by convention), each beside a near sentence that must not give it.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code


def _coded(nlp, text):
    return [(e.type, e.mode) for e in asserted(code(nlp, text)._.events)]


@pytest.mark.parametrize("text", [
    "The nurses' federation said it was planning more walkouts for next month.",
    "The dockers' union threatened a strike over the new contracts.",
    "Bus drivers are planning a 24-hour stoppage for next Tuesday.",
])
def test_announced_strike_is_a_threat_to_halt_work(nlp, text):
    assert ("THREATEN", "restrict") in _coded(nlp, text)


@pytest.mark.parametrize("text", [
    "The air force planned the strike on the depot for weeks.",   # an armed strike
    "The ministry threatened air strikes on the rebel camps.",     # a threat of force
    "Bus drivers staged a 24-hour stoppage on Tuesday.",          # the strike itself
])
def test_other_strikes_are_no_announced_walkout(nlp, text):
    assert ("THREATEN", "restrict") not in _coded(nlp, text)


def test_for_next_week_names_a_day_not_a_stretch(nlp):
    """ "for next week" sets a date; "for two weeks" is a stretch (background)."""
    coded = _coded(nlp, "The union said it was planning a walkout for next week.")
    assert ("THREATEN", "restrict") in coded


def test_protest_that_continued_that_day_is_one_protest(nlp):
    coded = _coded(nlp, "Groups of students continued to march around the square on Friday.")
    assert ("PROTEST", "demo") in coded


@pytest.mark.parametrize("text", [
    "Groups of students have continued to march around the square for weeks.",  # many
    "The navy continued to shell the harbour on Friday.",  # repeated acts, not one
])
def test_continuing_over_a_stretch_or_repeated_acts_sum_up_many(nlp, text):
    assert not [t for t, _ in _coded(nlp, text) if t in ("PROTEST", "ASSAULT")]


@pytest.mark.parametrize("text", [
    "The council held the contractor in contempt for refusing to hand over the records.",
    "The governor criticized the agency chief for refusing to meet the inspectors.",
])
def test_the_deed_a_punishment_or_criticism_is_for_took_place(nlp, text):
    """The ground of a punishment or rebuke ("for refusing to ...") is a told act."""
    assert "REJECT" in [t for t, _ in _coded(nlp, text)]


def test_what_one_asks_for_is_still_the_request_content(nlp):
    """ "called for lifting the sanctions": the lifting is asked, not done."""
    coded = _coded(nlp, "The opposition called for lifting the sanctions on Monday.")
    assert [t for t, _ in coded] == ["REQUEST"]


@pytest.mark.parametrize(("text", "mode"), [
    ("Troopers fanned out across the county on Sunday in search of the escaped inmate.",
     "police"),
    ("Soldiers fanned out through the border villages on Monday.", "troops"),
])
def test_police_or_troops_fanning_out_is_a_show_of_force(nlp, text, mode):
    assert ("MOBILIZE", mode) in _coded(nlp, text)


@pytest.mark.parametrize("text", [
    "Volunteers fanned out across the county on Sunday to hand out leaflets.",  # no force
    "Troopers fanned out across the county on Sunday, arresting four men.",  # the arrest's means
])
def test_fanning_out_of_others_or_for_an_arrest_is_no_deployment(nlp, text):
    assert "MOBILIZE" not in [t for t, _ in _coded(nlp, text)]


def test_breaking_into_computers_is_a_cyberattack(nlp):
    text = "Hackers broke into the ministry's email servers last spring."
    assert ("COERCE", "cyber") in _coded(nlp, text)
    near = "Thieves broke into the ministry's garage last spring."
    assert ("COERCE", "cyber") not in _coded(nlp, near)


@pytest.mark.parametrize("text", [
    '"I share the joy of the sailors\' families," the foreign minister said.',
    'The mayor said she was honoured by the award from the veterans\' league.',
])
def test_shared_joy_or_honour_welcomes_an_act(nlp, text):
    assert "SUPPORT" in [t for t, _ in _coded(nlp, text)]


def test_joy_shared_by_no_speaker_is_no_statement(nlp):
    text = "Villagers share the joy of the harvest every autumn."
    assert "SUPPORT" not in [t for t, _ in _coded(nlp, text)]


def test_saying_an_act_will_not_go_unpunished_threatens(nlp):
    text = "The defence minister said the raid on the outpost would not go unpunished."
    assert "THREATEN" in [t for t, _ in _coded(nlp, text)]


def test_an_act_that_went_unpunished_threatens_nothing(nlp):
    text = "The raid on the outpost went unpunished for years."
    assert "THREATEN" not in [t for t, _ in _coded(nlp, text)]
