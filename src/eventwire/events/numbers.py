"""Read counts as news writes them: "7", "seven", "1,200", "two dozen", "dozens", "at least 12".

Vague quantities become ranges (``dozens`` -> 24..99) so an analyst keeps the uncertainty
instead of a made-up point value.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_GROUPS = {"dozen": 12, "score": 20, "couple": 2, "pair": 2}
# Vague plurals: (low, high) bounds.
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
    "thousands": (2000, 9999), "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, 9_999_999),
    "several": (3, 9), "a few": (2, 5), "few": (2, 5), "a handful": (2, 6),
    "handful": (2, 6), "many": (10, None), "numerous": (10, None), "some": (2, None),
}


def _words_to_int(words: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for w in words:
        if w in ("and",):
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _GROUPS:
            current = max(current, 1) * _GROUPS[w]
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


_NUM = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def parse_count(text: str) -> tuple[int, int | None] | None:
    """Parse a quantity phrase into (value, max) where max is set for ranges; None if not one.

    >>> parse_count("seven")
    (7, None)
    >>> parse_count("dozens")
    (24, 99)
    """
    t = text.lower().strip().replace("\u2011", "-")
    t = re.sub(r"^(?:at least|more than|over|nearly|almost|about|around|some|up to|roughly|"
               r"approximately|an estimated|as many as)\s+", "", t)
    if t in _VAGUE:
        return _VAGUE[t][0], _VAGUE[t][1]
    m = re.match(r"^(\S+)\s*(?:-|to|or)\s*(\S+)$", t)
    if m and not t.startswith("a "):
        lo, hi = parse_count(m.group(1)), parse_count(m.group(2))
        if lo and hi and lo[1] is None and hi[1] is None and hi[0] > lo[0]:
            return lo[0], hi[0]
    parts = t.replace("-", " ").split()
    if not parts:
        return None
    if len(parts) == 1 and _NUM.match(parts[0]):
        return int(float(parts[0].replace(",", ""))), None
    if len(parts) == 2 and _NUM.match(parts[0]) and parts[1] in _SCALES:
        return int(float(parts[0].replace(",", "")) * _SCALES[parts[1]]), None
    value = _words_to_int(parts)
    return (value, None) if value is not None else None


def is_vague(text: str) -> bool:
    """ "dozens", "hundreds of", "several", "many": a quantity with no number stated."""
    t = " " + re.sub(r"[^a-z ]", " ", text.lower()) + " "
    return not re.search(r"\d", text) and any(f" {w} " in t for w in _VAGUE)
