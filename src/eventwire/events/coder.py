"""The ``eventwire_events`` spaCy component: PLOVER events with their evidence.

Reads what the language layer put on the Doc (actor mentions, quotes, times, places) and
writes ``doc._.events``.  Each event names the lexicon line that triggered it (``rule``) and
the rule behind every other field (``field_rules``), so an analyst can check any value
against the text.  Without the language layer's lists the coder falls back to spaCy's named
entities (uncoded actors, weekday dates, unresolved places) rather than failing.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.events import anchors, factuality
from eventwire.events.actor_conventions import (
    authorities_of_the_place,
    hosts_of_the_visit,
    outsider_words,
    protesters_of_the_place,
    stateless_ngos,
)
from eventwire.events.arguments import ActorIndex, ArgumentReader, without_own_parties
from eventwire.events.calls import echoed_calls, phone_calls
from eventwire.events.context import PLACED as MATERIAL
from eventwire.events.context import (
    accused_of_the_act_before,
    behind_stamp,
    day_shift,
    deaths_of_named_victims,
    fill_domestic_targets,
    fill_from_context,
    fill_home_country,
    fill_state_agents,
    home_country,
    running_tolls,
    victims_of_the_place,
)
from eventwire.events.labels import labelling_statements
from eventwire.events.lexicon import Lexicon, forms, load_lexicon
from eventwire.events.numbers import is_vague
from eventwire.events.plover import QUAD
from eventwire.events.resolution import (
    apart_in_sentence,
    merge_mentions,
    merge_retold_at_its_place,
)
from eventwire.events.rulings import court_rulings
from eventwire.events.senses import (
    crowd_control,
    joint_exercise,
    other_sense,
    protest_effect,
    riots_at_protests,
    stance_or_obstruction,
    verbal_attack,
    violence_by_protesters,
)
from eventwire.events.sentence import Sentence, lemmas
from eventwire.events.statements import (
    SECOND_ACCUSER,
    allegations,
    announced_measure,
    concurring_opinion,
    critical_statements,
    critics_verdicts,
    crowd_demands,
    hoped_cooperation,
    promised_measure,
    rallying_call,
    said_beside_untold,
    warning_sense,
)
from eventwire.events.triggers import (
    MEDIATED,
    Trigger,
    aggregate,
    find_triggers,
    hypothetical,
    other_side_of_swap,
    resolve,
)
from eventwire.models import ActorRef, Event, Place
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.actors.tagger import ActorTagger
from eventwire.nlp.lines import furniture

log = logging.getLogger(__name__)

# Event types that happen somewhere: a dateline can stand in for an unstated place.
PLACED = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID"})
_HUMAN_SECTORS = frozenset({"CVL", "CIV"})
_BLAME_MODES = frozenset({"allege"})
# Actor codes that stand for no state (intergovernmental, non-governmental, international).
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "ISM", "MNC"})
_PLACE_PREPS = frozenset({"in", "to", "from", "into", "at", "inside", "across"})
# Links from a place phrase up to the trigger that keep it about what is acted on.
_OBJECT_CHAIN = frozenset({"dobj", "nsubjpass", "acl", "xcomp", "pobj", "prep"})
# Acts a state does to its own land and people: "lifted the curfew in Sudan" targets Sudan
# even when Sudan's government does it.
DOMESTIC_TARGET = frozenset({"SANCTION", "COERCE", "CONCEDE", "THREATEN", "MOBILIZE", "AID",
                             "PROTEST", "RETREAT", "ASSAULT"})


def event_id(article_id: str, start: int, end: int) -> str:
    """Stable id: the same trigger in the same article always gets the same id."""
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


class EventCoder:
    """Codes the events of one Doc at a time; holds the lexicon."""

    def __init__(self, lexicon: Lexicon, keep_negated: bool = False,
                 actors: ActorTagger | None = None):
        self.lex = lexicon
        self.keep_negated = keep_negated
        self.actors = actors  # the pipeline's actors component, to code unnamed phrases

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.code(doc)
        return doc

    def code(self, doc: Doc) -> list[Event]:
        places = literal_places(doc._.places) if doc._.places is not None else []
        dateline = anchors.dateline_place(doc, places)
        home = home_country(places, doc._.mentions or [], dateline)
        # the page's own date stamp is the time of nothing the text tells
        times = None if doc._.times is None else behind_stamp(
            [t for t in doc._.times if not anchors.page_stamp(doc, t)], doc._.published)
        actors = ActorIndex(doc, self.actors, home)
        reader = ArgumentReader(doc, self.lex, actors, doc._.quotes or [])
        events: list[Event] = []
        pending: list[tuple[Event, str]] = []
        starts: list[int] = []
        for sent in map(Sentence.of, doc.sents):  # tokens made once for every pass
            if not furniture(sent):  # a URL or date-stamp line is no sentence of the story
                starts.append(sent.start_char)
            try:
                found = self._sentence(doc, sent, reader, pending, times)
            except (ValueError, IndexError) as exc:
                # odd text must not stop the batch; the sentence is skipped and logged (a bug
                # in a rule, an AttributeError or TypeError, is not caught: tests fail on it)
                log.warning("%s: event coding skipped a sentence at %d: %s",
                            doc._.article_id, sent.start_char, exc)
                continue
            events.extend(found)
        riots_at_protests(events)
        _resolve_event_noun_targets(events, pending, self.lex)
        _attribute_blame(events)
        events = merge_mentions(
            events, starts, doc._.published, doc._.text,
            quotes=[(q.content_start, q.content_end, q.cue_start) for q in doc._.quotes or []
                    if q.kind == "direct"],
            people=[(m.start, m.end) for m in doc._.mentions or [] if m.kind == "person"])
        inferred = actors.home_coded | fill_home_country(events, home)
        actor_spans = [(m.start, m.end) for m in doc._.mentions or []]
        fill_from_context(events, starts, places, actor_spans, doc, dateline, home, inferred,
                          times or [])
        events = merge_retold_at_its_place(events, doc._.published, doc._.text)
        victims_of_the_place(events, inferred)
        hosts_of_the_visit(events, inferred)
        authorities_of_the_place(events, inferred)
        deaths_of_named_victims(events, doc)
        running_tolls(events, starts, doc)
        fill_state_agents(events, home)
        protesters_of_the_place(events, home, inferred)
        accused_of_the_act_before(events, doc)
        fill_domestic_targets(events, home)
        stateless_ngos(events)
        return events

    # ------------------------------------------------------------------ one sentence
    def _sentence(self, doc: Doc, sent: Span, reader: ArgumentReader,
                  pending: list[tuple[Event, str]], times_all: list | None) -> list[Event]:
        if not any(t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ == "ROOT") for t in sent):
            return []  # headings, bylines, menu clutter (not "X was critical of Y")
        triggers = court_rulings(sent, resolve(find_triggers(sent, self.lex), self.lex))
        triggers += labelling_statements(sent, triggers)
        triggers += phone_calls(sent, triggers)
        triggers += echoed_calls(sent, triggers)
        triggers = crowd_demands(allegations(triggers))
        triggers += critical_statements(sent, triggers, self.lex)
        triggers += critics_verdicts(sent, triggers)
        if not triggers:
            return []
        published = doc._.published
        times = [t for t in (times_all if times_all is not None
                             else anchors.fallback_times(doc, sent, published))
                 if sent.start_char <= t.start < sent.end_char]
        places_all = literal_places(doc._.places) if doc._.places is not None else None
        places = ([p for p in places_all if sent.start_char <= p.start < sent.end_char]
                  if places_all is not None else anchors.fallback_places(doc, sent))
        def country(tok):
            m = reader.actors.at(tok)
            return m.country if m is not None else None

        out: list[Event] = []
        protests = {t.token.i: t.mode for t in triggers if t.type == "PROTEST"}
        for trig in triggers:
            if trig.negated and not self.keep_negated:
                continue
            if other_sense(trig.token, trig.type, trig.light) or (
                    trig.entry.type != trig.type
                    and other_sense(trig.token, trig.entry.type, trig.light)):
                continue  # "has not released the agent's name" refuses nothing either
            if crowd_control(trig.token, trig.type,
                             lambda t: self.lex.token_in_class("crowd_control", t)):
                trig = replace(trig, type="ASSAULT", mode="crowd-control",
                               notes=[*trig.notes, "crowd_control_weapon"])
            if trig.type == "MOBILIZE" and joint_exercise(trig.token, trig.light):
                trig = replace(trig, type="COOPERATE", mode=None,  # "joint naval drills"
                               notes=[*trig.notes, "joint_exercise"])
            if verbal_attack(trig.token, trig.type) or (  # "attacked the minister's record"
                    trig.type == "THREATEN" and verbal_attack(trig.token, trig.entry.type)):
                trig = replace(trig, type="ACCUSE", mode="disapprove",
                               notes=[*trig.notes, "verbal_attack"])
            if (retyped := stance_or_obstruction(trig.token, trig.type)) is not None:
                # "the court blocked the release" (REJECT), "we oppose intimidation" (ACCUSE)
                trig = replace(trig, type=retyped[0], mode=retyped[1],
                               notes=[*trig.notes, f"retyped:{retyped[0]}"])
            if trig.type == "AGREE" and promised_measure(trig.token):
                trig = replace(trig, type="THREATEN", mode=None,  # "vowed consequences"
                               notes=[*trig.notes, "promised_measure"])
            if (protest_mode := protest_effect(trig.token, trig.type)) is not None:
                trig = replace(trig, type="PROTEST", mode=protest_mode,  # "the strike shut"
                               notes=[*trig.notes, "protest_effect"])
            if trig.type == "PROTEST" and trig.mode == "demo" and turned_violent(trig.token):
                trig = replace(trig, mode="riot",  # "the march erupted in violence"
                               notes=[*trig.notes, "turned_violent"])
            if (mode := _effect_of_protest(trig, protests)) is not None:
                trig = replace(trig, type="PROTEST", mode=mode,  # "walked off the job,
                               notes=[*trig.notes, "protest_participle"])  # suspending"
            if trig.type == "ASSAULT" and _displaying_protest(trig.token):
                trig = replace(trig, type="PROTEST", mode="demo",  # "stormed ..., unfurling"
                               notes=[*trig.notes, "stormed_in_protest"])
            if hoped_cooperation(trig.token, trig.type):  # "we hope to normalise relations"
                trig = replace(trig, type="AGREE", mode=None, future=True,
                               rule=factuality.HOPED_COOPERATION,
                               notes=[*trig.notes, "hoped_cooperation"])
            if rallying_call(trig.token, trig.type) or concurring_opinion(trig.token,
                                                                         trig.type):
                continue  # "urged the crowd to ...", "agreed that a president should ..."
            if announced_measure(trig.token, trig.type):
                trig = replace(trig, type="THREATEN", mode="restrict",  # "will seek sanctions"
                               notes=[*trig.notes, "announced_measure"])
            warning = warning_sense(trig.token, country) if trig.type == "THREATEN" else None
            if warning == "statement":
                continue  # "warned that the crisis could spread"
            if warning == "criticism":  # "warned that the government was losing control"
                trig = replace(trig, type="ACCUSE", mode="disapprove",
                               notes=[*trig.notes, "warning_of_others"])
            ev, noun = self._event(doc, sent, trig, reader, times, places, places_all or [])
            if noun:
                pending.append((ev, noun))
            out.append(ev)
        _mediation_as_told(out, triggers)
        return _merge_same_type(out, sent)

    def _event(self, doc, sent, trig: Trigger, reader: ArgumentReader, times, places,
               places_all) -> tuple[Event, str | None]:
        tok = trig.token
        aid = doc._.article_id or ""
        start, end = tok.idx, tok.idx + len(tok.text)
        fr: dict[str, str] = {"type": trig.rule + "".join(f";{n}" for n in trig.notes)}
        args = reader.read(trig)
        mode = trig.mode
        if mode is None and args.weapon_mode and trig.type == "ASSAULT":
            mode, fr["mode"] = args.weapon_mode, "weapon_subject"
        elif mode is None and trig.type == "ASSAULT":
            mode = self._weapon_in(sent)
            if mode:
                fr["mode"] = "weapon_in_sentence"
        elif mode is not None:
            fr["mode"] = "lexicon" if mode == trig.entry.mode else "complement"
        if (whom := self._mode_of_whom(trig, mode)) is not None:
            mode, fr["mode"] = whom
        if mode is None and trig.type in ("REQUEST", "REJECT"):
            mode = self._mode_asked(trig)
            if mode:
                fr["mode"] = "content_asked"
        etype = trig.type
        fr["sources"] = args.source_rule or "none"
        fr["targets"] = args.target_rule or "none"
        for side, refs in (("sources", args.sources), ("targets", args.targets)):
            if any((a.start, a.end) in reader.actors.home_coded for a in refs):
                fr[side] += "+home_country"

        reporting = None if etype not in MATERIAL else (
            lambda t: self.lex.in_class("speech", t.lemma_.lower()))
        te, day, prec, drule = anchors.event_date(tok, trig.light, times, doc._.published,
                                                  reporting)
        if day is None and (shift := day_shift(sent.text)):
            drule = f"narration{shift:+d}d"  # "a day earlier": dated from the narration
        fr["date"] = drule
        place, prule = anchors.event_place(tok, trig.light, places, self.lex)
        if place is None and args.place_of_act is not None:  # "shot down over Hanoi"
            place = next((p for p in places if p.start == args.place_of_act), None)
            prule = "locative_phrase_of_trigger" if place is not None else prule
        if place is None and (scope := anchors.place_scope(tok, trig.light)):
            prule = f"scope:{scope}"  # the country is set from the story (``context``)
        fr["location"] = prule

        ev = Event(
            id=event_id(aid, start, end), article_id=aid, type=etype,
            sentence_start=sent.start_char, sentence_end=sent.end_char,
            trigger_start=start, trigger_end=end, trigger=tok.text,
            rule=trig.rule, confidence=0.0, mode=mode, quad=QUAD[etype],
            sources=args.sources, targets=args.targets,
            date=day, date_precision=prec,
            date_span=(te.start, te.end) if te is not None else None,
            location=place, negated=trig.negated, field_rules=fr,
        )
        self._counts(ev, sent, trig, args)
        if violence_by_protesters(etype, args.sources) and not ev.dead:
            # protesters' violence is the riot; a deadly attack singled out stays ASSAULT
            ev.type, ev.mode, ev.quad = "PROTEST", "riot", QUAD["PROTEST"]
            fr["type"] += ";type:violence_by_protesters=PROTEST/riot"
            fr["mode"] = "violence_by_protesters"
        if etype == "AGREE" and _summoned(tok, args.sources):
            ev.type, ev.mode, ev.quad = "ACCUSE", "investigate", QUAD["ACCUSE"]
            fr["type"] += ";type:summoned_by_police=ACCUSE/investigate"
            fr["mode"] = "summoned_by_police"
        ev.hypothetical = hypothetical(tok, self.lex)
        ev.aggregate = aggregate(tok, self.lex, trig.type)
        fact = factuality.classify(tok, trig.light, trig.type, trig.rule, trig.future)
        if fact == factuality.ASSERTED and ev.hypothetical:
            fact = "conditional"
        ev.hypothetical = ev.hypothetical or fact in factuality.HYPOTHETICAL
        ev.aggregate = ev.aggregate or fact in factuality.NOT_SPECIFIC
        fr["factuality"] = fact
        if tok.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                      for c in tok.children):
            fr["anaphor"] = "definite"  # "the attack", "Monday's bombing": a recap
        elif anchors.recap_phrase(tok, self.lex):
            fr["anaphor"] = "definite"  # "two officers were killed in the blast"
        ev.reported_threat = ev.type == "THREATEN" and self._reported(trig, args)
        ev.contexts = self._contexts(sent, trig)
        _default_contexts(ev)
        if ev.location is not None and ev.targets:
            _victim_country(ev)
        if args.place_of_act is None and not any(  # "deported from Kasai": whence, not whom
                a.country or outsider_words(a.text) for a in ev.targets):
            self._place_recipient(ev, trig, places)  # not "Western journalists were refused"
        home_coded = reader.actors.home_coded
        if not any(a.country for a in ev.targets
                   if (a.start, a.end) not in home_coded):
            _domestic_counterpart(ev, home_coded)
        kept = without_own_parties(ev.sources, ev.targets)
        if len(kept) < len(ev.targets):
            ev.targets = kept
            ev.field_rules["targets"] += "-own_parties"
        ev.confidence = _confidence(ev, trig)
        return ev, args.event_noun_target

    def _counts(self, ev: Event, sent: Span, trig: Trigger, args) -> None:
        if ev.type in ("ASSAULT", "PROTEST", "COERCE"):
            for kind in ("dead", "injured"):
                got = anchors.casualties(sent, self.lex, kind)
                if got:
                    value, high, tok = got
                    words = " ".join(t.text for t in tok.subtree if t.i <= tok.i)
                    if is_vague(words):  # "dozens were killed": no number is stated
                        ev.field_rules[kind] = f"vague_count:{tok.text}@{tok.idx}"
                        continue
                    setattr(ev, kind, value)
                    setattr(ev, f"{kind}_max", high)
                    ev.field_rules[kind] = f"count_of_{kind}:{tok.text}@{tok.idx}"
        if ev.type in ("PROTEST", "MOBILIZE"):
            subj = args.source_tokens[0] if args.source_tokens else None
            got = anchors.crowd_size(trig.token, subj)
            if got:
                ev.size, ev.size_max = got[0], got[1]
                ev.field_rules["size"] = f"count_of_participants:{got[2].text}@{got[2].idx}"

    def _place_recipient(self, ev: Event, trig: Trigger, places) -> None:
        """With no recipient named, the country where (or from where) the act happens is
        the recipient: "lifted a curfew in Montenegro", "withdrawal from Panama"."""
        doc = trig.token.doc
        heads = {trig.token.i} | ({trig.light.i} if trig.light is not None else set())
        heads |= {t.token.i for t in trig.absorbed}
        src = {a.country for a in ev.sources}
        for pl in places:
            span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
            if span is None or not pl.country:
                continue
            if pl.country in src and ev.type not in DOMESTIC_TARGET:
                continue
            node = _phrase_head(span.root)
            prep = node.head
            if node.dep_ == "pobj" and prep.lower_ in _PLACE_PREPS and _governed_by(
                prep.head, heads
            ):
                # "blows to the United States and Israel": every place of the list
                roots = {t.i for t in node.conjuncts} | {node.i}
                # one place per phrase, the one nearest its head: "Darfur" in "West Darfur
                # State" (a stray "West" read as a place of its own does not count)
                last = {_root_of(doc, p): p for p in sorted(places, key=lambda p: p.start)
                        if p.country and _root_of(doc, p) in roots}
                ev.targets = [ActorRef(text=p.text, start=p.start, end=p.end, country=p.country)
                              for p in last.values()]
                ev.field_rules["targets"] = "country_of_place"
                return

    def _mode_of_whom(self, trig: Trigger, mode: str | None) -> tuple[str, str] | None:
        """The mode the people acted on say (PLOVER): killing a leader or an official is a
        targeted killing; patrols of police or militia mobilise them, not troops."""
        tok = trig.token
        if trig.type == "ASSAULT" and mode is None and tok.lemma_.lower() in _KILLING and any(
                c.dep_ in ("dobj", "nsubjpass") and self.lex.token_in_class("leader", c)
                for c in tok.children):
            return "targeted", "leader_attacked"
        if trig.type == "MOBILIZE" and mode == "troops":
            for force in _forces(trig):
                if self.lex.token_in_class("lawforce", force):
                    return "police", "police_mobilised"
                if self.lex.token_in_class("militia", force):
                    return "militia", "militia_mobilised"
                if self.lex.token_in_class("armedforce", force):
                    return None
        return None

    def _mode_asked(self, trig: Trigger) -> str | None:
        """What is asked or refused gives the mode (PLOVER REQUEST/REJECT): aid is 'assist',
        talks 'meet', a release or an end 'yield'; any other asked act is a 'change'."""
        content = [c for c in trig.token.children if c.dep_ in _ASKED_DEPS or (
            c.dep_ == "prep" and c.lower_ in _ASKED_PREPS)]
        asked = sorted((t for c in content for t in _asked_words(c)), key=lambda t: t.i)
        for tok in [trig.token, *asked]:  # a demand told by its act: "must end the sanctions"
            for form in forms(tok):
                if (mode := self.lex.class_mode("asked", form)) is not None:
                    return mode
        return "change" if trig.type == "REQUEST" and content else None

    def _weapon_in(self, sent: Span) -> str | None:
        for lemma in lemmas(sent):
            mode = self.lex.class_mode("weapon", lemma)
            if mode:
                return mode
        return None

    def _reported(self, trig: Trigger, args) -> bool:
        """A threat known only through others: "a reported threat", "sources told AFP that"."""
        tok = trig.token
        if any(c.lemma_.lower() in ("reported", "report", "alleged", "purported")
               for c in tok.children if c.dep_ == "amod"):
            return True
        t = tok
        while t.head.i != t.i:
            if t.dep_ == "ccomp" and self.lex.in_class("speech", t.head.lemma_.lower()):
                speaker = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                if speaker is None:
                    return False
                src = {(a.start, a.end) for a in args.sources}
                span = speaker.doc[speaker.left_edge.i:speaker.right_edge.i + 1]
                return not any(span.start_char <= s < span.end_char for s, _ in src)
            t = t.head
        return False

    def _contexts(self, sent: Span, trig: Trigger) -> list[str]:
        """The lexicon entry's context, cue words of the sentence, and the manual's
        auxiliary "future" mode, which PLOVER puts among the contexts."""
        ctx = ["future"] if trig.future else []
        if trig.entry.context:
            ctx.append(trig.entry.context)
        for lemma in lemmas(sent):
            c = self.lex.contexts.get(lemma)
            if c and c not in ctx:
                ctx.append(c)
        return ctx


_SUBORDINATE = frozenset({"advcl", "acl", "relcl", "xcomp", "pcomp", "ccomp", "conj", "pobj"})


def _phrase_head(tok):
    """The head noun a place name modifies or names: "Montenegro" in "in Montenegro
    province", "Algiers" in "in the capital city of Algiers"."""
    while tok.head.i != tok.i:
        if tok.dep_ == "compound":
            tok = tok.head
        elif (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.dep_ == "prep"
              and tok.head.head.pos_ == "NOUN" and tok.head.head.dep_ == "pobj"):
            tok = tok.head.head
        else:
            break
    return tok


