"""Dyad series: how one country has acted towards another, period by period, in PLOVER terms.

    series = dyad_series(store, "CHN", "RUS", by="quarter", date_from="2020")
    series["periods"][0]  # {"period": "2020-Q1", "events": 4, "mean_score": 3.1, "quads": {...}, "types": {...}}
    dyad_events(store, "CHN", "RUS", date_from="2023-03", date_to="2023-03")  # the reports behind a period

A dyad is an ordered pair: the actor side of an event holds an actor of the first country (the country
itself, or a person or body that counts for it), the recipient side one of the second; `both` takes the two
directions together. Each code is an ISO alpha-3 country code, or the id of an actor without a country
(`org:NATO`). Negated events are left out, and so are the reports of near-duplicate articles. An event's date
is its own, else its article's publication date. An event cluster (the reports of one real-world event across
articles, outlets and languages) counts once, where its first report stands: that report's type, mode, date
and direction; a report outside any cluster counts alone.

The pairs live in the `event_dyads` table (migration 0007): one row per (pair of countries in code order,
report) with the direction(s) of the report; the `event_dyads_series` index (migration 0012) orders a pair's rows
by month, type and mode, so a series is one range scan of the months asked for, grouped as it is read.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from entente.store import Store
from entente.store.record import _end_of

if TYPE_CHECKING:
    from entente.store.base import SQLStore

PERIODS = ("month", "quarter", "year")
QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
SINCE = 7  # the schema version that adds event_dyads (migrations/*/0007_event_dyads.sql)
HYPOTHETICAL_SINCE = 13  # the one that marks a hypothetical report's rows (0013_dyad_hypothetical.sql)
WRITE_BATCH = 500

# The rows of the event reports of some articles (their ids fill the IN list), as the store writes them with
# each batch; migrations/*/0007_event_dyads.sql wrote them so for the reports stored before. `{c}` orders the
# codes bytewise (the C collation) on PostgreSQL, as SQLite and Python do. A hypothetical report («если Китай
# поможет ...», "if China helped ...") is marked (`{h}...`: from schema 13 on): a series counts what happened only.
WRITE_DYADS = """INSERT INTO event_dyads (country_a, country_b, type, mode, month, date, article_id, event_id,
    a_to_b, b_to_a, negated, cluster_id{hc})
SELECT CASE WHEN p.actor{c} <= p.recipient THEN p.actor ELSE p.recipient END,
    CASE WHEN p.actor{c} <= p.recipient THEN p.recipient ELSE p.actor END,
    p.type, p.mode, CASE WHEN length(p.date) >= 7 THEN substr(p.date, 1, 7) ELSE p.date END, p.date,
    p.article_id, p.event_id, max(CASE WHEN p.actor{c} <= p.recipient THEN 1 ELSE 0 END),
    max(CASE WHEN p.actor{c} >= p.recipient THEN 1 ELSE 0 END), p.negated, p.cluster_id{hv}
