"""Place, date and toll of an event read from the words around it (written sentences, none
from evaluation data): each pattern with a near text whose other reading must not win."""

from __future__ import annotations

from tests.event_helpers import one_event, place_name


# ---------------------------------------------------------------- "..., where X happened"
def test_an_act_in_a_where_clause_happened_at_the_place_it_describes(nlp):
    text = ("The riot in Marseille on Thursday followed a rally in Nice, where police shot "
            "two men on Friday.")
    assert place_name(one_event(nlp, text, "ASSAULT", "police shot")) == "Nice"


def test_a_where_clause_on_a_town_and_its_country_takes_the_town(nlp):
    text = ("The talks in Geneva came after a summit in Vienna, Austria, where rebels freed "
            "four hostages on Friday.")
    assert place_name(one_event(nlp, text, "RETREAT", "freed")) == "Vienna"
