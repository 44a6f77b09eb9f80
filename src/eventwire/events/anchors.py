"""When, where and how many: the date, place and casualty counts of an event.

A time or place counts for an event when the parse attaches it to the trigger's clause
("killed seven civilians near Baghdad", "said Monday it was ..."), not merely when it sits in
the same sentence.  Each choice returns the rule that made it, shown in ``field_rules``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from eventwire.events.lexicon import Lexicon
from eventwire.events.numbers import parse_count
from eventwire.models import Place, TimeExpr
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)

_BOUNDARY_PREPS = frozenset({"since", "until", "till", "from", "by", "before", "after"})
_PLACE_ENTS = ("GPE", "LOC", "FAC")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _path_to(tok: Token, targets: set[int], limit: int = 8) -> tuple[int, Token | None] | None:
    """Steps from ``tok`` up to one of ``targets``, and the first preposition passed."""
    prep = None
    t, steps = tok, 0
    while steps < limit:
        if t.i in targets:
            return steps, prep
        if t.dep_ == "prep" and prep is None:
            prep = t
        if t.head.i == t.i:
            return None
        t = t.head
        steps += 1
    return None


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and the clause heads above it (reporting verbs, frames)."""
    out, t = [tok], tok
    while t.head.i != t.i and len(out) < 6:
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            out.append(t)
    return out


# --------------------------------------------------------------------------- dates
def fallback_times(doc: Doc, sent: Span, published: date | None) -> list[TimeExpr]:
    """Weekday names and "today"/"yesterday" when no times component ran."""
    out = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        words = ent.text.lower().split()
        d = None
        if published is not None:
            for w in words:
                if w in _WEEKDAYS:
                    back = (published.weekday() - _WEEKDAYS.index(w)) % 7
                    d = published - timedelta(days=back)
                elif w in ("today", "tonight"):
                    d = published
                elif w == "yesterday":
                    d = published - timedelta(days=1)
        out.append(TimeExpr(doc._.article_id or "", ent.start_char, ent.end_char, ent.text,
                            rule="spacy_date_weekday", confidence=0.5, date_start=d, date_end=d,
                            precision="day" if d else None))
    return out


_STAMP_WORDS = frozenset({"updated", "posted", "published", "last", "modified", "on", "at",
                          "ist", "gmt", "utc", "et", "est", "edt", "bst", "cet", "am", "pm",
                          "a.m.", "p.m."})


def page_stamp(doc: Doc, te: TimeExpr) -> bool:
    """A date that stands alone on its line ("June 26, 2005", "Updated: November 11, 2011
    20:09 IST"): the page's own date, not the time of anything the text tells."""
    span = doc.char_span(te.start, te.end, alignment_mode="expand")
    if span is None or not len(span):
        return False

    def stamp_word(tok: Token) -> bool:
        return tok.lower_ in _STAMP_WORDS or not any(ch.isalpha() for ch in tok.text)

    i = span.start - 1
    while i >= 0 and "\n" not in doc[i].text and "\n" not in doc[i].whitespace_:
        if not stamp_word(doc[i]):
            return False  # a word of prose on the line: the date is part of a sentence
        i -= 1
    j = span.end
    while j < len(doc) and "\n" not in doc[j - 1].whitespace_ and "\n" not in doc[j].text:
        if not stamp_word(doc[j]):
            return False
        j += 1
    return True


def _of_another_thing(root: Token, own: set[int]) -> bool:
    """A time that dates something else: the day of a noun ("ahead of next Tuesday's
    primary"), or a time in another clause ("sanctions it imposed in March", "measures
    announced last weekend") than the trigger's or those that report it."""
    if root.dep_ == "poss" and root.head.i not in own:
        return True
    t = root
    while t.head.i != t.i:
        t = t.head
        if t.i in own:
            return False
        if t.pos_ == "VERB":
            # "a shooting that occurred Monday": a relative clause on the event noun tells
            # the event's own time
            return not (t.dep_ == "relcl" and t.head.i in own)
    return False


_LABEL_DEPS = frozenset({"compound", "nmod", "nummod", "amod"})
_RECENT = timedelta(days=7)  # a story's own days lie within a week before its publication


def labels_a_past_thing(root: Token, day: date | None, published: date | None,
                        trailing: bool = False) -> bool:
    """A date set before a noun as its label, well before the story ("the July 25 call" in a
    November story; with ``trailing`` also "the call on July 25", as a speaker recalls it):
    it names which thing is meant, a thing of the past, not the time the narration has
    reached ("the Friday afternoon slaying" is the story's own)."""
    if day is None or published is None or published - day <= _RECENT:
        return False
    if trailing and root.dep_ == "pobj" and root.head.dep_ == "prep":
        root = root.head
    elif not (root.dep_ in _LABEL_DEPS and root.i < root.head.i):
        return False
    return root.head.pos_ in ("NOUN", "PROPN")


