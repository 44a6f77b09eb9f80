"""Article metadata found around a body on a text page: dateline, photo caption, title.

Each rule reads the shape of a line, not its wording: a dateline is an upper-case place
before a colon or dash at the start of the first paragraph; a caption is a sentence ending in
a parenthesised or labelled credit; a title is a short unpunctuated line near the body,
preferably one the page repeats.
"""

from __future__ import annotations

import re

from eventwire.sources.textpage.lines import Line, norm_key

_PLACE = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
DATELINE_RE = re.compile(
    r"^(?P<dateline>" + _PLACE
    + r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z0-9][A-Za-z0-9.]+){0,3})?"  # , Lebanon / , Nov 19
    + r"(?:\s+\((?:[A-Z][\w.&' ]{1,30})\))?)"  # (Reuters)
    + r"\s*(?::|—|–|--|-)\s+(?=[A-Z\"“‘'])"
)
_CREDIT_PAREN_RE = re.compile(r"^(?P<caption>.*\S)\s*\((?P<credit>[^()]{2,60})\)\s*$")
_CREDIT_LABEL_RE = re.compile(
    r"^(?P<caption>.*?\S)\s*(?:Photo(?:graph)?s?|Image|Picture|Credit)\s*(?::|\.{2,}|…|by)\s*"
    r"(?P<credit>[^.]{2,80})$",
    re.I,
)
# "... on November 19, 2019. Jaafar ASHTIYEH / AFP": photographer and agency after the sentence.
_CREDIT_SLASH_RE = re.compile(
    r"^(?P<caption>.*[.!?][\"”’']?)\s+(?P<credit>(?:[^\W\d_][\w'’.-]*\s+){0,4}[^\W\d_][\w'’.-]*"
    r"\s*/\s*[A-Z][A-Z.-]+(?:\s+[A-Z][\w.]*)?)$"
)
_CREDIT_LABEL_PREFIX_RE = re.compile(r"^(?:Photo(?:graph)?s?|Image|Picture|Credit)\s*:\s*", re.I)
# A gallery slide's counter glued to or set before its caption: "1of4A shopper ...", "2 / 9 ...".
# ... or standing alone, perhaps after a label: "Image 2 of 5", "1 of 6".
_GALLERY_RE = re.compile(
    r"^(?:(\d{1,3})\s*(?:of|/)\s*(\d{1,3})(?=\s*[^\W\d_])"
    r"|(?:[^\W\d_]+\s+)?(\d{1,3})\s*(?:of|/)\s*(\d{1,3})$)"
)
# A photo credit on a line of its own, below its caption: "(Image credit: Blue Origin)".
_CREDIT_LINE_RE = re.compile(r"^\((?:Photo(?:graph)?s?|Image|Picture|Credit)\b[^()]{0,60}\)$", re.I)
_ADDRESS_RE = re.compile(r"\S@\S|https?://|www\.")  # an e-mail or web address is no headline
TITLE_CASE_MIN_WORDS = 3  # capitalised words that make title case
TITLE_CASE_SHARE = 0.8
_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# words a headline in title case leaves lower-case
_TITLE_SMALL = frozenset(
    "a an the and or but nor for of in on at to by with from as vs via per is it".split())
