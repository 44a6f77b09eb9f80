"""Violence at a protest is the protest turning into a riot (PROTEST riot), unless it kills or
uses weapons of war; what a strike shuts down is the strike's doing.  Sentences written for
these tests, each paired with a close sentence that must keep the other type."""

from __future__ import annotations

from tests.event_helpers import asserted_types as _types

MARCH = "Thousands marched through the capital on Friday. "


def test_petrol_bombs_at_a_protest_are_the_riot(nlp):
    types = _types(nlp, MARCH + "Later, youths attacked a police station with petrol bombs.")
    assert "ASSAULT" not in types and types.count("PROTEST") == 2


def test_grenades_at_a_protest_are_an_attack(nlp):
    types = _types(nlp, MARCH + "Later, youths attacked a police station with hand grenades.")
    assert "ASSAULT" in types


def test_rioters_violence_is_the_riot(nlp):
    assert _types(nlp, "Rioters attacked a bank with petrol bombs on Friday.") == ["PROTEST"]


def test_a_deadly_attack_by_rioters_stays_an_assault(nlp):
    text = "Rioters attacked a bank with petrol bombs on Friday, killing three employees."
    assert _types(nlp, text) == ["ASSAULT"]


def test_what_a_strike_shuts_down_is_the_strike(nlp):
    assert _types(nlp, "A nationwide general strike shut down ports and schools on "
                       "Wednesday.") == ["PROTEST"]
    assert _types(nlp, "The strike that began on Monday shut down all schools in the "
                       "region.") == ["PROTEST"]


def test_what_a_government_shuts_down_is_a_restriction(nlp):
    assert _types(nlp, "The government shut down ports and schools on Wednesday.") == ["COERCE"]
