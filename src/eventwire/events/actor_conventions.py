"""Actor conventions of the coding rules that hold whole events, not one trigger's phrases:
who an act's unnamed recipient or agent can be (CODING.md and the coders' general notes)."""

from __future__ import annotations

from dataclasses import replace

from eventwire.models import ActorRef, Event

# The target rule of an act whose object is the doer's own forces ("mobilised all their
# forces"): aimed at no one, so no domestic default either.
OWN_FORCES = "own_forces"

# Words that say a recipient is not of the story's country: "six foreign medical workers",
# "fugitives overseas", "immigrants taken into custody".
_OUTSIDERS = frozenset({"foreign", "foreigner", "foreigners", "overseas", "abroad", "immigrant",
                        "immigrants", "migrant", "migrants", "refugee", "refugees",
                        "expatriate", "expatriates", "foreign-born"})
# Withdrawals from one's own post: "resigned from her position" is aimed at no one.
_SELF_ACTS = ("resign", "quit", "retire", "step")
# Acts done only to outsiders: a state deports or expels those not its own.
_OUTSIDER_ACTS = ("deport", "expel", "extradit")


def outsider_recipient(ev: Event) -> bool:
    """The act's recipient is, by its own words, no one of the story's country, so the
    domestic default does not apply: a deportation, "freed six foreign nurses", "fugitives
    overseas"; and a withdrawal or resignation that names no one ("she resigned"), or a
    weapons test or launch ("fired two missiles into the sea"), is aimed at no one."""
    if outsider_act(ev) or ev.type == "MOBILIZE" and ev.mode == "weapons":
        return True
    if ev.type == "RETREAT" and (not ev.targets or ev.trigger.lower().startswith(_SELF_ACTS)):
        return True
    return any(not a.country and outsider_words(a.text) for a in ev.targets)


def outsider_act(ev: Event) -> bool:
    """A deportation, expulsion or extradition: done to people not of the state doing it."""
    return ev.trigger.lower().startswith(_OUTSIDER_ACTS)


# People and bodies that "Western" places in the West as a whole ("Western journalists",
# "Western diplomats"), not in one country's west ("western Pennsylvania residents").
_WESTERN_PEOPLE = frozenset({"journalists", "journalist", "reporters", "reporter", "diplomats",
                             "diplomat", "observers", "observer", "governments", "powers",
                             "nations", "countries", "officials", "leaders", "hostages",
                             "hostage", "media", "envoys", "allies", "monitors", "tourists",
                             "companies", "analysts", "intelligence"})


# Heads of several states at once: "neighbouring countries", "eurozone nations", "its allies"
# are no one country, least of all the story's.
_MANY_STATES = frozenset({"countries", "nations", "allies", "neighbours", "neighbors",
                          "powers", "governments"})


def outsider_words(text: str) -> bool:
    """The phrase says its people are from elsewhere: "foreign nurses", "migrants", "Western
    journalists", "neighbouring countries" (of no one country: the coders leave them out)."""
    words = text.lower().split()
    return bool(_OUTSIDERS & set(words)) or bool(words) and words[-1] in _MANY_STATES or any(
        w == "western" and nxt in _WESTERN_PEOPLE
        for w, nxt in zip(words, words[1:], strict=False))


# Head nouns of one or a few unnamed people: "a 78-year-old man", "another bystander",
# "the teenager", "two boys".
_INDIVIDUALS = frozenset({"man", "men", "woman", "women", "boy", "boys", "girl", "girls",
                          "teenager", "teenagers", "teen", "teens", "child", "children",
                          "person", "bystander", "bystanders", "driver", "motorist",
                          "youth", "youths", "victim", "victims", "customer", "customers",
                          "neighbor", "neighbour", "passer-by", "infant", "baby"})
_UNIDENTIFIED = frozenset({"a", "an", "another", "one", "two", "three", "some"})


def individual(text: str) -> bool:
    """The phrase names unnamed people by what they are: "a man", "the teenager"."""
    words = text.lower().split()
    return bool(words) and words[-1] in _INDIVIDUALS


def unidentified_doer(text: str) -> bool:
    """ "a 78-year-old man", "another bystander", "two teenagers": doers the story cannot
    name, whom the coders leave without a country (their victims at home get it)."""
    words = text.lower().split()
    return individual(text) and words[0] in _UNIDENTIFIED