def _root_of(doc, place) -> int | None:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return _phrase_head(span.root).i if span is not None else None


def _governed_by(tok, heads: set[int]) -> bool:
    """The place phrase hangs off the trigger, directly or through what it acts on:
    "imposed a curfew in Algiers", "shortened the curfew imposed in Sudan"."""
    for _ in range(4):
        if tok.i in heads:
            return True
        if tok.dep_ not in _OBJECT_CHAIN or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def clause_depth(trig: Trigger) -> int:
    """How many subordinate clauses down the trigger sits; the main clause is 0.  A clause
    reported by a speech verb ("X said Y attacked") counts as a main clause."""
    t = trig.light if trig.light is not None else trig.token
    depth = 0
    while t.head.i != t.i:
        if t.dep_ in _SUBORDINATE and not (t.dep_ == "ccomp" and t.head.pos_ == "VERB"
                                            and t.head.dep_ == "ROOT"):
            depth += 1
        t = t.head
    return depth


# Contexts implied by who acts and how, following the CAMEO-to-PLOVER table's defaults.
_MODE_CONTEXT = {"convict": "legal", "allege": "legal", "investigate": "legal",
                 "arrest": "legal", "troops": "military", "weapons": "military",
                 "cyber": "cyber", "misinformation": "misinformation", "asylum": "asylum"}
