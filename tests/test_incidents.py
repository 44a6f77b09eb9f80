"""Incident resolution: merges, no-merges, incremental joins, corrections, views."""

from __future__ import annotations

import gc
import json
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest

from eventwire.incidents import merge, rebuild, resolve_pending, split
from eventwire.store import Store
from tests.incident_fixtures import (
    KANO,
    LATER_E,
    MARKET_A,
    MARKET_B,
    MARKET_C,
    TUESDAY,
    ZARIA,
    ZARIA_D,
    incident_of,
    report,
    store_batch,
)


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "inc.duckdb")) as s:
        yield s


def _a(store):
    store_batch(store, report("a", MARKET_A, "attacked", day=TUESDAY, place=KANO,
                              source="Daily Trust", dead=12))


def test_two_outlets_reporting_one_attack_make_one_incident(store):
    _a(store)
    store_batch(store, report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                              source="Premium Times", dead=14,
                              published=datetime(2024, 3, 13, 8, tzinfo=UTC)))
    assert incident_of(store, "a-e1") == incident_of(store, "b-e1")
    row = store.query("SELECT * FROM incidents")[0]
    assert (row["n_sources"], row["n_articles"], row["n_events"]) == (2, 2, 2)
    assert row["outlets"] == ["daily trust", "premium times"]
    # the latest report's count, with the range all reports gave
    assert (row["dead"], row["dead_min"], row["dead_max"]) == (14, 12, 14)
    assert row["place_name"] == "Kano" and row["date"] == TUESDAY


def test_same_kind_same_day_other_town_is_another_incident(store):
    _a(store)
    store_batch(store, report("d", ZARIA_D, "attacked", day=TUESDAY, place=ZARIA,
                              source="Daily Trust", dead=4))
    assert incident_of(store, "a-e1") != incident_of(store, "d-e1")
    assert store.count("incidents") == 2


def test_same_kind_same_town_other_day_is_another_incident(store):
    _a(store)
    store_batch(store, report("e", LATER_E, "attacked", day=TUESDAY + timedelta(days=5),
                              place=KANO, source="Daily Trust", dead=3))
    assert incident_of(store, "a-e1") != incident_of(store, "e-e1")


def test_a_later_report_without_a_date_joins_by_words_and_place(store):
    _a(store)
    store_batch(store, report("c", MARKET_C, "attacked", day=None, place=KANO,
                              source="Punch", published=datetime(2024, 3, 13, tzinfo=UTC)))
    assert incident_of(store, "c-e1") == incident_of(store, "a-e1")


def test_other_kind_of_event_at_the_same_time_and_place_stays_apart(store):
    _a(store)
    store_batch(store, report("p", "Traders protested in Kano on Tuesday over market fees.",
                              "protested", type_="PROTEST", day=TUESDAY, place=KANO,
                              source="Punch"))
    assert incident_of(store, "p-e1") != incident_of(store, "a-e1")


def test_incremental_join_leaves_stored_links_alone_and_is_deterministic(tmp_path):
    ids = []
    for run in ("one", "two"):
        with Store(str(tmp_path / f"{run}.duckdb")) as store:
            _a(store)
            first = store.query("SELECT * FROM incident_events")
            store_batch(store, report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                                      source="Premium Times"))
            after = store.query("SELECT * FROM incident_events ORDER BY seq")
            assert after[0] == first[0]  # the first link is never rewritten
            assert after[1]["rule"] == "resolution:joined"
            assert store.count("incidents") == 1
            ids.append([r["incident_id"] for r in after])
    assert ids[0] == ids[1]


def test_pending_events_are_resolved_in_stored_order(store):
    arts, annos = zip(report("a", MARKET_A, "attacked", day=TUESDAY, place=KANO,
                             source="Daily Trust"),
                      report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                             source="Premium Times"), strict=True)
    store.write_batch(list(arts), list(annos))  # as `load` does: stored, not resolved
    assert store.count("incident_events") == 0
    assert resolve_pending(store) == 2
    assert incident_of(store, "a-e1") == incident_of(store, "b-e1")
    assert resolve_pending(store) == 0


