"""Resolve a quote's speaker span to a named actor.

Names come from the actors component (``doc._.mentions``) when it ran, else from spaCy's
PERSON/ORG/GPE/NORP entities, so quotes work with or without it.  A pronoun or a definite
role noun ("the official", "the spokesman") goes to the closest earlier person outside
quoted text ("she" skips a man the article calls "Mr." or "a spokesman", or whom its
own pronouns make one: "Okafor described himself"); a bare surname goes to the fuller name
used elsewhere in the article ("Schenker" -> "David Schenker"); a role with no name ("the
elected president") is never a pronoun's antecedent nor anyone's full name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "we", "it", "their", "its", "our"}
# Head nouns that name a person by role; "the official said" refers back to a named person.
ROLE_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary",
    "president", "envoy", "leader", "commander", "ambassador", "senator", "governor",
    "candidate", "nominee", "chairman", "chairwoman", "chair", "director", "chief", "general",
    "lawmaker", "congressman", "congresswoman", "representative", "diplomat", "mayor",
    "premier", "prime", "king", "prince", "adviser", "advisor", "aide", "founder", "executive",
    "ceo", "judge", "attorney", "lawyer", "negotiator", "mediator", "businessman", "politician",
    "businesswoman", "democrat", "republican", "man", "woman", "colonel", "captain", "major",
    "sheikh", "cleric", "analyst", "author", "professor", "economist", "pollster", "strategist",
    "host", "anchor", "activist", "campaigner", "organizer", "head", "deputy", "commissioner",
}
# Words for groups of people, and quantifiers standing for them ("some", "many").
GROUP_NOUNS = frozenset(
    "officials aides leaders lawmakers critics supporters voters delegates members users "
    "residents people protesters activists democrats republicans experts analysts "
    "observers economists conservatives liberals allies rivals opponents friends advocates "
    "insiders prosecutors donors authorities researchers attendees progressives operatives "
    "workers backers fans investors commentators pundits scientists hopefuls reporters "
    "employees contenders sources staffers those some many others few".split())
_NAME_LABELS = {"ORG", "GPE", "NORP"}


def names_people(t: Token) -> bool:
    """The word can name who speaks: a name, a personal pronoun, a role or a group."""
    low = t.lower_
    return t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN" or (
        low in PERSON_PRONOUNS or low in ("they", "we", "i", "them", "us", "me")
        or low in ROLE_NOUNS or t.lemma_.lower() in ROLE_NOUNS or low in GROUP_NOUNS
        ) or _surname_as_noun(t)


def _is_plural(t: Token) -> bool:
    """A noun phrase for several: a plural noun, a group noun, or a coordination."""
    return t.tag_ in ("NNS", "NNPS") or t.lower_ in GROUP_NOUNS or any(
        c.dep_ == "conj" for c in t.children) or t.ent_type_ in ("ORG", "NORP")


def _surname_as_noun(t: Token) -> bool:
    """"Sanders, meanwhile, said": a capitalised word the tagger read as a common noun that
    ends a person's name found elsewhere in the article."""
    return t.pos_ == "NOUN" and t.text[:1].isupper() and any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == t.lower_ for e in t.doc.ents)
# What follows a place in capitals that opens a dateline ("KHARTOUM:", "WASHINGTON (AP)").
_DATELINE_NEXT = set("(:—–-")
# A dateline opening a line: a place in capitals (with a region and a date) or any place
# with an agency, then a dash or colon: "MYRTLE BEACH, S.C. -", "Washington (AFP) -",
# "LOS ANGELES, Sept. 28 (UPI) --".
DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z.'’\- ]*[A-Z.](?:,\s[A-Z][\w.\- ]{1,20}?)?(?:,\s[A-Z][a-z]{2,4}\.?\s\d{1,2})?"
    r"\s*(?:\([\w .]{2,20}\))?|[A-Z][\w.'’\- ]{1,30}?\s*\([A-Z][\w .]{1,20}\))\s*[—–:-]{1,2}\s+"
)
# A day a parser took for a subject ("who Beck on Wednesday called ...") is never a speaker.
_DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tonight yesterday "
    "tomorrow weekend".split())
