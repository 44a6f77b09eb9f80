"""Line features of a plain-text page: the signals the splitter scores lines with.

A naive scrape puts every visible text block on its own line.  Article paragraphs are long,
full of function words and end in sentence punctuation; menus, share buttons, credits and
related headlines are short, noun-heavy, unpunctuated or repeated across the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_CLOSERS = "\"'”’»)]*」』"
_LETTER_RE = re.compile(r"[^\W\d_]")
# Scripts written without spaces between words (or with no function-word list here).
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENT_END = (".", "!", "?", "…", "。", "！", "？", ".\"", ":")
BULLET_RE = re.compile(r"^\s*([•·▪■●◦‣▸►–—*-])\s+(?=\S)")
# Runs of Latin-1 letters that are really UTF-8 bytes read as Latin-1 ("Ã©", "â\x80\x99").
# Scrapers often turned the byte A0 (no-break space when read as Latin-1) into a plain space.
_CONT = r"[\x80-\xbf]"
_CONT_OR_SPACE = r"[\x80-\xbf ]"
_MOJIBAKE_RE = re.compile(
    rf"\xc2 |[\xc2-\xdf]{_CONT}"
    rf"|[\xe0-\xef]{_CONT_OR_SPACE}{_CONT}|[\xe0-\xef]{_CONT}{_CONT_OR_SPACE}"
    rf"|[\xf0-\xf4]{_CONT}{{3}}"
)


@dataclass
class Line:
    """One non-blank line of the page and its features."""

    index: int  # position among non-blank lines
    text: str
    words: int
    stop_ratio: float  # share of tokens that are function words of the page's language
    sentence_end: bool
    bullet: bool
    repeats: int  # how often the same line occurs in the page
    first_seen: int  # index of the line's first copy on the page
    upper_start: bool

    @property
    def is_prose(self) -> bool:
        """A paragraph-like line: a sentence of ordinary text."""
        if self.words >= 25 and self.stop_ratio >= 0.15:
            return True
        return self.sentence_end and self.words >= 6 and self.stop_ratio >= 0.2


# What source code has and prose has not: a line closing on a brace, semicolon or opening
# bracket, an operator, a call or a subscript right after a name, a comment marker or a diff
# mark opening it.
_CODE_RE = re.compile(
    r"[{};(\[]\s*$|^\s*[})\]]|:=|==|!=|=>|->|&&|\|\||<-|\+=|::|"
    r"\w[.\w]*\([^)]*\)?\s*(?:[{;:)]|$)|\w\[[^\]]*\]|^\s*(?://|/\*|#!|[+-](?:\s|$))|"
    r"^\s*(?:\$ \w|>>>|\w+\s*=\s*\S)")


def looks_like_code(text: str) -> bool:
    """Whether a line reads as a line of source code rather than of prose."""
    return bool(_CODE_RE.search(text))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1 (a common scraper fault), leaving correct text alone."""
    if len(_MOJIBAKE_RE.findall(text)) < 3:
        return text

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        try:
            return run.replace(" ", "\xa0").encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return run

    return unicodedata.normalize("NFC", _MOJIBAKE_RE.sub(fix, text))


def norm_key(text: str) -> str:
    """Comparison key for repetition: lowercase words only."""
    return " ".join(_WORD_RE.findall(text.lower()))


@lru_cache(maxsize=1)
def _stoplists() -> tuple[list[frozenset[str]], dict[str, list[int]]]:
    """justext's function-word lists, and for each word the lists that hold it."""
    import justext

    lists = [justext.get_stoplist(name) for name in sorted(justext.get_stoplists())]
    index: dict[str, list[int]] = {}
    for k, words in enumerate(lists):
        for w in words:
            index.setdefault(w, []).append(k)
    return lists, index


def page_stoplist(lines: list[str]) -> frozenset[str]:
    """The function-word list of the page's language, picked by coverage of its longest lines.

    Pages mostly in Chinese, Japanese or Korean script get none; their lines are then judged
    by length and punctuation only.
    """
    longest = sorted(lines, key=len, reverse=True)[:40]
    joined = "".join(longest)
    if len(_CJK_RE.findall(joined)) > 0.3 * max(1, len(_LETTER_RE.findall(joined))):
        return frozenset()
    sample = Counter(w.lower() for w in _WORD_RE.findall(" ".join(longest)))
    common = sample.most_common(150)
    total = sum(c for _, c in common) or 1
    lists, index = _stoplists()
    cover = Counter()
    for w, c in common:
        for k in index.get(w, ()):
            cover[k] += c
    if not cover:
        return frozenset()
    k, best = cover.most_common(1)[0]
    return lists[k] if best / total >= 0.15 else frozenset()


# a byline under a headline, in lower case: "by: Jo Lee", "by staff | May 1", "by Jo Lee"
_BYLINE_LINE_RE = re.compile(
    r"^by\s*:|^by(?:\s+[^\s|·•]+){1,4}\s*[|·•]|^by(?:\s+[A-Z][\w.'’-]*){1,4}\s*(?:,|$)")


def join_wrapped(texts: list[str]) -> list[str]:
    """Rejoin a paragraph hard-wrapped over several lines: a line that stops mid-sentence
    (no final punctuation, ends on a comma, or the next line starts lower-case), unless the
    next line is a byline in lower case under a headline."""
    out: list[str] = []
    for text in texts:
        if out and _continues(out[-1], text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _continues(prev: str, nxt: str) -> bool:
    if len(prev.split()) < 6 or len(nxt.split()) < 3 or BULLET_RE.match(nxt) \
            or not nxt[:1].isalpha() or _BYLINE_LINE_RE.match(nxt):
        return False
    if prev.rstrip(_CLOSERS).endswith(_SENT_END):
        return False
    return nxt[:1].islower() or prev.endswith(",")


def clean_line(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("\xa0", " ")).strip()


def line_features(texts: list[str]) -> list[Line]:
    """Features of each non-blank line (already cleaned)."""
    stop = page_stoplist(texts)
    texts = join_wrapped(texts)
    keys = [norm_key(t) for t in texts]
    counts = Counter(keys)
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    out = []
    for i, text in enumerate(texts):
        toks = _WORD_RE.findall(text)
        n = len(toks) if stop else max(len(toks), len(_CJK_RE.findall(text)) // 2)
        if stop:
            ratio = sum(1 for w in toks if w.lower() in stop) / n if n else 0.0
        else:  # no function-word list for this language: length and punctuation decide
            ratio = 0.3 if n >= 8 else 0.0
        out.append(
            Line(
                index=i,
                text=text,
                words=n,
                stop_ratio=ratio,
                sentence_end=text.rstrip(_CLOSERS).endswith(_SENT_END)
                or text.rstrip().endswith(("”", "\"")) and n >= 6,
                bullet=bool(BULLET_RE.match(text)),
                repeats=counts[keys[i]],
                first_seen=first[keys[i]],
                upper_start=text[:1].isupper() or text[:1] in "\"“‘'(「" or not stop,
            )
        )
    return out
