"""``eventwire annotate``: run the language layer and event coder on stored articles."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from eventwire.batches import batched
from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, err, open_store
from eventwire.config import Settings
from eventwire.pipeline import annotate_batch


@app.command("annotate")
def annotate_cmd(
    db: str = DB_OPTION,
    redo: bool = typer.Option(False, "--all", help="Re-annotate every article, not only new."),
) -> None:
    """Annotate stored articles (those never annotated, or all with --all)."""
    settings = Settings()
    with open_store(db, memory_limit=settings.db_memory) as store:
        ids = store.article_ids() if redo else store.unannotated_ids()
        with Progress(TextColumn("annotate"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err,
                      disable=not err.is_terminal) as progress:
            task = progress.add_task("annotate", total=len(ids))
            for chunk in batched(ids, settings.batch_size):
                store.replace_annotations(annotate_batch(store.load_articles(chunk), settings))
                progress.advance(task, len(chunk))
    console.print(f"annotated {len(ids)} articles")
