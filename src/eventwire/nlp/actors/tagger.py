"""The ``eventwire_actors`` spaCy component: actor mentions coded POLECAT/PLOVER-style.

One PhraseMatcher over the actor dictionary (built once per component) finds countries,
demonyms, capitals, organisations, groups, sector words and titles.  Around each sector word
or title the noun phrase is read leftwards ("seven civilians", "Iranian-backed militias",
"Iraqi Foreign Minister Fuad Hussein") to combine country, backer and sector; PERSON entities
take role and affiliation from a title before the name or an apposition after it; surnames
corefer with the full name used earlier.  Names used as places ("near Baghdad") are left out.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from eventwire.models import Mention
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.actors.chunks import (
    FORMER,
    Chunk,
    Hit,
    chunk_sector,
    combine_sectors,
    read_chunks,
)
from eventwire.nlp.actors.dictionary import ActorDictionary, ActorEntry, load_actor_dictionary
from eventwire.nlp.actors.people import Draft, link_people
from eventwire.nlp.actors.syntax import (
    PLACE_NOUNS,
    acts_like_actor,
    is_dateline,
    is_locative,
    not_a_nationality,
)

__all__ = ["ActorTagger", "code_actor_text", "load_actor_dictionary"]

_PRIORITY = ("group", "igo", "person", "country", "capital", "demonym", "people", "title",
             "sector", "place", "ignore")


def build_matcher(nlp: Language, dictionary: ActorDictionary) -> PhraseMatcher:
    """One PhraseMatcher on lower-cased text, one label per dictionary key."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, entries in dictionary.entries.items():
        spellings = {e.alias for e in entries}
        spellings |= {s.replace("'", "’") for s in spellings if "'" in s}
        matcher.add(key, list(nlp.tokenizer.pipe(sorted(spellings))))
    return matcher


def find_hits(doc: Doc, matcher: PhraseMatcher, dictionary: ActorDictionary) -> list[Hit]:
    """Longest non-overlapping matches whose capitalisation fits, minus those inside names."""
    strings = doc.vocab.strings
    found = []
    matches = matcher(doc)
    doc.user_data[_MATCHED] = [(start, end) for _, start, end in matches]
    for match_id, start, end in matches:
        entries = _fitting(dictionary, strings[match_id], doc[start:end].text)
        if entries:
            found.append(Hit(start, end, list(entries)))
    found.sort(key=lambda h: (h.start - h.end, h.start))
    taken = bytearray(len(doc))
    person_len = [0] * len(doc)
    nationals = bytearray(len(doc))
    for h in found:
        if h.top.kind in ("country", "demonym", "people"):
            nationals[h.start:h.end] = b"\x01" * (h.end - h.start)
    for ent in doc.ents:
        # "Bosnian Serbs" tagged PERSON is a people, not a name
        if ent.label_ == "PERSON" and not all(nationals[ent.start:ent.end]):
            person_len[ent.start:ent.end] = [ent.end - ent.start] * (ent.end - ent.start)
    hits = []
    for h in found:
        if any(taken[h.start:h.end]):
            continue
        taken[h.start:h.end] = b"\x01" * (h.end - h.start)
        # "Michael Jordan", "Richard Wagner": a name inside a longer person name is the name.
        if h.top.kind not in ("person", "title", "sector") and min(
            person_len[h.start:h.end]
        ) > h.end - h.start:
            continue
        if h.top.kind != "ignore":
            hits.append(h)
    hits.sort(key=lambda h: h.start)
    return hits


def _fitting(dictionary: ActorDictionary, key: str, text: str) -> tuple[ActorEntry, ...]:
    """The entries of a matched phrase whose capitalisation fits its text, in priority
    order, remembered by the dictionary: the same phrases recur in every article."""
    memo = dictionary.fitting
    found = memo.get((key, text))
    if found is None:
        if len(memo) >= _FITTING_MAX:  # spellings grow without end on a big corpus
            memo.clear()
        words = text.split()
        found = memo[(key, text)] = tuple(sorted(
            (e for e in dictionary.entries[key] if e.case_ok(words)),
            key=lambda e: _PRIORITY.index(e.kind)))
    return found


