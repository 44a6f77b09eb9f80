"""API docs that work offline and under the page's CSP.

FastAPI's own /docs and /redoc load Swagger UI and ReDoc from a CDN through an inline script,
which the CSP (scripts from our own files only) blocks and which needs the internet.  Here the
assets come from the ``fastapi-offline`` package (Swagger UI and ReDoc builds, MIT and their
own licences) and the start-up code from a file of ours.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"

_SWAGGER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>eventwire API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs-assets/swagger-ui.css"></head>
<body><div id="swagger-ui" data-spec="/openapi.json"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""

# No search box: ReDoc's search runs in a Worker made from a blob, which the CSP refuses.
_REDOC = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>eventwire API</title>
<link rel="icon" href="data:,"></head>
<body><redoc spec-url="/openapi.json" disable-search="true"></redoc>
<script src="/docs-assets/redoc.standalone.js"></script></body></html>
"""


def add_docs(app: FastAPI) -> None:
    """/docs (Swagger UI) and /redoc (ReDoc), served from the package."""
    app.mount("/docs-assets", StaticFiles(directory=ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return HTMLResponse(_SWAGGER)

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return HTMLResponse(_REDOC)
