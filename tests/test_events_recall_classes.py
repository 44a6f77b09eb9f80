"""Recall classes of event mentions the coder used to miss: event nouns told as taking
place (an existential "there was", a relative clause of occurrence, an attempt that was
thwarted).  Sentences written for these tests, each beside a near sentence that must give
no such event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code
from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize(("text", "etype"), [
    ("Officers said there was one arrest after the march in the old town.", "COERCE"),
    ("Residents said there were clashes near the stadium on Friday night.", "ASSAULT"),
    ("The mayor spoke about blasts that went off near a market in the port city.", "ASSAULT"),
    ("The unrest recalled the 1998 riots, which broke out after a student was shot.",
     "PROTEST"),
    ("A coast guard cutter thwarted an attack on a tanker off the coast on Sunday.",
     "ASSAULT"),
])
def test_event_nouns_told_as_taking_place(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Officers said there were no arrests after the march in the old town.", "COERCE"),
    ("Officials said there have been talks at the ministry about the sites.", "CONSULT"),
    ("The mayor spoke about blasts that were heard across the port city.", "ASSAULT"),
    ("He has taken a hard line since the attacks, which occurred last year.", "ASSAULT"),
    ("The coast guard studied an attack on a tanker off the coast.", "ASSAULT"),
])
def test_event_nouns_not_told_as_taking_place(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The coastguard sank a smugglers' boat near the island on Tuesday.", "ASSAULT"),
    ("The regime fired two ballistic missiles into the ocean on Sunday.", "MOBILIZE"),
    ("Gunmen commandeered a ferry in the strait on Monday.", "ASSAULT"),
    ("The European Union lifted sanctions on Belarus on Friday.", "CONCEDE"),
    ("Moscow warned Kyiv to stop the shelling of the border towns.", "REQUEST"),
    ("The president dispatched an envoy to Caracas on Thursday.", "CONSULT"),
])
def test_verb_classes(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The ferry sank near the island on Tuesday.", "ASSAULT"),          # no one sank it
    ("The regime fired two missiles at the town on Sunday.", "MOBILIZE"),  # an attack
    ("The European Union lifted sanctions on Belarus on Friday.", "RETREAT"),
    ("Moscow warned that it would respond to any shelling.", "REQUEST"),  # a warning
])
def test_verb_classes_in_other_frames(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_launch_at_a_target_stays_an_attack(nlp):
    assert "ASSAULT" in _types(nlp, "The regime fired two missiles at the town on Sunday.")


def test_document_clause_is_its_issuers_act(nlp):
    """ "issued a statement condemning X": the condemnation is the ministry's act, told as
    done by "issued"; a document no one is said to issue here reports no act."""
    doc = code(nlp, "The foreign ministry of Peru issued a statement condemning the raid on "
                    "Monday.")
    acts = [e for e in asserted(doc._.events) if e.type == "ACCUSE"]
    assert acts and acts[0].sources and acts[0].sources[0].country == "PER"
    assert "ACCUSE" not in _types(nlp, "A report describing the raid was read by many.")
    assert "REJECT" in _types(nlp, "Lawyers for the senator filed papers opposing the request.")


@pytest.mark.parametrize(("text", "etype"), [
    ("Soldiers at the checkpoint fired on Tuesday as the car sped away.", "ASSAULT"),
    ("Students held a candlelit vigil outside the ministry on Friday.", "PROTEST"),
    ("Police launched a manhunt for the driver on Sunday.", "MOBILIZE"),
    ("The Red Cross delivered medicine to the besieged town on Monday.", "AID"),
])
def test_more_verb_and_noun_classes(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The company fired its chief executive on Tuesday.", "ASSAULT"),   # dismissed
    ("The courier delivered the letters to the town on Monday.", "AID"),  # no relief goods
])
def test_more_classes_in_other_senses(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_arrest_and_seizure_in_one_sentence_are_two_acts(nlp):
    types = _types(nlp, "The navy on Thursday apprehended 12 smugglers and confiscated "
                        "their weapons off the coast.")
    assert types.count("COERCE") == 2


@pytest.mark.parametrize(("text", "etype"), [
    # the noun a relative clause hangs on is its verb's object
    ("Officials lifted a curfew the army imposed on Thursday.", "COERCE"),
    ("The envoy urged Pyongyang to return to talks it abandoned in 2009.", "SANCTION"),
    ("The opposition walked out of the talks on Monday.", "SANCTION"),
])
def test_object_relatives_and_walkouts(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Officials discussed a curfew that residents feared.", "COERCE"),
    ("The rebels abandoned the town on Monday.", "SANCTION"),
])
def test_no_object_relative_or_talks(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The union appealed the ruling to the supreme court on Monday.", "ACCUSE"),
    ("The tribe challenged the permit rule in federal court last year.", "ACCUSE"),
])
def test_legal_challenges_are_accusations(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_an_appeal_for_calm_stays_a_request(nlp):
    assert _types(nlp, "The bishop appealed for calm on Sunday.") == ["REQUEST"]


def test_a_vow_is_a_promise_and_a_vow_of_force_a_threat(nlp):
    assert "AGREE" in _types(nlp, "The minister vowed on Friday to remain a partner of the "
                                  "region for decades.")
    assert "THREATEN" in _types(nlp, "The minister vowed on Friday to attack the rebel bases.")


def test_wanting_others_punished_is_a_demand(nlp):
    assert _types(nlp, "The senator wants the general arrested.") == ["REQUEST"]
    assert "REQUEST" not in _types(nlp, "The minister wants to visit Kabul next week.")


@pytest.mark.parametrize(("text", "etype"), [
    ("Militiamen razed the village and ransacked the clinic on Sunday.", "ASSAULT"),
    ("Riot police quelled the protest outside the palace on Friday.", "COERCE"),
    ("Officers nabbed the suspect at the airport on Monday.", "COERCE"),
    ("Two gangs fought a gunbattle in the market on Sunday, and police joined the "
     "shootout.", "ASSAULT"),
])
def test_cameo_force_classes(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_quelling_fears_is_no_coercion(nlp):
    assert "COERCE" not in _types(nlp, "The minister quelled fears about the budget.")


def test_counting_on_someone_to_act_is_a_demand(nlp):
    assert "REQUEST" in _types(nlp, "The minister said: I count on the council to act.")
    assert "REQUEST" not in _types(nlp, "Farmers count on the rain for their harvest.")


def test_coordinated_acts_on_their_own_objects_are_two(nlp):
    types = _types(nlp, "The regime on Monday tested a nuclear device and launched a "
                        "rocket into space.")
    assert types.count("MOBILIZE") == 2
    types = _types(nlp, "Police on Monday detained and questioned a man in the city.")
    assert types.count("COERCE") <= 1


def test_a_survived_attack_took_place(nlp):
    assert "ASSAULT" in _types(nlp, "The governor survived an attack on his convoy on Monday.")
    assert "ASSAULT" not in _types(nlp, "The governor discussed an attack on his convoy.")


@pytest.mark.parametrize(("text", "etype"), [
    ("The finance minister defended the government's spending plans on Monday.", "REJECT"),
    ("The interior minister defended the police's actions during the march.", "REJECT"),
    ("The health ministry defended its handling of the outbreak in a statement.", "REJECT"),
])
def test_defending_own_acts_is_reject(nlp, text, etype):
    types = _types(nlp, text)
    assert etype in types and "SUPPORT" not in types


def test_defending_people_stays_support(nlp):
    types = _types(nlp, "The prime minister defended the rights of the minority in a speech.")
    assert "SUPPORT" in types and "REJECT" not in types


@pytest.mark.parametrize("text", [
    "The senator said it was time to end the embargo on the island.",
    "The minister said it is time to lift the ban on fishing in the bay.",
    "The envoy spoke in Geneva, emphasizing it was time to scrap the tariffs.",
])
def test_time_to_change_is_a_demand(nlp, text):
    assert "REQUEST" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "It was time to go home, the coach said after the match.",
    "Many readers wondered whether it was time to end the embargo.",
    "It is time to end the embargo on the island.",
])
def test_time_to_without_a_demand(nlp, text):
    assert "REQUEST" not in _types(nlp, text)
