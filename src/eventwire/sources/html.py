"""HTML pages to articles with trafilatura (body, metadata) and htmldate (publication date).

The extraction options were chosen by body F1 (``eventwire eval pages``) on two dev sets:
favor_recall on (long guides and list articles: 0.930 vs 0.920 with favor_precision on 300
pages of 300 sites, 0.962 vs 0.966 on 181 news pages), comments left out (not article text),
tables and the fallback extractors kept (dropping either cost 0.7-1.8 points).

trafilatura sometimes keeps only a part of a long article (one section of a guide, the intro
of a listicle).  The page's visible lines are then read by the plain-text splitter as well;
when its body holds most of trafilatura's text and is much longer, it is the better body
(F1 0.935 instead of 0.930 on the 300 pages, 0.965 instead of 0.962 on the news pages).
That second opinion costs as much as trafilatura itself, so it is only asked where the
page's long visible lines could hold a body that much longer (one page in eight on those
sets, every page where it changed the body): the same bodies at 9.9 instead of 7.9 pages/s
on the news pages, 7.6 instead of 5.9 on the 300 (bare trafilatura 19.4 and 15.2 in that
run).  What remains above bare trafilatura is its metadata (htmldate's extensive date
search finds 223 instead of 212 of 254 true dates) and reading the visible lines.

Two general repairs around trafilatura (``boilerplate.py`` says which cues and why): a page
whose template closes the document early (``</body></html>`` after the header) is read to
its end as a browser shows it, where libxml2 stops at the first ``</html>``; and the link
runs, cookie banners and closing sections (related links, author box) trafilatura keeps are
left out of its body.  Together: F1 0.935 -> 0.942 on the 300 pages, 0.965 -> 0.969 on the
news pages, at the same speed.

Three more, by what went wrong rather than by site: the section headings trafilatura's
paragraph-by-paragraph pass leaves out are put back between the paragraphs they stood
between (``headings.py``); where trafilatura read another part of the page than the article
(its body a sidebar or a byline beside a much longer text), jusText's body replaces it
(``rescue.py``); and the runs of clutter before and after the article that readability's
choice of container leaves out are cut (``articleend.py``).  Together: F1 0.942 -> 0.950
on the 300 pages, 0.969 -> 0.972 on the news pages.

Posts the story embeds from social networks, which trafilatura drops with the "social" or
"embed" box around them, are handed to it as plain quotations (``embeds.py``): F1 0.9722
-> 0.9735 on the news pages (2 pages better, none worse), no change on the 300.  And a FAQ
section trafilatura lost (folded away, or placed in the footer) is added back from the
page's schema.org FAQPage data when the body lacks most of its questions (``faq.py``):
0.9517 -> 0.9524 on the 300 pages (5 pages better by 0.03-0.08, 1 worse by 0.01, whose
truth body leaves its FAQ out), no change on the news pages.  Tooltip bubbles inside
paragraphs, which trafilatura reads into the sentence, are left out first (``popups.py``):
0.9524 -> 0.9526 (2 pages better, none worse; none changed on the news pages).

The title is the page's h1 that the window title names (``headline``), not trafilatura's
window title, which adds the site's name ("Headline | Site") or rewords the headline for
search; with no h1, the window title's headline part: title accuracy 0.530 -> 0.890 on the
300 pages (even 0.513 -> 0.880, odd 0.547 -> 0.900), body F1 0.9528 -> 0.9530 (the
headline is no longer left at the body's top).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.xml import xmltotxt

from eventwire.models import Article
from eventwire.sources.articleend import trim_to_article, without_stamps
from eventwire.sources.boilerplate import furniture, remove
from eventwire.sources.embeds import unwrap_embedded_posts
from eventwire.sources.faq import with_faq
from eventwire.sources.headings import restore_headings
from eventwire.sources.popups import drop_popups
from eventwire.sources.rescue import rescued_body
from eventwire.sources.textpage.meta import headline_part

# Options measured best on the dev pages; kept in one place so the benchmark uses the same.
OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": True,
    "no_fallback": False,
    "deduplicate": False,
}
MIN_BODY_WORDS = 10
LONGER = 2.0  # the text splitter's body replaces trafilatura's when this many times longer
COVER = 0.7  # ... and holding this share of trafilatura's word 4-grams
HEADLINE_HELD = 0.5  # share of an h1's words the window title holds when it names the h1
PROSE_LINE_WORDS = 8  # a visible line this long may be body text (the splitter's pre-check)
_DATE_PARAMS = {"extensive_search": True, "original_date": True}
# An end of the document before its end: libxml2 drops all that follows, browsers do not.
_EARLY_END_RE = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def extract_html(html: str, url: str | None = None, **overrides: Any) -> Article | None:
    """One article from one HTML page, or None when trafilatura finds no body."""
    if not html or not html.strip():
        return None
    options = {**OPTIONS, **overrides}
    html = _EARLY_END_RE.sub("", html)
    tree = trafilatura.load_html(drop_popups(unwrap_embedded_posts(html)))
    if tree is None:
        return None
    headings = _h1_texts(tree)  # read before trafilatura prunes the tree
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True,
            date_extraction_params=_DATE_PARAMS, include_links=True, **options
        )
    except (ValueError, TypeError, AttributeError):  # lxml rejects some byte soups
        return None
    if doc is None:
        return None
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = headline(headings, meta.get("title") or None)
    body = with_faq(_body(doc.body, title, html), html)
    if len(body.split()) < MIN_BODY_WORDS:  # a menu word or a cookie line is no article
        return None
    published = _date(meta.get("date"))
    return Article(
        id="",
        source_path="",
        raw_hash="",
        format="html",
        body=body,
        title=title,
        url=meta.get("url") or url,
        published=published,
        published_text=meta.get("date") or None,
        date_rule="htmldate" if published else None,
        author=meta.get("author") or None,
        site_name=meta.get("sitename") or meta.get("hostname") or None,
        language=meta.get("language") or "en",
    )


def _h1_texts(tree: etree._Element) -> list[str]:
    return [text for h in tree.iter("h1") if (text := " ".join("".join(h.itertext()).split()))]


def headline(h1s: list[str], title: str | None) -> str | None:
    """The article's headline: of the page's h1 headings, the one whose words the window
    title (or og:title) mostly holds, since the title adds the site's name ("Headline |
    Site") or rewords it for search; else the first h1 (the title may be the site's alone),
    else the title's headline part."""
    if not h1s:
        return headline_part(title) if title else None
    words = set(_key(title or "").split())

    def held(h1: str) -> float:
        own = set(_key(h1).split())
        return len(own & words) / len(own) if own else 0.0

    best = max(h1s, key=held)
    return best if held(best) >= HEADLINE_HELD else h1s[0]


