"""The base of every error eventwire raises on purpose.

Each concern keeps its own error class next to its code (``StoreError`` in ``store``,
``LexiconError`` in ``events.lexicon`` ...), all derived from ``EventwireError``, so an edge
(the CLI, the HTTP API) turns any of them into one clear line instead of a traceback.
"""


class EventwireError(Exception):
    """Input or environment the user can fix; the message says what, where and why."""
