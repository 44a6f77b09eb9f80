"""The trigger lexicon: a readable text file users extend without touching code.

The format is described at the top of ``eventwire/data/events/lexicon.txt``.  The packaged
``petrarch2.txt`` (verb frames converted from PETRARCH2's CAMEO dictionary by
``scripts/convert_petrarch2.py``) is read after it, so hand-written entries win ties.  Extra
files named in ``Settings.lexicon_files`` (``EVENTWIRE_LEXICON``) are read last; their
entries add to these.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.events.plover import CONTEXTS, QUAD, valid_mode

POS_PREFIX = {"V": "verb", "N": "noun", "A": "adj"}
# The type of a frame in which the word names no event ("release +statement"): a sense
# constraint that keeps a broader entry of the same word from firing.
NO_EVENT = "NONE"
PACKAGED = ("lexicon.txt", "petrarch2.txt")
_COMMENT = re.compile(r"\s#\s.*$")  # "ASSAULT  attack +faction   # CAMEO 190 ..."


class LexiconError(EventwireError, ValueError):
    """A lexicon line that cannot be read; the message says file, line and why."""


@dataclass(frozen=True)
class Entry:
    """One trigger: a word plus the conditions under which it names a PLOVER event."""

    type: str
    mode: str | None
    context: str | None
    pos: str  # verb | noun | adj
    lemma: str
    deps: tuple[str, ...] = ()
    neg: bool = False
    no_obj: bool = False
    subj_class: str | None = None
    said: bool = False  # only as its subject's own statement ("we are pleased", "said it was")
    source: str = ""  # "lexicon.txt:123", shown as the event's rule

    @property
    def specificity(self) -> int:
        return (2 * len(self.deps) + int(self.neg) + int(self.no_obj) + int(self.said)
                + 2 * bool(self.subj_class))


@dataclass
class Lexicon:
    """Triggers by (pos, lemma), word classes and context cue words."""

    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    classes: dict[str, dict[str, str | None]] = field(default_factory=lambda: defaultdict(dict))
    contexts: dict[str, str] = field(default_factory=dict)  # cue lemma -> context

    def lookup(self, pos: str, lemma: str) -> list[Entry]:
        return self.entries.get((pos, lemma), [])

    def in_class(self, name: str, lemma: str) -> bool:
        return lemma in self.classes.get(name, {})

    def token_in_class(self, name: str, tok) -> bool:
        """Class membership of a token under any of its plausible base forms."""
        members = self.classes.get(name, {})
        return any(f in members for f in forms(tok))

    def governs(self, deps: tuple[str, ...], lemmas: set[str]) -> bool:
        """Every "+word" condition met by the governed lemmas; "+@class" by any member."""
        for d in deps:
            if d.startswith("@"):
                members = self.classes.get(d[1:], {})
                if not any(w in members for w in lemmas):
                    return False
            elif d not in lemmas:
                return False
        return True

    def class_mode(self, name: str, lemma: str) -> str | None:
        return self.classes.get(name, {}).get(lemma)

    def add_file(self, path: Path | str, text: str | None = None) -> None:
        name = Path(path).name
        if text is None:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise LexiconError(f"{path}: cannot read lexicon file ({exc})") from exc
        for no, raw in enumerate(text.splitlines(), 1):
            line = _COMMENT.sub("", raw).strip()
            if not line or line.startswith("# ") or line == "#":
                continue
            try:
                self._add_line(line, f"{name}:{no}")
            except LexiconError as exc:
                raise LexiconError(f"{path}:{no}: {exc}") from None
        for key in self.entries:
            self.entries[key].sort(key=lambda e: -e.specificity)

    def _add_line(self, line: str, where: str) -> None:
        head, *words = line.split()
        if head.startswith("@"):
            name, _, mode = head[1:].partition("/")
            for w in words:
                self.classes[name][w.lower()] = mode or None
            return
        if head.startswith("#"):
            ctx = head[1:]
            if ctx not in CONTEXTS:
                raise LexiconError(f"unknown context {ctx!r}")
            for w in words:
                self.contexts[w.lower()] = ctx
            return
        self.add_entry(head, words, where)

    def add_entry(self, head: str, words: list[str], where: str) -> None:
        label, _, context = head.partition("#")
        etype, _, mode = label.partition("/")
        if etype not in QUAD and etype != NO_EVENT:
            raise LexiconError(f"unknown PLOVER type {etype!r}")
        if not valid_mode(etype, mode or None):
            raise LexiconError(f"mode {mode!r} is not a mode of {etype}")
        if context and context not in CONTEXTS:
            raise LexiconError(f"unknown context {context!r}")
        if not words:
            raise LexiconError("a trigger line needs a pattern after the type")
        first, *rest = words
        pos = "verb"
        if len(first) > 2 and first[1] == ":":
            if first[0] not in POS_PREFIX:
                raise LexiconError(f"unknown word class prefix {first[:2]!r} (use V:, N:, A:)")
            pos, first = POS_PREFIX[first[0]], first[2:]
        deps, neg, no_obj, said, subj = [], False, False, False, None
        for w in rest:
            if w.startswith("+@"):
                deps.append("@" + w[2:])  # any word of a class: "sink +@vessel"
            elif w.startswith("+"):
                deps.append(w[1:].lower())
            elif w == "!neg":
                neg = True
            elif w == "!obj":
                no_obj = True
            elif w == "!said":
                said = True
            elif w.startswith("@"):
                subj = w[1:]
            else:
                raise LexiconError(f"unexpected {w!r} (conditions start with +, ! or @)")
        entry = Entry(etype, mode or None, context or None, pos, first.lower(), tuple(deps),
                      neg, no_obj, subj, said, where)
        self.entries[(pos, entry.lemma)].append(entry)


def forms(tok) -> tuple[str, ...]:
    """Base forms to look a token up by: the lemmatiser's, the word itself, and the word
    without an inflection ending (the small model lemmatises "staged" as "stag")."""
    return _forms(tok.lemma_, tok.lower_)


@lru_cache(maxsize=65536)
def _forms(lemma: str, lower: str) -> tuple[str, ...]:
    out = [lemma.lower(), lower]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            out.append(lower[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(out))


def packaged_text(name: str = "lexicon.txt") -> str:
    return resources.files("eventwire.data").joinpath(f"events/{name}").read_text("utf-8")


@lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """The packaged lexicon plus the user's files, parsed once per process."""
    lex = Lexicon()
    for name in PACKAGED:
        lex.add_file(name, packaged_text(name))
    for path in extra_files:
        lex.add_file(path)
    return lex
