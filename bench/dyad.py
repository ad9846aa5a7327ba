"""Dyad queries over a synthetic store of 1,000,000 events: p95 latency of an event query by dyad and date
range, and of a monthly dyad series (target: both under 50 ms).

    .venv/bin/python bench/dyad.py [--events N] [--db FILE] [--pg [URL]] [--queries N] [--json]

The store is built through `Store.add` from real `Analysis` values: about 200 countries with Zipf-like
weights (the USA, Russia, Ukraine, China first), each with people and government bodies that count for it;
the 16 PLOVER types with news-like weights and their modes; dates 2000–2026, more in later years (most
full days, some months only, some undated: the publication date then stands in); a few negated. Articles
carry 1–5 events each. A SQLite file that already holds the events is reused (`--rebuild` to build anew).
With `--pg` the same store is built in PostgreSQL too (default URL: the test server, in a schema of its
own, `entente_bench`, kept for re-runs).

Queries are drawn at random (fixed seed) as an analyst would ask: dyads weighted by how often they occur,
date ranges of 1–10 years. Each query is timed from the call to the last row in Python (warm cache: the
store is queried once untimed first); p50, p95 and max are reported per query and backend.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from entente.models import Actor, Analysis, Article, Event, Mention, Paragraph
from entente.store import Store, open_store
from entente.store.dyad import dyad_events, dyad_series

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import machine, revision  # noqa: E402

TARGET_MS = 50.0
PG_URL = os.environ.get("ENTENTE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
FIRST = ("USA", "RUS", "UKR", "CHN", "GBR", "DEU", "FRA", "ISR", "IRN", "TUR", "IND", "JPN", "PRK", "KOR", "POL",
         "SYR", "BLR", "ITA", "SAU", "PSE", "KAZ", "GEO", "MDA", "HUN", "CAN", "AUS", "BRA", "EGY", "PAK", "AFG")
TYPES = {"CONSULT": 22, "ACCUSE": 12, "AGREE": 10, "SUPPORT": 9, "ASSAULT": 8, "REQUEST": 7, "THREATEN": 5,
         "REJECT": 5, "COOPERATE": 5, "SANCTION": 4, "AID": 4, "MOBILIZE": 3, "COERCE": 3, "PROTEST": 1.5,
         "RETREAT": 1.5, "CONCEDE": 1}
YEARS = list(range(2000, 2027))


def countries(n: int = 200) -> list[str]:
    """The first `n` country codes of the knowledge base, the most reported first."""
    data = tomllib.loads((resources.files("entente.actors") / "data" / "countries.toml").read_text("utf-8"))
    rest = [c for c in data if c not in FIRST and data[c].get("status") == "member"]
    return [*FIRST, *rest][:n]


def modes() -> dict[str, list[str]]:
    data = tomllib.loads((resources.files("entente.extract") / "data" / "plover.toml").read_text("utf-8"))
    return {t: list(d.get("modes") or {}) for t, d in data["types"].items()}


class Synthetic:
    """A reproducible stream of (Article, Analysis) pairs with `events` events in all."""

    def __init__(self, events: int, seed: int = 7):
        self.total = events
        self.rng = random.Random(seed)
        self.codes = countries()
        self.weights = [1 / (k + 1) for k in range(len(self.codes))]  # Zipf, s = 1
        self.modes = modes()
        self.types, self.type_weights = list(TYPES), list(TYPES.values())
        self.year_weights = [1.12 ** (y - 2000) for y in YEARS]

    def actor(self, code: str) -> Actor:
        """The country itself, one of its people, or one of its bodies."""
        r = self.rng.random()
        if r < 0.4:
            return Actor(code, f"Country {code}", "country", code)
        if r < 0.75:
            k = self.rng.randrange(8)
            return Actor(f"person:{code.lower()}-{k}", f"Person {k} of {code}", "person", code, "GOV")
        body = self.rng.choice(("GOV", "MFA", "MIL"))
        return Actor(f"org:{code}-{body}", f"{body} of {code}", "organization", code,
                     "MIL" if body == "MIL" else "GOV")

    def date(self) -> str | None:
        year = self.rng.choices(YEARS, self.year_weights)[0]
        month = self.rng.randint(1, 11 if year == 2026 else 12)
        r = self.rng.random()
        if r < 0.07:
            return None
        if r < 0.15:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}"

    def __iter__(self) -> Iterator[tuple[Article, Analysis]]:
        rng, made, n = self.rng, 0, 0
        while made < self.total:
            count = min(rng.randint(1, 5), self.total - made)
            text = f"Synthetic report {n}."
            article = Article(file=f"synthetic/{n}.txt", text=text)
            actors: dict[str, Actor] = {}
            events = []
            dates = []
            for k in range(count):
                first, second = rng.choices(self.codes, self.weights, k=2)
                while second == first:
                    second = rng.choices(self.codes, self.weights)[0]
                side = [self.actor(first)] + ([self.actor(rng.choice(self.codes[:40]))] if rng.random() < 0.1 else [])
                other = [self.actor(second)] if rng.random() < 0.85 else []
                for x in side + other:
                    actors.setdefault(x.id, x)
                kind = rng.choices(self.types, self.type_weights)[0]
                mode = rng.choice(self.modes[kind]) if self.modes[kind] and rng.random() < 0.5 else None
                date = self.date()
                dates.append(date)
                events.append(Event(
                    f"{n:010x}{k:06x}", kind, mode, (), tuple(dict.fromkeys(x.id for x in side)),
                    tuple(x.id for x in other), date, None, rng.random() < 0.04, "asserted", "met", text, 0,
                    len(text), 0.8))
            known = [d for d in dates if d]
            published = max(known)[:10] if known else f"{rng.choices(YEARS, self.year_weights)[0]}-06-15"
            analysis = Analysis(
                id=article.id, file=article.file, lang=rng.choice(("ru", "uk", "en")), published=published,
                source=f"Outlet {rng.randrange(60)}", text=text, paragraphs=(Paragraph(0, len(text), "en"),),
                actors=tuple(Actor(x.id, x.name, x.type, x.country, x.sector, (Mention(0, 9, "Synthetic"),))
                             for x in actors.values()),
                events=tuple(events))
            yield article, analysis
            made += count
            n += 1


def build(store: Store, events: int, batch: int = 2000) -> dict[str, Any]:
    """Fill `store` with the synthetic events; returns how long it took."""
    started, pending, articles = time.perf_counter(), [], 0
    for item in Synthetic(events):
        pending.append(item)
        if len(pending) >= batch:
            articles += store.add(pending)[0]
            pending.clear()
            print(f"\r  {articles:,} articles", end="", file=sys.stderr, flush=True)
    articles += store.add(pending)[0]
    print(file=sys.stderr)
    seconds = time.perf_counter() - started
    return {"articles": articles, "seconds": round(seconds, 1), "articles_per_second": round(articles / seconds)}


def open_bench_store(location: str, events: int, rebuild: bool) -> tuple[Store, dict[str, Any] | None]:
    """The store at `location`, built when it holds fewer than `events` events (or `rebuild`)."""
    if rebuild and not location.startswith("postgresql"):
        for suffix in ("", "-wal", "-shm"):
            Path(location + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    store = open_store(location)
    opened = round(time.perf_counter() - started, 1)  # includes migrating an older store (0007 fills its pairs)
    have = store.stats()["events"]
    if have >= events:
        return store, {"reused": have, "open_seconds": opened}
    if have:
        raise SystemExit(f"{location} holds {have} events, fewer than {events}: use --rebuild")
    built = build(store, events)
    if location.startswith("postgresql"):  # what autovacuum does in time; fresh tables need it for their plans
        for table in ("articles", "events", "event_actors", "event_dyads", "actors"):
            store._executemany(f"VACUUM ANALYZE {table}", [()])
    return store, built


def pg_location(url: str, rebuild: bool, schema: str = "entente_bench") -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        if rebuild:
            db.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        db.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def queries(n: int, seed: int = 11) -> list[dict[str, Any]]:
    """Dyads as often asked as they occur (the synthetic weights), date ranges of 1-10 years (a third of the
    series over the whole record), plus the largest dyad over everything."""
    rng, codes = random.Random(seed), countries()
    weights = [1 / (k + 1) for k in range(len(codes))]
    out = []
    for _ in range(n):
        actor, recipient = rng.choices(codes, weights, k=2)
        while recipient == actor:
            recipient = rng.choices(codes, weights)[0]
        first = rng.randint(2000, 2025)
        last = min(2026, first + rng.randint(0, 9))
        whole = rng.random() < 0.33
        out.append({"actor": actor, "recipient": recipient, "date_from": None if whole else f"{first}-01-01",
                    "date_to": None if whole else f"{last}-12-31"})
    return out


def timed(call: Any, n: int) -> tuple[list[float], int]:
    took, rows = [], 0
    for _ in range(n):
        t = time.perf_counter()
        result = call()
        took.append((time.perf_counter() - t) * 1000)
        rows += len(result["periods"]) if isinstance(result, dict) else len(result)
    return took, rows


def figures(took: list[float]) -> dict[str, float]:
    ordered = sorted(took)
    return {"p50_ms": round(ordered[len(ordered) // 2], 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
            "max_ms": round(ordered[-1], 2), "mean_ms": round(sum(took) / len(took), 2), "queries": len(took)}


def measure(store: Store, n: int, general: int) -> dict[str, Any]:
    """p50 / p95 / max of the two dyad queries over `n` random queries each (warmed up once first)."""
    asked = queries(n)
    for q in asked[:20]:  # warm the cache as a running service would have it
        dyad_series(store, q["actor"], q["recipient"], by="month")
    results: dict[str, Any] = {}
    for name, call in (
        ("events by dyad and date range (dyad_events, 100 rows)",
         lambda q: dyad_events(store, q["actor"], q["recipient"], date_from=q["date_from"] or "2000",
                               date_to=q["date_to"] or "2026", limit=100)),
        ("monthly dyad series (dyad_series --by month)",
         lambda q: dyad_series(store, q["actor"], q["recipient"], by="month", date_from=q["date_from"],
                               date_to=q["date_to"])),
        ("monthly dyad series, both directions (--both)",
         lambda q: dyad_series(store, q["actor"], q["recipient"], by="month", both=True, date_from=q["date_from"],
                               date_to=q["date_to"])),
    ):
        took = []
        rows = 0
        for q in asked:
            t = time.perf_counter()
            result = call(q)
            took.append((time.perf_counter() - t) * 1000)
            rows += len(result["periods"]) if isinstance(result, dict) else len(result)
        results[name] = {**figures(took), "rows_per_query": round(rows / len(asked), 1)}
    big = [timed(lambda: dyad_series(store, "USA", "RUS", by="month"), 20)[0],
           timed(lambda: dyad_series(store, "USA", "RUS", by="month", both=True), 20)[0]]
    results["largest dyad USA -> RUS, whole record, monthly"] = figures(big[0])
    results["largest dyad USA <-> RUS, whole record, monthly"] = figures(big[1])
    if general:  # the general event query, which reads event_dyads too when each side is one country code
        took = [t for q in asked[:general] for t in timed(lambda q=q: store.events(
            actor=q["actor"], recipient=q["recipient"], date_from=q["date_from"], date_to=q["date_to"],
            limit=100), 1)[0]]
        results["store.events(actor=CC, recipient=CC, date range), first 100"] = figures(took)
    largest = dyad_series(store, "USA", "RUS", by="month")["total"]["events"]
    return {"queries": results, "largest_dyad_events": largest}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=1_000_000, help="events in the synthetic store (default 1,000,000)")
    p.add_argument("--db", default="/tmp/entente-bench-dyad.db", help="the SQLite file (default: %(default)s)")
    p.add_argument("--pg", nargs="?", const=PG_URL, default=None, metavar="URL",
                   help=f"also PostgreSQL (default URL: {PG_URL}, schema entente_bench)")
    p.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    p.add_argument("--queries", type=int, default=200, help="random queries per kind (default 200)")
    p.add_argument("--general", type=int, default=0, metavar="N",
                   help="also time N general store.events() queries by the same dyads, for comparison")
    p.add_argument("--rebuild", action="store_true", help="build the store anew even if it holds the events")
    p.add_argument("--json", action="store_true", help="one JSON object instead of the text report")
    args = p.parse_args()
    report: dict[str, Any] = {"revision": revision(), "machine": machine(), "events": args.events,
                              "target_p95_ms": TARGET_MS, "backends": {}}
    locations = ([] if args.no_sqlite else [("sqlite", args.db)]) + (
        [("postgres", pg_location(args.pg, args.rebuild))] if args.pg else [])
    for name, location in locations:
        print(f"{name}: {location}", file=sys.stderr)
        store, built = open_bench_store(location, args.events, args.rebuild)
        try:
            stats = store.stats()
            pairs = store._rows("SELECT count(*) AS n FROM event_dyads")[0]["n"]  # type: ignore[attr-defined]
            report["backends"][name] = {"build": built, "articles": stats["articles"], "events": stats["events"],
                                        "dyad_rows": int(pairs), **measure(store, args.queries, args.general)}
        finally:
            store.close()
    # the target is over the random queries; the largest dyad and the general query are shown beside them
    met = all(q["p95_ms"] < TARGET_MS for b in report["backends"].values()
              for k, q in b["queries"].items() if "largest" not in k and "comparison" not in k)
    report["target_met"] = met
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(f"revision {report['revision']}, {report['events']:,} synthetic events")
    for name, b in report["backends"].items():
        print(f"\n{name}: {b['articles']:,} articles, {b['events']:,} events, {b['dyad_rows']:,} dyad rows; "
              f"largest dyad (USA -> RUS): {b['largest_dyad_events']:,} events; store: {b['build']}")
        for q, f in b["queries"].items():
            print(f"  {q:<64} p50 {f['p50_ms']:>7.2f} ms  p95 {f['p95_ms']:>7.2f} ms  max {f['max_ms']:>7.2f} ms"
                  f"  ({f['queries']} queries)")
    print(f"\ntarget p95 < {TARGET_MS:.0f} ms: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
