"""Which place, day, toll and actors an event gets from its article, and which mentions are
one event: sentences written for each pattern (none taken from evaluation data)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.eval.events import counted
from eventwire.events.context import day_shift
from tests.event_helpers import code

# Sentences that only pad a story, so that two mentions are far apart in it.
FILLER = (" The city has about forty thousand inhabitants. Its main employer is a paper mill."
          " The mill opened in the last century. Many families have worked there for decades.")


def _events(nlp, text, published=date(2021, 6, 10)):
    return counted(code(nlp, text, published)._.events)


def _of(text, events, words):
    return [e for e in events if words in text[e.sentence_start:e.sentence_end]]


# --------------------------------------------------------------------------- places
def test_an_act_said_to_be_nationwide_is_placed_in_the_country_not_the_town(nlp):
    text = ("Workers marched through Athens on Monday against the pension cuts. "
            "Tens of thousands of people took to the streets nationwide to protest the cuts.")
    evs = _events(nlp, text)
    [ev] = _of(text, evs, "nationwide")
    assert ev.location is not None and ev.location.country == "GRC"
    assert ev.location.feature_class == "A" and ev.location.admin1 is None  # the country
    assert ev.field_rules["location"].startswith("scope:nationwide")


def test_people_in_other_cities_are_another_event_in_the_country(nlp):
    text = ("Parents marched in Chicago on Thursday against school budget cuts. "
            "People in other cities rallied over charter schools and testing.")
    evs = [e for e in _events(nlp, text) if e.type == "PROTEST"]
    assert len(evs) == 2
    other = _of(text, evs, "other cities")[0]
    assert other.location is not None and other.location.name != "Chicago"
    assert other.location.country == "USA"


def test_a_place_that_only_modifies_a_thing_is_not_where_it_happened(nlp):
    text = "Residents of the town protested against U.S. beef imports on Sunday."
    [ev] = [e for e in _events(nlp, text) if e.type == "PROTEST"]
    assert ev.location is None or ev.location.country != "USA"


def test_a_capital_named_as_the_agent_is_not_where_it_acted(nlp):
    text = "Eighteen years after Washington invaded the country, thousands of troops remain."
    [ev] = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert ev.location is None or ev.location.name != "Washington"


def test_a_local_official_s_statement_is_placed_in_the_story_town(nlp):
    text = ("CHICAGO (AP) — Gunmen opened fire on a crowd in Chicago on Saturday, police said. "
            "Police Superintendent John Reyes condemned the shooting on Sunday. "
            "The Mexican foreign minister also condemned the attack.")
    evs = [e for e in _events(nlp, text) if e.type == "ACCUSE"]
    local = _of(text, evs, "Reyes")
    foreign = _of(text, evs, "Mexican")
    assert local and local[0].location is not None and local[0].location.name == "Chicago"
    assert local[0].field_rules["location"] == "story_place_of_speaker"
    assert foreign and foreign[0].location is None


# --------------------------------------------------------------------------- resolution
def test_a_victim_killed_in_the_blast_far_down_is_the_same_attack(nlp):
    text = ("A bomb exploded at a bank in Woodburn on Friday, killing two police officers."
            + FILLER + " Officer Tom Tennant and technician Bill Hakim were killed in the blast.")
    evs = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert len(evs) == 1
    assert len(evs[0].field_rules["mentions"].split(";")) == 2


def test_other_actors_doing_the_same_are_another_event(nlp):
    text = ("The flight attendants union endorsed Hillary Clinton on Thursday. "
            "Other major unions have also endorsed Clinton.")
    assert len([e for e in _events(nlp, text) if e.type == "SUPPORT"]) == 2


def test_a_speaker_s_distant_statement_in_other_words_is_another_statement(nlp):
    text = ("Senator Ted Cruz endorsed Donald Trump on Friday." + FILLER
            + " Cruz thanked Trump on Twitter for backing his bill.")
    evs = [e for e in _events(nlp, text) if e.type == "SUPPORT"]
    assert len(evs) == 2


def test_a_headline_s_unnamed_speaker_is_the_lead_s_named_one(nlp):
    text = ("Lawmaker urges retaliation on Russia.\n\n"
            "Rep. Adam Schiff on Wednesday called on President Obama to retaliate against Russia "
            "for interference in the election.")
    evs = [e for e in _events(nlp, text) if e.type == "REQUEST"]
    assert len(evs) == 1


def test_the_same_act_on_the_same_people_twice_is_one_event(nlp):
    text = ("The navy arrested 23 pirates in the Gulf of Aden on Saturday." + FILLER
            + " The commandos boarded the ship and arrested the pirates.")
    assert len([e for e in _events(nlp, text) if e.type == "COERCE"]) == 1


def test_the_same_people_in_another_act_far_down_are_another_event(nlp):
    text = ("The navy arrested 23 pirates in the Gulf of Aden on Saturday." + FILLER
            + " The navy recovered seven rifles and three speedboats from the pirates.")
    assert len([e for e in _events(nlp, text) if e.type == "COERCE"]) == 2


# --------------------------------------------------------------------------- dates
@pytest.mark.parametrize("sentence, shift", [
    ("A day earlier, six protesters were arrested.", -1),
    ("Two days later police arrested him.", 2),
    ("The next day, the troops withdrew.", 1),
    ("The day before, he met the envoy.", -1),
    ("He was arrested two days before the vote.", None),  # the vote's eve, not the story's
    ("He resigned the day before the election.", None),
    ("Police arrested him at the hotel.", None),
])
def test_days_counted_from_the_narration(sentence, shift):
    assert day_shift(sentence) == shift


def test_a_day_earlier_dates_the_event_before_the_narration_s_day(nlp):
    text = ("Police arrested eleven protesters outside the hotel on Tuesday. "
            "A day earlier, six protesters were arrested in the lobby.")
    evs = [e for e in _events(nlp, text, date(2021, 6, 10)) if e.type == "COERCE"]
    assert sorted(e.date for e in evs) == [date(2021, 6, 7), date(2021, 6, 8)]


# --------------------------------------------------------------------------- counts
def test_a_death_told_in_another_sentence_counts_for_the_attack_on_that_person(nlp):
    text = ("Police officer Mike Eggers shot Tyrise Bell as the two struggled over a handgun. "
            "An inquest ruled that the fatal shooting of Bell was justified.")
    [ev] = _of(text, [e for e in _events(nlp, text) if e.type == "ASSAULT"], "struggled")
    assert ev.dead == 1


def test_a_victim_who_survived_is_not_counted_dead(nlp):
    text = ("Police shot Tom Reyes during a raid on Friday. "
            "Reyes was treated at a hospital and released.")
    [ev] = [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    assert ev.dead is None


# --------------------------------------------------------------------------- actors
def test_an_offence_a_means_or_a_place_is_no_target(nlp):
    text = ("Patricia Moore, 62, was arrested at her home on Wednesday and charged with "
            "criminal trespass, police said.")
    evs = _events(nlp, text)
    [charge] = [e for e in evs if e.type == "ACCUSE"]
    assert [a.text for a in charge.targets] == ["Patricia Moore"]
    [arrest] = [e for e in evs if e.type == "COERCE"]
    assert "her home" not in [a.text for a in arrest.targets]
    text = "The man turned on the officer and struck him in the face with his fist."
    assert all("fist" not in a.text for e in _events(nlp, text) for a in e.targets)


def test_a_full_name_sharing_only_a_surname_is_not_the_dictionary_person(nlp):
    doc = nlp("Keron Blair, executive director of the group, called for more school funding.")
    assert [m.country for m in doc._.mentions if "Blair" in m.text] == [None]
    doc = nlp("Tony Blair called for calm.")
    assert [m.country for m in doc._.mentions if "Blair" in m.text] == ["GBR"]


def test_party_members_are_a_sector_the_story_s_country_codes(nlp):
    doc = nlp("Democrats criticized the raids, and Republicans blasted the president.")
    assert {(m.text, m.sector) for m in doc._.mentions} >= {("Democrats", "PTY"),
                                                          ("Republicans", "PTY")}


# A story filed from one country about hostages named with their nationalities elsewhere.
_KIDNAP = ("KABUL, Afghanistan (AP) — Afghan officials said on Tuesday that two teachers had "
           "been freed. {who} was working for a charity in Kandahar. Dorsey was kidnapped by "
           "armed men near the airport in March.")


def _kidnapped(nlp, who):
    text = _KIDNAP.format(who=who)
    got = [e for e in _of(text, _events(nlp, text), "was kidnapped") if e.type == "ASSAULT"]
    assert len(got) == 1, got
    return {a.country for a in got[0].targets}


def test_a_nationality_put_before_a_name_holds_for_later_mentions_of_the_person(nlp):
    assert _kidnapped(nlp, "Canadian engineer Paul Dorsey") == {"CAN"}


def test_a_name_with_no_nationality_before_it_is_of_the_story_s_country(nlp):
    assert _kidnapped(nlp, "The engineer Paul Dorsey") == {"AFG"}


def test_a_nationality_in_a_coded_role_before_a_name_holds_for_the_person(nlp):
    assert _kidnapped(nlp, "Australian teacher Paul Dorsey") == {"AUS"}
    assert _kidnapped(nlp, "British police officer Paul Dorsey") == {"GBR"}


def test_a_home_town_in_a_role_before_a_name_is_no_nationality(nlp):
    assert _kidnapped(nlp, "Kandahar teacher Paul Dorsey") == {"AFG"}


# A story told in one country about a body of another named once with its country.
_BODIES = ("SEATTLE (AP) — Police in Seattle and Tacoma said on Monday that a Seattle company's "
           "tanker was attacked by pirates near Mumbai. {first} chased the pirates. The navy "
           "seized two boats on Sunday.")


def _seizer(nlp, first):
    text = _BODIES.format(first=first)
    (ev,) = [e for e in _of(text, _events(nlp, text), "seized") if e.type == "COERCE"]
    return {a.country for a in ev.sources}


def test_a_body_called_by_its_bare_word_is_the_one_named_before_with_its_country(nlp):
    assert _seizer(nlp, "India's navy") == {"IND"}
    assert _seizer(nlp, "The Indian navy") == {"IND"}


def test_the_latest_body_named_with_that_word_is_the_one_meant(nlp):
    assert _seizer(nlp, "India's navy and Pakistan's coast guard left port. Pakistan's "
                        "navy") == {"PAK"}


def test_a_bare_body_no_other_country_named_is_the_story_s(nlp):
    assert _seizer(nlp, "India's coast guard") == {"USA"}


def test_an_office_called_by_its_bare_title_is_the_holder_named_before(nlp):
    text = ("WASHINGTON (AP) — Iraq's foreign minister Hoshyar Zebari met senators in Washington "
            "and Boston on Monday. The minister criticized Turkey on Tuesday.")
    (ev,) = [e for e in _of(text, _events(nlp, text), "criticized") if e.type == "ACCUSE"]
    assert {a.country for a in ev.sources} == {"IRQ"}


# A lead that describes its subject by nationality and names him in the next sentence.
_LEDE = ("ALEXANDRIA, Va. — The Romanian hacker who broke into the emails of celebrities was "
         "sentenced on Thursday by a federal judge in Alexandria. {opener}, 44, was extradited "
         "to the United States in 2014. Ionescu asked for a sentence of three years.")


def _asker(nlp, opener):
    text = _LEDE.format(opener=opener)
    (ev,) = [e for e in _of(text, _events(nlp, text), "asked for") if e.type == "REQUEST"]
    return {a.country for a in ev.sources}


def test_a_person_described_by_nationality_and_named_next_has_that_nationality(nlp):
    assert _asker(nlp, "Andrei Ionescu") == {"ROU"}


def test_a_person_named_next_with_a_title_of_his_own_is_someone_else(nlp):
    assert _asker(nlp, "Prosecutor Andrei Ionescu") == {"USA"}


def _pardoned(nlp, middle):
    text = ("SOFIA, Bulgaria — Libya freed six medical workers on Tuesday. " + middle +
            " The president of Bulgaria promptly pardoned them.")
    (ev,) = [e for e in _of(text, _events(nlp, text), "pardoned") if e.type == "CONCEDE"]
    return ev


def test_them_with_no_group_acted_on_in_its_sentence_is_the_group_told_before(nlp):
    ev = _pardoned(nlp, "The five Romanian nurses arrived in Sofia on Tuesday.")
    assert {a.country for a in ev.targets} == {"ROU"}
    assert ev.field_rules["targets"] == "object"


def test_them_after_a_sentence_about_no_group_is_left_open(nlp):
    ev = _pardoned(nlp, "The weather in Sofia was cold on Tuesday.")
    assert "ROU" not in {a.country for a in ev.targets}
    assert all("nurses" not in a.text for a in ev.targets)


_INVITED = ("WASHINGTON — The trip followed visits by Senator Tom Harkin and by Hillary Clinton. "
            "{who} had long backed the sanctions, and the Burmese opposition leader Aung Suu "
            "personally invited him to visit her.")


def test_him_is_the_one_other_person_of_his_own_sentence_first(nlp):
    text = _INVITED.format(who="Harkin")
    (ev,) = [e for e in _of(text, _events(nlp, text), "invited") if e.type == "AGREE"]
    assert [a.text for a in ev.targets] == ["Harkin"]


def test_him_with_no_person_in_his_sentence_and_two_before_is_left_open(nlp):
    text = _INVITED.format(who="The senators")
    (ev,) = [e for e in _of(text, _events(nlp, text), "invited") if e.type == "AGREE"]
    assert not any(a.text in ("Harkin", "Clinton", "Hillary Clinton") for a in ev.targets)
