"""The plain-text page splitter: the seed page, own fixtures in the shape of real scrapes,
and the date, dateline, caption and encoding rules it is built from."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from eventwire.sources.textpage.dates import find_date, stamp_shape
from eventwire.sources.textpage.lines import join_wrapped, looks_like_code, repair_mojibake
from eventwire.sources.textpage.meta import (
    find_dateline,
    is_courtesy_caption,
    is_credit_line,
    is_gallery_caption,
    is_titleish,
    split_caption,
)
from eventwire.sources.textpage.splitter import split_text_page

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_c01d65e13833c80f.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "pages"
AS_OF = datetime(2026, 1, 15, 12, 0, 0, tzinfo=UTC)
CLUTTER = ("Short Url", "Follow", "(Reuters/File Photo)")


def _split(name: str) -> list:
    return split_text_page((FIXTURES / name).read_text(encoding="utf-8"), AS_OF)


def _paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


@pytest.fixture(scope="module")
def seed_articles() -> list:
    if not SEED.is_file():
        pytest.skip(f"seed page not found at {SEED} (../shared is absent)")
    return split_text_page(SEED.read_text(encoding="utf-8"), AS_OF)


def test_seed_gives_two_articles_with_titles(seed_articles):
    assert len(seed_articles) == 2
    first, second = seed_articles
    assert first.title == "US says ‘can’t tolerate’ attacks by Iranian-backed militias in Iraq"
    assert second.title == "Hamas says technocratic committee key to consolidating Gaza truce"
    assert [a.position for a in seed_articles] == [0, 1]
    assert all(a.format == "text" and a.id == "" and a.source_path == "" and a.raw_hash == ""
               for a in seed_articles)


def test_seed_dates(seed_articles):
    first, second = seed_articles
    assert first.published == datetime(2020, 10, 1, tzinfo=UTC)
    assert first.published_text == "Updated 01 October 2020"
    assert first.date_rule == "absolute:Updated"
    assert second.published == datetime(2026, 1, 15, 11, 59, 58, tzinfo=UTC)
    assert second.published_text == "Updated 2 sec ago"
    assert second.date_rule == "relative:ago"
    assert all(a.published.tzinfo is not None for a in seed_articles)


def test_seed_datelines_bullets_caption(seed_articles):
    first, second = seed_articles
    assert (first.dateline, second.dateline) == ("WASHINGTON", "GAZA")
    assert first.bullets == [
        "Iraq has long been caught in a tug-of-war between its allies Iran and the US",
        "Iraq said Monday it was “not happy” with the reported American pullout threat",
    ]
    assert len(second.bullets) == 1
    assert second.bullets[0].startswith("A senior Hamas official on Thursday welcomed")
    assert first.caption == ("Masked Shiite fighters hold their weapons in Al Hadidiya, south of "
                             "Tikrit, Iraq.")
    assert first.caption_credit == "Reuters/File Photo"
    assert second.caption is None


def test_seed_bodies_start_at_dateline_and_end_at_last_sentence(seed_articles):
    first, second = seed_articles
    assert first.body.startswith("WASHINGTON: The US administration warned Thursday")
    assert first.body.endswith("attack Americans,” he said.")
    assert second.body.startswith("GAZA: A senior Hamas official on Thursday welcomed")
    assert second.body.endswith("with the body set to include around 15 world leaders.")
    # Independently of the splitter: every non-blank seed line from the dateline line to the
    # end of its article is a body paragraph, in order, and nothing else is (runs of spaces,
    # including no-break spaces, come out as one space).
    raw = SEED.read_text(encoding="utf-8")
    part1, part2 = raw.split("\n\n\n", 1)
    for art, part, head in ((first, part1, "WASHINGTON:"), (second, part2, "GAZA:")):
        lines = [" ".join(ln.split()) for ln in part.split("\n") if ln.strip()]
        start = next(i for i, ln in enumerate(lines) if ln.startswith(head))
        assert _paragraphs(art.body) == lines[start:]
    for art in seed_articles:
        paragraphs = _paragraphs(art.body)
        assert art.title not in paragraphs
        assert not any(p.startswith(c) for p in paragraphs for c in CLUTTER)
        assert not any(p.startswith("•") or p.startswith("Updated") for p in paragraphs)
    assert "Hamas" not in first.body  # the second article does not leak into the first


def test_two_article_page_of_another_layout():
    first, second = _split("two_articles.txt")
    assert first.title == "Port workers end strike after pay deal in Rotterdam"
    assert first.published == datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
    assert first.date_rule == "relative:ago"
    assert first.dateline == "ROTTERDAM (Reuters)"
    assert first.bullets == ["Unions accepted a 7 percent rise spread over two years",
                             "Shipping lines expect queues to clear by the weekend"]
    assert first.caption_credit == "Marta Kowal/AP"
    assert first.body.startswith("ROTTERDAM (Reuters) - Dock workers")
    assert first.body.endswith("share their arrival plans.")
    assert "Read more" not in first.body and "Related" not in first.body
    assert second.title == "Farmers block roads in protest over fuel tax"
    assert second.published == datetime(2021, 3, 3, 10, 12, tzinfo=UTC)
    assert second.date_rule == "absolute:Published"
    assert second.dateline == "MADRID"
    assert second.bullets == ["Tractors slowed traffic on three main routes into the capital"]
    assert second.body.endswith("if no meeting is arranged.")
    for clutter in ("Most popular", "©", "cookies", "Storm warning"):
        assert clutter not in second.body


def test_single_article_page_with_menu_byline_and_footer():
    (art,) = _split("single_article.txt")
    assert art.title == "City council approves new library for east side"
    assert art.published == datetime(2020, 10, 1, tzinfo=UTC)
    assert art.dateline is None
    assert art.bullets == []
    assert art.body.startswith("The city council voted 7-2")
    assert art.body.endswith("the city's planning office said.")
    for clutter in ("Advertisement", "Daniel Okafor", "Read more", "Share on", "Copyright",
                    "Obituaries"):
        assert clutter not in art.body
    assert len(_paragraphs(art.body)) == 5


def test_blog_post_leaves_out_comment_thread():
    (art,) = _split("blog_with_comments.txt")
    assert art.title == "How I finally got my tomatoes to ripen"
    assert art.published == datetime(2019, 5, 12, tzinfo=UTC)
    assert art.body.startswith("For three summers in a row")
    assert art.body.endswith("ripened on a windowsill.")
    assert "says" not in art.body and "Great advice" not in art.body


def test_comment_thread_longer_than_the_article_is_left_out():
    # Five time-stamped posts hold more text than the article, with only share lines between.
    (art,) = _split("article_with_comment_thread.txt")
    assert art.title == "Town votes to keep its last ferry running through winter"
    assert art.published == datetime(2024, 3, 3, 6, 21, tzinfo=UTC)
    assert art.body.startswith("Residents of Millbrook voted on Saturday")
    assert art.body.endswith("in the first two weeks of November.")
    for clutter in ("says:", "Good news at last", "I wrote to them", "Reply", "responses"):
        assert clutter not in art.body
    assert len(_paragraphs(art.body)) == 4


def test_article_stamped_like_its_comments_is_kept():
    post = ("I have read every report on the bridge since it opened and this one is the "
            "first that explains the delays properly.")
    page = "\n".join([
        "Home", "News", "Bridge inspection finds corroded cables on the east span",
        "March 3, 2024 at 6:21 am",
        *[f"Paragraph {k}: inspectors working for the state found corrosion on several of the "
          "main cables, and engineers said the repairs would take most of the coming summer "
          "to finish." for k in range(1, 7)],
        "Share", "Comments",
        *[line for k in range(3) for line in (
            f"reader{k}", f"March 3, 2024 at {7 + k}:15 am", post, "Reply")],
        "About us", "Contact",
    ])
    (art,) = split_text_page(page, AS_OF)
    assert art.body.startswith("Paragraph 1:")
    assert art.body.endswith("Paragraph 6: inspectors working for the state found corrosion on "
                             "several of the main cables, and engineers said the repairs would "
                             "take most of the coming summer to finish.")
    assert post not in art.body


def test_stamp_shape_masks_names_numbers_and_months():
    def shape(line: str) -> str | None:
        return stamp_shape(find_date(line, AS_OF))

    assert shape("Milan Ortiz on September 12, 2018 at 4:47 pm said:") == shape(
        "Catherine (Staff) on Oct 3, 2019 at 11:05 a.m. said:") == "X on M 0 0 at clock said :"
    assert shape("2 days ago at 07:52 am") == shape("16 hours ago at 11:02 PM") == "ago at clock"
    assert shape("Published March 3, 2024 at 6:21 am") != shape("March 3, 2024 at 7:02 am")
    assert shape("September 10, 2018") is None  # a day without a time stamps no post


def test_table_scraped_one_cell_per_line_stays_in_the_article():
    (art,) = _split("article_with_stats_table.txt")
    assert art.title == "Harriers hold on for narrow win as defence dominates"
    assert art.body.startswith("The Harriers beat the Foxes 17-14")
    assert art.body.endswith("picked up in training on Thursday.")
    paragraphs = _paragraphs(art.body)
    assert paragraphs[paragraphs.index("Marcus Hale") + 1 : paragraphs.index("Marcus Hale") + 3] \
        == ["61", "84%"]
    assert "Related" not in art.body and "Foxes coach under pressure" not in art.body


def test_gallery_slides_and_repeated_date_lines_are_clutter():
    story = ("The museum reopened its east wing on Tuesday after a two-year restoration that "
             "uncovered painted ceilings hidden under layers of plaster since the war.")
    page = "\n".join([
        "Wednesday, March 6, 2024", "Home", "Arts", "Wednesday, March 6, 2024",
        "Museum reopens east wing after restoration", "March 5, 2024",
        story,
        "Work on the wing began in the spring of 2022, when engineers found that water from a "
        "leaking roof had weakened the plaster of the main gallery and part of the stairs.",
        "1 of 3A visitor looks up at the restored ceiling of the east wing on Tuesday, the first "
        "day it was open to the public after the restoration.",
        "2 of 3Restorers worked on scaffolding for two years to uncover the painted ceilings of "
        "the wing, which had been hidden under plaster.",
        "3 of 3The east wing's ceilings were painted in the eighteenth century and covered over "
        "after the building was damaged during the war.",
        "Curators said the wing would host a new exhibition of the paintings found during the "
        "work, starting in the autumn and running until the end of next year.",
        "Entry to the east wing will be free for the first month, and the museum said it "
        "expected more visitors than in any month since it reopened after the war.",
        "The director thanked the restorers and said the rest of the building would follow.",
        "Tickets", "Wednesday, March 6, 2024", "Contact",
    ])
    (art,) = split_text_page(page, AS_OF)
    assert art.title == "Museum reopens east wing after restoration"
    assert art.body.startswith("The museum reopened")
    assert art.body.endswith("the rest of the building would follow.")
    assert "until the end of next year." in art.body
    assert "of 3" not in art.body and "March 6" not in art.body
    assert is_gallery_caption("2of4A shopper looks at extension cords")
    assert is_gallery_caption("Image 2 of 5") and is_gallery_caption("1 of 6")
    assert not is_gallery_caption("3 of 2 votes were cast")
    assert not is_gallery_caption("10 of the 12 ministers resigned")
    assert is_credit_line("(Image credit: Harbour Museum)")
    assert not is_credit_line("(Reporting by Ana Silva; Editing by Tom Hart)")


def test_article_ends_at_a_comment_form():
    paragraph = ("The regional grid operator said on Monday that new storage batteries had "
                 "covered the evening peak for the first time, without any gas plant running.")
    consent = ("By submitting this form you agree that we store your name, e-mail address and "
               "comment so that we can publish it next to the article and contact you.")
    page = "\n".join([
        "Energy Weekly", "News", "Batteries cover evening peak for the first time",
        "June 4, 2024",
        *[f"{paragraph} Part {k}." for k in range(1, 6)],
        "Share", "Leave a Reply", "Name *", "Email *", "Website",
        consent, consent.replace("store", "keep"), consent.replace("publish", "show"),
        "Post comment", "About", "Imprint",
    ])
    (art,) = split_text_page(page, AS_OF)
    assert art.body.endswith("Part 5.")
    assert "submitting this form" not in art.body and "*" not in art.body


def test_page_without_article_text_gives_nothing():
    assert _split("menu_only.txt") == []
    assert split_text_page("", AS_OF) == []
    assert split_text_page("\n\n  \n", AS_OF) == []


def test_naive_as_of_is_taken_as_utc():
    (art,) = split_text_page((FIXTURES / "two_articles.txt").read_text(encoding="utf-8"),
                             datetime(2026, 1, 15, 12, 0))[:1]
    assert art.published == datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("line", "expected", "rule"), [
    ("Updated 2 sec ago", datetime(2026, 1, 15, 11, 59, 58, tzinfo=UTC), "relative:ago"),
    ("3 hours ago", datetime(2026, 1, 15, 9, 0, tzinfo=UTC), "relative:ago"),
    ("Posted an hour ago", datetime(2026, 1, 15, 11, 0, tzinfo=UTC), "relative:ago"),
    ("yesterday", datetime(2026, 1, 14, 12, 0, tzinfo=UTC), "relative:yesterday"),
    ("Updated today", datetime(2026, 1, 15, 12, 0, tzinfo=UTC), "relative:today"),
    ("Yesterday, 3:40 pm", datetime(2026, 1, 14, 12, 0, tzinfo=UTC), "relative:yesterday"),
    ("Updated 01 October 2020", datetime(2020, 10, 1, tzinfo=UTC), "absolute:Updated"),
    ("Published: Oct 1, 2020 10:12", datetime(2020, 10, 1, 10, 12, tzinfo=UTC),
     "absolute:Published"),
    ("2019-11-20", datetime(2019, 11, 20, tzinfo=UTC), "absolute:bare"),
    # a scrape that runs the next block into the year: a time, an author's name
    ("October 3, 20219:15 AM ET", datetime(2021, 10, 3, tzinfo=UTC), "absolute:bare"),
    ("Mar 8, 2022Robin Ashdown", datetime(2022, 3, 8, tzinfo=UTC), "absolute:bare"),
])
def test_date_lines(line, expected, rule):
    hit = find_date(line, AS_OF)
    assert hit is not None
    assert (hit.when, hit.rule, hit.text) == (expected, rule, line)


def test_long_sentences_are_not_date_lines():
    assert find_date("The council met on 1 October 2020 to discuss the budget for the "
                     "coming year and the new library plans.", AS_OF) is None
    assert find_date("Subscribe to our newsletter", AS_OF) is None


@pytest.mark.parametrize("line", ["Give Today", "Garden Today Magazine", "Book your visit today"])
def test_a_day_word_inside_a_name_or_a_button_is_no_date(line):
    assert find_date(line, AS_OF) is None


def test_near_case_a_five_digit_number_after_a_month_is_no_year():
    assert find_date("Order 12, 20215", AS_OF) is None
    assert find_date("Oct 1, 20201", AS_OF) is None


@pytest.mark.parametrize(("paragraph", "dateline"), [
    ("WASHINGTON: The US said on Thursday.", "WASHINGTON"),
    ("LONDON (Reuters) - Shares fell on Monday.", "LONDON (Reuters)"),
    ("BEIRUT (AP) — A blast shook the port.", "BEIRUT (AP)"),
    ("SANTA FE, N.M. (AP) — A cat came home.", "SANTA FE, N.M. (AP)"),
    ("The US said on Thursday: more talks.", None),
    ("Paris - a city of light.", None),
])
def test_datelines(paragraph, dateline):
    assert find_dateline(paragraph) == dateline


def test_captions_need_a_sentence_and_a_credit():
    assert split_caption("Rescue teams search the rubble in the old town. (AFP)") == (
        "Rescue teams search the rubble in the old town.", "AFP")
    assert split_caption("A view of the harbour at dawn. Photo: Lena Berg") == (
        "A view of the harbour at dawn.", "Lena Berg")
    assert split_caption("Fishermen mend nets in the harbour on May 2, 2024. Ana SILVA / AFP") == (
        "Fishermen mend nets in the harbour on May 2, 2024.", "Ana SILVA / AFP")
    assert split_caption("Prices rose again. Read more / News") is None
    assert split_caption("The Senate passed the bill (HR 1234)") is None
    assert split_caption("He said the deal was done (for now).") is None


def test_mojibake_is_repaired_and_clean_text_left_alone():
    broken = "Thereâ\x80\x99s a cafÃ© â\x80\x94 and â\x80\x9cquotesâ\x80\x9d"
    assert repair_mojibake(broken) == "There’s a café — and “quotes”"
    clean = "Café in Zürich: naïve façade — “fine”."
    assert repair_mojibake(clean) == clean


def test_mojibake_whose_no_break_space_byte_became_a_space():
    # "전쟁 정부" (both start with the bytes EC A0) read as Latin-1, and the scraper turned
    # every A0 byte, a no-break space in Latin-1, into a plain space.
    broken = "전쟁 정부".encode().decode("latin-1").replace("\xa0", " ")
    assert broken.count(" ") == 3
    assert repair_mojibake(broken * 3) == "전쟁 정부" * 3


def test_enumerated_list_closing_an_article_is_kept():
    page = "\n".join([
        "Home", "Music", "Tickets", "",
        "Folk trio announces spring tour of small venues",
        "March 2, 2024",
        "The folk trio will play eleven small venues this spring, their first tour since the "
        "release of their third album last year, the band said on Friday.",
        "Tickets go on sale next week through the venues, and the band said prices would stay "
        "below thirty dollars at every show on the tour.",
        "The tour dates are:",
        "April 3 - Portland, ME at the State Theatre",
        "April 5 - Burlington, VT at the Higher Ground",
        "April 8 - Albany, NY at the Egg",
        "Newsletter", "Sign up", "Privacy policy", "Terms of use",
    ])
    (art,) = split_text_page(page, AS_OF)
    assert art.body.endswith("April 8 - Albany, NY at the Egg")
    assert "April 3 - Portland" in art.body
    assert "Newsletter" not in art.body and "Privacy" not in art.body


def test_list_article_keeps_every_item_with_its_heading_and_short_lines():
    """A listicle: each item is a name, a repeated rating label, a paragraph, a short
    sentence and repeated links; all items are the article, however small each one is."""
    [art] = _split("listicle_of_makers.txt")
    assert art.title == "Gear that lasts: eight small makers worth knowing"
    paragraphs = _paragraphs(art.body)
    assert paragraphs[0].startswith("Buying fewer, better things")
    assert paragraphs[-1].startswith("Any of these makers will sell you")
    for name, short in (("Harbour Kettle Co.", "Sizes range from one to three litres."),
                        ("North Fork Boots", "Half sizes are available."),
                        ("Brackenridge Tarps", "Tarps fold to the size of a book.")):
        assert name in paragraphs and short in paragraphs  # headings and short lines kept
    assert "What we looked for" in paragraphs
    assert paragraphs.count("Rated: Good") == 8  # the items' repeated labels are theirs too
    for clutter in ("Related guides", "Privacy policy", "By Rowan Hale", "Newsletter"):
        assert clutter not in paragraphs


def test_guide_keeps_headings_numbered_steps_and_unpunctuated_list_items():
    [art] = _split("guide_with_steps_and_lists.txt")
    assert art.published == datetime(2025, 6, 12, tzinfo=UTC)
    paragraphs = _paragraphs(art.body)
    assert paragraphs[0].startswith("A seed swap is one of the cheapest ways")
    assert paragraphs[-1].startswith("Leftover packets can go to a school garden")
    for line in ("Step 2: Ask people what to bring", "The year the seed was saved",
                 "Any tips for sowing it", "Short note.", "Step 4: On the day",
                 "2. Let everyone browse for ten minutes before anyone takes anything."):
        assert line in paragraphs
    for clutter in ("8 min read", "Share this guide", "Running a repair café", "Start free"):
        assert clutter not in paragraphs


def test_a_small_promo_above_the_article_is_cut_off():
    paragraphs = [
        "HARBOURTON - The council voted on Tuesday to close the old swing bridge for two years "
        "while engineers replace the rusted machinery that lifts its central span.",
        "Drivers will be sent along the ring road, which adds about ten minutes to a trip "
        "across the river at busy times, according to the council's own estimate.",
        "Shopkeepers on the east bank said they feared losing trade and asked for a free "
        "shuttle bus, which the council agreed to study before the works begin.",
        "The bridge, opened in 1911, has been stuck half open twice this year, and the last "
        "breakdown closed the river to boats for a week in the middle of the summer.",
        "Work is due to start in March, and the council said it would publish a timetable "
        "for each stage of the repairs on its website before the end of the year."]
    page = "\n".join(["News", "Sport", "Weather", "Sign in",
                      "Sign up for our morning newsletter.",
                      "Subscribe", "Local", "Council", "Bridge to close for two years",
                      *paragraphs, "Most read", "Privacy", "Contact us"])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == paragraphs


def _section(topic: str, k: int) -> list[str]:
    return [
        f"Why {topic} matters",
        f"Most people who start with {topic} give up within a month, not because it is hard but "
        f"because nobody told them what the first weeks feel like, and that is the part this "
        f"section of the guide is about, step {k} of the plan.",
        f"Keep a small notebook for {topic} and write one line in it every evening: what you "
        f"tried, what went wrong and what you would change, so that the next attempt starts "
        f"from what you learned rather than from scratch.",
    ]


def test_sections_whose_headings_a_table_of_contents_repeats_stay_in_the_body():
    """A long guide: its table of contents lists the section headings, which the page then
    repeats above each section; those headings belong to the article, not to a menu."""
    topics = ["bread", "sourdough", "rye", "flatbread", "pastry", "pizza"]
    intro = ["Baking your own bread is cheaper than buying it and, after a few tries, better "
             "than most of what the shops sell, but the first loaves are often a letdown.",
             "This guide walks through six kinds of dough in the order we would learn them, "
             "with the mistakes each one invites and how to avoid them in your own kitchen."]
    page = ["Home", "Guides", "Kitchen", "Search", "Baking at home: a beginner's plan",
            "Updated June 3, 2025", *intro, "Table of contents",
            *(f"Why {t} matters" for t in topics)]
    for k, topic in enumerate(topics):
        page += _section(topic, k)
        if k == 2:
            page += ["flour = 500", "water = 350", "salt = 10", "bake(220)"]
    page += ["Share", "Facebook", "Email", "Privacy policy", "Contact us"]
    [art] = split_text_page("\n".join(page), AS_OF)
    paragraphs = _paragraphs(art.body)
    assert paragraphs[:2] == intro
    for topic in topics[1:]:
        k = paragraphs.index(f"Why {topic} matters")
        assert paragraphs[k + 2].startswith(f"Keep a small notebook for {topic}")
    assert "Privacy policy" not in paragraphs and "Facebook" not in paragraphs


def test_a_box_of_related_stories_ends_the_body_with_the_promo_and_bio_below_it():
    story = [
        "RIVERTON - The school board voted on Monday to move the start of the school day to "
        "half past eight from next autumn, after two years of complaints from parents.",
        "Board members said the later start would cost about forty thousand dollars a year in "
        "extra bus routes, which the district will pay for from its transport reserve.",
        "Teachers were split on the change, and their union asked for the first term to be "
        "treated as a trial, with a review of attendance and test scores in the spring.",
        "Parents who had campaigned for the change said teenagers would sleep longer and "
        "arrive at school readier to learn, citing studies from other districts.",
        "The board will hold a public meeting in January to settle the new bus timetable and "
        "the hours of the breakfast club, which opens before the first lesson."]
    page = "\n".join([
        "News", "Schools", "Sport", "School day to start later from autumn", *story,
        "More from the Ledger",
        "Flood barriers along the east bank will stay up until March",
        "New bakery opens in the old post office building on Main Street",
        "County fair breaks its attendance record for a third straight year",
        "Two candidates enter the race for the vacant seat on the council",
        "Get the morning briefing in your inbox every day, free of charge.",
        "Dana Brook covers schools and local government for the Ledger and has lived in "
        "Riverton since she was a child.",
        "Privacy", "Terms", "Contact"])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == story


def test_an_article_that_is_only_a_list_keeps_it():
    """A season calendar: a heading and dated rounds, no paragraph at all, then a sidebar of
    teasers; the list is the article, not a preamble to skip on the way to a sentence."""
    rounds = [f"Round {k}: {d} March - {place}" for k, (d, place) in enumerate(
        [(2, "Riverside Park"), (9, "Kingsbury Ring"), (16, "Old Quarry Circuit"),
         (23, "Harbour Loop"), (30, "Airfield Track"), (6, "Castle Hill")], 1)]
    page = "\n".join([
        "Home", "Racing", "Calendar", "Results", "Drivers", "Teams", "Shop", "Contact",
        "Club championship calendar 2025", "Club championship calendar 2025",
        "January 12, 2025", *rounds,
        "* Dates may change when the club confirms each venue",
        "Tags: calendar, club racing, 2025",
        "Comments that insult other readers will not be approved by the moderators of this "
        "site.", "» Column of the week",
        "Click the photo to read every column our editor has written about club racing, "
        "karting and the junior series since the start of last season.",
        "» Power ranking",
        "Click the picture above to see how the drivers rank after the opening rounds of the "
        "season and who has gained the most places since the winter tests.",
        "Privacy", "Contact"])
    [art] = split_text_page(page, AS_OF)
    paragraphs = _paragraphs(art.body)
    assert paragraphs[: len(rounds)] == rounds


def _product_box(name: str, price: str) -> list[str]:
    return [name, price, "Available from Shopmart", "Buy now", "Free delivery",
            "Lightweight frame", "Two-year warranty", "Folds flat", "Dishwasher safe",
            "Spare parts sold", "Three colours", "Quiet motor", "Cord storage",
            "Our rating", "See all offers", "Compare prices", "Price history"]


def test_dense_sections_of_a_buying_guide_join_across_product_boxes():
    """Each section of a buying guide is two paragraphs followed by a shop box of many
    short lines; the boxes separate the sections by more clutter than a subheading, but
    the sections are one article."""
    names = ["The Halden kettle", "The Morrow toaster", "The Brisk blender", "The Tide mixer"]
    sections = [[
        f"{name} is the one we would buy with our own money: it has survived a year of daily "
        f"use in our test kitchen and it cleans in a minute under the tap.",
        f"The parts of {name.lower()[4:]} that wear out can be ordered from the maker for a "
        f"few dollars, which matters more than any extra feature once the first year is over."]
        for name in names]
    page = ["Home", "Reviews", "Kitchen", "The best small kitchen appliances of the year",
            "By Ana Ruiz", "May 5, 2025"]
    for k, (name, text) in enumerate(zip(names, sections, strict=True)):
        page += [*text, *_product_box(name, f"${20 + k}.99")]
    page += ["Privacy", "Contact"]
    [art] = split_text_page("\n".join(page), AS_OF)
    paragraphs = _paragraphs(art.body)
    assert paragraphs[:2] == sections[0]
    assert all(p in paragraphs for text in sections for p in text)
    assert "Privacy" not in paragraphs


def test_a_news_lede_under_a_date_line_starts_the_article_below_a_menu_of_teasers():
    """A station's page: its menu opens with long teasers (a headline glued to its summary)
    and holds more text than the short agency story below it; the story starts at its
    dateline lede under the date line, and the teasers are no part of it."""
    teasers = [
        f"{head}{summary} officials said on {day}, and more details are expected as the "
        f"investigation continues over the coming days across the county."
        for head, summary, day in [
            ("Bridge Closed After Barge Strike", "The river bridge was closed after a barge "
             "struck one of its piers late at night, ", "Monday"),
            ("Storm Knocks Out Power To Thousands", "Thousands of homes lost power when a "
             "storm brought down lines across the north of the city, ", "Tuesday"),
            ("Teen Rescued From Frozen Pond", "A teenager was pulled from a frozen pond by two "
             "neighbours who heard him shouting for help, ", "Wednesday"),
            ("School Bus Slides Into Ditch", "A school bus slid into a ditch on an icy road "
             "with no children hurt, the driver and ", "Thursday")]]
    story = [
        "LANSING, Mich. (AP) — State health officials reported a sixth death linked to a "
        "rare virus carried by mosquitoes this year, the highest count in a decade.",
        "The county health department said on Monday the victim was an older adult who fell "
        "ill in September and died in hospital after weeks of treatment.",
        "Officials urged residents to keep using insect repellent until the first hard frost, "
        "when the mosquitoes that carry the virus die off for the winter."]
    page = "\n".join([
        "Local", "Weather", "Sports", "Latest Headlines", *teasers, "More Weather",
        "School Closings", "Sixth death linked to mosquito virus", "November 19, 2019 at 9:45 am",
        "Filed Under: health, Michigan", *story,
        "© 2019 The Associated Press. All rights reserved.", "Privacy", "Contact"])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == story
    assert art.dateline == "LANSING, Mich. (AP)"


def test_a_comment_opening_with_a_shout_is_no_news_lede():
    """"WOW - ..." under a comment's date reads like a dateline; a lone word before a dash
    does not make it a lede that could pull the body down into the comments."""
    paragraphs = [
        "We spent a week in the city over three visits, and by the end we had eaten at more "
        "than thirty places, from taco trucks to the hotel dining rooms downtown.",
        "The list below is sorted by neighbourhood, with what to order and when to go, so "
        "that you can plan a day of eating around wherever you are staying.",
        "Start in the old warehouse district, where a former car factory now holds a food "
        "hall, a brewery and a rooftop bar with a view over the river.",
        "End the day in the arts quarter, where the best bakery in town opens late on Fridays "
        "and sells out of its cardamom buns within the hour."]
    page = "\n".join([
        "Home", "Blog", "Travel", "The best places to eat in the city", *paragraphs,
        "Share", "Pin", "Leave a comment", "Sam", "July 26, 2019",
        "WOW - The photos in this guide are wonderful, and I have never been to the city but "
        "this may change my mind about a trip this year.", "Reply", "Privacy"])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == paragraphs


def test_a_tutorial_stays_one_body_across_its_code_listings_which_are_left_out():
    [art] = _split("tutorial_with_code_listings.txt")
    paragraphs = _paragraphs(art.body)
    assert paragraphs[0].startswith("Most log files are too big")
    assert paragraphs[-1].startswith("That is the whole program.")
    assert len(paragraphs) == 5  # the prose only: the listings' lines are not article text
    assert not any("{" in p or ":=" in p for p in paragraphs)


@pytest.mark.parametrize(("line", "code"), [
    ("if err != nil {", True), ("return counts, scanner.Err()", True), ("}", True),
    ("counts[w]++", True), ("+ index, err := s.append(entry)", True), ("x = 5", True),
    ("The scanner splits on newlines (by default) for you.", False),
    ("Step 2: Ask people what to bring", False), ("$2.50 - $7.00 per click", False),
])
def test_code_lines_are_told_from_prose(line, code):
    assert looks_like_code(line) is code


def _bakery_guide() -> str:
    """A list article of many short entries, each a name, a map link and a label line
    above a paragraph and a tip, then a booking button, below a grid of the same names (the
    shape of a city guide's scrape)."""
    towns = ["Harbourside", "Old Mill", "Riverside", "Castle Hill", "Market Quarter",
             "Northgate", "Eastfield", "the Docks", "Westbrook", "Southbank", "Hillcrest",
             "Greenway", "Kingsmead", "Abbey Road", "Fairview", "Lakeside", "Oakwood",
             "Elm Park", "Redcliffe", "Stonebridge", "Ashford", "Millbrook", "Highfield",
             "Brookside", "Cedar Row", "Foxhall", "Pinewood", "Marston", "Broadmead",
             "Larkhill", "Wexcombe", "Thornbury", "Quayside", "Netherby", "Amberley"]
    bakes = ["rye loaves", "cardamom buns", "sourdough", "croissants", "babka", "focaccia",
             "pretzels", "custard tarts", "bagels", "cinnamon rolls"]
    lines = ["Home", "Guides", "Cities", "Sign in", "The Best Bakeries in Town, 2025",
             "By the Guides Desk",
             "Bread is having a moment here, and the best of it now comes from small ovens."]
    towns += [f"{town} Green" for town in towns]
    lines += [f"{town} Bakehouse" for town in towns]  # the grid of names above the entries
    for i, town in enumerate(towns):
        lines += [f"{town} Bakehouse", "map", f"Award {i % 3 + 1} | {town}",
                  f"The {bakes[i % len(bakes)]} at this {town} counter are worth the early "
                  f"start, and the queue moves faster than it looks around {i % 5 + 6} am.",
                  f"Tip: ask for the {town} loaf.", "Book Now"]
    lines += ["Related guides", "Where to eat noodles", "Best coffee carts", "Email *",
              "© 2025 Example Guides"]
    return "\n".join(lines)


def test_a_list_article_of_many_short_entries_keeps_its_first_entries():
    """Each entry is a small piece of the body past a run of clutter; one may be cut as a
    promo above the article, but together they are no promo, so the body does not start
    dozens of entries down."""
    [art] = split_text_page(_bakery_guide(), AS_OF)
    paragraphs = _paragraphs(art.body)
    for entry in ("The sourdough at this Riverside", "The bagels at this Westbrook counter"):
        assert any(p.startswith(entry) for p in paragraphs)


_HARBOUR_STORY = [
    "PORTHAVEN - The harbour authority approved plans on Tuesday to dredge the inner basin "
    "next summer, so that larger ferries can dock at the old quay for the first time.",
    "The work will close the western slipway for six weeks, and fishing boats will moor at "
    "the marina instead, the authority said in a statement after the meeting.",
    "Ferry operators welcomed the decision, saying deeper water would let them add a second "
    "daily crossing to the islands during the busiest months of the year.",
    "Residents near the quay asked for limits on night work, and the authority agreed that "
    "the dredgers would stop at eight in the evening and on Sundays.",
    "A survey of the basin floor will start in March, and the contract for the dredging is "
    "to be awarded before the end of April."]


def _harbour_page(closing: list[str]) -> str:
    return "\n".join(["News", "Local", "Sport", "Harbour basin to be dredged for larger ferries",
                      *_HARBOUR_STORY, *closing, "Privacy", "Terms", "Contact"])


def test_a_closing_section_heading_ends_the_body_before_teasers_that_read_as_prose():
    """Below the story, "Tags" and "You may also like" open closing sections; the teasers
    under them carry a sentence each, which would otherwise read as more of the story."""
    closing = [
        "Tags", "harbour", "ferries", "You may also like",
        "Lifeboat crew rescue two walkers cut off by the tide at the point.",
        "Council to decide on new parking charges at the seafront next week.",
        "Sailing club celebrates a hundred years with a regatta in the bay."]
    [art] = split_text_page(_harbour_page(closing), AS_OF)
    assert _paragraphs(art.body) == _HARBOUR_STORY


def test_a_closing_heading_followed_by_a_long_paragraph_or_repeated_in_the_body_stays():
    """Near cases: "Sources" heading a section of prose as long as the story's, and "Source"
    under each photo of the story (a credit repeated in the body), end nothing."""
    long_section = (
        "The dredging plan draws on three surveys of the basin made over the last ten years by "
        "the harbour authority, on the ferry operators' own soundings of the approach channel, "
        "and on a study of the silt carried down the river in winter floods, which found that "
        "the basin fills again within a decade unless the outflow of the river is also kept "
        "clear by regular work along the banks above the town.")
    [art] = split_text_page(_harbour_page(["Sources", long_section]), AS_OF)
    assert _paragraphs(art.body)[-1] == long_section
    credited = [p for para in _HARBOUR_STORY for p in (para, "Source")]
    page = "\n".join(["News", "Local", "Harbour basin to be dredged for larger ferries",
                      *credited, "Privacy", "Terms"])
    [art] = split_text_page(page, AS_OF)
    assert [p for p in _paragraphs(art.body) if p != "Source"] == _HARBOUR_STORY


_PLANT_STORY = [
    "Most houseplants that die in winter are not killed by the cold but by too much water, "
    "because their roots take up far less while the days are short and dark.",
    "Water only when the top few centimetres of soil are dry, and empty the saucer under the "
    "pot so that the roots never stand in water for more than an hour.",
    "Move plants away from radiators and draughty windows, and turn them every week or so to "
    "keep their growth even as they lean toward the weak light.",
    "Feeding can stop until spring; a plant that is hardly growing has no use for fertiliser, "
    "which only builds up as salt in the soil."]


@pytest.mark.parametrize("headline", [
    "7 Ways to Keep Houseplants Alive Through Winter",
    "2025 Guide to Keeping Houseplants Alive Through Winter"])
def test_a_listicle_headline_opening_on_its_count_is_the_title(headline):
    """A count or a year opens many guides' headlines; the line above the date is still the
    headline, and a reading-time line below the date ("5 min read") is not."""
    page = "\n".join(["Home", "Garden", "Recipes", "Shop", "Subscribe Now", "Subscribe Now",
                      "Blog", headline, "March 3, 2025", "5 min read", *_PLANT_STORY,
                      "Privacy", "Terms"])
    [art] = split_text_page(page, AS_OF)
    assert art.title == headline
    assert _paragraphs(art.body) == _PLANT_STORY


def _plant_page(top: list[str]) -> str:
    return "\n".join(["Home", "Garden", "Shop", "Contact Us", "Contact Us", *top, *_PLANT_STORY,
                      "Privacy", "Terms"])


def test_a_headline_asked_as_a_question_in_title_case_is_the_title_not_body():
    """A headline ending on a question mark reads as a sentence; its title-case capitals
    tell it from a paragraph, so it is the title and the text starts below it."""
    headline = "Why Do Houseplants Die in Winter?"
    [art] = split_text_page(_plant_page([headline]), AS_OF)
    assert art.title == headline
    assert _paragraphs(art.body) == _PLANT_STORY


def test_a_question_opening_the_text_or_heading_its_sections_stays_in_the_body():
    """Near cases: a lede that opens on a question in sentence case, and a guide that heads
    every section with a question, keep their first question as text."""
    lede = "Ever wondered why so many houseplants die in the middle of winter?"
    [art] = split_text_page(_plant_page([lede]), AS_OF)
    assert _paragraphs(art.body)[0] == lede
    sections = ["What Kills Houseplants in Winter?", *_PLANT_STORY[:2],
                "How Should You Feed Them?", *_PLANT_STORY[2:]]
    [art] = split_text_page(_plant_page(sections), AS_OF)
    assert _paragraphs(art.body)[0] == sections[0]


def test_a_date_line_under_the_standfirst_and_byline_dates_the_article():
    """Headline, a one-sentence standfirst (read as the body's first line), the byline and
    then the date: the date sits in the body's first lines, not above them."""
    standfirst = "Less water and more light see most houseplants through the dark months."
    page = _plant_page(["Keeping Houseplants Alive Through Winter", standfirst,
                        "By Robin Ashdown", "June 5, 2024"])
    [art] = split_text_page(page, AS_OF)
    assert art.published == datetime(2024, 6, 5, tzinfo=UTC)


def test_a_date_line_further_down_the_text_dates_nothing():
    """Near case: a date heading a later paragraph (a diary entry) is no publication date."""
    story = [*_PLANT_STORY[:3], "June 5, 2024", _PLANT_STORY[3]]
    [art] = split_text_page(_plant_page(["Keeping Houseplants Alive Through Winter",
                                         *story]), AS_OF)
    assert art.published is None


def _author_box_page(stamp: str) -> str:
    box = ["Robin Ashdown", "12 min read", "Last updated:", stamp, "See comments", "Shares",
           "Articles", "Check website", "Socials:", "Our Gardening Community", "Join us",
           "Members only", "Subscription Form", "Email Newsletter", "Weekly tips", "Follow",
           "Instagram", "Pinterest", "Facebook", "YouTube"]
    return _plant_page(["Keeping Houseplants Alive Through Winter", *box])


def test_a_date_above_a_long_author_box_dates_the_article_but_a_relative_stamp_does_not():
    """A date line may sit above a box of author links and sign-up lines longer than the
    usual reach; a relative stamp that far up ("3 days ago") is a teaser's, not the page's."""
    [art] = split_text_page(_author_box_page("August 19, 2025"), AS_OF)
    assert art.published == datetime(2025, 8, 19, tzinfo=UTC)
    [art] = split_text_page(_author_box_page("3 days ago"), AS_OF)
    assert art.published is None


def test_a_sign_up_box_heading_ends_the_body_before_its_sentences_and_teasers():
    """A newsletter box below the story speaks in sentences ("Get the week's stories in your
    inbox.") and teasers follow it; its heading closes the article."""
    closing = [
        "Subscribe to the Porthaven Gazette newsletter",
        "Get the week's top stories from the harbour delivered to your inbox every Friday.",
        "You have been successfully subscribed!",
        "Top stories in Local",
        "Lifeboat crew rescue two walkers cut off by the tide at the point.",
        "Council to decide on new parking charges at the seafront next week."]
    [art] = split_text_page(_harbour_page(closing), AS_OF)
    assert _paragraphs(art.body) == _HARBOUR_STORY


def test_a_subscribe_button_inside_a_how_to_ends_nothing():
    """Near case: a bare "Subscribe" button between the steps of a guide is no sign-up box
    heading, and the steps below it stay."""
    steps = ["Step 1: Empty the saucer under each pot after you water it.",
             "Step 2: Move the pots away from the radiator before the heating comes on.",
             "Step 3: Turn each pot a quarter turn every week so the plant grows evenly."]
    page = _plant_page(["Keeping Houseplants Alive Through Winter", *_PLANT_STORY,
                        "Subscribe", *steps])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body)[-3:] == steps


