"""Trigger and recipient rules that read the parse beyond the plain verb-object case: the one
allowed to act, adjunct clauses that stay events of their own, a "to" phrase parsed as a
dative, the country an unnamed group is in, and lexicon entries from the manual's
definitions.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.event_helpers import code


def _events(nlp, text):
    return code(nlp, text)._.events


def _one(nlp, text, etype):
    found = [e for e in _events(nlp, text) if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.trigger) for e in _events(nlp, text)]}"
    return found[0]


def test_the_one_allowed_to_act_is_the_recipient(nlp):
    ev = _one(nlp, "The Kenyan electoral board decided to allow opposition leader Raila "
                   "Odinga to stand in the vote.", "CONCEDE")
    assert ev.field_rules["targets"].startswith("complement_subject")
    assert any("Odinga" in a.text for a in ev.targets)


def test_adjunct_clause_is_not_absorbed(nlp):
    """An "as" clause happens beside the main event; its actors are not the recipients."""
    evs = _events(nlp, "Turkey eased travel restrictions in Cyprus on Monday as police in "
                       "Greece arrested dozens of smugglers.")
    kinds = {e.type for e in evs}
    assert "COERCE" in kinds  # the arrest is an event of its own
    concede = next(e for e in evs if e.type in ("CONCEDE", "RETREAT"))
    assert "GRC" not in {a.country for a in concede.targets}


def test_uncoded_group_takes_the_country_it_is_in(nlp):
    ev = _one(nlp, "The rebels demanded a truce with government forces in eastern Congo.",
              "REQUEST")
    assert {a.country for a in ev.targets} & {"COD", "COG"}


@pytest.mark.parametrize(("text", "etype", "country"), [
    ("Japan gave Laos a grant of ten million dollars.", "AID", "LAO"),
    # a promise of future aid is AGREE, as the manual says
    ("Japan will give Laos a grant of ten million dollars.", "AGREE", "LAO"),
    ("Ghana is ready to contribute 500 troops to the force in Mali.", "AGREE", "MLI"),
    ("The Dutch government paid compensation to Indonesian villagers.", "AID", "IDN"),
    ("Police in Ukraine put a Moldovan official under investigation.", "ACCUSE", "MDA"),
    ("Armenia closed its border with Azerbaijan.", "REJECT", "AZE"),
])
def test_manual_vocabulary(nlp, text, etype, country):
    """Lexicon entries from the PLOVER manual's definitions (AID: grants, personnel,
    reparations; ACCUSE investigate; REJECT a state barring entry to its territory)."""
    ev = _one(nlp, text, etype)
    assert country in {a.country for a in ev.targets}


def test_a_peoples_name_is_not_a_place_actor(nlp):
    """The geoparser may read "Hungarians" as a demonym place; the group is coded by where
    it lives, as the residence rule does for any uncoded group."""
    ev = _one(nlp, "Ethnic Hungarians in Romania demanded more autonomy on Sunday.", "REQUEST")
    assert [a.country for a in ev.sources] == ["ROU"]
