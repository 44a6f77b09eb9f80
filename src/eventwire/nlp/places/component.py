"""The ``eventwire_places`` component: toponyms found and resolved to GeoNames entries.

Recognition is the rule table of ``recognition.py``.  Resolution gives every gazetteer
candidate of a toponym a score by the learned ranker (``ranker.py``) over features of the
mention and of the article's other places (countries and regions mentioned elsewhere in it,
towns near each other, the dateline, a qualifier such as "Paris, Texas"), in two rounds, and
keeps the relation words around it ("near Baghdad", "south of Tikrit", "central Mali").
"""

from __future__ import annotations

import math
import re
from collections import Counter, OrderedDict
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.models import Place
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.places.gazetteer import (
    POINTS,
    Entry,
    gazetted,
    load_gazetteer,
    norm,
    variants,
)
from eventwire.nlp.places.ranker import (
    NEAR_KM,
    Mention,
    dynamic_features,
    km,
    load_ranker,
    mention_features,
    support_features,
)
from eventwire.nlp.places.recognition import (
    RULES,
    Toponym,
    known_name_automaton,
    local_towns,
    recognise,
)
from eventwire.nlp.places.rules import (
    DIRECTION_WORDS,
    GENERIC_PART,
    LAND_FORM_WORDS,
    LOCAL_OF_AFTER,
    NATURAL_FEATURE,
    RELATION_BEFORE,
    STATE_ABBREVIATIONS,
    WATER_BODY,
    currency_countries,
)

# Sites and businesses named after a place ("Victoria Park", "West Coast Bank"): they lie in
# the story's town, not in a namesake abroad.
FACILITY = re.compile(r"\s(?:Park|Square|Stadium|Airport|Bridge|Hospital|University|College|"
                      r"Mall|Market|Station|Gardens?|Center|Centre|Hall|Bank|Bancorp|"
                      r"Company|Corp\.?|Corporation|Inc\.?|Hotel|Motel|Church|Museum|"
                      r"Theat(?:er|re)|Restaurant|Store|Plant|Factory|Mine|Farms?)$")
HOME_MIN_PLACES = 5  # a publisher's earlier places needed before they count as its home
HOME_MIN_MARGIN = 1.0  # only places resolved with this lead over the runner-up count
MAX_SOURCES = 2_000  # publishers remembered (the least recently seen are forgotten)
FACILITY_TOWN_MAX_POPULATION = 50_000  # a namesake bigger than this is a town in its own right
PERSON_RULE = "ner:PERSON-as-place"
INNER_KINDS = {"country", "admin1", "region", "continent", "water"}  # found inside longer names
# Never a lake or river by another name.  A state may be ("Delaware Bay", "Lake Michigan"):
# one named like a water body lies on it, a county or town of that name may be anywhere.
_LAND_KINDS = {"admin2", "city", "capital"}
LOCAL_AREA_MIN = 2  # places in one region that make a story local to it

# Continents and the hand-kept regions and seas have no population: a fixed prior, as for a
# place of a few million people.  Countries and regions outrank their namesake towns.
_FIXED_PRIOR = {"continent": 9.5, "region": 8.5, "water": 8.5}
_KIND_PRIOR = {"country": 2.7, "admin1": 1.0, "capital": 1.0, "city": 0.0, "admin2": -0.5}


