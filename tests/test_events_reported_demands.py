"""Demands reported with a verb of saying other than "say": a political actor "remarking
that Y should ..." demands it (CODING.md: the statement is the event), while the writer's
own "should" is a recommendation and no event.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code


def _types(nlp, text):
    return [e.type for e in asserted(code(nlp, text)._.events)]


@pytest.mark.parametrize("text", [
    "The senator pointed to Cuba, remarking that Washington should lift the sanctions.",
    "The minister remarked on Tuesday that Britain should release the detained sailors.",
])
def test_a_remarked_should_is_a_demand(nlp, text):
    assert "REQUEST" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The council should cut the tax on fuel before the winter.",
    "The minister remarked on Tuesday that the weather was fine for the parade.",
])
def test_no_demand_from_the_writer_or_a_plain_remark(nlp, text):
    assert "REQUEST" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "demand"), [
    ("The family sought refuge in a church during the storm.", False),
    ("The two reporters sought shelter at the embassy in Ankara.", False),
    ("The dissident sought asylum in Sweden in 2012.", True),
    ("Thousands of families sought refuge in Turkey last month.", True),  # asylum in a state
])
def test_seeking_refuge_is_taking_it_not_asking(nlp, text, demand):
    assert ("REQUEST" in _types(nlp, text)) is demand


def test_refuge_at_an_embassy_is_diplomatic_asylum(nlp):
    got = _types(nlp, "The activist sought refuge at the Chilean embassy in Lima in 2015.")
    assert "AID" in got and "REQUEST" not in got
