"""Where an act or a statement happened when its own sentence does not say (written sentences,
none from evaluation data), each with a near text whose place must stay: the dateline that opens
a body under its headline; a speech occasion the text places."""

from __future__ import annotations

from dataclasses import replace

from eventwire.eval.events import km
from eventwire.events.context import body_dateline
from eventwire.models import Place
from tests.event_helpers import code, one_event, place_name


# ---------------------------------------------------------------- a body's dateline
def test_a_dateline_under_the_headline_is_where_the_story_is_written(nlp):
    text = ("Activist removed from debate hall by police.\n\n"
            "DAYTON, Ohio, Oct. 3 (UPI) — Police removed the activist Ann Lee from the debate "
            "hall on Monday, hours before the debate began.\n\n"
            "Her spokesman said she had a ticket.")
    ev = one_event(nlp, text, "COERCE", "removed from debate hall")
    assert place_name(ev) == "Dayton"


def test_a_dateline_name_is_read_as_the_text_reads_it_elsewhere():
    def place(start, text, rule, name, lat, admin1):
        return Place("t", start, start + len(text), text, rule=rule, confidence=0.8, name=name,
                     lat=lat, lon=-80.0, country="USA", admin1=admin1, feature_class="P")

    line = place(60, "CHARLOTTE", "dateline:resolved", "Charlotte", 42.6, "Michigan")
    later = [place(200, "Charlotte", "ner:GPE:resolved", "Charlotte", 35.2, "North Carolina"),
             place(400, "Charlotte", "ner:GPE:resolved", "Charlotte", 35.2, "North Carolina")]
    got = body_dateline([line, *later], [0, 50, 150, 300])
    assert (got.start, got.admin1) == (60, "North Carolina")
    alone = body_dateline([line], [0, 50, 150, 300])
    assert alone.admin1 == "Michigan"
    assert body_dateline([replace(line, start=500, end=509)], [0, 50, 150, 300]) is None


# ---------------------------------------------------------------- a speech occasion
_FORUM = ("Defence Minister Lars Holm warned Russia against new drills near the border. "
          "Holm told the Baltic Security Conference, an annual forum in Tallinn, that the "
          "alliance was ready. ")


def test_a_speaker_s_statements_are_made_where_the_text_places_him(nlp):
    text = _FORUM + "Holm also said he would welcome talks with Moscow next year."
    assert place_name(one_event(nlp, text, "THREATEN", "warned Russia")) == "Tallinn"


def test_a_statement_that_names_the_occasion_back_is_made_there(nlp):
    text = _FORUM + ("The head of Russia's delegation to the forum accused the alliance of "
                     "provoking Moscow.")
    assert place_name(one_event(nlp, text, "ACCUSE", "delegation to the forum")) == "Tallinn"


def test_a_speaker_going_on_after_his_quote_is_still_there(nlp):
    text = ("Finance Minister Carl Berg criticised Sweden at a business forum in Oslo on "
            "Monday. \"Tariffs hurt everyone,\" Mr. Berg said. He added that Sweden's tariffs "
            "were unacceptable.")
    assert place_name(one_event(nlp, text, "ACCUSE", "He added")) == "Oslo"


def test_a_statement_by_someone_the_text_does_not_place_stays_unplaced(nlp):
    text = _FORUM + "In Washington, a senator later accused Moscow of provoking the alliance."
    ev = one_event(nlp, text, "ACCUSE", "a senator")
    assert place_name(ev) != "Tallinn"


# ---------------------------------------------------------------- a city that is a country
def test_a_city_state_named_through_the_story_is_its_scene(nlp):
    text = ("Police in Singapore arrested two activists on Friday. The arrests drew criticism "
            "from Beijing. The protests began in May over a new labour law. Officials in "
            "Singapore said more arrests were likely.")
    ev = one_event(nlp, text, "PROTEST", "The protests began")
    assert place_name(ev) == "Singapore"


def test_a_protest_against_a_foreign_power_is_held_where_the_story_is(nlp):
    text = ("Police in Lyon closed two bridges on Saturday. Officials in Lyon said the city was "
            "calm. The protests against the Chinese government began in May over its trade "
            "policy.")
    ev = one_event(nlp, text, "PROTEST", "The protests against")
    assert "CHN" in {a.country for a in ev.targets}
    assert place_name(ev) == "Lyon"


