"""Place, date and toll of an event read from the words around it (written sentences, none
from evaluation data): each pattern with a near text whose other reading must not win."""

from __future__ import annotations

from datetime import date

from tests.event_helpers import counted_events, one_event, place_name


# ---------------------------------------------------------------- "..., where X happened"
def test_an_act_in_a_where_clause_happened_at_the_place_it_describes(nlp):
    text = ("The riot in Marseille on Thursday followed a rally in Nice, where police shot "
            "two men on Friday.")
    assert place_name(one_event(nlp, text, "ASSAULT", "police shot")) == "Nice"


def test_a_where_clause_on_a_town_and_its_country_takes_the_town(nlp):
    text = ("The talks in Geneva came after a summit in Vienna, Austria, where rebels freed "
            "four hostages on Friday.")
    assert place_name(one_event(nlp, text, "RETREAT", "freed")) == "Vienna"


# ---------------------------------------------------------------- a town naming a site
def test_a_town_that_names_a_site_says_where_the_act_happened(nlp):
    text = ("In 2009, on the runway of a Kandahar airport, the army freed three aid workers "
            "held by rebels in Pakistan.")
    assert place_name(one_event(nlp, text, "RETREAT", "freed")) == "Kandahār"


def test_both_releases_of_a_swap_happen_where_the_swap_did(nlp):
    text = ("In 2010, on the tarmac of a Geneva airport, his administration swapped ten Russian "
            "agents arrested in the United States for four Americans held by Moscow.")
    events = [e for e in counted_events(nlp, text) if e.type == "RETREAT"]
    assert len(events) == 2
    assert {place_name(e) for e in events} == {"Geneva"}


def test_a_site_named_by_an_organisation_is_no_town(nlp):
    text = ("On Friday, at least nine people were killed in another attack, this time near the "
            "Olympia shopping mall – one of Germany's largest malls – in Munich.")
    assert place_name(one_event(nlp, text, "ASSAULT", "killed")) == "Munich"


# ---------------------------------------------------------------- the story's town
_FREED = ("Chad has freed four foreign aid workers who were convicted of spying. The four "
          "arrived in Paris on Wednesday. Their families thanked the French president. All "
          "four deny the charges. Doctors said the workers had been held in a prison in Abeche. "
          "A lawyer said the prison in Abeche was overcrowded.")
_DISPERSED = ("Police dispersed a rally in Greece on Monday, firing tear gas at hundreds of "
              "students. The students had marched to parliament in Athens. Police in Athens "
              "said 12 people were arrested.")


def test_a_country_is_narrowed_to_the_town_the_lead_sets_the_story_in(nlp):
    assert place_name(one_event(nlp, _DISPERSED, "COERCE", "dispersed a rally")) == "Athens"


def test_a_town_told_of_only_after_the_lead_does_not_narrow_the_country(nlp):
    assert place_name(one_event(nlp, _FREED, "RETREAT", "freed")) == "Chad"


# ---------------------------------------------------------------- "Town, State"
def test_the_state_that_says_which_town_is_no_rival_to_the_town(nlp):
    text = ("Last month, a man was charged after he shot a security guard during a rally in "
            "Dayton, Ohio.")
    assert place_name(one_event(nlp, text, "ASSAULT", "shot")) == "Dayton"
    text = "Police arrested two men on Friday after a brawl at a concert in Dayton, Ohio."
    assert place_name(one_event(nlp, text, "COERCE", "arrested")) == "Dayton"


# ---------------------------------------------------------------- the narration's day
_CONFERENCE = ("Police arrested a man on Friday over the killing of a guard in Dayton. The man "
               "had been living on the street, police said. The mayor returned from Chicago "
               "for a news conference held Sunday with the police chief. The mayor praised the "
               "detectives and urged residents to report gang crime.")


def test_the_narration_moves_on_to_a_day_told_since_the_last_dated_event(nlp):
    assert one_event(nlp, _CONFERENCE, "COERCE", "arrested").date == date(2021, 6, 4)
    assert one_event(nlp, _CONFERENCE, "SUPPORT", "praised").date == date(2021, 6, 6)


# ---------------------------------------------------------------- a toll told by name
_STOP = ("Dayton tense after police shooting. Police officers shot a man during a traffic stop "
         "in Dayton on Tuesday, officials said. Protesters called for more information about "
         "the fatal shooting of {}. Dozens marched on Wednesday.")


def test_the_fatal_shooting_of_a_named_man_is_the_story_s_shooting_killing_one(nlp):
    text = _STOP.format("Mark Allen Jones")
    assert one_event(nlp, text, "ASSAULT", "officers shot").dead == 1


def test_a_fatal_act_of_several_people_gives_no_toll_of_one(nlp):
    text = _STOP.format("Mark Jones and Ed Lee")
    assert one_event(nlp, text, "ASSAULT", "officers shot").dead is None


