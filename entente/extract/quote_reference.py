"""Who a descriptive speaker phrase stands for: «— добавил экс-премьер», «– відповів багатій».

Russian and Ukrainian news name a person once with a descriptor right before the name («Экс-премьер
Андрюс Кубилюс», «багатій Дональд Трамп», «ирландский профсоюз пилотов Forsa») and then quote them by
the descriptor alone. The speaker phrase's head word is compared with the words standing just before
each earlier mention (at most `WINDOW`, with no punctuation between them and the name); a head that
shares its stem with one of them (the same word in another case: профсоюза / профсоюз) makes that
mention the speaker. The nearest such mention before the quote wins. No morphology: a stem is a common
prefix that leaves at most `ENDING` letters of either word. (English descriptors are mostly common
words — "the report", "the website" — that stand before any name, so English does not use this.)

    >>> text = "Экс-премьер Андрюс Кубилюс прибыл. «Нет», — добавил экс-премьер."
    >>> described(text, (text.rindex("экс"), len(text) - 1), [(12, 26)])
    (12, 26)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WORD = re.compile(r"\w+(?:-\w+)*")
WINDOW = 3  # words right before a mention that may describe it
ENDING = 3  # letters of an inflection
MIN_STEM = 4
BREAK = re.compile(r"[^\w\s-]")  # any punctuation (or quote mark) ends the descriptor run


def described(text: str, phrase: tuple[int, int], mentions: Sequence[tuple[int, int]],
              modifiers: tuple[str, ...] = (), anonymous: frozenset[str] = frozenset(),
              not_descriptors: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """The mention (start, end) before `phrase` whose descriptor shares a word with the phrase, if any.
    Words with a `modifiers` ending before another word (аргентинская пресса) are not descriptors, nor
    are words starting with a `not_descriptors` stem (заявлении, котором); a phrase with an `anonymous`
    word (источник) stands for nobody named."""
    words = WORD.findall(text[phrase[0]:phrase[1]])
    if any(w.lower() in anonymous for w in words):
        return None
    # the head: the first noun-like word (a genitive after it names someone else: «лицо певицы»)
    heads = [w for k, w in enumerate(words) if not w.lower().startswith(not_descriptors)
             and not any(c.isdigit() for c in w) and not (k + 1 < len(words) and w.endswith(modifiers))]
    keys = [heads[0].lower()] if heads and _descriptive(heads[0]) else []
    if not keys:
        return None
    for start, end in sorted((m for m in mentions if m[1] <= phrase[0]), reverse=True):
        before = text[max(0, start - 120):start]
        stop = max((m.end() for m in BREAK.finditer(before)), default=0)
        words = [w.lower() for w in WORD.findall(before[stop:])][-WINDOW:]
        if any(_same_stem(k, w) for k in keys for w in words):
            return start, end
    return None


def _descriptive(word: str) -> bool:
    """A lower-case word long enough to be a descriptor noun (not a name, number or function word)."""
    return len(word) >= MIN_STEM + 1 and word[0].islower() and not any(c.isdigit() for c in word)


def _same_stem(a: str, b: str) -> bool:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= MIN_STEM and len(a) - n <= ENDING and len(b) - n <= ENDING