_SECTOR_CONTEXT = {"MIL": "military", "JUD": "legal", "LEG": "legislative"}


def _default_contexts(ev: Event) -> None:
    extra = []
    if ev.mode in _MODE_CONTEXT:
        extra.append(_MODE_CONTEXT[ev.mode])
    for a in ev.sources + ev.targets:
        if a.sector in _SECTOR_CONTEXT:
            extra.append(_SECTOR_CONTEXT[a.sector])
    countries = {a.country for a in ev.sources + ev.targets if a.country}
    if len(countries) > 1 and ev.quad != "material_conflict":
        extra.append("diplomatic")  # an exchange between states
    for c in extra:
        if c not in ev.contexts:
            ev.contexts.append(c)


def _confidence(ev: Event, trig: Trigger) -> float:
    conf = 0.75 if trig.entry.deps or trig.entry.neg else 0.65
    conf -= 0.08 * min(clause_depth(trig), 4)
    if trig.entry.pos != "verb":
        conf -= 0.05
    if not ev.sources:
        conf -= 0.1
    if ev.hypothetical or ev.aggregate:
        conf -= 0.15
    if trig.notes:
        conf -= 0.05
    if ev.field_rules.get("date") in ("publication_date", "nearest_time_in_sentence"):
        conf -= 0.05  # the date is a fallback, not read off the event's own clause
    return round(max(conf, 0.1), 2)


