"""A small store with hand-coded events, for the API, CLI and browser tests.

The articles are invented (real places, made-up happenings).  Every span is found in the
body by its text, so offsets are right by construction; one article carries markup in its
text to check that pages show it as text.
"""

from __future__ import annotations

import re
import zlib
from datetime import UTC, date, datetime

from eventwire.events.plover import QUAD
from eventwire.models import (
    ActorRef,
    Annotations,
    Article,
    Event,
    Mention,
    Place,
    Quote,
    TimeExpr,
)
from eventwire.store import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

SUDAN = (
    "KHARTOUM - Sudanese army forces shelled positions held by the Rapid Support Forces in "
    "Omdurman on Tuesday, killing at least 12 people, witnesses said.\n\n"
    "\u201cWe will not stop until the city is secure,\u201d army spokesman Nabil Abdallah said."
    "\n\n"
    "Hundreds of protesters gathered in Port Sudan on Wednesday to demand an end to the "
    "fighting.")
KYIV = (
    "KYIV - Ukrainian Foreign Minister Dmytro Kuleba met Polish officials in Kyiv on Sunday "
    "to discuss grain transit.\n\n"
    "The two governments agreed to reopen the border crossing at Dorohusk, Kuleba said.\n\n"
    "\"This is a step toward trust,\" he told reporters.")
BAMAKO = (
    "BAMAKO - Malian authorities arrested three journalists in Bamako on Friday, a press "
    "freedom group said.\n\n"
    "The group accused the military government of silencing critics.")
XSS = (
    f"LAGOS - A post reading {XSS_SCRIPT} circulated before students marched in Lagos on "
    f"Monday.\n\nOrganisers said an image tag {XSS_IMG} was pasted into the flyer.\n\n"
    f"A second copy, {XSS_IMG}, and {XSS_SCRIPT} were found on a wall.")


def _at(body: str, text: str, nth: int = 0) -> tuple[int, int]:
    """The nth occurrence of ``text`` as whole words."""
    pattern = r"(?<!\w)" + re.escape(text) + (r"(?!\w)" if text[-1].isalnum() else "")
    m = list(re.finditer(pattern, body))[nth]
    return m.start(), m.end()


def _sentence(body: str, inside: str) -> tuple[int, int]:
    start, end = _at(body, inside)
    dot = body.rfind(". ", 0, start)
    s = max(dot + 2 if dot >= 0 else 0, body.rfind("\n", 0, start) + 1)
    stop = min(x for x in (body.find(".", end), len(body) - 1) if x >= 0) + 1
    return s, stop


def _article(aid: str, body: str, title: str, day: date, source: str) -> Article:
    return Article(id=aid, source_path=f"tests/{aid}.txt", raw_hash=f"hash-{aid}",
                   format="text", body=body, title=title,
                   published=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
                   source=source, dateline=body.split(" - ")[0])


def _mention(aid, body, text, name, country, sector, kind="actor", nth=0) -> Mention:
    s, e = _at(body, text, nth)
    return Mention(article_id=aid, start=s, end=e, text=text, rule="fixture", confidence=0.9,
                   kind=kind, name=name, country=country, sector=sector)


def _place(aid, body, text, name, lat, lon, country, admin1=None) -> Place:
    s, e = _at(body, text)
    return Place(article_id=aid, start=s, end=e, text=text, rule="fixture", confidence=0.85,
                 name=name, lat=lat, lon=lon, country=country, admin1=admin1,
                 feature_class="P", geonameid=zlib.crc32(name.encode()) % 10**7)


def _time(aid, body, text, day) -> TimeExpr:
    s, e = _at(body, text)
    return TimeExpr(article_id=aid, start=s, end=e, text=text, rule="fixture", confidence=0.8,
                    date_start=day, date_end=day, precision="day")


