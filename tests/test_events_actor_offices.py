"""Whose state and whose office (round 2, evargs2): a person's "his country" is that person's,
and national offices that name one country without saying it ("the Commerce Department",
"the Home Office").  Sentences written for each pattern, each beside a near text that keeps
its other reading (none taken from evaluation data)."""

from __future__ import annotations

from tests.event_helpers import counted_events

# A story set in the United States, so that unmarked actors take its country.
US_STORY = ("WASHINGTON (AP) — Officials in Washington and New York said on Monday that the "
            "talks in Chicago would go ahead. Senator Tom Harlan of Ohio welcomed them. ")


def _events(nlp, text, etype):
    return [e for e in counted_events(nlp, text) if e.type == etype]


def _countries(refs):
    return {a.country for a in refs if a.country}


def test_his_country_is_the_speaker_s_not_the_story_s(nlp):
    text = US_STORY + ("Indian Foreign Minister Ravi Kumar said on Tuesday his country would "
                       "send aid to Nepal.")
    evs = [e for e in counted_events(nlp, text)
           if any("his country" in a.text for a in e.sources)]
    assert evs and all(_countries(e.sources) == {"IND"} for e in evs)


def test_our_country_in_a_quote_is_the_quoted_speaker_s(nlp):
    text = US_STORY + ('"Our country will send aid to Nepal," Kenyan President Daniel '
                       'Otieno said on Tuesday.')
    evs = [e for e in counted_events(nlp, text)
           if any("Our country" in a.text for a in e.sources)]
    assert evs and all(_countries(e.sources) == {"KEN"} for e in evs)


def test_the_country_of_no_owner_is_left_to_the_story(nlp):
    # near case: no person owns "the country", so nothing is read from a possessive
    text = US_STORY + ("Indian Foreign Minister Ravi Kumar said on Tuesday the country would "
                       "send aid to Nepal.")
    evs = [e for e in counted_events(nlp, text)
           if any(a.text.endswith("country") for a in e.sources)]
    assert all(_countries(e.sources) != {"IND"} for e in evs)


# ------------------------------------------------ offices that name one state
CHINA_STORY = ("BEIJING (AP) — Chinese officials in Beijing said on Monday that trade talks in "
               "Shanghai would go ahead. ")


def test_a_national_department_named_alone_is_its_state_s(nlp):
    text = CHINA_STORY + ("The Commerce Department this week imposed tariffs on Chinese steel "
                          "makers.")
    ev = next(e for e in counted_events(nlp, text) if e.type == "SANCTION")
    assert _countries(ev.sources) == {"USA"}


def test_a_department_its_country_names_is_that_country_s(nlp):
    # near case: the name is only a default, the country the text gives wins
    text = CHINA_STORY + ("India's Department of Commerce this week imposed tariffs on Chinese "
                          "steel makers.")
    ev = next(e for e in counted_events(nlp, text) if e.type == "SANCTION")
    assert _countries(ev.sources) == {"IND"}


def test_a_cabinet_title_that_names_one_state_codes_its_holder(nlp):
    text = CHINA_STORY + "Treasury Secretary Tom Harlan on Tuesday accused China of dumping steel."
    ev = next(e for e in counted_events(nlp, text) if e.type == "ACCUSE")
    assert _countries(ev.sources) == {"USA"}


def test_a_cabinet_title_with_a_nationality_is_that_nation_s(nlp):
    text = CHINA_STORY + ("Mexican Treasury Secretary Tom Harlan on Tuesday accused China of "
                          "dumping steel.")
    ev = next(e for e in counted_events(nlp, text) if e.type == "ACCUSE")
    assert _countries(ev.sources) == {"MEX"}


def test_the_home_office_is_british_and_a_home_office_no_actor(nlp):
    assert _countries(_events(nlp, "The Home Office on Tuesday deported 40 Jamaicans.",
                              "COERCE")[0].sources) == {"GBR"}
    text = "Officials on Tuesday deported 40 Jamaicans who ran a home office in Leeds."
    assert all(a.country != "GBR" or "office" not in a.text
               for e in counted_events(nlp, text) for a in e.sources)


# ------------------------------------------------ the doer after an opening dateline
def test_the_doer_after_a_dateline_the_parser_made_a_subject_acted(nlp):
    text = "LONDON (AP) — British police on Tuesday arrested 40 men in Leeds."
    ev = next(e for e in counted_events(nlp, text) if e.type == "COERCE")
    assert _countries(ev.sources) == {"GBR"}


def test_a_visitor_apposed_to_a_dateline_is_the_one_who_spoke(nlp):
    text = ("HANOI, Vietnam (AP) — U.S. Defense Secretary Tom Harlan on Wednesday accused China "
            "of bullying smaller nations.")
    ev = next(e for e in counted_events(nlp, text) if e.type == "ACCUSE")
    assert _countries(ev.sources) == {"USA"}


