"""Section headings put back into trafilatura's body, and jusText's body where trafilatura
read another part of the page."""

from __future__ import annotations

import trafilatura

from eventwire.sources.headings import restore_headings
from eventwire.sources.html import OPTIONS, extract_html
from eventwire.sources.rescue import rescued_body

GUIDE = [
    "The county's new recycling centre opened on Saturday after two years of delays, and by "
    "noon the queue of cars reached back past the garden centre on the main road.",
    "Staff said the site can now take mattresses, paint and small electrical goods, which "
    "residents had to drive forty minutes to the next county to get rid of until this week.",
    "The council expects the centre to handle about twelve thousand tonnes a year once the "
    "second weighbridge is fitted in the spring, according to the project's manager.",
    "Opening hours will be longer in summer, and a booking system for vans and trailers is to "
    "follow once the council has seen how busy the first months are.",
]


def _page(inner: str) -> str:
    return f"<html><body>{inner}</body></html>"


def test_headings_of_a_guide_read_paragraph_by_paragraph_are_put_back():
    """A short frame trafilatura knows (class 'content') sends it to its paragraph-by-paragraph
    pass over the page, which takes no headings."""
    p = GUIDE
    html = _page("<div class='content'><p>Guides for residents of the county.</p></div>"
                 f"<section class='basic'><div class='col'><p>{p[0]}</p><h2>What it takes</h2>"
                 f"<p>{p[1]}</p><p>{p[2]}</p><h2>When to go</h2><p>{p[3]}</p></div></section>")
    assert "What it takes" not in trafilatura.extract(html, **OPTIONS)  # the case at hand
    art = extract_html(html)
    assert art is not None
    assert art.body.split("\n\n")[1:] == [p[0], "What it takes", p[1], p[2], "When to go", p[3]]


def test_a_heading_goes_back_only_between_body_paragraphs_that_were_next_to_each_other():
    p = GUIDE
    html = _page(f"<h2>Before the story</h2><p>{p[0]}</p><h3>Inside the story</h3><p>{p[1]}</p>"
                 f"<p>Lorem teaser paragraph that the extractor dropped as clutter.</p>"
                 f"<h3>After a dropped block</h3><p>{p[2]}</p><p>{p[3]}</p><h3>At the end</h3>")
    assert restore_headings(list(p), html) == [p[0], "Inside the story", p[1], p[2], p[3]]


def test_linked_headings_section_labels_and_headings_already_in_the_body_stay_out():
    p = GUIDE
    html = _page(f"<p>{p[0]}</p><h3><a href='/other'>Bin collections to change</a></h3>"
                 f"<p>{p[1]}</p><a href='/x'><h4>Council tax rises again</h4></a><p>{p[2]}</p>"
                 f"<h3>Related</h3><p>{p[3]}</p>")
    assert restore_headings(list(p), html) == list(p)
    in_item = ["What it takes: " + p[1]]
    html = _page(f"<p>{p[0]}</p><ul><li><h3>What it takes</h3><p>{p[1]}</p></li></ul>")
    assert restore_headings([p[0], *in_item], html) == [p[0], *in_item]


def test_a_short_heading_goes_back_though_its_section_repeats_its_words():
    """A guide's section on one thing names it in its first sentence."""
    items = ["Cardboard goes flat in the blue skip by the gate, with the tape and staples taken "
             "off first so the baler does not jam.",
             "Glass goes in the bottle banks by colour, and lids go in the metal skip beside "
             "them rather than in with the glass."]
    body = [GUIDE[0], *items]
    html = _page(f"<p>{GUIDE[0]}</p><h3>Cardboard</h3><p>{items[0]}</p>"
                 f"<img src='glass.jpg'><h3>Glass</h3><p>{items[1]}</p>")
    assert restore_headings(list(body), html) == [GUIDE[0], "Cardboard", items[0], "Glass",
                                                  items[1]]
    merged = [GUIDE[0], "Glass " + items[1]]  # the heading already opens its paragraph
    html = _page(f"<p>{GUIDE[0]}</p><h3>Glass</h3><p>{items[1]}</p>")
    assert restore_headings(list(merged), html) == merged


