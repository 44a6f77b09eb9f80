"""Bans on exchanges with another state, and warnings against travel there, are SANCTION
discontinue (PLOVER: curtailing commercial or material exchanges), done at home; bans on
people and gatherings in one's own territory stay COERCE restrict.  Sentences written for
these tests, each beside a near one that must come out the other way."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code


def _typed(nlp, text):
    return [(e.type, e.mode) for e in asserted(code(nlp, text)._.events)]


@pytest.mark.parametrize("text", [
    "Kenya banned all flights to Somalia on Tuesday.",
    "The ministry banned imports of poultry from Brazil after the outbreak.",
    "Travel to Egypt was restricted by Jordan for the same reason.",
    "Rwanda warned its citizens against travel to Burundi after the outbreak.",
    "Egypt suspended Chinese imports of steel last week.",
])
def test_bans_on_exchanges_with_another_state_are_sanctions(nlp, text):
    assert ("SANCTION", "discontinue") in _typed(nlp, text)


@pytest.mark.parametrize("text", [
    "Police banned protests in the capital on Sunday.",
    "The governor banned travel within the province during the outbreak.",
    "The mayor banned travel to the city centre on Sunday.",
    "Kenya banned all flights to Nairobi on Tuesday.",  # a town at home
])
def test_bans_on_people_at_home_stay_restrictions(nlp, text):
    got = _typed(nlp, text)
    assert ("COERCE", "restrict") in got and ("SANCTION", "discontinue") not in got


def test_a_ban_on_travel_abroad_is_placed_at_home_not_abroad(nlp):
    doc = code(nlp, "Kenya banned all flights to Somalia on Tuesday.")
    ev = next(e for e in asserted(doc._.events) if e.type == "SANCTION")
    assert ev.location is None or ev.location.country != "SOM"


@pytest.mark.parametrize("text", [
    "The mayor warned residents against travel to the coast during the storm.",
    "The health ministry warned of a new outbreak in Burundi.",
])
def test_other_warnings_curtail_no_exchange(nlp, text):
    assert ("SANCTION", "discontinue") not in _typed(nlp, text)
