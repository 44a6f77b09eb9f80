"""Event dates, death tolls and records of one event (issue 13, evargs): sentences written
for each pattern, each paired with a near text that must keep today's reading (none taken
from evaluation data)."""

from __future__ import annotations

from datetime import date

from eventwire.eval.events import counted
from eventwire.events.arguments import ActorIndex, ArgumentReader
from tests.event_helpers import code

TUESDAY = date(2021, 6, 8)


def _events(nlp, text, etype, published=TUESDAY):
    return [e for e in counted(code(nlp, text, published)._.events) if e.type == etype]


# --------------------------------------------------------------------------- date stamp lag
def test_a_weekday_after_the_stamp_s_own_is_the_next_day(nlp):
    # stamped Tuesday, the text tells Tuesday night and then Wednesday: written a day later
    text = ("Senators condemn missile test.\n"
            "The senator criticized the government late Tuesday night.\n"
            "Protesters marched in Boston on Wednesday against the test.")
    (ev,) = _events(nlp, text, "PROTEST")
    assert ev.date == date(2021, 6, 9)


def test_a_lone_weekday_six_days_back_stays_in_the_past_week(nlp):
    text = ("Senators condemn missile test.\n"
            "Protesters marched in Boston on Wednesday against the test.")
    (ev,) = _events(nlp, text, "PROTEST")
    assert ev.date == date(2021, 6, 2)


# --------------------------------------------------------------------------- tolls
_VIGIL = "Students lit candles on Sunday at the corner where a teenager was shot by police."


def test_a_victim_called_by_the_title_of_the_named_dead_was_killed(nlp):
    text = ("Anger has gripped the town since the death of teenager Maria Okafor.\n" + _VIGIL)
    shot = [e for e in _events(nlp, text, "ASSAULT") if e.trigger == "shot"]
    assert [e.dead for e in shot] == [1]


def test_a_victim_whose_death_is_not_told_has_no_toll(nlp):
    text = ("Anger has gripped the town since the arrest of teenager Maria Okafor.\n" + _VIGIL)
    shot = [e for e in _events(nlp, text, "ASSAULT") if e.trigger == "shot"]
    assert [e.dead for e in shot] == [None]


_CRACKDOWN = "Riot police fired tear gas and beat demonstrators with batons in the capital.\n"


def _toll_of_the_attack(nlp, toll):
    attacks = [e for e in _events(nlp, "Police crack down on marchers.\n" + _CRACKDOWN + toll,
                                  "ASSAULT") if e.trigger in ("beat", "fired")]
    return {e.dead for e in attacks}


def test_a_running_toll_next_to_the_attack_is_its_toll(nlp):
    got = _toll_of_the_attack(nlp, "At least 40 protesters have been killed, a rights group "
                                   "said.")
    assert got == {40}


def test_a_toll_since_an_earlier_day_is_not_the_attack_s(nlp):
    got = _toll_of_the_attack(nlp, "At least 40 protesters have been killed since March, a "
                                   "rights group said.")
    assert got == {None}


# --------------------------------------------------------------------------- pronoun agents
def _he_refers_to(nlp, before):
    """The person ``_person_before`` gives the "He" of the sentence after ``before``."""
    doc = code(nlp, before + " He discussed it with the governor.")
    coder = nlp.get_pipe("eventwire_events")
    reader = ArgumentReader(doc, coder.lex, ActorIndex(doc, coder.actors), doc._.quotes or [])
    he = next(t for t in doc if t.text == "He")
    got = reader._person_before(he)
    return got.name if got is not None else None


def test_a_he_passes_over_a_person_named_as_an_owner_of_no_known_country(nlp):
    assert _he_refers_to(nlp, "Ray Keenan thought about releasing Tom Moore's file.") == \
        "Ray Keenan"


def test_a_he_after_two_named_subjects_stays_open(nlp):
    assert _he_refers_to(nlp, "Ray Keenan and Tom Moore thought about releasing the file.") \
        is None


# --------------------------------------------------------------------------- stated countries
_US_STORY = ("Hacker sentenced in Virginia.\n"
             "A judge in Alexandria, Virginia, sentenced the hacker on Friday, prosecutors in "
             "Virginia said.\n")


def _request_sources(nlp, sentence):
    evs = _events(nlp, _US_STORY + sentence, "REQUEST")
    return {a.country for e in evs for a in e.sources}


def test_a_country_s_own_ministry_is_of_that_country_in_another_s_story(nlp):
    got = _request_sources(nlp, "Poland's Justice Ministry requested that the hacker be "
                                "returned to serve his time there.")
    assert got == {"POL"}


def test_an_unmarked_ministry_is_of_the_story_s_country(nlp):
    got = _request_sources(nlp, "The Justice Ministry requested that the hacker be returned "
                                "to serve his time there.")
    assert got == {"USA"}


# --------------------------------------------------------------------------- participle patients
def _release_targets(nlp, sentence):
    evs = _events(nlp, sentence, "RETREAT")
    return {a.country for e in evs for a in e.targets}


def test_the_noun_a_participle_modifies_is_what_was_done_to(nlp):
    got = _release_targets(nlp, "The minister said the Iranians released by the United States "
                                "were close to finishing their sentences.")
    assert "IRN" in got


def test_a_participle_with_its_own_object_keeps_it(nlp):
    got = _release_targets(nlp, "The United States released two Iranians on Sunday.")
    assert got == {"IRN"}
