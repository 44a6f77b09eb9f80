"""``eventwire eval pages DIR``: body precision/recall/F1 of the HTML and plain-text paths."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli import eval_app


@eval_app.command("pages")
def eval_pages(
    directory: Path = typer.Argument(..., help="Folder with html/, text/ and truth.jsonl."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    errors: Path = typer.Option(None, "--errors",
                                help="Write the pages scored below 1, worst first, to this "
                                     "JSON Lines file (id, path, file, F1, missed and "
                                     "spurious shingles)."),
) -> None:
    """Score page extraction against truth bodies (word 4-gram shingles, as the public
    article-extraction benchmark does); title and date accuracy where truth has them."""
    from eventwire.eval.pages import PagesDirError, evaluate_pages, worst_pages

    warnings.filterwarnings("ignore")
    try:
        result = evaluate_pages(directory)
    except PagesDirError as exc:
        typer.echo(f"eventwire eval pages: {exc}", err=True)
        raise typer.Exit(2) from None
    if errors is not None:
        try:
            with errors.open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(row) + "\n" for row in worst_pages(result))
        except OSError as exc:
            typer.echo(f"eventwire eval pages: cannot write {errors}: {exc.strerror or exc}",
                       err=True)
            raise typer.Exit(2) from None
    if as_json:
        keys = ("precision", "recall", "f1", "f1_even", "f1_odd", "n")
        typer.echo(json.dumps({k: {m: result[k][m] for m in keys} for k in ("html", "text")}))
        return
    table = Table(title=f"Page extraction on {directory} (body: word 4-gram shingles)")
    for col in ("path", "precision", "recall", "F1", "F1 even", "F1 odd", "n", "title acc",
                "date acc", "seconds"):
        table.add_column(col, justify="left" if col == "path" else "right")
    for kind in ("html", "text"):
        r = result[kind]
        table.add_row(kind, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}",
                      f"{r['f1_even']:.3f}", f"{r['f1_odd']:.3f}", str(r["n"]),
                      _opt(r["title_accuracy"]), _opt(r["date_accuracy"]), f"{r['seconds']:.1f}")
    Console().print(table)
    typer.echo("text path: a page's articles are scored on their bodies joined in page order.")


def _opt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
