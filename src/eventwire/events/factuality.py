"""Factuality of an event mention: does the text assert that the event happened?

News text names many events it does not report: recommendations ("Azerbaijan should
release ..."), abilities and possibilities ("could face fines"), plans and purposes ("plans
to visit", "a motion to cut off debate"), habits and states ("who opposes this motion",
"has been fighting ... for two decades", "since 2011"), and background nominalisations
("a prominent voice in opposing bailouts").  CODING.md codes none of them, so each trigger
gets a class from its clause's grammar (auxiliaries, infinitive marker, tense, what governs
it); only ``ASSERTED`` mentions are counted as events.  Negation, denial and "if/unless"
conditions are read by ``triggers`` and are not repeated here.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.senses import gapped_passive
from eventwire.nlp import extensions  # noqa: F401  (registers Doc extensions)

ASSERTED = "asserted"
MODAL = "modal"  # can, could, may, might
RECOMMENDED = "recommended"  # must, should, ought to
PLANNED = "planned"  # an infinitive under want, plan, need, effort, ready ...
GENERIC = "generic"  # present-tense description of an entity: "a party who opposes"
BACKGROUND = "background"  # "has been fighting", "since 2011", "for two decades", "in opposing"
DESCRIPTIVE = "descriptive"  # a participle naming people: "a woman visiting from Canada"
PREVENTED = "prevented"  # kept from happening: "barred from leaving"

# Classes stored flagged hypothetical, and those flagged as not one occurrence.
# The rule of a stated wish to cooperate (statements.hoped_cooperation).
HOPED_COOPERATION = "rule:hoped_cooperation"
HYPOTHETICAL = frozenset({MODAL, RECOMMENDED, PLANNED, PREVENTED})
NOT_SPECIFIC = frozenset({GENERIC, BACKGROUND, DESCRIPTIVE})

_MODAL_AUX = frozenset({"can", "could", "may", "might", "ca"})
_RECOMMEND_AUX = frozenset({"must", "should", "ought", "shall"})
# Governors after which an infinitive reports what did happen: "was forced to step down",
# "led Palin to apologize", "managed to escape".
_IMPLICATIVE = frozenset({"manage", "force", "compel", "oblige", "lead", "prompt", "cause",
                          "begin", "start", "continue", "proceed", "go", "use", "get", "dare",
                          "move", "opportunity", "vote"})
# "failed to answer": the act did not happen, which is negation (triggers.is_negated), and
# the failure is itself told ("failed to answer the summons" refuses it).
_NEGATIVE_IMPLICATIVE = frozenset({"fail", "neglect"})
# Nouns for a political initiative: what "a move to ..." aims at has not been done ("moved to
# ban" as a verb reports the act).
_INITIATIVES = frozenset({"move", "push", "drive", "campaign", "plan",
                          "proposal", "initiative"})
# An attempted attack or protest is still one (PLOVER codes attempts of force); an attempted
# arrest, raid or closure is not: the restraint it aims at never took hold.
_ATTEMPT = frozenset({"try", "attempt", "seek", "bid"})
_ATTEMPTABLE = frozenset({"ASSAULT", "PROTEST"})
# Duration nouns that make "for ..." a stretch of time, not an occasion.
_DURATION = frozenset({"year", "decade", "month", "week", "century", "generation"})
# Adverbs of habit: "demonstrators have sometimes gathered", "police usually patrol".
_HABITUAL = frozenset({"sometimes", "often", "usually", "always", "typically", "occasionally",
                       "generally", "habitually", "constantly", "traditionally", "normally",
                       "long",  # "has long supported", "who have long refused"
                       "widely", "universally", "routinely", "regularly", "frequently"})
_PERFECT = frozenset({"has", "have", "'ve"})
# Words that make a count a running total rather than one event's: "at least 100 people
# have been killed", "more than 200 have been arrested", "hundreds have been detained".
_APPROXIMATE = frozenset({"least", "more", "over", "nearly", "almost", "many", "than",
                          "hundreds", "thousands", "dozens", "scores", "tens"})
# Subjects that stand for an unspecified part of a group: "others have opposed the plan".
_PARTITIVE = frozenset({"others", "many", "some", "most", "few", "several", "all"})
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
# Speech acts reported as in progress are still single acts: "a senator is calling for ...".
_SPEECH_IN_PROGRESS = frozenset({"call", "urge", "demand", "accuse", "warn", "threaten", "ask",
                                 "press", "criticize", "criticise", "condemn", "deny",
                                 "request", "appeal", "plead", "refuse"})
# Subjects of "must" that exhort everyone rather than demand of someone: "we must all ...".
_EXHORTED = frozenset({"we", "everyone", "everybody", "all", "us", "one", "you", "people"})


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _clause_verb(tok: Token, light: Token | None) -> Token:
    """The verb whose auxiliaries and tense are the trigger's: the light verb of a noun."""
    return light if light is not None else tok


