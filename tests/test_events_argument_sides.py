"""Who acts and who is acted on, by class of misreading (evargs): an aim noun taken for the
doer, a body taken for "he" or "she", a passive agent shared by two passives, a place an act
is done from taken for its recipient, police and judges of the place they act in.  Sentences
written for each pattern, each beside a near text that comes out the other way (none taken
from evaluation data)."""

from __future__ import annotations

from tests.event_helpers import code, one_event

# Two countries named equally often: the story has no country of its own.
TWO_STATES = ("Kenyan and Ugandan ministers met in Kampala on Sunday. Kenya and Uganda signed "
              "a trade deal. Kenya praised Uganda. ")


def _texts(refs):
    return " ".join(a.text for a in refs)


def _countries(refs):
    return {a.country for a in refs if a.country}


# ------------------------------------------------------ an aim noun is not who acts
def test_whose_attempt_it_is_attacks_not_the_attempt(nlp):
    text = "The Somali gang made an attempt to attack fishing boats off the coast of Kenya."
    ev = one_event(nlp, text, "ASSAULT", "attack")
    assert _countries(ev.sources) == {"SOM"}


def test_who_foiled_an_attempt_is_not_who_attempted(nlp):
    text = "The Kenyan navy foiled an attempt to attack fishing boats off the coast of Kenya."
    ev = one_event(nlp, text, "ASSAULT", "attack")
    assert "attempt" not in _texts(ev.sources)
    assert "KEN" not in _countries(ev.sources)


def test_who_took_the_opportunity_to_thank_thanks(nlp):
    text = "The Kenyan minister took the opportunity to thank the Canadian authorities on Monday."
    ev = one_event(nlp, text, "SUPPORT", "thank")
    assert "opportunity" not in _texts(ev.sources)
    assert _countries(ev.sources) == {"KEN"}


def test_whose_vote_condemns_condemns_not_the_vote(nlp):
    text = "The Kenyan senators passed a budget and held a Senate vote condemning Uganda."
    ev = one_event(nlp, text, "ACCUSE", "condemning")
    assert "vote" not in _texts(ev.sources)


def test_gunmen_a_participle_hangs_on_are_who_act(nlp):
    # told as what the gunmen were doing, the attack is not counted: read it all the same
    text = "Police arrested Kenyan gunmen attacking a Ugandan convoy near the border on Monday."
    ev = next(e for e in code(nlp, text)._.events if e.trigger == "attacking")
    assert _countries(ev.sources) == {"KEN"}


# --------------------------------------------------- "he" and "she" are people, not bodies
def test_she_is_not_the_court_that_reports_her_arrest(nlp):
    text = "She was arrested in Nairobi in May, the court said."
    ev = one_event(nlp, text, "COERCE", "arrested")
    assert "court" not in _texts(ev.targets)


def test_he_can_be_the_minister_who_reports_his_plan(nlp):
    text = "He will resign next week, the Kenyan minister said."
    ev = one_event(nlp, text, "CONCEDE", "resign")
    assert "minister" in _texts(ev.sources)


# ------------------------------------------------ one "by" agent for two conjoined passives
def test_the_agent_of_an_arrest_is_also_the_agent_of_the_charge(nlp):
    text = "Tom Baker was arrested by Kenyan police and charged with fraud on Monday."
    ev = one_event(nlp, text, "ACCUSE", "charged")
    assert "police" in _texts(ev.sources)


def test_a_charge_after_an_arrest_with_no_agent_names_no_police(nlp):
    text = "Tom Baker was arrested on Friday and charged with fraud on Monday."
    ev = one_event(nlp, text, "ACCUSE", "charged")
    assert "police" not in _texts(ev.sources)


# ------------------------------------ the place an unnamed patient is deported from
def test_a_province_people_are_deported_from_is_not_acted_on(nlp):
    text = "Most of them were deported from Kasai Province in central Congo, the agency said."
    ev = one_event(nlp, text, "COERCE", "deported")
    assert "Kasai" not in _texts(ev.targets)


def test_a_country_troops_withdraw_from_is_still_the_recipient(nlp):
    text = "Kenya withdrew its troops from Somalia on Monday."
    ev = one_event(nlp, text, "RETREAT", "withdrew")
    assert _countries(ev.targets) == {"SOM"}


# --------------------------------------------- police and judges act where they are
def test_police_of_no_country_are_of_the_place_of_the_arrests(nlp):
    text = TWO_STATES + "Around 40 people were detained by police at a rally in Kampala."
    ev = one_event(nlp, text, "COERCE", "detained")
    assert _countries(ev.sources) == {"UGA"}


def test_soldiers_of_no_country_are_not_given_the_place(nlp):
    text = TWO_STATES + "Around 40 people were detained by soldiers at a rally in Kampala."
    ev = one_event(nlp, text, "COERCE", "detained")
    assert not _countries(ev.sources)


DENVER = ("DENVER (AP) — Denver police said on Friday that a fire at a warehouse in Denver "
          "was set on purpose. The mayor of Aurora said firefighters were at the scene. ")


