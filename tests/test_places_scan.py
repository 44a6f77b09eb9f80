"""The fast pre-scans of the places rules never hide a match of the slow patterns."""

from __future__ import annotations

import pytest

from eventwire.nlp.places.rules import SCAN_HINTS, STREET, scan

TEXTS = [
    "SALINA, Kan. (AP) — Crews closed Highway 19 and Old Mill Rd. near the Elm Street bridge.",
    "Sen. Ann Lee, R-Elbow Lake, and Rep. Bo Kim (D-Pa.) met the Northbrook-based firm.",
    "The S.C. Highway Patrol said traffic on KY 52 and I-95 near Greer, S.C., was slow.",
    "\nCORSICANA — Residents of Moorhead, MN, voted on Tuesday.",
    "Nothing here names a road or a state: talks went on in the capital.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_the_pattern_finds(text):
    for pattern in SCAN_HINTS:
        assert [m.span() for m in scan(pattern, text)] == \
            [m.span() for m in pattern.finditer(text)], pattern.pattern[:40]


def test_a_text_without_a_street_word_is_not_scanned():
    assert list(scan(STREET, TEXTS[-1])) == []
    assert [m.group() for m in scan(STREET, TEXTS[0])] == ["Highway 19", "Old Mill Rd.",
                                                           "Elm Street"]
