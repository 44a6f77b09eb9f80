"""Quote attributions: who holds a stance at which level (participles on nouns, gerunds
owned by someone, reports one level out).  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.quote_fixtures import quote_nlp, rules_only


@pytest.fixture(scope="module")
def nlp():
    return quote_nlp()


def run(nlp, text):
    doc = nlp.make_doc(text)
    doc._.article_id = "a1"
    return nlp(doc)._.quotes


def speakers(quotes, cue):
    hits = [q.speaker for q in quotes if q.cue == cue]
    assert hits, f"no attribution cued {cue!r} in {[(q.cue, q.content) for q in quotes]}"
    return hits


@pytest.mark.parametrize("text, speaker", [
    # a poll, or people, a participle hangs on hold what it says
    ("The mayor will need their votes, with recent polls showing a tightening of the race.",
     "recent polls"),
    ("Ortiz draws praise from voters, including those backing other candidates.", "those"),
    # a name owning the noun holds it, not the subject of the clause around it
    ("Senator Ortiz will follow Ruth Lane's speech denouncing his tax plan with his own.",
     "Ruth Lane's"),
    # else whoever acts with the noun: "released a statement saying"
    ("The campaign of Ruth Lane released a statement saying the tax plan was dead.",
     "The campaign of Ruth Lane"),
    ("Ruth Lane revised her statement explaining that she had never seen the memo.",
     "Ruth Lane"),
])
def test_a_participle_on_a_noun_is_held_by_the_noun_its_owner_or_its_host(nlp, text, speaker):
    cue = next(w for w in ("showing", "backing", "denouncing", "saying", "explaining")
               if w in text)
    assert speakers(rules_only(nlp, text), cue) == [speaker]


def test_a_day_owning_the_noun_is_no_holder(nlp):
    text = ("Lane's campaign entered Monday's talks believing that it had more leverage than "
            "the party.")
    assert speakers(rules_only(nlp, text), "believing") == ["Lane's campaign"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("The governor broke briefly from his policy of not attacking Senator Ortiz.",
     "attacking", "his"),
    ("The two rivals of Ruth Lane abandoned their strategy of attacking her record.",
     "attacking", "their"),
    # no owner: the subject of the clause does it
    ("The governor broke briefly from a policy of not attacking Senator Ortiz.",
     "attacking", "The governor"),
])
def test_the_owner_of_a_gerund_or_of_its_noun_does_it(nlp, text, cue, speaker):
    assert speakers(rules_only(nlp, text), cue) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("As reported by the Ledger, the mayor signed the levy into law on Friday.", "the Ledger"),
    ("As the Ledger reported, the mayor signed the levy into law on Friday.", "the Ledger"),
])
def test_as_reported_by_names_the_agent(nlp, text, speaker):
    assert speakers(rules_only(nlp, text), "reported") == [speaker]


def test_as_shown_by_gives_evidence_not_a_source(nlp):
    # the stance of the clause stays its subject's, not nested in an "as" report
    text = ("Republicans were in the lead in advocating the levy, as shown by Senator Ortiz's "
            "vote for it in 1994.")
    quotes = rules_only(nlp, text)
    assert not [q for q in quotes if q.cue == "shown"]
    assert speakers(quotes, "advocating") == ["Republicans"]


def test_a_share_of_a_poll_says_what_the_poll_found(nlp):
    # "In a poll, 61 percent said ...": the poll is the source of the whole clause, one level
    text = ("In a Ledger poll released Sunday, 61 percent of voters said the levy should be "
            "repealed.")
    quotes = run(nlp, text)
    assert [(q.cue, q.speaker) for q in quotes] == [
        ("In a Ledger poll", "a Ledger poll released Sunday")]
    assert quotes[0].content.startswith("61 percent of voters said")
    # a person in an interview, or a share with the poll named after, keeps the verb
    text = "In an interview released Sunday, the mayor said the levy should be repealed."
    assert [q.cue for q in run(nlp, text)] == ["said"]
    text = "Sixty-one percent of voters said the levy should be repealed, in a Ledger poll."
    assert "said" in [q.cue for q in run(nlp, text)]


def test_that_said_is_the_writers_connective(nlp):
    # "That said," is no report: the one after it is the voters'
    quotes = rules_only(nlp, "That said, voters say they expect the levy to pass this fall.")
    assert [(q.cue, q.speaker) for q in quotes] == [("say", "voters")]
    # a thing as the subject of "said" stays a report of its own
    text = "That said nothing about the levy, but the mayor said it would pass."
    assert speakers(rules_only(nlp, text), "said") == ["That", "the mayor"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Ruth Lane was the first senator in Congress to endorse Ortiz in the primary.",
     "endorse", "Ruth Lane"),
    ("Tom Ortiz and Ruth Lane were the only Democrats to vote against the levy.",
     "vote", "Tom Ortiz and Ruth Lane"),
    # an intention held by the subject stays the subject's
    ("Ruth Lane has a plan to endorse Ortiz in the primary.", "plan", "Ruth Lane"),
])
def test_an_infinitive_on_a_noun_the_copula_names_is_that_ones(nlp, text, cue, speaker):
    assert speakers(rules_only(nlp, text), cue) == [speaker]


def test_a_supporter_or_critic_is_not_its_possessor(nlp):
    # "the party's most outspoken proponent": a member of the party, the copula's subject
    text = "Ruth Lane is perhaps the party's most outspoken proponent of the levy."
    assert speakers(rules_only(nlp, text), "proponent") == ["Ruth Lane"]
    # a stance noun's possessor still holds it
    text = "The party's criticism of the levy grew louder in the spring."
    assert speakers(rules_only(nlp, text), "criticism") == ["The party's"]


@pytest.mark.parametrize("text, speaker", [
    # what a filing includes, or a signer signs, speaks for itself
    ("The filing included handwritten ledgers showing that the mayor was paid in cash.",
     "handwritten ledgers"),
    ("The mayor signed paperwork ordering the port closed.", "paperwork"),
    # who releases a document speaks through it
    ("The campaign released handwritten ledgers showing that the mayor was paid in cash.",
     "The campaign"),
])
def test_a_document_another_holds_speaks_for_itself(nlp, text, speaker):
    cue = "showing" if "showing" in text else "ordering"
    assert speakers(rules_only(nlp, text), cue) == [speaker]


@pytest.mark.parametrize("text, cue, speaker", [
    # a message set beside the clause by "despite" or "after" is not its subject's
    ("Despite pre-event disclaimers urging peaceable conduct, the mayor's tone often seems "
     "to encourage anger.", "urging", "pre-event disclaimers"),
    # one the subject speaks in is
    ("In a statement urging peaceable conduct, the mayor called for calm.", "urging",
     "the mayor"),
])
def test_a_message_beside_the_clause_is_not_its_subjects(nlp, text, cue, speaker):
    assert speakers(rules_only(nlp, text), cue) == [speaker]


def test_a_share_folded_into_a_gerund_does_it(nlp):
    # the parser reads "58 percent" as part of "voting": the share votes, not the vote
    text = "The vote ended with 58 percent voting against the levy."
    assert speakers(rules_only(nlp, text), "voting") == ["58 percent"]
    # a subject the parser gave the gerund stays
    text = "The turnout was high, with most voters saying they had never voted before."
    assert speakers(rules_only(nlp, text), "saying") == ["most voters"]
