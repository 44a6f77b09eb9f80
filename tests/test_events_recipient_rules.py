"""Each recipient rule of ``arguments.RECIPIENT_RULES`` run alone on a parsed sentence written
for these tests: it finds the recipient it is for, and leaves an already coded one alone."""

from __future__ import annotations

import pytest

from eventwire.events.arguments import (
    RECIPIENT_RULES,
    ActorIndex,
    Args,
    ArgumentReader,
    Reading,
    aimed_at,
    complement_argument,
    complement_subject,
    condition_subject,
    nested_recipient,
)
from eventwire.events.triggers import find_triggers, resolve
from eventwire.models import ActorRef
from tests.event_helpers import code


def _reading(nlp, text: str, etype: str) -> Reading:
    """The trigger of ``etype`` with its subject read and no recipient yet."""
    doc = code(nlp, text)
    coder = nlp.get_pipe("eventwire_events")
    reader = ArgumentReader(doc, coder.lex, ActorIndex(doc, coder.actors), doc._.quotes or [])
    sent = next(iter(doc.sents))
    trig = next(t for t in resolve(find_triggers(sent, coder.lex), coder.lex)
                if t.type == etype)
    subj, rule = reader.subject(trig)
    args = Args(sources=reader.refs(subj, rule) if subj is not None else [])
    return Reading(reader, trig, args)


@pytest.mark.parametrize(("rule", "text", "etype", "country"), [
    (complement_subject, "The opposition demanded that Zambia release the detained editors.",
     "REQUEST", "ZMB"),
    (complement_argument, "Georgia threatened to cut diplomatic ties with Armenia.",
     "THREATEN", "ARM"),
    (aimed_at, "Fishermen blocked the harbour in defiance of the Norwegian government.",
     "PROTEST", "NOR"),
    (condition_subject, "Turkey threatened to close its border unless Greece withdrew the bill.",
     "THREATEN", "GRC"),
    (nested_recipient, "Teachers marched in Lima to voice their anger at the Chilean "
     "government's decision.", "PROTEST", "CHL"),
])
def test_rule_alone_finds_its_recipient(nlp, rule, text, etype, country):
    state = _reading(nlp, text, etype)
    state.args.targets = []
    rule(state)
    assert country in {a.country for a in state.args.targets}
    assert state.args.target_rule == dict((f, n) for n, f in RECIPIENT_RULES)[rule]


@pytest.mark.parametrize(("rule", "text", "etype"), [
    (complement_argument, "Georgia threatened to cut diplomatic ties with Armenia.", "THREATEN"),
    (condition_subject, "Turkey threatened to close its border unless Greece withdrew the bill.",
     "THREATEN"),
    (nested_recipient, "Teachers marched in Lima to voice their anger at the Chilean "
     "government's decision.", "PROTEST"),
])
def test_rule_leaves_a_coded_recipient_alone(nlp, rule, text, etype):
    state = _reading(nlp, text, etype)
    kept = ActorRef(text="Peru", start=0, end=4, country="PER")
    state.args.targets, state.args.target_rule = [kept], "object"
    rule(state)
    assert state.args.targets == [kept] and state.args.target_rule == "object"


def test_condition_subject_is_for_threats_only(nlp):
    state = _reading(nlp, "Hungary demanded talks unless Slovakia changed the law.", "REQUEST")
    state.args.targets = []
    condition_subject(state)
    assert state.args.targets == []


def test_table_order():
    """The one rule that replaces a coded recipient (an audience) first, then struck sites (a
    projectile's case); the widest searches (nested, then a conjoined verb's) last."""
    names = [n for n, _ in RECIPIENT_RULES]
    assert names[:2] == ["content_not_audience", "owner_of_struck_site"]
    assert names[-2:] == ["nested_recipient", "shared_recipient"]
    assert len(set(names)) == len(names) == 8


def _seizure_targets(nlp, text):
    doc = code(nlp, text)
    (ev,) = [e for e in doc._.events if e.trigger == "seized"]
    return {a.country for a in ev.targets}, ev.field_rules["targets"]


def test_a_conjoined_act_on_things_is_aimed_at_the_people_its_partner_acts_on(nlp):
    countries, rule = _seizure_targets(
        nlp, "The Indian Navy on Thursday captured 26 Somali pirates and seized their rifles.")
    assert countries == {"SOM"} and rule == "shared_recipient"


def test_a_conjoined_act_that_names_its_own_people_keeps_them(nlp):
    countries, rule = _seizure_targets(
        nlp, "The Indian Navy on Thursday captured 26 Somali pirates and seized rifles from "
        "the Yemeni crew.")
    assert countries == {"YEM"}