def _in_quote(doc: Doc, at: int) -> bool:
    """The character at ``at`` is within quotation marks opened earlier in its sentence."""
    start = doc[doc.char_span(at, at + 1, alignment_mode="expand").start].sent.start_char
    before = doc._.text[start:at]  # Doc.text joins every token anew at each call
    return before.count("“") + before.count("«") > before.count("”") + before.count("»") \
        or before.count('"') % 2 == 1


def _quoted_apart(doc: Doc, time_at: int, trigger_at: int) -> bool:
    """The time is in words quoted from someone and the trigger is not: the quote's "today"
    is its speaker's, not the narration's (a day outside the quote still dates what it
    reports: 'Syria said Wednesday it was "not happy"')."""
    return _in_quote(doc, time_at) and not _in_quote(doc, trigger_at)


_SEQUENCE = frozenset({"before", "after", "since", "until", "till", "once"})


def _time_apart(tok: Token, head: Token) -> bool:
    """``tok`` is told in a clause set before or after ``head``'s ("before he was shot",
    "after it was revealed that he was shot"): a time of ``head``'s clause is not its own."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SEQUENCE
                                     for c in t.children):
            return True
        if t.dep_ == "pcomp" and t.head.lower_ in _SEQUENCE:
            return True
        t = t.head
    return False


def event_date(tok: Token, light: Token | None, times: list[TimeExpr],
               published: date | None, reporting: Callable[[Token], bool] | None = None,
               ) -> tuple[TimeExpr | None, date | None, str | None, str]:
    """(time expression, date, precision, rule) for the event whose trigger is ``tok``;
    ``reporting``: for an act told in what someone said, whether a verb reports speech (its
    day is when it was said: "police said Saturday the man had been shot")."""
    doc = tok.doc
    trig = {tok.i} | ({light.i} if light is not None else set())
    chain = [t.i for t in _clause_chain(tok)]
    # the first clause above the trigger's whose day is not the event's: a clause it is told
    # before or after, or (``reporting``) the verb that reports it
    apart = next((rank for rank, i in enumerate(chain[1:], 1) if _time_apart(tok, doc[i])
                  or (reporting is not None and reporting(doc[i]))), len(chain))
    best = None
    for te in times:
        if te.date_start is None or te.precision == "range":
            continue  # "over the past two years", "earlier this month": a period, no date
        if _quoted_apart(doc, te.start, tok.idx):
            continue  # chanted "how many kids did you kill today" as they marched
        root = _root(doc, te.start, te.end)
        if root is None:
            continue
        if root.dep_ == "pobj" and root.head.lower_ in _BOUNDARY_PREPS:
            continue
        if _of_another_thing(root, trig | set(chain)):
            continue
        if labels_a_past_thing(root, te.date_start, published) and \
                any(t.i in trig for t in root.head.ancestors):
            # "questioned him about the July 25 call": the day of a thing the act is about
            # (the day of "the 2008 riots, which broke out when police killed a boy" holds)
            continue
        hit = _path_to(root, trig)
        score = None
        if hit is not None:
            # a labelled event noun keeps its day, but does not set the narration's time
            rule = "time_labels_trigger" if labels_a_past_thing(
                root, te.date_start, published) else "time_attached_to_trigger"
            score = hit[0]
        else:
            for rank, i in enumerate(chain[1:], 1):
                if rank >= apart and te.precision == "day":
                    break  # "before he was shot, ... officials said Saturday"; a year still
                    # holds ("last year he won a medal after he shot a carjacker")
                up = _path_to(root, {i}, limit=3)
                if up is not None:
                    score, rule = 10 * rank + up[0], "time_attached_to_governing_clause"
                    break
        if score is None:
            if te.precision in ("year", "range") or (
                    apart < len(chain) and te.precision == "day"):
                continue
            score, rule = 100 + abs(te.start - tok.idx) / 100, "nearest_time_in_sentence"
        if te.precision != "day":
            score += 1000  # "held since 2016 were released Tuesday": the day fixes the event
        if best is None or score < best[0]:
            best = (score, te, rule)
    if best is not None:
        te = best[1]
        prec = te.precision
        return te, te.date_start, prec, best[2]
    return None, None, None, "none"


# --------------------------------------------------------------------------- places
def fallback_places(doc: Doc, sent: Span) -> list[Place]:
    return [Place(doc._.article_id or "", e.start_char, e.end_char, e.text, rule="spacy_entity",
                  confidence=0.4, name=e.text) for e in sent.ents if e.label_ in _PLACE_ENTS]


def _specificity(p: Place) -> int:
    if p.feature_class == "P" or (p.feature_class and p.feature_class not in ("A",)):
        return 3
    if p.admin1:
        return 2
    return 1


def _attachment(tok: Token, trig: set[int], limit: int = 8) -> tuple[int, Token | None] | None:
    """Steps from a place up to the trigger, and the preposition that hangs on the trigger."""
    t, steps = tok, 0
    while steps < limit and t.head.i != t.i:
        if t.head.i in trig:
            return steps + 1, (t if t.dep_ == "prep" else None)
        if t.dep_ == "prep" and t.head.dep_ in ("dobj", "nsubjpass") and \
                t.head.head.i in trig and (steps == 1 or _venue_phrase(t)):
            # "attacked an army base near Kabul": the target's own place, not one deeper in
            # its phrase ("welcome China's role in a network for Asia"), unless the phrase
            # is a venue the parse hung on the object ("challenged the rule in federal
            # court in California")
            return steps + 2, t
        if t.pos_ in ("VERB", "AUX") and t.i != tok.i:
            return None  # another clause in between
        t = t.head
        steps += 1
    return None


# Buildings and institutions an act is done at ("in federal court in Oregon", "at the
# embassy in Madrid"): the town their phrase names is the act's.
_VENUE_NOUNS = frozenset({"court", "courthouse", "courtroom", "tribunal", "embassy", "consulate",
                          "parliament", "hospital", "prison", "jail", "headquarters", "hotel"})


def _venue_phrase(prep: Token) -> bool:
    """The preposition opens a venue ("in federal district court")."""
    return any(c.dep_ == "pobj" and c.lemma_.lower() in _VENUE_NOUNS for c in prep.children)


def event_place(tok: Token, light: Token | None, places: list[Place],
                lex: Lexicon) -> tuple[Place | None, str]:
    """The place the event happened: a place in a locative phrase of the trigger's clause
    ("fell in Iraq's Kurdish region", "killed ... near Baghdad"), not "interests in Iraq"."""
    doc = tok.doc
    trig = {tok.i} | ({light.i} if light is not None else set())
    cands = []
    for pl in places:
        root = _root(doc, pl.start, pl.end)
        if root is None:
            continue
        hit = _attachment(root, trig)
        if hit is None:
            continue
        steps, prep_tok = hit
        if prep_tok is not None:
            if not lex.in_class("locative", prep_tok.lower_):
                continue
        elif steps != 1 or root.dep_ not in ("compound", "amod", "nmod"):
            continue  # "Baghdad bombing": only a modifier of the trigger itself
        prep = prep_tok.lower_ if prep_tok is not None else None
        cands.append((-_specificity(pl), steps, pl, prep))
    if not cands:
        return None, "none"
    cands.sort(key=lambda c: (c[0], c[1]))
    _, _, pl, prep = cands[0]
    if pl.relation is None and prep is not None:
        pl = Place(**{**pl.__dict__, "relation": prep})
    return pl, "locative_phrase_of_trigger"


# Words that set an act over a whole country or in other places than the story's own:
# "strikes nationwide", "riots across the country", "people in other cities rallied".
_NATIONWIDE_WORDS = frozenset({"nationwide", "countrywide"})
_ELSEWHERE_WORDS = frozenset({"elsewhere"})
_COUNTRY_NOUNS = frozenset({"country", "nation"})
_SPREAD_PREPS = frozenset({"across", "throughout", "around", "over", "all"})
# Phrases that tell the backdrop of the act, whose spread is not the act's own.
_BACKDROP_PREPS = frozenset({"amid", "amidst", "despite", "like", "unlike"})
_OTHER_PLACE_NOUNS = frozenset({"city", "town", "place", "part", "region", "province",
                                "state", "country", "area", "village", "campus"})


def place_scope(tok: Token, light: Token | None) -> str | None:
    """ "nationwide" or "elsewhere" when the trigger's own clause (not a clause below it)
    says the act spread over the country or happened in other places than the one just
    told; None otherwise."""
    heads = {tok.i} | ({light.i} if light is not None else set())
    todo = [c for h in heads for c in tok.doc[h].children] + [tok]
    seen: set[int] = set()
    while todo:
        t = todo.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        word = t.lower_
        if word in _NATIONWIDE_WORDS:
            return "nationwide"
        if word in _ELSEWHERE_WORDS and t.dep_ == "advmod":
            return "elsewhere"
        if t.dep_ == "pobj" and t.lemma_.lower() in _COUNTRY_NOUNS and \
                t.head.lower_ in _SPREAD_PREPS and any(c.lower_ == "the" for c in t.children):
            return "nationwide"  # "across the country", not "across a state line"
        if t.dep_ == "pobj" and t.lemma_.lower() in _OTHER_PLACE_NOUNS and any(
                c.dep_ == "amod" and c.lower_ == "other" for c in t.children):
            return "elsewhere"  # "in other cities", "in other parts of the country"
        if t.i != tok.i and t.pos_ in ("VERB", "AUX"):
            continue  # a clause of its own: its places are its own
        if t.dep_ == "prep" and t.lower_ in _BACKDROP_PREPS or _part_of(t):
            continue  # "a rally amid a wave of strikes across the country": the backdrop's
        todo.extend(t.children)
    return None


def _part_of(prep: Token) -> bool:
    """ "took to the streets as part of nationwide strikes": the whole the act belongs to
    spreads, not the act told."""
    return prep.dep_ == "prep" and prep.lower_ == "as" and any(
        c.dep_ == "pobj" and c.lemma_.lower() == "part" for c in prep.children)


def dateline_place(doc: Doc, places: list[Place]) -> Place | None:
    """The place named by the article's dateline ("GAZA:", "WASHINGTON (Reuters) -")."""
    dl = (doc._.dateline or "").strip()
    if not dl:
        return None
    key = dl.split("(")[0].split(",")[0].strip(" :-").lower()  # "HANOI, Vietnam (AP)"
    for pl in places:
        if pl.start < 80 and pl.text.lower() == key:
            return pl
    return None