@pytest.mark.parametrize(("line", "title"), [
    ("Blog / Keeping Houseplants Alive Through Winter",
     "Keeping Houseplants Alive Through Winter"),
    ("Keeping Houseplants Alive Through Winter | Garden Notes",
     "Keeping Houseplants Alive Through Winter"),
    ("Home - Garden - Keeping Houseplants Alive Through Winter",
     "Keeping Houseplants Alive Through Winter"),
    # near case: one dash joins the headline's own two halves
    ("Houseplants in Winter – What Really Kills Them",
     "Houseplants in Winter – What Really Kills Them")])
def test_the_title_is_the_headline_part_of_a_line_naming_its_site_or_section(line, title):
    page = _plant_page([line, "March 3, 2025"])
    [art] = split_text_page(page, AS_OF)
    assert art.title == title


_LONG_COMMENT = (
    "I have kept a fig by the kitchen window for years and it always dropped its leaves in "
    "December, which I took for the cold, but after reading this I think it was the watering, "
    "because I kept to the summer routine all year round and the pot never dried out; this "
    "winter I will wait until the soil is dry and see whether it keeps its leaves until spring.")


def test_a_comment_section_heading_ends_the_body_even_before_long_comments():
    """Comments may run as long as paragraphs, so their heading ends the article whatever
    follows it."""
    [art] = split_text_page(_harbour_page(["2 Comments", _LONG_COMMENT, "Reply",
                                           _LONG_COMMENT.replace("fig", "palm")]), AS_OF)
    assert _paragraphs(art.body) == _HARBOUR_STORY