# Honorifics and roles that give a person's gender, and the gender a pronoun asks for.
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+[A-Z]")
_GENDERED_ROLES = {
    **dict.fromkeys("spokesman congressman chairman businessman king prince".split(), "m"),
    **dict.fromkeys("spokeswoman congresswoman chairwoman businesswoman queen princess"
                    .split(), "f"),
}
_ROLE_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w.'’-]+\s+){0,3}?(" + "|".join(_GENDERED_ROLES) + r")\b",
    re.IGNORECASE)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Pronouns that, bound to a named subject, give that person's gender.
_BOUND_GENDER = {"he": "m", "she": "f", "himself": "m", "herself": "f"}
# Who a quotation addresses is never its speaker.
_ADDRESSEE = {"you", "yourself", "yourselves", "y'all"}
_STRIP = " \t\n’'s,.\"“”"


def speaker_span(span: Span, label: bool = False) -> Span | None:
    """The speaker span cut to its last line, or None when it cannot name who spoke:
    "you" (whom a quotation addresses), a day or a clock time, or a label opening a paragraph
    ("KHARTOUM:", "WASHINGTON (AP) —"), which is a dateline unless ``label`` says the rule
    read a transcript turn."""
    breaks = [t.i for t in span if "\n" in t.text_with_ws]
    if breaks:  # a subject on an earlier line is a heading the parser ran on
        span = span.doc[breaks[-1] + 1 : span.end]
    while len(span) and (span[0].is_space or span[0].is_punct):
        span = span[1:]
    if not len(span) or span.root.lower_ in _ADDRESSEE or span.root.ent_type_ == "TIME" or (
            span.root.lower_ in _DAYS and all(
                t.lower_ in _DAYS or not t.is_alpha or t.pos_ in ("ADP", "DET") for t in span)):
        return None
    if not label:
        text = span.doc._.text
        line_start = span.start_char == 0 or text[span.start_char - 1] == "\n"
        m = DATELINE_RE.match(text, span.start_char) if line_start else None
        if m is not None:  # "MYRTLE BEACH, S.C. - Sen. Ted Cruz": the name after it
            span = span.doc[next((t.i for t in span if t.idx >= m.end()), span.end) : span.end]
            if not len(span):
                return None
            line_start = False
        nxt = text[span.end_char : span.end_char + 3].lstrip(" ")[:1]
        if line_start and nxt in _DATELINE_NEXT and len(span) <= 4 and _place_like(span):
            return None
    return span


def _place_like(span: Span) -> bool:
    """Capitalised words naming no person or group, as a dateline's place does
    ("KHARTOUM", "Khartoum"): "Democrats -- including Clinton -- said" and "Trump —
    who ... — said" open with their speaker."""
    return all(t.text[:1].isupper() for t in span if t.is_alpha) and not any(
        t.ent_type_ in ("PERSON", "NORP") for t in span)


def _proper_before(pron: Token) -> Span | None:
    """The closest singular proper name before the pronoun in its sentence that names no
    person ("protested outside the Daily Ledger after it endorsed ...")."""
    for t in reversed(list(pron.sent[: pron.i - pron.sent.start])):
        if t.tag_ == "NNP" and t.dep_ not in ("compound", "poss", "flat") and (
                t.ent_type_ not in ("PERSON", "DATE", "TIME")):
            first = t.i
            while first > t.sent.start and t.doc[first - 1].dep_ == "compound" and t.doc[
                    first - 1].head.i == t.i:
                first -= 1
            return t.doc[first : t.i + 1]
    return None


# Words before a surname that are titles, not first names ("Speaker Ryan", "Pope Francis").
_TITLES = frozenset(
    "sen gov rep dr mr mrs ms miss vice former first lady pope queen rev speaker justice "
    "sheriff sergeant lieutenant admiral coach father sister saint".split())
