"""Queries over the record: actors, an actor's profile, quotes by speaker, events by actor / recipient / type / date.

Written once in SQL both SQLite and PostgreSQL run (`?` placeholders; see entente.store.base). Every
result is a list of plain dicts, ready for a table, JSON or CSV.

    store.find_actors("Путін")          # -> [{"id": "person:vladimir-putin", ...}], best match first
    store.actor("person:vladimir-putin")  # profile: mentions by month, co-mentioned actors, quotes
    store.quotes(speaker="person:xi-jinping")
    store.events(actor="CHN", recipient="RUS", type="CONSULT", date_from="2023-01")
    store.events(actor="CHN", recipient="RUS", clusters=True)  # the same, one row per real-world event

Near-duplicate articles (`articles.duplicate_of`, see entente.store.near_dups) are stored but left out of
every count and list here: their mentions, quotes and events would only repeat their original's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from entente.store.rows import name_key

ACTOR_COLUMNS = "x.id, x.name, x.type, x.country, x.sector"
ORIGINAL = "NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)"  # an article id that is no duplicate


class RecordQueries:
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        raise NotImplementedError

    def _json(self, value: Any) -> Any:
        raise NotImplementedError

    def _json_has(self, column: str) -> str:
        """A condition: the JSON array in `column` holds the value of one `?`."""
        raise NotImplementedError

    # --- actors -----------------------------------------------------------------------------------------

    def find_actors(self, name: str, limit: int = 10) -> list[dict[str, Any]]:
        """Stored actors an id or a name in any language stands for, best first.

        Tried in order, the first that finds anything wins: the actor id (`RUS`, `person:xi-jinping`, any
        case); the whole name as stored or as seen in an article (`Путину`, `Си Цзиньпин`, `Putin`), case
        and ё/е aside; names whose words start with its words (`Цзиньп`, `Putin` for "Vladimir Putin");
        the same with one, then two letters off each word of five or more (`Путиным` finds "Путин").
        Within one step, actors seen more often under that name come first.
        """
        name = name.strip()
        if not name:
            return []
        found = self._rows(f"SELECT {ACTOR_COLUMNS} FROM actors x WHERE x.id = ? OR lower(x.id) = ?"
                           f" ORDER BY x.id LIMIT ?", (name, name.lower(), limit))
        if found:
            return [{**r, "matched": r["id"]} for r in found]
        key = name_key(name)
        tries: list[tuple[str, tuple[str, ...]]] = [("n.key = ?", (key,))]
        for cut in (0, 1, 2):  # then inflected forms: Путина, Путиным, Лаврова -> a seen form's stem
            words = [w[:-cut] if cut and len(w) - cut >= 4 else w for w in key.split()]
            if cut and words == key.split():
                continue
            pattern = "% ".join(_escape_like(w) for w in words) + "%"
            tries.append(("(n.key LIKE ? ESCAPE '\\' OR n.key LIKE ? ESCAPE '\\')", (pattern, "% " + pattern)))
        for where, params in tries:
            found = self._rows(
                f"SELECT {ACTOR_COLUMNS}, min(n.text) AS matched, sum(n.mentions) AS seen FROM actor_names n"
                f" JOIN actors x ON x.id = n.actor_id WHERE {where}"
                f" GROUP BY {ACTOR_COLUMNS} ORDER BY sum(n.mentions) DESC, x.id LIMIT ?", (*params, limit))
            if found:
                return [{k: v for k, v in r.items() if k != "seen"} for r in found]
        return []

    def actors(self, type: str | None = None, country: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Stored actors with the number of articles that mention them and of mentions, most mentioned first."""
        where, params = _conditions({"x.type = ?": type, "x.country = ?": country})
        return self._rows(
            f"SELECT {ACTOR_COLUMNS}, count(aa.article_id) AS articles, coalesce(sum(aa.mentions), 0) AS mentions"
            f" FROM actors x LEFT JOIN article_actors aa ON aa.actor_id = x.id AND aa.article_id {ORIGINAL} {where}"
            f" GROUP BY {ACTOR_COLUMNS} ORDER BY count(aa.article_id) DESC, coalesce(sum(aa.mentions), 0) DESC, x.id"
            f" LIMIT ?", (*params, limit))

    def actor(self, actor_id: str, top: int = 10) -> dict[str, Any] | None:
        """One actor's profile: totals, the names it was seen under, articles and mentions by published month
        (`undated`: articles without a month), the actors most often in the same articles, its events as
        actor and as recipient, and its latest quotes."""
        row = self._one(f"SELECT {ACTOR_COLUMNS} FROM actors x WHERE x.id = ?", (actor_id,))
        if row is None:
            return None
        totals = self._one(
            "SELECT count(*) AS articles, coalesce(sum(aa.mentions), 0) AS mentions, min(a.published) AS first,"
            " max(a.published) AS last FROM article_actors aa JOIN articles a ON a.id = aa.article_id"
            " WHERE aa.actor_id = ? AND a.duplicate_of IS NULL", (actor_id,)) or {}
        names = self._rows("SELECT text, mentions FROM actor_names WHERE actor_id = ? AND mentions > 0"
                           " ORDER BY mentions DESC, text LIMIT ?", (actor_id, top * 2))
        months = self._rows(
            "SELECT substr(a.published, 1, 7) AS month, count(*) AS articles, sum(aa.mentions) AS mentions"
            " FROM article_actors aa JOIN articles a ON a.id = aa.article_id"
            " WHERE aa.actor_id = ? AND length(a.published) >= 7 AND a.duplicate_of IS NULL"
            " GROUP BY substr(a.published, 1, 7) ORDER BY substr(a.published, 1, 7)", (actor_id,))
        together = self._rows(
            f"SELECT {ACTOR_COLUMNS}, count(*) AS articles FROM article_actors s"
            f" JOIN article_actors o ON o.article_id = s.article_id AND o.actor_id <> s.actor_id"
            f" JOIN actors x ON x.id = o.actor_id WHERE s.actor_id = ? AND s.article_id {ORIGINAL}"
            f" GROUP BY {ACTOR_COLUMNS} ORDER BY count(*) DESC, x.id LIMIT ?", (actor_id, top))
        roles = {r["role"]: r["n"] for r in self._rows(
            f"SELECT role, count(*) AS n FROM event_actors WHERE actor_id = ? AND article_id {ORIGINAL}"
            f" GROUP BY role", (actor_id,))}
        return {
            **row,
            "articles": totals.get("articles", 0),
            "mentions": totals.get("mentions", 0),
            "published_from": totals.get("first"),
            "published_to": totals.get("last"),
            "names": names,
            "months": months,
            "undated": totals.get("articles", 0) - sum(m["articles"] for m in months),
            "co_mentioned": together,
            "events": {"as_actor": roles.get("actor", 0), "as_recipient": roles.get("recipient", 0)},
            "quotes": self.quotes(speaker=actor_id, limit=top),
        }

    # --- quotes -----------------------------------------------------------------------------------------

    def quotes(self, speaker: str | Sequence[str] | None = None, partial: bool | None = None,
               limit: int = 50) -> list[dict[str, Any]]:
        """Stored quotes, newest article first; `speaker` is an actor id (or several)."""
        where, params = _conditions({"q.partial = ?": partial}, speaker=("q.speaker", speaker),
                                    always=("a.duplicate_of IS NULL",))
        rows = self._rows(
            f"SELECT q.speaker, x.name AS speaker_name, q.speaker_text, q.text, q.partial, q.article_id,"
            f' q.seq, q."start", q."end", a.published, a.lang, a.source, a.title, a.url'
            f" FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors x ON x.id = q.speaker {where}"
            f" ORDER BY a.published DESC NULLS LAST, q.article_id, q.seq LIMIT ?", (*params, limit))
        for r in rows:
            r["partial"] = bool(r["partial"])
        return rows

    # --- events -----------------------------------------------------------------------------------------

    def events(self, actor: str | Sequence[str] | None = None, recipient: str | Sequence[str] | None = None,
               type: str | None = None, mode: str | None = None, context: str | None = None,
               date_from: str | None = None, date_to: str | None = None, negated: bool | None = None,
               lang: str | None = None, source: str | None = None, limit: int = 100,
               clusters: bool = False) -> list[dict[str, Any]]:
        """Stored event reports (one per article that reports it), oldest first; with `clusters`, the event
        clusters (real-world events) whose first report matches the filters, each with its counts and all its
        reports (`events`, oldest first). The filters mean what they mean everywhere (entente.store.query): a
        country code also matches that country's people and bodies; dates compare on the report's `day`, its
        own date else its article's publication date, and `date_to="2023-03"` takes all of March.
        """
        from entente.store import query

        f = query.EventFilters.of(self, actor, recipient, type=type, mode=mode, context=context,  # type: ignore[arg-type]
                                  date_from=date_from, date_to=date_to, negated=negated, lang=lang, source=source)
        if clusters:
            return query.clusters(self, f, limit=limit)["clusters"]  # type: ignore[arg-type]
        return query.reports(self, f, limit=limit)["events"]  # type: ignore[arg-type]

    def event(self, event_id: str) -> list[dict[str, Any]]:
        """The reports of one event id (or unique id prefix): each with its article's date, outlet, title
        and link, its `day` and `dated_by` (the date rule above); usually one, more when articles share it."""
        from entente.store import query

        ids = self._rows("SELECT DISTINCT id FROM events WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
                         (event_id, _escape_like(event_id) + "%"))
        if len(ids) != 1:
            return []
        found = self._rows(f"SELECT {query.REPORT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                           f" WHERE e.id = ? ORDER BY {query.DAY}, e.article_id", (ids[0]["id"],))
        found = [query.event_row(self, r) for r in found]  # type: ignore[arg-type]
        query.name_sides(self, found)  # type: ignore[arg-type]
        return found

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One event cluster by id (or unique id prefix), with every report (near-duplicates' too)."""
        from entente.store import query

        found = self._rows("SELECT * FROM event_clusters WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 2",
                           (cluster_id, _escape_like(cluster_id) + "%"))
        return query.with_reports(self, found)[0] if len(found) == 1 else None  # type: ignore[arg-type]

    def names(self, ids: Sequence[str]) -> dict[str, str]:
        """Actor id -> canonical name, for the ids given that are stored."""
        from entente.store import query

        return query.names(self, ids)  # type: ignore[arg-type]


def _conditions(checks: dict[str, Any], speaker: tuple[str, Any] | None = None,
                always: Sequence[str] = ()) -> tuple[str, list[Any]]:
    """`WHERE a = ? AND ...` for the checks whose value is given (and the `always` ones), and their parameters."""
    parts, params = list(always), []
    for sql, value in checks.items():
        if value is not None:
            parts.append(sql)
            params.append(value)
    if speaker is not None:
        ids = _as_list(speaker[1])
        if ids:
            parts.append(f"{speaker[0]} IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
    return ("WHERE " + " AND ".join(parts) if parts else ""), params


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _end_of(date: str | None) -> str | None:
    """The last day a partial date stands for, as text that sorts after every date inside it."""
    if date is None:
        return None
    return date + {4: "-12-31", 7: "-31"}.get(len(date), "")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
