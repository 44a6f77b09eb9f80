"""Recipients (PLOVER "recipient", the gold's "target") read off the parse, on sentences
written for these tests, and how the sentence scorer reads the gold's targets."""

from __future__ import annotations

import json

import pytest

from eventwire.eval.events import evaluate_sentences, read_sentences
from eventwire.models import ActorRef, Event
from tests.event_helpers import code


def _event(nlp, text, etype):
    return next(e for e in code(nlp, text)._.events if e.type == etype)


@pytest.mark.parametrize(("text", "etype", "targets", "rule"), [
    # the participants of an event noun: its "of" and "from" phrases
    ("The Arab League demanded the withdrawal of Ethiopian troops from Somalia.", "REQUEST",
     ["ETH"], "object"),
    ("Chad rejected an offer of talks from Sudan on Monday.", "REJECT", ["SDN"], "object"),
    # the content clause of a demand names the one asked
    ("The rebels insisted on their demand that the Malian government release the prisoners.",
     "REQUEST", ["MLI"], "prep_on"),
    # a threat is aimed at whoever must meet its condition
    ("Hungary threatened to block the budget unless Poland dropped its objections.",
     "THREATEN", ["POL"], "condition_subject"),
    # "in protest of X": the protest is aimed at X, not at the place it is held in
    ("Farmers blocked highways in Bolivia in protest of the Brazilian government's new "
     "tariffs.", "PROTEST", ["BRA"], "aimed_at"),
    # a purpose clause one step down
    ("Students marched in Dhaka to show their anger at the Indian government's dam project.",
     "PROTEST", ["IND"], "nested_recipient"),
    # "the town of X": the place named by the noun the preposition governs
    ("Workers rallied in the town of Tuzla on Monday.", "PROTEST", ["BIH"],
     "country_of_place"),
    # a role-only recipient of a state's own act is of that state
    ("The Nepalese government accepted demands from the rebels on Tuesday.", "CONCEDE",
     ["NPL"], "object_of_consumed_noun+domestic_counterpart"),
    # "it must ...": the pronoun is the one the reminder was sent to
    ("Egypt sent a reminder to Ethiopia that it must share the river's water.", "REQUEST",
     ["ETH"], "addressee_of_demand"),
    # a complaint made to one body about another: the accused is the recipient
    ("Nepal complained to the United Nations over attacks by Chinese troops.", "ACCUSE",
     ["CHN"], None),
    # "up to 20 students" parsed as a phrase is still the object
    ("Gunmen abducted up to 20 Nigerian students on Friday.", "ASSAULT", ["NGA"], "object"),
    # the subject of the complement of a nested verb: "let X enter"
    ("The president refused to let Kenyan observers enter the country.", "REJECT", ["KEN"],
     "nested_recipient"),
])
def test_recipients(nlp, text, etype, targets, rule):
    ev = _event(nlp, text, etype)
    assert [a.country for a in ev.targets] == targets
    if rule:
        assert ev.field_rules["targets"] == rule


def test_stance_in_the_passive_is_held_by_its_subject(nlp):
    ev = _event(nlp, "Egypt is opposed to Turkish mediation in the dispute.", "REJECT")
    assert [a.country for a in ev.sources] == ["EGY"]
    assert ev.field_rules["sources"] == "stance_holder"
    assert [a.country for a in ev.targets] == ["TUR"]


def test_a_compound_actor_acting_together_has_no_recipient_of_its_own(nlp):
    ev = _event(nlp, "Peru and Chile resumed talks on a Chilean fishing dispute.", "CONSULT")
    assert {a.country for a in ev.sources} == {"PER", "CHL"}
    assert not [a for a in ev.targets if a.country in ("PER", "CHL")]


def test_an_object_pronoun_is_not_the_reporter(nlp):
    ev = _event(nlp, "Uganda said the rebels had attacked them.", "ASSAULT")
    assert "UGA" not in {a.country for a in ev.targets}


# --------------------------------------------------------------------------- scoring
def _gold(tmp_path, records):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records))
    return read_sentences(path)


def _coded(*pairs):
    """A coder returning one CONSULT event per sentence with the given sources/targets."""
    def run(items):
        out = []
        for (src, tgt), _ in zip(pairs, items, strict=True):
            out.append([Event(
                id="e", article_id="a", type="CONSULT", sentence_start=0, sentence_end=10,
                trigger_start=0, trigger_end=4, trigger="met", rule="test", confidence=0.7,
                sources=[ActorRef(c, 0, 1, c) for c in src],
                targets=[ActorRef(c, 0, 1, c) for c in tgt])])
        return out
    return run


def test_reciprocal_gold_has_no_target_and_a_predicted_one_is_a_false_positive(tmp_path):
    # the gold marks both sides "SRC/TAR", lists them as sources and leaves "target" empty
    # (or holds a stray label): PLOVER's reciprocal event, all sides actors, no recipient
    gold = _gold(tmp_path, [
        {"id": "r1", "event": "CONSULT", "text": "Peru and Chile held talks.", "target": "",
         "source": [{"actorText": "Peru", "code": "PER"}, {"actorText": "Chile",
                                                            "code": "CHL"}]},
        {"id": "r2", "event": "CONSULT", "text": "Peru met Chile.", "target": "diplomatic",
         "source": [{"actorText": "Peru", "code": "PER"}]},
        {"id": "r3", "event": "CONSULT", "text": "Peru met Bolivia.",
         "source": [{"actorText": "Peru", "code": "PER"}],
         "target": [{"actorText": "Bolivia", "code": "BOL", "sector": "***"}]},
    ])
    assert [g.targets for g in gold] == [[], [], [("BOL", None)]]
    res = evaluate_sentences(gold, _coded((["PER", "CHL"], []), (["PER"], ["CHL"]),
                                          (["PER"], ["BOL"])))
    assert res["target"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667}
    assert res["source"]["f1"] == 1.0
