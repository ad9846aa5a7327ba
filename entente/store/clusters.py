"""Event clusters: the reports of one real-world event across articles, outlets and languages, kept together.

Every event report of an original article (a near-duplicate's are left out) belongs to one cluster. At
ingest, in the order articles are stored, a report joins a cluster when it agrees with every report
already in it (complete linkage: a cluster cannot drift by chaining):

- the same PLOVER type, the same negation (a denied event never merges with an asserted one) and modality;
- overlapping actor countries and overlapping recipient countries with the cluster's first report, or
  the two swapped for types that read both ways (CONSULT, COOPERATE, AGREE: "Xi met Putin" is "Putin met
  Xi"). A person or body counts for its country; an actor without one (org:NATO) for itself;
- dates within WINDOW days when both are days; the same month when one is only a month; the same year
  when both are only years (a year never merges with a finer date). A report without a date of its own
  takes its article's publication date; one with neither stays alone;
- compatible locations: either unknown, the same place, or places of the same country.

Otherwise it starts a cluster of its own. Of several clusters it could join, it joins the nearest in time
(then the largest, then the smallest id). A cluster's id is the event id of its first report; it keeps
its type, negation, modality, the first report's countries, the first location named, the first and last
date, the coarsest date precision, and counts of mentions (reports, i.e. event rows), reports (articles),
sources and languages.

A new report finds its candidates through `event_cluster_keys`: one key per (type, actor country,
recipient country, month or year of the first report) of each cluster, so a lookup reads only the clusters
of the report's dyad in the months its window touches.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from entente.models import Analysis

RECIPROCAL = frozenset({"CONSULT", "COOPERATE", "AGREE"})
WINDOW = 3  # days between any two day-dated reports of one cluster
LOOKUP_CHUNK = 500


@dataclass(frozen=True)
class Report:
    """One event report as clustering sees it."""

    article_id: str
    event_id: str
    type: str
    negated: bool
    modality: str
    date: str | None  # its own date, else its article's publication date
    actors: frozenset[str]  # countries (or ids of actors without one)
    recipients: frozenset[str]
    location: str | None = None
    location_country: str | None = None
    lang: str | None = None
    source: str | None = None


def reports(a: Analysis) -> list[Report]:
    """The reports of an analysis, one per event id (as the events table holds them)."""
    country = {x.id: x.country or x.id for x in a.actors}
    found, seen = [], set()
    for e in a.events:
        if e.id in seen:
            continue
        seen.add(e.id)
        found.append(Report(a.id, e.id, e.type, bool(e.negated), e.modality, e.date or a.published,
                            frozenset(country.get(x, x) for x in e.actor),
                            frozenset(country.get(x, x) for x in e.recipient), e.location,
                            country.get(e.location) if e.location else None, a.lang, a.source))
    return found


def _precision(date: str | None) -> str | None:
    """day | month | year for a well-formed date, else None."""
    if not date:
        return None
    try:
        if len(date) == 10:
            dt.date.fromisoformat(date)
            return "day"
        if len(date) == 7:
            dt.date.fromisoformat(date + "-01")
            return "month"
        if len(date) == 4 and date.isdigit():
            return "year"
    except ValueError:
        return None
    return None


def _days(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _periods(date: str, precision: str) -> set[str]:
    """The periods (month or year of a first report) of the clusters a report of this date could join."""
    if precision == "year":
        return {date}
    if precision == "month":
        return {date}
    day = dt.date.fromisoformat(date)
    return {(day + dt.timedelta(days=d)).isoformat()[:7] for d in (-WINDOW, 0, WINDOW)}


def _pairs(r: Report) -> set[tuple[str, str]]:
    pairs = {(a, b) for a in r.actors for b in r.recipients}
    if r.type in RECIPROCAL:
        pairs |= {(b, a) for a, b in pairs}
    return pairs


def lookup_keys(r: Report) -> set[str]:
    """The keys of the clusters this report could join (none when it has no date, actor or recipient)."""
    precision = _precision(r.date)
    if precision is None or r.date is None:
        return set()
    return {f"{r.type}|{a}|{b}|{p}" for a, b in _pairs(r) for p in _periods(r.date, precision)}


@dataclass
class Cluster:
    id: str
    type: str
    negated: bool
    modality: str
    actors: frozenset[str]
    recipients: frozenset[str]
    location: str | None
    location_country: str | None
    first: str | None
    last: str | None
    precision: str | None
    mentions: int = 0  # as stored (a cluster read from the database); new ones count their members
    stored: bool = False
    members: list[Report] = field(default_factory=list)

    @classmethod
    def start(cls, r: Report) -> Cluster:
        c = cls(r.event_id, r.type, r.negated, r.modality, r.actors, r.recipients, r.location, r.location_country,
                r.date if _precision(r.date) else None, r.date if _precision(r.date) else None, _precision(r.date))
        c.members.append(r)
        return c

    @cached_property
    def index_keys(self) -> frozenset[str]:
        """Its lookup keys: the first report's country pairs and period (the period never changes: a report
        joins only within the month, or the year, of the first)."""
        if self.precision is None or self.first is None:
            return frozenset()
        period = self.first if self.precision == "year" else self.first[:7]
        return frozenset(f"{self.type}|{a}|{b}|{period}" for a in self.actors for b in self.recipients)

    def admits(self, r: Report) -> bool:
        if (r.type, r.negated, r.modality) != (self.type, self.negated, self.modality):
            return False
        direct = bool(self.actors & r.actors) and bool(self.recipients & r.recipients)
        swapped = r.type in RECIPROCAL and bool(self.actors & r.recipients) and bool(self.recipients & r.actors)
        return (direct or swapped) and self._admits_date(r.date) and self._admits_location(r)

    def _admits_date(self, date: str | None) -> bool:
        precision = _precision(date)
        if precision is None or date is None or self.precision is None or self.first is None or self.last is None:
            return False
        if precision == "year" or self.precision == "year":
            return precision == self.precision == "year" and date == self.first
        if precision == "month":
            return self.first[:7] == date and self.last[:7] == date
        if self.precision == "month" and self.first[:7] != date[:7]:
            return False
        if len(self.first) < 10:  # only month-dated reports so far
            return True
        return _days(max(self.last, date), min(self.first, date)) <= WINDOW

    def _admits_location(self, r: Report) -> bool:
        if r.location is None or self.location is None or r.location == self.location:
            return True
        return r.location_country is not None and r.location_country == self.location_country

    def distance(self, date: str | None) -> int:
        """Days from the cluster's dates to a day-dated report (0 inside them, or for coarser dates)."""
        if not date or len(date) < 10 or not self.first or len(self.first) < 10 or not self.last:
            return 0
        if self.first <= date <= self.last:
            return 0
        return min(_days(date, self.first), _days(date, self.last))

    def add(self, r: Report) -> None:
        self.members.append(r)
        if self.location is None and r.location is not None:
            self.location, self.location_country = r.location, r.location_country
        precision = _precision(r.date)
        if precision == "day" and r.date and self.first and self.last:
            if len(self.first) < 10:
                self.first = self.last = r.date
            else:
                self.first, self.last = min(self.first, r.date), max(self.last, r.date)
        elif precision == "month":
            self.precision = "month"


