"""Paragraphs trafilatura keeps that are page furniture, not article text, by general cues.

trafilatura in recall mode (the better setting on long guides and lists) keeps some blocks a
reader skips: a run of links to other pages ("Average costs in Denver", "Read more: ...",
"Check price on ..."), the paragraphs of a cookie-consent banner, and the related links or
author box after the article.  Each is recognised by what it is, whatever the site:

- a short paragraph whose text is nearly all the text of links to other pages.  Links to
  a place on the same page (``#section``) and links written out as a bare address (a
  cited source) do not count: those are article text;
- a paragraph that speaks of the site's cookies in the words of a consent banner;
- a paragraph in which the site discloses that it is paid for its links ("this post
  contains affiliate links", "we may earn a commission", "as an Amazon Associate"), in the
  first person or of "this post", so that an article about affiliate marketing stays;
- the end of the page after the article: from a short heading that opens a closing section
  ("Related articles", "You may also like", "About the author", "Tags", "Comments",
  "References") to the end of the body, when it comes after the first third of the text and
  no paragraph after it is long enough to be article prose (a related-links box in the
  middle of a story is followed by the rest of the story).  An author's biography and a
  list of references are themselves long paragraphs, and a page puts them after its
  article, not inside it: those headings ("About the author", "References", "Footnotes")
  end the article whatever follows them.

Measured on two dev sets of pages (body F1, word 4-grams), the link rule changed 56 of 300
pages of 300 sites (38 better) and 37 of 181 news pages (26 better), the cookie rule one
page of each kind it matched, the closing sections 13 of the 300 pages (12 better) and 7 of
the news pages (all better); the end sections whatever follows them 5 of the 300 pages (all
better, among them "References & Citations"), the disclosures 8 (7 better).  Rules that
looked promising and were left out because they helped about as many pages as they hurt:
dropping code listings, tables, repeated paragraphs, link-dense lists and headings, FAQ
sections, quotations in figures, copyright lines, legal disclaimers, and "subscribe / learn
more / book a demo" prompts (the truth bodies keep them on as many sites as they drop them).
"""

from __future__ import annotations

import re

from lxml import etree

LINK_SHARE = 0.8  # share of a paragraph's characters inside links to other pages
LINK_PARAGRAPH_WORDS = 30  # ... in a paragraph of at most this many words
CLOSING_AFTER = 0.3  # a closing section starts after this share of the body's text
PROSE_WORDS = 60  # ... and is followed by no paragraph of this many words
# Closing sections made of long paragraphs (a biography, references), only ever at the end;
# two of them may share a heading ("Footnotes and references", "References & citations").
_END_NAME = (r"(?:about the authors?|author bio|footnotes?|references?|citations?|bibliography|"
             r"works cited)")
END_RE = re.compile(rf"^\W*{_END_NAME}(?:\s*(?:&|and)\s*{_END_NAME})?\W*$", re.IGNORECASE)
CLOSING_RE = re.compile(
    r"^\W*(?:related(?: (?:posts?|articles?|stories|content|reading|links|topics|resources|"
    r"guides))?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more from\b.*|"
    r"also read|read next|recommended(?: (?:for you|reading|articles|posts|stories))?|"
    r"(?:recent|popular|latest|more) (?:posts|articles|stories|news)|"
    r"(?:written|posted) by\b.*|contributors?|tags?|"
    r"share(?: this(?: (?:article|post|story|content))?)?|comments?|leave a (?:comment|reply)|"
    r"sources?)\W*$|" + END_RE.pattern,
    re.IGNORECASE)
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$")
_COOKIE_RE = re.compile(r"\bcookies?\b", re.IGNORECASE)
# the words of a consent banner, as opposed to a recipe's or a bakery's cookies
_CONSENT_RE = re.compile(
    r"\b(?:(?:we|this (?:web)?site|our (?:web)?site) uses? cookies|cookies? (?:policy|"
    r"settings|preferences|notice|consent)|consent to (?:the use of|our use of|all)|"
    r"(?:necessary|functional|performance|analytics?|analytical|advertisement|advertising|"
    r"marketing|uncategori[sz]ed|third[- ]party) cookies|accept (?:all )?cookies)\b",
    re.IGNORECASE)
# the site telling that it is paid for links, in its own words (first person or "this post"),
# as opposed to an article about affiliate marketing
_DISCLOSURE_RE = re.compile(
    r"\b(?:(?:this|our) (?:post|article|page|site|website|guide|review|newsletter) (?:may )?"
    r"contains? (?:affiliate|sponsored|paid)\b|(?:we|i)\b[^.]{0,40}\b(?:earn|receive|make|get)s?"
    r"\b[^.]{0,30}\b(?:commissions?|compensation)\b|(?:we|i) (?:may |might )?(?:be|are|am) "
    r"compensated\b|(?:we|i) (?:also )?(?:may |might )?use affiliate links|"
    r"as an amazon associate\b)",
    re.IGNORECASE)


def furniture(body: etree._Element) -> list[etree._Element]:
    """The link-run and cookie-banner paragraphs and the closing section among the children
    of trafilatura's body element (extracted with ``include_links=True``, so that links are
    ``ref`` elements)."""
    children = list(body)
    texts = [" ".join("".join(child.itertext()).split()) for child in children]
    found = children[_closing_section(children, texts):]
    for child, text in zip(children, texts, strict=True):
        if child.tag == "p" and child not in found and text and (
                _is_link_run(child, text) or is_cookie_banner(text) or is_disclosure(text)):
            found.append(child)
    return found


def _closing_section(children: list[etree._Element], texts: list[str]) -> int:
    """Where the closing section starts (``len(children)`` when there is none)."""
    total = sum(len(t) for t in texts)
    seen = 0
    for i, (child, text) in enumerate(zip(children, texts, strict=True)):
        if (seen >= CLOSING_AFTER * total and child.tag in ("head", "p")
                and len(text.split()) <= 6 and CLOSING_RE.match(text)
                and (END_RE.match(text)
                     or all(len(later.split()) < PROSE_WORDS for later in texts[i + 1:]))):
            return i
        seen += len(text)
    return len(children)


def _is_link_run(paragraph: etree._Element, text: str) -> bool:
    if len(text.split()) > LINK_PARAGRAPH_WORDS:
        return False
    linked = 0
    for ref in paragraph.iter("ref"):
        label = " ".join("".join(ref.itertext()).split())
        if (ref.get("target") or "").startswith("#") or _URL_RE.match(label):
            continue
        linked += len(label)
    return linked >= LINK_SHARE * len(text)


def is_disclosure(text: str) -> bool:
    return bool(_DISCLOSURE_RE.search(text))


def is_cookie_banner(text: str) -> bool:
    return bool(_COOKIE_RE.search(text) and _CONSENT_RE.search(text))


def remove(element: etree._Element) -> None:
    """Remove an element, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
