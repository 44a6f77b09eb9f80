"""Source and target countries by the coders' actor conventions (CODING.md and the general
notes of the dev gold): sentences written for each pattern, none taken from evaluation data."""

from __future__ import annotations

from datetime import date

from eventwire.eval.events import counted
from eventwire.sources.textpage.meta import find_dateline
from tests.event_helpers import code

# A short local story in one country, so that its unmarked officials and towns are at home.
OHIO = ("DAYTON, Ohio (AP) — Police in Dayton, Ohio, said on Tuesday that a fire at a warehouse "
        "in Dayton was set on purpose. Sheriff Tom Walsh of Montgomery County said deputies "
        "were searching for witnesses. ")


def _events(nlp, text, published=date(2021, 6, 10)):
    return counted(code(nlp, text, published)._.events)


def _of(text, events, words, etype):
    got = [e for e in events if e.type == etype and words in text[e.sentence_start:e.sentence_end]]
    assert len(got) == 1, [(e.type, e.trigger) for e in events]
    return got[0]


def _countries(refs):
    return {a.country for a in refs if a.country}


# ------------------------------------------------------------- passive acts with no agent
def test_a_passive_charge_with_no_agent_is_the_state_s(nlp):
    text = OHIO + "A 41-year-old man was charged with arson on Wednesday."
    ev = _of(text, _events(nlp, text), "charged with arson", "ACCUSE")
    assert _countries(ev.sources) == {"USA"}
    assert ev.field_rules["sources"] == "state_of_place"
    assert all(a.text == "" for a in ev.sources)  # no source text: the state is inferred


def test_a_charge_with_a_named_agent_keeps_the_agent(nlp):
    text = OHIO + "Prosecutors charged the owner with arson on Wednesday."
    ev = _of(text, _events(nlp, text), "charged the owner", "ACCUSE")
    assert ev.field_rules["sources"] != "state_of_place"
    assert any("Prosecutors" in a.text for a in ev.sources)


def test_a_passive_dropping_of_a_case_is_the_state_s(nlp):
    text = OHIO + "The case against the owner was dropped last month."
    ev = _of(text, _events(nlp, text), "was dropped", "CONCEDE")
    assert _countries(ev.sources) == {"USA"}


def test_a_passive_killing_leaves_the_unknown_killer_open(nlp):
    text = OHIO + "A night guard was shot at the warehouse on Monday."
    ev = _of(text, _events(nlp, text), "was shot", "ASSAULT")
    assert not _countries(ev.sources)


# ------------------------------------------------ the domestic default and its outsiders
def test_an_arrest_at_home_is_aimed_at_the_story_s_country(nlp):
    text = OHIO + "Deputies arrested two men near the warehouse on Wednesday."
    ev = _of(text, _events(nlp, text), "arrested two men", "COERCE")
    assert _countries(ev.targets) == {"USA"}


def test_a_deportation_is_not_aimed_at_the_story_s_country(nlp):
    text = OHIO + "Federal agents deported eleven men to Guatemala on Wednesday."
    ev = _of(text, _events(nlp, text), "deported", "COERCE")
    assert "USA" not in _countries(ev.targets)


def test_foreign_workers_freed_are_not_of_the_story_s_country(nlp):
    text = OHIO + "The county jail freed four foreign farm workers on Wednesday."
    ev = _of(text, _events(nlp, text), "freed", "RETREAT")
    assert "USA" not in _countries(ev.targets)


# A capital's story, so that the state testing or mobilising is the story's own.
CAPITAL = ("PYONGYANG, North Korea (AP) — North Korean state media said on Tuesday that leader "
           "Kim Jong Un had toured a factory in Pyongyang. ")


def test_a_weapons_test_is_aimed_at_no_one(nlp):
    text = CAPITAL + "North Korea conducted its sixth nuclear test on Wednesday."
    ev = _of(text, _events(nlp, text), "nuclear test", "MOBILIZE")
    assert not _countries(ev.targets)