class PlacesComponent:
    """Finds toponyms in a Doc and writes ``doc._.places``."""

    def __init__(self, nlp: Language, name: str, use_matcher: bool = True,
                 demonyms: bool = True):
        self.name = name
        self.use_matcher = use_matcher
        self.demonyms = demonyms
        self.gaz = load_gazetteer()
        self.ranker = load_ranker()
        off = ({"known-names"} if not use_matcher else set()) | (
            {"demonyms"} if not demonyms else set())
        self.rules = tuple((n, rule) for n, rule in RULES if n not in off)
        # publisher -> its earlier articles' places by country and region ("n": how many)
        self.homes: OrderedDict[str, Counter] = OrderedDict()
        if use_matcher:
            known_name_automaton()

    def __call__(self, doc: Doc) -> Doc:
        article_id = doc._.article_id or ""  # an extension attribute is slow to read
        doc._.places = [self._place(article_id, t) for t in self.toponyms(doc)]
        return doc

    def toponyms(self, doc: Doc) -> list[Toponym]:
        """The toponyms of a Doc, recognised and resolved (``pick``), with the ranker's
        features of every candidate."""
        text = doc._.text
        toponyms = recognise(doc, self.rules, self.gaz)
        self._resolve(doc, text, toponyms)
        toponyms = _without_foreign_persons(text, toponyms)
        toponyms = _without_full_person_names(doc, toponyms)
        guesses = {t.text for t in toponyms if _unsupported_guess(t)}
        toponyms = [t for t in toponyms if t.text not in guesses
                    or not (t.rule.startswith(("ner:", "discourse")))]
        toponyms = _without_foreign_small_towns(toponyms)
        self._remember(doc._.source, toponyms)
        area = _local_area([t.pick for t in toponyms if t.pick is not None])
        if area is not None:
            toponyms = sorted(toponyms + local_towns(doc, self.gaz, toponyms, area),
                              key=lambda t: t.start)
        return toponyms

    # resolution --------------------------------------------------------------------------
    def _resolve(self, doc: Doc, text: str, toponyms: list[Toponym]) -> None:
        for t in toponyms:
            if t.relation is None:
                t.relation = _relation_before(text, t.start)
            abbrev = STATE_ABBREVIATIONS.get(t.text.replace(" ", "").rstrip(".").lower())
            if abbrev and (t.text.endswith(".") or t.text.isupper() or len(t.text) > 2):
                cands = [e for e in self.gaz.lookup(abbrev) if e.kind == "admin1" and e.cc == "US"]
                if cands:
                    t.candidates = cands
            if not t.candidates:
                m = GENERIC_PART.match(t.text)  # "Catawba River", "Nyanza Province"
                t.candidates = self.gaz.lookup(m.group("name")) if m else []
                if NATURAL_FEATURE.search(t.text):
                    t.candidates = [e for e in t.candidates if e.kind not in {"city", "capital"}]
            if not t.candidates:
                t.candidates = self._inner_name(t.text)
            if WATER_BODY.search(t.text):
                water = [e for e in t.candidates if not _land_namesake(t.text, e)]
                if t.candidates and not water:
                    t.rule += ":water"  # a known name, as a water body: a place unresolved
                t.candidates = water
            head, _, rest = t.text.partition(" ")
            if head.lower() in DIRECTION_WORDS and not self.gaz.lookup(t.text) and rest:
                t.relation = head.lower()  # "Central Mali": Mali, centrally
            if t.dateline:
                t.candidates = _towns_first(t.candidates)
        self._qualifiers(text, toponyms)
        _kind_hints(text, toponyms)
        groups: dict[str, list[Toponym]] = {}
        for t in toponyms:
            groups.setdefault(norm(t.text), []).append(t)
        for ts in groups.values():
            _local_namesake(text, ts)
        currency = currency_countries(text)
        names = [list(dict.fromkeys(e for t in ts for e in t.candidates))
                 for ts in groups.values()]
        for ts, cands, rows in zip(groups.values(), names, support_features(names),
                                   strict=True):
            support = dict(zip(cands, rows, strict=True))
            for t in ts:
                t.rows = [m + support[e] for e, m in zip(t.candidates, mention_features(Mention(
                    t.text, t.dateline, t.candidates, text[max(0, t.start - 40):t.start],
                    text[t.end:t.end + 20], t.within, t.qualifier, t.kind_hint, currency)),
                    strict=True)]
                t.static = [self.ranker.static_score(row) for row in t.rows]
                t.dynamic = [[] for _ in t.candidates]
        context = Counter()
        home = self._home(doc._.source)
        dateline = self._dateline(doc)
        if dateline is not None:
            context.update(_context_of(dateline, 2.0))
        opening = next((t for t in toponyms if t.dateline and t.start < 100), None)
        # Round 1: every toponym votes for the countries and regions of its candidates, in
        # proportion to how likely each is on its own; unambiguous names vote with full
        # weight.  Round 2: the picks of round 1 vote.  A toponym never votes for itself.
        # Repeated mentions of one name vote once, and not for themselves.
        own = {key: self._soft_votes(ts[0]) for key, ts in groups.items()}
        picks: dict[int, Entry | None] = {}
        anchors: dict[str, Entry] = {}  # round 2 also favours towns near the other towns
        for _ in range(2):
            totals = Counter(context)
            for votes in own.values():
                totals.update(votes)
            for key, ts in groups.items():
                ctx = Counter(totals)
                ctx.subtract(own[key])
                near = [e for k, e in anchors.items() if k != key]
                dynamic: dict[int, tuple[list[float], float]] = {}  # shared by the mentions
                for t in ts:
                    picks[id(t)] = self._choose(t, ctx, near, dateline, home, dynamic)
                _one_sense(ts, picks)
            anchors = {key: e for key, ts in groups.items()
                       if (e := picks[id(ts[0])]) is not None and e.kind in POINTS}
            own = {key: _context_of(picks[id(ts[0])], 1.0) if picks[id(ts[0])] else Counter()
                   for key, ts in groups.items()}
            if dateline is None and opening is not None:
                dateline = picks[id(opening)]  # the story's own dateline, once resolved
        for t in toponyms:
            pick = picks[id(t)]
            if pick is None or not FACILITY.search(t.text):
                continue
            others = [p for o in toponyms if o.text != t.text and (p := picks[id(o)]) is not None]
            if (others and pick.population < FACILITY_TOWN_MAX_POPULATION
                    and all(p.cc != pick.cc for p in others)):
                picks[id(t)] = None  # "Victoria Park" in a story about London, Ontario: a
                # park of that town, not a namesake hamlet in a country the story never names
        _towns_of_the_story(toponyms, picks, self.gaz.lookup)
        _placed_where_told(text, toponyms, picks)
        scope = _scope([p for p in picks.values() if p is not None])
        for t in toponyms:
            if picks[id(t)] is None and scope is not None:
                t.rule += ":scope"  # unknown name: the place the article is about
                picks[id(t)] = scope
                t.confidence *= 0.4
            t.pick = picks[id(t)]

    def _inner_name(self, text: str) -> list[Entry]:
        """A country or region named inside a longer name the gazetteer lacks ("Province of
        Ontario", "United Russia", "Eastern Illinois Area"): the candidates of its longest
        capitalised run of words that names one, rather than the story's focus.  Towns are
        left out: "Dublin Arts Council" is the story's Dublin, which the focus gives."""
        words = text.split()
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                run = " ".join(words[i:i + n])
                if not run[:1].isupper() or all(w.lower() in DIRECTION_WORDS
                                                for w in words[i:i + n]):
                    continue  # "North West" alone is no name
                if n == 1 and run.lower() in LAND_FORM_WORDS:
                    continue  # "Danube Delta" is no mention of Nigeria's Delta State
                key = norm(run)
                cands = [e for e in self.gaz.lookup(run) if e.kind in INNER_KINDS
                         and (e.kind != "admin1" or key in variants(e.name))]
                if cands:
                    return cands
        return []

    def _home(self, source: str | None) -> Counter | None:
        """What the publisher's earlier articles name: a local paper's "Alexandria" is the
        one of its state, a headline with no other place included."""
        home = self.homes.get(source) if source else None
        if home is None or home["n"] < HOME_MIN_PLACES:
            return None
        self.homes.move_to_end(source)
        return home

    def _remember(self, source: str | None, toponyms: list[Toponym]) -> None:
        if not source:
            return
        home = self.homes.setdefault(source, Counter())
        for t in toponyms:
            if (t.pick is not None and t.margin >= HOME_MIN_MARGIN
                    and not t.rule.endswith(":scope")):
                home.update(_context_of(t.pick, 1.0))
                home["n"] += 1
        self.homes.move_to_end(source)
        while len(self.homes) > MAX_SOURCES:
            self.homes.popitem(last=False)

    def _soft_votes(self, t: Toponym) -> Counter:
        if not t.candidates:
            return Counter()
        top = max(t.static)
        weights = [math.exp((s - top) / self.ranker.temperature) for s in t.static]
        total = sum(weights)
        votes = Counter()
        for e, w in zip(t.candidates, weights, strict=True):
            votes.update(_context_of(e, w / total))
        return votes

    def _qualifiers(self, text: str, toponyms: list[Toponym]) -> None:
        """"Alexandria, La." / "Paris, Texas" / "Erbil, Iraq": the second narrows the first,
        unless both are most likely of one kind ("Niger, Nigeria and Togo": peers in a list);
        so does an apposition that says where the first lies ("Victoria, the capital of the
        Seychelles", "Kidal, in northern Mali")."""
        for a, b in zip(toponyms, toponyms[1:], strict=False):
            gap = text[a.end:b.start]
            told = _WHERE_IT_LIES.fullmatch(gap) is not None
            if (gap.strip() != "," and not told) or not b.candidates:
                continue
            area = max(b.candidates, key=_prior)
            if not told and a.candidates and max(a.candidates, key=_prior).kind == area.kind:
                continue
            if area.kind == "country":
                a.qualifier = (area.cc, "")
            elif area.kind == "admin1":
                a.qualifier = (area.cc, area.admin1)

    def _dateline(self, doc: Doc) -> Entry | None:
        line = doc._.dateline
        if not line:
            return None
        line = re.split(r"[(,:\u2014-]", line)[0].strip()
        cands = _towns_first(self.gaz.lookup(line))
        return max(cands, key=_prior) if cands else None

    def _choose(self, t: Toponym, context: Counter, near: list[Entry],
                dateline: Entry | None, home: Counter | None = None,
                dynamic: dict[int, tuple[list[float], float]] | None = None) -> Entry | None:
        """The best candidate by the ranker.  ``dynamic`` keeps each candidate's context
        features and their score (by the entry's id) for the other mentions of the name,
        which share the context: a long story repeats its places many times."""
        if not t.candidates:
            return None
        dynamic = {} if dynamic is None else dynamic
        scored = []
        for i, (e, s) in enumerate(zip(t.candidates, t.static, strict=True)):
            done = dynamic.get(id(e))
            if done is None:
                dyn = dynamic_features(e, context, self.gaz.neighbours, near, dateline, home)
                done = dynamic[id(e)] = (dyn, self.ranker.dynamic_score(dyn))
            scored.append((s + done[1], i, e))
            t.dynamic[i] = list(done[0])
        scored.sort(key=lambda x: (-x[0], x[1]))
        t.margin = (scored[0][0] - scored[1][0]) if len(scored) > 1 else 5.0
        return scored[0][2]

    def _place(self, article_id: str, t: Toponym) -> Place:
        e = t.pick
        conf = t.confidence * (0.5 + 0.5 / (1 + math.exp(-t.margin))) if e else t.confidence * 0.5
        return Place(
            article_id=article_id,
            start=t.start,
            end=t.end,
            text=t.text,
            rule=t.rule + (":resolved" if e else ":unresolved"),
            confidence=round(conf, 3),
            geonameid=e.geonameid if e else None,
            name=e.name if e else None,
            lat=e.lat if e else None,
            lon=e.lon if e else None,
            feature_class=e.feature_class if e else None,
            country=self.gaz.iso3.get(e.cc) if e and e.cc else None,
            admin1=(e.name if e.kind == "admin1" else self.gaz.admin1_name(e.cc, e.admin1))
            if e and e.admin1 else None,
            relation=t.relation,
        )


