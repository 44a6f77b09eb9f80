"""Where an event happened, by its article: written sentences for each pattern of a wrong or
missing place (none taken from evaluation data), each paired with a near sentence whose place
must stay as it is."""

from __future__ import annotations

from tests.event_helpers import counted_events, one_event, place_name


# ---------------------------------------------------------------- whom it befell is not where
def test_foreigners_seized_where_the_narration_is_take_its_place(nlp):
    text = ("Protesters clashed with police in Kabul on Monday. "
            "Two Italian engineers were kidnapped the same day.")
    assert place_name(one_event(nlp, text, "ASSAULT", "Italian")) == "Kabul"


def test_an_agent_of_another_country_does_not_take_the_narration_s_place(nlp):
    text = ("Police in Madrid arrested two men on Monday. "
            "French police arrested a third suspect on Tuesday.")
    assert place_name(one_event(nlp, text, "COERCE", "French")) != "Madrid"


# ---------------------------------------------------------------- a place of a thing, not the act
def test_a_place_that_only_locates_a_thing_gives_way_to_the_act_s_own(nlp):
    text = ("When the senator traveled to Denver for a fundraiser in May, she met quietly with "
            "the brother of an engineer who is a prisoner in Venezuela.")
    assert place_name(one_event(nlp, text, "CONSULT", "Denver")) == "Denver"


def test_the_venue_of_the_act_is_still_where_it_happened(nlp):
    text = "Several hundred students protested outside the embassy in Madrid on Monday."
    assert place_name(one_event(nlp, text, "PROTEST", "students")) == "Madrid"


def test_a_march_to_a_building_in_a_town_is_placed_there_not_in_the_poll_it_protests(nlp):
    text = ("Opposition leaders led a march to the parliament and the police headquarters in "
            "Nairobi on Monday to protest against the outcome of the Kisumu County governorship "
            "election.")
    evs = [e for e in counted_events(nlp, text) if e.type == "PROTEST"]
    assert evs and {place_name(e) for e in evs} == {"Nairobi"}


# ---------------------------------------------------------------- the backdrop's spread
def test_a_backdrop_across_the_country_does_not_make_the_act_nationwide(nlp):
    text = "Nurses marched on Monday amid a wave of walkouts across the country."
    ev = one_event(nlp, text, "PROTEST", "marched")
    assert not ev.field_rules["location"].startswith("scope:")


def test_protests_across_the_country_amid_anger_are_nationwide(nlp):
    text = "Protests erupted across the country on Monday amid anger over the verdict."
    ev = one_event(nlp, text, "PROTEST", "erupted")
    assert ev.field_rules["location"] == "scope:nationwide"


# ---------------------------------------------------------------- the dateline is no agent
def test_a_headline_arrest_is_placed_in_the_dateline_town_the_story_is_about(nlp):
    text = ("Councilwoman arrested after clash at mayor's house. ELMWOOD — Calm has ended in "
            "the village of Elmwood once more after a former council member was arrested "
            "following a clash at the mayor's house. The woman, 58, was taken into custody at "
            "her home on Tuesday, deputies said.")
    assert place_name(one_event(nlp, text, "COERCE", "Councilwoman")) == "Elmwood"


def test_a_capital_named_as_the_agent_still_does_not_place_the_act_there(nlp):
    text = ("Eighteen years after Washington invaded the country, thousands of troops remain. "
            "Washington sent more troops to the region in May. Officials in Washington said "
            "the mission would last years.")
    evs = [e for e in counted_events(nlp, text) if e.type == "ASSAULT"]
    assert evs and all(place_name(e) != "Washington" for e in evs)


# ---------------------------------------------------------------- a visitor's statement at a venue
_VISIT = "JAKARTA (AP) — Canada's defense minister met officials in Jakarta on Wednesday. "


def test_a_visitor_s_statement_at_a_news_conference_is_placed_in_the_story_town(nlp):
    text = _VISIT + ("At a news conference after the talks, the Canadian minister accused China "
                     "of bullying its neighbors.")
    ev = one_event(nlp, text, "ACCUSE", "news conference")
    assert place_name(ev) == "Jakarta" and ev.field_rules["location"] == "story_place_of_speaker"


def test_a_visitor_s_statement_at_no_named_venue_stays_unplaced(nlp):
    text = _VISIT + ("In an interview with a Canadian newspaper, the Canadian minister accused "
                     "China of bullying its neighbors.")
    assert one_event(nlp, text, "ACCUSE", "interview").location is None


# ---------------------------------------------------------------- the object's own place only
def test_a_place_deep_in_the_object_s_phrase_is_not_where_the_act_was(nlp):
    text = "The minister said he would welcome Japan's participation in a council for Asia."
    evs = [e for e in counted_events(nlp, text) if e.type == "AGREE"]
    assert evs and all(place_name(e) != "Asia" for e in evs)


def test_the_target_s_own_place_is_where_it_was_attacked(nlp):
    text = "Militants attacked an army base near Mosul on Monday."
    assert place_name(one_event(nlp, text, "ASSAULT", "attacked")) == "Mosul"
