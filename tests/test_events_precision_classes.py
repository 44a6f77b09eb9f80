"""Precision classes (issue 13): mentions that report no act of their type, each checked
against a close sentence that does.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize("text", [
    "Officers tried to arrest the organiser, but she slipped away into the crowd.",
    "Troops were trying to raid a militant hideout when their vehicle hit a mine.",
    "Villagers say police made an attempt to seize their land last spring.",
])
def test_attempted_restraint_is_no_coercion(nlp, text):
    assert "COERCE" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Officers arrested the organiser as she left the building on Monday.", "COERCE"),
    ("Troops raided a militant hideout on Tuesday.", "COERCE"),
    ("Gunmen tried to storm the police station on Monday.", "ASSAULT"),
])
def test_restraint_done_or_force_attempted_stays(nlp, text, etype):
    assert etype in _types(nlp, text)


def _parsed(words, heads, deps, tags):
    """A Doc with a given parse, so the rule is tested apart from the parser's choices."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_gerund_of_a_describing_participle_is_description():
    from eventwire.events import factuality
    # "They discussed a case filed by Vietnam challenging the claims": the gerund tells
    # what the case (filed at some time) does, no act reported here
    doc = _parsed(["They", "discussed", "a", "case", "filed", "by", "Vietnam", "challenging",
                   "the", "claims"], [1, 1, 3, 1, 3, 4, 5, 4, 9, 7],
                  ["nsubj", "ROOT", "det", "dobj", "acl", "agent", "pobj", "advcl", "det",
                   "dobj"], ["PRP", "VBD", "DT", "NN", "VBN", "IN", "NNP", "VBG", "DT", "NNS"])
    assert factuality.classify(doc[7], None, "ACCUSE") == factuality.DESCRIPTIVE
    # "Vietnam filed a case challenging the claims": the filing is told, and its gerund
    doc = _parsed(["Vietnam", "filed", "a", "case", "challenging", "the", "claims"],
                  [1, 1, 3, 1, 1, 6, 4],
                  ["nsubj", "ROOT", "det", "dobj", "advcl", "det", "dobj"],
                  ["NNP", "VBD", "DT", "NN", "VBG", "DT", "NNS"])
    assert factuality.classify(doc[4], None, "ACCUSE") == factuality.ASSERTED


def test_fighting_the_contest_itself_attacks_no_one(nlp):
    text = ("“We have fought the battle and he was a tough opponent,” the senator said of his "
            "rival.")
    assert "ASSAULT" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Police fought pitched battles with rioters in the capital on Saturday.",
    "Iran and Iraq fought a war in the 1980s.",
    "Government troops fought the rebels near the border on Monday.",
])
def test_fighting_an_adversary_stays(nlp, text):
    assert "ASSAULT" in _types(nlp, text)


def test_markets_react_they_do_not_criticise(nlp):
    assert "ACCUSE" not in _types(
        nlp, "But markets reacted to the violence with alarm as stocks fell sharply.")
    assert "ACCUSE" in _types(
        nlp, "The opposition reacted to the violence with alarm and blamed the police.")


def test_participle_taken_for_the_root_describes_the_subject():
    from eventwire.events import factuality
    words = ["The", "navy", "patrolling", "the", "gulf", "thwarted", "an", "attack"]
    tags = ["DT", "NN", "VBG", "DT", "NN", "VBD", "DT", "NN"]
    # the parser's misreading: "patrolling" the root, "thwarted" a clause below it
    doc = _parsed(words, [1, 2, 2, 4, 2, 2, 7, 5],
                  ["det", "nsubj", "ROOT", "det", "dobj", "advcl", "det", "dobj"], tags)
    assert factuality.classify(doc[2], None, "MOBILIZE") == factuality.DESCRIPTIVE
    # a headline-like "-ing" root with no finite verb below it stays a report
    doc = _parsed(["Troops", "patrolling", "the", "border"], [1, 1, 3, 1],
                  ["nsubj", "ROOT", "det", "dobj"], ["NNS", "VBG", "DT", "NN"])
    assert factuality.classify(doc[1], None, "MOBILIZE") == factuality.ASSERTED


def test_calling_a_debate_on_a_topic_calls_on_no_one(nlp):
    text = ("The scandal prompted parliament to call a debate in January on whether to expel "
            "the minister.")
    assert "REQUEST" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The opposition called on the government to resign.",
    "The union called on members to strike on Monday.",
])
def test_calling_on_someone_stays_a_request(nlp, text):
    assert "REQUEST" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "City authorities are refusing to allow more protests in the square after clashes on "
    "Saturday.",
    "Police refused to allow the march to proceed through the city centre.",
])
def test_refusing_to_allow_a_gathering_restricts_it(nlp, text):
    types = _types(nlp, text)
    assert "COERCE" in types and "REJECT" not in types


def test_refusing_to_allow_other_things_stays_a_refusal(nlp):
    assert "REJECT" in _types(nlp, "The court refused to allow the evidence at trial.")


def test_the_whole_world_is_no_one_in_particular(nlp):
    text = ("“At that time, the whole world applauded and thanked China,” the minister told "
            "reporters.")
    assert "SUPPORT" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The World Bank praised the reforms on Monday.",
    "The president of Chile thanked China for its help on Monday.",
])
def test_a_named_praiser_stays(nlp, text):
    assert "SUPPORT" in _types(nlp, text)
