"""A case argued against a named party is a charge: "claimed", "contended", "argued" need
only a negative statement, or one that says the party failed to act, to be ACCUSE by the
speaker.  Sentences written for these tests; each charge is paired with a near statement that
must give no ACCUSE (praise, a report of facts, no one named, plain "said").  A case opened
again ("reopened the investigation") is an investigation like one opened."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types
from tests.event_helpers import code


@pytest.mark.parametrize("text", [
    "The nurses' union claimed that the Health Ministry had not paid its members since January.",
    "Lawyers for the family contended that the Interior Ministry never responded to their "
    "letters.",
    # "argue" is no plain verb of saying, yet what it introduces is said
    "The senator argued that the Pentagon had ignored warnings about the cost of the program.",
])
def test_argued_failings_of_a_named_party_are_charges(nlp, text):
    assert "ACCUSE" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    # the claim is good news about the party
    "The nurses' union claimed that the Health Ministry had finally paid its members in "
    "January.",
    # losses argued with no party named: no one is charged
    "Economists argued that factory workers have lost jobs because of automation.",
    # plain "said" reporting a failure is a report of facts, not an argued case
    "A Health Ministry spokesman said the nurses had not been paid since January.",
])
def test_other_statements_are_no_charges(nlp, text):
    assert "ACCUSE" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Prosecutors reopened the investigation into the minister last month.", True),
    ("The inquiry into the minister was relaunched last month.", True),
    # reopening a place is no case
    ("The city reopened the bridge after repairs.", False),
])
def test_reopened_cases_are_investigations(nlp, text, expected):
    assert ("ACCUSE" in _types(nlp, text)) is expected


@pytest.mark.parametrize("text", [
    # critics as the agent of a verb that judges
    # (the parser hangs "as a sham" under "critics")
    "Citizens voted on Sunday in an election hailed by the government as a step forward but "
    "dismissed by critics as a sham.",
    "The plan was seen by opponents as a giveaway to the rich.",
    # what critics say of a named body is criticism, whatever its words
    "Critics say the ministry's new rules favour large landowners.",
])
def test_critics_verdicts_are_criticism(nlp, text):
    assert "ACCUSE" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The new film was praised by critics at the festival.",
    "The bill was passed by opponents and supporters alike.",
    "Supporters say the ministry's new rules favour small farmers.",
])
def test_praise_and_acts_of_critics_are_no_criticism(nlp, text):
    assert "ACCUSE" not in [e.type for e in code(nlp, text)._.events]
