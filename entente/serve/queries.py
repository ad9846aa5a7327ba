"""Read-only queries the server needs beyond the store's public methods: articles with facets, one article
with its evidence, event and cluster pages with cursors, an actor's counterparts, the actor network.

SQL in the store's shared dialect (`?` placeholders, no `%`), so it runs on SQLite and PostgreSQL alike.
Near-duplicate articles are left out of every list, as the store leaves them out of its counts.

An event's date here is its own date, else its article's publication date (as the dyad series counts it):
every list says so in `date_basis`, and a date range leaves out only events with neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from entente.serve.checks import Problem
from entente.store import Store

DATE_BASIS = "the event's own date, else its article's publication date"
UNDATED = "9999"  # sorts after every date (in any collation): undated events and clusters come last
DAY = f"coalesce(e.date, a.published, '{UNDATED}')"  # an event report's date as lists sort and filter it
FACET_TOP = 12
SEARCH_CAP = 1000  # a full-text search ranks at most this many articles (facets count these)


def rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return store._rows(sql, params)  # type: ignore[attr-defined]  # both backends have it (store/base.py)


def decode(store: Store, value: Any) -> Any:
    return store._json(value)  # type: ignore[attr-defined]


def end_of(date: str) -> str:
    """The last day a partial date stands for, as text that sorts after every date inside it."""
    return date + {4: "-12-31", 7: "-31"}.get(len(date), "")


# --- actors -----------------------------------------------------------------------------------------------------


def resolve_actor(store: Store, value: str, param: str) -> dict[str, Any]:
    """The stored actor an id, a country code or a name in any language stands for; else a 422 naming it."""
    found = store.find_actors(value, limit=1)
    if not found:
        raise Problem(422, f"{param}: unknown actor {value!r} (an actor id such as RUS or person:xi-jinping, or a "
                      "name in any language)", param)
    return found[0]


def counterparts(store: Store, actor_id: str, top: int = 12) -> list[dict[str, Any]]:
    """The actors on the other side of this actor's events, either direction, most events first."""
    return rows(store,
                "SELECT o.actor_id AS id, x.name, x.type, x.country,"
                " sum(CASE WHEN s.role = 'actor' THEN 1 ELSE 0 END) AS as_actor,"
                " sum(CASE WHEN s.role = 'recipient' THEN 1 ELSE 0 END) AS as_recipient, count(*) AS events"
                " FROM event_actors s JOIN event_actors o ON o.article_id = s.article_id AND o.event_id = s.event_id"
                " AND o.role <> s.role JOIN articles a ON a.id = s.article_id AND a.duplicate_of IS NULL"
                " LEFT JOIN actors x ON x.id = o.actor_id WHERE s.actor_id = ?"
                " GROUP BY o.actor_id, x.name, x.type, x.country ORDER BY count(*) DESC, o.actor_id LIMIT ?",
                (actor_id, top))


def names(store: Store, ids: Sequence[str]) -> dict[str, str]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {r["id"]: r["name"] for r in rows(store, f"SELECT id, name FROM actors WHERE id IN ({marks})", ids)}


# --- articles ---------------------------------------------------------------------------------------------------


def articles(store: Store, q: str | None, filters: dict[str, str | None], offset: int,
             limit: int) -> dict[str, Any]:
    """Articles matching a full-text query (best first) or all (newest first), narrowed by language, source,
    actor, event type and published month, with the facet counts of what matched."""
    where: list[str] = ["a.duplicate_of IS NULL"]
    params: list[Any] = []
    ranked: list[str] | None = None
    snippets: dict[str, str] = {}
    if q:
        hits = store.search(q, limit=SEARCH_CAP)
        ranked = [h["id"] for h in hits]
        snippets = {h["id"]: h.get("snippet") or "" for h in hits}
        if not ranked:
            return {"articles": [], "total": 0, "facets": {k: [] for k in FACETS}}
        where.append(f"a.id IN ({', '.join('?' for _ in ranked)})")
        params += ranked
    conditions = {
        "lang": "a.lang = ?", "source": "a.source = ?", "month": "substr(a.published, 1, 7) = ?",
        "actor": "EXISTS (SELECT 1 FROM article_actors f WHERE f.article_id = a.id AND f.actor_id = ?)",
        "type": "EXISTS (SELECT 1 FROM events f WHERE f.article_id = a.id AND f.type = ?)",
    }
    for name, sql in conditions.items():
        if filters.get(name):
            where.append(sql)
            params.append(filters[name])
    cond = " AND ".join(where)
    total = int(rows(store, f"SELECT count(*) AS n FROM articles a WHERE {cond}", params)[0]["n"])
    columns = "a.id, a.title, a.published, a.lang, a.source, a.url, substr(a.text, 1, 240) AS lead"
    if ranked is None:
        found = rows(store, f"SELECT {columns} FROM articles a WHERE {cond}"
                     f" ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?", [*params, limit, offset])
    else:
        matched = {r["id"]: r for r in rows(store, f"SELECT {columns} FROM articles a WHERE {cond}", params)}
        found = [matched[i] for i in ranked if i in matched][offset:offset + limit]
        for r in found:
            r["snippet"] = snippets.get(r["id"], "")
    return {"articles": found, "total": total, "facets": facets(store, cond, params)}