_TITLE_SEP_RE = re.compile(r"\s+[|/»›>]\s+")
_CRUMB_SEP_RE = re.compile(r"\s*[>»›]\s*")  # "Home>Blog>Headline", spaced or not
_DASH_SEP_RE = re.compile(r"\s+[-–—]\s+")
HEADLINE_PART_MIN_WORDS = 3  # a part this long may be the headline
BYLINE_MAX_WORDS = 12  # "By Jane Doe - 11/18/19 11:04 PM EST"
HEAD_REACH = 4  # lines from a headline down to its byline or date line
HEAD_BONUS = 2.0
LENGTH_WEIGHT = 2.0  # a headline runs longer than the menu entries and labels around it
TITLE_MAX_WORDS = 20  # a longer unpunctuated line is a standfirst or a sign-up box
ECHO_REACH = 6  # lines between a headline and its second copy
MAX_TITLE_COMMAS = 4  # a line with more is a list of tags or names
HEADLINE_MIN_WORDS = 4  # a shorter line is a headline only when the page echoes it
# a listicle's headline opens on its count or year ("10 Tips to ...", "2025 Trends in ...")
_COUNT_START_RE = re.compile(r"^\d{1,4}\+? [^\W\d_]")
# a byline, bare or labelled: "By Jane Doe", "Written by Jane Doe", "Author: Jane Doe",
# "Sponsored by Acme"
# a full stop inside the line, after a word and before the next sentence: "Never miss a
# post. Get our ...", not an abbreviation ("U.S. in Progress", "Dr. Lee")
# A control of the page, which tells the reader what to do with it ("Sign in to manage
# account", "Click to share (Opens in new window)", "Scroll to top", "Create my account",
# "Table of contents", "5 min read"): site furniture however often printed, never a headline.
# Verbs alone are not enough: "Sign In Sheets Go Digital" and "Create a Budget" are headlines.
_CONTROL_RE = re.compile(
    r"^(?:sign|log)[ -]?(?:in|up|out|into)\b(?:\W*$| (?:to|with|or|for free|your|my)\b)"
    r"|\b(?:click|tap)(?: here)? to\b|^press enter\b|\(opens? in (?:a )?new (?:window|tab)\)"
    r"|^(?:scroll|go|jump|back) to (?:the )?top\b|^back to (?:all )?(?:posts|blog|articles|news)\b"
    r"|^(?:create|manage|delete|edit) (?:my|your) (?:account|profile|alerts|subscriptions?)\b"
    r"|^(?:subscribe|sign up) (?:to|for) (?:our|the) newsletters?\b"
    r"|^manage (?:alerts|preferences|subscriptions?)\b|^skip to\b|^toggle (?:navigation|menu)\b"
    r"|^share (?:this )?(?:on|via|with) \w+$"
    r"|^table of contents$|^(?:expand|collapse)(?: (?:or|/) (?:expand|collapse))?(?: all)?$"
    r"|^(?:\d+ min(?:ute)?s? read|read(?:ing)? time\b)", re.IGNORECASE)
_INNER_SENTENCE_RE = re.compile(r"[a-z]{3}\. [A-Z]")
# an author's name with credentials: "Jane Doe, MS, RD", "Jo Lee, Ph.D."
_CREDENTIALS_RE = re.compile(r"^[^,]+(?:,\s*(?:[A-Z][a-z]?\.?){1,4}[A-Z]\.?)+$")
_BYLINE_RE = re.compile(
    r"^(?i:(?:(?:written|posted|reviewed|edited|published|words|story|sponsored|presented)"
    r"\s+)?by|from|author)"
    r"\b\s*:?\s*[A-Z]")


def find_dateline(first_paragraph: str) -> str | None:
    """'WASHINGTON', 'LONDON (Reuters)' from 'LONDON (Reuters) - The ...'."""
    m = DATELINE_RE.match(first_paragraph)
    if not m:
        return None
    dateline = m.group("dateline").strip()
    head = dateline.split(",")[0].split("(")[0]
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    return dateline


def split_caption(text: str) -> tuple[str, str] | None:
    """(caption, credit) when the line is a photo caption with its credit, else None."""
    for pattern in (_CREDIT_PAREN_RE, _CREDIT_LABEL_RE, _CREDIT_SLASH_RE):
        m = pattern.match(text)
        if not m:
            continue
        caption = m.group("caption").strip()
        credit = _CREDIT_LABEL_PREFIX_RE.sub("", m.group("credit")).strip()
        credit_words = credit.split()
        if not caption or len(credit_words) > 8:
            continue
        if not all(w[:1].isupper() or not w[:1].isalpha() for w in credit_words):
            continue
        if pattern is _CREDIT_PAREN_RE and not caption.rstrip("”\"'’").endswith((".", "!", "?")):
            continue
        return caption, credit
    return None


def is_gallery_caption(text: str) -> bool:
    """A photo-gallery slide caption: starts with a slide counter "N of M" (N <= M)."""
    m = _GALLERY_RE.match(text)
    if not m:
        return False
    slide, count = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return 0 < int(slide) <= int(count)


def is_credit_line(text: str) -> bool:
    """A photo credit standing alone in parentheses; the line above it is the caption."""
    return bool(_CREDIT_LINE_RE.match(text))


def is_courtesy_caption(text: str) -> bool:
    """A picture's credit by courtesy ("Photo courtesy Jo Lee", "Image: Courtesy of the
    museum"), or an artwork's caption: year, medium and size, often closing on its lender
    ("Jo Lee, Harbour, 1998. Gelatin silver print – 20 × 25 cm. Courtesy Gallery X.")."""
    return len(text.split()) <= CAPTION_MAX_WORDS and bool(
        _COURTESY_RE.search(text) or _ARTWORK_RE.search(text))


