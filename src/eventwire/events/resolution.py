"""Within-article event resolution: the mentions of one real event become one record.

A news story reports its event in the headline, the lead, a quote and a recap ("the attack",
"the blast").  Coded sentence by sentence these are many events with different, partial
arguments.  Mentions of the same type whose actors, date and place agree are merged into
the first: the record keeps every mention's span (``field_rules["mentions"]``) and takes
the most specific place, the stated date and the highest count from any of them.

Verbal acts (statements, demands, refusals) merge only when the same speaker is named, since
two officials of one country who both criticise something are two events; material acts
(attacks, arrests, protests, releases) merge when nothing in their arguments tells them apart.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from eventwire.events.anchors import _specificity
from eventwire.events.context import PLACED as MATERIAL
from eventwire.events.context import _own_date, narration_shift, own_place, scoped
from eventwire.events.triggers import other_side_of_swap
from eventwire.models import ActorRef, Event, Place

VERBAL = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_KM_SAME_PLACE = 50.0
_DEFINITE = frozenset({"the", "those", "these", "this", "that"})
_LEAD = 3  # sentences after the headline that tell its story
# Sentences after a record's latest mention within which a story goes on telling it: a
# mention there with nothing of its own to tell it apart ("the two fought for the gun",
# "four shots struck him") elaborates the same event.
_NEAR = 3


def counted(ev: Event) -> bool:
    return not (ev.negated or ev.hypothetical or ev.aggregate)


def _countries(refs: list[ActorRef]) -> set[str]:
    return {a.country for a in refs if a.country}


def _compatible_sides(a: list[ActorRef], b: list[ActorRef]) -> bool:
    ca, cb = _countries(a), _countries(b)
    return not ca or not cb or bool(ca & cb)


def _names(refs: list[ActorRef]) -> set[str]:
    """Last words of the named actors: "Esper" for "Defense Secretary Mark Esper"."""
    out = set()
    for a in refs:
        if a.name is None and a.sector is not None:
            continue  # "Lawmaker urges ...": a role, capitalised as a headline's first word
        words = (a.name or a.text or "").replace("'s", "").split()
        if words and words[-1][:1].isupper():
            out.add(words[-1].lower())
    return out


def _km(a: Place, b: Place) -> float | None:
    from eventwire.eval.events import km

    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return km(a.lat, a.lon, b.lat, b.lon)


def _compatible_places(a: Place | None, b: Place | None) -> bool:
    """No place of one is out of the other's reach: the same country, towns within 50 km,
    and, short of two towns, the same region ("exploded in Chelsea" is in New York, not in
    New Jersey)."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if _specificity(a) == 3 and _specificity(b) == 3:
        dist = _km(a, b)
        return dist is None or dist <= _KM_SAME_PLACE
    return not (_specificity(a) > 1 and _specificity(b) > 1 and a.admin1 and b.admin1
                and a.admin1 != b.admin1)


def _first_told_in_its_sentence(host: Event, out: list[Event], later: Event) -> Event:
    """Of two acts of one type told in one sentence ("the navy sank a trawler that pirates
    had seized"), a later sentence with no doer of its own ("one sailor was killed in the
    attack") retells the one the sentence tells first, its main act."""
    if later.sources:
        return host
    return next((e for e in out if e.sentence_start == host.sentence_start
                 and e.type == host.type and counted(e) and not e.negated), host)


