"""The store-writing loop of `entente ingest` (and of anything else that stores what it reads):
inputs -> the executor -> the store, in batches of one transaction each, by the one process that
iterates. Articles already stored are skipped before analysis, so a run killed at any moment and
started again stores each article once: a batch is either committed whole or not at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

from entente.errors import InputError
from entente.models import Analysis, Article
from entente.run import Executor, Result
from entente.store import Store


@dataclass
class Counts:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    failed: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def _ignore(_: InputError) -> None:
    pass


def ingest_items(store: Store, items: Iterable[Article | InputError], executor: Executor, *, batch: int = 200,
                 errors: str = "skip", report: Callable[[InputError], None] = _ignore,
                 advance: Callable[[], None] | None = None, counts: Counts | None = None) -> Counts:
    """Analyze the inputs not stored yet and store them, `batch` per transaction; returns the counts.

    `errors="raise"` stops at the first bad input (raising its InputError) after storing what came before
    it; otherwise each is passed to `report` and counted. `advance` is called once per input settled
    (stored, skipped or failed), for a progress bar. An interruption (Ctrl-C) stores what was analyzed
    before it and re-raises. `counts` (updated in place) lets a caller see the figures even then.
    """
    counts = counts if counts is not None else Counts()
    step = advance or (lambda: None)
    sent: deque[Article | InputError] = deque()  # inputs given to the executor, matched to its results
    buffer: list[tuple[Article, Analysis]] = []

    def fresh() -> Iterator[Article | InputError]:
        for item in items:
            if isinstance(item, InputError):
                if errors == "raise":
                    raise item
            else:
                counts.read += 1
                if store.has(item.id):
                    counts.already_stored += 1
                    step()
                    continue
            sent.append(item)
            yield item

    def flush() -> None:
        taken = list(buffer)
        buffer.clear()  # a batch the store refuses is not tried twice
        new, existing = store.add(taken)
        counts.new += new
        counts.already_stored += existing

    def settle(result: Result) -> None:
        article = sent.popleft()
        if isinstance(result, InputError):
            if errors == "raise":
                raise result
            counts.failed += 1
            report(result)
        elif isinstance(article, Article):
            buffer.append((article, result))
            if len(buffer) >= batch:
                flush()
        step()

    try:
        for result in executor.map_ordered(fresh()):
            settle(result)
    except (KeyboardInterrupt, InputError):
        try:
            for result in executor.drain():  # analyzed before the stop: kept too
                settle(result)
        except InputError:
            pass
        flush()
        raise
    finally:
        flush()
    return counts