def test_a_heading_followed_by_a_link_or_a_short_line_stays_out():
    p = GUIDE
    html = _page(f"<p>{p[0]}</p><h3>More from us</h3><p><a href='/a'>Bin collections to change "
                 f"this spring in the villages</a></p><p>{p[1]}</p><h3>Prices</h3>"
                 f"<p>Vans pay five pounds each.</p><p>{p[2]}</p>")
    assert restore_headings([p[0], p[1], p[2]], html) == [p[0], p[1], p[2]]


SIDEBAR = "Save time on admin with our planner app.\n\nTry it free for thirty days."
# jusText takes a block of over 200 characters for article text
STORY = [GUIDE[0] + " " + GUIDE[1], GUIDE[2] + " " + GUIDE[3]] * 2


def test_jusText_body_replaces_a_sidebar_read_instead_of_the_article():
    article = "".join(f"<p>{x}</p>" for x in STORY)
    html = _page(f"<div class='story'>{article}</div><aside><p>Save time on admin with our "
                 "planner app.</p><p>Try it free for thirty days.</p></aside>")
    rescued = rescued_body(SIDEBAR, html)
    assert rescued is not None
    assert rescued.split("\n\n") == STORY


def test_trafilatura_body_stands_when_it_is_part_of_jusText_or_not_much_shorter():
    article = "".join(f"<p>{x}</p>" for x in STORY)
    html = _page(f"<div class='story'>{article}</div>")
    assert rescued_body("\n\n".join(GUIDE[:2]), html) is None  # a part of the same text
    assert rescued_body("\n\n".join([SIDEBAR] * 6), _page(f"<div>{article}</div>")) is None
    assert rescued_body(SIDEBAR, "<html><body><p>Menu</p></body></html>") is None


ABOUT = ("Greenway Waste is a family-owned company serving the county since 1984.",
         "By submitting this form you agree to be contacted by our team.")


def _story_page(tail: str) -> str:
    story = "".join(f"<p>{x}</p>" for x in STORY)
    return _page(f"<div class='crumbs'><p>Home / News</p></div><div class='article-body'>"
                 f"{story}</div><div class='about'>{tail}</div>")


def test_the_body_starts_and_ends_where_readability_says_the_article_does():
    from eventwire.sources.articleend import trim_to_article

    html = _story_page("".join(f"<p>{x}</p>" for x in ABOUT))
    assert trim_to_article(["Home / News", *STORY, *ABOUT], html) == STORY


def test_a_long_tail_or_another_reading_of_the_page_leaves_the_body_whole():
    from eventwire.sources.articleend import trim_to_article

    html = _story_page("".join(f"<p>{x}</p>" for x in ABOUT))
    long_tail = [STORY[0], *ABOUT, STORY[1]]  # the unheld tail is over a quarter of the text
    assert trim_to_article([STORY[0], STORY[1], *ABOUT * 3], html) == [STORY[0], STORY[1],
                                                                      *ABOUT * 3]
    assert trim_to_article(long_tail, html) == long_tail  # it ends on a held paragraph
    elsewhere = [  # readability read another part of the page than trafilatura
        "Volunteers from the rowing club will clear the towpath of brambles and litter on the "
        "first weekend of every month, and anyone who turns up with gloves is welcome to help.",
        "The club has asked the council for a skip at the slipway and for the bins by the "
        "footbridge to be emptied on the Monday after each clear-up rather than on Friday.",
        "Last year the clear-ups filled forty bags, and the club hopes to double that now that "
        "the school has said its pupils may join in as part of their volunteering week.",
        STORY[0], "Share this page."]
    assert trim_to_article(elsewhere, html) == elsewhere


def test_date_count_and_reading_time_lines_at_the_ends_of_the_body_are_left_out():
    from eventwire.sources.articleend import without_stamps

    body = ["Published on: March 3, 2025", "6 min read", "-", *STORY, "Updated 2 hours ago"]
    assert without_stamps(body) == STORY
    inner = [STORY[0], "12 March 2025", STORY[1]]  # a stamp inside the body stays
    assert without_stamps(inner) == inner
    assert without_stamps(["In 2024, 1,200 people read it."]) == ["In 2024, 1,200 people read it."]
    assert without_stamps(["3 May", "-"]) == ["3 May", "-"]  # nothing else: left whole


