"""What incident resolution knows of one event: a `Report`, built from a stored event row.

Only what tells real-world events apart is kept: kind (type, mode, trigger lemma), when
(event date with its precision, else the article's publication date), where (point and how
precise it is), who (actor codes, named participants) and what is said of it (numbers,
names in the sentence), plus the outlet and time of the report for the incident's fields.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit

# Feature classes whose point is a place on the ground (town, site, road, landmark ...).
_POINT_CLASSES = frozenset("PSLHTVRU")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\d,.]*")
_LOWER = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Capitalised words that name no participant: calendar words, titles, pronouns, fillers.
_NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept oct
nov dec today yesterday tomorrow the a an he she it they we i you his her its their our this
that these those there here mr mrs ms dr sir president minister police officials official
government state states new news but and or so if when while after before on in at of for to
by with from as said says according reuters ap afp update breaking photo video read more also
however meanwhile earlier later last first one two three four five six seven eight nine ten
updated posted published am pm gmt est edt pst bst utc http https www com
county district attorney court city state department office university school hospital
church street road avenue north south east west northern southern eastern western national
international federal general chief senior former superior supreme judge sheriff officer
governor mayor senator council ministry army party union
""".split())
# The article's lead (title and first sentences) names whom and where the story is about.
LEAD_CHARS = 600
# Event-date rules of the coder that stand for "when it was reported", not "when it happened".
PUBLICATION_RULES = frozenset({"publication_date"})
# Day and place an event only inherits from its story (events/context.py): weak evidence
# that two reports are of one incident.
INHERITED_DATE = ("story_time:", "narrative_time:")
INHERITED_PLACE = "story_place"
# Suffixes stripped to compare trigger words across inflections ("shot", "shooting").
_SUFFIXES = ("ings", "ing", "ions", "ion", "ed", "es", "s")


@dataclass(frozen=True)
class Report:
    """One event as incident resolution sees it."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    lemma: str
    day: date | None  # the event's date, else the article's publication day
    precision: str | None  # day, week, month, year, published (day of the report), None
    lat: float | None
    lon: float | None
    geo: str | None  # point, admin, country
    country: str | None
    admin1: str | None
    place: str | None
    codes: frozenset[str]  # actor codes: "IRQ", "IRQ MIL", "MIL"
    names: frozenset[str]  # words of named participants and proper nouns of the sentence
    numbers: frozenset[str]  # numbers stated in the sentence
    context: frozenset[str]  # proper nouns of the article's lead: whom the article is about
    persons: frozenset[str]  # surnames of people named in the sentence and the lead
    dead: int | None
    dead_max: int | None
    published: datetime | None
    outlet: str | None
    confidence: float
    sources: tuple[dict, ...] = ()
    targets: tuple[dict, ...] = ()
    sentence: int | None = None  # where its sentence starts in the article
    weekdays: frozenset[str] = frozenset()  # days of the week the sentence dates by ("on Friday")


# Past forms of common irregular verbs: "took" and "take", "found" and "finds" are one word.
_IRREGULAR = {w: base for base, forms in {
    "take": "took taken", "strike": "struck stricken", "find": "found", "fight": "fought",
    "catch": "caught", "steal": "stole stolen", "flee": "fled", "hold": "held", "lead": "led",
    "seek": "sought", "throw": "threw thrown", "win": "won", "lose": "lost", "sell": "sold",
    "buy": "bought", "leave": "left", "give": "gave given", "make": "made", "tell": "told",
    "say": "said", "break": "broke broken", "speak": "spoke spoken", "choose": "chose chosen",
    "drive": "drove driven", "rise": "rose risen", "run": "ran", "sink": "sank sunk",
    "shake": "shook shaken", "bite": "bit bitten", "hang": "hung", "fall": "fell fallen",
    "hide": "hid hidden", "keep": "kept", "meet": "met", "pay": "paid", "send": "sent",
    "swear": "swore sworn", "withdraw": "withdrew withdrawn", "write": "wrote written",
    "begin": "began begun", "come": "came", "go": "went gone", "see": "saw seen",
    "bring": "brought", "build": "built", "burn": "burnt", "beat": "beaten",
    "freeze": "froze frozen", "forbid": "forbade forbidden", "bear": "bore borne",
    "tear": "tore torn", "wear": "wore worn", "shoot": "shot", "slay": "slew slain",
    "blow": "blew blown", "know": "knew known", "get": "got gotten", "sit": "sat",
    "stand": "stood", "understand": "understood", "feel": "felt", "deal": "dealt",
    "hear": "heard", "mean": "meant", "teach": "taught", "think": "thought",
}.items() for w in forms.split()}
_BRITISH = re.compile(r"(?<=\w{4})is(e|ed|es|ing|ation|ations)$")  # "apologised": "apologized"


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude common stem of one word, enough to join "killing" and "killed", "took" and
    "taking", "apologised" and "apologized"."""
    w = word.lower().strip(".,;:'’\"")
    w = _IRREGULAR.get(w, w)
    w = _BRITISH.sub(r"iz\1", w)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "shott" -> "shot", "robb" -> "rob"
    return w


