"""``eventwire export events``: every format round-trips, PLOVER JSON validates."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from eventwire.events.export import validate_plover
from eventwire.store import Store
from tests.event_db import build_db


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """The fixture store, only read by these tests."""
    return build_db(str(tmp_path_factory.mktemp("export") / "ev.duckdb"))


def test_export_events_in_every_format(cli, db, tmp_path):
    with Store(db, read_only=True) as store:
        stored = store.query("SELECT id, type, dead FROM events ORDER BY id")
    assert stored, "the fixture database holds events"

    plover = tmp_path / "ev.json"
    assert cli("export", "events", "-f", "plover-json", "-o", str(plover), "--db", db
               ).exit_code == 0
    records = json.loads(plover.read_text())
    assert validate_plover(records) == []
    assert sorted(r["id"] for r in records) == [r["id"] for r in stored]
    assert {r["id"]: r["event"][0] for r in records} == {r["id"]: r["type"] for r in stored}

    acled = tmp_path / "ev.csv"
    assert cli("export", "events", "-f", "acled-csv", "-o", str(acled), "--db", db).exit_code == 0
    frame = pd.read_csv(acled)
    for col in ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1",
                "location", "latitude", "longitude", "fatalities", "notes", "source"):
        assert col in frame.columns
    assert len(frame) == len(stored)
    dead = {r["id"]: r["dead"] or 0 for r in stored}
    assert dict(zip(frame["event_id"], frame["fatalities"], strict=True)) == dead

    for fmt, reader in (("jsonl", lambda p: pd.read_json(p, lines=True)),
                        ("parquet", pd.read_parquet)):
        path = tmp_path / f"ev.{fmt}"
        assert cli("export", "events", "-f", fmt, "-o", str(path), "--db", db).exit_code == 0
        assert len(reader(path)) == len(stored)


def test_export_to_missing_directory_is_a_usage_error(cli, db, tmp_path):
    result = cli("export", "events", "-f", "jsonl", "-o", str(tmp_path / "no" / "x.jsonl"),
                 "--db", db)
    assert result.exit_code == 2 and "does not exist" in result.stderr
