"""Loading what lasts the whole process (indexes, lexicons, models) without Python's cycle collector.

Loading allocates hundreds of thousands of objects that live until the process ends. Each time enough of
them pile up the collector walks every young object, and now and then all of them, though none is garbage:
a fifth of a Russian article's start-up (`entente analyze` of one file, BENCHMARKS.md). Inside `loading()`
the collector is paused; on leaving, everything alive is frozen (`gc.freeze()`), so later collections skip
it; per-article garbage is collected as before.

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
