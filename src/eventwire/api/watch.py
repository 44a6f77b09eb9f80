"""``serve --watch DIR``: the server ingests files as they appear, so a user can watch events
arrive in the open page (which polls /api/health and reloads its views when counts change).

DuckDB lets one process write a file, so ingesting in the server's own process is how a
store can be read and fed at once.  Files are taken once they have not changed for one poll
(a file still being copied is left for the next); a file that changes later is read again
and its articles, already stored, are skipped by id.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from eventwire.ingest import ingest
from eventwire.pipeline import load_nlp
from eventwire.store.search import refresh_search_index

log = logging.getLogger("eventwire.api")


class Watcher:
    """A thread that polls ``folder`` every ``interval`` seconds and ingests new files."""

    def __init__(self, state, folder: str, with_nlp: bool = True, interval: float = 2.0):
        self.state = state
        self.folder = Path(folder)
        self.with_nlp = with_nlp
        self.interval = interval
        self.seen: dict[str, tuple[float, int]] = {}
        self.pending: dict[str, tuple[float, int]] = {}
        self.ingested = 0
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="eventwire-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        if self.with_nlp:  # load the model now, so the first file is coded without a wait
            try:
                load_nlp(self.state.settings)
            except Exception as exc:
                self.last_error = f"{exc.__class__.__name__}: {exc}"
                log.exception("loading the language layer")
        while not self._stop.is_set():
            try:
                self.poll()
            except Exception as exc:  # keep serving; say what failed
                self.last_error = f"{exc.__class__.__name__}: {exc}"
                log.exception("watching %s", self.folder)
            self._stop.wait(self.interval)

    def poll(self) -> int:
        """Ingest the files that are new or changed and have settled; returns how many."""
        ready = []
        for path, sig in self._scan().items():
            if self.seen.get(path) == sig:
                continue
            if self.pending.get(path) == sig:  # unchanged since the last poll
                ready.append(path)
            else:
                self.pending[path] = sig
        if not ready:
            return 0
        state = self.state
        with state.write_lock:
            state.search_ready = False
            report = ingest(ready, state.store, settings=state.settings,
                            with_nlp=self.with_nlp)
            refresh_search_index(state.store.con)
            state.search_ready = True
        for path in ready:
            self.seen[path] = self.pending.pop(path)
        self.ingested += report.new
        log.info("watch: %d files, %d new articles", len(ready), report.new)
        return len(ready)

    def _scan(self) -> dict[str, tuple[float, int]]:
        out = {}
        if not self.folder.is_dir():
            return out
        for root, _, names in os.walk(self.folder):
            for name in names:
                if name.startswith("."):
                    continue
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                out[path] = (st.st_mtime, st.st_size)
        return out
