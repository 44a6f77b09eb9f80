"""Batches, the unit every stage works on: fixed-size chunks of a stream, each article once.

Shared by the one-process run (``ingest``), the Dask tasks (``scale.dask``) and re-annotation
(``cli.annotate``), so that none of them imports another to get them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.models import Article


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def unique(articles: Iterable[Article]) -> list[Article]:
    """Each article once, the first met kept (the store's rule for repeats)."""
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    return list(seen.values())
