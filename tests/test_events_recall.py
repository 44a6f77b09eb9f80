"""Events the coder used to miss, by pattern: feelings stated about what someone did, verbs
and phrases of the PLOVER types the lexicon lacked, and event nouns that report an event
without a light verb.  Sentences written for these tests; each pattern is paired with near
sentences that must still give no event of the type."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code
from tests.event_helpers import asserted_types as _types


def _events(nlp, text):
    return asserted(code(nlp, text)._.events)


# A feeling about someone's act, stated by the one who has it: first person, or reported
# speech.  spaCy tags many of these words as passive participles ("was disappointed by").
@pytest.mark.parametrize(("text", "etype"), [
    ("“We are deeply disappointed by the ministry's decision,” the mayor said.", "ACCUSE"),
    ("Senator Hale said he was disappointed by the decision of the ministry.", "ACCUSE"),
    ("“We are pleased with the court's ruling,” the company's lawyer said.", "SUPPORT"),
    ("The union said it was encouraged by the governor's offer.", "SUPPORT"),
    ("Norway said it was firmly opposed to the missile test.", "ACCUSE"),
    ("“We are frustrated that the police withheld the video,” the family said.", "ACCUSE"),
    ("The minister said she was angry at the council over the closures.", "ACCUSE"),
    ("“We are not pleased with the council's plan,” the residents' group said.", "ACCUSE"),
])
def test_stated_feelings(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The mayor was pleased to announce a new park on the river.", "SUPPORT"),
    ("Shoppers are outraged that they have to pay more for bread.", "ACCUSE"),
    ("She was encouraged to apply for the post by her teachers.", "SUPPORT"),
    ("The clerk had become frustrated over his exclusion from the meetings.", "ACCUSE"),
    ("An angry crowd gathered outside the station.", "ACCUSE"),
])
def test_moods_the_writer_describes(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_feeling_source_and_target(nlp):
    """The one who feels is the source; what the "by" phrase names is aimed at, not acting."""
    ev = next(e for e in _events(nlp, "Senator Hale said he was disappointed by Germany.")
              if e.type == "ACCUSE")
    assert "Germany" not in [a.text for a in ev.sources]
    assert "Germany" in [a.text for a in ev.targets]


def test_passive_oppose_by_someone_is_a_refusal(nlp):
    types = _types(nlp, "The bill was opposed by the opposition parties in parliament.")
    assert "ACCUSE" not in types


@pytest.mark.parametrize(("text", "etype"), [
    ("The governor threw his support behind Senator Ames on Monday.", "SUPPORT"),
    ("The prime minister cheered on the court's decision.", "SUPPORT"),
    ("The newspaper filed a motion to unseal the court records.", "REQUEST"),
    ("He begged the lawmakers to keep the aid flowing.", "REQUEST"),
    ("The Security Council called an emergency session on Wednesday.", "CONSULT"),
    ("The league called for an emergency meeting of its members.", "REQUEST"),
    ("The candidate was dragged out of the hall by police.", "COERCE"),
    ("The activist was removed from the debate site by police.", "COERCE"),
    ("The opposition leader dragged the police chief to court.", "ACCUSE"),
    ("A nationwide strike paralysed the country on Wednesday.", "PROTEST"),
    ("Police said the suspect's car was searched on Monday.", "COERCE"),
    ("The ministry rejected the accusations as baseless on Tuesday.", "REJECT"),
    ("Beijing rebuts American criticism of its steel exports.", "REJECT"),
])
def test_missing_triggers(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The crowd cheered as the runners crossed the line.", "SUPPORT"),
    ("The senators dragged the chief of police to court.", "COERCE"),
    ("The league called for an emergency meeting of its members.", "CONSULT"),
    ("The storm dragged the boat out to sea.", "COERCE"),
    ("Rescuers searched the collapsed building for survivors.", "COERCE"),
])
def test_missing_triggers_near_misses(nlp, text, etype):
    assert etype not in _types(nlp, text)


# An event noun that names who did it reports an act of its own, not the content of the
# verb it hangs off.
@pytest.mark.parametrize(("text", "etype"), [
    ("The court rejected a request from the opposition to delay the vote.", "REQUEST"),
    ("The court rejected a request from the opposition to delay the vote.", "REJECT"),
    ("At the request of the Kenyan government, the agency sent two doctors.", "REQUEST"),
    ("The trip was followed by a visit from the French foreign minister in May.",
     "CONSULT"),
    ("His remarks came after an endorsement by the party's former leader.", "SUPPORT"),
])
def test_nouns_with_a_named_doer(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The city is preparing for an upcoming visit from the French president.", "CONSULT"),
    ("Requests from members of the public went unanswered for weeks.", "REQUEST"),
    ("The court rejected the request on Monday.", "REQUEST"),
])
def test_nouns_with_a_named_doer_near_misses(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_request_source_is_its_maker(nlp):
    ev = next(e for e in _events(
        nlp, "The Supreme Court rejected a request from Germany to delay the hearing.")
        if e.type == "REQUEST")
    assert [a.text for a in ev.sources] == ["Germany"]


def test_arrest_and_seizure_are_two_acts(nlp):
    """Coercive acts of different kinds in one story are not merged as one mention."""
    text = ("The navy arrested 26 pirates in the Gulf of Aden on Thursday.\n\n"
            "The navy also recovered seven rifles, three speedboats and grenades.")
    modes = sorted(e.mode for e in _events(nlp, text) if e.type == "COERCE")
    assert modes == ["arrest", "seize"]


@pytest.mark.parametrize(("text", "etype"), [
    ("A dissident, a journalist arrested in Minsk in March, was not part of the swap.",
     "COERCE"),
    ("The ambassador resigned in protest at the ruling.", "PROTEST"),
    ("She was detained after chaining herself to a railing in protest.", "PROTEST"),
])
def test_reduced_clauses_that_report(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The militia, backed by Iran, denied the report.", "SUPPORT"),
    ("A journalist arrested in Minsk was not part of the swap.", "COERCE"),
    ("A man in protest gear was seen near the station.", "PROTEST"),
])
def test_reduced_clauses_that_describe(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    # a participle the parser hangs on a verbless sentence's root noun is its predicate
    ("Opposition leader Ana Petrov removed from parliament by police.", "COERCE"),
    # a clause beside a denial ("while ...") is not what is denied
    ("A judge denied the request while state officials conduct a criminal investigation "
     "into the company.", "ACCUSE"),
    ("The minister stressed those worries at a forum in Hanoi on Sunday.", "ACCUSE"),
    ("The committee voted on Thursday to hold the former aide in contempt.", "ACCUSE"),
])
def test_predicates_and_phrases(nlp, text, etype):
    assert etype in _types(nlp, text)


def test_what_is_denied_stays_unasserted(nlp):
    assert "ASSAULT" not in _types(nlp, "The police denied that officers had beaten the men.")


@pytest.mark.parametrize(("text", "etype"), [
    ("The rally was broken up by riot police on Sunday.", "PROTEST"),
    ("The senator was awarded a gold medal during her 2012 visit to Paris.", "CONSULT"),
    ("The senator was awarded a gold medal during her 2012 visit to Paris.", "SUPPORT"),
    ("The aide listened in on President Ruto's July 25 call with the Ghanaian leader.",
     "CONSULT"),
])
def test_past_acts_named_by_nouns(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("Security forces used water cannon to disperse protests across the country.",
     "PROTEST"),
    ("The city is getting ready for the president's visit.", "CONSULT"),
    ("The company was awarded a contract to build the bridge.", "SUPPORT"),
])
def test_past_acts_named_by_nouns_near_misses(nlp, text, etype):
    assert etype not in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("“It is unacceptable that the army cannot keep order,” the opposition leader said.",
     "ACCUSE"),
    ("The ministry said it regrets the decision to close the border crossing.", "ACCUSE"),
])
def test_censure_in_the_speakers_words(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The pitch was unacceptable for a cup final after the storm.", "ACCUSE"),
    ("The company regrets the loss of life in the fire.", "ACCUSE"),
])
def test_censure_near_misses(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_reproach_in_a_second_reported_clause(nlp):
    text = ("The senator said that the deal had costs but that the minister should have "
            "insisted on better terms.")
    assert "ACCUSE" in _types(nlp, text)


def test_reproach_needs_a_speaker(nlp):
    text = ("Analysts think that the deal had costs and that the minister should have "
            "insisted on better terms.")
    assert "ACCUSE" not in _types(nlp, text)


def test_stressing_a_need_asks_for_it(nlp):
    assert "REQUEST" in _types(nlp, "The minister underlined the need for new border rules.")


def test_a_need_described_asks_nothing(nlp):
    assert "REQUEST" not in _types(nlp, "There is a need for new border rules.")


@pytest.mark.parametrize("text", [
    "Hundreds of protesters filled the main square on Saturday.",
    "She and thousands of other demonstrators moved through the capital on Sunday.",
    "Marchers poured into the streets of Lyon after the verdict.",
])
def test_protesters_on_the_move(nlp, text):
    assert "PROTEST" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Hundreds of fans filled the stadium on Saturday.",
    "The family moved to Ohio in 2010.",
])
def test_others_on_the_move(nlp, text):
    assert "PROTEST" not in _types(nlp, text)


def test_criticism_from_a_named_critic(nlp):
    events = _events(nlp, "The ministry dismissed criticism from Berlin of its border policy.")
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and [a.text for a in accuse[0].sources] == ["Berlin"]


def test_a_visit_and_a_summit_are_two_meetings(nlp):
    text = ("The Burmese leader visited the White House on Wednesday.\n\n"
            "Last month she presided over a summit of tribal groups.")
    modes = sorted(e.mode or "" for e in _events(nlp, text) if e.type == "CONSULT")
    assert modes == ["multilateral", "visit"]
