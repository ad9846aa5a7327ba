"""`--workers N`: analysis in worker processes, checked with real processes.

* two workers print what one prints, byte for byte, bad inputs reported in the same order;
* a worker killed in the middle of an article, or stopped over the hard time limit, is reported with that
  article, and the run goes on;
* `ingest` killed with SIGKILL at random moments and re-run stores every article once, the same store
  as a clean run (articles, events, event clusters), and leaves no worker behind;
* Ctrl-C stores what was analyzed and stops the workers;
* the progress bar knows its total; wrong values of --workers and --cluster are one line, exit 2.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from entente.display import dumps, json_line
from entente.errors import InputError, MalformedInput
from entente.ingest import read
from entente.ingest.count import count
from entente.models import Analysis
from entente.run.local import InProcess
from entente.run.pool import Pool
from entente.settings import Settings
from tests.conftest import EXAMPLES, ROOT
from tests.test_ingest_resume import peek_count, write_feed

BATCH = 20


def entente(*args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "entente.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=_env(cwd))


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), ENTENTE_DB=str(tmp_path / "fallback.db"),
                XDG_DATA_HOME=str(tmp_path / "xdg"))


def mixed_inputs(folder: Path, articles: int = 30) -> Path:
    """The examples, a feed of `articles` records with bad ones among them, a binary and an empty file."""
    folder.mkdir()
    for path in EXAMPLES.iterdir():
        if path.suffix in (".txt", ".html", ".jsonl"):
            (folder / path.name).write_bytes(path.read_bytes())
    feed = folder / "feed.jsonl"
    write_feed(feed, articles)
    lines = feed.read_text(encoding="utf-8").splitlines()
    lines[3:3] = ["{not json"]
    lines[17:17] = ['{"title": "no text"}']
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_two_workers_print_what_one_prints_in_input_order(tmp_path):
    inputs = mixed_inputs(tmp_path / "in")
    one = entente("analyze", str(inputs), "--workers", "1", cwd=tmp_path)
    two = entente("analyze", str(inputs), "--workers", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1  # some inputs failed
    assert len(one.stdout.splitlines()) >= 40
    assert two.stdout == one.stdout
    errors = [line for line in one.stderr.splitlines() if line.startswith("entente: ")]
    assert len(errors) == 4, one.stderr
    assert [line for line in two.stderr.splitlines() if line.startswith("entente: ")] == errors


def test_a_worker_killed_on_an_article_is_reported_with_it_and_the_rest_is_analyzed(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 60)
    settings = Settings(db=str(tmp_path / "unused.db"))
    articles = list(read([str(feed)], settings.max_bytes))
    expected = [a.to_dict() for a in InProcess(settings).map_ordered(articles)]
    me, killed = psutil.Process(), []
    results = []
    with Pool(settings, 2) as pool:
        for result in pool.map_ordered(articles):
            results.append(result)
            if len(results) == 2:  # both workers are busy with chunks of their own: kill one mid-work
                victim = next(p for p in me.children() if p.pid in {w.process.pid for w in pool._workers})
                killed.append(victim.pid)
                victim.send_signal(signal.SIGKILL)
    assert len(results) == len(articles)
    errors = [(n, r) for n, r in enumerate(results) if isinstance(r, InputError)]
    assert len(errors) == 1, errors
    n, error = errors[0]
    assert "worker process died while analyzing it (killed by SIGKILL)" in error.reason
    assert error.line == articles[n].line and error.file == str(feed)
    assert [r.to_dict() for i, r in enumerate(results) if i != n] == [d for i, d in enumerate(expected) if i != n]
    assert not psutil.pid_exists(killed[0]) or psutil.Process(killed[0]).status() == psutil.STATUS_ZOMBIE


def test_an_article_over_the_hard_limit_stops_its_worker_and_the_run_goes_on(tmp_path):
    from entente.models import Article

    settings = Settings(db=str(tmp_path / "unused.db"))
    body = " ".join(f"Министр иностранных дел России Сергей Лавров встретился в Пекине с главой МИД КНР Ван И "
                    f"в {n}-й раз. Стороны обсудили торговлю." for n in range(300))  # seconds of analysis
    articles = [Article(file="long.txt", text=f"Заголовок {n}\n\n{body}") for n in range(2)]
    with Pool(settings, 1, hard_limit=0.3) as pool:
        results = list(pool.map_ordered(articles))
    assert [str(r) for r in results] == [
        "long.txt: analysis took over 0.3 s and its worker process was stopped; skipped"] * 2


def test_input_errors_pass_through_the_pool_in_order(tmp_path):
    settings = Settings(db=str(tmp_path / "unused.db"))
    inputs = list(read([str(mixed_inputs(tmp_path / "in", articles=6))], settings.max_bytes))
    with Pool(settings, 2) as pool:
        results = list(pool.map_ordered(inputs))
        again = list(pool.map_ordered(inputs[:5]))  # a second round on the same workers (a watcher's next poll)
    assert [str(r) if isinstance(r, InputError) else r.id for r in again] == [
        str(r) if isinstance(r, InputError) else r.id for r in results[:5]]
    assert [type(r).__name__ for r in results] == [
        type(i).__name__ if isinstance(i, InputError) else "Analysis" for i in inputs]
    assert any(isinstance(r, MalformedInput) for r in results)  # the error's own class, through pickling


def made_where(analysis: Analysis) -> tuple[int, str]:
    """An encoding that says which process made it (module-level, so a worker can find it by name)."""
    return os.getpid(), analysis.id


def test_the_workers_encode_each_analysis_where_they_made_it(tmp_path):
    settings = Settings(db=str(tmp_path / "unused.db"))
    inputs = list(read([str(mixed_inputs(tmp_path / "in", articles=12))], settings.max_bytes))
    with Pool(settings, 2) as pool:
        workers = {w.process.pid for w in pool._workers}
        encoded = list(pool.map_ordered(inputs, made_where))
        plain = list(pool.map_ordered(inputs))  # the same workers, the analyses themselves
        lines = list(pool.map_ordered(inputs, json_line))
    assert [r if isinstance(r, InputError) else r[1] for r in encoded] == [
        r if isinstance(r, InputError) else r.id for r in plain]
    made_by = {r[0] for r in encoded if not isinstance(r, InputError)}
    assert made_by and made_by <= workers  # in the workers, never in this process
    assert [str(r) if isinstance(r, InputError) else r for r in lines] == [
        str(r) if isinstance(r, InputError) else dumps(r.to_dict()) for r in plain]


# --- SIGKILL at random moments, then resume ---------------------------------------------------------------

def store_summary(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    try:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": sorted(r[0] for r in con.execute("SELECT id FROM articles")),
                "events": sorted(con.execute("SELECT article_id, id, cluster_id FROM events").fetchall()),
                "clusters": one("SELECT count(*) FROM event_clusters"),
                "quotes": one("SELECT count(*) FROM quotes"), "mentions": one("SELECT count(*) FROM mentions"),
                "integrity": one("PRAGMA integrity_check")}
    finally:
        con.close()


def ingest_cmd(feed: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "entente.cli", "ingest", str(feed), "--db", str(db), "--batch", str(BATCH),
            "--workers", "2", "--format", "json", "--no-progress"]


def kill_at(tmp_path: Path, feed: Path, db: Path, after: float | None) -> int:
    """Start an ingest, SIGKILL it `after` seconds in (None: as soon as it has committed a batch more than the
    store held); returns its exit code (negative: killed)."""
    before = peek_count(db) or 0
    proc = subprocess.Popen(ingest_cmd(feed, db), cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        if after is None:
            end = time.monotonic() + 600
            while (peek_count(db) or 0) <= before and proc.poll() is None and time.monotonic() < end:
                time.sleep(0.01)
        else:
            time.sleep(after)
        children = psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None else []
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    _, alive = psutil.wait_procs(children, timeout=30)  # orphaned workers leave by themselves
    assert not alive, f"workers left behind after their parent was killed: {alive}"
    return proc.returncode


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_ingest_killed_at_random_moments_stores_every_article_once(tmp_path):
    total = 300
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, total)
    clean = tmp_path / "clean.db"
    started = time.monotonic()
    done = subprocess.run(ingest_cmd(feed, clean), cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                          text=True, timeout=900)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["new"] == total

    seed = int(time.time())
    rng = random.Random(seed)
    moments: list[float | None] = sorted(rng.uniform(0.3, 1.0) * took for _ in range(3))
    db, kills = tmp_path / "killed.db", []
    for moment in [*moments, None]:  # three random moments, then one just after a commit
        if moment is None and any(code == -signal.SIGKILL and 0 < n < total for _, code, n in kills):
            break
        if moment is None and (peek_count(db) or 0) >= total:
            db = tmp_path / "killed-again.db"  # the random kills all missed the run's middle: a store to fill
        code = kill_at(tmp_path, feed, db, moment)
        stored = peek_count(db) or 0
        kills.append((None if moment is None else round(moment, 1), code, stored))
        assert stored == total or stored % BATCH == 0, f"a batch committed in part: {kills} (seed {seed})"
    assert any(code == -signal.SIGKILL and 0 < stored < total for _, code, stored in kills), \
        f"no kill landed in the middle of the run: {kills} (seed {seed}, clean run {took:.1f} s)"

    resumed = subprocess.run(ingest_cmd(feed, db), cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                             text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["read"] == total and summary["failed"] == 0
    assert summary["new"] + summary["already_stored"] == total
    assert store_summary(db) == store_summary(clean), f"kills {kills}, seed {seed}"
    assert len(store_summary(db)["articles"]) == total  # type: ignore[arg-type]


def test_ctrl_c_stores_what_was_analyzed_and_stops_the_workers(tmp_path):
    total = 300
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, total)
    db = tmp_path / "store.db"
    proc = subprocess.Popen(ingest_cmd(feed, db), cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        end = time.monotonic() + 600
        while not peek_count(db) and proc.poll() is None and time.monotonic() < end:
            time.sleep(0.05)
        assert proc.poll() is None, "finished before it could be interrupted"
        workers = psutil.Process(proc.pid).children(recursive=True)
        assert len(workers) >= 2
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole process group
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 2, err
    assert "interrupted" in err and "Traceback" not in err, err
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive
    stored = peek_count(db)
    assert stored and stored < total
    again = entente("ingest", str(feed), "--db", str(db), "--format", "json", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["already_stored"] == stored
    assert peek_count(db) == total


# --- progress, counting, usage ------------------------------------------------------------------------------

def test_the_progress_bar_has_a_total(tmp_path):
    inputs = mixed_inputs(tmp_path / "in", articles=6)
    total = count([str(inputs)])
    assert total == len(list(read([str(inputs)], 10_000_000)))
    run = entente("ingest", str(inputs), "--db", str(tmp_path / "s.db"), "--progress", "--workers", "1",
                  cwd=tmp_path)
    assert run.returncode == 1
    assert f"{total}/{total} [" in run.stderr, run.stderr


def test_count_knows_lists_lines_and_not_stdin(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": "a"}, {"text": "b"}, {"text": "c"}]))
    (tmp_path / "one.json").write_text(json.dumps({"text": "a"}, indent=2))
    (tmp_path / "lines.jsonl").write_text('{"text": "a"}\n\n  \n{"text": "b"}\n{"text": "c"}')
    (tmp_path / "page.txt").write_text("text")
    assert count([str(tmp_path)]) == 3 + 1 + 3 + 1
    assert count([str(tmp_path / "missing.txt")]) == 1
    assert count(["-", str(tmp_path)]) is None


@pytest.mark.parametrize(("args", "said"), [
    (["--workers", "0"], "--workers: '0': give a whole number from 1 to 512"),
    (["--workers", "two"], "--workers: 'two': give a whole number"),
    (["--cluster", "localhost:8786"], "is not a Dask scheduler address; give tcp://HOST:PORT"),
    (["--cluster", "tcp://127.0.0.1:99999"], "is not a Dask scheduler address"),
    (["--workers", "2", "--cluster", "tcp://127.0.0.1:8786"], "--workers and --cluster: give one"),
])
def test_wrong_workers_and_cluster_values_are_one_line_and_exit_2(tmp_path, args, said):
    page = tmp_path / "a.txt"
    page.write_text("Заголовок\n\nПутин прибыл в Пекин.", encoding="utf-8")
    run = entente("analyze", str(page), *args, cwd=tmp_path)
    assert run.returncode == 2
    assert said in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_models_that_cannot_load_stop_the_run_with_one_line(tmp_path, workers):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 10)
    actors = tmp_path / "actors.toml"
    actors.write_text("[[broken\n", encoding="utf-8")
    run = entente("analyze", str(feed), "--workers", workers, "--actors", str(actors), cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("cannot read actors file") == 1, run.stderr
    assert "Traceback" not in run.stderr