CAPTION_MAX_WORDS = 50
_COURTESY_RE = re.compile(
    r"^(?:(?:some |all )?(?:photos?|images?|pictures?)\s*:?\s*)?courtesy (?:of )?\S"
    r"|[.;]\s*(?:photos? |images? )?courtesy (?:of )?[A-Z][^.]{0,60}\.?$", re.IGNORECASE)
_ARTWORK_RE = re.compile(  # name, title, year. Medium – size
    r"^[^.]{2,120}, [^.]{0,80}\b(?:1[5-9]|20)\d\d\b[^.]{0,20}\.\s.*\d ?[×x] ?\d[\d.,/ ]*"
    r"(?:cm|in|mm)\b")
# a photo credit under its picture: "Photograph: Jo Lee/Getty Images", "Image by Jo Lee"
_PHOTO_CREDIT_RE = re.compile(
    r"^(?:Photo(?:graph)?s?|Image|Picture|Illustration|Credit)\s*(?::|by\b|credit\b)", re.I)
# ... or the photographer and agency alone: "Jo Lee/Getty Images", "Jo Lee / AFP"
_NAME = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}"
_AGENCY_CREDIT_RE = re.compile(rf"^{_NAME}(?:\s*[/|]\s*{_NAME})+$")
# an author's name with a social handle: "Jo Lee @jolee", "Jo Lee@JoLeeNews"
_HANDLE_BYLINE_RE = re.compile(rf"^{_NAME}\s*@\w+$")


# a promo's button under its sentence: "Read More", "Free 14-Day Trial", "Sign up now"
_BUTTON_RE = re.compile(
    r"^\W*(?:read more|learn more|(?:start (?:your |a )?)?free(?: \d+[- ]day)? trial|"
    r"sign up(?: now)?|subscribe(?: now)?|get started)\W*$", re.I)


def is_head_mark(text: str) -> bool:
    """A byline ("By", "By Jo Lee"), a photo credit or a promo's button: lines that sit
    between a standfirst, a picture's caption or a promo and the text, never between two of
    the text's paragraphs."""
    words = text.split()
    if not words or len(words) > BYLINE_MAX_WORDS:
        return False
    return text.lower() == "by" or bool(
        _BYLINE_RE.match(text) or _PHOTO_CREDIT_RE.match(text) or _CREDIT_LINE_RE.match(text)
        or _AGENCY_CREDIT_RE.match(text) or _HANDLE_BYLINE_RE.match(text)
        or _BUTTON_RE.match(text))


def is_title_case(text: str) -> bool:
    """Headline capitals: nearly every word but the short function words starts upper-case
    ("Is a Smart Thermostat Worth It?"), as a sentence's words do not."""
    words = [w for w in _TITLE_WORD_RE.findall(text) if w.lower() not in _TITLE_SMALL]
    return len(words) >= TITLE_CASE_MIN_WORDS \
        and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def is_titleish(line: Line) -> bool:
    """Headline shape: a few words, no final full stop, not a bullet, starts upper-case."""
    if line.bullet or not 3 <= line.words <= 30:
        return False
    if line.text.rstrip("\"'”’").endswith((".", ":", ",", ";")):
        return False
    if _ADDRESS_RE.search(line.text) or line.text.count(",") > MAX_TITLE_COMMAS \
            or _CREDENTIALS_RE.match(line.text) or _INNER_SENTENCE_RE.search(line.text) \
            or _CONTROL_RE.search(line.text):
        return False
    return (line.upper_start or bool(_COUNT_START_RE.match(line.text))) \
        and not _BYLINE_RE.match(line.text)


def choose_title(before: list[Line], all_keys: dict[str, int], text_of_page: str,
                 skip: set[int], dates: set[int]) -> Line | None:
    """The most headline-like line among those above the body.

    Signals: headline shape and length, the page repeating the line (or holding it inside a
    longer line, as a window title "Headline | Site" does), heading the byline or date
    line a few lines below it, and closeness to the body.  Lines in ``skip`` (dates,
    captions) are never titles.
    """
    scores = title_scores(before, all_keys, text_of_page, skip, dates)
    best = max(scores, key=lambda pos: (scores[pos], -pos), default=None)
    return before[best] if best is not None and scores[best] > 0 else None