def test_split_and_merge_survive_later_ingests_and_a_rebuild(store):
    _a(store)
    store_batch(store, report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                              source="Premium Times"))
    joint = incident_of(store, "a-e1")
    new = split(store, ["b-e1"], note="two different markets")
    assert incident_of(store, "b-e1") == new != joint
    assert store.query("SELECT n_events FROM incidents WHERE id = ?", [joint]) == [
        {"n_events": 1}]
    # a later batch, and the same batch again, leave the split alone
    store_batch(store, report("c", MARKET_C, "attacked", day=None, place=KANO,
                              source="Punch", published=datetime(2024, 3, 13, tzinfo=UTC)))
    store_batch(store, report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                              source="Premium Times"))
    assert incident_of(store, "b-e1") == new != incident_of(store, "a-e1")
    rebuild(store)
    assert incident_of(store, "b-e1") != incident_of(store, "a-e1")
    # merging them back is kept too
    kept = merge(store, [incident_of(store, "a-e1"), incident_of(store, "b-e1")])
    rebuild(store)
    assert incident_of(store, "a-e1") == incident_of(store, "b-e1")
    assert kept == incident_of(store, "a-e1")


def test_undated_reports_need_shared_names_not_only_the_same_word(store):
    store_batch(store,
                report("x", "Police arrested Musa Bello, the club's treasurer.", "arrested",
                       type_="COERCE", day=None, place=None, source="A"),
                report("y", "Police arrested Ada Obi after the match, officers said.",
                       "arrested", type_="COERCE", day=None, place=None, source="B"),
                report("z", "Detectives arrested Musa Bello at his home, the club said.",
                       "arrested", type_="COERCE", day=None, place=None, source="C"))
    assert incident_of(store, "x-e1") == incident_of(store, "z-e1")
    assert incident_of(store, "y-e1") != incident_of(store, "x-e1")


def test_schema_migration_adds_incident_tables_to_an_older_store(tmp_path):
    import duckdb

    from eventwire.store.schema import MIGRATIONS

    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMPTZ)")
    for n, sql in enumerate(MIGRATIONS[:2], start=1):
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, now())", [n])
    con.close()
    with Store(path) as store:
        assert store.version() == len(MIGRATIONS)
        assert store.count("incidents") == 0


def test_incidents_date_window_blocking_reads_only_nearby_incidents(store):
    from eventwire.store.incidents import candidates

    _a(store)
    far = date(2023, 1, 1)
    assert candidates(store.con, ["ASSAULT"], [(far, far)]) == []
    found = candidates(store.con, ["ASSAULT"], [(TUESDAY, TUESDAY)])
    assert [inc.id for _, inc in found] == [incident_of(store, "a-e1")]
    assert candidates(store.con, ["PROTEST"], [(TUESDAY, TUESDAY)]) == []


def test_trigger_words_of_one_action_share_a_key():
    from eventwire.incidents.reports import trigger_key

    assert trigger_key("opened", "fire on the crowd") == trigger_key("shooting") == "shoot"
    assert trigger_key("gunned", "down outside") == "shoot"
    assert trigger_key("slain") == trigger_key("murdered") == trigger_key("killing") == "kill"
    assert trigger_key("taken", "into custody on") == trigger_key("apprehended") == "arrest"
    assert trigger_key("set", "up a committee") != trigger_key("set", "fire to the bank")
    assert trigger_key("shot") != trigger_key("killed")  # two actions, as reports tell them
    assert trigger_key("took", "12 of them into custody") == "arrest"
    assert trigger_key("apologised") == trigger_key("apologizing")
    assert trigger_key("found") == trigger_key("finds") != trigger_key("founded")
    assert trigger_key("struck") == trigger_key("strikes")
    assert trigger_key("rises") == trigger_key("rising") != trigger_key("raised")


