"""A speaker who takes a stance in the present tense in what it says ("the ministry said it
regrets the decision") makes the statement, which CODING.md codes; a present tense about
someone else ("said Madrid regrets") stays a description.  Sentences written for these
tests; a headline comes first, since a headline tells past events in the present."""

from __future__ import annotations

import pytest

from tests.event_helpers import asserted_types

HEAD = "Talks on the border stall. "


@pytest.mark.parametrize("text", [
    "The Spanish foreign ministry said it regrets any step that could fuel violence.",
    "The senator said she condemns the decision to close the border.",
])
def test_speaker_voicing_a_stance_is_the_statement(nlp, text):
    assert "ACCUSE" in asserted_types(nlp, HEAD + text)


def test_stance_of_someone_else_is_no_statement(nlp):
    text = "The Spanish foreign ministry said Madrid regrets any step that could fuel violence."
    assert "ACCUSE" not in asserted_types(nlp, HEAD + text)