# Words that name one kind of action, as general English uses them (a report may say "slain"
# where another says "killed"); phrases first, matched on their words' stems.
_FAMILIES = {
    "kill": "kill killed killing murder murdered slay slain slaying slew execute executed "
            "assassinate assassinated",
    "arrest": "arrest arrested apprehend apprehended detain detained nab nabbed capture "
              "captured",
    "charge": "charge charged accuse accused indict indicted",
    "explode": "explode exploded explosion blast blew",
    "attack": "attack attacked assault assaulted storm stormed raid raided",
    "destroy": "destroy destroyed demolish demolished raze razed",
    "seize": "seize seized confiscate confiscated",
    "shoot": "shoot shot shooting",
    "burn": "burn burned torch torched",
}
_PHRASES = {"open fire": "shoot", "gun down": "shoot", "stab to death": "kill",
            "set fire": "burn", "set on fire": "burn", "take into custody": "arrest",
            "taken into custody": "arrest"}
_FAMILY = {stem(w): fam for fam, words in _FAMILIES.items() for w in words.split()}
_PHRASE = {tuple(stem(w) for w in p.split()): fam for p, fam in _PHRASES.items()}
_LONGEST = max(len(p) for p in _PHRASE)
PHRASE_GAP = 3  # words (a number, "them", "of them") a phrase's verb may stand apart by


def trigger_key(trigger: str, after: str = "") -> str:
    """What a trigger says happened, the same for inflections and plain synonyms:
    "gunned down" and "shooting" give "shoot", "slain" and "murdered" give "kill".  ``after``
    is the text that follows the trigger, for phrases the trigger only begins ("opened"
    of "opened fire")."""
    words = tuple(stem(w) for w in trigger.split() if w.strip())
    if not words:
        return ""
    longer = words + tuple(stem(w) for w in after.split()[:PHRASE_GAP + 3])
    for size in range(min(len(longer), _LONGEST), 1, -1):
        for i in range(len(words)):
            for gap in range(PHRASE_GAP + 1):  # "took 23 of them into custody"
                key = longer[i:i + 1] + longer[i + 1 + gap:i + size + gap]
                if len(key) == size and key in _PHRASE:
                    return _PHRASE[key]
    for w in words:
        if w in _FAMILY:
            return _FAMILY[w]
    return words[0]


def sentence_names(sentence: str, common: frozenset[str] = frozenset()) -> set[str]:
    """Lower-cased capitalised words past the first word of each line, leaving out words the
    article also writes in lower case (``common``): so a headline's "Killed" is no name."""
    out = set()
    for line in sentence.splitlines():
        words = _WORD.findall(line)
        for w in words[1:]:
            if len(w) < 2 or not w[0].isupper():
                continue
            low = w.lower()
            low = (low[:-2] if low.endswith(("'s", "’s")) else low).strip(".'’")
            if low not in _NOT_NAMES and low not in common:
                out.add(low)
    return out


@lru_cache(maxsize=4096)
def place_words(name: str | None) -> frozenset[str]:
    """The name words of a place's name as `sentence_names` gives them ("Gulf of Aden" ->
    gulf, aden), to find the place named in a report's text."""
    if not name:
        return frozenset()
    return frozenset(w.lower() for w in _WORD.findall(name)
                     if w[0].isupper() and w.lower() not in _NOT_NAMES)


@lru_cache(maxsize=8)
def lower_words(body: str) -> frozenset[str]:
    """Words the article writes in lower case (common words, not names)."""
    return frozenset(_LOWER.findall(body))


@lru_cache(maxsize=8)
def lead_names(body: str) -> frozenset[str]:
    """Names of the article's lead, shared by all its events (so read once per article)."""
    return frozenset(sentence_names(body[:LEAD_CHARS], lower_words(body)))


@lru_cache(maxsize=8)
def lead_persons(body: str) -> frozenset[str]:
    """People of the article's lead, shared by all its events."""
    return frozenset(person_names(body[:LEAD_CHARS], lower_words(body)))


# A run of capitalised words: a person's name is a run of two ("Vincent Jackson"), maybe
# with a middle initial; longer runs name organisations and places ("California Highway
# Patrol", "San Diego Chargers").
_CAPITAL_RUN = re.compile(r"(?<![\w.’'-])[A-Z][a-z]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w’'-]*))*")


def person_names(text: str, common: frozenset[str] = frozenset()) -> set[str]:
    """Surnames of "First Last" pairs: who a story is about.  Pairs holding a capitalised
    common word ("The Police", "Singer Detained") are not people, nor runs of more names."""
    out = set()
    for m in _CAPITAL_RUN.finditer(text):
        words = m.group().split()
        if len(words) == 3 and len(words[1]) == 2 and words[1].endswith("."):
            words = [words[0], words[2]]
        if len(words) != 2 or len(words[1]) < 3 or not words[1][1:].islower():
            continue
        if not any(w.lower().strip(".") in _NOT_NAMES or w.lower() in common for w in words):
            out.add(words[-1].lower())
    return out