def _mediation_as_told(events: list[Event], triggers: list[Trigger]) -> None:
    """ "a deal between A and B, mediated by C": the mediation took place as the deal did (a
    participle on its own would be a description); without a coded deal it is dropped."""
    heads = {t.token.idx: _told_of(t.token) for t in triggers if MEDIATED in t.notes}
    for ev in [e for e in events if e.trigger_start in heads]:
        deal = next((e for e in events if e.trigger_start in heads[ev.trigger_start]), None)
        if deal is None:
            events.remove(ev)
            continue
        ev.negated, ev.hypothetical = deal.negated, deal.hypothetical
        ev.aggregate = deal.aggregate
        ev.field_rules["factuality"] = deal.field_rules.get("factuality", "asserted")


def _told_of(participle) -> set[int]:
    """The noun a participle modifies and the nouns it hangs from ("a deal between the two
    parties, mediated by": the parser may hang the participle on "parties")."""
    out, t = set(), participle.head
    for _ in range(3):
        out.add(t.idx)
        if t.dep_ not in ("pobj", "prep", "conj") or t.head.i == t.i:
            break
        t = t.head
    return out


def _merge_same_type(events: list[Event], sent: Span | None = None) -> list[Event]:
    """One event per type and sentence: a second trigger of the same type ("a rocket
    targeting troops killed ...") adds its details to the first instead of counting twice."""
    out: dict[str, Event] = {}
    for ev in events:
        first = out.get(ev.type)
        if first is None:
            out[ev.type] = ev
            continue
        if apart_in_sentence(first, ev) or other_side_of_swap(first, ev) \
                or ev.rule == SECOND_ACCUSER or said_beside_untold(first, ev) \
                or _distinct_protests(first, ev) or _persons_and_goods(first, ev) \
                or _crowd_control_answer(first, ev) \
                or (sent is not None and _earlier_act_of_the_object(first, ev, sent)) \
                or (sent is not None and _acts_on_own_objects(first, ev, sent)):
            out[f"{ev.type}:{ev.id}"] = ev
            continue
        for name in ("dead", "injured", "size", "location", "mode"):
            if getattr(first, name) is None and getattr(ev, name) is not None:
                setattr(first, name, getattr(ev, name))
        if not first.sources:  # the rules go with the actors (a home-coded one names nobody)
            first.sources = ev.sources
            first.field_rules["sources"] = ev.field_rules.get("sources", "none")
        if not first.targets:
            first.field_rules["targets"] = ev.field_rules.get("targets", "none")
        keys = {(a.start, a.end) for a in first.targets}
        first.targets += [a for a in ev.targets if (a.start, a.end) not in keys]
        first.field_rules["merged"] = ev.rule
    return list(out.values())


