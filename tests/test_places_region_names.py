"""First-level regions by their English and official names (``admin1_names.tsv``, built from
ISO 3166-2 by ``scripts/build_admin1_names.py``), where GeoNames keeps an old or local one."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from eventwire.eval.places import haversine_km
from eventwire.nlp.places.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def nlp():
    from eventwire.pipeline import load_nlp

    return load_nlp(upto="eventwire_places")


def places(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.article_id = "a1"
    doc._.dateline = None
    return {p.text: p for p in nlp(doc)._.places}


def regions(name: str) -> list:
    return [e for e in load_gazetteer().lookup(name) if e.kind == "admin1"]


@pytest.mark.parametrize(("name", "cc", "lat", "lon"), [
    ("Normandy", "FR", 49.1, 0.2),  # GeoNames: "Haute-Normandie"
    ("Normandie", "FR", 49.1, 0.2),
    ("Occitania", "FR", 43.7, 2.2),  # merged in 2016, named after an old region there
    ("Haut-Katanga", "CD", -10.6, 27.6),  # one of the 26 provinces of 2015
    ("Upper Katanga", "CD", -10.6, 27.6),
    ("Ituri", "CD", 2.1, 29.1),
    ("Castile and León", "ES", 41.8, -4.8),
])
def test_english_and_official_names_of_regions(name, cc, lat, lon):
    found = [e for e in regions(name) if e.cc == cc]
    assert found, f"{name} is no region of {cc}"
    assert haversine_km(found[0].lat, found[0].lon, lat, lon) < 120


@pytest.mark.parametrize("name", [
    "Tobacco",  # ISO's "English name" of Tobago: a word, not a respelling
    "Land of Kings", "Gods own country",  # nicknames of Indian states
    "Center", "Continental", "Central Plateau",  # plain words capitalised in any name
    "Jenin", "Kyiv",  # governorates and oblasts named as their town: the town first
])
def test_nicknames_words_and_town_names_are_no_new_regions(name):
    assert not [e for e in regions(name) if e.geonameid is None and e.cc in
                {"TT", "IN", "HT", "GQ", "BF", "PS", "UA"}]


def test_table_rows_name_regions_of_the_admin1_table():
    geo = resources.files("eventwire") / "data" / "geo"
    codes = {(r["cc"], r["code"]) for r in csv.DictReader(
        (geo / "admin1.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t")}
    lines = [ln for ln in (geo / "admin1_names.tsv").read_text(encoding="utf-8").splitlines()
             if not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    assert len(rows) > 500
    assert all(r["kind"] == "admin1" and (r["cc"], r["admin1"]) in codes for r in rows)


def test_region_named_in_english_is_not_a_namesake_town_abroad(nlp):
    found = places(nlp, "Two men killed a priest at a church in Normandy on Tuesday, "
                        "French officials said.")
    normandy = found["Normandy"]
    assert normandy.country == "FRA"
    assert haversine_km(normandy.lat, normandy.lon, 49.1, 0.2) < 100


def test_town_qualified_by_its_state_keeps_the_town(nlp):
    # the near case: a suburb of St. Louis of the same name, named with its state
    found = places(nlp, "Police in Normandy, Mo., arrested a man on Tuesday after a chase "
                        "through north St. Louis County.")
    assert found["Normandy"].country == "USA"


def test_new_province_takes_its_own_point(nlp):
    found = places(nlp, "Militia fighters attacked villages in Haut-Katanga province, "
                        "Congolese officials said.")
    katanga = found["Haut-Katanga"]
    assert katanga.country == "COD"
    assert haversine_km(katanga.lat, katanga.lon, -10.6, 27.6) < 100


# Class: a landmark or neighbourhood the NER calls an organisation, after "to" / "on".
def test_named_place_after_to_or_on_is_a_place(nlp):
    found = places(nlp, "The senator flew back to Capitol Hill on Monday for a vote on the "
                        "budget, aides in Washington said.")
    hill = found["Capitol Hill"]
    assert hill.country == "USA"
    assert haversine_km(hill.lat, hill.lon, 38.89, -77.0) < 20


def test_institutions_after_to_stay_institutions(nlp):
    # the near case: one word ("Congress") or a name with its article ("the White House")
    found = places(nlp, "The governor sent the letter to Congress on Monday and then drove to "
                        "the White House.")
    assert "Congress" not in found and "White House" not in found


# Class: a business or site named after a region abroad lies in the story's town.
def test_business_named_after_a_region_abroad_is_in_the_story_town(nlp):
    found = places(nlp, "A bomb exploded Friday at the West Coast Bank in Salem, Oregon, police "
                        "said. Staff at the West Coast Bank had received a threat.")
    assert found["West Coast Bank"].country == "USA"


def test_the_region_itself_keeps_its_country(nlp):
    found = places(nlp, "Heavy rain flooded towns on the West Coast of New Zealand's South "
                        "Island, officials in Greymouth said.")
    assert found["West Coast"].country == "NZL"


# Class: an ambiguous town placed by an apposition in its country, over a namesake elsewhere.
def test_apposition_places_the_town_in_its_country(nlp):
    found = places(nlp, "Protesters blocked roads in Victoria, the capital of the Seychelles.")
    assert found["Victoria"].country == "SYC"
    found = places(nlp, "Police fired on demonstrators in Alexandria, a port city in Egypt, on "
                        "Friday.")
    assert found["Alexandria"].country == "EGY"


def test_apposition_of_the_other_namesake(nlp):
    # the near case: the same name placed in the other country by the same kind of phrase
    found = places(nlp, "Storms hit Victoria, in southeastern Australia, on Monday.")
    assert found["Victoria"].country == "AUS"
    found = places(nlp, "Flooding hit Alexandria, a city in Virginia, on Friday.")
    assert found["Alexandria"].country == "USA"


# Class: a name read as a region abroad is the story's own town when that town lies near the
# story's other places (the story's country over a namesake elsewhere).
def test_local_town_over_a_region_abroad_of_its_name(nlp):
    found = places(nlp, "The school board in Normandy voted to close the district, St. Louis "
                        "County officials said.")
    assert found["Normandy"].country == "USA"
    assert haversine_km(found["Normandy"].lat, found["Normandy"].lon, 38.7, -90.3) < 30


def test_region_abroad_stays_when_the_story_goes_there(nlp):
    # the near case: the story's other places lie in the region's own country
    found = places(nlp, "Allied troops landed in Normandy in June 1944 before liberating "
                        "Paris.")
    assert found["Normandy"].country == "FRA"


# Class: a one-word region name only the ISO table gives is also a first name or a club.
def test_first_name_that_names_a_region_is_a_person(nlp):
    found = places(nlp, "Lori said the school would reopen on Monday.")
    assert "Lori" not in found


def test_region_named_after_a_placing_word_is_a_place(nlp):
    # the near case: the same name where the text places something in it
    found = places(nlp, "Floods cut roads in Lori, Armenian officials said.")
    assert found["Lori"].country == "ARM"


# Class: the story's country told by a demonym in common use that the country table lacks.
@pytest.mark.parametrize(("word", "cc"), [
    ("Argentine", "AR"), ("Kazakh", "KZ"), ("Uzbeks", "UZ"), ("Bosnian", "BA"),
    ("Kosovar", "XK"), ("Nepali", "NP"), ("Scottish", "GB")])
def test_demonyms_in_common_use(word, cc):
    assert load_gazetteer().demonym(word).cc == cc


def test_demonym_places_an_ambiguous_town_in_its_country(nlp):
    found = places(nlp, "Troops were deployed to Cordoba after riots, the Argentine government "
                        "said.")
    assert found["Cordoba"].country == "ARG"
    # the near case: the other namesake's country told the same way
    found = places(nlp, "Troops were deployed to Cordoba after riots, the Spanish government "
                        "said.")
    assert found["Cordoba"].country == "ESP"