# ---------------------------------------------------------------- charges of an arrest
def test_charges_of_an_arrest_are_laid_where_and_when_the_arrest_was_made(nlp):
    text = ("Police dispersed a rally in Dayton on Monday. A day earlier, six protesters were "
            "arrested on charges of trespass after refusing to leave a hotel lobby, police said.")
    arrest = one_event(nlp, text, "COERCE", "were arrested")
    charges = one_event(nlp, text, "ACCUSE", "on charges of trespass")
    assert place_name(charges) == place_name(arrest) == "Dayton"
    assert charges.date == arrest.date == date(2021, 6, 6)


# ---------------------------------------------------------------- a state named as its city
def test_a_state_that_shares_its_name_with_a_great_city_is_that_city_as_a_scene(nlp):
    ev = one_event(nlp, "Police arrested 40 protesters in New York on Friday.", "COERCE",
                   "arrested")
    assert place_name(ev) == "New York City"
    ev = one_event(nlp, "Police arrested two men in Texas on Friday.", "COERCE", "arrested")
    assert place_name(ev) == "Texas"


# ---------------------------------------------------------------- "N years after X happened"
_RETURN = ("The opposition leader visited the White House on Monday, four years after she was "
           "freed from prison in Venezuela. She had lunch with senators before meeting the "
           "president.")


def test_an_act_told_years_apart_does_not_set_the_scene_of_the_narration(nlp):
    events = [e for e in counted_events(nlp, _RETURN) if e.type == "CONSULT"]
    assert events
    assert all(e.location is None or e.location.country == "USA" for e in events)


def test_an_act_told_years_apart_does_not_take_the_narration_s_day(nlp):
    freed = one_event(nlp, _RETURN, "RETREAT", "freed")
    assert freed.date is None
    assert place_name(freed) == "Venezuela"


def test_an_act_told_as_the_narration_s_setting_still_sets_its_scene(nlp):
    text = ("Rebels freed three hostages in Kandahar on Monday. Hours later the army met "
            "tribal elders to negotiate the release of others.")
    assert place_name(one_event(nlp, text, "CONSULT", "met")) == "Kandahār"


# ---------------------------------------------------------------- "a judge in Town"
def test_a_town_the_agent_s_phrase_places_it_in_is_where_it_acted(nlp):
    text = ("A Brazilian smuggler was sentenced to six years in prison on Tuesday by a federal "
            "judge in Fresno, Calif.")
    assert place_name(one_event(nlp, text, "SANCTION", "sentenced")) == "Fresno"


def test_a_country_that_only_names_the_agent_is_not_where_it_struck(nlp):
    text = "On Monday Israeli jets struck Syrian army positions, the military said."
    assert one_event(nlp, text, "ASSAULT", "struck").location is None or \
        one_event(nlp, text, "ASSAULT", "struck").location.country != "ISR"


# ---------------------------------------------------------------- "in federal court in Town"
def test_a_venue_hung_on_the_object_still_places_the_act(nlp):
    text = ("Sierra Club attorney Maria Lopez, whose group had challenged the Obama policy in "
            "federal district court in Oregon, said she expected a ruling soon.")
    assert place_name(one_event(nlp, text, "ACCUSE", "challenged")) == "Oregon"
    text = ("The tribe had challenged the pipeline permit in federal district court in Oregon, "
            "its lawyer said.")
    assert place_name(one_event(nlp, text, "ACCUSE", "challenged")) == "Oregon"


# ---------------------------------------------------------------- "Sen. X (R-Ky.)"
def test_a_legislator_s_state_tag_is_not_where_the_act_happened(nlp):
    text = ("Senate leader Mitch McConnell (R-Ky.) met with the Dalai Lama on Tuesday, aides "
            "said.")
    assert place_name(one_event(nlp, text, "CONSULT", "met")) != "Kentucky"
    text = ("The scandal led to the resignation of the committee's chair, Rep. Debbie Wasserman "
            "Schultz (Fla.), in July.")
    assert all(e.location is None or e.location.name != "Florida"
               for e in counted_events(nlp, text))


def test_a_state_named_in_brackets_as_a_place_still_places_the_act(nlp):
    text = "Police arrested two men on Friday at a rally in Dayton (Ohio)."
    assert place_name(one_event(nlp, text, "COERCE", "arrested")) == "Dayton"


# ---------------------------------------------------------------- a lead that sums up an occasion
_FORUM = ("The United States stepped up pressure on Iran on Sunday, with senior American "
          "officials vowing to defend shipping in the Gulf. Secretary of State Antony Blinken "
          "told the Manama Dialogue, a security forum in Munich, that Iran must stop its "
          "attacks. Iranian officials rejected the demand on Sunday.")


def test_a_lead_statement_summing_up_an_occasion_was_made_there(nlp):
    vow = one_event(nlp, _FORUM, "AGREE", "vowing")
    assert place_name(vow) == "Munich"


def test_another_state_s_statement_is_not_placed_at_the_occasion(nlp):
    rejected = [e for e in counted_events(nlp, _FORUM) if e.type == "REJECT"]
    assert rejected and all(place_name(e) != "Munich" for e in rejected)