def same_event(first: Event, later: Event, adjacent: bool = False,
               headline: bool = False, same_word: bool = False,
               published: date | None = None, told: tuple[Event, ...] = (),
               elsewhen: bool = False, quoted: bool = False, first_text: str = "",
               partitive: bool = False) -> bool:
    """Whether ``later`` can be another mention of ``first``; ``adjacent``: it is within
    ``_NEAR`` sentences of its latest mention, where a story elaborates what it reported;
    ``headline``: ``first`` is the headline and ``later`` in the lead that tells it;
    ``same_word``: ``later``'s trigger is a word one of ``first``'s mentions used;
    ``published``: the day the story was published; ``told``: the mentions ``first`` has
    absorbed, whose speakers and addressees are its own too ("Lawmaker urges retaliation on
    Russia", then "Schiff called on Obama to ...", later "Schiff called on the
    administration ..."); ``elsewhen``: ``later``'s sentence moves the narration by weeks or
    years ("a year later", "months earlier"); ``quoted``: ``later`` is a sentence of a
    direct quote that tells the record's speech act (``_Quotes.tell``); ``first_text``: the
    sentence of ``first``; ``partitive``: ``later`` is told of part of a group told before
    ("most of them were deported")."""
    if partitive and first.type not in VERBAL:
        # "thousands were expelled ..." then "most of them were deported from the north":
        # "them" are the record's people, whatever patient the sentence seemed to name
        return not _told_apart(first, replace(later, targets=first.targets), published,
                               elsewhen, first_text)
    if _told_apart(first, later, published, elsewhen, first_text):
        return False
    if first.type in VERBAL:
        if quoted:
            return True  # the speech act quoted: its sentences are mentions of it
        # one speaker's statement, summarised and then quoted, may name its addressee once
        # and its topic the next time: the speaker decides
        speakers = frozenset().union(*(_names(m.sources) for m in told))
        named = _names(first.sources) | speakers, _names(later.sources)
        if headline and not named[0]:
            # "Lawmaker urges ...", then the lead names him ("Rep. Schiff") and whom he urged
            return bool(_sectors(first.sources) & _sectors(later.sources)) or \
                not _different_addressees(first, later)
        # far from its last mention, a speaker's statement in other words is another one
        # ("endorsed Trump" ... "thanked Trump on Twitter")
        return (_same_speaker(first, later, speakers)
                and any(not _different_addressees(m, later) for m in (first, *told))
                and not _new_addressee((first, *told), later)
                and (adjacent or headline or same_word)) or (
            headline and _compatible_sides(first.targets, later.targets)
            and not (named[0] and named[1]))  # two named speakers are two statements
    if first.type in _MEETINGS and _other_counterpart((first, *told), later):
        return False  # "visited the White House", then "had breakfast with Biden"
    if same_word and (_heads(first.targets) & _heads(later.targets) or
                      adjacent and _heads(first.sources) & _heads(later.sources)):
        # "arrested 23 pirates" ... "boarded the ship and arrested the pirates"; "rioting
        # youths attacked a police station" ... "youths on motorcycles attacked banks"
        return True
    return headline or _identified(first, later, adjacent or same_word) or (
        adjacent and (_undistinguished(later) or (same_word and not first.targets)))


def _told_apart(first: Event, later: Event, published: date | None, elsewhen: bool,
                first_text: str) -> bool:
    """Something in the two mentions says they are two events: another type or mode, day
    or place, another actor ("another man"), a shift of the narration, other states."""
    if first.type != later.type or _another(first, later, first_text) or \
            other_side_of_swap(first, later):
        return True
    if first.mode and later.mode and first.mode != later.mode and (
            first.type not in VERBAL or "investigate" in (first.mode, later.mode)):
        # two acts of a raid ("arrested 23 pirates" / "recovered seven rifles"), a state
        # visit and the summit the visitor chaired at home; an investigation is police
        # work, not the accusation or the suit told beside it
        return True
    if first.date and later.date and first.date != later.date:
        return True
    if first.date is None and _past_story(later, published):
        return True  # the news, then "last year he shot a carjacker": an earlier one
    if not _compatible_places(first.location, later.location) or _apart_in_scope(first, later):
        return True  # "people in other cities rallied": not the march just told
    if narration_shift(later) or elsewhen:
        return True  # "a day earlier, six protesters were arrested": another day
    return not _compatible_sides(first.sources, later.sources) or (
        first.type not in VERBAL and not _compatible_sides(first.targets, later.targets))


