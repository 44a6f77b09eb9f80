"""Read endpoints: events, articles with their spans, quotes, actors, places, search."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

import duckdb
import orjson
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from eventwire import query as q
from eventwire.api.exports import MAX_EXPORT, export_file
from eventwire.events.plover import EVENT_TYPES, QUAD


class FastJSON(JSONResponse):
    """JSON straight from the query's dicts and lists (dates as ISO text), skipping
    FastAPI's generic encoder, which costs more CPU than the query on large pages.

    orjson writes it: the map's 20,000 points take 2.5 ms instead of the standard
    library's 18.  What orjson refuses (an integer past 64 bits) goes to the standard
    library, as before.
    """

    def render(self, content) -> bytes:
        try:
            return orjson.dumps(content, default=_plain)
        except orjson.JSONEncodeError:
            return json.dumps(content, default=_plain, ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")


def _plain(value):
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


router = APIRouter(prefix="/api", default_response_class=FastJSON)


async def cursor(request: Request) -> AsyncIterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for each request (safe to use from the worker thread).

    The small dependencies are ``async`` so they run on the event loop, not each in a
    trip through the thread pool; the query itself runs in the endpoint's worker thread.
    """
    cur = request.app.state.store.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


async def search_ready(request: Request) -> bool:
    """Whether the search index is fresh: the server keeps it so (it alone writes)."""
    return request.app.state.search_ready


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Indexed = Annotated[bool, Depends(search_ready)]
Limit = Annotated[int, Query(ge=1, le=q.MAX_LIMIT, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=q.MAX_OFFSET, description="Rows to skip.")]
Text = Annotated[str | None, Query(alias="q", max_length=q.MAX_WORDS_TEXT,
                                   description="Words that must all occur, matched by their "
                                               "stem (word* for a prefix).")]
Opt = Annotated[str | None, Query(max_length=q.MAX_TEXT)]
Id = Annotated[str, Path(max_length=q.MAX_TEXT)]


TYPES_HELP = "PLOVER event type(s); repeat or separate by commas."
COUNTRY_HELP = "Country by ISO-2, ISO-3 or name; repeat for several."


async def event_filter(
    actor: Annotated[str | None, Query(max_length=q.MAX_TEXT,
                                       description="Words of an actor's name or text.")] = None,
    actor_code: Annotated[str | None, Query(max_length=q.MAX_TEXT,
                                            description="IRN, GOV or 'IRN GOV'.")] = None,
    type: Annotated[list[str], Query(description=TYPES_HELP)] = [],  # noqa: B006
    country: Annotated[list[str], Query(description=COUNTRY_HELP)] = [],  # noqa: B006
    lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
    radius_km: Annotated[float | None, Query(gt=0, le=20038)] = None,
    date_from: Annotated[date | None, Query(description="First day (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(description="Last day (YYYY-MM-DD).")] = None,
    q_: Text = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    article_id: Opt = None,
) -> q.EventFilter:
    f = q.EventFilter(actor=actor, actor_code=actor_code, types=type, countries=country,
                      lat=lat, lon=lon, radius_km=radius_km, date_from=date_from,
                      date_to=date_to, text=q_ or None, min_confidence=min_confidence,
                      article_id=article_id)
    f.validate()
    return f


Filter = Annotated[q.EventFilter, Depends(event_filter)]


@router.get("/health", summary="Counts and mode")
def health(request: Request, con: Con) -> dict:
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "events", "quotes", "mentions", "places", "times")}
    return {"ok": True, "writable": request.app.state.token is not None,
            "search_index": q.index_is_fresh(con), **counts}


@router.get("/types", summary="PLOVER event types and their quad class")
def types() -> list[dict]:
    return [{"type": t, "quad": QUAD[t]} for t in EVENT_TYPES]


def cached(request: Request, key: tuple, compute: Callable[[], object]) -> Response:
    """The answer of ``compute`` as JSON, computed once per store version (`api.cache`);
    bytes from ``compute`` are JSON already (the map's points, written by DuckDB)."""

    def render() -> bytes:
        content = compute()
        return content if isinstance(content, bytes) else FastJSON(content).body

    body = request.app.state.answers.get(key, render)
    return Response(body, media_type="application/json")


@router.get("/events", summary="Events matching the filters, newest first")
def events(request: Request, f: Filter, con: Con, indexed: Indexed, limit: Limit = 50,
           offset: Offset = 0) -> Response:
    def page() -> dict:
        if q.total_comes_with_page(f, indexed):
            return q.search_events(con, f, limit, offset, indexed=indexed)
        # The total is shared by every page of the filter: kept on its own.  When it is
        # not known yet, the page's query counts too (one scan for both).
        first: list[dict] = []

        def count_with_page() -> bytes:
            first.append(q.search_events(con, f, limit, offset, indexed=indexed))
            return str(first[0]["total"]).encode()

        total = int(request.app.state.answers.get(("count", repr(f), indexed),
                                                  count_with_page))
        found = first[0] if first else q.search_events(con, f, limit, offset,
                                                        with_total=False, indexed=indexed)
        found["total"] = total
        return found

    return cached(request, ("events", repr(f), indexed, limit, offset), page)


