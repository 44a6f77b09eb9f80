"""The ``eventwire_places`` component: toponyms found and resolved to GeoNames entries.

Recognition takes spaCy's GPE/LOC/FAC entities plus gazetteer matches of well-known names
(countries, regions, capitals, large cities) that the small model misses or mislabels.
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
from eventwire.nlp.gazetteer import Entry, Gazetteer, load_gazetteer, norm
from eventwire.nlp.places_rules import (
    FUNCTION_WORDS,
    REGION_OF,
    RELATION_BEFORE,
    STATE_ABBREVIATIONS,
)

PLACE_LABELS = {"GPE": 0.85, "LOC": 0.8, "FAC": 0.6}
MATCHER_MIN_POPULATION = 100_000
_KIND_PRIOR = {
    "continent": 10.0, "country": 9.0, "region": 8.0, "water": 8.0, "admin1": 7.0,
    "capital": 1.0, "city": 0.0, "admin2": -0.5,
}
_REGION_WORDS = re.compile(
    r"\b(county|parish|province|state|governorate|region|district|oblast|prefecture)\b", re.I
)


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


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    """Lower-cased names worth matching without the NER: countries, regions, big cities."""
    gaz = load_gazetteer()
    auto = ahocorasick.Automaton()
    keep = {"country", "admin1", "continent", "region", "water", "capital"}
    for key, idx in gaz.names.items():
        if len(key) < 4 and key not in {"us", "uk", "uae"}:
            continue
        entries = [gaz.entries[i] for i in idx]
        if any(e.kind in keep or (e.kind == "city" and e.population >= MATCHER_MIN_POPULATION)
               for e in entries):
            auto.add_word(key, key)
    auto.make_automaton()
    return auto


def _lower_keys(text: str) -> str:
    """Text folded like gazetteer keys but keeping every character's offset."""
    out = []
    for ch in text:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out).replace("-", " ").replace("\u2019", "'")


