"""Calendar arithmetic for time expressions: periods, their parts, and anchored weekdays.

Kept apart from the patterns so the conventions (Monday-first weeks, thirds of a period for
"early/mid/late", meteorological seasons) live in one place.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

Range = tuple[date, date]

# "early", "mid" and "late" cut a period into thirds; the synonyms map onto them.
PART = {
    "early": 0, "beginning": 0, "start": 0,
    "mid": 1, "middle": 1,
    "late": 2, "end": 2, "close": 2,
}

# Northern-hemisphere meteorological seasons: (first month, number of months).
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def month_range(year: int, month: int) -> Range:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31)


def week_range(day: date) -> Range:
    """The Monday-to-Sunday week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def part_of(span: Range, part: str) -> Range:
    """The early / mid / late third of a period (by days, so it works for months and years)."""
    lo, hi = span
    n = (hi - lo).days + 1
    third = PART[part]
    a = lo + timedelta(days=round(n * third / 3))
    b = lo + timedelta(days=round(n * (third + 1) / 3) - 1)
    return a, b


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` units (negative for the past); months clip to the month's end."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "month":
        return day + relativedelta(months=n)
    if unit == "year":
        return day + relativedelta(years=n)
    if unit == "decade":
        return day + relativedelta(years=10 * n)
    raise ValueError(unit)


def period_of(day: date, unit: str) -> Range:
    """The calendar week, month or year that holds ``day``."""
    if unit == "week":
        return week_range(day)
    if unit == "month":
        return month_range(day.year, day.month)
    return year_range(day.year)


def weekday_near(ref: date, weekday: int, mode: str) -> date:
    """The ``weekday`` (0 = Monday) nearest ``ref`` in the given direction.

    mode: ``past`` on or before ref, ``future`` on or after, ``last`` strictly before,
    ``next`` strictly after.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if mode == "past":
        return ref - timedelta(days=back)
    if mode == "last":
        return ref - timedelta(days=back or 7)
    if mode == "future":
        return ref + timedelta(days=ahead)
    return ref + timedelta(days=ahead or 7)


def month_day_near(ref: date, month: int, day: int, future: bool) -> date | None:
    """The month/day without a year: the latest not after ``ref`` or, when future, the next."""
    try:
        cand = date(ref.year, month, day)
        if future and cand < ref:
            return date(ref.year + 1, month, day)
        if not future and cand > ref:
            return date(ref.year - 1, month, day)
    except ValueError:  # 29 February in a common year, 31 April
        return None
    return cand


def month_near(ref: date, month: int, mode: str) -> Range:
    """A month name without a year: this year's unless the direction says otherwise.

    mode: ``past`` (latest month starting on or before ref), ``future`` (next one ending on
    or after ref), ``last`` (strictly before ref's month), ``next`` (strictly after).
    """
    year = ref.year
    if mode in ("past", "last"):
        if month > ref.month or (mode == "last" and month == ref.month):
            year -= 1
    elif month < ref.month or (mode == "next" and month == ref.month):
        year += 1
    return month_range(year, month)


def season_range(year: int, season: str) -> Range:
    """A season of ``year``; winter is the one that starts in December of that year."""
    first = SEASONS[season]
    lo = date(year, first, 1)
    hi = lo + relativedelta(months=3) - timedelta(days=1)
    return lo, hi


def season_near(ref: date, season: str, mode: str) -> Range:
    """``last summer``, ``this winter``, ``next spring`` relative to ``ref``."""
    current = season_range(ref.year, season)
    if season == "winter" and ref.month <= 2:
        current = season_range(ref.year - 1, season)
    if mode == "last":
        if current[1] >= ref:  # not over yet: the one before
            current = season_range(current[0].year - 1, season)
    elif mode == "next":
        if current[0] <= ref:
            current = season_range(current[0].year + 1, season)
    return current
