"""HTML path: trafilatura body and metadata on a page written in the shape of a news site."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventwire.sources.html import extract_html, headline

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


def test_visible_lines_are_the_text_blocks_a_scraper_saves():
    from eventwire.sources.htmltext import visible_lines

    html = ("<html><head><title>T</title><style>p {color: red}</style></head><body>"
            "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav><h1>Harbour talks</h1>"
            "<p>The first   line<br>goes on here.</p><script>var x = 1;</script>"
            "<ul><li>One item</li><li>Two <b>bold</b> item</li></ul><div>Footer</div>"
            "</body></html>")
    assert visible_lines(html).split("\n") == [
        "Home World", "Harbour talks", "The first line", "goes on here.", "One item",
        "Two bold item", "Footer"]
    assert visible_lines("") == ""


TASKS = ["gloves", "bags", "maps", "boots", "water", "ropes", "a first-aid kit", "buckets",
         "litter pickers", "high-visibility vests", "a van", "sandwiches"]
PLACES = ["the mill", "the old bridge", "the ferry steps", "the boathouse", "the weir",
          "the allotments", "the station", "the school", "the church", "the marina",
          "the car park", "the footbridge"]


def _guide(sections: int) -> str:
    """A long guide: an intro, then sections of a heading, a paragraph and a short list each
    (the shape trafilatura sometimes reads only in part)."""
    parts = ["<html><body><nav><a>Home</a> <a>Guides</a> <a>About</a></nav><article>",
             "<h1>How to plan a river clean-up</h1>",
             "<p>Planning a clean-up of a river takes more work than most volunteers expect, "
             "and the groups that do it well start months before the day itself.</p>"]
    for i in range(sections):
        task, place = TASKS[i], PLACES[i]
        parts += [f"<h2>Bring {task} to {place}</h2>",
                  f"<p>Someone has to take charge of the {task}: find out who owns them, who "
                  f"will carry them to {place} and where they can be kept until the morning "
                  f"of the clean-up, so that nothing is missing when the teams set out.</p>",
                  f"<ul><li>Count the {task} twice</li><li>Ask at {place} for a key to the "
                  f"shed</li></ul>"]
    parts.append("</article><footer><a>Privacy</a> <a>Contact</a></footer></body></html>")
    return "".join(parts)


def test_a_fuller_body_from_the_visible_lines_replaces_a_partial_one():
    from eventwire.sources.html import _fuller_body
    from eventwire.sources.htmltext import visible_lines

    lines = visible_lines(_guide(12))
    partial = ("Someone has to take charge of the boots: find out who owns them, who will carry "
               "them to the boathouse and where they can be kept until the morning of the "
               "clean-up, so that nothing is missing when the teams set out.")
    body = _fuller_body(partial, lines)
    assert body is not None
    assert body.startswith("Planning a clean-up of a river") and "Bring sandwiches to" in body
    assert "Count the water twice" in body and "Privacy" not in body
    elsewhere = "Council members voted on Tuesday to close the old bridge for repairs next year."
    assert _fuller_body(elsewhere, lines) is None  # not the same text: trafilatura's stays


def test_the_splitter_runs_only_when_the_long_lines_could_outweigh_the_body(monkeypatch):
    """The second opinions cost as much as trafilatura; a page whose long visible lines
    hold no more than twice trafilatura's body cannot give a fuller one, so it is skipped."""
    import eventwire.sources.textpage.splitter as splitter
    from eventwire.sources.html import _longer_lines

    calls = []
    real = splitter.split_text_page
    monkeypatch.setattr(splitter, "split_text_page", lambda *a: calls.append(1) or real(*a))
    body = ("The council voted on Tuesday to close the old bridge for repairs next year, "
            "and drivers will be sent along the ring road while the work goes on.")
    short_page = (f"<html><body><nav><a>Home</a><a>News</a></nav><p>{body}</p>"
                  "<footer><a>Privacy</a></footer></body></html>")
    assert _longer_lines(short_page, body) is None
    art = extract_html(short_page)
    assert art is not None and art.body == body and calls == []
    assert _longer_lines(_guide(12), body) is not None  # a long guide: worth reading again


def _titled_page(window_title: str, h1s: list[str]) -> str:
    html = PAGE.read_text(encoding="utf-8")
    html = re.sub(r"<title>.*?</title>", f"<title>{window_title}</title>", html, flags=re.S)
    html = re.sub(r'<meta property="og:title"[^>]*>', "", html)
    heads = "".join(f"<h1>{h}</h1>" for h in h1s)
    return re.sub(r"<h1[^>]*>.*?</h1>", heads, html, count=1, flags=re.S)


@pytest.mark.parametrize(("window_title", "h1s", "title"), [
    # the window title adds the site's name
    ("River clean-up draws hundreds | The Valley Courier",
     ["River clean-up draws hundreds"], "River clean-up draws hundreds"),
    # a logo in an h1 first, then the headline the window title names
    ("River clean-up draws hundreds - Valley Courier",
     ["The Valley Courier", "River clean-up draws hundreds"], "River clean-up draws hundreds"),
    # the window title reworded for search: the headline is still the page's h1
    ("Volunteers clean the river: what happened on Saturday",
     ["Hundreds turn out to clear the Tamber's banks"],
     "Hundreds turn out to clear the Tamber's banks")])
def test_the_headline_is_the_h1_the_window_title_names(window_title, h1s, title):
    art = extract_html(_titled_page(window_title, h1s))
    assert art is not None and art.title == title


@pytest.mark.parametrize(("window_title", "title"), [
    ("River clean-up draws hundreds | The Valley Courier", "River clean-up draws hundreds"),
    # near case: one dash joins a headline's own two halves
    ("River clean-up – hundreds turn out on Saturday",
     "River clean-up – hundreds turn out on Saturday")])
def test_without_an_h1_the_title_is_the_window_titles_headline_part(window_title, title):
    assert headline([], window_title) == title