def test_a_dateline_town_s_own_state_as_subject_still_acts(nlp):
    # near case: the subject after the dateline is the parser's only subject
    text = "HANOI, Vietnam (AP) — Vietnam on Wednesday accused China of bullying smaller nations."
    ev = next(e for e in counted_events(nlp, text) if e.type == "ACCUSE")
    assert _countries(ev.sources) == {"VNM"}


# ------------------------------------------------ a condemnation that names only the act
AID_CUT = ("The United States on Monday decided to end aid to Ruritania. Germany condemned the "
           "United States for the cut. ")


def _accusations(nlp, text, by):
    return [e for e in counted_events(nlp, text)
            if e.type == "ACCUSE" and any(a.text == by for a in e.sources)]


def test_calling_it_a_mistake_is_aimed_at_whom_the_last_condemnation_accused(nlp):
    evs = _accusations(nlp, AID_CUT + "France called it a grave mistake.", "France")
    assert evs and all(_countries(e.targets) == {"USA"} for e in evs)


def test_regretting_the_decision_is_aimed_at_the_same_actor(nlp):
    evs = _accusations(nlp, AID_CUT + "Britain said it regrets the decision.", "Britain")
    assert evs and all(_countries(e.targets) == {"USA"} for e in evs)


def test_a_condemnation_that_names_its_target_keeps_it(nlp):
    # near case: a named target is not replaced by the one accused before
    evs = _accusations(nlp, AID_CUT + "France condemned Hungary for its silence.", "France")
    assert evs and all(_countries(e.targets) == {"HUN"} for e in evs)


def test_the_accused_itself_calling_it_a_mistake_does_not_accuse_itself(nlp):
    text = AID_CUT + "The United States called it a necessary step."
    assert all("USA" not in _countries(e.targets)
               for e in _accusations(nlp, text, "United States"))


# ------------------------------------------------ former states and an EU office
def test_a_soviet_actor_is_coded_as_its_successor_state(nlp):
    text = "In 1986 the United States freed a Soviet spy in exchange for a reporter."
    ev = next(e for e in counted_events(nlp, text) if e.type == "RETREAT" and e.targets
              and any("spy" in a.text for a in e.targets))
    assert _countries(ev.targets) == {"RUS"}


def test_soviet_made_arms_do_not_make_their_users_russian(nlp):
    text = "Rebels fired Soviet-made rockets at the town of Aleppo on Monday."
    ev = next(e for e in counted_events(nlp, text) if e.type == "ASSAULT")
    assert "RUS" not in _countries(ev.sources) | _countries(ev.targets)


def test_a_person_apposed_to_an_eu_commissioner_title_holds_that_office(nlp):
    text = US_STORY + ("Anna Berg, the European Commissioner for Trade, on Monday praised Libya "
                       "for the release.")
    ev = next(e for e in counted_events(nlp, text) if e.type == "SUPPORT" and "Berg" in
              " ".join(a.text for a in e.sources))
    assert _countries(ev.sources) == {"EUR"}


# ------------------------------------------------ a territory and its sovereign tie
def _places(*named):
    from eventwire.models import Place

    return [Place(article_id="t", start=i, end=i + 1, text=text, rule="test", confidence=1.0,
                  country=country) for i, (country, text) in enumerate(named)]


def test_a_territory_tied_with_its_sovereign_is_the_story_s_home():
    from eventwire.events.context import home_country

    places = _places(("HKG", "Hong Kong"), ("CHN", "Beijing"), ("HKG", "Kowloon"),
                     ("CHN", "China"), ("HKG", "Hong Kong"), ("CHN", "China"))
    assert home_country(places) == "HKG"


def test_two_foreign_states_that_tie_leave_the_home_open():
    # near case: a tie of two states neither of which belongs to the other
    from eventwire.events.context import home_country

    places = _places(("IND", "India"), ("PAK", "Islamabad"), ("IND", "New Delhi"),
                     ("PAK", "Pakistan"), ("IND", "India"), ("PAK", "Pakistan"))
    assert home_country(places) is None


# ------------------------------------------------ a statement made at a seat of government
def _located(nlp, text, etype):
    ev = next(e for e in counted_events(nlp, text) if e.type == etype)
    return ev.location.name if ev.location is not None else None


def test_a_statement_in_the_oval_office_is_made_in_washington(nlp):
    text = "Suu Kyi urged Obama to end the sanctions, she said in the Oval Office on Monday."
    assert _located(nlp, text, "REQUEST") == "Washington"


def test_a_statement_at_the_kremlin_is_made_in_moscow(nlp):
    text = "Putin on Monday accused Ukraine of sabotage at a meeting in the Kremlin."
    assert _located(nlp, text, "ACCUSE") == "Moscow"


def test_a_seat_of_government_named_as_the_actor_places_nothing(nlp):
    # near case: "the White House" as the speaker is no place of the statement
    text = "The White House on Monday accused Ukraine of sabotage."
    assert _located(nlp, text, "ACCUSE") is None
