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
# The one date rule of every event query (events, dyads, exports): the event's own date, else its article's
# publication date ('day'; `dated_by` says which).
DAY = "coalesce(e.date, a.published)"
ORIGINAL = "NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)"  # an article id that is no duplicate
CLUSTER_COLUMNS = ("id", "type", "negated", "modality", "actor_countries", "recipient_countries", "location", "first",
                   "last", "precision", "mentions", "reports", "sources", "languages")


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
        clusters (real-world events) that have a report matching the filters, earliest first, each with its
        counts and all its reports (`events`, oldest first).

        `actor` / `recipient`: an actor id, or a country code, which also matches that country's people and
        bodies (`RUS` matches `person:vladimir-putin`). Dates compare as text on the report's `day` — its own
        date, else its article's publication date, as in the dyad series and exports — so `date_to="2023-03"`
        takes all of March; a report with neither is left out of a date range. With `clusters`, a cluster
        matches where its first report does (the report it is named by), as the dyad series count it.
        """
        where, params = _conditions({
            "e.type = ?": type, "e.mode = ?": mode, f"{DAY} >= ?": date_from, f"{DAY} <= ?": _end_of(date_to),
            "e.negated = ?": negated, "a.lang = ?": lang, "a.source = ?": source,
            self._json_has("e.context"): context}, always=("a.duplicate_of IS NULL",))
        reports = "events e"
        dyad = self._dyad_codes(actor, recipient)
        if dyad is not None:  # one country (or country-less actor) each side: a range of event_dyads
            reports, more = _dyad_reports(*dyad, date_from, date_to)
            params = more + params
        else:
            for role, value in (("actor", actor), ("recipient", recipient)):
                ids = _as_list(value)
                if ids:
                    marks = ", ".join("?" for _ in ids)
                    where += (" AND " if where else "WHERE ") + (
                        f"EXISTS (SELECT 1 FROM event_actors ea LEFT JOIN actors x ON x.id = ea.actor_id"
                        f" WHERE ea.article_id = e.article_id AND ea.event_id = e.id AND ea.role = '{role}'"
                        f" AND (ea.actor_id IN ({marks}) OR x.country IN ({marks})))")
                    params += [*ids, *ids]
        if clusters:  # a cluster is where its first report stands (the report it is named by)
            found = self._rows(
                f"SELECT c.* FROM event_clusters c WHERE c.id IN (SELECT e.cluster_id FROM {reports}"
                f" JOIN articles a ON a.id = e.article_id {where} AND e.cluster_id = e.id)"
                f" ORDER BY c.first NULLS LAST, c.id LIMIT ?", (*params, limit))
            return self._cluster_reports(found)
        rows = self._rows(
            f"SELECT e.*, {DAY} AS day, a.published, a.lang, a.source, a.title, a.url FROM {reports}"
            f" JOIN articles a ON a.id = e.article_id {where}"
            f' ORDER BY {DAY} NULLS LAST, e.article_id, e."start", e.id LIMIT ?', (*params, limit))
        return [self._event(r) for r in rows]

    def event(self, event_id: str) -> list[dict[str, Any]]:
        """The reports of one event id (or unique id prefix): each with its article's date, outlet, title
        and link, its `day` and `dated_by` (the date rule above); usually one, more when articles share it."""
        ids = self._rows("SELECT DISTINCT id FROM events WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
                         (event_id, _escape_like(event_id) + "%"))
        if len(ids) != 1:
            return []
        rows = self._rows(f"SELECT e.*, {DAY} AS day, a.published, a.lang, a.source, a.title, a.url FROM events e"
                          f" JOIN articles a ON a.id = e.article_id WHERE e.id = ? ORDER BY {DAY}, e.article_id",
                          (ids[0]["id"],))
        return [self._event(r) for r in rows]

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One event cluster by id (or unique id prefix), with every report (near-duplicates' too, marked)."""
        found = self._rows("SELECT * FROM event_clusters WHERE id = ? OR id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 2",
                           (cluster_id, _escape_like(cluster_id) + "%"))
        return self._cluster_reports(found)[0] if len(found) == 1 else None

    def names(self, ids: Sequence[str]) -> dict[str, str]:
        """Actor id -> canonical name, for the ids given that are stored."""
        wanted = sorted(set(ids))
        out: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            out.update({r["id"]: r["name"] for r in self._rows(f"SELECT id, name FROM actors WHERE id IN ({marks})",
                                                               chunk)})
        return out

    DYADS_SINCE = 7  # the schema version that adds event_dyads

    def _dyad_codes(self, actor: str | Sequence[str] | None,
                    recipient: str | Sequence[str] | None) -> tuple[str, str] | None:
        """(actor, recipient) when each is one code the event_dyads table holds as such: a country code, or the
        id of an actor without a country (org:NATO); None for a person or body (they count for their country
        there), several codes, or a store older than the table."""
        sides = _as_list(actor), _as_list(recipient)
        if getattr(self, "version", 0) < self.DYADS_SINCE or any(len(ids) != 1 for ids in sides):
            return None
        codes = (sides[0][0], sides[1][0])
        known = self._rows("SELECT id, country FROM actors WHERE id IN (?, ?)", codes)
        if any(r["country"] not in (None, r["id"]) for r in known):
            return None
        return codes

    def _event(self, r: dict[str, Any]) -> dict[str, Any]:
        for key in ("context", "actor", "recipient"):
            r[key] = self._json(r[key])
        for key in ("negated", "historical"):
            if key in r:
                r[key] = bool(r[key])
        if "day" in r:
            r["dated_by"] = "event" if r.get("date") else ("published" if r["day"] else None)
        return r

    def _cluster_reports(self, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Event clusters with their JSON columns decoded and every report (`events`) attached.

        `actor_countries` / `recipient_countries` are the sides the cluster was keyed by: countries, and actors
        without a country that stand for themselves (org:NATO); a person without a country has none and is left
        out there. `actor` / `recipient` are the actor ids of the first report (the one the cluster is named
        by), as in an event report."""
        reports: dict[str, list[dict[str, Any]]] = {}
        if found:
            marks = ", ".join("?" for _ in found)
            for r in self._rows(
                    f"SELECT e.*, {DAY} AS day, a.published, a.lang, a.source, a.title, a.url FROM events e"
                    f" JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IN ({marks})"
                    f' ORDER BY e.date NULLS LAST, a.published NULLS LAST, e.article_id, e."start", e.id',
                    [c["id"] for c in found]):
                reports.setdefault(r["cluster_id"], []).append(self._event(r))
        sides = {c["id"]: {key: self._json(c[key]) for key in ("actor_countries", "recipient_countries")}
                 for c in found}
        ids = sorted({i for s in sides.values() for v in s.values() for i in v})
        people: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            people.update(r["id"] for r in self._rows(
                f"SELECT id FROM actors WHERE type = 'person' AND id IN ({', '.join('?' for _ in chunk)})", chunk))
        for c in found:
            for key, value in sides[c["id"]].items():
                c[key] = [i for i in value if i not in people]
            c["negated"] = bool(c["negated"])
            c["events"] = reports.get(c["id"], [])
            first = next((e for e in c["events"] if e["id"] == c["id"]), c["events"][0] if c["events"] else None)
            c["actor"] = first["actor"] if first else []
            c["recipient"] = first["recipient"] if first else []
        return found


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


def _dyad_reports(actor: str, recipient: str, date_from: str | None,
                  date_to: str | None) -> tuple[str, list[Any]]:
    """The events of a dyad as a FROM clause driven by event_dyads (the pair in code order, the direction as
    a flag), and its parameters. Its `date` is the event's own date when it has one, so a date range narrows
    the range read; the caller's conditions on `e.date` still decide."""
    a, b = sorted((actor, recipient))
    direction = "a_to_b" if a == actor else "b_to_a"
    sql = "event_dyads d JOIN events e ON e.article_id = d.article_id AND e.id = d.event_id"
    conditions, params = ["d.country_a = ?", "d.country_b = ?", f"d.{direction} = ?"], [a, b, 1]
    if date_from:
        conditions.append("d.date >= ?")
        params.append(date_from)
    if date_to:
        conditions.append("d.date <= ?")
        params.append(_end_of(date_to))
    return f"{sql} AND {' AND '.join(conditions)}", params


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
