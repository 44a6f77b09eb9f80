"""The quotes' learned pass: stance candidates, the shipped model, and how it decides."""

from __future__ import annotations

import pytest
import spacy

from eventwire.config import Settings
from eventwire.nlp.quotes import component as quotes_mod
from eventwire.nlp.quotes.learned import STANCE_RULE, AttributionModel, packaged_model


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(Settings().spacy_model)


def finder(nlp, text, model=None):
    doc = nlp(text)
    doc._.article_id = "a1"
    return quotes_mod.QuoteFinder(doc, model)


def stances(nlp, text):
    f = finder(nlp, text)
    direct, indirect = f.rule_candidates()
    return [c for c, _ in f.featured(direct, indirect) if c.rule == STANCE_RULE], f.text


def test_shipped_model_loads_with_sane_thresholds():
    m = packaged_model()
    assert m is not None and len(m.weights) > 1000
    assert 0 < m.keep_threshold < 1 and 0 < m.add_threshold < 1


def test_verb_outside_the_lexicons_is_a_stance_candidate_with_its_subject(nlp):
    found, text = stances(nlp, "The senator has largely ignored the question of tax reform.")
    c = next(c for c in found if text[c.cue[0] : c.cue[1]] == "ignored")
    assert text[c.parts[0][0] : c.parts[0][1]] == "the question of tax reform"
    assert c.speaker is not None and c.speaker.text == "The senator"


def test_no_stance_candidate_without_a_source(nlp):
    found, text = stances(nlp, "Closing the road to the airport took most of the morning.")
    assert not any(text[c.cue[0] : c.cue[1]] == "Closing" for c in found)


def test_stance_content_leaves_out_a_direct_quote(nlp):
    text = ("Councillor Okafor praised the budget plan. “It protects the libraries and the "
            "pools,” she told reporters, and she backed the plan for the harbour.")
    f = finder(nlp, text)
    direct, indirect = f.rule_candidates()
    quoted = [p for c in direct for p in c.parts]
    assert quoted
    for c, _ in f.featured(direct, indirect):
        if c.rule == STANCE_RULE:
            assert not any(a < e and s < b for s, e in c.parts for a, b in quoted)


def test_model_adds_a_likely_stance_and_keeps_or_drops_rule_attributions(nlp):
    text = "Ruth Lane has largely ignored the question of tax reform."
    f = finder(nlp, text)
    direct, indirect = f.rule_candidates()
    feats = dict((text[c.cue[0] : c.cue[1]], fs) for c, fs in f.featured(direct, indirect))
    assert "lemma=ignore" in feats["ignored"] and "rule=" + STANCE_RULE in feats["ignored"]
    eager = AttributionModel({"lemma=ignore": 5.0}, -1.0, 0.4, 0.5)
    shy = AttributionModel({"lemma=ignore": -5.0}, -1.0, 0.4, 0.5)
    got = finder(nlp, text, eager).find()
    assert [(q.cue, q.rule, q.speaker) for q in got] == [("ignored", STANCE_RULE, "Ruth Lane")]
    assert 0.5 <= got[0].confidence <= 1
    assert not any(q.cue == "ignored" for q in finder(nlp, text, shy).find())


def test_of_stances_holding_one_another_only_the_likeliest_is_kept(nlp):
    text = "Lane attacked the mayor for using emergency powers to close the old harbour."
    always = AttributionModel({}, 5.0, 0.4, 0.5)  # every candidate likely
    got = [q for q in finder(nlp, text, always).find() if q.rule == STANCE_RULE]
    assert got
    for a in got:
        for b in got:
            if a is not b:
                inside = max(0, min(a.content_end, b.content_end)
                             - max(a.content_start, b.content_start))
                assert inside <= 0.5 * (a.content_end - a.content_start)


def test_subject_after_a_heading_the_parser_ran_in(nlp):
    text = ("Mayor Backs Transit Levy For Buses\n"
            "Jane Okafor criticized the council for delaying the vote on the levy.")
    got = finder(nlp, text, packaged_model()).find()
    q = next(q for q in got if "the council" in q.content or "delaying" in q.content)
    assert q.speaker is not None and "Okafor" in q.speaker
