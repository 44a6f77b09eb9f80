"""Train the places candidate ranker (``src/eventwire/data/geo/place_ranker.json``).

    pip install -e '.[train]'
    python scripts/train_place_ranker.py ../shared/data/geo/lgl.xml ../shared/data/geo/GeoVirus.xml

Each gold toponym the component finds gives its gazetteer candidates, labelled by whether
they lie within 161 km of the gold point.  A logistic regression (scikit-learn, seeded) is fit
on differences of feature rows between right and wrong candidates of one toponym, so it
learns to rank them; the context features depend on the model that resolved the other
places, so fitting starts from the hand-set weights and is repeated (``--rounds``).

Before writing the model the script prints the honest figures: trained on each corpus and
scored on the other (and on its even and odd articles), then the model fit on all of them.
spaCy's parses are cached per corpus (``--cache``), so runs after the first take seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from spacy.tokens import DocBin

from eventwire.config import Settings
from eventwire.eval.places import haversine_km, read_gold, with_halves
from eventwire.nlp.places.component import PlacesComponent, places_nlp
from eventwire.nlp.places.ranker import FEATURES, HAND_RANKER, Ranker

OUT = Path(__file__).resolve().parents[1] / "src/eventwire/data/geo/place_ranker.json"
HARD_NEGATIVES = 20  # wrong candidates per toponym that each right one is paired with


def parsed(path: Path, cache: Path):
    """spaCy Docs of a corpus' articles (without places), from the cache when there."""
    model = Settings().spacy_model
    digest = hashlib.sha1(path.read_bytes() + model.encode()).hexdigest()[:16]
    file = cache / f"{path.stem}-{digest}.spacy"
    nlp = places_nlp(model)
    if file.exists():
        return list(DocBin().from_disk(file).get_docs(nlp.vocab))
    articles = read_gold(path)
    bin_ = DocBin(store_user_data=True)
    with nlp.select_pipes(disable=["eventwire_places"]):
        docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    for doc in docs:
        bin_.add(doc)
    cache.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(file)
    return docs


class Corpus:
    def __init__(self, path: Path, cache: Path):
        self.name = path.stem
        self.gold = read_gold(path)
        self.docs = parsed(path, cache)
        for doc, art in zip(self.docs, self.gold, strict=True):
            doc._.article_id = art.id
            doc._.source = art.source


def examples(corpus: Corpus, comp: PlacesComponent):
    """Per found gold toponym with coordinates: (feature matrix, right-candidate mask)."""
    out = []
    comp.homes.clear()  # each pass learns the publishers' homes afresh, in article order
    for doc, art in zip(corpus.docs, corpus.gold, strict=True):
        tops = comp.toponyms(doc)
        used: set[int] = set()
        for g in art.toponyms:
            hit = next((i for i, t in enumerate(tops) if i not in used
                        and t.start < g.end and g.start < t.end), None)
            if hit is None:
                continue
            used.add(hit)
            t = tops[hit]
            if g.lat is None or not t.candidates or not all(t.dynamic):
                continue
            x = np.array([r + d for r, d in zip(t.rows, t.dynamic, strict=True)])
            right = np.array([haversine_km(e.lat, e.lon, g.lat, g.lon) < 161
                              for e in t.candidates])
            if right.any() and not right.all():
                out.append((x, right))
    return out


def fit(data, ranker: Ranker, seed: int, c: float) -> Ranker:
    """Logistic regression on pairwise differences (right minus wrong, and the reverse):
    the best-scored right candidate of each toponym against its best-scored wrong ones (the
    confusable ones; a name's hundreds of hamlets teach little), each toponym weighing one."""
    w = np.array(ranker.weights)
    xs, ys, weights = [], [], []
    for x, right in data:
        s = x @ w
        i = max(np.flatnonzero(right), key=lambda k: s[k])
        wrong = sorted(np.flatnonzero(~right), key=lambda k: -s[k])[:HARD_NEGATIVES]
        for j in wrong:
            xs += [x[i] - x[j], x[j] - x[i]]
            ys += [1, 0]
            weights += [1 / len(wrong)] * 2
    # The hand-set score is one more column, so regularisation shrinks the weights toward
    # a multiple of the hand-set ones rather than toward zero: a rule rarely seen in the
    # training corpus keeps its hand-set strength.
    prior = np.array(HAND_RANKER.weights)
    x = np.array(xs)
    x = np.hstack([x, (x @ prior)[:, None]])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000, random_state=seed)
    model.fit(x, np.array(ys), sample_weight=np.array(weights))
    coef = model.coef_[0]
    return Ranker(tuple(float(w) for w in coef[:-1] + coef[-1] * prior), 1.0,
                  "logistic-pairwise")


def train(corpora: list[Corpus], rounds: int, seed: int, c: float) -> Ranker:
    comp = places_nlp(Settings().spacy_model).get_pipe("eventwire_places")
    ranker = HAND_RANKER
    for _ in range(rounds):
        comp.ranker = ranker
        data = [ex for corpus in corpora for ex in examples(corpus, comp)]
        ranker = fit(data, ranker, seed, c)
    return ranker


def measure(corpus: Corpus, ranker: Ranker) -> dict:
    comp = places_nlp(Settings().spacy_model).get_pipe("eventwire_places")
    comp.ranker = ranker
    comp.homes.clear()
    r = with_halves(corpus.gold, [comp(doc)._.places for doc in corpus.docs])
    return {"all": {"f1": r["recognition"]["f1"], "acc_161km": r["acc_161km"]},
            "even": r["even"], "odd": r["odd"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="+", type=Path, help="gold XML (LGL or GeoVirus layout)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cache", type=Path,
                    default=Path.home() / ".cache" / "eventwire" / "place-ranker")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    ap.add_argument("--dry-run", action="store_true", help="measure, do not write the model")
    args = ap.parse_args(argv)
    corpora = [Corpus(p, args.cache) for p in args.corpora]
    report = {}
    for corpus in corpora:
        report[f"{corpus.name} (hand weights)"] = measure(corpus, HAND_RANKER)
    if len(corpora) > 1:
        for test in corpora:
            ranker = train([c for c in corpora if c is not test], args.rounds, args.seed, args.c)
            report[f"{test.name} (trained on the others)"] = measure(test, ranker)
    final = train(corpora, args.rounds, args.seed, args.c)
    for corpus in corpora:
        report[f"{corpus.name} (trained on all)"] = measure(corpus, final)
    for name, figures in report.items():
        print(f"{name:40s}", "  ".join(
            f"{half}: acc161 {f['acc_161km']:.3f} F1 {f['f1']:.3f}" for half, f in figures.items()))
    if not args.dry_run:
        model = final.to_dict()
        model["trained_on"] = [c.name for c in corpora]
        model["features"] = list(FEATURES)
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