def _modal_class(verb: Token) -> str | None:
    auxes = _aux(verb)
    if verb.dep_ == "conj" and not auxes & {"to"}:
        auxes |= _aux(verb.head)  # "could withdraw its troops and close its embassy"
    if auxes & _RECOMMEND_AUX:
        return RECOMMENDED
    if auxes & _MODAL_AUX:
        return MODAL
    if auxes & _WOULD and (auxes & {"have", "'ve"} or verb.dep_ == "relcl" or any(
            c.dep_ == "advmod" and c.lower_ in _HEDGES for c in verb.children)):
        return MODAL  # "would have objected", "would likely heighten", "who would help"
    return None


# "would" reports a decision in "said she would reject"; it is conditional in the perfect
# ("would have objected"), hedged ("would likely"), and habitual or conditional in a
# description ("a man who would go out of his way to help").
_WOULD = frozenset({"would", "'d"})
_HEDGES = frozenset({"likely", "probably", "possibly", "perhaps", "maybe", "presumably",
                     "arguably", "conceivably", "surely", "certainly"})
# Links from a clause up to the clause whose modality covers it; "nummod" because the parser
# may hang a phrase on a noun phrase's number ("direct its $5 billion toward helping").
_SCOPE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "pobj",
                          "prep", "dobj", "oprd", "nummod"})


_CONDITIONS = frozenset({"if", "unless"})
# A threat or a refusal is made by stating its condition: "would not accept the endorsement
# if it were offered" refuses now.
_STANDS_ON_CONDITION = frozenset({"THREATEN", "REJECT"})


def _subjunctive(verb: Token) -> bool:
    """A bare verb with a subject of its own in a "that" clause is what is required ("the
    rule that members not speak", "insisted that Pyongyang stop", "requested that he be
    released"), not what was done."""
    kids = list(verb.children)
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return False
    if verb.tag_ == "VBN":  # the passive: "that the journalist be released"
        return _aux(verb) == {"be"} and any(c.dep_ == "nsubjpass" for c in kids)
    return verb.tag_ == "VB" and not _aux(verb) and any(c.dep_ == "nsubj" for c in kids)


def _conditional_future(verb: Token) -> bool:
    """An act to come that hangs on a condition clause of its own: "we will appeal if the
    ruling requires it" (a threat on a condition is coded THREATEN before this is asked)."""
    return bool(_aux(verb) & (_WILL | _WOULD)) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS
                                  for m in c.children) for c in verb.children)


def _full_stop_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text in (".", "!", "?") for t in a.doc[lo + 1:hi])


def _irrealis_scope(verb: Token, etype: str) -> str | None:
    """The class of a modal or wish verb the trigger's clause hangs under: "the Legislature
    should direct money toward helping schools", "young people want to see the police
    disarmed", "we want to create conditions that get people out to demand their rights".
    A reporting verb ends the walk: what is said is the speaker's, whatever says it."""
    if verb.dep_ in _RESULTS and verb.tag_ == "VBN" and \
            _infinitive_class(verb.head, etype) == PLANNED:
        return PLANNED  # "needed to do something to get the prisoner released"
    t = verb
    for _ in range(8):  # "should direct money from the state's reserves toward helping"
        if t.dep_ not in _SCOPE_LINKS and not _editorial_bracket(t) or t.head.i == t.i or \
                _full_stop_between(t, t.head):
            return None  # the parser may link across a sentence it failed to split
        if any(c.lower_ in ("what", "whatever") for c in t.children):
            return None  # a free relative asserts its own: "to deal with what he called"
        link, t = t.dep_, t.head
        if t.pos_ not in ("VERB", "AUX") or link == "conj":
            continue  # a conjunct shares only what is above both ("wanted to ..., but")
        if t.lemma_.lower() in _REPORTING:
            return None
        if (modal := _modal_class(t)) is not None:
            return modal
        if _wish(t):
            return PLANNED
        if link in _ATTACHED and _aux(t) & _WILL and _non_finite(verb):
            return PLANNED  # "will present a bill next week asking parliament to ..."
    return None


