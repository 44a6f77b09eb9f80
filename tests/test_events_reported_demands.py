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
