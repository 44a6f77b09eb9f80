"""spaCy component ``eventwire_times``: every time expression, normalised to dates.

Candidates come from the project's own grammar (``dates_rules``) over the raw text and from
spaCy's DATE/TIME entities.  The grammar resolves relative expressions against the article's
publication date (``doc._.published``) and, where the direction is open ("on Monday",
"October 10"), against the tense of the clause.  Entities the grammar does not cover are
either durations ("15 years": recorded with precision ``duration`` and no date), skipped
(ages, bare numbers, frequencies, vague words like "the day") or, when they look like a date,
handed to dateparser, cached per (text, reference date) because it is slow.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.models import TimeExpr
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)
from eventwire.nlp.dates_rules import MON_FULL, NUM, WD, Ctx, Found, Res, find_expressions

_AUX_FUTURE = {"will", "'ll", "’ll", "shall", "wo"}
# "is expected to announce ... on Monday": the verb the date hangs on is planned, not done.
_PLAN_HEADS = {"expect", "schedule", "plan", "due", "set", "intend", "go", "aim", "prepare"}

_DURATION = re.compile(
    r"^(?:(?:about|around|nearly|almost|more\s+than|over|at\s+least|less\s+than|some|just|"
    r"only|up\s+to|roughly|the|a|another|all|the\s+(?:past|last|first|next|final))\s+)*"
    rf"(?:(?:{NUM}|\d+(?:\.\d+)?|several|few|many|a\s+few|a\s+couple\s+of|couple\s+of|"
    r"hundreds\s+of|dozens\s+of|tens\s+of)[\s-]+(?:and\s+a\s+half\s+)?)?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)$",
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
    pub = doc._.published
    if isinstance(pub, datetime):
        return pub.date()
    return pub if isinstance(pub, date) else None


def _future(doc: Doc):
    """Does the clause around a character span speak of something still to come?"""
    cache: dict[tuple[int, int], bool] = {}

    def future(start: int, end: int) -> bool:
        key = (start, end)
        if key not in cache:
            cache[key] = _clause_is_future(doc, start, end)
        return cache[key]

    return future


def _clause_is_future(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return False
    tok = span.root
    for _ in range(6):  # up the tree to the governing verbs
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _AUX_FUTURE for c in tok.children):
                return True
            if tok.dep_ == "xcomp" and tok.head.lemma_ in _PLAN_HEADS:
                return True
            if tok.lemma_ in ("upcoming",):
                return True
        if tok.head is tok or tok.dep_ in ("ccomp", "advcl", "relcl"):
            break  # "said on Monday that it will ...": the tense of the inner clause is not ours
        tok = tok.head
    return False


def _ner_covered(doc: Doc):
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]

    def in_ner(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in spans)

    return in_ner


def _from_entities(doc: Doc, found: list[Found], ref: date | None) -> list[Found]:
    """spaCy DATE/TIME entities the grammar left alone: durations or dateparser's reading."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        if any(s < f.end and f.start < e for f in found):
            continue
        text = ent.text.strip()
        if _DURATION.match(text):
            out.append(Found(s, e, Res("duration", None, None, "duration", 0.5)))
        elif _NOT_A_DATE.search(text) or ent.label_ == "TIME" or not _DATEISH.search(text):
            continue
        else:
            res = parse_with_dateparser(text, ref)
            if res is not None:
                out.append(Found(s, e, res))
    return out


def find_times(doc: Doc) -> list[TimeExpr]:
    """The time expressions of one Doc as TimeExpr records, in text order."""
    ref = _reference(doc)
    ctx = Ctx(text=doc.text, ref=ref, future=_future(doc), in_ner=_ner_covered(doc))
    found = find_expressions(ctx)
    found += _from_entities(doc, found, ref)
    found.sort(key=lambda f: f.start)
    return [
        TimeExpr(
            article_id=doc._.article_id,
            start=f.start,
            end=f.end,
            text=doc.text[f.start:f.end],
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


@Language.factory("eventwire_times")
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
