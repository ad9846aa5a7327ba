"""Load test of `entente serve`: N concurrent clients (default 8) in this process call a server in another
process over loopback for a fixed time (default 30 s); latency p50 / p95 / max per endpoint, and errors.

    .venv/bin/python bench/serve_load.py --db /tmp/entente-bench-dyad.db          # starts `entente serve` itself
    .venv/bin/python bench/serve_load.py --db STORE --workers 2 --json
    .venv/bin/python bench/serve_load.py --base http://127.0.0.1:8000 --db STORE   # a server already running

The requests are drawn at random (fixed seed) as an analyst would browse: event reports of a dyad in a date range
of 1–10 years (`/api/events?actor=A&recipient=B&from=&to=`, dyads weighted by how often they occur), a monthly
dyad series (`/api/dyads/A/B?from=&to=`), an actor profile (`/api/actors/ID`, among the 50 most mentioned), and
the first page of a dyad's event clusters. The dyads and actors are read from the store first (not timed). Before
the run each actor profile is asked for once (timed apart as `actor_profiles_cold`: the server then keeps it until
the store changes) and 40 requests warm the server. Each client keeps one HTTP/1.1 connection open; a request is
timed from sending it to the last byte of the answer.
Target (issue 12): p95 < 100 ms for the events, dyad and actor endpoints, 0 errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS = 100.0


def targets(location: str) -> tuple[list[tuple[str, str, int]], list[str], tuple[int, int]]:
    """The dyads (with their report counts), the most mentioned actors, and the span of years of the store."""
    sys.path.insert(0, str(ROOT))
    from entente.store import open_store

    with open_store(location) as store:
        rows = store._rows  # type: ignore[attr-defined]
        dyads = [(r["country_a"], r["country_b"], int(r["n"])) for r in rows(
            "SELECT country_a, country_b, count(*) AS n FROM event_dyads WHERE a_to_b = 1 AND country_a <> country_b"
            " GROUP BY country_a, country_b ORDER BY count(*) DESC LIMIT 200")]
        actors = [r["actor_id"] for r in rows(
            "SELECT actor_id FROM article_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 50")]
        span = rows("SELECT min(published) AS lo, max(published) AS hi FROM articles WHERE published IS NOT NULL")[0]
    years = (int((span["lo"] or "2000")[:4]), int((span["hi"] or "2026")[:4]))
    return dyads, actors, years


def requests(dyads: list[tuple[str, str, int]], actors: list[str], years: tuple[int, int], n: int,
             seed: int = 13) -> list[tuple[str, str]]:
    """(kind, path) pairs drawn at random."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        a, b, _ = rng.choices(dyads, weights=[d[2] for d in dyads])[0]
        length = rng.randint(1, 10)
        start = rng.randint(years[0], max(years[0], years[1] - length + 1))
        span = f"from={start}&to={start + length - 1}"
        kind = rng.choice(("events", "dyad", "actor", "clusters"))
        if kind == "events":
            out.append((kind, f"/api/events?actor={quote(a)}&recipient={quote(b)}&{span}&limit=50"))
        elif kind == "dyad":
            out.append((kind, f"/api/dyads/{quote(a)}/{quote(b)}?by=month&{span}"))
        elif kind == "actor":
            out.append((kind, f"/api/actors/{quote(rng.choice(actors))}"))
        else:
            out.append((kind, f"/api/clusters?actor={quote(a)}&recipient={quote(b)}&{span}&limit=20"))
    return out


def client(base: str, work: list[tuple[str, str]], until: float, took: dict[str, list[float]],
           errors: list[str], lock: threading.Lock) -> None:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    mine: dict[str, list[float]] = {}
    k = 0
    while time.monotonic() < until:
        kind, path = work[k % len(work)]
        k += 1
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as e:
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            status = f"{type(e).__name__}"  # type: ignore[assignment]
        ms = (time.perf_counter() - started) * 1000
        if status != 200:
            with lock:
                errors.append(f"{status} {path}")
        mine.setdefault(kind, []).append(ms)
    conn.close()
    with lock:
        for kind, values in mine.items():
            took.setdefault(kind, []).extend(values)


def figures(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return {"requests": len(values), "p50_ms": round(statistics.median(values), 1), "p95_ms": round(p95, 1),
            "max_ms": round(values[-1], 1)}


def start_server(location: str, workers: int) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "entente.cli", "serve", "--db", location, "--port", str(port),
                             "--workers", str(workers), "--timeout", "60"], env=env)  # a cold profile may be slow
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/stats")
            if conn.getresponse().status == 200:
                return proc, base
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("entente serve did not start")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", required=True, help="the store (a SQLite file or a postgresql:// URL)")
    p.add_argument("--base", default=None, help="a running server's URL (default: start `entente serve --db`)")
    p.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    p.add_argument("--seconds", type=float, default=30.0, help="how long (default 30)")
    p.add_argument("--workers", type=int, default=1, help="server processes when started here (default 1)")
    p.add_argument("--json", action="store_true", help="one JSON object instead of the text report")
    args = p.parse_args()

    dyads, actors, years = targets(args.db)
    proc, base = (None, args.base) if args.base else start_server(args.db, args.workers)
    try:
        work = requests(dyads, actors, years, 5000)
        cold = []  # the first request of each actor profile computes it (then it is cached): timed apart
        conn = http.client.HTTPConnection(urlsplit(base).hostname, urlsplit(base).port, timeout=120)
        for path in [f"/api/actors/{quote(a)}" for a in actors] + [p for _, p in work[:40]]:
            started = time.perf_counter()
            conn.request("GET", path)
            conn.getresponse().read()
            if path.startswith("/api/actors/") and len(cold) < len(actors):
                cold.append((time.perf_counter() - started) * 1000)
        conn.close()
        took: dict[str, list[float]] = {}
        errors: list[str] = []
        lock = threading.Lock()
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(base, work[k * 600:] + work[:k * 600], until, took, errors,
                                                         lock)) for k in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
    result: dict[str, Any] = {
        "store": args.db if "://" not in args.db else args.db.split("@")[-1], "clients": args.clients,
        "seconds": args.seconds, "workers": args.workers, "dyads": len(dyads), "actors": len(actors),
        "by_endpoint": {kind: figures(v) for kind, v in sorted(took.items())},
        "all": figures([x for v in took.values() for x in v]),
        "actor_profiles_cold": figures(cold) if cold else None,
        "errors": len(errors), "error_examples": errors[:5],
        "requests_per_s": round(sum(len(v) for v in took.values()) / args.seconds, 1),
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"{result['clients']} clients, {result['seconds']:.0f} s, {result['requests_per_s']} requests/s, "
          f"{result['errors']} errors ({args.db})")
    if cold:
        c = result["actor_profiles_cold"]
        print(f"  cold actor profiles (first request each, before the run): p50 {c['p50_ms']} p95 {c['p95_ms']} "
              f"max {c['max_ms']} ms")
    for kind, f in result["by_endpoint"].items():
        mark = "ok" if f["p95_ms"] < TARGET_MS else "MISSED"
        print(f"  {kind:9} {f['requests']:6} requests  p50 {f['p50_ms']:7.1f}  p95 {f['p95_ms']:7.1f}  "
              f"max {f['max_ms']:7.1f} ms  {mark}")


if __name__ == "__main__":
    main()
