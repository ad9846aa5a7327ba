"""Storage behind one small protocol; SQLite is the default, PostgreSQL can follow.

    store = open_store("entente.db")
    new, existing = store.add(analyses, articles)   # one transaction
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from entente.models import Analysis, Article


class Store(Protocol):
    def has(self, article_id: str) -> bool: ...
    def add(self, items: Sequence[tuple[Article, Analysis]]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (new, already stored)."""
        ...
    def get(self, article_id: str) -> dict[str, Any] | None: ...
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]: ...
    def stats(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


def open_store(location: str) -> Store:
    """A store for a file path (SQLite; ':memory:' for a throwaway one)."""
    from entente.store.sqlite import SQLiteStore

    return SQLiteStore(location)
