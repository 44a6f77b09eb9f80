"""One record per real event: duplicates to merge and distinct events to keep apart, each
pattern paired with a near case that must come out the other way.  Stories are written
here (none taken from evaluation data)."""

from __future__ import annotations

from datetime import date

from eventwire.events.coder import _merge_same_type
from eventwire.events.resolution import (
    apart_in_sentence,
    merge_mentions,
    merge_retold_at_its_place,
)
from eventwire.models import ActorRef, Event, Place
from tests.event_helpers import STARTS, counted_events, mention, ref


def _of(nlp, text: str, etype: str) -> list[Event]:
    return [e for e in counted_events(nlp, text) if e.type == etype]


def _mentions(ev: Event) -> int:
    return len(ev.field_rules.get("mentions", "x").split(";"))


# ------------------------------------------------------------- quotes of one speech act
def _quoted(n: int, sources: list[ActorRef]) -> Event:
    return mention(n, "ACCUSE", "destroying", sources, [], mode="disapprove", at=10)


def test_every_sentence_of_one_quote_is_a_mention_of_one_statement():
    # '"It is destroying this council.' / 'It is destroying our trust," said Mayor Reed.'
    # (the first sentence names no speaker)
    reed = ref("Mayor Ann Reed", "USA", "GOV", "Ann Reed")
    events = [_quoted(3, []), _quoted(4, [reed])]
    quote = [(STARTS[3], STARTS[4] + 60, STARTS[4] + 62)]
    (record,) = merge_mentions(events, STARTS, quotes=quote)
    assert _mentions(record) == 2 and record.sources == [reed]


def _story_with(word: str, at: int) -> str:
    text = [" "] * STARTS[-1]
    text[at:at + len(word)] = word
    return "".join(text)


def test_a_quote_cued_by_a_pronoun_illustrates_a_summary_with_no_speaker():
    # "The ministers would take measures, including calling for a debate." / '"We will ask
    # the court to investigate," she added.' ("she" taken for Ann Reed)
    cue = STARTS[4] + 66
    reed = ActorRef(text="Ann Reed", start=cue, end=cue + 3, country="USA", name="Ann Reed")
    summary = mention(3, "REQUEST", "calling", [], [])
    quoted = mention(4, "REQUEST", "ask", [reed], [], at=10)
    quote = [(STARTS[4], STARTS[4] + 60, STARTS[4] + 62)]
    (record,) = merge_mentions([summary, quoted], STARTS, text=_story_with("she", cue),
                               quotes=quote)
    assert _mentions(record) == 2
    # '"We will ask the court to investigate," the council added.': a body, not a person
    council = ActorRef(text="the council", start=cue, end=cue + 11, country="USA",
                       name="City Council")
    quoted = mention(4, "REQUEST", "ask", [council], [], at=10)
    assert len(merge_mentions([mention(3, "REQUEST", "calling", [], []), quoted], STARTS,
                              text=_story_with("the council", cue), quotes=quote)) == 2


def test_sentences_outside_any_quote_keep_an_unnamed_speaker_apart():
    reed = ref("Mayor Ann Reed", "USA", "GOV", "Ann Reed")
    assert len(merge_mentions([_quoted(3, []), _quoted(4, [reed])], STARTS)) == 2


def test_a_quote_illustrating_a_groups_statement_is_a_mention_of_it(nlp):
    text = ("The court ruled on Thursday that the law was valid.\n\n"
            "Democrats condemned the ruling within hours.\n\n"
            '"We condemn this shameful decision," said Senator Maria Lopez.')
    (ev,) = _of(nlp, text, "ACCUSE")
    assert _mentions(ev) == 2
    assert text[ev.sentence_start:ev.sentence_end].startswith("Democrats")


def test_a_quote_after_another_named_speakers_statement_is_a_statement_of_its_own(nlp):
    text = ("The court ruled on Thursday that the law was valid.\n\n"
            "Senator Tom Hale condemned the ruling within hours.\n\n"
            '"We condemn this shameful decision," said Senator Maria Lopez.')
    assert len(_of(nlp, text, "ACCUSE")) == 2


