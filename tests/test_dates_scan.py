"""The anchored scan of the date grammar finds exactly what a scan of the whole text finds,
also when the most words allowed stand before the month or weekday name."""

from __future__ import annotations

import pytest

from eventwire.nlp.dates.rules import PATTERNS, _matches, _openings

TEXTS = [
    "Talks resumed on Monday, the 5th of March 2020, in the capital.",
    "The vote came at 10:30 a.m. on this past Friday morning, officials said.",
    "Fighting eased by the end of March and flared again in mid-March 2011.",
    "He left last   March;\nshe returns early - June, 2019 or this coming\nTuesday at 9 pm.",
    "Prices rose (Sept. 3-7, 2018) and fell on Dec 21st of last year.",
    "MAYOR MAYS met on WEDNESDAY, not on wednesday, in the Marches on 3 Jan.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_anchored_scan_matches_the_full_scan(text):
    openings = _openings(text)
    found = 0
    for pattern, handler in PATTERNS:
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in
               _matches(pattern, text, openings.get(handler.__name__))]
        assert got == want, handler.__name__
        found += len(want)
    assert found  # each text holds expressions of the anchored patterns


def test_longest_prefix_opens_the_match():
    text = "It ended on Monday, the 5th of March 2020."
    pattern, handler = PATTERNS[0]  # full dates
    assert [m.group() for m in _matches(pattern, text, _openings(text)[handler.__name__])] \
        == ["Monday, the 5th of March 2020"]
