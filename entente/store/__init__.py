"""Storage behind one small protocol: SQLite (the default, a file) or PostgreSQL (a URL, the `pg` extra).

    store = open_store("entente.db")                          # or "postgresql://user@host:5432/db"
    new, existing = store.add([(article, analysis), ...])   # one transaction; known content is skipped
    store.search("Лавров*"); store.find_actors("Путін"); store.actor("RUS"); store.quotes(speaker="RUS")
    store.events(actor="CHN", recipient="RUS", clusters=True)  # real-world events with all their reports

Both hold the same tables (migrations/sqlite and migrations/postgres, numbered alike): articles, removed,
paragraphs, actors, actor_names, article_actors, mentions, quotes, events, event_actors; near-duplicate
articles point to their original (near_dups.py), event reports belong to event clusters (clusters.py);
event_dyads pairs the countries of each report for dyad series (dyad.py); export.py writes PLOVER JSONL,
a GDELT-style CSV and Parquet.

The query layer every interface asks (the command line, the REST API, the pages): query.py (event filters with
one meaning each, event reports and clusters with keyset pages, the actor network), query_articles.py (search
with facets, one article), resolve.py (which actor a name stands for, never a fuzzy pick), dyad.py (series).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol, Self

from entente.errors import StoreError
from entente.models import Analysis, Article


class Store(Protocol):
    location: str
    version: int

    def has(self, article_id: str) -> bool: ...
    def add(self, items: Sequence[tuple[Article, Analysis]]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (new, already stored)."""
        ...
    def get(self, article_id: str) -> dict[str, Any] | None: ...
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]: ...
    def stats(self) -> dict[str, Any]: ...
    def find_actors(self, name: str, limit: int = 10) -> list[dict[str, Any]]: ...
    def actors(self, type: str | None = None, country: str | None = None,
               limit: int = 50) -> list[dict[str, Any]]: ...
    def actor(self, actor_id: str, top: int = 10) -> dict[str, Any] | None: ...
    def quotes(self, speaker: str | Sequence[str] | None = None, partial: bool | None = None,
               limit: int = 50) -> list[dict[str, Any]]: ...
    def events(self, actor: str | Sequence[str] | None = None, recipient: str | Sequence[str] | None = None,
               type: str | None = None, mode: str | None = None, context: str | None = None,
               date_from: str | None = None, date_to: str | None = None, negated: bool | None = None,
               lang: str | None = None, source: str | None = None, limit: int = 100,
               clusters: bool = False) -> list[dict[str, Any]]: ...
    def event(self, event_id: str) -> list[dict[str, Any]]: ...
    def cluster(self, cluster_id: str) -> dict[str, Any] | None: ...
    def names(self, ids: Sequence[str]) -> dict[str, str]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...


MODES = ("write", "read")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(location: str, mode: str = "write") -> Store:
    """A store for a `postgresql://` URL, else for a SQLite file path (':memory:' for a throwaway one).

    mode "write" creates and migrates the store when needed (one process at a time: the others wait and
    find it done); "read" opens an existing entente store read-only and never creates, migrates or writes.
    A location that is empty, has another URL scheme, or is not an entente store raises StoreError.
    """
    from entente.store.postgres import PostgresStore, is_url

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    check_location(location)
    if is_url(location):
        return PostgresStore(location, mode=mode)
    from entente.store.sqlite import SQLiteStore

    return SQLiteStore(location, mode=mode)


def check_location(location: str) -> None:
    """Refuse what cannot name a store: nothing, or a URL of a scheme other than postgresql://."""
    if not location.strip():
        raise StoreError("--db is empty: give a SQLite file path or a postgresql:// URL")
    m = _SCHEME.match(location)
    if m and m.group(1).lower() not in ("postgresql", "postgres"):
        raise StoreError(f"{m.group(0)}: unsupported database URL scheme; give a SQLite file path or a "
                         f"postgresql://user@host:5432/db URL")
