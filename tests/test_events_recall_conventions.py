"""Events the coding conventions ask for and the coder used to miss: both releases of a
prisoner swap, formal charges told in the perfect, a statement made repeatedly, talks with
someone, naming the main suspect, police answering a crowd with tear gas.
Sentences written for these tests; each pattern is paired with near sentences that must
not give the event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types
from tests.event_helpers import counted_events


@pytest.mark.parametrize("text", [
    "The government swapped four prisoners for two soldiers held by the rebels.",
    "The president freed five detainees in exchange for a journalist held by the militia.",
    "In 2009, Norway freed 40 prisoners for a pilot who had been held by the rebels.",
    "In 2010, the government swapped six agents arrested in Paris for two Britons held by "
    "Moscow for their ties to the West.",
])
def test_swap_is_one_release_per_side(nlp, text):
    assert _types(nlp, text).count("RETREAT") == 2


@pytest.mark.parametrize("text", [
    "The court freed the man for lack of evidence.",
    "The police released him for two days.",
    "The army released two men arrested for theft.",
])
def test_release_for_a_reason_is_one_release(nlp, text):
    assert _types(nlp, text).count("RETREAT") == 1


@pytest.mark.parametrize("text", [
    "A 30-year-old man has been charged with murder, police said.",
    "The man, who has been charged with arson, appeared in court on Monday.",
    "The mayor has been indicted on fraud charges.",
    "Trump repeatedly accused the senator of lying.",
])
def test_single_accusation_stays(nlp, text):
    assert "ACCUSE" in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The minister has been accused of lying to parliament.", "ACCUSE"),  # a reputation
    ("The senator, who has been criticized for his remarks, resigned.", "ACCUSE"),
    ("The army repeatedly shelled the town.", "ASSAULT"),  # many acts, not one
])
def test_reputations_and_repeated_acts_stay_out(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The senator said he had spoken to the secretary about the raids.",
    "The minister spoke with his French counterpart on Friday.",
])
def test_calls_and_talks(nlp, text):
    assert "CONSULT" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The minister spoke to reporters on Friday.",
    "The general spoke to the BBC on Tuesday.",
    "The mayor spoke with The Des Moines Register editorial board on Monday.",
])
def test_no_one_consulted(nlp, text):
    assert "CONSULT" not in _types(nlp, text)


def test_main_suspect_is_an_allegation(nlp):
    assert "ACCUSE" in _types(nlp, "Mark Lane is now the main suspect in the killing of the "
                                    "shopkeeper, police said.")


@pytest.mark.parametrize("text", [
    "The suspect is a 30-year-old man from the town.",
    "Lane is not a suspect in the case, police said.",
])
def test_suspect_as_a_word_is_no_allegation(nlp, text):
    assert "ACCUSE" not in _types(nlp, text)


def test_police_responding_with_tear_gas(nlp):
    evs = counted_events(nlp, "Thousands of strikers marched through the capital and masked "
                              "youths clashed with police, who responded with tear gas.")
    assert any(e.type == "ASSAULT" and e.mode == "crowd-control" for e in evs)
    assert "ASSAULT" not in _types(nlp, "The minister responded with a statement.")


@pytest.mark.parametrize("text", [
    "Police offered $5,000 for information leading to an arrest.",
    "The sheriff urged anyone with information to call detectives.",
    "Police appealed to the public for help in finding the gunman.",
])
def test_appeals_for_information_ask_for_help(nlp, text):
    evs = counted_events(nlp, text)
    assert any(e.type == "REQUEST" and e.mode == "assist" for e in evs)


def test_money_offered_to_someone_is_no_appeal(nlp):
    evs = counted_events(nlp, "The bank offered $5,000 to each family.")
    assert not any(e.type == "REQUEST" for e in evs)


@pytest.mark.parametrize(("text", "n"), [
    # two marches in two towns, a march and the riot beside it: separate events
    ("About 1,000 people attended a peaceful demonstration in Athens and another 1,000 "
     "demonstrated in Thessaloniki.", 2),
    ("In the main square, where 10,000 gathered for a demonstration, youths smashed shop "
     "windows and rioted.", 2),
    # what a strike is held to protest is its topic, not a second protest
    ("Dock workers held a national strike on Tuesday to protest pension cuts.", 1),
])
def test_protests_of_one_sentence(nlp, text, n):
    assert _types(nlp, text).count("PROTEST") == n


@pytest.mark.parametrize(("text", "etype"), [
    ("A federal court ruled against the state's voter purge on Friday.", "SANCTION"),
    ("A federal judge found the law unconstitutional on Monday.", "SANCTION"),
    ("The judge ruled against the motion to delay the trial.", "REJECT"),
    ("Two teenagers slit the throat of a priest in the church.", "ASSAULT"),
    ("A man drove a truck into a crowd celebrating the holiday.", "ASSAULT"),
    ("Guards left their posts as the clashes worsened.", "RETREAT"),
])
def test_phrases_of_the_types(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The judge ruled against the motion to delay the trial.", "SANCTION"),
    ("The cook cut the bread for the guests.", "ASSAULT"),
    ("The bus drove into the city centre.", "ASSAULT"),
    ("The minister left the building after the meeting.", "RETREAT"),
])
def test_near_phrases_give_no_such_event(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_censure_in_a_quote_of_several_sentences(nlp):
    text = ("“It is unacceptable that the government cannot keep order in the capital. The "
            "police stood by and watched,” said opposition leader Ana Ruiz.")
    assert "ACCUSE" in _types(nlp, text)
    assert "ACCUSE" not in _types(
        nlp, "It is unacceptable that the government cannot keep order in the capital.")


def test_swap_for_some_of_a_group(nlp):
    text = "The rebels swapped two hostages for three of their commanders held by the army."
    assert _types(nlp, text).count("RETREAT") == 2


def test_investigators_of_one_matter_report_an_investigation(nlp):
    assert "ACCUSE" in _types(nlp, "Prosecutors investigating the attack have determined "
                                   "that the gunman did not act alone.")
    assert "ACCUSE" not in _types(nlp, "Officers investigating crimes in the city need more "
                                       "training.")


def test_refusal_told_as_under_way(nlp):
    assert "REJECT" in _types(nlp, "Opposition conservatives are refusing to support the bill.")


@pytest.mark.parametrize(("text", "etype"), [
    ("The Commerce Department this year began putting heavy tariffs on Chinese steel makers.",
     "SANCTION"),
    ("The city put a midnight curfew in place on Thursday.", "COERCE"),
    ("The mayor declared a curfew after the riots.", "COERCE"),
])
def test_measures_put_in_place(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_putting_things_in_place_is_no_measure(nlp):
    assert not {"SANCTION", "COERCE"} & set(_types(nlp, "The workers put new signs in place."))


@pytest.mark.parametrize("text", [
    "Six protesters were arrested on charges of disorderly conduct and trespass.",
    "Police detained two men on suspicion of murder on Friday.",
])
def test_arrest_on_charges_is_an_arrest_and_an_accusation(nlp, text):
    types = _types(nlp, text)
    assert "COERCE" in types and "ACCUSE" in types


@pytest.mark.parametrize("text", [
    "Police arrested two men on Friday.",
    "The men were arrested on Monday and released on bail.",
])
def test_arrest_alone_is_no_accusation(nlp, text):
    assert "ACCUSE" not in _types(nlp, text)


def test_punch_is_an_assault(nlp):
    assert "ASSAULT" in _types(nlp, "A man punched a police officer outside the bar.")
    assert "ASSAULT" not in _types(nlp, "The team kicked off the season with a win.")


@pytest.mark.parametrize("text", [
    "The minister said the government would not abandon its reform plans.",
    "The lawmakers failed to answer the summons.",
    "The company did not comply with the court order.",
    "The rebels ignored the ultimatum.",
])
def test_explicit_refusals(nlp, text):
    assert "REJECT" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The villagers abandoned their homes.",
    "The lawmakers answered the summons on Monday.",
    "The company complied with the order.",
    "Police failed to arrest the gunman.",
])
def test_no_refusal(nlp, text):
    assert "REJECT" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "agree"), [
    ("“We remain open to credible talks on the nuclear issue,” the minister said.", True),
    ("The government said it was open to dialogue with the rebels.", True),
    ("The museum is open to visitors on Sundays.", False),
    ("The talks remain open to all parties.", False),
])
def test_openness_to_talks_offers_them(nlp, text, agree):
    assert ("AGREE" in _types(nlp, text)) is agree


def test_the_holder_releases_the_one_given_back(nlp):
    evs = [e for e in counted_events(nlp, "In 2009, Norway freed 40 prisoners for a pilot who "
                                          "had been held by the Taliban.")
           if e.type == "RETREAT"]
    back = [e for e in evs if e.trigger == "pilot"]
    assert len(evs) == 2 and len(back) == 1
    assert [a.text for a in back[0].sources] == ["Taliban"]
    assert [a.text for a in back[0].targets] == ["a pilot"]
