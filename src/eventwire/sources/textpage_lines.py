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
_CLOSERS = "\"'”’»)]*"
_SENT_END = (".", "!", "?", "…", "。", "！", "？", ".\"", ":")
BULLET_RE = re.compile(r"^\s*([•·▪■●◦‣▸►–—*-])\s+(?=\S)")
# Runs of Latin-1 letters that are really UTF-8 bytes read as Latin-1 ("Ã©", "â\x80\x99").
_MOJIBAKE_RE = re.compile(
    r"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
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
    upper_start: bool

    @property
    def is_prose(self) -> bool:
        """A paragraph-like line: a sentence of ordinary text."""
        if self.words >= 25 and self.stop_ratio >= 0.15:
            return True
        return self.sentence_end and self.words >= 6 and self.stop_ratio >= 0.2


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1 (a common scraper fault), leaving correct text alone."""
    if len(_MOJIBAKE_RE.findall(text)) < 3:
        return text

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        try:
            return run.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return run

    return unicodedata.normalize("NFC", _MOJIBAKE_RE.sub(fix, text))


def norm_key(text: str) -> str:
    """Comparison key for repetition: lowercase words only."""
    return " ".join(_WORD_RE.findall(text.lower()))


def tokens(text: str) -> list[str]:
    return _WORD_RE.findall(text)


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {name: justext.get_stoplist(name) for name in sorted(justext.get_stoplists())}


def page_stoplist(lines: list[str]) -> frozenset[str]:
    """The function-word list of the page's language, picked by coverage of its longest lines.

    Languages without spaces between words give few tokens; then no list fits and every
    line gets ratio 0, so the splitter falls back on length and punctuation.
    """
    sample = Counter()
    for text in sorted(lines, key=len, reverse=True)[:40]:
        sample.update(w.lower() for w in _WORD_RE.findall(text))
    common = sample.most_common(150)
    total = sum(c for _, c in common) or 1
    best, best_cover = frozenset(), 0.0
    for words in _stoplists().values():
        cover = sum(c for w, c in common if w in words) / total
        if cover > best_cover:
            best, best_cover = words, cover
    return best if best_cover >= 0.15 else frozenset()


def clean_line(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("\xa0", " ")).strip()


def line_features(texts: list[str]) -> list[Line]:
    """Features of each non-blank line (already cleaned)."""
    stop = page_stoplist(texts)
    counts = Counter(norm_key(t) for t in texts)
    out = []
    for i, text in enumerate(texts):
        toks = _WORD_RE.findall(text)
        n = len(toks)
        if n and stop:
            ratio = sum(1 for w in toks if w.lower() in stop) / n
        else:
            ratio = 0.3 if n >= 8 and not stop else 0.0
        out.append(
            Line(
                index=i,
                text=text,
                words=max(n, len(text) // 4) if not stop else n,
                stop_ratio=ratio,
                sentence_end=text.rstrip(_CLOSERS).endswith(_SENT_END)
                or text.rstrip().endswith(("”", "\"")) and n >= 6,
                bullet=bool(BULLET_RE.match(text)),
                repeats=counts[norm_key(text)],
                upper_start=text[:1].isupper() or text[:1] in "\"“‘'(",
            )
        )
    return out