def test_names_skip_headline_words_the_article_writes_in_lower_case():
    from eventwire.incidents.reports import lower_words, numbers_in, person_names, sentence_names

    body = ("Singer Detained After Crash In Lagos\n\nPolice detained the singer Ada Obi after "
            "a crash on Friday, and three passengers were hurt, a spokesman said.")
    names = sentence_names(body, lower_words(body))
    assert {"lagos", "ada", "obi"} <= names
    assert not names & {"detained", "crash", "singer"}
    assert person_names(body, lower_words(body)) == {"obi"}
    # runs of more names are organisations and places, not people
    text = ("The Lagos State Police Command said the striker Ada Obi and "
            "Musa K. Bello were held by the Federal Road Safety Corps.")
    assert person_names(text) == {"obi", "bello"}
    assert numbers_in("three passengers and 3 drivers in 2024") == {"3"}


def _r(n: int, day: date | None, precision: str | None = "day", *, word: str = "attack",
       type_: str = "ASSAULT", names: tuple[str, ...] = ("kano", "sabon", "gari")):
    from eventwire.incidents.reports import Report

    return Report(event_id=f"r{n:03d}", article_id=f"a{n:03d}", type=type_, mode=None,
                  lemma=word, day=day, precision=precision, lat=None, lon=None, geo=None,
                  country="NGA", admin1=None, place=None, codes=frozenset({"NGA"}),
                  names=frozenset(names), numbers=frozenset({"12"}), context=frozenset(),
                  persons=frozenset(), dead=None, dead_max=None, published=None,
                  outlet=None, confidence=0.8)


def test_the_date_index_hides_no_incident_a_report_could_join():
    """Reports a few days apart on both sides of every date-bucket edge, of every date
    precision, with evidence enough to join across a near miss of the dates, resolve exactly
    as scoring each against every incident of its kind does."""
    from eventwire.incidents.resolve import Resolver

    class EveryIncident(Resolver):
        def _candidates(self, index, by_day, key, r, reach):
            return dict(index.get(key, {}))

    start = date(2024, 3, 1)
    reports = [_r(n, start + timedelta(days=(n * 5) % 23), precision, word=word)
               for n, (precision, word) in enumerate(
                   [(p, w) for p in ("day", "published", "week", "range", "month", "year")
                    for w in ("attack", "storm")] * 4)]
    reports += [_r(900, None, None), _r(901, date(2024, 1, 1), "year")]
    # follow-ups: publication days one to six weeks after a dated report of their word
    reports += [_r(950 + w, start + timedelta(days=7 * w + w % 3), "published", word=word)
                for w in range(1, 7) for word in ("attack", "storm")]
    # pairs 2 to 5 days apart, a month between pairs, starting at every day of a bucket
    for n in range(8 * 4):
        first = date(2025, 6, 1) + timedelta(days=31 * n + n // 4)
        reports += [_r(100 + 2 * n, first), _r(101 + 2 * n, first + timedelta(days=2 + n % 4))]
    indexed, every = Resolver().resolve(reports), EveryIncident().resolve(reports)
    assert indexed == every
    joined = {x.event_id for x in every if x.rule == "resolution:joined"}
    assert {"r101", "r103", "r105"} <= joined and "r107" not in joined  # 2-4 days: one


def _total_events(store) -> int:
    return store.con.execute("SELECT sum(n_events) FROM incidents").fetchall()[0][0]


def test_an_incident_corrected_between_batches_is_read_again(store):
    _a(store)
    store_batch(store, report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                              source="Premium Times"))
    split(store, ["b-e1"])  # both incidents rewritten after the batch that read them
    store_batch(store, report("c", MARKET_C, "attacked", day=None, place=KANO,
                              source="Punch", published=datetime(2024, 3, 13, tzinfo=UTC)))
    assert _total_events(store) == 3 == store.count("incident_events")


