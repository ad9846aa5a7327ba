"""The store's public query layer over articles: full-text search with facets, one article with everything
stored about it, an actor's counterparts in events. Used by the REST API and the pages (entente.serve), in the
store's shared SQL dialect (`?` placeholders, no `%`), so it runs on SQLite and PostgreSQL alike. Near-duplicate
articles are left out of every list, as the store leaves them out of its counts.

    articles(store, "Лавров", {"lang": "ru", "actor": None, ...}, offset=0, limit=20)  # hits, total, facets
    article(store, "3f2a9c0e1b7d4a55")   # text, removed lines, paragraphs, actors, mentions, quotes, events
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from entente.store.query import event_row, name_sides, names, rows

if TYPE_CHECKING:
    from entente.store import Store

FACET_TOP = 12
SEARCH_CAP = 1000  # a full-text search ranks at most this many articles (facets count these)


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


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with everything stored about it: removed lines, paragraphs, actors with their mentions,
    quotes, events (with the names of their sides); offsets point into `text`. None if it is not stored."""
    found = rows(store, "SELECT id, file, url, lang, title, published, source, text, duplicate_of,"
                 " duplicate_similarity FROM articles WHERE id = ?", (article_id,))
    if not found:
        return None
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
    name_sides(store, a["events"])
    known = names(store, [q["speaker"] for q in a["quotes"] if q["speaker"]])
    for q in a["quotes"]:
        q["speaker_name"] = known.get(q["speaker"]) if q["speaker"] else None
    return a