_SPELLED = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_SPELLED_RE = re.compile(r"\b(" + "|".join(sorted(_SPELLED, key=len, reverse=True)) + r")\b",
                         re.I)


def numbers_in(sentence: str) -> set[str]:
    """Numbers stated, in digits or words ("four people" and "4 people" agree); years left
    out, as they say little about which event."""
    out = {_SPELLED[m.group(1).lower()] for m in _SPELLED_RE.finditer(sentence)}
    out.discard("0")
    out.discard("1")
    for m in _NUMBER.finditer(sentence):
        n = m.group().replace(",", "").rstrip(".")
        if n and not (len(n) == 4 and n.startswith(("19", "20"))):  # years say little
            out.add(n)
    return out


_WEEKDAY = re.compile(r"\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def weekdays_in(sentence: str) -> frozenset[str]:
    """Days of the week a sentence names ("on Saturday"): a report that gives no date may
    still say which day, and two reports naming other days tell of other acts."""
    return frozenset(m.group(1).lower() for m in _WEEKDAY.finditer(sentence))


def outlet_of(article: dict) -> str | None:
    """The outlet: the source or site name, else the URL's host, else None."""
    name = article.get("source") or article.get("site_name")
    if name:
        return str(name).strip().lower()
    url = article.get("url")
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def geo_precision(loc: dict | None) -> str | None:
    if not loc or loc.get("lat") is None or loc.get("lon") is None:
        return None
    fc = loc.get("feature_class") or ""
    if fc in _POINT_CLASSES:
        return "point"
    if fc == "A" and loc.get("admin1"):
        return "admin"
    return "country"


def report_of(row: dict, article: dict, body: str | None) -> Report:
    """A Report from a stored event row (JSON columns as text or parsed), its article's row
    (``published``, ``source``, ``site_name``, ``url``) and the article body."""
    sources = _json(row.get("sources")) or []
    targets = _json(row.get("targets")) or []
    loc = _json(row.get("location"))
    published = article.get("published")
    day, precision = row.get("date"), row.get("date_precision")
    if day is not None and precision is None:
        precision = "day"
    rules = _json(row.get("field_rules")) or {}
    date_rule = rules.get("date") or ""
    if date_rule in PUBLICATION_RULES or date_rule.startswith(INHERITED_DATE):
        precision = "published"  # the coder fell back on the article's or the story's day
    if (rules.get("location") or "").startswith(INHERITED_PLACE):
        loc = None  # the story's place, not one the text gives this event
    if day is None and published is not None:
        day, precision = published.date(), "published"
    sentence = body[row["sentence_start"]:row["sentence_end"]] if body else ""
    after = body[row["trigger_end"]:row["trigger_end"] + 40] if body else ""
    codes, names = set(), set()
    for a in [*sources, *targets]:
        if a.get("country"):
            codes.add(a["country"])
        if a.get("country") and a.get("sector"):
            codes.add(f"{a['country']} {a['sector']}")
        if a.get("name"):
            names.update(w.lower() for w in _WORD.findall(a["name"]) if len(w) > 1)
    common = lower_words(body) if body else frozenset()
    named, people, numbers = _sentence_facts(sentence, common)
    names |= named
    geo = geo_precision(loc)
    return Report(
        event_id=row["id"], article_id=row["article_id"], type=row["type"],
        mode=row.get("mode"), lemma=trigger_key(row.get("trigger") or "", after),
        day=day, precision=precision,
        lat=loc.get("lat") if geo else None, lon=loc.get("lon") if geo else None, geo=geo,
        country=(loc or {}).get("country") or row.get("country"),
        admin1=(loc or {}).get("admin1"), place=(loc or {}).get("name"),
        codes=frozenset(codes), names=frozenset(names),
        numbers=numbers,
        context=lead_names(body) if body else frozenset(),
        persons=people | (lead_persons(body) if body else frozenset()),
        dead=row.get("dead"), dead_max=row.get("dead_max"), published=published,
        outlet=outlet_of(article), confidence=float(row.get("confidence") or 0.0),
        sources=tuple(sources), targets=tuple(targets), weekdays=weekdays_in(sentence),
        sentence=row.get("sentence_start"),
    )


@lru_cache(maxsize=256)
def _sentence_facts(sentence: str, common: frozenset[str]) -> tuple[frozenset[str], ...]:
    """Names, people and numbers of one sentence (an article's events often share one)."""
    return (frozenset(sentence_names(sentence, common)),
            frozenset(person_names(sentence, common)), frozenset(numbers_in(sentence)))


def _json(value):
    if isinstance(value, str):
        return json.loads(value)
    return value
