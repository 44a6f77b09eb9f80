"""Mentions that report no single occurrence: descriptions in relative clauses, running
tolls, long-held stances, unspecified parts of a group.  Sentences written for these tests;
each pattern is checked against a close sentence that does report an event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types


@pytest.mark.parametrize(("text", "etype"), [
    # a relative clause in the present perfect describes who someone is
    ("Talks resumed with the rebels, who have refused to disarm since the ceasefire.",
     "REJECT"),
    ("The ministry issued new rules, which the unions have opposed.", "REJECT"),
    ("Aid reached the villagers who have been expelled from the border zone.", "COERCE"),
    # a running toll sums many events
    ("At least 300 civilians have been killed in the province this year.", "ASSAULT"),
    ("More than 500 people have been arrested across the country, the group said.",
     "COERCE"),
    # a long-held stance
    ("Moscow has long supported the government in Damascus.", "SUPPORT"),
    ("The party has long opposed any cut in pensions.", "REJECT"),
    # an unspecified part of a group
    ("Others in the coalition have criticized the budget.", "ACCUSE"),
])
def test_no_single_occurrence(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The rebels refused to disarm on Monday.", "REJECT"),
    ("The unions opposed the new rules at a meeting in Paris.", "REJECT"),
    ("At least 30 civilians were killed in the bombing on Friday.", "ASSAULT"),
    ("Two men have been arrested over the shooting, police said.", "COERCE"),
    ("Moscow supported the resolution in the Security Council on Tuesday.", "SUPPORT"),
    ("The police chief, who was arrested on Monday, denied the charges.", "COERCE"),
])
def test_single_occurrences_stay(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "“We know something is badly wrong when bankers earn more than teachers,” said Dana "
    "Cole, a union leader.",
    "“I completely understand the anger and the terrible frustration of the farmers,” Paul "
    "Meyer said.",
    "“You have refugees without latrines and rain coming, this is a recipe for disaster,” "
    "said aid worker Ana Lopez.",
])
def test_own_view_or_assessment_is_no_criticism(nlp, text):
    assert "ACCUSE" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "“The governor's plan is a disgrace and a terrible betrayal,” Senator Ana Ruiz said.",
    "“They have failed the people of this city,” Mayor Lynn Parker said of the council.",
])
def test_criticism_of_someone_stays(nlp, text):
    assert "ACCUSE" in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype", "other"), [
    ("Riot police used tear gas and water cannons to disperse the protesters in Lyon.",
     "ASSAULT", "COERCE"),
    ("Police dispersed the marchers with batons outside parliament on Sunday.",
     "ASSAULT", "COERCE"),
    ("Police dispersed the marchers outside parliament on Sunday.", "COERCE", "ASSAULT"),
])
def test_crowd_control_weapon_makes_assault(nlp, text, etype, other):
    types = _types(nlp, text)
    assert etype in types and other not in types


def test_relative_clause_with_a_time_anchor_reports_an_event(nlp):
    text = ("The envoy, who has recently held talks with officials in Cairo, is expected to "
            "lead the mission.")
    assert "CONSULT" in _types(nlp, text)


def test_event_noun_that_acted_took_place(nlp):
    assert "PROTEST" in _types(nlp, "A nationwide protest paralysed the capital on Thursday.")
    assert "PROTEST" not in _types(
        nlp, "Officials fear that a nationwide protest could paralyse the capital.")


def test_plural_noun_read_by_its_lemma(nlp):
    # "aides" is no form of "aid"
    assert "AID" not in _types(nlp, "The governor sent two aides to the meeting in Lyon.")


@pytest.mark.parametrize(("text", "etype"), [
    ("Rights groups have expressed concern about the new law.", "ACCUSE"),
    ("The senator has voiced support for the trade deal.", "SUPPORT"),
    ("The campaign released a video mocking the mayor on Tuesday.", "RETREAT"),
    ("The city released only part of the footage of the shooting.", "RETREAT"),
])
def test_stance_held_or_information_published(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Rights groups expressed concern about the new law on Monday.", "ACCUSE"),
    ("The army released some of the prisoners on Friday.", "RETREAT"),
])
def test_stance_voiced_or_people_freed(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The rebels wanted to attack the base, a commander said.", "THREATEN"),
    ("Police hope to arrest the gunman within days.", "COERCE"),
])
def test_a_wish_is_no_announced_plan(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_a_vow_stays_a_threat(nlp):
    assert "THREATEN" in _types(nlp, "The rebels vowed to attack the base, a commander said.")


_STORY = ("Rebels blockade port\n"
          "The rebels blockaded the port of Aden on Monday, officials said. {}\n")


@pytest.mark.parametrize(("sentence", "etype"), [
    ("Iran shares the same enemies as the rebels and funds their campaign.", "COOPERATE"),
    ("The draft resolution calls for an immediate ceasefire across the region.", "REQUEST"),
    ("The government supports efforts to reduce the number of troops in the province.",
     "SUPPORT"),
])
def test_simple_present_in_the_body_states_what_is_so(nlp, sentence, etype):
    assert etype not in _types(nlp, _STORY.format(sentence))


@pytest.mark.parametrize(("sentence", "etype"), [
    ("“We condemn the blockade of the port in the strongest terms,” the minister said.",
     "ACCUSE"),
    ("Observers say the rebels attacked the port without warning on Monday.", "ASSAULT"),
])
def test_performative_and_reported_present_stay(nlp, sentence, etype):
    assert etype in _types(nlp, _STORY.format(sentence))


def test_present_tense_title_reports_an_event(nlp):
    assert "REJECT" in _types(nlp, "Judge rejects request to release files\n"
                                   "A federal judge on Friday turned down the request.\n")


def test_violence_at_a_protest_is_a_riot(nlp):
    text = ("Thousands of students marched through Lyon on Friday against the reform. "
            "Some of them smashed shop windows and set two cars on fire.\n")
    assert "ASSAULT" not in _types(nlp, text) and "PROTEST" in _types(nlp, text)


def test_police_violence_at_a_protest_stays_an_attack(nlp):
    text = ("Thousands of students marched through Lyon on Friday against the reform. "
            "Police beat several marchers with clubs near the town hall.\n")
    assert "ASSAULT" in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("In 2015, the government traded four detainees for a kidnapped journalist.", "RETREAT"),
    ("The rebels swapped two hostages for three of their commanders on Sunday.", "RETREAT"),
    ("The regime conducted its fifth nuclear test on Friday.", "MOBILIZE"),
])
def test_swaps_and_weapons_tests(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_a_test_of_resolve_is_no_weapons_test(nlp):
    assert "MOBILIZE" not in _types(nlp, "The strike was the first test of the government.")


@pytest.mark.parametrize("text", [
    "“This feud is destroying the reputation of the council,” Senator Ana Ruiz said.",
    "“It is destroying our party,” Mayor Lynn Parker told reporters on Monday.",
])
def test_figurative_destruction_is_criticism(nlp, text):
    types = _types(nlp, text)
    assert "ASSAULT" not in types and "ACCUSE" in types


def test_destroying_a_village_is_an_attack(nlp):
    assert "ASSAULT" in _types(nlp, "Militants destroyed the village of Bama on Sunday.")


@pytest.mark.parametrize("text", [
    "Police pepper-sprayed the marchers outside the stadium on Friday.",
    "Officers tear-gassed the crowd in front of parliament.",
])
def test_crowd_control_verbs(nlp, text):
    assert "ASSAULT" in _types(nlp, text)


def test_second_predicate_is_no_content_of_the_first(nlp):
    # the vow stands beside the condemnation; it is not what is condemned
    types = _types(nlp, "The president condemned the bombing and vowed to bring the "
                        "killers to justice.")
    assert "ACCUSE" in types and "THREATEN" in types


def test_future_shared_by_coordinated_verbs(nlp):
    types = _types(nlp, "The prime minister vowed that the gunmen would be found and "
                        "brought to justice.")
    assert "COERCE" not in types and "THREATEN" in types


def test_quoted_warning_of_what_may_happen_is_no_threat(nlp):
    text = "“The economy is slowing and prices will keep rising,” the minister warned."
    assert "THREATEN" not in _types(nlp, text)


def test_quoted_condemnation_is_criticism(nlp):
    text = ("“This corrupt regime is a disgrace and a danger to its own people,” the "
            "senator warned.")
    types = _types(nlp, text)
    assert "THREATEN" not in types and "ACCUSE" in types


def test_quoted_warning_of_own_action_is_a_threat(nlp):
    text = "“We will strike back if they cross the border,” the general warned."
    assert "THREATEN" in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype", "other"), [
    ("Pirates seized a Greek tanker off the coast of Somalia on Monday.", "ASSAULT",
     "COERCE"),
    ("The army seized control of the northern provinces in 2014.", "ASSAULT", "COERCE"),
    ("Customs officers seized two tons of cocaine at the port.", "COERCE", "ASSAULT"),
])
def test_what_is_seized_decides_the_type(nlp, text, etype, other):
    types = _types(nlp, text)
    assert etype in types and other not in types


def test_release_on_bail_frees_no_prisoner(nlp):
    assert "RETREAT" not in _types(nlp, "The suspect was later released on bail.")


@pytest.mark.parametrize(("text", "etype"), [
    ("The senator wants the envoy expelled from the country.", "COERCE"),
    ("Residents hope that the army withdraws from the town.", "RETREAT"),
])
def test_what_is_wished_is_not_done(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype", "other"), [
    ("Senator Ana Ruiz attacked Governor Tom Hale in a speech on Monday.", "ACCUSE",
     "ASSAULT"),
    ("Tom Hale attacked his neighbour with a hammer on Monday, police said.", "ASSAULT",
     "ACCUSE"),
])
def test_a_named_person_attacks_with_words_unless_a_weapon_is_named(nlp, text, etype, other):
    types = _types(nlp, text)
    assert etype in types and other not in types


def test_a_conditional_figure_of_speech_is_no_threat(nlp):
    text = "“If you keep doing that, you destroy the credibility of this council,” he said."
    assert "THREATEN" not in _types(nlp, text)


def test_a_situation_threatens_no_one(nlp):
    text = ("The ministry said the new settlements are illegal and threaten the viability "
            "of a peace deal.")
    assert "THREATEN" not in _types(nlp, text)


def test_no_one_in_particular(nlp):
    assert "COERCE" not in _types(nlp, "Every protester who blocked the road was arrested.")
    text = ("“Any mayor who ignores these warnings is a disgrace and a danger to the "
            "public,” Senator Ana Ruiz said.")
    assert "ACCUSE" not in _types(nlp, text)


def test_a_claim_that_someone_did_wrong_is_an_accusation(nlp):
    types = _types(nlp, "The opposition claimed the police were blocking the vote count.")
    assert "ACCUSE" in types and "PROTEST" not in types and "COERCE" not in types


def test_an_own_account_is_no_accusation(nlp):
    types = _types(nlp, "The rebels claimed they attacked the army base on Sunday.")
    assert "ASSAULT" in types


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("The activist spoke of his fear of being arrested by the secret police.", "COERCE",
     False),
    ("The founder of the party served two terms before being assassinated in 1990.",
     "ASSAULT", False),
    ("The reporter returned home after being detained by police in Cairo.", "COERCE",
     True),
])
def test_passive_gerund_after_a_preposition(nlp, text, etype, expected):
    assert (etype in _types(nlp, text)) is expected


@pytest.mark.parametrize(("text", "etype"), [
    ("The senator criticized the governor for supporting the pipeline.", "SUPPORT"),
    ("Kenya praised Uganda for hosting the peace talks.", "CONSULT"),
])
def test_the_reason_of_a_judgement_is_no_act_told(nlp, text, etype):
    """ "criticized X for supporting": the "for" gerund is what the judgement is about."""
    assert etype not in _types(nlp, text)


def test_the_reason_of_an_arrest_is_an_act_told(nlp):
    assert "ASSAULT" in _types(nlp, "Police arrested the man for attacking a bus driver.")
