"""Split a scraped page into lines and judge each: headline, article body, or furniture (and why).

Scrapers save a page as lines: header furniture (dates, rubric, photo credits), the headline
(sometimes twice), the article's paragraphs, then footer furniture (tags, counters, the site's
domain) and blocks of teasers of *other* stories (headlines interleaved with dates). Lines are judged
first by their own look (`Patterns`, the date grammar), then by where they sit:

- header: before the first sentence of the body; short labels there are rubrics;
- teaser: from a block head ("Новини", "Читайте также") or a run of dated headlines to the end;
- footer: after the last sentence of the body; what is not a sentence there is furniture.
"""

from __future__ import annotations

import re

from entente.clean.patterns import Patterns, fold
from entente.models import Line
from entente.nlp.dates import Calendar
from entente.nlp.morph import Morph

_INVISIBLE = str.maketrans({"\u200b": None, "\ufeff": None, "\u2060": None})
_SENTENCE_END = re.compile(r"""[.!?…:;][\s"'»”“)\]]*$""")
_WORD = re.compile(r"\w+")
_LOWER_WORDS = re.compile(r"^[^\W\d_A-ZА-ЯЁІЇЄҐ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}$")
_SEPARATOR = re.compile(r"\s+(?:[|‖¦]|[-–—]|::)\s+")
MAX_JUNK_LINE = 400  # furniture lines are short; longer lines skip the pattern pass
MAX_HEADLINE_WORDS = 24
MAX_PROMPT_WORDS = 15  # newsletter and spam prompts are short; a longer full sentence is prose
MAX_FOOTER_WORDS = 10  # a longer line after the last sentence is more likely prose than furniture


def normalize(line: str) -> str:
    """Whitespace runs (NBSP and thin spaces included) to one space; zero-width marks dropped."""
    if "\u200b" in line or "\ufeff" in line or "\u2060" in line:
        line = line.translate(_INVISIBLE)
    return " ".join(line.split())


def words(s: str) -> int:
    return len(_WORD.findall(s))


def is_sentence(s: str) -> bool:
    """Ends like a sentence (or a quote of one) and is long enough to be prose."""
    return bool(_SENTENCE_END.search(s)) and words(s) >= 2 or words(s) >= 25


_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ'’-]{2,}")
LANGS = ("ru", "uk")
# finite verbs, short participles («расположена») and short adjectives («доволен») make a predicate
FINITE = frozenset({"VERB", "PRTS", "ADJS"})
MAX_CAPTION_WORDS = 20  # a caption is short; a verbless first paragraph longer than this is prose
MAX_STATED_HEADLINE_WORDS = 12  # a headline written as a sentence is short; a one-line lead is longer


def is_headline(s: str) -> bool:
    """Looks like a headline: a few words, no closing period."""
    return 3 <= words(s) <= MAX_HEADLINE_WORDS and len(s) <= 250 and not s.rstrip("\"'»”").endswith((".", ":", ";"))


def is_label(s: str) -> bool:
    return words(s) <= 4 and len(s) <= 40 and not _SENTENCE_END.search(s)


class _Page:
    """Mutable working state of one split; the result is a tuple of frozen Lines."""

    def __init__(self, raw: str, patterns: Patterns, calendar: Calendar):
        self.texts = [normalize(x) for x in raw.splitlines()]
        self.reason: list[str | None] = [None] * len(self.texts)
        self.dated: set[int] = set()  # date lines that name a day or month, not just a time
        self.zone = ["body"] * len(self.texts)
        self.patterns, self.calendar = patterns, calendar

    def nonblank(self, start: int, stop: int | None = None) -> list[int]:
        stop = len(self.texts) if stop is None else stop
        return [i for i in range(start, stop) if self.texts[i]]

    def kept(self, i: int) -> bool:
        return bool(self.texts[i]) and self.reason[i] is None

    def mark(self, i: int, reason: str, overwrite: bool = False) -> None:
        if self.texts[i] and (overwrite or self.reason[i] is None):
            self.reason[i] = reason