_FITTING_MAX = 50_000


class ArticleContext:
    """Where the article happens, for proxies ("Iran-backed militias" fight where the news
    is): places named, names mentioned, the dateline.  Which country unmarked domestic actors
    ("police", "the judge") belong to is decided once, by the event stage, when the article's
    places are resolved (``eventwire.events.context.home_country``)."""

    def __init__(self, doc: Doc, hits: list[Hit], dictionary: ActorDictionary):
        self.scores: dict[str, float] = {}
        self.where: dict[str, float] = {}  # countries named as places and in the dateline
        self.locative: set[int] = set()
        for h in hits:
            e = h.get("country", "capital", "demonym", "people", "place")
            if e is None or h.top.kind in ("group", "igo") or not e.country:
                continue
            weight = 1.0
            if e.kind == "place" or (
                e.kind in ("country", "capital") and is_locative(doc, h.start, h.end)
            ):
                self.locative.add(h.start)
                weight = 2.0
                self.where[e.country] = self.where.get(e.country, 0.0) + 1.0
            self.scores[e.country] = self.scores.get(e.country, 0.0) + weight
        dateline = doc._.dateline or ""
        for word in (dateline.split("(")[0].strip(" ,:-—"), dateline.split(",")[0].strip()):
            for e in dictionary.lookup(word.title()):
                if e.kind in ("capital", "country"):
                    self.scores[e.country] = self.scores.get(e.country, 0.0) + 2.0
                    self.where[e.country] = self.where.get(e.country, 0.0) + 2.0
                    break

    def country(self, exclude: str | None = None) -> str | None:
        """Where the article happens, other than ``exclude`` (a backer is not where its proxy
        is): the country most named as a place, else the most named one.  A proxy fights where
        the news happens ("Iran-backed militias" in a story set in Baghdad are Iraqi), not in
        the country most quoted (the US warning them)."""
        for scores in (self.where, self.scores):
            ranked = sorted(((s, c) for c, s in scores.items() if c != exclude), reverse=True)
            if ranked:
                return ranked[0][1]
        return None


def _chunk_drafts(chunk: Chunk, ctx: ArticleContext) -> list[Draft]:
    """A sector phrase (or an unnamed official) as one mention per country it names."""
    group = chunk.group
    sector = chunk_sector(chunk)
    kind = "person" if chunk.title and not chunk.plural else "sector"
    if kind == "person" and sector is None:
        sector = "GOV"  # "the official", "a spokesman" of a state
    countries = [c for _, c in chunk.countries] or ([group.country] if group else [])
    rule, conf = ("title" if kind == "person" else "sector"), 0.8
    if not countries and chunk.backed_by:
        countries, rule, conf = [ctx.country(exclude=chunk.backed_by)], "backed+context", 0.6
    if not countries:
        countries, conf = [None], 0.6
    drafts = []
    for n, country in enumerate(dict.fromkeys(countries)):
        start = chunk.start if n == 0 else next(s for s, c in chunk.countries if c == country)
        drafts.append(Draft(
            start=start, end=chunk.end, kind=kind, rule=rule, confidence=conf, country=country,
            sector=sector, backed_by=chunk.backed_by, role=chunk.role,
            affiliation=group.name if group else chunk.affiliation,
            key=("sector", country, sector, chunk.backed_by) if country else None,
        ))
    return drafts


