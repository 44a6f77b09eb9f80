"""Columns the store derives from others as rows are inserted, for reads that would
otherwise parse JSON in every row they scan."""

from __future__ import annotations

# An event's actors (sources then targets, as stored in their JSON) as (key, code) pairs: the
# name or else the words, and "COUNTRY SECTOR".  The breakdown panel counts these: parsing
# the JSON in every row it read made it 69 ms of CPU per filter at 1,000,000 events, 29 now.
ACTOR_STRUCT = ('[{"text":"VARCHAR","name":"VARCHAR","country":"VARCHAR",'
                '"sector":"VARCHAR","attributed_by":"VARCHAR"}]')
ACTORS_SQL = (f"list_transform(from_json(sources, '{ACTOR_STRUCT}') || "
              f"from_json(targets, '{ACTOR_STRUCT}'), lambda x: {{'key': "
              "coalesce(x.name, x.text), 'code': nullif(concat_ws(' ', x.country, x.sector), "
              "'')})")
# Columns the store computes from others as rows are inserted (`store.db.insert_new`, the
# one way rows reach these tables), so no writer can leave them out of step.  Readers that
# return whole rows leave them out (`EVENT_ROW`).
DERIVED: dict[str, dict[str, str]] = {"events": {"actors": ACTORS_SQL}}
EVENT_ROW = "* EXCLUDE (actors)"
