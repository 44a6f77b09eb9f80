"""Mentions that are no event of their own: what a modal or a wish governs, conditional
"would", a reputation ("has been accused of"), what someone is kept from doing, a reporting
verb with no one in particular as subject, and the present tense outside the headline of a
text with no line breaks.  Sentences written for these tests; each pattern is paired with a
close sentence that does report an event."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types

# A headline first: a text's first sentence reports past events in the present.
HEAD = "Court ruling angers activists across the country after weeks of debate. "


@pytest.mark.parametrize(("text", "etype", "near"), [
    # under a modal or a wish, however deep
    ("The mayor said the council should direct the money toward helping the families of "
     "the victims.", "AID",
     "The mayor said the council directed the money toward helping the families of the "
     "victims."),
    ("The union leader told the teachers that the state should direct money from its "
     "large cash reserves toward helping the schools.", "AID",
     "The union leader told the teachers that the state directed money from its large "
     "cash reserves toward helping the schools."),
    # a mandative subjunctive: what is required
    ("Free speech carries with it the responsibility that citizens not make threats "
     "against lawmakers, the judge said.", "THREATEN",
     "The judge said the citizens made threats against lawmakers on Monday."),
    # a passive gerund coordinated with a description shares it
    ("\"In the capital, we had 565 shops suffering serious damage or being completely "
     "destroyed,\" the union said.", "ASSAULT",
     "The union said an armed gang completely destroyed 565 shops on Monday."),
    ("Students said they hoped to see the police chief arrested and the officers punished.",
     "COERCE",
     "Students said the police chief was arrested and the officers punished."),
    # what is needed (even where the parser reads a purpose clause)
    ("The senator believed the ministry needed to investigate the bank.", "ACCUSE",
     "The senator said the ministry began to investigate the bank."),
    # a conjunct shares its infinitive: needed, not done (unless managed)
    ("The mayor said the city needs to repair the roads and help the flood victims.", "AID",
     "The mayor said the city managed to repair the roads and help the flood victims."),
    # "would" in the perfect, hedged, or describing someone
    ("He said he would have opposed the plan had he known about it.", "REJECT",
     "He said he opposed the plan when he learned about it in May."),
    ("The ministry said the move would likely heighten tensions in the region.", "REJECT",
     "The ministry said the move would heighten tensions in the region."),
    # a reputation: a perfect passive with no one named and no time
    ("The company has been accused of polluting the river.", "ACCUSE",
     "The company was accused on Monday of polluting the river."),
    ("The company has been accused of polluting the river.", "ACCUSE",
     "The company has been accused by the environment minister of polluting the river."),
    ("The mayor has been widely criticized for the delays.", "ACCUSE",
     "The mayor was criticized for the delays at a council meeting on Monday."),
    # kept from happening
    ("The army kept the rebels from attacking the town.", "ASSAULT",
     "The rebels attacked the town after the army withdrew."),
    # a kind, not someone in particular, in the present perfect with no occasion
    ("A nurse said politicians have condemned the hospital reforms.", "ACCUSE",
     "A nurse said the health minister has condemned the hospital reforms."),
    ("Nurses have protested the new rules.", "PROTEST",
     "Three hundred workers have protested the new rules."),
    ("Nurses have protested the new rules.", "PROTEST",
     "The striking nurses have protested the new rules outside parliament."),
    ("Shop owners have accused the police of failing to protect their stores.", "ACCUSE",
     "Shop owners have accused the police of failing to protect their stores as looters "
     "smashed windows."),
    # events set apart from the story's own, or done by everyone
    ("Other teacher protests were held last year in Ohio and Texas.", "PROTEST",
     "Teacher protests were held on Monday in Ohio and Texas."),
    ("Foreign ministers almost universally condemned the missile test.", "ACCUSE",
     "Foreign ministers condemned the missile test on Monday."),
    # a maxim demands nothing of anyone in particular
    ('"Responsible leaders must come together to end this crisis," the minister said.',
     "REQUEST",
     '"The rebel leaders must come together to end this crisis," the minister said.'),
    # no one in particular says so
    ("People disagree about whether the embargo on the country will work.", "ACCUSE",
     "Senator Alma Reyes disagrees, saying the embargo has failed."),
])
def test_no_event_of_its_own(nlp, text, etype, near):
    assert etype not in _types(nlp, HEAD + text)
    assert etype in _types(nlp, HEAD + near)


def test_headline_is_at_most_the_first_sentence(nlp):
    """With no line breaks, only the first sentence reads as a title: a charter that "calls
    for" a vote in the body states what it says, while the title's present tense reports."""
    body = "The new charter calls for a referendum on the border within a year."
    assert "REQUEST" not in _types(nlp, HEAD + body)
    assert "REQUEST" in _types(nlp, "Minister calls for referendum on border. " + body)


