"""``eventwire ingest`` and ``eventwire annotate``."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, err, open_store, parse_datetime
from eventwire.config import Settings
from eventwire.ingest import IngestReport, ingest


@app.command("ingest")
def ingest_cmd(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    db: str = DB_OPTION,
    as_of: str = typer.Option(None, "--as-of",
                              help="Resolve relative dates against this time "
                                   "(default: each file's modification time)."),
    nlp: bool = typer.Option(True, "--nlp/--no-nlp",
                             help="Run the language layer and event coding."),
    max_bytes: int = typer.Option(None, "--max-bytes", help="Size cap per file (default 50 MB)."),
) -> None:
    """Read news files into the store; exit 0 if all went in, 1 if some inputs were skipped."""
    when = parse_datetime(as_of)
    settings = Settings()
    if max_bytes:
        from dataclasses import replace

        settings = replace(settings, max_file_bytes=max_bytes)
    with open_store(db) as store, _progress() as progress:
        task = progress.add_task("ingest", total=None, new=0, old=0, skip=0)

        def update(rep: IngestReport, n: int) -> None:
            progress.update(task, advance=n, new=rep.new, old=rep.already,
                            skip=len(rep.skipped))

        report = ingest(paths, store, as_of=when, settings=settings, with_nlp=nlp,
                        on_progress=update)
    _summary(report)
    raise typer.Exit(0 if report.ok else 1)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("new {task.fields[new]} · stored {task.fields[old]} · skipped "
                   "{task.fields[skip]}"), TimeElapsedColumn(),
        console=err, transient=False,
    )


def _summary(report: IngestReport) -> None:
    for skip in report.skipped:
        err.print(f"[yellow]skipped[/] {skip.message()}", highlight=False, soft_wrap=True)
    console.print(
        f"articles new: [bold]{report.new}[/], already stored: {report.already}, "
        f"inputs skipped: {len(report.skipped)}", highlight=False)