@dataclass
class Attached:
    """The clusters of one batch of reports."""

    assignments: dict[tuple[str, str], str] = field(default_factory=dict)  # (article id, event id) -> cluster
    new: list[Cluster] = field(default_factory=list)
    touched: list[Cluster] = field(default_factory=list)  # stored clusters that gained reports


def assign(batch: Iterable[Report], stored: dict[str, list[Cluster]]) -> Attached:
    """Attach each report, in order, to a cluster (`stored`: key -> clusters read from the database)."""
    index = {k: list(cs) for k, cs in stored.items()}
    out = Attached()
    touched: dict[str, Cluster] = {}
    for r in batch:
        keys = lookup_keys(r)
        candidates = {c.id: c for k in keys for c in index.get(k, ())}
        fits = [c for c in candidates.values() if c.admits(r)]
        if fits:
            c = min(fits, key=lambda c: (c.distance(r.date), -(c.mentions + len(c.members)), c.id))
            c.add(r)
            if c.stored:
                touched[c.id] = c
        else:
            c = Cluster.start(r)
            out.new.append(c)
            for k in c.index_keys:
                index.setdefault(k, []).append(c)
        out.assignments[r.article_id, r.event_id] = c.id
    out.touched = list(touched.values())
    return out


# --- in the store --------------------------------------------------------------------------------------------


class _Store(Protocol):
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def _json(self, value: Any) -> Any: ...