@pytest.mark.parametrize(("text", "threat"), [
    ("A local newspaper warned that farmers would rise up if prices kept falling.", False),
    ("The army warned that the rebels would pay a heavy price if they attacked again.",
     True),
])
def test_conditional_warning_is_a_threat_only_of_a_penalty(nlp, text, threat):
    assert ("THREATEN" in _types(nlp, HEAD + text)) is threat


@pytest.mark.parametrize(("text", "near"), [
    # a first-person view: the charge, if any, is in what the speaker knows or feels
    ('"We know something is badly wrong in this country," said union leader Dana Cole.',
     '"We know the government has betrayed the farmers," said union leader Dana Cole.'),
    ('"I fully understand the anger and the terrible frustration of the Irish farmers," '
     'Paul Meyer said.',
     '"The government has betrayed the Irish farmers and their terrible frustration," '
     'Paul Meyer said.'),
    # an estimate is no charge
    ('"The collapse of the Irish banks is arguably the worst threat to the farmers," Paul '
     'Meyer said.',
     '"The reckless Irish banks are the worst threat to the farmers," Paul Meyer said.'),
])
def test_critical_statement_needs_a_charge(nlp, text, near):
    assert "ACCUSE" not in _types(nlp, HEAD + text)
    assert "ACCUSE" in _types(nlp, HEAD + near)


def test_free_relative_under_a_modal_is_still_said(nlp):
    """ "what he called ..." is a label the speaker did pin, whatever the clause around it."""
    text = ("The minister said the country should train the coast guard to deal with what he "
            "called dangerous and reckless provocations by China.")
    assert "ACCUSE" in _types(nlp, HEAD + text)


def test_statement_whose_content_is_no_event_is_the_speakers_charge(nlp):
    """What is said holds only a held stance: the statement itself is the event (ACCUSE by
    the speaker); when it reports an act as done, that act is the event; a forecast ("could
    lead to") charges no one."""
    said = ('"The government has long refused to help the farmers, and its disgraceful neglect '
            'has ruined them," said Mayor Ana Ruiz.')
    done = ('"The government refused to help the farmers last year, and its disgraceful '
            'neglect has ruined them," said Mayor Ana Ruiz.')
    forecast = ('"A withdrawal of the peacekeepers could lead to disgraceful massacres by the '
                'rebels," the foreign minister said.')
    assert _types(nlp, HEAD + said) == ["ACCUSE"]
    assert _types(nlp, HEAD + done) == ["REJECT"]
    assert _types(nlp, HEAD + forecast) == []


@pytest.mark.parametrize(("text", "sense"), [
    # both sides get the story's country by default: a warning about "migrants" is still a
    # forecast, one about the speaker's own named government still its own act
    ("American doctors warned that the migrants in the camps are not the only people at "
     "risk of illness.", "statement"),
    ("The American government warned that the American army will close the border "
     "crossings.", None),
    ("The interior minister has warned that police will no longer tolerate rallies by "
     "students.", None),
])
def test_warning_about_own_country_needs_a_named_actor(nlp, text, sense):
    from eventwire.events.statements import warning_sense

    doc = nlp(text)
    warn = next(t for t in doc if t.lemma_ == "warn")
    assert warning_sense(warn, lambda tok: "USA") == sense


@pytest.mark.parametrize(("text", "demand"), [
    ("The union leader said the strike showed the need for higher wages for nurses.", True),
    ("The union leader said there was no need for a strike by the nurses.", False),
])
def test_a_stated_need_is_a_request(nlp, text, demand):
    """Saying that something is needed calls for it (PLOVER REQUEST), not "no need for"."""
    assert ("REQUEST" in _types(nlp, HEAD + text)) is demand


@pytest.mark.parametrize(("text", "etype"), [
    ("The foreign minister called the new law a clear threat to peace and security in the "
     "region.", "ACCUSE"),
    ("The foreign minister called the new law a clear victory for peace and security in the "
     "region.", "SUPPORT"),
])
def test_a_label_that_names_a_harm_condemns(nlp, text, etype):
    """Kind words after "a threat to ..." do not make the label praise."""
    assert _types(nlp, HEAD + text) == [etype]
