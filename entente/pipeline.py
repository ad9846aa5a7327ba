"""The pipeline: ordered, named steps that turn an Article into an Analysis.

Each step is a function `(Doc, Toolkit) -> Doc`; `Doc` pairs the input Article with the Analysis
built so far, and `Toolkit` holds what is loaded once (patterns, calendar, language model).
`Pipeline.run` applies the error policy: 'raise' stops at the first bad input, 'skip' yields the
InputError in place of its Analysis and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

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
from entente.models import Analysis, Article
from entente.nlp.dates import Calendar
from entente.nlp.lang import LanguageId
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
        kb = KnowledgeBase.load(settings.actors)
        recognizer = Recognizer(kb)
        linker = Linker(kb, recognizer.morph, Context(kb, recognizer.morph, Roles.load()))
        coder = EventCoder(Lexicon(recognizer.morph), When(recognizer.morph))
        return cls(clean.Patterns.load(), Calendar.load(), clean.Outlets.load(),
                   LanguageId(settings.languages, settings.short_paragraph), recognizer, linker, QuoteFinder(), coder)


Step = Callable[[Doc, Toolkit], Doc]


def extract(doc: Doc, kit: Toolkit) -> Doc:
    article = extract_html(doc.article)
    return Doc(article, replace(doc.analysis, url=article.url))


def split(doc: Doc, kit: Toolkit) -> Doc:
    lines = clean.split_page(doc.article.text, kit.patterns, kit.calendar, doc.article.title)
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
    a = doc.analysis
    lang = a.lang or "en"
    tokens, entities = kit.recognizer.read(a.text, lang)
    linked = kit.linker.link(a.text, lang, a.published, tokens, entities)
    return Doc(doc.article, replace(a, actors=linked.actors))


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


class Pipeline:
    """Article -> Analysis through named steps.

    >>> from entente.models import Article
    >>> Pipeline()(Article(file="a.txt", text="Заголовок новости\\n\\nПутин прибыл в Пекин.")).title
    'Заголовок новости'
    """

    def __init__(self, settings: Settings | None = None, steps: Iterable[tuple[str, Step]] = DEFAULT_STEPS,
                 toolkit: Toolkit | None = None):
        self.settings = settings or Settings()
        self.steps = tuple(steps)
        self.toolkit = toolkit or Toolkit.load(self.settings)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.steps)

    def __call__(self, article: Article) -> Analysis:
        doc = Doc(article, Analysis(id=article.id, file=article.file, url=article.url))
        for _name, step in self.steps:
            doc = step(doc, self.toolkit)
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
