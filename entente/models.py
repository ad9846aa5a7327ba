"""The values that flow through entente: plain frozen dataclasses.

An `Article` is what an ingester read (decoded text or HTML plus any metadata the input carried);
an `Analysis` is what the pipeline made of it. Offsets (`start`, `end`) are character offsets into
`Analysis.text`, the cleaned body, everywhere.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


class Pickled:
    """The base of the frozen dataclasses that are pickled (to worker processes and back, into the disk cache):
    pickled as their class and their field values, and unpickled through `__init__`. A class compiled by mypyc
    comes back so too: mypyc's own unpickling sets each field through a frozen dataclass's refusing `__setattr__`."""

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        cls = type(self)
        return cls, tuple([getattr(self, name) for name in _names(cls) or ()])


@dataclass(frozen=True)
class Article(Pickled):
    """One input document before analysis.

    `text` is decoded plain text (for HTML inputs: the page source in `html`, `text` empty until
    extraction). `title`, `published`, `source` and `url` are metadata the input itself carried
    (JSON fields, HTML meta tags); they win over what is guessed from the text.
    """

    file: str
    text: str = ""
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    encoding: str | None = None
    line: int | None = None  # 1-based line of a JSON Lines input

    @property
    def content_hash(self) -> str:
        """sha256 of the content, the identity used for idempotent storage."""
        body = self.html if self.html is not None else self.text
        return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()

    @property
    def id(self) -> str:
        return self.content_hash[:16]


@dataclass(frozen=True)
class Line(Pickled):
    """One line of the page as read, with where it sits in the raw text and what it was judged to be."""

    no: int  # 1-based line number in the raw text
    text: str
    label: str = "body"  # body | title | junk
    reason: str | None = None  # why a non-body line was taken out (junk pattern name)
    zone: str = "body"  # header | body | footer | teaser


@dataclass(frozen=True)
class Removed(Pickled):
    """A line taken out of the article body, kept for provenance."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph(Pickled):
    start: int
    end: int
    lang: str | None


@dataclass(frozen=True)
class Mention(Pickled):
    start: int
    end: int
    text: str
    why: str = ""  # for a base person: why the link was made ("full name", "title held at the article's time", ...)


@dataclass(frozen=True)
class Actor(Pickled):
    id: str
    name: str
    type: str  # person | country | organization | location | group
    country: str | None = None
    sector: str | None = None
    mentions: tuple[Mention, ...] = ()
    romanized: bool = False  # a foreign person's name spelled by transliteration: do not trust its spelling
    headline: bool = False  # named in the headline only (a base entry): no mention in the text to point to


@dataclass(frozen=True)
class Quote(Pickled):
    speaker: str | None
    speaker_text: str | None
    text: str
    start: int
    end: int
    partial: bool = False


@dataclass(frozen=True)
class Event(Pickled):
    id: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    date: str | None
    location: str | None
    negated: bool
    modality: str
    trigger: str
    sentence: str
    start: int
    end: int
    confidence: float
    historical: bool = False  # the event's date lies well before publication (background, not news)
    rule: str = ""  # the named rule that made the event and how its clause holds it (event_clause.py)


@dataclass(frozen=True)
class Analysis(Pickled):
    """Everything entente knows about one article; the pipeline fills it step by step.

    `lines` is the working view of the raw page used by the cleaning and metadata steps; it is not
    part of the output (see `to_dict`).
    """

    id: str
    file: str
    url: str | None = None
    lang: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    text: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    removed: tuple[Removed, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    lines: tuple[Line, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The output contract of ../gold/FORMAT.md plus `id`, `url`, `paragraphs`, `removed`."""
        return {name: _plain(getattr(self, name)) for name in _names(Analysis) or () if name != "lines"}


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, None for any other type."""
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None
    return _FIELDS[cls]


def _plain(value: Any) -> Any:
    """`dataclasses.asdict` without its deep copies, which cost more than the rest of the output: every value
    held here is immutable (strings, numbers, tuples of frozen dataclasses), so sharing them is safe."""
    names = _names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value

