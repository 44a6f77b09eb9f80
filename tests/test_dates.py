"""Time expressions normalised against the publication date (component ``eventwire_times``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.nlp.dates import calendar as cal

from .conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures" / "dates"
D = date.fromisoformat


@pytest.fixture(scope="module")
def nlp():
    """The project pipeline up to the dates component; spaCy plus the component alone while
    the earlier components cannot be imported."""
    try:
        from eventwire.pipeline import load_nlp

        return load_nlp(upto="eventwire_times")
    except ImportError:
        import spacy

        import eventwire.nlp.dates.component  # noqa: F401  (registers the factory)
        from eventwire.config import Settings

        bare = spacy.load(Settings().spacy_model)
        bare.add_pipe("eventwire_times")
        return bare


def times(nlp, text: str, published: date | None, article_id: str = "a1"):
    doc = nlp.make_doc(text)
    doc._.article_id = article_id
    doc._.published = published
    doc = nlp(doc)
    for t in doc._.times:  # provenance holds for every record
        assert doc.text[t.start:t.end] == t.text
        assert t.article_id == article_id and t.rule and 0 < t.confidence <= 1
    return doc._.times


def find(found, text: str):
    hits = [t for t in found if t.text == text]
    assert hits, f"{text!r} not found in {[t.text for t in found]}"
    return hits[0]


def span(found, text: str):
    t = find(found, text)
    return t.date_start, t.date_end


# --- the seed's two articles ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp):
    path = shared_path("data", "events", "seed-gold.jsonl")
    arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [
        times(nlp, a["text"], D(a["published"]) if a["published"] else None, a["id"])
        for a in arts
    ]


def test_seed_article_1_weekdays_resolve_against_thursday_1_october_2020(seed):
    t = seed[0]
    assert [x.date_start for x in t if x.text == "Thursday"] == [D("2020-10-01")] * 2
    assert {x.date_start for x in t if x.text == "Monday"} == {D("2020-09-28")}
    evening = find(t, "Wednesday evening")
    assert (evening.date_start, evening.precision) == (D("2020-09-30"), "day")
    assert find(t, "Thursday").rule == "weekday-before-pub"


def test_seed_article_1_relative_and_open_ranges(seed):
    t = seed[0]
    assert span(t, "last week") == (D("2020-09-21"), D("2020-09-27"))
    assert span(t, "since early August") == (D("2020-08-01"), D("2020-10-01"))
    assert span(t, "since 2018") == (D("2018-01-01"), D("2020-10-01"))
    assert find(t, "since early August").precision == "range"


def test_seed_article_2_without_publication_date_keeps_only_absolute_dates(seed):
    t = seed[1]
    assert span(t, "Thursday") == (None, None)  # "on Thursday": no reference to count from
    assert span(t, "Wednesday") == (None, None)
    assert span(t, "October 10") == (None, None)
    assert span(t, "since 2007") == (D("2007-01-01"), None)
    assert span(t, "from early 2015 until the end of 2020") == (D("2015-01-01"), D("2020-12-31"))
    assert find(t, "the coming days").rule == "coming-n"


def test_seed_article_2_with_a_reference_date(nlp):
    path = shared_path("data", "events", "seed-gold.jsonl")
    text = json.loads(path.read_text(encoding="utf-8").splitlines()[1])["text"]
    t = times(nlp, text, D("2026-01-15"))  # a Thursday
    assert span(t, "Thursday") == (D("2026-01-15"), D("2026-01-15"))
    assert span(t, "Wednesday") == (D("2026-01-14"), D("2026-01-14"))
    assert span(t, "October 10") == (D("2025-10-10"), D("2025-10-10"))  # "took effect on"
    lo, hi = span(t, "the coming days")
    assert lo == D("2026-01-15") and hi > lo


# --- the project's own fixture: the same ground with other dates ---------------------------

PUBLISHED = D("2023-03-14")  # a Tuesday


@pytest.fixture(scope="module")
def harbour(nlp):
    text = (FIXTURES / "harbour-talks.txt").read_text(encoding="utf-8")
    return times(nlp, text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Friday", "2023-03-10", "2023-03-10", "day"),  # past tense: the Friday before
        ("Tuesday", "2023-03-14", "2023-03-14", "day"),  # the publication day itself
        ("Thursday", "2023-03-16", "2023-03-16", "day"),  # "will meet on Thursday"
        ("next Monday", "2023-03-20", "2023-03-20", "day"),
        ("Sunday night", "2023-03-12", "2023-03-12", "day"),
        ("last week", "2023-03-06", "2023-03-12", "week"),
        ("this week", "2023-03-13", "2023-03-19", "week"),
        ("yesterday", "2023-03-13", "2023-03-13", "day"),
        ("Two days ago", "2023-03-12", "2023-03-12", "day"),
        ("since late January", "2023-01-22", "2023-03-14", "range"),
        ("Earlier this month", "2023-03-01", "2023-03-14", "range"),
        ("last month", "2023-02-01", "2023-02-28", "month"),
        ("March 3", "2023-03-03", "2023-03-03", "day"),
        ("2019", "2019-01-01", "2019-12-31", "year"),
        ("from mid-2016 to late 2018", "2016-05-02", "2018-12-31", "range"),
        ("Oct. 10, 2019", "2019-10-10", "2019-10-10", "day"),
        ("10/10/2020", "2020-10-10", "2020-10-10", "day"),
        ("October 10", "2023-10-10", "2023-10-10", "day"),  # "will be held on": the coming one
        ("December 5", "2022-12-05", "2022-12-05", "day"),  # "was reached on": the last one
        ("the coming weeks", "2023-03-14", "2023-04-11", "range"),
    ],
)
def test_fixture_expressions(harbour, text, start, end, precision):
    t = find(harbour, text)
    assert (t.date_start, t.date_end, t.precision) == (D(start), D(end), precision)


def test_fixture_durations_are_kept_without_a_date_and_ages_are_dropped(harbour):
    years = find(harbour, "15 years")
    assert (years.precision, years.date_start, years.rule) == ("duration", None, "duration")
    assert not [t for t in harbour if "19" in t.text and "2019" not in t.text]


def test_fixture_rules_are_named(harbour):
    rules = {t.text: t.rule for t in harbour}
    assert rules["Friday"] == "weekday-before-pub"
    assert rules["Thursday"] == "weekday-future"
    assert rules["last week"] == "relative-week"
    assert rules["2019"] == "year"
    assert rules["since late January"] == "since-month-part"


# --- single sentences -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "text", "start", "end"),
    [
        ("The minister resigned last Saturday.", "2024-06-08", "last Saturday",
         "2024-06-01", "2024-06-01"),  # published on a Saturday: the one before
        ("Rebels seized the town in 2018.", "2024-06-08", "2018", "2018-01-01", "2018-12-31"),
        ("Rebels have held the town since 2018.", "2024-06-08", "since 2018",
         "2018-01-01", "2024-06-08"),
        ("The army said today that the road was open.", "2024-06-08", "today",
         "2024-06-08", "2024-06-08"),
        ("Talks collapsed in late May.", "2024-06-08", "late May", "2024-05-22", "2024-05-31"),
        ("The vote took place on June 16th of last year.", "2024-06-08",
         "June 16th of last year", "2023-06-16", "2023-06-16"),
        ("Seventy-four years ago a battle was fought here.", "2016-09-08",
         "Seventy-four years ago", "1942-01-01", "1942-12-31"),
        ("The clashes of the 1990s left scars.", "2024-06-08", "the 1990s",
         "1990-01-01", "1999-12-31"),
        ("Aid arrived last summer.", "2024-06-08", "last summer", "2023-06-01", "2023-08-31"),
        ("The report was filed on 2021-03-04.", "2024-06-08", "2021-03-04",
         "2021-03-04", "2021-03-04"),
        ("Prices rose from Mid 2019 until LAST WEEK.", "2024-06-08",
         "from Mid 2019 until LAST WEEK", "2019-05-03", "2024-06-02"),
        ("The deal ends on Jan. 20 after the Nov. 8 election.", "2016-09-27", "Nov. 8",
         "2016-11-08", "2016-11-08"),  # no tense to go by: the nearer one, ahead by weeks
    ],
)
def test_sentences(nlp, sentence, published, text, start, end):
    assert span(times(nlp, sentence, D(published)), text) == (D(start), D(end))


def test_date_words_inside_names_are_not_dates(nlp):
    found = times(nlp, "Figueroa told USA Today that the camp was closed.", D("2016-09-26"))
    assert not [t for t in found if t.text.lower() == "today"]


def test_named_days_are_not_weekdays(nlp):
    found = times(nlp, "Shops opened early for Black Friday, and voters met on Friday.",
                  D("2019-11-27"))
    assert [(t.text, t.date_start) for t in found] == [("Friday", D("2019-11-22"))]


def test_publication_date_given_as_text_or_datetime(nlp):
    from datetime import datetime

    for published in ("2020-10-01", datetime(2020, 10, 1, 9, 30)):
        assert span(times(nlp, "Iraq said Monday it was not happy.", published), "Monday") == (
            D("2020-09-28"), D("2020-09-28"))


def test_year_in_a_number_is_not_a_year(nlp):
    found = times(nlp, "The fund paid out $2018 to 1,999 families.", D("2024-06-08"))
    assert not [t for t in found if t.rule == "year"]


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Die Regierung hat am Montag neue Gespräche angekündigt, sagte ein Sprecher 2019.",
        "قال مسؤول يوم الخميس إن المحادثات ستستأنف",
        "Feb 30 and 31/02/2020 and 2020-13-45 and April 31 and Monday Monday Monday",
    ],
)
def test_bad_text_does_not_crash(nlp, text):
    found = times(nlp, text, D("2024-06-08"))
    assert all(t.date_start is None or t.date_start <= t.date_end for t in found)


def test_huge_text_is_handled_without_a_parse(nlp):
    """200k characters through the component alone (tokens only: no tags, parse or entities)."""
    para = "Officials met on Monday and again last week, weeks after the accord of 2019. "
    doc = nlp.make_doc(para * 2600)
    doc._.article_id, doc._.published = "big", D("2024-06-08")
    found = nlp.get_pipe("eventwire_times")(doc)._.times
    assert len(found) == 3 * 2600
    assert {t.date_start for t in found if t.text == "Monday"} == {D("2024-06-03")}
    assert {t.rule for t in found} == {"weekday-before-pub", "relative-week", "year"}


# --- calendar conventions -------------------------------------------------------------------


def test_weekday_directions():
    thursday = D("2020-10-01")
    assert cal.weekday_near(thursday, 3, "past") == thursday
    assert cal.weekday_near(thursday, 3, "last") == D("2020-09-24")
    assert cal.weekday_near(thursday, 3, "future") == thursday
    assert cal.weekday_near(thursday, 3, "next") == D("2020-10-08")
    assert cal.weekday_near(thursday, 0, "future") == D("2020-10-05")


def test_month_day_without_year_and_leap_day():
    assert cal.month_day_near(D("2020-10-01"), 10, 10, future=False) == D("2019-10-10")
    assert cal.month_day_near(D("2020-10-01"), 10, 10, future=True) == D("2020-10-10")
    assert cal.month_day_near(D("2021-03-01"), 2, 29, future=False) is None
