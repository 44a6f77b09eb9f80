"""``eventwire annotate``: run the language layer and event coder on stored articles."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from eventwire.cli import app
from eventwire.cli._common import DB_OPTION, console, err, open_store
from eventwire.config import Settings
from eventwire.incidents import resolve_pending
from eventwire.ingest import annotate_batch, batched
from eventwire.models import Article

_ARTICLE_FIELDS = set(Article.__dataclass_fields__)


@app.command("annotate")
def annotate_cmd(
    db: str = DB_OPTION,
    redo: bool = typer.Option(False, "--all", help="Re-annotate every article, not only new."),
) -> None:
    """Annotate stored articles (those never annotated, or all with --all)."""
    settings = Settings()
    with open_store(db) as store:
        ids = ([r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
               if redo else store.unannotated_ids())
        with Progress(TextColumn("annotate"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err,
                      disable=not err.is_terminal) as progress:
            task = progress.add_task("annotate", total=len(ids))
            for chunk in batched(ids, settings.batch_size):
                arts = [to_article(r) for r in store.articles_by_id(chunk)]
                store.replace_annotations(annotate_batch(arts, settings.spacy_model))
                progress.advance(task, len(chunk))
        resolve_pending(store)
    console.print(f"annotated {len(ids)} articles")


def to_article(row: dict) -> Article:
    """A stored row back to the Article record the pipeline takes."""
    fields = {k: v for k, v in row.items() if k in _ARTICLE_FIELDS}
    fields["bullets"] = list(fields.get("bullets") or [])
    return Article(**fields)
