"""Scoring against gold sets: events, quotes, places and page splitting."""

from eventwire.errors import EventwireError


class GoldError(EventwireError, ValueError):
    """The gold file or folder cannot be read; the message says which and why."""