@router.get("/events/points", summary="Located events for the map: [id, lat, lon, type]")
def event_points(request: Request, f: Filter, con: Con, indexed: Indexed,
                 cap: Annotated[int, Query(ge=1, le=100000)] = 20000) -> Response:
    return cached(request, ("points", repr(f), indexed, cap),
                  lambda: q.event_points(con, f, cap, indexed=indexed))


@router.get("/events/grid", summary="Located events counted per grid cell (heat view)")
def event_grid(request: Request, f: Filter, con: Con, indexed: Indexed,
               cell: Annotated[float, Query(ge=0.01, le=45, description="Cell size in "
                                                                    "degrees.")] = 1.0
               ) -> Response:
    return cached(request, ("grid", repr(f), indexed, cell),
                  lambda: q.event_grid(con, f, cell, indexed=indexed))


@router.get("/events/timeline",
            summary="Events per bin (day, week, month, year) and type over the dense range")
def event_timeline(request: Request, f: Filter, con: Con, indexed: Indexed,
                   bin: Annotated[Literal["day", "week", "month", "year"] | None,
                                  Query(description="Bin size; by default from the range's "
                                                    "length.")] = None) -> Response:
    return cached(request, ("timeline", repr(f), indexed, bin),
                  lambda: q.event_timeline(con, f, bin, indexed=indexed))


@router.get("/events/breakdown", summary="Top types, countries and actors of the filter")
def event_breakdown(request: Request, f: Filter, con: Con, indexed: Indexed,
                    limit: Annotated[int, Query(ge=1, le=100)] = 10) -> Response:
    return cached(request, ("breakdown", repr(f), indexed, limit),
                  lambda: q.event_breakdown(con, f, limit, indexed=indexed))


@router.get("/events/export", summary="The filter's events as CSV, GeoJSON or PLOVER JSON",
            response_class=Response)
def event_export(f: Filter, con: Con, indexed: Indexed,
                 format: Annotated[Literal["csv", "geojson", "plover-json"],
                                   Query(description="File format.")] = "csv",
                 cap: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT) -> Response:
    rows, articles, more = q.export_rows(con, f, cap, indexed=indexed)
    body, media, ext = export_file(rows, articles, format)
    return Response(body, media_type=media, headers={
        "content-disposition": f'attachment; filename="eventwire-events.{ext}"',
        "x-eventwire-truncated": "1" if more else "0"})


@router.get("/events/{event_id}", summary="One event with its sentence")
def event(event_id: Id, con: Con) -> FastJSON:
    found = q.get_event(con, event_id)
    if not found:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return FastJSON(found)


@router.get("/articles", summary="Articles, newest first; q searches title and body")
def articles(con: Con, indexed: Indexed, q_: Text = None, limit: Limit = 50,
             offset: Offset = 0) -> FastJSON:
    return FastJSON(q.search_articles(con, q_ or None, limit, offset, indexed=indexed))


@router.get("/articles/{article_id}", summary="One article with every span found in it")
def article(article_id: Id, con: Con) -> FastJSON:
    found = q.article_with_spans(con, article_id)
    if not found:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return FastJSON(found)


@router.get("/quotes", summary="Quotes by speaker, code or words of the content")
def quotes(con: Con, indexed: Indexed, speaker: Opt = None, speaker_code: Opt = None,
           q_: Text = None, article_id: Opt = None, limit: Limit = 50,
           offset: Offset = 0) -> FastJSON:
    return FastJSON(q.search_quotes(con, speaker, speaker_code, q_ or None, article_id, limit,
                                    offset, indexed=indexed))


@router.get("/quotes/speakers", summary="Who is quoted most")
def speakers(con: Con, limit: Limit = 100) -> FastJSON:
    return FastJSON(q.quote_speakers(con, limit))


@router.get("/actors", summary="Actors by number of mentions, with codes")
def actors(con: Con, q_: Text = None, code: Opt = None, kind: Opt = None, limit: Limit = 50,
           offset: Offset = 0) -> FastJSON:
    return FastJSON(q.top_actors(con, q_ or None, code, kind, limit, offset))


@router.get("/places", summary="Resolved places by number of mentions")
def places(con: Con, q_: Text = None, country: Opt = None, limit: Limit = 50,
           offset: Offset = 0) -> FastJSON:
    return FastJSON(q.top_places(con, q_ or None, country, limit, offset))


@router.get("/search", summary="Events, articles and quotes holding all the words (stemmed)")
def search(request: Request, con: Con, indexed: Indexed,
           q_: Annotated[str, Query(alias="q", min_length=1, max_length=q.MAX_WORDS_TEXT)],
           limit: Annotated[int, Query(ge=1, le=200)] = 20) -> Response:
    if not q.search_words(q_):
        raise q.QueryError(f"q: {q_[:40]!r} has no words to search for")
    return cached(request, ("search", q_, indexed, limit), lambda: {
        "events": q.search_events(con, q.EventFilter(text=q_), limit, 0, indexed=indexed),
        "articles": q.search_articles(con, q_, limit, 0, indexed=indexed),
        "quotes": q.search_quotes(con, text=q_, limit=limit, indexed=indexed),
    })


@router.get("/countries", summary="Countries: ISO-3, ISO-2 and name")
def countries() -> FastJSON:
    return FastJSON(q.country_list())
