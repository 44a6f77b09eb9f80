"""``eventwire serve``: the HTTP API and web page over a store file (uvicorn)."""

from __future__ import annotations

import os

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
    allow_host: list[str] = typer.Option(
        [], "--allow-host", envvar="EVENTWIRE_ALLOWED_HOSTS", show_default=False,
        help="Host header name to answer besides 127.0.0.1/localhost (repeatable; * for "
             "any). Others get 400, which stops DNS-rebinding pages reading the data."),
    watch: str | None = typer.Option(
        None, "--watch", show_default=False,
        help="Directory to ingest from while serving: new files there are read into the "
             "store and the open page shows their events."),
    nlp: bool = typer.Option(True, "--nlp/--no-nlp",
                             help="With --watch: run the language layer and event coding."),
    read_slots: int | None = typer.Option(
        None, "--read-slots", min=1, max=256, show_default=False,
        help="Reads answered at once, the others waiting in order (default: one per core)."),
    workers_log: str = typer.Option("warning", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the API (docs at /docs and /redoc) and the web page at / ."""
    import uvicorn

    from eventwire.api.app import create_app
    from eventwire.config import Settings
    from eventwire.store import StoreError

    if watch is not None and not os.path.isdir(watch):
        fail(f"--watch {watch}: no such directory", 2)
    hosts = [h.strip() for v in allow_host for h in v.split(",") if h.strip()]
    if host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        hosts.append(host)  # the address it is reached by when bound to one interface
    try:
        api = create_app(db, token=token, max_body=max_body, settings=Settings(),
                         allowed_hosts=hosts, watch=watch, watch_nlp=nlp,
                         read_slots=read_slots)
    except StoreError as exc:
        fail(str(exc), 2)
    mode = "read-write (token set)" if token else "read-only (no token)"
    if watch:
        mode += f", ingesting new files in {watch}"
    console.print(f"eventwire serving {db} on http://{host}:{port}/ , {mode}", highlight=False)
    try:
        uvicorn.run(api, host=host, port=port, log_level=workers_log, access_log=False)
    except OSError as exc:
        fail(f"{host}:{port}: cannot listen ({exc.strerror or exc})", 2)
