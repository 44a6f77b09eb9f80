"""Speech acts and their factuality on patterns that recur in news: a past act told on the
news' word ("is reported to have called"), against the hedged or planned near cases.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types as _types
from tests.event_helpers import counted_events


@pytest.mark.parametrize(("text", "etype"), [
    ("The prime minister is reported to have condemned the raid on the border village.",
     "ACCUSE"),
    ("The governor of Ohio is said to have met the Canadian ambassador on Tuesday.",
     "CONSULT"),
    ('The foreign minister is reported to have called the rebel leaders "thugs".', "ACCUSE"),
])
def test_reported_past_act_is_asserted(nlp, text, etype):
    assert etype in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype"), [
    ("The prime minister is expected to condemn the raid on the border village.", "ACCUSE"),
    ("The governor of Ohio is said to want to meet the Canadian ambassador.", "CONSULT"),
    ("The foreign minister is believed to have praised the new budget.", "SUPPORT"),
])
def test_expected_or_believed_act_is_not(nlp, text, etype):
    assert etype not in _types(nlp, text)


def test_reported_act_keeps_its_doer(nlp):
    ev = next(e for e in counted_events(
        nlp, "The governor of Ohio is reported to have met the Canadian ambassador.")
        if e.type == "CONSULT")
    assert any("governor" in s.text for s in ev.sources)


def _accusations(nlp, text: str) -> list[str]:
    return [e.rule for e in counted_events(nlp, text) if e.type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "Labour leaders said the government did not go far enough on housing.",
    "The union said the ministry was not doing enough to protect nurses.",
    "The union said the ministry failed to protect nurses from the attacks.",
    "Rights groups said he did not go far enough on prison reform.",
])
def test_saying_another_did_too_little_is_criticism(nlp, text):
    assert "rule:insufficiency" in _accusations(nlp, text)


@pytest.mark.parametrize("text", [
    "The minister said we have not done enough for the nurses.",
    "The minister said the talks failed to produce a deal.",
    "The mayor said he did not go far enough on housing.",
    "The union said the ministry had done enough to protect nurses.",
])
def test_own_shortfall_or_thing_failing_is_not(nlp, text):
    assert "rule:insufficiency" not in _accusations(nlp, text)


@pytest.mark.parametrize("text", [
    "Senator Mark Hale said China continues to detain journalists without charge.",
    "Senator Mark Hale said the rebels routinely torture prisoners.",
])
def test_wrong_told_as_practice_is_an_allegation(nlp, text):
    assert "rule:alleged_practice" in _accusations(nlp, text)


@pytest.mark.parametrize("text", [
    "Senator Mark Hale said China detained two journalists on Monday.",
    "The commander said: “The United States does not support forced relocations of "
    "hungry people.”",
    "The envoy said: “The United States firmly opposes intimidation by any claimant.”",
])
def test_one_act_or_own_stance_is_no_alleged_practice(nlp, text):
    assert "rule:alleged_practice" not in _accusations(nlp, text)


_CAMPS = ("Thousands of Malians were expelled from Algeria last month, the agency said. The "
          "agency said the families are living in camps near the border. Aid workers say "
          "water is scarce and many children are sick. Doctors reported cases of fever in "
          "the camps. ")


def _deportations(nlp, text: str) -> list[str]:
    return [e.trigger for e in counted_events(nlp, text) if e.type == "COERCE"]


def test_act_told_of_part_of_the_group_is_the_same_act(nlp):
    text = _CAMPS + ("Most of them were deported from the southern province of Tamanrasset, "
                     "the spokesman said.")
    assert _deportations(nlp, text) == ["expelled"]


@pytest.mark.parametrize("last", [
    "Several aid workers were deported from the southern province of Tamanrasset, the "
    "spokesman said.",
    "Most of them were arrested at the border, the spokesman said.",
])
def test_other_people_or_other_act_stay_apart(nlp, last):
    assert len(_deportations(nlp, _CAMPS + last)) == 2


@pytest.mark.parametrize("text", [
    '"He has taken responsibility for using threatening and abusive language in that '
    'email," his lawyer Dana Price said.',
    "Dana Price said the senator admitted using threatening and abusive language in that "
    "email.",
    "Legal observers note the White House would not truly close the prison, to the dismay "
    "of rights groups.",
    "Legal experts said the governor's decision was a reckless and dangerous abuse of power.",
])
def test_admission_or_commentary_is_no_criticism(nlp, text):
    assert "ACCUSE" not in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Dana Price said the senator used threatening and abusive language in that email.",
    "Rights groups said the governor's decision was a reckless and dangerous abuse of power.",
    "Western observers said the governor's decision was a reckless and dangerous abuse of "
    "power.",
])
def test_charge_by_an_actor_stays_criticism(nlp, text):
    assert "ACCUSE" in _types(nlp, text)


@pytest.mark.parametrize(("text", "etype", "told"), [
    # a passive in a mandative "that" clause is what is required, not what was done
    ("The lawyer said the ministry had asked in a letter that the journalist be released "
     "to his home country.", "RETREAT", False),
    ("The lawyer said the journalist was released to his home country.", "RETREAT", True),
    # the result of an act still to be done is to come as well
    ('"They needed to do something to get the prisoner released," the envoy said.',
     "RETREAT", False),
    ('"They managed to get the prisoner released," the envoy said.', "RETREAT", True),
])
def test_required_or_sought_result_is_not_done(nlp, text, etype, told):
    assert (etype in _types(nlp, text)) is told


@pytest.mark.parametrize("text", [
    '"We hope to normalise our relations with Cuba," the Spanish prime minister said.',
    "The Kenyan president wants to cooperate with Uganda on border security.",
])
def test_stated_wish_to_cooperate_is_agreement(nlp, text):
    assert "AGREE" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "The Kenyan president does not want to cooperate with Uganda on border security.",
    "Some analysts hope to meet the rebel leaders.",
    "The rebels want to attack the capital.",
])
def test_refused_or_nobody_s_or_forceful_wish_is_not(nlp, text):
    assert "AGREE" not in _types(nlp, text)
