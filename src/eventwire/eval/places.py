"""Geoparsing evaluation on gold XML (LGL or GeoVirus layout), as Gritta et al. define it.

Recognition: precision, recall and F1 over toponym spans with *exact* boundaries (the strict
match "A Pragmatic Guide to Geoparsing Evaluation" recommends); the overlap figures are also
returned for reference.  Resolution: for every gold toponym that has coordinates and that
the system found (a predicted span overlapping it), the great-circle error between the
predicted and the gold point; a found toponym left unresolved counts as the largest error
(20,039 km).  ``acc_161km`` is the share of errors under 161 km; ``auc`` is the area under
the curve of sorted log(1 + error km), normalised by log(20,039) (lower is better).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from eventwire.eval import GoldError

MAX_KM = 20039.0


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    source: str | None = None  # the publisher: LGL's domain, GeoVirus' host


def _float(node: ET.Element | None, tag: str) -> float | None:
    value = node.findtext(tag) if node is not None else None
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _parse_file(path: Path) -> list[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise GoldError(f"{path}: not readable gold XML ({exc})") from exc
    out = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        aid = art.get("docid") or f"{path.stem}-{n}"
        source = art.findtext("domain") or urlsplit(art.findtext("source") or "").hostname
        gold = GoldArticle(aid, text, source=source or None)
        for top in art.iter("toponym"):  # LGL layout
            gaz = top.find("gaztag")
            gold.toponyms.append(GoldToponym(
                int(top.findtext("start")), int(top.findtext("end")),
                top.findtext("phrase") or "", _float(gaz, "lat"), _float(gaz, "lon")))
        for loc in art.iter("location"):  # GeoVirus layout: offsets may be one-based
            start, end = int(loc.findtext("start")), int(loc.findtext("end"))
            name = loc.findtext("name") or ""
            if text[start:end] != name and text[start - 1:end - 1] == name:
                start, end = start - 1, end - 1
            gold.toponyms.append(GoldToponym(start, end, name, _float(loc, "lat"),
                                             _float(loc, "lon")))
        out.append(gold)
    return out


def read_gold(path: str | Path) -> list[GoldArticle]:
    """Articles with their gold toponyms from an XML file or a directory of XML files."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.xml"))
        if not files:
            raise GoldError(f"{path}: no .xml gold files in this directory")
    elif path.is_file():
        files = [path]
    else:
        raise GoldError(f"{path}: no such file or directory")
    articles = [a for f in files for a in _parse_file(f)]
    if not any(a.toponyms for a in articles):
        raise GoldError(f"{path}: no <toponym> or <location> annotations found")
    return articles


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def auc(errors_km: list[float]) -> float:
    """Normalised area under the sorted log-error curve (Gritta et al.); 0 is perfect."""
    if not errors_km:
        return 0.0
    logs = sorted(math.log(1 + e) for e in errors_km)
    if len(logs) == 1:
        return logs[0] / math.log(MAX_KM)
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:], strict=False))
    return area / (math.log(MAX_KM) * (len(logs) - 1))


def score(gold: Iterable[GoldArticle], predicted: Iterable[list]) -> dict:
    """Compare predicted places (objects with start, end, lat, lon) with the gold articles."""
    n_gold = n_pred = tp_exact = tp_overlap = 0
    errors: list[float] = []
    for art, places in zip(gold, predicted, strict=True):
        n_gold += len(art.toponyms)
        n_pred += len(places)
        spans = {(p.start, p.end) for p in places}
        tp_exact += sum((g.start, g.end) in spans for g in art.toponyms)
        used: set[int] = set()
        for g in art.toponyms:
            hit = next((i for i, p in enumerate(places) if i not in used
                        and p.start < g.end and g.start < p.end), None)
            if hit is None:
                continue
            used.add(hit)
            tp_overlap += 1
            if g.lat is None or g.lon is None:
                continue
            p = places[hit]
            errors.append(MAX_KM if p.lat is None else haversine_km(p.lat, p.lon, g.lat, g.lon))
    return {
        "recognition": _prf(tp_exact, n_pred, n_gold),
        "recognition_overlap": _prf(tp_overlap, n_pred, n_gold),
        "acc_161km": round(sum(e < 161 for e in errors) / len(errors), 4) if errors else 0.0,
        "auc": round(auc(errors), 4),
        "n": len(errors),
        "gold_toponyms": n_gold,
        "predicted": n_pred,
        "match": "exact",
    }


def evaluate(path: str | Path, model: str, limit: int | None = None,
             batch_size: int = 32, demonyms: bool = True) -> dict:
    """Run the places component (on spaCy ``model``) over the gold articles and score it;
    ``demonyms`` (the component's default) counts "Russian"-type mentions as toponyms, as
    LGL does; GeoVirus does not annotate them."""
    from eventwire.nlp.places.component import places_nlp

    articles = read_gold(path)[:limit] if limit else read_gold(path)
    nlp = places_nlp(model, demonyms=demonyms)
    nlp.get_pipe("eventwire_places").homes.clear()  # publishers seen by an earlier run
    predicted = []
    docs = (nlp.make_doc(a.text) for a in articles)
    for doc in nlp.pipe(_with_ids(docs, articles), batch_size=batch_size):
        predicted.append(doc._.places or [])
    return with_halves(articles, predicted)


def with_halves(articles: list[GoldArticle], predicted: list[list]) -> dict:
    """The scores, plus the headline figures on the even and the odd articles: a change
    that helps one half only fits the corpus, not the task."""
    result = score(articles, predicted)
    for half, rows in (("even", slice(0, None, 2)), ("odd", slice(1, None, 2))):
        part = score(articles[rows], predicted[rows])
        result[half] = {"f1": part["recognition"]["f1"], "acc_161km": part["acc_161km"],
                        "n": part["n"]}
    return result


def _with_ids(docs, articles):
    for doc, art in zip(docs, articles, strict=True):
        doc._.article_id = art.id
        doc._.source = art.source
        yield doc
