"""`eventwire eval events FILE`: PLOVER event coding scored on gold sentences or articles."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli import eval_app
from eventwire.cli._common import console, fail


@eval_app.command("events")
def eval_events(
    path: Path = typer.Argument(..., help="Gold sentences (JSON array) or articles (JSON Lines)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    show: int = typer.Option(0, "--show", help="Also list this many missed/spurious events."),
) -> None:
    """Score event coding: type, actors, mode, context (sentences) or events, dates, places
    and deaths (articles)."""
    from eventwire.config import Settings
    from eventwire.eval.events import GoldError, detect_layout, evaluate, spacy_coder
    from eventwire.nlp.model import ModelMissing
    from eventwire.pipeline import load_nlp

    if not path.is_file():
        fail(f"{path}: no such file", 2)
    try:
        detect_layout(path)
        nlp = load_nlp(Settings())
        result = evaluate(path, spacy_coder(nlp))
    except GoldError as exc:
        fail(str(exc), 2)
    except ModelMissing as exc:
        fail(str(exc), 2)
    if result["layout"] == "sentences":
        _sentences(result, as_json)
    else:
        _articles(result, as_json, show)


_ABBR = {"AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "CONCEDE": "CNC",
         "COOPERATE": "COO", "AID": "AID", "RETREAT": "RET", "REQUEST": "REQ", "ACCUSE": "ACC",
         "REJECT": "REJ", "THREATEN": "THR", "PROTEST": "PRO", "SANCTION": "SAN",
         "MOBILIZE": "MOB", "COERCE": "COE", "ASSAULT": "ASL", "NONE": "none"}


def _sentences(r: dict, as_json: bool) -> None:
    if as_json:
        keys = ("type_accuracy", "type_macro_f1", "source", "target", "mode_accuracy",
                "context_accuracy")
        print(json.dumps({k: r[k] for k in keys}))
        return
    console.print(f"[bold]{r['sentences']} gold sentences[/]  type accuracy "
                  f"{r['type_accuracy']:.3f}  macro-F1 {r['type_macro_f1']:.3f}  "
                  f"mode accuracy {r['mode_accuracy']:.3f}  context accuracy "
                  f"{r['context_accuracy']:.3f}")
    actors = Table(title="Actor codes (micro P/R/F1)")
    for col in ("side", "match on", "precision", "recall", "F1"):
        actors.add_column(col)
    for side in ("source", "target"):
        for key, label in ((side, "country"), (f"{side}_sector", "country + sector")):
            p = r[key]
            actors.add_row(side, label, f"{p['precision']:.3f}", f"{p['recall']:.3f}",
                           f"{p['f1']:.3f}")
    console.print(actors)
    types = [t for t, v in r["per_type"].items() if v["gold"] or v["pred"]]
    conf = Table(title="Confusion (rows gold, columns predicted)")
    conf.add_column("gold")
    cols = types + ["NONE"]
    for t in cols:
        conf.add_column(_ABBR[t], justify="right")
    conf.add_column("F1", justify="right")
    for g in types:
        row = r["confusion"].get(g, {})
        conf.add_row(_ABBR[g], *[str(row.get(c, "")) for c in cols],
                     f"{r['per_type'][g]['f1']:.2f}")
    # the matrix needs about 120 columns; never let a narrow terminal squash its cells
    Console(width=max(console.width, 130)).print(conf)


def _articles(r: dict, as_json: bool, show: int) -> None:
    if as_json:
        keys = ("event", "date_exact", "location_50km", "dead_exact")
        print(json.dumps({k: r[k] for k in keys}))
        return
    c = r["counts"]
    e = r["event"]
    table = Table(title=f"Events on {r['articles']} articles (match = type + sentence)")
    for col in ("measure", "value", "counts"):
        table.add_column(col)
    table.add_row("event precision", f"{e['precision']:.3f}", f"{c['tp']} / {c['pred']} predicted")
    table.add_row("event recall", f"{e['recall']:.3f}", f"{c['tp']} / {c['gold']} gold")
    table.add_row("event F1", f"{e['f1']:.3f}", "")
    table.add_row("date exact", f"{r['date_exact']:.3f}", "{} / {}".format(*c["date"]))
    table.add_row("location <= 50 km", f"{r['location_50km']:.3f}",
                  "{} / {}".format(*c["location"]))
    table.add_row("dead exact", f"{r['dead_exact']:.3f}", "{} / {}".format(*c["dead"]))
    console.print(table)
    for label, rows in (("missed", r["missed"]), ("spurious", r["spurious"])):
        for aid, etype, text in rows[:show]:
            console.print(f"{label}: {aid} {etype}: {text}", highlight=False)