def test_a_comment_link_under_the_headline_ends_nothing():
    """Near case: "Leave a comment" beside the byline, above the text, is no comment section."""
    page = "\n".join(["News", "Local", "Harbour basin to be dredged for larger ferries",
                      "By Sam Reed", "Leave a comment", *_HARBOUR_STORY, "Privacy", "Terms"])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == _HARBOUR_STORY


_HEADLINE = "Keeping Houseplants Alive Through Winter"
_CONTENTS = ["Table of Contents", "Why Light Matters", "How Often to Water", "Feeding",
             "Pests to Watch", "Repotting", "Humidity", "Cold Windows", "Summing Up",
             "Further Reading", "Tools You Need", "Questions From Readers"]


@pytest.mark.parametrize("head", [
    # the author's name and role sit between the headline and its date
    [_HEADLINE, "Robin Ashdown", "Senior Garden Editor and Columnist", "March 3, 2025"],
    # a name with credentials, printed twice
    [_HEADLINE, "Robin Ashdown, MS, RHS", "Robin Ashdown, MS, RHS", "March 3, 2025"],
    # a labelled byline under the headline
    [_HEADLINE, "Written By Robin Ashdown", "12 min read"],
    # a sponsor's line above the date of a paid post, sharing tools between it and the headline
    [_HEADLINE, "Share this story", "Save", "Comments", "Sponsored by Greenleaf Nurseries",
     "March 3, 2025"],
    # a link back to the blog above the date, the headline just below the date
    ["Back to all posts", "Published: March 3, 2025", _HEADLINE, "Robin Ashdown"],
    # a breadcrumb run together
    ["Home>Blog>" + _HEADLINE, "March 3, 2025"]])
