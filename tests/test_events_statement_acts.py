"""The statement is the act: forecasts are no events, a warning or an announced punishment is
coded by what it does to its addressee.  Sentences written for these tests;
each pattern is paired with a close sentence that must still give the event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types
from tests.event_helpers import counted_events


@pytest.mark.parametrize("text", [
    # a forecast of what others may do, even when the parser reads its subject as an object
    "A leading newspaper warned young voters would turn away if nothing changed.",
    # what may happen is a forecast, not a threat nor a charge
    "The minister warned that the dispute could spread to other ports.",
])
def test_forecasts_are_no_events(nlp, text):
    types = _types(nlp, text)
    assert "THREATEN" not in types and "ACCUSE" not in types


@pytest.mark.parametrize(("text", "etype"), [
    ("The newspaper warned the government would face consequences if nothing changed.",
     "THREATEN"),
    ("The minister warned that the union was destroying the port.", "ACCUSE"),
])
def test_threats_and_charges_stay(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The minister said Britain and its allies will seek new sanctions against Iran.",
     "THREATEN"),
    ("The minister said Britain and its allies will seek new talks with Iran.", "REQUEST"),
    ("Britain sought new sanctions against Iran on Monday.", "REQUEST"),
])
def test_announced_punishment_threatens(nlp, text, etype):
    types = _types(nlp, text)
    assert types == [etype]


def test_speech_participle_speaks_for_its_clause_subject(nlp):
    text = "Senator Ana Ruiz spoke for an hour, saying the crisis showed the need for a new law."
    assert "REQUEST" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    # a speaker rallying an audience asks nothing of an actor
    "At the rally, the senator urged the crowd to vote for change.",
    # agreeing with a view is an opinion, not an agreement
    "He agreed that the country should stay out of the conflict.",
])
def test_rallying_calls_and_opinions_are_no_events(nlp, text):
    assert _types(nlp, text) == []


@pytest.mark.parametrize(("text", "etype"), [
    ("Police urged the crowd to leave the square on Sunday.", "REQUEST"),
    ("The senator urged the governor to veto the bill.", "REQUEST"),
    ("The two sides agreed that the troops would leave by May.", "AGREE"),
])
def test_requests_of_actors_and_agreements_stay(nlp, text, etype):
    assert etype in _types(nlp, text)


def _said(nlp, text: str) -> list[str]:
    """The counted ACCUSE triggers of a text."""
    return [e.trigger for e in counted_events(nlp, text) if e.type == "ACCUSE"]


def test_a_reproach_is_not_swallowed_by_background_its_reason_tells(nlp):
    # the reason's "questioning" is background; the reproach itself is the event
    text = ("Rep. Jane Moore said that claim smacked of hypocrisy, because Democrats have long "
            "been at the forefront of questioning the FBI's decisions.")
    assert _said(nlp, text) == ["said"]


def test_a_reason_given_for_agreeing_is_no_reproach(nlp):
    text = ("Rep. Jane Moore said the claim was true, because Democrats have long been at the "
            "forefront of questioning the FBI's decisions.")
    assert _said(nlp, text) == []


def test_citing_others_reports_of_a_wrong_charges_no_one(nlp):
    text = ("Her lawyer's filing noted published reports alleging that the senator had "
            "beaten his wife.")
    assert _said(nlp, text) == []


def test_calling_others_reports_lies_is_a_reproach(nlp):
    text = ("The senator's lawyer said reports alleging that he had beaten his wife were lies "
            "and a disgrace.")
    assert _said(nlp, text) == ["said"]


@pytest.mark.parametrize("text", [
    "The foreign minister said Iran would face consequences if it continued the tests.",
    "Senator Jane Holt said Iran would pay a heavy price.",
    "The envoy said the regime's provocation cannot be left without consequences.",
    "Senator Jane Holt said the protesters have to face the consequences of their acts.",
])
def test_a_penalty_said_to_await_an_actor_threatens(nlp, text):
    assert "THREATEN" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Senator Jane Holt said the farmers would face the consequences of the drought.",
    "Senator Jane Holt said the company faced consequences last year.",
    "Senator Jane Holt said the vote would have no consequences.",
])
def test_consequences_of_a_disaster_or_past_ones_threaten_no_one(nlp, text):
    assert "THREATEN" not in _types(nlp, text)