_FULL_NAME_RE = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][\w'’-]+")


def _own_name(text: str, name: str | None) -> str | None:
    """The canonical name, unless the mention spells out another first name for the same
    surname ("Hillary Clinton" given as "Bill Clinton"): then its own words."""
    if name and _FULL_NAME_RE.fullmatch(text) and name.split()[-1] == text.split()[-1] and (
            name.split()[0] != text.split()[0] and len(name.split()) > 1) and (
            text.split()[0].lower() not in ROLE_NOUNS | _TITLES):
        return text
    return name


@dataclass
class Named:
    """A named actor occurrence: where it is, its canonical name and its POLECAT code."""

    start: int
    end: int
    name: str
    code: str | None
    person: bool
    described: bool = False  # a role with no name ("elected president"): never an antecedent


def _clean(name: str) -> str:
    name = name.strip()
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    name = name.strip(" ,.\"“”-–—")
    return name[4:] if name.startswith(("The ", "the ")) else name


class SpeakerIndex:
    """The article's named actors, indexed by position, with surname-to-full-name links."""

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]]):
        self._doc = doc
        self.named = self._collect(doc)
        self.named.sort(key=lambda n: n.start)
        self._starts = [n.start for n in self.named]
        self._quoted = sorted(quoted)
        people = [n.name for n in self.named if n.person]
        # a role with no name ("president of the Center") is never someone's full name
        persons = [n.name for n in self.named if n.person and not n.described]
        self._persons = persons
        self._last: Named | None = None
        self._full = self._full_names(persons, [n.name for n in self.named])
        for n in self.named:
            # the tagger often calls a bare surname ORG; the article's full name says PERSON
            if not n.person and self._full.get(n.name, n.name) != n.name:
                n.person = True
        self._person_full = {self.full_name(n) for n in people}
        self._gender = self._genders(doc._.text)

    def _genders(self, text: str) -> dict[str, str]:
        """Each person's gender where the article gives it by an honorific ("Mr. Lane",
        "Ms. Ortiz") or a gendered role in apposition ("Ruth Lane, a spokeswoman"): "she
        said" does not go back to a man."""
        seen: dict[str, set[str]] = {}
        for n in self.named:
            if not n.person:
                continue
            m = _HONORIFIC_RE.search(text, max(0, n.start - 6), n.end)
            role = _ROLE_RE.match(text, n.end)
            g = _HONORIFICS[m.group(1).lower()] if m else (
                _GENDERED_ROLES[role.group(1).lower()] if role else None)
            if g is not None:
                seen.setdefault(self.full_name(n.name), set()).add(g)
        votes: dict[str, Counter] = {}
        for name, g, weight in self._bound_pronouns():
            votes.setdefault(self.full_name(name), Counter())[g] += weight
        for name, got in votes.items():
            # "Lane said he ..." may speak of another man: twice, and never the other
            if name not in seen and len(got) == 1 and max(got.values()) >= 2:
                seen[name] = set(got)
        return {name: next(iter(gs)) for name, gs in seen.items() if len(gs) == 1}

    def _bound_pronouns(self):
        """(name, gender, weight) where a pronoun most likely is the named subject: "Lane
        said she would run" (the subject of what a named person says, weight 1) and "Lane
        called herself ..." (a reflexive in the name's clause, weight 2)."""
        for t in self._doc:
            g = _BOUND_GENDER.get(t.lower_)
            if g is None:
                continue
            if t.lower_ in ("he", "she"):
                if t.dep_ != "nsubj" or t.head.dep_ != "ccomp":
                    continue
                verb = t.head.head
            else:
                verb = t.head
                while verb.dep_ in ("prep", "pobj", "dobj") and verb.head.i != verb.i:
                    verb = verb.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < t.i), None)
            if subj is None or subj.pos_ != "PROPN":
                continue
            n = next((n for n in self.named if n.start <= subj.idx < n.end
                      and n.person and not n.described), None)
            if n is not None:
                yield n.name, g, 1 if t.lower_ in ("he", "she") else 2

    @staticmethod
    def _collect(doc: Doc) -> list[Named]:
        mentions = doc._.mentions or []
        if mentions:
            return [
                Named(m.start, m.end, _clean(_own_name(m.text, m.name) or m.text),
                      m.code or None, m.kind == "person", m.kind == "person" and not m.name)
                for m in mentions
            ]
        out = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                out.append(Named(ent.start_char, ent.end_char, _clean(ent.text), None, True))
            elif ent.label_ in _NAME_LABELS:
                out.append(Named(ent.start_char, ent.end_char, _clean(ent.text), None, False))
        return out

    @staticmethod
    def _full_names(persons: list[str], names: list[str]) -> dict[str, str]:
        """Map each name to the longest person name in the article that ends with it; of two
        as long ("Barack Obama", "Michelle Obama"), the one named more often, then first."""
        full: dict[str, str] = {}
        seen = Counter(tuple(p.split()) for p in persons)  # in order of first mention
        longer = sorted(seen, key=lambda p: (len(p), seen[p]), reverse=True)
        for name in dict.fromkeys(names):
            words = tuple(name.split())
            full[name] = name
            for other in longer:
                if len(other) <= len(words):
                    break
                if other[-len(words):] == words:
                    full[name] = " ".join(other)
                    break
        return full

    def canonical(self, name: str) -> str:
        return self.full_name(_clean(name))

    def full_name(self, name: str) -> str:
        if name not in self._full:
            self._full.update(self._full_names(self._persons, [name]))
        return self._full.get(name, name)

    def note_speaker(self, name: str | None, code: str | None, pos: int) -> None:
        """Remember the latest resolved person speaker: "he said" after a quote goes back to it."""
        if name and name in self._person_full:
            self._last = Named(pos, pos, name, code, True)

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect_left(self._quoted, (start + 1,)) - 1
        return i >= 0 and self._quoted[i][0] <= start and end <= self._quoted[i][1]

    def within(self, start: int, end: int) -> list[Named]:
        """Named actors inside ``[start, end)``."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.named) and self.named[i].start < end:
            if self.named[i].end <= end:
                out.append(self.named[i])
            i += 1
        return out

    def previous_named(self, before: int, person: bool = True, gender: str | None = None,
                       single: bool = False) -> Named | None:
        """The closest person (or group) named before ``before``, outside quoted text, not a
        role with no name; with ``gender``, not one the article gives the other gender; with
        ``single``, not a plural noun."""
        i = bisect_left(self._starts, before) - 1
        while i >= 0:
            n = self.named[i]
            if n.person == person and n.end <= before and not self.in_quote(n.start, n.end) and (
                    not n.described and not self._other_gender(n.name, gender)) and not (
                    single and self._plural(n)):
                return n
            i -= 1
        return None

    def _plural(self, n: Named) -> bool:
        """A plural common noun ("dozen people"); a name such as "United States" is not."""
        span = self._doc.char_span(n.start, n.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.tag_ == "NNS"

    def _other_gender(self, name: str, gender: str | None) -> bool:
        known = self._gender.get(self.full_name(name)) if gender else None
        return known is not None and known != gender

    def resolve(self, span: Span, head) -> tuple[str | None, str | None]:
        """(speaker_name, speaker_code) for a speaker span whose head token is ``head``; a
        relative pronoun ("Braynard, a native of Ohio who") stands for the noun it follows."""
        if head.lower_ in ("who", "that", "which") and len(span) > 1:
            head = span.root
        inside = self.within(span.start_char, span.end_char)
        persons = [n for n in inside if n.person]
        if persons:
            # "Lane's rival, Ruth Okafor": the name in apposition to the head, not the
            # possessor; "Lane's attacks on Okafor" keeps the possessor
            appos = [t.idx for c in head.children if c.dep_ == "appos" for t in c.subtree]
            best = next((n for n in persons if n.start <= head.idx < n.end), next(
                (n for n in persons if any(n.start <= i < n.end for i in appos)), persons[0]))
            return self.full_name(best.name), best.code
        low = head.lower_
        if low in PERSON_PRONOUNS or low in ("they", "their"):
            found = self._governing_subject(head, _PRONOUN_GENDER.get(low))
            if found is not None:
                return found
        if low in PERSON_PRONOUNS or low == "i":
            return self._antecedent(span.start_char, _PRONOUN_GENDER.get(low))
        own = next((n for n in inside if n.start <= head.idx < n.end), None)
        if own is not None or inside and head.pos_ != "PROPN":
            # a name the head is not part of ("Braynard, a native of Ohio") is not the speaker
            best = own or inside[0]
            return best.name, best.code
        if head.text[:1].isupper() and self.full_name(head.text) != head.text:
            # "Sanders, meanwhile, said": a surname the tagger read as a plural noun
            return self.full_name(head.text), None
        if head.pos_ == "PROPN" or head.text.isupper():
            name = " ".join(t.text for t in span if t.pos_ == "PROPN" and t.i <= head.i)
            name = _clean(name or head.text)
            return self.full_name(name.title() if name.isupper() else name), None
        if low in ("it", "they", "its", "their"):
            # "it said" after an organisation or country: the closest one named before
            # ("it" not a plural: "a dozen people protested outside the paper after it ...")
            n = self.previous_named(span.start_char, person=False, single=low in ("it", "its"))
            own = _proper_before(head) if low in ("it", "its") else None
            if own is not None and (n is None or n.end <= own.start_char):
                return _clean(own.text), None  # a name the tagger missed ("the Ledger")
            return (n.name, n.code) if n is not None else (None, None)
        if low in GROUP_PRONOUNS:
            return None, None
        definite = any(t.lower_ in ("the", "this", "that") for t in head.lefts)
        if definite and head.tag_ == "NN" and low in ROLE_NOUNS:
            return self._antecedent(span.start_char)
        if definite and head.tag_ == "NN":
            # "the ministry said" -> the organisation named before whose name holds the noun
            n = self.previous_holding(span.start_char, low)
            if n is not None:
                return n.name, n.code
        return None, None

    def _governing_subject(self, pron: Token, gender: str | None
                           ) -> tuple[str | None, str | None] | None:
        """The subject of a clause the pronoun's clause hangs from ("Ayotte says she will vote
        for Trump, meaning she will not campaign with him"; "Other candidates said they ...,
        they said"): a pronoun stands for it before any name between them ("Trump"), as in
        the first step of Hobbs' search.  A subject that cannot be the pronoun (a plural for
        "she", a single person for "they", a thing) is passed over; None when none is found."""
        plural = gender is None
        t = pron
        while t.head.i != t.i:
            t = t.head
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.i < pron.i and pron not in c.subtree), None)
            if t.dep_ == "relcl" and subj is not None and subj.lower_ in ("who", "that"):
                subj = t.head  # "Cruz, who said he ...": the noun the clause is on
            if subj is None or self.in_quote(subj.idx, subj.idx + len(subj)):
                continue
            if subj.pos_ == "PRON":
                continue  # "she would vote ... because she trusts": the chain goes on up
            if _is_plural(subj) != plural:
                continue
            doc = subj.doc
            span = doc[subj.left_edge.i : subj.right_edge.i + 1]
            name, code = self.resolve(span, subj)
            if name is None:
                continue
            person = self.full_name(name) in self._person_full
            if person == plural or self._other_gender(name, gender):
                continue
            return name, code
        return None

    def previous_holding(self, before: int, word: str) -> Named | None:
        """The closest organisation named before ``before`` whose name holds ``word``."""
        i = bisect_left(self._starts, before) - 1
        while i >= 0:
            n = self.named[i]
            if not n.person and n.end <= before and word in n.name.lower().split():
                return n
            i -= 1
        return None

    def nearest_person(self, before: int) -> tuple[str | None, str | None]:
        """The person a quotation with no cue most likely belongs to: the one quoted last,
        else the closest one named before it."""
        return self._antecedent(before)

    def _antecedent(self, before: int, gender: str | None = None
                    ) -> tuple[str | None, str | None]:
        n = self.previous_named(before, gender=gender)
        last = self._last
        if last is not None and last.start < before and (n is None or n.start < last.start) and (
                not self._other_gender(last.name, gender)):
            n = last  # the person quoted last is named after any other person
        if n is None:
            return None, None
        return self.full_name(n.name), n.code
