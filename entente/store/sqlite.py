"""The default store: one SQLite file (WAL mode), FTS5 full-text search over titles and bodies.

Plain tables (plus the FTS5 index), foreign keys declared: datasette and sqlite-utils read the file as is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from entente.errors import QueryError, StoreError
from entente.models import Analysis, Article
from entente.store.base import SQLStore
from entente.store.migrate import check_entente, describe, migrate_sqlite
from entente.store.rows import ARTICLE_COLUMNS, article_row
from entente.store.tsquery import EXAMPLE, check, to_fts5

_INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)})"
                   f" VALUES ({', '.join('?' for _ in ARTICLE_COLUMNS)})")


def _dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


class SQLiteStore(SQLStore):
    STORED_ORDER = "rowid"
    WRITE_WAIT = 60.0  # seconds a writer waits for another process's write lock before giving up, reported

    def __init__(self, location: str, upto: int | None = None, mode: str = "write"):
        self.location = location
        if mode == "read":
            self.db = self._open_read(location)
            return
        if location != ":memory:":
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(location, isolation_level=None, timeout=self.WRITE_WAIT)  # explicit transactions
        except sqlite3.Error as e:
            raise StoreError(f"{location}: cannot open ({e})") from e
        try:
            check_entente(self.db, location)
            if location != ":memory:" and self.db.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                raise StoreError(f"{location}: the database is damaged (PRAGMA quick_check failed); "
                                 f"restore it from a copy or start a new one")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages (default 2 MB): the child tables'
            # keys are article hashes, so every batch touches pages all over their b-trees
            self.db.execute("PRAGMA foreign_keys = ON")
            self.version = migrate_sqlite(self.db, self._migration_steps(), upto)
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise StoreError(f"{location}: {describe(e, self.WRITE_WAIT)}") from e
        except BaseException:
            self.db.close()
            raise

    def _open_read(self, location: str) -> sqlite3.Connection:
        """An existing entente store, read-only: nothing is created, migrated or written."""
        if location == ":memory:":
            raise StoreError(":memory: holds no stored articles: give the store's file")
        path = Path(location)
        if not path.exists():
            raise StoreError(f"{location}: no such store (create one with `entente ingest --db {location} FILES`)")
        if not path.is_file():
            raise StoreError(f"{location}: not a file, so not an entente store")
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=5)
        except sqlite3.Error as e:
            raise StoreError(f"{location}: cannot open ({e})") from e
        try:
            db.execute("PRAGMA query_only = ON")
            db.execute("PRAGMA foreign_keys = ON")
            self.version = check_entente(db, location, required=True)
        except sqlite3.DatabaseError as e:
            db.close()
            raise StoreError(f"{location}: {describe(e, 5)}") from e
        except BaseException:
            db.close()
            raise
        return db

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
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(f"{self.location}: {describe(e, self.WRITE_WAIT)}") from e
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
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"{self.location}: {describe(e, self.WRITE_WAIT)}") from e
            raise
        return len(fresh), len(items) - len(fresh)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching an FTS5-style query (entente.store.tsquery), best first; QueryError when the
        query does not parse."""
        check(query)
        if not query.strip():
            return []
        sql = ("SELECT a.id, a.title, a.published, a.lang, a.source, a.file,"
               " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            return self._rows(sql, (to_fts5(query), limit))
        except sqlite3.OperationalError as e:
            raise QueryError(f"search query {query[:80]!r}: {e}; {EXAMPLE}") from e

    def close(self) -> None:
        self.db.close()
