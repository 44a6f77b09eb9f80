"""Toponym recognition: an ordered table of rules over one article's ``Recognition`` state.

Each rule reads the Doc and the toponyms found so far and adds, grows or drops some: spaCy's
GPE/LOC/FAC entities first, then streets and numbered roads (in place of the town names
inside them), lone town names the small model took for persons (or, after "in" or "the town
of", for organisations), towns named by their institutions ("Corsicana Police Department")
or, where the NER tags nothing, by their own services ("Avondale Mayor"), demonyms
("Russian"), gazetteer matches of well-known names the NER missed or mislabelled, datelines,
US states abbreviated after their towns ("Greer, S.C.") and the towns before a state or
country ("Rock Hill, South Carolina"), a legislator's home and a company's seat ("R-Elbow
Lake", "D-Pa.", "Northbrook-based"), county lists ("Walton and Oconee counties"), later
mentions of a name already found (one sense per discourse), a place inside a longer town's
name grown to it ("New Concord"), possessive regions ("Iraq's autonomous Kurdish region");
last, names of newspapers ("the Denver Post"), of diseases ("West Nile virus"), makes of
car, holidays and lone words for a kind of place are dropped. After resolution, ``local_towns``
adds the small towns of a local story's region that the NER missed. The order matters: a
character claimed by one rule is not claimed again by a later one (``Recognition.taken``).
Each rule is a function of the state alone, so it can be tried and tested alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
from spacy.tokens import Doc, Span

from eventwire.nlp.places.gazetteer import (
    POINTS,
    Entry,
    Gazetteer,
    gazetted,
    load_gazetteer,
    norm,
    table_region_names,
    variants,
)
from eventwire.nlp.places.rules import (
    BASED_IN,
    COMPASS_WORDS,
    COUNTY_LIST,
    COUNTY_NAMES,
    DATELINE,
    DIRECTION_WORDS,
    DISEASE_AFTER,
    DISEASE_NAMES,
    FUNCTION_WORDS,
    GENERIC_PART,
    HOLIDAY_AFTER,
    INSTITUTION_WORDS,
    KIN_NAMED,
    KIND_WORDS,
    LAND_FORM_WORDS,
    MASTHEAD_AFTER,
    MODEL_YEAR_BEFORE,
    NAMED_PLACE_AFTER,
    NOT_STREET_START,
    ORGANISATION_OF_BEFORE,
    OWNER_BEFORE,
    PARTY_HOME,
    PERSON_TITLES,
    PERSON_VERBS,
    PLACED_BEFORE,
    PLACED_BEFORE_NAME,
    POSSESSIVE,
    REGION_AFTER,
    REGION_WORDS,
    SAINT_INSTITUTION,
    SAINT_POSSESSIVE_AFTER,
    SITED_BEFORE,
    STATE_ABBREVIATIONS,
    STATE_AFTER_TOWN,
    STATE_INITIALS,
    STREET,
    TOWN_BEFORE_COMMA,
    TOWN_SERVICE,
    TOWNSPEOPLE,
    scan,
)

PLACE_LABELS = {"GPE": 0.85, "LOC": 0.8, "FAC": 0.6}
MATCHER_MIN_POPULATION = 100_000
PERSON_TOWN_MIN_POPULATION = 10_000
MAJOR = {"country", "admin1", "continent", "region", "water", "capital"}


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
    pick: Entry | None = None  # the candidate resolution chose
    margin: float = 0.0  # score lead of the chosen candidate over the runner-up
    kind_hint: tuple[str, str] | None = None  # (kind, cc or "") from a list or "X state"
    dateline: bool = False  # opens the story or a line: "CORSICANA —"
    # the ranker's features of each candidate: context-free rows, their scores, and the
    # context rows of the last round (read by scripts/train_place_ranker.py)
    rows: list[list[float]] = field(default_factory=list)
    static: list[float] = field(default_factory=list)
    dynamic: list[list[float]] = field(default_factory=list)


@lru_cache(maxsize=1)
def known_name_automaton() -> ahocorasick.Automaton:
    """Lower-cased names worth matching without the NER: countries, regions, big cities,
    counties named with their region word ("Laurel County").  Initialisms ("u s", "drc")
    are also added as written with dots ("u.s.") and only match upper case."""
    gaz = load_gazetteer()
    auto = ahocorasick.Automaton()
    table_only = table_region_names()
    for key, idx in gaz.names.items():
        for e in (gaz.entries[i] for i in idx):
            if e.kind == "admin1" and key in table_only:
                continue  # "Lori", "Lazio": a first name or a club as often as a region
            big_city = e.kind == "city" and e.population >= MATCHER_MIN_POPULATION
            county = e.kind == "admin2" and REGION_WORDS.search(e.name) is not None
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
    for end_idx, key in known_name_automaton().iter(low):
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


@dataclass
class Recognition:
    """One article's recognition state: the toponyms found so far by span, the characters
    they claim, the entities that are not places, and the gazetteer matches of the text."""

    doc: Doc
    gaz: Gazetteer
    use_matcher: bool = True
    found: dict[tuple[int, int], Toponym] = field(default_factory=dict)
    other_ents: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.doc._.text
        self.taken = [False] * (len(self.text) + 1)
        self.hits = _known_names(self.text) if self.use_matcher else []
        self.longer: dict[int, int] = {}  # the longest known name opening at each offset
        for start, end in self.hits:
            if self.text[start:start + 1].isupper():
                self.longer[start] = max(self.longer.get(start, 0), end)
        persons = [e for e in self.doc.ents if e.label_ == "PERSON"]
        # words of the persons' names, without punctuation ("Roy Jones'" gives "Jones")
        self.people = {t.text for e in persons for t in e if not t.is_punct}
        self.surnames = {t.text for e in persons if len(e) > 1 for t in e if not t.is_punct}
        self.surnames |= {m.group(1) for m in KIN_NAMED.finditer(self.text)}  # "her son Jack"

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """The longest known name, opening with a capital, that holds ``start:end`` and
        more."""
        best = None
        for hs, he in self.hits:
            if hs > start:
                break
            if he >= end and (hs, he) != (start, end) and self.text[hs:hs + 1].isupper() and (
                    best is None or he - hs > best[1] - best[0]):
                best = (hs, he)
        return best

    def add(self, t: Toponym) -> None:
        """Keep a toponym and claim its characters."""
        self.found[(t.start, t.end)] = t
        for i in range(t.start, t.end):
            self.taken[i] = True

    def drop(self, key: tuple[int, int]) -> None:
        """Forget a toponym and free its characters for the later rules."""
        del self.found[key]
        for i in range(*key):
            self.taken[i] = False

    def toponyms(self) -> list[Toponym]:
        return sorted(self.found.values(), key=lambda t: t.start)


def ner_places(s: Recognition) -> None:
    """spaCy's place entities, trimmed ("the", "'s"), grown to the gazetteer's longer name
    ("Guinea-Bissau", "Goz Beida") or cut to the known name opening an institution's
    ("Boone County Jail"); the other entities are kept for the later rules."""
    full = s.text
    for ent in s.doc.ents:
        if ent.label_ not in PLACE_LABELS:
            s.other_ents.append(ent)
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ in {"the", "a"}:
            tokens.pop(0)
        while tokens and tokens[-1].text in {"'s", "\u2019s", "'", ".", ","}:
            tokens.pop()
        if (len(tokens) > 1 and tokens[-1].is_lower and REGION_WORDS.fullmatch(tokens[-1].text)
                and s.gaz.lookup(full[tokens[0].idx:tokens[-2].idx + len(tokens[-2].text)])):
            tokens.pop()  # "Hunan province": the name is Hunan (the area word stays a hint
            # to the ranker); "Nyanza Province", capitalised, is a name of its own, and in
            # "the Kurdish region" the word belongs to the name
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if full[end:end + 1] == "." and _abbreviation(full[start:end + 1]):
            end += 1  # "W.Va." at the end of a sentence keeps its dot
        if s.longer.get(start, 0) > end:
            end = s.longer[start]  # "Guinea-Bissau", "Democratic Republic of the Congo"
        around = s.covering(start, end)
        if around is not None:  # "[Democratic Republic of the] Congo", "Jammu and [Kashmir]"
            start, end = around
        after = _town_after(s.gaz, s.doc, full, start, tokens[-1])
        if after is not None:  # "[Iowa] City", "[Belle] Plaine": the NER cut the name
            end = after
        text = full[start:end]
        cands = s.gaz.lookup(text)
        grown = _known_before(s.gaz, s.doc, full, tokens[0], end)
        if grown is not None:  # "Goz [Beida]", "New [Concord]": the NER cut the name
            start, cands = grown
            text = full[start:end]
        head, _, rest = text.partition(" ")
        if (not cands and head.lower() in DIRECTION_WORDS
                and rest.lower() not in LAND_FORM_WORDS):  # "West Midlands": its own name
            cands = s.gaz.lookup(rest)  # "North Texas", "Eastern Kentucky"
            if head.lower() in COMPASS_WORDS and _polity_named(cands, rest):
                start += len(head) + 1  # the place is Texas, "north" its relation
                text = rest
        city = _institution_city(s.gaz, text, cands) if _institution_after(full, end) else None
        if city is not None:  # "San Fernando City Council": San Fernando
            text, cands = city
            end = start + len(text)
        if not cands and len(tokens) > 1:
            known = _known_prefix(s.gaz, full, tokens)
            if known is not None and (not _name_goes_on(tokens[len(known[0])])
                                      or _opens_no_other_name(full, *known)):
                # "Boone County Jail", "Near East regional bureau", "San Diego State"
                tokens, cands = known
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                text = full[start:end]
                city = _institution_city(s.gaz, text, cands)
                if city is not None:  # "Las Vegas City Marshal": Las Vegas
                    text, cands = city
                    end = start + len(text)
            elif tokens[-1].lower_ in INSTITUTION_WORDS:
                s.other_ents.append(ent)  # "Titus County Jail": an institution, unknown
                continue
        if (ent.label_ == "FAC" and not cands) or not text[:1].isupper():
            s.other_ents.append(ent)  # a street or building named after a town is no town
            continue
        s.add(Toponym(start, end, text, f"ner:{ent.label_}", PLACE_LABELS[ent.label_], cands))


def persons_as_places(s: Recognition) -> None:
    """The small model often calls a lone town name a person ("the Gainesville sewer
    system"); a word that never appears in a full personal name here is a town."""
    for ent in s.other_ents:
        if ent.label_ != "PERSON" or len(ent) != 1 or ent.text in s.surnames:
            continue
        cands = [e for e in s.gaz.lookup(ent.text)
                 if e.kind != "city" or e.population >= PERSON_TOWN_MIN_POPULATION]
        if norm(ent.text) in table_region_names() and not PLACED_BEFORE.search(
                s.text, max(0, ent.start_char - 30), ent.start_char):
            # "Lori said": a person, unless the text names the region's country ("the
            # Indonesian island of Java")
            low = s.text.lower()
            told = _country_words()
            cands = [e for e in cands if e.kind != "admin1"
                     or any(w in low for w in told.get(e.cc, ()))]
        if _reads_as_person(ent[0]) and not any(
                e.kind in MAJOR or e.population >= MATCHER_MIN_POPULATION for e in cands):
            continue  # "President Obama", "Robertson said": a person after all
        if cands and ent.text[:1].isupper() and not ent.text.isupper():
            s.add(Toponym(ent.start_char, ent.end_char, ent.text, "ner:PERSON-as-place", 0.5,
                          cands))


@lru_cache(maxsize=1)
def _country_words() -> dict[str, tuple[str, ...]]:
    """Each country's name and demonyms, lower-cased, as a text would name the country."""
    gaz = load_gazetteer()
    words: dict[str, set[str]] = {}
    for key, i in gaz.demonyms.items():
        words.setdefault(gaz.entries[i].cc, set()).add(key)
    for cc, i in gaz.country_of.items():
        words.setdefault(cc, set()).add(gaz.entries[i].name.lower())
    return {cc: tuple(w for w in ws if len(w) >= 4) for cc, ws in words.items()}


_KIND_OF_BEFORE = re.compile(r"\b(?:town|city|village|villages|township|municipality|"
                             r"suburb|island|province|district)\s+of\s+$", re.I)


def _placed_entity(s: Recognition, ent: Span) -> bool:
    """Whether a word before an entity places something there: for a people's name ("in
    Arab culture") only the kind of place ("the town of Toruń")."""
    start = ent.start_char
    if ent.label_ == "NORP":
        return bool(_KIND_OF_BEFORE.search(s.text, max(0, start - 30), start))
    return bool(PLACED_BEFORE.search(s.text, max(0, start - 30), start) or (
        len(ent) > 1 and PLACED_BEFORE_NAME.search(s.text, max(0, start - 10), start)))


def orgs_as_places(s: Recognition) -> None:
    """The small model often calls a town an organisation, a people or a product ("a lab in
    Lelystad", "the mayor of Dogubayazit", "the town of Toruń", "stalls in Calcutta", "sent
    an aide to Capitol Hill"); a whole entity that is exactly a known place's name, after a
    word that places something there, is that place (a product only when it names a city:
    "in Excel" is no hamlet's)."""
    for ent in s.other_ents:
        if (ent.label_ not in {"ORG", "NORP", "PRODUCT"} or len(ent) > 3
                or not ent.text[:1].isupper() or ent.text.isupper()):
            continue
        start, end = ent.start_char, ent.end_char
        if (any(s.taken[start:end]) or not _placed_entity(s, ent)
                or ent.text.lower() in DIRECTION_WORDS):
            continue  # "from the Northwest": no town's name
        key = norm(ent.text)
        cands = gazetted(s.gaz.lookup(ent.text))
        if ent.label_ == "PRODUCT" and not any(
                e.population >= MATCHER_MIN_POPULATION for e in cands):
            continue
        if any(key in variants(e.name) for e in cands):  # the ranker weighs the alternate
            # names ("Calcutta" of Kolkata) against the exact ones
            s.add(Toponym(start, end, ent.text, "ner:ORG-as-place", 0.5, cands))


_TITLE_OPENERS = {"vice", "deputy", "assistant", "acting", "interim", "former"}


def town_services(s: Recognition) -> None:
    """"Carthage Police Chief", "said Avondale Mayor Ed Rieker": one to three capitalised
    words just before a word of a town's own service, outside any entity but a person's,
    exactly a town's name, are that town."""
    doc, text = s.doc, s.text
    for m in TOWN_SERVICE.finditer(text):
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        tok = tok[0] if tok is not None and len(tok) else None
        if tok is None or tok.i == 0:
            continue
        labels = {"", "PERSON"} | ({"ORG"} if m.group() in TOWNSPEOPLE else set())
        for k in (3, 2, 1):
            first = tok.i - k
            if first < 0:
                continue
            words = doc[first:tok.i]
            if (not all(w.text[:1].isupper() and w.pos_ == "PROPN" for w in words)
                    or any(w.ent_type_ not in labels for w in words)
                    or (first > 0 and doc[first - 1].text[:1].isupper()
                        and not doc[first - 1].is_sent_start)):
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            name = text[start:end]
            if text[start - 1:start] in {"-", "/"} or words[0].lower_ in _TITLE_OPENERS:
                continue  # "Miami-Dade Police", "Vice Mayor"
            cands = [e for e in gazetted(s.gaz.lookup(name)) if e.kind in POINTS]
            if (cands and _town_named(cands, name) and not any(s.taken[start:end])
                    and name not in s.surnames):
                s.add(Toponym(start, end, name, "town-service", 0.6, cands))
                break


def unlikely(s: Recognition) -> None:
    """Drop unknown names that read as something else (a code, an adjective, a word of a
    person's name) and small towns named like a person of the article ("Obama" after
    "Barack Obama": the man, not a small town) or read as one ("President Obama")."""
    for key, t in list(s.found.items()):
        big = any(e.kind in MAJOR or e.population >= MATCHER_MIN_POPULATION
                  for e in t.candidates)
        if not t.candidates and t.rule != "street" and _not_a_place(s.doc, t, s.people):
            s.drop(key)
        elif t.text in s.surnames and not big:
            s.drop(key)
        elif t.rule.startswith("ner:") and not big and " " not in t.text:
            span = s.doc.char_span(t.start, t.end)
            if span is not None and len(span) == 1 and _reads_as_person(span[0]):
                s.drop(key)  # "President Obama", "Jones said"


def streets(s: Recognition) -> None:
    """"Mayfield Road", "Highway 19": streets and roads, in place of the town names
    inside them ("Memphis Street" is no mention of Memphis)."""
    text, found, taken = s.text, s.found, s.taken
    for m in scan(STREET, text):
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
        s.add(Toponym(start, end, text[start:end], "street", 0.6, []))


def _known_before(gaz: Gazetteer, doc: Doc, text: str, first, end: int
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
        cands = gaz.lookup(text[tok.idx:end])
        if cands:
            best = (tok.idx, cands)
    return best


def _town_after(gaz: Gazetteer, doc: Doc, text: str, start: int, last) -> int | None:
    """The end of the name of a town that goes on with one or two capitalised words after
    ``last`` outside any entity ("Iowa City", "Belle Plaine"), when a town bears exactly
    that name."""
    best = None
    for k in (1, 2):
        i = last.i + k
        if i >= len(doc):
            break
        tok = doc[i]
        if not tok.text[:1].isupper() or tok.ent_type_ or tok.is_stop or tok.is_punct:
            break
        end = tok.idx + len(tok.text)
        if _town_named(gaz.lookup(text[start:end]), text[start:end]):
            best = end
    return best


def _known_prefix(gaz: Gazetteer, text: str, tokens: list
                  ) -> tuple[list, list[Entry]] | None:
    """The longest run of capitalised words opening a name that the gazetteer knows,
    when more words follow it ("Chesterfield County Police" -> "Chesterfield County")."""
    for k in range(len(tokens) - 1, 0, -1):
        head = tokens[:k]
        if not all(t.text[:1].isupper() for t in head) or head[-1].is_punct:
            continue
        name = text[head[0].idx:head[-1].idx + len(head[-1].text)]
        cands = gaz.lookup(name)
        if not cands:
            m = GENERIC_PART.match(name)
            cands = gaz.lookup(m.group("name")) if m and m.group("name") != name else []
            if cands and head[-1].lower_ == "district" and tokens[k].lower_ in _DISTRICT_OFFICES:
                head = head[:-1]  # "Ramsey District Court": the court's district, not a
                # district named Ramsey
        if cands:
            return head, cands
    return None


_DISTRICT_OFFICES = {"court", "courts", "chamber", "attorney", "judge"}


def _polity_named(cands: list[Entry], name: str) -> bool:
    """Whether ``name`` is first of all a country's or a first-level region's ("Texas",
    "Sudan"): a compass word before it names a part of it ("North Texas", "southern
    Sudan"), where before a city, a sea or a continent it often opens a name of its own
    ("North Dallas", "Eastern Mediterranean", "Northern Europe")."""
    key = norm(name)
    named = [e for e in cands if key in variants(e.name)]
    top = max(named, key=lambda e: e.population, default=None)
    return top is not None and top.kind in {"country", "admin1"}


def _opens_no_other_name(text: str, head: list, cands: list[Entry]) -> bool:
    """Whether a known name opens an office's name rather than another place's ("Lamar
    County Elections", "Moore County District Attorney"): a county or region named with its
    region word, where a bare name often opens a lake's or a neighbourhood's ("Lake
    Harriet", "Glacier Ridge")."""
    last = head[-1].lower_
    return bool(cands) and REGION_WORDS.fullmatch(last) is not None


def _town_named(cands: list[Entry], name: str) -> bool:
    """Whether a town among ``cands`` bears exactly ``name`` ("Boulder City", "Mexico City"),
    not only as one of its alternate names."""
    key = norm(name)
    return any(e.kind in {"city", "capital"} and key in variants(e.name) for e in cands)


def _institution_city(gaz: Gazetteer, text: str, cands: list[Entry]
                      ) -> tuple[str, list[Entry]] | None:
    """"San Fernando City" (of "San Fernando City Council"), "Dublin City Manager": a town
    name and the word "City" of a city's institution, unless a town bears the whole name
    ("Kansas City", "Boulder City"); the name without it and its candidates."""
    if not text.endswith(" City") or _town_named(cands, text):
        return None
    name = text[:-len(" City")]
    shorter = gaz.lookup(name)
    return (name, shorter) if shorter else None


_NEXT_WORD_AFTER = re.compile(r"\s+([\w'\u2019]+)")


def _institution_after(text: str, end: int) -> bool:
    """Whether a name goes on into an institution's after ``end`` ("Dublin City Manager",
    "Dublin City schools"), so that a closing "City" is the institution's; before other
    words it is the town's own ("in Gaza City on Monday", "Quebec City and Nanjing")."""
    m = _NEXT_WORD_AFTER.match(text, end)
    return m is not None and (m.group(1)[:1].isupper() or m.group(1).lower() in INSTITUTION_WORDS)


# The last word of a congregation named after its town ("the Wasilla Bible Church", "Elmwood
# First Baptist Church"); a saint's or a virtue's church names no town ("St. Paul Church").
POSSESSIVE_END = re.compile(r"\s*['\u2019]s?$")
_WORSHIP_WORDS = frozenset({"church", "cathedral", "chapel", "mosque", "synagogue", "temple"})


def _house_of_worship(tokens) -> bool:
    return tokens[-1].lower_ in _WORSHIP_WORDS and tokens[0].lower_ not in {"st", "st.", "saint"}


def institutions(s: Recognition) -> None:
    """"Corsicana Police Department", "the Canaan Board of Finance": an organisation or
    building named after its town names the town."""
    text, taken, other_ents = s.text, s.taken, s.other_ents
    for ent in other_ents:
        if ent.label_ not in {"ORG", "FAC", "PERSON"} or len(ent) < 2:
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ == "the":
            tokens.pop(0)
        known = _known_prefix(s.gaz, text, tokens) if len(tokens) > 1 else None
        if known is None:
            continue
        head, cands = known
        after = tokens[len(head)].lower_  # "district" only before its office ("Court")
        if not (after in INSTITUTION_WORDS or after == "district" or _house_of_worship(tokens)) \
                or not gazetted(cands):
            continue
        if (len(head) > 1 and head[-1].lower_ in {"city", "town", "village"}
                and not _town_named(cands, text[head[0].idx:head[-1].idx + len(head[-1].text)])):
            shorter = _known_prefix(s.gaz, text, head)  # "the Athens City Council": Athens
            if shorter is not None:
                head, cands = shorter
        if len(head) == 1 and (head[0].is_upper or head[0].lower_ in INSTITUTION_WORDS
                               or not any(norm(head[0].text) in variants(e.name)
                                          for e in cands)):
            continue  # "HUD Office", "the City Council": no town named there
        start, end = head[0].idx, head[-1].idx + len(head[-1].text)
        if any(taken[start:end]):
            continue
        s.add(Toponym(start, end, text[start:end], "institution", 0.6, cands))


def known_names(s: Recognition) -> None:
    doc, text, taken, other_ents = s.doc, s.text, s.taken, s.other_ents
    placed = {e.text for e in doc.ents if e.label_ in {"GPE", "LOC"}}
    last_end = -1
    for start, end in s.hits:
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
        if (surface.lower() in LAND_FORM_WORDS and span.start > 0
                and doc[span.start - 1].pos_ == "PROPN" and not span[0].is_sent_start):
            continue  # "the Danube Delta": the delta of a river, not Nigeria's Delta State
        cands = s.gaz.lookup(surface)
        major = [e for e in cands if e.kind in MAJOR]
        if not major and surface in s.surnames and surface not in placed:
            continue  # "Lincoln" in a story of Abraham Lincoln, never called a place
        big = major or any(e.population >= MATCHER_MIN_POPULATION for e in cands)
        rule = "gazetteer"
        for e in (e for e in other_ents if e.start_char < end and start < e.end_char):
            if (e.label_ == "PERSON" and big and len(e) > 1 and e.start_char == start
                    and POSSESSIVE_END.sub("", e.text) == surface):
                continue  # "Sri Lanka('s)", "Sioux Falls" taken for a person's full name
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
        s.add(Toponym(start, end, surface, rule, 0.7, cands))
        last_end = end


def demonyms(s: Recognition) -> None:
    """"Russian", "Sri Lankans": adjectival and demonym forms, resolved to their country
    and marked by their rule so that event coding can leave them out (corpora such as
    LGL count them as toponyms, others such as GeoVirus do not)."""
    doc, found, taken = s.doc, s.found, s.taken
    for ent in doc.ents:
        if ent.label_ not in {"NORP", "GPE", "LANGUAGE", "PERSON"}:
            continue  # a demonym taken for a person is no person ("Sri Lankan interests")
        if ent.label_ == "PERSON" and len(ent) == 1 and _reads_as_person(ent[0]):
            continue  # "French said": a person named so
        start, end = ent.start_char, ent.end_char
        if s.longer.get(start, 0) > end:
            continue  # "French Guiana": a place's name, found as a whole later
        parts = [(start, end)]
        if s.gaz.demonym(ent.text) is None and " " not in ent.text:
            # "Russian-American crew", "Israeli-Egyptian peace": each part, when all are
            parts = [(m.start() + start, m.end() + start)
                     for m in re.finditer(r"[^\-\u2010-\u2015]+", ent.text)]
            if len(parts) == 1 or any(s.gaz.demonym(s.text[a:b]) is None for a, b in parts):
                continue
        for a, b in parts:
            country = s.gaz.demonym(s.text[a:b])
            if country is None or (any(taken[a:b]) and (a, b) not in found):
                continue
            s.add(Toponym(a, b, s.text[a:b], "demonym", 0.5, [country]))


def datelines(s: Recognition) -> None:
    """"CORSICANA —", "SALINA, Kan.": an upper-case place opening a story or line, marked as
    a dateline whichever rule found it."""
    for m in scan(DATELINE, s.text):
        start, end = m.span("name")
        if (start, end) in s.found:
            s.found[(start, end)].dateline = True
            continue
        cands = s.gaz.lookup(m.group("name"))
        if cands and not any(s.taken[start:end]):
            s.add(Toponym(start, end, m.group("name"), "dateline", 0.8, cands, dateline=True))


def state_qualifiers(s: Recognition) -> None:
    """"Greer, S.C.", "Salina, Kan.", "Moorhead, MN": a US state written as AP style or the
    post abbreviate it, after a town of that state; a state's dotted initials anywhere ("the
    S.C. Highway Patrol")."""
    for m in scan(STATE_AFTER_TOWN, s.text):
        state = STATE_ABBREVIATIONS.get(m.group("state").replace(" ", "").rstrip(".").lower())
        areas = [e for e in s.gaz.lookup(state or "") if e.kind == "admin1" and e.cc == "US"]
        if not areas:
            continue
        town = _town_of(s, m.start("town"), m.end("town"), areas[0])
        if town is None and "." not in m.group("state"):
            continue  # "Smith, OR": a postal code only counts after a town of its state
        if town is not None and not any(s.taken[town.start:town.end]):
            s.add(town)
        start, end = m.span("state")
        if not any(s.taken[start:end]):
            s.add(Toponym(start, end, m.group("state"), "state-qualifier", 0.7, areas))
    for m in scan(STATE_INITIALS, s.text):
        state = STATE_ABBREVIATIONS.get(m.group().rstrip(".").lower())
        areas = [e for e in s.gaz.lookup(state or "") if e.kind == "admin1" and e.cc == "US"]
        if areas and not any(s.taken[m.start():m.end()]):
            s.add(Toponym(m.start(), m.end(), m.group(), "state-initials", 0.7, areas))


def affiliations(s: Recognition) -> None:
    """"D-Pa.", "R-Elbow Lake": a US legislator's home state or town; "Northbrook-based": a
    company's seat."""
    for pattern, us_only in ((PARTY_HOME, True), (BASED_IN, False)):
        for m in scan(pattern, s.text):
            start, end = m.span("place")
            name = m.group("place")
            state = STATE_ABBREVIATIONS.get(name.rstrip(".").lower())
            cands = s.gaz.lookup(state or name)
            if us_only:
                cands = [e for e in cands if e.cc == "US"]
            if state:
                cands = [e for e in cands if e.kind == "admin1"]
            if cands and not any(s.taken[start:end]):
                s.add(Toponym(start, end, name, "affiliation", 0.7, cands))


def qualified_towns(s: Recognition) -> None:
    """"Greer, South Carolina", "Tskhinvali, Georgia": the capitalised words before a comma
    and a state or country already found name a town when the gazetteer has a town of that
    name there (the NER often misses small towns, never the state)."""
    for t in list(s.found.values()):
        areas = [e for e in t.candidates if e.kind in {"admin1", "country"}]
        m = TOWN_BEFORE_COMMA.search(s.text, max(0, t.start - 60), t.start)
        if not areas or not m:
            continue
        for area in areas:
            town = _town_of(s, m.start("town"), m.end("town"), area)
            if town is not None and not any(s.taken[town.start:town.end]):
                town.rule = "qualified-town"
                s.add(town)
                break


def mastheads(s: Recognition) -> None:
    """A place name before "Times", "Post", "Herald" ... names a newspaper ("the Denver
    Post", "China Daily"), whichever rule found it: the paper is no scene of the story."""
    for key, t in list(s.found.items()):
        if MASTHEAD_AFTER.match(s.text, t.end):
            s.drop(key)


def diseases(s: Recognition) -> None:
    """A place name before "virus", "fever" ... names a disease ("West Nile virus", "Marburg
    fever"), whichever rule found it; a demonym stays ("Spanish flu" is still Spain's).  So
    does a disease's own name where nothing places anything there ("related to Ebola")."""
    for key, t in list(s.found.items()):
        if t.rule != "demonym" and DISEASE_AFTER.match(s.text, t.end) or (
                t.text in DISEASE_NAMES
                and not SITED_BEFORE.search(s.text, max(0, t.start - 12), t.start)
                and not NAMED_PLACE_AFTER.match(s.text, t.end)):
            s.drop(key)


def organisations_of_a_continent(s: Recognition) -> None:
    """"Peanut Corporation of America", "the Council of Europe": the continent (or
    "America") closing an organisation's name is no place, whichever rule found it."""
    for key, t in list(s.found.items()):
        if (norm(t.text) == "america" or any(e.kind == "continent" for e in t.candidates)) \
                and ORGANISATION_OF_BEFORE.search(s.text, max(0, t.start - 40), t.start):
            s.drop(key)


def saints_institutions(s: Recognition) -> None:
    """"St. Mary's High School", "St. John's ER": a saint's name in the possessive is a
    parish, school or hospital, whichever rule found it."""
    for key, t in list(s.found.items()):
        if SAINT_INSTITUTION.fullmatch(t.text) and SAINT_POSSESSIVE_AFTER.match(s.text, t.end):
            s.drop(key)


def common_words(s: Recognition) -> None:
    """Drop what reads as no place: a make of car after a model year ("a 1992 Toyota", and
    its other mentions), a name before "Day" (a holiday), a lone compass word ("the
    Northeast" of no named place), a word for a kind of place ("Metro", "City") or a
    country's code glued to a dollar sign (the currency of "US$40 million", "$US 15")."""
    cars = {t.text for t in s.found.values() if " " not in t.text
            and not any(e.kind in MAJOR for e in t.candidates)
            and MODEL_YEAR_BEFORE.search(s.text, max(0, t.start - 30), t.start)}
    for key, t in list(s.found.items()):
        word = t.text.lower()
        if (t.text in cars or HOLIDAY_AFTER.match(s.text, t.end)
                or word in KIND_WORDS or word in COMPASS_WORDS
                or "$" in (s.text[t.start - 1:t.start], s.text[t.end:t.end + 1])):
            s.drop(key)


_BYLINE_BEFORE = re.compile(r"\b(?:By|BY)\s+$")
_RUNNING_TEXT_BEFORE = re.compile(r"(?:\b[a-z][\w'\u2019]*|[,(\[])\s*$")


def _abbreviates(word: str, t: Toponym) -> bool:
    """Whether ``word`` is the short form of a country or region it may name ("USA" for
    the United States), not that area's or a town's own name in capitals ("CHAD")."""
    return not t.candidates or any(e.kind in _AREA_KINDS and norm(e.name) != norm(word)
                                   for e in t.candidates)


_AREA_KINDS = {"country", "admin1", "region", "continent"}


def shouted_words(s: Recognition) -> None:
    """Drop a one-word place name written in capitals inside running text ("the NICE
    program", "[EST]") or after a byline's "By" ("By KENT MALLETT"): an acronym or a
    writer's name, not the town.  A country's or region's abbreviation ("USA", "DRC") and a
    word opening a line or sentence (a dateline, "CAMBRIDGE'S mayor") stay."""
    for key, t in list(s.found.items()):
        word = t.text
        if len(word) < 3 or not (word.isalpha() and word.isupper()) or _abbreviates(word, t):
            continue
        before = s.text[max(0, t.start - 30):t.start]
        if _BYLINE_BEFORE.search(before) or _RUNNING_TEXT_BEFORE.search(before):
            s.drop(key)


def _town_of(s: Recognition, start: int, end: int, area: Entry) -> Toponym | None:
    """The longest name ending at ``end`` (from ``start``, whole words) of a town or county
    inside ``area``."""
    words = s.text[start:end].split(" ")
    for k in range(len(words)):
        begin = start + sum(len(w) + 1 for w in words[:k])
        cands = [e for e in s.gaz.lookup(s.text[begin:end]) if e.kind in POINTS
                 and e.cc == area.cc and (area.kind == "country" or e.admin1 == area.admin1)]
        if cands:
            return Toponym(begin, end, s.text[begin:end], "state-qualifier", 0.7, cands)
    return None


def county_lists(s: Recognition) -> None:
    """"Walton and Oconee counties": each name is a county of that name."""
    text, found, taken = s.text, s.found, s.taken
    for m in COUNTY_LIST.finditer(text):
        word = "County" if m.group().lower().startswith("count") else "Parish"
        base = max(0, m.start() - 120)
        names = COUNTY_NAMES.search(text, base, m.start())
        if not names:
            continue
        for n in re.finditer(r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)?", names.group()):
            start, end = names.start() + n.start(), names.start() + n.end()
            cands = [e for e in s.gaz.lookup(f"{n.group()} {word}") if e.kind == "admin2"]
            if cands and (start, end) in found:
                found[(start, end)].candidates = cands  # the county, not its namesake
            elif cands and not any(taken[start:end]):
                s.add(Toponym(start, end, n.group(), "county-list", 0.7, cands))


def discourse(s: Recognition) -> None:
    """One sense per discourse: a name taken for a place once is a place at its other
    capitalised mentions too (the small model often tags a town once and misses it
    later, or inside an organisation's name)."""
    text, found, taken, other_ents = s.text, s.found, s.taken, s.other_ents
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
            s.add(Toponym(start, end, name, "discourse", 0.6, list(t.candidates)))


_WORDS_AFTER = re.compile(r"[ \-]([A-Z][\w'\u2019]*)(?:[ \-]([A-Z][\w'\u2019]*))?")
_WORDS_BEFORE = re.compile(r"(?:([A-Z][\w.'\u2019]*)[ \-])?([A-Z][\w.'\u2019]*)[ \-]$")


def longer_towns(s: Recognition) -> None:
    """"ST. PARIS", "New Concord", "Atlantic Beach", "Gaza City", "Batesburg-Leesville": a
    place found inside a longer capitalised name that is itself a town's is that town (a
    compass word or "The" before it opens no town's name: "East Oxford" is Oxford, east)."""
    text = s.text
    for key, t in sorted(s.found.items()):
        if key not in s.found or t.rule in {"street", "demonym"}:
            continue
        options = []
        after = _WORDS_AFTER.match(text, t.end)
        if after:
            options += [(t.start, after.end(i)) for i in (2, 1) if after.group(i)]
        before = _WORDS_BEFORE.search(text, max(0, t.start - 40), t.start)
        if before:
            options += [(before.start(i), t.end) for i in (1, 2) if before.group(i)
                        and before.group(i).lower().rstrip(".") not in COMPASS_WORDS | {"the"}]
        for start, end in options:
            name = text[start:end]
            towns = [e for e in s.gaz.lookup(name) if e.kind in {"city", "capital"}]
            if _NAME_AFTER.match(text, end) or (
                    name.rsplit(" ", 1)[-1].lower() in {"city", "town", "village"}
                    and not _town_named(towns, name)):
                continue  # "Missouri Valley Blazers", "Dublin City Council": no town's name
            if towns and not any(s.taken[i] for i in range(start, end)
                                 if not t.start <= i < t.end):
                s.drop(key)
                s.add(Toponym(start, end, name, t.rule, t.confidence, towns,
                              dateline=t.dateline))
                break


def possessive_regions(s: Recognition) -> None:
    """"Iraq's autonomous Kurdish region": a region resolved inside its owner country."""
    text, found = s.text, s.found
    for pm in POSSESSIVE.finditer(text):
        o = OWNER_BEFORE.search(text, max(0, pm.start() - 60), pm.start())
        m = REGION_AFTER.match(text, pm.end())
        if not o or not m:
            continue
        owner = s.gaz.lookup(o.group("owner"))
        countries = {e.cc for e in owner if e.kind == "country"}
        if not countries:
            continue
        start, end = m.start("region"), m.end("region")
        name = m.group("name")
        cands = [e for e in s.gaz.lookup(m.group("region")) + s.gaz.lookup(name)
                 if e.cc in countries and e.kind in {"admin1", "admin2", "region"}]
        if not cands:
            continue
        for key in [k for k in found if k[0] < end and start < k[1]]:
            del found[key]
        if text[m.end("name"):end].islower() and s.gaz.lookup(name):
            end = m.end("name")  # "Aceh province": the name is Aceh, as news corpora mark it
        found[(start, end)] = Toponym(start, end, text[start:end], "possessive-region",
                                      0.8, cands, within=countries, relation="'s region")


_CAPITALISED_NAME = re.compile(r"(?<![\w.\-])[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}(?![\w\-])")
_THE_BEFORE = re.compile(r"\bthe $", re.I)
_NEXT_WORD = re.compile(r" ([A-Z][\w'\u2019]*)")
_NOT_NAME_LABELS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                    "QUANTITY", "LANGUAGE"}


def local_towns(doc: Doc, gaz: Gazetteer, toponyms: list[Toponym], area: tuple[str, str]
                ) -> list[Toponym]:
    """Small towns of the region a local story is set in, which the small NER misses
    ("Roselle police", "in Pewaukee"): a capitalised proper name outside the toponyms found,
    exactly the name of a town of ``area`` (country, first-level region), is that town.  A
    name inside a longer one ("Coronado Meat Market", "the Civic Center"; an institution
    word may follow: "Roselle Police"), after "the", before "virus", or a word of a person's
    name in the article ("Campbell said") is no town."""
    text = doc._.text
    taken = [False] * (len(text) + 1)
    for t in toponyms:
        for i in range(t.start, t.end):
            taken[i] = True
    people = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    cc, admin1 = area
    out = []
    for m in _CAPITALISED_NAME.finditer(text):
        start = m.start()
        if _NAME_BEFORE.search(text, max(0, start - 40), start) or _THE_BEFORE.search(
                text, max(0, start - 5), start):
            continue
        words = m.group().split(" ")
        while words:
            end = start + len(" ".join(words))
            nxt = _NEXT_WORD.match(text, end)
            if nxt and nxt.group(1).lower() not in INSTITUTION_WORDS:
                break  # a longer name goes on after it
            if (len(words) == 1 and words[0] in people) or DISEASE_AFTER.match(text, end):
                break
            town = _local_town(doc, gaz, text, start, end, cc, admin1, taken)
            if town is not None:
                out.append(town)
                break
            words.pop()
    return out


_TOWN_CUE = re.compile(r"\b(?:in|near|from|of|outside)\s+$")
_ROAD_NUMBER = re.compile(r"\s+\d")  # "Loop 286": a road


def _local_town(doc: Doc, gaz: Gazetteer, text: str, start: int, end: int, cc: str,
                admin1: str, taken: list[bool]) -> Toponym | None:
    name = text[start:end]
    towns = [e for e in gaz.lookup(name) if e.kind in {"city", "capital"} and e.cc == cc
             and e.admin1 == admin1 and norm(name) in variants(e.name)]
    if not towns or any(taken[start:end]) or _ROAD_NUMBER.match(text, end):
        return None
    if not gazetted(towns) and " " not in name and not _TOWN_CUE.search(
            text, max(0, start - 12), start):
        return None  # a lone postal name ("Ford", "Trent") is a town only where one is put
    span = doc.char_span(start, end)
    if (span is None or any(t.pos_ != "PROPN" for t in span)
            or span[0].ent_type_ in _NOT_NAME_LABELS or span[0].ent_iob_ == "I"):
        return None  # a date, a person, or a word inside a longer entity
    town = max(towns, key=lambda e: e.population)
    return Toponym(start, end, name, "local-town", 0.5, [town], pick=town, margin=2.0)


# resolution --------------------------------------------------------------------------


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


Rule = Callable[[Recognition], None]
# The rules in the order they run; the component leaves out "demonyms" and "known-names"
# when configured without them.
RULES: tuple[tuple[str, Rule], ...] = (
    ("ner", ner_places),
    ("streets", streets),
    ("persons-as-places", persons_as_places),
    ("orgs-as-places", orgs_as_places),
    ("town-services", town_services),
    ("institutions", institutions),
    ("unlikely", unlikely),
    ("demonyms", demonyms),
    ("known-names", known_names),
    ("datelines", datelines),
    ("state-qualifiers", state_qualifiers),
    ("qualified-towns", qualified_towns),
    ("affiliations", affiliations),
    ("county-lists", county_lists),
    ("discourse", discourse),
    ("longer-towns", longer_towns),
    ("possessive-regions", possessive_regions),
    ("mastheads", mastheads),
    ("diseases", diseases),
    ("organisations-of-a-continent", organisations_of_a_continent),
    ("saints-institutions", saints_institutions),
    ("common-words", common_words),
    ("shouted-words", shouted_words),
)


def recognise(doc: Doc, rules: tuple[tuple[str, Rule], ...] = RULES,
              gaz: Gazetteer | None = None) -> list[Toponym]:
    """The toponyms of a Doc, in text order, found by ``rules`` in turn."""
    names = {name for name, _ in rules}
    s = Recognition(doc, gaz or load_gazetteer(), use_matcher="known-names" in names)
    for _, rule in rules:
        rule(s)
    return s.toponyms()
