"""HTML path: trafilatura body and metadata on a page written in the shape of a news site."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from eventwire.sources.html import extract_html

PAGE = Path(__file__).parent / "fixtures" / "pages" / "article.html"


def test_body_and_metadata():
    art = extract_html(PAGE.read_text(encoding="utf-8"))
    assert art is not None
    assert art.format == "html"
    assert art.title == "River clean-up draws hundreds of volunteers"
    assert art.author == "Priya Natarajan"
    assert art.site_name == "The Valley Courier"
    assert art.url == "https://valleycourier.example/news/river-clean-up"
    assert art.published == datetime(2022, 4, 9, tzinfo=UTC)
    assert art.date_rule == "htmldate"
    paragraphs = art.body.split("\n\n")
    assert paragraphs[0].startswith("More than four hundred volunteers")  # headline not repeated
    assert paragraphs[-1].endswith("shortly after noon.")
    assert len(paragraphs) == 4
    for clutter in ("Most read", "Bus timetable", "Copyright", "Privacy", "Opinion"):
        assert clutter not in art.body


def test_url_argument_is_kept_when_page_has_none():
    html = PAGE.read_text(encoding="utf-8").replace(
        '<meta property="og:url" content="https://valleycourier.example/news/river-clean-up">',
        "")
    art = extract_html(html, url="https://example.org/river")
    assert art is not None and art.url == "https://example.org/river"


def test_no_body_gives_none():
    assert extract_html("") is None
    assert extract_html("   ") is None
    assert extract_html("<html><body><nav><a href='/'>Home</a></nav></body></html>") is None
    assert extract_html("\x00\x01 not html at all \x02") is None
