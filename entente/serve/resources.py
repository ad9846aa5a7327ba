"""Each resource once: its parameters checked, its query run, its JSON shape built. The REST API returns these
dicts as they are; every HTML page renders one and gives it back as its JSON twin (`?format=json`).
"""

from __future__ import annotations

from typing import Any

from entente.errors import UsageError
from entente.serve.cache import Cache
from entente.serve.checks import (
    MAX_LIMIT,
    MAX_WEIGHT,
    Cursor,
    Problem,
    check_choice,
    check_period,
    check_range,
    check_text,
    check_type,
)
from entente.store import Store
from entente.store import query as eq
from entente.store import query_articles as queries
from entente.store.dyad import QUADS, dyad_events, dyad_series, plover
from entente.store.resolve import dyad_side, event_side

MODALITIES = ("asserted", "future", "hypothetical")


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise Problem(422, f"limit: {limit} is not between 1 and {MAX_LIMIT}", "limit")
    return limit


def _page(found: dict[str, Any], key: str) -> dict[str, Any]:
    nxt = found.pop("next_key")
    return {**found, "next": Cursor.encode(nxt) if nxt else None, "count": len(found[key])}


def article_list(store: Store, q: str | None = None, lang: str | None = None, source: str | None = None,
                 actor: str | None = None, type: str | None = None, month: str | None = None,
                 cursor: str | None = None, limit: int = 20) -> dict[str, Any]:
    q = check_text(q, "q")
    filters: dict[str, str | None] = {"lang": check_text(lang, "lang", 20), "source": check_text(source, "source"),
                                      "type": check_type(type), "month": None, "actor": None}
    if month:
        if len(month) != 7:
            raise Problem(422, f"month: {month[:20]!r} is not a month (YYYY-MM)", "month")
        filters["month"] = check_range(month, None)[0]
    if actor:
        filters["actor"] = _side(store, check_text(actor, "actor") or "", "actor")
    at = Cursor.decode(cursor, 1)
    offset = int(at[0]) if at else 0
    found = queries.articles(store, q, filters, offset, _limit(limit))
    more = offset + len(found["articles"]) < found["total"]
    return {"q": q, "filters": filters, **found, "offset": offset,
            "next": Cursor.encode([offset + len(found["articles"])]) if more else None}


def article(store: Store, article_id: str) -> dict[str, Any]:
    found = queries.article(store, check_text(article_id, "id", 100) or "")
    if found is None:
        raise Problem(404, f"no article {article_id!r} in this store", "id")
    return found


def _side(store: Store, text: str, param: str, dyad: bool = False) -> str:
    """An actor filter or dyad side as every interface reads it (entente.store.resolve): a country code, else
    the stored actor a name or id names; an unknown or ambiguous name is a 422 that lists the closest."""
    try:
        return (dyad_side if dyad else event_side)(store, text)[0]
    except UsageError as e:
        raise Problem(422, f"{param}: {e}", param) from None


def event_filters(store: Store, actor: str | None, recipient: str | None, type: str | None, date_from: str | None,
                  date_to: str | None, lang: str | None = None, source: str | None = None,
                  modality: str | None = None, negated: bool | None = None) -> eq.EventFilters:
    """The event filters, checked: unknown actors, types and bad dates are 422s that name the parameter."""
    sides: dict[str, str | None] = {}
    for param, value in (("actor", actor), ("recipient", recipient)):
        text = check_text(value, param)
        sides[param] = _side(store, text, param) if text else None
    date_from, date_to = check_range(date_from, date_to)
    return eq.EventFilters.of(store, sides["actor"], sides["recipient"], type=check_type(type), date_from=date_from,
                              date_to=date_to, lang=check_text(lang, "lang", 20), source=check_text(source, "source"),
                              modality=check_choice(modality, "modality", MODALITIES), negated=negated)


