"""Versioned schema migrations: numbered SQL files applied in order, each in its own transaction.

The version reached is kept in `schema_migrations` (and in SQLite's user_version); a database from a
newer entente is refused rather than misread.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

from entente.errors import StoreError

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    folder = resources.files("entente.store").joinpath(f"migrations/{dialect}")
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    return sorted(found)


def migrate_sqlite(db: sqlite3.Connection) -> int:
    """Bring `db` to the newest schema; returns the version."""
    known = migrations("sqlite")
    newest = known[-1][0] if known else 0
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
               " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
    current = db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
    if current > newest:
        raise StoreError(f"database schema version {current} is newer than this entente knows ({newest})")
    for version, name, sql in known:
        if version <= current:
            continue
        try:
            db.execute("BEGIN")
            for statement in _statements(sql):
                db.execute(statement)
            db.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name))
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except sqlite3.Error as e:
            db.execute("ROLLBACK")
            raise StoreError(f"migration {version:04d}_{name} failed: {e}") from e
    return newest


def _statements(sql: str) -> list[str]:
    """Split a migration into statements; sqlite3.complete_statement keeps triggers whole."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
