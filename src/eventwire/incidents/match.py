"""Does a report describe an incident already known?  Hard limits, then evidence.

Limits rule a pair out: another kind of event, another word in the sentence that told the
incident (one sentence, two acts), another country, a place farther away than
both places' precision allows (unless the texts name both places: one scene at two scales,
or a misread name; or the same word tells it of the same named people and the text does
not name only its own place: a misread place, at home or abroad), a date farther than both
dates' precision allows (a publication day reaches back weeks, for follow-up reports, given
more evidence, and two months when the same word tells it of the same named people).  What is
left is scored by evidence: the same trigger word, named participants and numbers both
mention, the same actors, the same day and place stated precisely; other people or another
day of the week named for the act ask more.  A report joins the best
incident whose evidence reaches the bar; the bar is lower when time and place are both stated
precisely and agree (two reports of one kind of event at one town on one day are one event),
higher when they are unknown (then the words must carry it).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from eventwire.incidents.model import Incident, km, told_key
from eventwire.incidents.reports import Report, place_words

# How far a date may be from the true day, by its precision, in days.  A publication date
# stands for an event reported within the days before it.
DAY_SLACK = {"day": 1, "published": 3, "week": 4, "range": 7, "month": 16, "year": 183}
# How far two places may be apart, by the coarser precision of the two, in km.
PLACE_KM = {"point": 30.0, "admin": 250.0}
# Evidence needed to join: time and place both precise and agreeing, one of them, neither.
BAR_PRECISE = 1.0
BAR_PARTLY = 1.5
BAR_VAGUE = 2.0
NAME_WEIGHT = 0.75
CONTEXT_WEIGHT = 0.5
SAME_ARTICLE = 1.0
NEAR_DAYS = 2  # dates this many days beyond their spans may still be one event ...
NEAR_MISS = 1.5  # ... given this much more evidence
OTHER_TYPE = 1.0  # more evidence needed when the coder gave the word another type
CORE_NAMES = 15  # an incident's names that count: its most reported, lest a big one attract all
OTHER_PEOPLE = 2.0  # ... or when the stories name other people
OTHER_WORD = 1.0  # ... or when the trigger is another word (another act at the scene?)
PLACE_MISS = 1.0  # ... or when places disagree that the stories name together
OTHER_WEEKDAY = 2.0  # ... or when the stories name other days of the week for it
# A publication date (or a day the event only takes from its story) bounds the event from
# above only: a follow-up report (charges, a trial, an anniversary) may tell of an event
# this many days before it, given this much more evidence.
FOLLOW_UP_DAYS = 30
FOLLOW_UP = 1.0
# ... and one that tells it with the same word of the same named people (charges, a plea,
# a hearing two months on), this many days before it.
PEOPLE_FOLLOW_UP_DAYS = 60


@lru_cache(maxsize=4096)
def span(day: date, precision: str | None) -> tuple[date, date]:
    """The days a date may stand for.  A month or year stated alone is normalised to its
    first day, so it covers what follows; a publication date covers the days before it.
    (Cached: every candidate pair asks it of the same few dates.)"""
    if precision == "year" and (day.month, day.day) == (1, 1):
        return day, date(day.year, 12, 31)
    if precision == "month" and day.day == 1:
        return day, day + timedelta(days=30)
    if precision == "published":
        return day - timedelta(days=DAY_SLACK["published"]), day + timedelta(days=1)
    slack = timedelta(days=DAY_SLACK.get(precision or "", 3))
    return day - slack, day + slack


@lru_cache(maxsize=4096)
def reach_span(day: date, precision: str | None,
               back: int = FOLLOW_UP_DAYS) -> tuple[date, date]:
    """The days a new report may tell of: its `span`, but a publication day reaches
    ``back`` days back, for a follow-up of an earlier event."""
    if precision == "published":
        return day - timedelta(days=back), day + timedelta(days=1)
    return span(day, precision)


def people_reach(day: date, precision: str | None) -> tuple[date, date]:
    """The days a follow-up that names the incident's people may tell of."""
    return reach_span(day, precision, PEOPLE_FOLLOW_UP_DAYS)


def day_gap(day: date, precision: str | None,
            inc: Incident) -> tuple[float, bool, bool] | None:
    """Days between the report's date span and the nearest of the incident's (0 when they
    overlap), whether two stated days agree, and whether the dates meet only as a
    follow-up meets its event (the report's publication day weeks after the incident's
    dates); None when either side has no date."""
    if day is None or not inc.days:
        return None
    lo, hi = span(day, precision)
    far_lo, far_hi = people_reach(day, precision)
    best, exact, follow_up = None, False, False
    for olo, ohi, other, p in inc.spans(span):
        gap = max(0, (olo - hi).days, (lo - ohi).days)
        if best is None or gap < best:
            best = gap
        follow_up = follow_up or max(0, (olo - far_hi).days, (far_lo - ohi).days) == 0
        if precision == "day" and p == "day" and abs((day - other).days) <= 1:
            exact = True
    return best, exact, follow_up and best > NEAR_DAYS


def _beyond_reach(day: date, precision: str | None, inc: Incident, reach=span) -> bool:
    """Whether the report's date (the days ``reach`` gives it) is too far from every date
    of the incident, judged on the days all its dates span together: no date is nearer
    than that hull, so most pairs are ruled out without walking the incident's dates."""
    lo, hi = reach(day, precision)
    first, last = inc.hull(span)
    return (first - hi).days > NEAR_DAYS or (lo - last).days > NEAR_DAYS


