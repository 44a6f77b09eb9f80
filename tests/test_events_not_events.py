"""Statements and clauses that report no event of their own, each paired with a near sentence
that still does: a speaker on the own side's limits, a suspicion others hold, one critic
reported twice, details of a future act, positions held for years, a wish that something
not happen, the aim of an initiative, a crowd that disperses, and promises that warn.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize(("text", "etype"), [
    # the speaker's own body: an assessment of a task, no charge
    ("Chris Lane, the city's police chief, said on Monday that police alone are not able to "
     "stop the violence in the streets.", "ACCUSE"),
    # a suspicion others hold, passed on
    ("Lopez, 31, was suspected of betraying the public as a dangerous criminal, Sergeant "
     "Dale Price said.", "ACCUSE"),
    # a detail of an act still to come
    ("The minister will present a bill next week asking parliament to ban the group.",
     "REQUEST"),
    # a position stated again and again
    ("The rebels have said for years that they would support a ceasefire.", "AGREE"),
    ("The rebels have often said they will attack the capital.", "THREATEN"),
    # a wish that something not happen
    ("\"God forbid we ask the mayor a question,\" the senator said.", "REQUEST"),
    # what a political initiative aims at has not been done
    ("The move to expel the ambassador failed in parliament.", "SANCTION"),
    # a crowd that disperses of itself
    ("The marchers had dispersed by late afternoon, leaving the square littered with "
     "bottles.", "COERCE"),
    # a thing, not an actor, "threatens": the statement is criticism, not a threat
    ("The minister said the new dams are illegal, present a danger to farmers and threaten "
     "the survival of the delta.", "THREATEN"),
])
def test_no_event_of_this_type(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Mayor Ann Fox said on Monday that police had failed to stop the violence in the "
     "streets.", "ACCUSE"),
    ("Lopez, 31, was a dangerous criminal who betrayed the public, Sergeant Dale Price said.",
     "ACCUSE"),
    ("The minister said the new dams are illegal, present a danger to farmers and threaten "
     "the survival of the delta.", "ACCUSE"),
    ("The minister said the rebels are armed, occupy the bridge and threaten the town.",
     "THREATEN"),
    ("The rebels said on Monday that they would support a ceasefire.", "AGREE"),
    ("\"We ask the mayor to resign,\" the senator said.", "REQUEST"),
    ("Police said the protesters will be charged after they attacked officers on Monday.",
     "ASSAULT"),
    ("Parliament moved to expel the ambassador on Monday.", "SANCTION"),
    ("The marchers were dispersed by riot police on Saturday.", "COERCE"),
])
def test_near_sentences_keep_their_event(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_one_critic_for_a_statement_within_a_statement(nlp):
    """ "X reveals a pattern of abuses, the group said": one accusation, not two."""
    from eventwire.events.lexicon import load_lexicon
    from eventwire.events.statements import critical_statements

    doc = nlp("Satellite images and witness accounts reveal a brutal pattern of illegal "
              "killings by the army, the group said on Tuesday.")
    found = critical_statements(next(iter(doc.sents)), [], load_lexicon(()))
    assert [t.token.lower_ for t in found] == ["reveal"]


@pytest.mark.parametrize(("text", "etype"), [
    ("The company pledged to take firm action against such accounts in the future.",
     "THREATEN"),
    ("The president promised consequences for the attack.", "THREATEN"),
    ("The company pledged to take action to help the flood victims.", "AGREE"),
    ("The company pledged to give 5 million dollars to the victims.", "AGREE"),
])
def test_a_promise_of_measures_warns(nlp, text, etype):
    assert _types(nlp, text) == [etype]


@pytest.mark.parametrize(("text", "types"), [
    # a demand that is the purpose of a crowd's gathering is the protest's topic
    ("About 3,000 nurses surrounded the parliament in Lisbon on Friday to demand higher "
     "wages.", ["PROTEST"]),
    ("Several hundred farmers marched through the capital to call for lower fuel prices.",
     ["PROTEST"]),
    # a demand by a body, not a crowd, stays a demand
    ("The nurses' union wrote to the minister on Friday to demand higher wages.", ["REQUEST"]),
])
def test_a_crowd_demand_is_a_protest(nlp, text, types):
    assert _types(nlp, text) == types
