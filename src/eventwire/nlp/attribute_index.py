"""The same matches as spaCy's attribute_ruler, found with a dictionary lookup per token.

The stock ruler runs a Matcher with all its rules (179 in en_core_web_sm) over every token:
about a tenth of the whole pipeline's time, and a Matcher costs about a microsecond per
token even for one rule.  The ruler's rules are short fixed sequences of tests on TAG,
LOWER, DEP and IS_SPACE (equal, IN, NOT_IN, REGEX).  Here each rule is keyed by a value its
first token must have, so a token only meets the rules it can start; the others (no such
value) are tried everywhere.  Rules of any other form still go through a Matcher.  The
ruler then sets attributes from the merged matches exactly as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
_SEEN_MAX = 100_000
_SELECTIVE = [1, 2, 0, 3]  # the columns to key a rule by, best first: words are rarer than tags


@dataclass
class _Test:
    """One attribute of one token: its value in ``values`` (or not), or matching ``regex``."""

    column: int
    values: frozenset[int] = frozenset()
    wanted: bool = True
    regex: re.Pattern | None = None
    strings: StringStore | None = None
    seen: dict[int, bool] = field(default_factory=dict)  # regex result by string hash

    def __call__(self, value: int) -> bool:
        if self.regex is None:
            return (value in self.values) == self.wanted
        ok = self.seen.get(value)
        if ok is None:
            if len(self.seen) >= _SEEN_MAX:  # a vocabulary grows without end on a big corpus
                self.seen.clear()
            text = self.strings[value] if value in self.strings else ""
            ok = self.seen[value] = bool(self.regex.search(text))
        return ok


@dataclass
class _Rule:
    rule: int
    match_id: int
    tests: list[list[_Test]]  # of each token of the pattern, less the one it is keyed by
    offset: int = 0  # the keyed token's place in the pattern

    def __post_init__(self) -> None:
        self.bare = not any(self.tests)  # nothing to test beyond the key (tag-map rules)

    def fits(self, rows: list[list[int]], start: int) -> bool:
        if start < 0 or start + len(self.tests) > len(rows):
            return False
        return all(all(t(rows[start + k][t.column]) for t in tests)
                   for k, tests in enumerate(self.tests))


class IndexedMatch:
    """Replaces ``AttributeRuler.match`` of one ruler instance: same matches, same order."""

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.others = Matcher(ruler.vocab, validate=False)
        self.by_value: list[dict[int, list[_Rule]]] = [{} for _ in _COLUMNS]
        self.unkeyed: list[_Rule] = []
        for rule in range(len(ruler.attrs)):
            key = str(rule)
            patterns = ruler.matcher.get(key)[1]
            parsed = [_pattern_tests(p, strings) for p in patterns]
            if any(p is None for p in parsed):
                self.others.add(key, patterns)
                continue
            for tokens in parsed:
                self._index(rule, strings.add(key), tokens)

    def _index(self, rule: int, match_id: int, tokens: list[list[_Test]]) -> None:
        keyed = [(k, t) for k, tests in enumerate(tokens) for t in tests
                 if t.regex is None and t.wanted]
        if not keyed:
            self.unkeyed.append(_Rule(rule, match_id, tokens))
            return
        offset, key = min(keyed, key=lambda x: (_SELECTIVE.index(x[1].column),
                                                len(x[1].values), x[0]))
        rest = [[t for t in tests if t is not key] for tests in tokens]
        entry = _Rule(rule, match_id, rest, offset)
        for value in key.values:
            self.by_value[key.column].setdefault(value, []).append(entry)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(_ARRAY).tolist() if len(doc) else []
        found: list[tuple[int, int, int, int]] = []
        columns = list(enumerate(self.by_value))
        for i, row in enumerate(rows):
            for col, index in columns:
                for r in index.get(row[col], ()):
                    start = i - r.offset
                    if r.bare or r.fits(rows, start):
                        found.append((r.rule, r.match_id, start, start + len(r.tests)))
        for r in self.unkeyed:
            found.extend((r.rule, r.match_id, i, i + len(r.tests))
                         for i in _starts(r, rows) if r.fits(rows, i))
        if len(self.others):  # an empty Matcher warns on every call
            strings = doc.vocab.strings
            for match_id, start, end in self.others(doc, allow_missing=True):
                found.append((int(strings[match_id]), match_id, start, end))
        return sorted(set(found))  # a rule with two patterns matching one span: once


def _starts(r: _Rule, rows: list[list[int]]):
    """Where an unkeyed rule can start: its first test is run once per distinct value."""
    if not r.tests[0]:
        return range(len(rows))
    test = r.tests[0][0]
    column = [row[test.column] for row in rows]
    good = {v for v in set(column) if test(v)}
    return [i for i, v in enumerate(column) if v in good]


def _pattern_tests(pattern: list[dict], strings: StringStore) -> list[list[_Test]] | None:
    """Tests of each token of a pattern, or None when it needs the Matcher (operators,
    other attributes, other predicates)."""
    out = []
    for spec in pattern:
        tests = []
        for attr, value in spec.items():
            test = _test(attr, value, strings)
            if test is None:
                return None
            tests.append(test)
        out.append(tests)
    return out or None


def _test(attr: str, value, strings: StringStore) -> _Test | None:
    col = _COLUMNS.get(attr)
    if col is None:
        return None
    if attr == "IS_SPACE":
        return _Test(col, frozenset({int(value)})) if isinstance(value, bool) else None
    if isinstance(value, str):
        return _Test(col, frozenset({strings.add(value)}))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    op, arg = next(iter(value.items()))
    if op in ("IN", "NOT_IN") and all(isinstance(x, str) for x in arg):
        return _Test(col, frozenset(strings.add(x) for x in arg), op == "IN")
    if op == "REGEX" and isinstance(arg, str):
        return _Test(col, regex=re.compile(arg), strings=strings)
    return None


def index_attribute_ruler(nlp) -> None:
    """Give the pipeline's attribute ruler the indexed match step (when it has one)."""
    for _name, pipe in nlp.pipeline:
        if isinstance(pipe, AttributeRuler):
            pipe.match = IndexedMatch(pipe)
