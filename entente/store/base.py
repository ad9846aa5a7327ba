"""What SQLite and PostgreSQL stores share: the child-row writes, `has`/`get`/`stats`, and the record queries.

A backend supplies four things: `_rows(sql, params)` (a list of dicts), `_executemany(sql, rows)`,
`_json_has(column)` (a condition that a JSON array column holds the value of one `?`) and `_json(value)`
(a JSON column as read, to Python). SQL here uses `?` placeholders and neither `?` nor `%` literally, so
the PostgreSQL store can turn it into psycopg's `%s` style by substitution.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Self

from entente.models import Analysis
from entente.store.dyad import SINCE as DYADS_SINCE
from entente.store.dyad import write_dyads
from entente.store.record import ORIGINAL, RecordQueries
from entente.store.rows import TABLES, Rows, build, from_dict, to_dict

# Upserts that leave a row alone when it would not change (a lookup then, not a page write: most batches see
# mostly known actors and forms).
_ACTOR = ("id", "name", "type", "country", "sector", "romanized")
_ACTOR_CONFLICT = ("ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                   " country = excluded.country, sector = excluded.sector, romanized = excluded.romanized"
                   " WHERE actors.name <> excluded.name OR actors.type <> excluded.type"
                   " OR coalesce(actors.country, '') <> coalesce(excluded.country, '')"
                   " OR coalesce(actors.sector, '') <> coalesce(excluded.sector, '')"
                   " OR actors.romanized <> excluded.romanized")
# the same, for a store whose schema is older than 0009 (tests hold one there; migrations write through it)
_ACTOR_CONFLICT_OLD = ("ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
                       " country = excluded.country, sector = excluded.sector"
                       " WHERE actors.name <> excluded.name OR actors.type <> excluded.type"
                       " OR coalesce(actors.country, '') <> coalesce(excluded.country, '')"
                       " OR coalesce(actors.sector, '') <> coalesce(excluded.sector, '')")
_NAME = ("actor_id", "key", "text", "mentions")
_NAME_CONFLICT = ("ON CONFLICT (actor_id, key) DO UPDATE SET mentions = actor_names.mentions + excluded.mentions"
                  " WHERE excluded.mentions <> 0")
BACKFILL_BATCH = 500
NEAR_DUPS_SINCE, CLUSTERS_SINCE = 5, 6  # the schema versions that add near-duplicates and event clusters


RULE_SINCE = 9  # migration 0009: events carry the rule that made them


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

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Like `_rows`, one row at a time (the backends stream from a cursor)."""
        yield from self._rows(sql, params)

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # --- writes -----------------------------------------------------------------------------------------

    def _write_children(self, rows: Rows, schema: dict[str, tuple[str, ...]] | None = None) -> None:
        """Actors (upserted: the newest knowledge base wins), the names they were seen under, and every
        child table; inside the caller's transaction. `schema` (table -> columns that exist) lets a
        migration write before later migrations have added their columns."""
        if rows.actors and (schema is None or self._has_column("actors", "romanized")):
            self._upsert("actors", _ACTOR, sorted(rows.actors.values()), _ACTOR_CONFLICT)
        elif rows.actors:
            self._upsert("actors", _ACTOR[:5], sorted(r[:5] for r in rows.actors.values()), _ACTOR_CONFLICT_OLD)
        if rows.names:
            self._upsert("actor_names", _NAME, [(a, k, t, n) for (a, k), (t, n) in sorted(rows.names.items())],
                         _NAME_CONFLICT)
        for table, columns in TABLES.items():
            if not rows.tables[table]:
                continue
            if schema is None or schema[table] == columns:
                self._insert(table, columns, rows.tables[table])
            else:
                keep = [n for n, c in enumerate(columns) if c in schema[table]]
                self._insert(table, [columns[n] for n in keep], [[r[n] for n in keep] for r in rows.tables[table]])
        if schema is None and rows.tables["event_actors"] and getattr(self, "version", 0) >= DYADS_SINCE:
            write_dyads(self, sorted({r[0] for r in rows.tables["event_actors"]}))  # (0007 filled older ones)

    def _write_new(self, analyses: Sequence[Analysis]) -> None:
        """Everything stored for articles new in this transaction, once their `articles` rows are in: the
        near-duplicate check (entente.store.near_dups), the child rows, and the event clusters of the
        originals' events (entente.store.clusters). A store opened at an older schema (`upto`, in tests)
        writes what that schema holds."""
        from entente.store import clusters, near_dups  # numpy only when writing

        duplicates = near_dups.mark(self, [(a.id, a.text) for a in analyses]) if self.version >= NEAR_DUPS_SINCE else {}
        rows = build(analyses)
        if duplicates:  # the name forms a duplicate uses are kept, its mentions under them not counted
            for key, (_, mentions) in build(a for a in analyses if a.id in duplicates).names.items():
                rows.names[key][1] -= mentions
        if self.version < CLUSTERS_SINCE:
            self._write_children(rows, {t: tuple(c for c in cs if self._has_column(t, c)) for t, cs in TABLES.items()})
            return
        attached = clusters.attach(self, [r for a in analyses if a.id not in duplicates for r in clusters.reports(a)])
        rows.tables["events"] = [(*r[:-1], attached.assignments.get((r[0], r[1]))) for r in rows.tables["events"]]
        if self.version < RULE_SINCE:  # a store held at an older schema (tests) writes the columns it has
            self._write_children(rows, {t: tuple(c for c in cs if self._has_column(t, c)) for t, cs in TABLES.items()})
            if rows.tables["event_actors"] and self.version >= DYADS_SINCE:
                write_dyads(self, sorted({r[0] for r in rows.tables["event_actors"]}))
        else:
            self._write_children(rows)
        clusters.refresh(self, attached.touched)

    def _migration_steps(self) -> dict[int, Callable[[], None]]:
        """Python steps run right after a migration's SQL, in its transaction: filling what it added."""
        return {2: self._backfill, 5: self._backfill_near_dups, 6: self._backfill_clusters}

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Child rows of articles new in this transaction (so none is there yet)."""
        self._executemany(insert(table, columns), rows)

    def _upsert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], conflict: str) -> None:
        """INSERT each row with its `conflict` clause (ON CONFLICT ...; rows unique on its key, in the order
        given); a backend may stage them in bulk first."""
        marks = ", ".join("?" for _ in columns)
        names = ", ".join(column(c) for c in columns)
        self._executemany(f"INSERT INTO {table} ({names}) VALUES ({marks}) {conflict}", rows)

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

    STORED_ORDER = "ingested_at, id"  # SQL: articles in the order they were stored (of one transaction, by id)

    def _stored_order(self) -> list[str]:
        """Ids of the stored original articles, in the order they were stored."""
        return [r["id"] for r in self._rows(f"SELECT id FROM articles WHERE duplicate_of IS NULL"
                                            f" ORDER BY {self.STORED_ORDER}")]

    def _backfill_near_dups(self) -> None:
        """Check and index the articles stored before near-duplicates were (schema 5), in stored order."""
        from entente.store import near_dups

        ids = self._stored_order()
        for start in range(0, len(ids), BACKFILL_BATCH):
            chunk = ids[start:start + BACKFILL_BATCH]
            marks = ", ".join("?" for _ in chunk)
            texts = {r["id"]: r["text"] for r in self._rows(f"SELECT id, text FROM articles WHERE id IN ({marks})",
                                                             chunk)}
            near_dups.mark(self, [(i, texts[i]) for i in chunk])

    def _backfill_clusters(self) -> None:
        """Cluster the events stored before clusters existed (schema 6), in stored order."""
        from entente.store import clusters

        ids = self._stored_order()
        for start in range(0, len(ids), BACKFILL_BATCH):
            batch = clusters.stored_reports(self, ids[start:start + BACKFILL_BATCH])
            attached = clusters.attach(self, batch)
            self._executemany("UPDATE events SET cluster_id = ? WHERE article_id = ? AND id = ?",
                              [(c, a, e) for (a, e), c in attached.assignments.items()])
            clusters.refresh(self, attached.touched)

    # --- reads ------------------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self._one("SELECT 1 AS found FROM articles WHERE id = ?", (article_id,)) is not None

    def get(self, article_id: str) -> dict[str, Any] | None:
        """One article by id or unique id prefix, as `Analysis.to_dict()` gave it (actors as the store knows
        them now); a near-duplicate also says of which article (`duplicate_of`, `duplicate_similarity`)."""
        rows = self._rows("SELECT id, file, url, lang, title, published, source, text, duplicate_of,"
                          " duplicate_similarity FROM articles"
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
        found = to_dict(rows[0], children)
        if rows[0]["duplicate_of"] is not None:
            found.update(duplicate_of=rows[0]["duplicate_of"], duplicate_similarity=rows[0]["duplicate_similarity"])
        return found

    def stats(self) -> dict[str, Any]:
        """Counts over the record; near-duplicate articles (and their rows) are counted apart, not in."""
        one = self._one("SELECT count(*) AS n, min(published) AS first, max(published) AS last,"
                        " count(published) AS dated, count(source) AS sourced FROM articles"
                        " WHERE duplicate_of IS NULL") or {}

        def by(col: str) -> dict[str, int]:
            rows = self._rows(f"SELECT {col} AS k, count(*) AS n FROM articles WHERE duplicate_of IS NULL"
                              f" GROUP BY {col} ORDER BY count(*) DESC, {col} LIMIT 20")
            return {("?" if r["k"] is None else r["k"]): r["n"] for r in rows}

        def count(table: str, where: str = "") -> int:
            row = self._one(f"SELECT count(*) AS n FROM {table} {where}")
            return int(row["n"]) if row else 0

        originals = f"WHERE article_id {ORIGINAL}"
        return {
            "database": self.location,
            "schema_version": self.version,
            "articles": one.get("n", 0),
            "duplicates": count("articles", "WHERE duplicate_of IS NOT NULL"),
            "with_date": one.get("dated", 0),
            "with_source": one.get("sourced", 0),
            "published_from": one.get("first"),
            "published_to": one.get("last"),
            "languages": by("lang"),
            "sources": by("source"),
            "actors": count("actors"),
            "mentions": count("mentions", originals),
            "quotes": count("quotes", originals),
            "events": count("events", originals),
            "event_clusters": count("event_clusters"),
            "clusters_with_several_reports": count("event_clusters", "WHERE reports > 1"),
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