def test_the_headline_heads_its_byline_and_date_lines(head):
    [art] = split_text_page(_plant_page(head), AS_OF)
    assert art.title == _HEADLINE


def test_a_standfirst_in_sentence_case_under_the_headline_is_not_the_title():
    """A headline in title case with a longer standfirst below it, then the date: the
    standfirst reads as a sentence."""
    stand = "What the dark months do to the plants on your sill and how to help them through"
    [art] = split_text_page(_plant_page(["Why Do My Houseplants Sulk?", stand,
                                         "March 3, 2025"]), AS_OF)
    assert art.title == "Why Do My Houseplants Sulk?"


def test_near_case_a_short_section_label_above_the_headline_is_not_the_title():
    """A section label above the headline is shorter than the headline: the longer one
    heads the date line."""
    [art] = split_text_page(_plant_page(["Winter Care Guides", _HEADLINE, "Updated:",
                                         "March 3, 2025"]), AS_OF)
    assert art.title == _HEADLINE


def test_the_date_under_the_headline_dates_the_article_above_a_long_table_of_contents():
    """Headline, byline and date, then a table of contents longer than the reach of the
    date line above the text: the date under the headline is the article's."""
    page = _plant_page([_HEADLINE, "By Robin Ashdown", "March 3, 2025", *_CONTENTS,
                        *_CONTENTS[1:]])
    [art] = split_text_page(page, AS_OF)
    assert art.title == _HEADLINE
    assert art.published == datetime(2025, 3, 3, tzinfo=UTC)


