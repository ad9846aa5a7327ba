"""Safe first-time migrations: several `entente ingest` processes started at once on a new store, or on a
store of an old schema, migrate it once and store every article once, with no error — on SQLite and on
PostgreSQL. Real processes, a real file and a real server. bench/concurrent_ingest.py runs 20 trials.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from entente.store import open_store
from entente.store.migrate import migrations
from tests.conftest import EXAMPLES, ROOT

PROCESSES = 5


def ingest_at_once(location: str, n: int = PROCESSES) -> list[subprocess.CompletedProcess]:
    """`entente ingest examples/` n times at once, into `location`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "entente.cli", "ingest", str(EXAMPLES), "--db", location, "--format", "json",
            "--no-progress"]
    procs = [subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(n)]
    done = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(argv, p.returncode, out, err))
    return done


def check(location: str, runs: list[subprocess.CompletedProcess], new: int, total: int = 14) -> None:
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "failed" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    summaries = [json.loads(run.stdout) for run in runs]
    assert sum(s["new"] for s in summaries) == new  # each article is new to exactly one process
    with open_store(location, "read") as store:
        assert store.stats()["articles"] + store.stats()["duplicates"] == total
        versions = [r["version"] for r in store._rows("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [v for v, _, _ in migrations("sqlite")]  # each step once


def test_five_ingests_at_once_into_a_new_store(store_location):
    runs = ingest_at_once(store_location)
    check(store_location, runs, new=14)


def test_five_ingests_at_once_into_a_store_of_an_old_schema(store_location, examples):
    from entente.store.postgres import PostgresStore, is_url
    from entente.store.sqlite import SQLiteStore

    old = PostgresStore(store_location, upto=4) if is_url(store_location) else SQLiteStore(store_location, upto=4)
    old.add(examples[:5])  # stored at schema 4: migrations 5-8 backfill them
    old.close()
    runs = ingest_at_once(store_location)
    check(store_location, runs, new=14 - 5)


def test_the_test_can_fail_on_a_store_it_cannot_migrate(tmp_path):
    db = tmp_path / "x.db"
    Path(db).write_text("not a database at all, " * 100)
    runs = ingest_at_once(str(db), n=2)
    assert all(r.returncode == 2 and "not an SQLite file" in r.stderr for r in runs)
