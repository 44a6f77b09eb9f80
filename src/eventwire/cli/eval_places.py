"""``eventwire eval places PATH``: toponym recognition and resolution against gold XML."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli import eval_app


@eval_app.command("places")
def eval_places(
    path: Path = typer.Argument(..., help="Gold XML (LGL or GeoVirus layout) or a directory."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    limit: int = typer.Option(0, "--limit", min=0, help="Only the first N articles (0: all)."),
    demonyms: bool = typer.Option(
        True, "--demonyms/--no-demonyms",
        help="Emit demonyms (\"Russian\") as toponyms of their country, as the component "
        "does by default and LGL annotates (GeoVirus does not)."),
) -> None:
    """Toponym recognition P/R/F1 (exact spans), accuracy within 161 km and error AUC."""
    from eventwire.config import Settings
    from eventwire.eval.places import GoldError, evaluate, read_gold
    from eventwire.nlp.model import ModelMissing

    err = Console(stderr=True)
    try:
        read_gold(path)
        result = evaluate(path, Settings().spacy_model, limit=limit or None,
                          demonyms=demonyms)
    except (GoldError, ModelMissing) as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result))
        return
    table = Table(title=f"places: {path}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key in ("precision", "recall", "f1"):
        table.add_row(f"recognition {key} (exact)", f"{result['recognition'][key]:.3f}")
    for key in ("precision", "recall", "f1"):
        table.add_row(f"recognition {key} (overlap)",
                      f"{result['recognition_overlap'][key]:.3f}")
    table.add_row("accuracy within 161 km", f"{result['acc_161km']:.3f}")
    for half in ("even", "odd"):
        table.add_row(f"  {half} articles: recognition F1 / accuracy within 161 km",
                      f"{result[half]['f1']:.3f} / {result[half]['acc_161km']:.3f}")
    table.add_row("AUC of log error (lower is better)", f"{result['auc']:.3f}")
    table.add_row("n (found toponyms with gold coordinates)", str(result["n"]))
    table.add_row("gold toponyms / predicted", f"{result['gold_toponyms']} / {result['predicted']}")
    Console().print(table)
