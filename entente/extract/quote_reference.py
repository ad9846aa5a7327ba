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
              not_descriptors: tuple[str, ...] = (), within: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The mention (start, end) before `phrase` whose descriptor holds the phrase's head, if any.

    Words with a `modifiers` ending before another word are the head's adjectives: they must be in the
    descriptor too («Избранный президент» is not any «президент»). Words starting with a
    `not_descriptors` stem (заявлении, котором) are passed over; a phrase with an `anonymous` word
    (источник) stands for nobody named. `within`: mentions of an organization the phrase names
    («представитель российского МИД»), one of which the descriptor must hold («представитель МИД РФ
    Мария Захарова»)."""
    words = WORD.findall(text[phrase[0]:phrase[1]])
    if any(w.lower() in anonymous for w in words):
        return None
    adjectives: list[str] = []
    head = ""
    for k, w in enumerate(words):  # the head: the first noun-like word (a genitive after it names someone else)
        low = w.lower()
        if low.startswith(not_descriptors) or any(c.isdigit() for c in w):
            continue
        if k + 1 < len(words) and low.endswith(modifiers):
            adjectives.append(low)
            continue
        head = w
        break
    rest = words[words.index(head) + 1:] if head else []
    if not _descriptive(head) or any(w[0].isupper() for w in rest) and not within:
        return None  # «Писатель-сатирик Лион Измайлов»: the phrase names its own person
    keys = [head.lower(), *adjectives]
    for start, end in sorted((m for m in mentions if m[1] <= phrase[0]), reverse=True):
        lo = max(0, start - 120)
        before = text[lo:start]
        stop = max((m.end() for m in BREAK.finditer(before)), default=0)
        run = WORD.findall(before[stop:])[-WINDOW:]
        found = [w.lower() for w in run]
        if not all(any(_same_stem(k, w) for w in found) for k in keys):
            continue
        if within and not any(lo + stop <= ws and we <= start for ws, we in within):
            continue
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
