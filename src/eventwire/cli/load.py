"""``eventwire load``: merge the Parquet output of a Dask run into the store."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, err, fail, open_store
from eventwire.config import Settings


@app.command("load")
def load_cmd(
    out: str = typer.Argument(..., help="Output directory (or fsspec URL) of `ingest "
                                        "--engine dask`."),
    db: str = DB_OPTION,
) -> None:
    """Merge finished partitions into the store; loading again adds nothing; exit 1 if a
    partition could not be read (the others are loaded)."""
    import fsspec

    from eventwire.scale.load import LoadReport, load_output
    from eventwire.scale.parquet import finished

    try:
        fs, root = fsspec.core.url_to_fs(out)
        exists = fs.isdir(root)
    except (ImportError, ValueError, OSError) as exc:
        fail(f"{out}: cannot open ({exc})", 2)
    if not exists:
        fail(f"{out}: no such directory", 2)
    if not finished(out):
        fail(f"{out}: no finished partition (no _manifest/*.json); is it the --out of "
             "`eventwire ingest --engine dask`?", 2)
    with open_store(db, memory_limit=Settings().db_memory) as store, \
            Progress(TextColumn("[bold]load"), BarColumn(), MofNCompleteColumn(),
                     TextColumn("partitions"), console=err) as progress:
        task = progress.add_task("load", total=None)

        def update(rep: LoadReport, total: int) -> None:
            progress.update(task, total=total, completed=rep.partitions)

        report = load_output(out, store, on_partition=update)
    for skip in report.skipped:
        err.print(f"[yellow]skipped[/] {skip}", highlight=False, soft_wrap=True)
    for line in report.unreadable:
        err.print(f"[red]error:[/] {line}", highlight=False, soft_wrap=True)
    console.print(f"partitions: {report.partitions}, articles new: [bold]{report.new}[/], "
                  f"already stored: {report.already}, inputs skipped: {len(report.skipped)}",
                  highlight=False)
    if report.unreadable:
        raise typer.Exit(1)
