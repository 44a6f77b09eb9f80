"""`eventwire eval quotes DIR`: quote attribution P/R/F1 and speaker accuracy on brat gold."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from eventwire.cli import eval_app
from eventwire.cli._common import console, fail


@eval_app.command("quotes")
def eval_quotes(
    folder: Path = typer.Argument(..., help="Folder with text/NAME.txt and attributions/*.ann."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    half: str | None = typer.Option(
        None, "--half", help="Only the even or odd texts (in name order): 'even' or 'odd'."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N texts."),
    errors: Path | None = typer.Option(
        None, "--errors", help="Write one JSON line per error (missed, spurious, speaker)."),
) -> None:
    """Score the quote extractor against brat attributions (PolNeAR layout)."""
    from eventwire.config import Settings
    from eventwire.eval.quotes import QuotesDirError, evaluate, read_dir, select, spacy_extractor
    from eventwire.nlp.model import ModelMissing
    from eventwire.pipeline import load_nlp

    try:
        docs = select(read_dir(folder), half, limit)
    except QuotesDirError as exc:
        fail(str(exc), 2)
    try:
        nlp = load_nlp(Settings(), upto="eventwire_quotes")
    except ModelMissing as exc:
        fail(str(exc), 2)
    found: list[dict] | None = [] if errors is not None else None
    result = evaluate(docs, spacy_extractor(nlp), found)
    if errors is not None and found is not None:
        try:
            with errors.open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in found)
        except OSError as exc:
            fail(f"{errors}: cannot write errors ({exc.strerror})", 2)
    if as_json:
        result.pop("counts", None)
        print(json.dumps(result))
        return
    table = Table(title=f"Quotes on {result['documents']} texts (overlap = gold chars covered)")
    for col in ("subset", "overlap", "precision", "recall", "F1", "tp / pred / gold"):
        table.add_column(col, justify="right" if col != "subset" else "left")
    for subset in ("direct", "all"):
        for th, prf in result[subset].items():
            c = result["counts"][f"{subset}@{th}"]
            table.add_row(subset, f">= {th}", f"{prf['precision']:.3f}", f"{prf['recall']:.3f}",
                          f"{prf['f1']:.3f}", f"{c['tp']} / {c['pred']} / {c['gold']}")
    console.print(table)
    for key, label in (("speaker_accuracy", "all"), ("speaker_accuracy_direct", "direct")):
        c = result["counts"][key]
        console.print(f"speaker accuracy ({label}, matches at 0.3 with a gold source): "
                      f"{result[key]:.3f} ({c['correct']}/{c['matched']})")
