"""Speech acts and their factuality on patterns that recur in news: a past act told on the
news' word ("is reported to have called"), against the hedged or planned near cases.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types
from tests.event_helpers import counted_events


@pytest.mark.parametrize(("text", "etype"), [
    ("The prime minister is reported to have condemned the raid on the border village.",
     "ACCUSE"),
    ("The governor of Ohio is said to have met the Canadian ambassador on Tuesday.",
     "CONSULT"),
    ('The foreign minister is reported to have called the rebel leaders "thugs".', "ACCUSE"),
])
def test_reported_past_act_is_asserted(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The prime minister is expected to condemn the raid on the border village.", "ACCUSE"),
    ("The governor of Ohio is said to want to meet the Canadian ambassador.", "CONSULT"),
    ("The foreign minister is believed to have praised the new budget.", "SUPPORT"),
])
def test_expected_or_believed_act_is_not(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_reported_act_keeps_its_doer(nlp):
    ev = next(e for e in counted_events(
        nlp, "The governor of Ohio is reported to have met the Canadian ambassador.")
        if e.type == "CONSULT")
    assert any("governor" in s.text for s in ev.sources)
