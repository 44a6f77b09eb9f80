"""spaCy component ``eventwire_times``: every time expression, normalised to dates.

Candidates come from the project's own grammar (``rules``) over the raw text and from
spaCy's DATE/TIME entities.  The grammar resolves relative expressions against the article's
publication date (``doc._.published``) and, where the direction is open ("on Monday",
"October 10"), against the tense of the clause.  Entities the grammar does not cover are
either durations ("15 years": recorded with precision ``duration`` and no date), skipped
(ages, bare numbers, frequencies, vague words like "the day") or, when they look like a date,
handed to dateparser, cached per (text, reference date) because it is slow.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.models import TimeExpr
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.dates.rules import MON_FULL, NUM, WD, Ctx, Found, Res, find_expressions

_AUX_FUTURE = {"will", "'ll", "’ll", "shall", "wo"}
_AUX_PAST = {"was", "were", "had", "did", "has", "have"}
# "is expected to announce ... on Monday": the verb the date hangs on is planned, not done.
_NAME_LABELS = {"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "NORP"}
_PLAN_HEADS = {"expect", "schedule", "plan", "due", "set", "intend", "go", "aim", "prepare"}

_DURATION = re.compile(
    r"^(?:(?:about|around|nearly|almost|more\s+than|over|at\s+least|less\s+than|some|just|"
    r"only|up\s+to|roughly|the|another|the\s+(?:past|last|first|next|final))\s+)*"
    rf"(?:(?:{NUM}|\d+(?:\.\d+)?|several|few|many|a\s+few|a\s+couple\s+of|couple\s+of|a|an|"
    r"hundreds\s+of|dozens\s+of|tens\s+of)\s+(?:and\s+a\s+half\s+)?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
    r"|(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries))$",
    re.IGNORECASE,
)
# Ages, bare numbers, frequencies and vague nouns spaCy sometimes tags as DATE.
_NOT_A_DATE = re.compile(
    r"(?:-year-old|\byears?\s+old\b|^\s*age\b|^[\d\s,.'’-]*$|^(?:each|every|daily|weekly|"
    r"monthly|annual|annually|quarterly|yearly)\b|-(?:year|day|week|month|minute|hour)\b)",
    re.IGNORECASE,
)
_DATEISH = re.compile(rf"{MON_FULL}|{WD}|\b(?:1[89]|20)\d\d\b|\d{{1,2}}(?:st|nd|rd|th)\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _dateparser():
    """Imported and built on first use: most articles never need it."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"])


