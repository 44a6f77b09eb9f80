"""Publication-date lines of a text page: "Updated 2 sec ago", "Published: Oct 1, 2020 10:12".

A date line is short and mostly date: a label word or two ("Updated", "Posted on"), then a
relative or absolute date.  Relative dates resolve against the caller's ``as_of``; absolute
ones go through dateutil, then dateparser for other languages and orders.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from dateutil import parser as du_parser

_UNITS = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
    "w": 604800, "wk": 604800, "week": 604800, "weeks": 604800,
    "month": 2592000, "months": 2592000, "mo": 2592000,
    "year": 31536000, "years": 31536000, "yr": 31536000, "yrs": 31536000,
}
_RELATIVE_RE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one)\s*(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")\.?\s+ago\b",
    re.I,
)
# a day word alone or after a publication label, perhaps with a time: "Updated today",
# "Yesterday, 3:40 pm", not a name or a button that holds one ("USA Today", "Give Today")
_DAYWORD_RE = re.compile(
    r"^(?:(?:published|posted|updated|modified|last updated)\s*(?:on\s*)?:?\s*)?"
    r"(?P<word>yesterday|today|just now)\b(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}"
    r"(?:\s*[ap]\.?m\.?)?)?\W*$", re.I)
_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
# a year may run into the next text block of a naive scrape: "May 3, 20236:01 PM", "2025Jo Lee"
_YEAR = r"\d{4}(?:(?!\d)|(?=\d{1,2}:\d{2}))"
_ABSOLUTE_RE = re.compile(
    r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS + r",?\s+" + _YEAR  # 01 October 2020
    + r"|\b" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + _YEAR  # Oct 1, 2020
    + r"|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"  # 2020-10-01
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b)"  # 01/10/2020
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?)?",  # 10:12 am EST
    re.I,
)
_TIME_FIRST_RE = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?,?\s*", re.I)
_LABEL_RE = re.compile(r"[\W\d_]+")
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_CLOCK_AMPM_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?", re.I)
_SHAPE_TOKEN_RE = re.compile(r"\d+|\w+|:")
_MONTH_WORD_RE = re.compile(_MONTHS + "$", re.I)
MAX_DATE_LINE_WORDS = 12


@dataclass
class DateHit:
    """A date found on a line: the datetime, the text as on the page, and the rule used."""

    when: datetime
    text: str
    rule: str


def _label(prefix: str) -> str:
    words = [w for w in _LABEL_RE.split(prefix) if w]
    return words[0].capitalize() if words else "bare"


def _as_utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def find_date(line: str, as_of: datetime) -> DateHit | None:
    """The date a short line states, or None when the line is not a date line."""
    if len(line.split()) > MAX_DATE_LINE_WORDS:
        return None
    as_of = _as_utc(as_of)
    m = _RELATIVE_RE.search(line)
    if m:
        n = m.group("n").lower()
        count = 1 if n in ("a", "an", "one") else int(n)
        seconds = count * _UNITS[m.group("unit").lower()]
        return DateHit(as_of - timedelta(seconds=seconds), line.strip(), "relative:ago")
    m = _ABSOLUTE_RE.search(line)
    if m:
        when = _parse_absolute(m.group(0))
        if when is not None:
            label = _label(_TIME_FIRST_RE.sub("", line[: m.start()]))
            return DateHit(when, line.strip(), f"absolute:{label}")
    m = _DAYWORD_RE.match(line.strip())
    if m:
        word = m.group("word").lower()
        back = {"yesterday": 1, "today": 0, "just now": 0}[word]
        when = as_of - timedelta(days=back)
        return DateHit(when, line.strip(), f"relative:{word.replace(' ', '-')}")
    return None


def stamp_shape(hit: DateHit) -> str | None:
    """The template of a date line that stamps a post to the minute ("Anna on May 3, 2019 at
    8:02 am said:", "2 days ago at 07:52 am"), with names, numbers and month names masked;
    None for a plain date.  Comment threads repeat one template; an article's own date line
    or a timeline of days does not carry it."""
    if not (hit.rule.startswith("relative") or _CLOCK_RE.search(hit.text)):
        return None
    out: list[str] = []
    text = _CLOCK_AMPM_RE.sub(" clock ", _RELATIVE_RE.sub(" ago ", hit.text))
    for tok in _SHAPE_TOKEN_RE.findall(text):
        if tok.isdigit():
            tok = "0"
        elif _MONTH_WORD_RE.match(tok):
            tok = "M"
        elif tok[:1].isupper():
            tok = "X"
        else:
            tok = tok.lower()
        if not (tok == "X" and out and out[-1] == "X"):
            out.append(tok)
    return " ".join(out)


def _parse_absolute(text: str) -> datetime | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    try:
        with warnings.catch_warnings():  # "EST" and friends: kept as UTC rather than guessed
            warnings.simplefilter("ignore")
            return _as_utc(du_parser.parse(cleaned, fuzzy=True, dayfirst=False))
    except (ValueError, OverflowError):
        pass
    import dateparser

    # The pattern above only matches English month names, so English alone is searched:
    # letting dateparser guess the language costs seconds per call.
    return dateparser.parse(cleaned, languages=["en"],
                            settings={"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC"})
