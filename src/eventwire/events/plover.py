"""The PLOVER ontology as eventwire uses it: event types, modes, contexts and quad classes.

Written from the definitions in the PLOVER manual (Open Event Data Alliance, CC BY-SA 4.0),
plus the CAMEO cue-category translation so events can be exported with CAMEO root codes.
"""

from __future__ import annotations

VERBAL_COOPERATION = "verbal_cooperation"
MATERIAL_COOPERATION = "material_cooperation"
VERBAL_CONFLICT = "verbal_conflict"
MATERIAL_CONFLICT = "material_conflict"

# Event type -> quad class.  The manual's category sections put SANCTION in material
# conflict (its summary table lists it under verbal conflict); the sections win here.
QUAD: dict[str, str] = {
    "AGREE": VERBAL_COOPERATION,
    "CONSULT": VERBAL_COOPERATION,
    "SUPPORT": VERBAL_COOPERATION,
    "CONCEDE": VERBAL_COOPERATION,
    "COOPERATE": MATERIAL_COOPERATION,
    "AID": MATERIAL_COOPERATION,
    "RETREAT": MATERIAL_COOPERATION,
    "REQUEST": VERBAL_CONFLICT,
    "ACCUSE": VERBAL_CONFLICT,
    "REJECT": VERBAL_CONFLICT,
    "THREATEN": VERBAL_CONFLICT,
    "PROTEST": MATERIAL_CONFLICT,
    "SANCTION": MATERIAL_CONFLICT,
    "MOBILIZE": MATERIAL_CONFLICT,
    "COERCE": MATERIAL_CONFLICT,
    "ASSAULT": MATERIAL_CONFLICT,
}
EVENT_TYPES: tuple[str, ...] = tuple(QUAD)
QUAD_NUMBER = {VERBAL_COOPERATION: 1, MATERIAL_COOPERATION: 2, VERBAL_CONFLICT: 3,
               MATERIAL_CONFLICT: 4}

_REQUEST_REJECT_MODES = ("assist", "change", "yield", "meet")
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": _REQUEST_REJECT_MODES,
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": _REQUEST_REJECT_MODES,
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"),
}

# Types for which the manual says a recipient is required.
REQUIRES_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})

CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security", "gender",
    "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment",
    "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
)
# Auxiliary modes the manual lets a coder put among the contexts.
AUXILIARY = ("historical", "future", "hypothetical", "negation")

# Labels of older PLOVER drafts (and of the gold-standard sentence file) -> current types.
LEGACY_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# PLOVER type (and, where CAMEO splits it, mode) -> CAMEO cue category (two-digit root).
_CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}
_CAMEO_BY_MODE = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "heavy-weapons"): "19",
    ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "unconventional"): "20",
}

# Conflict/cooperation scores of the manual's score table (type-level values).
SCORE = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5,
    "AID": 10.0, "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0,
    "THREATEN": -3.5, "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5, "COERCE": -7.0,
    "ASSAULT": -9.0,
}


def normalize_type(label: str | None) -> str | None:
    """Map an event label of any PLOVER draft to a current type, or None when unknown."""
    if not label:
        return None
    up = label.strip().upper()
    up = LEGACY_TYPES.get(up, up)
    return up if up in QUAD else None


def cameo_root(event_type: str, mode: str | None = None) -> str | None:
    """The CAMEO cue category a PLOVER event falls in, for users of GDELT/ICEWS-style data."""
    return _CAMEO_BY_MODE.get((event_type, mode or "")) or _CAMEO_ROOT.get(event_type)


def valid_mode(event_type: str, mode: str | None) -> bool:
    return mode is None or mode in MODES.get(event_type, ())