def test_near_case_a_relative_stamp_under_the_headline_far_above_the_text_dates_nothing():
    """A relative stamp is trusted only next to the text, as a teaser's may sit anywhere."""
    page = _plant_page([_HEADLINE, "By Robin Ashdown", "3 days ago", *_CONTENTS,
                        *_CONTENTS[1:]])
    [art] = split_text_page(page, AS_OF)
    assert art.published is None


@pytest.mark.parametrize(("line", "titleish"), [
    ("Robin Ashdown, MS, RHS", False),
    ("Roses, Tulips, Lilies, Irises, Daisies, Asters and Peonies on Sale", False),
    # near cases: a headline with a comma or two, a place named with its country
    ("Roses, Tulips and Lilies: Planting Bulbs Before the Frost", True),
    ("Community Gardens Open in Leeds, England", True)])
def test_names_with_credentials_and_lists_are_no_headlines(line, titleish):
    from eventwire.sources.textpage.lines import line_features

    [feat] = line_features([line])
    assert is_titleish(feat) is titleish


@pytest.mark.parametrize("byline", [
    "by Robin Ashdown | March 3, 2025", "by: Robin Ashdown, March 3, 2025",
    "by gardenteam · March 3, 2025 · 5 min read"])
def test_a_lower_case_byline_under_the_headline_is_not_joined_to_it(byline):
    """A lower-case first letter marks a hard-wrapped line, but not a byline's "by": the
    headline stays whole and the byline's date dates the article."""
    [art] = split_text_page(_plant_page([_HEADLINE, byline]), AS_OF)
    assert art.title == _HEADLINE
    assert art.published == datetime(2025, 3, 3, tzinfo=UTC)


