"""Where analysis runs: in this process, in a pool of worker processes, or on a Dask cluster.

Every executor has one interface, so `analyze`, `ingest` (and `watch`) do not care which one runs:

    with open_executor(settings, workers=4) as executor:
        for result in executor.map_ordered(read(paths, settings.max_bytes)):
            ...  # an Analysis, or the InputError of that input, one per input, in input order

    executor.drain()   # after an interruption: results already analyzed, in order, without waiting

    executor.map_ordered(items, json_line)   # each Analysis encoded where it was made: `analyze --format jsonl`
                                             # has its lines written by the workers, this process only prints

    InProcess   workers=1: the pipeline in this process, as a plain loop   (entente.run.local)
    Pool        N worker processes, models loaded once in each             (entente.run.pool)
    Cluster     a Dask distributed cluster, models loaded once per worker  (entente.run.cluster)

The process that iterates is the only one that touches the store: `ingest_items` (entente.run.ingest)
writes the results in batches, one transaction each.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, Self, TypeVar, overload

from entente.errors import InputError
from entente.models import Analysis, Article
from entente.settings import Settings

Result = Analysis | InputError
T = TypeVar("T")
Encode = Callable[[Analysis], object]  # what a worker makes of an analysis before sending it (None: the Analysis)

MIN_PER_WORKER = 50  # articles that pay for starting one more worker process (≈ 2-3 s of model loading)


class Executor(Protocol):
    workers: int

    @overload
    def map_ordered(self, items: Iterable[Article | InputError]) -> Iterator[Result]: ...
    @overload
    def map_ordered(self, items: Iterable[Article | InputError], encode: Callable[[Analysis], T]
                    ) -> Iterator[T | InputError]: ...
    def map_ordered(self, items: Iterable[Article | InputError], encode: Encode | None = None) -> Iterator[object]:
        """One result per input, in input order: an input's InputError passes through in its place. It may be
        called again once an iteration has ended (a watcher's next poll), with the models still loaded; not
        after an interrupted one. `encode`: each Analysis comes as `encode(analysis)`, made where the analysis
        was (in the worker process): less for this process to receive and convert. It is sent to the workers
        by name, so it must be a module-level function."""
        ...

    def drain(self) -> Iterator[Result]:
        """After map_ordered was interrupted: the next results already analyzed, in order, without waiting
        (encoded as that map_ordered asked)."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...


def cores() -> int:
    """The cores this process may run on (its CPU affinity), else the machine's."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def auto_workers(total: int | None) -> int:
    """The default worker count: every core, but no worker that would spend longer loading models than
    analyzing (`total` known and small: a file or two is analyzed in this process)."""
    if total is None:
        return cores()
    return max(1, min(cores(), total // MIN_PER_WORKER))


def open_executor(settings: Settings, workers: int = 1, cluster: str | None = None,
                  window: int | None = None) -> Executor:
    """An executor for `workers` processes on this machine (1: this process), or for a Dask scheduler at
    `cluster` (tcp://HOST:PORT). `window`: how many inputs may be in flight ahead of the one awaited."""
    if cluster is not None:
        from entente.run.cluster import Cluster

        return Cluster(settings, cluster, window=window)
    if workers <= 1:
        from entente.run.local import InProcess

        return InProcess(settings)
    from entente.run.pool import Pool

    return Pool(settings, workers, window=window)
