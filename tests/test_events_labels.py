"""Labels: name-calling coded ACCUSE ("called the vote a sham"), praise SUPPORT ("called
him a hero"), a neutral label or one pinned on a disaster nothing (no demand from "call"),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.events.labels import is_critical, is_praise
from eventwire.events.senses import label_of
from tests.event_helpers import code


def _doc(nlp, text):
    return code(nlp, text)


def _events(nlp, text):
    return _doc(nlp, text)._.events


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Kenya branded Somalia a rogue state after the raid.", "KEN", "SOM"),
    ("Opposition lawmakers called the vote a sham.", None, None),
    ("Turkey called Sweden a haven for terrorists on Tuesday.", "TUR", "SWE"),
    ("Critics described the new tax as a cruel attack on the poor.", None, None),
])
def test_critical_label_is_an_accusation(nlp, text, source, target):
    found = [e for e in _events(nlp, text) if e.type == "ACCUSE"]
    assert len(found) == 1 and found[0].mode == "disapprove"
    assert found[0].field_rules["type"].startswith("rule:labelling")
    if source:
        assert [a.country for a in found[0].sources] == [source]
    if target:
        assert [a.country for a in found[0].targets] == [target]  # not the label itself


def test_praise_is_support(nlp):
    found = _events(nlp, "Chile's president called the Peruvian rescue team a group of heroes.")
    assert [e.type for e in found] == ["SUPPORT"]
    assert [a.country for a in found[0].sources] == ["CHL"]
    assert [a.country for a in found[0].targets] == ["PER"]


@pytest.mark.parametrize("text", [
    "Analysts have called him the Napoleon of the north.",  # a neutral label
    "The health minister called the cholera outbreak extremely serious.",  # no one blamed
])
def test_other_labels_are_no_event(nlp, text):
    assert [e.type for e in _events(nlp, text)] == []


def test_a_demand_with_call_is_still_a_request(nlp):
    types = [e.type for e in _events(nlp, "Egypt called on Israel to halt the raids.")]
    assert "REQUEST" in types and "ACCUSE" not in types


def test_label_of_reads_the_three_frames(nlp):
    got = []
    for text in ("She called him a coward.", "Iran branded the envoy a spy.",
                 "He dismissed the report as propaganda.", "She called him yesterday."):
        verb = next(w for w in _doc(nlp, text) if w.pos_ == "VERB")
        label = label_of(verb)
        got.append(None if label is None else label.text)
    assert got == ["a coward", "a spy", "propaganda", None]


@pytest.mark.parametrize(("verb", "label", "critical", "praise"), [
    ("call", "a pathological liar", True, False),  # VADER negative
    ("call", "a charade", True, False),  # pejorative noun VADER scores neutral
    ("call", "a good first step", False, True),
    ("call", "the Napoleon of the north", False, False),
    ("brand", "a spy", True, False),  # branding belittles unless the label is kind
])
def test_is_critical_or_praise(nlp, verb, label, critical, praise):
    doc = _doc(nlp, f"They {verb} it {label}.")
    assert is_critical(doc[1], doc[3:-1]) is critical
    assert is_praise(doc[1], doc[3:-1]) is praise


@pytest.mark.parametrize("text", [
    "The opposition leader called the prime minister unfit to govern.",  # VADER: neutral
    "The senator called the new envoy unqualified for the post.",
    "The minister dubbed the rival plan as a fiasco in a speech.",  # "dub ... as"
    "Union leaders termed the pay offer as a bad joke.",
])
def test_verdicts_and_as_labels_are_accusations(nlp, text):
    assert [e.type for e in _events(nlp, text)] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "The coach called the injured striker fit to play on Saturday.",  # a kind verdict
    "The lawyers called the officer as a witness in the trial.",  # a summons, no label
    "Fans dubbed the new stadium as the pride of the city.",  # a proud label
])
def test_near_labels_are_no_accusation(nlp, text):
    assert "ACCUSE" not in [e.type for e in _events(nlp, text)]


@pytest.mark.parametrize("text", [
    "The governor branded the striking dockers thugs on Monday.",  # one object to the parser
    "The mayor branded them thugs after the march.",
    "The treasurer called the wealthy members freeloaders who never pay their dues.",
    'The treasurer called the other clubs "free riders" in his annual letter.',
])
def test_a_pejorative_label_on_the_one_labelled_is_an_accusation(nlp, text):
    found = [e for e in _events(nlp, text) if e.type == "ACCUSE"]
    assert len(found) == 1 and found[0].field_rules["type"].startswith("rule:labelling")


@pytest.mark.parametrize("text", [
    "The governor called the striking dockers on Monday.",  # a phone call, no label
    "The treasurer called the club members volunteers in his annual letter.",  # neutral
    "The mayor branded the cheap tickets a bargain.",  # a kind label
])
def test_a_neutral_or_absent_label_is_no_accusation(nlp, text):
    assert "ACCUSE" not in [e.type for e in _events(nlp, text)]