def test_near_case_a_wrapped_line_opening_on_by_still_joins_its_paragraph():
    lines = ["The new rules on watering in the allotments were approved on Tuesday",
             "by the parish council, after a long debate about the summer drought."]
    assert join_wrapped(lines) == [" ".join(lines)]


def test_a_date_line_just_below_the_text_dates_an_article_with_none_above():
    """Some templates print "Published" and the date under the last paragraph."""
    page = "\n".join(["Home", "Garden", "Shop", "Contact Us", _HEADLINE, *_PLANT_STORY,
                      "Published", "August 13, 2025", "Share", "Privacy", "Terms"])
    [art] = split_text_page(page, AS_OF)
    assert art.published == datetime(2025, 8, 13, tzinfo=UTC)


def test_near_case_dated_teasers_below_the_text_date_nothing():
    """A list of related posts, each with its date, follows the text: no date is its own."""
    teasers = ["Pruning Roses Before Spring Arrives", "August 13, 2025",
               "Ten Shade Plants for a North Facing Garden", "July 2, 2025",
               "How to Start Tomatoes From Seed Indoors", "June 20, 2025"]
    page = "\n".join(["Home", "Garden", "Shop", "Contact Us", _HEADLINE, *_PLANT_STORY,
                      "Related posts", *teasers, "Privacy", "Terms"])
    [art] = split_text_page(page, AS_OF)
    assert art.published is None


_MENU = ["Home", "Garden Tips", "Plant Care Guides", "Seeds and Bulbs", "Visit Our Shop",
         "Contact Us"]


def _menu_page(head: list[str]) -> str:
    """A menu and a call to action printed again in the footer, so they are echoed."""
    return "\n".join([*_MENU, "Spring sale now on", "Request a Free Quote", "Open seven days",
                      *head, *_PLANT_STORY, *_MENU, "Request a Free Quote", "Privacy", "Terms"])


def test_a_headline_printed_twice_among_repeated_menu_lines_is_the_title():
    """The breadcrumb's last crumb, a repeated link, then the heading: the headline's
    neighbours repeat like a menu's, yet its second copy a few lines away marks it, as the
    footer's copy marks the call to action."""
    [art] = split_text_page(_menu_page(["Plant Care Guides", _HEADLINE, "Seeds and Bulbs",
                                        _HEADLINE]), AS_OF)
    assert art.title == _HEADLINE



@pytest.mark.parametrize(("head", "title"), [
    # a sign-up box run into one line without a full stop is no headline
    ([_HEADLINE, "Robin Ashdown", "Get Our Weekly Garden Newsletter With Seasonal Planting "
      "Guides, Offers, Competitions, Workshops and Members Events Sent Straight to Your Inbox "
      "Every Friday"],
     _HEADLINE),
    # near case: a long headline of sixteen words still is one
    (["Fifteen Houseplants That Survive Dark Winter Months on a North Facing Sill With "
      "Very Little Water"],
     "Fifteen Houseplants That Survive Dark Winter Months on a North Facing Sill With "
     "Very Little Water")])
def test_a_line_longer_than_any_headline_is_not_the_title(head, title):
    [art] = split_text_page(_plant_page(head), AS_OF)
    assert art.title == title


@pytest.mark.parametrize(("line", "titleish"), [
    ("Never miss a post. Get our planting guides in your inbox", False),
    # near cases: abbreviations end in a full stop too
    ("U.S. Gardens Open Their Gates Again", True),
    ("Dr. Lee on Pruning Roses in Winter", True)])
def test_a_line_holding_two_sentences_is_no_headline(line, titleish):
    from eventwire.sources.textpage.lines import line_features

    [feat] = line_features([line])
    assert is_titleish(feat) is titleish


_MARKET_STORY = [
    "The harbour board voted on Tuesday to close the old fish market at the end of the season, "
    "ending more than a century of early-morning auctions on the quay.",
    "Traders said they had been given too little notice, and several asked the board to delay "
    "the decision until a new site on the eastern pier is ready for them.",
    "The board's chair said the building had failed two safety inspections and could not be "
    "repaired for less than the cost of a new hall, which is planned for next spring."]


def _market_page(top: list[str]) -> str:
    return "\n".join(["News", "Sport", "Business", "Share", "Email", "Print",
                      "Fish market on the quay to close after a century", *top, *_MARKET_STORY,
                      "Privacy", "Terms"])


@pytest.mark.parametrize("top", [
    ["The board says the hall is unsafe; traders want more time.", "By", "Morwenna Trask"],
    ["The board says the hall is unsafe; traders want more time.", "By Morwenna Trask",
     "March 4, 2025"],
    ["Buyers gather before dawn at the fish market on the quay.",
     "Photograph: Kit Polglaze/Porthaven Press"],
    ["Buyers gather before dawn at the fish market on the quay.", "Image by Kit Polglaze"],
    ["The board says the hall is unsafe; traders want more time.", "By Morwenna Trask",
     "Buyers gather before dawn at the fish market on the quay.", "Kit Polglaze / Getty Images"],
    ["Buyers gather before dawn at the fish market on the quay.",
     "Kit Polglaze | Porthaven Press | Getty Images"],
    ["The board says the hall is unsafe; traders want more time.", "Morwenna Trask @mtrask"],
    ["The board says the hall is unsafe; traders want more time.", "March 4, 2025",
     "Morwenna Trask", "Harbour", "Business", "Fishing", "Council"],  # the story's tags
    ["Harbour news every morning, read by 9,000 skippers.", "Free 14-Day Trial"],  # a promo
    ["The best boat-show deals of the season, all in one place.", "Read More"],
    ["Buyers gather before dawn at the fish market on the quay.", "Morning Briefing",
     "Get the harbour's news in your inbox before the boats come in.", "SUBSCRIBE",
     "March 4, 2025", "By Morwenna Trask"],
])
def test_a_standfirst_or_caption_above_a_byline_or_credit_is_not_the_text(top):
    """A standfirst or the lead picture's caption is a short paragraph standing above the text
    with a byline, a photo credit or a date line between: marks that never sit between two
    paragraphs of the text, so the text starts below them."""
    [art] = split_text_page(_market_page(top), AS_OF)
    assert _paragraphs(art.body) == _MARKET_STORY


@pytest.mark.parametrize("top", [
    ["Traders were told on Tuesday.", "Background", "Advertisement"],  # a subheading follows
    ["PORTHAVEN, Cornwall – Traders were told on Tuesday.", "Photo: Kit Polglaze"],  # a dateline
    ["Traders on the quay were told on Tuesday morning, in a short letter from the harbour "
     "board, that the market they and their parents have worked in for decades will close "
     "when the season ends.", "By Morwenna Trask"],
])
def test_a_first_paragraph_above_a_subheading_a_dateline_or_long_stays_in_the_text(top):
    """Near cases: a short first paragraph with only a subheading or a label below it, a lede
    opening on a dateline, and a paragraph longer than a standfirst are the text."""
    [art] = split_text_page(_market_page(top), AS_OF)
    assert _paragraphs(art.body)[0] == top[0]


def test_short_opening_paragraphs_with_no_byline_or_credit_below_stay_in_the_text():
    """Near case: two short paragraphs open the text, parted only by a label; nothing
    that heads an article stands between them and the rest."""
    top = ["Traders were told on Tuesday.", "Advertisement", "Most were not surprised."]
    [art] = split_text_page(_market_page(top), AS_OF)
    assert _paragraphs(art.body)[:2] == [top[0], top[2]]


def test_a_first_paragraph_above_a_button_inside_a_sentence_stays():
    """Near case: "read more" inside a sentence of the text is no button line."""
    top = ["Traders were told on Tuesday.", "Read more about the market's history below."]
    [art] = split_text_page(_market_page(top), AS_OF)
    assert _paragraphs(art.body)[0] == top[0]


def test_a_lede_the_page_repeats_as_its_summary_stays_in_the_text():
    """Near case: the page shows the lede above the picture credit and again below it; the
    body keeps one copy rather than none."""
    lede = ("Traders were told on Tuesday that the fish market on the quay, where their "
            "families have sold the catch for generations, will close.")
    [art] = split_text_page(_market_page([lede, "Photo by Kit Polglaze/Porthaven Press", lede]),
                            AS_OF)
    assert _paragraphs(art.body)[0] == lede


@pytest.mark.parametrize("notice", [
    "This guide contains affiliate links: if you buy through them, we may earn a commission.",
    "We use cookies to improve your experience. By continuing you consent to our use of "
    "cookies."])
def test_a_sites_notice_above_the_text_is_not_the_text(notice):
    """A disclosure of paid links or a cookie banner between the byline and the text speaks
    in sentences but is the site's, as the HTML path reads it: the text starts below."""
    [art] = split_text_page(_market_page(["By Morwenna Trask", notice]), AS_OF)
    assert _paragraphs(art.body) == _MARKET_STORY


def test_a_paragraph_about_paid_links_in_the_third_person_is_text():
    """Near case: an article reporting on affiliate links speaks of others, not of itself."""
    lede = ("The regulator said review sites must tell readers plainly when they earn a "
            "commission on products bought through their links.")
    [art] = split_text_page(_market_page(["By Morwenna Trask", lede]), AS_OF)
    assert _paragraphs(art.body)[0] == lede


def test_a_sign_up_forms_required_fields_part_its_message_from_the_text():
    """A form's fields may mark themselves "(Required)" rather than "*"; its sentences
    ("This field is left blank on purpose.") stay out of the text below it."""
    form = ["Please leave this field empty; it is here to stop spam sign-ups.",
            "Name(Required)", "Email(Required)"]
    [art] = split_text_page(_market_page(form), AS_OF)
    assert _paragraphs(art.body) == _MARKET_STORY