def test_quotes_of_a_group_summary_far_on_in_the_story_are_not_merged():
    # "Democrats condemned the ruling." ... six sentences on: '"We condemn it," said Lopez.'
    first = mention(1, "ACCUSE", "condemned", [ref("Democrats", "USA", "PTY")], [])
    later = mention(7, "ACCUSE", "condemn", [ref("Lopez", "USA", "LEG", "Maria Lopez")], [],
                   at=10)
    lopez = (later.sources[0].start, later.sources[0].end)
    records = merge_mentions([first, later], STARTS, quotes=[(STARTS[7], STARTS[7] + 50, None)],
                             people=[lopez])
    assert len(records) == 2


# ------------------------------------------------------------- a speaker's other statements
def _lopez(n: int, target: ActorRef) -> Event:
    return mention(n, "ACCUSE", "said", [ref("Lopez", "USA", "LEG", "Maria Lopez")], [target])


def test_a_speaker_turning_to_a_person_not_named_before_makes_another_statement():
    # "Lopez criticized Clinton ..." / "Lopez also charged that the party ignored workers."
    # / "Lopez said Donald Trump is a liar."
    events = [_lopez(1, ref("Clinton", "USA", "GOV", "Hillary Clinton")),
              _lopez(2, ref("the party", "USA")),
              _lopez(3, ref("Donald Trump", "USA", "GOV", "Donald Trump"))]
    first, second = merge_mentions(events, STARTS)
    assert _mentions(first) == 2 and second.targets[0].name == "Donald Trump"


def test_a_speaker_naming_the_same_person_again_is_the_same_statement():
    events = [_lopez(1, ref("Clinton", "USA", "GOV", "Hillary Clinton")),
              _lopez(2, ref("Mrs. Clinton", "USA", "GOV", "Hillary Clinton"))]
    assert len(merge_mentions(events, STARTS)) == 1


# ------------------------------------------------------------- meetings
def _visitor(n: int, host: ActorRef) -> Event:
    return mention(n, "CONSULT", "met", [ref("Ms. Tan", "SGP", "GOV", "Mei Tan")], [host],
                  mode="visit")


def test_a_meeting_with_another_named_host_is_another_meeting():
    # "Ms. Tan visited the White House" / "She had breakfast with Vice President Biden"
    events = [_visitor(1, ref("the White House", "USA", "GOV")),
              _visitor(2, ref("Vice President Biden", "USA", "GOV", "Biden"))]
    assert len(merge_mentions(events, STARTS)) == 2


def test_the_same_host_met_again_in_the_story_is_the_same_meeting():
    events = [_visitor(1, ref("President Biden", "USA", "GOV", "Biden")),
              _visitor(2, ref("Biden", "USA", "GOV", "Biden"))]
    assert len(merge_mentions(events, STARTS)) == 1


# ------------------------------------------------------------- time and "another"
def test_a_narration_moved_by_a_year_tells_another_meeting(nlp):
    text = ("When the governor flew to Boise last winter, he met privately with the family "
            "of a jailed pastor.\n\nA year later, the governor met with the pastor's family "
            "again.")
    assert len(_of(nlp, text, "CONSULT")) == 2


def test_a_narration_moved_back_a_few_days_tells_another_meeting(nlp):
    text = ("When the governor flew to Boise last winter, he met privately with the family "
            "of a jailed pastor.\n\nA few days before that, the governor met with the "
            "pastor's family in his office.")
    assert len(_of(nlp, text, "CONSULT")) == 2


def test_a_meeting_told_again_the_same_day_is_one_record(nlp):
    text = ("When the governor flew to Boise in June, he met privately with the family of "
            "a jailed pastor.\n\nAfter the speech, the governor met with the pastor's family "
            "again.")
    assert len(_of(nlp, text, "CONSULT")) == 1


def _sprayed(n: int, sources: list[ActorRef], targets: list[ActorRef]) -> Event:
    return mention(n, "ASSAULT", "sprayed", sources, targets, mode="crowd-control")


def test_another_person_who_is_the_attacker_is_no_second_attack():
    # "Girl pepper-sprayed outside rally" / "A girl was pepper-sprayed by another bystander"
    events = [_sprayed(0, [], [ref("Girl")]),
              _sprayed(1, [ref("another bystander")], [ref("a 15-year-old girl")])]
    assert len(merge_mentions(events, STARTS, text="Girl pepper-sprayed outside rally")) == 1


def test_another_of_the_people_told_is_a_second_act():
    # "Police arrested a teacher in Dayton." / "Another teacher was arrested."
    events = [mention(0, "COERCE", "arrested", [ref("Police")], [ref("a teacher")]),
              mention(1, "COERCE", "arrested", [], [ref("Another teacher")])]
    assert len(merge_mentions(events, STARTS, text="Police arrested a teacher in Dayton.")) == 2