def test_an_army_mobilised_at_home_keeps_the_domestic_default(nlp):
    text = CAPITAL + "The army mobilized in the capital on Wednesday."
    ev = _of(text, _events(nlp, text), "army mobilized", "MOBILIZE")
    assert _countries(ev.targets) == {"PRK"}
    assert ev.field_rules["targets"] == "domestic_default"


def test_a_resignation_names_no_recipient(nlp):
    text = OHIO + "Sheriff Walsh resigned on Thursday."
    ev = _of(text, _events(nlp, text), "resigned", "RETREAT")
    assert not _countries(ev.targets)


def test_a_participle_on_a_noun_was_done_to_it_not_by_it(nlp):
    text = ("The talks ended without a deal. Jon Meyer, a Canadian engineer arrested in Cairo in "
            "May, was not part of the exchange.")
    ev = _of(text, _events(nlp, text), "arrested in Cairo", "COERCE")
    assert "CAN" not in _countries(ev.sources)
    assert "CAN" in _countries(ev.targets)


def test_nurses_who_were_convicted_did_not_convict(nlp):
    text = ("A court in Tripoli ruled on the appeal. Libya freed five nurses who were convicted "
            "of fraud.")
    ev = _of(text, _events(nlp, text), "convicted", "SANCTION")
    assert not any("nurses" in a.text for a in ev.sources)


# --------------------------------------------------------------- recipients of the act
def test_a_verb_joined_to_a_passive_shares_its_patient(nlp):
    text = "The 52-year-old Dane was detained in May and sentenced to two years in prison."
    ev = _of(text, _events(nlp, text), "sentenced", "SANCTION")
    assert _countries(ev.targets) == {"DNK"}
    assert ev.field_rules["targets"].startswith("passive_subject")


def test_a_ship_seized_is_of_the_nation_its_modifier_names(nlp):
    text = "Gunmen in speedboats seized a Greek tanker off the coast on Sunday."
    ev = _of(text, _events(nlp, text), "seized", "ASSAULT")
    assert _countries(ev.targets) == {"GRC"}


def test_a_shelved_inquiry_is_not_aimed_at_the_nation_that_ran_it(nlp):
    text = "The Danish investigation was shelved in 2017 after the witness died."
    evs = [e for e in _events(nlp, text) if e.type == "CONCEDE"]
    assert all("DNK" not in _countries(e.targets) for e in evs)


def test_who_faces_criticism_is_its_target_and_the_critics_its_source(nlp):
    text = "Canada faced sharp Mexican criticism on Monday over its new tariffs."
    ev = _of(text, _events(nlp, text), "faced", "ACCUSE")
    assert _countries(ev.targets) == {"CAN"}
    assert _countries(ev.sources) == {"MEX"}


def test_who_draws_criticism_from_no_one_named_is_only_its_target(nlp):
    text = "Brazil's navy drew criticism after sinking a fishing boat."
    ev = _of(text, _events(nlp, text), "drew", "ACCUSE")
    assert _countries(ev.targets) == {"BRA"}
    assert not _countries(ev.sources)


def test_a_critic_s_own_criticism_keeps_the_critic_as_source(nlp):
    text = "Canada criticised Mexico on Monday over its new tariffs."
    ev = _of(text, _events(nlp, text), "criticised", "ACCUSE")
    assert _countries(ev.sources) == {"CAN"}
    assert _countries(ev.targets) == {"MEX"}


def test_an_unnamed_victim_at_home_is_of_the_story_s_country(nlp):
    text = OHIO + "Deputies arrested a man who stabbed a teenager outside the warehouse."
    ev = _of(text, _events(nlp, text), "stabbed", "ASSAULT")
    assert "USA" in _countries(ev.targets)
    assert not _countries(ev.sources)  # an unidentified attacker is left without a country


# ------------------------------------------------------------------- NGOs and IGOs
def test_an_ngo_keeps_its_place_as_actor_with_no_country(nlp):
    text = "Human Rights Watch accused Egypt of torturing detainees on Monday."
    ev = _of(text, _events(nlp, text), "accused", "ACCUSE")
    assert any("Human Rights Watch" in a.text for a in ev.sources)
    assert not _countries(ev.sources)
    assert _countries(ev.targets) == {"EGY"}


