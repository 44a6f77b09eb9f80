"""Court rulings typed by their content: a court's order is SANCTION, keeping someone in
jail COERCE arrest, a finding of unconstitutionality SANCTION convict, an exoneration
CONCEDE.  Sentences written for these tests, each beside a near one that must come out the
other way (the same words said by a politician, a negated verdict, a non-judicial ruler)."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted, code


def _typed(nlp, text):
    return [(e.type, e.mode, e.rule) for e in asserted(code(nlp, text)._.events)]


@pytest.mark.parametrize(("text", "etype", "mode"), [
    ("The appeals court ruled on Monday that the ministry must publish the contracts.",
     "SANCTION", None),
    ("A district judge ordered that the company must pay damages to the workers.",
     "SANCTION", None),
    ("A magistrate ruled that the activist should stay in custody until the trial.",
     "COERCE", "arrest"),
    ("A federal judge declared the state's voting law unconstitutional on Friday.",
     "SANCTION", "convict"),
    ("The opposition welcomed a court ruling declaring the curfew illegal.",
     "SANCTION", "convict"),
    ("The fatal shooting of a driver by a deputy was ruled justified by a grand jury.",
     "CONCEDE", None),
])
def test_court_rulings_are_typed_by_their_content(nlp, text, etype, mode):
    assert (etype, mode, "rule:court_ruling") in _typed(nlp, text)


@pytest.mark.parametrize("text", [
    "The senator said on Monday that the ministry must publish the contracts.",
    "The team captain ruled that the players must train on Sunday.",
    "A judge in the county ruled that the shooting was not justified.",
    "The president declared the anniversary a national holiday.",
])
def test_no_court_ruling_without_a_court_or_a_verdict(nlp, text):
    assert not any(rule == "rule:court_ruling" for _, _, rule in _typed(nlp, text))


def test_a_politician_saying_someone_should_stay_in_jail_demands_it(nlp):
    got = _typed(nlp, "The governor said that the activist should stay in jail.")
    assert ("REQUEST", None, "rule:modal_demand") in [(t, None, r) for t, _, r in got]
