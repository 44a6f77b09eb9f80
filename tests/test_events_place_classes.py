"""Place classes fixed on real news (written sentences, none from evaluation data), each with a
near sentence whose place must stay: a statement's topic is not the scene of the next act; an
origin ("imports from X") is not where the act happened."""

from __future__ import annotations

from datetime import date

from eventwire.eval.events import counted
from tests.event_helpers import code, counted_events, one_event, place_name


# ---------------------------------------------------------------- a statement's topic
def test_a_country_a_statement_is_about_is_not_the_scene_of_the_attack_told_next(nlp):
    text = ("Gunmen attacked a market in Lyon on Monday. The senator blamed his rivals in the "
            "U.S. for the violence. Two more people were killed on Tuesday.")
    assert place_name(one_event(nlp, text, "ASSAULT", "Two more")) == "Lyon"


def test_the_town_a_statement_was_made_in_still_sets_the_scene(nlp):
    text = ("The dissident sought refuge at the embassy in Madrid in March. "
            "He was evicted in April.")
    assert place_name(one_event(nlp, text, "COERCE", "evicted")) == "Madrid"


# ---------------------------------------------------------------- an origin is not a venue
def test_the_origin_of_goods_is_not_where_the_clashes_happened(nlp):
    text = ("The authorities banned rallies against beef imports from Argentina after dozens "
            "of people were injured in clashes with riot police on Saturday.")
    assert place_name(one_event(nlp, text, "ASSAULT", "injured")) != "Argentina"


def test_a_place_the_sentence_gives_the_act_is_still_read(nlp):
    text = ("The authorities banned rallies against beef imports in Argentina after dozens "
            "of people were injured in clashes with riot police on Saturday.")
    assert place_name(one_event(nlp, text, "ASSAULT", "injured")) == "Argentina"


# ---------------------------------------------------------------- former states
def test_a_former_state_is_placed_at_its_successor_not_the_story_s_country(nlp):
    text = ("Senators in Washington praised the pilot on Monday. Decades ago his plane was shot "
            "down over the Soviet Union, and he spent two years in a prison in Moscow.")
    doc = code(nlp, text, date(2021, 6, 10))
    got = {p.text: p.country for p in doc._.places}
    assert got.get("Soviet Union") == "RUS"


def test_a_country_named_today_still_resolves_as_before(nlp):
    text = "Senators in Washington praised the pilot, whose plane was shot down over Russia."
    doc = code(nlp, text, date(2021, 6, 10))
    assert {p.text: p.country for p in doc._.places}.get("Russia") == "RUS"


# ---------------------------------------------------------------- a state's own coercion
def test_a_deportation_by_one_state_s_authorities_happened_in_that_state(nlp):
    text = ("More than 200 Nepalis were deported by Mexican immigration authorities on Friday "
            "for entering the country illegally.")
    ev = one_event(nlp, text, "COERCE", "deported")
    assert ev.location is not None and ev.location.country == "MEX"


def test_a_place_the_text_gives_a_state_s_arrest_is_kept(nlp):
    text = "Mexican police arrested two Nepalis in Tijuana on Friday."
    assert place_name(one_event(nlp, text, "COERCE", "arrested")) == "Tijuana"


# ---------------------------------------------------------------- a compass part of a region
def test_a_southern_part_of_a_state_is_placed_in_its_south(nlp):
    text = "Hundreds of farmers rallied outside a hotel in southern Wisconsin on Monday."
    plain = "Hundreds of farmers rallied outside a hotel in Wisconsin on Monday."
    part = one_event(nlp, text, "PROTEST", "farmers").location
    whole = one_event(nlp, plain, "PROTEST", "farmers").location
    assert part.name == "southern Wisconsin" and whole.name == "Wisconsin"
    assert whole.lat - part.lat > 1.0  # the band south of the state's middle
    assert 42.5 < part.lat < 44.0 and abs(part.lon - whole.lon) < 1.0


def test_a_north_eastern_part_of_a_country_is_placed_to_its_north_east(nlp):
    part = one_event(nlp, "Gunmen killed 12 villagers in north-eastern Nigeria on Monday.",
                "ASSAULT", "Gunmen").location
    whole = one_event(nlp, "Gunmen killed 12 villagers in Nigeria on Monday.",
                 "ASSAULT", "Gunmen").location
    assert part.lat > whole.lat + 1.0 and part.lon > whole.lon + 1.0


# ---------------------------------------------------------------- a visit told from the host city
def _with_dateline(nlp, text):
    from eventwire.sources.textpage.meta import find_dateline

    doc = nlp.make_doc(text)
    doc._.article_id = "t"
    doc._.published = date(2021, 6, 10)
    doc._.dateline = find_dateline(text.split("\n", 1)[0])
    return counted(nlp(doc)._.events)


_VISIT = ("{dl} — U.S. Defense Secretary Mark Esper on Wednesday accused Russia of threatening "
          "its neighbours.\n\nLater, Esper met with {hosts} and visited a war memorial.")


def test_a_visitor_meeting_unnamed_hosts_meets_in_the_dateline_city(nlp):
    text = _VISIT.format(dl="OSLO, Norway (AP)", hosts="several top government officials")
    ev = next(e for e in _with_dateline(nlp, text) if e.type == "CONSULT")
    assert place_name(ev) == "Oslo"


def test_a_meeting_with_named_foreign_hosts_is_not_put_in_the_dateline_city(nlp):
    text = _VISIT.format(dl="OSLO, Norway (AP)", hosts="Japanese and Chinese officials")
    ev = next(e for e in _with_dateline(nlp, text) if e.type == "CONSULT")
    assert place_name(ev) != "Oslo"


def test_an_agency_dateline_with_its_country_names_its_city(nlp):
    from eventwire.events.anchors import dateline_place
    from eventwire.events.coder import literal_places
    from eventwire.sources.textpage.meta import find_dateline

    for line in ("OSLO, Norway (AP) — Police arrested two men.", "OSLO (AP) — Police arrested "
                 "two men.", "OSLO — Police arrested two men."):
        doc = nlp.make_doc(line)
        doc._.article_id = "t"
        doc._.dateline = find_dateline(line)
        doc = nlp(doc)
        got = dateline_place(doc, literal_places(doc._.places))
        assert got is not None and got.name == "Oslo", line


# ---------------------------------------------------------------- a strike of the whole country
def test_a_national_strike_told_from_the_capital_is_the_country_s(nlp):
    text = ("Riot police clashed with youths in Lisbon on Monday. Thousands marched in Lisbon. "
            "Dock workers held a national strike on Tuesday to protest pension cuts.")
    ev = one_event(nlp, text, "PROTEST", "Dock workers")
    assert place_name(ev) == "Portugal"


def test_a_strike_of_no_stated_reach_stays_where_the_narration_is(nlp):
    text = ("Riot police clashed with youths in Lisbon on Monday. Thousands marched in Lisbon. "
            "Dock workers held a strike on Tuesday to protest pension cuts.")
    ev = one_event(nlp, text, "PROTEST", "Dock workers")
    assert place_name(ev) == "Lisbon"


# ---------------------------------------------------------------- "in Helmand province"
def test_a_province_named_with_its_kind_word_is_where_the_act_happened(nlp):
    text = ("Two engineers, both teachers at the University of Kandahar, were freed by the "
            "rebels in the country's southern Helmand province on Monday.")
    evs = [e for e in counted_events(nlp, text) if e.location is not None]
    assert evs and {e.location.name for e in evs} <= {"Helmand", "southern Helmand"}

