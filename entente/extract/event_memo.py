"""Tables made from a value the event coder holds unchanged and asks about many times, kept by the value's identity:
a lexicon's cue set (built once, never changed after), a sentence's token list (never changed once cut out).

Hashing a set of a few hundred phrases, or counting a sentence's clause breaks again at each question, cost more than
the question itself: the rules ask ≈100,000 times a corpus.

>>> words = {"as opposed to", "attack ads"}
>>> prepared(words, "lengths", lambda: sorted(len(w) for w in words)) is prepared(words, "lengths", list)
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

T = TypeVar("T")
KEPT = 256  # tables of a kind kept at most (a lexicon has a few dozen sets; sentences come one by one): then anew

_TABLES: dict[str, dict[int, tuple[object, Any]]] = {}


def prepared(value: object, kind: str, build: Callable[[], T]) -> T:
    """`build()`, the table of `kind` made from `value`, made once while `value` is kept here (it is held, so its
    id is no other value's meanwhile). `value` must not change after its first table."""
    tables = _TABLES.setdefault(kind, {})
    known = tables.get(id(value))
    if known is None or known[0] is not value:
        if len(tables) >= KEPT:
            tables.clear()
        known = tables[id(value)] = (value, build())
    return cast(T, known[1])