def test_a_story_rallying_on_in_the_same_word_names_the_same_protest():
    # "Protesters rallied outside parliament." ... five sentences on: "After rallying at
    # the square, the protesters marched on parliament."
    first = mention(1, "PROTEST", "rallied", [ref("Protesters")], [ref("parliament")],
                   mode="demo")
    later = mention(6, "PROTEST", "rallying", [], [ref("parliament")], mode="demo")
    assert len(merge_mentions([first, later], STARTS)) == 1


def test_a_story_rallying_far_on_in_another_word_is_another_protest():
    first = mention(1, "PROTEST", "rallied", [ref("Protesters")], [ref("parliament")],
                   mode="demo")
    later = mention(6, "PROTEST", "picketed", [], [ref("parliament")], mode="demo")
    assert len(merge_mentions([first, later], STARTS)) == 2


# ------------------------------------------------------------- two acts in one sentence
def test_visits_by_two_named_people_in_one_sentence_are_two_records(nlp):
    text = ("Obama's 2012 visit to Rangoon was preceded by a visit from Secretary of State "
            "Hillary Clinton.")
    assert len(_of(nlp, text, "CONSULT")) == 2


def test_two_speakers_backing_one_plan_in_one_sentence_are_two_records(nlp):
    text = "Clinton endorsed the plan on Tuesday, hours after Sanders said he supported it."
    assert len(_of(nlp, text, "SUPPORT")) == 2


def test_rallies_in_two_cities_told_in_one_sentence_are_two_records(nlp):
    text = ("A crowd of about 2,000 people marched in Athens and another 1,000 demonstrated "
            "in Thessaloniki on Saturday.")
    assert len(_of(nlp, text, "PROTEST")) == 2


def test_two_verbs_of_one_attack_are_one_record(nlp):
    text = "Gunmen shot and killed two police officers in Karachi on Monday."
    assert len(_of(nlp, text, "ASSAULT")) == 1


def _town(name: str, lat: float, lon: float) -> Place:
    return Place(article_id="t", start=0, end=len(name), text=name, rule="test",
                 confidence=1.0, name=name, lat=lat, lon=lon, feature_class="P",
                 country="GRC")


def test_two_triggers_of_one_act_in_one_place_stay_together():
    athens = _town("Athens", 37.98, 23.73)
    first = mention(1, "ASSAULT", "attack", [ref("militants")], [], place=athens)
    ev = mention(1, "ASSAULT", "killed", [], [ref("three people")], place=athens, at=20)
    assert not apart_in_sentence(first, ev)
    salonica = _town("Thessaloniki", 40.64, 22.94)
    assert apart_in_sentence(first, mention(1, "ASSAULT", "killed", [], [], place=salonica))


def test_merged_mentions_keep_a_second_act_of_the_sentence_apart():
    # "Obama's visit to Rangoon was preceded by a visit from Clinton", then "the visit"
    first = mention(1, "CONSULT", "visit", [ref("Obama", "USA", name="Barack Obama")], [],
                   mode="visit")
    second = mention(1, "CONSULT", "visit", [ref("Clinton", "USA", name="Hillary Clinton")],
                    [], mode="visit", at=40)
    assert len(merge_mentions([first, second], STARTS)) == 2


def test_the_same_act_told_on_at_once_names_whom_the_first_mention_did_not():
    # "46 were arrested on Wednesday night." / "At least 46 demonstrators were arrested
    # along Church Avenue."
    first = mention(1, "COERCE", "arrested", [], [], mode="arrest")
    later = mention(2, "COERCE", "arrested", [], [ref("At least 46 demonstrators", "USA")],
                   mode="arrest")
    assert len(merge_mentions([first, later], STARTS)) == 1


def test_people_first_named_far_on_in_the_story_are_another_act():
    first = mention(1, "COERCE", "arrested", [], [], mode="arrest")
    later = mention(6, "COERCE", "arrested", [], [ref("two teachers", "USA")], mode="arrest")
    assert len(merge_mentions([first, later], STARTS)) == 2


def _ruling(n: int, court: str) -> Event:
    return mention(n, "REJECT", "rejected", [ref(court, "USA", "JUD")], [])


