"""Acts told beside another clause whose parse misleads the factuality reader: a conjunct
with a clause of its own, a present clause of time under a past act, a "since" that measures
a span named in another phrase.  Sentences written for these tests, each with a near case
that comes out the other way."""

from __future__ import annotations

import pytest

from eventwire.events.anchors import place_scope
from eventwire.events.resolution import merge_mentions
from tests.event_helpers import STARTS, asserted, code, mention, ref
from tests.event_helpers import asserted_types as _types

_LEAD = "Police closed the road on Friday. "


@pytest.mark.parametrize(("text", "etype", "told"), [
    # a conjunct with a clause of its own is an act, not a participle before a noun
    ("The ministry said it was deeply troubled by the drills and warned Peru to refrain "
     "from more flights near the border.", "REQUEST", True),
    ("The guests were not accredited reporters or invited members.", "REJECT", False),
    # a present clause of time under a past act is going on now
    (_LEAD + "A judge denied his request to enter the building while state officials "
     "conduct a criminal investigation into possible fraud.", "ACCUSE", True),
    (_LEAD + "A judge denies such requests while state officials conduct investigations.",
     "ACCUSE", False),
    # "a month since the shooting" measures the month, not how long the vigils went on
    (_LEAD + "Traffic stopped while silent vigils were being held to mark a year since the "
     "flood that killed a farmer.", "PROTEST", True),
    (_LEAD + "Silent vigils have been held every year since the flood that killed a "
     "farmer.", "PROTEST", False),
])
def test_scoped_adjuncts(nlp, text, etype, told):
    assert (etype in _types(nlp, text)) is told


@pytest.mark.parametrize(("text", "mode"), [
    # a demonstration told as violent is a riot, a mode of its own (PLOVER)
    (_LEAD + "The march erupted in violence near parliament.", "riot"),
    (_LEAD + "The march erupted in cheers near parliament.", "demo"),
    (_LEAD + "Violent protests against the killing continued in the capital.", "riot"),
    (_LEAD + "Peaceful protests against the killing continued in the capital.", "demo"),
    (_LEAD + "A peaceful vigil devolved into a riot.", "riot"),
])
def test_violent_demonstration_is_a_riot(nlp, text, mode):
    modes = [e.mode for e in asserted(code(nlp, text)._.events) if e.type == "PROTEST"]
    assert modes == [mode]


@pytest.mark.parametrize(("text", "scope"), [
    # the whole an act is part of may spread over the country; the act told does not
    ("About 5,000 workers took to the streets as part of nationwide strikes against the "
     "cuts.", None),
    ("About 5,000 workers took to the streets nationwide against the cuts.", "nationwide"),
])
def test_part_of_a_wider_protest(nlp, text, scope):
    doc = code(nlp, text)
    took = next(t for t in doc if t.lower_ == "took")
    assert place_scope(took, None) == scope


@pytest.mark.parametrize(("text", "told"), [
    # a light verb coordinated with the noun's own verb shares its subject
    (_LEAD + "The Dutch inquiry had been shelved in 2015 but was reopened this year.", True),
    (_LEAD + "The Dutch inquiry had been shelved in 2015 but was re-opened this year.", True),
    (_LEAD + "The Dutch inquiry had been shelved in 2015.", False),
])
def test_inquiry_reopened(nlp, text, told):
    assert ("ACCUSE" in _types(nlp, text)) is told


@pytest.mark.parametrize(("text", "etype"), [
    # the police summon someone for questioning: an investigation, not an invitation
    (_LEAD + "The two senators were invited by the Kenya Police for questioning.", "ACCUSE"),
    (_LEAD + "The two senators were invited by the Kenya government for talks.", "AGREE"),
])
def test_summoned_by_police(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_an_investigation_is_apart_from_the_suit_beside_it():
    # "The senators sued the police chief." ... "The move followed their summons by police."
    senators = [ref("the senators", "KEN", "LEG")]
    police = [ref("the police", "KEN", "COP")]
    suit = mention(1, "ACCUSE", "sued", senators, police, mode="allege")
    summons = mention(2, "ACCUSE", "summons", police, senators, mode="investigate")
    assert len(merge_mentions([suit, summons], STARTS)) == 2
    again = mention(2, "ACCUSE", "filed", senators, police, mode="allege")
    assert len(merge_mentions([suit, again], STARTS)) == 1


@pytest.mark.parametrize(("text", "etype"), [
    # a place stormed to show protest is a demonstration, not an attack
    (_LEAD + "About 300 students stormed the ministry yesterday, unfurling banners against "
     "the cuts.", "PROTEST"),
    (_LEAD + "About 300 soldiers stormed the rebel camp yesterday, killing four fighters.",
     "ASSAULT"),
])
def test_stormed_in_protest(nlp, text, etype):
    assert _types(nlp, text)[:1] == [etype]


@pytest.mark.parametrize(("text", "types"), [
    # what a participle says a protest did is the protest, not a measure of the state
    (_LEAD + "Schools were closed, while nurses also walked off the job, suspending hospital "
     "services.", ["PROTEST"]),
    (_LEAD + "The army took control of the town, suspending all flights.", ["SANCTION"]),
])
def test_effect_of_a_protest(nlp, text, types):
    assert [t for t in _types(nlp, text) if t in ("PROTEST", "SANCTION")] == types
