"""A wire dateline opening a body is where the story was written, never an actor of its first
sentence; a city or state that really opens a sentence as its subject stays one (sentences
written for the pattern, none taken from evaluation data)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.event_helpers import code


def _actors(nlp, text):
    events = code(nlp, text, date(2021, 6, 10))._.events
    return {a.text for e in events for a in e.sources + e.targets}


@pytest.mark.parametrize(("text", "dateline"), [
    ("DAYTON, Ohio (AP) — The city lifted its curfew on Monday.", "DAYTON"),
    ("DAYTON, Ohio (AP) — The city lifted its curfew on Monday.", "Ohio"),
    ("LONDON (AP) — Protesters clashed with police on Monday.", "LONDON"),
    ("Curfew ends in riverside town.\nSALEM, Ore. (AP) — The town lifted its curfew on "
     "Monday.", "SALEM"),
    ("Students rally downtown. LONDON (Reuters) - Protesters clashed with police on Monday.",
     "LONDON"),
    ("BEIRUT — Protesters clashed with police on Monday.", "BEIRUT"),
    ("KABUL, Afghanistan (Reuters) - Protesters clashed with police on Monday.", "KABUL"),
    ("WASHINGTON, Dec. 3 — Protesters clashed with police on Monday.", "WASHINGTON"),
    ("Khartoum: Protesters clashed with police on Monday.", "Khartoum"),
])
def test_the_dateline_is_no_actor(nlp, text, dateline):
    assert dateline not in _actors(nlp, text)


@pytest.mark.parametrize(("text", "actor"), [
    ("Washington imposed sanctions on Iran on Monday.", "Washington"),
    ("Ohio sued the company on Monday.", "Ohio"),
    ("New sanctions announced. Washington imposed sanctions on Iran on Monday.", "Washington"),
    ("Lawsuit filed over spill.\nOhio sued the company on Monday.", "Ohio"),
])
def test_a_place_opening_a_sentence_as_its_subject_stays_an_actor(nlp, text, actor):
    assert actor in _actors(nlp, text)