# How a participle told as a verb's result hangs on it: "get the prisoner released".
_RESULTS = frozenset({"ccomp", "oprd"})


def _editorial_bracket(tok: Token) -> bool:
    """A word an editor put into a quote, "[in]", which the parser hangs by its opening
    bracket on the verb before it: the quote's clause goes on through it."""
    return tok.text == "[" and tok.dep_ == "dep"


# Future auxiliaries: what hangs off a future act as its purpose, manner or detail ("will
# send troops to patrol the border", "will table a motion calling for ...") has not happened.
_WILL = frozenset({"will", "'ll", "shall", "wo"})
_ATTACHED = frozenset({"advcl", "acl", "xcomp"})


def _non_finite(verb: Token) -> bool:
    """A participle or infinitive with no tense of its own ("asking", "to patrol"), not "after
    they attacked", which keeps its own past."""
    return verb.tag_ in ("VBG", "VB") and not _aux(verb) - {"to"}


def _infinitive_class(verb: Token, etype: str) -> str | None:
    """An infinitive reports an event only under an implicative or (for force) an attempt
    verb, or as the purpose of a past act ("surrounded the Statehouse to call for ...")."""
    if "to" not in _aux(verb):
        return None
    head = verb.head
    lemma = head.lemma_.lower()
    if reported_past(verb):
        return None  # "is reported to have called them traitors": a past act, as reported
    if head.pos_ == "NOUN" and lemma in _INITIATIVES:
        return PLANNED  # "the move to ban him failed", "a push to expel them"
    if lemma in _IMPLICATIVE or lemma in _NEGATIVE_IMPLICATIVE:
        return None
    if lemma in _ATTEMPT and etype in _ATTEMPTABLE:
        return None
    if verb.dep_ == "advcl" and head.tag_ in ("VBD", "VBN") and not _modal_class(head) and \
            "to" not in _aux(head) and lemma not in _VOLITION:
        return None
    return PLANNED


# Passive verbs of reporting whose perfect infinitive tells a past act on the news' word
# ("is reported to have met", "is said to have called"); belief and suspicion
# ("is believed to have", "is alleged to have") only hedge or charge it.
_EVIDENTIAL = frozenset({"report", "say", "know", "understand", "confirm"})


def reported_past(verb: Token) -> bool:
    """The verb is the perfect infinitive of a passive verb of reporting: its subject was
    raised to that verb ("the minister is reported to have called ...")."""
    head = verb.head
    return bool(_aux(verb) & {"have", "'ve"}) and verb.dep_ == "xcomp" and \
        head.lemma_.lower() in _EVIDENTIAL and \
        any(c.dep_ == "auxpass" for c in head.children) and not _modal_class(head)


# Verbs whose infinitive is what is wanted or needed, never a purpose that was carried out:
# "needed to investigate" (which the parser may attach as a purpose clause).
_VOLITION = frozenset({"need", "want", "plan", "intend", "aim", "hope", "wish", "expect",
                       "prepare", "threaten", "promise", "offer"})


# Inquiries: "prosecutors investigating the attack" report an investigation under way,
# which CODING.md codes (ACCUSE investigate), when it is into one named matter.
_INQUIRY_VERBS = frozenset({"investigate", "probe"})


def _investigators(verb: Token) -> bool:
    return verb.lemma_.lower() in _INQUIRY_VERBS and any(
        c.dep_ == "dobj" and any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an", "any")
                                 for d in c.children) for c in verb.children)


def _relative(verb: Token) -> bool:
    """The verb describes a noun's referent: a relative clause or a verb coordinated in one
    ("the group, which considers ... and has rejected ...")."""
    return verb.dep_ == "relcl" or (verb.dep_ == "conj" and verb.head.dep_ == "relcl")


_RECENT = frozenset({"recently", "just", "lately", "newly"})
# Verbs that voice a stance: in the present perfect with no time, the stance is held, not
# voiced on one occasion ("have expressed concern", "has voiced support").
_STANCE_VERBS = frozenset({"express", "voice"})