def test_amnesty_international_is_coded_igo(nlp):
    text = "Amnesty International accused Egypt of torturing detainees on Monday."
    ev = _of(text, _events(nlp, text), "accused", "ACCUSE")
    assert _countries(ev.sources) == {"IGO"}


# --------------------------------------------------------- protests with no one named
def test_an_unattributed_strike_is_by_the_country_s_people_against_its_government(nlp):
    text = ("ATHENS, Greece (AP) — Greek unions called on Monday for wage rises. "
            "A nationwide strike was held in Greece on Wednesday to protest the pension cuts.")
    ev = _of(text, _events(nlp, text), "nationwide strike", "PROTEST")
    assert _countries(ev.sources) == {"GRC"}
    assert _countries(ev.targets) == {"GRC"}


def test_named_foreign_protesters_keep_their_own_country(nlp):
    text = ("ATHENS, Greece (AP) — Greek unions called on Monday for wage rises. "
            "Turkish students protested outside the embassy in Athens on Wednesday.")
    ev = _of(text, _events(nlp, text), "Turkish students", "PROTEST")
    assert _countries(ev.sources) == {"TUR"}


def test_a_resignation_from_a_post_is_aimed_at_no_one(nlp):
    text = OHIO + "Sheriff Walsh resigned from his position on Thursday."
    ev = _of(text, _events(nlp, text), "resigned", "RETREAT")
    assert not _countries(ev.targets)


# ------------------------------------------------------------------- visits abroad
def test_officials_a_visitor_meets_abroad_are_the_hosts(nlp):
    text = ("OTTAWA, Canada (AP) — U.S. Senator Mark Hill arrived in Ottawa on Wednesday for "
            "trade talks. Hill met with senior government officials on Thursday.")
    doc = nlp.make_doc(text)
    doc._.article_id, doc._.published = "t", date(2021, 6, 10)
    doc._.dateline = find_dateline(text)  # as ingest reads an agency story
    ev = _of(text, counted(nlp(doc)._.events), "met with senior", "CONSULT")
    assert _countries(ev.targets) == {"CAN"}
    assert "hosts_of_the_visit" in ev.field_rules["targets"]


def test_officials_met_at_home_stay_the_visitor_s_own(nlp):
    text = OHIO + "Sheriff Walsh met with county officials on Thursday."
    ev = _of(text, _events(nlp, text), "met with county", "CONSULT")
    assert _countries(ev.targets) == {"USA"}


# -------------------------------------------------- groups whose nationality is told once
def test_pirates_keep_the_nationality_the_story_gave_them(nlp):
    text = ("Somali pirates have attacked dozens of ships this year. "
            "The Indian navy captured 12 pirates off the coast on Saturday.")
    ev = _of(text, _events(nlp, text), "captured", "COERCE")
    assert _countries(ev.targets) == {"SOM"}
    assert _countries(ev.sources) == {"IND"}


def test_pirates_of_no_told_nationality_stay_uncoded(nlp):
    text = "The Indian navy captured 12 pirates off the coast on Saturday."
    ev = _of(text, _events(nlp, text), "captured", "COERCE")
    assert "SOM" not in _countries(ev.targets)


_BANS = ("LUSAKA, Zambia — Officials in Kinshasa and Goma said Congo banned public gatherings "
         "on Monday. {who} banned flights from Kinshasa on Tuesday.")


def test_several_states_named_as_a_group_are_not_the_story_s_country(nlp):
    for who in ("Neighbouring countries", "Its allies", "Eurozone nations"):
        text = _BANS.format(who=who)
        ev = _of(text, _events(nlp, text), "flights", "COERCE")
        assert not any(a.country for a in ev.sources), who


def test_one_state_s_own_officials_named_in_the_plural_are_of_the_story_s_country(nlp):
    text = _BANS.format(who="The country's governors")
    ev = _of(text, _events(nlp, text), "flights", "COERCE")
    assert {a.country for a in ev.sources} == {"COD"}
