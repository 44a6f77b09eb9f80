"""Incidents: one record per real-world event, shared by every article that reports it.

`resolve_batch` runs after each stored ingest batch, `resolve_pending` after a Dask `load`
or `annotate` (every event not linked yet, in the order stored); both attach each new event
to a stored incident or open one, in one transaction, reading only the incidents blocking
finds for the batch (same type, dates within reach), so the cost per event stays flat as the
store grows.  Analysts' corrections (`merge`, `split`) are logged by event ids and replayed
by `rebuild`, and new events never move old ones, so corrections outlive later ingests.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from eventwire.incidents.match import people_reach, reach_span
from eventwire.incidents.model import Incident, incident_id
from eventwire.incidents.reports import Report, report_of
from eventwire.incidents.resolve import Link, Resolver
from eventwire.models import Annotations, Article, Event

PENDING_CHUNK = 2_000  # events resolved per transaction by resolve_pending
# store -> the incidents its last batch read or wrote, with their stored profiles: the next
# batch (mostly the same days) takes those still stored unchanged instead of parsing them
_PARSED: WeakKeyDictionary = WeakKeyDictionary()


class CorrectionError(ValueError):
    """A correction that cannot be applied; the message says why."""


def resolve_batch(store, articles: Iterable[Article],
                  annotations: Iterable[Annotations] | None) -> int:
    """Resolve the events of a batch just stored; returns how many were linked."""
    if not annotations:
        return 0
    with _collector_paused():
        return _resolve_batch(store, articles, annotations)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch is resolved.  Resolution makes
    many small containers (reports, tallies), none of them in a reference cycle, and in an
    ingest process each collection they set off walks the whole heap of a loaded spaCy
    pipeline: about a third of resolution's CPU went there."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _resolve_batch(store, articles: Iterable[Article],
                   annotations: Iterable[Annotations]) -> int:
    arts = {a.id: a for a in articles}
    reports = []
    for anno in annotations:
        art = arts.get(anno.article_id)
        if art is None:
            continue
        meta = {"published": art.published, "source": art.source,
                "site_name": art.site_name, "url": art.url}
        reports += [report_of(_event_fields(e), meta, art.body) for e in anno.events]
    return _resolve(store, reports)


def resolve_pending(store) -> int:
    """Resolve every stored event that has no incident yet, in the order stored."""
    from eventwire.store import incidents as tables

    con = store.con
    done = 0
    while True:
        rows = tables.pending_rows(con, PENDING_CHUNK)
        if not rows:
            return done
        done += _resolve(store, [_report(r) for r in rows])


def rebuild(store) -> int:
    """Resolve the whole store again from its events, then replay the corrections."""
    from eventwire.store import incidents as tables

    store.atomic(lambda: tables.clear(store.con))
    n = resolve_pending(store)
    for action, event_ids, _note in tables.corrections(store.con):
        try:
            _apply(store, action, event_ids)
        except CorrectionError:
            continue  # its events are gone (re-annotated away): nothing left to correct
    return n


def merge(store, incident_ids: list[str], note: str | None = None) -> str:
    """Merge incidents into the first one given; returns its id."""
    con = store.con
    ids = list(dict.fromkeys(incident_ids))
    if len(ids) < 2:
        raise CorrectionError("merge needs at least two different incidents")
    firsts = []
    for i in ids:
        rows = con.execute("SELECT event_id FROM incident_events WHERE incident_id = ? "
                           "ORDER BY seq LIMIT 1", [i]).fetchall()
        if not rows:
            raise CorrectionError(f"no incident with id {i!r}")
        firsts.append(rows[0][0])
    return _record(store, "merge", firsts, note)


def split(store, event_ids: list[str], note: str | None = None) -> str:
    """Move events out of their incident into a new one; returns the new incident's id."""
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        raise CorrectionError("split needs at least one event id")
    return _record(store, "split", ids, note)


def _record(store, action: str, event_ids: list[str], note: str | None) -> str:
    from eventwire.store import incidents as tables

    result: list[str] = []

    def work() -> None:
        result.append(_apply_in(store, action, event_ids))
        tables.log_correction(store.con, action, event_ids, note)

    store.atomic(work)
    return result[0]


def _apply(store, action: str, event_ids: list[str]) -> str:
    result: list[str] = []
    store.atomic(lambda: result.append(_apply_in(store, action, event_ids)))
    return result[0]


