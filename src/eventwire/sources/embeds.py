"""Posts a story quotes from social networks, kept where trafilatura drops them.

A news story that reports what people said online embeds their posts: the networks' embed
code is a ``blockquote`` holding the post's text, its author and date (``twitter-tweet``,
``instagram-media``, ``tiktok-embed``...), and sites wrap it in a box named for what it is
(``social-media-embed``, ``embed-twitter``).  trafilatura discards elements whose class
names hold "social" or "embed" as page furniture (share buttons, widgets), and so drops the
quoted posts with them, though they are part of the story: the truth bodies of the news
dev pages keep 94 % of them.  Here such a blockquote loses its network's class name and
the boxes around it that hold nothing else are unwrapped, so trafilatura reads it as the
quotation it is.  Share buttons and widgets, which hold no such blockquote, stay furniture.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# The class names of the networks' embed code for one post.
_EMBED_RE = re.compile(r"\b(?:twitter-(?:tweet|video)|instagram-media|tiktok-embed|"
                       r"bluesky-embed|reddit-embed-bq|text-post-media|mastodon-embed)\b")
_NAMES = ("twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "bluesky-embed",
          "reddit-embed-bq", "text-post-media", "mastodon-embed")  # a fast first look
_WRAPPERS = frozenset(("div", "figure", "section", "aside", "span", "p"))
MAX_WRAPPERS = 4  # boxes around one post unwrapped at most


def unwrap_embedded_posts(html: str) -> str:
    """The page with its embedded posts made plain blockquotes; unchanged when it has none
    (or lxml cannot read it)."""
    if not any(name in html for name in _NAMES):
        return html
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    posts = [bq for bq in doc.iter("blockquote") if _EMBED_RE.search(bq.get("class") or "")]
    for post in posts:
        del post.attrib["class"]
        text = _text(post)
        box = post.getparent()
        for _ in range(MAX_WRAPPERS):
            if box is None or box.tag not in _WRAPPERS or _text(box) != text:
                break
            outer = box.getparent()
            box.drop_tag()
            box = outer
    return lxml.html.tostring(doc, encoding="unicode")


def _text(el: etree._Element) -> str:
    return " ".join(" ".join(t for t in el.itertext() if t.strip()).split())
