"""Actor noun phrases built around sector words and titles.

"seven civilians", "Iranian-backed militias", "Israeli and Palestinian officials", "a senior
Hamas official", "Iraqi Foreign Minister Fuad Hussein": the head word gives the sector (or
the role), the words before it give countries, backers and groups, and the words after it a
person's name, "backed by X", "of X" or an affiliation ("a leader in the Islamist movement").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwire.nlp.actors.dictionary import ActorEntry
from eventwire.nlp.actors.syntax import not_a_nationality

MODIFIER_KINDS = ("group", "igo", "person", "country", "capital", "demonym", "people")
BACKING = {"backed", "sponsored", "supported", "funded", "armed", "aligned", "allied", "trained",
           "linked", "financed"}
# "Hamas-run ministry", "US-led coalition": the owner, not a sponsor.
CONTROL = {"run", "led", "controlled", "held", "owned", "dominated", "commanded"}
# Nouns after a sector word that keep it an actor ("paramilitary network"), unlike
# "press conference" or "military base".
ORG_NOUNS = {"network", "group", "groups", "unit", "units", "wing", "personnel", "members",
             "movement", "organisation", "organization", "faction", "factions", "alliance",
             "brigade", "brigades", "battalion", "battalions", "force", "formations", "party",
             "militia", "militias", "coalition", "body", "agency", "council", "committee"}
# A state's offices, which a nationality before them places in that state ("a spokesman for
# the British Foreign Office", "for the French embassy"); no armed or political group.
STATE_OFFICES = {"office", "embassy", "consulate", "mission", "department", "presidency",
                 "cabinet", "government", "ministry"}
# "that group", "the movement": an anaphor for the last group named before.
ANAPHORS = {"that", "the", "this", "its"}
AFFILIATION_PREPS = {"in", "of", "for", "at", "with", "from", "within"}
OTHER_OWNERS = {"our", "my", "your"}
FORMER = {"former", "ousted", "exiled", "deposed", "ex", "late"}
_DETS = {"a", "an", "the"}
_MODIFIER_DEPS = {"amod", "compound", "nummod", "quantmod", "advmod", "npadvmod", "nmod", "punct"}
_NAME_BREAK = {"PUNCT", "VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PRON"}


@dataclass
class Hit:
    """A dictionary match that passed the case test, its entries in priority order."""

    start: int
    end: int
    entries: list[ActorEntry]

    @property
    def top(self) -> ActorEntry:
        return self.entries[0]

    def get(self, *kinds: str) -> ActorEntry | None:
        return next((e for e in self.entries if e.kind in kinds), None)


@dataclass
class Chunk:
    """A noun phrase headed by sector words or titles, and what its other words say."""

    start: int
    end: int
    head_start: int
    head_end: int
    title: bool
    plural: bool
    sector: str | None
    role: str
    countries: list[tuple[int, str]] = field(default_factory=list)  # (token, ISO code)
    backed_by: str | None = None
    group: ActorEntry | None = None
    affiliation: str | None = None
    person: tuple[int, int] | None = None  # the name right after a title


def combine_sectors(sectors: list[str | None]) -> str | None:
    """The last word is the head; a weak head yields to a modifier's sector.

    "army spokesman" MIL, "military authority" MIL, "opposition leader" OPP, "rebel
    commander" REB, but "government forces" MIL and "military court" JUD.
    """
    if not sectors:
        return None
    head = sectors[-1]
    for mod in reversed(sectors[:-1]):
        if mod is not None and (head in (None, "GOV") or (head == "MIL" and mod != "GOV")):
            head = mod
    return head


_ARMED_OR_WEAK = {None, "GOV", "MIL", "REB", "PRM", "UAF"}


def chunk_sector(c: Chunk) -> str | None:
    """A title or fighter of a non-state group takes the group's sector ("Hamas official"
    REB, "Hashed fighters" PRM); an organisation's ("NATO secretary-general") keeps its own."""
    g = c.group
    if g is not None and g.kind == "group" and g.sector and c.sector in _ARMED_OR_WEAK:
        return g.sector
    return c.sector


class _Reader:
    """Per-document indexes shared by every chunk of that document."""

    def __init__(self, doc: Doc, hits: list[Hit]):
        self.doc = doc
        self.hits = hits
        self.owner = [-1] * len(doc)
        for n, h in enumerate(hits):
            self.owner[h.start:h.end] = [n] * (h.end - h.start)
        self.ent_end = {e.start: (e.end, e.label_) for e in doc.ents}
        self.group_counts = Counter(h.top.name for h in hits if h.top.kind == "group")
        self.group_entries = {h.top.name: h.top for h in hits if h.top.kind == "group"}.values()

    def modifier(self, i: int) -> Hit | None:
        if 0 <= i < len(self.doc) and self.owner[i] >= 0:
            h = self.hits[self.owner[i]]
            if h.top.kind in MODIFIER_KINDS:
                return h
        return None

    def person_at(self, i: int) -> tuple[int, int] | None:
        end, label = self.ent_end.get(i, (0, ""))
        return (i, end) if label == "PERSON" else None