def _summoned(tok, sources) -> bool:
    """ "invited by the police", "their invitation by the police": the police summon someone
    for questioning, an investigation (ACCUSE investigate), not an invitation to talks."""
    return tok.lemma_.lower() in ("invite", "invitation") and any(
        a.sector == "COP" for a in sources)


# Killing verbs: killing a leader singles them out; an attack on one may be a clash.
_KILLING = frozenset({"kill", "murder", "slay"})


# Where a request or refusal says what it is about: "urged X to talk", "called for aid",
# "asked that the case be dropped", "a request to release".
_ASKED_DEPS = frozenset({"dobj", "xcomp", "ccomp", "acl"})
_ASKED_PREPS = frozenset({"for", "on", "upon"})


def _asked_words(tok, depth: int = 2):
    """The head words of what is asked, not the whole clause ("pass it by the end of the
    week" asks for no end): the content word and its objects and complements."""
    yield tok
    if depth:
        for c in tok.children:
            if c.dep_ in _ASKED_DEPS or c.dep_ in ("pobj", "compound", "conj", "nsubjpass"):
                yield from _asked_words(c, depth - 1)


def _forces(trig: Trigger):
    """The forces a mobilisation moves, in text order: its object, the subject of an
    intransitive ("police deployed in"), "patrols by police", "thousands of police", and
    the agent of an active light verb ("ordered patrols by police")."""
    heads = [trig.token]
    if trig.light is not None and not any(c.dep_ in ("nsubjpass", "auxpass")
                                          for c in trig.light.children):
        heads.append(trig.light)
    out = []
    for head in heads:
        for c in head.children:
            if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif head is trig.token and (c.dep_ in ("dobj", "nsubjpass", "compound") or (
                    c.dep_ == "nsubj" and not any(o.dep_ == "dobj" for o in head.children))):
                out.append(c)
                out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj")  # "thousands of police"
    return sorted(out, key=lambda t: t.i)


