"""The project's own grammar of English news time expressions.

Each pattern finds one kind of expression in the raw text and a handler turns the match into
a date range relative to the publication date, naming the rule it used.  Own rules rather
than dateparser for the common news forms because they must follow news conventions
(a bare weekday is the latest one on or before publication), use the tense of the sentence
and keep exact character spans; dateparser only gets what these do not cover.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from eventwire.nlp.dates import calendar as cal


@dataclass(frozen=True)
class Res:
    """A normalised expression: which rule, which dates, how precise, how sure."""

    rule: str
    lo: date | None
    hi: date | None
    precision: str
    confidence: float


@dataclass
class Ctx:
    """What a handler may look at besides its match."""

    text: str
    ref: date | None
    tense: Callable[[int, int], str | None]  # "past", "future" or None: the clause's tense
    in_ner: Callable[[int, int], bool]  # does a spaCy DATE entity cover (start, end)?
    in_name: Callable[[int, int], bool]  # is (start, end) part of a longer name ("USA Today")?

    def when(self, start: int, end: int) -> str | None:
        """The direction of (start, end): "since" points back, else the clause's tense."""
        if self.word_before(start) == "since":
            return "past"
        return self.tense(start, end)

    def future(self, start: int, end: int) -> bool:
        return self.when(start, end) == "future"

    def word_before(self, start: int) -> str:
        m = _WORD_BEFORE.search(self.text, max(0, start - 30), start)
        return m.group(1).lower() if m else ""


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")


def _cap(word: str) -> str:
    """A name whose first letter must be upper case (``March`` the month, not the verb)."""
    return f"(?-i:{word[0].upper()}){word[1:]}"


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
WD = "(?:" + "|".join(_cap(w) for w in WEEKDAY_NAMES) + r")\b"
MON_FULL = "(?:" + "|".join(_cap(m) for m in MONTH_NAMES) + r")\b"
_ABBR = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec")
MON_ABBR = "(?:" + "|".join(_cap(a) for a in _ABBR) + r")\b\.?"
MON = f"(?:{MON_FULL}|{MON_ABBR})"
DAY = r"[0-3]?\d(?!\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
TIME = r"\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
PART = r"(?:(?P<part>early|mid|late)[\s-]+|the\s+(?P<part2>end|beginning|start|middle)\s+of\s+)"
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
NUMWORDS = {w: i for i, w in enumerate(_UNITS)} | _TENS | {"a": 1, "an": 1, "hundred": 100}
_ONES = "|".join(_UNITS[1:10])
NUM = (
    r"(?<![\w-])(?:\d{1,3}|(?:" + "|".join(_TENS) + rf")(?:[\s-](?:{_ONES}))?|"
    + "|".join(sorted(set(NUMWORDS) - set(_TENS), key=len, reverse=True)) + r")(?![\w-])"
)
# Vague counts as (fewest, most) units.
VAGUE = {"few": (2, 5), "a few": (2, 5), "several": (3, 7), "couple": (2, 2), "some": (2, 5)}
VAGUE_RE = r"(?:a\s+few|few|several|a\s+couple\s+of|couple\s+of|a\s+couple)"
# Default reach of "recent days", "the coming weeks" when no count is given.
DEFAULT_REACH = {"day": 7, "week": 4, "month": 6, "year": 5, "decade": 1}
# A bare year or month name counts as a date after one of these words (else spaCy must agree).
DATE_PREPS = {
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "through", "to",
    "and", "between", "of", "around", "circa", "throughout", "early", "late", "mid", "fiscal",
    "year", "as", "or", "summer", "spring", "autumn", "fall", "winter",
}


def month_num(name: str) -> int:
    return MONTH_NAMES.index(next(m for m in MONTH_NAMES if m.startswith(name.lower()[:3]))) + 1


