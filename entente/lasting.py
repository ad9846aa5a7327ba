"""Loading what lasts the whole process (indexes, lexicons, models) without Python's cycle collector.

Loading allocates hundreds of thousands of objects that live until the process ends. Each time enough of
them pile up the collector walks every young object, and now and then all of them, though none is garbage:
a fifth of a Russian article's start-up (`entente analyze` of one file, BENCHMARKS.md). Inside `loading()`
the collector is paused; on leaving, everything alive is frozen (`gc.freeze()`), so later collections skip
it; per-article garbage is collected as before, the youngest generation less often (`fewer_collections`).

>>> with loading():
...     index = {n: [n] for n in range(1000)}
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Pause the cycle collector while long-lived objects are built, then freeze them out of its walks."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


YOUNG = 10_000  # allocations between collections of the youngest generation (Python's default: 700)


def fewer_collections() -> None:
    """Look for cycles among new objects every YOUNG allocations instead of Python's 700 (a higher setting, or 0,
    is left as it is). An article's analysis makes hundreds of thousands of short-lived tokens, tuples and
    records: at 700 the collector ran ≈1,600 times over 1,200 bench-corpus articles, 1.5 of their ≈29 CPU s; at
    10,000, 60 times and 0.3 s (BENCHMARKS.md). What is garbage is collected all the same, a little later."""
    young, *older = gc.get_threshold()
    if 0 < young < YOUNG:
        gc.set_threshold(YOUNG, *older)
