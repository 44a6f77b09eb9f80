"""Which mentions merge into one record, on events built as the coder builds them from
sentences written here (none taken from evaluation data); each pattern is paired with a
near case that must stay two records."""

from __future__ import annotations

from datetime import date

from eventwire.events.resolution import merge_mentions
from eventwire.models import ActorRef, Event

STARTS = [i * 100 for i in range(12)]  # twelve sentences of 100 characters


def _ref(text: str, country: str | None = None, sector: str | None = None,
         name: str | None = None) -> ActorRef:
    return ActorRef(text=text, start=0, end=len(text), country=country, sector=sector,
                    name=name)


def _event(n: int, etype: str, trigger: str, sources: list[ActorRef],
           targets: list[ActorRef], mode: str | None = None, day: date | None = None) -> Event:
    start = STARTS[n]
    return Event(id=f"e{n}", article_id="t", type=etype, sentence_start=start,
                 sentence_end=start + 99, trigger_start=start, trigger_end=start + 5,
                 trigger=trigger, rule="test", confidence=0.5, mode=mode,
                 sources=sources, targets=targets, date=day)


def _holt(n: int, addressee: ActorRef) -> Event:
    return _event(n, "REQUEST", "called", [_ref("Holt", "USA", "LEG", "Jane Holt")], [addressee])


def _urged_in_the_headline() -> list[Event]:
    # "Senator urges sanctions on Iran" / "Sen. Jane Holt called on President Biden to ..."
    return [_event(0, "REQUEST", "urges", [_ref("Senator", "USA", "LEG")], [_ref("Iran", "IRN")]),
            _event(1, "REQUEST", "called", [_ref("Sen. Jane Holt", "USA", "LEG", "Jane Holt")],
                   [_ref("President Biden", "USA", "GOV", "Joe Biden")])]


def test_a_speaker_named_only_in_the_lead_is_the_headlines_speaker_later_on():
    # ... five sentences on, "Holt called on the administration to act before the recess"
    events = _urged_in_the_headline() + [_holt(7, _ref("administration", "USA", "GOV"))]
    (record,) = merge_mentions(events, STARTS)
    assert record.field_rules["mentions"].count(";") == 2


def test_the_same_speaker_turning_to_another_party_later_is_another_record():
    # ... five sentences on, "Holt called on Germany to join the sanctions"
    events = _urged_in_the_headline() + [_holt(7, _ref("Germany", "DEU"))]
    assert len(merge_mentions(events, STARTS)) == 2


def test_another_speaker_later_on_is_another_record():
    # ... "Rep. Dan Moore called on the administration to wait"
    events = _urged_in_the_headline() + [_event(
        7, "REQUEST", "called", [_ref("Moore", "USA", "LEG", "Dan Moore")],
        [_ref("administration", "USA", "GOV")])]
    assert len(merge_mentions(events, STARTS)) == 2


def _march(day: date | None = date(2021, 6, 8)) -> Event:
    # told after the lead: "Several hundred demonstrators took to the streets of north
    # Portland on Tuesday"
    return _event(4, "PROTEST", "took", [_ref("Several hundred demonstrators", "USA")],
                  [_ref("Portland", "USA")], mode="demo", day=day)


def test_the_crowd_told_on_at_once_is_the_same_protest():
    # "Waving flags, the crowd -- which rallied at Reed College before marching -- ..."
    rally = _event(5, "PROTEST", "rallied", [_ref("crowd", "USA")], [_ref("College", "USA")],
                   mode="demo")
    (record,) = merge_mentions([_march(), rally], STARTS)
    assert record.field_rules["mentions"].count(";") == 1


def test_a_crowd_on_another_day_is_another_protest():
    # "On Wednesday a crowd rallied at Reed College"
    rally = _event(5, "PROTEST", "rallied", [_ref("crowd", "USA")], [_ref("College", "USA")],
                   mode="demo", day=date(2021, 6, 9))
    assert len(merge_mentions([_march(), rally], STARTS)) == 2


def test_a_crowd_far_on_in_the_story_is_another_protest():
    # five sentences later: "a crowd of nurses rallied at Reed College over pay"
    rally = _event(9, "PROTEST", "rallied", [_ref("crowd", "USA")], [_ref("College", "USA")],
                   mode="demo")
    assert len(merge_mentions([_march(), rally], STARTS)) == 2


def test_crowd_words_merge_only_protests():
    # "demonstrators threw stones at the police" / "the crowd hurled bottles at officers"
    first = _event(4, "ASSAULT", "threw", [_ref("demonstrators", "USA")],
                   [_ref("police", "USA", "COP")], day=date(2021, 6, 8))
    later = _event(5, "ASSAULT", "hurled", [_ref("crowd", "USA")], [_ref("officers", "USA")])
    assert len(merge_mentions([first, later], STARTS)) == 2
