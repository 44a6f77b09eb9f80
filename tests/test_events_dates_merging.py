"""Sentence ends at line breaks, event dates from the right clause, and which mentions merge
into one record: sentences written for each pattern, each paired with a near sentence that
must keep today's reading (none taken from evaluation data)."""

from __future__ import annotations

from datetime import date

from eventwire.eval.events import counted
from tests.event_helpers import code

WEDNESDAY = date(2021, 6, 9)


def _doc(nlp, text, published=WEDNESDAY):
    return code(nlp, text, published)


def _counted(nlp, text, etype):
    return [e for e in counted(_doc(nlp, text)._.events) if e.type == etype]


# --------------------------------------------------------------------------- line breaks
def test_headline_url_and_stamp_lines_are_sentences_of_their_own(nlp):
    text = ("http://example.com/2021/06/09/deputy-killed\nDeputy Killed In Shootout\n"
            "June 9, 2021\nA gunman shot a sheriff's deputy in Compton on Friday, police said.")
    sents = [s.text.strip() for s in _doc(nlp, text).sents]
    assert sents == ["http://example.com/2021/06/09/deputy-killed", "Deputy Killed In Shootout",
                     "June 9, 2021",
                     "A gunman shot a sheriff's deputy in Compton on Friday, police said."]


def test_a_line_broken_in_mid_phrase_stays_one_sentence(nlp):
    text = "The mayor said the\nCouncil would vote on the budget next week."
    assert len(list(_doc(nlp, text).sents)) == 1


def test_a_sentence_case_headline_is_apart_from_the_lead(nlp):
    text = ("Anger at report clearing police over death of student\n"
            "Students have reacted with anger to a report on the shooting.")
    assert [s.text.strip()[:5] for s in _doc(nlp, text).sents] == ["Anger", "Stude"]


def test_the_headline_and_the_lead_are_one_record(nlp):
    text = ("Deputy Killed In Shootout\nJune 9, 2021\n"
            "A gunman shot a sheriff's deputy in Compton on Friday, police said.")
    (ev,) = _counted(nlp, text, "ASSAULT")
    assert ev.date == date(2021, 6, 4)
    assert len(ev.field_rules["mentions"].split(";")) == 2


# --------------------------------------------------------------------------- dates
def _times(nlp, text):
    return {t.text: t.date_start for t in _doc(nlp, text)._.times}


def test_a_plan_told_in_the_past_was_for_a_day_gone_by(nlp):
    got = _times(nlp, "As the senator prepared to speak in Ohio on Tuesday, a woman was "
                      "attacked outside the hall, police said.")
    assert got["Tuesday"] == date(2021, 6, 8)
    got = _times(nlp, "The senator was expected to announce his bid on Monday.")
    assert got["Monday"] == date(2021, 6, 7)


def test_a_plan_told_in_the_present_is_still_ahead(nlp):
    got = _times(nlp, "The senator is preparing to speak in Ohio on Tuesday.")
    assert got["Tuesday"] == date(2021, 6, 15)
    got = _times(nlp, "The senator is expected to announce his bid on Monday.")
    assert got["Monday"] == date(2021, 6, 14)


def test_the_day_an_act_was_reported_does_not_date_an_act_told_before_it(nlp):
    (ev,) = _counted(nlp, "Before he was shot, the deputy was looking for a burglary "
                          "suspect, officials said Saturday.", "ASSAULT")
    assert ev.date is None
    (ev,) = _counted(nlp, "The deputy was shot on Saturday, officials said.", "ASSAULT")
    assert ev.date == date(2021, 6, 5)


def test_a_statement_keeps_the_day_it_was_made(nlp):
    evs = [e for e in counted(_doc(nlp, "The governor on Monday accused the rebels of "
                                        "shelling the town.")._.events) if e.type == "ACCUSE"]
    assert evs and evs[0].date == date(2021, 6, 7)


def test_a_period_is_no_date_of_an_event(nlp):
    text = ("Thousands of teachers rallied in Indianapolis on Tuesday.\n\n"
            "The rally was the biggest teacher protest amid a wave of strikes over the past "
            "two years.")
    evs = _counted(nlp, text, "PROTEST")
    assert evs and all(e.date == date(2021, 6, 8) for e in evs)


def test_a_day_in_quoted_words_is_not_the_narrations(nlp):
    text = ("Protesters marched in Brooklyn on Tuesday night.\n\n"
            "Dozens chanted “how many kids did you kill today” as they marched along Church "
            "Avenue.")
    evs = _counted(nlp, text, "PROTEST")
    assert evs and all(e.date == date(2021, 6, 8) for e in evs)


def test_a_day_outside_a_quote_still_dates_the_act(nlp):
    text = "Dozens marched along Church Avenue today, chanting “no justice, no peace.”"
    evs = _counted(nlp, text, "PROTEST")
    assert evs and evs[0].date == WEDNESDAY


# --------------------------------------------------------------------------- merging
def test_an_arrest_and_a_seizure_in_one_raid_are_two_records(nlp):
    text = ("The navy arrested 12 pirates in the Gulf of Aden on Saturday.\n\n"
            "The navy also recovered six rifles and two speedboats.")
    assert sorted(e.mode for e in _counted(nlp, text, "COERCE")) == ["arrest", "seize"]