def _anchored(verb: Token) -> bool:
    """The verb is tied to a time, so it reports one occurrence: "who has recently held
    talks", "which has on Monday rejected"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in _RECENT:
            return True
        if c.ent_type_ in ("DATE", "TIME") or any(
                g.ent_type_ in ("DATE", "TIME") for g in c.children if c.dep_ == "prep"):
            return True
    return False


def _running_toll(verb: Token) -> bool:
    """A present-perfect passive whose subject is an approximate or vague count sums many
    events up to now: "at least 106 protesters have been killed", "hundreds have been
    arrested" (not "two men have been arrested", nor "at least 30 were killed" in one
    attack)."""
    if not (_aux(verb) & _PERFECT and any(c.dep_ == "auxpass" for c in verb.children)):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return False
    words = [t for t in subj.subtree if t.i <= subj.i]
    return any(t.lower_ in _APPROXIMATE for t in words) and (
        any(t.like_num for t in words) or subj.lower_ in _APPROXIMATE)


# Prepositions before a passive gerund that name no occasion of it: "the fear of being
# extradited", "talk about being arrested", "before being assassinated" (unlike "after being
# deported", which tells what happened first).
_UNTOLD = frozenset({"of", "about", "before", "without", "from", "against"})
# Verbs of wishing: what they govern is wanted, not done.
_WISH_VERBS = frozenset({"want", "wish", "hope", "like", "prefer"})
_WISH_FORMS = frozenset({"hoped", "hopes", "hoping"})  # the lemmatizer reads "hoped" as "hop"


def _wish(tok: Token) -> bool:
    return tok.lemma_.lower() in _WISH_VERBS or tok.lower_ in _WISH_FORMS or (
        tok.lemma_.lower() == "forbid" and any(c.lower_ in ("god", "heaven")
                                               for c in tok.children))  # "God forbid we ask"


def _wished(verb: Token) -> bool:
    """The verb is (up to two clauses down) the complement of a wish: "wants Trump banned
    from the country", "want to see the police disarmed", "hope that talks resume"."""
    t = verb
    for _ in range(3):
        if t.dep_ == "conj" and t.head.i != t.i and not _aux(t):
            t = t.head  # "want to see the officers punished and the police disarmed"
        if t.dep_ not in ("ccomp", "xcomp", "oprd") or t.head.i == t.i:
            return False
        t = t.head
        if _wish(t):
            return True
    return False


# Verbs of intending: in the past perfect ("had planned to", "had hoped to") the intention
# is told as one that came to nothing.
_INTENDING = frozenset({"plan", "intend", "mean", "hope", "aim", "want", "expect"})


def _unrealised_plan(verb: Token) -> bool:
    """ "Instead, he had planned to partner with his sergeant": the plan was overtaken."""
    t = verb
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in _INTENDING and "had" in _aux(t):
            return True
    return False


def _coordinated_modifier(verb: Token) -> bool:
    """A participle coordinated with an adjective before a noun, which the parser may take
    for a verb: "accredited reporters or invited members", "an inclusive, welcoming city"."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBD", "VBG") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "xcomp", "ccomp")
            for c in verb.children):
        return False  # a clause of its own: "was opposed to it and warned Japan to refrain"
    head = verb.head
    # a passive with an object is an adjective and its noun misread: "were not
    # [accredited reporters] or [invited members]"
    deps = {c.dep_ for c in head.children}
    # the participle must sit right before a bare noun, as an adjective does ("invited
    # members"), not head a clause of its own ("and dismissed those reports")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    bare = obj is not None and obj.left_edge.i == verb.i + 1 and obj.pos_ != "PROPN" and not any(
        c.dep_ in ("det", "poss") for c in obj.children)
    if head.dep_ == "amod":
        return True
    if not bare:
        return False
    # after a passive's object or agent: "observed by local monitors and invited experts"
    return "auxpass" in deps and bool(deps & {"dobj", "agent"}) or (
        head.lemma_ == "be" and bool(deps & {"attr", "acomp"})) or (  # "were not X or invited Y"
        obj.tag_ == "NN" and _article_left_behind(verb))


def _article_left_behind(verb: Token) -> bool:
    """ "as a fair, welcoming town": the word before the comma has only an indefinite article,
    which belongs to the bare singular noun after the participle; the parser split one noun
    phrase into a noun and a clause."""
    if verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return False
    kids = list(verb.doc[verb.i - 2].children)
    return len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ in ("a", "an")


def _no_one_in_particular(verb: Token) -> bool:
    """The subject is an unspecified part of a group ("others", "many") or anyone of a kind
    ("any protester", "every officer")."""
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ in _PARTITIVE:
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ in ("any", "every", "each") for d in c.children):
            return True
        if c.dep_ == "nsubj" and c.lower_ == "world" and c.pos_ == "NOUN" and all(
                d.dep_ in ("det", "amod") for d in c.children):
            return True  # "the whole world applauded": everyone, so no one in particular
    return False


def _on_occasion(verb: Token) -> bool:
    """A clause of time names the occasion: "have accused the police (of failing to protect
    their shops) as rioters rampaged"."""
    return any(t.dep_ == "mark" and t.lower_ in _OCCASION_MARKS and t.head.dep_ == "advcl"
               for t in verb.subtree)


