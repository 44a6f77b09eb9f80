"""An undated story told on: a later mention of the record's kind of act (its mode) that
names no one and has no day or place of its own is the record told in other words ("two
officers were killed when a bomb exploded" ... "a device detonated as investigators
worked"); one that names its people, or another kind of act, stays apart."""

from __future__ import annotations

from eventwire.events.resolution import merge_retold_at_its_place
from eventwire.models import Event, Place
from tests.event_helpers import mention, ref


def _town() -> Place:
    return Place(article_id="t", start=0, end=6, text="Dayton", rule="test", confidence=1.0,
                 name="Dayton", lat=39.76, lon=-84.19, feature_class="P", country="USA")


def _bombing() -> Event:
    ev = mention(1, "ASSAULT", "killed", [], [ref("two police officers", "USA")],
                 mode="explosives", place=_town())
    ev.field_rules["location"] = "place_in_sentence"
    return ev


def _told_on(trigger: str, mode: str, targets=()) -> Event:
    ev = mention(8, "ASSAULT", trigger, [], list(targets), mode=mode, place=_town())
    ev.field_rules["location"] = "reference_place:e1"  # carried by the narration
    return ev


def test_a_faceless_mention_of_the_same_kind_tells_the_record_on():
    assert len(merge_retold_at_its_place([_bombing(), _told_on("detonated", "explosives")])) \
        == 1


def test_a_mention_naming_its_people_or_another_kind_stays_apart():
    named = _told_on("detonated", "explosives", [ref("a firefighter", "USA")])
    assert len(merge_retold_at_its_place([_bombing(), named])) == 2
    assert len(merge_retold_at_its_place([_bombing(), _told_on("shot", "firearms")])) == 2
