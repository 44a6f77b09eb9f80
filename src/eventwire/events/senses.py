"""Words used in a sense no event type needs: a trigger fires only in the sense its type has.

A lexicon line matches a word; whether the word means the event depends on what it acts on
or what acts: "released a statement" is no release of people (RETREAT), "declined to
comment" is no refusal (REJECT), "asked not to be named" and "a message seeking comment"
are no demands (REQUEST), "was met with laughter" is no meeting (CONSULT), and deaths from
an earthquake, a crash or cholera are no attack (ASSAULT): natural disasters, accidents and
disease are not events, though a government's response to them can be.
"""

from __future__ import annotations

from spacy.tokens import Token

# What an accident, a disaster or a disease is called; never an attacker.
HARM_WITHOUT_AGENT = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "storm", "hurricane",
    "typhoon", "cyclone", "tornado", "tsunami", "landslide", "mudslide", "avalanche",
    "wildfire", "bushfire", "blaze", "eruption", "volcano", "drought", "heatwave", "lightning",
    "crash", "collision", "accident", "derailment", "capsizing", "pileup", "disease",
    "outbreak", "epidemic", "pandemic", "virus", "cholera", "flu", "influenza", "malaria",
    "ebola", "measles", "covid", "coronavirus", "infection", "illness", "cancer", "famine",
    "starvation", "mortality", "overdose",
})
# Things one publishes, not people one sets free.
_RELEASED_INFORMATION = frozenset({
    "statement", "report", "video", "footage", "photo", "photograph", "image", "picture",
    "figure", "number", "detail", "name", "information", "document", "data", "list",
    "record", "transcript", "result", "tape", "audio", "recording", "letter", "plan",
    "budget", "album", "film", "song", "book", "memo", "memorandum", "paper", "study",
    "survey", "poll", "finding", "statistic", "page", "file", "email", "text", "version",
    "update", "guideline", "guidance", "communique", "declaration", "proposal", "map",
})
# Speech verbs after "declined to" / "refused to": declining to comment is not refusing.
_COMMENT_VERBS = frozenset({"comment", "say", "discuss", "elaborate", "speak", "confirm",
                            "reveal", "disclose", "identify", "talk", "specify", "detail",
                            "speculate"})
_COMMENT_NOUNS = frozenset({"comment", "comments", "interview", "reaction", "anonymity",
                            "identification"})
_NAMING = frozenset({"name", "identify", "quote"})


def _objects(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "with")):
        out += [c for c in p.children if c.dep_ == "pobj"]
    return out


def _causes(tok: Token) -> list[Token]:
    """Who or what does the harm: subject, passive agent, "in/by/from/during" phrase."""
    out = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    for p in (c for c in tok.children if c.dep_ in ("prep", "agent")):
        if p.lower_ in ("by", "in", "from", "during", "after", "amid"):
            out += [c for c in p.children if c.dep_ == "pobj"]
    # "the helicopter crash killed ...": a compound's head noun is the word that counts
    return out + [c for o in out for c in o.children if c.dep_ == "compound"]


def other_sense(tok: Token, etype: str, light: Token | None = None) -> str | None:
    """Why this trigger is not an event of ``etype`` here, or None when it is."""
    lemma = tok.lemma_.lower()
    verb = light if light is not None else tok
    if etype == "ASSAULT":
        if any(c.lemma_.lower() in HARM_WITHOUT_AGENT for c in _causes(verb)):
            return "harm_without_agent"
    if etype == "RETREAT" and lemma in ("release", "publish"):
        if any(o.lemma_.lower() in _RELEASED_INFORMATION for o in _objects(tok)):
            return "released_information"
    if etype == "REJECT" and lemma in ("decline", "refuse"):
        inner = [c for c in tok.children if c.dep_ == "xcomp"]
        if any(c.lemma_.lower() in _COMMENT_VERBS for c in inner):
            return "declined_comment"
        if any(o.lower_ in _COMMENT_NOUNS for o in _objects(tok)):
            return "declined_comment"
    if etype == "REQUEST":
        if lemma == "ask" and tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children
        ):
            return "asked_by_reporters"  # "Asked about the device, O'Neill said ..."
        if any(o.lower_ in _COMMENT_NOUNS for o in _objects(tok)):
            return "request_for_comment"
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _NAMING and any(
                n.dep_ == "neg" for n in c.children
            ):
                return "asked_not_to_be_named"
    if etype == "CONSULT" and lemma in ("meet", "greet", "receive") and any(
        c.dep_ == "auxpass" for c in tok.children
    ) and not any(c.dep_ == "agent" for c in tok.children):
        return "was_met_with_reaction"
    return None


# Who takes part in a protest: their violence is a riot (PLOVER PROTEST, mode riot), not an
# attack by an armed actor.
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher",
                        "striker"})


def violence_by_protesters(etype: str, sources: list) -> bool:
    """ "Rioting youths attacked a police station": violent protest, coded PROTEST riot."""
    if etype != "ASSAULT" or not sources:
        return False
    heads = {a.text.split()[-1].lower().rstrip("s") for a in sources if a.text.split()}
    return bool(heads) and heads <= {p.rstrip("s") for p in PROTESTERS}