# ---------------------------------------------------------------- a town's congregation
def test_a_church_named_after_its_town_names_the_town(nlp):
    text = ("Vandals damaged the Corsicana First Baptist Church on Friday night, the fire "
            "chief said. Damage was estimated at $50,000.")
    found = [p for p in code(nlp, text)._.places if p.text == "Corsicana"]
    assert found and found[0].country == "USA" and found[0].admin1 == "Texas"


def test_a_saint_s_church_names_no_town(nlp):
    text = "Vandals damaged the St. Paul Church in Dayton, Ohio, on Friday night."
    assert "St. Paul" not in {p.text for p in code(nlp, text)._.places}


# ---------------------------------------------------------------- the place people left
def test_the_place_refugees_fled_is_not_where_they_were_detained(nlp):
    text = "Federal agents detained 40 refugees fleeing violence in Honduras on Saturday."
    ev = one_event(nlp, text, "COERCE", "detained")
    assert place_name(ev) != "Honduras"


def test_the_place_people_live_in_is_still_read(nlp):
    text = "Police detained 40 migrants living in Tijuana on Saturday."
    assert place_name(one_event(nlp, text, "COERCE", "detained")) == "Tijuana"


def test_an_area_across_countries_is_no_story_scene(nlp):
    text = ("Lawmakers condemned raids that targeted migrants from Central America. "
            "Agents detained 121 people over the weekend, officials said. "
            "Advocates said the migrants fled gangs in Central America.")
    ev = one_event(nlp, text, "COERCE", "detained")
    assert place_name(ev) != "Central America"


# ---------------------------------------------------------------- the part of a region told
_RALLY = ("Teen pepper-sprayed in scuffle outside Ohio campaign rally.\n\n"
          "Hundreds of protesters had gathered outside a hotel in {part} Ohio, where the "
          "senator was holding a rally on Tuesday.")


def test_a_region_the_story_narrows_to_one_part_is_that_part(nlp):
    text = _RALLY.format(part="southern")
    assert place_name(one_event(nlp, text, "ASSAULT", "scuffle")) == "southern Ohio"


def test_a_region_told_in_two_parts_stays_whole(nlp):
    text = _RALLY.format(part="southern") + (" Another rally in northern Ohio drew a smaller "
                                             "crowd.")
    assert place_name(one_event(nlp, text, "ASSAULT", "scuffle")) == "Ohio"


# ---------------------------------------------------------------- an investigation
def test_an_investigation_by_the_local_police_is_at_the_story_s_scene(nlp):
    text = ("A fire badly damaged a church in Dayton, Ohio, on Friday night. Dayton's fire "
            "chief said the blaze was being investigated as an arson.")
    ev = one_event(nlp, text, "ACCUSE", "investigated")
    assert ev.mode == "investigate" and place_name(ev) == "Dayton"


# ---------------------------------------------------------------- a state's official reports
def test_an_act_a_state_s_official_reports_is_done_in_that_state(nlp):
    text = ("Cholera has killed 300 people in Port-au-Prince, officials said. The Jamaican "
            "health minister said on Tuesday that the coast guard had stepped up patrols.")
    ev = one_event(nlp, text, "MOBILIZE", "patrols")
    assert ev.location is not None and ev.location.country == "JAM"
    assert km(ev.location.lat, ev.location.lon, 18.15, -77.3) < 50  # the island's middle


def test_an_act_reported_by_no_official_stays_in_the_story(nlp):
    text = ("Cholera has killed 300 people in Port-au-Prince, officials said. A doctor said on "
            "Tuesday that the coast guard had stepped up patrols.")
    ev = one_event(nlp, text, "MOBILIZE", "patrols")
    assert ev.location is None or ev.location.country != "JAM"


# ---------------------------------------------------------------- "the country"
def test_an_act_on_the_country_happened_in_the_country_named_before(nlp):
    text = ("About 9,000 foreign troops remain in Mali, eight years after French troops "
            "invaded the country in January 2013.")
    ev = one_event(nlp, text, "ASSAULT", "invaded")
    assert ev.location is not None and ev.location.country == "MLI"