def test_rulings_of_two_courts_told_on_at_once_are_two_records():
    # "The Supreme Court rejected the request." / "... was overturned by an appeals court."
    assert len(merge_mentions([_ruling(1, "Supreme Court"), _ruling(2, "appeals court")],
                              STARTS)) == 2


def test_one_court_told_again_in_other_words_is_one_ruling():
    # "A federal judge rejected the request." / "The judge rejected it as moot."
    assert len(merge_mentions([_ruling(1, "a federal judge"), _ruling(2, "the judge")],
                              STARTS)) == 1


# ------------------------------------------------- mentions told in other words
def _detention(n: int, trigger: str, targets: list[ActorRef]) -> Event:
    return mention(n, "COERCE", trigger, [ref("the coastguard", "IDN")], targets,
                   mode="arrest")


def test_the_same_counted_group_far_on_is_the_same_arrest():
    # "The coastguard detained 14 Vietnamese fishermen on Sunday." ... six sentences on:
    # "Officers boarded the trawler and held 14 fishermen below deck."
    first = _detention(1, "detained", [ref("14 Vietnamese fishermen", "VNM")])
    later = _detention(7, "held", [ref("14 fishermen", "VNM")])
    assert len(merge_mentions([first, later], STARTS)) == 1


def test_another_count_of_the_group_far_on_is_another_arrest():
    # ... six sentences on: "In a separate raid it held nine fishermen."
    first = _detention(1, "detained", [ref("14 Vietnamese fishermen", "VNM")])
    later = _detention(7, "held", [ref("nine fishermen", "VNM")])
    assert len(merge_mentions([first, later], STARTS)) == 2


def test_one_person_counted_twice_tells_no_event():
    # "held one fisherman" / six sentences on "arrested one fisherman"
    first = _detention(1, "held", [ref("one fisherman", "VNM")])
    later = _detention(7, "arrested", [ref("one fisherman", "VNM")])
    assert len(merge_mentions([first, later], STARTS)) == 2


def _riot(n: int, source: str, target: ActorRef) -> Event:
    return mention(n, "PROTEST", "attacked", [ref(source)], [target], mode="riot")


def test_the_same_crowd_doing_the_same_thing_told_on_is_one_riot():
    # "Rioting youths attacked shops in the old town." / two sentences on: "Youths on
    # scooters attacked the Turkish consulate with petrol bombs."
    first = _riot(1, "Rioting youths", ref("shops"))
    later = _riot(3, "Youths", ref("the Turkish consulate", "TUR"))
    assert len(merge_mentions([first, later], STARTS)) == 1


def test_other_people_doing_the_same_thing_are_another_riot():
    # "Rioting youths attacked shops." / "Farmers attacked the Turkish consulate."
    first = _riot(1, "Rioting youths", ref("shops"))
    later = _riot(3, "Farmers", ref("the Turkish consulate", "TUR"))
    assert len(merge_mentions([first, later], STARTS)) == 2


def test_the_same_crowd_far_on_in_the_story_is_another_riot():
    first = _riot(1, "Rioting youths", ref("shops"))
    later = _riot(7, "Youths", ref("the Turkish consulate", "TUR"))
    assert len(merge_mentions([first, later], STARTS)) == 2


def _crowd_control(n: int, trigger: str, police: ActorRef, home: bool) -> Event:
    ev = mention(n, "ASSAULT", trigger, [police], [], mode="crowd-control")
    ev.field_rules["sources"] = "subject+home_country" if home else "subject"
    return ev


def test_police_coded_with_the_storys_country_tell_no_other_clash():
    # (a story from Athens) "Riot squads fired tear gas at the crowd." / "Riot police
    # charged with batons." - the police are Greek only as the story's country
    first = _crowd_control(2, "fired", ref("riot squads", "GRC"), home=True)
    later = _crowd_control(3, "charged", ref("riot police", "GRC"), home=True)
    assert len(merge_mentions([first, later], STARTS)) == 1


def test_police_of_a_named_country_are_another_clash():
    # "Riot squads fired tear gas at the crowd." / "Turkish riot police charged with batons."
    first = _crowd_control(2, "fired", ref("riot squads", "GRC"), home=True)
    later = _crowd_control(3, "charged", ref("Turkish riot police", "TUR"), home=False)
    assert len(merge_mentions([first, later], STARTS)) == 2


def _strike(n: int, scope: str | None, place: Place | None = None) -> Event:
    ev = mention(n, "PROTEST", "strike", [ref("unions", "GRC")], [], mode="strike",
                 place=place)
    if scope:
        ev.field_rules["location"] = f"scope:{scope}"
    return ev