_PROTEST_EFFECT_TYPES = frozenset({"SANCTION", "COERCE", "RETREAT"})


def _effect_of_protest(trig: Trigger, protests: dict[int, str | None]) -> str | None:
    """ "nurses walked off the job, suspending hospital services": what a participle says
    the protest did is the protest (its mode), not a measure of the state."""
    tok = trig.token
    if trig.type not in _PROTEST_EFFECT_TYPES or tok.tag_ != "VBG" or tok.dep_ != "advcl":
        return None
    return protests.get(tok.head.i)


# Signs of protest shown in the act: "unfurling banners", "waving flags", "chanting slogans".
_DISPLAYS = frozenset({"unfurl", "wave", "hang", "chant", "hold", "carry", "raise"})
_PROTEST_SIGNS = frozenset({"banner", "flag", "slogan", "placard", "sign"})


def _displaying_protest(tok) -> bool:
    """ "activists stormed the ministry, unfurling banners": a place taken to show protest
    is a demonstration, not an attack (not "stormed the camp, killing four")."""
    return tok.lemma_.lower() in ("storm", "occupy") and any(
        c.dep_ in ("advcl", "conj") and c.lemma_.lower() in _DISPLAYS and any(
            o.dep_ == "dobj" and o.lemma_.lower() in _PROTEST_SIGNS for o in c.children)
        for c in tok.children)