FROM (
    SELECT e.article_id, e.id AS event_id, e.type, coalesce(e.mode, '') AS mode, e.negated, e.cluster_id{hs},
        coalesce(e.date, a.published, '') AS date, coalesce(xs.country, s.actor_id) AS actor,
        coalesce(xr.country, r.actor_id) AS recipient
    FROM articles a
    JOIN events e ON e.article_id = a.id
    JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.id AND s.role = 'actor'
    JOIN event_actors r ON r.article_id = e.article_id AND r.event_id = e.id AND r.role = 'recipient'
    LEFT JOIN actors xs ON xs.id = s.actor_id
    LEFT JOIN actors xr ON xr.id = r.actor_id
    WHERE a.id IN ({marks}) AND a.duplicate_of IS NULL
) p
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 11, 12{hg}
ON CONFLICT DO NOTHING"""
MARKED = {"hc": ", hypothetical", "hv": ", p.hypothetical", "hs": ", e.modality = 'hypothetical' AS hypothetical",
          "hg": ", 13"}


def write_dyads(store: SQLStore, article_ids: Sequence[str]) -> None:
    """The dyad rows of these articles' event reports (inside the caller's transaction)."""
    from entente.store.postgres import PostgresStore

    collate = ' COLLATE "C"' if isinstance(store, PostgresStore) else ""
    marked = MARKED if store.version >= HYPOTHETICAL_SINCE else dict.fromkeys(MARKED, "")
    for k in range(0, len(article_ids), WRITE_BATCH):
        chunk = list(article_ids[k : k + WRITE_BATCH])
        store._executemany(WRITE_DYADS.format(marks=", ".join("?" for _ in chunk), c=collate, **marked), [chunk])


# --- the PLOVER scale -------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _ontology() -> dict[str, Any]:
    path = resources.files("entente.extract") / "data" / "plover.toml"
    return tomllib.loads(path.read_text("utf-8"))


def plover() -> dict[str, dict[str, Any]]:
    """PLOVER types from the coder's data file (entente/extract/data/plover.toml), in its order:
    type -> {quad, score, modes: {mode: score}}."""
    return _ontology()["types"]


def score(type: str, mode: str | None) -> float | None:
    """The PLOVER cooperation-conflict score (-10..+10) of a type and mode; a mode without its own score
    takes its type's.

    >>> score("CONSULT", "visit"), score("CONSULT", None), score("SANCTION", "expel")
    (4.0, 2.5, -5.5)
    """
    t = plover().get(type)
    if t is None:
        return None
    modes = t.get("modes") or {}
    return float(modes[mode]) if mode in modes else float(t["score"])


def quad(type: str) -> str | None:
    """The quad class of a PLOVER type: verbal / material cooperation / conflict."""
    return (plover().get(type) or {}).get("quad")


def quad_code(type: str) -> int | None:
    """PLOVER's numeric quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    conflict."""
    name = quad(type)
    return _ontology()["quads"].get(name) if name else None


# --- queries ----------------------------------------------------------------------------------------------------


def backend(store: Store) -> SQLStore:
    """The SQL store behind the protocol (both backends are one)."""
    from entente.store.base import SQLStore

    if not isinstance(store, SQLStore):
        raise TypeError(f"an SQL store is needed, not {type(store).__name__}")
    return store


def _dyad(actor: str, recipient: str, both: bool) -> tuple[str, list[Any]]:
    """The condition on `d` (event_dyads) for a dyad, and its parameters."""
    a, b = sorted((actor.strip(), recipient.strip()))
    if both:
        return "d.country_a = ? AND d.country_b = ?", [a, b]
    direction = "a_to_b" if a == actor.strip() else "b_to_a"
    return f"d.country_a = ? AND d.country_b = ? AND d.{direction} = ?", [a, b, 1]


