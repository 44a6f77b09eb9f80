"""The HTTP API and web page: one FastAPI app over one store file.

Reads run on per-request cursors of one DuckDB connection (DuckDB allows that from many
threads); writes are serialised by a lock, which counts them, and the answers of the page's
aggregate panels are kept until the next write (`api.cache`).  Without a token the app is
read-only.  Every error is JSON with one message line: bad parameters 422, too large 413,
never a traceback.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.api.cache import AnswerCache, VersionedLock
from eventwire.api.docs import add_docs
from eventwire.api.slots import ReadSlots, duckdb_threads
from eventwire.config import Settings
from eventwire.query import QueryError
from eventwire.store import Store, StoreError
from eventwire.store.corrections import CorrectionError
from eventwire.store.lookups import create_lookup_indexes
from eventwire.store.search import index_is_fresh, refresh_search_index

DEFAULT_MAX_BODY = 2 * 1024 * 1024
STATIC = Path(str(files("eventwire") / "web" / "static"))
log = logging.getLogger("eventwire.api")

# Data never runs as code in the page: scripts only from our own files, no inline script.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; "
                               "style-src 'self' 'unsafe-inline'; object-src 'none'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def create_app(db_path: str, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY, settings: Settings | None = None,
               allowed_hosts: Iterable[str] = (), watch: str | None = None,
               watch_nlp: bool = True, read_slots: int | None = None) -> FastAPI:
    """App over ``db_path``; write endpoints need ``Authorization: Bearer <token>``.

    ``settings`` (the environment's when None) configure the language layer of posted and
    watched articles.  ``allowed_hosts`` are Host header names served besides the loopback
    ones ("*": any).  ``watch`` is a directory whose new files the server ingests while it
    runs.  ``read_slots`` reads are answered at once (one per core when None).
    """
    if not os.path.exists(db_path) and watch is None:
        raise StoreError(f"{db_path}: no such database; run `eventwire ingest` or "
                         "`eventwire demo` first")
    store = _open(db_path, writable=token is not None or watch is not None)
    store.con.execute(f"SET threads = {duckdb_threads(read_slots)}")  # see api.slots
    watcher = None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if watcher:
            watcher.start()
        yield
        if watcher:
            watcher.stop()
        store.close()

    app = FastAPI(
        title="eventwire",
        lifespan=lifespan,
        version="1",
        summary="PLOVER events, quotes, actors and places found in news, each with the span "
                "of text it came from.",
        docs_url=None, redoc_url=None,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.settings = settings or Settings()
    app.state.write_lock = VersionedLock()
    app.state.answers = AnswerCache(app.state.write_lock)
    app.state.max_body = max_body
    # Fresh now, and only this process can write to the file while it serves.
    app.state.search_ready = index_is_fresh(store.con)

    from eventwire.api import incidents, reads, writes

    app.include_router(incidents.router)  # before reads: /api/incidents/... paths
    app.include_router(reads.router)
    app.include_router(writes.router)
    add_docs(app)
    _errors(app)
    app.add_middleware(ReadSlots, slots=read_slots)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    if watch is not None:
        from eventwire.api.watch import Watcher

        watcher = Watcher(app.state, watch, with_nlp=watch_nlp)
        app.state.watcher = watcher

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    return app


def _open(db_path: str, writable: bool) -> Store:
    """Bring the search index up to date and index the ids, then open the store for serving.

    A read-only server keeps the file open read-only, so `eventwire events` and other
    readers can use it at the same time; if another process holds the file, both are left
    as they are (searches may then scan the text, look-ups the ids).
    """
    if writable:
        store = Store(db_path)
        _prepare(store)
        return store
    try:
        with Store(db_path) as store:
            _prepare(store)
    except StoreError as exc:
        log.warning("search index and id look-ups not refreshed: %s", exc)
    return Store(db_path, read_only=True)


def _prepare(store: Store) -> None:
    """What serving needs and only a writer can make: the search index, the id look-ups."""
    refresh_search_index(store.con)
    create_lookup_indexes(store.con)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        msgs = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p != "body" or len(e["loc"]) == 1)
            msgs.append(f"{where}: {e.get('msg', 'invalid')}")
        detail = "; ".join(msgs) or "invalid request"
        return JSONResponse({"detail": detail[:500]}, status_code=422)

    @app.exception_handler(QueryError)
    @app.exception_handler(CorrectionError)
    async def bad_query(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error answering %s %s", request.method, request.url.path)
        return JSONResponse({"detail": f"internal error ({exc.__class__.__name__})"},
                            status_code=500)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class HostCheck:
    """Answer only requests whose Host header names this server (loopback names unless told
    more), so a page on another site cannot reach the API by DNS rebinding."""

    def __init__(self, app, allowed: Iterable[str] = ()):
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in (*LOOPBACK_HOSTS, *allowed)}

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        name = _host_name(raw)
        if name in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = raw[:60] + ("..." if len(raw) > 60 else "")
        await _send_json(send, 400, f"Host header {shown!r} is not served here; start the "
                                    f"server with --allow-host {name or 'NAME'} to serve it")


def _host_name(header: str) -> str:
    """The name part of a Host header: "[::1]:8000" -> "::1", "Example.org:80" -> "example.org"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def _send_json(send, status: int, detail: str) -> None:
    import json

    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Add `SECURITY_HEADERS` to every answer that does not set them (a plain ASGI wrapper:
    Starlette's ``@app.middleware`` costs a task and a stream per request)."""

    def __init__(self, app):
        self.app = app
        self.headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in self.headers if k not in have]
                if extra:
                    message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over ``max_body`` bytes with 413, before any handler reads them.

    The declared Content-Length is checked first; a body sent without one (chunked) is read
    up to the limit and refused as soon as it goes over.
    """

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                await self._refuse(send, 400, "Content-Length is not a number")
                return
            if too_big:
                await self._refuse(send, 413, self._message(int(declared)))
                return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._refuse(send, 413, self._message(size))
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _message(self, size: int) -> str:
        return (f"request body of {size} bytes is over this server's limit of "
                f"{self.max_body} bytes")

    @staticmethod
    async def _refuse(send, status: int, detail: str) -> None:
        await _send_json(send, status, detail)