def _hit_draft(doc: Doc, h: Hit, ctx: ArticleContext) -> Draft | None:
    """A dictionary name standing on its own, or None when it is used as a place."""
    e = h.top
    if e.kind in ("group", "igo", "person"):
        country, sector = e.coded_at(doc._.published)  # the office held on the day
        return Draft(h.start, h.end, e.kind, f"dict:{e.kind}", 0.9, country, sector,
                     e.backed_by, name=e.name, key=("org", e.name))
    if h.start in ctx.locative or is_dateline(doc, h.start, h.end):
        return None
    if not_a_nationality(doc, h.start):
        return None
    if e.kind == "country":
        return Draft(h.start, h.end, "country", "dict:country", 0.8, e.country, None,
                     name=e.name, key=("country", e.country))
    if e.kind == "capital":
        if not acts_like_actor(doc, h.start, h.end):
            return None
        return Draft(h.start, h.end, "country", "metonym:capital", 0.7, e.country, "GOV",
                     name=e.name, key=("sector", e.country, "GOV", None))
    nxt = doc[h.end] if h.end < len(doc) else None
    if nxt is not None and (nxt.lower_ in PLACE_NOUNS or nxt.text == "-"):
        return None
    if e.kind == "people":
        return Draft(h.start, h.end, "country", "dict:people", 0.7, e.country, None,
                     name=e.name, key=("country", e.country))
    return Draft(h.start, h.end, "country", "demonym", 0.5, e.country, None, name=e.name,
                 key=("country", e.country))


def mentions_for(doc: Doc, matcher: PhraseMatcher, dictionary: ActorDictionary) -> list[Mention]:
    """Every actor mention of one article, with coreference chains numbered from 1."""
    if len(doc) == 0:
        return []
    hits = find_hits(doc, matcher, dictionary)
    ctx = ArticleContext(doc, hits, dictionary)
    chunks = read_chunks(doc, hits)
    people, used = link_people(doc, hits, chunks)
    drafts: list[Draft] = list(people)
    covered = bytearray(len(doc))
    for d in people:
        covered[d.start:d.end] = b"\x01" * (d.end - d.start)
    for n, chunk in enumerate(chunks):
        if n not in used and not any(covered[chunk.head_start:chunk.head_end]):
            drafts.extend(_chunk_drafts(chunk, ctx))
            covered[chunk.start:chunk.end] = b"\x01" * (chunk.end - chunk.start)
    for h, nxt in zip(hits, hits[1:], strict=False):
        e = h.get("country", "demonym")
        people = nxt.get("people")
        if (e is not None and people is not None and nxt.start == h.end
                and e.country != people.country and h.top.kind in ("country", "demonym")
                and not any(covered[h.start:nxt.end])):
            # "Bosnian Serbs", "Kosovo Albanians": a people coded by the state they live in
            drafts.append(Draft(h.start, nxt.end, "country", "residence+people", 0.7,
                                e.country, None, name=e.name, key=("country", e.country)))
            covered[h.start:nxt.end] = b"\x01" * (nxt.end - h.start)
    for h in hits:
        if h.top.kind in ("title", "sector", "place") or any(covered[h.start:h.end]):
            continue
        d = _hit_draft(doc, h, ctx)
        if d is not None:
            drafts.append(d)
    drafts.sort(key=lambda d: (d.start, d.end))
    return _to_mentions(doc, drafts)


def _to_mentions(doc: Doc, drafts: list[Draft]) -> list[Mention]:
    ids: dict[object, int] = {}
    out = []
    article_id = doc._.article_id or ""
    full_text = doc._.text
    for d in drafts:
        key = d.key if d.key is not None else ("single", d.start)
        entity_id = ids.setdefault(key, len(ids) + 1)
        span = doc[d.start:d.end]
        start, end = span.start_char, span.end_char
        text = full_text[start:end]
        for suffix in ("’s", "'s"):
            if text.endswith(suffix) and d.kind == "person":
                text, end = text[: -len(suffix)], end - len(suffix)
        out.append(Mention(
            article_id=article_id, start=start, end=end, text=text, rule=d.rule,
            confidence=d.confidence, kind=d.kind, name=d.name, country=d.country,
            sector=d.sector, backed_by=d.backed_by, role=d.role, affiliation=d.affiliation,
            entity_id=entity_id,
        ))
    return out


