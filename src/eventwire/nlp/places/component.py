"""The ``eventwire_places`` component: toponyms found and resolved to GeoNames entries.

Recognition takes spaCy's GPE/LOC/FAC entities plus gazetteer matches of well-known names
(countries, regions, capitals, large cities) that the small model misses or mislabels, towns
named by their institutions ("Corsicana Police Department"), streets and numbered roads
(resolved to the article's town) and, by default, demonyms ("Russian", rule "demonym").
Resolution scores every gazetteer candidate of a toponym with a population prior, the
article's context (countries and regions mentioned elsewhere in it, the dateline, a
qualifier such as "Paris, Texas") and keeps the relation words around it ("near Baghdad",
"south of Tikrit", "Iraq's autonomous Kurdish region").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.models import Place
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.places.gazetteer import Entry, load_gazetteer, norm, variants
from eventwire.nlp.places.rules import (
    COUNTY_LIST,
    COUNTY_NAMES,
    DATELINE,
    DIRECTION_WORDS,
    FUNCTION_WORDS,
    GENERIC_PART,
    INSTITUTION_WORDS,
    NATURAL_FEATURE,
    NOT_STREET_START,
    OWNER_BEFORE,
    PERSON_TITLES,
    PERSON_VERBS,
    POSSESSIVE,
    REGION_AFTER,
    RELATION_BEFORE,
    STATE_ABBREVIATIONS,
    STREET,
)

PLACE_LABELS = {"GPE": 0.85, "LOC": 0.8, "FAC": 0.6}
MATCHER_MIN_POPULATION = 100_000
SOFT_TEMPERATURE = 0.7
PERSON_TOWN_MIN_POPULATION = 10_000
# Continents and the hand-kept regions and seas have no population: a fixed prior, as for a
# place of a few million people.  Countries and regions outrank their namesake towns.
_FIXED_PRIOR = {"continent": 9.5, "region": 8.5, "water": 8.5}
_KIND_PRIOR = {"country": 2.7, "admin1": 1.0, "capital": 1.0, "city": 0.0, "admin2": -0.5}
_REGION_WORDS = re.compile(
    r"\b(county|parish|province|state|governorate|region|district|oblast|prefecture)\b", re.I
)


_POINTS = {"city", "capital", "admin2"}
_MAJOR = {"country", "admin1", "continent", "region", "water", "capital"}


def _abbreviation(text: str) -> bool:
    return text.rstrip(".").lower() in STATE_ABBREVIATIONS or bool(re.fullmatch(
        r"(?:[A-Z]\.)+[A-Z]?[a-z]*\.?", text))


def _not_a_place(doc: Doc, t: Toponym, people: set[str]) -> bool:
    """An unknown name the NER took for a place that is more likely something else: a word
    of a person's name used elsewhere, a code with digits ("H5N1"), an adjective."""
    words = t.text.split()
    if any(ch.isdigit() for ch in t.text) or any(w in people for w in words):
        return True
    span = doc.char_span(t.start, t.end)
    return span is not None and len(span) == 1 and span[0].pos_ == "ADJ"


def _reads_as_person(token) -> bool:
    """A lone name after a title ("Sen. Jones") or the subject of a speech verb ("Robertson
    said", "Patrick proposed")."""
    before = token.nbor(-1).lower_.rstrip(".") if token.i > 0 else ""
    return before in PERSON_TITLES or (token.dep_ == "nsubj"
                                       and token.head.lemma_ in PERSON_VERBS)


def _name_goes_on(token) -> bool:
    """Whether a capitalised word after a known name still belongs to the name ("Shamrock
    Street", "Sri Lankan") rather than to an institution or a lower-case tail."""
    return token.text[:1].isupper() and token.lower_ not in INSTITUTION_WORDS


