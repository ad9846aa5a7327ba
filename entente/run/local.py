"""The pipeline in this process: `--workers 1`, and small inputs (entente.run.auto_workers)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Self

from entente.errors import InputError
from entente.models import Article
from entente.pipeline import Pipeline
from entente.run import Encode, Result
from entente.settings import Settings


class InProcess:
    """Analysis in a plain loop. The models are loaded at the first article (never, when every input
    was already stored); the per-article time budget holds on the main thread (entente.pipeline)."""

    workers = 1

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None):
        self.settings = settings
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def map_ordered(self, items: Iterable[Article | InputError], encode: Encode | None = None) -> Iterator[Any]:
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            pipeline = self.pipeline  # loading it may fail: that is no error of this article
            try:
                result = pipeline(item)
            except InputError as e:
                yield e
                continue
            yield result if encode is None else encode(result)

    def drain(self) -> Iterator[Result]:
        return iter(())

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
