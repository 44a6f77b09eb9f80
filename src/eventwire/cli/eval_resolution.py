"""`eventwire eval resolution FILE`: incidents scored against cross-document event gold."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from eventwire.cli import eval_app
from eventwire.cli._common import console, fail

_METRICS = ("muc", "b3", "ceafe")


def _public(r: dict) -> dict:
    return {"conll_f1": r["conll_f1"], **{m: r[m] for m in _METRICS}}


@eval_app.command("resolution")
def eval_resolution(
    path: Path = typer.Argument(..., help="Gold documents (JSON Lines, ECB+ layout)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    half: str | None = typer.Option(None, help="Score only the odd or the even topics."),
    db: str | None = typer.Option(None, help="Keep the ingested store in this file and "
                                             "reuse it on the next run (default: temporary)."),
) -> None:
    """Score incident resolution: MUC, B-cubed, CEAF-e and CoNLL F1 over the gold mentions
    system events align to, beside the same-lemma baseline of the same run."""
    from eventwire.config import Settings
    from eventwire.eval.resolution import GoldError, evaluate

    if not path.is_file():
        fail(f"{path}: no such file", 2)
    if half not in (None, "odd", "even"):
        fail(f"--half: {half!r} is not odd or even", 2)
    try:
        result = evaluate(path, db, Settings())
    except GoldError as exc:
        fail(str(exc), 2)
    shown = result["halves"][half] if half else result
    if as_json:
        print(json.dumps(_public(shown) | {"aligned_share": result["aligned_share"],
                                           "baseline": _public(shown["baseline"])}))
        return
    console.print(f"[bold]{result['documents']} documents[/], {result['gold_mentions']} gold "
                  f"mentions in annotated sentences, {result['aligned']} aligned to a system "
                  f"event ({result['aligned_share']:.1%})")
    table = Table(title="Cross-document event resolution over aligned mentions")
    for col in ("topics", "run", "mentions", "MUC F1", "B3 F1", "CEAF-e F1", "CoNLL F1"):
        table.add_column(col)
    for name, part in (("all", result), *result["halves"].items()):
        for run, r in (("eventwire", part), ("same lemma", part["baseline"]),
                       ("eventwire told the sub-topic", part["told"])):
            table.add_row(name, run, str(part["aligned"]),
                          *(f"{r[m]['f1']:.3f}" for m in _METRICS), f"{r['conll_f1']:.3f}")
    console.print(table)