def event_list(store: Store, f: eq.EventFilters, cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    found = eq.reports(store, f, Cursor.decode(cursor, 4), _limit(limit))
    return {"filters": f.described(), "date_basis": eq.DATE_BASIS, **_page(found, "events")}


def event(store: Store, article_id: str, event_id: str) -> dict[str, Any]:
    found = eq.event_report(store, check_text(article_id, "article_id", 100) or "",
                            check_text(event_id, "event_id", 100) or "")
    if found is None:
        raise Problem(404, f"no event {event_id!r} in article {article_id!r}", "event_id")
    return found


def cluster_list(store: Store, f: eq.EventFilters, cursor: str | None = None, limit: int = 20) -> dict[str, Any]:
    found = eq.clusters(store, f, Cursor.decode(cursor, 4), _limit(limit))
    return {"filters": f.described(), "date_basis": eq.DATE_BASIS, "cluster_basis": eq.CLUSTER_BASIS,
            **_page(found, "clusters")}


def cluster(store: Store, cluster_id: str) -> dict[str, Any]:
    found = eq.cluster(store, check_text(cluster_id, "id", 100) or "")
    if found is None:
        raise Problem(404, f"no event cluster {cluster_id!r} in this store", "id")
    return found


def dyad(store: Store, a: str, b: str, by: str = "month", both: bool = False, date_from: str | None = None,
         date_to: str | None = None, period: str | None = None, limit: int = 100) -> dict[str, Any]:
    """A dyad's series by period (quad classes, mean PLOVER score) and, for one `period` (a YYYY, YYYY-MM or
    the dates of a bar), the reports behind it."""
    a = _side(store, check_text(a, "a", 100) or "", "a", dyad=True)
    b = _side(store, check_text(b, "b", 100) or "", "b", dyad=True)
    date_from, date_to = check_range(date_from, date_to)
    series = dyad_series(store, a, b, by=check_period(by), both=both, date_from=date_from, date_to=date_to)
    series["names"] = eq.names(store, [a, b])
    series["quad_names"] = list(QUADS)
    series["period"] = period
    if period:
        start, end = _period_range(period)
        series["events"] = dyad_events(store, a, b, both=both, date_from=start, date_to=end, limit=_limit(limit))
    return series


def _period_range(period: str) -> tuple[str, str]:
    """The first and last date of a period as a series names it: 2023, 2023-Q1 or 2023-03."""
    if len(period) == 7 and period[4:6] == "-Q" and period[6] in "1234":
        first = (int(period[6]) - 1) * 3 + 1
        year = check_range(period[:4], None)[0] or ""
        return f"{year}-{first:02d}", f"{year}-{first + 2:02d}"
    day = check_range(period, None)[0]
    if not day or len(day) == 10:
        raise Problem(422, f"period: {period[:20]!r} is not a year, a quarter (2023-Q1) or a month", "period")
    return day, day


def actor_list(store: Store, q: str | None = None, type: str | None = None, country: str | None = None,
               limit: int = 50) -> dict[str, Any]:
    q = check_text(q, "q")
    kind = check_choice(type, "type", ("person", "country", "organization", "location", "group"))
    country = check_text(country, "country", 100)
    found = (store.find_actors(q, limit=_limit(limit)) if q
             else store.actors(type=kind, country=country.upper() if country else None, limit=_limit(limit)))
    return {"q": q, "type": kind, "country": country, "actors": found, "count": len(found)}


def actor(store: Store, actor_id: str, cache: Cache | None = None) -> dict[str, Any]:
    """An actor's profile (entente.store's) with its counterparts in events; kept in `cache` until the store
    changes (over a large record a profile aggregates many thousand rows)."""
    actor_id = check_text(actor_id, "id", 100) or ""

    def profile() -> dict[str, Any] | None:
        found = store.actor(actor_id)
        if found is not None:
            found["counterparts"] = queries.counterparts(store, actor_id)
        return found

    found = cache.get(store, ("actor", actor_id), profile) if cache else profile()
    if found is None:
        raise Problem(404, f"no actor {actor_id!r} in this store", "id")
    return found


def graph(store: Store, date_from: str | None = None, date_to: str | None = None, countries: str | None = None,
          edges: int = 100, min_weight: int = 1, cache: Cache | None = None) -> dict[str, Any]:
    """The actor network of a period (without one: of the latest `eq.GRAPH_LATEST` articles, said in `scope`)."""
    date_from, date_to = check_range(date_from, date_to)
    codes = [c.strip().upper() for c in (check_text(countries, "countries") or "").split(",") if c.strip()]
    if not 1 <= edges <= 500:
        raise Problem(422, f"edges: {edges} is not between 1 and 500", "edges")
    if not 1 <= min_weight <= MAX_WEIGHT:
        raise Problem(422, f"min_weight: {min_weight} is not between 1 and {MAX_WEIGHT:,}", "min_weight")
    key = ("graph", date_from, date_to, tuple(codes), edges, min_weight)
    found = (cache.get(store, key, lambda: eq.graph(store, date_from, date_to, codes, edges, min_weight)) if cache
             else eq.graph(store, date_from, date_to, codes, edges, min_weight))
    scope = (f"articles published {date_from or '…'} to {date_to or '…'}" if date_from or date_to
             else f"the latest {eq.GRAPH_LATEST:,} articles")
    return {"from": date_from, "to": date_to, "countries": codes, "scope": scope, **found}


def stats(store: Store) -> dict[str, Any]:
    found = store.stats()
    found.pop("database", None)  # a PostgreSQL URL or a path is nothing to publish
    found["types"] = list(plover())
    return found
