"""Word tokens with character offsets.

Ukrainian goes through tokenize-uk (it keeps apostrophe words such as «об’єднання» whole);
Russian and English use one regular expression that does the same for hyphens and apostrophes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*\.?|[^\w\s]", re.UNICODE)
_ABBREV_DOT = re.compile(r"^(?:[A-ZА-ЯІЇЄҐ]|[a-zа-яіїєґ]{1,3})\.$")
# English short lower-case words end sentences ("attack ads.", "the ban."): only these keep their dot
_ABBREV_DOT_EN = re.compile(r"^(?:[A-Za-z]|vs|etc|al|cf|ca|approx|est|pp|vol|ed|eds|fig|ft|lb|oz|jr|sr)\.$")
SENTENCE_END = frozenset(".!?…")


class Token(NamedTuple):
    """A word or a punctuation mark of a text and where it stands (a named tuple: a text's tokens are made by the
    thousand, and a tuple is made in one step; its hash is the frozen dataclass's it was)."""

    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, lang: str | None) -> list[Token]:
    """Tokens of `text`; a final dot stays on initials and short abbreviations ("В.", "м.", "ст."; in English
    only on initials and a few abbreviations: "attack ads." ends a sentence).

    >>> [t.text for t in tokenize("В. Путин прибыл.", "ru")]
    ['В.', 'Путин', 'прибыл', '.']
    """
    if lang == "uk":
        from tokenize_uk import tokenize_words_with_spans

        make = Token._make
        return [make((s, e, text[s:e])) for _, s, e in tokenize_words_with_spans(text)]
    if len(text) >= _WHOLE:
        return list(_remembered(text, lang == "en"))
    return _tokens(text, lang == "en")


_WHOLE = 1_000  # characters: a text this long is an article's, which more than one stage tokenizes


@lru_cache(maxsize=2)
def _remembered(text: str, english: bool) -> tuple[Token, ...]:
    """The last articles' tokens: the recognizer and the event coder both tokenize the whole text."""
    return tuple(_tokens(text, english))


def tokens_between(text: str, start: int, end: int, lang: str | None) -> list[Token]:
    """The tokens of `text[start:end]` by the regular expression (for Ukrainian too), with offsets into `text`: where
    `start` and `end` fall between tokens (a sentence's bounds), the very tokens of the whole text found there.

    >>> [t.text for t in tokens_between("Путин прибыл. В. Путин уехал.", 14, 29, "ru")]
    ['В.', 'Путин', 'уехал', '.']
    """
    return _tokens(text, lang == "en", start, end)


def _tokens(text: str, english: bool = False, start: int = 0, end: int | None = None) -> list[Token]:
    out: list[Token] = []
    # new: Token._make without its checks
    add, new, abbreviation = out.append, tuple.__new__, (_ABBREV_DOT_EN if english else _ABBREV_DOT).match
    for m in _WORD.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        if word[-1] == "." and len(word) > 1 and not abbreviation(word):
            dot = m.end() - 1
            add(new(Token, (m.start(), dot, word[:-1])))
            add(new(Token, (dot, dot + 1, ".")))
        else:
            add(new(Token, (m.start(), m.end(), word)))
    return out
