"""Incident endpoints: list, map points, timeline and one incident with its reports (read);
merge and split corrections (bearer token), which later ingests keep."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from eventwire.api.reads import Con, FastJSON, Filter, Indexed, Limit, Offset
from eventwire.api.writes import require_token
from eventwire.incidents import query as iq

router = APIRouter(prefix="/api", default_response_class=FastJSON)


@router.get("/incidents", summary="Incidents matching the event filters, latest first")
def incidents(f: Filter, con: Con, indexed: Indexed, limit: Limit = 50,
              offset: Offset = 0) -> FastJSON:
    return FastJSON(iq.search_incidents(con, f, limit, offset, indexed=indexed))


@router.get("/incidents/points",
            summary="Located incidents for the map: [id, lat, lon, type, sources, events]")
def incident_points(f: Filter, con: Con, indexed: Indexed,
                    cap: Annotated[int, Query(ge=1, le=100000)] = 20000) -> FastJSON:
    return FastJSON(iq.incident_points(con, f, cap, indexed=indexed))


@router.get("/incidents/timeline", summary="Incidents per day and type, with their sources")
def incident_timeline(f: Filter, con: Con, indexed: Indexed) -> FastJSON:
    return FastJSON(iq.incident_timeline(con, f, indexed=indexed))


@router.get("/incidents/{incident_id}", summary="One incident with every event reporting it")
def incident(incident_id: str, con: Con) -> FastJSON:
    found = iq.get_incident(con, incident_id)
    if not found:
        raise HTTPException(404, f"no incident with id {incident_id!r}")
    return FastJSON(found)


class MergeIn(BaseModel):
    incidents: list[str] = Field(..., min_length=2, max_length=100,
                                 description="Incident ids; the others join the first.")
    note: str | None = Field(None, max_length=2000)


class SplitIn(BaseModel):
    events: list[str] = Field(..., min_length=1, max_length=1000,
                              description="Event ids to move into a new incident.")
    note: str | None = Field(None, max_length=2000)


@router.post("/incidents/merge", dependencies=[Depends(require_token)],
             summary="Merge incidents into the first (token required)")
def merge_incidents(body: MergeIn, request: Request) -> FastJSON:
    from eventwire.incidents import CorrectionError, merge

    state = request.app.state
    with state.write_lock:
        try:
            kept = merge(state.store, body.incidents, body.note)
        except CorrectionError as exc:
            raise HTTPException(422, str(exc)) from None
    return FastJSON(iq.get_incident(state.store.con.cursor(), kept))


@router.post("/incidents/split", dependencies=[Depends(require_token)],
             summary="Move events out of their incident into a new one (token required)")
def split_incident(body: SplitIn, request: Request) -> FastJSON:
    from eventwire.incidents import CorrectionError, split

    state = request.app.state
    with state.write_lock:
        try:
            made = split(state.store, body.events, body.note)
        except CorrectionError as exc:
            raise HTTPException(422, str(exc)) from None
    return FastJSON(iq.get_incident(state.store.con.cursor(), made))
