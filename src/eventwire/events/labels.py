"""Labels: "X called Y a liar", "X branded Y a rogue state", "X called Y a champion".

Much criticism and praise in news is a label pinned on someone rather than a verb of
accusing or praising.  PLOVER codes it ACCUSE (mode disapprove) or SUPPORT by the one who
labels, aimed at the one labelled.  A labelling verb with an object and a label (spaCy's
``oprd``, a second object, or an "as" phrase) is criticism when the label is negative: by
VADER's valence, or by a small list of pejorative nouns VADER scores neutral ("a sham", "a
rogue state"); praise when it is clearly positive ("a huge win").  A neutral label ("the
Napoleon of the north") is no event, and the frame is never a demand (``call``) or a refusal
(``dismiss``): see ``senses.label_of``.  Calling a disaster or a disease serious blames no one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events import factuality
from eventwire.events.lexicon import Entry
from eventwire.events.senses import HARM_WITHOUT_AGENT, LABEL_VERBS, label_of
from eventwire.events.statements import valence
from eventwire.events.triggers import Trigger

_CRITICAL_VERBS = frozenset({"brand", "dismiss", "deride"})  # they only belittle
_PRAISE_VERBS = frozenset({"call", "dub", "term"})
# Labels of contempt that VADER's lexicon scores neutral.
PEJORATIVE = frozenset({
    "sham", "ploy", "stunt", "charade", "farce", "hoax", "rogue", "outlaw", "pariah",
    "puppet", "dictator", "tyrant", "despot", "thug", "traitor", "liar", "fraud", "bully",
    "hypocrite", "racist", "bigot", "extremist", "fanatic", "crook", "criminal", "terrorist",
    "joke", "disgrace", "embarrassment", "travesty", "menace", "scam", "demagogue",
    "propaganda", "lie", "nonsense", "rubbish", "clown", "coward", "incompetent",
    # verdicts of unfitness VADER does not know ("unfit to serve", "an illegitimate regime")
    "unfit", "unqualified", "unhinged", "delusional", "illegitimate", "divisive",
    "unpatriotic",
    # takers and predators: "freeloaders", "parasites", "warmongers"
    "freeloader", "parasite", "leech", "warmonger", "gangster", "thief", "hooligan",
})
# Labels of contempt in two words whose words VADER reads kindly ("free riders").
_PEJORATIVE_PHRASES = ("free rider", "free-rider")
# Below this VADER compound score a label is negative (the authors' own cut-off); from
# PRAISE up it is praise (a plainly kind word: "a hero", "a champion", "a good step").
NEGATIVE = -0.05
PRAISE = 0.3
_ACCUSE = Entry("ACCUSE", "disapprove", None, "verb", "label", source="labelling")
_SUPPORT = Entry("SUPPORT", None, None, "verb", "label", source="labelling")


# Head nouns that name a harm or a wrong: a label headed by one condemns, whatever kind words
# follow it ("a clear threat to international peace and security").
HARMFUL = frozenset({"threat", "danger", "violation", "breach", "crime", "provocation",
                     "menace", "disaster", "catastrophe", "affront", "insult", "aggression",
                     "abuse", "atrocity", "outrage", "scandal", "failure", "mistake", "blow"})


def _pejorative(label: Span) -> bool:
    """A pejorative word by lemma or by form: spaCy reads "unhinged" as a participle and
    lemmatises it to "unhinge"."""
    return any(t.lemma_.lower() in PEJORATIVE or t.lower_ in PEJORATIVE for t in label) or \
        _pejorative_phrase(label)


def _pejorative_phrase(label: Span) -> bool:
    text = label.text.lower()
    return any(p in text for p in _PEJORATIVE_PHRASES)


def is_critical(verb: Token, label: Span) -> bool:
    """Whether the label belittles: negative valence, a pejorative noun or a head noun that
    names a harm; the verbs that only belittle need just no positive valence."""
    if label.root.lemma_.lower() in HARMFUL or _pejorative_phrase(label):
        return True
    score = valence(label.text)
    if _pejorative(label):
        return score < 0.5
    if verb.lemma_.lower() in _CRITICAL_VERBS:
        return score <= 0.05
    return score <= NEGATIVE


def is_praise(verb: Token, label: Span) -> bool:
    """A kind label pinned by calling ("called him a hero"); a description ("described him
    as a family man") portrays and praises no one."""
    return verb.lemma_.lower() in _PRAISE_VERBS and not _pejorative(label) and \
        label.root.lemma_.lower() not in HARMFUL and valence(label.text) >= PRAISE


def _about_harm(verb: Token) -> bool:
    """ "called the outbreak extremely serious": the object is a disaster, not an actor."""
    return any(o.lemma_.lower() in HARM_WITHOUT_AGENT or any(
        c.dep_ == "compound" and c.lemma_.lower() in HARM_WITHOUT_AGENT for c in o.children)
        for o in verb.children if o.dep_ == "dobj")


# Modifiers the parser leaves on a label it took for the object: the one labelled, a plural
# or a name ("the strikers" in "branded the strikers thugs").
_LABELLED_TAGS = frozenset({"NNS", "NNPS", "NNP"})


def _merged_label(tok: Token) -> Span | None:
    """ "called the allies freeloaders", "branded the rebels 'thugs'": the parser read the
    one labelled as a modifier of the label, one object.  Only a pejorative head is read
    so: "called the union leaders" is no label."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in LABEL_VERBS:
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj"] or [
        c for c in tok.children if c.dep_ == "oprd"]  # or it took the whole for the label
    if len(objs) != 1:
        return None
    obj = objs[0]
    mods = [c for c in obj.children if c.dep_ in ("compound", "nmod") and c.i < obj.i and
            c.tag_ in _LABELLED_TAGS]
    if not mods:
        return None
    label = tok.doc[mods[-1].right_edge.i + 1:obj.i + 1]
    return label if _pejorative(label) else None


def labelling_statements(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """ACCUSE or SUPPORT triggers for labelling verbs with a subject whose label is critical
    or praise (a passive, "he has been called a bully", names a reputation, not an act)."""
    taken = {t.token.i for t in found if t.type in ("ACCUSE", "SUPPORT")}
    out = []
    for tok in sent:
        if tok.i in taken:
            continue
        # None for all but labelling verbs: the cheap test goes first
        label = label_of(tok) or _merged_label(tok)
        if label is None or not (any(c.dep_ == "nsubj" for c in tok.children) or
                                 factuality.reported_past(tok)) or _about_harm(tok):
            continue
        if is_critical(tok, label):
            trig = Trigger(tok, _ACCUSE, "ACCUSE", "disapprove", "rule:labelling")
        elif is_praise(tok, label):
            trig = Trigger(tok, _SUPPORT, "SUPPORT", None, "rule:labelling")
        else:
            continue
        trig.notes.append(f"label:{label.text[:40]}")
        out.append(trig)
    return out
