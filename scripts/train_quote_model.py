"""Train the quotes' attribution model (``src/eventwire/data/quotes/attribution_model.json``).

    pip install -e '.[train]'
    python scripts/train_quote_model.py ../shared/data/quotes-polnear-train

Every article of the training split gives the rules' indirect attributions and the stance
candidates (``eventwire.nlp.quotes.learned``) with their features.  A rule attribution is a
positive when it matches a gold attribution (overlap 0.3, the eval's greedy matching); a
stance candidate when it covers 0.3 of a gold attribution that no rule attribution matched
with the gold speaker (most often the outer report holding the rule's inner one).
A candidate that matches but names another speaker than the gold source (most often the
cue of an attribution nested in, or holding, the gold one) is left out of the fit: the
model should not learn to keep it, nor to drop its kind when its speaker is right.
A logistic regression (scikit-learn, L2) is fit on them and written as feature weights.

Before writing the model the script prints the honest figures on the training split: fit on
its even articles and scored on its odd ones, and the reverse.  Score dev with
``eventwire eval quotes`` after writing (never train on dev).  spaCy's parses are cached
(``--cache``), so runs after the first take seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from eventwire.config import Settings
from eventwire.eval.quotes import (
    THRESHOLDS,
    Attribution,
    GoldDoc,
    group_predictions,
    match,
    read_dir,
    score,
    select,
    speaker_ok,
)
from eventwire.nlp.quotes.component import LABEL_RULES, QuoteFinder
from eventwire.nlp.quotes.learned import MODEL_FILE, STANCE_RULE, AttributionModel
from eventwire.nlp.quotes.speaker import speaker_span
from eventwire.nlp.quotes.syntax import Cand
from eventwire.pipeline import load_nlp

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/quotes" / MODEL_FILE
TH = THRESHOLDS[0]
MIN_COUNT = 3


def parsed(folder: Path, docs: list[GoldDoc], cache: Path):
    """The articles parsed up to (not including) the quotes component, cached by content."""
    model = Settings().spacy_model
    digest = hashlib.sha1(model.encode())
    for d in docs:
        digest.update(d.text.encode())
    file = cache / f"{folder.name}-{digest.hexdigest()[:16]}.pickle"
    if file.exists():
        with file.open("rb") as fh:
            return pickle.load(fh)
    nlp = load_nlp(Settings(), upto="eventwire_places")
    made = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.article_id = d.name
        made.append(doc)
    out = list(nlp.pipe(made, batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    with file.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def _as_attr(finder: QuoteFinder, c: Cand) -> Attribution:
    """The candidate as the eval sees it: its speaker span and the name that span resolves
    to ("Lane, who ...": Lane), without changing the candidate."""
    sp = speaker_span(c.speaker, c.rule in LABEL_RULES) if c.speaker is not None else None
    if sp is None:
        return Attribution(parts=list(c.parts), content="")
    head = c.head if c.head is not None and sp.start <= c.head.i < sp.end else sp.root
    name, _ = finder.index.resolve(sp, head)
    return Attribution(parts=list(c.parts), content="", source=[(sp.start_char, sp.end_char)],
                       speaker_name=name)


def examples(gold: GoldDoc, doc) -> list[tuple[dict[str, int], int]]:
    """(features, label) of each candidate of one article; a candidate that matches a gold
    attribution but names another speaker is left out (neither an example to follow nor
    one to avoid)."""
    finder = QuoteFinder(doc)
    direct, indirect = finder.rule_candidates()
    rules = direct + indirect
    attrs = [_as_attr(finder, c) for c in rules]
    pairs = match(gold.gold, attrs, TH)
    label_of = {id(p): int(not g.source or speaker_ok(g, p)) for g, p in pairs}
    rule_label = {id(c): label_of.get(id(a), 0) for c, a in zip(rules, attrs, strict=True)}
    rule_hit = {id(c) for c, a in zip(rules, attrs, strict=True) if id(a) in label_of}
    right = {id(g) for g, p in pairs if label_of[id(p)]}
    out = []
    for c, feats in finder.featured(direct, indirect):
        if c.rule == STANCE_RULE:
            label = _stance_label(gold.gold, _as_attr(finder, c), right)
            if label is None:
                continue
        else:
            if id(c) in rule_hit and not rule_label[id(c)]:
                continue
            label = rule_label[id(c)]
        out.append(({f: 1 for f in feats}, label))
    return out


def _stance_label(golds: list[Attribution], a: Attribution, right: set[int]) -> int | None:
    """1 when the stance candidate matches, with its speaker, a gold attribution no rule
    attribution gets right (a gold a rule matched with another speaker is often the outer
    report the candidate holds); None (left out) when it matches such a gold with another
    speaker; 0 otherwise (adding it would only duplicate a rule's right attribution)."""
    hits = [g for g in golds if id(g) not in right and match([g], [a], TH)]
    if not hits:
        return 0
    return 1 if any(not g.source or speaker_ok(g, a) for g in hits) else None


def fit(rows: list[tuple[dict[str, int], int]], c: float, keep: float, add: float
        ) -> AttributionModel:
    seen = Counter(name for f, _ in rows for name in f)
    vec = DictVectorizer()  # a feature seen once is the one example's, not a pattern
    x = vec.fit_transform([{k: v for k, v in f.items() if seen[k] >= MIN_COUNT} for f, _ in rows])
    y = [label for _, label in rows]
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(
        vec.get_feature_names_out(), lr.coef_[0], strict=True) if abs(w) >= 1e-3}
    return AttributionModel(weights, round(float(lr.intercept_[0]), 4), keep, add)


def evaluate(golds: list[GoldDoc], docs, model: AttributionModel) -> str:
    preds = [group_predictions(QuoteFinder(doc, model).find()) for doc in docs]
    r = score([(g.gold, p) for g, p in zip(golds, preds, strict=True)])
    a, d = r["all"][str(TH)], r["direct"][str(TH)]
    return (f"all P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f}  "
            f"direct F1 {d['f1']:.3f}  speaker {r['speaker_accuracy']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path, help="brat folder of the training split")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path, default=Path(".cache/quotes"))
    ap.add_argument("--c", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument("--keep", type=float, default=0.35, help="threshold on rule attributions")
    ap.add_argument("--add", type=float, default=0.4, help="threshold on stance candidates")
    ap.add_argument("--no-write", action="store_true", help="only print the figures")
    args = ap.parse_args()
    golds = read_dir(args.train)
    docs = parsed(args.train, golds, args.cache)
    by_name = {d._.article_id: d for d in docs}
    rows = {g.name: examples(g, by_name[g.name]) for g in golds}
    for test, train in (("odd", "even"), ("even", "odd")):
        fold = [r for g in select(golds, train) for r in rows[g.name]]
        model = fit(fold, args.c, args.keep, args.add)
        held = select(golds, test)
        print(f"fit on {train}, scored on {test}: "
              f"{evaluate(held, [by_name[g.name] for g in held], model)}")
    model = fit([r for g in golds for r in rows[g.name]], args.c, args.keep, args.add)
    print(f"{sum(len(r) for r in rows.values())} candidates, {len(model.weights)} weights")
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({
            "about": "logistic regression over quote candidates; scripts/train_quote_model.py",
            "trained_on": args.train.name, "bias": model.bias,
            "keep_threshold": model.keep_threshold, "add_threshold": model.add_threshold,
            "weights": dict(sorted(model.weights.items()))}, indent=0) + "\n")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