def test_a_failed_batch_leaves_no_half_counted_incident_behind(store, monkeypatch):
    import eventwire.store.incidents as tables

    _a(store)
    c = report("c", MARKET_C, "attacked", day=None, place=KANO, source="Punch",
               published=datetime(2024, 3, 13, tzinfo=UTC))
    saved = tables.save

    def disk_full(*args):
        raise OSError("disk full")

    monkeypatch.setattr(tables, "save", disk_full)
    with pytest.raises(OSError):
        store_batch(store, c)
    assert gc.isenabled()  # paused for the batch only, failed or not
    monkeypatch.setattr(tables, "save", saved)
    from eventwire.incidents import resolve_batch

    resolve_batch(store, [c[0]], [c[1]])  # the batch again, as a retried ingest does
    assert incident_of(store, "c-e1") == incident_of(store, "a-e1")
    assert _total_events(store) == 2


def test_a_place_only_inherited_from_the_story_does_not_split_a_report_off():
    """A report whose event has no place of its own takes its story's town (events/context);
    that town says nothing about where the act was, so it neither joins nor splits."""
    from tests.incident_fixtures import report as make

    def of(place, rule):
        art, anno = make("b", MARKET_B, "stormed", day=TUESDAY, place=place, source="Punch")
        anno.events[0].field_rules["location"] = rule
        return art, anno

    for rule, joins in (("story_place+focal_town", True), ("place_in_sentence", False)):
        with Store(":memory:") as s:
            _a(s)
            store_batch(s, of(ZARIA, rule))
            assert (incident_of(s, "a-e1") == incident_of(s, "b-e1")) is joins, rule


def test_a_report_placed_at_a_place_the_stories_name_together_joins(store):
    """A suburb reported beside its city (or a town a geocoder put in the wrong country) is
    one scene at two scales when each side's text names the other's place; a town the
    incident's reports never name stays another scene."""
    far = ("Dala", 12.9, 7.6, "NGA", "Kano")  # ~140 km off (a misread point): too far
    store_batch(store, report(
        "a", "Gunmen attacked a crowded market in Dala, Kano, on Tuesday, killing 12 people.",
        "attacked", day=TUESDAY, place=KANO, source="Daily Trust"))
    store_batch(store, report(
        "b", "Gunmen attacked the Dala market on the edge of Kano on Tuesday, killing 12.",
        "attacked", day=TUESDAY, place=far, source="Punch"))
    assert incident_of(store, "b-e1") == incident_of(store, "a-e1")
    # the same distance, but the incident's reports never name the report's town
    store_batch(store, report(
        "d", "Gunmen attacked a bus station in Zaria on Tuesday, a day after Kano's attack.",
        "attacked", day=TUESDAY, place=ZARIA, source="Punch"))
    assert incident_of(store, "d-e1") != incident_of(store, "a-e1")


def test_a_follow_up_weeks_later_joins_by_names_and_words(store):
    """A report of charges or a trial weeks after the attack dates it only by its own
    publication day: that bounds the event from above, so the attack it names is found."""
    store_batch(store, report(
        "a", "Gunmen led by Abba Kyari attacked a crowded market in Kano on Tuesday.",
        "attacked", day=TUESDAY, place=KANO, source="Daily Trust"))
    weeks_later = datetime(2024, 4, 2, 9, tzinfo=UTC)
    store_batch(store, report(
        "f", "Abba Kyari, accused of leading the gunmen who attacked the Kano market, was "
             "charged with murder.", "attacked", day=None, place=None, source="Punch",
        published=weeks_later))
    store_batch(store, report(
        "g", "Gunmen attacked a market, residents said.", "attacked", day=None, place=None,
        source="Punch", published=weeks_later))
    assert incident_of(store, "f-e1") == incident_of(store, "a-e1")
    assert incident_of(store, "g-e1") != incident_of(store, "a-e1")
    # a report that states another day stays another attack
    store_batch(store, report(
        "h", "Gunmen led by Abba Kyari attacked a crowded market in Kano on Sunday.",
        "attacked", day=date(2024, 3, 31), place=KANO, source="Punch"))
    assert incident_of(store, "h-e1") != incident_of(store, "a-e1")