def _body(element: etree._Element | None, title: str | None, html: str) -> str:
    """trafilatura's body without its page furniture, trimmed to the article's bounds and
    with its section headings, unless another reading of the page replaces it; the choice is
    made on trafilatura's whole body."""
    if element is None:
        return ""
    drop = furniture(element)
    etree.strip_tags(element, "ref")  # links were kept only to measure link density
    whole = _paragraphs(xmltotxt(element, False), title)
    text = "\n\n".join(whole)
    if (lines := _longer_lines(html, text)) is not None:
        if (rescued := rescued_body(text, html)) is not None:
            return rescued
        if (fuller := _fuller_body(text, lines)) is not None:
            return _finished(fuller.split("\n\n"), html)
    if drop:
        for paragraph in drop:
            remove(paragraph)
        whole = _paragraphs(xmltotxt(element, False), title)
    return _finished(whole, html)


def _finished(paragraphs: list[str], html: str) -> str:
    """The body trimmed to where the article starts and ends, with its section headings put
    back."""
    return "\n\n".join(restore_headings(trim_to_article(without_stamps(paragraphs), html), html))


def _paragraphs(text: str, title: str | None) -> list[str]:
    """trafilatura's lines as paragraphs (the text path separates them by a blank line),
    without the headline when the page repeats it as the body's first line."""
    lines = [ln for ln in (re.sub(r"\s+", " ", raw).strip() for raw in text.split("\n")) if ln]
    if lines and title and _key(lines[0]) == _key(title):
        lines = lines[1:]
    return lines


def _longer_lines(html: str, body: str) -> str | None:
    """The page's visible lines when its long lines hold much more text than trafilatura's
    body (about one page in eight on the dev sets), else None: only then may another
    reading of the page (``rescue.py``, the plain-text splitter) give a better body."""
    from eventwire.sources.htmltext import visible_lines

    lines = visible_lines(html)
    prose = sum(len(ln) for ln in lines.split("\n") if ln.count(" ") >= PROSE_LINE_WORDS - 1)
    return lines if prose > LONGER * len(body) else None


def _fuller_body(body: str, lines: str) -> str | None:
    """The plain-text splitter's body of the page's visible lines when it holds most of
    trafilatura's text and much more (the rest of a guide or list), else None."""
    from eventwire.sources.textpage.splitter import split_text_page

    articles = split_text_page(lines, datetime.now(UTC))
    other = "\n\n".join(a.body for a in articles)
    if len(other) <= LONGER * len(body):
        return None
    mine = _grams(body)
    return other if mine and len(mine & _grams(other)) >= COVER * len(mine) else None


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text)
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))}


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
