"""Quote attribution quality against brat standoff gold (the PolNeAR layout).

Layout: ``DIR/text/NAME.txt`` and ``DIR/attributions/NAME_ANNOTATOR.ann``.  When a text has
several annotators the alphabetically first ``.ann`` file is used, so runs are repeatable.
Each brat event ``E`` with a ``Content`` argument is one gold attribution; its content may be
discontinuous (``Content 10 20;30 40``) and may lack a ``Source``.

Matching follows the GenderGapTracker evaluation (sfu-discourse-lab, ``evaluate_quotes.py``):
the overlap of a prediction with a gold attribution is the number of gold content characters
the prediction covers divided by the number of gold content characters; each gold
attribution, in text order, takes the unmatched prediction with the highest overlap (of equal
overlaps, the one with the fewest characters outside the gold content), and it is a match
when that overlap is at least the threshold (0.3 or 0.8).  Predicted Quote records that
share a cue span are the parts of one attribution (split quotes) and are scored together.

"Direct" restricts both sides to contents holding a double quotation mark.  Speaker accuracy
is over matches at 0.3 among all attributions whose gold has a Source: the predicted speaker
span overlaps the gold Source span, or the resolved speaker name and the gold Source text
contain one another (case-insensitive).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.eval import GoldError
from eventwire.models import Quote

THRESHOLDS = (0.3, 0.8)
_DIRECT_RE = re.compile("''|[\"“”„‟«»]")


class QuotesDirError(GoldError):
    """The folder is not in the brat attribution layout."""


@dataclass
class Attribution:
    """One attribution, gold or predicted: content parts, speaker parts and names."""

    parts: list[tuple[int, int]]
    content: str
    source: list[tuple[int, int]] = field(default_factory=list)
    source_text: str = ""
    speaker_name: str | None = None
    cue: list[tuple[int, int]] = field(default_factory=list)
    cue_text: str = ""
    rule: str = ""

    @property
    def direct(self) -> bool:
        return _DIRECT_RE.search(self.content) is not None

    def chars(self) -> set[int]:
        return {i for s, e in self.parts for i in range(s, e)}


@dataclass
class GoldDoc:
    name: str
    text: str
    gold: list[Attribution]


def _spans(spec: str) -> list[tuple[int, int]]:
    out = []
    for piece in spec.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def parse_ann(ann: str, text: str) -> list[Attribution]:
    """Gold attributions of one ``.ann`` file (events with a Content argument)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            label, _, spec = cols[1].partition(" ")
            try:
                spans[cols[0]] = _spans(spec)
            except ValueError:
                continue
        elif cols[0].startswith("E"):
            args: dict[str, list[str]] = {}
            for arg in cols[1].split():
                role, _, tid = arg.partition(":")
                args.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
            events.append(args)
    out = []
    for ev in events:
        parts = sorted(p for tid in ev.get("Content", []) for p in spans.get(tid, []))
        if not parts:
            continue
        source = sorted(p for tid in ev.get("Source", []) for p in spans.get(tid, []))
        cue = sorted(p for tid in ev.get("Cue", []) for p in spans.get(tid, []))
        out.append(
            Attribution(
                parts=parts,
                content=" ".join(text[s:e] for s, e in parts),
                source=source,
                source_text=" ".join(text[s:e] for s, e in source),
                cue=cue,
                cue_text=" ".join(text[s:e] for s, e in cue),
            )
        )
    out.sort(key=lambda a: a.parts[0])
    return out


def read_dir(folder: str | Path) -> list[GoldDoc]:
    """Every text with at least one annotation file, with its gold attributions."""
    root = Path(folder)
    if not root.is_dir():
        raise QuotesDirError(f"{root}: not a directory")
    tdir, adir = root / "text", root / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise QuotesDirError(f"{root}: expected text/ and attributions/ folders (brat layout)")
    anns: dict[str, list[Path]] = {}
    for ann in sorted(adir.glob("*.ann")):
        name, sep, _annotator = ann.stem.rpartition("_")
        if sep:
            anns.setdefault(name, []).append(ann)
    docs = []
    for txt in sorted(tdir.glob("*.txt")):
        if txt.stem not in anns:
            continue
        text = txt.read_text(encoding="utf-8", errors="replace")
        ann = anns[txt.stem][0].read_text(encoding="utf-8", errors="replace")
        docs.append(GoldDoc(txt.stem, text, parse_ann(ann, text)))
    if not docs:
        raise QuotesDirError(f"{root}: no text/NAME.txt with attributions/NAME_*.ann")
    return docs


