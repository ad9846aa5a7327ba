"""Versioned schema migrations: numbered SQL files applied in order, each in its own transaction.

One folder per dialect (migrations/sqlite, migrations/postgres), numbered alike: version N is the same
schema in both. The version reached is kept in `schema_migrations` (and in SQLite's user_version); a
database from a newer entente is refused rather than misread. A store may pass `after`, Python steps run
inside a migration's transaction once its SQL is applied (filling new tables from stored JSON).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from entente.errors import StoreError

After = Mapping[int, Callable[[], None]]
_LOCK = 0x656E74656E7465  # "entente": one migrating connection at a time per PostgreSQL database

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    folder = resources.files("entente.store").joinpath(f"migrations/{dialect}")
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    return sorted(found)


def check_entente(db: sqlite3.Connection, location: str, required: bool = False) -> int:
    """The schema version of an entente store (0: an empty file, unless `required`); StoreError for a file
    of another application (its tables are never touched), a store of a newer entente, and, when `required`
    (read-only use), a store not migrated to this entente's schema yet."""
    newest = {v: n for v, n, _ in migrations("sqlite")}
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%'")}
    if "schema_migrations" not in tables:
        if tables:
            listed = ", ".join(sorted(tables)[:5])
            raise StoreError(f"{location}: not an entente store (it holds other tables: {listed}); "
                             f"entente adds nothing to it")
        if required:
            raise StoreError(f"{location}: not an entente store (no entente tables; "
                             f"`entente ingest --db {location} FILES` makes one)")
        return 0
    rows = db.execute("SELECT version, name FROM schema_migrations").fetchall()
    if any(not isinstance(v, int) or not isinstance(n, str) or (v in newest and newest[v] != n) for v, n in rows):
        raise StoreError(f"{location}: not an entente store (its schema_migrations table is another application's)")
    current = max((v for v, _ in rows), default=0)
    top = max(newest)
    if current > top:
        raise StoreError(f"database schema version {current} is newer than this entente knows ({top})")
    if required and current < top:
        raise StoreError(f"{location}: schema version {current}, this entente reads {top}: upgrade it once "
                         f"with `entente migrate --db {location}`")
    return current


def describe(error: sqlite3.Error, waited: float) -> str:
    """One line for an SQLite error opening or writing a store."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"the database is locked by another process (waited {waited:g} s); try again when it is done"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"the database is damaged or not an SQLite file ({text})"
    return text


def migrate_sqlite(db: sqlite3.Connection, after: After | None = None, upto: int | None = None) -> int:
    """Bring `db` to the newest schema (or to `upto`, for tests); returns the version.

    Each migration runs in a BEGIN IMMEDIATE transaction that first re-reads the version: of several
    processes opening a new or old store at once, one applies each step and the others wait, then skip it."""
    known = [m for m in migrations("sqlite") if upto is None or m[0] <= upto]
    newest = known[-1][0] if known else 0
    try:
        current = db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
    except sqlite3.OperationalError:  # a new file
        current = 0
    if upto is None and current > newest:
        raise StoreError(f"database schema version {current} is newer than this entente knows ({newest})")
    pending = [m for m in known if m[0] > current]
    if not pending:
        return newest
    for version, name, sql in [(0, "", ""), *pending]:
        try:
            db.execute("BEGIN IMMEDIATE")  # the write lock: other processes wait here (the connect timeout)
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT"
                       " NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))")
            current = db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
            if upto is None and current > newest:
                raise StoreError(f"database schema version {current} is newer than this entente knows ({newest})")
            if version == 0 or version <= current:
                db.execute("COMMIT")
                continue
            for statement in _statements(sql):
                db.execute(statement)
            if after and version in after:
                after[version]()
            db.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (version, name))
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except sqlite3.Error as e:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if "locked" in str(e) or "busy" in str(e):
                raise
            raise StoreError(f"migration {version:04d}_{name} failed: {e}") from e
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    return newest


def migrate_postgres(db: Any, after: After | None = None, upto: int | None = None) -> int:
    """The same for a psycopg connection in autocommit mode; an advisory lock keeps two processes from
    migrating one database at once."""
    import psycopg

    known = [m for m in migrations("postgres") if upto is None or m[0] <= upto]
    newest = known[-1][0] if known else 0
    try:
        db.execute("SELECT pg_advisory_lock(%s)", (_LOCK,))
        try:
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY,"
                       " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
            current = db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
            current = current[0] if isinstance(current, tuple) else next(iter(current.values()))
            if current > newest:
                raise StoreError(f"database schema version {current} is newer than this entente knows ({newest})")
            for version, name, sql in known:
                if version <= current:
                    continue
                try:
                    with db.transaction():
                        db.execute(sql)
                        if after and version in after:
                            after[version]()
                        db.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name))
                except psycopg.Error as e:
                    raise StoreError(f"migration {version:04d}_{name} failed: {e}") from e
        finally:
            db.execute("SELECT pg_advisory_unlock(%s)", (_LOCK,))
    except psycopg.Error as e:
        raise StoreError(f"cannot migrate the database: {e}") from e
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