def test_an_arrest_told_twice_is_one_record(nlp):
    text = ("Police arrested two men in Dayton on Friday.\n\n"
            "The men were arrested near the bus station, police said.")
    assert len(_counted(nlp, text, "COERCE")) == 1


def test_an_older_shooting_told_as_background_is_another_record(nlp):
    text = ("A police officer has been shot dead in Lakewood.\n\n"
            "Last year, he won a medal for bravery after he shot a carjacker.")
    evs = _counted(nlp, text, "ASSAULT")
    assert len(evs) == 2
    assert evs[0].date is None and evs[0].dead == 1


def test_the_same_shooting_told_again_is_one_record(nlp):
    text = ("A police officer has been shot dead in Lakewood.\n\n"
            "The officer was shot in the head, police said.")
    assert len(_counted(nlp, text, "ASSAULT")) == 1


# --------------------------------------------------------------------------- counts
def test_a_victim_misread_as_the_object_of_the_reporting_verb_is_counted(nlp):
    text = ("Students reacted with anger to an inquiry which found a student whose death "
            "sparked protests across the country was killed by a ricochet.")
    evs = [e for e in _counted(nlp, text, "ASSAULT") if e.trigger == "killed"]
    assert evs and evs[0].dead == 1


def test_two_single_deaths_years_apart_are_two_records(nlp):
    text = ("A student was killed by a police bullet in Athens.\n\n"
            "Protesters recalled that in 1985 a teenager was killed by a police officer.")
    evs = _counted(nlp, text, "ASSAULT")
    assert len(evs) == 2 and [e.dead for e in evs] == [1, 1]


# --------------------------------------------------------------------------- sides
def test_a_passive_clause_does_not_take_the_subject_of_the_clause_above_as_its_agent(nlp):
    text = "Neighbours say the teenager pointed a gun at officers when he was shot."
    evs = [e for e in _counted(nlp, text, "ASSAULT") if e.trigger == "shot"]
    assert evs and not any("teenager" in a.text for a in evs[0].sources)


def test_an_active_clause_with_no_subject_still_takes_the_controllers(nlp):
    text = "The gunman fled the bank, shooting two guards."
    evs = [e for e in _counted(nlp, text, "ASSAULT") if e.trigger == "shooting"]
    assert evs and [a.text for a in evs[0].sources] == ["gunman"]


def test_a_day_only_a_later_mention_states_is_no_reference_time(nlp):
    text = ("Protesters clashed with police in Brooklyn on Tuesday after a teenager was shot.\n\n"
            "Men and women were pepper-sprayed and thrown to the ground.\n\n"
            "Witnesses said the teenager pointed a gun at officers when he was shot on "
            "Saturday night.")
    sprayed = [e for e in _counted(nlp, text, "ASSAULT") if e.trigger == "sprayed"]
    assert sprayed and sprayed[0].date == date(2021, 6, 8)


def _sources(nlp, text, etype):
    evs = _counted(nlp, text, etype)
    return [(a.text, a.country) for e in evs for a in e.sources]


def test_a_pronoun_in_a_clause_that_opens_the_sentence_is_its_main_subject(nlp):
    text = ("While he refused to release the smugglers, President Macron freed two "
            "fishermen.")
    assert [c for _, c in _sources(nlp, text, "REJECT")] == ["FRA"]


def test_a_pronoun_takes_the_one_person_named_just_before(nlp):
    text = ("Canadian Prime Minister Justin Trudeau met the families on Monday.\n\n"
            "He urged Beijing to free the two men.")
    assert [c for _, c in _sources(nlp, text, "REQUEST")] == ["CAN"]


def test_a_pronoun_after_two_people_stays_open(nlp):
    text = ("Canadian Prime Minister Justin Trudeau met French President Emmanuel Macron "
            "on Monday.\n\nHe urged Beijing to free the two men.")
    assert _sources(nlp, text, "REQUEST") in ([], [("He", None)])


def test_a_nationality_in_apposition_is_the_persons_country(nlp):
    evs = _counted(nlp, "Police arrested Mr. Smith, a Canadian citizen, in Beijing on "
                        "Thursday.", "COERCE")
    assert evs and [a.country for a in evs[0].targets] == ["CAN"]
    evs = _counted(nlp, "Police arrested Mr. Smith, a businessman, in Beijing on Thursday.",
                   "COERCE")
    assert evs and "CAN" not in [a.country for a in evs[0].targets]


def test_an_act_still_to_come_is_no_reference_time(nlp):
    text = ("The Burmese leader met President Biden at the White House on Wednesday.\n\n"
            "She will visit Congress on Thursday.\n\n"
            "After the meeting, President Biden praised her courage.")
    doc = _doc(nlp, text, published=date(2021, 6, 11))
    later = [e for e in counted(doc._.events) if e.sentence_start >= text.index("After")]
    assert later and all(e.date in (None, date(2021, 6, 9)) for e in later)