def _heads(doc: Doc, hits: list[Hit]) -> list[list[Hit]]:
    """Runs of adjacent sector words and titles ("army spokesman", "diplomat and politician")."""
    runs: list[list[Hit]] = []
    for h in hits:
        if h.top.kind not in ("title", "sector"):
            continue
        if runs:
            prev = runs[-1][-1]
            joined = h.start == prev.end or (
                h.start == prev.end + 1 and doc[prev.end].lower_ == "and"
                and h.top.kind == "title" and prev.top.kind == "title"
            )
            if joined:
                runs[-1].append(h)
                continue
        runs.append([h])
    return runs


def read_chunks(doc: Doc, hits: list[Hit]) -> list[Chunk]:
    """Every sector or title phrase in the document."""
    reader = _Reader(doc, hits)
    chunks = []
    for run in _heads(doc, hits):
        chunk = _read(reader, run)
        if chunk is not None:
            chunks.append(chunk)
    return chunks


def _read(r: _Reader, run: list[Hit]) -> Chunk | None:
    doc = r.doc
    hs, he = run[0].start, run[-1].end
    nxt = doc[he] if he < len(doc) else None
    last = doc[he - 1]
    if nxt is not None and nxt.text == "-" and not last.whitespace_:
        return None  # "rebel-held", "police-run"
    if (nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in ORG_NOUNS
            and last.dep_ in ("compound", "amod", "nmod")):
        return None  # "press conference", "military base", "official figures"
    prev = doc[hs - 1] if hs else None
    if prev is not None and prev.text == "-" and not prev.whitespace_ and len(run) == 1:
        return None  # "15-member committee", "anti-government"
    if prev is not None and prev.lower_ in OTHER_OWNERS:
        return None  # "our people": the owner is the speaker, not an actor we can code
    if hs >= 3 and prev is not None and prev.lower_ in _DETS and doc[hs - 2].text == ",":
        if any(r.modifier(k) for k in range(max(hs - 4, 0), hs - 2)):
            return None  # "Egypt, a mediator in ...": describes the name before it
    entries = [h.get("title", "sector") for h in run]
    title = run[-1].top.kind == "title"
    chunk = Chunk(
        start=hs, end=he, head_start=hs, head_end=he, title=title,
        plural=last.tag_ in ("NNS", "NNPS") or (not title and last.lower_.endswith("s")),
        sector=combine_sectors([e.sector for e in entries if e is not None]),
        role=" ".join(doc[hs:he].text.lower().split()),
    )
    _read_left(r, chunk)
    _read_right(r, chunk)
    if chunk.end == he and nxt is not None and nxt.lower_ in ORG_NOUNS:
        chunk.end = he + 1  # "paramilitary network"
    if chunk.sector == "GOV" and any(
        t.lower_ in FORMER for t in doc[chunk.start:chunk.head_start]
    ):
        chunk.sector = "ELI"  # "former prime minister", "ousted president"
    default = next((e.country for e in entries if e is not None and e.country), None)
    if default and not chunk.countries and chunk.group is None:
        chunk.countries = [(hs, default)]  # "assistant secretary of state" is American
    return chunk


def _read_left(r: _Reader, c: Chunk) -> None:
    doc = r.doc
    k = c.head_start - 1
    while k >= 0 and not doc[k + 1].is_sent_start:
        t = doc[k]
        h = r.modifier(k)
        if h is not None:
            e = h.top
            if h.start >= 2 and doc[h.start - 1].text == "-" and doc[h.start - 2].lower_ == "pro":
                c.backed_by = c.backed_by or e.country  # "pro-Iran forces"
                k = c.start = h.start - 2
            elif not_a_nationality(doc, h.start):
                k = c.start = h.start - (1 if doc[h.start - 1].lower_ == "ethnic" else 2)
            else:
                if e.kind in ("group", "igo") and c.group is None:
                    c.group = e
                elif e.country:
                    c.countries.insert(0, (h.start, e.country))
                k = c.start = h.start
            k -= 1
            continue
        if t.tag_ == "POS" and r.modifier(k - 1) is not None:
            k -= 1  # "Washington's top envoy"
            continue
        if t.lower_ in BACKING | CONTROL and k >= 2 and doc[k - 1].text == "-":
            owner = r.modifier(k - 2)
            if owner is not None:
                if t.lower_ in BACKING:  # "Iranian-backed militias"
                    c.backed_by = c.backed_by or owner.top.country
                else:  # "US-led coalition", "Hamas-run health ministry" (still GOV)
                    c.countries.insert(0, (owner.start, owner.top.country))
                    if owner.top.kind in ("group", "igo"):
                        c.affiliation = c.affiliation or owner.top.name
                k = c.start = owner.start
                k -= 1
                continue
        if t.lower_ in ("and", ",", "or") and c.countries and c.countries[0][0] == k + 1:
            other = r.modifier(k - 1)
            if other is not None and other.top.kind in ("demonym", "country"):
                k -= 1  # "Israeli and Palestinian officials"
                continue
        if t.pos_ in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "SPACE", "X"):
            break
        if t.pos_ == "PUNCT" and not (t.text == "-" and not t.whitespace_):
            break
        if t.ent_type_ in ("PERSON", "GPE", "ORG") and t.pos_ == "PROPN":
            break
        if (t.dep_ in _MODIFIER_DEPS or t.text == "-") and k < t.head.i <= c.head_end:
            c.start = k
            k -= 1
            continue
        break