def test_a_report_fitting_two_incidents_joins_the_better_reported_one():
    """Two incidents of one attack (an early lone report could not join the other): a later
    report that fits both as well joins the one more reports tell of, whatever their ids."""
    from eventwire.incidents.model import Incident
    from eventwire.incidents.resolve import Resolver

    lone, many = Incident("inc-a"), Incident("inc-b")
    lone.add(_r(1, TUESDAY))
    for n in (2, 3, 4):
        many.add(_r(n, TUESDAY))
    assert Resolver([lone, many]).add(_r(5, TUESDAY)).incident_id == "inc-b"
    assert Resolver([lone]).add(_r(6, TUESDAY)).incident_id == "inc-a"


def test_another_word_at_the_same_place_and_day_needs_more_than_the_place_and_day(store):
    """A stabbing reported at the town and on the day of a market attack is not the attack
    by place and day alone; a report of killings that names the market and its dead is."""
    _a(store)
    store_batch(store, report("b", MARKET_B, "stormed", day=TUESDAY, place=KANO,
                              source="Premium Times"))
    store_batch(store, report("s", "A man was stabbed outside a mosque on Tuesday.", "stabbed",
                              day=TUESDAY, place=KANO, source="Punch"))
    assert incident_of(store, "s-e1") != incident_of(store, "a-e1")
    store_batch(store, report("k", "Gunmen killed 14 traders in the Sabon Gari market.",
                              "killed", day=TUESDAY, place=KANO, source="Punch"))
    assert incident_of(store, "k-e1") == incident_of(store, "a-e1")


BADAGRY = ("Badagry", 6.415, 2.881, "NGA", "Lagos")


def _capture(aid: str, body: str):
    return report(aid, body, "captured", type_="COERCE", day=None, place=BADAGRY, source=aid)


def test_undated_reports_putting_the_act_on_other_weekdays_stay_apart(store):
    """Reports that give no date may still say on which day of the week the act fell: a
    capture put on Thursday is not one put on Saturday at the same town, though the words
    agree; another report putting it on Saturday joins the first."""
    store_batch(store, _capture("x", "Soldiers captured smugglers near Badagry on Saturday."))
    store_batch(store, _capture("y", "Troops captured smugglers near Badagry on Thursday."))
    store_batch(store, _capture("z", "Troops captured smugglers near Badagry on Saturday."))
    assert incident_of(store, "y-e1") != incident_of(store, "x-e1")
    assert incident_of(store, "z-e1") == incident_of(store, "x-e1")


def test_a_weekday_counts_only_as_the_day_something_fell_on():
    """'on Friday' dates what the sentence tells; 'said Friday' only dates the telling."""
    from eventwire.incidents.reports import weekdays_in

    assert weekdays_in("Troops on Friday captured 12 smugglers.") == {"friday"}
    assert weekdays_in("Troops captured 12 smugglers, the army said Friday.") == set()


def test_an_incident_read_back_keeps_the_weekdays_and_sentences_that_told_it():
    from dataclasses import replace

    from eventwire.incidents.model import Incident

    inc = Incident("inc-w")
    inc.add(replace(_r(1, None, None), sentence=40, weekdays=frozenset({"friday"})))
    back = Incident.from_state("inc-w", json.loads(json.dumps(inc.state())))
    assert (back.weekdays, back.told) == (inc.weekdays, inc.told) != (Counter(), {})


