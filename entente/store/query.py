"""The store's public query layer over events: the one meaning of each filter, for the command line
(`entente events`, `show`), the REST API and the pages alike.

    f = EventFilters.of(store, actor="CHN", recipient="RUS", date_from="2023", date_to="2023", negated=False)
    reports(store, f, limit=100)["events"]      # event reports, oldest first; ["next_key"] pages on
    clusters(store, f, limit=20)["clusters"]    # real-world events, each with every report
    event_report(store, article_id, event_id); cluster(store, cluster_id); graph(store, "2023", None, ["RUS"])

The rules, one place each:
- `actor` / `recipient`: an actor id, or a country code that also takes that country's people and bodies
  (RUS takes person:vladimir-putin); several ids take any of them. A country (or a country-less actor such as
  org:NATO) on each side reads the `event_dyads` range of that pair.
- dates: a report's `day` is its own date, else its article's publication date (`dated_by` says which);
  `date_from` / `date_to` are partial dates compared as text, `date_to` inclusive (2023-03 takes all of March);
  a report with neither date is left out of any date range and sorts last.
- `negated`: False for events that happened (neither said not to have nor hypothetical), True for those said not
  to have, None for every report.
- near-duplicate articles are left out; a cluster matches, and is ordered, where its first report stands (the
  report it is named by: its type, sides and date), as the dyad series counts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from entente.store import Store

DATE_BASIS = "the event's own date, else its article's publication date"
CLUSTER_BASIS = ("a cluster is listed where its first report stands (its type, sides and date), as the dyad series "
                 "counts it")
UNDATED = "9999"  # sorts after every date (in any collation): undated events and clusters come last
DAY = f"coalesce(e.date, a.published, '{UNDATED}')"  # an event report's date as lists sort and filter it
REPORT_COLUMNS = f"e.*, {DAY} AS day, a.published, a.lang, a.source, a.title, a.url"
GRAPH_LATEST = 5000  # articles a network without a period is drawn from
DYADS_SINCE = 7  # the schema version that adds event_dyads
CHUNK = 500  # ids per IN list


def rows(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    return store._rows(sql, params)  # type: ignore[attr-defined]  # both backends have it (store/base.py)


def decode(store: Store, value: Any) -> Any:
    return store._json(value)  # type: ignore[attr-defined]


def end_of(date: str) -> str:
    """The last day a partial date stands for, as text that sorts after every date inside it."""
    return date + {4: "-12-31", 7: "-31"}.get(len(date), "")


def _ids(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class EventFilters:
    """What a list of event reports or clusters is narrowed by (see the module's docstring for the rules)."""

    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    type: str | None = None
    mode: str | None = None
    context: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    lang: str | None = None
    source: str | None = None
    modality: str | None = None
    negated: bool | None = None
    dyad: bool = False  # one country (or country-less actor) each side: read off event_dyads

    @classmethod
    def of(cls, store: Store, actor: str | Sequence[str] | None = None,
           recipient: str | Sequence[str] | None = None, **rest: Any) -> EventFilters:
        """Filters for these values; `dyad` is decided from the store (the sides' actors and its schema)."""
        a, r = _ids(actor), _ids(recipient)
        return cls(actor=a, recipient=r, dyad=_is_dyad(store, a, r), **rest)

    def described(self) -> dict[str, Any]:
        """The filters as an answer states them."""
        one = {"actor": self.actor, "recipient": self.recipient}
        return {**{k: (v[0] if len(v) == 1 else list(v)) if v else None for k, v in one.items()},
                "type": self.type, "mode": self.mode, "context": self.context, "from": self.date_from,
                "to": self.date_to, "lang": self.lang, "source": self.source, "modality": self.modality,
                "negated": self.negated}

    def source_sql(self) -> tuple[str, str, list[Any]]:
        """The FROM clause of the matching reports (`e`, `a`), their date expression, and its parameters: with
        `dyad`, a range of event_dyads (whose `date` is that date, indexed by the pair)."""
        if not self.dyad:
            return "events e JOIN articles a ON a.id = e.article_id", DAY, []
        a, b = sorted((self.actor[0], self.recipient[0]))
        direction = "a_to_b" if a == self.actor[0] else "b_to_a"
        pair = f"d.country_a = ? AND d.country_b = ? AND d.{direction} = ?"
        if self.date_from or self.date_to:  # dated reports only: read in date order off (country_a, country_b, date)
            pair += " AND d.date <> ''"
            day = "d.date"
        else:
            day = f"CASE WHEN d.date = '' THEN '{UNDATED}' ELSE d.date END"
        return (f"event_dyads d JOIN events e ON e.article_id = d.article_id AND e.id = d.event_id AND {pair}"
                f" JOIN articles a ON a.id = e.article_id", day, [a, b, 1])

    def where(self, store: Store, day: str = DAY) -> tuple[str, list[Any]]:
        """Conditions on `e` (events) and `a` (articles) and their parameters."""
        parts, params = ["a.duplicate_of IS NULL"], []
        simple = {"e.type = ?": self.type, "e.mode = ?": self.mode, "a.lang = ?": self.lang,
                  "a.source = ?": self.source, "e.modality = ?": self.modality, "e.negated = ?": self.negated,
                  f"{day} >= ?": self.date_from, f"{day} <= ?": end_of(self.date_to) if self.date_to else None}
        if self.context is not None:
            simple[store._json_has("e.context")] = self.context  # type: ignore[attr-defined]
        for sql, value in simple.items():
            if value is not None:
                parts.append(sql)
                params.append(value)
        if self.negated is False:  # what happened: neither said not to have nor only supposed («если ...», "if ...")
            parts.append("e.modality <> 'hypothetical'")
        if self.date_from or self.date_to:
            parts.append(f"{day} <> '{UNDATED}'")
        if not self.dyad:
            for role, ids in (("actor", self.actor), ("recipient", self.recipient)):
                if ids:
                    # the reports read off the event_actors_actor index (the ids, and the actors of those countries),
                    # not every report tested in turn: an actor's events at 1M articles took seconds (BENCHMARKS.md)
                    marks = ", ".join("?" for _ in ids)
                    parts.append(f"(e.article_id, e.id) IN (SELECT ea.article_id, ea.event_id FROM event_actors ea"
                                 f" WHERE ea.role = '{role}' AND (ea.actor_id IN ({marks})"
                                 f" OR ea.actor_id IN (SELECT x.id FROM actors x WHERE x.country IN ({marks}))))")
                    params += [*ids, *ids]
        return " AND ".join(parts), params


def _is_dyad(store: Store, actor: tuple[str, ...], recipient: tuple[str, ...]) -> bool:
    """True when each side is one code the event_dyads table holds as such: a country code, or the id of an actor
    without a country (org:NATO); not a person or body (they count for their country there), not several codes,
    not a store older than the table."""
    if getattr(store, "version", 0) < DYADS_SINCE or len(actor) != 1 or len(recipient) != 1:
        return False
    known = rows(store, "SELECT id, country FROM actors WHERE id IN (?, ?)", (actor[0], recipient[0]))
    return all(r["country"] in (None, r["id"]) for r in known)


# --- event reports and clusters ---------------------------------------------------------------------------------

ORDER = 'e.article_id, e."start", e.id'  # after the day: within an article, in text order


def _after(day: str, after: Sequence[Any] | None) -> tuple[str, list[Any]]:
    """The keyset condition for the page after (day, article_id, start, id)."""
    if after is None:
        return "", []
    d, article, start, eid = after
    return (f' AND ({day} > ? OR ({day} = ? AND (e.article_id > ? OR (e.article_id = ? AND (e."start" > ?'
            f' OR (e."start" = ? AND e.id > ?))))))', [d, d, article, article, start, start, eid])


def reports(store: Store, f: EventFilters, after: Sequence[Any] | None = None, limit: int = 100) -> dict[str, Any]:
    """A page of event reports, oldest first (undated last), and the key of the next page (None at the end)."""
    source, day, params = f.source_sql()
    where, extra = f.where(store, day)
    page, more = _after(day, after)
    columns = REPORT_COLUMNS.replace(DAY, day)
    found = rows(store, f"SELECT {columns} FROM {source} WHERE {where}{page} ORDER BY {day}, {ORDER} LIMIT ?",
                 [*params, *extra, *more, limit + 1])
    last = found[limit - 1] if len(found) > limit else None
    next_key = [last["day"], last["article_id"], last["start"], last["id"]] if last else None
    events = [event_row(store, r) for r in found[:limit]]
    name_sides(store, events)
    return {"events": events, "next_key": next_key}


def clusters(store: Store, f: EventFilters, after: Sequence[Any] | None = None, limit: int = 20) -> dict[str, Any]:
    """A page of event clusters (real-world events) whose first report matches the filters, ordered as those
    reports are (oldest first), each with all its reports."""
    source, day, params = f.source_sql()
    where, extra = f.where(store, day)
    page, more = _after(day, after)
    found = rows(store, f'SELECT c.*, {day} AS day_key, e.article_id AS first_article, e."start" AS first_start'
                 f" FROM {source} JOIN event_clusters c ON c.id = e.cluster_id"
                 f" WHERE {where} AND e.cluster_id = e.id{page} ORDER BY {day}, {ORDER} LIMIT ?",
                 [*params, *extra, *more, limit + 1])
    last = found[limit - 1] if len(found) > limit else None
    next_key = [last["day_key"], last["first_article"], last["first_start"], last["id"]] if last else None
    for c in found:
        del c["day_key"], c["first_article"], c["first_start"]
    return {"clusters": with_reports(store, found[:limit]), "next_key": next_key}


def event_report(store: Store, article_id: str, event_id: str) -> dict[str, Any] | None:
    """One event report with its evidence (sentence, offsets, trigger, rule) and its cluster; None if not stored."""
    found = rows(store, f"SELECT {REPORT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                 f" WHERE e.article_id = ? AND e.id = ?", (article_id, event_id))
    if not found:
        return None
    e = event_row(store, found[0])
    name_sides(store, [e])
    e["cluster"] = cluster(store, e["cluster_id"]) if e.get("cluster_id") else None
    return e


def cluster(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """One event cluster by id, with every report (near-duplicates' too); None if not stored."""
    found = rows(store, "SELECT c.* FROM event_clusters c WHERE c.id = ?", (cluster_id,))
    return with_reports(store, found)[0] if found else None


def with_reports(store: Store, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event clusters with their JSON columns decoded and every report (`events`) attached, in place.

    `actor_countries` / `recipient_countries` are the sides the cluster was keyed by: countries, and actors
    without a country that stand for themselves (org:NATO); a person without a country has none and is left
    out there. `actor` / `recipient` are the actor ids of the first report (the one the cluster is named by),
    as in an event report."""
    reports_of: dict[str, list[dict[str, Any]]] = {}
    ids = [c["id"] for c in found]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for r in rows(store, f"SELECT {REPORT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                      f" WHERE e.cluster_id IN ({', '.join('?' for _ in chunk)}) ORDER BY {DAY}, {ORDER}", chunk):
            reports_of.setdefault(r["cluster_id"], []).append(event_row(store, r))
    name_sides(store, [e for reports in reports_of.values() for e in reports])
    sides = {c["id"]: {key: decode(store, c[key]) for key in ("actor_countries", "recipient_countries")}
             for c in found}
    people = _people(store, sorted({i for s in sides.values() for v in s.values() for i in v}))
    for c in found:
        for key, value in sides[c["id"]].items():
            c[key] = [i for i in value if i not in people]
        c["negated"] = bool(c["negated"])
        c["events"] = reports_of.get(c["id"], [])
        first = next((e for e in c["events"] if e["id"] == c["id"]), c["events"][0] if c["events"] else None)
        c["actor"] = first["actor"] if first else []
        c["recipient"] = first["recipient"] if first else []
    return found


def _people(store: Store, ids: list[str]) -> set[str]:
    out: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        out.update(r["id"] for r in rows(
            store, f"SELECT id FROM actors WHERE type = 'person' AND id IN ({', '.join('?' for _ in chunk)})", chunk))
    return out


def event_row(store: Store, e: dict[str, Any]) -> dict[str, Any]:
    """An event row as every answer gives it: JSON lists decoded, booleans as booleans, `day` (None when the
    report has no date) and `dated_by` ("event", "published" or None), `rule` (None before migration 0009)."""
    for name in ("context", "actor", "recipient"):
        e[name] = decode(store, e[name])
    for name in ("negated", "historical"):
        if name in e:
            e[name] = bool(e[name])
    if "day" in e:
        if e["day"] in (UNDATED, ""):
            e["day"] = None
        e["dated_by"] = "event" if e.get("date") else ("published" if e["day"] else None)
    e.setdefault("rule", None)
    return e


def names(store: Store, ids: Sequence[str]) -> dict[str, str]:
    """Actor id -> canonical name, for the ids given that are stored."""
    wanted = sorted(set(ids))
    out: dict[str, str] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        out.update({r["id"]: r["name"] for r in rows(
            store, f"SELECT id, name FROM actors WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)})
    return out


def name_sides(store: Store, found: list[dict[str, Any]]) -> None:
    """`actor_names` / `recipient_names` beside the ids of each event (an id not stored stands for itself)."""
    known = names(store, [i for e in found for i in (*e["actor"], *e["recipient"])])
    for e in found:
        e["actor_names"] = [known.get(i, i) for i in e["actor"]]
        e["recipient_names"] = [known.get(i, i) for i in e["recipient"]]


# --- the actor network ------------------------------------------------------------------------------------------


def graph(store: Store, date_from: str | None, date_to: str | None, countries: list[str], edges: int = 100,
          min_weight: int = 1) -> dict[str, Any]:
    """Actors linked by events (actor -> recipient, weighted by reports) and by co-mentions (weighted by
    articles) among articles published in a period; with `countries`, only actors of (or being) those
    countries. The heaviest `edges` links of each kind. Negated events link no one."""
    where: list[str] = ["a.duplicate_of IS NULL"]
    params: list[Any] = []
    if not (date_from or date_to):  # no period: the latest articles, so the work stays bounded
        where.append("a.id IN (SELECT id FROM articles WHERE duplicate_of IS NULL"
                     " ORDER BY published DESC NULLS LAST, id LIMIT ?)")
        params.append(GRAPH_LATEST)
    if date_from:
        where.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        params.append(end_of(date_to))
    marks = ", ".join("?" for _ in countries)

    def keep(alias: str) -> str:
        return f" AND ({alias}.id IN ({marks}) OR {alias}.country IN ({marks}))" if countries else ""

    both = [*countries, *countries]
    cond = " AND ".join(where)
    by_events = rows(
        store, f"SELECT s.actor_id AS source, r.actor_id AS target, count(*) AS weight FROM events e"
        f" JOIN articles a ON a.id = e.article_id"
        f" JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.id AND s.role = 'actor'"
        f" JOIN event_actors r ON r.article_id = e.article_id AND r.event_id = e.id AND r.role = 'recipient'"
        f" JOIN actors xs ON xs.id = s.actor_id JOIN actors xr ON xr.id = r.actor_id"
        f" WHERE {cond} AND e.negated = ? AND e.modality <> 'hypothetical' AND s.actor_id <> r.actor_id"
        f"{keep('xs')}{keep('xr')}"
        f" GROUP BY s.actor_id, r.actor_id HAVING count(*) >= ? ORDER BY count(*) DESC, s.actor_id, r.actor_id"
        f" LIMIT ?", [*params, False, *both, *both, min_weight, edges])
    co = rows(
        store, f"SELECT p.actor_id AS source, o.actor_id AS target, count(*) AS weight FROM articles a"
        f" JOIN article_actors p ON p.article_id = a.id JOIN article_actors o ON o.article_id = a.id"
        f" AND o.actor_id > p.actor_id JOIN actors xs ON xs.id = p.actor_id JOIN actors xr ON xr.id = o.actor_id"
        f" WHERE {cond}{keep('xs')}{keep('xr')} GROUP BY p.actor_id, o.actor_id HAVING count(*) >= ?"
        f" ORDER BY count(*) DESC, p.actor_id, o.actor_id LIMIT ?", [*params, *both, *both, min_weight, edges])
    ids = sorted({i for e in (*by_events, *co) for i in (e["source"], e["target"])})
    nodes = []
    if ids:
        m = ", ".join("?" for _ in ids)
        nodes = rows(store, f"SELECT id, name, type, country FROM actors WHERE id IN ({m}) ORDER BY id", ids)
    degree: dict[str, int] = {}
    for e in (*by_events, *co):
        for i in (e["source"], e["target"]):
            degree[i] = degree.get(i, 0) + int(e["weight"])
    for n in nodes:
        n["weight"] = degree.get(n["id"], 0)
    return {"nodes": nodes, "events": by_events, "co_mentions": co}