def test_a_numbered_step_marked_required_inside_a_guide_is_no_form():
    """Near case: "Step 2 (required)" heads a step of the text, not a form field."""
    story = [_MARKET_STORY[0], "Step 2 (required)", *_MARKET_STORY[1:]]
    [art] = split_text_page(_market_page(story), AS_OF)
    assert "Step 2 (required)" in _paragraphs(art.body)


@pytest.mark.parametrize("teasers", [
    ["Popular posts:", "Lifeboat Crew Rescue Two Walkers Cut Off by the…",
     "Sailing Club Marks a Hundred Years With a Regatta in…"],
    ["Council to decide on new parking charges at the seafront,..."]])
def test_teasers_clipped_to_fit_their_box_are_not_the_text(teasers):
    """A teaser cut off with an ellipsis (a headline in title case, or a sentence broken
    off after a comma) belongs to a box of other stories, however sentence-like its end."""
    [art] = split_text_page(_market_page(teasers), AS_OF)
    assert _paragraphs(art.body) == _MARKET_STORY


def test_a_sentence_of_the_text_trailing_off_stays():
    """Near case: a paragraph that trails off ("... one more season…") is the writer's."""
    story = [_MARKET_STORY[0], "Some traders still hoped for one more season…",
             *_MARKET_STORY[1:]]
    [art] = split_text_page(_market_page(story), AS_OF)
    assert _paragraphs(art.body) == story


_TRAILS = [
    ("Ridgeback Loop", "A steady climb through beech woods brings you out on a bare ridge, "
     "where on a clear day the view runs all the way to the estuary and the lighthouse."),
    ("Millrace Path", "This gentle walk follows the old mill stream past three ruined wheels, "
     "and its wide gravel surface makes it a good choice for families with young children."),
    ("Hollow Crag Scramble", "Only for walkers with a head for heights, the route crosses two "
     "exposed slabs before a short scramble to the summit cairn and a long grassy descent."),
]
_TRAIL_INTRO = [
    "Spring is the best time of year to walk the valley, before the bracken grows tall.",
    "We walked every marked route in the park this year and picked our favourites.",
]


def _trail_facts(k: int) -> list[str]:
    """Each item's own facts (a box repeated word for word on every item would be a widget)."""
    return [f"Length: {4 + k} miles", f"Elevation gain: {300 + 90 * k} m",
            f"Difficulty: {('easy', 'moderate', 'hard')[k]}", f"Trailhead: car park {k + 1}",
            f"Best season: {('spring', 'summer', 'autumn')[k]}",
            f"Time: {2 + k} hours", f"Grid reference: SX {120 + k} {340 + k}",
            f"Parking: {('free', '£2 a day', '£4 a day')[k]}", f"Stiles: {k + 2}"]


def _trail_page(footer: list[str]) -> str:
    rows = ["Home", "Walks", "Maps", "Shop", "Best Walks in the Valley", *_TRAIL_INTRO]
    for k, (name, text) in enumerate(_TRAILS):
        rows += [f"{k + 1}. {name}", text, *_trail_facts(k)]
    return "\n".join([*rows, *footer, "Privacy", "Terms"])


def test_fact_boxes_of_a_list_article_keep_its_items_and_intro_together():
    """A list article gives each item a box of labelled facts ("Length: 5 miles"); the boxes
    are its content, like a table's cells, not clutter that parts the intro from the items."""
    [art] = split_text_page(_trail_page([]), AS_OF)
    paragraphs = _paragraphs(art.body)
    assert paragraphs[:2] == _TRAIL_INTRO
    assert _TRAILS[-1][1] in paragraphs and "Length: 4 miles" in paragraphs


def test_a_contact_box_repeated_on_the_page_is_no_fact_box():
    """Near case: the site's contact box, printed in the header and again in the footer,
    stays clutter and out of the text."""
    contact = ["Phone: 01632 960 321", "Email: walks@valley.example", "Office: Mill Lane"]
    page = "\n".join([*contact, _trail_page(contact)])
    [art] = split_text_page(page, AS_OF)
    assert not any(line in art.body for line in contact)


_POTTERY_SECTIONS = [
    ("Choosing your clay", "Stoneware clay is forgiving for a beginner because it holds its "
     "shape while you work and survives small mistakes in drying, so buy a bag of that first."),
    ("Centring on the wheel", "Wet your hands, brace your elbows against your knees and push the "
     "clay down and inward until it spins without any wobble under your palms."),
    ("Opening and pulling", "Press your thumbs into the middle to open the form, then pull the "
     "walls up slowly in three or four passes, keeping them an even thickness all round."),
    ("Drying and trimming", "Let the pot dry until it is leather hard, then turn it over and "
     "trim a foot ring with a loop tool while it is still soft enough to cut cleanly."),
    ("The first firing", "A bisque firing to about 1000 degrees hardens the pot but leaves it "
     "porous enough to soak up glaze, so load the kiln loosely and let it cool slowly."),
    ("Glazing", "Dip the bisqueware in glaze for a count of three, wipe the foot clean with a "
     "damp sponge, and keep the coat thin where the pot will stand on the shelf."),
    ("The glaze firing", "The second firing melts the glaze into glass; stoneware needs the "
     "kiln to reach a much higher heat, so check what your glaze and clay can take."),
    ("Caring for your pots", "Most glazed stoneware is safe in a dishwasher, but hand washing "
     "keeps a bright glaze from dulling over the years and is kinder to thin rims."),
]
_POTTERY_INTRO = ["Throwing a pot is easier than it looks.",
                  "This guide takes you from a bag of clay to your first bowl."]


def _pottery_page(above: list[str]) -> str:
    body: list[str] = []
    for k, (head, text) in enumerate(_POTTERY_SECTIONS):
        more = [f"Most people need {k + 3} or {k + 4} tries at this step before it feels "
                f"natural, and that is fine: {why}" for why in (
                    "the clay can be wedged and used again and again.",
                    "every failed pot teaches your hands something about pressure.",
                    "a teacher at a class can watch and correct your posture.")]
        body += [head, text, *more]
    return "\n".join(["Home", "Classes", "Shop", "Blog", "How to Throw Your First Pot", *above,
                      *body, "Share this guide", "Privacy", "Terms"])


def test_an_intro_above_a_table_of_contents_stays_in_the_text():
    """A guide's table of contents lists its own section headings, which come again further
    down above their paragraphs: it parts the intro from the sections without making the
    intro a teaser, and the entries themselves stay out of the body."""
    contents = ["Table of contents", *(head for head, _ in _POTTERY_SECTIONS)]
    [art] = split_text_page(_pottery_page([*_POTTERY_INTRO, *contents]), AS_OF)
    paragraphs = _paragraphs(art.body)
    assert paragraphs[:2] == _POTTERY_INTRO and "Table of contents" not in paragraphs
    assert paragraphs.count("Centring on the wheel") == 1
    assert paragraphs[-1].endswith("correct your posture.")


def test_a_teaser_above_a_menu_repeated_in_the_footer_stays_out():
    """Near case: a repeated menu lists pages, not the article's headings, so a teaser above
    it is still cut off."""
    menu = ["Wheels", "Kilns", "Glazes", "Tools", "Gift cards"]
    teaser = ["Our kiln sale ends on Sunday."]
    page = _pottery_page([*teaser, *menu]) + "\n" + "\n".join(menu)
    [art] = split_text_page(page, AS_OF)
    assert art.body.startswith(_POTTERY_SECTIONS[0][1])


_ORCHARD_STORY = [
    "A cold snap in late April killed most of the blossom in the valley's apple orchards, "
    "growers said on Monday, and the harvest may be the smallest in twenty years.",
    "Frost fans and sprinklers saved some of the lower slopes, but the upper terraces, "
    "where the oldest trees stand, were left bare within a single night.",
    "The growers' cooperative asked the regional government for help with the cost of "
    "replanting, which it put at several thousand euros a hectare.",
    "Cider makers in the valley said they would buy fruit from further north this autumn "
    "to keep their presses running until the trees recover.",
    "A meeting between the cooperative and the agriculture ministry is planned for the "
    "second week of May, when the damage will have been counted."]


def _orchard_page(tail: list[str]) -> str:
    return "\n".join(["Home", "Regions", "Farming", "Frost wipes out valley apple blossom",
                      "Frost wipes out valley apple blossom", "May 2, 2025", *_ORCHARD_STORY,
                      *tail, "About us", "Privacy", "Contact"])


def test_a_teaser_box_whose_lead_headline_repeats_over_a_date_is_no_second_article():
    """A "most popular" box prints its lead item's headline twice around a date, then one-line
    blurbs: dated, but no story's worth of paragraphs under it."""
    box = ["Most popular", "Bakery on the square closes after ninety years", "Read more",
           "Bakery on the square closes after ninety years", "April 28, 2025", "Business",
           "The family that ran it for three generations says no buyer could be found.",
           "Will the ring road finally be widened after ten years of talks?", "April 25, 2025",
           "Transport", "Plans for a second lane go back to the council in June for a vote.",
           "Why the river keeps flooding the lower town every spring", "April 20, 2025",
           "Environment", "Engineers blame a culvert built too narrow for the storms of today.",
           "Which schools will close for the summer works next month?", "April 18, 2025",
           "Education", "Four buildings need new roofs, and two of them new heating as well.",
           "View all"]
    arts = split_text_page(_orchard_page(box), AS_OF)
    assert [a.title for a in arts] == ["Frost wipes out valley apple blossom"]
    assert _paragraphs(arts[0].body) == _ORCHARD_STORY