def group_predictions(quotes: Iterable[Quote]) -> list[Attribution]:
    """Quote records sharing a cue span are the parts of one attribution."""
    groups: dict[Any, list[Quote]] = {}
    for i, q in enumerate(quotes):
        key = (q.cue_start, q.cue_end) if q.cue_start is not None else ("solo", i)
        groups.setdefault(key, []).append(q)
    out = []
    for qs in groups.values():
        parts = sorted((q.content_start, q.content_end) for q in qs)
        src = sorted({(q.speaker_start, q.speaker_end) for q in qs
                      if q.speaker_start is not None and q.speaker_end is not None})
        name = next((q.speaker_name for q in qs if q.speaker_name), None)
        first = qs[0]
        cue = [(first.cue_start, first.cue_end)] if first.cue_start is not None else []
        speaker = " ".join(dict.fromkeys(q.speaker for q in qs if q.speaker))
        out.append(Attribution(parts, " ".join(q.content for q in qs), src, speaker, name,
                               cue, first.cue or "", first.rule))
    out.sort(key=lambda a: a.parts[0])
    return out


def overlap(gold: Attribution, pred: Attribution, gold_chars: set[int] | None = None) -> float:
    """Share of the gold content characters covered by the prediction."""
    g = gold_chars if gold_chars is not None else gold.chars()
    if not g:
        return 0.0
    covered = sum(len(g.intersection(range(s, e))) for s, e in pred.parts)
    return covered / len(g)


def speaker_ok(gold: Attribution, pred: Attribution) -> bool:
    for gs, ge in gold.source:
        for ps, pe in pred.source:
            if ps < ge and gs < pe:
                return True
    name = (pred.speaker_name or "").lower().strip()
    src = gold.source_text.lower().strip()
    return bool(name and src and (name in src or src in name))


def match(gold: list[Attribution], pred: list[Attribution], threshold: float
          ) -> list[tuple[Attribution, Attribution]]:
    """GenderGapTracker-style greedy matching: gold in order, best remaining prediction.

    Of predictions covering the same share of a gold content, the one with the fewest
    characters outside it is taken: when an attribution is reported inside another ("X
    said Y told reporters that Z"), both predictions cover the inner gold fully, and
    without this the outer one, starting first, would always be paired with it."""
    left = list(pred)
    pairs = []
    for g in gold:
        gc = g.chars()
        best, best_score = None, (0.0, 0)
        for p in left:
            if p.parts[-1][1] <= g.parts[0][0] or p.parts[0][0] >= g.parts[-1][1]:
                continue
            covered = overlap(g, p, gc)
            score = (covered, covered * len(gc) - sum(e - s for s, e in p.parts))
            if covered > 0 and score > best_score:
                best, best_score = p, score
        if best is not None and best_score[0] >= threshold:
            pairs.append((g, best))
            left.remove(best)
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(pairs_of_docs: list[tuple[list[Attribution], list[Attribution]]]) -> dict[str, Any]:
    """Precision/recall/F1 at each threshold for direct and all attributions, and speakers."""
    out: dict[str, Any] = {}
    counts: dict[str, Any] = {}
    for subset in ("direct", "all"):
        out[subset] = {}
        for th in THRESHOLDS:
            tp = n_pred = n_gold = 0
            for gold, pred in pairs_of_docs:
                if subset == "direct":
                    gold = [a for a in gold if a.direct]
                    pred = [a for a in pred if a.direct]
                tp += len(match(gold, pred, th))
                n_pred += len(pred)
                n_gold += len(gold)
            out[subset][str(th)] = _prf(tp, n_pred, n_gold)
            counts[f"{subset}@{th}"] = {"tp": tp, "pred": n_pred, "gold": n_gold}
    for subset in ("all", "direct"):
        ok = n = 0
        for gold, pred in pairs_of_docs:
            if subset == "direct":
                gold = [a for a in gold if a.direct]
                pred = [a for a in pred if a.direct]
            for g, p in match(gold, pred, THRESHOLDS[0]):
                if g.source:
                    n += 1
                    ok += speaker_ok(g, p)
        key = "speaker_accuracy" if subset == "all" else "speaker_accuracy_direct"
        out[key] = round(ok / n, 4) if n else 0.0
        counts[key] = {"correct": ok, "matched": n}
    out["counts"] = counts
    return out