def test_a_post_the_story_embeds_is_kept_and_share_buttons_are_not():
    """The network's embed code inside a box named 'social-media-embed', which trafilatura
    discards as a widget; the share box beside it holds no post and stays out."""
    from eventwire.sources.embeds import unwrap_embedded_posts

    post = ("<div class='social-media-embed'><blockquote class='twitter-tweet'><p lang='en'>"
            "The new bridge is finally open and my commute just got twenty minutes shorter. "
            "Worth the wait.</p>&mdash; Dana Ruiz (@danaruiz) <a href='https://x.test/s/1'>"
            "March 2, 2025</a></blockquote><script async src='https://x.test/w.js'></script>"
            "</div>")
    share = ("<div class='social-share'><ul><li><a href='/s?f'>Share on Facebook</a></li>"
             "<li><a href='/s?t'>Share on X</a></li></ul></div>")
    html = _page(f"<article><h1>Bridge opens</h1><p>{GUIDE[0]}</p><p>{GUIDE[1]}</p>{post}"
                 f"{share}<p>{GUIDE[2]}</p><p>{GUIDE[3]}</p></article>")
    assert "commute" not in trafilatura.extract(html, **OPTIONS)  # the case at hand
    art = extract_html(html)
    assert art is not None
    assert "my commute just got twenty minutes shorter" in art.body
    assert "Share on" not in art.body
    assert GUIDE[3] in art.body
    plain = "<html><body><p>No posts here.</p></body></html>"
    assert unwrap_embedded_posts(plain) is plain  # pages without posts are not re-parsed


def _faq_page(faq_markup: str) -> str:
    import json

    data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": "Can I bring a mattress?",
         "acceptedAnswer": {"@type": "Answer", "text": "<p>Yes, up to two per visit, "
                            "free of charge for residents of the county.</p>"}},
        {"@type": "Question", "name": "Do I need to book?",
         "acceptedAnswer": {"@type": "Answer", "text": "Only with a van or a trailer; cars "
                            "can simply turn up during opening hours."}}]}
    return (f"<html><head><script type='application/ld+json'>{json.dumps(data)}</script>"
            f"</head><body><article><h1>Recycling centre opens</h1>"
            f"{''.join(f'<p>{p}</p>' for p in GUIDE)}</article>{faq_markup}</body></html>")


def test_a_faq_the_page_declares_is_added_where_the_body_lost_it():
    """The FAQ sits in the page's footer, which trafilatura leaves out; the page declares it
    as schema.org FAQPage data, which gives it back, question then answer."""
    folded = ("<footer><section class='faq'><h2>Frequently asked questions</h2><details>"
              "<summary>Can I bring a mattress?</summary><p>Yes, up to two per visit, free "
              "of charge for residents of the county.</p></details></section></footer>")
    art = extract_html(_faq_page(folded))
    assert art is not None
    paragraphs = art.body.split("\n\n")
    assert paragraphs[-4:] == [
        "Can I bring a mattress?",
        "Yes, up to two per visit, free of charge for residents of the county.",
        "Do I need to book?",
        "Only with a van or a trailer; cars can simply turn up during opening hours."]
    assert GUIDE[3] in paragraphs


def test_a_faq_already_in_the_body_is_not_added_twice():
    shown = ("<section><h2>Questions</h2><h3>Can I bring a mattress?</h3><p>Yes, up to two "
             "per visit, free of charge for residents of the county.</p><h3>Do I need to "
             "book?</h3><p>Only with a van or a trailer; cars can simply turn up during "
             "opening hours.</p></section>")
    page = _faq_page(shown).replace("</article>", "").replace("</body>", "</article></body>")
    art = extract_html(page)
    assert art is not None
    assert art.body.count("Can I bring a mattress?") == 1
    assert art.body.count("Only with a van or a trailer") == 1


def test_a_glossary_tooltip_inside_a_sentence_is_left_out():
    bubble = ("<span class='Term_tooltipBubble'><strong>Weighbridge</strong><br/>A platform "
              "scale that weighs whole vehicles and their loads at once. <a href='/glossary'>"
              "Learn more</a></span>")
    html = _page(f"<article><h1>Recycling centre opens</h1><p>{GUIDE[0]}</p><p>{GUIDE[1]}</p>"
                 f"<p>The council expects the centre to handle more once the second "
                 f"<span class='term'>weighbridge{bubble}</span> is fitted in the spring, "
                 f"according to the project's manager.</p><p>{GUIDE[3]}</p></article>")
    art = extract_html(html)
    assert art is not None
    assert ("once the second weighbridge is fitted in the spring, according to the project's "
            "manager.") in art.body
    assert "platform scale" not in art.body and "Learn more" not in art.body