def test_a_strike_told_nationwide_once_and_plainly_once_is_one_strike():
    # "The general strike was called by the two largest unions." / "The nationwide strike
    # grounded flights."
    assert len(merge_mentions([_strike(1, None), _strike(2, "nationwide")], STARTS)) == 1


def test_a_strike_in_a_named_town_is_not_the_nationwide_one():
    # "Dock workers struck in Piraeus." / "The strike spread nationwide."
    piraeus = _town("Piraeus", 37.94, 23.65)
    assert len(merge_mentions([_strike(1, None, piraeus), _strike(2, "nationwide")],
                              STARTS)) == 2


def test_a_strike_elsewhere_is_another_strike():
    # "Unions struck in Athens." / "Unions elsewhere struck too."
    assert len(merge_mentions([_strike(1, None), _strike(2, "elsewhere")], STARTS)) == 2


def test_actors_taken_from_a_second_trigger_of_the_sentence_keep_their_rule():
    # "Clashes erupted, with riot police charging the crowds": the police come from
    # "charging" and were coded Greek only as the story's country - they name no state
    clashes = mention(4, "ASSAULT", "clashes", [], [], mode="crowd-control")
    clashes.field_rules.update(sources="none", targets="none")
    charging = mention(4, "ASSAULT", "charging", [ref("riot police", "GRC")],
                       [ref("crowds", "GRC")], mode="crowd-control", at=50)
    charging.field_rules.update(sources="subject+home_country", targets="object+home_country")
    (ev,) = _merge_same_type([clashes, charging])
    assert ev.field_rules["sources"] == "subject+home_country"
    assert ev.field_rules["targets"] == "object+home_country"


def test_a_triggers_own_actors_keep_its_own_rule():
    clashes = mention(4, "ASSAULT", "clashed", [ref("Police", "GRC", "COP")], [],
                      mode="crowd-control")
    clashes.field_rules.update(sources="subject", targets="none")
    charging = mention(4, "ASSAULT", "charging", [ref("riot police", "GRC")],
                       [ref("crowds", "GRC")], mode="crowd-control", at=50)
    charging.field_rules.update(sources="subject+home_country", targets="object")
    (ev,) = _merge_same_type([clashes, charging])
    assert ev.field_rules["sources"] == "subject"
    assert ev.field_rules["targets"] == "object"


def test_the_nationwide_strike_told_far_on_is_the_storys_strike():
    # "Unions held a 24-hour general strike against the cuts." ... seven sentences on:
    # "Ferries stayed in port during a nationwide strike."
    assert len(merge_mentions([_strike(1, None), _strike(8, "nationwide")], STARTS)) == 1


def test_two_plain_strikes_far_apart_are_two_strikes():
    # "Dock workers went on strike." ... seven sentences on: "Teachers went on strike."
    assert len(merge_mentions([_strike(1, None), _strike(8, None)], STARTS)) == 2


# ------------------------------------- told again at the place the story gave the record
def _rally(n: int, trigger: str, place: Place, rule: str) -> Event:
    ev = mention(n, "PROTEST", trigger, [ref("union members", "GRC")], [], mode="demo",
                 place=place)
    ev.field_rules["location"] = rule
    return ev


def test_a_rally_retold_in_the_town_the_story_placed_it_in_is_one_rally():
    # (a story told from Athens) "Thousands of union members rallied on Wednesday." ...
    # six sentences on: "After rallying in central Athens, they marched on parliament."
    athens = _town("Athens", 37.98, 23.73)
    first = _rally(1, "rallied", athens, "story_place")
    later = _rally(7, "rallying", athens, "locative_phrase_of_trigger")
    assert len(merge_retold_at_its_place([first, later])) == 1


def test_a_rally_in_another_town_or_word_stays_apart():
    athens, salonica = _town("Athens", 37.98, 23.73), _town("Thessaloniki", 40.64, 22.94)
    first = _rally(1, "rallied", athens, "story_place")
    elsewhere = _rally(7, "rallying", salonica, "locative_phrase_of_trigger")
    assert len(merge_retold_at_its_place([first, elsewhere])) == 2
    # "a sit-in was held in central Athens": another word, another act of the day
    other = _rally(7, "sit-in", athens, "locative_phrase_of_trigger")
    assert len(merge_retold_at_its_place([first, other])) == 2