def split_page(
    raw: str, patterns: Patterns, calendar: Calendar, title: str | None = None, morph: Morph | None = None
) -> tuple[Line, ...]:
    """Judge every line of `raw`. `title` is a headline known from metadata (HTML, JSON), if any; `morph`
    reads Russian and Ukrainian words, to tell a photo caption from a lead (without it, no caption rule)."""
    page = _Page(raw, patterns, calendar)
    _by_look(page)
    title_at = _title(page, title)
    first = _first_body(page, title_at)
    while morph is not None and first < len(page.texts) and _caption_sentence(page.texts[first], morph):
        # «Принадлежности Русской Православной церкви. Российская национальная выставка. Минск, Белоруссия.»:
        # a caption written with full stops under the headline is still no part of the text, if text follows
        after = _first_body(page, first)
        if after >= len(page.texts):
            break
        page.mark(first, "caption")
        first = after
    _header(page, first, morph)
    _teasers(page, first)
    _footer(page)
    _strays(page, title_at)
    return tuple(
        Line(no=i + 1, text=t, label=_label(page, i), reason=page.reason[i], zone=page.zone[i])
        for i, t in enumerate(page.texts)
        if t
    )


def _label(page: _Page, i: int) -> str:
    if page.reason[i] is None:
        return "body"
    return "title" if page.reason[i] == "title" else "junk"


def _by_look(page: _Page) -> None:
    pending_list = False  # the line after a bare "Теги:" label is the list itself
    for i, s in enumerate(page.texts):
        if not s:
            continue
        if pending_list and not is_sentence(s):
            page.reason[i], pending_list = "taxonomy", False
            continue
        pending_list = False
        if len(s) <= 60 and (date := page.calendar.date_line(s)) is not None:
            page.reason[i] = "date"
            if date.month is not None:
                page.dated.add(i)
        elif len(s) <= MAX_JUNK_LINE:
            prose = words(s) > MAX_PROMPT_WORDS and bool(_SENTENCE_END.search(s))
            page.reason[i] = page.patterns.junk_reason(s, prose)
            pending_list = page.reason[i] == "taxonomy_label"


def _title(page: _Page, known: str | None) -> int | None:
    """Index of the headline line (marked 'title'); repeats of it are marked 'repeated_title'."""
    at = None
    if known:
        key = fold(normalize(known))
        at = next((i for i in page.nonblank(0) if fold(page.texts[i]) == key), None)
    else:
        for i in page.nonblank(0):
            s = page.texts[i]
            if not page.kept(i) or fold(s) in page.patterns.rubrics:
                continue
            if is_headline(s) or (len(s) <= 250 and s.endswith(("?", "!"))) or _stated_headline(page, i):
                at = i
            break
    if at is not None:
        page.reason[at] = "title"
        keys = title_keys(page.texts[at])
        for i in page.nonblank(at + 1):
            if fold(page.texts[i]) in keys:
                page.mark(i, "repeated_title", overwrite=True)
    return at


def _stated_headline(page: _Page, i: int) -> bool:
    """A short first line ending in a period or semicolon, standing alone before a longer paragraph: an
    archive copy's headline ("Columbia defends Exxon articles.", "IN BRIEF."), not a one-line lead."""
    s = page.texts[i].rstrip()
    if not (1 <= words(s) <= MAX_STATED_HEADLINE_WORDS and s.endswith((".", ";"))):
        return False
    if s.endswith(".") and (i + 1 >= len(page.texts) or page.texts[i + 1]):
        return False  # a sentence run on into the next line is a paragraph; a line ending in ";" is never one
    after = [k for k in page.nonblank(i + 1) if page.kept(k)]  # past "ABSTRACT." and other furniture
    return bool(after) and words(page.texts[after[0]]) > 2 * words(s)


def title_keys(title: str) -> set[str]:
    """The headline and its parts around site-name separators: a page may repeat it without the suffix."""
    parts = _SEPARATOR.split(title)
    return {fold(title)} | {fold(p) for p in parts if words(p) >= 3}


def _first_body(page: _Page, title_at: int | None) -> int:
    start = 0 if title_at is None else title_at + 1
    for i in page.nonblank(start):
        if page.kept(i) and is_sentence(page.texts[i]):
            return i
    return len(page.texts)