def _two_events(aid: str, body: str, first: str, second: str):
    """One article holding two events of one kind, each in the sentence its trigger is in."""
    from dataclasses import replace

    art, anno = report(aid, body, first, type_="COERCE", day=TUESDAY, place=BADAGRY,
                       source=aid)
    one = anno.events[0]
    m = re.search(re.escape(second), body)
    events = []
    for n, (ev, at) in enumerate(((one, one.trigger_start), (one, m.start()))):
        start = body.rfind(". ", 0, at) + 2 if ". " in body[:at] else 0
        end = body.find(".", at) + 1
        word = first if n == 0 else second
        events.append(replace(ev, id=f"{aid}-e{n + 1}", sentence_start=start, sentence_end=end,
                              trigger=word, trigger_start=at if n else ev.trigger_start,
                              trigger_end=(at if n else ev.trigger_start) + len(word)))
    return art, replace(anno, events=events)


def test_two_acts_one_sentence_tells_are_two_incidents(store):
    """A sentence coded as two events of one kind with two words tells two acts (the men
    captured, their boats seized); a story's next sentence telling the capture with another
    word, at one place on one day, tells it again."""
    store_batch(store, _two_events(
        "s", "Soldiers captured 12 smugglers near Badagry and seized their boats.",
        "captured", "seized"))
    assert incident_of(store, "s-e1") != incident_of(store, "s-e2")
    store_batch(store, _two_events(
        "t", "Soldiers captured 9 smugglers near Badagry. All 9 were held at the Badagry base.",
        "captured", "held"))
    assert incident_of(store, "t-e1") == incident_of(store, "t-e2")


def test_a_report_placed_far_off_or_abroad_joins_by_its_word_and_people_only(store):
    """A geocoder that reads a town as its namesake abroad (or a far town the story also
    names) misplaces a report: the same word and the same named people still tell the one
    act when its text names the incident's place (its place is not added).  Other people
    there, or a text naming only its own far town, tell another act."""
    abroad = ("Kano", 34.7, 135.5, "JPN", "Osaka")

    def told(aid, who, text, where):
        return report(aid, f"Gunmen led by {who} attacked {text} on Tuesday.", "attacked",
                      day=TUESDAY, place=where, source="Punch")

    # stored incidents are read by the batch's countries (the store's cost stays bounded),
    # so a report put abroad meets the misplaced incident within its batch
    store_batch(store, report(
        "a", "Gunmen led by Abba Kyari attacked a crowded market in Kano on Tuesday.",
        "attacked", day=TUESDAY, place=KANO, source="Daily Trust"),
        told("b", "Abba Kyari", "the market in Kano", abroad),
        told("c", "Musa Bello", "the market in Kano", abroad))
    for aid, who, text in (("d", "Abba Kyari", "the Kano market, police in Zaria said,"),
                           ("e", "Abba Kyari", "a bus station in Zaria")):
        store_batch(store, told(aid, who, text, ZARIA))
    a = incident_of(store, "a-e1")
    assert [incident_of(store, f"{x}-e1") == a for x in "bcde"] == [True, False, True, False]
    country = store.con.execute("SELECT country FROM incidents WHERE id = ?",
                                [a]).fetchall()[0][0]
    assert country == "NGA"


def test_a_follow_up_months_later_joins_only_by_the_same_people(store):
    """Charges or a trial months after an attack: a report dated only by its publication
    day joins the attack when it tells it with the same word of the same named people; other
    people months on, or the same people a season later still, are other stories."""
    store_batch(store, report(
        "a", "Gunmen led by Abba Kyari attacked a crowded market in Kano on Tuesday.",
        "attacked", day=TUESDAY, place=KANO, source="Daily Trust"))
    for aid, who, weeks in (("f", "Abba Kyari", 7), ("g", "Musa Bello", 7),
                            ("h", "Abba Kyari", 20)):
        store_batch(store, report(
            aid, f"{who}, accused of leading the gunmen who attacked the Kano market, was "
                 "charged with murder.", "attacked", day=None, place=None, source="Punch",
            published=datetime(2024, 3, 12, 9, tzinfo=UTC) + timedelta(weeks=weeks)))
    a = incident_of(store, "a-e1")
    assert [incident_of(store, f"{x}-e1") == a for x in "fgh"] == [True, False, False]
