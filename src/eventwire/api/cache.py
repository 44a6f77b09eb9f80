"""Answers of the aggregate endpoints kept per store version, so the page's panels (map,
heat, timeline, breakdown, totals) cost one query per filter until the data changes.

The server is the only writer of its file while it serves (DuckDB locks it), and every one
of its writes holds ``write_lock``; the lock counts the writes it has let through, and that
count is the store version an answer is filed under.  The version is read before the query
runs, so an answer computed while a write commits is filed under the older version (and not
served once the write is done).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

DEFAULT_BYTES = 64 * 1024 * 1024


class VersionedLock:
    """A lock whose ``version`` goes up each time a holder releases it (a write is done)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.version = 0

    def __enter__(self) -> VersionedLock:
        self._lock.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.version += 1
        self._lock.release()


class AnswerCache:
    """Rendered answers (bytes) by request key for the current store version, least recently
    used dropped first once they hold more than ``max_bytes``."""

    def __init__(self, lock: VersionedLock, max_bytes: int = DEFAULT_BYTES) -> None:
        self.lock = lock
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Hashable, bytes] = OrderedDict()
        self._bytes = 0
        self._version = lock.version
        self._guard = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        version = self.lock.version
        with self._guard:
            if version != self._version:  # data changed: every answer is stale
                self._answers.clear()
                self._bytes = 0
                self._version = version
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        answer = compute()
        if len(answer) > self.max_bytes // 4:  # one answer may not push out all the others
            return answer
        with self._guard:
            if version == self._version and key not in self._answers:
                self._answers[key] = answer
                self._bytes += len(answer)
                while self._bytes > self.max_bytes:
                    _, old = self._answers.popitem(last=False)
                    self._bytes -= len(old)
        return answer