class PlacesComponent:
    """Finds toponyms in a Doc and writes ``doc._.places``."""

    def __init__(self, nlp: Language, name: str, use_matcher: bool = True):
        self.name = name
        self.use_matcher = use_matcher
        self.gaz = load_gazetteer()
        if use_matcher:
            _automaton()

    def __call__(self, doc: Doc) -> Doc:
        toponyms = self._recognise(doc)
        self._resolve(doc, toponyms)
        doc._.places = [self._place(doc, t) for t in toponyms]
        return doc

    # recognition -------------------------------------------------------------------------
    def _recognise(self, doc: Doc) -> list[Toponym]:
        found: dict[tuple[int, int], Toponym] = {}
        taken = [False] * (len(doc.text) + 1)
        other_ents = []
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
            text = doc.text[start:end]
            cands = self.gaz.lookup(text)
            if ent.label_ == "FAC" and not cands:
                continue
            if not any(ch.isupper() for ch in text[:1]):
                continue
            found[(start, end)] = Toponym(start, end, text, f"ner:{ent.label_}",
                                          PLACE_LABELS[ent.label_], cands)
            for i in range(start, end):
                taken[i] = True
        if self.use_matcher:
            self._match(doc, found, taken, other_ents)
        self._possessive_regions(doc, found)
        return sorted(found.values(), key=lambda t: t.start)

    def _match(self, doc: Doc, found: dict, taken: list[bool], other_ents) -> None:
        text = doc.text
        low = _lower_keys(text)
        blocked = {}
        for ent in other_ents:
            blocked[(ent.start_char, ent.end_char)] = ent
        hits = []
        for end_idx, key in _automaton().iter(low):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if start > 0 and (low[start - 1].isalnum()):
                continue
            if end < len(low) and (low[end].isalnum()):
                continue
            hits.append((start, end))
        hits.sort(key=lambda se: (se[0], -(se[1] - se[0])))
        last_end = -1
        for start, end in hits:
            if start < last_end or any(taken[start:end]):
                continue
            surface = text[start:end]
            words = surface.replace("-", " ").split()
            if not all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in words):
                continue
            if not words[0][:1].isupper():
                continue
            span = doc.char_span(start, end)
            if span is None:
                continue
            ent_over = [e for e in other_ents
                        if e.start_char < end and start < e.end_char]
            if ent_over and not all(e.start_char == start and e.end_char == end
                                    for e in ent_over):
                continue  # part of a longer name: "Washington Post", "Jordan Peterson"
            if len(span) == 1 and span[0].pos_ not in {"PROPN", "NOUN", "ADJ"}:
                continue
            if span[0].is_sent_start and len(span) == 1 and span[0].pos_ != "PROPN":
                continue
            cands = self.gaz.lookup(surface)
            if not cands:
                continue
            found[(start, end)] = Toponym(start, end, surface, "gazetteer", 0.7, cands)
            last_end = end
            for i in range(start, end):
                taken[i] = True

    def _possessive_regions(self, doc: Doc, found: dict) -> None:
        """"Iraq's autonomous Kurdish region": a region resolved inside its owner country."""
        for m in REGION_OF.finditer(doc.text):
            owner = self.gaz.lookup(m.group("owner"))
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
            found[(start, end)] = Toponym(start, end, doc.text[start:end], "possessive-region",
                                          0.8, cands, within=countries, relation="'s region")

    # resolution --------------------------------------------------------------------------
    def _resolve(self, doc: Doc, toponyms: list[Toponym]) -> None:
        text = doc.text
        for t in toponyms:
            if t.relation is None:
                t.relation = _relation_before(text, t.start)
            abbrev = STATE_ABBREVIATIONS.get(t.text.rstrip(".").lower())
            if abbrev and (t.text.endswith(".") or t.text.isupper() or len(t.text) > 2):
                cands = [e for e in self.gaz.lookup(abbrev) if e.kind == "admin1" and e.cc == "US"]
                if cands:
                    t.candidates = cands
        self._qualifiers(text, toponyms)
        context = Counter()
        dateline = self._dateline(doc)
        if dateline is not None:
            context[("cc", dateline.cc)] += 2
            if dateline.admin1:
                context[("a1", dateline.cc, dateline.admin1)] += 1
        best = {id(t): self._choose(t, Counter()) for t in toponyms}
        for _ in range(2):
            totals = Counter(context)
            per = {}
            for t in toponyms:
                e = best[id(t)]
                if e is None:
                    continue
                contrib = _context_of(e, 1.0 if e.kind in {"country", "admin1"} else 0.6)
                per[id(t)] = contrib
                totals.update(contrib)
            for t in toponyms:
                ctx = Counter(totals)
                ctx.subtract(per.get(id(t), Counter()))
                best[id(t)] = self._choose(t, ctx)
        for t in toponyms:
            t.candidates = [best[id(t)]] if best[id(t)] is not None else []

    def _qualifiers(self, text: str, toponyms: list[Toponym]) -> None:
        """"Alexandria, La." / "Paris, Texas" / "Erbil, Iraq": the second narrows the first."""
        for a, b in zip(toponyms, toponyms[1:], strict=False):
            gap = text[a.end:b.start]
            if gap.strip() != "," or not b.candidates:
                continue
            area = max(b.candidates, key=_prior)
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

    def _choose(self, t: Toponym, context: Counter) -> Entry | None:
        if not t.candidates:
            return None
        scored = [(self._score(t, e, context), i, e) for i, e in enumerate(t.candidates)]
        scored.sort(key=lambda x: (-x[0], x[1]))
        t.confidence_margin = (scored[0][0] - scored[1][0]) if len(scored) > 1 else 5.0
        return scored[0][2]

    def _score(self, t: Toponym, e: Entry, context: Counter) -> float:
        s = _prior(e)
        key = norm(t.text)
        if norm(e.name) != key and e.kind in {"city", "capital"}:
            s -= 1.5  # matched an alternate name only
        if e.kind in {"admin1", "admin2"} and not _REGION_WORDS.search(t.text):
            s -= 0.5
        if t.within and e.cc not in t.within:
            s -= 20
        if t.qualifier:
            cc, a1 = t.qualifier
            if e.cc == cc and (not a1 or e.admin1 == a1):
                s += 8
        s += 3.0 * min(context[("cc", e.cc)], 2.0) if e.cc else 0.0
        if e.admin1:
            s += 2.5 * min(context[("a1", e.cc, e.admin1)], 2.0)
        return s

    def _place(self, doc: Doc, t: Toponym) -> Place:
        e = t.candidates[0] if t.candidates else None
        margin = getattr(t, "confidence_margin", 0.0)
        conf = t.confidence * (0.5 + 0.5 / (1 + math.exp(-margin))) if e else t.confidence * 0.5
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


def _prior(e: Entry) -> float:
    return math.log10(e.population + 10) + _KIND_PRIOR.get(e.kind, 0.0) * (
        1.0 if e.kind in {"capital", "city", "admin2"} else 0.3
    )


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


@Language.factory("eventwire_places", default_config={"use_matcher": True})
def make_places(nlp: Language, name: str, use_matcher: bool) -> PlacesComponent:
    return PlacesComponent(nlp, name, use_matcher)
