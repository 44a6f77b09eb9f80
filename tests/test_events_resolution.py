"""Which mentions merge into one record, on events built as the coder builds them from
sentences written here (none taken from evaluation data); each pattern is paired with a
near case that must stay two records."""

from __future__ import annotations

from datetime import date

from eventwire.events.resolution import merge_mentions
from eventwire.models import ActorRef, Event
from tests.event_helpers import STARTS, mention, ref


def _holt(n: int, addressee: ActorRef) -> Event:
    return mention(n, "REQUEST", "called", [ref("Holt", "USA", "LEG", "Jane Holt")], [addressee])


def _urged_in_the_headline() -> list[Event]:
    # "Senator urges sanctions on Iran" / "Sen. Jane Holt called on President Biden to ..."
    return [mention(0, "REQUEST", "urges", [ref("Senator", "USA", "LEG")], [ref("Iran", "IRN")]),
            mention(1, "REQUEST", "called", [ref("Sen. Jane Holt", "USA", "LEG", "Jane Holt")],
                   [ref("President Biden", "USA", "GOV", "Joe Biden")])]


def test_a_speaker_named_only_in_the_lead_is_the_headlines_speaker_later_on():
    # ... five sentences on, "Holt called on the administration to act before the recess"
    events = _urged_in_the_headline() + [_holt(7, ref("administration", "USA", "GOV"))]
    (record,) = merge_mentions(events, STARTS)
    assert record.field_rules["mentions"].count(";") == 2


def test_the_same_speaker_turning_to_another_party_later_is_another_record():
    # ... five sentences on, "Holt called on Germany to join the sanctions"
    events = _urged_in_the_headline() + [_holt(7, ref("Germany", "DEU"))]
    assert len(merge_mentions(events, STARTS)) == 2


def test_another_speaker_later_on_is_another_record():
    # ... "Rep. Dan Moore called on the administration to wait"
    events = _urged_in_the_headline() + [mention(
        7, "REQUEST", "called", [ref("Moore", "USA", "LEG", "Dan Moore")],
        [ref("administration", "USA", "GOV")])]
    assert len(merge_mentions(events, STARTS)) == 2


def _march(day: date | None = date(2021, 6, 8)) -> Event:
    # told after the lead: "Several hundred demonstrators took to the streets of north
    # Portland on Tuesday"
    return mention(4, "PROTEST", "took", [ref("Several hundred demonstrators", "USA")],
                  [ref("Portland", "USA")], mode="demo", day=day)


def test_the_crowd_told_on_at_once_is_the_same_protest():
    # "Waving flags, the crowd -- which rallied at Reed College before marching -- ..."
    rally = mention(5, "PROTEST", "rallied", [ref("crowd", "USA")], [ref("College", "USA")],
                   mode="demo")
    (record,) = merge_mentions([_march(), rally], STARTS)
    assert record.field_rules["mentions"].count(";") == 1


def test_a_crowd_on_another_day_is_another_protest():
    # "On Wednesday a crowd rallied at Reed College"
    rally = mention(5, "PROTEST", "rallied", [ref("crowd", "USA")], [ref("College", "USA")],
                   mode="demo", day=date(2021, 6, 9))
    assert len(merge_mentions([_march(), rally], STARTS)) == 2


def test_a_crowd_far_on_in_the_story_is_another_protest():
    # five sentences later: "a crowd of nurses rallied at Reed College over pay"
    rally = mention(9, "PROTEST", "rallied", [ref("crowd", "USA")], [ref("College", "USA")],
                   mode="demo")
    assert len(merge_mentions([_march(), rally], STARTS)) == 2


def test_crowd_words_merge_only_protests():
    # "demonstrators threw stones at the police" / "the crowd hurled bottles at officers"
    first = mention(4, "ASSAULT", "threw", [ref("demonstrators", "USA")],
                   [ref("police", "USA", "COP")], day=date(2021, 6, 8))
    later = mention(5, "ASSAULT", "hurled", [ref("crowd", "USA")], [ref("officers", "USA")])
    assert len(merge_mentions([first, later], STARTS)) == 2
