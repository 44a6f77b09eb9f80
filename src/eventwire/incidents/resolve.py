"""Attach each new report to the incident it most likely reports, or open a new one.

Reports are taken one at a time in a fixed order (the order they were stored, then their
place in the article), each against the candidate incidents blocking found for it, so the
result depends only on the input and its order, and an incident is never re-clustered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.incidents.match import score
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


class Resolver:
    """Incidents known so far (the candidates), indexed by event type."""

    def __init__(self, incidents: Iterable[Incident] = ()):
        # key -> {incident id: incident}, in the order incidents became candidates
        self.by_type: dict[str, dict[str, Incident]] = defaultdict(dict)
        self.by_word: dict[str, dict[str, Incident]] = defaultdict(dict)
        self.known: dict[str, Incident] = {}
        self.touched: dict[str, Incident] = {}
        for inc in incidents:
            self._register(inc)

    def _register(self, inc: Incident) -> None:
        self.known[inc.id] = inc
        for index, keys in ((self.by_type, inc.types), (self.by_word, inc.lemmas)):
            for k in keys:
                index[k].setdefault(inc.id, inc)

    def add(self, r: Report) -> Link:
        best: tuple[float, Incident] | None = None
        seen = list(self.by_type.get(r.type, {}).values())
        others = [i for i in self.by_word.get(r.lemma, {}).values() if r.type not in i.types]
        for inc in [*seen, *others]:
            s = score(r, inc, r.article_id in inc.articles)
            if s is not None and (best is None or s > best[0]
                                  or (s == best[0] and inc.id < best[1].id)):
                best = (s, inc)
        if best is None:
            inc = Incident(incident_id(r.event_id))
            inc.add(r)
            self._register(inc)
            self.touched[inc.id] = inc
            return Link(r.event_id, r.article_id, inc.id, None, "resolution:opened")
        s, inc = best
        inc.add(r)
        self._register(inc)  # a report of another type joined through a correction
        self.touched[inc.id] = inc
        return Link(r.event_id, r.article_id, inc.id, round(s, 3), "resolution:joined")

    def resolve(self, reports: Iterable[Report]) -> list[Link]:
        return [self.add(r) for r in reports]
