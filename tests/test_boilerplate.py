"""Page furniture trafilatura keeps (link runs, cookie banners, paid-link disclosures, closing
sections) and HTML cut short by libxml2."""

from __future__ import annotations

import trafilatura
from lxml import etree

from eventwire.sources.boilerplate import furniture
from eventwire.sources.html import OPTIONS, extract_html

STORY = [
    "The county's new recycling centre opened on Saturday after two years of delays, and by "
    "noon the queue of cars reached back past the garden centre on the main road.",
    "Staff said the site can now take mattresses, paint and small electrical goods, which "
    "residents had to drive forty minutes to the next county to get rid of until this week.",
    "The council expects the centre to handle about twelve thousand tonnes a year once the "
    "second weighbridge is fitted in the spring, according to the project's manager.",
    "Opening hours will be longer in summer, and a booking system for vans and trailers is to "
    "follow once the council has seen how busy the first months are.",
]


def _body(xml: str) -> etree._Element:
    return etree.fromstring(f"<body>{xml}</body>")


def _texts(elements: list[etree._Element]) -> list[str]:
    return ["".join(e.itertext()) for e in elements]


def test_link_runs_are_furniture_but_prose_with_links_is_not():
    body = _body(
        '<p>Residents <ref target="/news/queue">queued for hours</ref> on the first day, and '
        'the council said it would <ref target="/news/hours">extend the hours</ref>.</p>'
        '<p><ref target="/guides/denver">Average costs of skip hire in Denver</ref></p>'
        '<p>Read more: <ref target="/news/tip">Old council tip at Millbrook to become a '
        'nature reserve</ref></p>'
        '<p><ref target="#opening-hours">Opening hours</ref></p>'
        '<p><ref target="https://council.example/report">https://council.example/report'
        '</ref></p>')
    assert _texts(furniture(body)) == [
        "Average costs of skip hire in Denver",
        "Read more: Old council tip at Millbrook to become a nature reserve"]


def test_a_long_linked_paragraph_is_not_a_link_run():
    words = " ".join(["the centre takes garden waste and old furniture"] * 5)
    body = _body(f'<p><ref target="/story">{words}</ref></p>')
    assert furniture(body) == []


def test_cookie_banner_paragraphs_are_furniture_but_cookies_in_a_story_are_not():
    body = _body(
        "<p>We use cookies on our website to remember your preferences and repeat visits. By "
        "clicking Accept you consent to the use of all the cookies.</p>"
        "<p>Analytics cookies help us understand how visitors use the site.</p>"
        "<p>The bakery sold four hundred cookies before lunch and will open a second shop.</p>"
        "<p>Read our cookie policy.</p>")
    assert _texts(furniture(body)) == [
        "We use cookies on our website to remember your preferences and repeat visits. By "
        "clicking Accept you consent to the use of all the cookies.",
        "Analytics cookies help us understand how visitors use the site.",
        "Read our cookie policy."]


def test_a_site_disclosing_its_paid_links_is_furniture_but_a_story_on_affiliates_is_not():
    notes = ["This guide contains affiliate links, so if you buy a kettle through them we may "
             "earn a small commission at no cost to you.",
             "We may be compensated when you click on a link or open an account with one of our "
             "partners.",
             "As an Amazon Associate I earn from qualifying purchases."]
    story = ["Bloggers who review kitchen gadgets often rely on affiliate links, and a few of "
             "them told us the commissions barely cover their costs.",
             "Retailers pay those commissions only when a reader buys within a day of clicking."]
    body = _body("".join(f"<p>{p}</p>" for p in [story[0], notes[0], story[1], *notes[1:]]))
    assert _texts(furniture(body)) == notes


def _page(related: str, banner: str = "") -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return ("<html><head><title>Recycling centre opens</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>"
            f"<h1>Recycling centre opens</h1>{story}{related}{banner}"
            "</article></main></body></html>")


RELATED = ("<p><a href='/news/bins'>Bin collections to change in March</a></p>"
           "<p><a href='/news/tip'>Old tip to become a nature reserve</a></p>"
           "<p><a href='/news/fees'>Council to review garden waste fees</a></p>")
BANNER = ("<p>This website uses cookies to improve your experience while you navigate through "
          "the website. Necessary cookies are stored on your browser.</p>")


def test_the_html_path_leaves_out_link_runs_and_banners_trafilatura_keeps():
    html = _page(RELATED, BANNER)
    kept = trafilatura.extract(html, **OPTIONS)
    assert "Bin collections to change" in kept and "uses cookies" in kept  # the case at hand
    art = extract_html(html)
    assert art is not None
    assert art.body.split("\n\n") == STORY


def test_an_article_after_an_early_end_of_the_document_is_read():
    """A page template that closes the document after its header: libxml2 stops at
    ``</html>``, a browser shows what follows."""
    story = "".join(f"<p>{p}</p>" for p in STORY)
    html = ("<html><head><title>Recycling centre opens</title></head><body><header>"
            "<a href='/'>Home</a> <a href='/news'>News</a></header></body></html>\n"
            f"<div class='post'><h1>Recycling centre opens</h1>{story}</div>"
            "<footer>Contact us</footer></body></html>")
    art = extract_html(html)
    assert art is not None
    assert art.body.split("\n\n") == STORY


LONG = ("The trust that runs the centre said it would publish the tonnages it handles every "
        "month, so that residents can see how much of what they bring is recycled rather than "
        "sent to landfill, and it has asked the council to add a second collection of glass "
        "from the villages on the far side of the valley before the end of next year.")


def test_a_closing_section_after_the_article_is_furniture():
    story = "".join(f"<p>{p}</p>" for p in STORY)
    body = _body(f"{story}<head>You may also like</head>"
                 "<p>Bin collections to change in March</p>"
                 "<p>Council to review garden waste fees after complaints</p>")
    assert _texts(furniture(body)) == [
        "You may also like", "Bin collections to change in March",
        "Council to review garden waste fees after complaints"]


BIO = ("Maria Lindqvist has covered local government and the environment for the paper since "
       "2014, after eight years as a reporter on regional radio, and she writes a weekly column "
       "on the county's planning decisions; before journalism she worked for a waste charity in "
       "Gothenburg and studied environmental science at the university of Uppsala, where she "
       "also edited the student newspaper for two years.")


def test_an_author_box_or_references_end_the_article_however_long_their_paragraphs():
    story = "".join(f"<p>{p}</p>" for p in STORY)
    for heading, tail in (("About the author", BIO),
                          ("References", "Lindqvist M, Berg A. " + LONG + " 2021;12:40-52."),
                          ("Footnotes & citations", "1. " + LONG)):
        body = _body(f"{story}<head>{heading.replace('&', '&amp;')}</head><p>{tail}</p>")
        assert _texts(furniture(body)) == [heading, tail]
    # ... but only after the first third of the text
    body = _body(f"<p>{STORY[0]}</p><head>References</head><p>{LONG}</p>"
                 + "".join(f"<p>{p}</p>" for p in STORY[1:]))
    assert furniture(body) == []


def test_a_related_box_in_the_middle_of_a_story_is_not_its_end():
    story = "".join(f"<p>{p}</p>" for p in STORY)
    body = _body(f"{story}<head>Related articles</head><p>{LONG}</p>")
    assert furniture(body) == []


def test_a_closing_heading_near_the_top_is_not_the_end():
    body = _body("<p>Recycling centre opens.</p><head>Tags</head>"
                 + "".join(f"<p>{p}</p>" for p in STORY))
    assert furniture(body) == []
