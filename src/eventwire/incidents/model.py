"""An incident as resolution keeps it: running tallies of what its reports say.

The tallies are all resolution needs to match a new report and all the incident's fields
need, so attaching a report never reads the other members back: the cost of a new event does
not grow with the store.  Every tally is ordered deterministically (ties by key), so the same
reports in the same order give the same incident.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from eventwire.incidents.reports import Report

EARTH_KM = 6371.0088
MAX_PLACES = 12  # distinct places kept per incident (the most reported)
MAX_WORDS = 60  # names and numbers kept per incident (the most reported)


def incident_id(first_event: str) -> str:
    """Stable id from the event that opened the incident."""
    return "inc-" + hashlib.sha256(first_event.encode()).hexdigest()[:16]


def told_key(r: Report) -> str:
    """The sentence a report was told in, across the store."""
    return f"{r.article_id}@{r.sentence}"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(eq=False)
class Incident:
    id: str
    types: Counter = field(default_factory=Counter)
    modes: Counter = field(default_factory=Counter)
    lemmas: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)
    context: Counter = field(default_factory=Counter)
    persons: Counter = field(default_factory=Counter)
    days: Counter = field(default_factory=Counter)  # "YYYY-MM-DD precision" -> reports
    weekdays: Counter = field(default_factory=Counter)  # days of the week its reports name
    told: dict[str, set[str]] = field(default_factory=dict)  # "article@sentence" -> words
    places: list[dict] = field(default_factory=list)  # name, lat, lon, geo, country, admin1, n
    countries: Counter = field(default_factory=Counter)
    dead: list[list] = field(default_factory=list)  # [dead, dead_max, published, confidence]
    sources: dict = field(default_factory=dict)  # actor key -> actor dict with "n"
    targets: dict = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    events: int = 0
    first_report: datetime | None = None
    last_report: datetime | None = None
    confidence: float = 0.0
    _dated: list[tuple[date, str]] | None = field(default=None, repr=False, compare=False)
    _spans: list | None = field(default=None, repr=False, compare=False)
    _hull: tuple[date, date] | None = field(default=None, repr=False, compare=False)
    _core: frozenset[str] | None = field(default=None, repr=False, compare=False)

    # -- adding a report ---------------------------------------------------------------

    def add(self, r: Report, placed: bool = True, dated: bool = True) -> None:
        """Count a report in; ``placed`` or ``dated`` False leaves its place (and country)
        or its date out, for a report that joined although they disagree
        (`match.loose_fit`)."""
        self.events += 1
        self.types[r.type] += 1
        if r.mode:
            self.modes[r.mode] += 1
        if r.lemma:
            self.lemmas[r.lemma] += 1
        self.names.update(r.names)
        if r.sentence is not None:
            self.told.setdefault(told_key(r), set()).add(r.lemma)
        self._core = None
        self.numbers.update(r.numbers)
        self.codes.update(r.codes)
        self.context.update(r.context)
        self.persons.update(r.persons)
        _trim(self.persons, MAX_WORDS)
        _trim(self.context, MAX_WORDS)
        _trim(self.names, MAX_WORDS)
        _trim(self.numbers, MAX_WORDS)
        if dated:
            self.weekdays.update(r.weekdays)
            if r.day is not None:
                self.days[f"{r.day.isoformat()} {r.precision}"] += 1
                self._dated = self._spans = self._hull = None
        if r.country and placed:
            self.countries[r.country] += 1
        if r.geo and placed:
            self._add_place(r)
        if r.dead is not None:
            self.dead.append([r.dead, r.dead_max, r.published.isoformat() if r.published
                              else None, r.confidence])
        for side, refs in ((self.sources, r.sources), (self.targets, r.targets)):
            for a in refs:
                key = a.get("name") or " ".join(x for x in (a.get("country"), a.get("sector"))
                                                if x) or a.get("text") or ""
                if key:
                    kept = side.setdefault(key, {k: a.get(k) for k in
                                                 ("text", "name", "country", "sector")} | {"n": 0})
                    kept["n"] += 1
        self.articles.add(r.article_id)
        if r.outlet:
            self.outlets.add(r.outlet)
        if r.published is not None:
            self.first_report = min(filter(None, (self.first_report, r.published)))
            self.last_report = max(filter(None, (self.last_report, r.published)))
        self.confidence = max(self.confidence, r.confidence)

    def _add_place(self, r: Report) -> None:
        for p in self.places:
            if p["name"] == r.place and p["geo"] == r.geo and p["country"] == r.country:
                p["n"] += 1
                return
        self.places.append({"name": r.place, "lat": r.lat, "lon": r.lon, "geo": r.geo,
                            "country": r.country, "admin1": r.admin1, "n": 1})
        if len(self.places) > MAX_PLACES:
            self.places.sort(key=lambda p: (-p["n"], _GEO_RANK[p["geo"]], str(p["name"])))
            del self.places[MAX_PLACES:]

    # -- what the incident says ------------------------------------------------------------

    def dated(self) -> list[tuple[date, str]]:
        """The distinct (day, precision) pairs reported (parsed once, kept until a report
        adds a date)."""
        if self._dated is None:
            self._dated = []
            for key in self.days:
                day, precision = key.split(" ", 1)
                self._dated.append((date.fromisoformat(day), precision))
        return self._dated

    def spans(self, span_of) -> list[tuple[date, date, date, str]]:
        """(first day, last day, day, precision) per reported date, ``span_of`` giving the
        days a date stands for (kept until a report adds a date)."""
        if self._spans is None:
            self._spans = [(*span_of(d, p), d, p) for d, p in self.dated()]
        return self._spans

    def hull(self, span_of) -> tuple[date, date]:
        """(first day, last day) of all its dates' spans together (kept until a report adds a
        date); only for an incident with dates."""
        if self._hull is None:
            spans = self.spans(span_of)
            self._hull = min(s[0] for s in spans), max(s[1] for s in spans)
        return self._hull

    def core_names(self, size: int) -> frozenset[str]:
        """The ``size`` names its reports give most (sentence names and leads together)."""
        if self._core is None:
            both = self.names + self.context
            self._core = frozenset(k for k, _ in sorted(both.items(),
                                                       key=lambda kv: (-kv[1], kv[0]))[:size])
        return self._core

    def best_day(self) -> tuple[date | None, str | None]:
        """The date most reports support, the most precise first, then the earliest."""
        if not self.days:
            return None, None
        key = min(self.days, key=lambda k: (-self.days[k], _PRECISION_RANK.get(
            k.split(" ", 1)[1], 9), k))
        day, precision = key.split(" ", 1)
        return date.fromisoformat(day), precision

    def best_place(self) -> dict | None:
        if not self.places:
            return None
        return min(self.places, key=lambda p: (-p["n"], _GEO_RANK[p["geo"]], str(p["name"])))

    def best(self, tally: Counter) -> str | None:
        return min(tally, key=lambda k: (-tally[k], k)) if tally else None

    def dead_reported(self) -> tuple[int | None, int | None, int | None]:
        """(dead, lowest, highest): the latest report's count among the most confident ones,
        and the range all reports gave."""
        if not self.dead:
            return None, None, None
        counts = [d[0] for d in self.dead] + [d[1] for d in self.dead if d[1] is not None]
        top = max(d[3] for d in self.dead)
        trusted = [d for d in self.dead if d[3] >= top - 0.1]
        latest = max(trusted, key=lambda d: (d[2] or "", d[0]))
        return latest[0], min(counts), max(counts)

    def actors(self, side: dict) -> list[dict]:
        return sorted(side.values(), key=lambda a: (-a["n"], str(a.get("name") or a.get("text"))))

    # -- storage -------------------------------------------------------------------------

    def state(self) -> dict:
        """The tallies as JSON-ready values (the store's ``profile`` column)."""
        return {
            "types": self.types, "modes": self.modes, "lemmas": self.lemmas,
            "names": self.names, "numbers": self.numbers, "codes": self.codes,
            "context": self.context, "persons": self.persons,
            "days": self.days, "weekdays": self.weekdays, "places": self.places,
            "told": {k: sorted(v) for k, v in self.told.items()},
            "countries": self.countries,
            "dead": self.dead, "sources": self.sources, "targets": self.targets,
            "articles": sorted(self.articles), "outlets": sorted(self.outlets),
            "events": self.events,
            "first_report": self.first_report.isoformat() if self.first_report else None,
            "last_report": self.last_report.isoformat() if self.last_report else None,
            "confidence": self.confidence,
        }

    @classmethod
    def from_state(cls, id_: str, s: dict) -> Incident:
        first, last = s.get("first_report"), s.get("last_report")
        return cls(
            id_, **{name: Counter(s.get(name) or {}) for name in _TALLIES},
            places=list(s.get("places") or []), dead=list(s.get("dead") or []),
            told={k: set(v) for k, v in (s.get("told") or {}).items()},
            sources=dict(s.get("sources") or {}), targets=dict(s.get("targets") or {}),
            articles=set(s.get("articles") or []), outlets=set(s.get("outlets") or []),
            events=int(s.get("events") or 0),
            first_report=datetime.fromisoformat(first) if first else None,
            last_report=datetime.fromisoformat(last) if last else None,
            confidence=float(s.get("confidence") or 0.0))


_TALLIES = ("types", "modes", "lemmas", "names", "numbers", "codes", "context", "persons", "days",
            "weekdays", "countries")
_GEO_RANK = {"point": 0, "admin": 1, "country": 2}
_PRECISION_RANK = {"day": 0, "published": 1, "week": 2, "month": 3, "year": 4}


def _trim(tally: Counter, cap: int) -> None:
    if len(tally) > cap:
        for key, _ in sorted(tally.items(), key=lambda kv: (kv[1], kv[0]))[: len(tally) - cap]:
            del tally[key]
