"""Typed records that flow between pipeline stages.

Every stage is a pure function over a batch of these records, so a batch can be processed
in one process, in a pool or on Dask and give the same result.  Every extracted field keeps
its provenance: the article it came from, the character span in the article's ``body``,
the rule or model that produced it and a confidence in [0, 1].
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class RawInput:
    """One unit of input as read from disk: a file, a WARC record or a JSON line."""

    source_path: str
    data: bytes
    as_of: datetime
    record: str = ""  # "line 3", "record 12": where inside the file, empty for whole files
    url: str | None = None
    published: str | None = None  # hints carried by JSON Lines records
    title: str | None = None
    source: str | None = None
    hint: str | None = None  # format already known (e.g. "html" inside a WARC)


@dataclass(frozen=True)
class Skip:
    """An input that could not be used, with the one-line reason shown to the user."""

    source_path: str
    reason: str
    record: str = ""

    def message(self) -> str:
        where = f"{self.source_path}:{self.record}" if self.record else self.source_path
        return f"{where}: {self.reason}"


@dataclass
class Article:
    """A clean article: body text plus the metadata found around it.

    Spans of every later annotation are character offsets into ``body``.
    """

    id: str
    source_path: str
    raw_hash: str
    format: str  # text | html | warc | jsonl
    body: str
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    published_text: str | None = None  # the date string as found on the page
    date_rule: str | None = None  # which rule chose ``published``
    author: str | None = None
    site_name: str | None = None
    source: str | None = None
    dateline: str | None = None  # "WASHINGTON", "LONDON (Reuters)"
    bullets: list[str] = field(default_factory=list)
    caption: str | None = None
    caption_credit: str | None = None
    language: str = "en"
    record: str = ""
    position: int = 0  # index of the article inside its input

    @property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["words"] = self.words
        return d


@dataclass
class Span:
    """Where a fact came from and who said so."""

    article_id: str
    start: int
    end: int
    text: str
    rule: str
    confidence: float


@dataclass
class Mention(Span):
    """An actor mention coded POLECAT-style: country (ISO alpha-3 or IGO code) + sector."""

    kind: str = "actor"  # country | group | igo | person | sector
    name: str | None = None  # canonical name ("David Schenker", "Hamas")
    country: str | None = None
    sector: str | None = None  # GOV, MIL, REB, CIV, ...
    backed_by: str | None = None  # "Iranian-backed militias" -> IRN
    role: str | None = None  # "assistant secretary of state"
    affiliation: str | None = None
    entity_id: int | None = None  # within-article coreference chain

    @property
    def code(self) -> str:
        return " ".join(x for x in (self.country, self.sector) if x)


@dataclass
class Quote:
    """A direct or indirect quotation with its cue and speaker spans."""

    article_id: str
    content_start: int
    content_end: int
    content: str
    kind: str  # direct | partial | indirect | belief | noncommittal (cue withheld/negated)
    rule: str
    confidence: float
    cue_start: int | None = None
    cue_end: int | None = None
    cue: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None  # the words in the text ("he", "the official")
    speaker_name: str | None = None  # resolved named actor ("David Schenker")
    speaker_code: str | None = None


@dataclass
class TimeExpr(Span):
    """A time expression normalised to a date or range relative to the publication date."""

    date_start: date | None = None
    date_end: date | None = None
    precision: str | None = None  # day | week | month | year | range | duration


@dataclass
class Place(Span):
    """A toponym resolved against the offline gazetteer."""

    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    relation: str | None = None  # "near", "south of", "in"


@dataclass
class ActorRef:
    """An actor taking part in an event."""

    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    name: str | None = None  # resolved person or group
    attributed_by: str | None = None  # "Kurdish Iraqi authorities" when a claim is reported


@dataclass
class Event:
    """One PLOVER event with the evidence for each field."""

    id: str
    article_id: str
    type: str
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    rule: str
    confidence: float
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    quad: str | None = None
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    date: date | None = None
    date_precision: str | None = None
    date_span: tuple[int, int] | None = None
    location: Place | None = None
    dead: int | None = None
    dead_max: int | None = None
    injured: int | None = None
    injured_max: int | None = None
    size: int | None = None
    size_max: int | None = None
    negated: bool = False
    hypothetical: bool = False
    reported_threat: bool = False
    aggregate: bool = False
    field_rules: dict[str, str] = field(default_factory=dict)


@dataclass
class Annotations:
    """Everything the language layer and event coder found in one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