def stateless_ngos(events: list[Event]) -> None:
    """Non-governmental organisations (MSF, Human Rights Watch, CARE) belong to no state and
    are no IGO: the event keeps them as actors, with no country code."""
    for ev in events:
        for side in ("sources", "targets"):
            refs = getattr(ev, side)
            if any(a.country == "NGO" for a in refs):
                setattr(ev, side, [replace(a, country=None) if a.country == "NGO" else a
                                   for a in refs])
                ev.field_rules[side] = ev.field_rules.get(side, "") + "-ngo_country"


# Location rules that say the sentence itself places the act.
_OWN_PLACE = ("locative_phrase_of_trigger", "place_in_sentence")


def protesters_of_the_place(events: list[Event], home: str | None,
                            inferred: frozenset[tuple[int, int]] = frozenset()) -> None:
    """A protest or strike whose protesters are not named ("the national strike was held",
    "demonstrations turned violent") is by the people of the country where it happens (its
    place's, else the story's); the domestic default then aims it at their government.  So
    are protesters whose country was only the story's (``inferred``) when the sentence places
    the protest abroad ("2,000 protesters gathered in Seoul", in a British story)."""
    for ev in events:
        if ev.type != "PROTEST":
            continue
        there = ev.location.country if ev.location is not None else None
        if there and ev.field_rules.get("location", "").startswith(_OWN_PLACE):
            hit = [i for i, a in enumerate(ev.sources)
                   if (a.start, a.end) in inferred and a.country not in (None, there)]
            for i in hit:
                ev.sources[i] = replace(ev.sources[i], country=there)
            if hit:
                ev.field_rules["sources"] += "+protesters_of_place"
        if any(a.country for a in ev.sources):
            continue
        country = (ev.location.country if ev.location is not None else None) or home
        if country:
            ev.sources = [*ev.sources] or [ActorRef(text="", start=ev.trigger_start,
                                                    end=ev.trigger_start)]
            ev.sources = [replace(a, country=country) for a in ev.sources]
            ev.field_rules["sources"] = ev.field_rules.get("sources", "") + "+protesters_of_place"


# Acts of a visit: the unnamed officials a visitor meets are the hosts.
_VISIT_ACTS = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def hosts_of_the_visit(events: list[Event], inferred: frozenset[tuple[int, int]]) -> None:
    """ "Esper met with several top government officials", placed in Hanoi in an American
    story: officials whose country was only the story's are the hosts, of the country where
    the meeting happens, when the visitor is from elsewhere (so are officials given the
    visitor's own country only as the counterpart of the visitor)."""
    for ev in events:
        where = ev.location.country if ev.type in _VISIT_ACTS and ev.location else None
        if not where or where in {a.country for a in ev.sources}:
            continue
        visitors = {a.country for a in ev.sources}
        counterpart = "domestic_counterpart" in ev.field_rules.get("targets", "")
        hit = [i for i, a in enumerate(ev.targets) if a.country != where and (
            (a.start, a.end) in inferred or counterpart and a.country in visitors)]
        for i in hit:
            ev.targets[i] = replace(ev.targets[i], country=where)
        if hit:
            ev.field_rules["targets"] += "+hosts_of_the_visit"


# Police and courts act only within their own state's jurisdiction.
_JURISDICTION_SECTORS = frozenset({"COP", "JUD"})


def authorities_of_the_place(events: list[Event], inferred: frozenset[tuple[int, int]]) -> None:
    """ "Around 70 people were detained by police" in a story set in Seoul, "a judge ruled"
    at a London court: police, prosecutors and judges of no stated country are of the country
    where the act happens; so are those given only the story's country when the sentence
    itself places the act in another ("prosecutors in Nice", in an American story)."""
    for ev in events:
        there = ev.location.country if ev.location is not None else None
        if not there:
            continue
        own_place = ev.field_rules.get("location", "").startswith(_OWN_PLACE)
        for side in ("sources", "targets"):
            refs = getattr(ev, side)
            hit = [i for i, a in enumerate(refs) if a.sector in _JURISDICTION_SECTORS and (
                not a.country or own_place and (a.start, a.end) in inferred
                and a.country != there)]
            for i in hit:
                refs[i] = replace(refs[i], country=there)
            if hit:
                ev.field_rules[side] = ev.field_rules.get(side, "") + "+authorities_of_place"
