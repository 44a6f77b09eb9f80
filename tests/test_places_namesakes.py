"""A country's name read as its namesake town or state when the words after it are local."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from eventwire.pipeline import load_nlp

    return load_nlp(upto="eventwire_places")


def resolved(nlp, text: str, name: str):
    doc = nlp.make_doc(text)
    doc._.article_id = "a1"
    hits = [p for p in nlp(doc)._.places if p.text == name]
    assert hits, f"{name!r} not found"
    return hits


@pytest.mark.parametrize(("text", "name", "country"), [
    ("A Lebanon woman was charged with theft on Monday, police in Hershey said.",
     "Lebanon", "USA"),
    ("The Jordan resident was flown to a hospital in Minneapolis after the crash near "
     "Shakopee.", "Jordan", "USA"),
    ("Jordan Elementary School in Scott County won a reading grant this spring.",
     "Jordan", "USA"),
    # near cases: the country itself, by its government or its people at large
    ("Lebanon and Syria agreed on Monday to open embassies, officials in Beirut said.",
     "Lebanon", "LBN"),
    ("Jordan's king met officials in Amman on Monday.", "Jordan", "JOR"),
    ("Singapore residents returning from Malaysia were told to see a doctor.",
     "Singapore", "SGP"),
])
def test_country_name_before_a_local_word(nlp, text, name, country):
    assert {p.country for p in resolved(nlp, text, name)} == {country}


def test_a_state_named_like_a_country(nlp):
    """"A Georgia man" is of the US state; "Georgia's president", of the country."""
    (man,) = resolved(nlp, "A Georgia man was arrested in Atlanta on Friday.", "Georgia")
    assert man.country == "USA" and man.admin1 == "Georgia"
    (state,) = resolved(nlp, "Georgia's president met Russian envoys in Tbilisi.", "Georgia")
    assert state.country == "GEO"


def test_every_mention_goes_with_the_local_reading(nlp):
    text = ("Jordan council backs new park. A Jordan man told the council in Shakopee that "
            "Jordan needs more playing fields.")
    assert {p.country for p in resolved(nlp, text, "Jordan")} == {"USA"}


@pytest.mark.parametrize(("text", "name"), [
    ("Crafton man sues station over photo mix-up. A Crafton man says his picture was used.",
     "Crafton"),
    ("A Coral Gables man was arrested on Friday.", "Coral Gables"),
])
def test_a_town_before_one_of_its_people(nlp, text, name):
    """"A Crafton man": the small model often tags the town an organisation; the word for
    one of its people says it is a town."""
    assert resolved(nlp, text, name)


@pytest.mark.parametrize("text", [
    "A Microsoft man and a Labour woman spoke at the meeting.",
    "The Navy man and a Marine woman spoke at the meeting.",
    "The Iron Man star spoke at the meeting.",
])
def test_an_organisation_before_a_person_word(nlp, text):
    doc = nlp.make_doc(text)
    doc._.article_id = "a1"
    assert nlp(doc)._.places == []


def test_a_town_the_model_calls_a_people_or_a_product(nlp):
    """After "the town of" a name the small model calls a people is the town; after "in",
    a name it calls a product is a place only when it names a city (an alternate name
    counts: "Calcutta" is Kolkata)."""
    (torun,) = resolved(nlp, "Dead swans were found in the northern town of Toruń, the "
                        "birthplace of Copernicus, officials in Poland said.", "Toruń")
    assert torun.country == "POL"
    (calcutta,) = resolved(nlp, "Over 150,000 stall owners in Calcutta will be shown how to "
                           "prepare food.", "Calcutta")
    assert calcutta.country == "IND"


def test_a_people_after_in_is_no_town(nlp):
    doc = nlp.make_doc("Officials spoke of Jerusalem's role in Arab culture at the opening.")
    doc._.article_id = "a1"
    assert [p.text for p in nlp(doc)._.places] == ["Jerusalem"]


@pytest.mark.parametrize(("text", "name"), [
    ("Rockets were fired from Gaza City on Monday, officials in Israel said.", "Gaza City"),
    ("The council approved a sister city tie with Quebec City and Nanjing, China.",
     "Quebec City"),
    # near cases: "City" opens the name of the town's institution
    ("Dublin City Manager Jane Brautigam left for Boulder, Colorado.", "Dublin"),
    ("Dublin City schools will close early in Ohio on Friday.", "Dublin"),
])
def test_city_closing_a_name_or_opening_an_institution(nlp, text, name):
    assert resolved(nlp, text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("They were brought before Tipperary District Court on charges of fighting in Ireland.",
     "Tipperary"),
    ("Jim Harrison of the Woodstock District Chamber of Commerce spoke in Ontario.",
     "Woodstock"),
    ("A man was charged Monday in Wyandotte County District Court in Kansas.",
     "Wyandotte County"),
])
def test_a_district_court_is_the_court_of_the_place(nlp, text, name):
    """"Tipperary District Court": the word belongs to the court's name, not the place's."""
    assert resolved(nlp, text, name)
