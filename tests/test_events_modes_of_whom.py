"""The PLOVER mode said by whom an act is aimed at or moves: killing a leader or an official
is a targeted killing (ASSAULT targeted); sending out police or a militia mobilises them
(MOBILIZE police / militia), not troops; what a request or refusal is about gives its
mode (aid assist, talks meet, a release yield, other acts change); a paper or channel
closed is COERCE censor; work left as a protest is a strike.  Sentences written for these
tests, each paired with a close sentence that must keep the other mode."""

from __future__ import annotations

from tests.event_helpers import asserted, code


def _modes(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in asserted(code(nlp, text)._.events)]


def test_killing_an_official_is_targeted(nlp):
    assert _modes(nlp, "Gunmen killed the provincial governor outside his home on "
                       "Tuesday.") == [("ASSAULT", "targeted")]
    assert _modes(nlp, "The opposition leader was murdered in the capital on "
                       "Friday.") == [("ASSAULT", "targeted")]


def test_killing_other_people_has_no_targeted_mode(nlp):
    assert _modes(nlp, "Gunmen killed three farmers outside their homes on "
                       "Tuesday.") == [("ASSAULT", None)]
    assert _modes(nlp, "Two shopkeepers were murdered in the capital on "
                       "Friday.") == [("ASSAULT", None)]


def test_the_weapon_named_keeps_its_mode(nlp):
    assert _modes(nlp, "A drone strike killed the group's chief in the north on "
                       "Monday.") == [("ASSAULT", "drone")]


def test_police_sent_out_are_a_police_mobilisation(nlp):
    assert _modes(nlp, "The interior ministry deployed thousands of police in the capital "
                       "on Sunday.") == [("MOBILIZE", "police")]
    assert _modes(nlp, "The governor ordered patrols by police in the old city after the "
                       "riots.") == [("MOBILIZE", "police")]


def test_soldiers_sent_out_stay_troops(nlp):
    assert _modes(nlp, "The interior ministry deployed thousands of troops in the capital "
                       "on Sunday.") == [("MOBILIZE", "troops")]
    assert _modes(nlp, "The governor ordered patrols by soldiers in the old city after the "
                       "riots.") == [("MOBILIZE", "troops")]
    assert _modes(nlp, "Police deployed troops around the stadium on "
                       "Saturday.") == [("MOBILIZE", "troops")]


def test_militiamen_sent_out_are_a_militia_mobilisation(nlp):
    assert _modes(nlp, "The rebel commander mobilized his militiamen around the town on "
                       "Monday.") == [("MOBILIZE", "militia")]


def test_what_is_asked_gives_the_request_mode(nlp):
    assert _modes(nlp, "The opposition called for talks with the ruling party on "
                       "Monday.") == [("REQUEST", "meet")]
    assert _modes(nlp, "The opposition called for new elections on "
                       "Monday.") == [("REQUEST", "change")]
    assert _modes(nlp, "The families asked the court to review the "
                       "verdict.") == [("REQUEST", "change")]


def test_what_is_refused_gives_the_rejection_mode(nlp):
    assert _modes(nlp, "The senator refused to testify before the committee on "
                       "Tuesday.") == [("REJECT", "meet")]
    assert _modes(nlp, "The governor rejected federal aid for the state's "
                       "schools.") == [("REJECT", "assist")]
    assert _modes(nlp, "The senator declined on Tuesday.") == [("REJECT", None)]


def test_a_demand_told_by_its_act_takes_the_act_mode(nlp):
    assert _modes(nlp, '"The government must end the blockade now," the senator said on '
                       'Monday.') == [("REQUEST", "yield")]
    assert _modes(nlp, '"The government must change the law now," the senator said on '
                       'Monday.') == [("REQUEST", "change")]


def test_an_attack_on_an_official_is_not_yet_a_targeted_killing(nlp):
    assert _modes(nlp, "Gunmen attacked the provincial governor outside his home on "
                       "Tuesday.") == [("ASSAULT", None)]


def test_fists_beat(nlp):
    assert _modes(nlp, "The suspect attacked the guard, striking him in the face with a "
                       "knife.") == [("ASSAULT", "primitive")]
    assert _modes(nlp, "The suspect attacked the guard, striking him in the face with his "
                       "fist.") == [("ASSAULT", "beat")]


def test_a_paper_or_channel_closed_is_censorship(nlp):
    assert _modes(nlp, "The government banned the opposition newspaper on "
                       "Monday.") == [("COERCE", "censor")]
    assert _modes(nlp, "The regulator suspended the satellite channel on "
                       "Monday.") == [("COERCE", "censor")]


def test_a_party_banned_or_a_licence_suspended_is_no_censorship(nlp):
    assert _modes(nlp, "The government banned the opposition party on "
                       "Monday.") == [("COERCE", "restrict")]
    assert _modes(nlp, "The regulator suspended the license of the airline on "
                       "Monday.") == [("SANCTION", "discontinue")]


def test_work_left_as_a_protest_is_a_strike(nlp):
    assert _modes(nlp, "Dock workers shunned work on Monday to protest against the new "
                       "pension law.") == [("PROTEST", "strike")]
    assert _modes(nlp, "Teachers downed tools on Tuesday over unpaid "
                       "salaries.") == [("PROTEST", "strike")]
    assert _modes(nlp, "Dock workers marched on Monday to protest against the new "
                       "pension law.") == [("PROTEST", "demo")]
    assert _modes(nlp, "Teachers stayed away from the talks on Tuesday.") == []