def _modifier_of(ent, start: int) -> bool:
    """A place opening an organisation's name ("the Texas Department of ...") or after "of"
    in it ("University of Georgia")."""
    words = [t for t in ent if t.idx < start]
    return all(t.lower_ == "the" for t in words) or (bool(words) and words[-1].lower_ == "of")


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    rule: str
    confidence: float
    candidates: list[Entry] = field(default_factory=list)
    within: set[str] = field(default_factory=set)  # country codes the text restricts it to
    qualifier: tuple[str, str] | None = None  # (cc, admin1) from "X, Texas"
    relation: str | None = None
    margin: float = 0.0  # score lead of the chosen candidate over the runner-up
    kind_hint: tuple[str, str] | None = None  # (kind, cc or "") from a list or "X state"
    areas: set[tuple[str, str]] | None = None  # big countries and states of this name


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """Lower-cased names worth matching without the NER: countries, regions, big cities,
    counties named with their region word ("Laurel County").  Initialisms ("u s", "drc")
    are also added as written with dots ("u.s.") and only match upper case."""
    gaz = load_gazetteer()
    auto = ahocorasick.Automaton()
    for key, idx in gaz.names.items():
        for e in (gaz.entries[i] for i in idx):
            big_city = e.kind == "city" and e.population >= MATCHER_MIN_POPULATION
            county = e.kind == "admin2" and _REGION_WORDS.search(e.name) is not None
            if e.kind in {"country", "admin1", "continent", "region", "water"} or (
                (big_city or county or e.kind == "capital") and key in variants(e.name)
            ):
                if re.fullmatch(r"(?:\w )+\w", key):
                    for word in (key.replace(" ", ".") + ".", key.replace(" ", "")):
                        auto.add_word(word, word)
                elif len(key) >= 4 or " " in key or e.kind != "city":
                    auto.add_word(key, key)
                break
    auto.make_automaton()
    return auto


def _known_names(text: str) -> list[tuple[int, int]]:
    """Spans of the matcher's names in the text, at word boundaries, longest first at each
    offset."""
    low = _lower_keys(text)
    hits = []
    for end_idx, key in _automaton().iter(low):
        start = end_idx - len(key) + 1
        end = end_idx + 1
        if (start > 0 and low[start - 1].isalnum()) or (end < len(low) and low[end].isalnum()):
            continue
        hits.append((start, end))
    hits.sort(key=lambda se: (se[0], -(se[1] - se[0])))
    return hits


def _lower_keys(text: str) -> str:
    """Text folded like gazetteer keys but keeping every character's offset."""
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low.replace("-", " ").replace("\u2019", "'")


