"""`entente ingest --cluster`: a real Dask scheduler and two worker processes on loopback, a real
PostgreSQL store. What the cluster stores is what one process stores: the same articles, events and
event clusters, ids and all. When CI=true, a slice of the bench corpus goes through as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytest.importorskip("distributed")
psycopg = pytest.importorskip("psycopg")

from tests.conftest import EXAMPLES, ROOT, shared_path  # noqa: E402
from tests.dask_support import loopback_cluster  # noqa: E402

CORPUS_SLICE = 150  # bench corpus records, in CI


@pytest.fixture
def schemas(pg_server):
    """Two fresh PostgreSQL schemas (URLs), dropped afterwards."""
    names = [f"entente_test_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with psycopg.connect(pg_server, autocommit=True) as db:
        for name in names:
            db.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in pg_server else "?"
    try:
        yield [f"{pg_server}{sep}options=-csearch_path%3D{name}" for name in names]
    finally:
        with psycopg.connect(pg_server, autocommit=True) as db:
            for name in names:
                db.execute(f"DROP SCHEMA {name} CASCADE")


def ingest(tmp_path: Path, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), ENTENTE_DB=str(tmp_path / "fallback.db"))
    run = subprocess.run([sys.executable, "-m", "entente.cli", "ingest", *args, "--format", "json", "--no-progress"],
                         capture_output=True, text=True, timeout=1200, cwd=tmp_path, env=env)
    assert run.returncode in (0, 1), run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def stored(url: str) -> dict[str, object]:
    with psycopg.connect(url) as db:
        def rows(sql: str) -> list[tuple]:
            return sorted(tuple(r) for r in db.execute(sql).fetchall())
        return {"articles": rows("SELECT id, duplicate_of FROM articles"),
                "events": rows("SELECT article_id, id, type, cluster_id FROM events"),
                "clusters": rows("SELECT id, reports FROM event_clusters"),
                "quotes": len(rows("SELECT article_id, seq FROM quotes")),
                "actors": len(rows("SELECT article_id, actor_id FROM article_actors"))}


def inputs(tmp_path: Path) -> list[str]:
    paths = [str(EXAMPLES)]
    if os.environ.get("CI") == "true":
        corpus = shared_path("data", "bench", "corpus.jsonl")
        part = tmp_path / "corpus_slice.jsonl"
        with open(corpus, encoding="utf-8") as src:
            part.write_text("".join(line for _, line in zip(range(CORPUS_SLICE), src, strict=False)),
                            encoding="utf-8")
        paths.append(str(part))
    return paths


def test_a_two_worker_cluster_stores_what_one_process_stores(tmp_path, schemas):
    one_url, cluster_url = schemas
    paths = inputs(tmp_path)
    alone = ingest(tmp_path, *paths, "--db", one_url, "--workers", "1")
    with loopback_cluster(tmp_path, workers=2) as (address, _):
        spread = ingest(tmp_path, *paths, "--db", cluster_url, "--cluster", address)
        again = ingest(tmp_path, *paths, "--db", cluster_url, "--cluster", address)
    assert spread == {**alone, "database": spread["database"]}
    assert spread["new"] >= 14
    mine, theirs = stored(one_url), stored(cluster_url)
    assert theirs == mine
    assert len(mine["events"]) > 0 and len(mine["clusters"]) > 0  # type: ignore[arg-type]
    assert again["new"] == 0 and again["already_stored"] == spread["read"]


def test_analyses_are_encoded_on_the_dask_workers_as_one_process_encodes_them(tmp_path):
    from entente.display import json_line
    from entente.errors import InputError
    from entente.ingest import read
    from entente.run.cluster import Cluster
    from entente.run.local import InProcess
    from entente.settings import Settings
    from tests.test_workers import made_where

    settings = Settings(db=str(tmp_path / "unused.db"))
    items = list(read(inputs(tmp_path), settings.max_bytes))
    with loopback_cluster(tmp_path, workers=2) as (address, workers), Cluster(settings, address) as cluster:
        encoded = list(cluster.map_ordered(items, made_where))
        lines = list(cluster.map_ordered(items, json_line))
    alone = list(InProcess(settings).map_ordered(items, json_line))
    made_by = {r[0] for r in encoded if not isinstance(r, InputError)}
    assert made_by and made_by <= set(workers)  # on the Dask workers, not in this process
    assert [str(r) if isinstance(r, InputError) else r for r in lines] == [
        str(r) if isinstance(r, InputError) else r for r in alone]
    assert sum(isinstance(r, str) for r in lines) >= 14


def test_a_dask_worker_killed_mid_run_loses_nothing(tmp_path, schemas):
    import signal
    import time

    from tests.test_ingest_resume import write_feed

    url = schemas[0]
    feed = tmp_path / "feed.jsonl"
    total = 160
    write_feed(feed, total)
    env = dict(os.environ, PYTHONPATH=str(ROOT), ENTENTE_DB=str(tmp_path / "fallback.db"))

    def committed() -> int:
        with psycopg.connect(url) as db:
            try:
                return db.execute("SELECT count(*) FROM articles").fetchone()[0]
            except psycopg.Error:
                return 0

    with loopback_cluster(tmp_path, workers=2) as (address, workers):
        run = subprocess.Popen([sys.executable, "-m", "entente.cli", "ingest", str(feed), "--db", url, "--cluster",
                                address, "--batch", "10", "--format", "json", "--no-progress"], cwd=tmp_path,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        end = time.monotonic() + 600
        while committed() == 0 and run.poll() is None and time.monotonic() < end:
            time.sleep(0.2)
        assert run.poll() is None, "finished before a worker could be killed"
        os.kill(workers[0], signal.SIGKILL)
        out, err = run.communicate(timeout=900)
    assert run.returncode == 0, err
    summary = json.loads(out.splitlines()[-1])
    assert summary["new"] == total and summary["failed"] == 0, summary
    assert committed() == total


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Заголовок\n\nПутин прибыл в Пекин.", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), ENTENTE_DB=str(tmp_path / "s.db"))
    run = subprocess.run([sys.executable, "-m", "entente.cli", "ingest", str(page), "--cluster", "tcp://127.0.0.1:9"],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert run.returncode == 2
    assert "--cluster tcp://127.0.0.1:9: cannot reach a Dask scheduler there" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "s.db").exists()  # and no store was created


def test_without_dask_the_cluster_option_says_how_to_install_it(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text("Заголовок\n\nПутин прибыл в Пекин.", encoding="utf-8")
    blocker = tmp_path / "block"  # a `distributed` that cannot be imported, ahead of the real one
    (blocker / "distributed").mkdir(parents=True)
    (blocker / "distributed" / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = dict(os.environ, PYTHONPATH=f"{blocker}{os.pathsep}{ROOT}", ENTENTE_DB=str(tmp_path / "s.db"))
    run = subprocess.run([sys.executable, "-m", "entente.cli", "ingest", str(page), "--cluster",
                          "tcp://127.0.0.1:8786"], capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert run.returncode == 2
    assert "pip install 'entente[cluster]'" in run.stderr


def test_the_time_budget_holds_on_a_worker_thread():
    import threading
    import time

    from entente.run.cluster import _Overtime, thread_budget

    outcome: list[str] = []

    def task() -> None:
        started = time.monotonic()
        try:
            with thread_budget(0.3):
                while time.monotonic() - started < 30:  # an article that would never end
                    pass
            outcome.append("finished")
        except _Overtime:
            outcome.append(f"stopped after {time.monotonic() - started:.1f} s")
        with thread_budget(5):  # and one within its budget is left alone, then and later
            time.sleep(0.1)
        time.sleep(0.3)
        outcome.append("quick one done")

    thread = threading.Thread(target=task)
    thread.start()
    thread.join(60)
    assert len(outcome) == 2 and outcome[0].startswith("stopped after") and outcome[1] == "quick one done", outcome
    assert float(outcome[0].split()[2]) < 5
