"""``eventwire ingest``: one process, a pool of workers, or a Dask cluster."""

from __future__ import annotations

import os
import threading
from dataclasses import replace

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from eventwire.cli import app
from eventwire.cli._common import (
    DB_OPTION,
    console,
    err,
    fail,
    one_line,
    open_store,
    parse_datetime,
    say,
)
from eventwire.config import Settings
from eventwire.ingest import IngestReport, count_inputs, ingest
from eventwire.sources.read import STDIN


@app.command("ingest")
def ingest_cmd(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs, or - for stdin."),
    db: str = DB_OPTION,
    as_of: str = typer.Option(None, "--as-of",
                              help="Resolve relative dates against this time "
                                   "(default: each file's modification time)."),
    nlp: bool = typer.Option(True, "--nlp/--no-nlp",
                             help="Run the language layer and event coding."),
    max_bytes: int = typer.Option(None, "--max-bytes", min=1,
                                  help="Size cap per file in bytes (default 50 MB)."),
    workers: int = typer.Option(None, "--workers", "-w", min=0,
                                help="Worker processes (0: one per CPU core; default 1, or "
                                     "one per core for a local Dask cluster)."),
    engine: str = typer.Option("local", "--engine",
                               help="local (this machine) or dask (a Dask cluster)."),
    scheduler: str = typer.Option(None, "--scheduler",
                                  help="Dask scheduler address (default: a local cluster)."),
    out: str = typer.Option(None, "--out",
                            help="Dask engine: output directory or fsspec URL for Parquet."),
) -> None:
    """Read news files into the store; exit 0 if all went in, 1 if some inputs were skipped.

    With --engine dask the rows go to Parquet under --out; `eventwire load` merges them.
    """
    when = parse_datetime(as_of)
    settings = Settings()
    if max_bytes:
        settings = replace(settings, max_file_bytes=max_bytes)
    if engine == "dask":
        _run_dask(paths, out, scheduler, workers or os.cpu_count() or 1, when, settings, nlp)
        return
    workers = 1 if workers is None else workers or os.cpu_count() or 1
    if engine != "local":
        fail(f"--engine {engine}: choose local or dask", 2)
    if scheduler or out:
        fail("--scheduler and --out belong to --engine dask", 2)
    with open_store(db, memory_limit=settings.db_memory) as store, \
            _progress("ingest", "inputs") as progress:
        task = progress.add_task("ingest", total=None, new=0, old=0, skip=0, articles=0)
        _count_in_background(progress, task, paths, settings.max_file_bytes)

        def update(rep: IngestReport, n: int) -> None:
            progress.update(task, advance=n, new=rep.new, old=rep.already,
                            skip=len(rep.skipped), articles=rep.new + rep.already)

        try:
            report = ingest(paths, store, as_of=when, settings=settings, with_nlp=nlp,
                            on_progress=update, workers=workers)
        except KeyboardInterrupt:
            fail("interrupted; every finished batch is stored: run the same command again "
                 "to resume", 130)
        except Exception as exc:  # a worker died or the language layer failed
            fail(f"ingest stopped ({exc.__class__.__name__}: {_first_line(exc)}); finished "
                 "batches are stored: run the same command again to resume", 1)
    _summary(report)
    raise typer.Exit(0 if report.ok else 1)


def _run_dask(paths, out, scheduler, workers, when, settings, nlp) -> None:
    from eventwire.scale.dask import DaskReport, DaskUsageError, dask_client, ingest_dask

    if not out:
        fail("--engine dask needs --out DIR (a directory or fsspec URL for the Parquet "
             "output)", 2)
    if STDIN in paths:
        fail("--engine dask reads files; stdin (-) cannot be partitioned", 2)
    with _progress("dask", "partitions") as progress:
        task = progress.add_task("dask", total=None, new=0, old=0, skip=0, articles=0)

        def update(rep: DaskReport, total: int) -> None:
            progress.update(task, total=total, advance=1, new=rep.articles,
                            skip=len(rep.skipped), articles=rep.articles)

        try:
            with dask_client(scheduler, None if scheduler else workers) as client:
                report = ingest_dask(paths, out, client, as_of=when, settings=settings,
                                     with_nlp=nlp, on_partition=update)
        except DaskUsageError as exc:
            fail(str(exc), 2)
        except KeyboardInterrupt:
            fail("interrupted; finished partitions are kept: run again to resume", 130)
        except Exception as exc:
            fail(f"dask run stopped ({exc.__class__.__name__}: {_first_line(exc)}); finished "
                 "partitions are kept: run again to resume", 1)
    for skip in report.skipped:
        say("skipped", "yellow", str(skip))
    rate = report.articles / report.seconds if report.seconds else 0.0
    console.print(
        f"partitions run: {report.partitions - report.resumed}, already done: "
        f"{report.resumed}, articles: {report.articles} ({rate:,.1f}/s), inputs skipped: "
        f"{len(report.skipped)}", highlight=False, soft_wrap=True)
    console.print(Text(one_line(f"Parquet in {out}; merge it with `eventwire load {out} "
                                "--db FILE`")), highlight=False, soft_wrap=True)
    raise typer.Exit(0 if report.ok else 1)


def _count_in_background(progress: Progress, task, paths: list[str], max_bytes: int) -> None:
    """Count the inputs while the run starts, so the bar gets a total and an ETA."""

    def count() -> None:
        total = count_inputs(paths, max_bytes)
        if total is not None:
            progress.update(task, total=total)

    threading.Thread(target=count, daemon=True).start()


class _Rate(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.fields.get("articles", 0) / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} articles/s")


def _progress(label: str, unit: str) -> Progress:
    return Progress(
        TextColumn(f"[bold]{label}"), BarColumn(bar_width=20), MofNCompleteColumn(),
        TextColumn(unit),
        _Rate(),
        TextColumn("new {task.fields[new]} · stored {task.fields[old]} · skipped "
                   "{task.fields[skip]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err, transient=False,
        disable=not err.is_terminal,  # a log file gets the summary lines, not a bar's last frame
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "no detail"


def _summary(report: IngestReport) -> None:
    for skip in report.skipped:
        say("skipped", "yellow", skip.message())
    console.print(
        f"articles new: [bold]{report.new}[/], already stored: {report.already}, "
        f"inputs skipped: {len(report.skipped)}", highlight=False, soft_wrap=True)
