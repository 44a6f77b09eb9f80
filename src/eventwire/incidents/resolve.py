"""Attach each new report to the incident it most likely reports, or open a new one.

Reports are taken one at a time in a fixed order (the order they were stored, then their
place in the article), each against the candidate incidents blocking found for it, so the
result depends only on the input and its order, and an incident is never re-clustered.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.incidents.match import NEAR_DAYS, loose_fit, people_reach, score, span
from eventwire.incidents.model import Incident, incident_id
from eventwire.incidents.reports import Report


@dataclass(frozen=True)
class Link:
    """One event's place: the incident, the evidence score and how it got there."""

    event_id: str
    article_id: str
    incident_id: str
    score: float | None
    rule: str  # "resolution:joined" or "resolution:opened"


# Among incidents a report fits, the better reported is the likelier (a report of an event
# many outlets cover more likely belongs with them than with a lone stray report of it):
# this much times the natural log of its events is added to the evidence.
SUPPORT_WEIGHT = 0.25
BUCKET_DAYS = 8  # width of the date buckets incidents are filed under
WIDE_BUCKETS = 8  # an incident whose dates reach more buckets (a year) is everyone's candidate


def buckets(first: date, last: date) -> range:
    """The date buckets a span of days touches."""
    return range(first.toordinal() // BUCKET_DAYS, last.toordinal() // BUCKET_DAYS + 1)


class Resolver:
    """Incidents known so far (the candidates), indexed by event type and trigger word, and
    by those with a date bucket: an incident is filed under every bucket its dates reach
    (within `NEAR_DAYS`), the undated ones and those of a wide reach under None, so a dated
    report is scored only against incidents its date can match (`score` rules every other
    one out)."""

    def __init__(self, incidents: Iterable[Incident] = ()):
        # key -> {incident id: incident}; (key, bucket) -> the same, for one date bucket
        self.by_type: dict[str, dict[str, Incident]] = defaultdict(dict)
        self.by_word: dict[str, dict[str, Incident]] = defaultdict(dict)
        self.by_type_day: dict[tuple, dict[str, Incident]] = defaultdict(dict)
        self.by_word_day: dict[tuple, dict[str, Incident]] = defaultdict(dict)
        self.touched: dict[str, Incident] = {}
        # incident id -> what it was filed by: its types and words only grow, its dates only
        # widen, so an unchanged signature means it is filed already
        self.filed: dict[str, tuple] = {}
        for inc in incidents:
            self._register(inc)

    def _register(self, inc: Incident) -> None:
        hull = inc.hull(span) if inc.days else None
        signature = (len(inc.types), len(inc.lemmas), hull)
        if self.filed.get(inc.id) == signature:
            return
        self.filed[inc.id] = signature
        near = timedelta(days=NEAR_DAYS)
        reached: Iterable[int | None] = buckets(hull[0] - near, hull[1] + near) if hull else ()
        if len(reached) > WIDE_BUCKETS or not hull:
            reached = (None,)
        for index, by_day, keys in ((self.by_type, self.by_type_day, inc.types),
                                    (self.by_word, self.by_word_day, inc.lemmas)):
            for k in keys:
                index[k].setdefault(inc.id, inc)
                for b in reached:
                    by_day[k, b].setdefault(inc.id, inc)

    def _candidates(self, index: dict, by_day: dict, key: str, r: Report,
                    reach=span) -> dict[str, Incident]:
        if r.day is None:
            return dict(index.get(key, {}))
        found = dict(by_day.get((key, None), {}))
        for b in buckets(*reach(r.day, r.precision)):
            found.update(by_day.get((key, b), {}))
        return found

    def _scan(self, r: Report, follow_up: bool = False) -> tuple[float, float, Incident] | None:
        """The best incident the report fits, as (rank, evidence, incident), among those of
        its type or word its days touch; with ``follow_up``, among those of its word the
        weeks (months, for its people) before its publication day touch."""
        reach = people_reach if follow_up else span
        found = ({} if follow_up else
                 self._candidates(self.by_type, self.by_type_day, r.type, r, reach))
        for k, inc in self._candidates(self.by_word, self.by_word_day, r.lemma, r,
                                       reach).items():
            if follow_up or r.type not in inc.types:
                found.setdefault(k, inc)
        best: tuple[float, float, Incident] | None = None
        for inc in found.values():
            s = score(r, inc, r.article_id in inc.articles, follow_up)
            if s is None:
                continue
            rank = s + SUPPORT_WEIGHT * math.log(max(inc.events, 1))
            if best is None or rank > best[0] or (rank == best[0] and inc.id < best[2].id):
                best = (rank, s, inc)
        return best

    def add(self, r: Report) -> Link:
        best = self._scan(r)
        if best is None and r.precision == "published":
            # none of its days: a follow-up of an event of its word in the weeks before?
            best = self._scan(r, follow_up=True)
        if best is None:
            inc = Incident(incident_id(r.event_id))
            inc.add(r)
            self._register(inc)
            self.touched[inc.id] = inc
            return Link(r.event_id, r.article_id, inc.id, None, "resolution:opened")
        _, s, inc = best
        disputed, follow_up = loose_fit(r, inc)
        inc.add(r, placed=not disputed, dated=not follow_up)
        self._register(inc)  # a new word or type, or a date that widens its reach
        self.touched[inc.id] = inc
        return Link(r.event_id, r.article_id, inc.id, round(s, 3), "resolution:joined")

    def resolve(self, reports: Iterable[Report]) -> list[Link]:
        return [self.add(r) for r in reports]
