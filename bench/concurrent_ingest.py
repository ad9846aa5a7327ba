"""Safe first-time migrations, measured: TRIALS times, PROCESSES `entente ingest examples/` processes
started at once into a new SQLite file and into a new PostgreSQL schema. A trial passes when every process
exits 0 with no error line, the articles are stored once, and every migration is recorded once. The test
with 1 trial per case: tests/test_concurrent_ingest.py.

    .venv/bin/python bench/concurrent_ingest.py [--trials 20] [--processes 5] [--pg URL] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_concurrent_ingest import check, ingest_at_once  # noqa: E402


def pg_schema(server: str) -> tuple[str, str]:
    import psycopg

    schema = f"entente_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    return schema, f"{server}{sep}options=-csearch_path%3D{schema}"


def drop(server: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as db:
        db.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--processes", type=int, default=5)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test", help="'' to skip PostgreSQL")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict[str, dict[str, int | float]] = {}
    for backend in ("sqlite", "postgres") if args.pg else ("sqlite",):
        passed, failures, started = 0, [], time.perf_counter()
        for _ in range(args.trials):
            with tempfile.TemporaryDirectory() as tmp:
                schema = None
                if backend == "sqlite":
                    location = str(Path(tmp) / "new.db")
                else:
                    schema, location = pg_schema(args.pg)
                try:
                    check(location, ingest_at_once(location, args.processes), new=14)
                    passed += 1
                except AssertionError as e:
                    failures.append(str(e)[-2000:])
                finally:
                    if schema:
                        drop(args.pg, schema)
        results[backend] = {"trials": args.trials, "passed": passed, "processes": args.processes,
                            "seconds": round(time.perf_counter() - started, 1)}
        for f in failures[:3]:
            print(f"{backend}: a failed trial:\n{f}", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for backend, r in results.items():
            print(f"{backend}: {r['passed']}/{r['trials']} trials of {r['processes']} concurrent ingests into a new "
                  f"store passed ({r['seconds']} s)")


if __name__ == "__main__":
    main()
