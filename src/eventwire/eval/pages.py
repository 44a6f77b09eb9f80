"""Page-extraction quality: body precision/recall/F1 over word 4-gram shingles.

The metric follows the public article-extraction benchmark (scrapinghub): tokens are ``\\w+``
runs (case kept), shingles are word 4-grams counted as a multiset; per page
precision = tp / (tp + fp) and recall = tp / (tp + fn); the reported precision is the mean over
pages with any predicted shingle, recall the mean over pages with any true shingle, and F1 the
harmonic mean of those two means.  A page whose extractor returns nothing counts 0 recall and
is left out of precision, as in the benchmark.

The plain-text path may return several articles for one page; its prediction is their bodies
concatenated in page order, so extra (spurious) articles cost precision.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eventwire.eval import GoldError

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
MAX_PAGE_BYTES = 50 * 1024 * 1024  # ingest's default size cap


class PagesDirError(GoldError):
    """The folder is not in the pages layout (``html/``, ``text/``, ``truth.jsonl``)."""


@dataclass
class Page:
    """One gold page: its id, the truth record and the paths of its two renderings."""

    id: str
    truth: dict[str, Any]
    html_path: Path | None
    text_path: Path | None


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of word n-grams; a text shorter than n gives one short shingle."""
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i : i + n])


def match(true: str, pred: str, n: int = 4) -> tuple[int, int, int]:
    """True positives, false positives and false negatives between two texts' shingles."""
    a, b = shingles(true, n), shingles(pred, n)
    tp = sum((a & b).values())
    return tp, sum(b.values()) - tp, sum(a.values()) - tp


def page_scores(tp: int, fp: int, fn: int) -> tuple[float | None, float | None]:
    """Per-page precision and recall; None where the benchmark leaves the page out."""
    if fp == fn == 0:
        return (1.0 if tp else None), (1.0 if tp else None)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def summarise(counts: list[tuple[int, int, int]]) -> dict[str, float | int]:
    """Mean precision, mean recall, F1 of the two means, and the number of pages."""
    ps, rs = [], []
    for tp, fp, fn in counts:
        p, r = page_scores(tp, fp, fn)
        if p is not None:
            ps.append(p)
        if r is not None:
            rs.append(r)
    precision = statistics.mean(ps) if ps else 0.0
    recall = statistics.mean(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4), "n": len(counts)}


def load_pages(directory: str | Path) -> list[Page]:
    """Read ``truth.jsonl`` and locate each page's html and text files."""
    root = Path(directory)
    if not root.is_dir():
        raise PagesDirError(f"{root}: not a directory")
    truth_path = root / "truth.jsonl"
    if not truth_path.is_file():
        raise PagesDirError(f"{truth_path}: missing (expected html/, text/, truth.jsonl)")
    pages = []
    for lineno, line in enumerate(truth_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PagesDirError(f"{truth_path}:{lineno}: not JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str) \
                or not isinstance(rec.get("body"), str):
            raise PagesDirError(f"{truth_path}:{lineno}: needs string fields 'id' and 'body'")
        pid = rec["id"]
        html = next((p for p in (root / "html" / f"{pid}.html.gz", root / "html" / f"{pid}.html")
                     if p.is_file()), None)
        text = root / "text" / f"{pid}.txt"
        pages.append(Page(pid, rec, html, text if text.is_file() else None))
    if not pages:
        raise PagesDirError(f"{truth_path}: no records")
    if not any(p.html_path or p.text_path for p in pages):
        raise PagesDirError(f"{root}: no html/ID.html[.gz] or text/ID.txt files for the truth ids")
    return pages


def _norm_title(s: str | None) -> str:
    return " ".join(_TOKEN_RE.findall((s or "").lower()))


def _accuracy(pairs: list[tuple[Any, Any]]) -> float | None:
    """Share of exact matches where truth is known; None (n/a) when truth never is."""
    known = [(t, p) for t, p in pairs if t is not None]
    if not known:
        return None
    return round(sum(1 for t, p in known if t == p) / len(known), 4)


def _iter_path(pages: list[Page], kind: str) -> Iterator[tuple[Page, Path]]:
    for page in pages:
        path = page.html_path if kind == "html" else page.text_path
        if path is not None:
            yield page, path


def evaluate_path(pages: list[Page], kind: str,
                  extract: Callable[[Path], tuple[str, str | None, datetime | None]]
                  ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score one extraction path; returns the summary and per-page rows for error analysis."""
    counts, titles, dates, rows = [], [], [], []
    for page, path in _iter_path(pages, kind):
        body, title, published = extract(path)
        tp, fp, fn = match(page.truth["body"], body)
        counts.append((tp, fp, fn))
        p, r = page_scores(tp, fp, fn)
        f1 = 2 * p * r / (p + r) if p and r else 0.0
        rows.append({"id": page.id, "path": kind, "file": str(path), "f1": round(f1, 4),
                     "precision": p, "recall": r, "missed": fn, "spurious": fp})
        t_true = page.truth.get("title")
        titles.append((_norm_title(t_true) if t_true else None, _norm_title(title)))
        d_true = page.truth.get("date")
        dates.append((str(d_true)[:10] if d_true else None,
                      published.date().isoformat() if published else None))
    summary = summarise(counts)
    # two halves (even and odd pages) that should agree if a figure is not luck
    summary["f1_even"] = summarise(counts[0::2])["f1"]
    summary["f1_odd"] = summarise(counts[1::2])["f1"]
    summary["title_accuracy"] = _accuracy(titles)
    summary["date_accuracy"] = _accuracy(dates)
    return summary, rows


def extract_file(path: Path, as_of: datetime | None = None
                 ) -> tuple[str, str | None, datetime | None]:
    """A page file through the ingest path itself (read, detect, decode, extract), so that
    what is scored is what ``eventwire ingest`` stores; several articles are joined."""
    from eventwire.models import RawInput
    from eventwire.sources.extract import extract
    from eventwire.sources.read import read_file

    when = as_of or datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    arts = []
    for raw in read_file(str(path), when, MAX_PAGE_BYTES):
        if isinstance(raw, RawInput) and isinstance(found := extract(raw), list):
            arts.extend(found)
    if not arts:
        return "", None, None
    return "\n\n".join(a.body for a in arts), arts[0].title, arts[0].published


def worst_pages(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Every page of both paths below a perfect score, worst first (for ``--errors``)."""
    rows = [r for kind in ("html", "text") for r in result[kind]["pages"] if r["f1"] < 1.0]
    return sorted(rows, key=lambda r: (r["f1"], -r["missed"] - r["spurious"]))


def evaluate_pages(directory: str | Path) -> dict[str, Any]:
    """Both paths over a pages folder: ``{"html": {...}, "text": {...}}`` plus timings."""
    pages = load_pages(directory)
    out: dict[str, Any] = {}
    for kind in ("html", "text"):
        start = time.perf_counter()
        summary, rows = evaluate_path(pages, kind, extract_file)
        summary["seconds"] = round(time.perf_counter() - start, 2)
        summary["pages"] = rows
        out[kind] = summary
    return out
