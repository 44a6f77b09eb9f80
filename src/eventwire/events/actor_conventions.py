"""Actor conventions of the coding rules that hold whole events, not one trigger's phrases:
who an act's unnamed recipient or agent can be (CODING.md and the coders' general notes)."""

from __future__ import annotations

from eventwire.models import Event

# Words that say a recipient is not of the story's country: "six foreign medical workers",
# "fugitives overseas", "immigrants taken into custody".
_OUTSIDERS = frozenset({"foreign", "foreigner", "foreigners", "overseas", "abroad", "immigrant",
                        "immigrants", "migrant", "migrants", "refugee", "refugees",
                        "expatriate", "expatriates", "foreign-born"})
# Acts done only to outsiders: a state deports or expels those not its own.
_OUTSIDER_ACTS = ("deport", "expel", "extradit")


def outsider_recipient(ev: Event) -> bool:
    """The act's recipient is, by its own words, no one of the story's country, so the
    domestic default does not apply: a deportation, "freed six foreign nurses", "fugitives
    overseas"; and a withdrawal or resignation that names no one ("she resigned") is aimed
    at no one."""
    if ev.trigger.lower().startswith(_OUTSIDER_ACTS):
        return True
    if ev.type == "RETREAT" and not ev.targets:
        return True
    return any(not a.country and outsider_words(a.text) for a in ev.targets)


def outsider_words(text: str) -> bool:
    """The phrase says its people are from elsewhere: "foreign nurses", "migrants"."""
    return bool(_OUTSIDERS & set(text.lower().split()))
