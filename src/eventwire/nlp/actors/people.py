"""People: names with the role, country and affiliation the article gives them.

A title before the name ("Iraqi Foreign Minister Fuad Hussein"), an apposition after it
("David Schenker, assistant secretary of state") or before it ("Washington's top envoy, Steve
Witkoff") codes the person.  Later mentions by surname ("Schenker") join the chain of the
full name and inherit its code, including surnames the entity recogniser did not tag.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.tokens import Doc

from eventwire.nlp.actors.chunks import Chunk, Hit, chunk_sector
from eventwire.nlp.columns import among, sorted_keys

_DETS = {"a", "an", "the"}
_INHERITED = ("role", "country", "sector", "affiliation")


@dataclass
class Draft:
    """A mention before offsets and chain numbers are attached; spans are token indexes."""

    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    country: str | None = None
    sector: str | None = None
    backed_by: str | None = None
    role: str | None = None
    affiliation: str | None = None
    name: str | None = None
    key: object = None
    full: bool = False  # named by first and last name in the text


def _clean_name(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip(" ,.")


def _same_person(name: str, entry_name: str) -> bool:
    """A full name in the text and a dictionary person matched on part of it are one
    person when their first names agree (or the entry gives none)."""
    mine, theirs = name.lower().split(), entry_name.lower().split()
    return len(theirs) < 2 or mine[0] == theirs[0] or mine[0].rstrip(".") == theirs[0][:1]


def _code_from(chunk: Chunk, d: Draft) -> None:
    group = chunk.group
    sector = chunk_sector(chunk) or "GOV"
    d.role = chunk.role
    d.country = chunk.countries[0][1] if chunk.countries else (group.country if group else None)
    d.sector = sector
    d.backed_by = chunk.backed_by
    d.affiliation = group.name if group else chunk.affiliation


def _names(doc: Doc, chunks: list[Chunk]) -> list[tuple[int, int]]:
    spans = {(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"}
    spans |= {c.person for c in chunks if c.person is not None}
    starts = sorted(spans, key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for s in starts:
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    return out


def link_people(doc: Doc, hits: list[Hit], chunks: list[Chunk]) -> tuple[list[Draft], set[int]]:
    """Person drafts (with coreference keys) and the indexes of the chunks they absorbed."""
    named = bytearray(len(doc))
    known: dict[int, Hit] = {}
    for h in hits:
        if h.top.kind == "person":
            known[h.start] = h  # a dictionary person inside a recognised name codes it
        elif h.top.kind not in ("title", "sector"):
            named[h.start:h.end] = b"\x01" * (h.end - h.start)
    by_person = {c.person[0]: n for n, c in enumerate(chunks) if c.person is not None}
    titles = [n for n, c in enumerate(chunks) if c.title and c.person is None]
    by_start = {chunks[n].start: n for n in titles}
    by_end = {chunks[n].end: n for n in titles}
    used: set[int] = set()
    people: list[Draft] = []
    for s, e in _names(doc, chunks):
        if any(named[s:e]):
            continue  # "Hashed Al-Shaabi" tagged PERSON is the group
        name = _clean_name(doc[s:e].text)
        if not name:
            continue
        d = Draft(s, e, "person", "ner:person", 0.7, name=name, full=len(name.split()) > 1)
        n = by_person.get(s)
        if n is not None:
            d.start, d.rule, d.confidence = chunks[n].start, "title+person", 0.9
        else:
            j = e + (e < len(doc) and doc[e].text == ",")
            j += j < len(doc) and doc[j].lower_ in _DETS
            n = by_start.get(j) if j > e else None
            if n is not None:
                d.rule, d.confidence = "person+apposition", 0.85
            elif s >= 1 and doc[s - 1].text == ",":
                n = by_end.get(s - 1)
                if n is not None:
                    d.rule, d.confidence = "apposition+person", 0.85
        if n is not None and n not in used:
            used.add(n)
            _code_from(chunks[n], d)
        hit = next((known[k] for k in range(s, e) if k in known), None)
        entry = hit.top if hit is not None else None
        if entry is not None and d.full and hit.end - hit.start < e - s and \
                not _same_person(name, entry.name):
            entry = None  # "Keron Blair" is not the dictionary's Tony Blair
        if entry is not None:
            country, sector = entry.coded_at(doc._.published)  # the office held on the day
            d.country = d.country or country
            d.sector = d.sector or sector
        people.append(d)
    _corefer(doc, people, hits, chunks)
    return people, used


def _corefer(doc: Doc, people: list[Draft], hits: list[Hit], chunks: list[Chunk]) -> None:
    """Chain people by name; surnames join the full name and share its code."""
    full: dict[str, Draft] = {}
    for d in people:
        words = d.name.split()
        if len(words) >= 2:
            ref = full.get(d.name) or next(
                (r for r in full.values() if r.name.split()[-1] == words[-1]), None
            )
            if ref is None:
                full[d.name] = d
                d.key = ("person", d.name)
            else:
                d.key, d.name = ref.key, ref.name
        else:
            ref = next((r for r in full.values() if words[0] in r.name.split()), None)
            d.key = ref.key if ref else ("person", d.name)
            if ref is not None:
                d.name, d.rule = ref.name, d.rule + "+coref"
    surnames = {r.name.split()[-1]: r for r in full.values()}
    taken = bytearray(len(doc))
    for d in people:
        taken[d.start:d.end] = b"\x01" * (d.end - d.start)
    for h in hits:
        taken[h.start:h.end] = b"\x01" * (h.end - h.start)
    for c in chunks:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    if surnames:
        by_hash = {doc.vocab.strings.add(k): v for k, v in surnames.items()}
        orth = doc.to_array("ORTH")
        for i in numpy.flatnonzero(among(orth, sorted_keys(by_hash))).tolist():
            ref = by_hash[int(orth[i])]
            if not taken[i] and i > ref.start:
                people.append(Draft(i, i + 1, "person", "coref:surname", 0.6,
                                    name=ref.name, key=ref.key))
    chains: dict[object, list[Draft]] = {}
    for d in people:
        chains.setdefault(d.key, []).append(d)
    for members in chains.values():
        # Only mentions by full name code the chain: "President Clinton" may be another Clinton.
        providers = [m for m in members if m.full] or members
        for attr in _INHERITED:
            value = next((getattr(m, attr) for m in providers if getattr(m, attr)), None)
            for m in members:
                if getattr(m, attr) is None:
                    setattr(m, attr, value)