# ", the capital of", ", a town in", ", in northern": what lies between a town and the
# country or region an apposition places it in.
_WHERE_IT_LIES = re.compile(
    r",\s+(?:(?:the|a|an)\s+(?:[\w\-]+\s+){0,3}?(?:capital|city|town|village|port|"
    r"province|region|district|state|county|suburb|area)\s+(?:of|in)|in|near)"
    r"(?:\s+(?:north|south|east|west|central)[a-z\-]*)?\s+(?:the\s+)?", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")
_STATE_AFTER = re.compile(r"\s+state\b")
_STATE_BEFORE = re.compile(r"\bstate\s+of\s+(?:the\s+)?$")


def _kind_hints(text: str, toponyms: list[Toponym]) -> None:
    """"Georgia, Oklahoma, Pennsylvania and Wisconsin": names listed together are of one
    kind, so each is read as a state when most of the others can be states of the same
    country (or as a country when most can be countries); "Washington state" and "the state
    of Washington" are states."""
    chains: list[list[Toponym]] = []
    for t in toponyms:
        if chains and _LIST_GAP.fullmatch(text[chains[-1][-1].end:t.start]):
            chains[-1].append(t)
        else:
            chains.append([t])
    for chain in (c for c in chains if len(c) >= 3):
        for t in chain:
            others = [o for o in chain if o is not t]
            need = math.ceil(2 * len(others) / 3)
            states = Counter(cc for o in others
                             for cc in {e.cc for e in o.candidates if e.kind == "admin1"})
            if sum(any(e.kind == "country" for e in o.candidates) for o in others) >= need:
                t.kind_hint = ("country", "")
            elif states and states.most_common(1)[0][1] >= need:
                t.kind_hint = ("admin1", states.most_common(1)[0][0])
    for t in toponyms:
        before = _STATE_BEFORE.search(text, max(0, t.start - 300), t.start)
        if before or _STATE_AFTER.match(text, t.end):
            t.kind_hint = ("admin1", "")


def _local_namesake(text: str, mentions: list[Toponym]) -> None:
    """A country's name before a local person or institution ("a Lebanon woman", "Jordan
    Elementary") is its namesake town or state, and so are its other mentions in the story:
    the country's candidates go when the name has others."""
    if not any(LOCAL_OF_AFTER.match(text, t.end) for t in mentions):
        return
    for t in mentions:
        rest = [e for e in t.candidates if e.kind != "country"]
        if rest:
            t.candidates = rest


def _prior(e: Entry) -> float:
    """How likely a candidate is before context: log population, plus its kind."""
    if e.kind in _FIXED_PRIOR:
        return _FIXED_PRIOR[e.kind]
    return math.log10(e.population + 10) + _KIND_PRIOR.get(e.kind, 0.0)


def _one_sense(mentions: list[Toponym], picks: dict[int, Entry | None]) -> None:
    """Repeated mentions of one name in a story are one place: a mention qualified by its
    region or country ("Athens, Greece") decides for the bare repeats ("central Athens")."""
    qualified = [t for t in mentions if t.qualifier is not None and picks[id(t)] is not None]
    if not qualified or len(qualified) == len(mentions):
        return
    pick = picks[id(max(qualified, key=lambda t: t.margin))]
    for t in mentions:
        if t.qualifier is None and pick in t.candidates:
            picks[id(t)] = pick


def _towns_of_the_story(toponyms: list[Toponym], picks: dict[int, Entry | None],
                        lookup) -> None:
    """A name read as a region abroad, in a country none of the story's other places lie in,
    is the namesake town of the story's own area when that town lies near another of its
    places ("the Normandy school district" in a story of St. Louis County): a story names
    the country it goes abroad to, and a region's size weighs nothing against that."""
    others = {t.text: picks[id(t)] for t in toponyms if picks[id(t)] is not None}
    for t in toponyms:
        pick = picks[id(t)]
        if pick is None or pick.kind != "admin1":
            continue
        rest = [p for name, p in others.items() if name != t.text]
        if not rest or any(p.cc == pick.cc for p in rest):
            continue
        local = [p for p in rest if p.kind in POINTS]
        towns = [e for e in lookup(t.text) if e.kind in {"city", "capital"}
                 and any(km(e, p) < NEAR_KM for p in local)]
        if towns:
            picks[id(t)] = max(towns, key=_prior)


# After "X, Area": another name of a list ("Kiev, Minsk, Riga", "Minsk and Riga").
_LIST_AFTER = re.compile(r",\s+[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*)?\s*(?:,|and\b|or\b)"
                         r"|\s+(?:and|or)\s+[A-Z]")


def _placed_where_told(text: str, toponyms: list[Toponym],
                       picks: dict[int, Entry | None]) -> None:
    """"Stroud, Ontario", "Taji, Iraq": a town the text places in a country or region
    where the gazetteer has no town of that name is no namesake abroad ("Stroud" in
    England): it takes the point of the area it was placed in.  Names of a list ("Kiev,
    Minsk, Riga") are peers, not qualifiers."""
    for prev, a, b in zip([None, *toponyms], toponyms, toponyms[1:], strict=False):
        town, area = picks[id(a)], picks[id(b)]
        if (town is None or area is None or town.kind not in POINTS
                or area.kind not in {"country", "admin1"} or text[a.end:b.start] != ", "
                or _LIST_AFTER.match(text, b.end)
                or (prev is not None and _LIST_GAP.fullmatch(text[prev.end:a.start]))):
            continue
        if not any(e.cc == area.cc and (area.kind == "country" or e.admin1 == area.admin1)
                   for e in a.candidates):
            picks[id(a)] = area


def _towns_first(cands: list[Entry]) -> list[Entry]:
    """A dateline names a town ("WASHINGTON" is the capital, not the state): its towns when
    it has any."""
    towns = [e for e in cands if e.kind in {"city", "capital"}]
    return towns or cands


def _scope(picks: list[Entry]) -> Entry | None:
    """The article's focus, for names the gazetteer lacks (streets, rivers, neighbourhoods):
    its most mentioned town or county, else its most mentioned region or country."""
    for kinds in (POINTS, {"admin1"}, {"country"}):
        counts = Counter(e for e in picks if e.kind in kinds)
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _unsupported_guess(t: Toponym) -> bool:
    """A single word the NER called a place, or any name it called a location, that the
    gazetteer does not know, with no word before it that places something there ("in",
    "near", "from" ...): as often a person, a company, a disease ("Ebola") or a charity
    ("United Way officials") as a place, and its point would only be the story's.  So is
    a lone word whose only readings are postal towns ("Belk stores", "Jeremiah"). Later
    mentions of the name go with it.  A known name written as a water body's ("Kiser Lake"
    for Keyser) is a place, whose point is unknown."""
    if not t.rule.startswith("ner:") or t.relation is not None or ":water" in t.rule:
        return False
    if t.rule.endswith(":scope"):
        return " " not in t.text or t.rule.startswith("ner:LOC")
    # a small town abroad does not make a reading ("Bełk" in Poland for "Belk stores")
    readings = [e for e in t.candidates if t.pick is None or e.cc == t.pick.cc
                or e.population >= SMALL_TOWN_MAX_POPULATION]
    return " " not in t.text and bool(t.candidates) and not gazetted(readings)


SMALL_TOWN_MAX_POPULATION = 30_000


def _without_foreign_small_towns(toponyms: list[Toponym]) -> list[Toponym]:
    """A lone word the NER called a place whose only reading is a small town in a country
    none of the story's other places lie in is more likely a company, a product, a team or
    an adjective ("Titan drilled 20 wells", "the Olympic projects in Sochi") than that town:
    a story placed in a small town abroad names its country too."""
    def small_town(t: Toponym) -> bool:
        return (t.rule.startswith("ner:") and " " not in t.text and t.relation is None
                and t.pick is not None and t.pick.kind == "city"
                and all(e.population < SMALL_TOWN_MAX_POPULATION for e in t.candidates))

    names = {t.text for t in toponyms if small_town(t)}  # and its later mentions ("discourse")
    countries = Counter(t.pick.cc for t in toponyms
                        if t.pick is not None and t.text not in names)
    return [t for t in toponyms if t.text not in names or not countries
            or t.pick is None or countries[t.pick.cc]]


_PLACED_BEFORE = re.compile(
    r"\b(?:in|near|outside|from|residents\s+of|people\s+of|(?:city|town|village|mayor|"
    r"outskirts|streets)\s+of)\s+$", re.I)


# "Gorsuch said", "Ms. Gorsuch": the surname of a full name used on its own as a person's
# ({0}: the surname, {1}: the first name, which must not come before it).
_SURNAME_AS_PERSON = (r"(?:\b(?:Mr|Mrs|Ms|Dr)\.?\s+{0}\b|(?<!{1}\s)\b{0}(?:\s+also)?\s+"
                      r"(?:said|says|told|added|noted|explained|argued|wrote|asked)\b)")


def _without_full_person_names(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """Drop a full name the gazetteer does not know ("Jane Doakes", only the story's place
    by default) that is a person's: its surname is used alone as a person's elsewhere, or
    it stands in a list between names the NER calls persons ("Ann Lee, Jane Doakes, Bo
    Ray")."""
    text = doc._.text
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]

    def person(t: Toponym) -> bool:
        words = t.text.split()
        if (not t.rule.startswith("ner:") or ":scope" not in t.rule or len(words) < 2
                or words[0].lower() in DIRECTION_WORDS
                or not all(w[:1].isupper() and w[1:].islower() for w in words)):
            return False
        if re.search(_SURNAME_AS_PERSON.format(*map(re.escape, (words[-1], words[0]))), text):
            return True
        return _listed_among_persons(text, t, persons)

    return [t for t in toponyms if not person(t)]


def _listed_among_persons(text: str, t: Toponym, persons: list[tuple[int, int]]) -> bool:
    before = any(_LIST_GAP.fullmatch(text, e, t.start) for _, e in persons if e <= t.start)
    after = any(_LIST_GAP.fullmatch(text, t.end, s) for s, _ in persons if s >= t.end)
    return before and after


def _land_namesake(water: str, e: Entry) -> bool:
    """Land a water body's name does not name: a county, region or town it matched only
    without its water word ("Red River" and Red River Parish, "Lake Erie" and the town of
    Erie), or a postal town of the same name; "Lake Charles" the city keeps its name."""
    if e.kind not in _LAND_KINDS:
        return False
    return norm(water) not in variants(e.name) or not gazetted([e])


def _without_foreign_persons(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """A lone name the NER took for a person stays a town only in a country the story's
    other places lie in ("Obama" in a US story is the man, not the town in Japan), or when
    a word before it places something there ("residents of Gainesville"); a country, region
    or capital ("central Mali") stays."""
    countries = {t.pick.cc for t in toponyms
                 if t.pick is not None and not t.rule.startswith(PERSON_RULE)}
    placed = {t.text for t in toponyms if t.rule.startswith(PERSON_RULE)
              and _PLACED_BEFORE.search(text, max(0, t.start - 20), t.start)}
    return [t for t in toponyms if not t.rule.startswith(PERSON_RULE) or (
        t.pick is not None and (t.pick.kind != "city" or t.pick.cc in countries
                                or t.text in placed))]


def _local_area(picks: list[Entry]) -> tuple[str, str] | None:
    """The first-level region a local story is set in: the one most of its places below the
    country level lie in, named at least ``LOCAL_AREA_MIN`` times."""
    counts = Counter((e.cc, e.admin1) for e in picks if e.admin1 and e.kind != "country")
    if not counts:
        return None
    area, n = counts.most_common(1)[0]
    return area if n >= LOCAL_AREA_MIN and 2 * n > sum(counts.values()) else None


def _context_of(e: Entry, weight: float) -> Counter:
    c = Counter()
    if e.cc:
        c[("cc", e.cc)] += weight
    if e.admin1:
        c[("a1", e.cc, e.admin1)] += weight
    return c


def _relation_before(text: str, start: int) -> str | None:
    m = RELATION_BEFORE.search(text[max(0, start - 40):start])
    return m.group("rel").lower().replace("-", " ") if m else None


@lru_cache(maxsize=2)
def places_nlp(model: str, demonyms: bool = True) -> Language:
    """The spaCy model plus this component alone: enough to evaluate or try places."""
    from eventwire.nlp.model import load_bare

    nlp = load_bare(model)
    nlp.add_pipe("eventwire_places", config={"demonyms": demonyms})
    return nlp


@Language.factory("eventwire_places", default_config={"use_matcher": True, "demonyms": True},
                  assigns=["doc._.places"], requires=["token.dep", "token.lemma", "doc.ents"])
def make_places(nlp: Language, name: str, use_matcher: bool, demonyms: bool) -> PlacesComponent:
    return PlacesComponent(nlp, name, use_matcher, demonyms)