_INSERT = ("INSERT INTO event_clusters (id, type, negated, modality, actor_countries, recipient_countries, location,"
           " first, last, precision, mentions, reports, sources, languages)"
           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_REFRESH = (
    "UPDATE event_clusters SET location = ?, first = ?, last = ?, precision = ?,"
    " mentions = (SELECT count(*) FROM events e WHERE e.cluster_id = event_clusters.id),"
    " reports = (SELECT count(DISTINCT e.article_id) FROM events e WHERE e.cluster_id = event_clusters.id),"
    " sources = (SELECT count(DISTINCT a.source) FROM events e JOIN articles a ON a.id = e.article_id"
    "            WHERE e.cluster_id = event_clusters.id),"
    " languages = (SELECT count(DISTINCT a.lang) FROM events e JOIN articles a ON a.id = e.article_id"
    "              WHERE e.cluster_id = event_clusters.id)"
    " WHERE id = ?")


def attach(store: _Store, batch: Sequence[Report]) -> Attached:
    """Assign a batch of new reports to clusters and write the new clusters (before the events that point to
    them); `refresh` then brings the stored clusters that gained reports up to date."""
    keys = sorted({k for r in batch for k in lookup_keys(r)})
    stored: dict[str, list[Cluster]] = {}
    clusters: dict[str, Cluster] = {}
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start:start + LOOKUP_CHUNK]
        rows = store._rows(
            f"SELECT k.key, c.*, x.country AS location_country FROM event_cluster_keys k"
            f" JOIN event_clusters c ON c.id = k.cluster_id LEFT JOIN actors x ON x.id = c.location"
            f" WHERE k.key IN ({', '.join('?' for _ in chunk)})", chunk)
        for row in rows:
            c = clusters.get(row["id"])
            if c is None:
                c = clusters[row["id"]] = Cluster(
                    row["id"], row["type"], bool(row["negated"]), row["modality"],
                    frozenset(store._json(row["actor_countries"])), frozenset(store._json(row["recipient_countries"])),
                    row["location"], row["location_country"], row["first"], row["last"], row["precision"],
                    row["mentions"], stored=True)
            stored.setdefault(row["key"], []).append(c)
    out = assign(batch, stored)
    if out.new:
        store._executemany(_INSERT, [_row(c) for c in out.new])
        store._executemany("INSERT INTO event_cluster_keys (key, cluster_id) VALUES (?, ?)",
                           [(k, c.id) for c in out.new for k in sorted(c.index_keys)])
    return out


def refresh(store: _Store, clusters: Sequence[Cluster]) -> None:
    """Dates, location and counts of stored clusters that gained reports (once those are in `events`)."""
    if clusters:
        store._executemany(_REFRESH, [(c.location, c.first, c.last, c.precision, c.id) for c in clusters])


def _row(c: Cluster) -> tuple:
    articles = {m.article_id for m in c.members}
    sources = {m.source for m in c.members if m.source}
    languages = {m.lang for m in c.members if m.lang}
    return (c.id, c.type, c.negated, c.modality, json.dumps(sorted(c.actors)), json.dumps(sorted(c.recipients)),
            c.location, c.first, c.last, c.precision, len(c.members), len(articles), len(sources), len(languages))


def stored_reports(store: _Store, article_ids: Sequence[str]) -> list[Report]:
    """The reports of stored articles, in the order given and then of their events (for clustering what was
    stored before clusters existed)."""
    if not article_ids:
        return []
    marks = ", ".join("?" for _ in article_ids)
    sides: dict[tuple[str, str, str], set[str]] = {}
    for r in store._rows(f"SELECT ea.article_id, ea.event_id, ea.role, coalesce(x.country, ea.actor_id) AS country"
                         f" FROM event_actors ea LEFT JOIN actors x ON x.id = ea.actor_id"
                         f" WHERE ea.article_id IN ({marks})", article_ids):
        sides.setdefault((r["article_id"], r["event_id"], r["role"]), set()).add(r["country"])
    order = {a: n for n, a in enumerate(article_ids)}
    rows = store._rows(
        f"SELECT e.article_id, e.id, e.seq, e.type, e.negated, e.modality, coalesce(e.date, a.published) AS date,"
        f" e.location, x.country AS location_country, a.lang, a.source FROM events e"
        f" JOIN articles a ON a.id = e.article_id LEFT JOIN actors x ON x.id = e.location"
        f" WHERE e.article_id IN ({marks})", article_ids)
    rows.sort(key=lambda r: (order[r["article_id"]], r["seq"]))
    return [Report(r["article_id"], r["id"], r["type"], bool(r["negated"]), r["modality"], r["date"],
                   frozenset(sides.get((r["article_id"], r["id"], "actor"), ())),
                   frozenset(sides.get((r["article_id"], r["id"], "recipient"), ())),
                   r["location"], r["location_country"], r["lang"], r["source"]) for r in rows]
