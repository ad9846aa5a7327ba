"""What SQLite and PostgreSQL stores share: the child-row writes, `has`/`get`/`stats`, and the record queries.

A backend supplies four things: `_rows(sql, params)` (a list of dicts), `_executemany(sql, rows)`,
`_json_has(column)` (a condition that a JSON array column holds the value of one `?`) and `_json(value)`
(a JSON column as read, to Python). SQL here uses `?` placeholders and neither `?` nor `%` literally, so
the PostgreSQL store can turn it into psycopg's `%s` style by substitution.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Self

from entente.store.record import RecordQueries
from entente.store.rows import TABLES, Rows, build, from_dict, to_dict

_UPSERT_ACTOR = ("INSERT INTO actors (id, name, type, country, sector) VALUES (?, ?, ?, ?, ?)"
                 " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                 " country = excluded.country, sector = excluded.sector")
_UPSERT_NAME = ("INSERT INTO actor_names (actor_id, key, text, mentions) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (actor_id, key) DO UPDATE SET mentions = actor_names.mentions + excluded.mentions")
BACKFILL_BATCH = 500


def column(name: str) -> str:
    return f'"{name}"' if name in ("start", "end") else name


def insert(table: str, columns: Sequence[str]) -> str:
    """INSERT of one row, ignoring a row already there (same primary key)."""
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(column(c) for c in columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"


class SQLStore(RecordQueries):
    location: str
    version: int

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # --- writes -----------------------------------------------------------------------------------------

    def _write_children(self, rows: Rows, schema: dict[str, tuple[str, ...]] | None = None) -> None:
        """Actors (upserted: the newest knowledge base wins), the names they were seen under, and every
        child table; inside the caller's transaction. `schema` (table -> columns that exist) lets a
        migration write before later migrations have added their columns."""
        if rows.actors:
            self._executemany(_UPSERT_ACTOR, sorted(rows.actors.values()))
        if rows.names:
            self._executemany(_UPSERT_NAME, [(a, k, t, n) for (a, k), (t, n) in sorted(rows.names.items())])
        for table, columns in TABLES.items():
            if not rows.tables[table]:
                continue
            if schema is None or schema[table] == columns:
                self._insert(table, columns, rows.tables[table])
            else:
                keep = [n for n, c in enumerate(columns) if c in schema[table]]
                self._insert(table, [columns[n] for n in keep], [[r[n] for n in keep] for r in rows.tables[table]])

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Child rows of articles new in this transaction (so none is there yet)."""
        self._executemany(insert(table, columns), rows)

    def _has_column(self, table: str, column: str) -> bool:
        """Whether `table` has `column` now (a migration may run before later ones add theirs)."""
        raise NotImplementedError

    def _backfill(self) -> None:
        """Fill the record tables from the `analysis` JSON of articles stored before they existed (schema 1)."""
        schema = {table: tuple(c for c in columns if self._has_column(table, c)) for table, columns in TABLES.items()}
        last = ""
        while True:
            batch = self._rows("SELECT id, analysis FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                               (last, BACKFILL_BATCH))
            if not batch:
                return
            self._write_children(build(from_dict(self._json(r["analysis"])) for r in batch), schema)
            last = batch[-1]["id"]

    # --- reads ------------------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self._one("SELECT 1 AS found FROM articles WHERE id = ?", (article_id,)) is not None

    def get(self, article_id: str) -> dict[str, Any] | None:
        """One article by id or unique id prefix, as `Analysis.to_dict()` gave it (actors as the store knows
        them now)."""
        rows = self._rows("SELECT id, file, url, lang, title, published, source, text FROM articles"
                          " WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 2",
                          (article_id, _like_prefix(article_id)))
        if len(rows) != 1:
            return None
        key = (rows[0]["id"],)
        children = {table: self._rows(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY seq", key)
                    for table in ("removed", "paragraphs", "quotes", "events")}
        children["actors"] = self._rows("SELECT x.* FROM article_actors aa JOIN actors x ON x.id = aa.actor_id"
                                        " WHERE aa.article_id = ? ORDER BY aa.seq", key)
        children["mentions"] = self._rows('SELECT * FROM mentions WHERE article_id = ? ORDER BY "start", "end"', key)
        for e in children["events"]:
            for name in ("context", "actor", "recipient"):
                e[name] = self._json(e[name])
        return to_dict(rows[0], children)

    def stats(self) -> dict[str, Any]:
        one = self._one("SELECT count(*) AS n, min(published) AS first, max(published) AS last,"
                        " count(published) AS dated, count(source) AS sourced FROM articles") or {}

        def by(col: str) -> dict[str, int]:
            rows = self._rows(f"SELECT {col} AS k, count(*) AS n FROM articles GROUP BY {col}"
                              f" ORDER BY count(*) DESC, {col} LIMIT 20")
            return {("?" if r["k"] is None else r["k"]): r["n"] for r in rows}

        def count(table: str) -> int:
            row = self._one(f"SELECT count(*) AS n FROM {table}")
            return int(row["n"]) if row else 0

        return {
            "database": self.location,
            "schema_version": self.version,
            "articles": one.get("n", 0),
            "with_date": one.get("dated", 0),
            "with_source": one.get("sourced", 0),
            "published_from": one.get("first"),
            "published_to": one.get("last"),
            "languages": by("lang"),
            "sources": by("source"),
            "actors": count("actors"),
            "mentions": count("mentions"),
            "quotes": count("quotes"),
            "events": count("events"),
        }

    def _json(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str | bytes) else value

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