def title_scores(before: list[Line], all_keys: dict[str, int], text_of_page: str,
                 skip: set[int], dates: set[int]) -> dict[int, float]:
    """Each headline-shaped line's score as the title, by its position in ``before``."""
    n = len(before)
    candidates = [pos for pos, line in enumerate(before) if line.index not in skip
                  and is_titleish(line) and len(line.text.split()) <= TITLE_MAX_WORDS]
    heads = _header_heads(before, candidates, dates)
    scores = {}
    for pos in candidates:
        line = before[pos]
        key = norm_key(line.text)
        # A window title echoes the headline; a menu shown twice echoes every entry, so a
        # line whose neighbours repeat as well is a menu entry, not an echoed headline.
        in_menu = any(before[j].repeats > 1 for j in _neighbours(before, pos))
        echoed = not in_menu and (all_keys.get(key, 0) > 1 or text_of_page.count(key) > 1) \
            or _shown_twice(before, pos, key)
        if line.words < HEADLINE_MIN_WORDS and not echoed and pos not in heads:
            continue
        score = 1.0 + LENGTH_WEIGHT * min(line.words, 12) / 12 + (2.0 if echoed else 0.0)
        score -= 1.0 if all_keys.get(key, 0) > 3 else 0.0  # a site name or a menu entry
        score += HEAD_BONUS if pos in heads else 0.0
        scores[pos] = score - 0.04 * (n - 1 - pos)
    return scores


def _header_heads(before: list[Line], candidates: list[int], dates: set[int]) -> set[int]:
    """Positions of the lines that head an article's byline or date line: of the headline
    shaped lines in the few lines above it, the longest (the upper of equals), since the
    author's name and role between a headline and its date are shorter, unless it is a
    standfirst in sentence case under a title-case headline.  A date line with no headline
    may stand above its headline, when that is longer than the line above the date (a
    link back to the blog, a caption) and the date is not a sticky bar's copy; a short line
    ("Thoughts on Zig") heads it only when no longer one is near."""
    anchors = [pos for pos, ln in enumerate(before) if ln.index in dates
               or _BYLINE_RE.match(ln.text) and ln.words <= BYLINE_MAX_WORDS]
    heads = set()
    for a in anchors:
        near = [pos for pos in candidates if 0 < a - pos <= HEAD_REACH]
        long_near = [pos for pos in near if before[pos].words >= HEADLINE_MIN_WORDS]
        below = [pos for pos in candidates if 0 < pos - a <= HEAD_REACH
                 and before[pos].words >= HEADLINE_MIN_WORDS]
        head = _longest_head(before, long_near or near)
        if below and before[a].index in dates and before[a].repeats == 1 and (
                head is None or before[head].words < HEADLINE_MIN_WORDS
                or before[below[0]].words > before[head].words):
            head = below[0]
        if head is not None:
            heads.add(head)
    return heads


def _shown_twice(before: list[Line], pos: int, key: str) -> bool:
    """A headline of several words printed again a few lines away (a breadcrumb's last
    crumb or a sticky bar, then the heading), whatever its neighbours."""
    return before[pos].words >= HEADLINE_MIN_WORDS and any(
        norm_key(before[j].text) == key
        for j in range(max(0, pos - ECHO_REACH), min(len(before), pos + ECHO_REACH + 1))
        if j != pos)


def _neighbours(before: list[Line], pos: int) -> list[int]:
    """The lines either side of a line, past its own copies (a headline shown twice)."""
    key, out = norm_key(before[pos].text), []
    for step in (-1, 1):
        j = pos + step
        while 0 <= j < len(before) and norm_key(before[j].text) == key:
            j += step
        if 0 <= j < len(before):
            out.append(j)
    return out


def _longest_head(before: list[Line], near: list[int]) -> int | None:
    if not near:
        return None
    pos = max(near, key=lambda p: (before[p].words, -p))
    if pos - 1 in near and is_title_case(before[pos - 1].text) \
            and not is_title_case(before[pos].text):
        return pos - 1
    return pos


def headline_part(text: str) -> str:
    """The headline inside a line that joins it to a site or section name ("Headline |
    Opinion", "Blog / Headline") or a breadcrumb ("Home - Blog - Headline", "Home>Blog>
    Headline"): its longest
    part.  A dash alone joins a headline to its own second half, so only a breadcrumb's
    dashes (two or more) split the line."""
    parts = [p for p in _TITLE_SEP_RE.split(text) if p.strip()]
    if len(parts) < 2:
        crumbs = [p for p in _CRUMB_SEP_RE.split(text) if p.strip()]
        parts = crumbs if len(crumbs) > 2 else parts
    if len(parts) < 2:
        dashed = [p for p in _DASH_SEP_RE.split(text) if p.strip()]
        parts = dashed if len(dashed) > 2 else parts
    if len(parts) < 2:
        return text
    best = max(parts, key=lambda p: len(p.split()))
    return best.strip() if len(best.split()) >= HEADLINE_PART_MIN_WORDS else text
