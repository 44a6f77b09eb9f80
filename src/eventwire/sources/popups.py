"""Tooltips and popovers inside the text, left out before trafilatura reads the page.

A glossary term or a footnote mark in a paragraph may carry a bubble with its definition,
shown only when the reader points at it.  The bubble is markup inside the paragraph
(``role="tooltip"``, a class naming a tooltip or popover), so trafilatura reads it into the
sentence ("outperform your competition Businesses generally know who their competitors
are... Learn more in 2025"), where the truth bodies, as readers, have only the term.
Here such bubbles inside paragraphs and list items are removed, keeping the text that
follows them.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_POPUP_CLASS_RE = re.compile(r"tooltip|popover", re.IGNORECASE)
_WORDS = ("tooltip", "Tooltip", "popover", "Popover")
_REACH = 200  # characters back from a word to the start of the tag whose attribute holds it


def drop_popups(html: str) -> str:
    """The page without the tooltip bubbles inside its paragraphs; unchanged when it has
    none."""
    if not _has_cue(html):
        return html
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    bubbles = [el for block in doc.iter("p", "li") for el in block.iterdescendants()
               if isinstance(el.tag, str) and _is_popup(el)]
    outermost = [el for el in bubbles if not any(a in bubbles for a in el.iterancestors())]
    for el in outermost:
        el.drop_tree()  # keeps the tail: the sentence goes on after the term
    return lxml.html.tostring(doc, encoding="unicode") if outermost else html


def _has_cue(html: str) -> bool:
    """Whether a tag's class or role names a tooltip or popover (found by plain string
    search: a regular expression over a page of a megabyte costs more than the parse)."""
    for word in _WORDS:
        at = html.find(word)
        while at >= 0:
            before = html[max(0, at - _REACH):at]
            tag = before[before.rfind("<") + 1:] if "<" in before else ""
            if tag and ">" not in tag and ("class=" in tag or "role=" in tag):
                return True
            at = html.find(word, at + 1)
    return False


def _is_popup(el: etree._Element) -> bool:
    return el.get("role") == "tooltip" or bool(_POPUP_CLASS_RE.search(el.get("class") or ""))
