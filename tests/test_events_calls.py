"""Phone calls: "X called Y" with a named Y is a CONSULT (phone) by X with Y; labels,
demands, summonses and called meetings, strikes or elections are not.  Sentences written
for these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp


def _events(nlp, text):
    doc = nlp.make_doc(text)
    doc._.article_id = "t"
    doc._.published = None
    return nlp(doc)._.events


@pytest.mark.parametrize(("text", "source", "target"), [
    ("President Macron called Vladimir Putin on Tuesday.", "FRA", "RUS"),
    ("A week later, Ms. Keller called Omar Haddad.", None, None),  # a lone name read as oprd
])
def test_call_to_a_named_actor_is_a_phone_consultation(nlp, text, source, target):
    found = [e for e in _events(nlp, text) if e.type == "CONSULT"]
    assert len(found) == 1 and found[0].mode == "phone"
    assert found[0].field_rules["type"] == "rule:phone_call"
    if source:
        assert [a.country for a in found[0].sources] == [source]
        assert [a.country for a in found[0].targets] == [target]


@pytest.mark.parametrize("text", [
    "The governor called an election for March.",  # no one is called
    "The defence called Maria Lopez as a witness.",  # a summons
    "The judge called Daniel Reyes to the stand.",
    "He called Jordan a reliable partner.",  # a label
    "Officials called the police after the shooting.",  # no named actor
    "Egypt called on Israel to halt the raids.",  # a demand
])
def test_other_calls_are_no_phone_call(nlp, text):
    assert not any(e.type == "CONSULT" and e.mode == "phone" for e in _events(nlp, text))


@pytest.mark.parametrize("text", [
    "Canada echoed the call on Saturday.",
    "The plan drew praise from Kenya, a call echoed by Ghana on Friday.",
    "Germany repeated its demand for the release of the journalist.",
])
def test_taking_up_a_demand_is_a_request(nlp, text):
    found = [e for e in _events(nlp, text) if e.type == "REQUEST"]
    assert len(found) == 1


@pytest.mark.parametrize("text", [
    "The choir repeated the song twice.",
    "His words echoed through the hall on Saturday.",
])
def test_echoing_no_demand_is_no_request(nlp, text):
    assert not [e for e in _events(nlp, text) if e.type == "REQUEST"]