_OCCASION_MARKS = frozenset({"as", "when", "after", "while", "before", "once"})


def _of_a_kind(verb: Token) -> bool:
    """A present perfect with no time whose subject is a bare plural, a kind rather than
    someone in particular: "politicians have vilified teachers", "health workers have
    protested the rules" (not "the strikers have occupied", "300 workers have walked out")."""
    if not _aux(verb) & _PERFECT or any(c.dep_ == "auxpass" for c in verb.children) or \
            _anchored(verb) or _on_occasion(verb):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and _bare_plural(subj, ("compound",))


def _bare_plural(subj: Token, modifiers=("compound", "amod", "cc", "conj")) -> bool:
    """A plural common noun with no determiner, number or name: "politicians", "health
    workers", "forward-thinking leaders" (not "the strikers", "300 workers", "EU
    countries", "countries outside the region"); ``modifiers``: the dependents allowed."""
    return subj.tag_ == "NNS" and not subj.ent_type_ and all(
        c.dep_ in modifiers and not c.ent_type_ and (c.dep_ != "conj" or c.tag_ == "NNS")
        for c in subj.children)


# Words that set an event noun apart from the story's own: "other protests", "previous
# attacks", "similar raids".
_OTHER_OCCASIONS = frozenset({"other", "previous", "earlier", "past", "prior", "similar",
                              "former"})
# Verbs after which "from ..." names what is kept from happening: "barred from leaving",
# "constrained by law from undertaking", "refrained from attacking".
_PREVENTING = frozenset({"prevent", "bar", "ban", "stop", "keep", "block", "constrain",
                         "restrain", "prohibit", "deter", "discourage", "refrain", "preclude",
                         "forbid", "exclude", "hinder", "restrict", "dissuade", "enjoin"})
# Verbal acts that, in the perfect passive with no one named as doing them and no time, give
# a reputation rather than one occasion: "have been accused of", "has been praised for".
_REPUTATION_TYPES = frozenset({"ACCUSE", "SUPPORT"})


# Formal charges: "has been charged with murder" reports the charging, one legal act (and
# CODING.md codes "arrested and charged" as an arrest and an accusation).
_FORMAL_CHARGES = frozenset({"charge", "indict"})


def _formal_charge(verb: Token) -> bool:
    return verb.lemma_.lower() in _FORMAL_CHARGES


def _reputation(verb: Token, etype: str) -> bool:
    return etype in _REPUTATION_TYPES and not _formal_charge(verb) and verb.tag_ == "VBN" and bool(
        _aux(verb) & _PERFECT) and "been" in _aux(verb) and not any(
        c.dep_ == "agent" for c in verb.children) and not _anchored(verb)


def _participle_taken_for_root(verb: Token) -> bool:
    """ "The navy patrolling the gulf on Thursday thwarted an attack": a bare -ing form the
    parser made the root, while the finite verb it hung below (with no subject of its own)
    is the sentence's predicate; the -ing form describes the subject."""
    return verb.dep_ == "ROOT" and verb.tag_ == "VBG" and not _aux(verb) and any(
        c.dep_ in ("advcl", "conj") and c.tag_ in ("VBD", "VBZ", "VBP") and not any(
            g.dep_ in ("nsubj", "nsubjpass", "mark", "advmod") for g in c.children)
        for c in verb.children)


def _describing(verb: Token) -> bool:
    """A participle that tells what a noun's referent is or had done to it, with no time of
    its own: "an invited guest", "men charged with fraud"."""
    return verb.dep_ == "amod" and verb.tag_ in ("VBN", "VBG") or verb.dep_ == "acl" and \
        verb.tag_ == "VBN" and not _anchored(verb) and verb.head.dep_ != "ROOT" and \
        not gapped_passive(verb)  # not "18 were injured and 12 arrested"


