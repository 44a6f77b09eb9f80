"""Write endpoints (bearer token): ingest an article through the pipeline, correct an event.

Without a token set at start the server is read-only and answers 403; a wrong or missing
token gets 401.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from datetime import date as Day
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, model_validator

from eventwire import query as q
from eventwire.events.plover import EVENT_TYPES, QUAD
from eventwire.models import Article, RawInput, Skip
from eventwire.store import corrections
from eventwire.store.search import refresh_search_index

router = APIRouter(prefix="/api")
bearer = HTTPBearer(auto_error=False)
log = logging.getLogger("eventwire.api")


def require_token(request: Request,
                  cred: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    expected = request.app.state.token
    if expected is None:
        raise HTTPException(403, "this server is read-only: start it with --token (or "
                                 "EVENTWIRE_TOKEN) to allow writes")
    if cred is None or not secrets.compare_digest(cred.credentials.encode(), expected.encode()):
        raise HTTPException(401, "missing or wrong bearer token",
                            headers={"WWW-Authenticate": "Bearer"})


class ArticleIn(BaseModel):
    """An article to ingest: plain text or the HTML of a page, with what is known about it."""

    text: str | None = Field(None, description="Article text (paragraphs split by blank lines).")
    html: str | None = Field(None, description="HTML of a news page; the article is extracted.")
    page: bool = Field(False, description="`text` is a saved page that may hold several "
                                          "articles and clutter: split it like `ingest` does.")
    url: str | None = Field(None, max_length=4000)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100,
                                  description="Publication date/time as written.")
    source: str | None = Field(None, max_length=200)
    nlp: bool = Field(True, description="Run the language layer and event coder.")

    @model_validator(mode="after")
    def one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        if not (self.text or self.html or "").strip():
            raise ValueError("the article is empty")
        return self


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest one article (token required)")
def post_article(body: ArticleIn, request: Request) -> dict:
    from eventwire.pipeline import annotate_batch
    from eventwire.sources.extract import extract

    raw = RawInput(
        source_path="api:POST /api/articles",
        data=(body.html if body.html is not None else body.text).encode("utf-8"),
        as_of=datetime.now(UTC), url=body.url, published=body.published, title=body.title,
        source=body.source,
        hint="html" if body.html is not None else (None if body.page else "jsonl-text"),
    )
    found = extract(raw)
    if isinstance(found, Skip):
        raise HTTPException(422, found.reason)
    state = request.app.state
    warning = None
    with state.write_lock:
        store = state.store
        known = store.known_ids(a.id for a in found)
        todo = [a for a in found if a.id not in known]
        annos = None
        if body.nlp and todo:
            try:
                annos = annotate_batch(todo, state.settings)
            except Exception as exc:  # the language layer is optional for storing text
                log.exception("language layer failed")
                warning = f"stored without annotations: language layer failed ({exc})"
        state.search_ready = False
        new, already = store.write_batch(todo, annos)
        refresh_search_index(store.con)
        state.search_ready = True
    return {"new": new, "already": len(found) - new,
            "articles": [_summary(a, annos) for a in found], "warning": warning}


def _summary(a: Article, annos) -> dict:
    mine = next((x for x in annos or [] if x.article_id == a.id), None)
    return {"id": a.id, "title": a.title, "published": a.published, "words": a.words,
            "language": a.language,
            "events": len(mine.events) if mine else None,
            "quotes": len(mine.quotes) if mine else None}


NOT_NULL = ("type", "negated", "hypothetical")


class EventCorrection(BaseModel):
    """Fields a reviewer may correct; each corrected field is marked in ``field_rules``.

    ``null`` clears a field, except the type and the two flags, which every event has.
    Dates before 1900 or after the article's publication plus a day are refused.
    """

    model_config = ConfigDict(extra="forbid")

    type: Literal[EVENT_TYPES] | None = None  # type: ignore[valid-type]
    mode: str | None = Field(None, max_length=40)
    date: Day | None = None
    place_name: str | None = Field(None, max_length=200)
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    admin1: str | None = Field(None, max_length=200)
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    dead: int | None = Field(None, ge=0, le=10_000_000)
    injured: int | None = Field(None, ge=0, le=10_000_000)
    size: int | None = Field(None, ge=0, le=100_000_000)
    negated: bool | None = None
    hypothetical: bool | None = None
    note: str | None = Field(None, max_length=2000, description="Why, kept in field_rules.")

    @model_validator(mode="after")
    def required_stay(self) -> EventCorrection:
        for name in NOT_NULL:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


@router.patch("/events/{event_id}", dependencies=[Depends(require_token)],
              summary="Correct an event's fields (token required)")
def correct_event(event_id: Annotated[str, Path(max_length=q.MAX_TEXT)], body: EventCorrection,
                  request: Request) -> dict:
    changes = body.model_dump(exclude_unset=True)
    note = changes.pop("note", None)
    if not changes:
        raise HTTPException(422, "nothing to correct: give at least one field")
    if "type" in changes:
        changes["quad"] = QUAD[changes["type"]]
    state = request.app.state
    with state.write_lock:
        if not corrections.correct_event(state.store.con, event_id, changes, note):
            raise HTTPException(404, f"no event with id {event_id[:60]!r}")
    return q.get_event(state.store.con.cursor(), event_id)
