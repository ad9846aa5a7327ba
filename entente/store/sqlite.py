"""The default store: one SQLite file (WAL mode), FTS5 full-text search over titles and bodies."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from entente.errors import StoreError
from entente.models import Analysis, Article
from entente.store.migrate import migrate_sqlite

_COLUMNS = ("id", "content_hash", "file", "line", "url", "lang", "title", "published", "source", "text",
            "analysis")


class SQLiteStore:
    def __init__(self, location: str):
        if location != ":memory:":
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(location, isolation_level=None)  # transactions are explicit
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.version = migrate_sqlite(self.db)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{location}: not an entente database ({e})") from e
        self.location = location

    def has(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add(self, items: Sequence[tuple[Article, Analysis]]) -> tuple[int, int]:
        if not items:
            return 0, 0
        rows = [
            (a.id, art.content_hash, a.file, art.line, a.url, a.lang, a.title, a.published, a.source, a.text,
             json.dumps(a.to_dict(), ensure_ascii=False))
            for art, a in items
        ]
        placeholders = ", ".join("?" for _ in _COLUMNS)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            ids = list({r[0] for r in rows})
            marks = ", ".join("?" for _ in ids)
            stored = {r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", ids)}
            self.db.executemany(
                f"INSERT OR IGNORE INTO articles ({', '.join(_COLUMNS)}) VALUES ({placeholders})", rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        new = len(set(ids) - stored)
        return new, len(rows) - new

    def get(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT analysis FROM articles WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 2",
                              (article_id, article_id + "%")).fetchall()
        if len(row) != 1:
            return None
        return json.loads(row[0]["analysis"])

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        sql = ("SELECT a.id, a.title, a.published, a.lang, a.source, a.file,"
               " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
               " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        try:
            rows = self.db.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not FTS5 syntax: search the words as plain terms.
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            try:
                rows = self.db.execute(sql, (quoted, limit)).fetchall()
            except sqlite3.OperationalError as e:
                raise StoreError(f"bad search query {query!r}: {e}") from e
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = self.db.execute("SELECT count(*), min(published), max(published), count(published),"
                              " count(source) FROM articles").fetchone()

        def by(column: str) -> dict[str, int]:
            rows = self.db.execute(f"SELECT coalesce({column}, '?') AS k, count(*) FROM articles"
                                   f" GROUP BY k ORDER BY count(*) DESC, k LIMIT 20")
            return {r[0]: r[1] for r in rows}

        return {
            "database": self.location,
            "schema_version": self.version,
            "articles": one[0],
            "with_date": one[3],
            "with_source": one[4],
            "published_from": one[1],
            "published_to": one[2],
            "languages": by("lang"),
            "sources": by("source"),
        }

    def close(self) -> None:
        self.db.close()
