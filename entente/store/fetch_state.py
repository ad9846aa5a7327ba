"""The fetch state of `entente watch`, kept in the store beside the articles (migration 0011), on SQLite and
PostgreSQL alike: `feeds` (each watched feed or URL list: its validators, last poll, failures in a row) and
`fetched_urls` (each article URL found: its status, validators, last failure, the article stored from it).

    state = FetchState(store)
    state.polled(feed_url, "rss20", etag, last_modified, entries)   # new URLs become pending
    for url in state.due([feed_url], retries=3): ...                # pending, and failed for now
    state.done(url.url, final_url, etag, last_modified, article_id)

Every change is its own transaction and is made in an order that survives a kill between two of them:
a feed's entries are recorded before its validators, so a feed is never "not modified" with its new
entries lost; an article is stored before its URL is marked done, so a URL killed in flight is fetched
again and its article (the same content, the same id) is found already stored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from entente.errors import StoreError
from entente.store.base import SQLStore
from entente.store.migrate import describe

if TYPE_CHECKING:  # feedparser only where feeds are read
    from entente.ingest.feeds import Entry

SINCE = 11  # the schema version (migration 0011) that holds the fetch state
STATUSES = ("pending", "retry", "done", "failed")
CHUNK = 500  # URLs per IN (...) lookup


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Feed:
    url: str
    kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0


@dataclass(frozen=True)
class Due:
    """A URL to fetch, with what is known of it: the entry's metadata and the validators of its last fetch."""

    url: str
    feed: str | None
    title: str | None
    published: str | None
    etag: str | None
    last_modified: str | None
    attempts: int
    article_id: str | None


class FetchState:
    def __init__(self, store: Any):
        if not isinstance(store, SQLStore) or getattr(store, "version", 0) < SINCE:
            raise StoreError(f"{getattr(store, 'location', store)}: this store keeps no fetch state (schema "
                             f"{SINCE} needed: `entente migrate`)")
        self.store = store

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        db = self.store.db  # type: ignore[attr-defined]  # both stores hold their connection as `db`
        if isinstance(db, sqlite3.Connection):
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise StoreError(f"{self.store.location}: {describe(e, 60)}") from e
            try:
                yield
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
        else:
            with db.transaction():
                yield

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self.store._rows(sql, params)

    def _run(self, sql: str, params: Sequence[Any]) -> None:
        self.store._executemany(sql, [params])

    # --- feeds ------------------------------------------------------------------------------------------

    def feed(self, url: str) -> Feed:
        """What is known of a feed (or URL list); a feed never polled is recorded now."""
        self._run("INSERT INTO feeds (url) VALUES (?) ON CONFLICT (url) DO NOTHING", (url,))
        row = self._rows("SELECT url, kind, etag, last_modified, failures FROM feeds WHERE url = ?", (url,))[0]
        return Feed(**row)

    def polled(self, url: str, kind: str, etag: str | None, last_modified: str | None,
               entries: Sequence[Entry]) -> int:
        """A poll that brought a body: its entries recorded (new URLs pending; a known URL whose entry was
        updated since pending again, to be fetched conditionally), then the feed's validators. Returns the
        number of new URLs."""
        stamp = now()
        with self._transaction():
            known: dict[str, dict[str, Any]] = {}
            urls = [e.url for e in entries]
            for start in range(0, len(urls), CHUNK):
                chunk = urls[start:start + CHUNK]
                marks = ", ".join("?" for _ in chunk)
                for r in self._rows(f"SELECT url, status, entry_updated FROM fetched_urls WHERE url IN ({marks})",
                                    chunk):
                    known[r["url"]] = r
            fresh = [(e.url, url, e.updated, e.title, e.published, stamp) for e in entries if e.url not in known]
            updated = [(e.updated, e.title, e.published, e.url) for e in entries
                       if e.url in known and known[e.url]["status"] == "done" and e.updated
                       and e.updated != known[e.url]["entry_updated"]]
            if fresh:
                self.store._executemany("INSERT INTO fetched_urls (url, feed, entry_updated, title, published,"
                                        " found_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING", fresh)
            if updated:
                self.store._executemany("UPDATE fetched_urls SET status = 'pending', attempts = 0, entry_updated = ?,"
                                        " title = coalesce(?, title), published = coalesce(?, published)"
                                        " WHERE url = ?", updated)
            self._run("UPDATE feeds SET kind = ?, etag = ?, last_modified = ?, polled_at = ?, changed_at = ?,"
                      " entries = ?, failures = 0, error = NULL WHERE url = ?",
                      (kind, etag, last_modified, stamp, stamp, len(entries), url))
        return len(fresh)

    def not_modified(self, url: str) -> None:
        self._run("UPDATE feeds SET polled_at = ?, failures = 0, error = NULL WHERE url = ?", (now(), url))

    def poll_failed(self, url: str, reason: str) -> None:
        self._run("UPDATE feeds SET polled_at = ?, failures = failures + 1, error = ? WHERE url = ?",
                  (now(), reason, url))

    # --- article URLs -----------------------------------------------------------------------------------

    def due(self, feeds: Sequence[str], retries: int) -> list[Due]:
        """URLs found in `feeds` still to fetch: pending ones, and those failed for now with fewer than
        `retries` attempts; in the order they were found."""
        if not feeds:
            return []
        marks = ", ".join("?" for _ in feeds)
        rows = self._rows("SELECT url, feed, title, published, etag, last_modified, attempts, article_id"
                          f" FROM fetched_urls WHERE feed IN ({marks}) AND (status = 'pending'"
                          " OR (status = 'retry' AND attempts < ?)) ORDER BY found_at, url", (*feeds, retries))
        return [Due(**r) for r in rows]

    def done(self, url: str, final_url: str | None, etag: str | None, last_modified: str | None,
             article_id: str | None) -> None:
        """Fetched: the article (already) stored from it, or (article_id None) a 304 that keeps the last one."""
        self._run("UPDATE fetched_urls SET status = 'done', final_url = coalesce(?, final_url), etag = ?,"
                  " last_modified = ?, attempts = attempts + 1, error = NULL, article_id = coalesce(?, article_id),"
                  " fetched_at = ? WHERE url = ?", (final_url, etag, last_modified, article_id, now(), url))

    def failed(self, url: str, reason: str, transient: bool, retries: int) -> str:
        """A failed fetch: `retry` while it may pass and attempts remain, else `failed` for good. Returns the
        status given."""
        row = self._rows("SELECT attempts FROM fetched_urls WHERE url = ?", (url,))
        attempts = (row[0]["attempts"] if row else 0) + 1
        status = "retry" if transient and attempts < retries else "failed"
        self._run("UPDATE fetched_urls SET status = ?, attempts = ?, error = ?, fetched_at = ? WHERE url = ?",
                  (status, attempts, reason, now(), url))
        return status

    def counts(self, feeds: Sequence[str] | None = None) -> dict[str, int]:
        """URLs by status (of `feeds`, else of every feed)."""
        where, params = "", list(feeds or ())
        if feeds:
            where = f" WHERE feed IN ({', '.join('?' for _ in feeds)})"
        rows = self._rows(f"SELECT status, count(*) AS n FROM fetched_urls{where} GROUP BY status", params)
        found = {r["status"]: int(r["n"]) for r in rows}
        return {s: found.get(s, 0) for s in STATUSES}
