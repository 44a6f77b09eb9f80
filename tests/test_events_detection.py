"""Which events a sentence reports and of which type: criticism without an accusing verb,
words in a sense no event needs, descriptions and generic statements that report no
occurrence.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize("text", [
    "The mayor was sharply critical of the police chief's decision.",
    "Opposition leader Ana Ruiz blasted the interior minister on Tuesday.",
    "The senator lambasted the governor over the budget cuts.",
    "Delegates questioned how the party chairman could break his promise.",
    "The union leader expressed dismay at the wage freeze imposed by the ministry.",
    "The foreign minister raised concerns about the election in Belarus.",
    "Environmental groups railed against the ruling coalition.",
    "Two lawmakers spoke out against the president's nominee.",
    "The crowd booed the prime minister during his speech in Lyon.",
    "Her lawyers are skeptical of the prosecutors' account.",
])
def test_criticism_without_an_accusing_verb(nlp, text):
    assert "ACCUSE" in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    # a trend, a disaster or a policy threatens no one on purpose
    ("The rise in food prices threatens the stability of the region.", "THREATEN"),
    ("Weeks of riots that are threatening the government shook the capital.", "THREATEN"),
    # "help" that brings something about is no aid
    ("The deal helped bridge the gap between the two parties.", "AID"),
    ("The minister said the new rules would help reduce smuggling.", "AID"),
    # seeking to do something is an attempt; a wanted man is sought by police
    ("The governor sought to show that the state could pay its debts.", "REQUEST"),
    ("Two more suspects were being sought by the end of the day.", "REQUEST"),
    # a participle describing a document or people reports no act
    ("Lawsuits seeking the release of the emails were filed by reporters.", "REQUEST"),
    ("Navies patrolling the coast have caught few smugglers.", "MOBILIZE"),
    ("Seeking asylum is not a crime.", "REQUEST"),
    # "must" that asks nothing of anyone
    ("“I must tell you that the talks were difficult,” the envoy said.", "REQUEST"),
    ("“This pandemic must end,” the doctor said.", "REQUEST"),
])
def test_no_event_in_this_sense(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The rebels threatened to attack the town.", "THREATEN"),
    ("Villagers from the Golan Heights threatened a general strike.", "THREATEN"),
    ("Japan helped Laos with a grant of ten million dollars.", "AID"),
    ("The refugees sought asylum in Germany.", "REQUEST"),
    ("The opposition said the government must release the prisoners.", "REQUEST"),
])
def test_still_events(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a claim made insistently is no demand
    ("The ministry insisted it had no knowledge of the raid.", "REQUEST"),
    # justifying one's own record praises no one
    ("The general defended his handling of the operation.", "SUPPORT"),
    # agreeing with a view is no agreement between actors
    ("“I agree with the teachers,” the mayor said.", "AGREE"),
    # withholding a name or an interview refuses no one
    ("A spokesman, who declined to give his name, confirmed the report.", "REJECT"),
    ("The family declined a request for an interview.", "REJECT"),
    # a passive label is a reputation, not a request
    ("The governor has been called the “bulldozer” by his rivals.", "REQUEST"),
    # "on Wednesday" is a time, not whom the council called on
    ("The council called an emergency session on Wednesday.", "REQUEST"),
    # a writer's own recommendation and advice in the passive are not demands
    ("He should be considered armed and dangerous, the sheriff said.", "REQUEST"),
])
def test_not_this_type(nlp, text, absent):
    assert absent not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The defendant pleaded guilty to fraud in a federal court in Ohio.", "SANCTION"),
    ("The Senate majority blocked the release of the report.", "REJECT"),
    ("Riot police blocked the marchers from entering the square.", "COERCE"),
    ("Farmers blocked roads leading to the capital.", "PROTEST"),
    ("“We firmly oppose intimidation by any claimant,” the minister said.", "ACCUSE"),
    ("The envoy said Japan should withdraw its patrol boats.", "REQUEST"),
    ("Russia insisted that Pyongyang stop its missile tests.", "REQUEST"),
])
def test_type_by_who_acts_and_how(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    # the word's own sense decides before negation turns cooperation into a refusal
    ("The police have not released the names of the victims.", "REJECT"),
    ("The agency did not meet the deadline set by Congress.", "REJECT"),
    ("The agency did meet the deadline set by Congress.", "CONSULT"),
    # others' forecast is no one's intention
    ("The two presidents were expected to discuss trade.", "AGREE"),
    # worry about a disease or a warning about illness blames no one
    ("The health minister expressed concern that the outbreak could spread.", "ACCUSE"),
    ("Doctors warned that children are at risk of illness in the camps.", "ACCUSE"),
])
def test_sense_before_negation_and_intent(nlp, text, absent):
    assert absent not in _types(nlp, text)


def test_help_to_someone_is_still_aid(nlp):
    assert "AGREE" in _types(nlp, "Japan said it would help Vietnamese forces build "
                                  "new patrol boats.")


@pytest.mark.parametrize(("text", "etype"), [
    ("The FBI offered a $20,000 reward for information leading to an arrest.", "REQUEST"),
    ("The navy captured 12 pirates off the coast of Somalia.", "COERCE"),
    ("Police recovered two rifles and a handgun from the car.", "COERCE"),
    ("Health officials quarantined the village of Kasa.", "COERCE"),
    ("Egypt forbade its citizens from travelling to Mecca.", "COERCE"),
    ("The minister drew criticism from opposition parties after the vote.", "ACCUSE"),
])
def test_acts_named_by_their_object(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Prosecutors dropped the investigation into the senator last week.", "CONCEDE"),
    ("The charges against the journalists were withdrawn on Monday.", "CONCEDE"),
    ("The officer was found innocent after an appeal.", "CONCEDE"),
    ("The appeals court overruled the district judge's decision.", "REJECT"),
    ("The president scuttled the talks in September.", "REJECT"),
    ("Japan will provide the Philippine coast guard with two patrol vessels.", "AGREE"),
    ("The secretary of state reached out to the senator in 2009.", "CONSULT"),
])
def test_legal_retreats_refusals_and_offers(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("“God forbid we ask the agency anything,” the senator said.", "COERCE"),
    ("The minister has faced criticism for his handling of the floods.", "ACCUSE"),
    ("The star power of the actress helped bridge the divide in the capital.", "AID"),
])
def test_idioms_and_states(nlp, text, absent):
    assert absent not in _types(nlp, text)


@pytest.mark.parametrize(("text", "absent"), [
    ("No one was injured in the blast, police said.", "ASSAULT"),
    ("Nobody was arrested after the march in Lyon.", "COERCE"),
    ("The parties battle to win the December election.", "ASSAULT"),
    ("He fought on the police boxing team for years.", "ASSAULT"),
])
def test_no_one_hurt_and_no_adversary(nlp, text, absent):
    assert absent not in _types(nlp, text)


def test_fighting_an_adversary_is_still_an_attack(nlp):
    assert "ASSAULT" in _types(nlp, "Rebels fought government troops near Goma on Sunday.")
    assert "THREATEN" in _types(nlp, "The rebels vowed to fight until the army withdraws.")


def test_police_account_is_no_criticism(nlp):
    text = "Police said the suspects were dangerous and violent criminals who terrorised the town."
    assert "ACCUSE" not in _types(nlp, text)
    assert "ACCUSE" in _types(nlp, "Senator Maria Lopez said the governor's plan was a "
                                   "disgraceful and dangerous failure.")


def test_offering_details_is_no_offer(nlp):
    assert "AGREE" not in _types(nlp, "Police offered few details about the arrests.")
    assert "REQUEST" in _types(nlp, "Police offered a reward for information about the "
                                    "arrests.")


def test_censure_words_make_a_statement_critical(nlp):
    """Political censure VADER scores neutral: "in clear breach of", "repressive"."""
    text = ("“The missile launch by Iran is in breach of UN resolutions,” the "
            "German foreign minister Anna Weber said.")
    assert "ACCUSE" in _types(nlp, text)
    assert "ACCUSE" not in _types(nlp, "The German foreign minister Anna Weber said the "
                                       "talks with Iran would resume in Vienna.")