# What a protest turns into when it becomes a riot: "erupted in violence", "turned violent",
# "devolved into a riot".
_TURNS = frozenset({"erupt", "turn", "devolve", "descend", "degenerate", "spiral"})
_VIOLENCE = frozenset({"violent", "violence", "riot", "rioting", "chaos", "mayhem",
                       "bloodshed"})


def turned_violent(tok) -> bool:
    """A demonstration told as violent ("violent protests", "the march erupted in
    violence", "a vigil that devolved into a riot") is PLOVER's riot, a mode of its own,
    not the peaceful demonstration beside it."""
    if any(c.dep_ == "amod" and c.lower_ == "violent" for c in tok.children):
        return True
    verbs = [tok.head] if tok.dep_ == "nsubj" else []
    verbs += [c for c in tok.children if c.dep_ == "relcl"]
    return any(v.lemma_.lower() in _TURNS and any(
        c.dep_ in ("acomp", "oprd") and c.lower_ in _VIOLENCE
        or c.dep_ == "prep" and c.lower_ in ("in", "into") and any(
            o.lemma_.lower() in _VIOLENCE for o in c.children if o.dep_ == "pobj")
        for c in v.children) for v in verbs)


def _distinct_protests(a: Event, b: Event) -> bool:
    """A march, a riot and a strike told in one sentence are separate events (CODING.md's
    riots convention), as are marches in two named towns; "held a strike to protest the
    cuts" is one (the infinitive says what the strike is against)."""
    if a.type != "PROTEST" or "protest" in (a.trigger.lower(), b.trigger.lower()):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return True
    return a.location is not None and b.location is not None and \
        a.location.name != b.location.name


_HELD = frozenset({"arrest", "seize"})


# Acts done to someone or something, whose object may have done an act of its own.
_FORCE_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "RETREAT"})


def _earlier_act_of_the_object(a: Event, b: Event, sent: Span) -> bool:
    """ "sank a trawler that had been seized by pirates", "shot a man who had stabbed two
    people": a relative clause on one act's object tells another act by others (not "a
    rocket that hit the base killed two", a relative clause on the doer)."""
    if a.type not in _FORCE_ACTS:
        return False  # "backed the bill that was signed into law": a description
    ta, tb = (sent.doc.char_span(e.trigger_start, e.trigger_end) for e in (a, b))
    if ta is None or tb is None:
        return False
    va, vb = ta.root, tb.root
    return any(rel.dep_ == "relcl" and rel.head.dep_ in ("dobj", "pobj", "nsubjpass")
               and rel.head.head.i == act.i for act, rel in ((va, vb), (vb, va)))


def _crowd_control_answer(a: Event, b: Event) -> bool:
    """ "youths clashed with police, who responded with tear gas": the crowd's violence and
    the force used on the crowd are two acts by two sides (PLOVER ASSAULT crowd-control is
    the police's), not one fight."""
    if a.type != "ASSAULT" or (a.mode == "crowd-control") == (b.mode == "crowd-control"):
        return False
    sides = {x.text.lower() for x in a.sources}, {x.text.lower() for x in b.sources}
    return all(sides) and not sides[0] & sides[1]


# Types whose acts told in one sentence stay apart; the blows of one fight or riot
# ("set up barricades and attacked police") are one ASSAULT or PROTEST.
_DISCRETE_ACTS = frozenset({"MOBILIZE", "COERCE", "SANCTION", "AID", "RETREAT"})


