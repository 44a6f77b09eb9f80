"""A record's ``published`` hint: ISO dates take a fast path that must read like dateparser."""

from datetime import UTC, datetime

import dateparser
import pytest

from eventwire.sources.extract import _parse_date

AS_OF = datetime(2025, 1, 1, tzinfo=UTC)


def by_dateparser(value: str) -> datetime | None:
    parsed = dateparser.parse(value, settings={"RELATIVE_BASE": AS_OF.replace(tzinfo=None),
                                               "RETURN_AS_TIMEZONE_AWARE": True,
                                               "TO_TIMEZONE": "UTC"})
    return parsed.astimezone(UTC) if parsed else None


@pytest.mark.parametrize("value", [
    "2024-03-18", "2024-03-18T10:20:30", "2024-03-18T10:20:30Z", "2024-03-18 10:20",
    "2024-03-18T10:20:30+02:00", "2024-03-18T23:59:59-08:00", "2024-03-18T10:20:30.5",
    "2024-03-18T10:20:30.123456+05:30",
    "2024-02-30",  # no such day: falls back to dateparser
    "March 18, 2024", "18/03/2024",  # not ISO: dateparser as before
])
def test_iso_fast_path_reads_like_dateparser(value):
    assert _parse_date(value, AS_OF) == by_dateparser(value)


def test_offsets_are_converted_to_utc():
    assert _parse_date("2024-03-18T01:00:00+02:00", AS_OF) == datetime(2024, 3, 17, 23,
                                                                       tzinfo=UTC)