def _header(page: _Page, first: int, morph: Morph | None) -> None:
    for i in page.nonblank(0, first):
        page.zone[i] = "header"
        if page.kept(i) and is_label(page.texts[i]):
            page.mark(i, "rubric")
        elif page.kept(i) and morph is not None and _verbless(page.texts[i], morph):
            page.mark(i, "caption")  # «Карл XVI Густав в 2010 году» between the headline and the text


def _caption_sentence(s: str, morph: Morph) -> bool:
    """A short line ending like a sentence but with no predicate: a caption, not a lead («Путин доволен ...»
    has one; «Москва — столица ...», a dash for the verb, counts as one too)."""
    return words(s) <= MAX_CAPTION_WORDS and " — " not in s and " – " not in s and _verbless(s, morph)


def _verbless(s: str, morph: Morph) -> bool:
    """A Cyrillic line with no finite verb: a photo caption, not a lead («Погибшие в результате теракта
    полицейские», «Нельсон Мандела в 2000 году»). A line in Latin script is not judged."""
    cyrillic = _CYRILLIC_WORD.findall(s)
    if len(cyrillic) < 2 or len(cyrillic) < len(s.split()) // 2:
        return False
    # a capitalized word after the first is a name, whatever the dictionary guesses («Сноудену»: «сноудеть»)
    words = [w.strip("'’-") for n, w in enumerate(cyrillic) if n == 0 or not w.strip("'’-")[:1].isupper()]
    # a word the dictionary knows (not one it guesses from the ending: «официальнывати») as a verb, in either language
    return not any(
        (r := morph.readings(w.lower(), lang)) and r[0].known and r[0].tags & FINITE for w in words for lang in LANGS
    )


def _teasers(page: _Page, first: int) -> None:
    """From the start of a block of other stories to the end of the page, everything is teaser."""
    start = _teaser_start(page, first)
    for i in page.nonblank(start):
        page.zone[i] = "teaser"
        page.mark(i, "teaser")


def _teaser_start(page: _Page, first: int) -> int:
    lines = page.nonblank(first + 1)
    for k, i in enumerate(lines):
        s, ahead = page.texts[i], lines[k + 1 : k + 9]
        if page.reason[i] is None and fold(s) in page.patterns.block_heads:
            near = ahead[:4]
            dated = any(page.reason[j] == "date" for j in near)
            headlines = sum(1 for j in near if page.kept(j) and not is_sentence(page.texts[j]))
            if dated or headlines >= 2:
                return i
        # Teasers carry dates; a live blog's bare time stamps ("8:15 p.m.") do not make one.
        if i in page.dated and any(j in page.dated for j in ahead[1:]):
            between = ahead[: next(n for n, j in enumerate(ahead) if j in page.dated and n > 0)]
            if any(page.kept(j) and is_headline(page.texts[j]) for j in between):
                while k > 0 and page.texts[lines[k - 1]] and is_label(page.texts[lines[k - 1]]):
                    k -= 1  # the rubric line that heads the first teaser
                return lines[k]
    return _trailing_headlines(page, lines)


def _trailing_headlines(page: _Page, lines: list[int]) -> int:
    """A run of three or more headline-like lines closing the page is a teaser list."""
    run: list[int] = []
    for i in reversed(lines):
        if page.reason[i] is not None:
            continue
        if is_headline(page.texts[i]) and not is_sentence(page.texts[i]):
            run.append(i)
        else:
            break
    return run[-1] if len(run) >= 3 else len(page.texts)


def _footer(page: _Page) -> None:
    body = [i for i in page.nonblank(0) if page.kept(i) and page.zone[i] == "body"]
    sentences = [i for i in body if is_sentence(page.texts[i])]
    if not sentences:
        return
    for i in page.nonblank(sentences[-1] + 1):
        if page.zone[i] == "body":
            page.zone[i] = "footer"
            if words(page.texts[i]) <= MAX_FOOTER_WORDS:
                page.mark(i, "footer")


def _strays(page: _Page, title_at: int | None) -> None:
    """Short all-lowercase lines among paragraphs are spam keywords, not prose."""
    prev = None
    for i in page.nonblank(0):
        s = page.texts[i]
        if page.kept(i) and _LOWER_WORDS.match(s) and (prev is None or _SENTENCE_END.search(prev)):
            page.mark(i, "stray")
        prev = s
