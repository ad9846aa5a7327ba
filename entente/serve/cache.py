"""Answers that take long to compute (an actor's profile over a large record) kept until the store changes.

The store's state is read cheaply on each use: SQLite's highest article rowid (articles are only ever added),
PostgreSQL's insert/update/delete counters of `articles` (its statistics: a writer's counts show once it
closes, or within seconds while it goes on). A change forgets everything; at most `size` answers are kept,
the least recently used dropped first.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from entente.store import Store

_SQLITE_STATE = "SELECT max(rowid) AS state FROM articles"
_PG_STATE = ("SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS state FROM pg_stat_user_tables"
             " WHERE relname = 'articles' AND schemaname = current_schema()")


def state(store: Store) -> Any:
    db = getattr(store, "db", None)
    sql = _SQLITE_STATE if isinstance(db, sqlite3.Connection) else _PG_STATE
    return store._rows(sql)[0]["state"]  # type: ignore[attr-defined]


class Cache:
    def __init__(self, size: int = 512):
        self.size = size
        self.lock = threading.Lock()
        self.seen: Any = None
        self.kept: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    def get(self, store: Store, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        now = state(store)
        with self.lock:
            if now != self.seen:
                self.kept.clear()
                self.seen = now
            if key in self.kept:
                self.kept.move_to_end(key)
                return self.kept[key]
        value = compute()
        with self.lock:
            if self.seen == now:
                self.kept[key] = value
                while len(self.kept) > self.size:
                    self.kept.popitem(last=False)
        return value
