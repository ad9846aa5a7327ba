"""The pipeline: ordered, named steps that turn an Article into an Analysis.

Each step is a function `(Doc, Toolkit) -> Doc`; `Doc` pairs the input Article with the Analysis
built so far, and `Toolkit` holds what is loaded once (patterns, calendar, language model).
`Pipeline.run` applies the error policy: 'raise' stops at the first bad input, 'skip' yields the
InputError in place of its Analysis and goes on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Final

from entente import clean
from entente.actors.context import Context
from entente.actors.kb import KnowledgeBase
from entente.actors.link import Linker
from entente.errors import InputError
from entente.extract.event_lexicon import Lexicon
from entente.extract.events import EventCoder
from entente.extract.ner import Recognizer
from entente.extract.quotes import QuoteFinder
from entente.extract.roles import Roles
from entente.extract.speakers import attribute
from entente.ingest.html import extract_html
from entente.lasting import fewer_collections, loading
from entente.models import Analysis, Article
from entente.nlp.dates import Calendar
from entente.nlp.lang import LanguageId
from entente.nlp.syntax import Syntax
from entente.nlp.when import When
from entente.settings import Settings


@dataclass(frozen=True)
class Doc:
    article: Article
    analysis: Analysis


@dataclass(frozen=True)
class Toolkit:
    patterns: clean.Patterns
    calendar: Calendar
    outlets: clean.Outlets
    language: LanguageId
    recognizer: Recognizer
    linker: Linker
    quotes: QuoteFinder
    events: EventCoder

    @classmethod
    def load(cls, settings: Settings) -> Toolkit:
        with loading():
            kit = cls._load(settings)
        fewer_collections()  # what follows is analysis: many short-lived objects
        return kit

    @classmethod
    def _load(cls, settings: Settings) -> Toolkit:
        kb = KnowledgeBase.load(settings.actors)
        recognizer = Recognizer(kb)
        linker = Linker(kb, recognizer.morph, Context(kb, recognizer.morph, Roles.load()))
        coder = EventCoder(Lexicon(recognizer.morph), When(recognizer.morph), Syntax(recognizer.embedding))
        return cls(clean.Patterns.load(), Calendar.load(), clean.Outlets.load(),
                   LanguageId(settings.languages, settings.short_paragraph), recognizer, linker, QuoteFinder(), coder)


Step = Callable[[Doc, Toolkit], Doc]


def extract(doc: Doc, kit: Toolkit) -> Doc:
    article = extract_html(doc.article)
    return Doc(article, replace(doc.analysis, url=article.url))


def split(doc: Doc, kit: Toolkit) -> Doc:
    lines = clean.split_page(doc.article.text, kit.patterns, kit.calendar, doc.article.title, kit.recognizer.morph)
    return Doc(doc.article, replace(doc.analysis, lines=lines))


def body(doc: Doc, kit: Toolkit) -> Doc:
    text, removed = clean.body(doc.analysis.lines)
    if not text.strip():
        raise InputError(doc.article.file, "no article text left after removing page furniture", doc.article.line)
    return Doc(doc.article, replace(doc.analysis, text=text, removed=removed))


def title(doc: Doc, kit: Toolkit) -> Doc:
    found = clean.find_title(doc.article.title, doc.analysis.lines, kit.outlets, kit.patterns.rubrics)
    return Doc(doc.article, replace(doc.analysis, title=found))


def published(doc: Doc, kit: Toolkit) -> Doc:
    a = doc.analysis
    found = clean.find_published(doc.article.published, a.lines, a.text, kit.calendar)
    return Doc(doc.article, replace(a, published=found))


def source(doc: Doc, kit: Toolkit) -> Doc:
    a = doc.analysis
    headline = doc.article.title or next((x.text for x in a.lines if x.reason == "title"), None)
    site = clean.split_site(headline, kit.outlets, kit.patterns.rubrics)[1] if headline else None
    found = clean.find_source(doc.article.source, a.url, a.lines, a.text, kit.outlets, site)
    return Doc(doc.article, replace(a, source=found))


def language(doc: Doc, kit: Toolkit) -> Doc:
    a = doc.analysis
    paragraphs = kit.language.paragraphs(a.text, clean.PARAGRAPH_BREAK)
    return Doc(doc.article, replace(a, lang=kit.language.document(paragraphs), paragraphs=paragraphs))


def actors(doc: Doc, kit: Toolkit) -> Doc:
    """The article's actors, linked over the headline and the text together, so that each reads the other
    («Биби» of a headline is the «Асия Биби» of the text); mentions point into the text. A base entry that
    only the headline names («... о России, Путине и Крыме») is an actor with `headline` set and no mention;
    an outlet credited there is not."""
    a = doc.analysis
    lang = a.lang or "en"
    if not a.title:
        tokens, entities = kit.recognizer.read(a.text, lang)
        return Doc(doc.article, replace(a, actors=kit.linker.link(a.text, lang, a.published, tokens, entities).actors))
    joint, gap = a.title + HEADLINE_BREAK + a.text, len(a.title) + len(HEADLINE_BREAK)
    tokens, entities = kit.recognizer.read(joint, lang)
    # in the headline only the base's names count: a headline's capitalized words are no evidence of a name
    entities = [e for e in entities if e.start >= gap or e.hits]
    linked = kit.linker.link(joint, lang, a.published, tokens, entities)
    found = []
    for x in linked.actors:
        body = tuple(replace(m, start=m.start - gap, end=m.end - gap) for m in x.mentions if m.start >= gap)
        if body:
            found.append(replace(x, mentions=body))
        elif x.id in kit.linker.kb.entries and x.sector != "MED":
            found.append(replace(x, mentions=(), headline=True))
    found.sort(key=lambda x: (x.headline, x.mentions[0].start if x.mentions else 0))
    return Doc(doc.article, replace(a, actors=tuple(found)))


HEADLINE_BREAK = ".\n\n"  # a sentence end: no name or title phrase runs from the headline into the text


def quotes(doc: Doc, kit: Toolkit) -> Doc:
    a = doc.analysis
    found = attribute(a.text, a.lang or "en", a.actors, kit.quotes, kit.linker.context.roles)
    return Doc(doc.article, replace(a, quotes=found))


def events(doc: Doc, kit: Toolkit) -> Doc:
    return Doc(doc.article, replace(doc.analysis, events=kit.events.code(doc.analysis)))


DEFAULT_STEPS: tuple[tuple[str, Step], ...] = (
    ("extract", extract),
    ("split", split),
    ("body", body),
    ("title", title),
    ("published", published),
    ("source", source),
    ("language", language),
    ("actors", actors),
    ("quotes", quotes),
    ("events", events),
)


class _Overtime(BaseException):  # not an Exception: no step's own `except Exception` swallows it
    pass


def _overtime(signum: int, frame: object) -> None:
    raise _Overtime


@contextmanager
def _budget(seconds: float | None, article: Article) -> Iterator[None]:
    """Raise _Overtime in the running step after `seconds` (SIGALRM: Unix, main thread only; else no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _overtime)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Pipeline:
    """Article -> Analysis through named steps.

    >>> from entente.models import Article
    >>> Pipeline()(Article(file="a.txt", text="Заголовок новости\\n\\nПутин прибыл в Пекин.")).title
    'Заголовок новости'
    """

    # Final: compiled by mypyc, a plain class attribute would be read as a descriptor on the class (run/pool.py)
    MAX_CHARS: Final = 500_000  # of cleaned text per article: a news article is far shorter; 1 MB took 39 s, 1.1 GB
    BUDGET: Final = 25.0  # seconds of analysis per article (main thread of a Unix process): with the tail of the step
    # running when it rings, no article takes over 30 s

    def __init__(self, settings: Settings | None = None, steps: Iterable[tuple[str, Step]] = DEFAULT_STEPS,
                 toolkit: Toolkit | None = None, budget: float | None = BUDGET):
        self.budget = budget
        self.settings = settings or Settings()
        self.steps = tuple(steps)
        self.toolkit = toolkit or Toolkit.load(self.settings)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.steps)

    def __call__(self, article: Article) -> Analysis:
        """The analysis of one article. Whatever goes wrong inside a step — a bug, an input no rule foresaw,
        a text over MAX_CHARS, more than `budget` seconds — is an InputError naming the record and the step,
        so one bad record never stops a batch."""
        doc = Doc(article, Analysis(id=article.id, file=article.file, url=article.url))
        name = ""
        try:
            with _budget(self.budget, article):
                for name, step in self.steps:
                    doc = step(doc, self.toolkit)
                    if name == "body" and len(doc.analysis.text) > self.MAX_CHARS:
                        raise InputError(article.file, f"article text of {len(doc.analysis.text):,} characters is "
                                         f"over the analysis limit of {self.MAX_CHARS:,}", article.line)
        except InputError:
            raise
        except _Overtime:
            raise InputError(article.file, f"analysis took over {self.budget:g} s (in step {name!r}); skipped",
                             article.line) from None
        except (Exception, RecursionError, MemoryError) as e:
            raise InputError(article.file, f"analysis failed in step {name!r}: {type(e).__name__}: "
                             f"{str(e)[:200]}", article.line) from e
        return doc.analysis

    def run(self, items: Iterable[Article | InputError]) -> Iterator[Analysis | InputError]:
        """Analyze each article; bad inputs come out as InputErrors under errors='skip'."""
        for item in items:
            if isinstance(item, InputError):
                if self.settings.errors == "raise":
                    raise item
                yield item
                continue
            try:
                yield self(item)
            except InputError as e:
                if self.settings.errors == "raise":
                    raise
                yield e