def _in_many_occasions(verb: Token) -> bool:
    """A passive told "in" a bare plural with no time: "who were killed in police shootings",
    "arrested in raids" sums many occasions (not "in the raids", "in two attacks on Monday")."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not _anchored(verb) and any(
        p.dep_ == "prep" and p.lower_ == "in" and any(
            o.dep_ == "pobj" and _bare_plural(o, ("compound", "amod")) for o in p.children)
        for p in verb.children)


# Verbs of judging someone: their "for" gerund is the reason given, what the judgement is
# about, not an act the story tells ("criticized Clinton for supporting the bill",
# "thanked Trump for backing it"; not "jailed for refusing", "arrested for stealing"), save
# a refusal, which CODING.md codes as the statement it was ("criticized him for refusing").
_JUDGING = frozenset({"criticize", "criticise", "praise", "thank", "blame", "condemn", "fault",
                      "commend", "applaud", "slam", "denounce", "congratulate", "credit",
                      "chide", "rebuke", "lambast", "lambaste", "scold", "castigate", "hail"})


def _reason_judged(verb: Token) -> bool:
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "for" and \
        verb.head.head.lemma_.lower() in _JUDGING


def _prevented(verb: Token) -> bool:
    """ "barred from possessing", "kept from entering": the gerund did not happen."""
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "from" and \
        verb.head.head.lemma_.lower() in _PREVENTING


def _background(verb: Token) -> bool:
    """Ongoing or repeated over a stretch: "has been fighting", "killed since 2011",
    "for two decades", "over the past year"."""
    auxes = _aux(verb)
    if verb.tag_ == "VBG" and "been" in auxes:
        return True
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        word = prep.lower_
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if word == "since" and objs and not any(c.dep_ == "mark" for c in prep.children) \
                and not _measured_span(prep, verb):
            return True
        if word in ("for", "over") and any(_duration(o) for o in objs):
            return True
    return False


_AHEAD = frozenset({"next", "coming", "following"})


def _measured_span(since: Token, verb: Token) -> bool:
    """ "held to mark a week since the shooting": the parser hangs "since" on the verb, but
    it measures the span named just before it, in a phrase of another verb."""
    span = since.nbor(-1) if since.i > 0 else since
    return span.lemma_.lower() in _DURATION and span.head.i != verb.i and any(
        c.dep_ in ("det", "nummod") and c.lower_ not in ("every", "each")
        for c in span.children)


def _duration(obj: Token) -> bool:
    """ "for two weeks" spans a stretch; "for next week" names the day something is set for."""
    return obj.lemma_.lower() in _DURATION and not any(
        c.dep_ in ("amod", "det") and c.lower_ in _AHEAD for c in obj.children)


def _said_over_time(verb: Token) -> bool:
    """What a speaker has said again and again is a standing position, not one statement:
    "the rebels have said for years that they would support a ceasefire", "he has often
    said he will sue" (not "they said on Monday that they would")."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_.lower() in _REPORTING and (
        _background(head) or any(c.dep_ == "advmod" and c.lower_ in _HABITUAL
                                 for c in head.children))