def place_gap(r: Report, inc: Incident) -> tuple[bool, bool] | None:
    """(within reach, both precise points that agree) over the incident's places; None when
    the report or the incident has no comparable place."""
    if r.geo not in PLACE_KM:
        return None
    near, exact, seen = False, False, False
    for p in inc.places:
        if p["geo"] not in PLACE_KM:
            continue
        seen = True
        coarse = "point" if r.geo == p["geo"] == "point" else "admin"
        d = km(r.lat, r.lon, p["lat"], p["lon"])
        if d <= PLACE_KM[coarse]:
            near = True
            exact = exact or coarse == "point"
    return (near, exact) if seen else None


def places_named_across(r: Report, inc: Incident) -> bool:
    """Whether the report's text names one of the incident's places and the incident's
    reports name the report's place: two places the stories speak of together (a suburb
    and its city, a town and its county) are more likely one scene at two scales, or one
    misread name, than two scenes."""
    said = r.names | r.context
    own = place_words(r.place)
    if not said or not own or not all(w in inc.names or w in inc.context for w in own):
        return False
    for p in inc.places:
        words = place_words(p["name"])
        if words and words <= said:
            return True
    return False


def loose_fit(r: Report, inc: Incident) -> tuple[bool, bool]:
    """(place disputed, date only a follow-up's) for a report that joins ``inc``: its place
    too far from all the incident's places (joined all the same, `places_named_across`),
    its date only a publication day weeks later.  Such a place or date is not added to the
    incident, lest a misread name or a trial's day draw reports of other events to it."""
    where = place_gap(r, inc)
    when = day_gap(r.day, r.precision, inc)
    abroad = bool(r.country and inc.countries and r.country not in inc.countries)
    return abroad or (where is not None and not where[0]), when is not None and when[2]


def misread_place(r: Report, inc: Incident) -> bool:
    """Whether the report's place, far from the incident's, is more likely misread than
    another scene: its text names one of the incident's places, or does not name its own
    (a geocoder's guess).  A text naming its own town and not theirs tells another scene."""
    said = r.names | r.context
    own = place_words(r.place)
    if own and own <= said:
        return any((words := place_words(p["name"])) and words <= said for p in inc.places)
    return True


def same_people(r: Report, inc: Incident) -> bool:
    """Whether the report names a person the incident's reports name: with the same word,
    surer than any place a geocoder gives (it reads a town as its namesake abroad)."""
    return any(p in inc.persons for p in r.persons)


def another_act_beside(r: Report, inc: Incident) -> bool:
    """Whether the sentence that tells ``r`` told the incident with another word: one
    sentence coded as two events of one kind ("captured the men and seized their boats")
    tells two acts, not one act twice."""
    words = inc.told.get(told_key(r))
    return bool(words) and r.lemma not in words


def score(r: Report, inc: Incident, same_article: bool = False,
          follow_up: bool = False) -> float | None:
    """Evidence that ``r`` reports ``inc``; None when a hard limit rules it out.  With
    ``follow_up``, a publication day may be weeks after the incident's dates."""
    same_word = bool(r.lemma) and r.lemma in inc.lemmas
    if r.type not in inc.types and not same_word:
        return None  # coders code one word in two ways at times; other words, other events
    if same_article and another_act_beside(r, inc):
        return None
    told_by_people = same_word and same_people(r, inc)
    misread = told_by_people and misread_place(r, inc)
    abroad = bool(r.country and inc.countries and r.country not in inc.countries)
    if abroad and not misread:
        return None
    if r.day is not None and inc.days and _beyond_reach(
            r.day, r.precision, inc, people_reach if follow_up else span):
        return None
    when = day_gap(r.day, r.precision, inc)
    if when is not None and when[0] > NEAR_DAYS and not (follow_up and when[2]):
        return None
    if when is not None and when[0] > FOLLOW_UP_DAYS and not told_by_people:
        return None  # months on, only a report of the same people is a follow-up
    where = place_gap(r, inc)
    misplaced = False
    if abroad:
        where, misplaced = None, True
    elif where is not None and not where[0]:
        if not (misread or places_named_across(r, inc)):
            return None
        where, misplaced = None, True
    precise_time = when is not None and when[1]
    precise_place = where is not None and where[1]
    if not same_word and not (precise_time and precise_place):
        return None
    evidence = 1.0 if same_word else 0.0
    core = inc.core_names(CORE_NAMES)
    evidence += NAME_WEIGHT * min(3, sum(1 for n in r.names if n in core))
    evidence += CONTEXT_WEIGHT * min(3, sum(1 for n in r.context if n in core))
    if any(n in inc.numbers for n in r.numbers):
        evidence += 0.5
    if any(c in inc.codes for c in r.codes):
        evidence += 0.5
    if same_article:
        evidence += SAME_ARTICLE
    if precise_time:
        evidence += 0.5
    if precise_place:
        evidence += 0.5
    bar = (BAR_PRECISE if precise_time and precise_place
           else BAR_PARTLY if precise_time or precise_place or when is not None
           else BAR_VAGUE)
    if r.type not in inc.types:
        bar += OTHER_TYPE
    if not same_word:
        bar += OTHER_WORD
    if r.persons and inc.persons and not any(p in inc.persons for p in r.persons):
        bar += OTHER_PEOPLE
    if misplaced:
        bar += PLACE_MISS
    if r.weekdays and inc.weekdays and not any(d in inc.weekdays for d in r.weekdays):
        bar += OTHER_WEEKDAY
    if when is not None and when[2]:
        bar += FOLLOW_UP
    elif when is not None and when[0] > 0:
        bar += NEAR_MISS  # dates a few days apart: a misread date, or another day
    return evidence if evidence >= bar else None
