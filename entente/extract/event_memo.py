"""Tables made from a value the event coder holds unchanged and asks about many times, kept by the value's identity:
a lexicon's cue set (built once, never changed after), a sentence's token list (never changed once cut out).

Hashing a set of a few hundred phrases, or counting a sentence's clause breaks again at each question, cost more than
the question itself: the rules ask ≈100,000 times a corpus.

>>> words = {"as opposed to", "attack ads"}
>>> prepared(words, sorted) is prepared(words, sorted)
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

V = TypeVar("V")
T = TypeVar("T")
KEPT = 256  # tables of one `build` kept at most (a lexicon has a few dozen sets; sentences come one by one)

_TABLES: dict[Callable[[Any], Any], dict[int, tuple[Any, Any]]] = {}


def prepared(value: V, build: Callable[[V], T]) -> T:
    """`build(value)`, made once while `value` is kept here (it is held, so its id is no other value's meanwhile),
    then given again; `value` must not change after. `build` is a module's function: its tables are kept apart."""
    tables = _TABLES.get(build)
    if tables is None:
        tables = _TABLES[build] = {}
    known = tables.get(id(value))
    if known is None or known[0] is not value:
        if len(tables) >= KEPT:
            tables.clear()
        known = tables[id(value)] = (value, build(value))
    table: T = known[1]
    return table