def apart_in_sentence(first: Event, ev: Event) -> bool:
    """Two triggers of one type in one sentence that tell two events: their agents are of
    different states, or different named people ("Obama's 2012 visit was preceded by a
    visit from Clinton"), or they happened in places far apart ("a crowd rallied in Athens
    and another 1,000 demonstrated in Thessaloniki")."""
    if not _compatible_sides(first.sources, ev.sources):
        return True
    named = _names(first.sources), _names(ev.sources)
    if named[0] and named[1] and not named[0] & named[1]:
        return True
    return not _compatible_places(first.location, ev.location)

_STALE_DAYS = 31


def _apart_in_scope(a: Event, b: Event) -> bool:
    """One mention is told as happening elsewhere ("in other cities") or spread over the
    country ("marched in Athens", then "took to the streets nationwide") and the other not;
    but a strike told plainly once and "nationwide" once is one strike, unless the plain
    one is placed in a town (a general strike is a country's, CODING.md)."""
    sa, sb = _scope(a), _scope(b)
    if sa == sb:
        return False
    if "elsewhere" in (sa, sb) or not a.mode == b.mode == "strike":
        return True
    plain = b if sa else a
    return plain.location is not None and _specificity(plain.location) == 3


def _scope(ev: Event) -> str | None:
    rule = ev.field_rules.get("location", "")
    return rule.removeprefix("scope:") if scoped(ev) else None


def _past_story(ev: Event, published: date | None) -> bool:
    """The mention is dated to a period well before publication ("last year", "in
    January"): not the news an undated record told first."""
    if ev.date is None or published is None:
        return False
    return (published - ev.date).days > _STALE_DAYS + (
        0 if ev.date_precision == "day" else 31 if ev.date_precision == "month" else 366)


def _sectors(refs: list[ActorRef]) -> set[str]:
    return {a.sector for a in refs if a.sector}


def _different_addressees(a: Event, b: Event) -> bool:
    """One speaker's two statements aimed at different parties ("lashed out at Khan", later
    "called Trump a bigot"): named targets that share no name, or countries that differ."""
    na, nb = _names(a.targets), _names(b.targets)
    if na and nb and not na & nb:
        return True
    return not _compatible_sides(a.targets, b.targets)


def _new_addressee(told: tuple[Event, ...], later: Event) -> bool:
    """A statement aimed at a person none of the record's mentions named ("criticized
    Clinton", "charged that the party ignored them", then "said Trump is a bigot"): the
    speaker turning to another person is another statement."""
    def people(ev: Event) -> set[str]:
        return {a.name.split()[-1].lower() for a in ev.targets if a.name}

    named = set().union(*(people(m) for m in told))
    return bool(named) and bool(people(later)) and not named & people(later)


# Acts whose counterpart makes the occasion: a meeting with another person is another one.
_MEETINGS = frozenset({"CONSULT"})


def _other_counterpart(told: tuple[Event, ...], later: Event) -> bool:
    def named(ev: Event) -> set[str]:  # a host named by title too: "the White House"
        return {w[-1].lower() for a in ev.targets
                if (w := (a.name or a.text).split()) and w[-1][:1].isupper()}

    hosts = set().union(*(named(m) for m in told))
    return bool(hosts) and bool(named(later)) and not hosts & named(later)


_OTHER = frozenset({"other", "another"})


def _another(first: Event, ev: Event, first_text: str = "") -> bool:
    """An actor said to be another than those told ("other major unions also endorsed",
    "another man was arrested"): a second event of the kind.  In a material act the other
    one must be of a kind the record's first sentence told ("a man was arrested ...
    another man"): "a girl was pepper-sprayed by another bystander" names the attacker as
    other than the victim, not a second attack."""
    others = [words[-1].lower() for words in (a.text.split() for a in ev.sources + ev.targets)
              if any(w.lower() in _OTHER for w in words[:2])]
    if not others or first.type in VERBAL:
        return bool(others)
    told = {w.strip(".,;:!?\"'").lower() for w in first_text.split()} | \
        _heads(first.sources) | _heads(first.targets)
    return any(head in told for head in others)


_SUFFIXES = ("ing", "ied", "ies", "ed", "en", "es", "s", "y")