FACETS = ("lang", "source", "month", "actor", "type")


def facets(store: Store, cond: str, params: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """Counts of matching articles per language, source, month, actor and event type (the top ones)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, key in (("lang", "a.lang"), ("source", "a.source"), ("month", "substr(a.published, 1, 7)")):
        out[name] = rows(store, f"SELECT {key} AS value, count(*) AS count FROM articles a WHERE {cond}"
                         f" AND {key} IS NOT NULL GROUP BY {key} ORDER BY count(*) DESC, {key} LIMIT ?",
                         [*params, FACET_TOP])
    out["month"].sort(key=lambda r: r["value"], reverse=True)
    out["actor"] = rows(store, f"SELECT f.actor_id AS value, x.name AS label, count(*) AS count"
                        f" FROM articles a JOIN article_actors f ON f.article_id = a.id"
                        f" JOIN actors x ON x.id = f.actor_id WHERE {cond}"
                        f" GROUP BY f.actor_id, x.name ORDER BY count(*) DESC, f.actor_id LIMIT ?",
                        [*params, FACET_TOP])
    out["type"] = rows(store, f"SELECT f.type AS value, count(DISTINCT a.id) AS count FROM articles a"
                       f" JOIN events f ON f.article_id = a.id WHERE {cond}"
                       f" GROUP BY f.type ORDER BY count(DISTINCT a.id) DESC, f.type LIMIT ?", [*params, FACET_TOP])
    return out


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One article with everything stored about it: removed lines, paragraphs, actors with their mentions,
    quotes, events (with the names of their sides); offsets point into `text`."""
    found = rows(store, "SELECT id, file, url, lang, title, published, source, text, duplicate_of,"
                 " duplicate_similarity FROM articles WHERE id = ?", (article_id,))
    if not found:
        raise Problem(404, f"no article {article_id!r} in this store", "id")
    a = found[0]
    key = (article_id,)
    a["removed"] = rows(store, "SELECT line, text, reason FROM removed WHERE article_id = ? ORDER BY seq", key)
    a["paragraphs"] = rows(store, 'SELECT "start", "end", lang FROM paragraphs WHERE article_id = ? ORDER BY seq', key)
    a["actors"] = rows(store, "SELECT x.id, x.name, x.type, x.country, x.sector, aa.mentions FROM article_actors aa"
                       " JOIN actors x ON x.id = aa.actor_id WHERE aa.article_id = ? ORDER BY aa.seq", key)
    a["mentions"] = rows(store, 'SELECT actor_id, "start", "end", text FROM mentions WHERE article_id = ?'
                         ' ORDER BY "start", "end"', key)
    a["quotes"] = rows(store, 'SELECT seq, speaker, speaker_text, text, "start", "end", partial FROM quotes'
                       " WHERE article_id = ? ORDER BY seq", key)
    for q in a["quotes"]:
        q["partial"] = bool(q["partial"])
    a["events"] = [event_row(store, e) for e in rows(store, "SELECT * FROM events WHERE article_id = ? ORDER BY seq",
                                                     key)]
    known = names(store, [i for e in a["events"] for i in (*e["actor"], *e["recipient"])]
                  + [q["speaker"] for q in a["quotes"] if q["speaker"]])
    for e in a["events"]:
        e["actor_names"] = [known.get(i, i) for i in e["actor"]]
        e["recipient_names"] = [known.get(i, i) for i in e["recipient"]]
    for q in a["quotes"]:
        q["speaker_name"] = known.get(q["speaker"]) if q["speaker"] else None
    return a


def event_row(store: Store, e: dict[str, Any]) -> dict[str, Any]:
    for name in ("context", "actor", "recipient"):
        e[name] = decode(store, e[name])
    for name in ("negated", "historical"):
        if name in e:
            e[name] = bool(e[name])
    if e.get("day") == UNDATED:
        e["day"] = None
    e.setdefault("rule", None)
    return e
