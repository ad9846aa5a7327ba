"""Read-only event queries with cursors: event reports, one report with its cluster, event clusters, the actor
network. Same dialect and rules as entente.serve.queries (dates: `DATE_BASIS`).

Filters mean one thing everywhere here: `actor` / `recipient` is an actor id, or a country code that also
takes that country's people and bodies (RUS takes person:vladimir-putin); `type` a PLOVER type; `from` / `to`
partial dates, `to` inclusive (2023-03 takes all of March); near-duplicate articles are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from entente.serve.checks import Problem
from entente.serve.queries import DAY, UNDATED, end_of, event_row, names, rows
from entente.store import Store

REPORT_COLUMNS = f"e.*, {DAY} AS day, a.published, a.lang, a.source, a.title, a.url"


@dataclass(frozen=True)
class EventFilters:
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    lang: str | None = None
    source: str | None = None
    modality: str | None = None
    negated: bool | None = None
    dyad: bool = False  # actor and recipient are each a country code (or a country-less actor): event_dyads

    def reports(self) -> tuple[str, str, list[Any]]:
        """The FROM clause of the matching reports (`e`, `a`), their date expression, and its parameters: with
        `dyad`, a range of event_dyads (whose `date` is that date, indexed by the pair)."""
        if not (self.dyad and self.actor and self.recipient):
            return "events e JOIN articles a ON a.id = e.article_id", DAY, []
        a, b = sorted((self.actor, self.recipient))
        direction = "a_to_b" if a == self.actor else "b_to_a"
        pair = f"d.country_a = ? AND d.country_b = ? AND d.{direction} = ?"
        if self.date_from or self.date_to:  # dated reports only: read in date order off (country_a, country_b, date)
            pair += " AND d.date <> ''"
            day = "d.date"
        else:
            day = f"CASE WHEN d.date = '' THEN '{UNDATED}' ELSE d.date END"
        return (f"event_dyads d JOIN events e ON e.article_id = d.article_id AND e.id = d.event_id AND {pair}"
                f" JOIN articles a ON a.id = e.article_id", day, [a, b, 1])

    def where(self, day: str = DAY) -> tuple[str, list[Any]]:
        """Conditions on `e` (events) and `a` (articles) and their parameters."""
        parts, params = ["a.duplicate_of IS NULL"], []
        simple = {"e.type = ?": self.type, "a.lang = ?": self.lang, "a.source = ?": self.source,
                  "e.modality = ?": self.modality, "e.negated = ?": self.negated,
                  f"{day} >= ?": self.date_from, f"{day} <= ?": end_of(self.date_to) if self.date_to else None}
        for sql, value in simple.items():
            if value is not None:
                parts.append(sql)
                params.append(value)
        if self.date_from or self.date_to:
            parts.append(f"{day} <> '{UNDATED}'")
        for role, code in (("actor", self.actor), ("recipient", self.recipient)):
            if code and not (self.dyad and self.actor and self.recipient):
                parts.append(f"EXISTS (SELECT 1 FROM event_actors ea LEFT JOIN actors x ON x.id = ea.actor_id"
                             f" WHERE ea.article_id = e.article_id AND ea.event_id = e.id AND ea.role = '{role}'"
                             f" AND (ea.actor_id = ? OR x.country = ?))")
                params += [code, code]
        return " AND ".join(parts), params


def events(store: Store, f: EventFilters, after: list[Any] | None, limit: int) -> dict[str, Any]:
    """A page of event reports, oldest first (undated first), and the cursor key of the next page."""
    source, day, params = f.reports()
    where, extra = f.where(day)
    params += extra
    if after is not None:
        where += f" AND ({day} > ? OR ({day} = ? AND (e.article_id > ? OR (e.article_id = ? AND e.id > ?))))"
        params += [after[0], after[0], after[1], after[1], after[2]]
    columns = REPORT_COLUMNS.replace(DAY, day)
    found = rows(store, f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {day}, e.article_id, e.id LIMIT ?",
                 [*params, limit + 1])
    last = found[limit - 1] if len(found) > limit else None
    next_key = [last["day"], last["article_id"], last["id"]] if last else None
    found = [event_row(store, r) for r in found[:limit]]
    name_sides(store, found)
    return {"events": found, "next_key": next_key}


def name_sides(store: Store, found: list[dict[str, Any]]) -> None:
    known = names(store, [i for e in found for i in (*e["actor"], *e["recipient"])])
    for e in found:
        e["actor_names"] = [known.get(i, i) for i in e["actor"]]
        e["recipient_names"] = [known.get(i, i) for i in e["recipient"]]


def event(store: Store, article_id: str, event_id: str) -> dict[str, Any]:
    """One event report with its evidence (sentence, offsets, trigger, rule) and the other reports of its cluster."""
    found = rows(store, f"SELECT {REPORT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
                 f" WHERE e.article_id = ? AND e.id = ?", (article_id, event_id))
    if not found:
        raise Problem(404, f"no event {event_id!r} in article {article_id!r}", "event_id")
    e = event_row(store, found[0])
    name_sides(store, [e])
    e["cluster"] = cluster(store, e["cluster_id"]) if e.get("cluster_id") else None
    return e


GRAPH_LATEST = 5000  # articles a network without a period is drawn from



CLUSTER_BASIS = ("a cluster is listed where its first report stands (its type, sides and date), as the dyad series "
                 "counts it")


def clusters(store: Store, f: EventFilters, after: list[Any] | None, limit: int) -> dict[str, Any]:
    """A page of event clusters (real-world events) whose first report matches the filters, ordered as those
    reports are (oldest first), each with all its reports."""
    source, day, params = f.reports()
    where, extra = f.where(day)
    params += extra
    where += " AND e.cluster_id = e.id"
    if after is not None:
        where += f" AND ({day} > ? OR ({day} = ? AND (e.article_id > ? OR (e.article_id = ? AND e.id > ?))))"
        params += [after[0], after[0], after[1], after[1], after[2]]
    found = rows(store, f"SELECT c.*, {day} AS day_key, e.article_id AS first_article FROM {source}"
                 f" JOIN event_clusters c ON c.id = e.cluster_id WHERE {where}"
                 f" ORDER BY {day}, e.article_id, e.id LIMIT ?", [*params, limit + 1])
    last = found[limit - 1] if len(found) > limit else None
    next_key = [last["day_key"], last["first_article"], last["id"]] if last else None
    for c in found:
        del c["day_key"], c["first_article"]
    return {"clusters": [_with_reports(store, c) for c in found[:limit]], "next_key": next_key}


def cluster(store: Store, cluster_id: str) -> dict[str, Any]:
    found = rows(store, "SELECT c.* FROM event_clusters c WHERE c.id = ?", (cluster_id,))
    if not found:
        raise Problem(404, f"no event cluster {cluster_id!r} in this store", "id")
    return _with_reports(store, found[0])


def _with_reports(store: Store, c: dict[str, Any]) -> dict[str, Any]:
    for name in ("actor_countries", "recipient_countries"):
        c[name] = store._json(c[name])  # type: ignore[attr-defined]
    c["negated"] = bool(c["negated"])
    c["events"] = [event_row(store, r) for r in rows(
        store, f"SELECT {REPORT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE e.cluster_id = ? ORDER BY {DAY}, a.lang, e.article_id, e.id", (c["id"],))]
    name_sides(store, c["events"])
    return c


def graph(store: Store, date_from: str | None, date_to: str | None, countries: list[str], edges: int,
          min_weight: int) -> dict[str, Any]:
    """Actors linked by events (actor -> recipient, weighted by reports) and by co-mentions (weighted by
    articles) among articles published in a period; with `countries`, only actors of (or being) those
    countries. The heaviest `edges` links of each kind."""
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
        f" WHERE {cond} AND e.negated = ? AND s.actor_id <> r.actor_id{keep('xs')}{keep('xr')}"
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