def _quote(aid, body, content, speaker, name, code, cue="said") -> Quote:
    cs, ce = _at(body, content)
    ss, se = _at(body, speaker)
    us, ue = _at(body, cue)
    return Quote(article_id=aid, content_start=cs, content_end=ce, content=content,
                 kind="direct", rule="fixture", confidence=0.9, cue_start=us, cue_end=ue,
                 cue=cue, speaker_start=ss, speaker_end=se, speaker=speaker,
                 speaker_name=name, speaker_code=code)


def _actor(body, text, country, sector, name=None) -> ActorRef:
    s, e = _at(body, text)
    return ActorRef(text=text, start=s, end=e, country=country, sector=sector, name=name)


def _event(eid, aid, body, type_, trigger, *, src=(), tgt=(), place=None, day=None,
           dead=None, conf=0.8, mode=None) -> Event:
    ts, te = _at(body, trigger)
    ss, se = _sentence(body, trigger)
    return Event(id=eid, article_id=aid, type=type_, sentence_start=ss, sentence_end=se,
                 trigger_start=ts, trigger_end=te, trigger=trigger, rule="fixture",
                 confidence=conf, mode=mode, sources=list(src), targets=list(tgt), date=day,
                 date_precision="day" if day else None, location=place, dead=dead,
                 quad=QUAD[type_])