def _first_conjunct(verb: Token) -> Token | None:
    """The first of the verbs ``verb`` is coordinated with, when ``verb`` has no subject and
    no auxiliary of its own (then the two share one clause frame); else None."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") and c.lower_ != "being"
            for c in verb.children):
        return None  # "being" has no tense: "shops suffering damage or being destroyed"
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") and t.i != verb.i else None


def classify(tok: Token, light: Token | None, etype: str, rule: str = "",
             intent: bool = False) -> str:
    """The factuality class of one trigger (``ASSERTED`` for a reported occurrence).
    ``intent``: the trigger already stands for a stated intention ("ready to hand over" is
    CONCEDE, "vowed to strike" THREATEN), which is itself the reported act."""
    verb = _clause_verb(tok, light)
    if rule in ("rule:modal_demand", "rule:modal_reproach"):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ in _EXHORTED and not subj[0].text.isupper():  # not "US"
            return GENERIC  # "we must all remain vigilant": an exhortation to everyone
        if subj and _bare_plural(subj[0]):
            return GENERIC  # "leaders must come together": a maxim, demanded of no one
        return ASSERTED  # the demand itself ("X said Y must ...") is the reported act
    if rule == HOPED_COOPERATION:
        return ASSERTED  # "we hope to normalise relations": the wish, said, is the act
    first = _first_conjunct(verb)
    if first is not None:
        # "a well-practised and professionally executed raid", "men charged with or
        # convicted of fraud", "which has tested a bomb and launched a rocket": a conjunct
        # with no subject or auxiliary of its own has its first conjunct's place in the
        # sentence, and so its factuality
        shared = classify(first, None, etype, rule, intent)
        if shared != ASSERTED:
            return shared
    if (modal := _modal_class(verb)) is not None:
        return modal
    if _subjunctive(verb):
        return RECOMMENDED  # "the responsibility that citizens not make threats"
    if etype not in _STANDS_ON_CONDITION and _conditional_future(verb):
        return MODAL  # "we will appeal if the ruling stands": done only on a condition
    if not intent and (planned := _infinitive_class(verb, etype)) is not None:
        return planned
    if not intent and verb.dep_ == "conj" and not _aux(verb) and \
            _infinitive_class(verb.head, etype) is not None:
        return PLANNED  # "needs to restore funding and help schools": one infinitive
    if _wished(verb) or _unrealised_plan(verb):
        return PLANNED  # "wants Trump banned", "hope that the talks resume"
    if _coordinated_modifier(verb):
        return DESCRIPTIVE
    if not intent and (scoped := _irrealis_scope(verb, etype)) is not None:
        return scoped
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and not _investigators(verb) or \
            _participle_taken_for_root(verb):
        return DESCRIPTIVE  # "a woman visiting from Canada", "lawsuits seeking records"
    if _describing(verb) or verb.dep_ == "advcl" and verb.tag_ == "VBG" and \
            _describing(verb.head):
        # "an invited guest", "men charged with fraud": who they are (not the predicate
        # the parser hung on a subject it took for the root: "The Authority ... called for");
        # so is what the participle's own gerund tells: "a case filed in 2013 challenging"
        return DESCRIPTIVE
    if verb.dep_ == "csubj" and verb.tag_ == "VBG":
        return GENERIC  # "Seeking asylum is not a crime"
    if tok.tag_ == "VBN" and any(c.dep_ == "det" for c in tok.children):
        return DESCRIPTIVE  # "the wounded", "the accused"
    if verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not _aux(verb):
        return GENERIC
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("NOUN", "ADJ"):
        return BACKGROUND  # "a voice in opposing bailouts", not "jailed for refusing"
    if verb.dep_ == "pcomp" and "being" in _aux(verb) and verb.head.lower_ in _UNTOLD:
        return BACKGROUND  # "his fear of being extradited", "before being assassinated"
    if tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "det") and c.lower_ in _OTHER_OCCASIONS
                                  for c in tok.children):
        return BACKGROUND  # "other teacher protests were held last year"
    if _prevented(verb):
        return PREVENTED
    if _reason_judged(verb) and etype != "REJECT":
        return BACKGROUND  # a refusal given as the reason is still one told ("for refusing")
    if _background(verb) or _reputation(verb, etype) or _said_over_time(verb):
        return BACKGROUND
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in verb.children):
        return BACKGROUND
    if _relative(verb) and _in_many_occasions(verb):
        return BACKGROUND  # "the names of men who were killed in police shootings"
    if _relative(verb) and _aux(verb) & _PERFECT and not _anchored(verb) and \
            not _formal_charge(verb):
        return BACKGROUND  # "the Taliban, who have refused to negotiate": a description
    if _running_toll(verb):
        return BACKGROUND
    if verb.lemma_.lower() in _STANCE_VERBS and _aux(verb) & _PERFECT and not \
            _anchored(verb) and not any(c.dep_ == "auxpass" for c in verb.children):
        return BACKGROUND  # "advocates have expressed concern about the policy": a stance
    if _no_one_in_particular(verb):
        return GENERIC  # "others in the party have opposed the motion", "every protester"
    if _of_a_kind(verb) and not _headline(verb):
        return GENERIC  # "politicians have vilified teachers": what a kind has done, no occasion
    auxes = _aux(verb)
    if auxes and auxes <= _PRESENT_BE and _headline(verb):
        return ASSERTED  # headlines report past events in the present
    if verb.tag_ == "VBG" and auxes and auxes <= _PRESENT_BE and \
            verb.lemma_.lower() not in _SPEECH_IN_PROGRESS:
        return BACKGROUND  # "the US is seeking his extradition": an ongoing state
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in _PRESENT_BE
                                  for c in verb.children) and not auxes - _PRESENT_BE:
        return GENERIC  # "he is accused of", "candidates are funded by the state"
    if _simple_present_state(verb):
        return GENERIC
    return ASSERTED


# Subjects that name no one in particular: "people disagree", "critics say", "experts warn".
GENERIC_SUBJECTS = frozenset({"people", "many", "some", "others", "most", "few", "everyone",
                              "everybody", "nobody", "someone", "somebody", "critics",
                              "experts", "analysts", "observers", "commentators"})


def generic_subject(subj: Token) -> bool:
    """A bare word for anyone ("people", "critics"), not a described group ("Western
    observers", "critics in his party")."""
    return subj.lower_ in GENERIC_SUBJECTS and not any(True for _ in subj.children)


# Speakers in the first and second person: "we condemn", "I urge you" perform the act.
_PERFORMERS = frozenset({"i", "we", "you"})
# Verbs that report a statement in the present: "he argues", "Mr. X disagrees", "Russia
# denies the claims" tell what was said for the story, not a standing state.
_REPORTING = frozenset({"say", "tell", "claim", "insist", "argue", "note", "write",
                        "disagree", "deny", "dispute", "contend", "maintain", "counter",
                        "reject", "accuse", "blame", "urge", "demand", "warn"})


def _simple_present_state(verb: Token) -> bool:
    """A simple present outside a headline and outside a quote's performative ("we condemn")
    states what is so, not what happened: "Saudi Arabia shares the same enemies", "the
    resolution calls for a referendum", "when she visits him"."""
    if verb.pos_ != "VERB" or not (verb.tag_ in ("VBZ", "VBP") and not _aux(verb) or
                                   verb.tag_ == "VB" and _present_do(verb)):
        return False
    if _headline(verb) or _own_line(verb) or _alongside_past(verb):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "conj":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if verb.lemma_.lower() in _REPORTING:
        return subj is not None and generic_subject(subj)  # "people disagree"
    return subj is not None and subj.lower_ not in _PERFORMERS and not _speaker_voices(verb, subj)


def _alongside_past(verb: Token) -> bool:
    """ "denied the request while officials conduct an investigation": a present clause of
    time under a past act tells what is going on now, not a standing state."""
    return verb.dep_ == "advcl" and verb.sent.root.tag_ == "VBD" and any(
        c.dep_ == "mark" and c.lower_ == "while" for c in verb.children)


def _speaker_voices(verb: Token, subj: Token) -> bool:
    """ "The ministry said it regrets the decision": the speaker, as a pronoun, takes a stance
    in what it says, which is the statement (not "the envoy said Iran backs Assad")."""
    head = verb.head
    speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return verb.dep_ == "ccomp" and head.lemma_.lower() in _REPORTING and \
        speaker is not None and speaker.pos_ != "PRON" and subj.lower_ in _SPEAKER_PRONOUNS


_SPEAKER_PRONOUNS = frozenset({"it", "he", "she"})


def _present_do(verb: Token) -> bool:
    """ "does not support", "do not recognise": the simple present with "do", which a
    negation needs ("the United States does not support forced relocations")."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return bool(auxes) and all(c.lower_ in ("do", "does") for c in auxes)


def _own_line(tok: Token, most: int = 15) -> bool:
    """The token is on a short line of its own: a title or subtitle, which reports past
    events in the present ("Judge bars developer from sites")."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and "\n" not in doc[lo - 1].whitespace_ and "\n" not in doc[lo - 1].text:
        lo -= 1
        if tok.i - lo > most:
            return False
    while hi < len(doc) - 1 and "\n" not in doc[hi].whitespace_ and \
            "\n" not in doc[hi + 1].text:
        hi += 1
        if hi - lo > most:
            return False
    return True


def _headline(tok: Token) -> bool:
    """The token is in the headline: the first line of the text, and no further than its
    first sentence (a text with no line breaks, or one whose first line is a paragraph, has
    at most its first sentence as a title).  Where it ends is kept on the Doc: ``doc.text``
    builds the whole text anew at every call."""
    doc = tok.doc
    end = doc.user_data.get(_HEADLINE_END)
    if end is None:
        text = doc._.text  # the language layer's, built once
        end = text.find("\n")
        end = len(text) if end < 0 else end
        if doc.has_annotation("SENT_START"):
            end = min(end, next(iter(doc.sents)).end_char)
        doc.user_data[_HEADLINE_END] = end
    return tok.idx <= end


_HEADLINE_END = "eventwire.headline_end"
