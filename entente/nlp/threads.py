"""One BLAS thread around natasha's syntax parser: numpy's BLAS worker threads spin while they wait, and
beside other work (the other cores busy, worker processes) they cost several times the work itself; on a
quiet machine one thread costs about 8 % more CPU (`bench/blas_threads.py`, BENCHMARKS.md). Process
parallelism is entente's way to use more cores.

>>> with one_blas_thread():
...     pass
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import cache
from typing import Any


@cache
def _controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()  # built once: a fresh `threadpool_limits` costs ≈0.6 ms a call


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which numpy's BLAS uses the calling thread only."""
    return _controller().limit(limits=1, user_api="blas")