def select(docs: list[GoldDoc], half: str | None = None, limit: int | None = None
           ) -> list[GoldDoc]:
    """The even or odd half of the documents (in name order), then the first ``limit``:
    two halves that should agree, and a quick subset while iterating."""
    if half not in (None, "even", "odd"):
        raise QuotesDirError(f"--half {half!r}: expected 'even' or 'odd'")
    if half is not None:
        docs = docs[half == "odd" :: 2]
    return docs[:limit] if limit is not None else docs


def errors(docs: list[GoldDoc], quotes: list[list[Quote]], threshold: float = THRESHOLDS[0]
           ) -> list[dict[str, Any]]:
    """One record per error at ``threshold``, for reading errors by class: a gold attribution
    no prediction matched ("missed"), a prediction no gold matched ("spurious"), a match
    whose speaker is wrong ("speaker")."""
    out: list[dict[str, Any]] = []
    for d, qs in zip(docs, quotes, strict=True):
        pred = group_predictions(qs)
        pairs = match(d.gold, pred, threshold)
        hit_gold = {id(g) for g, _ in pairs}
        hit_pred = {id(p) for _, p in pairs}

        def row(cls: str, g: Attribution | None, p: Attribution | None,
                name: str = d.name) -> dict[str, Any]:
            r: dict[str, Any] = {"doc": name, "class": cls}
            if g is not None:
                r.update(gold_parts=g.parts, gold_content=g.content, gold_cue=g.cue_text,
                         gold_source=g.source_text)
            if p is not None:
                r.update(pred_parts=p.parts, pred_content=p.content, pred_cue=p.cue_text,
                         pred_speaker=p.source_text, pred_speaker_name=p.speaker_name,
                         rule=p.rule)
            return r

        out += [row("missed", g, None) for g in d.gold if id(g) not in hit_gold]
        out += [row("spurious", None, p) for p in pred if id(p) not in hit_pred]
        out += [row("speaker", g, p) for g, p in pairs if g.source and not speaker_ok(g, p)]
    return out


def evaluate(folder: str | Path | list[GoldDoc],
             extract: Callable[[list[GoldDoc]], list[list[Quote]]],
             errors_to: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Score ``extract`` (texts in, Quote lists out, one per text) on a brat folder (or on
    the documents ``read_dir`` already read from it); the error records go to ``errors_to``
    when it is given."""
    docs = folder if isinstance(folder, list) else read_dir(folder)
    quotes = extract(docs)
    result = score([(d.gold, group_predictions(q)) for d, q in zip(docs, quotes, strict=True)])
    result["documents"] = len(docs)
    if errors_to is not None:
        errors_to += errors(docs, quotes)
    return result


def spacy_extractor(nlp) -> Callable[[list[GoldDoc]], list[list[Quote]]]:
    """Run a pipeline holding ``eventwire_quotes`` over the gold texts."""

    def run(docs: list[GoldDoc]) -> list[list[Quote]]:
        out = []
        made = []
        for d in docs:
            doc = nlp.make_doc(d.text)
            doc._.article_id = d.name
            made.append(doc)
        for doc in nlp.pipe(made, batch_size=16):
            out.append(list(doc._.quotes or []))
        return out

    return run
