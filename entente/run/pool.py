"""Analysis in N worker processes on this machine (`--workers N`), results in input order.

Each worker (entente.run.worker) is started with `spawn`, loads the pipeline once and analyzes chunks of
articles. A pump thread in this process sends the chunks and collects one message per analyzed article,
so the workers keep going while the caller is busy elsewhere (writing a batch to the store); the caller's
thread reads the inputs and takes the results in order.

A worker that dies (killed, out of memory, a crash in native code) or stays on one article longer than
HARD_LIMIT is replaced; the article it was on comes out as an InputError saying so, and the rest of its
chunk goes to the others. Workers that die while loading the models stop the run with an error.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Self

from entente.errors import EntenteError, InputError
from entente.models import Article
from entente.pipeline import Pipeline
from entente.run import Encode, worker
from entente.settings import Settings

CHUNK = 4  # articles per message to a worker
AHEAD = 3  # chunks a worker may hold: one in analysis, the rest waiting, so it never idles on a round trip
HARD_LIMIT = Pipeline.BUDGET + 35  # seconds on one article before its worker is stopped (the budget did not)
LOAD_FAILURES = 3  # workers dying while loading the models, in a row, before the run stops
STOP_WAIT = 3.0  # seconds a worker gets to leave before it is killed


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    tasks: Connection
    results: Connection
    ready: bool = False
    outstanding: deque[tuple[int, Article]] = field(default_factory=deque)
    since: float = 0.0  # when the article it is on (the first outstanding) was started
    overtime: bool = False


class Pool:
    def __init__(self, settings: Settings, workers: int, window: int | None = None,
                 hard_limit: float = HARD_LIMIT):
        self.settings, self.workers, self.hard_limit = settings, workers, hard_limit
        self.window = max(window or 0, workers * CHUNK * AHEAD * 2)
        self._context = multiprocessing.get_context("spawn")
        self._cond = threading.Condition()
        self._todo: deque[tuple[int, Article]] = deque()  # submitted, not yet sent to a worker
        self._encode: Encode | None = None  # what the workers make of each analysis in this map_ordered
        self._done: dict[int, Any] = {}  # results: Analysis (or as encoded), InputError
        self._next_in = self._next_out = 0
        self._fatal: BaseException | None = None
        self._stopping = threading.Event()
        self._load_failures = 0
        self._wake_r, self._wake_w = self._context.Pipe(duplex=False)
        self._workers = [self._spawn() for _ in range(workers)]
        self._pump = threading.Thread(target=self._run, name="entente-pool", daemon=True)
        self._pump.start()

    # --- the caller's side ---------------------------------------------------------------------------

    def map_ordered(self, items: Iterable[Article | InputError], encode: Encode | None = None) -> Iterator[Any]:
        source, exhausted = iter(items), False
        with self._cond:
            self._encode = encode
        while True:
            wake = False
            while not exhausted and self._next_in - self._next_out < self.window:
                item = next(source, None)  # the caller's reading (and store look-ups) stay on its thread
                if item is None:
                    exhausted = True
                    break
                with self._cond:
                    if isinstance(item, InputError):
                        self._done[self._next_in] = item
                    else:
                        # only an empty line may have left a worker waiting: with articles still in line, every
                        # worker has its fill, and the pump sends more as their results come in
                        wake = wake or not self._todo
                        self._todo.append((self._next_in, item))
                    self._next_in += 1
            if wake:
                self._wake_w.send_bytes(b"")
            with self._cond:
                if exhausted and self._next_out == self._next_in:
                    return
                while self._next_out not in self._done and self._fatal is None:
                    self._cond.wait(0.5)
                if self._fatal is not None:
                    raise self._fatal
                result = self._done.pop(self._next_out)
                self._next_out += 1
            yield result

    def drain(self) -> Iterator[Any]:
        while True:
            with self._cond:
                if self._next_out not in self._done:
                    return
                result = self._done.pop(self._next_out)
                self._next_out += 1
            yield result

    def close(self) -> None:
        self._stopping.set()
        self._wake_w.send_bytes(b"")
        self._pump.join(timeout=10)
        for w in self._workers:
            _stop(w, force=bool(w.outstanding) or not w.ready)  # interrupted, or still loading: nothing to wait for
        self._workers = []
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the pump thread -----------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        tasks_r, tasks_w = self._context.Pipe(duplex=False)
        results_r, results_w = self._context.Pipe(duplex=False)
        process = self._context.Process(target=worker.main, args=(tasks_r, results_w, self.settings, os.getpid()),
                                        name="entente-worker", daemon=True)
        process.start()
        tasks_r.close()  # the worker's ends: closed here, so its death reads as the end of its pipe
        results_w.close()
        return _Worker(process, tasks_w, results_r)

    def _run(self) -> None:
        try:
            while not self._stopping.is_set() and self._fatal is None:
                self._dispatch()
                owners: dict[object, _Worker] = {w.results: w for w in self._workers}
                owners.update({w.process.sentinel: w for w in self._workers})
                ready = wait([self._wake_r, *owners], timeout=0.5)  # type: ignore[list-item]
                if self._wake_r in ready:
                    while self._wake_r.poll():
                        self._wake_r.recv_bytes()
                dead = set()
                for end in ready:
                    w = owners.get(end)
                    if w is not None and w not in dead and not self._receive(w):
                        dead.add(w)
                for w in dead:
                    self._replace(w)
                self._check_time()
        except BaseException as e:
            with self._cond:
                self._fatal = e
                self._cond.notify_all()

    def _dispatch(self) -> None:
        """Chunks to the ready workers holding the fewest articles, while any has room."""
        with self._cond:
            while self._todo:
                idle = [w for w in self._workers if w.ready and len(w.outstanding) <= CHUNK * (AHEAD - 1)]
                if not idle:
                    return
                w = min(idle, key=lambda x: len(x.outstanding))
                chunk = [self._todo.popleft() for _ in range(min(CHUNK, len(self._todo)))]
                if not w.outstanding:
                    w.since = time.monotonic()
                w.outstanding.extend(chunk)
                try:
                    w.tasks.send((self._encode, chunk))
                except OSError:  # it died: its outstanding articles are dealt with when its end is read
                    return

    def _receive(self, w: _Worker) -> bool:
        """Take every message waiting from `w`; False when it has gone."""
        try:
            while w.results.poll():
                message = w.results.recv()
                if message[0] == "done":
                    _, seq, result = message
                    with self._cond:
                        w.outstanding.popleft()
                        w.since = time.monotonic()
                        self._done[seq] = result
                        if seq == self._next_out:  # the caller waits for no other: results come out of order
                            self._cond.notify_all()
                elif message[0] == "ready":
                    w.ready = True
                    self._load_failures = 0
                elif message[0] == "failed":  # loading the models failed: it would fail in every worker
                    with self._cond:
                        self._fatal = message[1]
                        self._cond.notify_all()
        except (EOFError, OSError):
            return False
        return True  # (a dead worker's pipe reads as its end, above)

    def _replace(self, w: _Worker) -> None:
        """A worker has gone: the article it was on is reported, the rest of its chunks go back in line."""
        w.process.join(timeout=STOP_WAIT)
        self._workers.remove(w)
        _stop(w)
        if not w.ready:
            self._load_failures += 1
            if self._load_failures >= LOAD_FAILURES:
                raise EntenteError(f"worker processes died while loading the models ({_cause(w)}), "
                                   f"{LOAD_FAILURES} times in a row; try --workers 1")
        with self._cond:
            if w.outstanding:
                seq, article = w.outstanding.popleft()
                reason = (f"analysis took over {self.hard_limit:g} s and its worker process was stopped; skipped"
                          if w.overtime else f"the worker process died while analyzing it ({_cause(w)}); skipped")
                self._done[seq] = InputError(article.file, reason, article.line)
                self._todo.extendleft(reversed(w.outstanding))
                self._cond.notify_all()
        if not self._stopping.is_set():
            self._workers.append(self._spawn())

    def _check_time(self) -> None:
        now = time.monotonic()
        for w in self._workers:
            if w.outstanding and not w.overtime and now - w.since > self.hard_limit:
                w.overtime = True
                w.process.kill()


def _cause(w: _Worker) -> str:
    code = w.process.exitcode
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _stop(w: _Worker, force: bool = False) -> None:
    if force:
        w.process.kill()
    else:
        with contextlib.suppress(OSError):
            w.tasks.send(None)
    w.process.join(timeout=STOP_WAIT)
    if w.process.is_alive():
        w.process.kill()
        w.process.join(timeout=STOP_WAIT)
    for end in (w.tasks, w.results):
        end.close()
