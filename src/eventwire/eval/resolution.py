"""Cross-document event resolution scored on ECB+-style gold (incidents vs gold clusters).

Every gold document is ingested as one article of a feed (its text, plus the date its header
lines state, found by the text-page date rule), with no topic information.  The pipeline and
incident resolution run as in ``eventwire ingest``.  A system event is aligned to the gold
action mention, in a sentence the annotators covered fully (``selected_sentences``), whose
span its trigger overlaps most (one event per mention).  Among aligned mentions the gold
clusters (cross-document instance ids; document-local ids stay as they are) are the key, the
system's incidents the response, and the standard coreference scores are computed over all
aligned mentions of all documents together, so a link counts whether it joins mentions of
one document or of two: MUC (links), B-cubed (mentions), CEAF-e (entities, phi4) and CoNLL F1
(their mean F1).

The same-lemma baseline of the same run clusters the same aligned mentions by sub-topic and
the lemma (a suffix-stripped stem) of the mention's first word, its head in the corpus's
verb phrases ("opened fire", "checks into"): it is told the sub-topic, which the system is
not.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

_TOKEN = re.compile(r"\S+")
# Relative dates in header lines need an anchor; the corpus has none, so a fixed one.
AS_OF = datetime(2024, 1, 1, tzinfo=UTC)
HEADER_LINES = 4


class GoldError(ValueError):
    """The gold file cannot be read; the message says which file, line and why."""


@dataclass
class GoldMention:
    start: int  # offsets into the article body the system sees
    end: int
    text: str
    cluster: str


@dataclass
class GoldDoc:
    topic: int
    subtopic: str
    doc: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)

    @property
    def group(self) -> str:
        return f"{self.topic}/{self.subtopic}"


def body_of(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The body a feed record of ``text`` becomes (lines tidied, blank lines between them, as
    `sources.extract` does) and, per token, (offset in text, offset in body)."""
    lines, tokens, pos = [], [], 0
    at = 0
    for line in text.splitlines(keepends=True):
        words = list(_TOKEN.finditer(line))
        if words:
            if lines:
                at += 2
            col = 0
            for w in words:
                tokens.append((pos + w.start(), at + col))
                col += len(w.group()) + 1
            tidy = " ".join(w.group() for w in words)
            lines.append(tidy)
            at += len(tidy)
        pos += len(line)
    return "\n\n".join(lines), tokens


