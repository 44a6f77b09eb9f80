"""A learned second pass over the quote rules: which attributions to keep, and which verbs
of stance the lexicons miss.

PolNeAR-style annotation counts almost any act of an agent towards a proposition or a
target ("has largely ignored the issue", "imposed sanctions on", "likes to sing"): a long
tail no lexicon covers.  So every verb outside the rules' cues that has a complement is a
*stance candidate* (subject = source, complements = content), and one logistic model
scores both those candidates and the rules' own indirect attributions from the same
features (cue lemma, lexicon membership, who the subject is, what the complement is).  A
rule attribution the model finds unlikely is dropped; a stance candidate it finds likely is
added.  Both thresholds are near F1/2, the F1-optimal cut for calibrated probabilities;
rule attributions are kept from 0.35 (chosen on train's halves: recall over 0.75 at the
same F1), stance candidates added from 0.4.

``data/quotes/attribution_model.json`` is fitted by ``scripts/train_quote_model.py`` on
the PolNeAR train split and applied here in plain Python (no scikit-learn at run time): a
sum of the weights of the features present, through a sigmoid.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from eventwire.nlp.quotes.cues import (
    ATTITUDE_ADJS,
    HOLDER_HEADS,
    INTENT_VERBS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    THINK_VERBS,
)
from eventwire.nlp.quotes.marks import DOUBLE_MARKS
from eventwire.nlp.quotes.speaker import ROLE_NOUNS
from eventwire.nlp.quotes.syntax import Cand, lemma_of

MODEL_FILE = "attribution_model.json"
STANCE_RULE = "learned:stance"
# Complements whose words are what a stance is about.
_COMP_DEPS = frozenset("dobj ccomp xcomp prep attr acomp oprd dative".split())
# Complements that name when or how, not what ("spoke on Monday").
_NOT_CONTENT = frozenset("DATE TIME CARDINAL MONEY PERCENT QUANTITY ORDINAL".split())
_LEXICONS = (("speech", SPEECH_VERBS), ("think", THINK_VERBS), ("object", OBJECT_VERBS),
             ("intent", INTENT_VERBS), ("attitude", ATTITUDE_ADJS))
_SKIP_LEMMAS = frozenset("be have do get".split())


@dataclass(frozen=True)
class AttributionModel:
    """Feature weights of a logistic regression, and the two decision thresholds."""

    weights: dict[str, float]
    bias: float
    keep_threshold: float
    add_threshold: float

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_dict(cls, data: dict) -> AttributionModel:
        return cls(dict(data["weights"]), float(data["bias"]), float(data["keep_threshold"]),
                   float(data["add_threshold"]))


@lru_cache(maxsize=1)
def packaged_model() -> AttributionModel | None:
    """The model shipped in the package (None when the file is absent: rules only)."""
    path = resources.files("eventwire") / "data" / "quotes" / MODEL_FILE
    if not path.is_file():
        return None
    text = path.read_text("utf-8")
    return AttributionModel.from_dict(json.loads(text))


def complements(verb: Token) -> list[Token]:
    """The verb's complements after it that can hold what a stance is about."""
    out = []
    for c in verb.children:
        if c.i <= verb.i or c.dep_ not in _COMP_DEPS:
            continue
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is None or obj.ent_type_ in _NOT_CONTENT:
                continue
        elif c.ent_type_ in _NOT_CONTENT:
            continue
        out.append(c)
    return out


def stance_token(t: Token) -> bool:
    """A verb that can open a stance candidate (not "be", "have", "do", "get")."""
    return lemma_of(t) not in _SKIP_LEMMAS


def features(cue: Token, cand: Cand, text: str, in_content: bool, share: float
             ) -> list[str]:
    """The candidate's features as strings (one weight each in the model)."""
    lemma = lemma_of(cue)
    rule = cand.rule
    f = [f"rule={rule}", f"lemma={lemma}", f"rule_lemma={rule}|{lemma}", f"pos={cue.pos_}",
         f"dep={cue.dep_}", f"tag={cue.tag_}"]
    f += [f"lex={name}" for name, words in _LEXICONS if lemma in words]
    subj = cand.head
    if subj is None:
        f.append("subj=none")
    else:
        low = subj.lower_
        f.append(f"subj_ent={subj.ent_type_ or '-'}")
        f.append(f"subj_pos={subj.pos_}")
        f.append(f"subj_dep={subj.dep_}")
        if subj.pos_ == "PRON" or subj.tag_ in ("WP", "WDT"):
            f.append(f"subj_word={low}")
        elif subj.pos_ == "NOUN":
            f.append(f"subj_lemma={subj.lemma_.lower()}")
            if low in ROLE_NOUNS or low in HOLDER_HEADS:
                f.append("subj_role")
        if subj.ent_type_:
            f.append(f"lemma_subj={lemma}|{subj.ent_type_}")
        if any(c.dep_ == "poss" for c in cue.children):
            f.append("poss")
    if cue.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp"):
        f.append(f"head={cue.dep_}:{lemma_of(cue.head)}")
    if cue.i > 0:
        f.append(f"prev={cue.doc[cue.i - 1].lower_}")
    for c in cue.children:
        if c.i > cue.i and c.dep_ in _COMP_DEPS:
            f.append(f"comp={c.dep_}:{c.lower_}" if c.dep_ == "prep" else f"comp={c.dep_}")
            if c.dep_ == "dobj":
                f.append(f"obj={c.lemma_.lower()}")
                f.append(f"obj_ent={c.ent_type_ or '-'}")
        elif c.dep_ == "neg":
            f.append("neg")
        elif c.dep_ == "aux" and c.tag_ == "MD":
            f.append("modal")
        elif c.dep_ == "auxpass":
            f.append("passive")
    size = sum(e - s for s, e in cand.parts)
    f.append(f"size={min(int(math.log2(size + 1)), 9)}")
    if any(ch in text[s:e] for s, e in cand.parts for ch in DOUBLE_MARKS):
        f.append("quoted")
    if in_content:
        f += ["nested", f"nested_rule={rule}", f"nested_dep={cue.dep_}"]
    f.append(f"inside={round(share * 4)}")  # quarters of the content other contents hold
    if cand.cue is not None and "\n" not in text[: cand.cue[0]]:
        f.append("first_line")
    return f
