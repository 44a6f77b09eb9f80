"""Whose state and whose office (round 2, evargs2): a person's "his country" is that person's,
and national offices that name one country without saying it ("the Commerce Department",
"the Home Office").  Sentences written for each pattern, each beside a near text that keeps
its other reading (none taken from evaluation data)."""

from __future__ import annotations

from tests.event_helpers import counted_events

# A story set in the United States, so that unmarked actors take its country.
US_STORY = ("WASHINGTON (AP) — Officials in Washington and New York said on Monday that the "
            "talks in Chicago would go ahead. Senator Tom Harlan of Ohio welcomed them. ")


def _events(nlp, text, etype):
    return [e for e in counted_events(nlp, text) if e.type == etype]


def _countries(refs):
    return {a.country for a in refs if a.country}


def test_his_country_is_the_speaker_s_not_the_story_s(nlp):
    text = US_STORY + ("Indian Foreign Minister Ravi Kumar said on Tuesday his country would "
                       "send aid to Nepal.")
    evs = [e for e in counted_events(nlp, text)
           if any("his country" in a.text for a in e.sources)]
    assert evs and all(_countries(e.sources) == {"IND"} for e in evs)


def test_our_country_in_a_quote_is_the_quoted_speaker_s(nlp):
    text = US_STORY + ('"Our country will send aid to Nepal," Kenyan President Daniel '
                       'Otieno said on Tuesday.')
    evs = [e for e in counted_events(nlp, text)
           if any("Our country" in a.text for a in e.sources)]
    assert evs and all(_countries(e.sources) == {"KEN"} for e in evs)


def test_the_country_of_no_owner_is_left_to_the_story(nlp):
    # near case: no person owns "the country", so nothing is read from a possessive
    text = US_STORY + ("Indian Foreign Minister Ravi Kumar said on Tuesday the country would "
                       "send aid to Nepal.")
    evs = [e for e in counted_events(nlp, text)
           if any(a.text.endswith("country") for a in e.sources)]
    assert all(_countries(e.sources) != {"IND"} for e in evs)