def _read_right(r: _Reader, c: Chunk) -> None:
    doc = r.doc
    n = len(doc)
    j = c.head_end
    while j < n and doc[j].is_space:
        j += 1
    if j >= n:
        return
    if c.title:
        person = r.person_at(j)
        if person is None and doc[j].lower_ in ("on", "for", "to"):
            for k in range(j + 1, min(j + 6, n)):  # "the US envoy on Iran Elliott Abrams"
                person = r.person_at(k)
                tok = doc[k]
                if person or not (tok.is_space or tok.pos_ in ("PROPN", "DET")
                                  or r.modifier(k)):
                    break
        if person is None and doc[j].pos_ == "PROPN" and doc[j].is_title and r.owner[j] < 0 \
                and doc[j].ent_type_ in ("", "PERSON"):
            end = j
            while end < n and end - j < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                    and r.owner[end] < 0:
                end += 1
            person = (j, end)  # a name the entity recogniser missed
        if person is not None:
            c.person = person
            return
    low = doc[j].lower_
    if low in BACKING and j + 1 < n and doc[j + 1].lower_ == "by":
        k = j + 2 + (j + 2 < n and doc[j + 2].lower_ == "the")
        backer = r.modifier(k)
        if backer is not None:  # "militias backed by Iran"
            c.backed_by = c.backed_by or backer.top.country
            c.end = backer.end
        return
    if low in AFFILIATION_PREPS:
        _read_affiliation(r, c, j)


def _read_affiliation(r: _Reader, c: Chunk, j: int) -> None:
    """ "of Iraq", "in the Palestinian Islamist movement", "for the Yemeni army"."""
    doc = r.doc
    end = j + 1
    while end < len(doc) and end - j <= 8 and doc[end].pos_ not in _NAME_BREAK:
        end += 1
    if end == j + 1:
        return
    words = doc[j + 1:end]
    found = [r.hits[n] for n in sorted({r.owner[k] for k in range(j + 1, end)} - {-1})]
    groups = [h for h in found if h.top.kind in ("group", "igo")]
    places = [h for h in found if h.top.kind in MODIFIER_KINDS and h not in groups]
    sectors = [h.get("title", "sector") for h in found if h.top.kind in ("title", "sector")]
    org_noun = doc[end - 1].lower_ in ORG_NOUNS
    before = (c.group, c.countries, c.sector, c.affiliation)
    if groups:
        c.group = c.group or groups[0].top
    elif org_noun and doc[j + 1].lower_ in ANAPHORS and len(words) == 2:
        n = r.owner[c.head_start] - 1
        while n >= 0 and r.hits[n].top.kind not in ("group", "igo"):
            n -= 1
        if n >= 0:  # "a commander for that group"
            c.group = c.group or r.hits[n].top
    elif org_noun and places:
        iso = places[0].top.country
        named = [e for e in r.group_entries if e.country == iso]
        if named:  # "the Palestinian Islamist movement" in an article about Hamas
            c.group = c.group or max(named, key=lambda e: r.group_counts[e.name])
    # "of Iraq", "for the Yemeni army" give a country; "officials in Muscat" does not.
    if places and not c.countries and c.group is None and (
        doc[j].lower_ == "of" or sectors or org_noun or doc[end - 1].lower_ in STATE_OFFICES
    ):
        c.countries = [(places[0].start, places[0].top.country)]
    if c.title and sectors:
        c.sector = combine_sectors([e.sector for e in sectors if e] + [c.sector])
    if c.title and c.group is None and doc[end - 1].pos_ in ("NOUN", "PROPN"):
        c.affiliation = words.text
    if before == (c.group, c.countries, c.sector, c.affiliation):
        return
    if c.person is None:
        c.end = end
