"""Throughput of `entente analyze` and `entente ingest` with 1 and 2 worker processes, and of ingest on a
loopback Dask cluster of 1 and 2 workers into PostgreSQL: articles/s, CPU seconds, peak RSS per process.

    .venv/bin/python bench/throughput.py [--corpus PATH] [--limit N | --all] [--runs analyze,ingest,dask]
                                         [--pg URL] [--json]

Each figure is one real command over the first N corpus records (default 1,000) written to a JSON Lines
file: wall seconds end to end (start-up included), articles/s from them, and for `analyze` also the rate
from its first output line to its last (start-up excluded). CPU seconds are the whole process tree's
(getrusage of the waited-for children; for Dask, the worker processes' own CPU times); main_cpu_s is the
command's own process (as last seen, 0.2 s before its end at most), the rest is its workers'. Peak RSS is each
process's VmHWM, read from /proc every 0.2 s while it runs. Efficiency = rate with 2 / (2 x rate with 1).
The load average before and after each run is printed: on a shared machine, wall-clock figures move with
it, CPU seconds much less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dask_support import loopback_cluster  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "bench" / "corpus.jsonl"
PG = os.environ.get("ENTENTE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


class PeakRSS:
    """VmHWM of every process in the trees of `roots` (the command first, then any Dask worker), polled while
    they run: "main" is the command, "worker" the largest of the others."""

    def __init__(self, roots: list[int]):
        self.roots, self.peaks = roots, {}  # pid -> (name, MB)
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds, as last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.is_set():
            for root in self.roots:
                try:
                    tree = [psutil.Process(root), *psutil.Process(root).children(recursive=True)]
                except psutil.Error:
                    continue
                for p in tree:
                    try:
                        with open(f"/proc/{p.pid}/status") as fh:
                            hwm = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM"))
                        name = "main" if p.pid == self.roots[0] else "worker"
                        self.peaks[p.pid] = (name, max(hwm // 1024, self.peaks.get(p.pid, ("", 0))[1]))
                        times = p.cpu_times()
                        self.cpu[p.pid] = times.user + times.system
                    except (OSError, StopIteration, psutil.Error):
                        pass
            self._stop.wait(0.2)

    def by_role(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for name, mb in self.peaks.values():
            out[name] = max(out.get(name, 0), mb)
        return out


def load() -> float:
    return round(os.getloadavg()[0], 2)


def run_entente(args: list[str], workers_pids: list[int] | None = None) -> dict[str, Any]:
    """One `entente ARGS` to completion, measured."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    outside = {pid: psutil.Process(pid).cpu_times() for pid in workers_pids or []}
    load_before = load()
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "entente.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    roots = [proc.pid, *(workers_pids or [])]
    first = last = None
    lines = 0
    with PeakRSS(roots) as rss:
        assert proc.stdout is not None
        for _line in proc.stdout:
            now = time.monotonic()
            first = first or now
            last = now
            lines += 1
        err = proc.stderr.read() if proc.stderr else ""
        proc.wait()
    wall = time.monotonic() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"entente {' '.join(args)}: exit {proc.returncode}\n{err[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    for pid, t in outside.items():
        now_t = psutil.Process(pid).cpu_times()
        cpu += (now_t.user - t.user) + (now_t.system - t.system)
    peaks = rss.by_role()
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "main_cpu_s": round(rss.cpu.get(proc.pid, 0), 1),
            "lines": lines,
            "steady_s": round(last - first, 1) if first and last and last > first else None,
            "peak_rss_mb": peaks, "load_before": load_before, "load_after": load()}


def pg_schema(base: str) -> tuple[str, str]:
    import psycopg

    name = f"entente_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in base else "?"
    return name, f"{base}{sep}options=-csearch_path%3D{name}"


def drop_schema(base: str, name: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as db:
        db.execute(f"DROP SCHEMA {name} CASCADE")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=1000, help="the first N records (default 1,000)")
    ap.add_argument("--all", action="store_true", help="every record of the corpus")
    ap.add_argument("--runs", default="analyze,ingest,dask", help="which of analyze, ingest, dask")
    ap.add_argument("--pg", default=PG, help="PostgreSQL server for the Dask runs (a fresh schema each)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    runs = set(args.runs.split(","))
    results: dict[str, Any] = {"cores": os.cpu_count(), "affinity": len(os.sched_getaffinity(0))}
    with tempfile.TemporaryDirectory(prefix="entente-throughput-") as tmp:
        folder = Path(tmp)
        data = folder / "slice.jsonl"
        with open(args.corpus, encoding="utf-8") as src:
            rows = [line for line in src if line.strip()]
        rows = rows if args.all else rows[:args.limit]
        data.write_text("".join(rows), encoding="utf-8")
        n = len(rows)
        results["articles"] = n

        def note(name: str, figure: dict[str, Any]) -> None:
            figure["articles_per_s"] = round(n / figure["wall_s"], 2)
            if figure.get("steady_s"):
                figure["steady_articles_per_s"] = round((figure["lines"] - 1) / figure["steady_s"], 2)
            figure["articles_per_cpu_s"] = round(n / figure["cpu_s"], 2) if figure["cpu_s"] else None
            results[name] = figure
            print(f"{name:>16}: {json.dumps(figure)}", file=sys.stderr, flush=True)

        if "analyze" in runs:
            for w in (1, 2):
                note(f"analyze_{w}", run_entente(["analyze", str(data), "--workers", str(w), "--no-progress"]))
        if "ingest" in runs:
            for w in ("1", "default"):
                db = folder / f"ingest_{w}.db"
                extra = ["--workers", w] if w != "default" else []
                note(f"ingest_{w}", run_entente(["ingest", str(data), "--db", str(db), "--no-progress", *extra]))
        if "dask" in runs:
            for w in (1, 2):
                name, url = pg_schema(args.pg)
                try:
                    with loopback_cluster(folder, workers=w) as (address, pids):
                        time.sleep(1)
                        note(f"dask_{w}", run_entente(["ingest", str(data), "--db", url, "--cluster", address,
                                                       "--no-progress"], workers_pids=pids))
                finally:
                    drop_schema(args.pg, name)
        for kind in ("analyze", "dask"):
            one, two = results.get(f"{kind}_1"), results.get(f"{kind}_2")
            if one and two:
                results[f"{kind}_efficiency_2v1"] = round(two["articles_per_s"] / (2 * one["articles_per_s"]), 2)
                results[f"{kind}_cpu_overhead_2v1"] = round(two["cpu_s"] / one["cpu_s"], 2)
        if results.get("ingest_1") and results.get("ingest_default"):
            results["ingest_default_vs_1"] = round(results["ingest_default"]["articles_per_s"]
                                                   / results["ingest_1"]["articles_per_s"], 2)
    print(json.dumps(results, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