def test_police_of_a_story_abroad_are_of_the_place_the_sentence_gives(nlp):
    text = DENVER + "Police detained 40 people at a rally in Mexico City on Monday."
    ev = one_event(nlp, text, "COERCE", "detained 40")
    assert _countries(ev.sources) == {"MEX"}


def test_police_at_home_keep_the_story_s_country(nlp):
    text = DENVER + "Police detained 40 people at a rally in Boulder, Colorado, on Monday."
    ev = one_event(nlp, text, "COERCE", "detained 40")
    assert _countries(ev.sources) == {"USA"}


# ------------------------------------- "it" opening a relative clause is the body named before
_WALKOUT = ("The talks stalled last year. Kerry urged {who} to resume the talks it abandoned "
            "in March.")


def test_it_in_a_relative_clause_is_the_state_named_before_it(nlp):
    text = _WALKOUT.format(who="Iran")
    ev = one_event(nlp, text, "SANCTION", "abandoned")
    assert _countries(ev.sources) == {"IRN"}


def test_it_in_a_relative_clause_is_no_person_named_before_it(nlp):
    text = _WALKOUT.format(who="Mohammad Zarif")
    ev = one_event(nlp, text, "SANCTION", "abandoned")
    assert not ev.sources


# ------------------------------------------------------ an unnamed attacker of people
SHOT_IN_DAYTON = ("DAYTON, Ohio - Three people were shot outside a grocery store in Dayton on "
                  "Saturday, police said. Detectives are looking for witnesses in Dayton. The "
                  "mayor of Dayton asked residents for help.")


def test_people_shot_by_no_one_named_are_shot_by_the_place_s_own(nlp):
    ev = one_event(nlp, SHOT_IN_DAYTON, "ASSAULT", "shot")
    assert _countries(ev.sources) == {"USA"}
    assert ev.field_rules["sources"] == "attackers_of_place"


def test_a_church_set_on_fire_by_no_one_named_has_no_attacker(nlp):
    text = SHOT_IN_DAYTON.replace("Three people were shot outside a grocery store",
                                  "A fire was set at the back door of a church")
    ev = one_event(nlp, text, "ASSAULT", "fire")
    assert ev.sources == []


# ------------------------------------------------------ who does a gerund after a preposition
def test_who_said_after_meeting_met(nlp):
    text = ("The French president said after meeting with Chinese President Xi Jinping that "
            "trade was improving.")
    ev = one_event(nlp, text, "CONSULT", "meeting")
    assert _countries(ev.sources) == {"FRA"}


def test_who_arrested_others_for_meeting_did_not_meet(nlp):
    text = "Italian police arrested the Egyptian activists for meeting with Hamas leaders in Rome."
    ev = one_event(nlp, text, "CONSULT", "meeting")
    assert "ITA" not in _countries(ev.sources)


# ------------------------------------------------------ a toll retold joins the sentence's main act
NAVY_SANK = ("Last week, the Kenyan navy drew praise after sinking a fishing boat that had been "
             "attacked hours earlier by Somali pirates. Two fishermen were killed in the attack, "
             "which the navy had announced as a strike on a pirate ship.")


def test_a_toll_with_no_doer_joins_the_act_the_sentence_tells_first(nlp):
    evs = {e.trigger: e for e in code(nlp, NAVY_SANK)._.events if e.type == "ASSAULT"}
    assert evs["sinking"].dead == 2
    assert evs["attacked"].dead is None


def test_who_pleaded_guilty_to_threatening_threatened(nlp):
    text = ("A Canadian man pleaded guilty on Monday to threatening to kill a French diplomat, "
            "prosecutors said.")
    ev = one_event(nlp, text, "THREATEN", "threatening")
    assert _countries(ev.sources) == {"CAN"}


def test_who_sentenced_a_man_for_threatening_did_not_threaten(nlp):
    text = "The Canadian court sentenced the man for threatening a French diplomat."
    ev = one_event(nlp, text, "THREATEN", "threatening")
    assert "CAN" not in _countries(ev.sources)


# ------------------------------------------------------ clashes between two sides
def test_clashes_between_two_sides_are_fought_by_both(nlp):
    text = ("Two people died in Lima after violent clashes erupted between Peruvian police and "
            "farmers.")
    ev = one_event(nlp, text, "ASSAULT", "clashes")
    assert "Peruvian police" in _texts(ev.sources) and "farmers" in _texts(ev.sources)
    assert ev.field_rules["sources"].startswith("parties_between")


def test_clashes_near_a_border_between_two_states_are_fought_by_neither(nlp):
    text = "Two soldiers died after clashes erupted near the border between Peru and Ecuador."
    ev = one_event(nlp, text, "ASSAULT", "clashes")
    assert not _countries(ev.sources)


# ------------------------------------------------------ "after being attacked": who was
def test_who_fled_after_being_threatened_was_threatened(nlp):
    text = "The Kenyan journalist fled the country after being threatened with arrest."
    ev = one_event(nlp, text, "THREATEN", "threatened")
    assert _countries(ev.targets) == {"KEN"}
    assert not ev.sources


def test_who_fled_after_threatening_threatened(nlp):
    text = "The Kenyan journalist fled the country after threatening the mayor."
    ev = one_event(nlp, text, "THREATEN", "threatening")
    assert _countries(ev.sources) == {"KEN"}