def _dates(date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    sql = ""
    params: list[Any] = []
    if date_from:
        sql += " AND d.date >= ?"
        params.append(date_from)
    if date_to:
        sql += " AND d.date <= ?"
        params.append(_end_of(date_to))
    return sql, params


def _months(date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    """Bounds on `d.month` that every row of the date range meets (a month is a prefix of its date, so it sorts
    between the range's ends too): they let the series read only the range's months. The date conditions stay."""
    sql = ""
    params: list[Any] = []
    if date_from:
        sql += " AND d.month >= ?"
        params.append(date_from[:7])
    if date_to:
        sql += " AND d.month <= ?"
        params.append(_end_of(date_to))
    return sql, params


def dyad_series(store: Store, actor: str, recipient: str, by: str = "month", both: bool = False,
                date_from: str | None = None, date_to: str | None = None) -> dict[str, Any]:
    """Counts by PLOVER type and quad class and the mean PLOVER score of `actor` -> `recipient`, per period.

    Returns {actor, recipient, both, by, from, to, periods: [...], total: {...}, undated}: each period (and
    the total) is {period, events, mean_score, quads: {quad: n}, types: {type: n}}; periods run without holes
    from the first to the last with events (or over the whole from/to range); `undated` counts the events
    whose date is too coarse for the period (a year only, in a monthly series) or missing. `events` counts
    every type; `types` and `quads` the PLOVER ones.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    db = backend(store)
    actor, recipient = actor.strip(), recipient.strip()
    where, params = _dyad(actor, recipient, both)
    dates, more = _dates(date_from, date_to)
    months, month_params = _months(date_from, date_to)
    scale, scale_params = _scale_sql()
    types = list(plover())
    # The inner query reads the dyad's months in the range off the `event_dyads_series` index (month, type, mode)
    # and groups as it reads; the outer one folds its few thousand groups into one row per month: events, score
    # sum, counts per type.
    columns = ", ".join(f"sum(CASE WHEN g.type = ? THEN g.n ELSE 0 END) AS t{k}" for k in range(len(types)))
    rows = db._rows(
        f"SELECT g.month, sum(g.n) AS events, sum(g.n * g.score) AS scored,"
        f" sum(CASE WHEN g.score IS NULL THEN 0 ELSE g.n END) AS weight, {columns}"
        f" FROM (SELECT d.type, d.month, count(*) AS n, {scale} AS score FROM event_dyads d"
        f" WHERE {where} AND d.negated = ? AND d.hypothetical = ?"
        f" AND (d.cluster_id IS NULL OR d.cluster_id = d.event_id){dates}{months}"
        f" GROUP BY d.month, d.type, d.mode) g GROUP BY g.month",
        [*types, *scale_params, *params, False, False, *more, *month_params])
    periods: dict[str, _Sums] = {}
    total, undated = _Sums(len(types)), 0
    count_columns = [f"t{k}" for k in range(len(types))]
    shortest = 4 if by == "year" else 7
    for r in rows:
        month, events = r["month"], int(r["events"])
        if len(month) < shortest:
            undated += events
            continue
        counts = [int(r[c]) for c in count_columns]
        key = _period(month, by)
        if key not in periods:
            periods[key] = _Sums(len(types))
        for sums in (periods[key], total):
            sums.add(events, float(r["scored"] or 0), int(r["weight"]), counts)
    keys = sorted(periods)
    if keys or (date_from and date_to):
        first = _period(_month(date_from), by) if date_from else keys[0]
        last = _period(_month(date_to, end=True), by) if date_to else keys[-1]
        keys = _periods_between(min([first, *keys]), max([last, *keys]), by)
    return {
        "actor": actor, "recipient": recipient, "both": both, "by": by, "from": date_from, "to": date_to,
        "periods": [periods[k].summary(k) if k in periods else _Sums.empty(k) for k in keys],
        "total": total.summary("total"),
        "undated": undated,
    }


@lru_cache(maxsize=1)
def _layout() -> tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]:
    """The PLOVER types in the data file's order, the quad class of each, and their positions in name order."""
    types = tuple(plover())
    return types, tuple(plover()[t]["quad"] for t in types), tuple(sorted(range(len(types)), key=types.__getitem__))


class _Sums:
    """What a period adds up: events, the sum and number of their scores, events per PLOVER type (in the order of
    `plover()`)."""

    def __init__(self, types: int):
        self.events, self.scored, self.weight, self.counts = 0, 0.0, 0, [0] * types

    def add(self, events: int, scored: float, weight: int, counts: list[int]) -> None:
        self.events += events
        self.scored += scored
        self.weight += weight
        self.counts = [a + b for a, b in zip(self.counts, counts, strict=True)]

    def summary(self, period: str) -> dict[str, Any]:
        types, quad_of, by_name = _layout()
        quads = dict.fromkeys(QUADS, 0)
        for quad, n in zip(quad_of, self.counts, strict=True):
            if n:
                quads[quad] += n
        return {"period": period, "events": self.events,
                "mean_score": round(self.scored / self.weight, 2) if self.weight else None,
                "quads": quads, "types": {types[k]: self.counts[k] for k in by_name if self.counts[k]}}

    @staticmethod
    def empty(period: str) -> dict[str, Any]:
        """The summary of a period without events."""
        return {"period": period, "events": 0, "mean_score": None, "quads": dict.fromkeys(QUADS, 0), "types": {}}


@lru_cache(maxsize=1)
def _scale_sql() -> tuple[str, tuple[Any, ...]]:
    """PLOVER scores as an SQL expression over `d.type` and `d.mode` (NULL for a type PLOVER has not), with
    its parameters: a mode without a score of its own takes its type's."""
    parts, params = [], []
    for type, t in plover().items():
        modes = t.get("modes") or {}
        if modes:
            whens = " ".join(f"WHEN ? THEN {float(v)!r}" for v in modes.values())
            parts.append(f"WHEN ? THEN CASE d.mode {whens} ELSE {float(t['score'])!r} END")
            params += [type, *modes]
        else:
            parts.append(f"WHEN ? THEN {float(t['score'])!r}")
            params.append(type)
    return f"CASE d.type {' '.join(parts)} END", tuple(params)


def _month(date: str, end: bool = False) -> str:
    """A from/to date as a month (a bare year reaches its first or last month)."""
    return date[:7] if len(date) >= 7 else date[:4] + ("-12" if end else "-01")


def _period(month: str, by: str) -> str:
    """The period of a month (YYYY-MM; YYYY only by year): 2023-03 -> 2023-Q1 by quarter, 2023 by year."""
    if by == "year":
        return month[:4]
    if by == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    return month


def _periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period from `first` to `last`, so a series has no holes."""
    year = int(first[:4])
    if by == "year":
        return [str(y) for y in range(year, int(last[:4]) + 1)]
    per_year = 4 if by == "quarter" else 12
    k = int(first[6:]) - 1 if by == "quarter" else int(first[5:7]) - 1
    out: list[str] = []
    while True:
        key = f"{year}-Q{k + 1}" if by == "quarter" else f"{year}-{k + 1:02d}"
        out.append(key)
        if key >= last:
            return out
        year, k = (year + 1, 0) if k + 1 == per_year else (year, k + 1)


def dyad_events(store: Store, actor: str, recipient: str, both: bool = False, date_from: str | None = None,
                date_to: str | None = None, negated: bool | None = False, limit: int = 100) -> list[dict[str, Any]]:
    """The dated event reports of a dyad in a date range, oldest first, every report of a cluster, with `day`
    (the date the series counts it at) and its article's date, language, source, title and URL.
    `negated=None` takes negated reports too."""
    db = backend(store)
    where, params = _dyad(actor, recipient, both)
    dates, more = _dates(date_from, date_to)
    if negated is not None:
        where += " AND d.negated = ?"
        params.append(negated)
    if negated is False:  # what a series counts: no supposed event either
        where += " AND d.hypothetical = ?"
        params.append(False)
    rows = db._rows(
        f"SELECT e.*, d.date AS day, a.published, a.lang, a.source, a.title, a.url FROM"
        f" (SELECT d.article_id, d.event_id, d.date FROM event_dyads d WHERE {where} AND d.date > ?{dates}"
        f" ORDER BY d.date, d.article_id, d.event_id LIMIT ?) d"
        f" JOIN events e ON e.article_id = d.article_id AND e.id = d.event_id"
        f" JOIN articles a ON a.id = e.article_id"
        f' ORDER BY d.date, e.article_id, e."start", e.id', [*params, "", *more, limit])
    from entente.store.query import event_row, name_sides

    found = [event_row(store, r) for r in rows]  # the shape of every event answer (entente.store.query)
    name_sides(store, found)
    return found