_RECAP_PREPS = frozenset({"in", "during", "by", "after", "since", "from", "at"})
_INDEFINITE = frozenset({"a", "an", "another", "any", "some", "no", "each", "every"})


def recap_phrase(tok: Token, lex: Lexicon) -> bool:
    """The trigger's clause points back at an event already told: "were killed in the
    blast", "injured during Saturday's protests", "arrested after the attack".  Such a
    mention tells more of a known event, not a new one."""
    if tok.pos_ != "VERB":
        return False
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in _RECAP_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or not lex.lookup(
                    "noun", noun.lemma_.lower()):
                continue
            dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
            if dets and not any(d.lower_ in _INDEFINITE for d in dets):
                return True
    return False


# --------------------------------------------------------------------------- counts
def _count_of(noun: Token) -> tuple[int, int | None, Token] | None:
    """The number a noun phrase states: "seven civilians", "at least 12", "dozens of people"."""
    if noun.like_num or noun.pos_ == "NUM":
        words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "prep"]
        got = parse_count(" ".join(t.text for t in words)) or parse_count(noun.text)
        return (got[0], got[1], noun) if got else None
    for c in noun.children:
        if c.dep_ == "nummod":
            words = [t for t in c.subtree]
            got = parse_count(" ".join(t.text for t in words)) or parse_count(c.text)
            if got:
                return got[0], got[1], c
    got = parse_count(noun.text) if noun.tag_ in ("NNS", "NN") else None
    if got and got[1] is not None:  # "dozens of people"
        return got[0], got[1], noun
    return None


