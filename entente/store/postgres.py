"""The PostgreSQL store (psycopg 3, the `pg` extra): the same record and queries as SQLite.

    store = open_store("postgresql://postgres@127.0.0.1:5432/entente")

Full-text search uses a generated tsvector ('simple' configuration, GIN index) and takes the same query
syntax as the SQLite store (see entente.store.tsquery). Differences: words are split by PostgreSQL's
parser (hyphenated words are also indexed whole, `2023-03-21` is one date-like token run), Latin
diacritics are not folded (FTS5 folds `café` to `cafe`), and ranking is ts_rank rather than bm25.
Tables go to the first schema of the connection's search_path (`?options=-csearch_path%3Dmine`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from entente.errors import QueryError, StoreError
from entente.models import Analysis, Article
from entente.store.base import SQLStore
from entente.store.migrate import migrate_postgres
from entente.store.rows import ARTICLE_COLUMNS, article_row
from entente.store.tsquery import EXAMPLE, check, to_tsquery

try:
    import psycopg
    from psycopg.rows import dict_row
except ImportError:  # the optional `pg` extra
    psycopg = None  # type: ignore[assignment]

_COLUMNS = ", ".join(ARTICLE_COLUMNS)
# New articles arrive by COPY into a session table, then move over in one INSERT that says which were new.
_INCOMING = ("CREATE TEMPORARY TABLE IF NOT EXISTS incoming_articles (id text, content_hash text, file text,"
             " line integer, url text, lang text, title text, published text, source text, text text)"
             " ON COMMIT DELETE ROWS")
STAGE_FROM = 50  # rows from which an upsert goes through COPY and a temporary table
WRITE_LOCK_CLASS = 0x656E74  # "ent": the advisory-lock class of store writers; the object is the schema
_WRITE_LOCK = f"SELECT pg_advisory_xact_lock({WRITE_LOCK_CLASS}, hashtext(current_schema()))"
_INSERT_ARTICLES = (f"INSERT INTO articles ({_COLUMNS}) SELECT {_COLUMNS} FROM incoming_articles"
                    f" ON CONFLICT DO NOTHING RETURNING id")
_SEARCH = ("SELECT a.id, a.title, a.published, a.lang, a.source, a.file, ts_headline('simple', a.text, a.q,"
           " 'StartSel=[, StopSel=], MaxWords=14, MinWords=6, MaxFragments=1, FragmentDelimiter=…') AS snippet"
           " FROM (SELECT id, title, published, lang, source, file, text, q, ts_rank(fts, q) AS rank"
           "       FROM articles, to_tsquery('simple', %s) AS q WHERE fts @@ q ORDER BY rank DESC, id LIMIT %s) a"
           " ORDER BY a.rank DESC, a.id")

STREAM_BATCH = 2000  # rows per round trip of a streamed query


def _scrub(value: Any) -> Any:
    """NUL characters as U+FFFD (one character for one: every offset stays), through dataclasses and tuples."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, tuple):
        return tuple(_scrub(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _scrub(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


def is_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without its password, for messages and stats."""
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", url)


@lru_cache(maxsize=256)
def _pg(sql: str) -> str:
    """Shared SQL (`?` placeholders) in psycopg's style."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SQLStore):
    def __init__(self, url: str, upto: int | None = None, mode: str = "write"):
        self.location = redact(url)
        if psycopg is None:
            raise StoreError("PostgreSQL storage needs psycopg: pip install 'entente[pg]'")
        try:
            self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row,  # transactions are explicit
                                      connect_timeout=10)
        except psycopg.Error as e:
            raise StoreError(f"{self.location}: cannot connect ({' '.join(str(e).split())})") from e
        try:
            current = self._check_entente(required=mode == "read")
            if mode == "read":
                self.db.execute("SET default_transaction_read_only = on")
                self.version = current
            else:
                self.version = migrate_postgres(self.db, self._migration_steps(), upto)
        except psycopg.Error as e:
            self.db.close()
            raise StoreError(f"{self.location}: {' '.join(str(e).split())}") from e
        except BaseException:
            self.db.close()
            raise

    def _check_entente(self, required: bool) -> int:
        """The schema version of the entente tables in the connection's schema (0: none, an empty schema);
        StoreError for another application's tables, and when `required` (read-only use) for a schema not
        migrated to this entente's version."""
        from entente.store.migrate import migrations

        schema = (self.db.execute("SELECT current_schema() AS s").fetchone() or {}).get("s")
        tables = {r["table_name"]: r for r in self.db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}
        where = f"{self.location} (schema {schema})"
        if "schema_migrations" not in tables:
            if tables:
                raise StoreError(f"{where}: not an entente store (it holds other tables: "
                                 f"{', '.join(sorted(tables)[:5])}); give entente a schema of its own "
                                 f"(?options=-csearch_path%3Dentente)")
            if required:
                raise StoreError(f"{where}: no entente store there (`entente ingest --db URL FILES` makes one)")
            return 0
        kind = self.db.execute("SELECT data_type FROM information_schema.columns WHERE table_schema ="
                               " current_schema() AND table_name = 'schema_migrations' AND column_name = 'version'"
                               ).fetchone()
        if kind is None or kind["data_type"] != "integer":
            raise StoreError(f"{where}: not an entente store (its schema_migrations table is another application's)")
        known = {v: n for v, n, _ in migrations("postgres")}
        rows = self.db.execute("SELECT version, name FROM schema_migrations").fetchall()
        if any(r["version"] in known and known[r["version"]] != r["name"] for r in rows):
            raise StoreError(f"{where}: not an entente store (its schema_migrations table is another application's)")
        current = max((r["version"] for r in rows), default=0)
        if required and current < max(known):
            raise StoreError(f"{where}: schema version {current}, this entente reads {max(known)}: upgrade it once "
                             f"with `entente migrate --db URL`")
        if current > max(known):
            raise StoreError(f"database schema version {current} is newer than this entente knows ({max(known)})")
        return current

    def _has_column(self, table: str, column: str) -> bool:
        return bool(self._rows("SELECT 1 AS x FROM information_schema.columns WHERE table_schema = current_schema()"
                               " AND table_name = ? AND column_name = ?", (table, column)))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self.db.execute(_pg(sql), params).fetchall()

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.db.cursor() as cursor:
            cursor.executemany(_pg(sql), rows)

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows one at a time from a server-side cursor, for results too large to hold (exports)."""
        with self.db.transaction(), self.db.cursor(name="entente_stream") as cursor:
            cursor.itersize = STREAM_BATCH
            cursor.execute(_pg(sql), params)
            yield from cursor

    def _json_has(self, column: str) -> str:
        return f"{column} @> jsonb_build_array(?::text)"

    def add(self, items: Sequence[tuple[Article, Analysis]]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (new, already stored). Safe with concurrent writers: an
        article is new to the writer whose INSERT created it."""
        if not items:
            return 0, 0
        fresh: dict[str, tuple[Article, Analysis]] = {}
        for article, a in items:
            fresh.setdefault(a.id, (article, a))
        try:
            try:
                new = self._add(list(fresh.values()))
            except psycopg.DataError as e:  # PostgreSQL text cannot hold NUL characters
                if "NUL" not in str(e):
                    raise
                new = self._add([(article, _scrub(a)) for article, a in fresh.values()])
        except psycopg.Error as e:
            raise StoreError(f"{self.location}: {' '.join(str(e).split())}") from e
        return len(new), len(items) - len(new)

    def _add(self, items: list[tuple[Article, Analysis]]) -> set[str]:
        """Insert the articles not stored yet and their rows, in one transaction; returns the new ids.

        Writers to one schema take turns (a transaction-level advisory lock, taken first so that no writer
        waits for another's rows while holding it): the near-duplicate check and the event clusters of a
        batch must see every batch committed before it, as SQLite's single writer does."""
        with self.db.transaction():
            self.db.execute(_WRITE_LOCK)
            self.db.execute(_INCOMING)
            self._insert("incoming_articles", ARTICLE_COLUMNS, [article_row(*item) for item in items])
            new = {r["id"] for r in self.db.execute(_INSERT_ARTICLES).fetchall()}
            self._write_new([a for _, a in items if a.id in new])
        return new

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """COPY: many times faster than row-by-row INSERTs."""
        names = ", ".join(f'"{c}"' for c in columns)
        with self.db.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _upsert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], conflict: str) -> None:
        """Many rows: COPY into a temporary table of the same columns, then one INSERT ... SELECT with the
        conflict clause (row-by-row statements took most of a batch's client time)."""
        if len(rows) < STAGE_FROM:
            super()._upsert(table, columns, rows, conflict)
            return
        names = ", ".join(f'"{c}"' for c in columns)
        stage = f"staged_{table}_{len(columns)}"
        self.db.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS"
                        f" AS SELECT {names} FROM {table} WITH NO DATA")
        self._insert(stage, columns, rows)
        # in the order given, as the row-by-row statements went (writers lock rows in one order)
        self.db.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage} ORDER BY ctid {conflict}")
        self.db.execute(f"TRUNCATE {stage}")  # a second batch in the same transaction (a migration's backfill)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        check(query)
        tsquery = to_tsquery(query)
        if not tsquery:
            return []
        try:
            return self.db.execute(_SEARCH, (tsquery, limit)).fetchall()
        except psycopg.errors.SyntaxError as e:
            raise QueryError(f"search query {query[:80]!r}: {' '.join(str(e).split())}; {EXAMPLE}") from e

    def close(self) -> None:
        self.db.close()