class ActorTagger:
    """The pipeline component; the dictionary and its matcher are built once per instance.

    Later components code phrases of their Doc with ``code_span`` (they find the tagger with
    ``nlp.get_pipe``), so the matcher is built once per pipeline."""

    def __init__(self, nlp: Language, name: str = "eventwire_actors",
                 dictionary: ActorDictionary | None = None):
        self.name = name
        self.dictionary = dictionary or load_actor_dictionary()
        self.matcher = build_matcher(nlp, self.dictionary)

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = mentions_for(doc, self.matcher, self.dictionary)
        return doc

    def code_span(self, span: Span) -> tuple[str | None, str | None]:
        """(country, sector) of a phrase of a Doc this tagger ran on, as ``code_actor_text``
        reads it."""
        matched = span.doc.user_data.get(_MATCHED)
        if matched is not None and not any(span.start <= s and e <= span.end
                                           for s, e in matched):
            return None, None  # no dictionary phrase inside: skip copying the Doc (O(Doc))
        return _code_phrase(span.as_doc(), self.matcher, self.dictionary)


@Language.factory(
    "eventwire_actors", default_config={"actor_files": []},
    assigns=["doc._.mentions"],
    requires=["token.tag", "token.dep", "token.lemma", "doc.ents"],
)
def make_actor_tagger(nlp: Language, name: str, actor_files: list[str]) -> ActorTagger:
    """``actor_files``: the user's dictionary files (``Settings.actor_files``)."""
    return ActorTagger(nlp, name, load_actor_dictionary(tuple(actor_files)))


# Where the tagger's matcher matched in a Doc (token start, end), kept on the Doc.
_MATCHED = "eventwire.actor_matches"


@lru_cache(maxsize=1)
def _phrase_coder() -> tuple[Language, PhraseMatcher, ActorDictionary]:
    nlp = spacy.blank("en")
    dictionary = load_actor_dictionary()
    return nlp, build_matcher(nlp, dictionary), dictionary


def code_actor_text(text: str) -> tuple[str | None, str | None]:
    """(country, sector) of a bare actor phrase: "Israeli police" -> ("ISR", "COP").

    The phrase is known to name an actor, so a capital is read as its government and no
    place test applies.  A named group or organisation gives the country before a demonym
    does ("pro-Iranian Hezbollah" is LBN); sector words give the sector before the group.
    """
    nlp, matcher, dictionary = _phrase_coder()
    return _code_phrase(nlp.make_doc(text or ""), matcher, dictionary)


def _code_phrase(doc: Doc, matcher: PhraseMatcher,
                 dictionary: ActorDictionary) -> tuple[str | None, str | None]:
    hits = find_hits(doc, matcher, dictionary)
    named = [h for h in hits if h.top.kind in ("group", "igo", "person")]
    places = [h for h in hits if h.top.kind in ("country", "capital", "demonym", "people")
              and not not_a_nationality(doc, h.start)
              and not (h.start >= 2 and doc[h.start - 1].text == "-"
                       and doc[h.start - 2].lower_ == "pro")]
    first = (named or places or [None])[0]
    country = first.top.country if first else None
    words = [h.get("title", "sector") for h in hits]
    sector = combine_sectors([e.sector for e in words if e is not None])
    top = first.top if first is not None else None
    if top is not None and top.sector and (
        sector is None or (top.kind in ("group", "igo", "person") and sector in ("GOV", "MIL"))
    ):
        sector = top.sector
    if sector is None and any(e is not None and e.kind == "title" for e in words):
        sector = "GOV"
    if sector == "GOV" and any(t.lower_ in FORMER for t in doc):
        sector = "ELI"
    return country, sector