# Verbs whose object or passive subject is dead: one named or singular victim is one death.
_LETHAL = frozenset({"kill", "slay", "murder", "execute", "behead", "assassinate"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _lethal(tok: Token) -> bool:
    """ "killed", "fatally shot", "shot dead", "shot to death", "stabbed to death"."""
    if tok.lemma_.lower() in _LETHAL:
        return True
    if any(c.lower_ == "fatally" or (c.lower_ == "dead" and c.dep_ in ("oprd", "acomp",
                                                                       "advmod", "xcomp"))
           for c in tok.children):
        return True  # "fatally shot", "shot dead"
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(
        p.lower_ == "death" for p in c.children) for c in tok.children)


_FATAL = frozenset({"fatal", "deadly"})


def _fatal_act(tok: Token) -> bool:
    """ "the fatal shooting of ...", "a deadly stabbing": an act that killed."""
    return any(c.dep_ == "amod" and c.lower_ in _FATAL for c in tok.children)


def _joined_singulars(h: Token) -> int:
    """ "A police officer and a bomb technician" parsed as one noun with the first person in
    its modifiers: the number of singular nouns the "and" joins inside the phrase (0 if
    none)."""
    if h.tag_ not in ("NN", "NNP"):
        return 0
    inside = [t for t in h.subtree if t.i < h.i]
    if not any(t.lower_ == "and" and t.dep_ == "cc" for t in inside):
        return 0
    joined = [t for t in inside if t.dep_ == "conj" and t.head.i != h.i]
    firsts = {t.head.i for t in joined}
    if not joined or any(t.tag_ not in ("NN", "NNP") for t in joined) or any(
            h.doc[i].tag_ not in ("NN", "NNP") for i in firsts):
        return 0
    return 2 if len(joined) == 1 else 0


def _group_count(h: Token, lethal: bool) -> tuple[int, int | None, Token] | None:
    """The victims of a listed phrase, summed: "4 soldiers and 1 tourist" is 5, "a police
    officer and a bomb technician" 2 (each singular victim of a lethal verb counts one)."""
    total, high, first = 0, 0, None
    for x in [h, *[c for c in h.children if c.dep_ == "conj"]]:
        got = _count_of(x)
        if got is None and lethal and (x.tag_ in ("NN", "NNP") or x.lower_ in _PERSON_PRONOUNS):
            got = (_joined_singulars(x) or 1, None, x)
        if got is None:
            if first is not None:
                return None  # "2 soldiers and their wives": the sum is not stated
            continue
        total += got[0]
        high = None if high is None or got[1] is None else high + got[1]
        first = first or got[2]
    return (total, high, first) if first is not None else None


def casualties(sent: Span, lex: Lexicon, kind: str) -> tuple[int, int | None, Token] | None:
    """Deaths (kind "dead") or injuries (kind "injured") stated in the sentence."""
    cls = f"casualty_{kind}"
    for tok in sent:
        lemma = tok.lemma_.lower()
        lethal = kind == "dead" and tok.pos_ == "VERB" and _lethal(tok)
        if not lethal and not lex.in_class(cls, lemma):
            continue
        heads: list[Token] = []
        if tok.pos_ == "NOUN" and kind == "dead" and _fatal_act(tok):
            heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]  # "the fatal shooting of X"
            lethal = True
        if tok.pos_ == "VERB":
            heads += [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            # "A deputy interviewing a witness was fatally shot": a subject read as a clause
            heads += [g for c in tok.children if c.dep_ == "csubjpass"
                      for g in c.children if g.dep_ == "nsubj"]
            if not heads and tok.tag_ in ("VBN", "VBD") and tok.i > sent.start and \
                    tok.nbor(-1).pos_ in ("NOUN", "NUM") and not any(
                        c.dep_.startswith("nsubj") for c in tok.children):
                heads.append(tok.nbor(-1))  # "three bank workers killed when ..." misread
            if not heads and tok.dep_ == "ccomp" and any(c.dep_ == "auxpass"
                                                         for c in tok.children):
                # "a report concluded a schoolboy ... was killed": the victim misread as
                # the object of the verb that reports it
                heads += [c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i]
            if lemma in ("die",):
                heads += [c for c in tok.children if c.dep_ == "nsubj"]
            if not heads and tok.dep_ == "conj":  # "shot and killed a teenager"
                heads += [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "three bank workers killed when"
                heads.append(tok.head)
            if tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ == "WP"
                                           for c in tok.children):
                heads = [tok.head]  # "Howard, who was fatally shot": the antecedent
        elif tok.pos_ == "ADJ":  # "seven people dead", "left 12 dead"
            if tok.dep_ in ("amod",):
                heads.append(tok.head)
            heads += [c for c in tok.head.children if c.dep_ in ("nsubj", "dobj") and c.i != tok.i]
            heads += [c for c in tok.children if c.dep_ in ("npadvmod", "nummod")]
        elif tok.pos_ == "NOUN":  # "12 deaths", "death toll rose to 30"
            heads.append(tok)
            if tok.dep_ == "nsubj":
                for c in tok.head.children:
                    if c.dep_ == "prep" and c.lower_ == "to":
                        heads += [p for p in c.children if p.dep_ == "pobj"]
        for h in heads:
            got = _group_count(h, lethal or lemma == "die")
            if got:
                return got
    return None


def crowd_size(tok: Token, subj: Token | None) -> tuple[int, int | None, Token] | None:
    """Participants of a protest or deployment: "thousands of protesters", "5,000 troops"."""
    for cand in (subj, *[c for c in tok.children if c.dep_ == "dobj"]):
        if cand is not None:
            got = _count_of(cand)
            if got:
                return got
    return None
