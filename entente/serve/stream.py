"""Streaming exports: every stored event as PLOVER JSON Lines or a GDELT-style CSV (entente.store.export), sent
as it is written. The export runs in a thread of its own with its own store connection (a cursor cannot move
between the threads of the server's pool) and hands chunks over a bounded queue; a client that goes away stops it.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

import anyio

from entente.store import Store

CHUNK = 64 * 1024  # characters per chunk sent
MEDIA = {"plover-jsonl": "application/x-ndjson", "gdelt-csv": "text/csv; charset=utf-8"}


class _Stopped(Exception):
    pass


class _Writer:
    """The text stream export() writes to: chunks of about CHUNK characters onto the queue."""

    def __init__(self, out: queue.Queue, stop: threading.Event):
        self.out, self.stop = out, stop
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self.put("".join(self.parts).encode("utf-8"))
            self.parts, self.size = [], 0

    def put(self, item: Any) -> None:
        while True:
            if self.stop.is_set():
                raise _Stopped
            try:
                self.out.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def export_chunks(open_store: Callable[[], Store], fmt: str) -> AsyncIterator[bytes]:
    """The export in `fmt` as chunks of UTF-8, produced by a thread of its own."""
    from entente.store.export import export

    chunks: queue.Queue = queue.Queue(maxsize=16)
    stop = threading.Event()
    writer = _Writer(chunks, stop)

    def run() -> None:
        try:
            store = open_store()
            try:
                export(store, fmt, writer)  # type: ignore[arg-type]  # a text stream: write() is all it needs
                writer.flush()
            finally:
                store.close()
        except _Stopped:
            return
        except Exception:
            logging.getLogger("entente.serve").exception("export %s failed", fmt)
        with contextlib.suppress(_Stopped):
            writer.put(None)

    threading.Thread(target=run, name=f"export-{fmt}", daemon=True).start()

    async def chunks_out() -> AsyncIterator[bytes]:
        try:
            while True:
                item = await anyio.to_thread.run_sync(chunks.get)
                if item is None:
                    return
                yield item
        finally:
            stop.set()

    return chunks_out()