def _stem(ev: Event) -> str:
    """The trigger word without its inflection: "rallied", "rallying", "rally" -> "rall";
    "taking", "taken", "take" -> "tak"."""
    word = ev.trigger.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word[-1:] in ("y", "e") and len(word) > 3:
        word = word[:-1]  # the stem's own last vowel: "rally(ing)", "tak(e)"
    return word[:5]


def _same_speaker(a: Event, b: Event, known: frozenset[str] = frozenset()) -> bool:
    """The same named speaker, or the same office with no name ("a judge" / "the judge");
    ``known``: names ``a``'s other mentions gave its speaker."""
    if (_names(a.sources) | known) & _names(b.sources):
        return True
    if _names(a.sources) or known or _names(b.sources):
        return False  # two named people, or a named one and an office
    offices = {(x.country, x.sector) for x in a.sources if x.sector and not x.name}
    return bool(offices) and offices == {(x.country, x.sector) for x in b.sources
                                         if x.sector and not x.name} and all(
        x.country for x in a.sources + b.sources) and not _other_office(a.sources, b.sources)


def _other_office(a: list[ActorRef], b: list[ActorRef]) -> bool:
    """Offices told apart by their words: "the Supreme Court" and "an appeals court" (not
    "the judge" and "a federal judge")."""
    def qualifiers(refs: list[ActorRef]) -> set[str]:
        return {w.lower() for x in refs for w in x.text.split()[:-1]
                if w.lower() not in _DEFINITE | _INDEFINITE}

    qa, qb = qualifiers(a), qualifiers(b)
    return bool(qa) and bool(qb) and not qa & qb


_INDEFINITE = frozenset({"a", "an", "one", "another"})


def _undistinguished(ev: Event) -> bool:
    """Nothing of its own tells this mention apart: no day, place, toll or named country; a
    country the actor got only as the story's home ("riot police" in a story from Athens)
    names nobody."""
    return ev.date is None and ev.location is None and ev.dead is None and not (
        _named_countries(ev, "sources") or _named_countries(ev, "targets"))


def _named_countries(ev: Event, side: str) -> set[str]:
    if ev.field_rules.get(side, "").endswith("+home_country"):
        return set()
    return _countries(getattr(ev, side))


def _identified(first: Event, later: Event, near: bool = True) -> bool:
    """Positive evidence that two material mentions are one event: the same day, the same
    town, the same toll, the same named actor, a definite recap ("the attack") or a definite
    description of the same people ("the soldiers")."""
    if first.date is not None and first.date == later.date:
        return True
    a, b = first.location, later.location
    if a is not None and b is not None and _specificity(a) == 3 and _specificity(b) == 3:
        return True  # compatible places already checked: within 50 km
    if first.dead is not None and first.dead == later.dead and first.dead > 1:
        return True  # "three bank workers"; one death is too common a toll to tell
    if _names(first.sources) & _names(later.sources) or \
            _names(first.targets) & _names(later.targets):
        return True
    if _counted_heads(first.sources + first.targets) & _counted_heads(
            later.sources + later.targets):
        return True  # "detained 14 fishermen" ... "the navy boarded and held 14 fishermen"
    if (_definite_heads(later.sources) & _heads(first.sources) or
            _definite_heads(later.targets) & _heads(first.targets)) and near:
        # "four soldiers were killed ... the soldiers were killed when ...", told on at once
        # or in the same words ("the navy recovered rifles" is not "the navy arrested")
        return True
    if near and first.type == "PROTEST" and _heads(first.sources) & _CROWDS and \
            _heads(later.sources) & _CROWDS:
        # "hundreds of demonstrators took to the streets ... the crowd rallied at the park":
        # a story told on names its protesters by any word for a crowd
        return True
    if first.mode == "strike" == later.mode and "nationwide" in (_scope(first), _scope(later)):
        return True  # a country's general strike is one stoppage, however often it is told
    return later.field_rules.get("anaphor") == "definite"


