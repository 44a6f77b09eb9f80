"""Pages per second of the HTML and plain-text paths, and the cost of text segmentation
relative to bare trafilatura extraction of the same pages.

Usage: python benchmarks/bench_pages.py [PAGES_DIR]   (default ../shared/data/pages-aeb)
"""

from __future__ import annotations

import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from eventwire.eval.pages import PagesDirError, load_pages, read_html, read_text
from eventwire.sources.html import OPTIONS, extract_html
from eventwire.sources.textpage.splitter import split_text_page

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages-aeb"


def _timed(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    warnings.filterwarnings("ignore")
    directory = Path(argv[1]) if len(argv) > 1 else DEFAULT
    try:
        pages = load_pages(directory)
    except PagesDirError as exc:
        print(f"bench_pages: {exc}", file=sys.stderr)
        return 2
    both = [p for p in pages if p.html_path and p.text_path]
    htmls = [read_html(p.html_path) for p in both]
    texts = [read_text(p.text_path) for p in both]
    as_of = datetime.now(UTC)
    split_text_page(texts[0], as_of)  # load stoplists and date parsers once, outside the clock
    extract_html(htmls[0])

    t_html = _timed(extract_html, htmls)
    t_text = _timed(lambda t: split_text_page(t, as_of), texts)
    t_bare = _timed(lambda h: trafilatura.extract(h, **OPTIONS), htmls)
    n = len(both)
    print(f"pages: {n} from {directory}")
    print(f"html path (trafilatura + metadata): {n / t_html:8.1f} pages/s")
    print(f"text path (segmentation):           {n / t_text:8.1f} pages/s")
    print(f"bare trafilatura extraction:        {n / t_bare:8.1f} pages/s")
    print(f"segmentation / trafilatura time ratio: {t_text / t_bare:.3f} (target < 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
