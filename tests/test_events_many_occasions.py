"""A passive in a relative clause told "in" a bare plural with no time describes people by
many past occasions ("men who were killed in police shootings"), not one event; a definite,
counted or dated occasion stays one.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types


def test_killed_in_shootings_describes_the_dead(nlp):
    text = "Marchers carried photos of young men who were killed in police shootings."
    assert "ASSAULT" not in asserted_types(nlp, text)


@pytest.mark.parametrize("text", [
    "Marchers carried photos of young men who were killed in the police shooting on Monday.",
    "Marchers carried photos of two men who were killed in two attacks last week.",
])
def test_one_told_occasion_stays(nlp, text):
    assert "ASSAULT" in asserted_types(nlp, text)