def test_near_case_a_dated_second_story_of_full_paragraphs_is_an_article():
    second = ["Bakery on the square closes after ninety years",
              "Bakery on the square closes after ninety years", "April 28, 2025",
              "The bakery on the market square will close at the end of the month after "
              "ninety years, the family that runs it said on Friday evening.",
              "No buyer could be found for the business, and rising costs for flour and "
              "energy had made the ovens too expensive to keep running through winter.",
              "Customers queued outside on Saturday morning to buy a last loaf, and several "
              "left notes and flowers on the windowsill beside the door.",
              "The building's owner said a café might take over the shop next year, but no "
              "agreement has been signed with anyone so far, he added."]
    arts = split_text_page(_orchard_page(second), AS_OF)
    assert [a.title for a in arts] == ["Frost wipes out valley apple blossom",
                                       "Bakery on the square closes after ninety years"]


def test_a_comment_form_heading_repeated_over_a_stamped_reply_starts_no_article():
    """"Add your comment" printed twice around a reader's stamped reply heads a form, not
    a story; nor is a short reply, though dated, a second article."""
    tail = ["Add Your Comment →", "Jo Barnes says:", "May 3, 2025 at 9:14 am",
            "So sad for the growers here, my grandfather planted some of those old trees on "
            "the upper terraces and they survived every frost until now. I hope the ministry "
            "helps them with the replanting, or small farms will sell their land.",
            "Add Your Comment", "Required fields are marked *", "Your Name: *",
            "Your Email: (never shared) *", "Post Comment"]
    arts = split_text_page(_orchard_page(tail), AS_OF)
    assert [a.title for a in arts] == ["Frost wipes out valley apple blossom"]
    assert _paragraphs(arts[0].body) == _ORCHARD_STORY


@pytest.mark.parametrize(("line", "titleish"), [
    ("Sign in to manage your subscription", False),
    ("Sign into your saved articles", False),
    ("Click to share on Facebook (Opens in new window)", False),
    ("Share on LinkedIn (Opens in a new tab)", False),
    ("Share this on WhatsApp", False),
    ("Scroll to top", False),
    ("Create my account", False),
    ("Manage alerts for this story", False),
    ("Subscribe to our newsletter", False),
    ("Table of Contents", False),
    ("Expand or Collapse", False),
    ("7 min read", False),
    # near cases: headlines that open on the same verbs or name the same things
    ("Sign In Sheets Go Digital at the Town Library", True),
    ("Create a Budget That Survives the Holidays", True),
    ("Why Readers Click on Headlines Like This One", True),
    ("Back to School: Ten Lunches Children Will Eat", True),
    ("Newsletter Editors Share Their Favourite Tools", True),
    ("Share With Care: What Neighbours Lend Each Other", True)])
def test_page_controls_are_no_headlines(line, titleish):
    from eventwire.sources.textpage.lines import line_features

    [feat] = line_features([line])
    assert is_titleish(feat) is titleish


def test_a_control_printed_twice_above_the_headline_is_not_the_title():
    """A sign-in box shown twice echoes like a window title; it is still no headline."""
    page = _plant_page(["Sign in to manage your account", "Sign in to manage your account",
                        _HEADLINE, "March 3, 2025"])
    [art] = split_text_page(page, AS_OF)
    assert art.title == _HEADLINE


@pytest.mark.parametrize("link", [
    "Related: Hail damages vineyards on the southern slopes",
    "[Read more: How frost fans protect blossom on cold nights]",
    "READ MORE: Cider makers fear a thin autumn"])
def test_a_link_to_another_story_between_paragraphs_is_left_out(link):
    page = _orchard_page([]).replace(_ORCHARD_STORY[2], link + "\n" + _ORCHARD_STORY[2])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == _ORCHARD_STORY


@pytest.mark.parametrize("line", [
    # near cases: a sentence of the text after the same words, and a subheading
    "Related: the cooperative also lost half of its pear trees to the same frost.",
    "Related Costs for Growers"])
def test_near_case_a_sentence_or_heading_opening_on_related_stays(line):
    page = _orchard_page([]).replace(_ORCHARD_STORY[2], line + "\n" + _ORCHARD_STORY[2])
    [art] = split_text_page(page, AS_OF)
    assert line in _paragraphs(art.body)


def test_a_quoted_social_post_keeps_its_signature_in_the_body():
    """The signature under a post the story quotes ("— Name (@handle) May 1, 2025") is part
    of the quotation, not a date line: it neither parts nor ends the text, nor dates it."""
    post = ["Frost tonight on the upper terraces, fans running since midnight "
            "#valleyfrost pic.example.com/x1", "— Valley Frost Watch (@frostwatch) May 1, 2025"]
    reply = ["Lost every blossom on the old Bramleys up the hill. First time in 40 years.",
             "— Tom Hale (@halefarm) 2 May 2025"]
    story = [*_ORCHARD_STORY[:2], *post, *_ORCHARD_STORY[2:], *reply]
    page = "\n".join(["Home", "Regions", "Frost wipes out valley apple blossom",
                      "By Ann Lee (@annlee)", "May 2, 2025", *story, "About us", "Privacy"])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == story
    assert art.published == datetime(2025, 5, 2, tzinfo=UTC)


def test_near_case_a_date_line_under_a_byline_naming_a_handle_still_dates_the_article():
    page = "\n".join(["Home", "Regions", "Frost wipes out valley apple blossom",
                      "Ann Lee (@annlee)", "May 2, 2025", *_ORCHARD_STORY, "About us"])
    [art] = split_text_page(page, AS_OF)
    assert art.published == datetime(2025, 5, 2, tzinfo=UTC)
    assert _paragraphs(art.body) == _ORCHARD_STORY


_LONG_PARAGRAPH = (
    "Older growers remember a similar frost in the spring of 1991, when the valley lost most "
    "of its crop and several family farms sold their land, but they say the trees were "
    "younger then and recovered within two seasons, while many of today's orchards were "
    "planted before the war and may never bear as much fruit again, which is why the "
    "cooperative wants the replanting help to come this year rather than next.")


def test_a_box_of_related_headlines_inside_the_text_is_left_out():
    """"More from Farming" and its headlines sit between two paragraphs; a headline may carry
    a label of its own ("Drought: ...")."""
    box = ["More from Farming", "Drought: river levels fall to a record low in the plains",
           "Dairy prices climb for a third month running", "Beekeepers count losses after wet "
           "summer"]
    story = [*_ORCHARD_STORY[:4], _LONG_PARAGRAPH, _ORCHARD_STORY[4]]
    page = "\n".join(["Home", "Farming", "Frost wipes out valley apple blossom", "May 2, 2025",
                      *story[:3], *box, *story[3:], "About us", "Privacy"])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == story


def test_near_case_a_list_under_an_ordinary_heading_inside_the_text_stays():
    items = ["What the growers asked for", "Help with the cost of replanting the terraces",
             "A fund for frost fans on the upper slopes", "Cheaper loans for the smallest farms"]
    page = _orchard_page([]).replace(_ORCHARD_STORY[3], "\n".join([*items, _ORCHARD_STORY[3]]))
    [art] = split_text_page(page, AS_OF)
    assert all(item in _paragraphs(art.body) for item in items[1:])


@pytest.mark.parametrize("appeal", [
    "Want more stories like this? Sign up for our Valley Farming newsletter.",
    "Stay up to date with the cooperative. Subscribe to our newsletter.",
    "Get our weekly farming news delivered straight to your inbox"])
def test_a_sign_up_appeal_under_the_text_is_left_out(appeal):
    [art] = split_text_page(_orchard_page([appeal, "Share", "Print"]), AS_OF)
    assert _paragraphs(art.body) == _ORCHARD_STORY


@pytest.mark.parametrize("line", [
    # near cases: sentences of the story about signing up and about newsletters
    "Growers can sign up for the replanting fund at the town hall until the end of June.",
    "The cooperative will also send a newsletter to every member explaining the new rules."])
def test_near_case_a_sentence_about_signing_up_or_newsletters_stays(line):
    story = [*_ORCHARD_STORY[:4], line, _ORCHARD_STORY[4]]
    page = _orchard_page([]).replace(_ORCHARD_STORY[4], line + "\n" + _ORCHARD_STORY[4])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == story


@pytest.mark.parametrize(("line", "caption"), [
    ("Photo courtesy Harbour Studio", True),
    ("Image: Courtesy of Mara Vidal", True),
    ("Some images courtesy of the town archive.", True),
    ("Ines Ferreira, Low Tide at Nazaré, 1987. Gelatin silver print – 30.5 × 40.6 cm. "
     "Courtesy Galeria Norte.", True),
    ("Tomas Berg, Orchard II, 2004. Archival pigment print — 20 x 24 in", True),
    # near cases: sentences of the text naming a courtesy, a year and a size
    ("The new dashboard display comes courtesy of a supplier in Gothenburg.", False),
    ("The painting, finished in 1998, measures 60 x 80 cm and hangs in the town hall.", False),
    ("This webcam image is provided courtesy of the harbour trust, which runs it.", False)])
def test_courtesy_credits_and_artwork_captions(line, caption):
    assert is_courtesy_caption(line) is caption


def test_artwork_captions_between_paragraphs_are_left_out():
    caption = ("Ines Ferreira, Low Tide at Nazaré, 1987. Gelatin silver print – 30.5 × 40.6 cm. "
               "Courtesy Galeria Norte.")
    page = _orchard_page([]).replace(_ORCHARD_STORY[2], caption + "\n" + _ORCHARD_STORY[2])
    [art] = split_text_page(page, AS_OF)
    assert _paragraphs(art.body) == _ORCHARD_STORY