class PlacesComponent:
    """Finds toponyms in a Doc and writes ``doc._.places``."""

    def __init__(self, nlp: Language, name: str, use_matcher: bool = True,
                 demonyms: bool = True):
        self.name = name
        self.use_matcher = use_matcher
        self.demonyms = demonyms
        self.gaz = load_gazetteer()
        if use_matcher:
            _automaton()

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.text
        toponyms = self._recognise(doc, text)
        self._resolve(doc, text, toponyms)
        doc._.places = [self._place(doc, t) for t in toponyms]
        return doc

    # recognition -------------------------------------------------------------------------
    def _recognise(self, doc: Doc, full: str) -> list[Toponym]:
        found: dict[tuple[int, int], Toponym] = {}
        taken = [False] * (len(full) + 1)
        other_ents = []
        hits = _known_names(full) if self.use_matcher else []
        longer: dict[int, int] = {}  # the longest known name opening at each offset
        for start, end in hits:
            if full[start:start + 1].isupper():
                longer[start] = max(longer.get(start, 0), end)
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                other_ents.append(ent)
                continue
            tokens = list(ent)
            while tokens and tokens[0].lower_ in {"the", "a"}:
                tokens.pop(0)
            while tokens and tokens[-1].text in {"'s", "\u2019s", "'", ".", ","}:
                tokens.pop()
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if full[end:end + 1] == "." and _abbreviation(full[start:end + 1]):
                end += 1  # "W.Va." at the end of a sentence keeps its dot
            if self.use_matcher and longer.get(start, 0) > end:
                end = longer[start]  # "Guinea-Bissau", "Democratic Republic of the Congo"
            text = full[start:end]
            cands = self.gaz.lookup(text)
            grown = self._known_before(doc, full, tokens[0], end)
            if grown is not None:  # "Goz [Beida]", "New [Concord]": the NER cut the name
                start, cands = grown
                text = full[start:end]
            head, _, rest = text.partition(" ")
            if not cands and head.lower() in DIRECTION_WORDS:
                cands = self.gaz.lookup(rest)  # "North Texas", "Eastern Kentucky"
            if not cands and len(tokens) > 1:
                known = self._known_prefix(full, tokens)
                if known is not None and not _name_goes_on(tokens[len(known[0])]):
                    # "Boone County Jail", "Near East regional bureau"
                    tokens, cands = known
                    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                    text = full[start:end]
                elif tokens[-1].lower_ in INSTITUTION_WORDS:
                    other_ents.append(ent)  # "Titus County Jail": an institution, unknown
                    continue
            if (ent.label_ == "FAC" and not cands) or not text[:1].isupper():
                other_ents.append(ent)  # a street or building named after a town is no town
                continue
            found[(start, end)] = Toponym(start, end, text, f"ner:{ent.label_}",
                                          PLACE_LABELS[ent.label_], cands)
            for i in range(start, end):
                taken[i] = True
        self._streets(full, found, taken)
        people = {w for e in other_ents if e.label_ == "PERSON" for w in e.text.split()}
        surnames = {w for e in other_ents if e.label_ == "PERSON" and len(e) > 1
                    for w in e.text.split()}
        for ent in other_ents:
            # the small model often calls a lone town name a person ("the Gainesville sewer
            # system"); a word that never appears in a full personal name here is a town
            if ent.label_ != "PERSON" or len(ent) != 1 or ent.text in surnames:
                continue
            cands = [e for e in self.gaz.lookup(ent.text)
                     if e.kind != "city" or e.population >= PERSON_TOWN_MIN_POPULATION]
            if _reads_as_person(ent[0]) and not any(
                    e.kind in _MAJOR or e.population >= MATCHER_MIN_POPULATION for e in cands):
                continue  # "President Obama", "Robertson said": a person after all
            if cands and ent.text[:1].isupper() and not ent.text.isupper():
                start, end = ent.start_char, ent.end_char
                found[(start, end)] = Toponym(start, end, ent.text, "ner:PERSON-as-place",
                                              0.5, cands)
                for i in range(start, end):
                    taken[i] = True
        self._institutions(full, found, taken, other_ents)
        for key, t in list(found.items()):
            if not t.candidates and t.rule != "street" and _not_a_place(doc, t, people):
                del found[key]
            elif t.text in surnames and not any(
                    e.kind in _MAJOR or e.population >= MATCHER_MIN_POPULATION
                    for e in t.candidates):
                del found[key]  # "Obama" after "Barack Obama": the man, not a small town
        if self.demonyms:
            self._demonyms(doc, found, taken)
        if self.use_matcher:
            self._match(doc, full, found, taken, other_ents, hits)
        self._datelines(full, found, taken)
        self._county_lists(full, found, taken)
        self._propagate(full, found, taken, other_ents)
        self._possessive_regions(doc, full, found)
        return sorted(found.values(), key=lambda t: t.start)

    def _streets(self, text: str, found: dict, taken: list[bool]) -> None:
        """"Mayfield Road", "Highway 19": streets and roads, in place of the town names
        inside them ("Memphis Street" is no mention of Memphis)."""
        for m in STREET.finditer(text):
            start, end = m.span()
            if (m.group("road") and re.search(r"[A-Z]\w+ $", text[max(0, start - 30):start])
                    or m.group("name") and re.match(r" \d", text[end:end + 2])):
                continue  # "Douglas County Road 4": the county is the place named
            words = m.group().split(" ")
            while len(words) > 2 and (words[0].lower() in NOT_STREET_START
                                      or words[0].endswith(("'s", "\u2019s"))):
                start += len(words.pop(0)) + 1
            if words[0].lower() in NOT_STREET_START:
                continue
            inside = [k for k in found if start <= k[0] and k[1] <= end]
            if any(taken[start:end]) and (not inside or any(
                    taken[i] for i in range(start, end)
                    if not any(a <= i < b for a, b in inside))):
                continue  # overlaps a place it does not contain
            for key in inside:
                del found[key]
            found[(start, end)] = Toponym(start, end, text[start:end], "street", 0.6, [])
            for i in range(start, end):
                taken[i] = True

    def _known_before(self, doc: Doc, text: str, first, end: int
                      ) -> tuple[int, list[Entry]] | None:
        """The start and candidates of a longer gazetteer name ending at ``end`` that opens
        with one or two capitalised words just before ``first`` (outside any other entity, not
        "The")."""
        best = None
        for k in (1, 2):
            i = first.i - k
            if i < 0:
                break
            tok = doc[i]
            if not tok.text[:1].isupper() or tok.ent_type_ or tok.is_stop:
                break
            cands = self.gaz.lookup(text[tok.idx:end])
            if cands:
                best = (tok.idx, cands)
        return best

    def _known_prefix(self, text: str, tokens: list) -> tuple[list, list[Entry]] | None:
        """The longest run of capitalised words opening a name that the gazetteer knows,
        when more words follow it ("Chesterfield County Police" -> "Chesterfield County")."""
        for k in range(len(tokens) - 1, 0, -1):
            head = tokens[:k]
            if not all(t.text[:1].isupper() for t in head) or head[-1].is_punct:
                continue
            name = text[head[0].idx:head[-1].idx + len(head[-1].text)]
            cands = self.gaz.lookup(name)
            if not cands:
                m = GENERIC_PART.match(name)
                cands = self.gaz.lookup(m.group("name")) if m and m.group("name") != name else []
            if cands:
                return head, cands
        return None

    def _institutions(self, text: str, found: dict, taken: list[bool], other_ents) -> None:
        """"Corsicana Police Department", "the Canaan Board of Finance": an organisation or
        building named after its town names the town."""
        for ent in other_ents:
            if ent.label_ not in {"ORG", "FAC", "PERSON"} or len(ent) < 2:
                continue
            tokens = list(ent)
            while tokens and tokens[0].lower_ == "the":
                tokens.pop(0)
            known = self._known_prefix(text, tokens) if len(tokens) > 1 else None
            if known is None:
                continue
            head, cands = known
            if tokens[len(head)].lower_ not in INSTITUTION_WORDS:
                continue
            if len(head) > 1 and head[-1].lower_ in {"city", "town", "village"}:
                shorter = self._known_prefix(text, head)  # "the Athens City Council": Athens
                if shorter is not None:
                    head, cands = shorter
            if len(head) == 1 and (head[0].is_upper or head[0].lower_ in INSTITUTION_WORDS
                                   or not any(norm(head[0].text) in variants(e.name)
                                              for e in cands)):
                continue  # "HUD Office", "the City Council": no town named there
            start, end = head[0].idx, head[-1].idx + len(head[-1].text)
            if any(taken[start:end]):
                continue
            found[(start, end)] = Toponym(start, end, text[start:end], "institution", 0.6,
                                          cands)
            for i in range(start, end):
                taken[i] = True

    def _match(self, doc: Doc, text: str, found: dict, taken: list[bool], other_ents,
               hits: list[tuple[int, int]]) -> None:
        last_end = -1
        for start, end in hits:
            if start < last_end or any(taken[start:end]):
                continue
            surface = text[start:end]
            if len(surface.replace(".", "")) < 4 and not surface.isupper():
                continue  # "US", "DRC", "U.S." but not "us" or "Ada"
            words = surface.replace("-", " ").split()
            if not all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words):
                continue
            if not words[0][:1].isupper():
                continue
            span = doc.char_span(start, end)
            if span is None:
                continue
            if len(span) == 1 and (span[0].pos_ not in {"PROPN", "NOUN", "ADJ"}
                                   or span[0].lower_ in DIRECTION_WORDS):
                continue
            before = text[:start].rstrip()
            opens_sentence = not before or before[-1] in ".!?:\n\"\u201c"
            if opens_sentence and len(span) == 1 and span[0].pos_ != "PROPN":
                continue
            cands = self.gaz.lookup(surface)
            major = [e for e in cands if e.kind in _MAJOR]
            big = major or any(e.population >= MATCHER_MIN_POPULATION for e in cands)
            rule = "gazetteer"
            for e in (e for e in other_ents if e.start_char < end and start < e.end_char):
                if (e.label_ == "PERSON" and big and len(e) > 1
                        and (e.start_char, e.end_char) == (start, end)):
                    continue  # "Sri Lanka", "Sioux Falls" taken for a person's full name
                if e.label_ == "PERSON" or e.start_char < start or e.end_char > end:
                    # inside a longer name: "Texas Forest Service" names Texas, but
                    # "Jordan Peterson" and "Washington Post" do not name a place
                    if e.label_ in {"PERSON", "NORP"} or not _modifier_of(e, start):
                        cands = []
                        break
                    rule = "gazetteer:modifier"
                elif e.label_ == "PERSON" and not major:
                    cands = []
            if not cands:
                continue
            found[(start, end)] = Toponym(start, end, surface, rule, 0.7, cands)
            last_end = end
            for i in range(start, end):
                taken[i] = True

    def _demonyms(self, doc: Doc, found: dict, taken: list[bool]) -> None:
        """"Russian", "Sri Lankans": adjectival and demonym forms, resolved to their country
        and marked by their rule so that event coding can leave them out (corpora such as
        LGL count them as toponyms, others such as GeoVirus do not)."""
        for ent in doc.ents:
            if ent.label_ not in {"NORP", "GPE", "LANGUAGE"}:
                continue
            country = self.gaz.demonym(ent.text)
            start, end = ent.start_char, ent.end_char
            if country is None or (any(taken[start:end]) and (start, end) not in found):
                continue
            found[(start, end)] = Toponym(start, end, ent.text, "demonym", 0.5, [country])
            for i in range(start, end):
                taken[i] = True

    def _datelines(self, text: str, found: dict, taken: list[bool]) -> None:
        """"CORSICANA —", "SALINA, Kan.": an upper-case place opening a story or line."""
        for m in DATELINE.finditer(text):
            start, end = m.span("name")
            cands = self.gaz.lookup(m.group("name"))
            if cands and not any(taken[start:end]):
                found[(start, end)] = Toponym(start, end, m.group("name"), "dateline", 0.8,
                                              cands)
                for i in range(start, end):
                    taken[i] = True

    def _county_lists(self, text: str, found: dict, taken: list[bool]) -> None:
        """"Walton and Oconee counties": each name is a county of that name."""
        for m in COUNTY_LIST.finditer(text):
            word = "County" if m.group().lower().startswith("count") else "Parish"
            base = max(0, m.start() - 120)
            names = COUNTY_NAMES.search(text, base, m.start())
            if not names:
                continue
            for n in re.finditer(r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)?", names.group()):
                start, end = names.start() + n.start(), names.start() + n.end()
                cands = [e for e in self.gaz.lookup(f"{n.group()} {word}") if e.kind == "admin2"]
                if cands and (start, end) in found:
                    found[(start, end)].candidates = cands  # the county, not its namesake
                elif cands and not any(taken[start:end]):
                    found[(start, end)] = Toponym(start, end, n.group(), "county-list", 0.7,
                                                  cands)
                    for i in range(start, end):
                        taken[i] = True

    def _propagate(self, text: str, found: dict, taken: list[bool], other_ents) -> None:
        """One sense per discourse: a name taken for a place once is a place at its other
        capitalised mentions too (the small model often tags a town once and misses it
        later, or inside an organisation's name)."""
        people = [(e.start_char, e.end_char) for e in other_ents if e.label_ == "PERSON"]
        seen = {t.text: t for t in found.values() if t.candidates and t.rule != "dateline"
                and not t.rule.startswith("ner:PERSON")}
        for name, t in seen.items():
            for start, end in _standalone(name, text):
                if any(taken[start:end]) or any(a < end and start < b for a, b in people):
                    continue
                if _NAME_AFTER.match(text, end) or _NAME_BEFORE.search(
                    text, max(0, start - 300), start
                ):
                    continue  # part of a longer name: "Russia Today", "Kristina Olympic"
                found[(start, end)] = Toponym(start, end, name, "discourse", 0.6,
                                              list(t.candidates))
                for i in range(start, end):
                    taken[i] = True

    def _possessive_regions(self, doc: Doc, text: str, found: dict) -> None:
        """"Iraq's autonomous Kurdish region": a region resolved inside its owner country."""
        for pm in POSSESSIVE.finditer(text):
            o = OWNER_BEFORE.search(text, max(0, pm.start() - 60), pm.start())
            m = REGION_AFTER.match(text, pm.end())
            if not o or not m:
                continue
            owner = self.gaz.lookup(o.group("owner"))
            countries = {e.cc for e in owner if e.kind == "country"}
            if not countries:
                continue
            start, end = m.start("region"), m.end("region")
            name = m.group("name")
            cands = [e for e in self.gaz.lookup(m.group("region")) + self.gaz.lookup(name)
                     if e.cc in countries and e.kind in {"admin1", "admin2", "region"}]
            if not cands:
                continue
            for key in [k for k in found if k[0] < end and start < k[1]]:
                del found[key]
            found[(start, end)] = Toponym(start, end, text[start:end], "possessive-region",
                                          0.8, cands, within=countries, relation="'s region")

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
        self._qualifiers(text, toponyms)
        _kind_hints(text, toponyms)
        context = Counter()
        dateline = self._dateline(doc)
        if dateline is not None:
            context.update(_context_of(dateline, 2.0))
        # Round 1: every toponym votes for the countries and regions of its candidates, in
        # proportion to how likely each is on its own; unambiguous names vote with full
        # weight.  Round 2: the picks of round 1 vote.  A toponym never votes for itself.
        # Repeated mentions of one name vote once, and not for themselves.
        groups: dict[str, list[Toponym]] = {}
        for t in toponyms:
            groups.setdefault(norm(t.text), []).append(t)
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
                for t in ts:
                    picks[id(t)] = self._choose(t, ctx, near)
            anchors = {key: e for key, ts in groups.items()
                       if (e := picks[id(ts[0])]) is not None and e.kind in _POINTS}
            own = {key: _context_of(picks[id(ts[0])], 1.0) if picks[id(ts[0])] else Counter()
                   for key, ts in groups.items()}
        scope = _scope([p for p in picks.values() if p is not None])
        for t in toponyms:
            if picks[id(t)] is None and scope is not None:
                t.rule += ":scope"  # unknown name: the place the article is about
                picks[id(t)] = scope
                t.confidence *= 0.4
            t.candidates = [picks[id(t)]] if picks[id(t)] is not None else []

    def _soft_votes(self, t: Toponym) -> Counter:
        if not t.candidates:
            return Counter()
        scores = [self._score(t, e, Counter()) for e in t.candidates]
        top = max(scores)
        weights = [math.exp((s - top) / SOFT_TEMPERATURE) for s in scores]
        total = sum(weights)
        votes = Counter()
        for e, w in zip(t.candidates, weights, strict=True):
            votes.update(_context_of(e, w / total))
        return votes

    def _qualifiers(self, text: str, toponyms: list[Toponym]) -> None:
        """"Alexandria, La." / "Paris, Texas" / "Erbil, Iraq": the second narrows the first,
        unless both are most likely of one kind ("Niger, Nigeria and Togo": peers in a list)."""
        for a, b in zip(toponyms, toponyms[1:], strict=False):
            gap = text[a.end:b.start]
            if gap.strip() != "," or not b.candidates:
                continue
            area = max(b.candidates, key=_prior)
            if a.candidates and max(a.candidates, key=_prior).kind == area.kind:
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
        cands = self.gaz.lookup(line)
        return max(cands, key=_prior) if cands else None

    def _choose(self, t: Toponym, context: Counter, near: list[Entry] = ()) -> Entry | None:
        if not t.candidates:
            return None
        scored = [(self._score(t, e, context) + _closeness(e, near), i, e)
                  for i, e in enumerate(t.candidates)]
        scored.sort(key=lambda x: (-x[0], x[1]))
        t.margin = (scored[0][0] - scored[1][0]) if len(scored) > 1 else 5.0
        return scored[0][2]

    def _score(self, t: Toponym, e: Entry, context: Counter) -> float:
        s = _prior(e)
        key = norm(t.text)
        if e.kind in {"city", "capital"} and key not in variants(e.name):
            # matched an alternate name only: weak for towns when another place bears the name
            s -= 0.3 if e.population >= 100_000 else 1.5
            if norm(e.name) == key + " city":
                s -= 4.0  # "New York", "Mexico": the state or country, unless "... City"
            if e.population < 100_000 and any(key in variants(c.name) for c in t.candidates):
                s -= 2.0
        if e.kind in {"admin1", "admin2"} and not _REGION_WORDS.search(t.text):
            if norm(e.name) != key:
                s -= 2.0  # "Basra" is the city more often than "Basra Governorate"
            if any(c.cc == e.cc and c.kind in {"city", "capital"} and c.population >= 50_000
                   for c in t.candidates):
                s -= 3.0  # "Tehran", "New York": a big namesake city is meant by default
        if e.kind == "city" and e.population < 100_000:
            if t.areas is None:
                t.areas = {(c.cc, c.admin1) for c in t.candidates
                           if c.kind in {"country", "admin1"} and key == norm(c.name)
                           and c.population >= 1_000_000}
            if t.areas - {(e.cc, e.admin1)}:
                s -= 6.0  # "Norway", "Florida": the country or state, not a namesake town
        if t.within and e.cc not in t.within:
            s -= 20
        if t.kind_hint and e.kind == t.kind_hint[0] and e.cc == (t.kind_hint[1] or e.cc):
            s += 4.0
        if t.qualifier:
            cc, a1 = t.qualifier
            if e.cc == cc and (not a1 or e.admin1 == a1):
                s += 8
        if e.cc:
            s += 3.0 * min(context[("cc", e.cc)], 2.0)
            near = sum(context[("cc", n)] for n in self.gaz.neighbours.get(e.cc, ()))
            s += 1.0 * min(near, 2.0)  # "Gaza" in a story about Israel and Egypt
        else:
            s += 6.0  # a continent or sea fits any country context
        if e.admin1:
            s += 2.5 * min(context[("a1", e.cc, e.admin1)], 2.0)
        return s

    def _place(self, doc: Doc, t: Toponym) -> Place:
        e = t.candidates[0] if t.candidates else None
        conf = t.confidence * (0.5 + 0.5 / (1 + math.exp(-t.margin))) if e else t.confidence * 0.5
        return Place(
            article_id=doc._.article_id or "",
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


_NAME_AFTER = re.compile(r" [A-Z]")
_NAME_BEFORE = re.compile(r"[A-Z]\w* $")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _standalone(name: str, text: str):
    """(start, end) of each occurrence of ``name`` that is not part of a longer word, dotted
    name or hyphenated compound; str.find, since one regex per name costs a compile and a
    slow scan of the whole text."""
    i = text.find(name) if name else -1
    while i >= 0:
        end = i + len(name)
        before = text[i - 1] if i else ""
        after = text[end:end + 2]
        if (before and (_is_word(before) or before in ".-")) or (after and (
            _is_word(after[0]) or after[0] == "-"
            or (after[0] == "." and len(after) > 1 and _is_word(after[1]))
        )):
            i = text.find(name, i + 1)
            continue
        yield i, end
        i = text.find(name, end)


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


def _prior(e: Entry) -> float:
    """How likely a candidate is before context: log population, plus its kind."""
    if e.kind in _FIXED_PRIOR:
        return _FIXED_PRIOR[e.kind]
    return math.log10(e.population + 10) + _KIND_PRIOR.get(e.kind, 0.0)


def _scope(picks: list[Entry]) -> Entry | None:
    """The article's focus, for names the gazetteer lacks (streets, rivers, neighbourhoods):
    its most mentioned town or county, else its most mentioned region or country."""
    for kinds in (_POINTS, {"admin1"}, {"country"}):
        counts = Counter(e for e in picks if e.kind in kinds)
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _closeness(e: Entry, near: list[Entry]) -> float:
    """Bonus for a town close to another town of the article (km by equirectangular)."""
    if e.kind not in _POINTS or not near:
        return 0.0
    best = min(math.hypot((e.lat - o.lat) * 111.2,
                          (e.lon - o.lon) * 111.2 * math.cos(math.radians(e.lat)))
               for o in near)
    return 1.5 if best < 60 else 0.0


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