def _acts_on_own_objects(a: Event, b: Event, sent: Span) -> bool:
    """Two coordinated verbs of one type, each with an object of its own, are two acts:
    "has conducted a nuclear test and launched a rocket" (not "detained and questioned a
    man", who is one object of both)."""
    if a.type not in _DISCRETE_ACTS:
        return False

    def verb(ev: Event):
        span = sent.doc.char_span(ev.trigger_start, ev.trigger_end)
        return span.root if span is not None and span.root.pos_ == "VERB" else None

    va, vb = verb(a), verb(b)
    if va is None or vb is None or va.lemma_ == vb.lemma_ or not (
            vb.dep_ == "conj" and vb.head.i == va.i or va.dep_ == "conj" and va.head.i == vb.i):
        return False
    return all(any(c.dep_ == "dobj" for c in v.children) for v in (va, vb))


def _persons_and_goods(a: Event, b: Event) -> bool:
    """An arrest and a seizure told in one sentence are two acts ("apprehending 26 pirates
    and confiscating arms", "arrested him and searched his car"): people held, goods taken."""
    return a.type == "COERCE" and {a.mode, b.mode} == _HELD


def _victim_country(ev: Event) -> None:
    """Unnamed civilian victims of an event in a known country are that country's civilians."""
    country = ev.location.country if ev.location is not None else None
    if not country:
        return
    changed = False
    for i, a in enumerate(ev.targets):
        if a.country is None and a.sector in _HUMAN_SECTORS and ev.type == "ASSAULT":
            ev.targets[i] = replace(a, country=country)
            changed = True
    if changed:
        ev.field_rules["targets"] += "+victim_country_from_location"


def _domestic_counterpart(ev: Event, home_coded: set[tuple[int, int]] = frozenset()) -> None:
    """A recipient known only by role ("the rebels", "President Gbagbo", "police") in an act
    of a state's own actor is taken to be of that state, the codebooks' domestic default:
    "the Mozambique government accepted demands from rebels" is MOZ -> MOZ REB.  The actor's
    own state comes before the story's (``home_coded``): "Merkel urged parliament" in a
    Greek story is Germany's parliament."""
    home = {a.country for a in ev.sources if a.country}
    if len(home) != 1 or next(iter(home)) in NON_STATE or ev.type == "ASSAULT":
        return  # the victims of an attack are of the place it hit (``_victim_country``)
    country = next(iter(home))
    changed = False
    for i, a in enumerate(ev.targets):
        if (a.country is None or (a.start, a.end) in home_coded) and a.sector is not None \
                and a.country != country:
            ev.targets[i] = replace(a, country=country)
            changed = True
    if changed:
        ev.field_rules["targets"] += "+domestic_counterpart"


def _resolve_event_noun_targets(events: list[Event], pending: list[tuple[Event, str]],
                                lex: Lexicon) -> None:
    """ "not happy with the reported pullout threat": the target is whoever made the threat,
    i.e. the source of the latest earlier event of the type that noun names."""
    for ev, noun in pending:
        entries = lex.lookup("noun", noun)
        if not entries or ev.targets:
            continue
        wanted = entries[0].type
        earlier = [e for e in events if e.trigger_start < ev.trigger_start and e.type == wanted
                   and e.sources]
        if earlier:
            ev.targets = [replace(a) for a in earlier[-1].sources]
            ev.field_rules["targets"] = f"event_noun_antecedent:{noun}->{earlier[-1].id}"


def _attribute_blame(events: list[Event]) -> None:
    """An attack with no named perpetrator, followed at once by someone blaming a group,
    gets that group as source, with the accuser kept in ``attributed_by``."""
    for i, acc in enumerate(events):
        if acc.type != "ACCUSE" or acc.mode not in _BLAME_MODES or not acc.targets:
            continue
        before = [e for e in events[:i] if e.type == "ASSAULT" and not e.hypothetical
                  and not e.aggregate and acc.sentence_start - e.sentence_end < 400]
        if not before or before[-1].sources:
            continue
        ev = before[-1]
        who = ", ".join(a.text for a in acc.sources) or None
        ev.sources = [replace(a, attributed_by=who) for a in acc.targets]
        ev.field_rules["sources"] = f"blame_attribution:{acc.id}"


@Language.factory(
    "eventwire_events",
    default_config={"keep_negated": False, "lexicon_files": []},
    assigns=["doc._.events"],
    # the language layer's lists; without them the coder falls back to named entities
    requires=["token.dep", "token.lemma", "doc.sents", "doc.ents", "doc._.mentions",
              "doc._.quotes", "doc._.times", "doc._.places"],
)
def make_event_coder(nlp: Language, name: str, keep_negated: bool,
                     lexicon_files: list[str]) -> EventCoder:
    """``lexicon_files``: the user's lexicon files (``Settings.lexicon_files``)."""
    actors = nlp.get_pipe("eventwire_actors") if nlp.has_pipe("eventwire_actors") else None
    return EventCoder(load_lexicon(tuple(lexicon_files)), keep_negated=keep_negated,
                      actors=actors)


def literal_places(places: list[Place]) -> list[Place]:
    """Places an event can happen at: not demonyms ("Russian") and not the article-scope
    guesses the geoparser makes for names its gazetteer lacks."""
    return [p for p in places if not p.rule.startswith("demonym") and ":scope" not in p.rule]