@lru_cache(maxsize=20_000)
def parse_with_dateparser(text: str, ref: date | None) -> Res | None:
    """dateparser's reading of an expression the grammar missed, relative to ``ref``."""
    if ref is None and not re.search(r"\b(?:1[89]|20)\d\d\b", text):
        return None  # relative to nothing: dateparser would silently use today
    base = datetime.combine(ref or date(2000, 1, 1), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    try:
        data = _dateparser().get_date_data(text, settings=settings)
    except Exception:  # noqa: BLE001  (dateparser raises assorted errors on odd strings)
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if ref is not None and d > ref and not re.search(r"\b(?:next|coming|tomorrow)\b", text, re.I):
        return None  # "the 13th" read as later this month: more likely a misreading
    precision = {"time": "day"}.get(data.period, data.period or "day")
    return Res("dateparser", d, d, precision, 0.55)


def _reference(doc: Doc) -> date | None:
    """The publication date as a date, whether it came as a date, a datetime or ISO text."""
    pub = doc._.published
    if isinstance(pub, datetime):
        return pub.date()
    if isinstance(pub, str):
        try:
            return date.fromisoformat(pub[:10])
        except ValueError:
            return None
    return pub if isinstance(pub, date) else None


def _tenses(doc: Doc):
    """The tense of the clause around a character span, cached per span."""
    cache: dict[tuple[int, int], str | None] = {}
    parsed = doc.has_annotation("DEP")  # a scan of the whole Doc: once, not per span

    def tense(start: int, end: int) -> str | None:
        key = (start, end)
        if key not in cache:
            cache[key] = clause_tense(doc, start, end) if parsed else None
        return cache[key]

    return tense


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """``future``, ``past`` or None (present, nominal, unparsed) for the verb a span hangs on.

    Only the nearest verb counts: in "Jordan said Monday. We will ..." a bad parse may hang
    the next sentence on "said", and its "will" must not make Monday future.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if aux & _AUX_FUTURE:
        return "future"
    if tok.dep_ == "xcomp" and (tok.head.lemma_ in _PLAN_HEADS or tok.head.lemma_ == "be"):
        # "is expected to announce", "is to take over"; a plan told in the past was for a
        # day gone by ("as Trump prepared to speak on Tuesday", "was due to land Monday")
        return "past" if _told_in_past(tok.head) else "future"
    if tok.tag_ in ("VBD", "VBN") or aux & _AUX_PAST:
        return "past"
    if tok.dep_ == "xcomp" and tok.head.tag_ in ("VBD", "VBN"):
        return "past"  # "tried on Tuesday to make the case"
    return None


def _told_in_past(verb) -> bool:
    """A verb in the simple past, or with a past auxiliary ("prepared", "was expected")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (verb.tag_ == "VBD" and not aux) or bool(aux & {"was", "were", "had"})


class _Spans:
    """Non-overlapping entity spans, searched by bisection (a long Doc has thousands)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]

    def inside_longer(self, start: int, end: int) -> bool:
        """Does a span overlap (start, end) and reach beyond it?"""
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.ends[i] > start:
            if self.starts[i] < start or end < self.ends[i]:
                return True
            i -= 1
        return False


def _from_entities(ents, size: int, found: list[Found], ref: date | None) -> list[Found]:
    """spaCy DATE/TIME entities the grammar left alone: durations or dateparser's reading."""
    out = []
    used = bytearray(size)
    for f in found:
        used[f.start:f.end] = b"\1" * (f.end - f.start)
    for ent in ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        if any(used[s:e]):
            continue
        text = ent.text.strip()
        if _NOT_A_DATE.search(text):
            continue
        if _DURATION.match(text):
            out.append(Found(s, e, Res("duration", None, None, "duration", 0.5)))
        elif ent.label_ == "TIME" or not _DATEISH.search(text):
            continue
        else:
            res = parse_with_dateparser(text, ref)
            if res is not None:
                out.append(Found(s, e, res))
    return out


def find_times(doc: Doc) -> list[TimeExpr]:
    """The time expressions of one Doc as TimeExpr records, in text order."""
    ref = _reference(doc)
    text = doc._.text
    ents = doc.ents  # rebuilt from the tokens on every access: read once
    dates = _Spans([(e.start_char, e.end_char) for e in ents if e.label_ == "DATE"])
    names = _Spans([(e.start_char, e.end_char) for e in ents if e.label_ in _NAME_LABELS])
    ctx = Ctx(text=text, ref=ref, tense=_tenses(doc), in_ner=dates.covers,
              in_name=names.inside_longer)
    found = find_expressions(ctx)
    found += _from_entities(ents, len(text), found, ref)
    found.sort(key=lambda f: f.start)
    return [
        TimeExpr(
            article_id=doc._.article_id,
            start=f.start,
            end=f.end,
            text=text[f.start:f.end],
            rule=f.res.rule,
            confidence=f.res.confidence,
            date_start=f.res.lo,
            date_end=f.res.hi,
            precision=f.res.precision,
        )
        for f in found
    ]


class TimesComponent:
    """Sets ``doc._.times`` (a new list per Doc)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc)
        return doc


@Language.factory("eventwire_times", assigns=["doc._.times"],
                  requires=["token.tag", "token.dep", "token.lemma", "doc.ents"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
