"""Reads answered a few at a time, one per core, the others waiting their turn in order.

Eight clients' queries run all at once share two cores: each takes four times its own CPU
time, and the longest (a map of 20,000 points) gets the slowest answers.  Taken a core's
worth at a time, in order of arrival, a request waits for the few ahead of it and then
runs alone on its core, so answers come as fast on average and far more evenly, and
less CPU goes to switching between threads.  DuckDB then runs each query on the cores
left per slot (`duckdb_threads`: one by default): with every core busy serving a request,
splitting one query over threads only adds their coordination (about 8% more CPU).

A request holds its slot until its answer starts to go out (the body is ready by then),
not while a slow client reads it.
"""

from __future__ import annotations

import asyncio
import os


def cores() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def duckdb_threads(slots: int | None) -> int:
    """DuckDB threads per query when ``slots`` reads run at once (None: one per core)."""
    return max(1, cores() // (slots or cores()))


class ReadSlots:
    """ASGI middleware: at most ``slots`` GET/HEAD requests under ``/api/`` are answered at
    once; the others wait, first come first served, without a thread."""

    def __init__(self, app, slots: int | None = None):
        self.app = app
        self.slots = slots or cores()
        self._free: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    async def __call__(self, scope, receive, send):
        if (scope["type"] != "http" or scope["method"] not in ("GET", "HEAD")
                or not scope["path"].startswith("/api/")):
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        if self._free is None or self._free[0] is not loop:  # one per event loop (tests
            self._free = (loop, asyncio.Semaphore(self.slots))  # start one per client)
        free = self._free[1]
        await free.acquire()
        held = True

        async def send_releasing(message):
            nonlocal held
            if held and message["type"] == "http.response.start":
                held = False
                free.release()
            await send(message)

        try:
            await self.app(scope, receive, send_releasing)
        finally:
            if held:
                free.release()