def records() -> tuple[list[Article], list[Annotations]]:
    arts = [
        _article("sdn0000000000001", SUDAN, "Army shells Omdurman; protesters rally in Port "
                 "Sudan", date(2024, 3, 13), "Sahel Monitor"),
        _article("ukr0000000000002", KYIV, "Kyiv and Warsaw agree to reopen crossing",
                 date(2024, 3, 10), "Frontline Daily"),
        _article("mli0000000000003", BAMAKO, "Three journalists arrested in Bamako",
                 date(2024, 3, 8), "Sahel Monitor"),
        _article("xss0000000000004", XSS, f"Flyer with {XSS_SCRIPT} tag",
                 date(2024, 3, 11), "Test Wire"),
    ]
    b = SUDAN
    omdurman = _place("sdn0000000000001", b, "Omdurman", "Omdurman", 15.644, 32.477, "SDN",
                      "Khartoum")
    port_sudan = _place("sdn0000000000001", b, "Port Sudan", "Port Sudan", 19.616, 37.216,
                        "SDN", "Red Sea")
    sudan = Annotations(
        "sdn0000000000001",
        mentions=[_mention("sdn0000000000001", b, "Sudanese army forces", "Sudanese Armed "
                           "Forces", "SDN", "MIL", "group"),
                  _mention("sdn0000000000001", b, "Rapid Support Forces", "Rapid Support "
                           "Forces", "SDN", "REB", "group"),
                  _mention("sdn0000000000001", b, "Nabil Abdallah", "Nabil Abdallah", "SDN",
                           "MIL", "person"),
                  _mention("sdn0000000000001", b, "protesters", None, "SDN", "CVL", "sector")],
        quotes=[_quote("sdn0000000000001", b, "We will not stop until the city is secure,",
                       "army spokesman Nabil Abdallah", "Nabil Abdallah", "SDN MIL")],
        times=[_time("sdn0000000000001", b, "Tuesday", date(2024, 3, 12)),
               _time("sdn0000000000001", b, "Wednesday", date(2024, 3, 13))],
        places=[omdurman, port_sudan],
        events=[
            _event("ev-sdn-assault", "sdn0000000000001", b, "ASSAULT", "shelled",
                   src=[_actor(b, "Sudanese army forces", "SDN", "MIL")],
                   tgt=[_actor(b, "Rapid Support Forces", "SDN", "REB")], place=omdurman,
                   day=date(2024, 3, 12), dead=12, conf=0.9, mode="heavy-weapons"),
            _event("ev-sdn-protest", "sdn0000000000001", b, "PROTEST", "gathered",
                   src=[_actor(b, "protesters", "SDN", "CVL")], place=port_sudan,
                   day=date(2024, 3, 13), conf=0.7, mode="demo"),
        ])
    b = KYIV
    kyiv = _place("ukr0000000000002", b, "Kyiv", "Kyiv", 50.45, 30.524, "UKR", "Kyiv City")
    dorohusk = _place("ukr0000000000002", b, "Dorohusk", "Dorohusk", 51.166, 23.8, "POL",
                      "Lublin")
    ukraine = Annotations(
        "ukr0000000000002",
        mentions=[_mention("ukr0000000000002", b, "Dmytro Kuleba", "Dmytro Kuleba", "UKR",
                           "GOV", "person"),
                  _mention("ukr0000000000002", b, "Polish officials", None, "POL", "GOV",
                           "sector"),
                  _mention("ukr0000000000002", b, "Kuleba", "Dmytro Kuleba", "UKR", "GOV",
                           "person", nth=1)],
        quotes=[_quote("ukr0000000000002", b, "This is a step toward trust,", "he",
                       "Dmytro Kuleba", "UKR GOV", cue="told")],
        times=[_time("ukr0000000000002", b, "Sunday", date(2024, 3, 10))],
        places=[_place("ukr0000000000002", b, "Kyiv", "Kyiv", 50.45, 30.524, "UKR"), dorohusk],
        events=[
            _event("ev-ukr-consult", "ukr0000000000002", b, "CONSULT", "met",
                   src=[_actor(b, "Ukrainian Foreign Minister Dmytro Kuleba", "UKR", "GOV",
                               "Dmytro Kuleba")],
                   tgt=[_actor(b, "Polish officials", "POL", "GOV")], place=kyiv,
                   day=date(2024, 3, 10), conf=0.85, mode="visit"),
            _event("ev-ukr-agree", "ukr0000000000002", b, "AGREE", "agreed",
                   src=[_actor(b, "The two governments", "UKR", "GOV")], place=dorohusk,
                   day=date(2024, 3, 10), conf=0.6),
        ])
    b = BAMAKO
    bamako = _place("mli0000000000003", b, "Bamako", "Bamako", 12.65, -8.0, "MLI", "Bamako")
    mali = Annotations(
        "mli0000000000003",
        mentions=[_mention("mli0000000000003", b, "Malian authorities", None, "MLI", "GOV",
                           "sector"),
                  _mention("mli0000000000003", b, "military government", None, "MLI", "MIL",
                           "sector")],
        times=[_time("mli0000000000003", b, "Friday", date(2024, 3, 8))],
        places=[bamako],
        events=[
            _event("ev-mli-coerce", "mli0000000000003", b, "COERCE", "arrested",
                   src=[_actor(b, "Malian authorities", "MLI", "GOV")],
                   tgt=[_actor(b, "three journalists", "MLI", "MED")], place=bamako,
                   day=date(2024, 3, 8), conf=0.9, mode="arrest"),
            _event("ev-mli-accuse", "mli0000000000003", b, "ACCUSE", "accused",
                   src=[_actor(b, "The group", None, "NGO")],
                   tgt=[_actor(b, "military government", "MLI", "MIL")], place=bamako,
                   day=date(2024, 3, 8), conf=0.5),
        ])
    b = XSS
    lagos = _place("xss0000000000004", b, "Lagos", "Lagos", 6.455, 3.394, "NGA", "Lagos")
    xss = Annotations(
        "xss0000000000004",
        mentions=[_mention("xss0000000000004", b, "students", None, "NGA", "EDU", "sector")],
        quotes=[_quote("xss0000000000004", b, f"an image tag {XSS_IMG} was pasted",
                       "Organisers", None, None)],
        times=[_time("xss0000000000004", b, "Monday", date(2024, 3, 11))],
        places=[lagos],
        events=[_event("ev-xss-protest", "xss0000000000004", b, "PROTEST", "marched",
                       src=[_actor(b, "students", "NGA", "EDU")], place=lagos,
                       day=date(2024, 3, 11), conf=0.75, mode="demo")])
    return arts, [sudan, ukraine, mali, xss]


def build_db(path: str) -> str:
    """Write the fixture articles and annotations to a new store at ``path``."""
    arts, annos = records()
    with Store(path) as store:
        store.write_batch(arts, annos)
    return path
