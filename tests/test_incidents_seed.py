"""The seed page through ingest: its two threats are different occasions, two incidents."""

from __future__ import annotations

import json

from eventwire.ingest import ingest
from eventwire.store import Store
from tests.conftest import shared_path


def test_seed_threats_are_two_incidents(tmp_path, full_nlp):
    seed = shared_path("seed")
    gold = [json.loads(x) for x in shared_path("data", "events", "seed-gold.jsonl")
            .read_text().splitlines() if x.strip()]
    threats = [" ".join(e["sentence"].split()) for g in gold for e in g["events"]
               if e["type"] == "THREATEN"]
    assert len(threats) == 2
    with Store(str(tmp_path / "seed.duckdb")) as store:
        ingest([str(seed)], store)
        rows = store.query(
            "SELECT m.incident_id, substring(a.body, e.sentence_start + 1, "
            "e.sentence_end - e.sentence_start) AS sentence FROM events e "
            "JOIN incident_events m ON m.event_id = e.id JOIN articles a ON a.id = e.article_id "
            "WHERE e.type = 'THREATEN'")
        assert store.count("incident_events") == store.count("events")
    found = []
    for sentence in threats:
        hits = {r["incident_id"] for r in rows if " ".join(r["sentence"].split()) in sentence
                or sentence in " ".join(r["sentence"].split())}
        assert hits, f"no THREATEN event in: {sentence[:60]}"
        found.append(hits)
    assert not found[0] & found[1]