def _apply_in(store, action: str, event_ids: list[str]) -> str:
    """Apply one correction inside the caller's transaction; returns the incident kept or
    made.  The incidents it touches are recounted from their members."""
    con = store.con
    found = dict(con.execute("SELECT event_id, incident_id FROM incident_events "
                             "WHERE event_id IN (SELECT unnest(?))", [event_ids]).fetchall())
    missing = [e for e in event_ids if e not in found]
    if missing:
        raise CorrectionError(f"no incident holds event {missing[0]!r}")
    if action == "merge":
        target = found[event_ids[0]]
        others = sorted({found[e] for e in event_ids[1:]} - {target})
        con.execute("UPDATE incident_events SET incident_id = ?, rule = 'correction:merge' "
                    "WHERE incident_id IN (SELECT unnest(?))", [target, others]).fetchall()
        con.execute("DELETE FROM incidents WHERE id IN (SELECT unnest(?))", [others]).fetchall()
        _recount(con, [target])
        return target
    if action == "split":
        new = incident_id("split:" + event_ids[0])
        old = sorted(set(found.values()))
        con.execute("UPDATE incident_events SET incident_id = ?, rule = 'correction:split' "
                    "WHERE event_id IN (SELECT unnest(?))", [new, event_ids]).fetchall()
        _recount(con, [*old, new])
        return new
    raise CorrectionError(f"unknown correction {action!r}")


def _recount(con, incident_ids: list[str]) -> None:
    """Rebuild the tallies of these incidents from their member events."""
    from eventwire.store import incidents as tables

    seqs = dict(con.execute("SELECT id, seq FROM incidents WHERE id IN (SELECT unnest(?))",
                            [incident_ids]).fetchall())
    touched: dict[str, Incident] = {}
    start = tables.next_seq(con)
    for n, iid in enumerate(incident_ids):
        rows = tables.member_rows(con, iid)
        if not rows:
            con.execute("DELETE FROM incidents WHERE id = ?", [iid]).fetchall()
            continue
        inc = Incident(iid)
        for r in rows:
            inc.add(_report(r))
        touched[iid] = inc
        seqs.setdefault(iid, start + n)
    tables.save(con, touched, seqs, [])


def _resolve(store, reports: list[Report]) -> int:
    from eventwire.store import incidents as tables

    if not reports:
        return 0
    # taken out while the batch runs (it changes the incidents in it), put back once committed
    parsed = _PARSED.pop(store, {})
    kept: dict[str, tuple[str, Incident]] = {}

    def work() -> None:
        con = store.con
        windows = [reach_span(r.day, r.precision) for r in reports if r.day is not None]
        follow_ups = [people_reach(r.day, r.precision) for r in reports
                      if r.precision == "published"]
        countries = ({r.country for r in reports}
                     if all(r.country for r in reports) else None)
        found = tables.candidates(con, {r.type for r in reports}, windows, countries,
                                  {r.lemma for r in reports if r.lemma}, parsed, follow_ups)
        seqs = {inc.id: seq for seq, inc in found}
        resolver = Resolver(inc for _, inc in found)
        links: list[Link] = resolver.resolve(reports)
        start = tables.next_seq(con)
        for inc_id in resolver.touched:
            if inc_id not in seqs:
                seqs[inc_id] = start
                start += 1
        saved = tables.save(con, resolver.touched, seqs, links)
        kept.update({inc.id: parsed[inc.id] for _, inc in found})
        kept.update({i: (saved[i], resolver.touched[i]) for i in saved})

    store.atomic(work)
    _PARSED[store] = kept
    return len(reports)


def _event_fields(ev: Event) -> dict:
    """What `report_of` reads of an event just coded, as the stored row has it but with its
    JSON columns left parsed (encoding them only to decode them again cost more than the
    matching)."""
    from eventwire.store.rows import flat_row

    row = flat_row(ev)
    row["sources"] = [flat_row(a) for a in ev.sources]
    row["targets"] = [flat_row(a) for a in ev.targets]
    row["location"] = flat_row(ev.location) if ev.location else None
    return row


def _report(row: dict) -> Report:
    meta = {k: row.pop(f"_{k}") for k in ("published", "source", "site_name", "url")}
    return report_of(row, meta, row.pop("_body"))
