"""The default store: one SQLite file (WAL mode), FTS5 full-text search over titles and bodies.

Plain tables (plus the FTS5 index), foreign keys declared: datasette and sqlite-utils read the file as is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from entente.errors import StoreError
from entente.models import Analysis, Article
from entente.store.base import SQLStore
from entente.store.migrate import migrate_sqlite
from entente.store.rows import ARTICLE_COLUMNS, article_row

_INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)})"
                   f" VALUES ({', '.join('?' for _ in ARTICLE_COLUMNS)})")


def _dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


class SQLiteStore(SQLStore):
    STORED_ORDER = "rowid"
    def __init__(self, location: str, upto: int | None = None):
        if location != ":memory:":
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(location, isolation_level=None)  # transactions are explicit
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages (default 2 MB): the child tables'
            # keys are article hashes, so every batch touches pages all over their b-trees
            self.db.execute("PRAGMA foreign_keys = ON")
            self.version = migrate_sqlite(self.db, self._migration_steps(), upto)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{location}: not an entente database ({e})") from e
        self.location = location

    def _has_column(self, table: str, column: str) -> bool:
        return any(r["name"] == column for r in self._rows(f"PRAGMA table_info({table})"))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        cursor.row_factory = _dict_row
        return cursor.fetchall()

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.db.executemany(sql, rows)

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows one at a time, for results too large to hold (exports)."""
        cursor = self.db.execute(sql, params)
        cursor.row_factory = _dict_row
        yield from cursor

    def _json_has(self, column: str) -> str:
        return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = ?)"

    def add(self, items: Sequence[tuple[Article, Analysis]]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (new, already stored)."""
        if not items:
            return 0, 0
        self.db.execute("BEGIN IMMEDIATE")
        try:
            ids = list({a.id for _, a in items})
            marks = ", ".join("?" for _ in ids)
            stored = {r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids)}
            fresh: dict[str, tuple[Article, Analysis]] = {}
            for article, analysis in items:
                if analysis.id not in stored and analysis.id not in fresh:
                    fresh[analysis.id] = (article, analysis)
            self.db.executemany(_INSERT_ARTICLE, [article_row(*item) for item in fresh.values()])
            self._write_new([analysis for _, analysis in fresh.values()])
            self.db.execute("COMMIT")
        except BaseException as e:
            self.db.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"{self.location}: {e}") from e
            raise
        return len(fresh), len(items) - len(fresh)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        if not query.strip():
            return []
        sql = ("SELECT a.id, a.title, a.published, a.lang, a.source, a.file,"
               " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            return self._rows(sql, (query, limit))
        except sqlite3.OperationalError:
            # Not FTS5 syntax: search the words as plain terms.
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            try:
                return self._rows(sql, (quoted, limit))
            except sqlite3.OperationalError as e:
                raise StoreError(f"bad search query {query!r}: {e}") from e

    def close(self) -> None:
        self.db.close()