def test_two_rallies_each_placed_by_its_own_sentence_stay_apart():
    # "Union members rallied in Athens." ... "Pensioners rallied in Athens on Friday."
    # were told apart (or together) by their own words before context; nothing to add
    athens = _town("Athens", 37.98, 23.73)
    first = _rally(1, "rallied", athens, "locative_phrase_of_trigger")
    later = _rally(7, "rallied", athens, "locative_phrase_of_trigger")
    assert len(merge_retold_at_its_place([first, later])) == 2


def test_marchers_and_crowds_nationwide_are_two_protests():
    # "Workers marched against the cuts." / "Crowds took to the streets nationwide."
    march = mention(1, "PROTEST", "marched", [ref("workers", "GRC")], [], mode="demo")
    spread = mention(2, "PROTEST", "took", [ref("crowds", "GRC")], [], mode="demo")
    spread.field_rules["location"] = "scope:nationwide"
    assert len(merge_mentions([march, spread], STARTS)) == 2


# --------------------------- told on with nothing of its own: the narration's day and town
def _carried(ev: Event, day_rule: str = "narrative_time:e1-0",
             place_rule: str = "story_place") -> Event:
    ev.field_rules["date"], ev.field_rules["location"] = day_rule, place_rule
    return ev


def test_a_march_told_on_at_the_records_day_and_town_is_that_protest():
    # "Protesters poured into the streets of Flatbush on Wednesday." ... six sentences on,
    # "Dozens chanted as they marched on the precinct." (day and town from the narration)
    town, wed = _town("Flatbush", 40.65, -73.93), date(2013, 3, 13)
    first = mention(1, "PROTEST", "poured", [ref("protesters", "USA")], [], mode="demo",
                    place=town, day=wed)
    first.field_rules.update(date="time_attached_to_trigger", location="place_in_sentence")
    later = _carried(mention(7, "PROTEST", "marched", [ref("dozens", "USA")], [],
                             mode="demo", place=town, day=wed))
    assert len(merge_retold_at_its_place([first, later])) == 1


def test_a_march_with_a_day_or_town_of_its_own_or_another_day_stays_apart():
    town, wed = _town("Flatbush", 40.65, -73.93), date(2013, 3, 13)
    first = mention(1, "PROTEST", "poured", [ref("protesters", "USA")], [], mode="demo",
                    place=town, day=wed)
    # "On Wednesday, students also marched in Flatbush": its own day and place
    own = mention(7, "PROTEST", "marched", [ref("students", "USA")], [], mode="demo",
                  place=town, day=wed)
    own.field_rules.update(date="time_attached_to_trigger", location="place_in_sentence")
    own.date_precision = "day"
    assert len(merge_retold_at_its_place([first, own])) == 2
    # the narration carried the march to Friday: another day's march
    friday = _carried(mention(7, "PROTEST", "marched", [ref("students", "USA")], [],
                              mode="demo", place=town, day=date(2013, 3, 15)))
    assert len(merge_retold_at_its_place([first, friday])) == 2


def test_in_an_undated_story_only_the_same_word_tells_an_act_on():
    # "Youths attacked a police station in Exarchia." ... "Police stood back when attacked."
    # / ... "A navy ship fired at a skiff."  (no day anywhere in the story)
    town = _town("Exarchia", 37.99, 23.73)
    first = mention(1, "PROTEST", "attacked", [ref("youths", "GRC")], [], mode="riot",
                    place=town)
    same = _carried(mention(7, "PROTEST", "attacked", [ref("gangs", "GRC")], [],
                            mode="riot", place=town), day_rule="none")
    assert len(merge_retold_at_its_place([first, same])) == 1
    other = _carried(mention(7, "PROTEST", "smashed", [ref("gangs", "GRC")], [],
                             mode="riot", place=town), day_rule="none")
    assert len(merge_retold_at_its_place([first, other])) == 2


def test_a_meeting_told_on_with_another_counterpart_is_another_meeting():
    # "The prime minister visited the White House on Monday." ... "She had breakfast with
    # Vice President Biden."
    town, mon = _town("Washington", 38.9, -77.04), date(2016, 9, 12)
    first = mention(1, "CONSULT", "visited", [ref("prime minister", "MMR")],
                    [ref("the White House", "USA", name="White House")], mode="visit",
                    place=town, day=mon)
    later = _carried(mention(7, "CONSULT", "had", [ref("she", "MMR")],
                             [ref("Vice President Biden", "USA", name="Joe Biden")],
                             mode="visit", place=town, day=mon))
    assert len(merge_retold_at_its_place([first, later])) == 2


