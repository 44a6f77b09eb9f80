"""``eventwire serve``: the HTTP API and web page over a store file (uvicorn)."""

from __future__ import annotations

import typer

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, fail


@app.command("serve")
def serve_cmd(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", help="Interface to bind (loopback by default)."),
    port: int = typer.Option(8000, min=1, max=65535),
    token: str | None = typer.Option(
        None, envvar="EVENTWIRE_TOKEN", show_default=False,
        help="Bearer token that allows writes (POST articles, event corrections); "
             "without one the server is read-only."),
    max_body: int = typer.Option(2 * 1024 * 1024, min=1024, help="Largest request body, bytes."),
    workers_log: str = typer.Option("warning", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the API (OpenAPI at /docs) and the web page at / ."""
    import uvicorn

    from eventwire.api.app import create_app
    from eventwire.config import Settings
    from eventwire.store import StoreError

    try:
        api = create_app(db, token=token, max_body=max_body, settings=Settings())
    except StoreError as exc:
        fail(str(exc), 2)
    mode = "read-write (token set)" if token else "read-only (no token)"
    console.print(f"eventwire serving {db} on http://{host}:{port}/ , {mode}", highlight=False)
    try:
        uvicorn.run(api, host=host, port=port, log_level=workers_log, access_log=False)
    except OSError as exc:
        fail(f"{host}:{port}: cannot listen ({exc.strerror or exc})", 2)
