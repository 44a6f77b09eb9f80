"""Split a plain-text news page (a naive scrape: every text block on its own line) into articles.

No library does this, so it is done with general signals, never with a publisher's wording:

0. Scraper faults are undone first: UTF-8 read as Latin-1 is repaired and paragraphs
   hard-wrapped over several lines are rejoined.
1. Article headers: a headline-shaped line that the page repeats within a few lines, with a
   date line and little prose between the two copies (page title, then the headline above
   the text).  Date lines and lines of a comment thread are never headers.  Each header
   starts a segment; text before the first header is a segment of its own.  A second article
   must carry a dateline or bullets, or a date over a story's worth of paragraphs (a teaser
   box or a comment under a repeated headline and a date has none).  Page controls ("Sign
   in to manage account", "Scroll to top") are never headlines.
2. Lines are scored: prose lines (long, function-word rich, ending in sentence punctuation)
   score their word count, a prose line standing alone between clutter half that; clutter
   lines (short and unpunctuated, repeated on the page, captions, courtesy credits, artworks'
   captions and gallery slides, date lines, copyright, the site's notice of paid links or
   cookies and its sign-up appeals, as the HTML path reads them, short teasers clipped with
   an ellipsis) score negative, and a form field ("Email *") as much as a whole menu.  The
   signature under a quoted social post ("— Name (@handle) May 1, 2025") is no date line
   but part of the quotation.
   Structures are then read off the page: a comment thread (three or more date lines of
   one template stamped to the minute, a few lines apart) and a teaser box the page shows
   twice become clutter; a table scraped one cell per line (a long run of short lines, many
   of them numbers) becomes neutral, so the text around it stays one article and the cells
   count as its content.  A code listing scraped one source line per line (a run of lines
   shaped like code: braces, semicolons, calls, assignments) is neutral too, so a tutorial
   stays one article across its listings, but its lines are left out of the body (the truth
   bodies of the 300-site dev pages drop code more often than they keep it: text F1
   0.9205 -> 0.9236, 4 pages better by 0.01-0.17, 4 worse by 0.01-0.06).
   A list item's box of labelled facts ("Length: 5 miles", three or more unrepeated lines)
   is neutral and kept; a table of contents (three or more lines, each repeated further
   down above a paragraph) is neutral and left out, so the intro above it is not cut off
   as a teaser (text F1 on the 300 dev pages 0.9295 -> 0.9307; on the 181 aeb news pages
   unchanged).
   A short line above a paragraph that follows text or repeats a line above (a table of
   contents) is its subheading: neutral too.  Text lines joined across small clutter gaps
   form blocks; menus, footers and related-headline lists are long negative runs that
   separate them.  The body is the first block holding a news lede
   (a paragraph opening with a dateline that names a region or an agency, under a date
   line), else the first holding a good share of the segment's text (articles come before
   comment threads, and notices or teasers above them are small), joined with neighbouring
   blocks of equally dense text across a photo gallery or a links box (across a wider gap,
   a shop box or a code listing, when they outweigh it; never across a form), less a small
   tail below a run of clutter (an author bio, a promo) or below a labelled box of links
   near its end or below a closing section's or sign-up box's heading ("Tags", "You may
   also like", "Subscribe to our newsletter"), and
   less the teasers above a lede in the same run.
3. Around the body: leading bullet lines are the summary bullets, the date line above the body
   gives ``published`` (an absolute date line a few lines under the headline first, however
   far a table of contents puts the text; else one between a standfirst and the text, else
   an absolute date line further up, above a long author box, else a lone date line just
   below the text; a headline-shaped first line with a date line
   just below it is the headline, not body, and so is a first line asking a question in
   title case), a sentence with a credit gives the caption, the first paragraph's
   upper-case place gives the dateline.  The body starts at its first sentence or item of an
   enumerated list (a calendar may be all list), below a short standfirst or lead caption
   that a byline, a photo credit or a date line parts from the text, and ends at its last
   sentence; inside it,
   repeated lines, captions, date lines, runs of clutter lines, labelled links to other
   stories ("Related: ...") and labelled boxes of related headlines are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from eventwire.models import Article
from eventwire.sources.boilerplate import (
    CLOSING_AFTER,
    CLOSING_RE,
    END_RE,
    PROSE_WORDS,
    is_cookie_banner,
    is_disclosure,
)
from eventwire.sources.textpage.dates import DateHit, find_date, stamp_shape
from eventwire.sources.textpage.lines import (
    BULLET_RE,
    Line,
    clean_line,
    line_features,
    looks_like_code,
    norm_key,
    repair_mojibake,
)
from eventwire.sources.textpage.meta import (
    HEAD_REACH,
    choose_title,
    find_dateline,
    headline_part,
    is_courtesy_caption,
    is_credit_line,
    is_gallery_caption,
    is_head_mark,
    is_title_case,
    is_titleish,
    split_caption,
)

HEADER_WINDOW = 12  # lines between a headline's two copies
HEADER_MAX_PROSE = 60  # words of prose allowed between them (a caption, a standfirst)
HEAD_SPAN = 3  # lines from a headline down to its date line
LOOKBACK = 15  # lines above a body searched for its date and caption
DATE_LOOKBACK = 30
TAIL_REACH = 8  # lines below the text searched for its date when none is above
TITLE_LOOKBACK = 60  # ... and for its title (a table of contents may come between)
MIN_BODY_SCORE = 25  # a segment whose best run scores less holds no article
GAP_BREAK = 20.0  # clutter between two runs of text that makes them separate blocks
ANCHOR_SHARE = 0.5  # a block this share of the segment's best is big enough to be the body
MERGE_GAP = 60.0  # a block across a gap this size joins the body if as dense as body text
MERGE_DENSITY = 15.0  # mean score per line of such a block
WIDE_GAP_FACTOR = 2.0  # ... across a gap up to this many times wider when it outweighs it
MERGE_TEXT_FACTOR = 3.0  # ... or a block holding this many times the gap's cost in text
ISOLATED_FACTOR = 0.5  # weight of a text line with clutter on both sides
TRIM_GAP = 6.0  # clutter run that may cut a small piece off the end of the body
TRIM_SHARE = 0.1  # ... when the piece holds less than this share of the body's score
HEAD_SHARE = 0.03  # a piece above the body this small is cut off the same way
CLOSING_MAX_WORDS = 6  # a closing section's heading ("Related articles", "About the author")
LIST_SCORE = 1.0  # an enumerated list's lines are kept with the text around them
LIST_MIN_WORDS = 4
CLUTTER_SCORE = -2.0
APPEAL_MAX_WORDS = 40  # a sign-up appeal is a line or two, not a paragraph about newsletters
CLIPPED_MAX_WORDS = 25  # a teaser clipped to fit its box (a listing's clipped blurbs are text)
PHRASE_SCORE = 0.0  # an unpunctuated line of running words costs a gap nothing
PHRASE_MIN_WORDS = 5
PHRASE_STOP_RATIO = 0.15
REPEAT_SCORE = -4.0
REPEAT_KEEP_WORDS = 20  # the first copy of a repeated line this long may still be body text
CAPTION_SCORE = -6.0
HEADING_MAX_WORDS = 12  # a short line above a paragraph heads it
QUESTION_MAX_WORDS = 20  # a headline ending in a question or exclamation mark
DEK_MAX_WORDS = 30  # a standfirst or a lead picture's caption above the text
DEK_REACH = 8  # lines from it down to the text: byline, credit, date line, the story's tags
DEK_MAX_PIECES = 3  # a standfirst, a caption, a sign-up line
LATER_MIN_WORDS = 100  # paragraph words a second article on a page needs
LATER_PARA_WORDS = 8  # ... counting paragraphs, not labels or headlines, of this many words
LEDE_MIN_WORDS = 12  # a dateline paragraph this long under a date line starts the article
LEDE_REACH = 4  # ... within this many lines
LINK_LIST_MIN = 3  # unpunctuated lines under a label that make a box of links
LINK_WORDS = 5  # ... of this many words on average (headlines, not list items)
LINK_MIN_WORDS = 3  # ... each a headline, not a one-word menu entry
LINK_LIST_TAIL = 0.25  # ... that ends the body when less text than this share follows
LINK_TAIL_MAX = 80.0  # ... and less than this score (a promo and a bio, not sections)
LABEL_SCORE = 0.0  # a repeated label beside the items of a list article
LABEL_MIN_COPIES = 3
LABEL_REACH = 2  # lines from a label to the item's text
FORM_SCORE = -MERGE_GAP  # as much clutter as a menu: blocks never join across a form
TABLE_SCORE = 0.0  # a table cell: neither text nor clutter
CODE_MIN_LINES = 3  # code-shaped lines that make a listing
CODE_FILLER_WORDS = 2  # a short line inside a listing ("return", "end") belongs to it
TABLE_CELL_WORDS = 16
CONTENTS_MIN_LINES = 3  # entries of a table of contents
FACT_MIN_LINES = 3  # labelled lines in a row that make a fact box
FACT_MAX_WORDS = 12
TABLE_MIN_CELLS = 8
TABLE_NUMERIC_SHARE = 0.3
WIDGET_UNIQUE_SCORE = 100  # unrepeated text a page needs before repeated boxes are clutter
THREAD_MIN_POSTS = 3  # stamps of one template that make a comment thread
THREAD_GAP = 20  # lines between two stamps of one thread
THREAD_LEAD_WORDS = 150  # text under a first stamp that makes it the article's own date


# A form field's label with its required mark ("Name *", "Email*", "Email(Required)"): a
# comment or sign-up form,
# which an article never runs across.
_FORM_FIELD_RE = re.compile(
    r"^[^\W\d_][^\W_]*(?: [^\W\d_][^\W_]*){0,2} ?(?:\*|\((?i:required)\))$")
# the heading of a sign-up box ("Subscribe to our newsletter", "Stay in the loop")
_SIGNUP_RE = re.compile(
    r"^\W*(?:(?:subscribe|sign up|join|get)\b.{0,40}\bnewsletters?|stay in the loop|"
    r"stay up to date\b.{0,40})\W*$", re.IGNORECASE)
# the site asking the reader to sign up, as a sentence of its own ("Want more? Sign up for our
# newsletter.", "Get new posts delivered to your inbox"), not a sentence about newsletters
_APPEAL_RE = re.compile(
    r"(?:^|[.!?]\s+)\W*(?:please\s+)?(?:subscribe|sign up|join)\b[^.!?]{0,60}"
    r"\b(?:newsletters?|mailing list|inbox)\b|"
    r"\b(?:get|receive)\b[^.!?]{0,40}\bdelivered (?:straight |right )?to your inbox\b",
    re.IGNORECASE)
# the heading of a comment section, whose comments may be as long as paragraphs
_COMMENTS_RE = re.compile(
    r"^\W*(?:\d+ )?(?:comments?|(?:leave|add|post|write) (?:a|your) (?:comment|reply))\W*$",
    re.IGNORECASE)
# the signature under a social post the story quotes: "— Ann Lee (@annlee) May 3, 2024", part
# of the quotation (the truth bodies keep every one), not a date line that parts the text
_POST_SIGNATURE_RE = re.compile(
    r"\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})$")
# the label of a box of links to other stories
_RELATED_LABEL_RE = re.compile(
    r"^\W*(?:related(?: (?:posts?|articles?|stories|content|reading|links))?|more from\b.*|"
    r"(?:you (?:may|might) (?:also )?like|also read|read next|recommended(?: for you)?|"
    r"(?:recent|popular|latest|more|top|trending) (?:posts|articles|stories|news)|most read|"
    r"trending)\W*)$", re.IGNORECASE)
# the label of a link to another story, set between the paragraphs of the text
_STORY_LINK_RE = re.compile(r"^\W{0,2}(?:related|read more)\s*:\s*\w", re.IGNORECASE)
_LABELLED_RE = re.compile(r"^(?:\S+ ){0,2}\S+: ")  # "Price: $20", "Founded in: 1995"
_STRONG_DATELINE_RE = re.compile(r"[,(]")
_NUMERIC_CELL_RE = re.compile(r"^[\W\d_]*\d[\W\d_]*$")
# a teaser clipped to fit its box: an ellipsis after a comma, or closing a headline
_ELLIPSIS_RE = re.compile(r"(?:\.{3}|…)$")
_CLIPPED_CLAUSE_RE = re.compile(r",\s*(?:\.{3}|…)$")


@dataclass
class _Segment:
    start: int
    end: int  # exclusive
    header: tuple[int, int] | None  # indices of the headline's two copies


def split_text_page(text: str, as_of: datetime) -> list[Article]:
    """The articles of one text page, in page order; [] when it holds no article text."""
    as_of = as_of if as_of.tzinfo else as_of.replace(tzinfo=UTC)
    texts = [t for t in (clean_line(raw) for raw in repair_mojibake(text).split("\n")) if t]
    if not texts:
        return []
    lines = line_features(texts)
    texts = [ln.text for ln in lines]
    signatures = {ln.index for ln in lines if _POST_SIGNATURE_RE.search(ln.text)}
    dates = {ln.index: hit for ln in lines if ln.words <= 12 and ln.index not in signatures
             if (hit := find_date(ln.text, as_of)) is not None}
    captions = {ln.index: cap for ln in lines if (cap := split_caption(ln.text)) is not None}
    scores = _isolate([_score(ln, ln.index in dates, ln.index in captions) for ln in lines])
    for k in signatures:
        scores[k] = max(scores[k], TABLE_SCORE)
    _repeated_widgets(lines, scores)
    _repeated_labels(lines, scores)
    _subheadings(lines, scores, dates)
    threads = _silence_threads(lines, scores, dates)
    items = _list_items(lines)
    for k in items:
        if scores[k] != CAPTION_SCORE:  # a numbered gallery is not a list
            scores[k] = max(scores[k], LIST_SCORE)
    cells = _table_cells(lines, scores)
    code = _code_listings(lines, scores)
    contents = _contents(lines, scores)
    for k in cells | code | contents | _fact_boxes(lines, scores):
        scores[k] = max(scores[k], TABLE_SCORE)
    page_keys = {norm_key(t): ln.repeats for t, ln in zip(texts, lines, strict=True)}
    page_norm = norm_key(" \n ".join(texts))
    links = _link_lists(lines, scores)
    boxes = _related_boxes(lines, scores)
    ledes = _news_ledes(lines, dates)
    articles: list[Article] = []
    for seg in _segments(lines, scores, {k: d for k, d in dates.items() if k not in threads}):
        art = _article(seg, lines, scores, dates, captions, page_keys, page_norm, items, cells,
                       links, ledes, code | contents | boxes, signatures)
        if art is not None and (not articles or _has_news_header(art)):
            art.position = len(articles)
            articles.append(art)
    return articles


def _score(line: Line, is_date: bool, is_caption: bool) -> float:
    """How much a line looks like article text (positive) or page clutter (negative)."""
    if is_caption or is_gallery_caption(line.text) or is_credit_line(line.text) \
            or is_courtesy_caption(line.text):
        return CAPTION_SCORE
    if is_date:
        return CLUTTER_SCORE
    if line.repeats > 1 and (line.words < REPEAT_KEEP_WORDS or line.first_seen < line.index):
        return REPEAT_SCORE
    if _is_copyright(line) or is_disclosure(line.text) or is_cookie_banner(line.text) \
            or (line.words <= APPEAL_MAX_WORDS and _APPEAL_RE.search(line.text)):
        return CLUTTER_SCORE  # the site's notices, which the HTML path drops too
    if _FORM_FIELD_RE.match(line.text):
        return FORM_SCORE
    if line.words <= CLIPPED_MAX_WORDS and _is_clipped(line.text):
        return CLUTTER_SCORE
    if line.is_prose:
        return float(line.words)
    if line.sentence_end and line.words >= 3 and line.upper_start:
        return line.words / 2
    if line.words >= PHRASE_MIN_WORDS and line.stop_ratio >= PHRASE_STOP_RATIO:
        return PHRASE_SCORE  # a list item or subheading of running words, not a menu label
    return CLUTTER_SCORE


def _is_clipped(text: str) -> bool:
    """A teaser cut off to fit its box ("... the Notorious…", "diagnosed with the plague,..."):
    a headline in title case, or a sentence broken off after a comma, that ends in an
    ellipsis.  A sentence of the text trailing off ("and then…") is neither."""
    return bool(_ELLIPSIS_RE.search(text)) and (
        is_title_case(text) or bool(_CLIPPED_CLAUSE_RE.search(text)))


def _repeated_widgets(lines: list[Line], scores: list[float]) -> None:
    """A long line the page repeats may still be the article's first copy of its lede, but not
    when its neighbours repeat too and the page has text of its own elsewhere: then it sits in
    a slider or teaser box shown twice.  (Some scrapes hold the whole article twice.)"""
    unique = sum(s for s, ln in zip(scores, lines, strict=True) if s > 0 and ln.repeats == 1)
    if unique < WIDGET_UNIQUE_SCORE:
        return
    for k, line in enumerate(lines):
        if line.repeats > 1 and scores[k] > 0 and any(
                0 <= j < len(lines) and lines[j].repeats > 1 for j in (k - 1, k + 1)):
            scores[k] = REPEAT_SCORE


def _repeated_labels(lines: list[Line], scores: list[float]) -> None:
    """A short line repeated next to text again and again ("Pros", "Rated: Good", "See the
    rating.") labels the items of a list article: neutral, so the items stay one article.
    Menus repeat too, but their copies sit among other menu lines, not beside paragraphs."""
    copies: dict[str, list[int]] = {}
    for line in lines:
        if line.repeats >= LABEL_MIN_COPIES and scores[line.index] == REPEAT_SCORE:
            copies.setdefault(norm_key(line.text), []).append(line.index)
    for ks in copies.values():
        beside_text = [any(0 <= j < len(lines) and scores[j] > 0
                           for j in range(k - LABEL_REACH, k + LABEL_REACH + 1)) for k in ks]
        if all(beside_text):
            for k in ks:
                scores[k] = LABEL_SCORE


def _subheadings(lines: list[Line], scores: list[float], dates: dict[int, DateHit]) -> None:
    """A short line above a paragraph heads it when it follows text or repeats a line above
    (a table of contents lists the headings): neutral, not clutter, so the sections of a
    long article stay one block."""
    for k in range(1, len(lines) - 1):
        line = lines[k]
        if scores[k] not in (CLUTTER_SCORE, REPEAT_SCORE) or k in dates \
                or line.words > HEADING_MAX_WORDS or not lines[k + 1].is_prose \
                or scores[k + 1] <= 0:
            continue
        if line.first_seen < k or any(lines[j].is_prose and scores[j] > 0
                                      for j in range(max(0, k - 2), k)):
            scores[k] = 0.0


def _is_copyright(line: Line) -> bool:
    return "©" in line.text or line.text.lower().startswith("copyright")


def _list_items(lines: list[Line]) -> set[int]:
    """Lines of an enumerated list (tour dates, numbered steps): three or more lines in a row
    of several words each, with a number among their first two words."""
    out: set[int] = set()
    run: list[int] = []
    for line in lines:
        head = line.text.split()[:2]
        if line.words >= LIST_MIN_WORDS and any(c.isdigit() for w in head for c in w):
            run.append(line.index)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    if len(run) >= 3:
        out.update(run)
    return out


def _table_cells(lines: list[Line], scores: list[float]) -> set[int]:
    """Lines of a table scraped one cell per line (stats, standings, prices): a long run of
    short lines, many of them numbers.  Neither text nor clutter: the text around a table
    still reads as one article, and the cells count as its content."""
    out: set[int] = set()
    run: list[int] = []
    for line in [*lines, None]:
        if line is not None and scores[line.index] <= 0 and line.words <= TABLE_CELL_WORDS:
            run.append(line.index)
            continue
        numeric = sum(1 for k in run if _NUMERIC_CELL_RE.match(lines[k].text))
        if len(run) >= TABLE_MIN_CELLS and numeric >= TABLE_NUMERIC_SHARE * len(run):
            out.update(run)
        run = []
    return out


def _contents(lines: list[Line], scores: list[float]) -> set[int]:
    """A table of contents: three or more short lines in a row, each repeated further down as
    the heading of a paragraph.  It lists the article's own sections, so it costs the intro
    above it no gap (the intro is not a teaser to cut off), yet stays out of the body, and
    so does its label."""
    heads: set[str] = {norm_key(ln.text) for ln, nxt in zip(lines, lines[1:], strict=False)
                       if ln.first_seen < ln.index and nxt.is_prose}
    out: set[int] = set()
    run: list[int] = []
    for line in [*lines, None]:
        if line is not None and scores[line.index] <= LIST_SCORE \
                and line.words <= HEADING_MAX_WORDS \
                and line.repeats > 1 and norm_key(line.text) in heads:
            run.append(line.index)
            continue
        if len(run) >= CONTENTS_MIN_LINES:
            out.update(run)
            label = lines[run[0] - 1] if run[0] else None  # "Table of contents", "In this guide"
            if label and scores[label.index] < 0 and label.words <= CLOSING_MAX_WORDS \
                    and not label.sentence_end:
                out.add(label.index)
        run = []
    return out


def _fact_boxes(lines: list[Line], scores: list[float]) -> set[int]:
    """Lines of a fact box under each item of a list article ("Location: Boston", "Class
    size: 930", "Founded: 1907"): three or more labelled lines in a row, none repeated on the
    page.  Like a table's cells they cost the items' text no gap, so the items and the intro
    above them read as one article; a repeated box (a footer's "Phone:", "Email:") does not."""
    out: set[int] = set()
    run: list[int] = []
    for line in [*lines, None]:
        if line is not None and scores[line.index] == CLUTTER_SCORE \
                and line.words <= FACT_MAX_WORDS and _LABELLED_RE.match(line.text):
            run.append(line.index)
            continue
        if len(run) >= FACT_MIN_LINES:
            out.update(run)
        run = []
    return out


def _code_listings(lines: list[Line], scores: list[float]) -> set[int]:
    """Lines of a code listing scraped one source line per line: a run of lines that are
    not prose, most of them shaped like code (braces, semicolons, calls, assignments).
    Neither text nor clutter, like table cells: the article's paragraphs around a listing
    stay one article."""
    out: set[int] = set()
    run: list[int] = []
    for line in [*lines, None]:
        if line is not None and not line.is_prose and (
                looks_like_code(line.text) or (run and line.words <= CODE_FILLER_WORDS)):
            run.append(line.index)
            continue
        while run and not looks_like_code(lines[run[-1]].text):
            run.pop()
        if sum(1 for k in run if looks_like_code(lines[k].text)) >= CODE_MIN_LINES:
            out.update(run)
        run = []
    return out


def _isolate(scores: list[float]) -> list[float]:
    """Discount a text line standing alone between clutter lines: comment threads and teaser
    lists alternate one text line with a name, date or headline; article paragraphs run on."""
    out = list(scores)
    for k, s in enumerate(scores):
        if s > 0 and (k == 0 or scores[k - 1] <= 0) and (k + 1 == len(scores)
                                                         or scores[k + 1] <= 0):
            out[k] = s * ISOLATED_FACTOR
    return out


def _silence_threads(lines: list[Line], scores: list[float], dates: dict[int, DateHit]
                     ) -> set[int]:
    """Turn comment threads (and time-stamped teaser feeds) into clutter, in place; returns
    their lines, whose date lines start no article.

    A thread is recognised by structure, not wording: three or more date lines of one
    template stamped to the minute ("Anna on May 3, 2019 at 8:02 am said:", "2 days ago at
    07:52 am"), each within a few lines of the next, with short texts between them.  The
    posts' text and the name lines just above the first stamp become clutter, so the thread
    can neither join the article nor outweigh it.
    """
    silenced: set[int] = set()
    by_shape: dict[str, list[int]] = {}
    for k in sorted(dates):
        if lines[k].text[:1] in "—–-" or (shape := stamp_shape(dates[k])) is None:
            continue
        by_shape.setdefault(shape, []).append(k)
    for stamps in by_shape.values():
        run: list[int] = []
        for k in [*stamps, None]:
            if k is not None and (not run or k - run[-1] <= THREAD_GAP):
                run.append(k)
                continue
            silenced.update(_silence_run(lines, scores, run))
            run = [k] if k is not None else []
    return silenced


def _silence_run(lines: list[Line], scores: list[float], run: list[int]) -> range:
    words = [sum(ln.words for ln in lines[a + 1 : b] if scores[ln.index] > 0)
             for a, b in zip(run, run[1:], strict=False)]
    # An article stamped like its comments: the first stamp heads far more text than a post.
    while len(words) > 1 and words[0] > max(THREAD_LEAD_WORDS, 2 * max(words[1:])):
        run, words = run[1:], words[1:]
    if len(run) < THREAD_MIN_POSTS:
        return range(0)
    start = run[0]
    while start > 0 and run[0] - start < 2 and scores[start - 1] <= 0 \
            and lines[start - 1].words <= 6:
        start -= 1  # the commenter's name
    end, quiet = run[-1] + 1, 0
    while end < len(lines) and quiet < 2:
        quiet = quiet + 1 if scores[end] <= 0 else 0
        end += 1
    for k in range(start, end):
        scores[k] = min(scores[k], CLUTTER_SCORE)
    return range(start, end)


def _segments(lines: list[Line], scores: list[float], dates: dict[int, DateHit]
              ) -> list[_Segment]:
    """Cut the page at article headers: a headline repeated a few lines further down, with a
    date line between the copies or just below, and text after them."""
    headers: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        found = None
        if line.repeats > 1 and i not in dates and is_titleish(line) \
                and not _COMMENTS_RE.match(line.text):
            key = norm_key(line.text)
            prose = 0
            for j in range(i + 1, min(n, i + HEADER_WINDOW + 1)):
                if norm_key(lines[j].text) == key:
                    found = j
                    break
                if scores[j] > 0:
                    prose += lines[j].words
                if prose > HEADER_MAX_PROSE:
                    break
        if found is not None and any(k in dates for k in range(i + 1, min(n, found + 4))) \
                and any(lines[k].is_prose for k in range(found + 1, min(n, found + 8))):
            headers.append((i, found))
            i = found + 1
        else:
            i += 1
    cuts = [h[0] for h in headers]
    segments = []
    if not cuts or cuts[0] > 0:
        segments.append(_Segment(0, cuts[0] if cuts else n, None))
    for k, header in enumerate(headers):
        segments.append(_Segment(header[0], cuts[k + 1] if k + 1 < len(cuts) else n, header))
    return segments


def _blocks(scores: list[float], start: int, end: int,
            gap_break: float | None = None) -> list[tuple[int, int, float]]:
    """Runs of text lines, joined across clutter gaps scoring above ``-GAP_BREAK``."""
    gap_break = GAP_BREAK if gap_break is None else gap_break
    blocks: list[tuple[int, int, float]] = []
    cur: list[float] | None = None  # [first, last exclusive, score]
    gap = 0.0
    for k in range(start, end):
        s = scores[k]
        if s > 0:
            if cur is not None:
                cur[1], cur[2] = k + 1, cur[2] + gap + s
            else:
                cur = [k, k + 1, s]
            gap = 0.0
            continue
        gap += s
        if cur is not None and gap <= -gap_break:
            blocks.append((int(cur[0]), int(cur[1]), cur[2]))
            cur, gap = None, 0.0
    if cur is not None:
        blocks.append((int(cur[0]), int(cur[1]), cur[2]))
    return blocks


def _main_block(scores: list[float], start: int, end: int, footer: set[int],
                barriers: set[int], ledes: set[int]) -> tuple[int, int, float]:
    """The first block holding a news lede, else the first that is a sizeable share of the
    best one: articles precede comments, and cookie notices or teasers above them are small."""
    blocks = _blocks(scores, start, end)
    if not blocks:
        return start, start, 0.0
    top = max(b[2] for b in blocks)
    floor = max(MIN_BODY_SCORE, ANCHOR_SHARE * top)
    k = next((i for i, b in enumerate(blocks) if b[2] >= MIN_BODY_SCORE
              and any(b[0] <= j < b[1] for j in ledes)), None)
    if k is None:
        k = next((i for i, b in enumerate(blocks) if b[2] >= floor), 0)
    first, last, total = blocks[k]
    # Reach over a photo gallery or a related-links box into text as dense as the body.
    # A block too small to judge (a caption, a line of text) may be read as part of the gap.
    lo, hi = k, k
    while (j := next((j for j in (lo - 1, lo - 2) if j >= 0 and _small(blocks[j + 1 : lo])
                      and _mergeable(scores, blocks[j], blocks[lo], barriers)), None)) is not None:
        lo = j
    while (j := next((j for j in (hi + 1, hi + 2) if j < len(blocks)
                      and _small(blocks[hi + 1 : j])
                      and _mergeable(scores, blocks[hi], blocks[j], barriers)
                      and not any(f in footer for f in range(blocks[hi][1], blocks[j][1]))),
                     None)) is not None:
        hi = j  # ... but not past a copyright line: below it is the page's footer
    first, last = blocks[lo][0], blocks[hi][1]
    total = sum(b[2] for b in blocks[lo : hi + 1])
    return _trim_small_tail(scores, first, last, total)


def _small(between: list[tuple[int, int, float]]) -> bool:
    return all(b[2] < MIN_BODY_SCORE for b in between)


def _trim_small_tail(scores: list[float], first: int, last: int, total: float
                     ) -> tuple[int, int, float]:
    """Cut small pieces of text off the end when a run of clutter separates them from the
    body: an author bio or a newsletter promo below a list of related links."""
    keep = _blocks(scores, first, last, TRIM_GAP)
    cut = 0.0  # a list article's items are small pieces too: together they are no tail
    while len(keep) > 1 and cut + keep[-1][2] < TRIM_SHARE * total:
        cut += keep.pop()[2]
    cut = 0.0  # ... and together no head either: only a small run of them is cut
    while len(keep) > 1 and cut + keep[0][2] < HEAD_SHARE * total:
        cut += keep.pop(0)[2]  # a teaser or promo line above the article, past clutter
    if not keep:
        return first, last, total
    return keep[0][0], keep[-1][1], sum(p[2] for p in keep)


def _link_lists(lines: list[Line], scores: list[float]) -> dict[int, int]:
    """Labelled boxes of links ("More stories", then a run of unpunctuated headlines of
    several words each): the label's index and the end of the run."""
    out: dict[int, int] = {}
    for k in range(len(lines) - LINK_LIST_MIN):
        if scores[k] >= 0 or lines[k].sentence_end:
            continue
        run = k + 1
        while run < len(lines) and scores[run] <= 0 and not lines[run].sentence_end \
                and not _LABELLED_RE.match(lines[run].text):
            run += 1
        n = run - k - 1
        if n >= LINK_LIST_MIN and sum(ln.words for ln in lines[k + 1 : run]) >= LINK_WORDS * n:
            out[k] = run
    return out


def _related_boxes(lines: list[Line], scores: list[float]) -> set[int]:
    """Lines of a box of links to other stories set inside the text ("More from UK", then
    three or more headlines): its label names it, and none of it is the article's."""
    out: set[int] = set()
    for k, line in enumerate(lines):
        if scores[k] >= 0 or not _RELATED_LABEL_RE.match(line.text):
            continue
        run = k + 1
        while run < len(lines) and scores[run] <= 0 and not lines[run].sentence_end \
                and lines[run].words >= LINK_MIN_WORDS:
            run += 1
        if run - k - 1 >= LINK_LIST_MIN:
            out.update(range(k, run))
    return out


def _news_ledes(lines: list[Line], dates: dict[int, DateHit]) -> dict[int, bool]:
    """Where news articles start: a paragraph opening with a dateline ("ST. PAUL, Minn.
    (AP) -") a few lines under a date line; True where the dateline names a region or an
    agency (a lone capitalised word before a dash may be a commenter's "WOW -")."""
    out = {}
    for k, line in enumerate(lines):
        if line.words >= LEDE_MIN_WORDS and (dateline := find_dateline(line.text)) \
                and any(j in dates for j in range(max(0, k - LEDE_REACH), k)):
            out[k] = bool(_STRONG_DATELINE_RE.search(dateline))
    return out


def _lede_start(scores: list[float], ledes: dict[int, bool], first: int, last: int) -> int:
    """Text above a lede with a named dateline in the same run is a menu's or a sidebar's
    teasers, however long; above a lede with a bare one ("BERLIN -"), only when it holds
    less text than the story below (a caption, a promo), not when it is the article and
    the "lede" a comment."""
    for k in sorted(ledes):
        if first < k < last and (ledes[k] or sum(s for s in scores[first:k] if s > 0)
                                 < sum(s for s in scores[k:last] if s > 0)):
            return k
    return first


def _cut_link_list(scores: list[float], links: dict[int, int], first: int, last: int) -> int:
    """End the body above a box of links near its end: what follows such a box is promos
    and an author bio, little text, where a section of a guide would be more."""
    text = [max(0.0, s) for s in scores[first:last]]
    limit = min(LINK_LIST_TAIL * sum(text), LINK_TAIL_MAX)
    for k in sorted(links):
        run = min(links[k], last)
        if first <= k and run - k - 1 >= LINK_LIST_MIN and sum(text[run - first :]) < limit:
            return k
    return last


def _cut_closing_section(lines: list[Line], first: int, last: int) -> int:
    """End the body at a short heading that opens a closing section ("Related articles",
    "Tags", "About the author") or a sign-up box ("Subscribe to our newsletter"), past the
    first part of the text and followed by no paragraph long enough to be article prose
    (the rule the HTML path applies; a comment section's comments may be that long).  The
    heading must be the body's only copy: "Source"
    under each photo closes nothing; nor does a bare "Subscribe" button inside a guide."""
    words = [ln.words for ln in lines[first:last]]
    copies = Counter(norm_key(ln.text) for ln in lines[first:last])
    total, seen = sum(words), 0
    for k in range(first, last):
        line = lines[k]
        if seen >= CLOSING_AFTER * total and line.words <= CLOSING_MAX_WORDS \
                and copies[norm_key(line.text)] == 1 \
                and (CLOSING_RE.match(line.text) or _SIGNUP_RE.match(line.text)
                     or _COMMENTS_RE.match(line.text)) \
                and (END_RE.match(line.text) or _COMMENTS_RE.match(line.text)
                     or all(w < PROSE_WORDS for w in words[k + 1 - first:])):
            return k
        seen += line.words
    return last


def _mergeable(scores: list[float], left: tuple[int, int, float],
               right: tuple[int, int, float], barriers: set[int]) -> bool:
    """Two blocks are one article across a gap of clutter (subheadings, a spec box, a
    gallery) when the smaller holds text worth more than the gap costs and reads as
    paragraphs, not as a teaser list (whose lone lines were discounted).  Dense paragraphs
    that outweigh it join across a wider gap (a product box, a code listing), but not
    across a form (comments, a sign-up box)."""
    gap = sum(scores[left[1] : right[0]])
    outer = right if right[2] < left[2] else left
    lines = outer[1] - outer[0]
    if outer[2] < MIN_BODY_SCORE or gap <= -MERGE_GAP * WIDE_GAP_FACTOR:
        return False
    if gap <= -MERGE_GAP:
        return outer[2] / lines >= MERGE_DENSITY and outer[2] >= -gap \
            and not any(left[1] <= k < right[0] for k in barriers)
    if outer[2] / lines >= MERGE_DENSITY:
        return True
    return outer[2] >= MERGE_TEXT_FACTOR * -gap and not _teaser_shaped(scores, outer)


def _teaser_shaped(scores: list[float], block: tuple[int, int, float]) -> bool:
    """Most text lines of the block stand alone between clutter lines: a list of headlines
    each with its teaser, or of posts each with its name, not paragraphs that run on."""
    text = [k for k in range(block[0], block[1]) if scores[k] > 0]
    runs_on = sum(1 for k in text
                  if scores[k - 1] > 0 or (k + 1 < len(scores) and scores[k + 1] > 0))
    return runs_on < len(text) / 2


def _article(seg: _Segment, lines: list[Line], scores: list[float], dates: dict[int, DateHit],
             captions: dict[int, tuple[str, str]], page_keys: dict[str, int],
             page_norm: str, items: set[int], cells: set[int], links: dict[int, int],
             ledes: dict[int, bool], hidden: set[int], signatures: set[int]) -> Article | None:
    zone = seg.header[1] + 1 if seg.header else seg.start
    footer = {k for k in range(zone, seg.end) if _is_copyright(lines[k])}
    forms = {k for k in range(zone, seg.end) if scores[k] == FORM_SCORE}
    strong = {k for k, named in ledes.items() if named}
    first, last, total = _main_block(scores, zone, seg.end, footer, forms, strong)
    last = _cut_link_list(scores, links, first, last)
    last = _cut_closing_section(lines, first, last)
    first = _lede_start(scores, ledes, first, last)
    if total < MIN_BODY_SCORE:
        return None
    bullets: list[str] = []
    while first < last and lines[first].bullet:
        first += 1
    while first < last and not (lines[first].is_prose or lines[first].sentence_end
                                or first in items):
        first += 1
    # A headline that reads like a sentence sits above its date line, not in the body.
    stamp = next((k for k in range(first + 1, min(last, first + HEAD_SPAN)) if k in dates), None)
    if stamp is not None and not lines[first].is_prose and is_titleish(lines[first]):
        first = stamp + 1
        while first < last and not (lines[first].is_prose or lines[first].sentence_end):
            first += 1
    headline = first if first < last and _question_headline(lines, first, last) else None
    if headline is not None:
        first += 1  # a headline written as a question or an exclamation, in title case
        while first < last and not (lines[first].is_prose or lines[first].sentence_end):
            first += 1
    first = _skip_standfirst(lines, scores, dates, first, last)
    if last in signatures and last < seg.end:
        last += 1  # the signature of a post the text closes on quoting
    while last > first and not _ends_body(lines, scores, last - 1, first, items | signatures):
        last -= 1
    if first >= last:
        return None
    above_start = seg.header[0] if seg.header else max(seg.start, first - LOOKBACK)
    above = lines[above_start:first]
    bullets = [BULLET_RE.sub("", ln.text) for ln in above[-10:] if ln.bullet and ln.words >= 3]
    if seg.header or headline is not None:
        title_line = lines[seg.header[0] if seg.header else headline]
        title = title_line.text
    else:
        title_line = choose_title(lines[max(seg.start, first - TITLE_LOOKBACK):first],
                                  page_keys, page_norm, set(dates) | set(captions), set(dates))
        title = headline_part(title_line.text) if title_line else None
    title_key = norm_key(title) if title else None
    body_lines = [ln.text for ln in lines[first:last] if _in_body(ln, scores, dates, cells)
                  and norm_key(ln.text) != title_key and ln.index not in hidden]
    if not body_lines:
        return None
    # a header's date may sit below a standfirst, between the headline and the text
    date_end = max(first, seg.header[1] + HEAD_SPAN + 1) if seg.header else first
    date_hit = _head_date(title_line, dates, first) \
        or _pick_date([dates[k] for k in range(above_start, date_end) if k in dates]) \
        or _pick_date(_standfirst_dates(scores, dates, first, last)) \
        or _pick_date([dates[k] for k in range(max(seg.start, first - DATE_LOOKBACK), above_start)
                       if k in dates and not dates[k].rule.startswith("relative")][::-1]) \
        or _tail_date(dates, last, seg.end)
    caption = next((captions[ln.index] for ln in above if ln.index in captions), None)
    return Article(
        id="",
        source_path="",
        raw_hash="",
        format="text",
        body="\n\n".join(body_lines),
        title=title,
        published=date_hit.when if date_hit else None,
        published_text=date_hit.text if date_hit else None,
        date_rule=date_hit.rule if date_hit else None,
        dateline=find_dateline(body_lines[0]),
        bullets=bullets,
        caption=caption[0] if caption else None,
        caption_credit=caption[1] if caption else None,
    )


def _skip_standfirst(lines: list[Line], scores: list[float], dates: dict[int, DateHit],
                     first: int, last: int) -> int:
    """Short paragraphs above the text with a byline, a photo credit or a date line below
    them are a standfirst and the lead picture's caption (those marks never sit between two
    paragraphs of the text): the text starts below the last mark.  A lede opening on a
    dateline stays, so does one the page repeats as its summary (the body keeps one copy),
    and so does a short first paragraph under which only a subheading or a label follows."""
    start, k = first, first
    for _ in range(DEK_MAX_PIECES):
        if k >= last or lines[k].words > DEK_MAX_WORDS or lines[k].repeats > 1 \
                or find_dateline(lines[k].text):
            break
        nxt = next((j for j in range(k + 1, min(last, k + DEK_REACH + 2)) if scores[j] > 0),
                   None)
        if nxt is None:
            break
        if lines[nxt].is_prose and any(j in dates or is_head_mark(lines[j].text)
                                       for j in range(k + 1, nxt)):
            start = nxt
        k = nxt
    return start


def _ends_body(lines: list[Line], scores: list[float], k: int, first: int,
               items: set[int]) -> bool:
    """The body ends on a sentence that follows body text, or on a paragraph after at most one
    clutter line (a subheading); a sentence after several clutter lines is the page's footer.
    A list, or a quoted post's signature, under body text closes it too."""
    line = lines[k]
    if k in items and k > first and scores[k - 1] > 0:  # a list or a quoted post closes it
        return True
    if not line.sentence_end or scores[k] <= 0:
        return False
    j, clutter = k - 1, 0  # neutral lines between (list items, table cells) are no clutter
    while j >= first and scores[j] <= 0:
        clutter += scores[j] < 0
        j -= 1
    return clutter == 0 or (line.is_prose and clutter == 1 and j >= first)


def _in_body(line: Line, scores: list[float], dates: dict[int, DateHit], cells: set[int]
             ) -> bool:
    """Inside the body run, repeated lines, captions and date lines are still clutter; the
    other short lines are the article's subheadings, list items and labelled facts."""
    k = line.index
    if k in cells:
        return True
    if scores[k] in (REPEAT_SCORE, CAPTION_SCORE) or k in dates or _is_story_link(line):
        return False
    if scores[k] > 0 or line.words > 1 or line.sentence_end:
        return True
    # a one-word line alone between paragraphs is a label ("Advertisement"); in a
    # run of short lines it is a list item or a heading over one
    return not (scores[k - 1] > 0 and k + 1 < len(scores) and scores[k + 1] > 0)


def _is_story_link(line: Line) -> bool:
    """A link to another story set between paragraphs ("Related: Ten ferries to ...", "[Read
    more: How tides ...]"): a labelled headline, not a sentence of the text."""
    return bool(_STORY_LINK_RE.match(line.text)) and not line.text.endswith((".", "!"))


def _question_headline(lines: list[Line], first: int, last: int) -> bool:
    """The body's first line is its headline when it is a short question or exclamation in
    title case ("Do Smart Thermostats Really Save You Money?"), which a paragraph never is,
    unless the body heads its sections with questions too (a guide's "What Is ...?")."""
    return _title_case_question(lines[first]) \
        and not any(_title_case_question(lines[k]) for k in range(first + 1, last))


def _title_case_question(line: Line) -> bool:
    return line.words <= QUESTION_MAX_WORDS and is_title_case(line.text) \
        and line.text.rstrip("\"'”’").endswith(("?", "!"))


def _standfirst_dates(scores: list[float], dates: dict[int, DateHit], first: int, last: int
                      ) -> list[DateHit]:
    """Date lines below the body's first line and above its second: a standfirst read as
    the first paragraph, then the byline and the date, then the text."""
    hits, text = [], 0
    for k in range(first, last):
        text += scores[k] > 0
        if text > 1:
            break
        if k in dates:
            hits.append(dates[k])
    return hits


def _has_news_header(art: Article) -> bool:
    """A second article on one page needs the marks of news copy: a dateline or summary
    bullets, or a date over a story's worth of paragraphs.  A date alone heads a teaser
    box's items or a comment as often ("Add your comment", a reply stamped to the minute)."""
    return art.dateline is not None or bool(art.bullets) \
        or (art.published is not None and _article_sized(art))


def _article_sized(art: Article) -> bool:
    """Paragraphs of some length hold a story's worth of words (a teaser box is headlines and
    one-line blurbs; a comment a few lines)."""
    return sum(n for para in art.body.split("\n\n")
               if (n := len(para.split())) >= LATER_PARA_WORDS) >= LATER_MIN_WORDS


def _tail_date(dates: dict[int, DateHit], last: int, end: int) -> DateHit | None:
    """A date line just below the text ("Published" / "August 13, 2025" under the last
    paragraph), when the article has none above: the one date there, not the first of a
    list of dated teasers."""
    near = [k for k in range(last, min(end, last + TAIL_REACH)) if k in dates]
    if not near or any(k in dates for k in range(near[0] + 1, near[0] + TAIL_REACH)):
        return None
    hit = dates[near[0]]
    return None if hit.rule.startswith("relative") else hit


def _head_date(title_line: Line | None, dates: dict[int, DateHit], first: int
               ) -> DateHit | None:
    """The date line a few lines under the headline, past its byline: the article's own,
    however far below it a table of contents or a share box puts the text.  A relative
    stamp ("3 days ago") is trusted only next to the text, as the other rules do."""
    if title_line is None:
        return None
    stop = min(first, title_line.index + HEAD_REACH + 1)
    return _pick_date([dates[k] for k in range(title_line.index + 1, stop)
                       if k in dates and not dates[k].rule.startswith("relative")])


def _pick_date(hits: list[DateHit]) -> DateHit | None:
    """A publication label beats an update label; otherwise the first date above the body."""
    for hit in hits:
        if hit.rule.split(":")[-1].lower() in ("published", "posted", "first"):
            return hit
    return hits[0] if hits else None
