"""A date that labels a thing of the past ("the August 3 call" in a November story) dates that
thing, not the act told around it nor the narration's time; each pattern paired with a near
sentence whose date does date the act (sentences written for the tests)."""

from __future__ import annotations

from datetime import date

from tests.event_helpers import code

WEDNESDAY = date(2021, 11, 17)
TUESDAY = date(2021, 11, 16)


def _events(nlp, text, etype):
    return [e for e in code(nlp, text, WEDNESDAY)._.events if e.type == etype]


def test_the_label_of_a_thing_the_act_is_about_does_not_date_the_act(nlp):
    (ev,) = _events(nlp, "Senators questioned the envoy about the August 3 meeting with "
                         "Russian officials.", "ACCUSE")
    assert ev.date is None


def test_a_day_on_the_act_beside_the_thing_still_dates_it(nlp):
    (ev,) = _events(nlp, "Senators questioned the envoy on August 3 about the meeting with "
                         "Russian officials.", "ACCUSE")
    assert ev.date == date(2021, 8, 3)


_STORY = ("Two aides testified on Tuesday. The aides were among those who listened to the "
          "governor's {} call with the minister. The speaker thanked them.")


def test_a_labelled_past_event_keeps_its_day_but_does_not_set_the_narrations(nlp):
    text = _STORY.format("August 3")
    (call,) = _events(nlp, text, "CONSULT")
    (thanks,) = _events(nlp, text, "SUPPORT")
    assert call.date == date(2021, 8, 3)
    assert thanks.date == TUESDAY


def test_a_labelled_event_of_the_story_s_week_still_sets_the_narrations_day(nlp):
    text = _STORY.format("Friday")
    (call,) = _events(nlp, text, "CONSULT")
    (thanks,) = _events(nlp, text, "SUPPORT")
    assert call.date == thanks.date == date(2021, 11, 12)


_QUOTED = ('The aide testified on Tuesday. "I was worried at the time of the call on August 3," '
           "he told senators. He urged lawmakers {}to protect the inquiry.")


def test_a_past_thing_a_speaker_recalls_does_not_move_the_narration(nlp):
    (ev,) = _events(nlp, _QUOTED.format(""), "REQUEST")
    assert ev.date == TUESDAY


def test_a_day_on_the_act_after_the_recollection_still_dates_it(nlp):
    (ev,) = _events(nlp, _QUOTED.format("on August 4 "), "REQUEST")
    assert ev.date == date(2021, 8, 4)
