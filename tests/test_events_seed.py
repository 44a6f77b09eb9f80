"""The seed page's events (../shared evaluation data; skipped when it is absent)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seed():
    from eventwire.eval.events import spacy_coder
    from eventwire.nlp.model import ModelMissing
    from eventwire.pipeline import load_nlp

    path = shared_path("data", "events", "seed-gold.jsonl")
    arts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    try:
        run = spacy_coder(load_nlp())
    except ModelMissing as exc:
        pytest.skip(str(exc))
    items = [(a["id"], a["text"], date.fromisoformat(a["published"]) if a["published"]
              else None) for a in arts]
    return {a["id"]: (a["text"], evs) for a, evs in zip(arts, run(items), strict=True)}


def _sentence(seed, aid, words, counted=True):
    text, events = seed[aid]
    return [e for e in events if words in text[e.sentence_start:e.sentence_end]
            and not (counted and (e.hypothetical or e.aggregate))]


def _countries(refs):
    return {a.country for a in refs}


def test_rocket_that_killed_seven_civilians(seed):
    (ev,) = _sentence(seed, "seed-1", "killed seven civilians")
    assert ev.type == "ASSAULT" and ev.dead == 7
    assert ev.date == date(2020, 9, 28)  # the Monday before Thursday 1 October 2020
    assert ev.location.name == "Baghdad" and ev.location.country == "IRQ"
    assert any("civilians" in a.text for a in ev.targets)


def test_rockets_in_kurdish_region_blamed_on_hashed(seed):
    (ev,) = _sentence(seed, "seed-1", "several rockets fell")
    assert ev.type == "ASSAULT" and ev.date == date(2020, 9, 30)
    assert ev.location.country == "IRQ" and "Kurdistan" in ev.location.name
    (src,) = ev.sources
    assert "Hashed" in src.text and src.attributed_by == "Kurdish Iraqi authorities"


def test_us_threatens(seed):
    (warn,) = _sentence(seed, "seed-1", "would not tolerate")
    assert warn.type == "THREATEN"
    assert [(a.country, a.sector) for a in warn.sources] == [("USA", "GOV")]
    assert any("militias" in a.text for a in warn.targets)
    (ultimatum,) = _sentence(seed, "seed-1", "issued an ultimatum")
    assert ultimatum.type == "THREATEN" and _countries(ultimatum.sources) == {"USA"}
    assert ultimatum.reported_threat


def test_iraq_not_happy_accuses_us(seed):
    (ev,) = _sentence(seed, "seed-1", "not happy")
    assert ev.type == "ACCUSE" and _countries(ev.sources) == {"IRQ"}
    assert _countries(ev.targets) == {"USA"} and ev.date == date(2020, 9, 28)


def test_hamas_support_concession_and_mladenov_talks(seed):
    (sup,) = _sentence(seed, "seed-2", "welcomed the formation")
    assert sup.type == "SUPPORT" and "Hamas" in sup.sources[0].text
    (con,) = _sentence(seed, "seed-2", "ready to hand over")
    assert con.type in ("CONCEDE", "AGREE") and con.sources[0].text == "Hamas"
    (talk,) = _sentence(seed, "seed-2", "held talks")
    assert talk.type == "CONSULT" and "Mladenov" in talk.sources[0].text


def test_no_event_from_the_unconfirmed_threat(seed):
    assert _sentence(seed, "seed-1", "did not confirm or deny", counted=False) == []


def test_seed_page_clutter_gives_no_events():
    from eventwire.pipeline import load_nlp

    page = shared_path("seed", "000_c01d65e13833c80f.txt").read_text(encoding="utf-8")
    nlp = load_nlp()
    for line in page.splitlines():
        if len(line.split()) <= 4:  # "Short Url", "Follow", "Updated 01 October 2020"
            doc = nlp.make_doc(line)
            doc._.article_id = "clutter"
            assert nlp(doc)._.events == [], line
