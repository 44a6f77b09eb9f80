"""Who does a cue verb the parser hung away from its subject: passive agents, participles
after "with", after a relative clause or hung on a quotation's verb, and group words."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventwire.nlp.quotes.speaker import names_people
from eventwire.nlp.quotes.syntax import subject
from tests.quote_fixtures import quote_nlp, rules_only


@pytest.fixture(scope="module")
def nlp():
    return quote_nlp()


def speaker_of(quotes, cue):
    hits = [q for q in quotes if q.cue == cue]
    assert hits, f"no attribution cued {cue!r} in {[(q.cue, q.content) for q in quotes]}"
    return hits[0].speaker or ""


def test_passive_participle_is_done_by_its_agent(nlp):
    # "as reported by the Ledger": the Ledger reported it, not the main clause's subject
    text = "As first reported by the Ledger, the council quietly dropped the harbor plan."
    assert speaker_of(rules_only(nlp, text), "reported") == "the Ledger"
    text = "As Ruth Lane first reported, the council quietly dropped the harbor plan."
    assert speaker_of(rules_only(nlp, text), "reported") == "Ruth Lane"


def test_participle_after_the_object_of_with_is_that_objects(nlp):
    # "ended with the senator asking": the senator asks; a letter is not who asks
    text = "The hearing ended with the senator asking the minister whether the money was spent."
    assert speaker_of(rules_only(nlp, text), "asking") == "the senator"
    text = "The hearing ended with a letter asking the minister whether the money was spent."
    assert speaker_of(rules_only(nlp, text), "asking") == "The hearing"


def test_poll_after_with_speaks_for_itself(nlp):
    text = "Turnout was low, with recent polls showing the mayor well ahead of her rival."
    assert speaker_of(rules_only(nlp, text), "showing").startswith("recent polls")
    text = "Turnout was low, with a late memo showing the mayor well ahead of her rival."
    assert speaker_of(rules_only(nlp, text), "showing") == "Turnout"


def test_participle_hung_on_a_quotations_verb_goes_with_the_one_quoted(nlp):
    # the parser hangs "adding" on "cares" inside the quotation: "He" is the quoted man
    text = ("''We have started the talks,'' Ruth Lane said, adding of the mayor, ''He cares "
            "about the port.''")
    quotes = rules_only(nlp, text)
    assert speaker_of(quotes, "adding") == "Ruth Lane"
    assert speaker_of(rules_only(nlp, "Ruth Lane said, ''He cares about the port.''"),
                      "said") == "Ruth Lane"


def test_group_words_name_people(nlp):
    # "including those backing her rival": those back her, not the mayor
    text = "The mayor won praise from moderates, including those backing her rival."
    assert speaker_of(rules_only(nlp, text), "backing").startswith("those")
    # a column is no group of people, but a document speaks for itself: never the mayor
    text = "The mayor won praise from moderates, including a column backing her rival."
    assert speaker_of(rules_only(nlp, text), "backing") == "a column"
    doc = nlp("Allies and donors said so, and the paper said so too.")
    assert names_people(doc[0]) and names_people(doc[2]) and not names_people(doc[9])


def test_participle_after_a_relative_clause_goes_with_its_subject(nlp):
    # "..., when union members interrupted her speech, shouting": the members shout; after
    # a dash the participle is the sentence's again
    text = ("The first clash came at a rally in Ohio, when union members interrupted her "
            "speech, shouting “no deal, no vote!”")
    assert speaker_of(rules_only(nlp, text), "shouting") == "union members"
    text = text.replace("speech, shouting", "speech — shouting")
    assert speaker_of(rules_only(nlp, text), "shouting") == "The first clash"


def _parsed(nlp, words, heads, deps, tags):
    pos = {"``": "PUNCT", "''": "PUNCT", ",": "PUNCT", ".": "PUNCT", "NNP": "PROPN",
           "PRP": "PRON", "IN": "SCONJ"}
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags,
               pos=[pos.get(t, "VERB") for t in tags])


def test_quoted_word_is_not_a_participles_subject(nlp):
    # the parser made the quoted "Reckless" the subject of "meaning": she means it
    words = ["“", "Reckless", ",", "”", "she", "said", ",", "meaning", "that", "he", "cares"]
    heads = [7, 7, 7, 7, 5, 7, 7, 7, 10, 10, 7]
    deps = ["punct", "nsubj", "punct", "punct", "nsubj", "parataxis", "punct", "ROOT", "mark",
            "nsubj", "ccomp"]
    tags = ["``", "NNP", ",", "''", "PRP", "VBD", ",", "VBG", "IN", "PRP", "VBZ"]
    assert subject(_parsed(nlp, words, heads, deps, tags)[7]).text == "she"
    # the same word outside quotation marks is the subject
    unquoted = _parsed(nlp, words[1:3] + words[4:], [5, 5, 3, 5, 5, 5, 8, 8, 5],
                       deps[1:3] + deps[4:], tags[1:3] + tags[4:])
    assert subject(unquoted[5]).text == "Reckless"


def test_verbs_listed_after_a_subordinate_clause_share_its_subject(nlp):
    # the parser reads "..., referred to ..." as a second clause on "was": the mayor refers
    text = ("The only time the port came up was when the mayor complained about the cost of "
            "the dredging, referred to the council's delays and said the plan would fail.")
    assert speaker_of(rules_only(nlp, text), "referred") == "the mayor"
    text = ("The only time the port came up was when the mayor complained about the cost of "
            "the dredging, which the council said would fall.")
    assert speaker_of(rules_only(nlp, text), "said") == "the council"


def test_participle_after_a_quotation_closing_on_its_comma(nlp):
    # the comma before "suggesting" sits inside the quotation marks: the mayor suggests,
    # not the quoted clause's "way"
    text = ("The mayor stressed that \"the only way to proceed is to get both parties working "
            "together,\" suggesting that the council might simply pass the old budget again.")
    assert speaker_of(rules_only(nlp, text), "suggesting") == "The mayor"
    assert speaker_of(rules_only(nlp, text.replace("\"", "")), "suggesting") == "The mayor"


def test_participle_on_a_there_clause_goes_with_what_there_is(nlp):
    # "There were emails showing ...": the emails show it (no subject before: none at all)
    text = "There were also emails that night showing that the ministry knew who was behind it."
    assert speaker_of(rules_only(nlp, text), "showing") == "emails"
    text = "There were also emails that night, and officials said the ministry knew about it."
    assert speaker_of(rules_only(nlp, text), "said") == "officials"
