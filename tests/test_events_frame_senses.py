"""Senses decided by what the verb acts on, and participles or plans the parser may read as
acts: a standard met, claims dismissed, a deal struck, hope offered, a guest welcomed, a
pistol pressed, a building evacuated, a suspect handed to the police, a house visited, an
"invited guest" in a list, a plan told in the past perfect.  Sentences written for these
tests; each is paired with a close sentence whose word does report its event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types
from tests.event_helpers import counted_events

HEAD = "Officials spoke about the case after weeks of debate. "


@pytest.mark.parametrize(("text", "etype", "near"), [
    ("The candidate did not meet the 15 percent polling threshold set by the commission.",
     "REJECT", "The candidate refused to meet the commission on Monday."),
    ("The mayor met the deadline for the budget on Friday.", "CONSULT",
     "The mayor met the union leaders on Friday."),
    ("Her lawyer said that was not her view and dismissed those reports as misread "
     "statements.", "ACCUSE", "The minister dismissed the report as propaganda."),
    ("The two parties struck a deal on the budget late on Monday.", "ASSAULT",
     "Police struck the protesters with batons late on Monday."),
    ("The young officer struck out on his own that morning.", "ASSAULT",
     "The young officer struck the suspect that morning."),
    ("The new schools offer poor families hope, the mayor said.", "AGREE",
     "The government offered the rebels an amnesty, the mayor said."),
    # the recipient's "of" phrase swallows what is offered in the parse
    ("The governor offered working parents of color hope in a speech on Monday.", "AGREE",
     "The governor offered the families of the rebels an amnesty in a speech on Monday."),
    ("The senator offered the families of the victims hope in a speech on Monday.", "AGREE",
     "The ministry offered the leaders of the strike a pay rise on Monday."),
    ("The mayor said the new charter school was offering students of color hope.", "AGREE",
     "The mayor said the city was offering the owners of the land a new contract."),
    ("The mayor welcomed the visiting delegation to City Hall for a lunch.", "SUPPORT",
     "The mayor welcomed the agreement on Monday."),
    ("The guard pressed his pistol into the man's neck.", "REQUEST",
     "The senator pressed the administration to act on Monday."),
    ("The bank was evacuated while police searched the building.", "RETREAT",
     "The army evacuated its troops from the border town."),
    ("The suspects would be handed over to police in the port city.", "CONCEDE",
     "The rebels said they would hand over the town to the army."),
    ("The suspects were handed over to the authorities in the port city.", "RETREAT",
     "The rebels handed over the hostages to the Red Cross in the port city."),
    ("The suspects were handed over to the authorities in the port city.", "RETREAT",
     "The hostages were handed over to the authorities in the port city."),
    ("The president declined to threaten Moscow or even blame it, aides said.", "REJECT",
     "The president declined to meet the Russian envoy, aides said."),
    ("Officials said the families were refusing to leave the camp.", "REJECT",
     "Officials said the president was refusing to leave office."),
    ("Dozens of lawmakers who signed the letter to the president met on Monday.", "SUPPORT",
     "The governor signed the new budget law on Monday."),
    ("The commissioner said: \"I share the joy of their families and friends.\"",
     "COOPERATE", "The navy shared its intelligence with the coast guard on Monday."),
    ("In May, the ministry expressed doubt that the rebels had the capability to build "
     "such a weapon.", "ACCUSE",
     "In May, the ministry expressed outrage at the rebels' attack on the town."),
    ("Witnesses said the officer deliberately took aim at the teenager before he fired.",
     "ACCUSE", "The senator took aim at the governor's budget on Monday."),
    ("The sheriff lamented the lack of resources in his department.", "ACCUSE",
     "The sheriff lamented the governor's cuts to his department."),
    ("The council member lamented that a peaceful vigil had turned into a riot.", "ACCUSE",
     "The council member lamented that the police had attacked a peaceful vigil."),
    ("The mayor welcomed world leaders to the White House for a working dinner.", "SUPPORT",
     "The mayor welcomed the ruling by the court."),
    ("But he apparently decided to visit the house first.", "AGREE",
     "The president decided to visit China next month."),
])
def test_sense_decided_by_what_is_acted_on(nlp, text, etype, near):
    assert etype not in _types(nlp, HEAD + text)
    assert etype in _types(nlp, HEAD + near)


@pytest.mark.parametrize(("text", "etype", "near"), [
    # a participle coordinated with an adjective the parser took for a verb
    ("Guards removed two men because they were not accredited reporters or invited "
     "members of the public.", "AGREE",
     "Guards removed two men, and the mayor invited members of the public to the hall."),
    ("Police removed the two men because they were not registered voters or invited "
     "members of the public.", "AGREE",
     "Police removed the two men, and the mayor invited members of the public to the hall."),
    # a plan told in the past perfect came to nothing
    ("Instead, the officer had planned to partner with his sergeant.", "AGREE",
     "The officer agreed to partner with his sergeant."),
])
def test_no_act_in_a_description_or_a_past_plan(nlp, text, etype, near):
    types = _types(nlp, HEAD + text)
    assert etype not in types and "REJECT" not in types
    assert etype in _types(nlp, HEAD + near)


@pytest.mark.parametrize(("text", "near"), [
    ("The army fired two missiles into the sea on Monday, the ministry said.",
     "The army fired two missiles at the rebel camp on Monday, the ministry said."),
    ("The country launched a long-range rocket into space last month.",
     "The rebels launched a rocket at the town last month."),
])
def test_weapons_fired_at_no_one_are_a_show_of_force(nlp, text, near):
    types = _types(nlp, HEAD + text)
    assert "MOBILIZE" in types and "ASSAULT" not in types
    assert "ASSAULT" in _types(nlp, HEAD + near)


@pytest.mark.parametrize(("text", "near"), [
    ("The commander said the United States does not support forced relocations.",
     "The commander said the United States did not support the relocations on Monday."),
    ("Russia does not recognise the vote, the ministry said.",
     "Russia did not recognise the vote, the ministry said on Monday."),
])
def test_negated_present_is_a_stance(nlp, text, near):
    assert "REJECT" not in _types(nlp, HEAD + text)
    assert "REJECT" in _types(nlp, HEAD + near)


@pytest.mark.parametrize(("text", "etype", "near"), [
    # what protesters demand, oppose or vow is the topic of their protest
    ("The protesters opposed the new pay rules, a union leader said.", "REJECT",
     "The minister opposed the new pay rules, a union leader said."),
    ("The young protesters promised to remain on the streets until the law is repealed.",
     "AGREE", "The minister promised to repeal the law within a month."),
])
def test_what_protesters_say_is_their_protest(nlp, text, etype, near):
    march = "Hundreds of teachers marched through the capital on Monday. "
    assert _types(nlp, march + text) == ["PROTEST"]
    assert etype in _types(nlp, march + near)


def test_approving_a_request_agrees_to_it(nlp):
    types = _types(nlp, HEAD + "In June, the interior minister formally approved an "
                   "extradition request from the United States.")
    assert "AGREE" in types and "SUPPORT" not in types
    assert "SUPPORT" in _types(nlp, HEAD + "The interior minister praised the police.")


def test_a_reward_asks_the_public_for_help(nlp):
    evs = [(e.type, e.mode) for e in counted_events(
        nlp, HEAD + "The city offered a $75,000 reward for information leading to an arrest.")]
    assert ("REQUEST", "assist") in evs and not any(t == "AGREE" for t, _ in evs)


def test_not_being_allowed_is_a_restriction(nlp):
    text = HEAD + "No one except the tenants was allowed on or off the property on Thursday."
    evs = [(e.type, e.mode) for e in counted_events(nlp, text)]
    assert ("COERCE", "restrict") in evs and not any(t == "THREATEN" for t, _ in evs)
    active = _types(nlp, HEAD + "The president said he would not allow the rebels to take "
                    "the city.")
    assert active and "COERCE" not in active  # said, not imposed