def _num(word: str) -> int | None:
    """"12", "twelve", "seventy-four" -> the number."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    parts = re.split(r"[\s-]", word)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMWORDS:
        return _TENS[parts[0]] + NUMWORDS[parts[1]]
    return NUMWORDS.get(word)


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _part(m: re.Match) -> str | None:
    part = m.group("part") or m.group("part2")
    return part.lower() if part else None


def _need_ref(rule: str, precision: str, confidence: float) -> Res:
    """The expression is a date, but without a publication date it cannot be pinned."""
    return Res(rule, None, None, precision, confidence)


# --- handlers: (match, ctx) -> Res, or None when the match is not a time expression ---------


def h_full_date(m: re.Match, ctx: Ctx) -> Res | None:
    mon, day = (m.group("mon"), m.group("day")) if m.group("mon") else (m.group("mon2"),
                                                                        m.group("day2"))
    try:
        d = date(int(m.group("year")), month_num(mon), _day(day))
    except ValueError:
        return None
    return Res("month-day-year", d, d, "day", 0.95)


def h_day_range(m: re.Match, ctx: Ctx) -> Res | None:
    month, d1, d2 = month_num(m.group("mon")), _day(m.group("d1")), _day(m.group("d2"))
    if not 1 <= d1 < d2 <= 31:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.ref is None:
        return _need_ref("month-day-range", "range", 0.8)
    else:
        first = cal.month_day_near(ctx.ref, month, d1, ctx.future(m.start(), m.end()))
        if first is None:
            return None
        year = first.year
    try:
        return Res("month-day-range", date(year, month, d1), date(year, month, d2), "range", 0.85)
    except ValueError:
        return None


def h_month_day(m: re.Match, ctx: Ctx) -> Res | None:
    mon, day = (m.group("mon"), m.group("day")) if m.group("mon") else (m.group("mon2"),
                                                                        m.group("day2"))
    month, dnum = month_num(mon), _day(day)
    if not 1 <= dnum <= 31:
        return None
    rel = (m.group("rel") or "").lower()
    if ctx.ref is None:
        return _need_ref("month-day", "day", 0.8)
    if rel:
        year = ctx.ref.year + {"last": -1, "this": 0, "next": 1}[rel]
        try:
            d = date(year, month, dnum)
        except ValueError:
            return None
        return Res(f"month-day-{rel}-year", d, d, "day", 0.9)
    tense = ctx.when(m.start(), m.end())
    if tense is None:  # "the Nov. 8 election": the nearer one, leaning to the past
        past = cal.month_day_near(ctx.ref, month, dnum, False)
        ahead = cal.month_day_near(ctx.ref, month, dnum, True)
        if past is None or ahead is None:
            return None
        if 2 * (ahead - ctx.ref).days < (ctx.ref - past).days:
            return Res("month-day-nearest", ahead, ahead, "day", 0.7)
        return Res("month-day", past, past, "day", 0.75)
    d = cal.month_day_near(ctx.ref, month, dnum, tense == "future")
    if d is None:
        return None
    return Res("month-day-future" if tense == "future" else "month-day", d, d, "day", 0.85)


def h_month_year(m: re.Match, ctx: Ctx) -> Res | None:
    span = cal.month_range(int(m.group("year")), month_num(m.group("mon")))
    part = _part(m)
    if part:
        return Res("month-part", *cal.part_of(span, part), "range", 0.8)
    return Res("month-year", *span, "month", 0.95)


def h_month(m: re.Match, ctx: Ctx) -> Res | None:
    mod = " ".join((m.group("mod") or "").lower().split())
    part = _part(m)
    if not mod and not part:
        before = ctx.word_before(m.start())
        if before not in DATE_PREPS and not ctx.in_ner(m.start(), m.end()):
            return None
        if m.group("mon").lower() == "may" and before not in DATE_PREPS:
            return None  # "May" the name or the verb, unless a preposition vouches for it
    rule = "month-part" if part else "month"
    if ctx.ref is None:
        return _need_ref(rule, "range" if part else "month", 0.7)
    if mod in ("last", "this past"):
        mode = "last"
    elif mod in ("next", "this coming"):
        mode = "next"
    else:
        mode = "future" if ctx.future(m.start(), m.end()) else "past"
    span = cal.month_near(ctx.ref, month_num(m.group("mon")), mode)
    if mod == "this":
        span = cal.month_range(ctx.ref.year, month_num(m.group("mon")))
    if mod in ("last", "next"):
        rule = f"month-{mod}"
    if part:
        return Res(rule, *cal.part_of(span, part), "range", 0.75)
    return Res(rule, *span, "month", 0.8)


_WD_MODE = {"last": "last", "this past": "last", "past": "last", "next": "next",
            "this coming": "next", "coming": "next"}


# "Black Friday", "Super Tuesday": named days that are not the weekday next to publication.
NAMED_DAY = {"black", "good", "cyber", "super", "ash", "maundy", "easter", "palm", "bloody",
             "holy", "giving", "whit", "shrove", "fat"}


def h_weekday(m: re.Match, ctx: Ctx) -> Res | None:
    if not m.group("mod") and ctx.word_before(m.start()) in NAMED_DAY:
        return None
    wd = WEEKDAY_NAMES.index(m.group("wd").lower())
    mod = " ".join((m.group("mod") or "").lower().split())
    week = (m.group("wk") or "").lower()
    if ctx.ref is None:
        return _need_ref("weekday", "day", 0.7)
    if week:
        offset = {"last": -7, "this": 0, "next": 7}[week]
        monday = cal.week_range(ctx.ref + timedelta(days=offset))[0]
        d = monday + timedelta(days=wd)
        return Res(f"weekday-of-{week}-week", d, d, "day", 0.9)
    mode = _WD_MODE.get(mod)
    if mode is None:
        mode = "future" if ctx.future(m.start(), m.end()) else "past"
    d = cal.weekday_near(ctx.ref, wd, mode)
    rule = {"past": "weekday-before-pub", "future": "weekday-future", "last": "weekday-last",
            "next": "weekday-next"}[mode]
    return Res(rule, d, d, "day", {"past": 0.85, "future": 0.75}.get(mode, 0.8))


_REL_DAY = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def h_rel_day(m: re.Match, ctx: Ctx) -> Res | None:
    words = m.group("w").lower().split()
    if words[:3] == ["the", "day", "before"]:
        key, offset = "day-before-yesterday", -2
    elif words[:3] == ["the", "day", "after"]:
        key, offset = "day-after-tomorrow", 2
    else:
        key, offset = words[0] if words[0] != "this" else "today", _REL_DAY[words[0]]
        if key == "last":
            key = "yesterday"  # "last night"
        if key == "tonight":
            key = "today"
    if ctx.ref is None:
        return _need_ref(key, "day", 0.9)
    d = ctx.ref + timedelta(days=offset)
    return Res(key, d, d, "day", 0.9)


def _weekend(ref: date, mode: str) -> tuple[date, date]:
    sat = cal.week_range(ref)[0] + timedelta(days=5)
    if mode == "last" or (mode == "past" and ref < sat):
        sat -= timedelta(days=7)
    elif mode == "next":
        sat += timedelta(days=7)
    return sat, sat + timedelta(days=1)


def h_rel_period(m: re.Match, ctx: Ctx) -> Res | None:
    mod = " ".join(m.group("mod").lower().split())
    unit = _unit(m.group("unit"))
    if mod.startswith("the ") and mod not in ("the past", "the last", "the coming", "the next"):
        return None  # "the previous week": relative to some other event, not to publication
    if ctx.ref is None:
        return _need_ref(f"relative-{unit}", "range", 0.8)
    ref = ctx.ref
    if unit == "weekend":
        mode = {"last": "last", "previous": "last", "this past": "past", "past": "past",
                "next": "next", "coming": "this", "this coming": "this"}.get(mod)
        if mode is None:  # "this weekend", "the coming weekend": tense decides
            mode = "this" if ctx.future(m.start(), m.end()) or ref.weekday() >= 5 else "past"
        return Res("relative-weekend", *_weekend(ref, mode), "range", 0.8)
    if mod in ("the past", "the last", "this past", "past"):
        return Res("past-n", cal.shift(ref, unit, -1), ref, "range", 0.8)
    if mod in ("the coming", "the next"):
        return Res("coming-n", ref, cal.shift(ref, unit, 1), "range", 0.7)
    step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[mod]
    if unit == "decade":
        start = (ref.year // 10 + step) * 10
        return Res("relative-decade", date(start, 1, 1), date(start + 9, 12, 31), "range", 0.8)
    span = cal.period_of(cal.shift(ref, unit, step), unit)
    return Res(f"relative-{unit}", *span, unit, 0.9)


def h_earlier_this(m: re.Match, ctx: Ctx) -> Res | None:
    adv, unit = m.group("adv").lower(), _unit(m.group("unit"))
    if ctx.ref is None:
        return _need_ref(f"{adv}-this-{unit}", "range", 0.8)
    lo, hi = cal.period_of(ctx.ref, unit)
    span = (lo, ctx.ref) if adv == "earlier" else (ctx.ref, hi)
    return Res(f"{adv}-this-{unit}", *span, "range", 0.85)


def h_part_rel(m: re.Match, ctx: Ctx) -> Res | None:
    mod, unit, part = m.group("mod").lower(), _unit(m.group("unit")), _part(m)
    if ctx.ref is None:
        return _need_ref(f"{unit}-part", "range", 0.75)
    step = {"last": -1, "the": 0, "this": 0, "next": 1}[mod]
    span = cal.period_of(cal.shift(ctx.ref, unit, step), unit)
    return Res(f"{unit}-part", *cal.part_of(span, part), "range", 0.75)


def h_ago(m: re.Match, ctx: Ctx) -> Res | None:
    unit, count = _unit(m.group("unit")), " ".join(m.group("n").lower().split())
    vague = VAGUE.get(count.replace(" of", ""))
    n = _num(count)
    if vague is None and n is None:
        return None
    if ctx.ref is None:
        return _need_ref("ago", "range" if vague else unit, 0.8)
    if vague:
        lo = cal.shift(ctx.ref, unit, -vague[1])
        hi = cal.shift(ctx.ref, unit, -vague[0])
        return Res("ago-vague", lo, hi, "range", 0.6)
    d = cal.shift(ctx.ref, unit, -n)
    conf = 0.7 if m.group("q") else 0.85
    if unit == "day":
        return Res("ago", d, d, "day", conf)
    if unit == "decade":
        return Res("ago", d, d, "year", conf * 0.8)
    return Res("ago", *cal.period_of(d, unit), unit, conf)


def h_span_n(m: re.Match, ctx: Ctx) -> Res | None:
    mod = m.group("mod").lower()
    unit = _unit(m.group("unit"))
    count = " ".join((m.group("n") or "").lower().split())
    if count:
        vague = VAGUE.get(count.replace(" of", ""))
        n = vague[1] if vague else _num(count)
        if n is None:
            return None
    else:
        n = DEFAULT_REACH[unit]
    forward = mod in ("coming", "next", "upcoming")
    rule = "coming-n" if forward else "past-n"
    if ctx.ref is None:
        return _need_ref(rule, "range", 0.7)
    other = cal.shift(ctx.ref, unit, n if forward else -n)
    span = (ctx.ref, other) if forward else (other, ctx.ref)
    return Res(rule, *span, "range", 0.75 if count else 0.6)


def h_year_part(m: re.Match, ctx: Ctx) -> Res | None:
    return Res("year-part", *cal.part_of(cal.year_range(int(m.group("year"))), _part(m)),
               "range", 0.85)


def h_year_range(m: re.Match, ctx: Ctx) -> Res | None:
    y1, y2 = int(m.group("y1")), m.group("y2")
    y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
    if not y1 < y2 <= y1 + 100:
        return None
    return Res("year-range", date(y1, 1, 1), date(y2, 12, 31), "range", 0.85)


def h_year(m: re.Match, ctx: Ctx) -> Res | None:
    y = int(m.group("year"))
    if ctx.word_before(m.start()) not in DATE_PREPS and not ctx.in_ner(m.start(), m.end()):
        return None
    if ctx.ref is not None and y > ctx.ref.year + 50:
        return None
    return Res("year", *cal.year_range(y), "year", 0.9)


def h_decade(m: re.Match, ctx: Ctx) -> Res | None:
    if m.group("short"):
        ref_year = ctx.ref.year if ctx.ref else 2000
        start = (ref_year // 100) * 100 + int(m.group("short"))
        if start > ref_year:
            start -= 100
    else:
        start = int(m.group("dec"))
    span = (date(start, 1, 1), date(start + 9, 12, 31))
    if _part(m):
        return Res("decade-part", *cal.part_of(span, _part(m)), "range", 0.8)
    return Res("decade", *span, "range", 0.85)


def h_season(m: re.Match, ctx: Ctx) -> Res | None:
    mod = " ".join((m.group("mod") or "").lower().split())
    season = m.group("season").lower()
    part = mod if mod in ("early", "late", "mid") else None
    if m.group("year"):
        span = cal.season_range(int(m.group("year")), season)
        rule = "season-year"
    elif not mod:
        return None  # "the summer": which one is for the reader to guess
    elif ctx.ref is None:
        return _need_ref("season", "range", 0.6)
    else:
        mode = {"last": "last", "this past": "last", "next": "next"}.get(mod, "this")
        span = cal.season_near(ctx.ref, season, mode)
        rule = "season"
    if part:
        span = cal.part_of(span, part)
    return Res(rule, *span, "range", 0.7)


def h_numeric(m: re.Match, ctx: Ctx) -> Res | None:
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    if y < 100:
        y += 2000 if y < 70 else 1900
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    return Res("numeric-date", d, d, "day", 0.85 if a > 12 or b > 12 or a == b else 0.75)


def h_iso(m: re.Match, ctx: Ctx) -> Res | None:
    try:
        d = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return Res("iso-date", d, d, "day", 0.95)


_I = re.IGNORECASE
_MONTHS = tuple(a for a in _ABBR if a != "sept") + ("may",)
_WEEKDAYS = WEEKDAY_NAMES
_PARTS = ("early", "mid", "late", "end of", "beginning of", "start of", "middle of")
_BACK_FORTH = ("past", "last", "recent", "coming", "next", "upcoming")
# A pattern runs on a text only when one of its words occurs in it (a substring test on the
# lower-cased text is far cheaper than a regex scan); None runs it always.
_GATES: dict[str, tuple[str, ...] | None] = {
    "h_full_date": _MONTHS, "h_day_range": _MONTHS, "h_month_day": _MONTHS,
    "h_month_year": _MONTHS, "h_month": _MONTHS, "h_weekday": _WEEKDAYS,
    "h_rel_day": ("today", "tonight", "yesterday", "tomorrow", "this", "last night", "the day"),
    "h_rel_period": None, "h_earlier_this": ("earlier", "later"), "h_part_rel": _PARTS,
    "h_ago": ("ago",), "h_span_n": _BACK_FORTH, "h_year_part": _PARTS, "h_year_range": None,
    "h_year": None, "h_decade": ("0s", "0's", "0’s"),
    "h_season": ("spring", "summer", "fall", "autumn", "winter"), "h_numeric": ("/",),
    "h_iso": ("-",),
}
PATTERNS: tuple[tuple[re.Pattern, Callable[[re.Match, Ctx], Res | None]], ...] = tuple(
    (re.compile(p, _I), h)
    for p, h in (
        (rf"\b(?:{WD},?\s+)?(?:(?P<mon>{MON})\s+(?P<day>{DAY})|(?:the\s+)?(?P<day2>{DAY})"
         rf"\s+(?:of\s+)?(?P<mon2>{MON})),?\s+(?P<year>{YEAR})", h_full_date),
        (rf"\b(?P<mon>{MON})\s+(?P<d1>{DAY})\s*(?:-|–|to|through)\s*(?P<d2>{DAY})"
         rf"(?:,?\s+(?P<year>{YEAR}))?", h_day_range),
        (rf"\b(?:{WD},?\s+)?(?:(?P<mon>{MON})\s+(?P<day>{DAY})|(?:the\s+)?(?P<day2>{DAY})"
         rf"\s+(?:of\s+)?(?P<mon2>{MON}))(?:,?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year)?"
         r"(?![\d:])", h_month_day),
        (rf"\b{PART}?(?P<mon>{MON}),?\s+(?:of\s+)?(?P<year>{YEAR})", h_month_year),
        (rf"\b(?:(?P<mod>last|next|this\s+past|this\s+coming|this)\s+|{PART})?"
         rf"(?P<mon>{MON_FULL})", h_month),
        (rf"(?:\b(?P<time1>{TIME})\s+(?:on\s+)?)?\b(?:(?P<mod>last|next|this\s+past|"
         rf"this\s+coming|this|coming|past|early|late|earlier|later)\s+)?(?P<wd>{WD})"
         r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
         r"(?:\s+of\s+(?P<wk>last|next|this)\s+week)?"
         rf"(?:,?\s+at\s+(?P<time2>{TIME}))?", h_weekday),
        (r"\b(?:(?:earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|"
         r"this\s+(?:morning|afternoon|evening)|last\s+night|the\s+day\s+before\s+yesterday|"
         r"the\s+day\s+after\s+tomorrow)\b(?:\s+(?:morning|afternoon|evening|night)\b)?",
         h_rel_day),
        (r"\b(?P<mod>this\s+past|this\s+coming|the\s+past|the\s+last|the\s+coming|the\s+next|"
         r"the\s+previous|last|this|next|past|previous|coming)\s+"
         r"(?P<unit>week|weekend|month|year|decade)\b", h_rel_period),
        (r"\b(?P<adv>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b",
         h_earlier_this),
        (rf"\b{PART}(?P<mod>the|this|last|next)\s+(?P<unit>week|month|year)\b", h_part_rel),
        (r"\b(?:(?P<q>about|around|nearly|almost|roughly|more\s+than|over|less\s+than|just|"
         rf"only|some)\s+)?(?P<n>{VAGUE_RE}|{NUM})\s+(?P<unit>days?|weeks?|months?|years?|"
         r"decades?)\s+ago\b", h_ago),
        (r"\b(?:the\s+)?(?P<mod>past|last|recent|coming|next|upcoming)\s+"
         rf"(?:(?P<n>{VAGUE_RE}|{NUM})\s+)?(?P<unit>days|weeks|months|years|decades)\b",
         h_span_n),
        (rf"\b{PART}(?P<year>{YEAR})", h_year_part),
        (rf"(?<![\w$£€.,/-])(?P<y1>{YEAR})\s*(?:-|–)\s*(?P<y2>{YEAR}|\d\d(?!\d))(?![\w%])",
         h_year_range),
        (rf"(?<![\w$£€.,/:-])(?P<year>{YEAR})(?![\w%/]|[.,]\d)", h_year),
        (rf"\b(?:the\s+)?{PART}?(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<short>\d0))['’]?s\b",
         h_decade),
        (r"\b(?:(?P<mod>last|this\s+past|this|next|early|mid|late)[\s-]+)?(?:the\s+)?"
         rf"(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?P<year>{YEAR}))?",
         h_season),
        (r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])", h_numeric),
        (r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])", h_iso),
    )
)


def _anchor(names) -> re.Pattern:
    """Where a capitalised name may open (as ``_cap`` writes it): a case-sensitive first
    letter is a fast scan, unlike a case-blind pattern.  One inside another ("MAYS") is no
    loss: no word opens between the two."""
    return re.compile("|".join(f"{w[0].upper()}(?i:{w[1:3]})" for w in names))


_MONTH_ANCHOR = _anchor(MONTH_NAMES)
_WEEKDAY_ANCHOR = _anchor(WEEKDAY_NAMES)
# Every match of these patterns holds a capitalised month or weekday name, with at most
# this many words before it ("the 5th of", "10 a.m. on this past"): only the word starts
# that close before a name can open a match, so only they are tried (scanning the whole
# text once per pattern was most of this stage's time).  Words are runs of characters
# other than white space and hyphens, the separators the patterns allow between words.
_ANCHORED: dict[str, tuple[re.Pattern, int]] = {
    "h_full_date": (_MONTH_ANCHOR, 4), "h_day_range": (_MONTH_ANCHOR, 0),
    "h_month_day": (_MONTH_ANCHOR, 4), "h_month_year": (_MONTH_ANCHOR, 3),
    "h_month": (_MONTH_ANCHOR, 3), "h_weekday": (_WEEKDAY_ANCHOR, 5),
}
_WORD = re.compile(r"[^\s-]+")
_WORD_START = re.compile(r"\b\w")


def _openings(text: str) -> dict[str, list[int]]:
    """For each anchored pattern, the word starts in reach before a name it needs."""
    words = [m.start() for m in _WORD.finditer(text)]
    names = {anchor: [m.start() for m in anchor.finditer(text)]
             for anchor in (_MONTH_ANCHOR, _WEEKDAY_ANCHOR)}
    out = {}
    for handler, (anchor, before) in _ANCHORED.items():
        starts: set[int] = set()
        for a in names[anchor]:
            first = words[max(0, bisect_right(words, a) - 1 - before)]
            starts.update(m.start() for m in _WORD_START.finditer(text, first, a + 1))
        out[handler] = sorted(starts)
    return out


def _matches(pattern: re.Pattern, text: str, openings: list[int] | None):
    """``pattern.finditer(text)``, trying only ``openings`` when they are known."""
    if openings is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for start in openings:
        if start >= pos and (m := pattern.match(text, start)):
            yield m
            pos = m.end()


@dataclass(frozen=True)
class Found:
    """One expression found in the text, with its character span."""

    start: int
    end: int
    res: Res


def find_expressions(ctx: Ctx) -> list[Found]:
    """All non-overlapping expressions the grammar recognises, longest match first."""
    cands: list[Found] = []
    low = ctx.text.lower()
    openings = _openings(ctx.text)
    for pattern, handler in PATTERNS:
        gate = _GATES[handler.__name__]
        if gate is not None and not any(word in low for word in gate):
            continue
        for m in _matches(pattern, ctx.text, openings.get(handler.__name__)):
            if ctx.in_name(m.start(), m.end()):
                continue
            res = handler(m, ctx)
            if res is not None:
                cands.append(Found(m.start(), m.end(), res))
    cands.sort(key=lambda f: (f.start - f.end, f.start))
    taken: list[Found] = []
    used = bytearray(len(ctx.text))  # characters already inside a chosen expression
    for f in cands:
        if not any(used[f.start:f.end]):
            taken.append(f)
            used[f.start:f.end] = b"\1" * (f.end - f.start)
    return combine(sorted(taken, key=lambda f: f.start), ctx)


_RANGE_OPEN = re.compile(r"\b(from|between)\s+$", _I)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", _I)
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+$", _I)


def combine(found: list[Found], ctx: Ctx) -> list[Found]:
    """Join "from X until Y" / "between X and Y" into one range and open "since X" up to
    the publication date."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        f = found[i]
        head = ctx.text[max(0, f.start - 20):f.start]
        opener = _RANGE_OPEN.search(head)
        if opener and i + 1 < len(found):
            g = found[i + 1]
            if _RANGE_GAP.match(ctx.text[f.end:g.start]) and f.res.lo and g.res.hi:
                start = f.start - (len(head) - opener.start())
                res = Res(f"from-until[{f.res.rule}|{g.res.rule}]", f.res.lo, g.res.hi, "range",
                          round(min(f.res.confidence, g.res.confidence) * 0.95, 2))
                out.append(Found(start, g.end, res))
                i += 2
                continue
        since = _SINCE.search(head)
        if since:
            start = f.start - (len(head) - since.start())
            res = replace(f.res, rule=f"since-{f.res.rule}", hi=ctx.ref if f.res.lo else None,
                          precision="range", confidence=round(f.res.confidence * 0.95, 2))
            out.append(Found(start, f.end, res))
        else:
            out.append(f)
        i += 1
    return out
