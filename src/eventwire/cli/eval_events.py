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
    show: int = typer.Option(0, "--show", help="Also list this many missed/false events."),
    errors: Path | None = typer.Option(
        None, "--errors", help="Articles: write every false, missed and wrong-argument event "
        "to this file as JSON Lines."),
    halves: bool = typer.Option(
        False, "--halves", help="Articles: also score half A (odd lines) and half B (even)."),
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
        if errors is not None:
            _write_errors(errors, result["errors"])
        _articles(result, as_json, show, halves)


def _write_errors(path: Path, rows: list[dict]) -> None:
    try:
        with open(path, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError as exc:
        fail(f"{path}: cannot write the errors ({exc.strerror})", 2)


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


_KEYS = ("event", "source", "target", "date_exact", "location_50km", "location_area",
         "dead_exact")


def _articles(r: dict, as_json: bool, show: int, halves: bool) -> None:
    parts = [("all", r)] + ([("A", r["halves"]["A"]), ("B", r["halves"]["B"])] if halves else [])
    if as_json:
        out = {k: r[k] for k in _KEYS}
        if halves:
            out["halves"] = {k: {key: h[key] for key in _KEYS} for k, h in parts[1:]}
        print(json.dumps(out))
        return
    table = Table(title=f"Events on {r['articles']} articles (match = type + gold sentence or "
                  "mention, one record per gold event)")
    table.add_column("measure")
    for name, _ in parts:
        table.add_column(name if name == "all" else f"half {name}")
    table.add_column("counts (all)")
    c = r["counts"]

    def row(label, get, counts):
        table.add_row(label, *[f"{get(x):.3f}" for _, x in parts], counts)

    row("event precision", lambda x: x["event"]["precision"], f"{c['tp']} / {c['pred']} predicted")
    row("event recall", lambda x: x["event"]["recall"], f"{c['tp']} / {c['gold']} gold")
    row("event F1", lambda x: x["event"]["f1"], "")
    row("source country F1", lambda x: x["source"]["f1"], "matched events")
    row("target country F1", lambda x: x["target"]["f1"], "matched events")
    row("date exact", lambda x: x["date_exact"], "{} / {}".format(*c["date"]))
    row("location <= 50 km", lambda x: x["location_50km"], "{} / {}".format(*c["location"]))
    row("location, or same area", lambda x: x["location_area"], "area of the same name")
    row("dead exact", lambda x: x["dead_exact"], "{} / {}".format(*c["dead"]))
    console.print(table)
    for kind in ("missed", "false"):
        for e in [e for e in r["errors"] if e["kind"] == kind][:show]:
            etype = (e["gold"] if kind == "missed" else e["system"])["type"]
            console.print(f"{kind}: {e['article']} {etype}: {(e['sentence'] or '')[:80]}",
                          highlight=False)