_BROOKLYN = ("Crowds clash with police in Brooklyn\n\nHundreds of protesters poured into the "
             "streets of Flatbush in Brooklyn on Wednesday night after police shot a "
             "teenager. The boy's mother asked for calm. Officials said the teenager was 16 "
             "years old. The mayor promised a full inquiry into the shooting. A police "
             "spokesman declined to comment on the case. ")


def test_a_protest_told_on_late_in_the_story_is_one_protest(nlp):
    text = _BROOKLYN + "Dozens chanted slogans as they marched toward the precinct house."
    (ev,) = _of(nlp, text, "PROTEST")
    assert _mentions(ev) == 2


def test_a_march_on_another_day_late_in_the_story_is_another_protest(nlp):
    text = _BROOKLYN + "On Friday, dozens of students marched toward the precinct house."
    assert len(_of(nlp, text, "PROTEST")) == 2


def _statement(n: int, trigger: str, target: ActorRef, day: date, rule: str,
               place: Place | None = None) -> Event:
    ev = mention(n, "ACCUSE", trigger, [ref("Hollande", "FRA", "GOV", "Francois Hollande")],
                 [target], mode="disapprove", place=place, day=day)
    ev.field_rules["date"], ev.date_precision = rule, "day"
    if place is not None:
        ev.field_rules["location"] = "story_place_of_speaker"
    return ev


def test_a_speakers_statement_told_on_the_same_day_at_the_same_addressee_is_one():
    # "Hollande said on Tuesday that Trump's excesses were sickening." ... seven sentences
    # on, "Hollande denounced Trump's remarks as hurtful." (the story's place carried to it)
    trump, tue = ref("Trump", "USA", None, "Donald Trump"), date(2016, 8, 2)
    first = _statement(1, "said", trump, tue, "time_attached_to_trigger")
    later = _statement(8, "denounced", trump, tue, "lead_time:e1-0",
                       place=_town("Nice", 43.7, 7.27))
    assert len(merge_retold_at_its_place([first, later])) == 1


def test_a_speakers_statement_at_another_addressee_or_on_its_own_day_is_another():
    trump, tue = ref("Trump", "USA", None, "Donald Trump"), date(2016, 8, 2)
    first = _statement(1, "said", trump, tue, "time_attached_to_trigger")
    # "Hollande denounced Le Pen's remarks as hurtful."
    other = _statement(8, "denounced", ref("Le Pen", "FRA", None, "Marine Le Pen"), tue,
                       "lead_time:e1-0")
    assert len(merge_retold_at_its_place([first, other])) == 2
    # "On Tuesday Hollande also denounced Trump's remarks": a day of its own, told apart
    # (or together) before context
    own = _statement(8, "denounced", trump, tue, "time_attached_to_trigger")
    assert len(merge_retold_at_its_place([first, own])) == 2


# ------------------------------------------------ places in different regions of a country
def _region(name: str, admin1: str) -> Place:
    return Place(article_id="t", start=0, end=len(name), text=name, rule="test",
                 confidence=1.0, name=name, feature_class="A", country="USA", admin1=admin1)


def test_an_act_in_a_region_other_than_the_records_towns_is_another_act():
    # "A bomb exploded in Chelsea on Saturday, injuring 29." / "Pipe bombs also exploded in
    # New Jersey on Saturday."
    sat = date(2016, 9, 17)
    chelsea = Place(article_id="t", start=0, end=7, text="Chelsea", rule="test",
                    confidence=1.0, name="Chelsea", lat=40.74, lon=-74.0, feature_class="P",
                    country="USA", admin1="NY")
    first = mention(1, "ASSAULT", "exploded", [], [], mode="explosives", place=chelsea,
                    day=sat)
    jersey = mention(2, "ASSAULT", "exploded", [], [], mode="explosives",
                     place=_region("New Jersey", "NJ"), day=sat)
    assert len(merge_mentions([first, jersey], STARTS)) == 2
    # "The bomb that exploded in New York on Saturday was packed with shrapnel."
    york = mention(2, "ASSAULT", "exploded", [], [], mode="explosives",
                   place=_region("New York", "NY"), day=sat)
    assert len(merge_mentions([first, york], STARTS)) == 1