def _counted_heads(refs: list[ActorRef]) -> set[tuple[str, str]]:
    """(number, head noun) of actor phrases that count their people: "14 Somali fishermen"
    -> ("14", "fishermen"); one person is too common to tell an event by."""
    out = set()
    for a in refs:
        words = a.text.lower().split()
        count = next((w for w in words[:-1] if w.replace(",", "").isdigit() or w in _NUMBERS),
                     None)
        if count is not None and count not in ("1", "one"):
            out.add((_NUMBERS.get(count, count.replace(",", "")), words[-1]))
    return out


_NUMBERS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_CROWDS = frozenset({"crowd", "crowds", "protesters", "protestors", "demonstrators",
                     "marchers", "rioters", "activists", "protest", "demonstration"})


def _heads(refs: list[ActorRef]) -> set[str]:
    return {a.text.split()[-1].lower() for a in refs if a.text.split()}


def _definite_heads(refs: list[ActorRef]) -> set[str]:
    """Head nouns of actor phrases that point back: "the soldiers", "those protesters"."""
    return {a.text.split()[-1].lower() for a in refs
            if len(a.text.split()) > 1 and a.text.split()[0].lower() in _DEFINITE}


def _more_specific(a: Place | None, b: Place | None) -> bool:
    """``b`` names the same event's place more precisely than ``a``."""
    if b is None:
        return False
    if a is None:
        return True
    return _specificity(b) > _specificity(a) and (not a.country or a.country == b.country)


def _absorb(first: Event, later: Event) -> None:
    fr = first.field_rules
    spans = fr.get("mentions") or f"{first.sentence_start}-{first.sentence_end}"
    fr["mentions"] = f"{spans};{later.sentence_start}-{later.sentence_end}"
    if not _countries(first.sources) and _countries(later.sources):
        first.sources = later.sources
        fr["sources"] = f"{later.field_rules.get('sources', '')}@mention"
    if not _countries(first.targets) and _countries(later.targets):
        first.targets = later.targets
        fr["targets"] = f"{later.field_rules.get('targets', '')}@mention"
    if first.date is None and later.date is not None:
        first.date, first.date_precision = later.date, later.date_precision
        first.date_span = later.date_span
        fr["date"] = f"{later.field_rules.get('date', '')}@mention"
    if _more_specific(first.location, later.location):
        first.location = later.location
        fr["location"] = f"{later.field_rules.get('location', '')}@mention"
    for kind in ("dead", "injured"):
        if getattr(later, kind) is not None and (getattr(first, kind) is None
                                                 or getattr(later, kind) > getattr(first, kind)):
            setattr(first, kind, getattr(later, kind))
            setattr(first, f"{kind}_max", getattr(later, f"{kind}_max"))
            fr[kind] = f"{later.field_rules.get(kind, '')}@mention"
    if first.mode is None and later.mode is not None:
        first.mode = later.mode
    first.confidence = max(first.confidence, later.confidence)


def _in_headline(ev: Event, sentence_starts: list[int]) -> bool:
    """The event is reported in the text's first sentence (the headline of a wire story)."""
    return len(sentence_starts) > 1 and ev.sentence_start < sentence_starts[1]


class _Quotes:
    """The story's direct quotes and the people it names, to tell which quoted sentences
    report a speech act the record already holds: every sentence of one quote is a mention
    of one speech act ("This is a waste of time. It's destroying this committee," said
    X), and so is a quote that illustrates a summary just told ("Democrats called the vote
    a ploy. 'This is a waste of time,' said X")."""

    def __init__(self, quotes: Sequence[tuple[int, int, int | None]],
                 people: Sequence[tuple[int, int]], text: str = ""):
        self.quotes = sorted(quotes, key=lambda q: q[0])
        self.people = people
        self.text = text  # a pronoun resolved to a name still spans "he" there

    def of(self, ev: Event) -> int | None:
        """The direct quote the event's trigger sits in, or whose cue it is ("...," said
        Obama)."""
        return next((i for i, (a, b, cue) in enumerate(self.quotes)
                     if a <= ev.trigger_start < b or ev.trigger_start == cue), None)

    def personal(self, refs: list[ActorRef]) -> bool:
        """A person speaks: a named person, or "he"/"she" taken for one."""
        return any(a.start < e and s < a.end for a in refs for s, e in self.people) or \
            any(a.name and (a.text.lower() in _PERSONAL or
                            self.text[a.start:a.end].lower() in _PERSONAL) for a in refs)

    def tell(self, first: Event, told: list[Event], later: Event) -> bool:
        """``later``, inside a direct quote, is a sentence of a quote one of the record's
        mentions sits in, or the quote of a person that illustrates what the record's
        first mention, told outside quotes, summarised of a group or an unnamed speaker."""
        where = self.of(later)
        if where is None:
            return False
        if any(self.of(m) == where for m in (first, *told)):
            return True
        return self.of(first) is None and not self.personal(first.sources) and \
            self.personal(later.sources)


