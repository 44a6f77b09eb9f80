"""Factuality, senses, within-article resolution and context arguments, on sentences written
for each pattern (none taken from evaluation data)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.eval.events import counted
from tests.event_helpers import code


def _events(nlp, text, published=date(2021, 6, 10)):
    return text, code(nlp, text, published)._.events


def _of(text, events, words, only_counted=True):
    evs = counted(events) if only_counted else events
    return [e for e in evs if words in text[e.sentence_start:e.sentence_end]]


# --------------------------------------------------------------------------- factuality
@pytest.mark.parametrize("sentence", [
    "The minister said Azerbaijan should release the detained journalists.",
    "Rebels could attack the convoy on the northern road.",
    "Police may arrest the organisers of the rally.",
])
def test_modal_and_recommended_events_are_not_counted(nlp, sentence):
    text, evs = _events(nlp, sentence)
    inner = [e for e in evs if e.type in ("RETREAT", "ASSAULT", "COERCE")]
    assert all(not counted([e]) for e in inner)
    assert {e.field_rules.get("factuality") for e in inner} <= {"recommended", "modal"}


@pytest.mark.parametrize("sentence, words", [
    ("The army was eager to attack the rebel base.", "attack"),
    ("Officials described a plan to deport the families.", "deport"),
    ("The council is reluctant to arrest the protest leaders.", "arrest"),
])
def test_planned_acts_are_not_events(nlp, sentence, words):
    text, evs = _events(nlp, sentence)
    assert not [e for e in counted(evs) if e.trigger.startswith(words[:5])]


def test_an_attempted_attack_and_an_implicative_are_events(nlp):
    text, evs = _events(nlp, "Gunmen tried to storm the police station in Kandahar on Monday.")
    assert [e.type for e in counted(evs)] == ["ASSAULT"]
    text, evs = _events(nlp, "The governor was forced to resign on Friday.")
    assert [e.type for e in counted(evs)] == ["RETREAT"]


def test_background_and_generic_states_are_not_events(nlp):
    text, evs = _events(nlp, "The two countries have been fighting over the border for decades.")
    assert not counted(evs)
    text, evs = _events(nlp, "Hundreds of people were killed in the clashes since 2011.")
    assert not counted(evs)
    text, evs = _events(nlp, "The court heard from the other party, who opposes the motion.")
    assert not [e for e in counted(evs) if e.type == "REJECT"]
    text, evs = _events(nlp, "She became a leading voice in opposing the new tariffs.")
    assert not [e for e in counted(evs) if e.type == "REJECT"]


def test_a_purpose_clause_of_a_past_act_is_an_event(nlp):
    text, evs = _events(nlp, "The foreign minister flew to Cairo on Sunday to discuss the "
                             "ceasefire with Egyptian officials.")
    assert "CONSULT" in {e.type for e in counted(evs)}


# --------------------------------------------------------------------------- senses
@pytest.mark.parametrize("sentence, etype", [
    ("The ministry released a statement on Tuesday.", "RETREAT"),
    ("The police released the names of the victims.", "RETREAT"),
    ("The spokesman declined to comment on the arrests.", "REJECT"),
    ("A message seeking comment was left with the embassy.", "REQUEST"),
    ("He asked not to be named because he was not authorised to speak.", "REQUEST"),
    ("The proposal was met with laughter in parliament.", "CONSULT"),
    ("A woman visiting from Canada was among the guests.", "CONSULT"),
    ("Federal agents executed a search warrant at the mayor's office on Friday.", "ASSAULT"),
    ("The committee's lawyer asked the ambassador about the July meeting.", "REQUEST"),
    ("The senator asked whether the army had been told.", "REQUEST"),
    ("\"Who gave the order?\" the senator asked.", "REQUEST"),
    ("The former minister agreed that the election law was unfair.", "AGREE"),
    ("The senator called the bill a good start.", "REQUEST"),
    ("Farmers marched through Lima, chanting slogans that urged the president to resign.",
     "REQUEST"),
    ("Students carried banners reading \"Stop killing our children\" as they marched.",
     "ASSAULT"),
])
def test_words_in_another_sense_make_no_event(nlp, sentence, etype):
    text, evs = _events(nlp, sentence)
    assert etype not in {e.type for e in counted(evs)}


@pytest.mark.parametrize("sentence, etype", [
    ("Iran executed two men convicted of spying for Israel.", "ASSAULT"),
    ("Mali asked France to withdraw its troops.", "REQUEST"),
    ("Kenya asked for international help after the floods.", "REQUEST"),
    ("The two sides agreed that talks would resume in Cairo next week.", "AGREE"),
    ("Chad and Niger agreed on Monday that their governments should share flood data.",
     "AGREE"),
    ("Israel agreed to release 50 prisoners.", "AGREE"),
    ("Students carried banners reading \"Stop the war\" as they marched to parliament.",
     "PROTEST"),  # the march itself is no slogan
    ("The crowd chanted \"Release them\" as police arrested two students.", "COERCE"),
])
def test_same_words_in_the_event_sense_still_fire(nlp, sentence, etype):
    text, evs = _events(nlp, sentence)
    assert etype in {e.type for e in counted(evs)}


@pytest.mark.parametrize("sentence", [
    "The earthquake killed at least 40 people in the mountain villages.",
    "Twelve people were killed in the bus crash near the border.",
    "Three children died after the cholera outbreak killed dozens in the camp.",
    "Floods killed 15 people across the province on Sunday.",
])
def test_disasters_accidents_and_disease_are_never_assault(nlp, sentence):
    text, evs = _events(nlp, sentence)
    assert "ASSAULT" not in {e.type for e in evs}


def test_refusing_to_respond_to_a_demand_is_a_refusal(nlp):
    text, evs = _events(nlp, "The prime minister refused to respond to the demand from "
                             "the United Nations.")
    assert "REJECT" in {e.type for e in counted(evs)}


def test_a_released_prisoner_is_still_a_release(nlp):
    text, evs = _events(nlp, "The government released 30 political prisoners on Friday.")
    assert [e.type for e in counted(evs)] == ["RETREAT"]


# --------------------------------------------------------------------------- resolution
STORY = ("Gunmen killed four soldiers in Kidal on Monday, the army said.\n\n"
         "The soldiers were killed when gunmen opened fire on a checkpoint near the airport.\n\n"
         "The attack was the third this month in the region.")


def test_mentions_of_one_attack_become_one_record(nlp):
    text, evs = _events(nlp, STORY)
    attacks = [e for e in counted(evs) if e.type == "ASSAULT"]
    assert len(attacks) == 1
    (ev,) = attacks
    assert ev.dead == 4 and ev.date == date(2021, 6, 7)
    assert ev.location is not None and ev.location.name == "Kidal"
    spans = ev.field_rules["mentions"].split(";")
    assert len(spans) >= 2  # provenance of every mention kept


def test_two_arrests_on_different_days_stay_apart(nlp):
    text, evs = _events(nlp, "Police arrested a man in Leeds on Friday.\n\n"
                             "Police arrested a second man in Leeds on Monday.")
    assert len([e for e in counted(evs) if e.type == "COERCE"]) == 2


def test_statements_by_different_speakers_stay_apart(nlp):
    text, evs = _events(nlp, "Senator Jane Holt accused the agency of negligence.\n\n"
                             "Senator Paul Grady accused the agency of negligence.")
    assert len([e for e in counted(evs) if e.type == "ACCUSE"]) == 2


# --------------------------------------------------------------------------- context
def test_place_and_date_from_the_narration(nlp):
    text, evs = _events(nlp, "Protesters marched through Nairobi on Tuesday.\n\n"
                             "Police fired tear gas and arrested 20 people.")
    (arrest,) = [e for e in counted(evs) if e.type == "COERCE"]
    assert arrest.date == date(2021, 6, 8)
    assert arrest.field_rules["date"].startswith("reference_time")
    assert arrest.location is not None and arrest.location.name == "Nairobi"


def test_the_dateline_is_not_the_place_of_a_distant_event(nlp):
    text, evs = _events(nlp, "WASHINGTON (AP) - The State Department said on Monday that "
                             "rockets hit a base in Iraq's Anbar province.")
    placed = [e for e in counted(evs) if e.location is not None]
    assert all(e.location.name != "Washington" for e in placed)


@pytest.mark.parametrize("sentence, place", [
    # the agent's or the speaker's country is not where a strike on another country happened
    ("The United States and Britain carried out air strikes on Houthi targets on Sunday "
     "night, the US military said.", None),
    ("Israel struck Gaza on Tuesday, killing four people, health officials said.", "Gaza"),
    # with no target country to tell them apart, a place naming the actor still serves
    ("Nigeria's army killed 12 militants in an operation on Monday, a spokesman said.",
     "Nigeria"),
])
def test_a_place_naming_only_the_agent_is_not_where_a_foreign_strike_happened(
        nlp, sentence, place):
    text, evs = _events(nlp, sentence)
    (strike,) = [e for e in counted(evs) if e.type == "ASSAULT"]
    assert (strike.location.name if strike.location else None) == place

# --------------------------------------------------------------------------- counts
@pytest.mark.parametrize("sentence, dead", [
    ("Militants killed 4 soldiers and 1 tourist near the border on Monday.", 5),
    ("A police officer was shot dead in Marseille on Sunday.", 1),
    ("Gunmen shot and killed a shopkeeper in Lagos on Friday.", 1),
    ("Two guards and three prisoners were killed in the prison riot on Tuesday.", 5),
    ("Dozens of villagers were killed when gunmen attacked the market.", None),
    ("Hundreds were killed in the fighting last week.", None),
])
def test_listed_victims_are_summed_and_vague_counts_are_null(nlp, sentence, dead):
    text, evs = _events(nlp, sentence)
    (ev,) = [e for e in evs if e.type == "ASSAULT"]
    assert ev.dead == dead
    if dead is None:
        assert ev.field_rules.get("dead", "").startswith("vague_count")


# --------------------------------------------------------------------------- home country
def test_domestic_actors_take_the_country_the_story_happens_in(nlp):
    text, evs = _events(nlp, "Police in Leeds arrested a councillor on Friday.\n\n"
                             "The arrest followed a fight outside a pub in Leeds, where "
                             "officers from Bradford were called.\n\n"
                             "A judge barred the councillor from the town hall.")
    (bar,) = [e for e in counted(evs) if e.type == "REJECT"]
    assert {a.country for a in bar.sources} == {"GBR"}
    # the actor tagger may already place "a judge" by the story's towns (Phoenix place names);
    # otherwise the article context gives the story's country
    assert bar.field_rules["sources"] in ("subject", "home_country") or \
        "home_country" in bar.field_rules["sources"]


def test_unidentified_gunmen_keep_no_country(nlp):
    text, evs = _events(nlp, "Gunmen shot a shopkeeper in Lagos on Friday.\n\n"
                             "Residents of Lagos and Ibadan said the attack was the third.")
    (shot,) = [e for e in counted(evs) if e.type == "ASSAULT"]
    assert not any(a.country for a in shot.sources)


# --------------------------------------------------------------------------- statements
def test_a_clearly_critical_statement_is_an_accusation_by_the_speaker(nlp):
    text, evs = _events(nlp, "Senator Maria Lopez said the governor's plan was a disgraceful, "
                             "cruel betrayal of the workers.")
    (acc,) = [e for e in counted(evs) if e.type == "ACCUSE"]
    assert acc.mode == "disapprove" and acc.rule == "rule:critical_statement"
    assert "Lopez" in acc.sources[0].text and "valence:" in acc.field_rules["type"]


@pytest.mark.parametrize("sentence", [
    "Police said three people were killed and 12 injured in the crash.",
    "The minister said the talks with the union had been friendly and useful.",
    "The spokesman said it was a terrible, tragic day for everyone.",
])
def test_reports_of_harm_praise_and_unaimed_sorrow_are_not_accusations(nlp, sentence):
    text, evs = _events(nlp, sentence)
    assert not [e for e in evs if e.rule == "rule:critical_statement"]


def test_a_locative_place_beats_a_place_naming_an_actor(nlp):
    text, evs = _events(nlp, "US troops handed the two hostages over to Afghan officials "
                             "in Kandahar on Tuesday.")
    placed = [e for e in counted(evs) if e.location is not None]
    assert placed and all(e.location.text == "Kandahar" for e in placed)


def test_a_country_level_place_is_refined_to_the_story_town(nlp):
    text, evs = _events(nlp, "Riot police clashed with protesters in Bamako on Friday.\n\n"
                             "Shops in Bamako stayed shut on Saturday.\n\n"
                             "Police arrested 40 protesters in Mali on Saturday.")
    (arrest,) = [e for e in counted(evs) if e.type == "COERCE"]
    assert arrest.location is not None and arrest.location.text == "Bamako"
    assert arrest.field_rules["location"].endswith("+focal_town")


def test_violence_by_protesters_is_a_riot(nlp):
    text, evs = _events(nlp, "Protesters attacked a police station in Lyon on Saturday.")
    (ev,) = [e for e in counted(evs) if e.type in ("PROTEST", "ASSAULT")]
    assert (ev.type, ev.mode) == ("PROTEST", "riot")
    text, evs = _events(nlp, "Soldiers attacked a police station in Lyon on Saturday.")
    assert "ASSAULT" in {e.type for e in counted(evs)}


def test_a_headline_and_its_lead_are_one_event(nlp):
    text, evs = _events(nlp, "Councilwoman arrested after dispute\n\n"
                             "Police arrested Councilwoman Ann Reed at her home in Dayton "
                             "on Wednesday.")
    assert len([e for e in counted(evs) if e.type == "COERCE"]) == 1


def test_a_speaker_summarised_then_quoted_is_one_statement(nlp):
    text, evs = _events(nlp, "Senator Ann Cole called on the president to act.\n\n"
                             "Cole also called on Congress to condemn Russia.")
    assert len([e for e in counted(evs) if e.type == "REQUEST"]) == 1


def test_the_agent_of_a_passive_act_comes_from_the_attack_it_happened_in(nlp):
    text, evs = _events(nlp, "Three soldiers were killed in a Taliban attack in Helmand "
                             "on Sunday.")
    (ev,) = [e for e in counted(evs) if e.type == "ASSAULT"]
    assert ev.sources and ev.field_rules["sources"].startswith("actor_of_cause_event")
    assert "Taliban" in ev.sources[0].text


def test_an_arrest_with_no_agent_named_is_the_state_s(nlp):
    text, evs = _events(nlp, "A teacher was arrested in Lyon on Monday.\n\n"
                             "Shops in Lyon and Paris were closed.")
    (ev,) = [e for e in counted(evs) if e.type == "COERCE"]
    assert {a.country for a in ev.sources} == {"FRA"}
    assert ev.field_rules["sources"] == "state_of_place"


def test_a_domestic_act_with_no_recipient_named_is_aimed_at_its_own_state(nlp):
    text, evs = _events(nlp, "Hundreds of teachers in Lyon marched on Monday against the "
                             "pension reform.\n\nShops in Lyon and Paris were closed.")
    (ev,) = [e for e in counted(evs) if e.type == "PROTEST"]
    assert {a.country for a in ev.targets} == {"FRA"}
    assert ev.field_rules["targets"] == "domestic_default"


def test_a_stated_day_beats_a_year_in_the_same_clause(nlp):
    text, evs = _events(nlp, "Two aid workers held by rebels since 2016 were released on "
                             "Tuesday.")
    (ev,) = [e for e in counted(evs) if e.type == "RETREAT"]
    assert ev.date == date(2021, 6, 8)


def test_a_narrated_struggle_a_few_sentences_on_is_the_same_attack(nlp):
    text, evs = _events(nlp, (
        "Reno police gave new details of the case on Monday.\n\n"
        "An officer shot a man in Reno on Saturday after a traffic stop.\n\n"
        "The man had run from the car.\n\n"
        "He turned on the officer at a gas station.\n\n"
        "They struggled for the gun before four shots struck him."))
    assert len([e for e in counted(evs) if e.type == "ASSAULT"]) == 1


def test_distinct_attacks_far_apart_or_dated_stay_apart(nlp):
    text, evs = _events(nlp, (
        "Gunmen shot a shopkeeper in Lagos on Monday.\n\n"
        "Gunmen shot a taxi driver in Lagos on Thursday."))
    assert len([e for e in counted(evs) if e.type == "ASSAULT"]) == 2


@pytest.mark.parametrize("sentence", [
    "The opposition leader attacked the prime minister's record on health care.",
    "Senator Ruth Vale attacked the governor over the budget on Sunday.",
])
def test_an_attack_with_words_is_an_accusation(nlp, sentence):
    text, evs = _events(nlp, sentence)
    assert [(e.type, e.mode) for e in counted(evs)] == [("ACCUSE", "disapprove")]


@pytest.mark.parametrize("sentence", [
    "Militants attacked Kenyan soldiers for their role in Somalia.",
    "Taliban fighters attacked an army position in Helmand.",
])
def test_an_armed_attack_stays_an_assault(nlp, sentence):
    text, evs = _events(nlp, sentence)
    assert "ASSAULT" in {e.type for e in counted(evs)}


@pytest.mark.parametrize("sentence, etype", [
    # the harm warned of is the speaker's own act, a measure, or depends on a condition
    ("Iran warned it would close the Strait of Hormuz.", "THREATEN"),
    ("Russia warned that sanctions would follow if Kiev went ahead.", "THREATEN"),
    ("China warned Japan not to interfere.", "THREATEN"),
    ("The interior minister warned that troops will clear the square by dawn.", "THREATEN"),
    # a warning of what someone else does is criticism of them
    ("Rights groups warned that the Thai government was losing control of the south.",
     "ACCUSE"),
])
def test_a_warning_is_a_threat_only_of_the_speaker_s_own_act(nlp, sentence, etype):
    text, evs = _events(nlp, sentence)
    assert [e.type for e in counted(evs)] == [etype]


def test_a_warning_of_what_may_happen_is_no_event(nlp):
    text, evs = _events(nlp, "Economists warned that inflation could rise further next year.")
    assert counted(evs) == []


def test_the_story_country_is_decided_once_from_places_and_coded_actors(nlp):
    # a country named once as a place does not outweigh the story's town and its own actors
    text, evs = _events(nlp, "South Korean police detained 30 farmers in Seoul on Sunday.\n\n"
                             "The farmers oppose beef imports from the United States.\n\n"
                             "A judge barred the farmers from the square in Seoul.")
    (bar,) = [e for e in _of(text, evs, "barred") if e.type == "REJECT"]
    assert {a.country for a in bar.sources} == {"KOR"}
    assert "home_country" in bar.field_rules["sources"]


def test_a_local_story_naming_only_its_town_gives_its_officials_that_country(nlp):
    text, evs = _events(nlp, "Residents of Gainesville marched on Friday.\n\n"
                             "The Gainesville march was peaceful, organisers said.\n\n"
                             "A judge barred the organisers from the Gainesville city hall.")
    (bar,) = [e for e in _of(text, evs, "barred") if e.type == "REJECT"]
    assert {a.country for a in bar.sources} == {"USA"}


def test_an_unplaced_event_far_from_any_place_takes_the_story_town(nlp):
    text, evs = _events(nlp, "Two men were arrested in Dayton on Friday after a robbery.\n\n"
                             "The store in Dayton lost about $3,000, its owner said.\n\n"
                             "The owner said he had worked there for ten years.\n\n"
                             "He said business had been slow all winter.\n\n"
                             "His daughter said the family was shaken.\n\n"
                             "On Monday, about 40 neighbours marched to the courthouse.")
    (march,) = [e for e in counted(evs) if e.type == "PROTEST"]
    assert march.location is not None and march.location.text == "Dayton"
    assert march.field_rules["location"].startswith("story_place")


def test_a_foreign_power_s_act_does_not_take_the_story_town(nlp):
    text, evs = _events(nlp, "Protesters marched in Nairobi on Friday.\n\n"
                             "Shops in Nairobi stayed shut, traders said.\n\n"
                             "Traders said sales had fallen.\n\n"
                             "One trader said she had lost a week of income.\n\n"
                             "Another said he had closed his stall.\n\n"
                             "Ethiopian troops shelled a border post on Monday.")
    (attack,) = [e for e in counted(evs) if e.type == "ASSAULT"]
    assert {a.country for a in attack.sources} == {"ETH"} and attack.location is None


@pytest.mark.parametrize("sentence, etype", [
    ("Thousands marched in Lyon against the pension measures announced last weekend.",
     "PROTEST"),
    ("Hundreds of protesters rallied in Dover ahead of next Tuesday's vote.", "PROTEST"),
    ("Police detained the activists, who had blocked the road in March.", "COERCE"),
])
def test_a_time_of_something_else_does_not_date_the_event(nlp, sentence, etype):
    text, evs = _events(nlp, sentence)
    (ev,) = [e for e in counted(evs) if e.type == etype]
    assert ev.date is None


def test_the_lead_s_day_dates_the_story_s_undated_events(nlp):
    text, evs = _events(nlp, "Board member may face fines.\n\n"
                             "The complaint against councillor Ann Reed was heard by a judge "
                             "on Monday.\n\n"
                             "Reed has served on the board for nine years.\n\n"
                             "She is a retired teacher.\n\n"
                             "Her term ends in 2023.\n\n"
                             "Reed asked the judge to dismiss the case.")
    (ask,) = [e for e in counted(evs) if e.type == "REQUEST"]
    assert ask.date == date(2021, 6, 7)
    assert ask.field_rules["date"].startswith("story_time")


@pytest.mark.parametrize("sentence, dead", [
    # a list the parser reads as one noun: each singular victim counts one
    ("A police officer and state police bomb technician were killed when the device "
     "exploded.", 2),
    # a subject the parser reads as a clause
    ("A bank guard talking to a customer was fatally shot on Monday when a robber opened "
     "fire.", 1),
])
def test_victims_are_counted_through_common_misparses(nlp, sentence, dead):
    text, evs = _events(nlp, sentence)
    (ev,) = [e for e in evs if e.type == "ASSAULT"]
    assert ev.dead == dead


def test_a_reduced_relative_misread_as_a_main_verb_still_counts_its_victims(nlp):
    from spacy.tokens import Doc

    from eventwire.events.anchors import casualties
    from eventwire.events.lexicon import load_lexicon

    # "Officials denounced the murder of three bank workers killed", with "killed" parsed
    # as a second verb of "denounced" (as the small English model does on such sentences)
    words = ["Officials", "denounced", "the", "murder", "of", "three", "bank", "workers",
             "killed", "."]
    heads = [1, 1, 3, 1, 3, 7, 7, 4, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "nummod", "compound", "pobj", "conj",
            "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "IN", "CD", "NN", "NNS", "VBD", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "NUM", "NOUN", "NOUN", "VERB", "PUNCT"]
    lemmas = ["official", "denounce", "the", "murder", "of", "three", "bank", "worker",
              "kill", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
              lemmas=lemmas, sent_starts=[True] + [False] * 9)
    value, _, _ = casualties(doc[:], load_lexicon(()), "dead")
    assert value == 3


def test_an_attack_abroad_in_a_home_story_is_placed_and_its_victims_are_of_that_place(nlp):
    text, evs = _events(nlp, "Governor Ann Cole spoke in Columbus, Ohio on Friday.\n\n"
                             "Cole told voters in Dayton and Toledo that Ohio needed jobs.\n\n"
                             "On Friday, nine people were killed in an attack near a shopping "
                             "mall in Munich.")
    (attack,) = [e for e in counted(evs) if e.type == "ASSAULT"]
    assert attack.location is not None and attack.location.name == "Munich"
    assert {a.country for a in attack.targets} <= {"DEU"}


def test_a_lone_sector_code_of_a_speaker_is_no_country():
    from eventwire.events.arguments import split_code

    assert split_code("LEG") == (None, "LEG")
    assert split_code("USA") == ("USA", None)
    assert split_code("USA GOV") == ("USA", "GOV")
    assert split_code(None) == (None, None)


def test_a_foreign_leader_s_own_institutions_are_hers_not_the_story_s(nlp):
    text, evs = _events(nlp, "Greek unions marched in Athens and Thessaloniki on Wednesday.\n\n"
                             "Police in Athens fired tear gas at Greek protesters.\n\n"
                             "In Berlin, German Chancellor Angela Merkel urged parliament to "
                             "approve the loans.")
    (ask,) = [e for e in counted(evs) if e.type == "REQUEST"]
    assert {a.country for a in ask.sources} == {"DEU"}
    assert {a.country for a in ask.targets} == {"DEU"}


def test_a_story_between_states_is_told_among_the_people_of_one(nlp):
    text, evs = _events(nlp, (
        "North Korea said it tested a missile on Wednesday.\n\n"
        "North Korea's state media said the test from Pyongyang succeeded, and North Korea "
        "and China held talks.\n\n"
        "President Obama condemned the test. Hillary Clinton called it reckless. Donald Trump "
        "said Obama was weak. Marco Rubio said China must act. Obama spoke with Clinton.\n\n"
        "A senator accused China of ignoring the sanctions."), published=date(2016, 1, 7))
    (acc,) = [e for e in _of(text, evs, "A senator") if e.type == "ACCUSE"]
    assert {a.country for a in acc.sources} == {"USA"}


_PLACES_ABROAD = (
    "Pyongyang fired a rocket on Wednesday, North Korea said. North Korea's state media said "
    "the launch near Pyongyang and a second one from Wonsan in North Korea succeeded. "
    "Crowds in Pyongyang, Wonsan and Hamhung cheered, and North Korea's leader toured "
    "Hamhung.\n\n")


def test_named_people_of_one_country_outweigh_the_places_of_another(nlp):
    text, evs = _events(nlp, _PLACES_ABROAD + (
        "President Obama condemned the launch. Hillary Clinton called it reckless. Donald "
        "Trump said Obama was weak. Marco Rubio said he had failed.\n\n"
        "Republicans criticized the sanctions on Thursday."),
        published=date(2016, 1, 7))
    (acc,) = [e for e in _of(text, evs, "Republicans") if e.type == "ACCUSE"]
    assert {a.country for a in acc.sources} == {"USA"}


def test_a_few_named_foreigners_leave_the_story_where_its_places_are(nlp):
    text, evs = _events(nlp, _PLACES_ABROAD + (
        "President Obama condemned the launch. Hillary Clinton called it reckless.\n\n"
        "Officials in Wonsan criticized the sanctions on Thursday."),
        published=date(2016, 1, 7))
    (acc,) = [e for e in _of(text, evs, "Officials") if e.type == "ACCUSE"]
    assert {a.country for a in acc.sources} == {"PRK"}


def test_an_unnamed_group_that_acts_in_a_home_story_is_of_the_home_country(nlp):
    text, evs = _events(nlp, "Police in Dayton, Ohio arrested 12 immigrants on Monday.\n\n"
                             "The raids in Dayton and Columbus drew crowds.\n\n"
                             "Environmentalists and church leaders condemned the raids.")
    (acc,) = [e for e in _of(text, evs, "condemned") if e.type == "ACCUSE"]
    assert {a.country for a in acc.sources} == {"USA"}
    # what is condemned is no actor and gets no country
    assert not any(a.country for a in acc.targets if "raids" in a.text)


def test_the_page_s_date_stamp_does_not_date_the_events(nlp):
    text, evs = _events(nlp, "Coast guard seizes smuggling boat\n"
                             "Updated: June 10, 2021 18:40 GMT\n"
                             "The coast guard on Wednesday seized a boat carrying 40 migrants "
                             "off Lampedusa.")
    (ev,) = [e for e in counted(evs) if e.type == "COERCE"]
    assert ev.date == date(2021, 6, 9)


def test_an_undated_event_takes_the_day_the_narration_last_stated(nlp):
    text, evs = _events(nlp, (
        "Parents rally for school funding.\n\n"
        "Ana Ruiz loves her daughter's school in Fresno. The choir there is small.\n\n"
        "Her daughter sings in it every week. The school has no money for a piano.\n\n"
        "On Tuesday, she and other parents took their complaints to classrooms across "
        "Fresno.\n\n"
        "At her school, teachers and parents protested the state funding formula."))
    (ev,) = [e for e in _of(text, evs, "funding formula") if e.type == "PROTEST"]
    assert ev.date == date(2021, 6, 8)
    assert ev.field_rules["date"].startswith("narrative_time")


def test_the_dateline_is_no_actor_of_the_first_sentence(nlp):
    text = ("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused "
            "China of bullying its smaller neighbours.")
    doc = nlp.make_doc(text)
    doc._.article_id, doc._.published = "t", date(2021, 6, 10)
    doc._.dateline = "HANOI, Vietnam (AP)"
    (acc,) = [e for e in counted(nlp(doc)._.events) if e.type == "ACCUSE"]
    assert "VNM" not in {a.country for a in acc.sources + acc.targets}
