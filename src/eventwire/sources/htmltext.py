"""An HTML page as a naive scraper saves it: every visible text block on its own line.

The plain-text splitter reads such lines; running it on an HTML page gives a second opinion
on where the article is, for pages whose markup trafilatura reads only in part.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Elements that start a new line of text in a browser (block and table-cell boxes, breaks).
_BLOCK = frozenset(
    "address article aside blockquote br button caption center dd details div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr label legend li main nav ol "
    "option p pre section select summary table td th tr ul".split())
_HIDDEN = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object",
           "canvas", "math")
_SPACE_RE = re.compile(r"\s+")


def visible_lines(html: str) -> str:
    """The page's visible text, one block per line; "" when lxml cannot read it."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(doc, *_HIDDEN, with_tail=False)
    for el in doc.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    lines = (_SPACE_RE.sub(" ", raw).strip() for raw in doc.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