_PERSONAL = frozenset({"he", "she", "i"})
# A narration moved by a period ("a year later", "months earlier", "the following week",
# "a few days before that"; a counted day is ``day_shift``'s):
# what the sentence tells happened at another time than what was told before it.
_PERIOD_SHIFT = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|several|a few|many|\d+) "
    r"(?:weeks?|months?|years?|decades?) (?:later|earlier|ago)"
    r"|the (?:following|next|previous|preceding) (?:week|month|year)"
    r"|(?:a few|few|several|some|many) days (?:later|earlier|ago|before that|after that))\b",
    re.I)


# Part of a group told before, named by a pronoun ("most of them", "nearly all of those"):
# an act of the record's kind told of them is the record's act, told again of its people.
_PARTITIVE = re.compile(
    r"\b(?:most|some|many|all|several|few|half|dozens|hundreds|thousands|\d+|two|three|"
    r"four|five|six|seven|eight|nine|ten) of (?:them|those|these)\b", re.I)


def merge_mentions(events: list[Event], sentence_starts: list[int],
                   published: date | None = None, text: str = "",
                   quotes: Sequence[tuple[int, int, int | None]] = (),
                   people: Sequence[tuple[int, int]] = ()) -> list[Event]:
    """One record per real event: each counted event joins the nearest earlier record of
    the same event, if any; events not counted (hypothetical, negated...) stay apart.
    ``published``: the story's day, before which a dated mention may be an older event;
    ``text``: the story, whose sentences may move the narration to another time;
    ``quotes``: the spans of its direct quotes and where their cues start; ``people``: the
    spans of the persons it names (``_Quotes``)."""
    story = _Quotes(quotes, people, text)
    def index(pos: int) -> int:
        return bisect_right(sentence_starts, pos) - 1

    out: list[Event] = []
    last_seen: dict[str, int] = {}  # record id -> sentence of its latest mention
    words: dict[str, set[str]] = {}  # record id -> the trigger words of its mentions
    told: dict[str, list[Event]] = {}  # record id -> the mentions it absorbed
    for ev in events:
        here = index(ev.sentence_start)
        elsewhen = bool(_PERIOD_SHIFT.search(text[ev.sentence_start:ev.sentence_end]))
        partitive = bool(_PARTITIVE.search(text[ev.sentence_start:ev.trigger_start]))
        if counted(ev):
            # two acts of one type in one sentence were told apart by ``apart_in_sentence``
            host = next((e for e in reversed(out) if counted(e) and all(
                m.sentence_start != ev.sentence_start for m in (e, *told[e.id])) and same_event(
                e, ev, adjacent=0 < here - last_seen.get(e.id, -99) <= _NEAR,
                headline=_in_headline(e, sentence_starts) and here <= _LEAD,
                same_word=_stem(ev) in words[e.id], published=published,
                told=tuple(told[e.id]),
                elsewhen=elsewhen and e.sentence_start != ev.sentence_start,
                quoted=e.type in VERBAL and story.tell(e, told[e.id], ev) and (
                    0 < here - last_seen.get(e.id, -99) <= _NEAR),
                first_text=text[e.sentence_start:e.sentence_end],
                partitive=partitive)), None)
            if host is not None:
                host = _first_told_in_its_sentence(host, out, ev)
                _absorb(host, ev)
                last_seen[host.id] = here
                words[host.id].add(_stem(ev))
                told[host.id].append(ev)
                continue
        last_seen[ev.id] = here
        words[ev.id] = {_stem(ev)}
        told[ev.id] = []
        out.append(ev)
    return out


