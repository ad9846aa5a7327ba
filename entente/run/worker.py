"""The body of one worker process of entente.run.pool: load the pipeline once, then analyze the articles
it is sent, one result message per article, until told to stop or until its parent is gone.

    parent -> worker (tasks):    (encode, [(seq, Article), ...]) chunks; None to stop
    worker -> parent (results):  ("ready", pid) | ("failed", exception) | ("done", seq, result)

A result is the Analysis, or `encode(analysis)` when the chunk came with an `encode` (entente.run.Executor),
or the article's InputError.

The analysis runs on the process's main thread, so the pipeline's per-article time budget (SIGALRM)
holds; a reader thread takes chunks off the pipe meanwhile, so the parent never blocks sending.
"""

from __future__ import annotations

import os
import pickle
import queue
import signal
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from entente.errors import EntenteError, InputError
from entente.pipeline import Pipeline
from entente.settings import Settings

ORPHAN_CHECK = 1.0  # seconds between checks that the parent is still there


def main(tasks: Connection, results: Connection, settings: Settings, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    try:
        pipeline = Pipeline(settings)
    except BaseException as e:
        results.send(("failed", portable(e)))
        return
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read, args=(tasks, inbox), daemon=True).start()
    results.send(("ready", os.getpid()))
    try:
        while (message := inbox.get()) is not None:
            encode, chunk = message
            for seq, article in chunk:
                result: Any
                try:
                    result = pipeline(article)
                except InputError as e:
                    result = e
                else:
                    if encode is not None:
                        result = encode(result)
                results.send(("done", seq, result))
    except (BrokenPipeError, EOFError, OSError):  # the parent has gone: nobody wants the results
        pass


def _read(tasks: Connection, inbox: queue.SimpleQueue) -> None:
    try:
        while (chunk := tasks.recv()) is not None:
            inbox.put(chunk)
    except (EOFError, OSError):
        pass
    inbox.put(None)


def _exit_when_orphaned(parent: int) -> None:
    """A parent killed with SIGKILL cannot stop its workers: they notice and leave within a second."""
    while True:
        time.sleep(ORPHAN_CHECK)
        if os.getppid() != parent:
            os._exit(0)


def portable(error: BaseException) -> BaseException:
    """The error itself when it survives pickling, else an EntenteError that says what it was."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return EntenteError(f"{type(error).__name__}: {error}")
