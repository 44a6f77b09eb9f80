"""Several acts told in one sentence, and words that only look like event words: a month
named March, a raid that was repelled, a crowd-control weapon counted in rounds.  Sentences
written for these tests, each beside a near sentence that must come out the other way."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code
from tests.event_helpers import asserted_types as _types


def _typed(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in asserted(code(nlp, text)._.events)]


def test_a_month_is_no_march(nlp):
    assert "PROTEST" not in _types(nlp, "The cooperative paid its growers in March.")
    assert "PROTEST" in _types(nlp, "In March, growers held a march through the capital.")


@pytest.mark.parametrize(("text", "etype", "mode"), [
    ("A patrol boat thwarted a raid by gunmen on a cargo ship on Friday.", "ASSAULT", None),
    ("A leak foiled a police raid on the warehouse on Friday.", "COERCE", "seize"),
])
def test_a_repelled_raid_is_the_raiders_attack(nlp, text, etype, mode):
    raids = [e for e in asserted(code(nlp, text)._.events) if e.trigger == "raid"]
    assert [e.type for e in raids] == [etype]
    if mode:
        assert raids[0].mode == mode


@pytest.mark.parametrize("text", [
    "Officers responded to the marchers with rounds of tear gas on Monday.",
    "Officers responded to the marchers with volleys of tear gas canisters on Monday.",
])
def test_tear_gas_counted_in_rounds(nlp, text):
    assert ("ASSAULT", "crowd-control") in _typed(nlp, text)


def test_applause_counted_in_rounds_is_no_gas(nlp):
    assert ("ASSAULT", "crowd-control") not in _typed(
        nlp, "The minister responded to the crowd with rounds of applause on Monday.")


@pytest.mark.parametrize(("text", "told"), [
    ("A deal between the two parties, mediated by Oman, ended the dispute on Monday.", True),
    ("A possible deal between the two parties, mediated by Oman, could end the dispute.",
     False),
])
def test_the_go_between_of_a_deal_is_its_own_act(nlp, text, told):
    events = code(nlp, text)._.events
    mediation = [e for e in events if e.type == "CONSULT" and e.mode == "third-party"]
    assert len(mediation) == 1
    assert [a.text for a in mediation[0].sources] == ["Oman"]
    assert (mediation[0] in asserted(events)) is told
    assert "AGREE" in [e.type for e in events]


def test_a_welcome_of_a_deal_is_no_mediation(nlp):
    text = "A deal between the two parties, welcomed by Oman, ended the dispute on Monday."
    assert "CONSULT" not in [e.type for e in code(nlp, text)._.events]


@pytest.mark.parametrize(("text", "protest"), [
    ("Hundreds of marchers continued to call for an inquiry into the fire on Sunday.", True),
    ("The minister continued to call for an inquiry into the fire on Sunday.", False),
    ("Demonstrators called for the governor to step down on Friday.", True),
    ("Riot police fired tear gas at a crowd that was demanding the release of students.", True),
    ("A crowd that gathered to watch the parade cheered the band on Saturday.", False),
])
def test_a_crowd_demanding_is_protesting(nlp, text, protest):
    assert ("PROTEST" in _types(nlp, text)) is protest


@pytest.mark.parametrize(("text", "types"), [
    ("Demonstrators called for the governor to step down on Friday.", ["PROTEST"]),
    ("Lawmakers called for the governor to step down on Friday.", ["REQUEST"]),
])
def test_what_is_called_for_is_not_done(nlp, text, types):
    assert _types(nlp, text) == types


@pytest.mark.parametrize(("text", "met"), [
    ("In my first meeting with the envoy in 2015, he said the plan had failed.", True),
    ("In my meeting with the envoy next week, I will raise the plan.", False),
])
def test_a_meeting_dated_in_the_past_took_place(nlp, text, met):
    assert ("CONSULT" in _types(nlp, text)) is met


@pytest.mark.parametrize(("text", "protest"), [
    ("Four nurses were detained after refusing to leave the ward as part of a protest at the "
     "clinic, officials said.", True),
    ("Four nurses were detained after refusing to leave the ward as part of an audit at the "
     "clinic, officials said.", False),
])
def test_an_act_done_as_part_of_a_protest_tells_the_protest(nlp, text, protest):
    assert ("PROTEST" in _types(nlp, text)) is protest


@pytest.mark.parametrize(("text", "protest"), [
    ("Protesters tried to break through a police line outside the palace.", True),
    ("Rescuers tried to break through the wall of the collapsed school.", False),
])
def test_protesters_breaking_through_a_police_line_riot(nlp, text, protest):
    assert ("PROTEST", "riot") in _typed(nlp, text) if protest else \
        "PROTEST" not in _types(nlp, text)


@pytest.mark.parametrize(("text", "modes"), [
    ("Students clashed with riot police, who responded with tear gas, on Tuesday.",
     [None, "crowd-control"]),
    ("Riot police fired tear gas and beat the students with batons on Tuesday.",
     ["crowd-control"]),
])
def test_force_used_on_a_crowd_is_the_other_side_s_act(nlp, text, modes):
    assaults = [m for t, m in _typed(nlp, text) if t == "ASSAULT"]
    assert sorted(assaults, key=str) == sorted(modes, key=str)


@pytest.mark.parametrize(("text", "mode"), [
    ("Rubber bullets were used to clear the square on Friday.", "crowd-control"),
    ("Rubber boats were used to reach the island on Friday.", None),
    ("Troops fired plastic bullets at the crowd on Friday.", "crowd-control"),
    ("Troops fired live bullets at the crowd on Friday.", "firearms"),
])
def test_less_lethal_rounds_are_crowd_control(nlp, text, mode):
    modes = [m for t, m in _typed(nlp, text) if t == "ASSAULT"]
    assert modes == ([mode] if mode else [])


@pytest.mark.parametrize(("text", "assaults"), [
    ("Troops shot dead a gunman who had attacked a checkpoint on Monday.", 2),
    ("The coastguard sank a boat that had been hijacked by smugglers on Monday.", 2),
    ("A rocket that hit the base killed two soldiers on Monday.", 1),
])
def test_an_earlier_act_of_the_object_is_another_event(nlp, text, assaults):
    assert _types(nlp, text).count("ASSAULT") == assaults