def merge_retold_at_its_place(events: list[Event], published: date | None = None,
                              text: str = "") -> list[Event]:
    """After context placed and dated the story's events: a material act told again in the
    same word in the town the story placed the record in ("union members rallied on the eve
    of the vote", the story being told from Athens; later "after rallying in central Athens,
    they converged on parliament"), or told on with no day or place of its own where the
    narration carries the record's day and town (``_told_on``), is that record, and so is a
    statement the record's speaker made at its addressee that day (``_said_again``); before
    context neither had a place or day to tell them apart or together by."""
    out: list[Event] = []
    for ev in events:
        host = next((r for r in reversed(out) if counted(ev) and counted(r)
                     and r.type == ev.type and (_at_its_town(r, ev) or _said_again(r, ev))
                     and not _told_apart(r, _as_placed(ev), published, bool(
                         _PERIOD_SHIFT.search(text[ev.sentence_start:ev.sentence_end])),
                         text[r.sentence_start:r.sentence_end])), None)
        if host is not None:
            _absorb(host, ev)
            continue
        out.append(ev)
    return out


_RETOLD = frozenset({"ACCUSE"})


def _as_placed(ev: Event) -> Event:
    """A statement with the place its own words give it: the story's place, which context
    gave a speech act that states none, does not tell two of a speaker's statements apart."""
    if ev.type in VERBAL and ev.location is not None and not own_place(ev):
        return replace(ev, location=None)
    return ev


def _at_its_town(record: Event, ev: Event) -> bool:
    """A material act and the record both placed in one town, ``ev`` retold there in the
    same word or told on by the narration (``_told_on``)."""
    return record.type not in VERBAL and (
        _stem(record) == _stem(ev) and own_place(ev) and not own_place(record)
        or _told_on(record, ev)) and record.location is not None and \
        _specificity(record.location) == 3 and ev.location is not None and \
        _specificity(ev.location) == 3


def _said_again(record: Event, ev: Event) -> bool:
    """A criticism far from the record's mentions by the speaker it named, at the addressee
    it named, on the day the narration carried it to and with no day of its own ("Hollande
    said on Tuesday that Trump's excesses are sickening" ... "Hollande denounced Trump's
    remarks as hurtful"): the criticism told on in other words, as a story retells one
    rebuke in many.  Other speech acts in other words are other acts ("endorsed Trump" ...
    "thanked Trump on Twitter")."""
    return record.type in _RETOLD and not _own_date(ev) and ev.date is not None and \
        ev.date == record.date and bool(_names(record.sources) & _names(ev.sources)) and \
        bool(_names(record.targets) & _names(ev.targets))


def _faceless_same_kind(record: Event, ev: Event) -> bool:
    """ "a device detonated" after "killed when a bomb exploded": a mention of the record's
    kind of act (its mode) that names no one tells the story on in other words."""
    return ev.mode is not None and ev.mode == record.mode and not ev.sources and \
        not ev.targets


def _told_on(record: Event, ev: Event) -> bool:
    """``ev``, a material act far from ``record``'s mentions, states no day or place of its
    own and the narration carried it to the record's day ("Protesters poured into the
    streets on Wednesday" ... "dozens chanted as they marched on the precinct"): the story
    telling its event on.  In an undated story only the same word tells it on ("youths
    attacked a police station" ... "police stood back when attacked"), or the same kind of
    act told of no one (``_faceless_same_kind``); a meeting with another counterpart is
    another meeting."""
    return ev.type in MATERIAL and not own_place(ev) and not _own_date(ev) and \
        ev.date == record.date and (ev.date is not None or _stem(ev) == _stem(record) or
                                    _faceless_same_kind(record, ev)) and \
        not (record.type in _MEETINGS and _other_counterpart((record,), ev))