def _map(tokens: list[tuple[int, int]], offset: int) -> int:
    """Body offset of text offset ``offset`` (inside a token, or the next token's start)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:
        return tokens[0][1] if tokens else 0
    start_text, start_body = tokens[lo - 1]
    return start_body + (offset - start_text)


def read_gold(path: Path) -> list[GoldDoc]:
    """Gold documents with the mentions of their fully annotated sentences, in body offsets."""
    docs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"]
            selected = set(obj.get("selected_sentences") or [])
            _, tokens = body_of(text)
            doc = GoldDoc(int(obj["topic"]), str(obj["subtopic"]), str(obj["doc"]), text)
            for m in obj.get("events") or []:
                if m["sentence"] in selected:
                    doc.mentions.append(GoldMention(_map(tokens, m["start"]),
                                                    _map(tokens, m["end"] - 1) + 1,
                                                    m["text"], str(m["cluster"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}: line {n}: not a gold document ({exc})") from None
        docs.append(doc)
    if not docs:
        raise GoldError(f"{path}: no gold documents")
    return docs


def feed_records(docs: Iterable[GoldDoc]) -> Iterator[dict]:
    """One feed record per document: its text, and the date a header line states."""
    from eventwire.sources.textpage.dates import find_date

    for d in docs:
        rec: dict = {"text": d.text}
        head = [x.strip() for x in d.text.splitlines()[:HEADER_LINES] if x.strip()]
        for line in head:
            hit = find_date(line, AS_OF)
            if hit is not None and hit.rule.startswith("absolute"):
                rec["published"] = hit.when.isoformat()
                break
        if head and head[0].startswith(("http://", "https://")) and " " not in head[0]:
            rec["url"] = head[0]
        yield rec


# --------------------------------------------------------------------------- metrics
Clusters = list[set]


def clusters_of(labels: dict) -> Clusters:
    """Items grouped by their label, in a fixed order."""
    groups: dict = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return [groups[k] for k in sorted(groups, key=str)]


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> dict:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def muc(key: Clusters, response: Clusters) -> dict:
    """MUC (Vilain et al. 1995): links needed to join each cluster, found by the other side."""
    def side(a: Clusters, b: Clusters) -> tuple[int, int]:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = sum(len(c) - len({where.get(m, ("single", m)) for m in c}) for c in a)
        return num, sum(len(c) - 1 for c in a)

    rn, rd = side(key, response)
    pn, pd = side(response, key)
    return _prf(pn, pd, rn, rd)


def b_cubed(key: Clusters, response: Clusters) -> dict:
    """B-cubed (Bagga and Baldwin 1998): per-mention precision and recall, averaged."""
    kof = {m: c for c in key for m in c}
    rof = {m: c for c in response for m in c}
    p = sum(len(rof[m] & kof.get(m, {m})) / len(rof[m]) for m in rof)
    r = sum(len(kof[m] & rof.get(m, {m})) / len(kof[m]) for m in kof)
    return _prf(p, len(rof), r, len(kof))


def ceaf_e(key: Clusters, response: Clusters) -> dict:
    """Entity-based CEAF (Luo 2005) with phi4, over the best one-to-one cluster alignment."""
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return _prf(0, 0, 0, 0)
    import numpy as np

    sim = np.zeros((len(key), len(response)))
    where = {m: j for j, c in enumerate(response) for m in c}
    for i, k in enumerate(key):
        for j in {where[m] for m in k if m in where}:
            sim[i, j] = 2 * len(k & response[j]) / (len(k) + len(response[j]))
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    return _prf(total, len(response), total, len(key))


def scores(key: Clusters, response: Clusters) -> dict:
    out = {"muc": muc(key, response), "b3": b_cubed(key, response),
           "ceafe": ceaf_e(key, response)}
    out["conll_f1"] = sum(out[k]["f1"] for k in ("muc", "b3", "ceafe")) / 3
    return out


# --------------------------------------------------------------------------- the run
def ingest_gold(docs: list[GoldDoc], store, workdir: Path, settings=None) -> dict[int, str]:
    """Ingest every document as a feed record (resolution runs after each batch, as in
    `eventwire ingest`); returns document index -> article id.  A store that already holds
    them is resolved again from scratch instead."""
    from eventwire.incidents import rebuild
    from eventwire.ingest import ingest

    feed = workdir / "gold-feed.jsonl"
    with open(feed, "w", encoding="utf-8") as fh:
        for rec in feed_records(docs):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    report = ingest([str(feed)], store, settings=settings)
    if report.already:
        rebuild(store)
    rows = store.con.execute("SELECT record, id FROM articles WHERE source_path = ?",
                             [str(feed)]).fetchall()
    if not rows:  # stored by an earlier run from another work directory
        rows = store.con.execute("SELECT record, id FROM articles").fetchall()
    return {int(rec.split()[1]) - 1: aid for rec, aid in rows if rec.startswith("line ")}


def align(docs: list[GoldDoc], articles: dict[int, str], con) -> dict:
    """Gold mention (doc, index) -> (gold cluster, incident, baseline label, sub-topic), for
    the mentions a system event's trigger overlaps (the largest overlap; each event once)."""
    from eventwire.incidents.reports import stem

    events: dict[str, list] = defaultdict(list)
    for row in con.execute(
            "SELECT e.article_id, e.id, e.trigger_start, e.trigger_end, m.incident_id "
            "FROM events e LEFT JOIN incident_events m ON m.event_id = e.id "
            "ORDER BY e.article_id, e.trigger_start, e.id").fetchall():
        events[row[0]].append(row[1:])
    out = {}
    for i, d in enumerate(docs):
        aid = articles.get(i)
        used: set[str] = set()
        for j, m in enumerate(d.mentions):
            best = None
            for eid, ts, te, inc in events.get(aid, ()):
                overlap = min(te, m.end) - max(ts, m.start)
                if overlap > 0 and eid not in used and (best is None or overlap > best[0]):
                    best = (overlap, eid, inc)
            if best is not None:
                used.add(best[1])
                out[(d.doc, j)] = (m.cluster, best[2] or best[1],
                                   f"{d.group}/{stem(m.text.split()[0])}", d.group)
    return out


def score_aligned(aligned: dict, keep=lambda doc: True) -> dict:
    """System and same-lemma baseline scores over the aligned mentions ``keep`` accepts, and
    the system's incidents cut at sub-topic bounds ("told"): what it would score if told the
    sub-topic as the baseline is, so the errors it makes within a sub-topic show apart."""
    chosen = {k: v for k, v in aligned.items() if keep(k[0])}
    key = clusters_of({k: v[0] for k, v in chosen.items()})
    out = scores(key, clusters_of({k: v[1] for k, v in chosen.items()}))
    out["baseline"] = scores(key, clusters_of({k: v[2] for k, v in chosen.items()}))
    out["told"] = scores(key, clusters_of({k: (v[1], v[3]) for k, v in chosen.items()}))
    out["aligned"] = len(chosen)
    return out


def evaluate(path: Path, db: str | None = None, settings=None) -> dict:
    """Ingest, resolve, align and score; halves by odd and even topic numbers.  ``settings``
    (`eventwire.config.Settings`) are those of the run's pipeline."""
    import tempfile

    from eventwire.store import Store

    docs = read_gold(path)
    with tempfile.TemporaryDirectory(prefix="eventwire-eval-") as tmp:
        store = Store(db or str(Path(tmp) / "resolution.duckdb"), memory_limit="256MB")
        try:
            articles = ingest_gold(docs, store, Path(tmp), settings)
            aligned = align(docs, articles, store.con)
        finally:
            store.close()
    topic = {d.doc: d.topic for d in docs}
    result = score_aligned(aligned)
    gold = sum(len(d.mentions) for d in docs)
    result["aligned_share"] = len(aligned) / gold if gold else 0.0
    result["gold_mentions"] = gold
    result["documents"] = len(docs)
    result["halves"] = {
        "odd": score_aligned(aligned, lambda doc: topic[doc] % 2 == 1),
        "even": score_aligned(aligned, lambda doc: topic[doc] % 2 == 0),
    }
    return result
