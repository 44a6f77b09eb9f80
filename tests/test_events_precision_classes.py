"""Precision classes (issue 13): mentions that report no act of their type, each checked
against a close sentence that does.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize("text", [
    "Officers tried to arrest the organiser, but she slipped away into the crowd.",
    "Troops were trying to raid a militant hideout when their vehicle hit a mine.",
    "Villagers say police made an attempt to seize their land last spring.",
])
def test_attempted_restraint_is_no_coercion(nlp, text):
    assert "COERCE" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Officers arrested the organiser as she left the building on Monday.", "COERCE"),
    ("Troops raided a militant hideout on Tuesday.", "COERCE"),
    ("Gunmen tried to storm the police station on Monday.", "ASSAULT"),
])
def test_restraint_done_or_force_attempted_stays(nlp, text, etype):
    assert etype in _types(nlp, text)
