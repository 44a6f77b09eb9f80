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

from eventwire.eval.pages import MAX_PAGE_BYTES, PagesDirError, load_pages
from eventwire.models import RawInput
from eventwire.sources.decode import decode
from eventwire.sources.html import OPTIONS, extract_html
from eventwire.sources.read import read_file
from eventwire.sources.textpage.splitter import split_text_page

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "pages-aeb"


def _timed(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - start


def _page_text(path: Path, as_of: datetime) -> str:
    """The page as ingest reads and decodes it, outside the clock."""
    raw = next(r for r in read_file(str(path), as_of, MAX_PAGE_BYTES) if isinstance(r, RawInput))
    return decode(raw.data)


def main(argv: list[str]) -> int:
    warnings.filterwarnings("ignore")
    directory = Path(argv[1]) if len(argv) > 1 else DEFAULT
    try:
        pages = load_pages(directory)
    except PagesDirError as exc:
        print(f"bench_pages: {exc}", file=sys.stderr)
        return 2
    both = [p for p in pages if p.html_path and p.text_path]
    as_of = datetime.now(UTC)
    htmls = [_page_text(p.html_path, as_of) for p in both]
    texts = [_page_text(p.text_path, as_of) for p in both]
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
