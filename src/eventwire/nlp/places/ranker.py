"""The candidate ranker: every gazetteer candidate of a toponym scored by a linear model.

The features are the resolution rules turned into numbers (population, kind, how the name
matched, the words around the mention, agreement with the article's other places, nearness
to them and to the dateline), so the weights are learned instead of hand-set: the model in
``data/geo/place_ranker.json`` is a logistic regression fitted by
``scripts/train_place_ranker.py`` and applied here in plain Python (no scikit-learn at run
time).  ``HAND_WEIGHTS`` are the rules' former hand-set values, kept as the fallback model
that the training script starts from.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.nlp.places.gazetteer import POINTS, Entry, norm, variants
from eventwire.nlp.places.rules import REGION_WORDS

MODEL_FILE = "place_ranker.json"
NEAR_KM = 50.0  # places this close bear each other out
CELL_DEG = 0.5  # grid cell for finding them (wider than NEAR_KM everywhere but the poles)
AREA_KINDS = {"admin1", "admin2"}
KINDS = ("country", "admin1", "admin2", "capital", "city", "continent", "region", "water")
_FIXED = {"continent", "region", "water"}  # no population in the gazetteer
_TOWN_BEFORE = re.compile(
    r"\b(?:town|city|village|capital|port|suburb|hamlet|borough|township)\s+of\s+(?:the\s+)?$",
    re.I)
_AREA_BEFORE = re.compile(
    r"\b(?:state|province|region|county|district|country|nation|republic|governorate)\s+of"
    r"\s+(?:the\s+)?$", re.I)
_AREA_AFTER = re.compile(
    r"\s+(?:state|province|region|county|district|governorate|prefecture|oblast)\b", re.I)

# Features of the mention, then of its support among the article's other names (computed
# once per candidate), then the context of the other places as resolved (each round).
MENTION = (
    "log_population", *(f"kind_{k}" for k in KINDS),
    "alternate_name_only", "alternate_name_small", "named_city_of", "exact_name_elsewhere",
    "exact_name_elsewhere_big",
    "area_name_differs", "area_beside_big_city", "town_beside_big_area", "most_populous",
    "area_word_area", "town_word_point", "within_mismatch", "kind_hint", "qualifier",
    "dateline_capital", "dateline_log_population", "supranational", "currency_country",
)
SUPPORT = ("near_other_name", "admin1_other_name")
STATIC = MENTION + SUPPORT
DYNAMIC = ("context_country", "context_neighbour", "context_admin1", "near_other_town",
           "near_dateline", "source_country", "source_admin1")
FEATURES = STATIC + DYNAMIC

# The former hand-set scoring expressed in these features (temperature 0.7 for soft votes),
# plus the conventions that a named area ("the state of X", "X province") is the area, "the
# town of X" a town, a dateline's town the capital when one bears the name, and a story's
# money tells its country (the strength the refit keeps where its corpus has no evidence).
HAND_WEIGHTS = {
    "log_population": 1.0, "kind_country": 2.7, "kind_admin1": 1.0, "kind_admin2": -0.5,
    "kind_capital": 1.0, "kind_continent": 9.5, "kind_region": 8.5, "kind_water": 8.5,
    "alternate_name_only": -0.3, "alternate_name_small": -1.2, "named_city_of": -4.0,
    "exact_name_elsewhere": -2.0, "area_name_differs": -2.0, "area_beside_big_city": -3.0,
    "town_beside_big_area": -6.0, "within_mismatch": -20.0, "kind_hint": 4.0,
    "qualifier": 8.0, "supranational": 6.0, "area_word_area": 2.0, "town_word_point": 2.0,
    "dateline_capital": 2.0, "context_country": 3.0,
    "context_neighbour": 1.0, "context_admin1": 2.5, "near_other_town": 1.5,
    "exact_name_elsewhere_big": -0.5, "currency_country": 1.0,
    "source_country": 1.0, "source_admin1": 2.0,
}


@dataclass(frozen=True)
class Ranker:
    """Weights over ``FEATURES``; ``temperature`` scales scores into soft votes."""

    weights: tuple[float, ...]
    temperature: float = 1.0
    name: str = "ranker"

    @classmethod
    def from_dict(cls, data: dict) -> Ranker:
        w = data["weights"]
        return cls(tuple(float(w.get(f, 0.0)) for f in FEATURES),
                   float(data.get("temperature", 1.0)), str(data.get("name", "ranker")))

    def to_dict(self) -> dict:
        return {"name": self.name, "temperature": self.temperature,
                "weights": {f: round(w, 5) for f, w in zip(FEATURES, self.weights,
                                                           strict=True) if w}}

    def static_score(self, row: list[float]) -> float:
        return sum(w * x for w, x in zip(self.weights, row, strict=False) if x)

    def dynamic_score(self, row: list[float]) -> float:
        return sum(w * x for w, x in zip(self.weights[len(STATIC):], row, strict=True) if x)


HAND_RANKER = Ranker.from_dict({"weights": HAND_WEIGHTS, "temperature": 0.7, "name": "hand"})


@lru_cache(maxsize=1)
def load_ranker() -> Ranker:
    """The shipped model, or the hand-set weights when the package has none."""
    path = resources.files("eventwire") / "data" / "geo" / MODEL_FILE
    try:
        return Ranker.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        return HAND_RANKER


@dataclass
class Mention:
    """What the ranker needs to know about a toponym besides its candidates."""

    text: str
    dateline: bool
    candidates: list[Entry]
    before: str  # up to 40 characters before the mention
    after: str  # up to 20 characters after it
    within: set[str]
    qualifier: tuple[str, str] | None
    kind_hint: tuple[str, str] | None
    currency: frozenset[str] = frozenset()  # countries whose money the article counts in


def mention_features(m: Mention) -> list[list[float]]:
    """One row of ``MENTION`` features per candidate."""
    key = norm(m.text)
    cands = m.candidates
    exact = [key in variants(e.name) for e in cands]
    top_pop = max((e.population for e in cands), default=0)
    big_cities = {e.cc for e in cands if e.kind in {"city", "capital"} and e.population >= 50_000}
    big_areas = {(e.cc, e.admin1) for e in cands if e.kind in {"country", "admin1"}
                 and key == norm(e.name) and e.population >= 1_000_000}
    region_word = REGION_WORDS.search(m.text) is not None
    area_word = region_word or bool(_AREA_BEFORE.search(m.before) or _AREA_AFTER.match(m.after))
    town_word = bool(_TOWN_BEFORE.search(m.before))
    rows = []
    for e, ex in zip(cands, exact, strict=True):
        point = e.kind in {"city", "capital"}
        small = e.population < 100_000
        alt = point and not ex
        row = [
            0.0 if e.kind in _FIXED else math.log10(e.population + 10),
            *(1.0 if e.kind == k else 0.0 for k in KINDS),
            float(alt), float(alt and small),
            float(alt and norm(e.name) == key + " city"),
            float(alt and small and any(exact)),
            float(alt and not small and any(exact)),
            float(e.kind in AREA_KINDS and not region_word and norm(e.name) != key),
            float(e.kind in AREA_KINDS and not region_word and e.cc in big_cities),
            float(e.kind == "city" and small and bool(big_areas - {(e.cc, e.admin1)})),
            float(e.population == top_pop and top_pop > 0),
            float(area_word and e.kind in AREA_KINDS | {"region", "country"}),
            float(town_word and e.kind in POINTS),
            float(bool(m.within) and e.cc not in m.within),
            float(bool(m.kind_hint) and e.kind == m.kind_hint[0]
                  and e.cc == (m.kind_hint[1] or e.cc)),
            float(bool(m.qualifier) and e.cc == m.qualifier[0]
                  and (not m.qualifier[1] or e.admin1 == m.qualifier[1])),
            float(m.dateline and e.kind == "capital"),
            math.log10(e.population + 10) if m.dateline else 0.0,
            float(not e.cc),
            float(e.cc in m.currency),
        ]
        rows.append(row)
    return rows


def support_features(names: list[list[Entry]]) -> list[list[list[float]]]:
    """``SUPPORT`` rows of each name's candidates: how many of the article's other names
    have a candidate within ``NEAR_KM`` of it, and how much of the other names' candidate
    mass lies in its first-level region.  A local story's "Paris" and "Henry County" bear
    each other out in Tennessee before either is resolved."""
    grid: dict[tuple[int, int], list[tuple[int, Entry]]] = {}
    regions: dict[tuple[str, str], dict[int, float]] = {}
    for n, cands in enumerate(names):
        for e in cands:
            if e.kind in POINTS:
                grid.setdefault(_cell(e), []).append((n, e))
        areas = {(e.cc, e.admin1) for e in cands if e.admin1}
        for a in areas:
            regions.setdefault(a, {})[n] = 1.0 / len(areas)
    out = []
    for n, cands in enumerate(names):
        rows = []
        for e in cands:
            near = set()
            if e.kind in POINTS:
                la, lo = _cell(e)
                for cell in ((la + i, lo + j) for i in (-1, 0, 1) for j in (-1, 0, 1)):
                    near.update(m for m, o in grid.get(cell, ()) if m != n and m not in near
                                and km(e, o) < NEAR_KM)
            mass = sum(w for m, w in regions.get((e.cc, e.admin1), {}).items() if m != n)
            rows.append([min(len(near), 3.0), min(mass, 2.0) if e.admin1 else 0.0])
        out.append(rows)
    return out


def _cell(e: Entry) -> tuple[int, int]:
    return math.floor(e.lat / CELL_DEG), math.floor(e.lon / CELL_DEG)


def dynamic_features(e: Entry, context: Counter, neighbours: dict[str, frozenset[str]],
                     near: list[Entry], dateline: Entry | None,
                     home: Counter | None = None) -> list[float]:
    """``DYNAMIC`` features of one candidate given the article's other places and the
    places of its publisher's earlier articles (``home``: counts by country and region
    under the keys of ``context``, their number under "n")."""
    get = context.get  # not ``context[...]``: a Counter's missing key costs a Python call
    if e.cc:
        country = min(get(("cc", e.cc), 0), 2.0)
        neighbour = min(sum(get(("cc", n), 0) for n in neighbours.get(e.cc, ())), 2.0)
    else:
        country = neighbour = 0.0
    admin1 = min(get(("a1", e.cc, e.admin1), 0), 2.0) if e.admin1 else 0.0
    near_town = float(e.kind in POINTS and any(km(e, o) < 60 for o in near))
    near_dl = float(dateline is not None and dateline is not e and km(e, dateline) < 161)
    source_country = source_admin1 = 0.0
    if home and e.cc:
        source_country = home[("cc", e.cc)] / home["n"]
        source_admin1 = home[("a1", e.cc, e.admin1)] / home["n"] if e.admin1 else 0.0
    return [country, neighbour, admin1, near_town, near_dl, source_country, source_admin1]


def km(a: Entry, b: Entry) -> float:
    """Distance in km by the equirectangular approximation (enough to tell near from far)."""
    return math.hypot((a.lat - b.lat) * 111.2,
                      (a.lon - b.lon) * 111.2 * math.cos(math.radians((a.lat + b.lat) / 2)))
