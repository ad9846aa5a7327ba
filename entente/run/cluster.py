"""Analysis on a Dask distributed cluster (`--cluster tcp://HOST:8786`; the `cluster` extra).

    dask scheduler                                   # on one machine
    dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1   # on each machine with entente installed

A worker plugin loads the pipeline once in each worker process (again when a worker restarts); articles
go out in batches of BATCH, several batches per worker in flight, and come back in input order to the
process that iterates, which alone writes to the store. A worker holding the models takes its tasks one
at a time, whatever its thread count. The per-article time budget holds on the workers' threads too.
A batch whose worker keeps dying (Dask gives up after `distributed.scheduler.allowed-failures` deaths) is
tried again article by article, and the article that still kills its worker comes out as an InputError.
Workers read `--actors` from the same path: give a file every worker machine sees.
"""

from __future__ import annotations

import ctypes
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Self

from distributed import Client, Future, WorkerPlugin, get_worker
from distributed.scheduler import KilledWorker

from entente.errors import EntenteError, InputError, UsageError
from entente.models import Article
from entente.pipeline import Pipeline
from entente.run import Encode
from entente.settings import Settings

PLUGIN = "entente-pipeline"
BATCH = 16  # articles per task: large enough that a round trip is nothing next to the analysis
CONNECT = 20.0  # seconds to reach the scheduler
WORKERS_WAIT = 60.0  # seconds to wait for a first worker to join


class PipelinePlugin(WorkerPlugin):
    """Loads entente's pipeline once per worker process."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pipeline: Pipeline | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self.pipeline = Pipeline(self.settings)

    def teardown(self, worker: Any) -> None:
        self.pipeline = None


class _Overtime(BaseException):  # not an Exception: no step's own `except Exception` swallows it
    pass


@contextmanager
def thread_budget(seconds: float | None) -> Iterator[None]:
    """Raise _Overtime in this thread after `seconds` (an asynchronous exception: what SIGALRM does for the
    main thread in entente.pipeline, for a worker's task thread)."""
    if not seconds:
        yield
        return
    target, lock, state = threading.get_ident(), threading.Lock(), {"done": False, "rang": False}
    set_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc

    def ring() -> None:
        with lock:
            if not state["done"]:
                state["rang"] = True
                set_exc(ctypes.c_ulong(target), ctypes.py_object(_Overtime))

    timer = threading.Timer(seconds, ring)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
        if state["rang"]:
            set_exc(ctypes.c_ulong(target), None)  # not delivered yet: it must not land after this block
            raise _Overtime


def analyze_batch(articles: list[Article], budget: float | None, encode: Encode | None = None) -> list[Any]:
    """The task: the analyses of `articles` (InputErrors in place of the bad ones), on a worker; each passed
    through `encode` when given (entente.run.Executor)."""
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None
    results: list[Any] = []
    with plugin.lock:
        for article in articles:
            try:
                with thread_budget(budget):
                    analysis = plugin.pipeline(article)
                results.append(analysis if encode is None else encode(analysis))
            except InputError as e:
                results.append(e)
            except _Overtime:
                results.append(InputError(article.file, f"analysis took over {budget:g} s; skipped", article.line))
    return results


_Flight = tuple[list[Article | InputError], "Future | None"]


class Cluster:
    def __init__(self, settings: Settings, address: str, window: int | None = None, batch: int = BATCH):
        self.address, self.batch, self.budget = address, batch, Pipeline.BUDGET
        try:
            self.client = Client(address, timeout=CONNECT, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise UsageError(f"--cluster {address}: cannot reach a Dask scheduler there ({e})") from e
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_WAIT)
            self.client.register_plugin(PipelinePlugin(settings), name=PLUGIN)
        except TimeoutError as e:
            self.client.close()
            raise UsageError(f"--cluster {address}: no Dask worker joined within {WORKERS_WAIT:g} s") from e
        except BaseException:
            self.client.close()
            raise
        self.workers = len(self.client.nthreads())
        self.limit = max(4, 2 * self.workers + (window or 0) // batch)  # batches in flight
        self._flights: deque[_Flight] = deque()
        self._encode: Encode | None = None

    def map_ordered(self, items: Iterable[Article | InputError], encode: Encode | None = None) -> Iterator[Any]:
        self._encode = encode
        group: list[Article | InputError] = []
        for item in items:
            group.append(item)
            if len(group) >= self.batch:
                self._submit(group)
                group = []
            while len(self._flights) > self.limit:
                yield from self._take(self._flights.popleft())
        if group:
            self._submit(group)
        while self._flights:
            yield from self._take(self._flights.popleft())

    def drain(self) -> Iterator[Any]:
        while self._flights and (self._flights[0][1] is None or self._flights[0][1].done()):
            try:
                yield from self._take(self._flights.popleft())
            except EntenteError:
                return

    def _submit(self, group: list[Article | InputError]) -> None:
        articles = [x for x in group if isinstance(x, Article)]
        future = None
        if articles:
            future = self.client.submit(analyze_batch, articles, self.budget, self._encode, pure=False)
        self._flights.append((group, future))

    def _take(self, flight: _Flight) -> Iterator[Any]:
        group, future = flight
        analyses = iter(self._results(group, future) if future is not None else [])
        for item in group:
            yield item if isinstance(item, InputError) else next(analyses)

    def _results(self, group: list[Article | InputError], future: Future) -> list[Any]:
        articles = [x for x in group if isinstance(x, Article)]
        try:
            return future.result()
        except KilledWorker:
            if len(articles) == 1:
                a = articles[0]
                return [InputError(a.file, "the Dask workers analyzing it died, several times; skipped", a.line)]
        except Exception as e:
            raise EntenteError(f"--cluster {self.address}: a task failed: {type(e).__name__}: {e}") from e
        out: list[Any] = []  # one by one, to find the article that kills its worker
        for a in articles:
            out.extend(self._results([a], self.client.submit(analyze_batch, [a], self.budget, self._encode,
                                                             pure=False)))
        return out

    def close(self) -> None:
        for _, future in self._flights:
            if future is not None:
                future.cancel()
        self._flights.clear()
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
